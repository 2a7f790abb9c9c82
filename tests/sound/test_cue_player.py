"""The cue player: captions always, tones loaded once, latest spoken cue wins, quiet failures.

Speech runs on Qt's `mock` engine: it "speaks" one word every 100 ms, emitting sayingWord for
each and stateChanged (Speaking, then Ready) around them, and makes no sound. Tones run on fake
QSoundEffect/QMediaDevices classes (tests/sound/fake_multimedia.py, counting what is created)
because this machine has no audio output; one test drives the real Qt Multimedia to prove that
degrades quietly.
"""

from __future__ import annotations

import logging
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QLocale, QObject
from pytestqt.qtbot import QtBot

from spinecoach import paths
from spinecoach.core.cues import CueKind
from spinecoach.sound.cue_player import TONE_FILES, CuePlayer
from spinecoach.sound.fallback_voice import FallbackVoice
from spinecoach.sound.tones import ToneBank
from tests.sound.fake_multimedia import MACHINE_WARNINGS, FakeMediaDevices, FakeSoundEffect

SOUNDS = paths.resources_dir() / "sounds"
LOGGERS = "spinecoach.sound."  # the player, its tone bank and its voices

pytestmark = pytest.mark.qt_log_ignore(*MACHINE_WARNINGS)


def audio_warnings(caplog: pytest.LogCaptureFixture) -> list[str]:
    return [
        r.getMessage()
        for r in caplog.records
        if r.name.startswith(LOGGERS) and r.levelno >= logging.WARNING
    ]


def loaded(player: CuePlayer) -> list[QObject]:
    """What the player has loaded: anything under it but its (empty) tone bank and voice."""
    return [
        child
        for child in player.findChildren(QObject)
        if not isinstance(child, (ToneBank, FallbackVoice))
    ]


def every_cue(player: CuePlayer, rounds: int = 1) -> list[str]:
    """Play every kind of cue `rounds` times; return the captions expected, in order."""
    expected = []
    for n in range(rounds):
        for kind in CueKind:
            caption = f"{kind} #{n}"
            player.play(kind, f"say {kind}", caption)
            expected.append(caption)
    return expected


# ---- captions ---------------------------------------------------------------------------------


def test_every_cue_shows_its_caption_with_sound_and_voice_off(qtbot: QtBot) -> None:
    player = CuePlayer(SOUNDS, speech_engine="mock")
    player.configure(sound_enabled=False, voice_enabled=False)
    captions: list[str] = []
    player.caption_shown.connect(captions.append)

    expected = every_cue(player)

    assert captions == expected
    assert loaded(player) == []  # nothing loaded: no sound, no speech engine


def test_an_empty_spoken_text_still_shows_the_caption(qtbot: QtBot) -> None:
    player = CuePlayer(SOUNDS, speech_engine="mock")
    player.configure(sound_enabled=False)
    with qtbot.waitSignal(player.caption_shown) as blocker:
        player.play(CueKind.REST, "", "Rest 15 s")
    assert blocker.args == ["Rest 15 s"]


def test_an_unknown_kind_keeps_its_caption_and_warns_once(
    qtbot: QtBot, caplog: pytest.LogCaptureFixture
) -> None:
    player = CuePlayer(SOUNDS, speech_engine="mock")
    player.configure(sound_enabled=False, voice_enabled=False)
    captions: list[str] = []
    player.caption_shown.connect(captions.append)
    for _ in range(3):
        player.play("bogus", "", "Still shown")  # type: ignore[arg-type]
    assert captions == ["Still shown"] * 3
    assert len(audio_warnings(caplog)) == 1


