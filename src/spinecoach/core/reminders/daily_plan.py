"""The daily exercise reminder's rule: when it comes, and how often a programme asks for it.

Without a programme the daily reminder comes once a day at the daily time, unless a session was
done that day. A programme prescribes how often (`DailyTarget`, from its routines' frequencies
by `target_from`):

- **N times a day**: N reminders a day, spread evenly from the daily time to the end of that
  day's working hours (`reminder_times`); on a day with no working hours, or when the daily time
  is at or after their end, to midnight. Every slot is on the day it belongs to: nothing crosses
  midnight. Slot k (counting from 0) asks for session k + 1: it is not given when k + 1 sessions
  or more were already done that day. A check that comes late gives only the last slot reached
  (never a burst), and a slot is given at most once.
- **N times a week**: one reminder at the daily time, only on a day with no session yet and
  only while the ISO week (Monday to Sunday, local time) has fewer than N sessions.

Everything here is wall time in the person's zone, compared as instants (so a DST change moves
no slot off its wall-clock time and cannot give one twice). The schedule (`schedule.py`) keeps
the sessions it was told of and which slots it gave; this module only decides.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta, tzinfo
from typing import Final

from spinecoach.core.reminders.working_hours import WorkingHours, moment_on

#: The most reminders a day, whatever a programme adds up to (a programme allows 1-4 a day).
MOST_A_DAY: Final = 4

#: The most sessions a week the weekly rule waits for (a programme allows 1-14 a week).
MOST_A_WEEK: Final = 14


@dataclass(frozen=True, slots=True)
class DailyTarget:
    """How many sessions the daily reminder asks for: `times` a day, or a week (`per_week`)."""

    times: int
    per_week: bool = False

    def __post_init__(self) -> None:
        most = MOST_A_WEEK if self.per_week else MOST_A_DAY
        if not 1 <= self.times <= most:
            raise ValueError(f"a daily target needs 1 to {most} sessions, not {self.times}")


#: The reminder without a programme: once a day.
ONCE_A_DAY: Final = DailyTarget(1)


def target_from(frequencies: Iterable[tuple[int, str]]) -> DailyTarget:
    """The target for a programme's routines, given as (times, "day" | "week") pairs.

    Routines prescribed per day add up (at most `MOST_A_DAY`), and then decide alone: a person
    reminded every day needs no weekly reminder as well. With none per day, the weekly ones add
    up (at most `MOST_A_WEEK`). No routine at all: once a day.
    """
    daily = weekly = 0
    for times, per in frequencies:
        if per == "day":
            daily += times
        elif per == "week":
            weekly += times
        else:
            raise ValueError(f"a frequency is per day or per week, not per {per!r}")
    if daily:
        return DailyTarget(min(daily, MOST_A_DAY))
    if weekly:
        return DailyTarget(min(weekly, MOST_A_WEEK), per_week=True)
    return ONCE_A_DAY


def reminder_times(
    day: date, at: time, hours: WorkingHours, target: DailyTarget, zone: tzinfo | None
) -> tuple[datetime, ...]:
    """The day's reminder moments for `target`, from the daily time `at` (see the module doc).

    A weekly target has one moment, at `at`. The slots are whole minutes of wall time.
    """
    if target.per_week or target.times == 1:
        return (moment_on(day, at, zone),)
    start = at.hour * 60 + at.minute
    span = hours.days[day.weekday()]
    end = span[1].hour * 60 + span[1].minute if span is not None else 0
    if end <= start:
        end = 24 * 60
    step = (end - start) / target.times
    minutes = [start + int(index * step) for index in range(target.times)]
    return tuple(moment_on(day, time(m // 60, m % 60), zone) for m in minutes)


@dataclass(frozen=True, slots=True)
class DailyState:
    """What the rule needs to know about today: sessions done today and this week, slots given.

    `given` is how many of today's slots were given (the next one to give is `given`).
    """

    done_today: int
    done_this_week: int
    given: int


def week_start(day: date) -> date:
    """The Monday of `day`'s ISO week."""
    return day - timedelta(days=day.weekday())


def count_done(sessions: Iterable[datetime], now: datetime) -> tuple[int, int]:
    """How many of `sessions` (moments, any zone) fall on `now`'s local day and ISO week."""
    today = now.date()
    monday = week_start(today)
    done_today = done_week = 0
    for moment in sessions:
        local = moment.astimezone(now.tzinfo).date()
        if local == today:
            done_today += 1
        if week_start(local) == monday:
            done_week += 1
    return done_today, done_week


def due_slot(
    now: datetime, at: time, hours: WorkingHours, target: DailyTarget, state: DailyState
) -> int | None:
    """The slot of today to give now (its index), or None; `now` is local wall time."""
    if target.per_week and state.done_this_week >= target.times:
        return None
    slots = reminder_times(now.date(), at, hours, target, now.tzinfo)
    instant = now.astimezone(UTC)
    reached = [index for index, slot in enumerate(slots) if slot.astimezone(UTC) <= instant]
    if not reached:
        return None
    index = reached[-1]
    if index < state.given or state.done_today > index:
        return None
    return index


def next_reminder(
    now: datetime, at: time, hours: WorkingHours, target: DailyTarget, state: DailyState
) -> datetime:
    """When the rule may next give a reminder: `now` when one is due, else a later slot.

    A later day's first slot is found by assuming no session is done meanwhile; with a weekly
    target met, that is next Monday's.
    """
    if due_slot(now, at, hours, target, state) is not None:
        return now
    instant = now.astimezone(UTC)
    week_met = target.per_week and state.done_this_week >= target.times
    if not week_met:
        for index, slot in enumerate(reminder_times(now.date(), at, hours, target, now.tzinfo)):
            wanted = index >= state.given and state.done_today <= index
            if wanted and slot.astimezone(UTC) > instant:
                return slot
    day = now.date() + timedelta(days=1)
    if week_met:
        day = week_start(now.date()) + timedelta(days=7)
    return reminder_times(day, at, hours, target, now.tzinfo)[0]
