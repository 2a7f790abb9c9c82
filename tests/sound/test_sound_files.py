"""The WAV files in resources/sounds: one per tone, made by tools/make_sounds.py, soft and clean."""

from __future__ import annotations

import math
import subprocess
import sys
import wave
from array import array
from pathlib import Path

import pytest

from spinecoach import paths
from spinecoach.sound.cue_player import TONE_FILES
from spinecoach.sound.reminder_chime import CHIME_FILE

REPO = Path(__file__).resolve().parents[2]
SOUNDS = paths.resources_dir() / "sounds"


def test_committed_sounds_are_what_the_generator_writes() -> None:
    result = subprocess.run(
        [sys.executable, str(REPO / "tools" / "make_sounds.py"), "--check"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr


def test_the_generator_check_notices_stale_files(tmp_path: Path) -> None:
    (tmp_path / "tick.wav").write_bytes(b"RIFF")
    result = subprocess.run(
        [sys.executable, str(REPO / "tools" / "make_sounds.py"), "--check", "--out", str(tmp_path)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 1
    assert "tick.wav" in result.stderr
    assert (tmp_path / "tick.wav").read_bytes() == b"RIFF"  # --check writes nothing


def test_every_tone_has_a_file_and_every_file_a_tone() -> None:
    shipped = {p.name for p in Path(str(SOUNDS)).glob("*.wav")}
    assert shipped == {*TONE_FILES.values(), CHIME_FILE}


@pytest.mark.parametrize("name", sorted({*TONE_FILES.values(), CHIME_FILE}))
def test_sound_file_is_short_soft_and_clean(name: str) -> None:
    with wave.open(str(Path(str(SOUNDS)) / name)) as wav:
        assert (wav.getnchannels(), wav.getsampwidth(), wav.getframerate()) == (1, 2, 44_100)
        frames = wav.getnframes()
        samples = array("h", wav.readframes(frames))
    if sys.byteorder == "big":
        samples.byteswap()
    duration = frames / 44_100
    peak_dbfs = 20 * math.log10(max(abs(s) for s in samples) / 32_767)
    mean = sum(samples) / len(samples)

    # Session cues must end before the next cue; the reminder chime may ring a little longer.
    assert 0.1 <= duration < (2.0 if name == CHIME_FILE else 1.2)
    assert -6.5 <= peak_dbfs <= -5.5
    assert samples[0] == 0 and samples[-1] == 0  # starts and ends in silence: no click
    assert abs(mean) < 1.0  # no DC offset (under one 16-bit step)