def test_start_up_does_not_load_multimedia_or_speech() -> None:
    code = (
        "import sys\n"
        "from PySide6.QtCore import QCoreApplication\n"
        "from spinecoach import paths\n"
        "from spinecoach.core.cues import CueKind\n"
        "from spinecoach.sound.cue_player import CuePlayer\n"
        "app = QCoreApplication([])\n"
        "player = CuePlayer(paths.resources_dir() / 'sounds')\n"
        "heavy = ('PySide6.QtMultimedia', 'PySide6.QtTextToSpeech')\n"
        "print(sorted(m for m in heavy if m in sys.modules))\n"
        "player.configure(sound_enabled=False, voice_enabled=False, volume=10)\n"
        "for kind in CueKind:\n"
        "    player.play(kind, 'words', 'caption')\n"
        "print(sorted(m for m in heavy if m in sys.modules))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split("\n")[:2] == ["[]", "[]"]


# ---- voice (Qt's mock engine) -------------------------------------------------------------------


@pytest.fixture
def voiced(qtbot: QtBot) -> Iterator[tuple[CuePlayer, Any]]:
    """A player speaking through the mock engine (British English: voice "Bob"), no tones."""
    from PySide6.QtTextToSpeech import QTextToSpeech

    player = CuePlayer(
        SOUNDS,
        speech_engine="mock",
        locale=QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom),
    )
    player.configure(sound_enabled=False, voice_enabled=True, volume=50)
    player.prepare()
    engine = player.findChild(QTextToSpeech)
    assert engine is not None
    assert player.voice_available and player.voice_name == "Bob"
    yield player, engine
    player.stop()


def words_of(engine: Any) -> list[str]:
    words: list[str] = []
    engine.sayingWord.connect(lambda word, *_rest: words.append(word))
    return words


def test_spoken_text_reaches_the_engine(qtbot: QtBot, voiced: tuple[CuePlayer, Any]) -> None:
    from PySide6.QtTextToSpeech import QTextToSpeech

    player, engine = voiced
    words = words_of(engine)
    with qtbot.waitSignal(engine.stateChanged) as started:
        player.play(CueKind.NEXT_UP, "Next up: bird dog", "Next: Bird dog")
    assert started.args == [QTextToSpeech.State.Speaking]
    qtbot.waitUntil(lambda: engine.state() == QTextToSpeech.State.Ready, timeout=3000)
    assert words == ["Next", "up", "bird", "dog"]


def test_a_new_cue_interrupts_the_one_being_spoken(
    qtbot: QtBot, voiced: tuple[CuePlayer, Any]
) -> None:
    from PySide6.QtTextToSpeech import QTextToSpeech

    player, engine = voiced
    words = words_of(engine)
    states: list[QTextToSpeech.State] = []
    engine.stateChanged.connect(states.append)

    first = "Rest now and breathe slowly in and out"
    player.play(CueKind.REST, first, "Rest")
    qtbot.waitUntil(lambda: len(words) >= 1, timeout=3000)
    said = len(words)  # 1, or 2 on a very slow machine
    player.play(CueKind.SWITCH_SIDES, "Switch sides", "Switch sides")
    qtbot.waitUntil(lambda: engine.state() == QTextToSpeech.State.Ready, timeout=3000)

    assert words[:said] == first.split()[:said]
    assert words[said:] == ["Switch", "sides"]  # nothing more of the first cue
    ready, speaking = QTextToSpeech.State.Ready, QTextToSpeech.State.Speaking
    assert states == [speaking, ready, speaking, ready]


def test_a_countdown_does_not_queue_stale_words(
    qtbot: QtBot, voiced: tuple[CuePlayer, Any]
) -> None:
    from PySide6.QtTextToSpeech import QTextToSpeech

    player, engine = voiced
    words = words_of(engine)
    for number in ("three", "two", "one"):  # faster than the engine can say them
        player.play(CueKind.TICK, number, number)
    qtbot.waitUntil(lambda: engine.state() == QTextToSpeech.State.Ready, timeout=3000)
    assert words == ["one"]


