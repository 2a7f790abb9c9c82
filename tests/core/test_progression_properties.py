"""Hypothesis properties of the progression rules over generated histories (docs/PROGRESSION.md).

Never moves up during a flare, never two steps at once, never beyond the exercise's range,
always explains, and a locked routine only ever hears "ask your physiotherapist".
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

from hypothesis import example, given, settings
from hypothesis import strategies as st

from spinecoach.core.exercise import Dosage, DosageLimits, Exercise, Routine, RoutineItem
from spinecoach.core.progression import FLARE_PAUSE_DAYS, Suggestion, apply, flare_days, suggest
from spinecoach.core.progression_history import ExerciseDay, NextMorning
from spinecoach.core.records import ChangeKind
from spinecoach.core.translation import load_messages
from spinecoach.paths import resources_dir
from tests.factories import exercise

TODAY = date(2026, 6, 15)
LIMITS = DosageLimits((("reps", 4, 15), ("hold_seconds", 2, 12)))
WALK_LIMITS = DosageLimits((("duration_seconds", 300, 1800),))
GERMAN, _ = load_messages(resources_dir(), "de")


def _chain() -> dict[str, Exercise]:
    easy = replace(exercise("Easy one", Dosage(reps=8, hold_seconds=3)), harder="middle-one")
    middle = replace(
        exercise("Middle one", Dosage(reps=10, hold_seconds=3)),
        easier="easy-one",
        harder="hard-one",
    )
    hard = replace(exercise("Hard one", Dosage(reps=6, hold_seconds=5)), easier="middle-one")
    walk = replace(exercise("Walking", Dosage(duration_seconds=600)), limits=WALK_LIMITS)
    found = {e.id: replace(e, limits=LIMITS) for e in (easy, middle, hard)}
    found["walking"] = walk
    return found


LIBRARY = _chain()
IDS = tuple(LIBRARY)


@st.composite
def items(draw: st.DrawFn, exercise_id: str) -> RoutineItem:
    chosen = LIBRARY[exercise_id]
    if chosen.dosage.is_timed_block:
        dosage = Dosage(duration_seconds=draw(st.integers(300, 1800)))
    else:
        dosage = replace(
            chosen.dosage,
            reps=draw(st.one_of(st.integers(4, 15), st.just(15))),
            hold_seconds=draw(st.one_of(st.integers(2, 12), st.just(12), st.just(2))),
        )
    return RoutineItem(exercise=chosen, dosage=dosage)


@st.composite
def routines(draw: st.DrawFn) -> Routine:
    ids = draw(st.lists(st.sampled_from(IDS), min_size=1, max_size=4, unique=True))
    chosen = tuple(draw(items(i)) for i in ids)
    return Routine(id="r", name="R", description="d", items=chosen, locked=draw(st.booleans()))


scores = st.one_of(st.none(), st.integers(0, 10))
days_ago = st.integers(0, 20)

exercise_days = st.builds(
    ExerciseDay,
    day=days_ago.map(lambda n: TODAY - timedelta(days=n)),
    exercise_id=st.sampled_from(IDS),
    done_in_full=st.booleans(),
    pain_before=scores,
    pain_after=scores,
    hurt=st.booleans(),
)
mornings = st.builds(
    NextMorning,
    day_of_session=days_ago.map(lambda n: TODAY - timedelta(days=n)),
    score=st.integers(0, 10),
    score_before_session=scores,
)
#: Mostly easy histories, so moving up is often in reach and the rules are really exercised.
easy_days = st.builds(
    ExerciseDay,
    day=days_ago.map(lambda n: TODAY - timedelta(days=n)),
    exercise_id=st.sampled_from(IDS),
    done_in_full=st.just(True),
    pain_before=st.just(3),
    pain_after=st.integers(1, 3),
    hurt=st.just(False),
)
histories = st.one_of(
    st.tuples(
        st.lists(st.one_of(easy_days, easy_days, exercise_days), max_size=30),
        st.lists(mornings, max_size=6),
    ),
    st.tuples(st.lists(easy_days, min_size=6, max_size=30), st.lists(mornings, max_size=2)),
)


def _all(routine: Routine, days: list[ExerciseDay], morning: list[NextMorning]) -> list[Suggestion]:
    return suggest(routine, days, morning, TODAY, exercises=LIBRARY)


#: Found on a bare machine: two answers about one session day, the flare-up one first.
_CALM_AFTER_A_FLARE = (
    [
        ExerciseDay(TODAY - timedelta(days=n), "easy-one", True, 3, 1, False)
        for n in (0, 0, 0, 0, 0, 4)
    ],
    [
        NextMorning(TODAY - timedelta(days=1), 2, 0),
        NextMorning(TODAY - timedelta(days=1), 0, None),
    ],
)


@settings(max_examples=300, deadline=None)
@given(routines(), histories)
@example(
    Routine(
        id="r",
        name="R",
        description="d",
        items=(RoutineItem(LIBRARY["easy-one"], Dosage(reps=15, hold_seconds=12)),),
    ),
    _CALM_AFTER_A_FLARE,
)
def test_never_moves_up_during_a_flare(routine: Routine, history: tuple) -> None:  # type: ignore[type-arg]
    days, morning = history
    flares = flare_days([d for d in days if d.day <= TODAY], morning)
    in_pause = any(TODAY - day < timedelta(days=FLARE_PAUSE_DAYS) for day in flares)
    found = _all(routine, days, morning)
    if in_pause:
        assert not any(s.kind.moves_up for s in found)


def _step_limit(old: int, unit: int) -> int:
    return max(old + unit, round(old * 1.2 / unit) * unit)


@settings(max_examples=300, deadline=None)
@given(routines(), histories)
def test_never_two_steps_at_once_and_never_beyond_the_range(
    routine: Routine,
    history: tuple,  # type: ignore[type-arg]
) -> None:
    days, morning = history
    found = _all(routine, days, morning)
    exercise_ids = [s.exercise_id for s in found]
    assert len(exercise_ids) == len(set(exercise_ids)), "one suggestion per exercise"
    # Never both directions at once.
    assert len({s.kind.moves_up for s in found}) <= 1
    for suggestion in found:
        source = LIBRARY[suggestion.exercise_id]
        if suggestion.kind in (ChangeKind.HARDER, ChangeKind.EASIER):
            wanted = source.harder if suggestion.kind is ChangeKind.HARDER else source.easier
            assert suggestion.to_exercise_id == wanted
            target = LIBRARY[wanted or ""]
            assert suggestion.to_dosage == target.dosage
            assert target.dosage_problems(suggestion.to_dosage) == []
            continue
        assert suggestion.to_exercise_id is None
        assert source.dosage_problems(suggestion.to_dosage) == [], "within the limits"
        old, new = suggestion.from_dosage, suggestion.to_dosage
        fields = ("reps", "hold_seconds", "sets", "rest_seconds", "duration_seconds")
        changed = [f for f in fields if getattr(old, f) != getattr(new, f)]
        assert len(changed) == 1, f"exactly one field changes, got {changed}"
        before, after = getattr(old, changed[0]), getattr(new, changed[0])
        unit = 60 if changed[0] == "duration_seconds" and before >= 120 else 1
        if changed[0] == "duration_seconds" and before < 120:
            unit = 5
        if suggestion.kind.moves_up:
            assert before < after <= _step_limit(before, unit)
        else:
            assert after < before
            assert before - after <= max(unit, round(before * 0.2 / unit) * unit) + unit


@settings(max_examples=200, deadline=None)
@given(routines(), histories)
def test_always_explains_in_english_and_german(routine: Routine, history: tuple) -> None:  # type: ignore[type-arg]
    days, morning = history
    for suggestion in _all(routine, days, morning):
        assert suggestion.reason.english.strip()
        english = suggestion.explain()
        german = suggestion.explain(GERMAN)
        assert english.strip() and german.strip()
        assert "{" not in english and "{" not in german
        assert english.endswith(("?", "do more.", "than it says."))


@settings(max_examples=200, deadline=None)
@given(routines(), histories)
def test_a_locked_routine_only_hears_ask_your_physiotherapist(
    routine: Routine,
    history: tuple,  # type: ignore[type-arg]
) -> None:
    days, morning = history
    found = _all(routine, days, morning)
    if routine.locked:
        assert all(s.ask_physiotherapist for s in found)
    else:
        assert not any(s.ask_physiotherapist for s in found)
        for suggestion in found:
            changed = apply(routine, suggestion)
            assert len(changed.items) == len(routine.items)


@settings(max_examples=100, deadline=None)
@given(routines(), histories)
def test_moving_up_always_has_three_easy_sessions_over_five_days(
    routine: Routine,
    history: tuple,  # type: ignore[type-arg]
) -> None:
    days, morning = history
    for suggestion in _all(routine, days, morning):
        if not suggestion.kind.moves_up:
            continue
        own = [
            d
            for d in days
            if d.exercise_id == suggestion.exercise_id
            and timedelta(0) <= TODAY - d.day < timedelta(days=14)
        ]
        assert len(own) >= 3
        assert all(d.done_in_full and not d.hurt for d in own)
        assert (max(d.day for d in own) - min(d.day for d in own)).days >= 4
