"""Layouts that wrap instead of clipping: a row of controls, and a grid of equal cards.

At 200 % text, or in a 960 x 540 window, a fixed row of five summary cards or of five buttons
no longer fits: a box layout then squeezes each below its text ("Sessions this w", "peat this
routi"). These layouts move what does not fit onto the next line, and their height follows
their width (`heightForWidth`), so the page around them makes room or scrolls.
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect, QSize, Qt
from PySide6.QtWidgets import QLayout, QLayoutItem, QWidget


class WrappingLayout(QLayout):
    """The item bookkeeping of the layouts that wrap (these, and `flow_layout.FlowLayout`).

    Subclasses place the items in `_arrange`, which returns the height the lines take.
    """

    def __init__(self, parent: QWidget | None, spacing: int) -> None:
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        self._gap = spacing
        self.setContentsMargins(0, 0, 0, 0)

    def addItem(self, item: QLayoutItem) -> None:
        """Qt override."""
        self._items.append(item)

    def count(self) -> int:
        """Qt override."""
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:
        """Qt override."""
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:
        """Qt override."""
        return self._items.pop(index) if 0 <= index < len(self._items) else None

    def expandingDirections(self) -> Qt.Orientation:
        """Qt override: grows sideways, never asks for more height than its lines need."""
        return Qt.Orientation.Horizontal

    def hasHeightForWidth(self) -> bool:
        """Qt override."""
        return True

    def heightForWidth(self, width: int) -> int:
        """Qt override."""
        return self._arrange(QRect(0, 0, width, 0), move=False)

    def setGeometry(self, rect: QRect) -> None:
        """Qt override."""
        super().setGeometry(rect)
        self._arrange(rect, move=True)

    def sizeHint(self) -> QSize:
        """Qt override: everything on one line."""
        visible = self._visible()
        width = sum(item.sizeHint().width() for item in visible)
        width += self._gap * max(0, len(visible) - 1)
        return QSize(width, self.heightForWidth(width))

    def minimumSize(self) -> QSize:
        """Qt override: as wide as the widest item; as tall as one line.

        Like a word-wrapped label: the height the width really needs comes from
        `heightForWidth`, which box layouts and scroll areas ask.
        """
        width = max((item.minimumSize().width() for item in self._visible()), default=0)
        height = max((item.minimumSize().height() for item in self._visible()), default=0)
        return QSize(width, height)

    def _visible(self) -> list[QLayoutItem]:
        return [item for item in self._items if not item.isEmpty()]

    def _arrange(self, rect: QRect, *, move: bool) -> int:
        """Place the items in `rect` (only measure when not `move`); the height they take."""
        raise NotImplementedError


class WrappingRow(WrappingLayout):
    """Controls left to right, wrapping like words; `add_push()` sends the rest to the right.

    Items after the push sit at the right end of the line where the push falls, as after a
    stretch in a box layout; when a line has no room to spare they simply follow.
    """

    def __init__(self, parent: QWidget | None = None, spacing: int = 8) -> None:
        super().__init__(parent, spacing)
        self._push: int | None = None

    def add_push(self) -> None:
        """What is added after this goes to the right end of its line."""
        self._push = len(self._items)

    def _lines(self, width: int) -> list[list[QLayoutItem]]:
        lines: list[list[QLayoutItem]] = [[]]
        used = 0
        for item in self._visible():
            hint = item.sizeHint().width()
            if lines[-1] and used + self._gap + hint > width:
                lines.append([])
                used = 0
            used += hint + (self._gap if lines[-1] else 0)
            lines[-1].append(item)
        return [line for line in lines if line]

    def _arrange(self, rect: QRect, *, move: bool) -> int:
        y = rect.y()
        pushed = self._items[self._push] if self._push is not None else None
        pushed = pushed if pushed is None or not pushed.isEmpty() else self._next_visible()
        past_push = False  # lines wholly after the push sit at the right, like the push's own
        for line in self._lines(rect.width()):
            height = max(item.sizeHint().height() for item in line)
            if move:
                used = sum(item.sizeHint().width() for item in line) + self._gap * (len(line) - 1)
                spare = max(0, rect.width() - used)
                x = rect.x() + (spare if past_push else 0)
                for item in line:
                    if item is pushed:
                        x += spare
                        past_push = True
                    hint = item.sizeHint()
                    width = min(hint.width(), rect.width())
                    top = y + (height - hint.height()) // 2
                    item.setGeometry(QRect(QPoint(x, top), QSize(width, hint.height())))
                    x += hint.width() + self._gap
            y += height + self._gap
        return max(0, y - self._gap - rect.y())

    def _next_visible(self) -> QLayoutItem | None:
        if self._push is None:
            return None
        return next((item for item in self._items[self._push :] if not item.isEmpty()), None)


class CardGrid(WrappingLayout):
    """Equal-width cards, as many to a line as fit at `min_card_width` each (all, if room).

    The width is in characters of the layout's font, so cards stay wide enough for their
    titles at any text size.
    """

    def __init__(
        self, parent: QWidget | None = None, spacing: int = 10, min_card_characters: int = 20
    ) -> None:
        super().__init__(parent, spacing)
        self._characters = min_card_characters

    def min_card_width(self) -> int:
        """The narrowest a card may be, from the font now in use."""
        widget = self.parentWidget()
        character = widget.fontMetrics().averageCharWidth() if widget is not None else 7
        widest_minimum = max((item.minimumSize().width() for item in self._visible()), default=0)
        return max(character * self._characters, widest_minimum)

    def columns(self, width: int) -> int:
        """How many cards fit side by side in `width`."""
        count = len(self._visible())
        if count == 0:
            return 1
        fit = (width + self._gap) // (self.min_card_width() + self._gap)
        return max(1, min(count, fit))

    def minimumSize(self) -> QSize:
        """Qt override: one card wide, one line tall (the rest comes from `heightForWidth`)."""
        height = max((item.minimumSize().height() for item in self._visible()), default=0)
        return QSize(self.min_card_width(), height)

    def _arrange(self, rect: QRect, *, move: bool) -> int:
        items = self._visible()
        columns = self.columns(rect.width())
        card_width = max(1, (rect.width() - self._gap * (columns - 1)) // columns)
        y = rect.y()
        for start in range(0, len(items), columns):
            line = items[start : start + columns]
            height = max(
                item.heightForWidth(card_width)
                if item.hasHeightForWidth()
                else item.sizeHint().height()
                for item in line
            )
            if move:
                for column, item in enumerate(line):
                    x = rect.x() + column * (card_width + self._gap)
                    item.setGeometry(QRect(x, y, card_width, height))
            y += height + self._gap
        return max(0, y - self._gap - rect.y())
