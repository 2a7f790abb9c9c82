"""How big one progression step is: the next dosage up or down, inside the exercise's limits.

The arithmetic of docs/PROGRESSION.md's "one step at a time": about a fifth more or less (at
least one unit; a timed block moves by whole minutes, or by 5 seconds under two minutes), the
repetitions first, then the hold. `core.progression` decides whether to step; this, where to.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Final

from spinecoach.core.exercise import Dosage, Exercise, RoutineItem
from spinecoach.core.records import ChangeKind

#: Each step changes a number by about this fraction (at least one unit).
STEP_FRACTION: Final = 0.2


def _step_up(value: int) -> int:
    return max(value + 1, round(value * (1 + STEP_FRACTION)))


def _step_down(value: int) -> int:
    return min(value - 1, round(value * (1 - STEP_FRACTION)))


def _time_step_up(seconds: int) -> int:
    unit = 60 if seconds >= 120 else 5
    return max(seconds + unit, round(seconds * (1 + STEP_FRACTION) / unit) * unit)


def _time_step_down(seconds: int) -> int:
    unit = 60 if seconds > 120 else 5
    return min(seconds - unit, round(seconds * (1 - STEP_FRACTION) / unit) * unit)


def _range(exercise: Exercise, name: str, current: int) -> tuple[int, int]:
    default = getattr(exercise.dosage, name)
    return exercise.limits.range_of(name, current if default is None else default)


def up_candidates(item: RoutineItem) -> list[tuple[ChangeKind, Dosage]]:
    """The next step up within the limits, by field; empty when every field is at its top."""
    exercise, dosage = item.exercise, item.dosage
    if dosage.duration_seconds is not None:
        _low, high = _range(exercise, "duration_seconds", dosage.duration_seconds)
        if dosage.duration_seconds < high:
            new = min(high, _time_step_up(dosage.duration_seconds))
            return [(ChangeKind.LONGER_HOLD, replace(dosage, duration_seconds=new))]
        return []
    _low, high = _range(exercise, "reps", dosage.reps)
    if dosage.reps < high:
        return [(ChangeKind.MORE_REPS, replace(dosage, reps=min(high, _step_up(dosage.reps))))]
    _low, high = _range(exercise, "hold_seconds", dosage.hold_seconds)
    if 0 < dosage.hold_seconds < high:
        new = min(high, _step_up(dosage.hold_seconds))
        return [(ChangeKind.LONGER_HOLD, replace(dosage, hold_seconds=new))]
    return []


def down_candidate(item: RoutineItem) -> tuple[ChangeKind, Dosage] | None:
    """The next step down within the limits: fewer reps, a shorter hold; None at the bottom."""
    exercise, dosage = item.exercise, item.dosage
    if dosage.duration_seconds is not None:
        low, _high = _range(exercise, "duration_seconds", dosage.duration_seconds)
        if dosage.duration_seconds > low:
            new = max(low, _time_step_down(dosage.duration_seconds))
            return ChangeKind.LESS, replace(dosage, duration_seconds=new)
        return None
    low, _high = _range(exercise, "reps", dosage.reps)
    if dosage.reps > low:
        return ChangeKind.LESS, replace(dosage, reps=max(low, _step_down(dosage.reps)))
    low, _high = _range(exercise, "hold_seconds", dosage.hold_seconds)
    if dosage.hold_seconds > low:
        new = max(low, _step_down(dosage.hold_seconds))
        return ChangeKind.SHORTER_HOLD, replace(dosage, hold_seconds=new)
    return None
