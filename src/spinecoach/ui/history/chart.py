"""The pain chart: scores over time on a date axis, a 7-day average, sessions per week.

pyqtgraph is imported by this module and its time axis (`time_axis`) only, and they only when
the History area is first shown, so it costs nothing at start-up. Marker shapes and colours
(`chart_legend.SERIES`) come from the Okabe-Ito palette, which people with the common kinds of
colour blindness can tell apart, and each context also has its own shape (circle, triangle,
square; a diamond for the morning after a session), so none rests on colour alone.

The legend (`chart_legend`) is a row of Qt widgets above the plot, never over the data, and
wraps at large text. The time axis is SpineCoach's own (`time_axis.TimeAxis`): its ticks fall on
local midnights (days, Mondays, first days of months, new years), chosen so that their labels
never crowd, and each label says which month and year it is in wherever that changes, so "29 /
Oct" can never be read as one date. The axes and the legend are drawn in the widget's font and
grow with the text size. The view shows exactly the range it is given: there is no zoom and no
auto-range button (the range buttons choose what is shown).
"""

from __future__ import annotations

import bisect
import math
import os
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, tzinfo

os.environ.setdefault("PYQTGRAPH_QT_LIB", "PySide6")

import pyqtgraph as pg
from PySide6.QtCore import QCoreApplication, QEvent, QPointF
from PySide6.QtGui import QCursor, QFont, QFontInfo, QFontMetricsF
from PySide6.QtWidgets import QToolTip, QVBoxLayout, QWidget

from spinecoach.core.ui_text import QT_TRANSLATE_NOOP
from spinecoach.ui.history.chart_legend import BARS_COLOUR, SERIES, ChartLegend
from spinecoach.ui.history.locale_text import time_of_day, weekday_date
from spinecoach.ui.history.time_axis import DAY, TimeAxis

HOVER_PIXELS = 10.0
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
