"""Correct a check-in: its score on the same 0-10 scale as when it was given, and its note.

The moment it was given stays as it was. From the keyboard: a digit chooses its score, the
arrow keys move along the scale, Enter saves and Esc cancels.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from spinecoach.ui.care.pain_dialog import anchor_words, score_name
from spinecoach.ui.history.log_tables import CheckInRow
from spinecoach.ui.widgets.note_box import NoteCounter


class CheckInDialog(QDialog):
    """Shows a check-in with its score chosen and its note; Save keeps the changes."""

    def __init__(self, row: CheckInRow, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("checkInDialog")
        self.setWindowTitle(self.tr("Edit a check-in"))
        self.setModal(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 16)
        layout.setSpacing(10)
        title = QLabel(self.tr("Check-in of {when}").format(when=row.date_text))
        title.setObjectName("checkInWhen")
        title.setProperty("role", "title")
        title.setWordWrap(True)
        layout.addWidget(title)

        self.scale = QGroupBox(self.tr("How much did your back hurt then?"))
        self.scale.setObjectName("checkInScale")
        self.scale.setFlat(True)
        self.scale.setAccessibleDescription(
            self.tr(
                "0 means no pain and 10 the worst pain imaginable. Type a number from 0 to 9, "
                "or move along the scale with the Left and Right arrow keys."
            )
        )
        grid = QGridLayout(self.scale)
        grid.setContentsMargins(0, 8, 0, 0)
        grid.setHorizontalSpacing(6)
        self.score_buttons = QButtonGroup(self)
        self.score_buttons.setExclusive(True)
        for score in range(11):
            button = QPushButton(str(score))
            button.setObjectName(f"checkInScore{score}")
            button.setAccessibleName(score_name(score))
            button.setCheckable(True)
            button.setAutoDefault(False)
            button.setMinimumSize(40, 40)
            button.setProperty("role", "score")
            self.score_buttons.addButton(button, score)
            grid.addWidget(button, 0, score)
        low = QLabel(f"0 = {anchor_words(0)}")
        high = QLabel(f"10 = {anchor_words(10)}")
        for label in (low, high):
            label.setProperty("role", "muted")
        grid.addWidget(low, 1, 0, 1, 4)
        grid.addWidget(high, 1, 6, 1, 5, Qt.AlignmentFlag.AlignRight)
        layout.addWidget(self.scale)

        self.note = QLineEdit(row.note)
        self.note.setObjectName("checkInNote")
        self.note.setAccessibleName(self.tr("Note"))
        self.note.setPlaceholderText(self.tr("A note, if you like (what you did, how you slept…)"))
        layout.addWidget(self.note)
        self.note_counter = NoteCounter(self.note)
        layout.addWidget(self.note_counter, 0, Qt.AlignmentFlag.AlignRight)

        buttons = QDialogButtonBox()
        self.save_button = buttons.addButton(
            self.tr("Save"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.save_button.setObjectName("saveCheckInButton")
        self.save_button.setProperty("role", "primary")
        self.save_button.setDefault(True)
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.choose(row.score)

    def choose(self, score: int) -> None:
        """Choose a score as a click on its button would, and put the keyboard there."""
        button = self.score_buttons.button(score)
        button.setChecked(True)
        button.setFocus(Qt.FocusReason.OtherFocusReason)

    def score(self) -> int:
        """The score chosen."""
        return self.score_buttons.checkedId()

    def note_text(self) -> str:
        """The note as edited (trimmed)."""
        return self.note.text().strip()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Qt override: a digit chooses its score, the arrows move along the scale."""
        text = event.text()
        if not self.note.hasFocus():
            if len(text) == 1 and text in "0123456789":
                self.choose(int(text))
                event.accept()
                return
            step = {Qt.Key.Key_Left: -1, Qt.Key.Key_Right: 1}.get(Qt.Key(event.key()), 0)
            if step:
                self.choose(min(10, max(0, self.score() + step)))
                event.accept()
                return
        super().keyPressEvent(event)
