"""Before anything is imported: what the file holds, and every row that cannot be used."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QVBoxLayout,
    QWidget,
)

from spinecoach.storage.csv_io import ImportPreview
from spinecoach.ui.history.locale_text import count


class ImportPreviewDialog(QDialog):
    """Lists valid rows and problems (with line numbers); Import writes the valid rows only."""

    def __init__(self, preview: ImportPreview, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("importPreview")
        self.setWindowTitle(self.tr("Import a history"))
        self.setMinimumWidth(560)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 16)
        valid = len(preview.sessions) + len(preview.pain_entries)
        title = QLabel(preview.path.name)
        title.setProperty("role", "heading")
        layout.addWidget(title)
        summary = QLabel(
            self.tr(
                "{sessions} sessions and {pain_scores} pain scores can be imported. "
                "Entries already in SpineCoach are recognised and skipped."
            ).format(
                sessions=count(len(preview.sessions)), pain_scores=count(len(preview.pain_entries))
            )
        )
        summary.setObjectName("importSummary")
        summary.setWordWrap(True)
        layout.addWidget(summary)
        self.problems = QListWidget()
        self.problems.setObjectName("importProblems")
        self.problems.setAccessibleName(self.tr("Rows that cannot be imported"))
        if preview.problems:
            left_out = len(preview.problems)
            heading = QLabel(
                self.tr("%n row(s) cannot be imported and will be left out:", "", left_out)
            )
            heading.setProperty("role", "redflag")
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
