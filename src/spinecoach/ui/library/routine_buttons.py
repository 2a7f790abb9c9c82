"""The Library's buttons for the person's own routines, and the bar that offers Undo.

New, Duplicate, Edit (Ease, for a locked routine), Delete and Export act on the routine the
details show; all but Export work once the data file is open (`use`). What each does is
`own_routines.OwnRoutines`'s; these only say when they apply. Their words keep the Library
pane's translation context ("LibraryPane"), where they were first translated.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

from spinecoach.core.exercise import Routine, RoutineOrigin
from spinecoach.ui.widgets.callout import callout

if TYPE_CHECKING:
    from spinecoach.ui.library.own_routines import OwnRoutines


class RoutineButtons(QObject):
    """The own-routine buttons and the Undo bar of one Library pane.

    `selected` says which routine the details show (None: an exercise, or nothing). The
    buttons and the bar are made inside `parent`, the pane they are laid out in (styled once).

    Signals:
        export_requested(object): write this Routine to a programme file (to share it).
    """

    export_requested = Signal(object)

    def __init__(self, selected: Callable[[], Routine | None], parent: QWidget | None = None):
        super().__init__(parent)
        self._selected = selected
        #: The own-routine actions, once the data file is open (`use`).
        self.actions: OwnRoutines | None = None
        translate = QCoreApplication.translate
        # Made before the buttons, as it is shown above them: Tab follows the order in which
        # widgets are made inside the pane.
        self.undo_bar, bar = callout("libraryUndoBar", "problems", spacing=0, parent=parent)
        row = QHBoxLayout()
        self.undo_text = QLabel(self.undo_bar)
        self.undo_text.setObjectName("libraryUndoText")
        self.undo_text.setWordWrap(True)
        self.undo_button = QPushButton(translate("LibraryPane", "Undo"), self.undo_bar)
        self.undo_button.setObjectName("libraryUndoButton")
        self.undo_button.setToolTip(translate("LibraryPane", "Ctrl+Z"))
        self.undo_button.clicked.connect(self.undo)
        row.addWidget(self.undo_text, 1)
        row.addWidget(self.undo_button)
        bar.addLayout(row)
        self.undo_bar.hide()

        self.new_button = QPushButton(translate("LibraryPane", "New routine"), parent)
        self.new_button.setObjectName("newRoutineButton")
        self.new_button.setToolTip(
            translate("LibraryPane", "Build a routine of your own from the exercises")
        )
        self.duplicate_button = QPushButton(translate("LibraryPane", "Duplicate"), parent)
        self.duplicate_button.setObjectName("duplicateRoutineButton")
        self.duplicate_button.setAccessibleName(translate("LibraryPane", "Duplicate the routine"))
        self.edit_button = QPushButton(translate("LibraryPane", "Edit…"), parent)
        self.edit_button.setObjectName("editRoutineButton")
        self.delete_button = QPushButton(translate("LibraryPane", "Delete"), parent)
        self.delete_button.setObjectName("deleteRoutineButton")
        self.delete_button.setAccessibleName(translate("LibraryPane", "Delete the routine"))
        self.export_button = QPushButton(translate("LibraryPane", "Export…"), parent)
        self.export_button.setObjectName("exportRoutineButton")
        self.export_button.setAccessibleName(
            translate("LibraryPane", "Export the routine to a file")
        )
        self.export_button.setToolTip(
            translate("LibraryPane", "Save the routine as a programme file, to keep or to share")
        )
        self.new_button.clicked.connect(self._new_routine)
        self.duplicate_button.clicked.connect(self._duplicate_routine)
        self.edit_button.clicked.connect(self._edit_routine)
        self.delete_button.clicked.connect(self._delete_routine)
        self.export_button.clicked.connect(self._export_routine)

    @property
    def buttons(self) -> tuple[QPushButton, ...]:
        """The buttons in the order they are shown."""
        return (
            self.new_button,
            self.duplicate_button,
            self.edit_button,
            self.delete_button,
            self.export_button,
        )

    def use(self, actions: OwnRoutines) -> None:
        """The own-routine buttons work from now on (the data file is open)."""
        self.actions = actions
        self.refresh()

    def refresh(self) -> None:
        """Enable what applies to the routine shown; Edit says Ease for a locked one."""
        translate = QCoreApplication.translate
        ready = self.actions is not None
        routine = self._selected()
        self.new_button.setEnabled(ready)
        self.duplicate_button.setEnabled(ready and routine is not None)
        self.edit_button.setEnabled(ready and routine is not None)
        self.delete_button.setEnabled(ready and routine is not None and routine.editable_in_place)
        self.export_button.setEnabled(routine is not None)
        if routine is not None and routine.locked:
            self.edit_button.setText(translate("LibraryPane", "Ease…"))
            self.edit_button.setAccessibleName(translate("LibraryPane", "Ease the routine"))
            self.edit_button.setToolTip(
                translate("LibraryPane", "Do less of a locked routine: never more than prescribed")
            )
        else:
            self.edit_button.setText(translate("LibraryPane", "Edit…"))
            self.edit_button.setAccessibleName(translate("LibraryPane", "Edit the routine"))
            copied = routine is not None and routine.origin is not RoutineOrigin.OWN
            self.edit_button.setToolTip(
                translate("LibraryPane", "Editing makes your own copy; this routine stays as it is")
                if copied
                else ""
            )

    def _new_routine(self) -> None:
        if self.actions is not None:
            self.actions.new_routine()

    def _duplicate_routine(self) -> None:
        routine = self._selected()
        if self.actions is not None and routine is not None:
            self.actions.duplicate(routine)

    def _edit_routine(self) -> None:
        routine = self._selected()
        if self.actions is not None and routine is not None:
            self.actions.edit(routine)

    def _export_routine(self) -> None:
        routine = self._selected()
        if routine is not None:
            self.export_requested.emit(routine)

    def _delete_routine(self) -> None:
        routine = self._selected()
        if self.actions is not None and routine is not None:
            self.actions.delete(routine)

    def offer_undo(self, text: str) -> None:
        """Show the Undo bar with `text` (a routine was deleted)."""
        self.undo_text.setText(text)
        self.undo_bar.show()

    def hide_undo(self) -> None:
        """The Undo bar goes (used, or its time is over)."""
        self.undo_bar.hide()

    def undo(self) -> None:
        """Bring back the routine deleted last (Undo, Ctrl+Z)."""
        if self.actions is not None:
            self.actions.undo()
