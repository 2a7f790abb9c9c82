"""The clinician report's charts: the pain chart and the weekly bars, drawn as vectors.

`report_layout` places them on a page; they are drawn with QPainter as lines, bars and marker
shapes, so the PDF holds no image.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QPointF, QRectF, QSizeF, Qt
from PySide6.QtGui import QBrush, QColor, QPainter, QPainterPath, QPen, QPolygonF

from spinecoach.ui.history.report_document import AxisTick, Chart, WeeklyBars
from spinecoach.ui.history.report_look import (
    AVERAGE,
    BAR,
    BAR_EDGE,
    BODY_PT,
    GRID,
    INK,
    MUTED,
    SERIES_COLOURS,
    SMALL_PT,
    report_font,
)

if TYPE_CHECKING:
    from spinecoach.ui.history.report_layout import ReportLayout


class _TimeAxis:
    """What the pain chart and the weekly bars share: the time axis and its labels."""

    def __init__(self, layout: ReportLayout, start: float, end: float, left: float) -> None:
        self.layout = layout
        self.start = start
        self.span = max(end - start, 1.0)
        self.left = left
        self.right = layout.width

    def x(self, epoch: float) -> float:
        return self.left + (epoch - self.start) / self.span * (self.right - self.left)

    def draw_ticks(self, painter: QPainter, ticks: Sequence[AxisTick], axis_y: float) -> None:
        layout = self.layout
        font = report_font(SMALL_PT)
        metrics = layout.metrics(font)
        line = metrics.lineSpacing()
        painter.setFont(font)
        last_right = -1e9
        for tick in ticks:
            x = self.x(tick.epoch)
            if not self.left - 0.5 <= x <= self.right + 0.5:
                continue
            painter.setPen(QPen(MUTED, 0.6 * layout.pt))
            painter.drawLine(QPointF(x, axis_y), QPointF(x, axis_y + 1.2 * layout.mm))
            painter.setPen(INK)
            width = max(
                metrics.horizontalAdvance(tick.label), metrics.horizontalAdvance(tick.under)
            )
            left = min(max(x - width / 2, self.left - 2 * layout.mm), self.right - width)
            if left < last_right + layout.mm:  # never let two labels touch
                continue
            box = QRectF(left, axis_y + 1.6 * layout.mm, width + layout.pt, line)
            painter.drawText(box, int(Qt.AlignmentFlag.AlignHCenter), tick.label)
            if tick.under:
                painter.setPen(MUTED)
                under = QRectF(left, axis_y + 1.6 * layout.mm + line, width + layout.pt, line)
                painter.drawText(under, int(Qt.AlignmentFlag.AlignHCenter), tick.under)
            last_right = left + width

    def labels_height(self) -> float:
        return 1.6 * self.layout.mm + 2 * self.layout.metrics(report_font(SMALL_PT)).lineSpacing()


class ChartDrawing:
    """The pain chart as vectors: grid, 7-day average line, marker shapes, legend below."""

    PLOT_MM = 58.0
    MARKER_MM = 2.3

    def __init__(self, layout: ReportLayout, chart: Chart) -> None:
        self.layout = layout
        self.chart = chart

    def height(self) -> float:
        """The height the chart takes on the page, its legend (one row or more) included."""
        layout = self.layout
        line = layout.metrics(report_font(SMALL_PT)).lineSpacing()
        axis = 1.6 * layout.mm + 2 * line
        legend = len(self._legend_rows()) * line + 2 * layout.mm
        return line + 2 * layout.mm + self.PLOT_MM * layout.mm + axis + legend

    def place(self) -> None:
        """Draw it at the layout's place, and move the place below it."""
        layout = self.layout
        top = layout.y
        layout.add(lambda painter: self.draw(painter, top))
        layout.y += self.height()

    def _legend_rows(self) -> list[list[tuple[str, str, float]]]:
        layout = self.layout
        metrics = layout.metrics(report_font(SMALL_PT))
        sample = 6 * layout.mm
        rows: list[list[tuple[str, str, float]]] = [[]]
        used = 0.0
        for key, words in self.chart.legend:
            width = sample + 1.5 * layout.mm + metrics.horizontalAdvance(words) + 6 * layout.mm
            if rows[-1] and used + width > layout.width:
                rows.append([])
                used = 0.0
            rows[-1].append((key, words, width))
            used += width
        return rows

    def draw(self, painter: QPainter, top: float) -> None:
        """Draw the chart with its top at `top`."""
        layout, chart = self.layout, self.chart
        mm, pt = layout.mm, layout.pt
        font = report_font(SMALL_PT)
        metrics = layout.metrics(font)
        line = metrics.lineSpacing()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setFont(font)
        painter.setPen(MUTED)
        painter.drawText(
            QRectF(0, top, layout.width, line), int(Qt.AlignmentFlag.AlignLeft), chart.axis_title
        )
        plot_top = top + line + 2 * mm
        plot_bottom = plot_top + self.PLOT_MM * mm
        label_width = metrics.horizontalAdvance("10") + 2 * mm
        axis = _TimeAxis(layout, chart.start, chart.end, label_width + mm)
        low, high = -0.5, 10.5

        def y(score: float) -> float:
            return plot_bottom - (score - low) / (high - low) * (plot_bottom - plot_top)

        for score in range(0, 11, 2):
            painter.setPen(QPen(GRID, 0.6 * pt))
            painter.drawLine(QPointF(axis.left, y(score)), QPointF(axis.right, y(score)))
            painter.setPen(INK)
            box = QRectF(0, y(score) - line / 2, label_width - mm, line)
            painter.drawText(
                box, int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter), str(score)
            )
        for tick in chart.ticks:  # the months (or weeks) as faint lines across the plot
            x = axis.x(tick.epoch)
            if axis.left < x < axis.right:
                painter.setPen(QPen(GRID, 0.5 * pt))
                painter.drawLine(QPointF(x, plot_top), QPointF(x, plot_bottom))
        painter.setPen(QPen(MUTED, 0.8 * pt))
        painter.drawLine(QPointF(axis.left, plot_top), QPointF(axis.left, plot_bottom))
        painter.drawLine(QPointF(axis.left, plot_bottom), QPointF(axis.right, plot_bottom))
        axis.draw_ticks(painter, chart.ticks, plot_bottom)
        if not chart.marks:
            painter.setPen(MUTED)
            painter.setFont(report_font(BODY_PT))
            painter.drawText(
                QRectF(axis.left, plot_top, axis.right - axis.left, plot_bottom - plot_top),
                int(Qt.AlignmentFlag.AlignCenter),
                chart.empty_text,
            )
        painter.setClipRect(
            QRectF(
                axis.left,
                plot_top - mm,
                axis.right - axis.left + mm,
                plot_bottom - plot_top + 2 * mm,
            )
        )
        # The scores first, the 7-day average over them: the line stays whole.
        size = self.MARKER_MM * mm
        for mark in chart.marks:
            draw_marker(painter, mark.context, QPointF(axis.x(mark.epoch), y(mark.score)), size, pt)
        average_pen = QPen(AVERAGE, 1.3 * pt)
        average_pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        average_pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
        painter.setPen(average_pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        for segment in chart.average:
            if len(segment) == 1:  # a lone point: a short level stroke, not a bar
                ((epoch, value),) = segment
                x = axis.x(epoch)
                painter.drawLine(QPointF(x - 1.5 * mm, y(value)), QPointF(x + 1.5 * mm, y(value)))
                continue
            path = QPainterPath()
            path.moveTo(axis.x(segment[0][0]), y(segment[0][1]))
            for epoch, value in segment[1:]:
                path.lineTo(axis.x(epoch), y(value))
            painter.drawPath(path)
        painter.setClipping(False)
        self.draw_legend(painter, plot_bottom + axis.labels_height() + 2 * mm)

    def draw_legend(self, painter: QPainter, top: float) -> None:
        """The legend, below the plot and its axis: a sample of each series and its words."""
        layout = self.layout
        mm, pt = layout.mm, layout.pt
        line = layout.metrics(report_font(SMALL_PT)).lineSpacing()
        painter.setFont(report_font(SMALL_PT))
        sample = 6 * mm
        for row_number, row in enumerate(self._legend_rows()):
            x = 0.0
            middle = top + row_number * line + line / 2
            for key, words, width in row:
                if key == "average":
                    pen = QPen(AVERAGE, 1.3 * pt)
                    painter.setPen(pen)
                    painter.drawLine(QPointF(x, middle), QPointF(x + sample, middle))
                else:
                    draw_marker(
                        painter, key, QPointF(x + sample / 2, middle), self.MARKER_MM * mm, pt
                    )
                painter.setPen(INK)
                box = QRectF(x + sample + 1.5 * mm, middle - line / 2, width, line)
                painter.drawText(
                    box, int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter), words
                )
                x += width


