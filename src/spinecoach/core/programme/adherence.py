"""How many of the programme's sessions were done, week by week: plain date arithmetic.

Weeks are ISO weeks (Monday to Sunday) of local dates, so a clock change never moves a session
to another day. A week is prescribed what the programme asks for in the days of it that count:
the first week from the programme's start, the current week up to today (each rounded up, so
"3 times a week" over 3 of its 7 days asks for 2). Each routine counts its sessions up to what
was asked of it, so doing one routine twice as often never hides another left undone.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, timedelta

from spinecoach.core.programme.model import Frequency, Programme

_WEEK = timedelta(days=7)


@dataclass(frozen=True, slots=True)
class WeekAdherence:
    """One week: its Monday, the sessions done (up to those prescribed), and those prescribed.

    `sessions` is every session counted in the week, before the cap (what the person did).
    """

    week_start: date
    done: int
    prescribed: int
    sessions: int = 0

    @property
    def fraction(self) -> float:
        """The share of the prescribed sessions done, from 0 to 1."""
        return self.done / self.prescribed if self.prescribed else 0.0


def week_start(day: date) -> date:
    """The Monday of `day`'s ISO week."""
    return day - timedelta(days=day.weekday())


def prescribed_in(frequency: Frequency, days: int) -> int:
    """Sessions asked for in `days` of one week (1-7), rounded up."""
    return math.ceil(frequency.per_week * days / 7)


def _counts(
    programme: Programme,
    sessions: Iterable[tuple[str, date]],
    today: date,
    aliases: Mapping[str, str],
) -> Counter[tuple[str, date]]:
    """Sessions per (programme routine id, week's Monday), inside the start..today span."""
    ids = set(programme.routine_ids)
    counts: Counter[tuple[str, date]] = Counter()
    for routine_id, day in sessions:
        counted = aliases.get(routine_id, routine_id)
        if counted in ids and programme.start <= day <= today:
            counts[(counted, week_start(day))] += 1
    return counts


def _weeks(programme: Programme, today: date) -> list[tuple[date, int]]:
    """Each week's Monday from the start's week to today's, with the days of it that count."""
    weeks: list[tuple[date, int]] = []
    if today < programme.start:
        return weeks
    monday = week_start(programme.start)
    while monday <= today:
        first = max(monday, programme.start)
        last = min(monday + _WEEK - timedelta(days=1), today)
        weeks.append((monday, (last - first).days + 1))
        monday += _WEEK
    return weeks


def adherence_by_routine(
    programme: Programme,
    sessions: Iterable[tuple[str, date]],
    today: date,
    *,
    aliases: Mapping[str, str] | None = None,
) -> dict[str, list[WeekAdherence]]:
    """Per routine id (in the programme's order), its weeks from the start to today.

    `sessions`: (routine id, local date) of each completed session; only the programme's
    routines count. `aliases` maps another routine id to the programme routine it stands for
    (the person's eased copy of a locked routine counts for that routine).
    """
    counts = _counts(programme, sessions, today, aliases or {})
    weeks = _weeks(programme, today)
    result: dict[str, list[WeekAdherence]] = {}
    for prescribed in programme.routines:
        routine_id = prescribed.routine.id
        rows = []
        for monday, days in weeks:
            asked = prescribed_in(prescribed.frequency, days)
            counted = counts[(routine_id, monday)]
            rows.append(WeekAdherence(monday, min(counted, asked), asked, counted))
        result[routine_id] = rows
    return result


def weekly_adherence(
    programme: Programme,
    sessions: Iterable[tuple[str, date]],
    today: date,
    *,
    aliases: Mapping[str, str] | None = None,
) -> list[WeekAdherence]:
    """The programme's weeks from its start to today: done and prescribed over all routines.

    Empty before the start. See `adherence_by_routine` for `sessions` and `aliases`.
    """
    per_routine = adherence_by_routine(programme, sessions, today, aliases=aliases)
    weeks = [monday for monday, _days in _weeks(programme, today)]
    return [
        WeekAdherence(
            monday,
            sum(rows[index].done for rows in per_routine.values()),
            sum(rows[index].prescribed for rows in per_routine.values()),
            sum(rows[index].sessions for rows in per_routine.values()),
        )
        for index, monday in enumerate(weeks)
    ]