def test_with_voice_off_nothing_is_spoken(qtbot: QtBot, voiced: tuple[CuePlayer, Any]) -> None:
    from PySide6.QtTextToSpeech import QTextToSpeech

    player, engine = voiced
    requests: list[int] = []
    engine.aboutToSynthesize.connect(requests.append)  # emitted synchronously by say()
    player.configure(voice_enabled=False)
    captions: list[str] = []
    player.caption_shown.connect(captions.append)

    expected = every_cue(player)

    assert captions == expected
    assert requests == []
    assert engine.state() == QTextToSpeech.State.Ready  # the mock changes state inside say()


def test_turning_voice_off_silences_it_at_once(qtbot: QtBot, voiced: tuple[CuePlayer, Any]) -> None:
    from PySide6.QtTextToSpeech import QTextToSpeech

    player, engine = voiced
    player.play(CueKind.GET_READY, "Get ready: lie on your back", "Get ready")
    assert engine.state() == QTextToSpeech.State.Speaking
    player.configure(voice_enabled=False)
    assert engine.state() == QTextToSpeech.State.Ready


def test_voice_off_from_the_start_never_loads_an_engine(qtbot: QtBot) -> None:
    player = CuePlayer(SOUNDS, speech_engine="mock")
    player.configure(sound_enabled=False, voice_enabled=False)
    player.prepare()
    every_cue(player)
    assert loaded(player) == []


@pytest.mark.parametrize(
    ("locale", "voice"),
    [
        (QLocale.c(), "Charly"),  # C/POSIX: an English voice, chosen explicitly
        (QLocale("en_GB"), "Bob"),
        (QLocale("en_US"), "Charly"),
        (QLocale("fi_FI"), "Kari"),
        (QLocale("nb_NO"), "Eivind"),
    ],
)
def test_the_voice_speaks_the_users_language(qtbot: QtBot, locale: QLocale, voice: str) -> None:
    player = CuePlayer(SOUNDS, speech_engine="mock", locale=locale)
    player.configure(sound_enabled=False)
    assert player.voice_available
    assert player.voice_name == voice


def test_without_a_voice_of_the_language_the_cues_are_captions_and_settings_say_why(
    qtbot: QtBot,
) -> None:
    # Qt's mock engine speaks English, Finnish and Norwegian, not German: German cues are
    # not read by an English voice; the captions and tones stay, and the reason names German.
    player = CuePlayer(SOUNDS, speech_engine="mock", locale=QLocale("de_DE"))
    player.configure(sound_enabled=False)
    player.prepare()
    assert not player.voice_available
    assert "Deutsch" in player.why_not_spoken
    assert player.silence_note() != ""


def test_volume_maps_to_zero_to_one_for_the_voice(
    qtbot: QtBot, voiced: tuple[CuePlayer, Any]
) -> None:
    player, engine = voiced
    assert engine.volume() == pytest.approx(0.5)
    for setting, level in ((35, 0.35), (100, 1.0), (0, 0.0), (150, 1.0), (-5, 0.0)):
        player.configure(volume=setting)
        assert engine.volume() == pytest.approx(level)
    assert player.volume == 0


def test_an_absent_speech_engine_warns_once_and_captions_go_on(
    qtbot: QtBot, caplog: pytest.LogCaptureFixture
) -> None:
    player = CuePlayer(SOUNDS, speech_engine="no-such-engine")
    player.configure(sound_enabled=False)
    captions: list[str] = []
    player.caption_shown.connect(captions.append)

    expected = every_cue(player, rounds=5)

    assert captions == expected
    assert not player.voice_available
    assert player.voice_name == ""
    assert len(audio_warnings(caplog)) == 1
    assert "no speech engine" in audio_warnings(caplog)[0]


