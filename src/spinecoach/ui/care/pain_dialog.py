"""Ask for a pain score before and after a session: eleven big buttons with the standard anchors.

The 0-10 numeric rating scale with "no pain" and "worst pain imaginable" at its ends is what
clinicians use, so the history can be shown to them as it is. Answering is always optional.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from spinecoach.ui.widgets.note_box import NoteCounter

FEELINGS: tuple[tuple[str, str], ...] = (
    ("easier", "Easier than last time"),
    ("same", "About the same"),
    ("harder", "Harder"),
)


@dataclass(frozen=True, slots=True)
class PainAnswer:
    """What the person entered; `score` is None when they skipped."""

    score: int | None
    note: str = ""
    feeling: str | None = None


class PainDialog(QDialog):
    """Pain now, 0-10, with an optional note (and, after a session, how it felt)."""

    def __init__(
        self, *, after: bool, check_in: bool = False, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("painDialog")
        self.setWindowTitle("How is your back?")
        self.setModal(True)
        self._score: int | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(28, 24, 28, 20)
        layout.setSpacing(12)
        heading = "After the session" if after else "Before you start"
        if check_in:
            heading = "How is your back today?"
        title = QLabel(heading)
        title.setProperty("role", "title")
        layout.addWidget(title)
        layout.addWidget(QLabel("How much does your back hurt right now?"))

        grid = QGridLayout()
        grid.setHorizontalSpacing(6)
        self.score_buttons = QButtonGroup(self)
        self.score_buttons.setExclusive(True)
        for score in range(11):
            button = QPushButton(str(score))
            button.setObjectName(f"painScore{score}")
            button.setAccessibleName(f"Pain {score} out of 10")
            button.setCheckable(True)
            button.setMinimumSize(48, 48)
            button.setProperty("role", "score")
            self.score_buttons.addButton(button, score)
            grid.addWidget(button, 0, score)
        low = QLabel("0 = no pain")
        high = QLabel("10 = worst pain imaginable")
        for label in (low, high):
            label.setProperty("role", "muted")
        grid.addWidget(low, 1, 0, 1, 4)
        grid.addWidget(high, 1, 6, 1, 5, Qt.AlignmentFlag.AlignRight)
        layout.addLayout(grid)

        self.feeling_buttons = QButtonGroup(self)
        if after:
            layout.addWidget(QLabel("How did that feel?"))
            row = QHBoxLayout()
            for index, (key, text) in enumerate(FEELINGS):
                radio = QRadioButton(text)
                radio.setObjectName(f"feeling_{key}")
                self.feeling_buttons.addButton(radio, index)
                row.addWidget(radio)
            row.addStretch(1)
            layout.addLayout(row)

        self.note = QLineEdit()
        self.note.setObjectName("painNote")
        self.note.setPlaceholderText("A note, if you like (what you did, how you slept…)")
        layout.addWidget(self.note)
        # The same limit and characters as every note box (ui/widgets/note_box.py), with a counter.
        self.note_counter = NoteCounter(self.note)
        layout.addWidget(self.note_counter, 0, Qt.AlignmentFlag.AlignRight)

        buttons = QHBoxLayout()
        buttons.addStretch(1)
        self.skip_button = QPushButton("Skip")
        self.skip_button.setObjectName("painSkip")
        self.save_button = QPushButton("Save and continue" if not (after or check_in) else "Save")
        self.save_button.setObjectName("painSave")
        self.save_button.setProperty("role", "primary")
        self.save_button.setEnabled(False)
        self.save_button.setDefault(True)
        buttons.addWidget(self.skip_button)
        buttons.addWidget(self.save_button)
        layout.addLayout(buttons)

        self.score_buttons.idClicked.connect(self._choose)
        self.skip_button.clicked.connect(self._skip)
        self.save_button.clicked.connect(self.accept)

    def _choose(self, score: int) -> None:
        self._score = score
        self.save_button.setEnabled(True)

    def _skip(self) -> None:
        self._score = None
        self.reject()

    def answer(self) -> PainAnswer:
        """What was entered (score None if skipped)."""
        if self.result() != QDialog.DialogCode.Accepted or self._score is None:
            return PainAnswer(score=None)
        checked = self.feeling_buttons.checkedId()
        feeling = FEELINGS[checked][0] if checked >= 0 else None
        return PainAnswer(score=self._score, note=self.note.text().strip(), feeling=feeling)
