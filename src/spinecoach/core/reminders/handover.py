"""The reminder state handed from one SpineCoach process to the next, so no beat is lost.

When the window has been closed to the tray for a while, SpineCoach starts itself again, small
(`app.restart_in_tray`): a fresh process holds only the tray and the reminders, and gives back
what History's chart, the player and the speech helper took. The new process must carry on the
old one's schedule exactly: the same next reminder (not a fresh interval, which would push it
back), the snoozes already used, a pause, today's daily reminders already given, and a reminder
held for a call. This module is that state as plain values and its JSON form.

Monotonic deadlines travel as they are: the monotonic clock is system-wide and keeps counting
across processes, but only within one boot. A handover taken with a larger monotonic reading
than now (the machine restarted in between) or older than `MAX_AGE_SECONDS` is refused, and the
schedule starts fresh, as after any start.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, date, datetime

from spinecoach.core.reminders.pause import ForMinutes, Pause, UntilResumed, UntilWorkStarts

__all__ = [
    "FORMAT",
    "MAX_AGE_SECONDS",
    "Handover",
    "HeldReminder",
    "ScheduleState",
    "UnusableHandoverError",
    "decode",
    "encode",
]

FORMAT = 1
#: A handover is meant for the process started right after it was written (about a second).
MAX_AGE_SECONDS = 120.0


class UnusableHandoverError(ValueError):
    """The handover cannot be used (another boot, too old, another format, damaged)."""


@dataclass(frozen=True, slots=True)
class ScheduleState:
    """What `ReminderSchedule` knows beyond its settings (see its `state` and `take_state`)."""

    due_mono: float | None
    sitting_since_mono: float
    due_from_snooze: bool
    snoozes: int
    pause: Pause | None
    daily_given: tuple[date, int] | None


@dataclass(frozen=True, slots=True)
class HeldReminder:
    """A reminder held back while the person was busy: its kind ("stand_up"), when it fell due."""

    kind: str
    at: datetime


@dataclass(frozen=True, slots=True)
class Handover:
    """Everything the next process needs, with when (both clocks) it was taken."""

    wall: datetime  # UTC
    mono: float
    schedule: ScheduleState
    held: tuple[HeldReminder, ...] = ()
    held_for: str | None = None
    held_since: datetime | None = None

    def check_usable(self, now: datetime, mono: float) -> None:
        """Raise `UnusableHandoverError` unless it was taken in this boot, moments ago."""
        if mono < self.mono:
            raise UnusableHandoverError("taken before the computer restarted")
        age = mono - self.mono
        if age > MAX_AGE_SECONDS:
            raise UnusableHandoverError(f"{age:.0f} s old")
        wall_age = (now.astimezone(UTC) - self.wall).total_seconds()
        if abs(wall_age - age) > MAX_AGE_SECONDS:
            raise UnusableHandoverError("the wall clock jumped since it was taken")


def _pause_json(pause: Pause | None) -> object:
    match pause:
        case ForMinutes(until_mono=end):
            return {"kind": "minutes", "until_mono": end}
        case UntilWorkStarts(at=at):
            return {"kind": "work_starts", "at": at.isoformat()}
        case UntilResumed():
            return {"kind": "resumed"}
    return None


def _pause_from(value: object) -> Pause | None:
    if value is None:
        return None
    if not isinstance(value, dict):
        raise UnusableHandoverError("a pause that is not an object")
    match value.get("kind"):
        case "minutes":
            return ForMinutes(float(value["until_mono"]))
        case "work_starts":
            return UntilWorkStarts(_aware(value["at"]))
        case "resumed":
            return UntilResumed()
    raise UnusableHandoverError(f"an unknown pause: {value!r}")


def _aware(text: object) -> datetime:
    moment = datetime.fromisoformat(str(text))
    if moment.tzinfo is None:
        raise UnusableHandoverError(f"a time without its zone: {text!r}")
    return moment


def encode(handover: Handover) -> str:
    """The handover as JSON text."""
    schedule = handover.schedule
    given = schedule.daily_given
    return json.dumps(
        {
            "format": FORMAT,
            "wall": handover.wall.isoformat(),
            "mono": handover.mono,
            "schedule": {
                "due_mono": schedule.due_mono,
                "sitting_since_mono": schedule.sitting_since_mono,
                "due_from_snooze": schedule.due_from_snooze,
                "snoozes": schedule.snoozes,
                "pause": _pause_json(schedule.pause),
                "daily_given": None if given is None else [given[0].isoformat(), given[1]],
            },
            "held": [{"kind": held.kind, "at": held.at.isoformat()} for held in handover.held],
            "held_for": handover.held_for,
            "held_since": None if handover.held_since is None else handover.held_since.isoformat(),
        },
        indent=1,
    )


def decode(text: str) -> Handover:
    """Read `encode`'s JSON; `UnusableHandoverError` when it is not that."""
    try:
        data = json.loads(text)
        if not isinstance(data, dict) or data.get("format") != FORMAT:
            raise UnusableHandoverError("not a handover of this version")
        raw = data["schedule"]
        given = raw["daily_given"]
        schedule = ScheduleState(
            due_mono=None if raw["due_mono"] is None else float(raw["due_mono"]),
            sitting_since_mono=float(raw["sitting_since_mono"]),
            due_from_snooze=bool(raw["due_from_snooze"]),
            snoozes=int(raw["snoozes"]),
            pause=_pause_from(raw["pause"]),
            daily_given=None if given is None else (date.fromisoformat(given[0]), int(given[1])),
        )
        held_since = data.get("held_since")
        return Handover(
            wall=_aware(data["wall"]).astimezone(UTC),
            mono=float(data["mono"]),
            schedule=schedule,
            held=tuple(
                HeldReminder(str(item["kind"]), _aware(item["at"])) for item in data["held"]
            ),
            held_for=None if data.get("held_for") is None else str(data["held_for"]),
            held_since=None if held_since is None else _aware(held_since),
        )
    except UnusableHandoverError:
        raise
    except (ValueError, KeyError, TypeError, IndexError) as error:
        raise UnusableHandoverError(f"damaged: {error}") from error
