"""Before anything is imported: what the file holds, and every row that cannot be used."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListView,
    QListWidget,
    QVBoxLayout,
    QWidget,
)

from spinecoach.storage.csv_io import ImportPreview


class ImportPreviewDialog(QDialog):
    """Lists valid rows and problems (with line numbers); Import writes the valid rows only."""

    def __init__(self, preview: ImportPreview, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("importPreview")
        self.setWindowTitle(self.tr("Import a history"))
        self.setMinimumWidth(560)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 16)
        valid = preview.valid_rows
        title = QLabel(preview.path.name)
        title.setProperty("role", "heading")
        title.setWordWrap(True)
        layout.addWidget(title)
        summary = QLabel(self.summary_words(preview))
        summary.setObjectName("importSummary")
        summary.setWordWrap(True)
        layout.addWidget(summary)
        self.problems = QListWidget()
        self.problems.setObjectName("importProblems")
        self.problems.setAccessibleName(self.tr("Rows that cannot be imported"))
        # Each problem wraps onto as many lines as it needs, never beyond the dialog's edge.
        self.problems.setWordWrap(True)
        self.problems.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.problems.setResizeMode(QListView.ResizeMode.Adjust)
        self.problems.setUniformItemSizes(False)
        self.problems.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.problems.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.problems.setSpacing(2)
        if preview.problems:
            left_out = len(preview.problems)
            heading = QLabel(
                self.tr("%n row(s) cannot be imported and will be left out:", "", left_out)
            )
            heading.setProperty("role", "redflag")
            heading.setWordWrap(True)
            layout.addWidget(heading)
            for problem in preview.problems:
                self.problems.addItem(str(problem))
            layout.addWidget(self.problems)
        buttons = QDialogButtonBox()
        self.import_button = buttons.addButton(
            self.tr("Import %n row(s)", "", valid),
            QDialogButtonBox.ButtonRole.AcceptRole,
        )
        self.import_button.setObjectName("confirmImportButton")
        self.import_button.setProperty("role", "primary")
        self.import_button.setEnabled(valid > 0)
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def summary_words(self, preview: ImportPreview) -> str:
        """What can be imported, counted ("1 session, 2 pain scores and …")."""
        sessions = self.tr("%n session(s)", "", len(preview.sessions))
        pain_scores = self.tr("%n pain score(s)", "", len(preview.pain_entries))
        if preview.hurt_events:
            hurts = self.tr("%n “this hurts” answer(s)", "", len(preview.hurt_events))
            found = self.tr("{sessions}, {pain_scores} and {hurts} can be imported.").format(
                sessions=sessions, pain_scores=pain_scores, hurts=hurts
            )
        else:
            found = self.tr("{sessions} and {pain_scores} can be imported.").format(
                sessions=sessions, pain_scores=pain_scores
            )
        return self.tr("{found} Entries already in SpineCoach are recognised and skipped.").format(
            found=found
        )
