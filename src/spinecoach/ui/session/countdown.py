"""The big countdown: a ring that empties as the phase runs, with the time left in its centre.

Readable from across the room: the digits scale with the widget (never below 96 px) and the
ring's colour says what kind of phase it is. Screen readers and tests read the same text that
is painted, through the accessible name.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

MIN_DIGIT_PIXELS = 96


def format_remaining(seconds: float) -> str:
    """Time left as the countdown shows it: "0:27", "12:05". Rounds up, so 0.2 s shows 0:01."""
    whole = max(0, math.ceil(seconds - 1e-9))
    minutes, secs = divmod(whole, 60)
    return f"{minutes}:{secs:02d}"


class CountdownRing(QWidget):
    """Paints remaining time as digits inside a progress ring."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("countdown")
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(340, 340)  # room for 96-px digits of "12:05" inside the ring
        self._text = format_remaining(0)
        self._fraction_left = 1.0
        self._ring = QColor("#2F6F8F")
        self._track = QColor("#DCEBF2")
        self._digits = QColor("#1B2830")
        self.setAccessibleName(f"Time left {self._text}")

    def sizeHint(self) -> QSize:
        """Qt override: a comfortable square."""
        return QSize(320, 320)

    def set_colours(self, ring: str, track: str, digits: str) -> None:
        """Theme colours: the ring, the empty track behind it and the digits."""
        self._ring, self._track, self._digits = QColor(ring), QColor(track), QColor(digits)
        self.update()

    def text(self) -> str:
        """The time shown, e.g. "0:27"."""
        return self._text

    def set_remaining(self, seconds: float, total: float) -> None:
        """Show `seconds` left of a phase lasting `total` seconds."""
        text = format_remaining(seconds)
        fraction = 0.0 if total <= 0 else min(1.0, max(0.0, seconds / total))
        if text != self._text:
            self._text = text
            self.setAccessibleName(f"Time left {text}")
        if text != self._text or abs(fraction - self._fraction_left) > 1e-4:
            self._fraction_left = fraction
            self.update()
        self._fraction_left = fraction

    def digit_pixel_size(self) -> int:
        """How tall the digits are drawn at the current size."""
        side = min(self.width(), self.height())
        return max(MIN_DIGIT_PIXELS, int(side * 0.30))

    def paintEvent(self, event: QPaintEvent) -> None:
        """Qt override: track, ring arc (clockwise from 12 o'clock) and digits."""
        side = min(self.width(), self.height())
        thickness = max(10.0, side * 0.06)
        box = QRectF(
            (self.width() - side) / 2 + thickness / 2,
            (self.height() - side) / 2 + thickness / 2,
            side - thickness,
            side - thickness,
        )
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        pen = QPen(self._track, thickness)
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        painter.setPen(pen)
        painter.drawEllipse(box)
        if self._fraction_left > 0:
            pen.setColor(self._ring)
            painter.setPen(pen)
            span = -round(self._fraction_left * 360 * 16)
            painter.drawArc(box, 90 * 16, span)
        font = QFont(self.font())
        font.setPixelSize(self.digit_pixel_size())
        font.setWeight(QFont.Weight.Bold)
        font.setFeature(QFont.Tag("tnum"), 1)  # tabular digits: the text does not jiggle
        painter.setFont(font)
        painter.setPen(self._digits)
        painter.drawText(box, Qt.AlignmentFlag.AlignCenter, self._text)
        painter.end()
