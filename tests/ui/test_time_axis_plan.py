"""The time axis's tick plan: the same ticks and labels as the plain algorithm, far less work.

Panning a one-year view over ten years of data measured 98 ms a frame because every step was
worded and measured in full (~12,800 labels a frame). `plan_ticks` now words and measures a
label only when a decision needs it; `reference_plan` below is the plain algorithm it replaced,
kept here to prove the results did not change.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, tzinfo
from zoneinfo import ZoneInfo

from hypothesis import given, settings
from hypothesis import strategies as st

from spinecoach.ui.history.time_axis import (
    TICK_STEPS,
    _midnight,
    _tick_days,
    plan_ticks,
    tick_labels,
)

DAY = 86400.0
BERLIN = ZoneInfo("Europe/Berlin")


def reference_plan(
    low: float,
    high: float,
    pixels: float,
    zone: tzinfo | None,
    width_of: Callable[[str], float],
    gap: float,
) -> tuple[list[float], list[str]]:
    """The algorithm as it was: every label of every step worded and measured."""
    if not (high > low and pixels > 0):
        return [], []
    scale = pixels / (high - low)
    first = datetime.fromtimestamp(low, zone).date()
    last = datetime.fromtimestamp(high, zone).date()
    chosen: tuple[list[float], list[str]] = ([], [])
    for step in TICK_STEPS:
        days = list(_tick_days(first, last, step))
        if len(days) > pixels:
            continue
        epochs = [_midnight(day, zone) for day in days]
        inside = [(d, e) for d, e in zip(days, epochs, strict=True) if low <= e <= high]
        labels = tick_labels([d for d, _ in inside], step)
        while inside:
            widths = [width_of(label) for label in labels]
            first_x = (inside[0][1] - low) * scale
            last_x = (inside[-1][1] - low) * scale
            if first_x - widths[0] / 2 < 0:
                inside = inside[1:]
            elif last_x + widths[-1] / 2 > pixels:
                inside = inside[:-1]
            else:
                break
            labels = tick_labels([d for d, _ in inside], step)
        xs = [(e - low) * scale for _, e in inside]
        widths = [width_of(label) for label in labels]
        crowded = any(
            xs[i + 1] - xs[i] < (widths[i] + widths[i + 1]) / 2 + gap for i in range(len(xs) - 1)
        )
        chosen = ([e for _, e in inside], labels)
        if not crowded and inside:
            return chosen
    return chosen


def width_of(label: str) -> float:
    return 7.0 * max(len(line) for line in label.split("\n"))


@settings(max_examples=50, deadline=None)
@given(
    end=st.integers(0, 20 * 365),
    days=st.floats(0.5, 12 * 365),
    pixels=st.sampled_from([120.0, 300.0, 640.0, 1000.0, 1600.0]),
    gap=st.sampled_from([0.0, 6.0, 14.0]),
)
def test_the_plan_is_the_plain_algorithms(end: int, days: float, pixels: float, gap: float) -> None:
    high = datetime(2016, 1, 1, tzinfo=BERLIN).timestamp() + end * DAY + 3600.5
    low = high - days * DAY
    assert plan_ticks(low, high, pixels, BERLIN, width_of, gap) == reference_plan(
        low, high, pixels, BERLIN, width_of, gap
    )


def test_a_year_over_ten_years_measures_few_labels() -> None:
    """What made panning slow: every label of every step measured; now a tenth or less."""
    measured: list[str] = []
    measured_before: list[str] = []

    def counting(into: list[str]) -> Callable[[str], float]:
        def measure(label: str) -> float:
            into.append(label)
            return width_of(label)

        return measure

    middle = datetime(2021, 7, 1, tzinfo=BERLIN).timestamp()
    low, high = middle - 182 * DAY, middle + 182 * DAY
    values, labels = plan_ticks(low, high, 1200, BERLIN, counting(measured), 10)
    before = reference_plan(low, high, 1200, BERLIN, counting(measured_before), 10)
    assert (values, labels) == before
    assert len(labels) >= 6
    assert len(measured_before) > 1000
    assert len(measured) * 10 < len(measured_before), (len(measured), len(measured_before))