def draw_marker(painter: QPainter, context: str, centre: QPointF, size: float, pt: float) -> None:
    """A score's marker: before a circle, after a triangle, a check-in a square, a diamond.

    The diamond is the score the morning after a session.
    """
    colour = SERIES_COLOURS.get(context, INK)
    painter.setPen(QPen(QColor("#FFFFFF"), 0.35 * pt))
    painter.setBrush(QBrush(colour))
    half = size / 2
    if context == "after":
        painter.drawPolygon(
            QPolygonF(
                [
                    QPointF(centre.x(), centre.y() - half * 1.15),
                    QPointF(centre.x() + half * 1.1, centre.y() + half * 0.85),
                    QPointF(centre.x() - half * 1.1, centre.y() + half * 0.85),
                ]
            )
        )
    elif context == "check-in":
        side = size * 0.88
        painter.drawRect(QRectF(centre - QPointF(side / 2, side / 2), QSizeF(side, side)))
    elif context == "next-morning":  # a diamond
        reach = half * 1.2
        painter.drawPolygon(
            QPolygonF(
                [
                    QPointF(centre.x(), centre.y() - reach),
                    QPointF(centre.x() + reach, centre.y()),
                    QPointF(centre.x(), centre.y() + reach),
                    QPointF(centre.x() - reach, centre.y()),
                ]
            )
        )
    else:
        painter.drawEllipse(centre, half, half)


