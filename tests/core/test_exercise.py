"""Timing and wording rules of the exercise model."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from spinecoach.core.exercise import Dosage, format_duration, with_overrides


def test_rep_dosage_time_counts_holds_releases_and_rests_between_sets() -> None:
    dosage = Dosage(reps=10, hold_seconds=3, release_seconds=2, sets=2, rest_seconds=30)
    assert dosage.seconds_per_side() == 2 * 10 * 5 + 30


def test_timed_block_is_its_duration() -> None:
    walk = Dosage(duration_seconds=1200)
    assert walk.is_timed_block
    assert walk.seconds_per_side() == 1200
    assert walk.describe() == "20 min"


@pytest.mark.parametrize(
    ("dosage", "text"),
    [
        (Dosage(reps=1, hold_seconds=30), "hold 30 s"),
        (Dosage(reps=3, hold_seconds=20), "3 x 20 s hold"),
        (Dosage(reps=10, hold_seconds=3), "10 reps, 3 s hold"),
        (Dosage(reps=8, hold_seconds=2, sets=2), "2 sets of 8 reps, 2 s hold"),
    ],
)
def test_describe(dosage: Dosage, text: str) -> None:
    assert dosage.describe() == text


@pytest.mark.parametrize(
    ("seconds", "text"),
    [(45, "45 s"), (60, "1 min"), (150, "2 min"), (600, "10 min"), (3900, "1 h 5 min"),
     (7200, "2 h")],
)  # fmt: skip
def test_format_duration(seconds: int, text: str) -> None:
    assert format_duration(seconds) == text


def test_overrides_replace_only_named_fields() -> None:
    base = Dosage(reps=10, hold_seconds=3, release_seconds=2)
    assert with_overrides(base, {"reps": 5}) == Dosage(reps=5, hold_seconds=3, release_seconds=2)
    assert with_overrides(base, {}) == base
    with pytest.raises(ValueError, match="timed block"):
        with_overrides(Dosage(duration_seconds=600), {"reps": 2})


@given(
    reps=st.integers(1, 30),
    hold=st.integers(1, 120),
    release=st.integers(0, 30),
    sets=st.integers(1, 5),
    rest=st.integers(0, 180),
)
def test_time_grows_with_every_field(
    reps: int, hold: int, release: int, sets: int, rest: int
) -> None:
    dosage = Dosage(reps, hold, release, sets, rest)
    total = dosage.seconds_per_side()
    assert total >= reps * hold
    assert with_overrides(dosage, {"reps": reps + 1}).seconds_per_side() > total
    assert with_overrides(dosage, {"hold_seconds": hold + 1}).seconds_per_side() > total
