"""What the session engine says happened: the events its controls and `tick()` return, in order.

The player turns them into pictures, sounds, speech and records; when each is emitted is the
engine's rule (`core.session`, whose module docstring says what the player may rely on).
"""

from __future__ import annotations

from dataclasses import dataclass

from spinecoach.core.cues import Cue
from spinecoach.core.timeline import Phase


@dataclass(frozen=True, slots=True)
class PhaseChanged:
    """The phase at `index` of the timeline has begun."""

    index: int
    phase: Phase


@dataclass(frozen=True, slots=True)
class CueDue:
    """A sound or spoken cue to play now (`stale`: its phase is already over, see core.session)."""

    cue: Cue
    stale: bool = False


@dataclass(frozen=True, slots=True)
class ExerciseDone:
    """Every dosage phase of routine item `item_index` has been done (once per item)."""

    item_index: int
    exercise_id: str


@dataclass(frozen=True, slots=True)
class ExerciseSkipped:
    """Routine item `item_index` was left for the next one before it was done (once per item)."""

    item_index: int
    exercise_id: str


@dataclass(frozen=True, slots=True)
class PhaseExtended:
    """`extend()` added `seconds` to the phase at `index`; `caption` says the time now left."""

    index: int
    seconds: float
    caption: str


@dataclass(frozen=True, slots=True)
class SessionFinished:
    """The session is over: `completed` when the end was reached, False after `stop()`."""

    completed: bool


Event = PhaseChanged | CueDue | ExerciseDone | ExerciseSkipped | PhaseExtended | SessionFinished
