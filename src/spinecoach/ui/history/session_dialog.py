"""One session in full, with its note editable and a way to repeat it."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from spinecoach.ui.history.view import SessionRow
from spinecoach.ui.widgets.note_box import NoteCounter


class SessionDetailsDialog(QDialog):
    """Shows a session's details; Save writes the note, Repeat asks to play it again."""

    REPEAT = 2

    def __init__(self, row: SessionRow, exercises: list[str], parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("sessionDetails")
        self.setWindowTitle(row.routine)
        self.setMinimumWidth(480)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 16)
        title = QLabel(row.routine)
        title.setProperty("role", "title")
        layout.addWidget(title)
        form = QFormLayout()
        form.addRow("When:", QLabel(row.date_text))
        form.addRow("Duration:", QLabel(row.duration_text))
        form.addRow("Exercises:", QLabel(row.exercises_text))
        done = QLabel(", ".join(exercises) if exercises else "none completed")
        done.setWordWrap(True)
        form.addRow("Done:", done)
        pain = "–" if row.before is None else str(row.before)
        pain += " → " + ("–" if row.after is None else str(row.after))
        form.addRow("Pain before → after:", QLabel(pain))
        if row.feeling:
            form.addRow("Felt:", QLabel(row.feeling))
        if row.hurts:
            form.addRow("“This hurts”:", QLabel(f"{row.hurts} time(s)"))
        layout.addLayout(form)
        layout.addWidget(QLabel("Note"))
        self.note = QPlainTextEdit(row.note)
        self.note.setObjectName("sessionNote")
        self.note.setAccessibleName("Note")
        self.note.setPlaceholderText("How it went, what you noticed…")
        self.note.setMaximumHeight(110)
        layout.addWidget(self.note)
        # Holds the note to MAX_NOTE_LENGTH as it is typed, so Save can never fail on length.
        self.note_counter = NoteCounter(self.note)
        layout.addWidget(self.note_counter, 0, Qt.AlignmentFlag.AlignRight)
        buttons = QDialogButtonBox()
        save = buttons.addButton("Save note", QDialogButtonBox.ButtonRole.AcceptRole)
        save.setObjectName("saveNoteButton")
        save.setProperty("role", "primary")
        repeat = QPushButton("Repeat this routine")
        repeat.setObjectName("detailsRepeatButton")
        buttons.addButton(repeat, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(QDialogButtonBox.StandardButton.Close)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        repeat.clicked.connect(lambda: self.done(self.REPEAT))
        layout.addWidget(buttons)

    def note_text(self) -> str:
        """The note as edited (trimmed)."""
        return self.note.toPlainText().strip()
