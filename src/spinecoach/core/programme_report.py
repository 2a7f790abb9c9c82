"""The clinician's report's figures for the active programme: sessions done against prescribed.

Pure functions of the programme and the period's records, beside `core.clinician_report`'s
figures for everything else; the report gives the programme a page of its own.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta, tzinfo
from typing import TYPE_CHECKING

from spinecoach.core.records import HurtEvent, PainEntry, SessionRecord
from spinecoach.core.report_period import utc_bounds
from spinecoach.core.statistics import in_utc, session_pain, session_pain_means

if TYPE_CHECKING:
    from spinecoach.core.programme.adherence import WeekAdherence
    from spinecoach.core.programme.model import Programme


@dataclass(frozen=True, slots=True, kw_only=True)
class RoutineFigures:
    """One prescribed routine over the period: sessions done against prescribed, and pain.

    `done` and `prescribed` add up the programme's weeks inside the period (`weekly_adherence`'s
    rules); `sessions` counts every session of the routine started in the period (stopped ones
    too), whose before and after scores make the means (the last given of each, as
    `statistics.session_pain`).
    """

    routine_id: str
    done: int
    prescribed: int
    sessions: int
    before_mean: float | None
    before_sessions: int
    after_mean: float | None
    after_sessions: int
    change_mean: float | None
    change_sessions: int


@dataclass(frozen=True, slots=True, kw_only=True)
class ExerciseFigures:
    """One exercise of a prescribed routine: in how many of the routine's sessions it was done.

    `sessions` are the routine's sessions started in the period; `completed` those that
    completed this exercise, `skipped` those that skipped it; `hurts` the "This hurts" presses
    during it in those sessions.
    """

    routine_id: str
    exercise_id: str
    sessions: int
    completed: int
    skipped: int
    hurts: int


@dataclass(frozen=True, slots=True, kw_only=True)
class ProgrammeFigures:
    """The active programme over the report's period.

    `weeks` are the programme's weeks that overlap the period (done and prescribed as
    `weekly_adherence` counts them: from the programme's start, the first and the last week
    prorated); `done` and `prescribed` are their sums.
    """

    programme: Programme
    weeks: tuple[WeekAdherence, ...]
    done: int
    prescribed: int
    routines: tuple[RoutineFigures, ...]
    exercises: tuple[ExerciseFigures, ...]

    @property
    def share(self) -> float | None:
        """Sessions done as a share of those prescribed (0 to 1 and over); None: none prescribed."""
        return self.done / self.prescribed if self.prescribed else None


def programme_figures(
    programme: Programme,
    *,
    completed: Iterable[tuple[str, date]],
    sessions: Sequence[SessionRecord],
    entries: Sequence[PainEntry],
    hurt_events: Iterable[HurtEvent],
    first: date,
    last: date,
    tz: tzinfo,
    aliases: Mapping[str, str] | None = None,
) -> ProgrammeFigures:
    """The programme's figures for the local days `first` to `last` in `tz`.

    `aliases` maps a routine the person eased from a locked one to the programme routine it
    stands for (`Routine.based_on`): its sessions count for that routine, as they should for
    the prescriber reading what was done with what they prescribed.

    `completed` are (routine id, local day) of every completed session since the programme
    started (its weeks may begin before the period); `sessions`, `entries` and `hurt_events`
    are the period's records (what `clinician_figures` read; more is filtered out). Only the
    programme's own routines count.
    """
    from spinecoach.core.programme.adherence import adherence_by_routine, weekly_adherence

    done_days = list(completed)
    today = last

    def inside(week: WeekAdherence) -> bool:
        return week.week_start <= last and week.week_start + timedelta(days=6) >= first

    stands_for = dict(aliases or {})
    weeks = tuple(
        w for w in weekly_adherence(programme, done_days, today, aliases=stands_for) if inside(w)
    )
    per_routine = adherence_by_routine(programme, done_days, today, aliases=stands_for)
    start, end = utc_bounds(first, last, tz)
    routine_ids = set(programme.routine_ids)
    in_sessions = [
        replace(s, routine_id=stands_for.get(s.routine_id, s.routine_id))
        for s in sessions
        if stands_for.get(s.routine_id, s.routine_id) in routine_ids
        and start <= in_utc(s.started_at) < end
    ]
    pain = session_pain([e for e in entries if start <= in_utc(e.recorded_at) < end])
    events = list(hurt_events)
    routines: list[RoutineFigures] = []
    exercises: list[ExerciseFigures] = []
    for prescribed in programme.routines:
        routine = prescribed.routine
        own = [s for s in in_sessions if s.routine_id == routine.id]
        routine_weeks = [w for w in per_routine.get(routine.id, ()) if inside(w)]
        pairs = [pain[s.id] for s in own if s.id is not None and s.id in pain]
        routines.append(
            RoutineFigures(
                routine_id=routine.id,
                done=sum(w.done for w in routine_weeks),
                prescribed=sum(w.prescribed for w in routine_weeks),
                sessions=len(own),
                **session_pain_means(pairs),
            )
        )
        own_ids = {s.id for s in own}
        seen: set[str] = set()
        for item in routine.items:
            exercise_id = item.exercise.id
            if exercise_id in seen:
                continue
            seen.add(exercise_id)
            exercises.append(
                ExerciseFigures(
                    routine_id=routine.id,
                    exercise_id=exercise_id,
                    sessions=len(own),
                    completed=sum(1 for s in own if exercise_id in s.exercises_completed),
                    skipped=sum(1 for s in own if exercise_id in s.exercises_skipped),
                    hurts=sum(
                        1
                        for e in events
                        if e.session_id in own_ids and e.exercise_id == exercise_id
                    ),
                )
            )
    return ProgrammeFigures(
        programme=programme,
        weeks=weeks,
        done=sum(w.done for w in weeks),
        prescribed=sum(w.prescribed for w in weeks),
        routines=tuple(routines),
        exercises=tuple(exercises),
    )
