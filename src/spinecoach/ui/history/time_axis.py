"""The pain chart's time axis: where its ticks fall, what they say, and the pyqtgraph axis.

Ticks fall on local midnights (days, Mondays, first days of months, new years), at the finest
step whose labels do not crowd, and each label says its month and year wherever they change.
Kept apart from `chart` so the tick plan is read, and tested, on its own.
"""

from __future__ import annotations

import math
import os
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta, tzinfo

os.environ.setdefault("PYQTGRAPH_QT_LIB", "PySide6")

import pyqtgraph as pg
from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QFont, QFontMetricsF

from spinecoach.ui.history.locale_text import (
    axis_day,
    axis_month,
    axis_month_year,
    axis_weekday_day,
    axis_year,
)

DAY = 86_400.0


@dataclass(frozen=True, slots=True)
class TickStep:
    """One way to place ticks: every `count` days, weeks (Mondays), months or years."""

    unit: str  # "day", "week", "month" or "year"
    count: int
    weekday: bool = False  # days written with their weekday ("Mon 23")


#: From the finest to the coarsest; the finest whose labels do not crowd is used.
TICK_STEPS: tuple[TickStep, ...] = (
    TickStep("day", 1, weekday=True),
    TickStep("day", 1),
    TickStep("day", 2),
    TickStep("week", 1),
    TickStep("week", 2),
    TickStep("month", 1),
    TickStep("month", 2),
    TickStep("month", 3),
    TickStep("month", 6),
    TickStep("year", 1),
    TickStep("year", 2),
    TickStep("year", 5),
    TickStep("year", 10),
    TickStep("year", 25),
    TickStep("year", 100),
)


