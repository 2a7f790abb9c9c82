"""The pain chart: scores over time on a date axis, a 7-day average, sessions per week.

pyqtgraph is imported by this module only, and this module only when the History area is first
shown, so it costs nothing at start-up. Marker shapes and colours come from the Okabe-Ito
palette, which people with the common kinds of colour blindness can tell apart, and each
context also has its own shape (circle, triangle, square; a diamond for the morning after a
session), so none rests on colour alone.

The legend is a row of Qt widgets above the plot, never over the data, and wraps at large text.
The time axis is SpineCoach's own (`TimeAxis`): its ticks fall on local midnights (days,
Mondays, first days of months, new years), chosen so that their labels never crowd, and each
label says which month and year it is in wherever that changes, so "29 / Oct" can never be read
as one date. The axes and the legend are drawn in the widget's font and grow with the text
size. The view shows exactly the range it is given: there is no zoom and no auto-range button
(the range buttons choose what is shown).
"""

from __future__ import annotations

import bisect
import math
import os
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta, tzinfo

os.environ.setdefault("PYQTGRAPH_QT_LIB", "PySide6")

import pyqtgraph as pg
from PySide6.QtCore import QCoreApplication, QEvent, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import (
    QColor,
    QCursor,
    QFont,
    QFontInfo,
    QFontMetricsF,
    QPainter,
    QPaintEvent,
    QPalette,
    QPen,
    QPolygonF,
)
from PySide6.QtWidgets import QSizePolicy, QToolTip, QVBoxLayout, QWidget

from spinecoach.core.ui_text import QT_TRANSLATE_NOOP
from spinecoach.ui.history.locale_text import (
    axis_day,
    axis_month,
    axis_month_year,
    axis_weekday_day,
    axis_year,
    time_of_day,
    weekday_date,
)
from spinecoach.ui.widgets.flow_layout import FlowLayout

# Marker style per pain context: (colour, pyqtgraph symbol, legend name).
SERIES: dict[str, tuple[str, str, str]] = {
    "before": ("#0072B2", "o", QT_TRANSLATE_NOOP("PainChart", "Before a session")),
    "after": ("#D55E00", "t", QT_TRANSLATE_NOOP("PainChart", "After a session")),
    "check-in": ("#009E73", "s", QT_TRANSLATE_NOOP("PainChart", "Check-in")),
    # The reddish purple of the same palette, and a diamond: the morning after a session.
    "next-morning": ("#CC79A7", "d", QT_TRANSLATE_NOOP("PainChart", "Next morning")),
}

#: The sessions-per-week bars' fill (the "before" blue, faint).
BARS_COLOUR = (0, 114, 178, 45)

HOVER_PIXELS = 10.0
DAY = 86_400.0
#: Room left of the range's start and right of its end, for a marker drawn there.
EDGE_PIXELS = 8.0
#: The least height of the chart (legend, plot and axis) at the usual text size.
MIN_HEIGHT = 240


@dataclass(frozen=True, slots=True)
class ChartPoint:
    """One pain score to plot: when, how much, in what context, the routine and the note.

    Its hover text is only worded when someone hovers the point (`PainChart.describe`): ten
    years of scores would otherwise format 11,000 strings on every redraw.
    """

    epoch: float
    score: int
    context: str
    when: datetime
    routine: str = ""
    note: str = ""


CONTEXT_WORDS = {
    "before": QT_TRANSLATE_NOOP("PainChart", "before a session"),
    "after": QT_TRANSLATE_NOOP("PainChart", "after a session"),
    "check-in": QT_TRANSLATE_NOOP("PainChart", "check-in"),
    "next-morning": QT_TRANSLATE_NOOP("PainChart", "the morning after a session"),
}


# --- the time axis ----------------------------------------------------------------------------


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


# --- the legend -------------------------------------------------------------------------------


