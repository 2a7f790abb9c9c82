"""A layout that places widgets left to right and wraps them onto new lines, like words.

Used for the detail view's chips (category, position, targets), whose number and length vary
per exercise; a plain row would overflow a narrow window.
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect, QSize, Qt
from PySide6.QtWidgets import QWidget

from spinecoach.ui.widgets.reflow import WrappingLayout


class FlowLayout(WrappingLayout):
    """Left-to-right layout that wraps; its height depends on its width."""

    def __init__(self, parent: QWidget | None = None, spacing: int = 6) -> None:
        super().__init__(parent, spacing)

    def expandingDirections(self) -> Qt.Orientation:
        """Qt override: never asks for more room than its lines need."""
        return Qt.Orientation(0)

    def sizeHint(self) -> QSize:
        """Qt override."""
        return self.minimumSize()

    def minimumSize(self) -> QSize:
        """Qt override: as wide as the widest item."""
        size = QSize()
        for item in self._items:
            size = size.expandedTo(item.minimumSize())
        return size

    def _arrange(self, rect: QRect, *, move: bool) -> int:
        x, y, line_height = rect.x(), rect.y(), 0
        for item in self._items:
            hint = item.sizeHint()
            if x + hint.width() > rect.right() + 1 and line_height > 0:
                x = rect.x()
                y += line_height + self._gap
                line_height = 0
            if move:
                item.setGeometry(QRect(QPoint(x, y), hint))
            x += hint.width() + self._gap
            line_height = max(line_height, hint.height())
        return y + line_height - rect.y()
