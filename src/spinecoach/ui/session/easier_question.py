"""After "Make it easier": use the easier version from now on, or (locked) ask the physio."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox, QWidget


class EasierQuestion(QMessageBox):
    """Asks whether the person's own routine should use the easier version from now on.

    `locked`: a programme routine the physiotherapist locked is never changed here; the box
    says so and offers only "OK". `copy`: the routine is not the person's own (a shipped one),
    so keeping the change makes their own copy. `keep` is True once "Use it from now on" was
    pressed.
    """

    def __init__(
        self,
        exercise: str,
        easier: str,
        parent: QWidget | None = None,
        *,
        locked: bool = False,
        copy: bool = False,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("easierQuestion")
        self.setWindowTitle(self.tr("Make it easier"))
        self.setIcon(QMessageBox.Icon.Question if not locked else QMessageBox.Icon.Information)
        self.keep = False
        self._keep_button = None
        if locked:
            self.setText(
                self.tr(
                    "For the rest of this session you do {easier} instead of {exercise}."
                ).format(easier=easier, exercise=exercise)
            )
            self.setInformativeText(
                self.tr(
                    "Your programme stays as your physiotherapist prescribed it. If {easier} "
                    "suits you better, ask your physiotherapist at your next appointment."
                ).format(easier=easier)
            )
            ok = self.addButton(QMessageBox.StandardButton.Ok)
            ok.setObjectName("easierOk")
            self.setDefaultButton(ok)
            return
        self.setText(self.tr("Use the easier version from now on?"))
        said = self.tr(
            "For the rest of this session you do {easier} instead of {exercise}. Use {easier} "
            "in this routine from now on too?"
        ).format(easier=easier, exercise=exercise)
        if copy:
            said += " " + self.tr(
                "Your own copy of the routine is saved with it; the original stays in the Library."
            )
        self.setInformativeText(said)
        keep = self.addButton(self.tr("Use it from now on"), QMessageBox.ButtonRole.AcceptRole)
        keep.setObjectName("easierKeep")
        once = self.addButton(self.tr("Only this time"), QMessageBox.ButtonRole.RejectRole)
        once.setObjectName("easierOnlyNow")
        self.setDefaultButton(once)
        self.setEscapeButton(once)
        self._keep_button = keep
        self.buttonClicked.connect(lambda button: setattr(self, "keep", button is keep))
