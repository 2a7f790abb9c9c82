"""The session's questions asked with real dialogs (tests use scripted answers instead)."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox, QWidget

from spinecoach.ui.hurts_dialog import HurtsDialog
from spinecoach.ui.pain_dialog import PainAnswer, PainDialog


class DialogPrompts:
    """Implements the controller's SessionPrompts with modal dialogs over `parent`."""

    def __init__(self, parent: QWidget) -> None:
        self._parent = parent

    def pain_before(self) -> PainAnswer:
        """Pain before the session."""
        dialog = PainDialog(after=False, parent=self._parent)
        dialog.exec()
        return dialog.answer()

    def pain_after(self) -> PainAnswer:
        """Pain and feeling after the session."""
        dialog = PainDialog(after=True, parent=self._parent)
        dialog.exec()
        return dialog.answer()

    def this_hurts(self, exercise_name: str) -> str:
        """Skip, end or carry on."""
        dialog = HurtsDialog(exercise_name, parent=self._parent)
        dialog.exec()
        return dialog.choice

    def pain_rose(self, before: int, after: int) -> None:
        """A kind word when pain went up by two points or more."""
        box = QMessageBox(self._parent)
        box.setObjectName("painRoseMessage")
        box.setIcon(QMessageBox.Icon.Information)
        box.setWindowTitle("Your pain went up")
        box.setText(f"Your pain went from {before} to {after} during this session.")
        box.setInformativeText(
            "That can happen, and it is worth listening to. Next time, try a gentler routine "
            "such as “Gentle floor stretches”, or fewer repetitions. If the pain does not "
            "settle within a day or two, or you notice any of the red-flag symptoms in "
            "Help > Safety notes, please see a doctor or physiotherapist."
        )
        box.exec()
