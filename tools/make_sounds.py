"""Synthesise the session cue sounds into resources/sounds/.

    make sounds                          # or: python tools/make_sounds.py
    python tools/make_sounds.py --check  # exit 1 if a committed WAV is missing or stale

The WAVs are generated, never edited by hand: change a recipe below and re-run this.
tests/sound/test_sound_files.py runs --check, so a stale sound cannot slip through.

Pure standard library (wave, math, array): 16-bit mono PCM at 44 100 Hz. Every note is a soft
bell-like tone (a sine with two quieter overtones that die away faster) under a raised-cosine
attack and an exponential decay; every file ends with a raised-cosine fade to exact silence, so
nothing clicks or stops short. Each sound is scaled to a peak of -6 dBFS. The output is
deterministic: the same bytes on every run (no timestamps, no randomness). The only inputs are
math.sin/exp/pow; a platform whose libm differed in the last bit could, very rarely, round one
sample the other way, and --check would say so.
"""

from __future__ import annotations

import argparse
import io
import math
import sys
import wave
from array import array
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SOUNDS = REPO / "resources" / "sounds"

RATE = 44_100
PEAK_DBFS = -6.0
FULL_SCALE = 32_767
PEAK = round(FULL_SCALE * 10 ** (PEAK_DBFS / 20))  # 16 423


def midi(note: int) -> float:
    """The equal-tempered frequency of a MIDI note number (69 = A4 = 440 Hz)."""
    return 440.0 * math.pow(2.0, (note - 69) / 12)


@dataclass(frozen=True, slots=True)
class Note:
    """One struck note: when it starts, its pitch, loudness and how it rings."""

    start: float  # seconds from the start of the file
    freq: float  # Hz
    gain: float = 1.0  # relative to the other notes of the sound
    attack: float = 0.012  # seconds, raised-cosine rise from silence
    decay: float = 0.30  # seconds, time constant of the exponential decay
    # (frequency ratio, relative amplitude, decay time factor) of each partial after the first.
    partials: tuple[tuple[float, float, float], ...] = ((2.0, 0.22, 0.45), (3.0, 0.07, 0.30))


def render(notes: tuple[Note, ...], duration: float, fade: float = 0.30) -> list[float]:
    """Mix the notes into `duration` seconds of samples in -1..1 (before scaling).

    The last `fade` seconds are shaped by a raised cosine down to exact silence, so a note
    still ringing when the file ends dies away instead of stopping short.
    """
    count = round(duration * RATE)
    mix = [0.0] * count
    for note in notes:
        first = round(note.start * RATE)
        attack_n = max(1, round(note.attack * RATE))
        waves = ((1.0, 1.0, 1.0), *note.partials)
        for ratio, amp, decay_factor in waves:
            omega = 2.0 * math.pi * note.freq * ratio / RATE
            if note.freq * ratio >= RATE / 2:
                continue  # above Nyquist: would alias
            tau = note.decay * decay_factor * RATE
            for n in range(count - first):
                env = math.exp(-n / tau)
                if env < 1e-5:
                    break
                if n < attack_n:
                    env *= 0.5 - 0.5 * math.cos(math.pi * n / attack_n)
                mix[first + n] += note.gain * amp * env * math.sin(omega * n)
    fade_n = round(fade * RATE)
    for i in range(fade_n):
        mix[count - fade_n + i] *= 0.5 + 0.5 * math.cos(math.pi * (i + 1) / fade_n)
    return mix


def to_pcm(samples: list[float]) -> array[int]:
    """Scale to a peak of PEAK_DBFS and round to 16-bit integers."""
    top = max(abs(s) for s in samples)
    scale = PEAK / top
    return array("h", (round(s * scale) for s in samples))


