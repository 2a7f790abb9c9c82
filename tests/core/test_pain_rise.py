"""The pain-rise rules (issue 10): when SpineCoach speaks up after a session, and what it says."""

from __future__ import annotations

from dataclasses import replace

from hypothesis import given
from hypothesis import strategies as st

from spinecoach.core.exercise import Dosage
from spinecoach.core.pain import (
    BAD_DAY_ROUTINE,
    SEVERE_PAIN,
    gentlest_routine,
    high_before_advice,
    meaningful_rise,
    rise_advice,
)
from spinecoach.core.safety import EMERGENCY
from tests.factories import exercise, routine

scores = st.integers(min_value=0, max_value=10)
maybe_scores = st.none() | scores

EASY = exercise("Easy move", Dosage(reps=1, hold_seconds=10))
HARD = replace(exercise("Hard move", Dosage(reps=1, hold_seconds=10)), difficulty=3)
GENTLE = replace(routine(EASY), id="gentle", name="Gentle one")
DEMANDING = replace(routine(HARD), id="demanding", name="Demanding one")
LONG_GENTLE = replace(routine(EASY, EASY), id="long-gentle", name="Long gentle one")


@given(before=maybe_scores, after=scores)
def test_the_rule_is_a_rise_of_two_or_an_after_score_of_seven(
    before: int | None, after: int
) -> None:
    expected = after >= SEVERE_PAIN or (before is not None and after - before >= 2)
    assert meaningful_rise(before, after) is expected
    advice = rise_advice(before, after, routines=(GENTLE, DEMANDING))
    assert (advice is not None) is expected
    if advice is not None:
        # Severe pain always stops exercise for today and shows every red flag; any other
        # meaningful rise shows the whole emergency group, first.
        assert advice.show_red_flags is (after >= SEVERE_PAIN)
        assert advice.red_flags[0] is EMERGENCY
        assert ("stop exercising for today" in " ".join(advice.advice)) is (after >= SEVERE_PAIN)
        # The words never claim a rise that did not happen.
        rose = before is not None and after > before
        assert ("went from" in advice.summary) is rose
        assert str(after) in advice.summary


@given(before=maybe_scores)
def test_no_after_score_means_no_advice(before: int | None) -> None:
    assert not meaningful_rise(before, None)
    assert rise_advice(before, None) is None


def test_the_boundaries() -> None:
    assert meaningful_rise(3, 5)
    assert not meaningful_rise(3, 4)
    assert meaningful_rise(9, 10)  # one point, but the top of the scale
    assert meaningful_rise(None, 7)  # no before-score: the severe rule still applies
    assert not meaningful_rise(None, 6)
    assert meaningful_rise(8, 7)  # less than before, but still severe
    assert not meaningful_rise(6, 6)


def test_the_advice_names_the_gentlest_routine_not_just_done() -> None:
    advice = rise_advice(3, 5, routines=(DEMANDING, LONG_GENTLE, GENTLE), just_done="demanding")
    assert advice is not None
    assert advice.gentler_routine == "gentle"  # as easy as "long gentle", and shorter
    assert "“Gentle one”" in " ".join(advice.advice)
    again = rise_advice(3, 5, routines=(DEMANDING, LONG_GENTLE, GENTLE), just_done="gentle")
    assert again is not None and again.gentler_routine == "long-gentle"


def test_without_another_routine_the_advice_is_fewer_reps_and_smaller_range() -> None:
    advice = rise_advice(2, 5, routines=(GENTLE,), just_done="gentle")
    assert advice is not None
    assert advice.gentler_routine is None
    assert "fewer repetitions with smaller movements" in " ".join(advice.advice)
    assert gentlest_routine((), besides=None) is None


def test_gentle_movement_comes_first_never_rest_in_bed() -> None:
    for after in (5, 8):
        advice = rise_advice(3, after, routines=(GENTLE,))
        assert advice is not None
        assert "moving gently" in advice.advice[0] or "stop exercising" in advice.advice[0]
        assert "bed rest" not in " ".join(advice.advice).lower()


BAD_DAY = replace(routine(EASY), id=BAD_DAY_ROUTINE, name="Gentle moves for a bad day")


def test_the_bad_day_routine_is_suggested_whenever_it_was_not_the_one_just_done() -> None:
    # Review: the arithmetic picked the desk break (back extension, twist) after every routine.
    advice = rise_advice(3, 5, routines=(GENTLE, BAD_DAY, DEMANDING), just_done="demanding")
    assert advice is not None and advice.gentler_routine == BAD_DAY_ROUTINE
    after_bad_day = rise_advice(3, 5, routines=(BAD_DAY,), just_done=BAD_DAY_ROUTINE)
    assert after_bad_day is not None and after_bad_day.gentler_routine is None
    assert "short, easy walk" in " ".join(after_bad_day.advice)


@given(before=maybe_scores)
def test_severe_pain_before_a_routine_gets_a_gentler_choice_and_every_red_flag(
    before: int | None,
) -> None:
    advice = high_before_advice(before, routines=(BAD_DAY, DEMANDING), about_to_do="demanding")
    if before is None or before < SEVERE_PAIN:
        assert advice is None
    else:
        assert advice is not None
        assert advice.title == "Your pain is high today"
        assert advice.summary == (
            f"With pain at {before} out of 10, try “Gentle moves for a bad day” or a short, "
            "easy walk instead of this routine."
        )
        assert advice.show_red_flags
