"""One session in full, with its note editable and a way to repeat it.

It names what happened in it: the exercises done and those skipped, and each "This hurts"
with its exercise and what the person chose ("Bird dog, skipped").
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLayout,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from spinecoach.ui.history.log_tables import SessionRow
from spinecoach.ui.widgets.note_box import NoteCounter


class SessionDetailsDialog(QDialog):
    """Shows a session's details; Save writes the note, Repeat asks to play it again."""

    REPEAT = 2

    def __init__(
        self,
        row: SessionRow,
        exercises: list[str],
        parent: QWidget | None = None,
        *,
        skipped: list[str] | None = None,
    ):
        super().__init__(parent)
        self.setObjectName("sessionDetails")
        self.setWindowTitle(row.routine)
        self.setMinimumWidth(480)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 16)
        # Never smaller than what it holds, at any text size (it grows with the text).
        layout.setSizeConstraint(QLayout.SizeConstraint.SetMinimumSize)
        title = QLabel(row.routine)
        title.setProperty("role", "title")
        title.setWordWrap(True)
        layout.addWidget(title)
        form = QFormLayout()
        form.addRow(self.tr("When:"), QLabel(row.date_text))
        form.addRow(self.tr("Duration:"), QLabel(row.duration_text))
        form.addRow(self.tr("Exercises:"), QLabel(row.exercises_text))
        done = QLabel(", ".join(exercises) if exercises else self.tr("none completed"))
        done.setWordWrap(True)
        form.addRow(self.tr("Done:"), done)
        if skipped:
            left = QLabel(", ".join(skipped))
            left.setObjectName("sessionSkipped")
            left.setWordWrap(True)
            form.addRow(self.tr("Skipped:"), left)
        pain = "–" if row.before is None else str(row.before)
        pain += " → " + ("–" if row.after is None else str(row.after))
        form.addRow(self.tr("Pain before → after:"), QLabel(pain))
        if row.feeling:
            form.addRow(self.tr("Felt:"), QLabel(row.feeling))
        if row.hurt_lines:
            hurts = QLabel("\n".join(row.hurt_lines))
            hurts.setObjectName("sessionHurts")  # one short line each: "Bird dog, skipped"
            form.addRow(self.tr("“This hurts”:"), hurts)
        layout.addLayout(form)
        layout.addWidget(QLabel(self.tr("Note")))
        self.note = QPlainTextEdit(row.note)
        self.note.setObjectName("sessionNote")
        self.note.setAccessibleName(self.tr("Note"))
        self.note.setPlaceholderText(self.tr("How it went, what you noticed…"))
        self.note.setMaximumHeight(110)
        layout.addWidget(self.note)
        # Holds the note to MAX_NOTE_LENGTH as it is typed, so Save can never fail on length.
        self.note_counter = NoteCounter(self.note)
        layout.addWidget(self.note_counter, 0, Qt.AlignmentFlag.AlignRight)
        buttons = QDialogButtonBox()
        save = buttons.addButton(self.tr("Save note"), QDialogButtonBox.ButtonRole.AcceptRole)
        save.setObjectName("saveNoteButton")
        save.setProperty("role", "primary")
        repeat = QPushButton(self.tr("Repeat this routine"))
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
