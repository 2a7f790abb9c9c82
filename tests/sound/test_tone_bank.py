"""The tone bank: each file loaded once and kept, one volume, every failure logged once.

Runs on the fake Qt Multimedia classes of tests/sound/fake_multimedia.py (this machine has no
audio output); what the bank does with a QSoundEffect is what they record.
"""

from __future__ import annotations

import logging
from pathlib import Path

import pytest
from PySide6.QtCore import QObject
from pytestqt.qtbot import QtBot

from spinecoach import paths
from spinecoach.sound.tones import ToneBank
from tests.sound.fake_multimedia import MACHINE_WARNINGS, FakeMediaDevices, FakeSoundEffect

SOUNDS = paths.resources_dir() / "sounds"

pytestmark = pytest.mark.qt_log_ignore(*MACHINE_WARNINGS)


def sound_records(caplog: pytest.LogCaptureFixture, level: int) -> list[str]:
    return [
        r.getMessage()
        for r in caplog.records
        if r.name.startswith("spinecoach.sound") and r.levelno == level
    ]


def test_nothing_is_loaded_before_the_first_tone(
    qtbot: QtBot, fake_multimedia: type[FakeSoundEffect]
) -> None:
    bank = ToneBank(SOUNDS)
    bank.set_volume(50)
    bank.stop("tick.wav")  # stopping a tone never played loads nothing either
    assert bank.findChildren(QObject) == []
    assert not bank.is_loaded("tick.wav")
    assert fake_multimedia.created == []


def test_a_tone_is_loaded_once_kept_and_played_each_time(
    qtbot: QtBot, fake_multimedia: type[FakeSoundEffect]
) -> None:
    bank = ToneBank(SOUNDS, volume=60)
    for _ in range(3):
        bank.play("tick.wav")
    (effect,) = fake_multimedia.created
    assert effect.file_name == "tick.wav"
    assert effect.plays == 3
    assert effect.parent() is bank
    assert effect.level == pytest.approx(0.6)
    assert bank.is_loaded("tick.wav")
    bank.stop("tick.wav")
    assert effect.stops == 1


def test_load_prepares_a_tone_without_sounding_it(
    qtbot: QtBot, fake_multimedia: type[FakeSoundEffect]
) -> None:
    bank = ToneBank(SOUNDS)
    assert bank.load("start.wav")
    assert bank.load("start.wav")
    (effect,) = fake_multimedia.created
    assert effect.plays == 0


def test_the_volume_reaches_loaded_and_later_tones(
    qtbot: QtBot, fake_multimedia: type[FakeSoundEffect]
) -> None:
    bank = ToneBank(SOUNDS)
    bank.play("tick.wav")
    bank.set_volume(30)
    bank.play("end.wav")
    assert [e.level for e in fake_multimedia.created] == pytest.approx([0.3, 0.3])
    for setting, level in ((150, 1.0), (-5, 0.0)):
        bank.set_volume(setting)
        assert [e.level for e in fake_multimedia.created] == pytest.approx([level, level])
    assert bank.volume == 0


def test_a_missing_tone_is_reported_once_and_not_tried_again(
    qtbot: QtBot,
    fake_multimedia: type[FakeSoundEffect],
    caplog: pytest.LogCaptureFixture,
    tmp_path: Path,
) -> None:
    bank = ToneBank(tmp_path)  # an empty folder
    for _ in range(3):
        bank.play("tick.wav")
    assert not bank.load("tick.wav")
    assert fake_multimedia.created == []
    [warning] = sound_records(caplog, logging.WARNING)
    assert "tick.wav is missing" in warning


def test_an_undecodable_tone_is_reported_once_and_nothing_raises(
    qtbot: QtBot, fake_multimedia: type[FakeSoundEffect], caplog: pytest.LogCaptureFixture
) -> None:
    bank = ToneBank(SOUNDS)
    bank.play("tick.wav")
    (tick,) = fake_multimedia.created
    tick.fail_to_decode()
    tick.fail_to_decode()  # Qt may report it again, on every attempt
    bank.play("tick.wav")
    bank.play("start.wav")  # the other tones are not affected
    assert sound_records(caplog, logging.WARNING) == ["Tone tick.wav cannot be played"]
    assert {e.file_name: e.plays for e in fake_multimedia.created} == {
        "tick.wav": 2,
        "start.wav": 1,
    }


def test_without_an_audio_output_nothing_is_made_and_it_is_said_once(
    qtbot: QtBot, fake_multimedia: type[FakeSoundEffect], caplog: pytest.LogCaptureFixture
) -> None:
    FakeMediaDevices.outputs = []
    bank = ToneBank(SOUNDS, off_notice="Cue tones are off")
    for _ in range(3):
        bank.play("tick.wav")
    assert not bank.load("start.wav")
    assert not bank.available
    assert fake_multimedia.created == []
    assert sound_records(caplog, logging.WARNING) == ["Cue tones are off: no audio output device"]


def test_problems_are_logged_at_the_level_the_owner_chose(
    qtbot: QtBot, fake_multimedia: type[FakeSoundEffect], caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO, logger="spinecoach")
    FakeMediaDevices.outputs = []
    bank = ToneBank(SOUNDS, off_notice="The reminder chime is off", problem_level=logging.INFO)
    bank.play("reminder.wav")
    bank.play("reminder.wav")
    assert sound_records(caplog, logging.WARNING) == []
    assert sound_records(caplog, logging.INFO) == [
        "The reminder chime is off: no audio output device"
    ]


def test_an_audio_output_that_appears_later_is_announced_and_used(
    qtbot: QtBot, fake_multimedia: type[FakeSoundEffect]
) -> None:
    FakeMediaDevices.outputs = []
    bank = ToneBank(SOUNDS)
    bank.play("tick.wav")
    (devices,) = bank.findChildren(FakeMediaDevices)
    FakeMediaDevices.outputs = ["headphones"]
    with qtbot.waitSignal(bank.availability_changed):
        devices.audioOutputsChanged.emit()
    bank.play("tick.wav")
    (effect,) = fake_multimedia.created
    assert effect.plays == 1
