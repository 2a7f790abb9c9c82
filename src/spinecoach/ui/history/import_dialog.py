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


class ImportPreviewDialog(QDialog):
    """Lists valid rows and problems (with line numbers); Import writes the valid rows only."""

    def __init__(self, preview: ImportPreview, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("importPreview")
        self.setWindowTitle("Import a history")
        self.setMinimumWidth(560)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 16)
        valid = len(preview.sessions) + len(preview.pain_entries)
        title = QLabel(f"{preview.path.name}")
        title.setProperty("role", "heading")
        layout.addWidget(title)
        summary = QLabel(
            f"{len(preview.sessions)} sessions and {len(preview.pain_entries)} pain scores "
            "can be imported. Entries already in SpineCoach are recognised and skipped."
        )
        summary.setObjectName("importSummary")
        summary.setWordWrap(True)
        layout.addWidget(summary)
        self.problems = QListWidget()
        self.problems.setObjectName("importProblems")
        self.problems.setAccessibleName("Rows that cannot be imported")
        if preview.problems:
            count = len(preview.problems)
            heading = QLabel(
                f"{count} row{'s' if count != 1 else ''} cannot be imported and will be left out:"
            )
            heading.setProperty("role", "redflag")
            layout.addWidget(heading)
            for problem in preview.problems:
                self.problems.addItem(str(problem))
            layout.addWidget(self.problems)
        buttons = QDialogButtonBox()
        self.import_button = buttons.addButton(
            f"Import {valid} row{'s' if valid != 1 else ''}",
            QDialogButtonBox.ButtonRole.AcceptRole,
        )
        self.import_button.setObjectName("confirmImportButton")
        self.import_button.setProperty("role", "primary")
        self.import_button.setEnabled(valid > 0)
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