def test_missing_text_to_speech_library_warns_once(
    qtbot: QtBot, caplog: pytest.LogCaptureFixture, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "PySide6.QtTextToSpeech", None)  # import fails
    player = CuePlayer(SOUNDS, speech_engine="mock")
    player.configure(sound_enabled=False)
    captions: list[str] = []
    player.caption_shown.connect(captions.append)

    expected = every_cue(player, rounds=5)

    assert captions == expected
    assert not player.voice_available
    assert len(audio_warnings(caplog)) == 1
    assert "TextToSpeech" in audio_warnings(caplog)[0]


# ---- tones (fake Qt Multimedia classes) -------------------------------------------------------


def toned(**settings: Any) -> CuePlayer:
    player = CuePlayer(SOUNDS, speech_engine="mock")
    player.configure(voice_enabled=False, **settings)
    return player


def test_each_tone_is_loaded_once_and_kept(
    qtbot: QtBot, fake_multimedia: type[FakeSoundEffect]
) -> None:
    player = toned()
    for _ in range(5):
        player.play(CueKind.TICK, "", "3")
    for _ in range(3):
        player.play(CueKind.START, "", "Go")
    player.play(CueKind.NEXT_UP, "", "Next")  # voice only: no tone

    effects = {e.file_name: e for e in fake_multimedia.created}
    assert len(fake_multimedia.created) == 2
    assert effects["tick.wav"].plays == 5
    assert effects["start.wav"].plays == 3
    bank = player.findChild(ToneBank)
    assert bank is not None and bank.parent() is player  # kept for the life of the player
    assert all(e.parent() is bank for e in fake_multimedia.created)


def test_prepare_loads_every_tone_ahead_of_the_first_cue(
    qtbot: QtBot, fake_multimedia: type[FakeSoundEffect]
) -> None:
    player = toned()
    player.prepare()
    assert sorted(e.file_name for e in fake_multimedia.created) == sorted(TONE_FILES.values())
    every_cue(player, rounds=3)
    assert len(fake_multimedia.created) == len(TONE_FILES)
    plays = {e.file_name: e.plays for e in fake_multimedia.created}
    assert plays == dict.fromkeys(TONE_FILES.values(), 3)


@pytest.mark.parametrize(
    ("kind", "file_name"),
    [
        (CueKind.START, "start.wav"),
        (CueKind.TICK, "tick.wav"),
        (CueKind.END_OF_HOLD, "end.wav"),
        (CueKind.SWITCH_SIDES, "switch.wav"),
        (CueKind.COMPLETE, "complete.wav"),
        (CueKind.NEXT_UP, None),
        (CueKind.GET_READY, None),
        (CueKind.REST, None),
    ],
)
def test_kind_to_tone(
    qtbot: QtBot, fake_multimedia: type[FakeSoundEffect], kind: CueKind, file_name: str | None
) -> None:
    player = toned()
    player.play(kind, "", kind)
    assert [e.file_name for e in fake_multimedia.created] == ([file_name] if file_name else [])


def test_volume_maps_to_zero_to_one_for_the_tones(
    qtbot: QtBot, fake_multimedia: type[FakeSoundEffect]
) -> None:
    player = toned(volume=80)
    player.prepare()

    def levels() -> list[float]:
        return [e.level for e in fake_multimedia.created]

    assert levels() == pytest.approx([0.8] * len(TONE_FILES))
    for setting, level in ((35, 0.35), (100, 1.0), (0, 0.0), (150, 1.0), (-5, 0.0)):
        player.configure(volume=setting)
        assert levels() == pytest.approx([level] * len(TONE_FILES))


def test_sound_off_plays_no_tone_and_stops_a_sounding_one(
    qtbot: QtBot, fake_multimedia: type[FakeSoundEffect]
) -> None:
    player = toned()
    player.play(CueKind.COMPLETE, "", "Well done")
    (effect,) = fake_multimedia.created
    player.configure(sound_enabled=False)
    assert effect.stops == 1
    every_cue(player)
    assert effect.plays == 1
    assert len(fake_multimedia.created) == 1


