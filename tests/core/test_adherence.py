"""Adherence: sessions done against sessions prescribed, per ISO week, in plain date arithmetic."""

from __future__ import annotations

import itertools
from datetime import date, timedelta

from spinecoach.core.exercise import Dosage, Routine, RoutineItem, RoutineOrigin
from spinecoach.core.programme.adherence import (
    WeekAdherence,
    adherence_by_routine,
    prescribed_in,
    week_start,
    weekly_adherence,
)
from spinecoach.core.programme.model import (
    Frequency,
    Period,
    PrescribedRoutine,
    Programme,
    programme_routine_id,
)
from tests.factories import exercise

BRIDGE = exercise("Glute bridge", Dosage(reps=10, hold_seconds=3))
KEY = "lower-back-sam-lee"
DAILY = programme_routine_id(KEY, "morning")
WEEKLY = programme_routine_id(KEY, "walk")


def routine(routine_id: str) -> Routine:
    return Routine(
        id=routine_id,
        name="Routine",
        description="A routine for the adherence tests.",
        items=(RoutineItem(BRIDGE, BRIDGE.dosage),),
        origin=RoutineOrigin.PROGRAMME,
        locked=True,
    )


def programme(start: date) -> Programme:
    return Programme(
        title="Lower back",
        prescribed_by="Sam Lee",
        contact="",
        start=start,
        review=None,
        locked=True,
        routines=(
            PrescribedRoutine(routine(DAILY), Frequency(1, Period.DAY)),
            PrescribedRoutine(routine(WEEKLY), Frequency(3, Period.WEEK)),
        ),
    )


WEDNESDAY = date(2025, 3, 5)


def days(start: date, count: int) -> list[date]:
    return [start + timedelta(days=n) for n in range(count)]


def test_the_programme_key_matches_its_routine_ids() -> None:
    assert programme(WEDNESDAY).key == KEY
    assert programme(WEDNESDAY).routine_ids == (DAILY, WEEKLY)


def test_first_and_current_weeks_are_prorated_and_rounded_up() -> None:
    today = date(2025, 3, 18)  # the Tuesday of the third week
    weeks = adherence_by_routine(programme(WEDNESDAY), [], today)
    assert [(w.week_start, w.prescribed) for w in weeks[DAILY]] == [
        (date(2025, 3, 3), 5),  # Wednesday to Sunday
        (date(2025, 3, 10), 7),
        (date(2025, 3, 17), 2),  # Monday and Tuesday so far
    ]
    assert [w.prescribed for w in weeks[WEEKLY]] == [3, 3, 1]  # ceil(15/7), 3, ceil(6/7)
    assert [prescribed_in(Frequency(3, Period.WEEK), n) for n in range(1, 8)] == [
        1,
        1,
        2,
        2,
        3,
        3,
        3,
    ]


def test_sessions_are_counted_per_week_and_capped_per_routine() -> None:
    today = date(2025, 3, 18)
    sessions = [(DAILY, day) for day in days(WEDNESDAY, 5)]  # every day of the first week
    sessions += [(WEEKLY, date(2025, 3, 11))] * 5  # five walks where three were asked
    sessions += [(DAILY, date(2025, 3, 17)), (DAILY, date(2025, 3, 17))]
    weeks = weekly_adherence(programme(WEDNESDAY), sessions, today)
    assert weeks == [
        WeekAdherence(date(2025, 3, 3), 5, 8, 5),
        WeekAdherence(date(2025, 3, 10), 3, 10, 5),
        WeekAdherence(date(2025, 3, 17), 2, 3, 2),
    ]
    assert weeks[1].fraction == 0.3


def test_only_the_programmes_sessions_inside_its_span_count() -> None:
    today = date(2025, 3, 9)
    sessions = [
        (DAILY, date(2025, 3, 4)),  # the day before the start, in the same week
        (DAILY, date(2025, 3, 10)),  # after today
        ("desk-break", date(2025, 3, 6)),  # a shipped routine
        ("own-easier-morning-1", date(2025, 3, 6)),  # the person's eased copy
        (DAILY, date(2025, 3, 7)),
    ]
    (week,) = weekly_adherence(programme(WEDNESDAY), sessions, today)
    assert (week.done, week.sessions) == (1, 1)
    aliases = {"own-easier-morning-1": DAILY}
    (eased,) = weekly_adherence(programme(WEDNESDAY), sessions, today, aliases=aliases)
    assert (eased.done, eased.sessions) == (2, 2)


def test_before_the_start_there_is_nothing_and_on_the_first_day_one_day() -> None:
    assert weekly_adherence(programme(WEDNESDAY), [], date(2025, 3, 4)) == []
    (first,) = weekly_adherence(programme(WEDNESDAY), [(WEEKLY, WEDNESDAY)], WEDNESDAY)
    assert first == WeekAdherence(date(2025, 3, 3), 1, 2, 1)


def test_weeks_are_iso_weeks_across_clock_changes_and_the_new_year() -> None:
    # Europe's clocks go forward on 30 March 2025 and back on 26 October; dates do not care.
    weeks = weekly_adherence(programme(date(2025, 3, 24)), [], date(2025, 11, 2))
    mondays = [w.week_start for w in weeks]
    assert mondays[0] == date(2025, 3, 24)
    assert mondays[-1] == date(2025, 10, 27)
    assert all(b - a == timedelta(days=7) for a, b in itertools.pairwise(mondays))
    assert all(w.prescribed == 10 for w in weeks)  # full weeks: 7 + 3
    assert week_start(date(2025, 1, 1)) == date(2024, 12, 30)  # ISO week 1 starts in December
    year_end = weekly_adherence(
        programme(date(2024, 12, 29)), [(DAILY, date(2025, 1, 1))], date(2025, 1, 2)
    )
    assert [(w.week_start, w.done, w.prescribed) for w in year_end] == [
        (date(2024, 12, 23), 0, 2),  # Sunday alone: 1 + ceil(3/7)
        (date(2024, 12, 30), 1, 6),  # Monday to Thursday: 4 + ceil(12/7)
    ]
