"""Choosing an exercise to add to a routine, with the Library's search and filters.

The search and the filters are `core.search_index`'s and `core.catalog`'s (the same words find
the same exercises as in the Library); the picker only lists what the search returns and says
which one was chosen.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QListView,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from spinecoach.core.catalog import LibraryFilter
from spinecoach.core.exercise import Category, Exercise, Position
from spinecoach.core.messages import ENGLISH, Messages
from spinecoach.core.search_index import SearchIndex
from spinecoach.ui.library.filter_controls import category_filter, position_filter
from spinecoach.ui.library.model import exercise_subtitle
from spinecoach.ui.widgets.reflow import WrappingRow

_ID = Qt.ItemDataRole.UserRole + 1


class ExercisePicker(QDialog):
    """Search the exercises and add one to the routine (Add, Enter or a double click).

    The dialog stays open, so several exercises can be added one after another.

    Signals:
        chosen(object): the Exercise to add.
    """

    chosen = Signal(object)

    def __init__(
        self,
        exercises: Iterable[Exercise],
        *,
        words: Messages = ENGLISH,
        desk_word: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("exercisePicker")
        self.setWindowTitle(self.tr("Add an exercise"))
        self._exercises = {exercise.id: exercise for exercise in exercises}
        self._words = words
        self._index = SearchIndex((), self._exercises.values(), words=words, desk_word=desk_word)

        self.search = QLineEdit()
        self.search.setObjectName("pickerSearch")
        self.search.setAccessibleName(self.tr("Search the exercises"))
        self.search.setPlaceholderText(self.tr("Search by name, body area or step…"))
        self.search.setClearButtonEnabled(True)
        self.position_filter = position_filter(words, "pickerPosition")
        self.category_filter = category_filter(words, "pickerCategory")
        self.desk_filter = QCheckBox(self.tr("Desk-friendly only"))
        self.desk_filter.setObjectName("pickerDesk")

        self.model = QStandardItemModel(self)
        self.list = QListView()
        self.list.setObjectName("pickerList")
        self.list.setAccessibleName(self.tr("Exercises"))
        self.list.setModel(self.model)
        self.list.setWordWrap(True)
        self.list.setSpacing(2)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setEditTriggers(QListView.EditTrigger.NoEditTriggers)
        self.nothing = QLabel(self.tr("No exercise matches. Try other words or clear a filter."))
        self.nothing.setObjectName("pickerNothing")
        self.nothing.setProperty("role", "muted")
        self.nothing.setWordWrap(True)
        self.added = QLabel()
        self.added.setObjectName("pickerAdded")
        self.added.setWordWrap(True)
        self.added.setAccessibleName(self.tr("Added"))

        self.add_button = QPushButton(self.tr("Add to the routine"))
        self.add_button.setObjectName("pickerAdd")
        self.add_button.setProperty("role", "primary")
        self.add_button.clicked.connect(self.add_current)
        buttons = QDialogButtonBox()
        buttons.addButton(self.add_button, QDialogButtonBox.ButtonRole.ActionRole)
        done = buttons.addButton(self.tr("Done"), QDialogButtonBox.ButtonRole.RejectRole)
        done.setObjectName("pickerDone")
        buttons.rejected.connect(self.reject)
        for button in (self.add_button, done):  # Enter in the list adds; it must not add twice
            button.setAutoDefault(False)
            button.setDefault(False)

        filters = WrappingRow(spacing=8)
        filters.addWidget(self.position_filter)
        filters.addWidget(self.category_filter)
        filters.addWidget(self.desk_filter)
        layout = QVBoxLayout(self)
        layout.addWidget(self.search)
        layout.addLayout(filters)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.nothing)
        layout.addWidget(self.added)
        layout.addWidget(buttons)

        self.search.textChanged.connect(self._apply_filter)
        self.search.returnPressed.connect(self._enter_in_search)
        self.position_filter.currentIndexChanged.connect(self._apply_filter)
        self.category_filter.currentIndexChanged.connect(self._apply_filter)
        self.desk_filter.toggled.connect(self._apply_filter)
        self.list.activated.connect(lambda _index: self.add_current())
        self._apply_filter()
        self.resize(520, 560)

    def current_filter(self) -> LibraryFilter:
        """What the search box and the filters ask for."""
        position = self.position_filter.currentData()
        category = self.category_filter.currentData()
        return LibraryFilter(
            text=self.search.text(),
            position=Position(position) if position else None,
            category=Category(category) if category else None,
            desk_friendly_only=self.desk_filter.isChecked(),
        )

    def shown_ids(self) -> list[str]:
        """The exercises listed now, in order."""
        return [str(self.model.item(row).data(_ID)) for row in range(self.model.rowCount())]

    def select(self, exercise_id: str) -> bool:
        """Make the listed exercise `exercise_id` the current one."""
        ids = self.shown_ids()
        if exercise_id not in ids:
            return False
        self.list.setCurrentIndex(self.model.index(ids.index(exercise_id), 0))
        return True

    def add_current(self) -> None:
        """Add the current exercise to the routine."""
        index: QModelIndex = self.list.currentIndex()
        if not index.isValid():
            return
        exercise = self._exercises[str(index.data(_ID))]
        self.added.setText(self.tr("Added {exercise}.").format(exercise=exercise.name))
        self.chosen.emit(exercise)

    def _enter_in_search(self) -> None:
        if self.model.rowCount():
            if not self.list.currentIndex().isValid():
                self.list.setCurrentIndex(self.model.index(0, 0))
            self.list.setFocus(Qt.FocusReason.OtherFocusReason)

    def _apply_filter(self) -> None:
        result = self._index.search(self.current_filter())
        self.model.clear()
        for exercise in result.exercises:
            row = QStandardItem(f"{exercise.name}\n{exercise_subtitle(exercise, self._words)}")
            row.setData(exercise.id, _ID)
            row.setData(exercise.name, Qt.ItemDataRole.AccessibleTextRole)
            row.setData(
                exercise_subtitle(exercise, self._words).replace(" · ", ", "),
                Qt.ItemDataRole.AccessibleDescriptionRole,
            )
            row.setToolTip(exercise.summary)
            self.model.appendRow(row)
        self.nothing.setVisible(self.model.rowCount() == 0)
        self.add_button.setEnabled(self.model.rowCount() > 0)
        if self.model.rowCount():
            self.list.setCurrentIndex(self.model.index(0, 0))