class BarsDrawing:
    """Sessions per week as bars, the weekly goal as a dashed line across them."""

    PLOT_MM = 26.0

    def __init__(self, layout: ReportLayout, bars: WeeklyBars) -> None:
        self.layout = layout
        self.bars = bars

    @staticmethod
    def height(layout: ReportLayout) -> float:
        """The height the bars take on the page."""
        line = layout.metrics(report_font(SMALL_PT)).lineSpacing()
        return line + 2 * layout.mm + BarsDrawing.PLOT_MM * layout.mm + 1.6 * layout.mm + 2 * line

    def place(self) -> None:
        """Draw them at the layout's place, and move the place below them."""
        layout = self.layout
        top = layout.y
        layout.add(lambda painter: self.draw(painter, top))
        layout.y += self.height(layout)

    def draw(self, painter: QPainter, top: float) -> None:
        """Draw the bars with their title's top at `top`."""
        layout, bars = self.layout, self.bars
        mm, pt = layout.mm, layout.pt
        font = report_font(SMALL_PT)
        metrics = layout.metrics(font)
        line = metrics.lineSpacing()
        painter.setFont(font)
        painter.setPen(MUTED)
        painter.drawText(
            QRectF(0, top, layout.width / 2, line), int(Qt.AlignmentFlag.AlignLeft), bars.title
        )
        # The goal's legend at the right: a dashed sample and its words.
        goal_width = metrics.horizontalAdvance(bars.goal_label)
        sample_right = layout.width - goal_width - 1.5 * mm
        dashed = QPen(INK, 1.0 * pt, Qt.PenStyle.DashLine)
        painter.setPen(dashed)
        painter.drawLine(
            QPointF(sample_right - 8 * mm, top + line / 2), QPointF(sample_right, top + line / 2)
        )
        painter.setPen(INK)
        painter.drawText(
            QRectF(layout.width - goal_width - pt, top, goal_width + 2 * pt, line),
            int(Qt.AlignmentFlag.AlignRight),
            bars.goal_label,
        )
        plot_top = top + line + 2 * mm
        plot_bottom = plot_top + self.PLOT_MM * mm
        most = max([bars.goal, *(count for _s, _e, count in bars.weeks)], default=1)
        high = max(most + 1, 2)
        label_width = metrics.horizontalAdvance("10") + 2 * mm
        axis = _TimeAxis(layout, bars.start, bars.end, label_width + mm)

        def y(value: float) -> float:
            return plot_bottom - value / high * (plot_bottom - plot_top)

        step = 1 if high <= 6 else 2 if high <= 12 else 5
        for value in range(0, high + 1, step):
            painter.setPen(QPen(GRID, 0.5 * pt))
            painter.drawLine(QPointF(axis.left, y(value)), QPointF(axis.right, y(value)))
            painter.setPen(INK)
            box = QRectF(0, y(value) - line / 2, label_width - mm, line)
            painter.drawText(
                box, int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter), str(value)
            )
        painter.setPen(QPen(BAR_EDGE, 0.5 * pt))
        painter.setBrush(QBrush(BAR))
        for start, end, count in bars.weeks:
            left, right = axis.x(start), axis.x(end)
            inset = (right - left) * 0.15
            if count:
                painter.drawRect(
                    QRectF(left + inset, y(count), right - left - 2 * inset, y(0) - y(count))
                )
        painter.setPen(QPen(MUTED, 0.8 * pt))
        painter.drawLine(QPointF(axis.left, plot_top), QPointF(axis.left, plot_bottom))
        painter.drawLine(QPointF(axis.left, plot_bottom), QPointF(axis.right, plot_bottom))
        painter.setPen(dashed)
        painter.drawLine(QPointF(axis.left, y(bars.goal)), QPointF(axis.right, y(bars.goal)))
        axis.draw_ticks(painter, bars.ticks, plot_bottom)
