"""The big countdown: a ring that empties as the phase runs, with the time left in its centre.

Readable from across the room: the digits scale with the widget (96 px or more when the ring has
room for them, 30 % of its side) and the ring's colour says what kind of phase it is. The ring
sizes to the space the window gives it: on a small or zoomed screen (960 x 540 logical pixels at
200 %) it shrinks, and the digits shrink with it so that they always fit inside the ring, rather
than the ring being cut off or drawn under the label below it. Screen readers and tests read the
same text that is painted, through the accessible name.

With reduce motion on (`set_steady`), the ring does not sweep: it steps once a second, with the
digits, and repaints only then.

Paused (`set_paused`), the ring is drawn faint with a pause sign above the digits, so a glance
from across the room tells a frozen countdown from a running one; its accessible name says
"paused".
"""

from __future__ import annotations

import math
import re

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

MIN_DIGIT_PIXELS = 96

#: The digits take at most this share of the ring's side (the look at comfortable sizes).
DIGIT_SHARE = 0.30

#: The smallest ring: its digits are still ~25 px, larger than the text around it.
MIN_SIDE = 100

#: The digits' ink keeps this far inside the ring's inner edge (a fraction of its radius).
INNER_MARGIN = 0.92


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
        self.setMinimumSize(MIN_SIDE, MIN_SIDE)
        self._text = format_remaining(0)
        self._fraction_left = 1.0
        self._steady = False
        self._paused = False
        self._ring = QColor("#2F6F8F")
        self._track = QColor("#DCEBF2")
        self._digits = QColor("#1B2830")
        self.setAccessibleName(self.tr("Time left {time}").format(time=self._text))

    def sizeHint(self) -> QSize:
        """Qt override: a comfortable square."""
        return QSize(320, 320)

    def minimumSizeHint(self) -> QSize:
        """Qt override: the smallest ring whose digits still read well."""
        return QSize(MIN_SIDE, MIN_SIDE)

    def set_colours(self, ring: str, track: str, digits: str) -> None:
        """Theme colours: the ring, the empty track behind it and the digits."""
        self._ring, self._track, self._digits = QColor(ring), QColor(track), QColor(digits)
        self.update()

    def set_steady(self, steady: bool) -> None:
        """Reduce motion: the ring steps with the digits, once a second, instead of sweeping."""
        self._steady = steady
        self.update()

    def is_steady(self) -> bool:
        """Whether the ring steps instead of sweeping."""
        return self._steady

    def text(self) -> str:
        """The time shown, e.g. "0:27"."""
        return self._text

    def set_paused(self, paused: bool) -> None:
        """Draw the ring paused (faint, with a pause sign) or running."""
        if paused != self._paused:
            self._paused = paused
            self._name()
            self.update()

    def is_paused(self) -> bool:
        """Whether the ring is drawn paused."""
        return self._paused

    def _name(self) -> None:
        if self._paused:
            name = self.tr("Time left {time}, paused").format(time=self._text)
        else:
            name = self.tr("Time left {time}").format(time=self._text)
        self.setAccessibleName(name)

    def fraction_left(self) -> float:
        """How much of the ring is drawn (1 full, 0 empty)."""
        return self._fraction_left

    def set_remaining(self, seconds: float, total: float) -> None:
        """Show `seconds` left of a phase lasting `total` seconds."""
        text = format_remaining(seconds)
        if self._steady:  # the whole seconds the digits show, so both change together
            seconds = float(max(0, math.ceil(seconds - 1e-9)))
        fraction = 0.0 if total <= 0 else min(1.0, max(0.0, seconds / total))
        changed = text != self._text or abs(fraction - self._fraction_left) > 1e-4
        if text != self._text:
            self._text = text
            self._name()
        self._fraction_left = fraction
        if changed:
            self.update()

    # --- geometry: shared by painting and by the layout tests ------------------------------

    def _side(self) -> float:
        return float(min(self.width(), self.height()))

    def _thickness(self) -> float:
        return max(6.0, self._side() * 0.06)

    def _ring_box(self) -> QRectF:
        side, thickness = self._side(), self._thickness()
        return QRectF(
            (self.width() - side) / 2 + thickness / 2,
            (self.height() - side) / 2 + thickness / 2,
            side - thickness,
            side - thickness,
        )

    def _font(self, pixels: int) -> QFont:
        font = QFont(self.font())
        font.setPixelSize(max(1, pixels))
        font.setWeight(QFont.Weight.Bold)
        font.setFeature(QFont.Tag("tnum"), 1)  # tabular digits: the text does not jiggle
        return font

    def _ink(self, pixels: int) -> QRectF:
        """The digits' ink box at `pixels`, for any time of the same shape ("0:00")."""
        shape = re.sub(r"\d", "0", self._text)
        metrics = QFontMetricsF(self._font(pixels))
        ink = metrics.tightBoundingRect(shape)
        return QRectF(0.0, ink.top(), metrics.horizontalAdvance(shape), ink.height())

    def digit_pixel_size(self) -> int:
        """How tall the digits are drawn at the current size: as large as the ring allows.

        30 % of the side, and at least 96 px when that fits; always small enough that the
        digits' corners stay inside the ring's inner edge.
        """
        side = self._side()
        wanted = max(MIN_DIGIT_PIXELS, int(side * DIGIT_SHARE))
        inner_radius = max(1.0, (side / 2 - self._thickness()) * INNER_MARGIN)
        reference = 100
        ink = self._ink(reference)
        half_diagonal = math.hypot(ink.width() / 2, ink.height() / 2)
        fits = int(reference * inner_radius / half_diagonal) if half_diagonal > 0 else wanted
        return max(1, min(wanted, fits))

    def digits_rect(self) -> QRectF:
        """Where the digits' ink is painted, in this widget's coordinates."""
        pixels = self.digit_pixel_size()
        ink = self._ink(pixels)
        centre = self._ring_box().center()
        return QRectF(
            centre.x() - ink.width() / 2, centre.y() - ink.height() / 2, ink.width(), ink.height()
        )

    def paintEvent(self, event: QPaintEvent) -> None:
        """Qt override: track, ring arc (clockwise from 12 o'clock) and digits."""
        box = self._ring_box()
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        pen = QPen(self._track, self._thickness())
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        painter.setPen(pen)
        painter.drawEllipse(box)
        if self._fraction_left > 0:
            ring = QColor(self._ring)
            if self._paused:
                ring.setAlphaF(0.45)  # faint: not running
            pen.setColor(ring)
            painter.setPen(pen)
            span = -round(self._fraction_left * 360 * 16)
            painter.drawArc(box, 90 * 16, span)
        pixels = self.digit_pixel_size()
        painter.setFont(self._font(pixels))
        painter.setPen(self._digits)
        digits = self.digits_rect()
        ink = self._ink(pixels)
        # The baseline puts the ink's box where digits_rect says (ink.top() is above it: < 0).
        painter.drawText(QPointF(digits.left(), digits.top() - ink.top()), self._text)
        if self._paused:
            self._paint_pause_sign(painter, digits)
        painter.end()

    def pause_sign_rect(self) -> QRectF:
        """Where the pause sign is drawn: two bars centred between the digits and the ring."""
        digits = self.digits_rect()
        box = self._ring_box()
        inner_top = box.top() + self._thickness() / 2
        room = max(0.0, digits.top() - inner_top)
        height = min(digits.height() * 0.55, room * 0.5)
        width = height * 0.8
        centre_y = inner_top + room * 0.55
        return QRectF(box.center().x() - width / 2, centre_y - height / 2, width, height)

    def _paint_pause_sign(self, painter: QPainter, digits: QRectF) -> None:
        sign = self.pause_sign_rect()
        if sign.height() < 4:
            return  # no room in a tiny ring: the phase word says "Paused"
        bar = sign.width() * 0.34
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(self._ring)
        radius = bar / 3
        painter.drawRoundedRect(QRectF(sign.left(), sign.top(), bar, sign.height()), radius, radius)
        painter.drawRoundedRect(
            QRectF(sign.right() - bar, sign.top(), bar, sign.height()), radius, radius
        )