class LegendEntry(QWidget):
    """One entry of the legend: the marker, line or bar as drawn, and its name."""

    def __init__(self, kind: str, colour: str | QColor, text: str) -> None:
        super().__init__()
        self.kind = kind  # "o", "t", "s", "d" (markers), "line" or "bar"
        self.colour = QColor(colour)
        self.text = text
        self.text_colour: QColor | None = None  # the theme's (None: the palette's)
        self.setAccessibleName(text)
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)

    def _sample_width(self) -> float:
        return 1.8 * QFontMetricsF(self.font()).height()

    def sizeHint(self) -> QSize:
        """Qt override: the sample and the text, in the font in use."""
        metrics = QFontMetricsF(self.font())
        width = self._sample_width() + 0.4 * metrics.height() + metrics.horizontalAdvance(self.text)
        return QSize(math.ceil(width) + 2, math.ceil(metrics.height()) + 4)

    def minimumSizeHint(self) -> QSize:
        """Qt override: never less than the whole entry."""
        return self.sizeHint()

    def paintEvent(self, event: QPaintEvent) -> None:
        """Qt override: the sample, then the name in the legend's text colour."""
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        metrics = QFontMetricsF(self.font())
        height = self.height()
        sample = self._sample_width()
        middle = QPointF(sample / 2, height / 2)
        size = 0.62 * metrics.height()
        painter.setPen(QPen(self.colour, 1.2))
        painter.setBrush(self.colour)
        half = size / 2
        if self.kind == "o":
            painter.drawEllipse(middle, half, half)
        elif self.kind == "s":
            painter.drawRect(QRectF(middle.x() - half, middle.y() - half, size, size))
        elif self.kind == "t":  # pyqtgraph's "t" points down
            painter.drawPolygon(
                QPolygonF(
                    [
                        QPointF(middle.x() - half, middle.y() - half),
                        QPointF(middle.x() + half, middle.y() - half),
                        QPointF(middle.x(), middle.y() + half),
                    ]
                )
            )
        elif self.kind == "d":  # a diamond, as pyqtgraph's "d"
            painter.drawPolygon(
                QPolygonF(
                    [
                        QPointF(middle.x(), middle.y() - half),
                        QPointF(middle.x() + half, middle.y()),
                        QPointF(middle.x(), middle.y() + half),
                        QPointF(middle.x() - half, middle.y()),
                    ]
                )
            )
        elif self.kind == "line":
            painter.setPen(QPen(self.colour, 2.5))
            painter.drawLine(QPointF(2, middle.y()), QPointF(sample - 2, middle.y()))
        else:  # "bar": the faint weekly bar, with an outline so it is seen in the legend
            painter.setPen(QPen(QColor(0, 114, 178, 120), 1))
            painter.drawRect(QRectF(sample * 0.25, middle.y() - half, sample * 0.5, size * 1.4))
        painter.setPen(self.text_colour or self.palette().color(QPalette.ColorRole.WindowText))
        text_rect = QRectF(sample + 0.4 * metrics.height(), 0, self.width(), height)
        painter.drawText(text_rect, int(Qt.AlignmentFlag.AlignVCenter), self.text)
        painter.end()


