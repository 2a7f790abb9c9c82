"""What the schedule reports: reminders due, a skip, a refused snooze, the answer to a snooze."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum


class SkipReason(StrEnum):
    """Why the person skipped a reminder; logged so the history can show it."""

    MEETING = "meeting"
    IN_PAIN = "in_pain"
    BUSY = "busy"


@dataclass(frozen=True, slots=True)
class StandUpDue:
    """Time to stand up: the person has sat for a full interval (or a snooze ran out)."""

    at: datetime


@dataclass(frozen=True, slots=True)
class DailyExerciseDue:
    """A daily exercise reminder is due: its time came and its session is not yet done.

    Once a day without a programme; with one, as often as it prescribes (`daily_plan`).
    """

    at: datetime


@dataclass(frozen=True, slots=True)
class Skipped:
    """The person skipped a reminder, with the reason they gave (if any)."""

    at: datetime
    reason: SkipReason | None


@dataclass(frozen=True, slots=True)
class SnoozeRefused:
    """A fourth snooze in a row was asked for and refused."""

    at: datetime


ReminderEvent = StandUpDue | DailyExerciseDue | Skipped | SnoozeRefused


@dataclass(frozen=True, slots=True)
class SnoozeResult:
    """The answer to `snooze()`: a result, not an exception, because refusing is expected."""

    accepted: bool
    due: datetime | None
    snoozes_left: int
    message: str = ""
    refused: SnoozeRefused | None = None
