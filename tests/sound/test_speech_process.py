"""The speech engine in a process of its own (for speechd, whose start froze the window).

Qt's mock engine stands in for speechd inside the real helper process: it "speaks" a word every
100 ms and reports its states, which the helper passes on.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QLocale, QProcess
from pytestqt.qtbot import QtBot

from spinecoach import paths
from spinecoach.core.cues import CueKind
from spinecoach.sound.cue_player import CuePlayer
from spinecoach.sound.speech_process import SpeechProcess

SOUNDS = paths.resources_dir() / "sounds"
BRITISH = QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom)
START_MS = 15_000  # a fresh Python with PySide on a loaded 2-core machine


@pytest.fixture
def player(qtbot: QtBot) -> Iterator[CuePlayer]:
    """A player whose (mock) engine runs in the helper process, no tones."""
    cue_player = CuePlayer(SOUNDS, speech_engine="mock", separate_engines={"mock"}, locale=BRITISH)
    cue_player.configure(sound_enabled=False)
    yield cue_player
    cue_player.shut_down()


def helper_of(player: CuePlayer) -> SpeechProcess:
    [helper] = player.findChildren(SpeechProcess)
    return helper


def test_prepare_returns_at_once_and_the_voice_follows(qtbot: QtBot, player: CuePlayer) -> None:
    captions: list[str] = []
    player.caption_shown.connect(captions.append)
    with qtbot.waitSignal(player.availability_changed, timeout=START_MS):
        player.prepare()
        assert player.voice_pending
        assert not player.voice_available  # meanwhile cues are shown (and sounded), not spoken
        for kind in CueKind:
            player.play(kind, f"say {kind}", kind)
        assert captions == list(CueKind)
    assert not player.voice_pending
    assert player.voice_available
    assert player.voice_name == "Bob"  # chosen in the helper for the texts' language


def test_the_helper_speaks_the_latest_cue_and_stops(qtbot: QtBot, player: CuePlayer) -> None:
    with qtbot.waitSignal(player.availability_changed, timeout=START_MS):
        player.prepare()
    states: list[str] = []
    helper_of(player).state_changed.connect(states.append)
    player.play(CueKind.GET_READY, "one two three four five six seven", "Get ready")
    qtbot.waitUntil(lambda: states[-1:] == ["speaking"], timeout=3000)
    player.stop()
    qtbot.waitUntil(lambda: states[-1:] == ["ready"], timeout=3000)
    player.play(CueKind.START, "hold still", "Hold")
    qtbot.waitUntil(lambda: states[-1:] == ["speaking"], timeout=3000)
    qtbot.waitUntil(lambda: states[-1:] == ["ready"], timeout=3000)  # two words, then done


def test_a_helper_that_dies_leaves_captions_and_says_why(
    qtbot: QtBot, player: CuePlayer, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO, logger="spinecoach")
    with qtbot.waitSignal(player.availability_changed, timeout=START_MS):
        player.prepare()
    process = helper_of(player)._process
    with qtbot.waitSignal(player.availability_changed, timeout=5000):
        process.kill()
    assert not player.voice_available
    assert not player.voice_pending
    assert any("speech helper ended" in r.getMessage() for r in caplog.records)
    captions: list[str] = []
    player.caption_shown.connect(captions.append)
    player.play(CueKind.REST, "rest now", "Rest")  # nothing raises, the caption still shows
    assert captions == ["Rest"]


def test_an_engine_that_cannot_start_is_reported_and_the_helper_ends(qtbot: QtBot) -> None:
    helper = SpeechProcess("no-such-engine", BRITISH, 80)
    with qtbot.waitSignal(helper.failed, timeout=START_MS) as failed:
        pass
    assert "not initialized" in failed.args[0]  # Qt's own words, passed on
    qtbot.waitUntil(lambda: helper._process.state() == QProcess.ProcessState.NotRunning)


def test_the_helper_ends_when_spinecoach_goes_away(qtbot: QtBot) -> None:
    helper = SpeechProcess("mock", BRITISH, 80)
    with qtbot.waitSignal(helper.ready, timeout=START_MS):
        pass
    process = helper._process
    process.closeWriteChannel()  # what the helper sees when SpineCoach exits or crashes
    assert process.waitForFinished(5000)
    assert process.exitCode() == 0
    helper.shut_down()  # then harmless


def test_shutting_down_ends_the_helper_even_while_it_starts(qtbot: QtBot) -> None:
    helper = SpeechProcess("mock", BRITISH, 80)
    failures: list[str] = []
    helper.failed.connect(failures.append)
    helper.shut_down()
    assert helper._process.state() == QProcess.ProcessState.NotRunning
    qtbot.wait(100)
    assert failures == []  # ending it on purpose is not a failure


def test_a_player_that_goes_away_ends_its_helper_quietly(qtbot: QtBot) -> None:
    """Its window closed: the helper is ended, not killed with "destroyed while running"."""
    from PySide6.QtCore import QObject

    from spinecoach.sound import speech_process

    owner = QObject()
    cue_player = CuePlayer(
        SOUNDS, speech_engine="mock", separate_engines={"mock"}, locale=BRITISH, parent=owner
    )
    cue_player.configure(sound_enabled=False)
    cue_player.prepare()
    [process] = [
        p for p in speech_process._running if p.state() != QProcess.ProcessState.NotRunning
    ]
    with qtbot.waitSignal(owner.destroyed, timeout=1000):
        owner.deleteLater()
    assert process.state() == QProcess.ProcessState.NotRunning  # ended with the player
    assert process not in speech_process._running


def test_the_helper_is_this_python_installed_and_the_bundle_itself_when_frozen() -> None:
    from spinecoach.sound.speech_process import helper_command

    args = ["speechd", "en_GB", "80"]
    assert helper_command(args, executable="/venv/bin/python", frozen=False) == (
        "/venv/bin/python",
        ["-m", "spinecoach.sound.speech_process", *args],
    )
    assert helper_command(args, executable="/opt/SpineCoach/SpineCoach", frozen=True) == (
        "/opt/SpineCoach/SpineCoach",
        ["--speech-helper", *args],
    )
