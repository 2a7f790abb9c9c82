"""The routine editor: a name, a description, the exercises in order and each one's dosage.

It holds no rules. Each field's range is the item's `DosageLimits` (the exercise file's
`[limits]`, or a programme's prescription as the ceiling when a locked routine is eased); a
value outside it is kept in the field, marked, named with its range, and Save stays off until it
is back inside. The total time is `core.session_settings.played_seconds` (changeovers included), and
the Desk / Floor words come from `Routine.desk_friendly` / `Routine.on_floor`: computed, never
typed. Saving is the caller's (`save`): it answers with a problem to show, or None when kept.
Where each widget sits, and the dosage fields, are `routine_editor_layout`'s.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import replace

from PySide6.QtCore import QCoreApplication, QModelIndex, Qt
from PySide6.QtGui import QKeyEvent, QShowEvent
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QComboBox,
    QDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QWidget,
)

from spinecoach.core.content_words import duration_text
from spinecoach.core.exercise import (
    DosageLimits,
    Exercise,
    OnlySide,
    Routine,
    RoutineItem,
    RoutineOrigin,
)
from spinecoach.core.messages import ENGLISH, Messages
from spinecoach.core.session_settings import DEFAULT_SETTINGS, SessionSettings, played_seconds
from spinecoach.core.ui_text import QT_TRANSLATE_NOOP
from spinecoach.ui.library.exercise_picker import ExercisePicker
from spinecoach.ui.library.routine_editor_layout import (
    REPS_FIELDS,
    TIMED_FIELDS,
    keep_text_height,
    lay_out,
)
from spinecoach.ui.library.routine_items import EditedItem, ItemsList, RoutineItemsModel

#: The name and description of a routine, as the routine files allow them.
NAME_LENGTH = (2, 40)
DESCRIPTION_LENGTH = (20, 200)
MOST_ITEMS = 20

#: What is chosen for a two-sided exercise: both sides, or one.
SIDE_CHOICES: tuple[tuple[OnlySide | None, str], ...] = (
    (None, QT_TRANSLATE_NOOP("RoutineEditor", "Both sides")),
    (OnlySide.LEFT, QT_TRANSLATE_NOOP("RoutineEditor", "Left side only")),
    (OnlySide.RIGHT, QT_TRANSLATE_NOOP("RoutineEditor", "Right side only")),
)


class RoutineEditor(QDialog):
    """Build or change a routine (objectName `routineEditor`).

    `routine`: the routine to edit (None: a new one). `exercises`: what may be added.
    `limits_for(item)`: the ranges of an item (default: its exercise's); `can_add`: False for
    an eased prescription (no other exercises). `notice`: a sentence atop the editor ("This is
    a copy…"). `save(routine)`: keeps it; returns a problem in words, or None once kept.
    """

    def __init__(
        self,
        routine: Routine | None,
        exercises: Mapping[str, Exercise],
        *,
        save: Callable[[Routine], str | None],
        words: Messages = ENGLISH,
        settings: SessionSettings = DEFAULT_SETTINGS,
        limits_for: Callable[[RoutineItem], DosageLimits] | None = None,
        can_add: bool = True,
        side_fixed: bool = False,
        notice: str = "",
        desk_word: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("routineEditor")
        self.setModal(True)
        self._original = routine
        self._exercises = exercises
        self._save = save
        self._words = words
        self._settings = settings
        self._can_add = can_add
        self._desk_word = desk_word
        self._picker: ExercisePicker | None = None
        self._next_key = 1
        self._dirty = False
        self.saved: Routine | None = None
        self.setWindowTitle(self.tr("New routine") if routine is None else self.tr("Edit routine"))
        self.setAccessibleName(self.windowTitle())

        self.name = QLineEdit(routine.name if routine is not None else "")
        self.name.setObjectName("routineName")
        self.name.setAccessibleName(self.tr("Name"))
        self.name.setMaxLength(NAME_LENGTH[1])
        self.name.setPlaceholderText(self.tr("For example: Morning stretch"))
        self.description = QLineEdit(routine.description if routine is not None else "")
        self.description.setObjectName("routineDescription")
        self.description.setAccessibleName(self.tr("Description"))
        self.description.setMaxLength(DESCRIPTION_LENGTH[1])
        self.description.setPlaceholderText(self.tr("What it is for (optional)"))

        self.model = RoutineItemsModel(words, self)
        limits = limits_for or (lambda item: item.exercise.limits)
        if routine is not None:
            self.model.set_items(
                [
                    replace(EditedItem.of(item, limits(item), self._key()), side_fixed=side_fixed)
                    for item in routine.items
                ]
            )
        self.items = ItemsList(self.model)
        self.items.setObjectName("routineItems")
        self.items.setAccessibleName(self.tr("Exercises in this routine"))
        self.items.setMinimumHeight(120)

        self.add_button = QPushButton(self.tr("Add exercise…"))
        self.add_button.setObjectName("addExerciseButton")
        self.add_button.setVisible(can_add)
        self.up_button = QPushButton(self.tr("Move up"))
        self.up_button.setObjectName("moveUpButton")
        self.up_button.setToolTip(self.tr("Alt+Up"))
        self.down_button = QPushButton(self.tr("Move down"))
        self.down_button.setObjectName("moveDownButton")
        self.down_button.setToolTip(self.tr("Alt+Down"))
        self.remove_button = QPushButton(self.tr("Remove"))
        self.remove_button.setObjectName("removeExerciseButton")

        self.item_title = QLabel()
        self.item_title.setObjectName("itemTitle")
        self.item_title.setProperty("role", "heading")
        self.item_title.setWordWrap(True)
        self.item_note = QLabel()
        self.item_note.setObjectName("itemNote")
        self.item_note.setWordWrap(True)
        self.item_note.setProperty("role", "muted")
        self.side = QComboBox()
        self.side.setObjectName("field_side")
        self.side.setAccessibleName(self.tr("Sides"))
        for side, text in SIDE_CHOICES:
            self.side.addItem(
                QCoreApplication.translate("RoutineEditor", text),
                side.value if side is not None else "",
            )
        self.side_label = QLabel(self.tr("Sides"))
        self.side_label.setBuddy(self.side)
        self.side_label.setWordWrap(True)
        self.no_item = QLabel(self.tr("Add an exercise, then set how much of it to do here."))
        self.no_item.setObjectName("noItemSelected")
        self.no_item.setWordWrap(True)
        self.no_item.setProperty("role", "muted")

        self.total = QLabel()
        self.total.setObjectName("routineTotal")
        self.total.setWordWrap(True)
        self.badge = QLabel()
        self.badge.setObjectName("routineBadge")
        self.badge.setProperty("role", "chip")
        self.status = QLabel()
        self.status.setObjectName("routineProblems")
        self.status.setWordWrap(True)
        self.status.setProperty("role", "muted")

        self.save_button = QPushButton(self.tr("Save"))
        self.save_button.setObjectName("saveRoutineButton")
        self.save_button.setProperty("role", "primary")
        self.save_button.setDefault(True)
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.setObjectName("cancelRoutineButton")

        self._notice = notice
        self._fields = lay_out(self, notice)

        self.add_button.clicked.connect(self.open_picker)
        self.up_button.clicked.connect(lambda: self._move(-1))
        self.down_button.clicked.connect(lambda: self._move(1))
        self.remove_button.clicked.connect(self.remove_current)
        self.save_button.clicked.connect(self.try_save)
        self.cancel_button.clicked.connect(self.reject)
        self.name.textChanged.connect(self._edited)
        self.description.textChanged.connect(self._edited)
        self.side.currentIndexChanged.connect(self._side_chosen)
        for field in self._fields.values():
            field.spin.valueChanged.connect(
                lambda value, name=field.name: self._value_typed(name, value)
            )
        self.items.selectionModel().currentChanged.connect(self._show_current)
        self.model.rowsMoved.connect(self._moved)
        if self.model.rowCount():
            self.items.setCurrentIndex(self.model.index(0))
        self._refresh()
        self._dirty = False
        self.resize(900, 620)

    def _key(self) -> int:
        self._next_key += 1
        return self._next_key

    # --- what the routine is now ---------------------------------------------------------------

    @property
    def original(self) -> Routine | None:
        """The routine the editor opened on (None for a new one)."""
        return self._original

    def routine(self) -> Routine:
        """The routine as edited (the id, origin and source of the one opened are kept)."""
        original = self._original
        return Routine(
            id=original.id if original is not None else "",
            name=self.name.text().strip(),
            description=self.description.text().strip() or self._default_description(),
            items=tuple(item.routine_item() for item in self.model.items),
            changeover_seconds=original.changeover_seconds if original is not None else None,
            origin=original.origin if original is not None else RoutineOrigin.OWN,
            locked=False,
            based_on=original.based_on if original is not None else None,
        )

    def _default_description(self) -> str:
        """Said for the person when they leave the description empty: what the routine holds."""
        names = ", ".join(item.exercise.name for item in self.model.items)
        text = self.tr("Your own routine: {exercises}.").format(exercises=names)
        longest = DESCRIPTION_LENGTH[1]
        return text if len(text) <= longest else text[: longest - 1].rstrip(" ,") + "…"

    def problems(self) -> list[str]:
        """What stops Save, in words (empty when the routine can be kept)."""
        found = []
        length = len(self.name.text().strip())
        if length < NAME_LENGTH[0]:
            found.append(self.tr("Give the routine a name."))
        described = len(self.description.text().strip())
        if 0 < described < DESCRIPTION_LENGTH[0]:
            found.append(
                self.tr(
                    "Describe it in at least {count} characters, or leave the description empty."
                ).format(count=DESCRIPTION_LENGTH[0])
            )
        if not self.model.rowCount():
            found.append(self.tr("Add at least one exercise."))
        elif self.model.rowCount() > MOST_ITEMS:
            found.append(
                self.tr("A routine holds at most {count} exercises.").format(count=MOST_ITEMS)
            )
        outside = sum(len(item.problems) for item in self.model.items)
        if outside:
            found.append(self.tr("%n value(s) outside the safe range.", "", outside))
        return found

    def notice_text(self) -> str:
        """The sentence atop the editor ("" for none): a copy, or an eased prescription."""
        return self._notice

    def forget_changes(self) -> None:
        """Close without asking from now on (the window is going away)."""
        self._dirty = False

    @property
    def is_dirty(self) -> bool:
        """Whether anything was changed since the editor opened."""
        return self._dirty

    # --- editing ----------------------------------------------------------------------------

    def add_exercise(self, exercise: Exercise) -> int:
        """Add `exercise` at the end with its own dosage, and select it; returns its row."""
        item = EditedItem(exercise, exercise.dosage, exercise.limits, key=self._key())
        row = self.model.append(item)
        self.items.setCurrentIndex(self.model.index(row))
        self._edited()
        return row

    def open_picker(self) -> ExercisePicker:
        """The exercise picker over the editor (it stays open to add several)."""
        if self._picker is None:
            picker = ExercisePicker(
                self._exercises.values(),
                words=self._words,
                desk_word=self._desk_word,
                parent=self,
            )
            picker.chosen.connect(self.add_exercise)
            self._picker = picker
        self._picker.show()
        self._picker.raise_()
        self._picker.search.setFocus(Qt.FocusReason.OtherFocusReason)
        return self._picker

    def remove_current(self) -> None:
        """Take the current exercise out of the routine."""
        row = self.items.currentIndex().row()
        if row < 0:
            return
        self.model.remove(row)
        if self.model.rowCount():
            self.items.setCurrentIndex(self.model.index(min(row, self.model.rowCount() - 1)))
        else:
            self._show_current(QModelIndex(), QModelIndex())
        self._edited()

    def _move(self, step: int) -> None:
        self.items.move_current(step)
        self.items.setFocus(Qt.FocusReason.OtherFocusReason)

    def _moved(self) -> None:
        self._edited()

    def _value_typed(self, name: str, value: int) -> None:
        row = self.items.currentIndex().row()
        if row < 0:
            return
        self.model.replace_item(row, self.model.item(row).with_value(name, value))
        self._fields[name].show(self.model.item(row))
        self._edited()

    def _side_chosen(self, _index: int) -> None:
        row = self.items.currentIndex().row()
        if row < 0:
            return
        data = self.side.currentData()
        side = OnlySide(data) if data else None
        item = self.model.item(row)
        if side != item.only_side:
            self.model.replace_item(row, replace(item, only_side=side))
            self._edited()

    def _show_current(self, current: QModelIndex, _previous: QModelIndex) -> None:
        valid = current.isValid()
        self.no_item.setVisible(not valid)
        self.item_title.setVisible(valid)
        if not valid:
            for field in self._fields.values():
                field.set_visible(False)
            self.side.setVisible(False)
            self.side_label.setVisible(False)
            self.item_note.setVisible(False)
            self._refresh_buttons()
            return
        item = self.model.item(current.row())
        self.item_title.setText(item.exercise.name)
        self.item_note.setText(item.note)
        self.item_note.setVisible(bool(item.note))
        names = TIMED_FIELDS if item.dosage.is_timed_block else REPS_FIELDS
        for name, field in self._fields.items():
            field.set_visible(name in names)
            if name in names:
                field.show(item)
        two_sided = item.exercise.two_sided
        self.side.setVisible(two_sided)
        self.side_label.setVisible(two_sided)
        self.side.blockSignals(True)
        chosen = item.only_side.value if item.only_side else ""
        self.side.setCurrentIndex(self.side.findData(chosen))
        self.side.blockSignals(False)
        self.side.setEnabled(not item.side_fixed)
        self._refresh_buttons()

    def _edited(self, *_args: object) -> None:
        self._dirty = True
        self._refresh()

    def _refresh(self) -> None:
        routine = self.routine()
        if routine.items:
            seconds = played_seconds(routine, self._settings)
            self.total.setText(
                self.tr("About {duration} in all, with the changes between exercises.").format(
                    duration=duration_text(seconds, self._words)
                )
            )
            badge = (
                self.tr("Desk")
                if routine.desk_friendly
                else self.tr("Floor")
                if routine.on_floor
                else ""
            )
        else:
            self.total.setText(self.tr("No exercises yet."))
            badge = ""
        self.badge.setText(badge)
        self.badge.setVisible(bool(badge))
        self.badge.setAccessibleName(
            self.tr("Can be done beside a desk")
            if badge == self.tr("Desk")
            else self.tr("Needs the floor")
            if badge
            else ""
        )
        problems = self.problems()
        self.status.setText(" ".join(problems))
        self.status.setVisible(bool(problems))
        self.save_button.setEnabled(not problems)
        self._refresh_buttons()

    def _refresh_buttons(self) -> None:
        row = self.items.currentIndex().row()
        count = self.model.rowCount()
        self.up_button.setEnabled(row > 0)
        self.down_button.setEnabled(0 <= row < count - 1)
        self.remove_button.setEnabled(row >= 0)
        self.add_button.setEnabled(self._can_add and count < MOST_ITEMS)

    # --- saving and leaving ---------------------------------------------------------------

    def try_save(self) -> bool:
        """Keep the routine through `save`; close when kept, else say why and stay open."""
        if self.problems():
            return False
        routine = self.routine()
        problem = self._save(routine)
        if problem is not None:
            self.status.setText(problem)
            self.status.setVisible(True)
            return False
        self.saved = routine
        self._dirty = False
        self.accept()
        return True

    def reject(self) -> None:
        """Qt override: Escape or Cancel ask before changes are lost."""
        if self._dirty and not self.confirm_discard():
            return
        if self._picker is not None:
            self._picker.hide()
        super().reject()

    def confirm_discard(self) -> bool:
        """Ask whether to leave without saving (True: leave)."""
        box = QMessageBox(self)
        box.setObjectName("discardRoutineQuestion")
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(self.tr("Leave without saving?"))
        box.setText(self.tr("Your changes to this routine have not been saved."))
        leave = box.addButton(self.tr("Discard changes"), QMessageBox.ButtonRole.DestructiveRole)
        keep = box.addButton(self.tr("Keep editing"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(keep)
        box.setEscapeButton(keep)
        box.exec()
        return box.clickedButton() is leave

    def showEvent(self, event: QShowEvent) -> None:
        """Qt override: the fields keep the height their text needs (`keep_text_height`)."""
        super().showEvent(event)
        for field in self.findChildren(QLineEdit) + self.findChildren(QAbstractSpinBox):
            keep_text_height(field)
        for box in self.findChildren(QComboBox):
            keep_text_height(box)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Qt override: Enter in a field does not save; the Save button does."""
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not (
            self.save_button.hasFocus()
        ):
            event.accept()
            return
        super().keyPressEvent(event)
