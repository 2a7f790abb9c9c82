"""The pain chart's marks (each context's colour and shape) and the legend that names them.

The legend is a row of Qt widgets above the plot, never over the data, drawn in the widget's
font and wrapping at large text; each entry draws its mark as the plot does.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QCoreApplication, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import (
    QColor,
    QFontMetricsF,
    QPainter,
    QPaintEvent,
    QPalette,
    QPen,
    QPolygonF,
)
from PySide6.QtWidgets import QSizePolicy, QWidget

from spinecoach.core.ui_text import QT_TRANSLATE_NOOP
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