class ChartLegend(QWidget):
    """The legend, above the plot: one entry per kind of mark drawn, wrapping at large text."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("painChartLegend")
        self.setAccessibleName(QCoreApplication.translate("PainChart", "Legend"))
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        self._layout = FlowLayout(self, spacing=18)
        self._layout.setContentsMargins(8, 4, 8, 2)
        self.entries: dict[str, LegendEntry] = {}
        for context, (colour, symbol, name) in SERIES.items():
            self._add(
                context, LegendEntry(symbol, colour, QCoreApplication.translate("PainChart", name))
            )
        # In the chart's context: the same words as its axis and its earlier legend.
        average = QCoreApplication.translate("PainChart", "7-day average")
        weekly = QCoreApplication.translate("PainChart", "Sessions per week")
        self._add("average", LegendEntry("line", "#5B6A74", average))
        self._add("weekly", LegendEntry("bar", QColor(*BARS_COLOUR), weekly))
        self.entries["average"].hide()
        self.entries["weekly"].hide()
        self.entries["next-morning"].hide()  # shown once there is a next-morning score

    def _add(self, key: str, entry: LegendEntry) -> None:
        entry.setObjectName(f"legend_{key}")
        self.entries[key] = entry
        self._layout.addWidget(entry)

    def set_colours(self, background: str, text: str) -> None:
        """The plot's background behind the legend (one card with it) and the axes' text colour."""
        self.setStyleSheet(f"#painChartLegend {{ background: {background}; }}")
        for entry in self.entries.values():
            entry.text_colour = QColor(text)
            entry.update()

    def set_average_colour(self, colour: str) -> None:
        """The average line's colour follows the theme."""
        self.entries["average"].colour = QColor(colour)
        self.entries["average"].update()

    def show_entry(self, key: str, shown: bool) -> None:
        """Show or hide the "average" or "weekly" entry, as that mark is drawn or not."""
        self.entries[key].setVisible(shown)
        self._layout.invalidate()

    def shown(self) -> list[str]:
        """The names of the entries shown, left to right (tests and screen readers)."""
        return [entry.text for entry in self.entries.values() if not entry.isHidden()]


# --- the chart --------------------------------------------------------------------------------


