"""The clinician report's programme figures: adherence, per exercise, pain per routine.

A programme of two routines (three times a week, and once a day) from Monday 2 March 2026,
two weeks of hand-made sessions; every number below is counted by hand in the comments.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from spinecoach.core.exercise import Dosage, Routine, RoutineItem, RoutineOrigin
from spinecoach.core.programme.model import Frequency, Period, PrescribedRoutine, Programme
from spinecoach.core.programme_report import programme_figures
from spinecoach.core.records import (
    HurtEvent,
    PainContext,
    PainEntry,
    SessionRecord,
    SessionStatus,
)
from tests.factories import exercise

BRIDGE = exercise("Glute bridge", Dosage(reps=10, hold_seconds=3))
CAT = exercise("Cat cow", Dosage(reps=8))
MONDAY = date(2026, 3, 2)


def prescribed(routine_id: str, name: str, items: tuple[RoutineItem, ...]) -> Routine:
    return Routine(
        id=routine_id,
        name=name,
        description="A prescribed routine.",
        items=items,
        origin=RoutineOrigin.PROGRAMME,
        locked=True,
    )


MORNING = prescribed(
    "programme-k-morning",
    "Morning",
    (
        RoutineItem(BRIDGE, BRIDGE.dosage),
        RoutineItem(CAT, CAT.dosage, note="Slowly"),
        RoutineItem(BRIDGE, BRIDGE.dosage),  # repeated: counted once
    ),
)
EVENING = prescribed("programme-k-evening", "Evening", (RoutineItem(CAT, CAT.dosage),))
PROGRAMME = Programme(
    title="Lower back, weeks 1-6",
    prescribed_by="A. Physio",
    contact="Clinic, 0123 456",
    start=MONDAY,
    review=None,
    locked=True,
    routines=(
        PrescribedRoutine(MORNING, Frequency(3, Period.WEEK)),
        PrescribedRoutine(EVENING, Frequency(1, Period.DAY)),
    ),
    notes="Stop any exercise that sends pain down the leg.",
)


def on(day: int, hour: int = 9) -> datetime:
    return datetime.combine(MONDAY + timedelta(days=day), datetime.min.time(), UTC).replace(
        hour=hour
    )


def session(
    number: int,
    routine: Routine,
    day: int,
    status: SessionStatus = SessionStatus.COMPLETED,
    done: tuple[str, ...] | None = None,
    skipped: tuple[str, ...] = (),
) -> SessionRecord:
    ids = tuple(dict.fromkeys(item.exercise.id for item in routine.items))
    return SessionRecord(
        id=number,
        routine_id=routine.id,
        routine_name=routine.name,
        started_at=on(day),
        ended_at=on(day) + timedelta(minutes=10),
        exercises_completed=ids if done is None else done,
        exercises_skipped=skipped,
        exercises_total=len(routine.items),
        status=status,
    )


def pain(number: int, day: int, before: int | None, after: int | None) -> list[PainEntry]:
    entries = []
    if before is not None:
        entries.append(
            PainEntry(recorded_at=on(day), score=before, context=PainContext.BEFORE,
                      session_id=number)
        )  # fmt: skip
    if after is not None:
        entries.append(
            PainEntry(recorded_at=on(day) + timedelta(minutes=11), score=after,
                      context=PainContext.AFTER, session_id=number)
        )  # fmt: skip
    return entries


def hurt(number: int, exercise_id: str, day: int) -> HurtEvent:
    return HurtEvent(
        session_id=number, exercise_id=exercise_id, recorded_at=on(day), action="skipped"
    )


OTHER = prescribed("desk-break", "Desk break", (RoutineItem(CAT, CAT.dosage),))

SESSIONS = [
    # Morning: Mon and Tue of week 1; Tue of week 2, and a stopped one on Wed of week 2.
    session(1, MORNING, 0),
    session(2, MORNING, 1),
    session(3, MORNING, 8),
    session(4, MORNING, 9, SessionStatus.STOPPED, done=("glute-bridge",), skipped=("cat-cow",)),
    # Evening: five days of week 1, three of week 2.
    *(session(10 + day, EVENING, day) for day in (0, 1, 2, 3, 4, 7, 8, 9)),
    # Not the programme's: never counted.
    session(30, OTHER, 2),
    # After the period: not counted.
    session(40, MORNING, 14),
]
ENTRIES = [*pain(1, 0, 4, 3), *pain(2, 1, 5, 5), *pain(4, 9, 6, None), *pain(10, 0, 2, 2)]
EVENTS = [hurt(4, "cat-cow", 9), hurt(12, "cat-cow", 2), hurt(30, "cat-cow", 2)]


def figures(first: date = MONDAY, last: date = MONDAY + timedelta(days=13)):  # type: ignore[no-untyped-def]
    completed = [
        (s.routine_id, s.started_at.date()) for s in SESSIONS if s.status is SessionStatus.COMPLETED
    ]
    return programme_figures(
        PROGRAMME,
        completed=completed,
        sessions=SESSIONS,
        entries=ENTRIES,
        hurt_events=EVENTS,
        first=first,
        last=last,
        tz=UTC,
    )


def test_adherence_per_week_and_in_all() -> None:
    found = figures()
    # Week 1: morning 2 of 3, evening 5 of 7; week 2: morning 1 of 3 (the stopped one does
    # not count), evening 3 of 7.
    assert [(w.week_start, w.done, w.prescribed) for w in found.weeks] == [
        (MONDAY, 7, 10),
        (MONDAY + timedelta(days=7), 4, 10),
    ]
    assert (found.done, found.prescribed) == (11, 20)
    assert found.share == 11 / 20


def test_adherence_per_routine() -> None:
    morning, evening = figures().routines
    assert (morning.routine_id, morning.done, morning.prescribed) == (MORNING.id, 3, 6)
    assert (evening.routine_id, evening.done, evening.prescribed) == (EVENING.id, 8, 14)
    assert morning.sessions == 4  # the stopped one is a session of the routine too
    assert evening.sessions == 8


def test_pain_before_and_after_per_routine() -> None:
    morning, evening = figures().routines
    # Morning: before 4, 5, 6; after 3, 5; changes -1 and 0.
    assert morning.before_mean == 5.0 and morning.before_sessions == 3
    assert morning.after_mean == 4.0 and morning.after_sessions == 2
    assert morning.change_mean == -0.5 and morning.change_sessions == 2
    assert evening.before_mean == 2.0 and evening.change_mean == 0.0
    assert evening.change_sessions == 1


def test_completion_and_hurts_per_exercise() -> None:
    found = figures()
    table = [
        (e.routine_id, e.exercise_id, e.sessions, e.completed, e.skipped, e.hurts)
        for e in found.exercises
    ]
    assert table == [
        # The bridge, done in all four morning sessions (the stopped one too).
        (MORNING.id, "glute-bridge", 4, 4, 0, 0),
        # Cat cow: skipped after "This hurts" in the stopped one.
        (MORNING.id, "cat-cow", 4, 3, 1, 1),
        # In the evening: one press (the desk break's press is not the programme's).
        (EVENING.id, "cat-cow", 8, 8, 0, 1),
    ]


def test_a_shorter_period_keeps_the_weeks_it_touches_with_their_earlier_sessions() -> None:
    # The period starts on Thursday of week 1: that week is counted whole (from the start),
    # with Monday's and Tuesday's sessions, so it reads as it did at the time.
    found = figures(first=MONDAY + timedelta(days=3), last=MONDAY + timedelta(days=7))
    assert [(w.week_start, w.done, w.prescribed) for w in found.weeks] == [
        (MONDAY, 7, 10),
        (MONDAY + timedelta(days=7), 1, 2),  # Monday only: 3/7 of a week -> 1, 1 a day -> 1
    ]
    morning, evening = found.routines
    assert morning.sessions == 0  # the period's own sessions: none of the morning's
    assert evening.sessions == 3  # Thursday, Friday, Monday


def test_before_the_programme_starts_there_are_no_weeks() -> None:
    found = figures(first=MONDAY - timedelta(days=20), last=MONDAY - timedelta(days=1))
    assert found.weeks == ()
    assert (found.done, found.prescribed, found.share) == (0, 0, None)


def test_an_eased_copy_counts_for_the_routine_it_eases() -> None:
    eased = Routine(
        id="own-morning-eased-1",
        name="Morning (eased)",
        description="Eased by the person.",
        items=(RoutineItem(BRIDGE, BRIDGE.dosage),),
        origin=RoutineOrigin.OWN,
        based_on=MORNING.id,
    )
    extra = [session(50, eased, 3), session(51, eased, 10)]
    extra_pain = [*pain(50, 3, 6, 5)]
    completed = [
        (s.routine_id, s.started_at.date())
        for s in [*SESSIONS, *extra]
        if s.status is SessionStatus.COMPLETED
    ]

    def morning(aliases: dict[str, str] | None):  # type: ignore[no-untyped-def]
        found = programme_figures(
            PROGRAMME,
            completed=completed,
            sessions=[*SESSIONS, *extra],
            entries=[*ENTRIES, *extra_pain],
            hurt_events=EVENTS,
            first=MONDAY,
            last=MONDAY + timedelta(days=13),
            tz=UTC,
            aliases=aliases,
        )
        return next(r for r in found.routines if r.routine_id == MORNING.id), found

    alone, alone_all = morning(None)
    counted, counted_all = morning({eased.id: MORNING.id})
    # Without the alias the eased sessions are someone else's routine; with it, the morning
    # routine's: 3 done (2 + 1) becomes 5, its pain pairs gain the eased session's.
    assert (alone.done, counted.done) == (3, 5)
    assert (alone.sessions, counted.sessions) == (4, 6)
    assert counted.before_sessions == alone.before_sessions + 1
    assert counted_all.done == alone_all.done + 2