def _tick_days(first: date, last: date, step: TickStep) -> Iterator[date]:
    """The days from `first` to `last` (inclusive) where `step` puts a tick."""
    if step.unit in ("day", "week"):
        day = first
        if step.unit == "week":
            day = first + timedelta(days=-first.weekday() % 7)  # the first Monday
            # Every other Monday counted from a fixed Monday, so ticks do not jump about.
            weeks = (day - date(2001, 1, 1)).days // 7
            day += timedelta(weeks=-weeks % step.count)
        elif step.count > 1:
            day += timedelta(days=-(first.toordinal()) % step.count)
        stride = timedelta(days=step.count * (7 if step.unit == "week" else 1))
        while day <= last:
            yield day
            day += stride
        return
    if step.unit == "month":
        months = first.year * 12 + first.month - 1
        months += -months % step.count
        if date(months // 12, months % 12 + 1, 1) < first:
            months += step.count
        while True:
            day = date(months // 12, months % 12 + 1, 1)
            if day > last:
                return
            yield day
            months += step.count
    year = first.year + (-first.year % step.count)
    if date(year, 1, 1) < first:
        year += step.count
    while year <= last.year:
        yield date(year, 1, 1)
        year += step.count


def tick_labels(days: Sequence[date], step: TickStep) -> list[str]:
    """The labels of ticks on `days`: the unit, and under it where the month or year changes.

    Days and weeks show the day of the month, with the month (and the year, on the first tick
    and when it changes) on a second line at the first tick and at each new month; months show
    the month, with the year under the first and each January; years show the year.
    """
    return [tick_label(day, days[i - 1] if i else None, step) for i, day in enumerate(days)]


def tick_label(day: date, previous: date | None, step: TickStep) -> str:
    """One tick's label (see `tick_labels`): it depends only on the tick before it."""
    if step.unit == "year":
        return axis_year(day)
    if step.unit == "month":
        year_changed = previous is None or previous.year != day.year
        under = axis_year(day) if year_changed else ""
        return f"{axis_month(day)}\n{under}"
    top = axis_weekday_day(day) if step.weekday else axis_day(day)
    if previous is None or previous.year != day.year:
        under = axis_month_year(day)
    elif previous.month != day.month:
        under = axis_month(day)
    else:
        under = ""
    return f"{top}\n{under}"


def plan_ticks(
    low: float,
    high: float,
    pixels: float,
    zone: tzinfo | None,
    width_of: Callable[[str], float],
    gap: float,
) -> tuple[list[float], list[str]]:
    """Where the time axis puts its ticks over [low, high] (epoch seconds) and their labels.

    `pixels` is the axis's length, `width_of` measures a label in the tick font and `gap` is
    the least room between two labels. The finest step whose labels keep `gap` apart wins; a
    label that would stick out past either end is left out (the next one then names the month
    and year), so every tick shown is labelled in full.
    """
    if not (high > low and pixels > 0):
        return [], []
    scale = pixels / (high - low)
    first = datetime.fromtimestamp(low, zone).date()
    last = datetime.fromtimestamp(high, zone).date()
    chosen_ticks: list[tuple[date, float]] = []
    chosen_step: TickStep | None = None
    for step in TICK_STEPS:
        days = list(_tick_days(first, last, step))
        if len(days) > pixels:  # far too many to ever fit: do not even word them
            continue
        inside = [(d, e) for d in days if low <= (e := _midnight(d, zone)) <= high]
        # A label is worded and measured only when a decision needs it: a step too fine for
        # its labels is refused at its first crowded pair (panning a year of ten years' data
        # measured ~12,800 labels a frame before, 0.12 s; see benchmarks/history_load.py).
        while inside:  # drop a first or last label that would stick out
            first_width = width_of(tick_label(inside[0][0], None, step))
            if (inside[0][1] - low) * scale - first_width / 2 < 0:
                inside = inside[1:]
                continue
            before = inside[-2][0] if len(inside) > 1 else None
            last_width = width_of(tick_label(inside[-1][0], before, step))
            if (inside[-1][1] - low) * scale + last_width / 2 > pixels:
                inside = inside[:-1]
                continue
            break
        chosen_ticks, chosen_step = inside, step
        if inside and not _crowded(inside, step, low, scale, width_of, gap):
            break
    if chosen_step is None:
        return [], []
    days_shown = [d for d, _ in chosen_ticks]
    return [e for _, e in chosen_ticks], tick_labels(days_shown, chosen_step)


def _crowded(
    ticks: list[tuple[date, float]],
    step: TickStep,
    low: float,
    scale: float,
    width_of: Callable[[str], float],
    gap: float,
) -> bool:
    """Whether two neighbouring labels come closer than `gap`; stops at the first such pair."""
    previous_width = width_of(tick_label(ticks[0][0], None, step))
    for i in range(1, len(ticks)):
        width = width_of(tick_label(ticks[i][0], ticks[i - 1][0], step))
        room = (previous_width + width) / 2 + gap
        if (ticks[i][1] - low) * scale - (ticks[i - 1][1] - low) * scale < room:
            return True
        previous_width = width
    return False


def _midnight(day: date, zone: tzinfo | None) -> float:
    """The epoch second at which `day` begins in `zone` (the system's zone when None)."""
    if zone is None:
        return datetime(day.year, day.month, day.day).timestamp()
    return datetime(day.year, day.month, day.day, tzinfo=zone).timestamp()


class TimeAxis(pg.AxisItem):  # type: ignore[misc]  # pyqtgraph has no type hints
    """The chart's time axis: ticks at local midnights, labelled in the locale in use.

    pyqtgraph's own date axis writes days and months in one row ("29 Oct 04") and in English;
    this one writes two lines (the day, and under it the month and year where they change),
    in the locale's month and day names (`QLocale()`, via `locale_text`).
    """

    def __init__(self) -> None:
        super().__init__(orientation="bottom")
        self._zone: tzinfo | None = None
        self._labels: dict[float, str] = {}
        self.setStyle(autoExpandTextSpace=False, autoReduceTextSpace=False)

    def set_zone(self, zone: tzinfo | None) -> None:
        """The time zone whose midnights the ticks fall on (None: the system's)."""
        self._zone = zone
        self.picture = None
        self.update()

    def fit_font(self, font: QFont) -> None:
        """Use `font` for the labels, with room for two lines of it."""
        self.setTickFont(font)
        metrics = QFontMetricsF(font)
        offset = self.style["tickTextOffset"][1]
        self.setHeight(
            math.ceil(max(0, self.style["tickLength"]) + offset + 2.2 * metrics.height())
        )

    def tickValues(self, low: float, high: float, size: float) -> list[tuple[float, list[float]]]:
        """Override of pyqtgraph's: the ticks for the range shown, one level only."""
        font = self.style["tickFont"] or QFont()
        metrics = QFontMetricsF(font)
        flags = int(Qt.AlignmentFlag.AlignCenter)

        def width_of(label: str) -> float:
            return metrics.boundingRect(QRectF(0, 0, 100, 100), flags, label).width()

        values, labels = plan_ticks(low, high, size, self._zone, width_of, metrics.height())
        self._labels = dict(zip(values, labels, strict=True))
        return [(DAY, values)]

    def tickStrings(self, values: list[float], scale: float, spacing: float) -> list[str]:
        """Override of pyqtgraph's: the labels worded with the ticks."""
        return [self._labels.get(value, "") for value in values]

    def labels(self) -> list[str]:
        """The labels of the ticks drawn last, left to right (tests and accessibility)."""
        return [self._labels[value] for value in sorted(self._labels)]