def wav_bytes(pcm: array[int]) -> bytes:
    """A complete mono 16-bit WAV file (little-endian samples, as RIFF requires)."""
    data = array("h", pcm)
    if sys.byteorder == "big":
        data.byteswap()
    buffer = io.BytesIO()
    with wave.open(buffer, "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(RATE)
        out.writeframes(data.tobytes())
    return buffer.getvalue()


# ---- the recipes -------------------------------------------------------------------------


def start() -> list[float]:
    """A gentle rising two-note chime: A4 then E5 (a fifth up)."""
    return render(
        (Note(0.0, midi(69), 0.85, decay=0.22), Note(0.17, midi(76), 1.0, decay=0.26)), 1.05
    )


def tick() -> list[float]:
    """A soft wood-block tick: a short damped knock with inharmonic overtones (3-2-1)."""
    knock = Note(
        0.0,
        midi(79),  # G5, about 784 Hz
        attack=0.002,
        decay=0.022,
        partials=((2.76, 0.20, 0.55), (5.40, 0.05, 0.35)),  # a wooden bar's mode ratios
    )
    return render((knock,), 0.16, fade=0.04)


def end() -> list[float]:
    """End of hold: a soft falling two-note, D5 then A4 (a fourth down)."""
    return render(
        (Note(0.0, midi(74), 0.9, decay=0.20), Note(0.19, midi(69), 0.8, decay=0.25)),
        1.0,
    )


def switch() -> list[float]:
    """Switch sides: two quick notes on the same mid pitch (C5, C5)."""
    return render(
        (Note(0.0, midi(72), 1.0, decay=0.09), Note(0.14, midi(72), 1.0, decay=0.14)),
        0.70,
        fade=0.20,
    )


def complete() -> list[float]:
    """Session complete: a warm C major arpeggio (C5 E5 G5) over a quiet low C4."""
    return render(
        (
            Note(0.0, midi(60), 0.30, attack=0.03, decay=0.36, partials=((2.0, 0.15, 0.5),)),
            Note(0.0, midi(72), 0.8, decay=0.26),
            Note(0.15, midi(76), 0.8, decay=0.26),
            Note(0.30, midi(79), 0.9, decay=0.28),
        ),
        1.15,
    )


def reminder() -> list[float]:
    """Stand-up reminder: an unhurried, quiet G4 B4 D5 (a major triad, slow attacks).

    Heard in an office, so it is softer and rounder than the session cues: slower attacks,
    a longer ring and only a trace of the upper partial.
    """
    soft = ((2.0, 0.12, 0.5),)
    return render(
        (
            Note(0.0, midi(67), 0.7, attack=0.03, decay=0.45, partials=soft),
            Note(0.28, midi(71), 0.7, attack=0.03, decay=0.45, partials=soft),
            Note(0.56, midi(74), 0.8, attack=0.03, decay=0.60, partials=soft),
        ),
        1.9,
        fade=0.6,
    )


RECIPES: dict[str, Callable[[], list[float]]] = {
    "start.wav": start,
    "tick.wav": tick,
    "end.wav": end,
    "switch.wav": switch,
    "complete.wav": complete,
    "reminder.wav": reminder,
}


def synthesised() -> dict[str, bytes]:
    """File name -> WAV bytes for every cue sound."""
    return {name: wav_bytes(to_pcm(recipe())) for name, recipe in RECIPES.items()}


def main(argv: list[str] | None = None) -> int:
    """Write (or with --check, verify) resources/sounds/*.wav; return the exit status."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="verify instead of writing")
    parser.add_argument(
        "--out", type=Path, default=SOUNDS, help="folder to write or check (default: %(default)s)"
    )
    args = parser.parse_args(argv)
    folder: Path = args.out

    sounds = synthesised()
    stale = [
        name
        for name, data in sounds.items()
        if not (folder / name).is_file() or (folder / name).read_bytes() != data
    ]
    if args.check:
        for name in stale:
            print(f"stale or missing: {folder / name}", file=sys.stderr)
        if stale:
            print("run: python tools/make_sounds.py", file=sys.stderr)
        return 1 if stale else 0

    folder.mkdir(parents=True, exist_ok=True)
    for name in stale:
        (folder / name).write_bytes(sounds[name])
        print(f"wrote {folder / name}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
