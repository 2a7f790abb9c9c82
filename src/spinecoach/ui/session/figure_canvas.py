"""The player's moving figure: one SVG frame at a time, scaled to fit and crisp at any size.

The frames come from `pose_frames` through the controller; this widget only draws the latest.
"""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QRectF, QSize
from PySide6.QtGui import QPainter, QPaintEvent
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import QSizePolicy, QWidget


class FigureCanvas(QWidget):
    """Draws one SVG frame of the moving figure, scaled to fit, crisp at any size."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("playerFigure")
        self.setMinimumSize(160, 120)  # the drawing scales; a small window keeps the ring
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self._renderer = QSvgRenderer(self)
        self._frame: bytes = b""

    def set_svg(self, svg: bytes) -> None:
        """Show a new frame (ignored when it is the frame already shown)."""
        if svg != self._frame:
            self._frame = svg
            self._renderer.load(QByteArray(svg))
            self.update()

    def sizeHint(self) -> QSize:
        """Qt override."""
        return QSize(420, 315)

    def paintEvent(self, event: QPaintEvent) -> None:
        """Qt override: keep the drawing's aspect, centred."""
        if not self._frame:
            return
        view = self._renderer.viewBoxF()
        scale = min(self.width() / view.width(), self.height() / view.height())
        width, height = view.width() * scale, view.height() * scale
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        target = QRectF((self.width() - width) / 2, (self.height() - height) / 2, width, height)
        self._renderer.render(painter, target)
        painter.end()
