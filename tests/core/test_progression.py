"""The progression rules by example (docs/PROGRESSION.md): when to suggest more, less, or asking."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime

import pytest

from spinecoach.core.exercise import Dosage, DosageLimits, Exercise, SpinalMovement
from spinecoach.core.messages import Messages
from spinecoach.core.progression import (
    SETTLED_NOTE,
    apply,
    declined_window_start,
    rise_settled,
    settled_note,
    suggest,
    worst_mornings,
)
from spinecoach.core.progression_history import ExerciseDay, NextMorning
from spinecoach.core.records import ChangeKind, ChangeStatus, ProgressionChange
from spinecoach.core.translation import load_messages
from spinecoach.paths import resources_dir
from tests.factories import exercise, routine

TODAY = date(2026, 3, 10)
LIMITS = DosageLimits((("reps", 5, 15), ("hold_seconds", 3, 10), ("sets", 1, 3)))


def bridge(reps: int = 10, hold: int = 3) -> Exercise:
    base = exercise("Glute bridge", Dosage(reps=reps, hold_seconds=hold))
    return replace(base, limits=LIMITS, harder="marching-bridge", easier="pelvic-tilt")


MARCHING = replace(
    exercise("Marching bridge", Dosage(reps=6, hold_seconds=3)),
    limits=LIMITS,
    easier="glute-bridge",
)
TILT = replace(exercise("Pelvic tilt", Dosage(reps=8, hold_seconds=3)), limits=LIMITS)
LIBRARY = {e.id: e for e in (bridge(), MARCHING, TILT)}


def good_day(day: date, exercise_id: str = "glute-bridge") -> ExerciseDay:
    return ExerciseDay(day, exercise_id, True, 3, 3, False)


def easy_week() -> list[ExerciseDay]:
    return [good_day(date(2026, 3, d)) for d in (5, 7, 9)]


def test_three_easy_sessions_over_five_days_move_up_the_reps_by_a_fifth() -> None:
    (found,) = suggest(routine(bridge()), easy_week(), [], TODAY, exercises=LIBRARY)
    assert found.kind is ChangeKind.MORE_REPS
    assert (found.from_dosage.reps, found.to_dosage.reps) == (10, 12)
    assert not found.ask_physiotherapist
    assert found.explain() == (
        "You did “Glute bridge” in full in 3 sessions over 5 days, with no more pain "
        "afterwards than before. Try 12 repetitions instead of 10?"
    )


def test_with_next_mornings_no_worse_the_explanation_says_so() -> None:
    mornings = [NextMorning(date(2026, 3, 7), 2, 3)]
    (found,) = suggest(routine(bridge()), easy_week(), mornings, TODAY)
    assert "no worse the next morning" in found.explain()


def test_the_evidence_must_span_five_days_and_three_sessions() -> None:
    close = [good_day(date(2026, 3, d)) for d in (7, 8, 9)]
    assert suggest(routine(bridge()), close, [], TODAY) == []
    two = [good_day(date(2026, 3, d)) for d in (3, 9)]
    assert suggest(routine(bridge()), two, [], TODAY) == []


@pytest.mark.parametrize(
    "spoiler",
    [
        ExerciseDay(date(2026, 3, 8), "glute-bridge", False, 3, 3, False),  # not in full
        ExerciseDay(date(2026, 3, 8), "glute-bridge", True, 3, 4, False),  # a rise of 1
        ExerciseDay(date(2026, 3, 8), "glute-bridge", True, None, 3, False),  # unknown
    ],
)
def test_any_session_not_easy_holds_the_level(spoiler: ExerciseDay) -> None:
    assert suggest(routine(bridge()), [*easy_week(), spoiler], [], TODAY) == []


def test_a_next_morning_a_point_worse_holds_the_level() -> None:
    mornings = [NextMorning(date(2026, 3, 7), 4, 3)]
    assert suggest(routine(bridge()), easy_week(), mornings, TODAY) == []


def test_at_the_top_of_the_reps_the_hold_goes_up_then_the_harder_version() -> None:
    at_top = routine(bridge(reps=15, hold=5))
    (hold,) = suggest(at_top, easy_week(), [], TODAY, exercises=LIBRARY)
    assert hold.kind is ChangeKind.LONGER_HOLD
    assert (hold.from_dosage.hold_seconds, hold.to_dosage.hold_seconds) == (5, 6)
    assert hold.explain().endswith("Try holding for 6 seconds instead of 5?")
    both_top = routine(bridge(reps=15, hold=10))
    (harder,) = suggest(both_top, easy_week(), [], TODAY, exercises=LIBRARY)
    assert harder.kind is ChangeKind.HARDER
    assert harder.to_exercise_id == "marching-bridge"
    assert harder.to_dosage == MARCHING.dosage
    assert harder.explain().endswith("Try the harder version, “Marching bridge”, in its place?")
    changed = apply(both_top, harder)
    assert changed.exercise_ids == ("marching-bridge",)
    assert changed.items[0].dosage == MARCHING.dosage
    # Without the library no other version is known: nothing to suggest.
    assert suggest(both_top, easy_week(), [], TODAY) == []


def test_reps_never_pass_the_top_of_the_range() -> None:
    (found,) = suggest(routine(bridge(reps=14)), easy_week(), [], TODAY)
    assert found.to_dosage.reps == 15


def test_a_this_hurts_steps_back_kindly() -> None:
    days = [*easy_week(), ExerciseDay(TODAY, "glute-bridge", True, 3, 3, True)]
    (found,) = suggest(routine(bridge()), days, [], TODAY, exercises=LIBRARY)
    assert found.kind is ChangeKind.LESS
    assert (found.from_dosage.reps, found.to_dosage.reps) == (10, 8)
    assert found.explain() == (
        "You pressed “This hurts” during “Glute bridge” in the past week. That happens, and "
        "it is a sign to ease off a little. Try 8 repetitions instead of 10 for now?"
    )


def test_at_the_bottom_the_hold_shortens_then_the_easier_version() -> None:
    hurt = [ExerciseDay(TODAY, "glute-bridge", True, 3, 3, True)]
    (shorter,) = suggest(routine(bridge(reps=5, hold=5)), hurt, [], TODAY, exercises=LIBRARY)
    assert shorter.kind is ChangeKind.SHORTER_HOLD
    assert shorter.to_dosage.hold_seconds == 4
    (easier,) = suggest(routine(bridge(reps=5, hold=3)), hurt, [], TODAY, exercises=LIBRARY)
    assert easier.kind is ChangeKind.EASIER
    assert easier.to_exercise_id == "pelvic-tilt"
    assert easier.explain().endswith("Try the easier version, “Pelvic tilt”, for now?")


def test_a_rise_of_two_that_settled_by_the_morning_is_acceptable() -> None:
    day = ExerciseDay(date(2026, 3, 9), "glute-bridge", True, 3, 5, False)
    settled = NextMorning(date(2026, 3, 9), 3, 3)
    assert rise_settled(day, settled)
    assert suggest(routine(bridge()), [day], [settled], TODAY) == []
    # Not settled (no answer): step back.
    (found,) = suggest(routine(bridge()), [day], [], TODAY)
    assert found.kind is ChangeKind.LESS
    assert "2 points higher" in found.explain()
    # A rise of 3 steps back even when settled.
    bigger = replace(day, pain_after=6)
    assert not rise_settled(bigger, settled)
    assert suggest(routine(bridge()), [bigger], [settled], TODAY)[0].kind is ChangeKind.LESS


def test_the_person_is_told_when_a_small_rise_has_settled_and_only_then() -> None:
    """After the next-morning answer: a rise of 1 or 2 gone by the morning is acceptable."""
    day = ExerciseDay(date(2026, 3, 9), "glute-bridge", True, 3, 5, False)
    other = ExerciseDay(date(2026, 3, 9), "cat-cow", True, 3, 5, False)
    said = settled_note([day, other], NextMorning(date(2026, 3, 9), 3, 3))
    assert said[-1] is SETTLED_NOTE
    assert said[0].english == (
        "Your pain rose a little during yesterday's exercise and has settled since."
    )
    assert settled_note([replace(day, pain_after=4)], NextMorning(date(2026, 3, 9), 2, 3))
    # Not settled: the morning is worse than before the session.
    assert settled_note([day], NextMorning(date(2026, 3, 9), 4, 3)) == ()
    # A rise of 3 is more than "acceptable", settled or not; no rise needs no reassurance.
    assert settled_note([replace(day, pain_after=6)], NextMorning(date(2026, 3, 9), 3, 3)) == ()
    assert settled_note([replace(day, pain_after=3)], NextMorning(date(2026, 3, 9), 3, 3)) == ()
    # Nothing to compare with, no answer, or the rise was on another day.
    assert settled_note([day], NextMorning(date(2026, 3, 9), 3, None)) == ()
    assert settled_note([day], None) == ()
    assert settled_note([day], NextMorning(date(2026, 3, 8), 3, 3)) == ()


def test_a_worse_next_morning_steps_back() -> None:
    days = [good_day(date(2026, 3, 9))]
    mornings = [NextMorning(date(2026, 3, 9), 6, 3)]
    (found,) = suggest(routine(bridge()), days, mornings, TODAY)
    assert found.kind is ChangeKind.LESS
    assert "3 points worse" in found.explain()


@pytest.mark.parametrize("calm_last", [True, False], ids=["calm answer last", "calm first"])
def test_a_calm_second_answer_for_the_same_morning_does_not_hide_a_worse_one(
    calm_last: bool,
) -> None:
    """Two answers about one session day: the worse one counts, whichever came last.

    Found by the flare property (test_progression_properties) on a bare machine: the rules
    kept the last answer per day, so "2 points worse" followed by a calm "0" let the
    exercise move up the day after a flare-up.
    """
    worse = NextMorning(date(2026, 3, 9), 5, 3)
    calm = NextMorning(date(2026, 3, 9), 2, 3)
    mornings = [worse, calm] if calm_last else [calm, worse]
    assert worst_mornings(mornings) == {date(2026, 3, 9): worse}
    found = suggest(routine(bridge()), easy_week(), mornings, TODAY, exercises=LIBRARY)
    assert [s.kind for s in found] == [ChangeKind.LESS]
    # A known comparison outweighs an unknown one (no score before that session).
    unknown = NextMorning(date(2026, 3, 9), 0, None)
    assert worst_mornings([worse, unknown]) == {date(2026, 3, 9): worse}
    assert worst_mornings([unknown, calm]) == {date(2026, 3, 9): calm}


def test_a_flare_pauses_moving_up_every_exercise_for_seven_days() -> None:
    other = exercise("Cat cow", Dosage(reps=8, hold_seconds=3))
    flare = ExerciseDay(date(2026, 3, 4), "cat-cow", True, 2, 5, False)
    both = routine(bridge(), replace(other, limits=LIMITS))
    # Flare on the 4th: the 10th is its seventh day, still paused; the bridge gets nothing.
    found = suggest(both, [*easy_week(), flare], [], TODAY)
    assert all(not s.kind.moves_up for s in found)
    later = suggest(both, [*easy_week(), flare], [], date(2026, 3, 11))
    assert [s.kind for s in later] == [ChangeKind.MORE_REPS]


def test_a_declined_suggestion_is_not_made_again() -> None:
    declined = {("r", "glute-bridge", ChangeKind.MORE_REPS)}
    assert suggest(routine(bridge()), easy_week(), [], TODAY, declined) == []
    assert declined_window_start(TODAY) == date(2026, 2, 25)


def test_an_accepted_change_needs_fresh_evidence() -> None:
    change = ProgressionChange(
        recorded_at=datetime(2026, 3, 9, 18, tzinfo=UTC),
        routine_id="r",
        exercise_id="glute-bridge",
        kind=ChangeKind.MORE_REPS,
        from_text="10 reps",
        to_text="12 reps",
        reason="easy",
        status=ChangeStatus.ACCEPTED,
    )
    assert suggest(routine(bridge()), easy_week(), [], TODAY, changes=[change]) == []
    declined = replace(change, status=ChangeStatus.DECLINED)
    assert suggest(routine(bridge()), easy_week(), [], TODAY, changes=[declined]) != []


def test_a_locked_routine_only_asks_the_physiotherapist() -> None:
    locked = replace(routine(bridge()), locked=True)
    (found,) = suggest(locked, easy_week(), [], TODAY)
    assert found.ask_physiotherapist
    assert found.explain().endswith("Ask them at your next appointment whether you could do more.")
    with pytest.raises(ValueError, match="locked"):
        apply(locked, found)
    (flagged,) = suggest(routine(bridge()), easy_week(), [], TODAY, locked=True)
    assert flagged.ask_physiotherapist


def test_an_avoided_direction_is_never_moved_up_nor_stepped_towards() -> None:
    bending = replace(bridge(), movement=SpinalMovement.BENDING_BACK)
    avoid = frozenset({SpinalMovement.BENDING_BACK})
    assert suggest(routine(bending), easy_week(), [], TODAY, avoid=avoid) == []
    tilt_back = replace(TILT, movement=SpinalMovement.BENDING_BACK)
    library = {**LIBRARY, "pelvic-tilt": tilt_back}
    hurt = [ExerciseDay(TODAY, "glute-bridge", True, 3, 3, True)]
    at_bottom = routine(bridge(reps=5, hold=3))
    assert suggest(at_bottom, hurt, [], TODAY, exercises=library, avoid=avoid) == []


def test_a_walk_moves_up_by_whole_minutes() -> None:
    walk = replace(
        exercise("Walking", Dosage(duration_seconds=600)),
        limits=DosageLimits((("duration_seconds", 300, 1800),)),
    )
    days = [good_day(date(2026, 3, d), "walking") for d in (5, 7, 9)]
    (found,) = suggest(routine(walk), days, [], TODAY)
    assert found.kind is ChangeKind.LONGER_HOLD
    assert found.to_dosage.duration_seconds == 720
    assert found.explain().endswith("Try 12 minutes instead of 10 minutes?")


def test_apply_changes_only_that_exercise_and_refuses_a_stale_suggestion() -> None:
    two = routine(bridge(), TILT)
    (found,) = suggest(two, easy_week(), [], TODAY)
    changed = apply(two, found)
    assert changed.items[0].dosage.reps == 12
    assert changed.items[1] == two.items[1]
    with pytest.raises(ValueError, match="no longer"):
        apply(changed, found)


def test_the_german_words_explain_too() -> None:
    german = load_messages_de()
    (found,) = suggest(routine(bridge()), easy_week(), [], TODAY)
    text = found.explain(german)
    assert "Sie haben „Glute bridge“" in text
    assert text.endswith("Möchten Sie 12 Wiederholungen statt 10 versuchen?")


def load_messages_de() -> Messages:
    words, problems = load_messages(resources_dir(), "de")
    assert problems == []
    return words
