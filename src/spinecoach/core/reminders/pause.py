"""A pause the person asked for, as a sum type: exactly one kind of pause at a time."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime


@dataclass(frozen=True, slots=True)
class ForMinutes:
    """Paused from the tray for a while: ends at a monotonic deadline (a suspend counts)."""

    until_mono: float


@dataclass(frozen=True, slots=True)
class UntilWorkStarts:
    """Paused until tomorrow: ends when the next working period starts (a wall time, UTC)."""

    at: datetime


@dataclass(frozen=True, slots=True)
class UntilResumed:
    """Paused until the person resumes reminders."""


#: A pause the person asked for: exactly one kind at a time (it was three exclusive fields).
Pause = ForMinutes | UntilWorkStarts | UntilResumed
