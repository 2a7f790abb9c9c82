"""The reminder chime: nothing loaded until it rings, then one tone of a (possibly shared) bank."""

from __future__ import annotations

import logging
import os
import subprocess
import sys
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from spinecoach import paths
from spinecoach.core.cues import CueKind
from spinecoach.sound.cue_player import TONE_FILES, CuePlayer
from spinecoach.sound.reminder_chime import CHIME_FILE, ReminderChime
from spinecoach.sound.tones import ToneBank
from spinecoach.sound.voice import NoVoice
from tests.sound.fake_multimedia import MACHINE_WARNINGS, FakeMediaDevices, FakeSoundEffect

SOUNDS = paths.resources_dir() / "sounds"

pytestmark = pytest.mark.qt_log_ignore(*MACHINE_WARNINGS)


def test_a_chime_that_never_rings_never_loads_qt_multimedia() -> None:
    code = (
        "import sys\n"
        "from PySide6.QtCore import QCoreApplication\n"
        "from spinecoach import paths\n"
        "from spinecoach.sound.reminder_chime import ReminderChime\n"
        "app = QCoreApplication([])\n"
        "chime = ReminderChime(paths.resources_dir() / 'sounds', 80)\n"
        "chime.set_volume(20)\n"
        "print(chime.loaded, 'PySide6.QtMultimedia' in sys.modules)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split("\n")[0] == "False False"


def test_the_chime_loads_on_its_first_ring_at_the_set_volume(
    qtbot: QtBot, fake_multimedia: type[FakeSoundEffect]
) -> None:
    chime = ReminderChime(SOUNDS, 70)
    assert not chime.loaded
    chime.play()
    chime.play()
    assert chime.loaded
    (effect,) = fake_multimedia.created
    assert effect.file_name == CHIME_FILE
    assert effect.plays == 2
    assert effect.level == pytest.approx(0.7)
    chime.set_volume(40)
    assert effect.level == pytest.approx(0.4)


def test_without_an_audio_output_the_chime_is_silent_and_says_so_once_at_info(
    qtbot: QtBot, fake_multimedia: type[FakeSoundEffect], caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO, logger="spinecoach")
    FakeMediaDevices.outputs = []
    chime = ReminderChime(SOUNDS, 80)
    for _ in range(3):
        chime.play()
    assert not chime.loaded
    assert fake_multimedia.created == []
    said = [r for r in caplog.records if r.name.startswith("spinecoach.sound")]
    assert [(r.levelno, r.getMessage()) for r in said] == [
        (logging.INFO, "The reminder chime is off: no audio output device")
    ]


def test_the_cue_player_and_the_chime_share_one_tone_bank(
    qtbot: QtBot, fake_multimedia: type[FakeSoundEffect]
) -> None:
    bank = ToneBank(SOUNDS)
    player = CuePlayer(SOUNDS, tones=bank, voice=NoVoice("not under test"))
    chime = ReminderChime(SOUNDS, 80, tones=bank)
    player.prepare()
    chime.play()
    chime.play()
    player.play(CueKind.TICK, "", "3")

    names = sorted(e.file_name for e in fake_multimedia.created)
    assert names == sorted([*TONE_FILES.values(), CHIME_FILE])  # each loaded once, in one place
    assert all(e.parent() is bank for e in fake_multimedia.created)
    plays = {e.file_name: e.plays for e in fake_multimedia.created}
    assert (plays[CHIME_FILE], plays["tick.wav"]) == (2, 1)

    player.configure(volume=30)  # one volume setting for cues and chime
    assert [e.level for e in fake_multimedia.created] == pytest.approx([0.3] * len(names))


def test_a_shared_bank_reports_each_missing_file_once(
    qtbot: QtBot,
    fake_multimedia: type[FakeSoundEffect],
    caplog: pytest.LogCaptureFixture,
    tmp_path: Path,
) -> None:
    bank = ToneBank(tmp_path)  # an empty folder
    player = CuePlayer(tmp_path, tones=bank, voice=NoVoice("not under test"))
    chime = ReminderChime(tmp_path, 80, tones=bank)
    for _ in range(3):
        chime.play()
        player.play(CueKind.TICK, "", "3")
    warnings = [r.getMessage() for r in caplog.records if r.levelno >= logging.WARNING]
    assert len(warnings) == 2
    assert [CHIME_FILE in warnings[0], "tick.wav" in warnings[1]] == [True, True]
    assert fake_multimedia.created == []
