"""The routine editor's list of exercises: a model that reorders, and a list that moves by key.

Reordering is one operation (`RoutineItemsModel.moveRows`) reached three ways: dragging a row
(the model's own MIME type, so a drop from elsewhere is refused), the Move up / Move down
buttons, and Alt+Up / Alt+Down in the list. The model only holds and orders the items; their
ranges come from `DosageLimits` (the core), their words from `core.content_words`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace

from PySide6.QtCore import (
    QAbstractListModel,
    QByteArray,
    QMimeData,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QAbstractItemView, QListView, QWidget

from spinecoach.core.content_words import dosage_text, duration_text
from spinecoach.core.exercise import (
    Dosage,
    DosageLimits,
    Exercise,
    OnlySide,
    OutOfRange,
    RoutineItem,
)
from spinecoach.core.messages import ENGLISH, Messages

_Index = QModelIndex | QPersistentModelIndex

#: The MIME type of rows dragged inside the list (their row numbers, as text).
ROWS_MIME = "application/x-spinecoach-routine-rows"


@dataclass(frozen=True, slots=True)
class EditedItem:
    """One exercise of the routine being edited, with the ranges it may take.

    `limits`: the exercise's safe ranges, or a programme's eased ceiling (the prescribed value
    as the upper bound); `side_fixed`: the side may not change (a locked prescription).
    """

    exercise: Exercise
    dosage: Dosage
    limits: DosageLimits
    only_side: OnlySide | None = None
    note: str = ""
    side_fixed: bool = False
    key: int = field(default=0, compare=False)

    @staticmethod
    def of(item: RoutineItem, limits: DosageLimits | None = None, key: int = 0) -> EditedItem:
        """An item of a routine, within `limits` (the exercise's own when None)."""
        return EditedItem(
            exercise=item.exercise,
            dosage=item.dosage,
            limits=item.exercise.limits if limits is None else limits,
            only_side=item.only_side,
            note=item.note,
            key=key,
        )

    @property
    def problems(self) -> list[OutOfRange]:
        """The dosage fields outside their ranges (the core's rule)."""
        return self.limits.problems(self.dosage, self.exercise.dosage)

    def range_of(self, name: str) -> tuple[int, int]:
        """The (low, high) a dosage field may take."""
        default = getattr(self.exercise.dosage, name)
        return self.limits.range_of(name, 0 if default is None else default)

    def routine_item(self) -> RoutineItem:
        """The item as a routine holds it."""
        side = self.only_side if self.exercise.two_sided else None
        return RoutineItem(self.exercise, self.dosage, only_side=side, note=self.note)

    def with_value(self, name: str, value: int) -> EditedItem:
        """The same item with one dosage field changed."""
        return replace(self, dosage=replace(self.dosage, **{name: value}))


class RoutineItemsModel(QAbstractListModel):
    """The items in order: "1. Glute bridge", their dosage and time as the second line."""

    def __init__(self, words: Messages = ENGLISH, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._words = words
        self._items: list[EditedItem] = []

    @property
    def items(self) -> tuple[EditedItem, ...]:
        """The items, in order."""
        return tuple(self._items)

    def set_items(self, items: Sequence[EditedItem]) -> None:
        """Replace every item."""
        self.beginResetModel()
        self._items = list(items)
        self.endResetModel()

    def item(self, row: int) -> EditedItem:
        """The item at `row`."""
        return self._items[row]

    def append(self, item: EditedItem) -> int:
        """Add an item at the end; returns its row."""
        row = len(self._items)
        self.beginInsertRows(QModelIndex(), row, row)
        self._items.append(item)
        self.endInsertRows()
        return row

    def replace_item(self, row: int, item: EditedItem) -> None:
        """Change the item at `row` (its dosage or side)."""
        self._items[row] = item
        index = self.index(row)
        self.dataChanged.emit(index, index)

    def remove(self, row: int) -> EditedItem:
        """Take the item at `row` out; returns it."""
        self.beginRemoveRows(QModelIndex(), row, row)
        item = self._items.pop(row)
        self.endRemoveRows()
        if row < len(self._items):  # the numbers of the rows below change
            self.dataChanged.emit(self.index(row), self.index(len(self._items) - 1))
        return item

    def move(self, row: int, to: int) -> bool:
        """Move the item at `row` so it ends up at `to`; False when it cannot move there."""
        if not (0 <= row < len(self._items) and 0 <= to < len(self._items)) or row == to:
            return False
        # Qt's `destinationChild` is the row the item goes before, counted before the move.
        return self.moveRows(QModelIndex(), row, 1, QModelIndex(), to + 1 if to > row else to)

    # --- Qt overrides ---------------------------------------------------------------------------

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        """Qt override."""
        return 0 if parent.isValid() else len(self._items)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        """Qt override: "2. Bird dog" over its dosage; the whole row for a screen reader."""
        if not index.isValid():
            return None
        row = index.row()
        item = self._items[row]
        name = self.tr("{number}. {exercise}").format(number=row + 1, exercise=item.exercise.name)
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{name}\n{self.second_line(item)}"
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return name
        if role == Qt.ItemDataRole.AccessibleDescriptionRole:
            return self.second_line(item)
        return None

    def second_line(self, item: EditedItem) -> str:
        """The dosage and time of an item, and a warning while a value is out of range."""
        words = self._words
        routine_item = item.routine_item()
        text = dosage_text(item.exercise, item.dosage, words, only_side=routine_item.only_side)
        line = f"{text} · {duration_text(routine_item.seconds, words)}"
        if item.problems:
            line = self.tr("{line} · outside the safe range").format(line=line)
        return line

    def flags(self, index: _Index) -> Qt.ItemFlag:
        """Qt override: rows are dragged; drops land between rows, never on one."""
        base = Qt.ItemFlag.ItemIsDropEnabled
        if not index.isValid():
            return base
        return (
            Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsDragEnabled
        )

    def supportedDropActions(self) -> Qt.DropAction:
        """Qt override."""
        return Qt.DropAction.MoveAction

    def supportedDragActions(self) -> Qt.DropAction:
        """Qt override."""
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:
        """Qt override."""
        return [ROWS_MIME]

    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData:
        """Qt override: the dragged row (one at a time)."""
        data = QMimeData()
        rows = sorted({index.row() for index in indexes if index.isValid()})
        data.setData(ROWS_MIME, QByteArray(",".join(map(str, rows)).encode()))
        return data

    def canDropMimeData(
        self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: _Index
    ) -> bool:
        """Qt override: only rows of this list, moved."""
        return data.hasFormat(ROWS_MIME) and action == Qt.DropAction.MoveAction

    def dropMimeData(
        self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: _Index
    ) -> bool:
        """Qt override: move the dragged row to where it was dropped (before `row`)."""
        if not self.canDropMimeData(data, action, row, column, parent):
            return False
        text = bytes(data.data(ROWS_MIME).data()).decode()
        rows = [int(part) for part in text.split(",") if part.strip().isdigit()]
        if len(rows) != 1:
            return False
        before = row if row >= 0 else (parent.row() if parent.isValid() else len(self._items))
        source = rows[0]
        if before in (source, source + 1):
            return False  # dropped where it already is
        # Moved here, not by the view: returning False keeps the view from removing the row.
        self.moveRows(QModelIndex(), source, 1, QModelIndex(), before)
        return False

    def moveRows(
        self,
        source_parent: _Index,
        source_row: int,
        count: int,
        destination_parent: _Index,
        destination_child: int,
    ) -> bool:
        """Qt override: one row, before `destination_child` (counted before the move)."""
        if source_parent.isValid() or destination_parent.isValid() or count != 1:
            return False
        if not 0 <= source_row < len(self._items):
            return False
        if not 0 <= destination_child <= len(self._items):
            return False
        if destination_child in (source_row, source_row + 1):
            return False
        if not self.beginMoveRows(
            QModelIndex(), source_row, source_row, QModelIndex(), destination_child
        ):
            return False
        item = self._items.pop(source_row)
        to = destination_child - 1 if destination_child > source_row else destination_child
        self._items.insert(to, item)
        self.endMoveRows()
        low, high = min(source_row, to), max(source_row, to)
        self.dataChanged.emit(self.index(low), self.index(high))  # their numbers changed
        return True


class ItemsList(QListView):
    """The list of a routine's items: rows dragged to reorder, Alt+Up / Alt+Down move one."""

    def __init__(self, model: RoutineItemsModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setModel(model)
        self._items = model
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setDragEnabled(True)
        self.setAcceptDrops(True)
        self.setDropIndicatorShown(True)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        self.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.setDragDropOverwriteMode(False)
        self.setWordWrap(True)
        self.setUniformItemSizes(False)
        self.setSpacing(2)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)

    def move_current(self, step: int) -> bool:
        """Move the current item up (-1) or down (+1), keeping it current."""
        row = self.currentIndex().row()
        if row < 0 or not self._items.move(row, row + step):
            return False
        self.setCurrentIndex(self._items.index(row + step))
        return True

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Qt override: Alt+Up and Alt+Down move the current item."""
        alt = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        if alt == Qt.KeyboardModifier.AltModifier and event.key() in (
            Qt.Key.Key_Up,
            Qt.Key.Key_Down,
        ):
            self.move_current(-1 if event.key() == Qt.Key.Key_Up else 1)
            event.accept()
            return
        super().keyPressEvent(event)