def test_no_audio_output_creates_no_effect_and_warns_once(
    qtbot: QtBot, fake_multimedia: type[FakeSoundEffect], caplog: pytest.LogCaptureFixture
) -> None:
    FakeMediaDevices.outputs = []
    player = toned()
    captions: list[str] = []
    player.caption_shown.connect(captions.append)

    expected = every_cue(player, rounds=5)

    assert captions == expected
    assert fake_multimedia.created == []
    assert not player.sound_available
    assert audio_warnings(caplog) == ["Cue tones are off: no audio output device"]


def test_an_audio_output_that_appears_later_is_used(
    qtbot: QtBot, fake_multimedia: type[FakeSoundEffect]
) -> None:
    FakeMediaDevices.outputs = []
    player = toned()
    player.play(CueKind.TICK, "", "3")
    assert not player.sound_available
    (devices,) = player.findChildren(FakeMediaDevices)

    FakeMediaDevices.outputs = ["headphones"]
    with qtbot.waitSignal(player.availability_changed):
        devices.audioOutputsChanged.emit()
    assert player.sound_available
    player.play(CueKind.TICK, "", "2")
    (effect,) = fake_multimedia.created
    assert effect.plays == 1

    FakeMediaDevices.outputs = ["speakers", "headphones"]  # the default output changes
    devices.audioOutputsChanged.emit()
    assert effect.device == "speakers"


def test_missing_qt_multimedia_warns_once_and_captions_go_on(
    qtbot: QtBot, caplog: pytest.LogCaptureFixture, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "PySide6.QtMultimedia", None)  # as without libpulse0
    player = toned()
    captions: list[str] = []
    player.caption_shown.connect(captions.append)

    expected = every_cue(player, rounds=10)
    player.prepare()

    assert captions == expected
    assert not player.sound_available
    warnings = audio_warnings(caplog)
    assert len(warnings) == 1
    assert warnings[0].startswith("Cue tones are off: Qt Multimedia is missing")


def test_a_missing_tone_file_warns_once(
    qtbot: QtBot,
    fake_multimedia: type[FakeSoundEffect],
    caplog: pytest.LogCaptureFixture,
    tmp_path: Path,
) -> None:
    player = CuePlayer(tmp_path, speech_engine="mock")  # an empty folder
    player.configure(voice_enabled=False)
    for _ in range(4):
        player.play(CueKind.TICK, "", "3")
    assert fake_multimedia.created == []
    assert len(audio_warnings(caplog)) == 1


def test_the_real_multimedia_backend_never_raises(
    qtbot: QtBot, caplog: pytest.LogCaptureFixture
) -> None:
    """Whatever this machine has (here: no audio output), cues go on and warn at most once."""
    player = toned(volume=0)  # silent, should this machine have speakers
    captions: list[str] = []
    player.caption_shown.connect(captions.append)
    player.prepare()

    expected = every_cue(player, rounds=3)

    assert captions == expected
    assert len(audio_warnings(caplog)) <= 1
    if not player.sound_available:
        assert audio_warnings(caplog) == ["Cue tones are off: no audio output device"]


def test_a_speech_dispatcher_that_does_not_answer_is_not_used(
    qtbot: QtBot, caplog: pytest.LogCaptureFixture
) -> None:
    """Qt's speechd engine would wait for a wedged daemon forever, freezing the player."""
    asked: list[bool] = []

    def silent_daemon() -> bool:
        asked.append(True)
        return False

    player = CuePlayer(SOUNDS, speech_engine="speechd", speechd_answers=silent_daemon)
    player.configure(sound_enabled=False)
    captions: list[str] = []
    player.caption_shown.connect(captions.append)

    expected = every_cue(player, rounds=2)

    assert captions == expected  # captions go on
    assert asked == [True]  # asked once, not per cue
    assert not player.voice_available
    warnings = audio_warnings(caplog)
    assert any("speech-dispatcher does not answer" in w for w in warnings)
