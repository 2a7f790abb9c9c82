"""The player's numbered list of the exercise's steps, each row as tall as it is drawn.

The current step is highlighted in it (`PlayerView.highlight_step`) and set large below it.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSize, Qt
from PySide6.QtGui import QFont, QFontMetrics, QResizeEvent
from PySide6.QtWidgets import (
    QListWidget,
    QListWidgetItem,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)


class _StepDelegate(QStyledItemDelegate):
    """Measures each step as the stylesheet draws it: bold (the current step) and padded.

    Qt sizes a wrapped item by its plain text over the full row, while the sheet pads items
    and sets the current one bold: a step that just fitted lost its end ("Turn slowly back to
    the ...") once drawn. Measuring the bold text 12 px narrower leaves room for both.
    """

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        """Qt override: the height of the step wrapped as drawn."""
        height = drawn_height(option.font, option.rect.width(), str(index.data() or ""))
        return QSize(option.rect.width(), height)


def drawn_height(font: QFont, width: int, text: str) -> int:
    """The height of a step row `width` wide, as the sheet draws it: bold, padded."""
    bold = QFont(font)
    bold.setBold(True)
    flags = int(Qt.TextFlag.TextWordWrap)
    inner = max(1, width - 12)
    return QFontMetrics(bold).boundingRect(0, 0, inner, 100_000, flags, text).height() + 14


class StepList(QListWidget):
    """The steps, numbered, wrapped, never cut short; the keyboard passes it by."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("stepList")
        self.setWordWrap(True)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setSelectionMode(QListWidget.SelectionMode.SingleSelection)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.setItemDelegate(_StepDelegate(self))
        self.currentRowChanged.connect(lambda _row: self.updateGeometry())

    def minimumSizeHint(self) -> QSize:
        """Qt override: room for the current step whole, so it is never shown cut in half.

        In a small window at 200 % text (German most of all) the steps card is short, and the
        cautions and the breathing note below the list kept their height while the list was
        squeezed to a sliver of the current step. The card scrolls instead (`stepsScroll`).
        """
        hint = super().minimumSizeHint()
        item = self.item(max(self.currentRow(), 0))
        if item is None:
            return hint
        width = self.contentsRect().width()
        bar = self.verticalScrollBar()
        if bar.isVisible():
            width -= bar.width()
        whole = drawn_height(self.font(), width, item.text()) + 2 * self.frameWidth()
        return QSize(hint.width(), max(hint.height(), whole))

    def resizeEvent(self, event: QResizeEvent) -> None:
        """Qt override: a new width wraps the current step anew (`minimumSizeHint`)."""
        super().resizeEvent(event)
        if event.oldSize().width() != event.size().width():
            self.updateGeometry()

    def show_steps(self, steps: tuple[str, ...]) -> None:
        """List `steps`, numbered from 1 (left as they are when they are the steps shown)."""
        if tuple(self._step_texts()) != steps:
            self.clear()
            for number, step in enumerate(steps, start=1):
                QListWidgetItem(f"{number}.  {step}", self)

    def _step_texts(self) -> list[str]:
        texts = []
        for row in range(self.count()):
            item = self.item(row)
            texts.append(item.text().split(".  ", 1)[1] if item else "")
        return texts