class PainChart(QWidget):
    """A pyqtgraph plot of pain scores with hover details, and its legend above it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("painChart")
        self.setAccessibleName(self.tr("Pain over time"))
        self.legend = ChartLegend()
        self._axis = TimeAxis()
        self.plot = pg.PlotWidget(axisItems={"bottom": self._axis})
        self.plot.setObjectName("painPlot")
        self.plot.setAccessibleName(self.tr("Pain scores chart"))
        self.plot.setAccessibleDescription(
            self.tr("Every score is also listed in the session log and the check-ins.")
        )
        # No zoom, no panning, no "A" (auto-range) button: the range buttons choose the view,
        # and the wheel scrolls the page as it does everywhere else.
        self.plot.setMouseEnabled(x=False, y=False)
        self.plot.hideButtons()
        self.plot.setMenuEnabled(False)
        self.plot.getViewBox().setMouseEnabled(x=False, y=False)
        self.plot.showGrid(x=False, y=True, alpha=0.25)
        self.plot.setYRange(0, 10, padding=0.05)
        self.plot.getAxis("left").setTicks([[(v, str(v)) for v in range(0, 11, 2)]])
        self.plot.getAxis("left").setLabel(self.tr("Pain (0-10)"))
        self._scatter: dict[str, pg.ScatterPlotItem] = {}
        for context, (colour, symbol, _name) in SERIES.items():
            item = pg.ScatterPlotItem(
                symbol=symbol, size=9, pen=pg.mkPen(colour, width=1.2), brush=pg.mkBrush(colour)
            )
            self.plot.addItem(item)
            self._scatter[context] = item
        self._average_items: list[pg.PlotDataItem] = []
        self._bars: pg.BarGraphItem | None = None
        plot_item = self.plot.getPlotItem()
        self._bars_view = pg.ViewBox(enableMouse=False)
        plot_item.scene().addItem(self._bars_view)
        right = plot_item.getAxis("right")
        right.linkToView(self._bars_view)
        right.setLabel(self.tr("Sessions per week"))
        self._bars_view.setXLink(plot_item)
        self._bars_view.setZValue(-10)
        plot_item.hideAxis("right")
        plot_item.getViewBox().sigResized.connect(self._sync_bars_geometry)
        plot_item.getViewBox().sigResized.connect(self._apply_range)
        self._range: tuple[float, float] | None = None
        self._points: list[ChartPoint] = []
        self._epochs: list[float] = []
        self._span: tuple[float, float] | None = None
        self.last_hover_text = ""
        self._average_colour = "#5B6A74"
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.legend)
        layout.addWidget(self.plot, 1)
        self.plot.scene().sigMouseMoved.connect(self._on_mouse_moved)
        self._follow_font()

    def changeEvent(self, event: QEvent) -> None:
        """Qt override: the text size changed; the axes and legend follow."""
        if event.type() == QEvent.Type.FontChange:
            self._follow_font()
        super().changeEvent(event)

    def _follow_font(self) -> None:
        font = QFont(self.font())
        size = f"{font.pointSizeF():.1f}pt" if font.pointSizeF() > 0 else f"{font.pixelSize()}px"
        # Room above 10 and below 0 for half a line of larger text: pyqtgraph hides a tick
        # label that would stick out of the axis, and the 0 went first.
        larger = max(1.0, QFontInfo(font).pixelSize() / 12)
        self.plot.setYRange(0, 10, padding=0.05 * larger)
        for name in ("left", "right"):
            axis = self.plot.getAxis(name)
            axis.setTickFont(font)
            axis.labelStyle = {**axis.labelStyle, "font-size": size}
            axis._updateLabel()
        self._axis.fit_font(font)
        # Markers grow with the text, as the legend's do (9 px at the usual size).
        marker = max(9.0, 0.55 * QFontMetricsF(font).height())
        for item in self._scatter.values():
            item.setSize(marker)
        # Room for the 0-10 scale at any text size, besides the legend and the time axis.
        line = QFontMetricsF(font).height()
        self.setMinimumHeight(max(MIN_HEIGHT, math.ceil(2 * line + self._axis.height() + 9 * line)))

    def set_colours(self, background: str, foreground: str, average: str) -> None:
        """Theme colours: plot and legend background, axes and text, and the average line."""
        self.plot.setBackground(background)
        self.legend.set_colours(background, foreground)
        for name in ("left", "bottom", "right"):
            axis = self.plot.getAxis(name)
            axis.setPen(pg.mkPen(foreground))
            axis.setTextPen(pg.mkPen(foreground))
        self._average_colour = average
        self.legend.set_average_colour(average)
        for item in self._average_items:
            item.setPen(pg.mkPen(average, width=2.5))

    def set_time_zone(self, zone: tzinfo | None) -> None:
        """The zone whose days the axis shows (the person's; None: the system's)."""
        self._axis.set_zone(zone)

    def set_data(
        self,
        points: Sequence[ChartPoint],
        average: Sequence[Sequence[tuple[float, float]]],
        weekly: Sequence[tuple[float, int]] = (),
    ) -> None:
        """Replace everything plotted; `average` is a list of gap-free segments."""
        self._points = sorted(points, key=lambda p: p.epoch)
        self._epochs = [p.epoch for p in self._points]
        for context, item in self._scatter.items():
            chosen = [p for p in points if p.context == context]
            item.setData(x=[p.epoch for p in chosen], y=[p.score for p in chosen])
            if context == "next-morning":
                self.legend.show_entry(context, bool(chosen))
        for item in self._average_items:
            self.plot.removeItem(item)
        self._average_items = []
        for segment in average:
            item = self.plot.plot(
                [t for t, _ in segment],
                [v for _, v in segment],
                pen=pg.mkPen(self._average_colour, width=2.5),
            )
            self._average_items.append(item)
        self.legend.show_entry("average", bool(self._average_items))
        self._bars_view.clear()
        self._bars = None
        plot_item = self.plot.getPlotItem()
        if weekly:
            # Sessions per week as faint bars on their own right-hand axis, so adherence and
            # pain can be compared without one squashing the other.
            self._bars = pg.BarGraphItem(
                x=[start + 3.5 * DAY for start, _ in weekly],
                height=[count for _, count in weekly],
                width=6 * DAY,
                brush=pg.mkBrush(*BARS_COLOUR),
                pen=pg.mkPen(None),
            )
            self._bars_view.addItem(self._bars)
            most = max(count for _, count in weekly)
            self._bars_view.setYRange(0, max(3, most) * 1.15, padding=0)
            plot_item.showAxis("right")
        else:
            plot_item.hideAxis("right")
        self.legend.show_entry("weekly", bool(weekly))
        epochs = [p.epoch for p in points]
        self._span = (min(epochs), max(epochs)) if epochs else None

    def _sync_bars_geometry(self) -> None:
        self._bars_view.setGeometry(self.plot.getPlotItem().getViewBox().sceneBoundingRect())

    def weekly_bars(self) -> list[tuple[float, float]]:
        """The (week middle, sessions) bars shown, for tests."""
        if self._bars is None:
            return []
        options = self._bars.opts
        return [(float(x), float(h)) for x, h in zip(options["x"], options["height"], strict=True)]

    def series(self, context: str) -> list[tuple[float, float]]:
        """The (epoch, score) pairs plotted for a context, for tests and accessibility."""
        xs, ys = self._scatter[context].getData()
        return list(zip((float(x) for x in xs), (float(y) for y in ys), strict=True))

    def average_segments(self) -> int:
        """How many separate average lines are drawn (gaps split the line)."""
        return len(self._average_items)

    def show_range(self, start: float, end: float) -> None:
        """Show the time range [start, end] (epoch seconds), and a few pixels either side.

        The pixels keep a score given near either end whole (a marker is cut at the plot's
        edge); they are too few for a tick's label, so no day outside the range is named.
        """
        self._range = (start, end)
        self._apply_range()

    def _apply_range(self) -> None:
        if self._range is None:
            return
        start, end = self._range
        width = max(1.0, self.plot.getPlotItem().getViewBox().width())
        self.plot.setXRange(start, end, padding=EDGE_PIXELS / width)

    def visible_range(self) -> tuple[float, float]:
        """The time range shown now."""
        low, high = self.plot.viewRange()[0]
        return float(low), float(high)

    def data_span(self) -> tuple[float, float] | None:
        """The first and last point's time (None: no points)."""
        return self._span

    def axis_labels(self) -> list[str]:
        """The time axis's labels as last drawn, left to right: a day, a new line, its month."""
        return self._axis.labels()

    def hover_text_at(self, epoch: float, score: float) -> str:
        """The details of the point nearest (epoch, score) within a few pixels, or ""."""
        view = self.plot.getViewBox()
        pixel_width = view.viewPixelSize()[0] or 1.0
        tolerance = HOVER_PIXELS * pixel_width
        low = bisect.bisect_left(self._epochs, epoch - tolerance)
        high = bisect.bisect_right(self._epochs, epoch + tolerance)
        target = view.mapViewToScene(QPointF(epoch, score))
        best: tuple[float, ChartPoint] | None = None
        for point in self._points[low:high]:
            at = view.mapViewToScene(QPointF(point.epoch, point.score))
            distance = math.hypot(at.x() - target.x(), at.y() - target.y())
            if distance <= HOVER_PIXELS and (best is None or distance < best[0]):
                best = (distance, point)
        return self.describe(best[1]) if best else ""

    def describe(self, point: ChartPoint) -> str:
        """A point's details, one per line: date and time, score and context, routine, note."""
        context = CONTEXT_WORDS.get(point.context)
        lines = [
            self.tr("{date}, {time}").format(
                date=weekday_date(point.when), time=time_of_day(point.when)
            ),
            self.tr("Pain {score} of 10, {context}").format(
                score=point.score,
                context=QCoreApplication.translate("PainChart", context)
                if context
                else point.context,
            ),
        ]
        if point.routine:
            lines.append(self.tr("Routine: {routine}").format(routine=point.routine))
        if point.note:
            lines.append(self.tr("Note: {note}").format(note=point.note))
        return "\n".join(lines)

    def _on_mouse_moved(self, scene_position: QPointF) -> None:
        view = self.plot.getViewBox()
        if not view.sceneBoundingRect().contains(scene_position):
            return
        at = view.mapSceneToView(scene_position)
        text = self.hover_text_at(at.x(), at.y())
        self.last_hover_text = text
        if text:
            QToolTip.showText(QCursor.pos(), text, self)
        else:
            QToolTip.hideText()
