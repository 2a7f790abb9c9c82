"""The voice seam: the cue player speaks through whatever Voice it holds; no voice says why.

RecordingVoice is a hand-written Voice that records what the player asks of it. FallbackVoice
runs Qt's mock engine, in SpineCoach's process or in the helper process.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QLocale, QObject, Signal
from pytestqt.qtbot import QtBot

from spinecoach import paths
from spinecoach.core.cues import CueKind
from spinecoach.sound.cue_player import CuePlayer
from spinecoach.sound.fallback_voice import FallbackVoice
from spinecoach.sound.local_voice import LocalVoice
from spinecoach.sound.speech_process import SpeechProcess
from spinecoach.sound.voice import NoVoice, Voice

SOUNDS = paths.resources_dir() / "sounds"
BRITISH = QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom)
START_MS = 15_000  # a fresh Python with PySide on a loaded 2-core machine


class RecordingVoice(QObject):
    """A Voice that is ready (or pending) as told, and records what it is asked."""

    changed = Signal()

    def __init__(self, *, available: bool = True, pending: bool = False) -> None:
        super().__init__()
        self.available = available
        self.pending = pending
        self.name = "Test voice" if available else ""
        self.reason = ""
        self.said: list[str] = []
        self.volumes: list[int] = []
        self.starts = 0
        self.stops = 0
        self.shut_downs = 0

    def start(self) -> None:
        self.starts += 1

    def say(self, text: str) -> None:
        self.said.append(text)

    def stop(self) -> None:
        self.stops += 1

    def set_volume(self, volume: int) -> None:
        self.volumes.append(volume)

    def shut_down(self) -> None:
        self.shut_downs += 1


def voiced_player(voice: Voice) -> CuePlayer:
    player = CuePlayer(SOUNDS, voice=voice)
    player.configure(sound_enabled=False)
    return player


def test_no_voice_is_silent_and_says_why(qtbot: QtBot) -> None:
    voice = NoVoice("no speech engine is installed")
    changes: list[bool] = []
    voice.changed.connect(lambda: changes.append(True))
    voice.start()
    voice.set_volume(50)
    voice.say("Hold for 20 seconds")
    voice.stop()
    voice.shut_down()
    assert (voice.available, voice.pending, voice.name) == (False, False, "")
    assert voice.reason == "no speech engine is installed"
    assert changes == []


def test_a_player_without_a_voice_still_shows_every_caption(qtbot: QtBot) -> None:
    player = voiced_player(NoVoice("no speech engine is installed"))
    captions: list[str] = []
    player.caption_shown.connect(captions.append)
    player.prepare()
    for kind in CueKind:
        player.play(kind, f"say {kind}", kind)
    assert captions == list(CueKind)
    assert not player.voice_available
    assert not player.voice_pending
    assert player.voice_name == ""


def test_the_player_speaks_through_the_voice_it_holds(qtbot: QtBot) -> None:
    voice = RecordingVoice()
    player = voiced_player(voice)
    player.play(CueKind.NEXT_UP, "Next up: bird dog", "Next: Bird dog")
    player.play(CueKind.TICK, "", "3")  # nothing to say
    assert voice.said == ["Next up: bird dog"]
    assert player.voice_available and player.voice_name == "Test voice"

    player.configure(volume=150)
    assert voice.volumes == [100]  # clamped, as for the tones
    player.stop()
    assert voice.stops == 1
    player.configure(voice_enabled=False)
    assert voice.stops == 2
    player.play(CueKind.REST, "Rest", "Rest")
    assert voice.said == ["Next up: bird dog"]  # voice off: nothing more said
    player.shut_down()
    assert voice.shut_downs == 1


def test_a_pending_voice_is_not_spoken_to_and_its_news_reaches_the_player(qtbot: QtBot) -> None:
    voice = RecordingVoice(available=False, pending=True)
    player = voiced_player(voice)
    player.play(CueKind.GET_READY, "Get ready", "Get ready")
    assert voice.said == []
    assert voice.starts >= 1  # the first spoken cue starts the voice
    assert player.voice_pending and not player.voice_available

    voice.available, voice.pending = True, False
    with qtbot.waitSignal(player.availability_changed):
        voice.changed.emit()
    player.play(CueKind.START, "Hold", "Hold")
    assert voice.said == ["Hold"]


def test_the_fallback_voice_loads_nothing_until_started(qtbot: QtBot) -> None:
    voice = FallbackVoice(engine="mock")
    voice.set_volume(40)
    voice.say("nothing yet")
    voice.stop()
    assert voice.findChildren(QObject) == []
    assert (voice.available, voice.pending, voice.reason) == (False, False, "")


def test_the_fallback_voice_speaks_through_a_local_engine(qtbot: QtBot) -> None:
    voice = FallbackVoice(engine="mock", locale=BRITISH)
    with qtbot.waitSignal(voice.changed):
        voice.start()
    assert voice.available and not voice.pending
    assert voice.name == "Bob"
    assert voice.findChild(LocalVoice) is not None


def test_without_an_engine_the_fallback_voice_says_why(qtbot: QtBot) -> None:
    voice = FallbackVoice(engine="no-such-engine")
    voice.start()
    assert (voice.available, voice.pending, voice.name) == (False, False, "")
    assert voice.reason.startswith("no speech engine could be started (installed: ")
    assert voice.findChild(NoVoice) is not None


@pytest.fixture
def helper_voice(qtbot: QtBot) -> Iterator[FallbackVoice]:
    """A fallback voice whose only engine (mock) runs in the helper process."""
    voice = FallbackVoice(engine="mock", separate_engines={"mock"}, locale=BRITISH)
    yield voice
    voice.shut_down()


def test_when_its_helper_dies_the_fallback_voice_moves_on_and_says_why(
    qtbot: QtBot, helper_voice: FallbackVoice
) -> None:
    with qtbot.waitSignal(helper_voice.changed, timeout=START_MS):
        helper_voice.start()
        assert helper_voice.pending
    assert helper_voice.available and helper_voice.name == "Bob"

    [helper] = helper_voice.findChildren(SpeechProcess)
    with qtbot.waitSignal(helper_voice.changed, timeout=5000):
        helper._process.kill()
    assert not helper_voice.available and not helper_voice.pending
    assert helper.reason.startswith("the speech helper ended")
    assert helper_voice.reason.startswith("no speech engine could be started")
