"""The History area: the view, its controller, and the dialogs it opens (check-in, details).

Deleting a session takes effect at once but is never final: a bar offers "Undo" until the next
action, and the rows are only hidden in the database, never erased.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from spinecoach.storage.csv_io import ImportPreview, ImportResult
from spinecoach.ui.care.pain_dialog import PainDialog
from spinecoach.ui.history.controller import HistoryController
from spinecoach.ui.history.import_dialog import ImportPreviewDialog
from spinecoach.ui.history.locale_text import count, date_and_time, time_of_day, weekday_day_month
from spinecoach.ui.history.report import write_report
from spinecoach.ui.history.session_dialog import SessionDetailsDialog
from spinecoach.ui.history.view import HistoryView
from spinecoach.ui.widgets.callout import callout
from spinecoach.ui.widgets.page_scroll import scrolling_page


class HistoryArea(QWidget):
    """Hosts the History view and carries out its requests."""

    def __init__(
        self,
        view: HistoryView,
        controller: HistoryController,
        exercise_names: Callable[[tuple[str, ...]], list[str]],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("historyArea")
        self.view = view
        self.controller = controller
        self._exercise_names = exercise_names
        self._deleted: int | None = None

        self.undo_bar, bar = callout("undoBar", "problems", spacing=0)
        row = QHBoxLayout()
        self.undo_text = QLabel()
        self.undo_text.setObjectName("undoText")
        self.undo_button = QPushButton(self.tr("Undo"))
        self.undo_button.setObjectName("undoButton")
        self.undo_button.clicked.connect(self.undo_delete)
        row.addWidget(self.undo_text, 1)
        row.addWidget(self.undo_button)
        bar.addLayout(row)
        self.undo_bar.hide()

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.undo_bar)
        # The page scrolls when the window is too small for the cards, chart and three rows of
        # the log (a 960 x 540 window, or 200 % text), instead of squeezing them.
        layout.addWidget(scrolling_page(view, "historyScroll"), 1)

        view.check_in_requested.connect(self.check_in)
        view.delete_requested.connect(self.delete_session)
        view.session_activated.connect(self.open_session)
        view.report_requested.connect(self.save_report)
        view.export_requested.connect(self.export_csv)
        view.import_requested.connect(self.import_csv)
        view.set_file_actions_available(export=True, import_=True, report=True)

    def check_in(self) -> None:
        """Ask for a pain score now and record it (skipping records nothing)."""
        dialog = PainDialog(after=False, check_in=True, parent=self)
        dialog.exec()
        answer = dialog.answer()
        if answer.score is not None:
            self.controller.check_in(answer.score, answer.note)

    def delete_session(self, session_id: int) -> None:
        """Hide a session (and its scores) at once; offer to undo."""
        try:
            session = self.controller.delete_session(session_id)
        except Exception as error:  # classified below; a bug re-raises
            self._refused(self.tr("The session was not deleted"), error)
            return
        self._deleted = session_id
        self.undo_button.show()
        started = session.started_at
        when = date_and_time(weekday_day_month(started), time_of_day(started))
        self.undo_text.setText(
            self.tr("Deleted “{routine}” of {when}.").format(
                routine=self.controller.routine_name(session), when=when
            )
        )
        self.undo_bar.show()

    def undo_delete(self) -> None:
        """Bring the last deleted session back."""
        if self._deleted is not None:
            try:
                self.controller.restore_session(self._deleted)
            except Exception as error:  # classified below; a bug re-raises
                self._refused(self.tr("The session could not be brought back yet"), error)
                return
            self.view.select_session(self._deleted)
        self._deleted = None
        self.undo_bar.hide()

    def _refused(self, what: str, error: Exception) -> None:
        """Storage refused a delete or undo: nothing changed; say so (a bug still raises)."""
        from PySide6.QtWidgets import QMessageBox

        from spinecoach.storage.failures import describe_failure

        problem = describe_failure(error)
        if problem is None:
            raise error
        QMessageBox.warning(
            self,
            self.tr("Nothing was changed"),
            self.tr("{what}: {problem}. Nothing was changed.").format(
                what=what, problem=problem.words
            ),
        )

    def open_session(self, session_id: int) -> None:
        """Show a session's details; save its note or repeat it."""
        row = next(
            (
                self.view.model.row_at(r)
                for r in range(self.view.model.rowCount())
                if self.view.model.row_at(r).session_id == session_id
            ),
            None,
        )
        if row is None:
            return
        done = self.controller.exercises_done(session_id)
        dialog = SessionDetailsDialog(row, self._exercise_names(done), parent=self)
        result = dialog.exec()
        if result == SessionDetailsDialog.DialogCode.Accepted:
            self.controller.update_note(session_id, dialog.note_text())
        elif result == SessionDetailsDialog.REPEAT:
            self.controller.repeat_requested.emit(row.routine_id)

    def save_report(self) -> None:
        """Ask where, then write the one-page PDF for a clinician."""
        from PySide6.QtWidgets import QFileDialog, QMessageBox

        suggested = str(Path.home() / "SpineCoach report.pdf")
        path, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Save the report"), suggested, self.tr("PDF documents (*.pdf)")
        )
        if not path:
            return
        target = Path(path)
        if target.suffix.lower() != ".pdf":
            target = target.with_suffix(".pdf")
        try:
            write_report(target, self.controller.report_content())
        except OSError as error:
            QMessageBox.warning(
                self,
                self.tr("Report not saved"),
                self.tr("Could not write {path}: {error}").format(path=target, error=error),
            )
            return
        self.show_message(self.tr("Report saved to {path}.").format(path=target))

    def show_message(self, text: str) -> None:
        """A short confirmation in the bar above the view (no undo offered)."""
        self._deleted = None
        self.undo_text.setText(text)
        self.undo_button.hide()
        self.undo_bar.show()

    def export_csv(self) -> None:
        """Ask where, then write every session and pain score as CSV."""
        from PySide6.QtWidgets import QFileDialog, QMessageBox

        from spinecoach.storage.csv_io import CsvFileError, export_csv

        suggested = str(Path.home() / "SpineCoach history.csv")
        path, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Export your history"), suggested, self.tr("CSV files (*.csv)")
        )
        if not path:
            return
        target = Path(path)
        try:
            # The file dialog has already asked before replacing an existing file.
            result = export_csv(self.controller.database, target, overwrite=True)
        except (OSError, CsvFileError) as error:
            QMessageBox.warning(
                self,
                self.tr("Nothing exported"),
                self.tr("Could not write {path}: {error}").format(path=target, error=error),
            )
            return
        self.show_message(
            self.tr("Exported {sessions} sessions and {pain_scores} pain scores to {path}.").format(
                sessions=count(result.sessions),
                pain_scores=count(result.pain_entries),
                path=result.path,
            )
        )

    def import_csv(self) -> None:
        """Read a CSV, show what is valid and what is not, import only on confirmation."""
        from PySide6.QtWidgets import QFileDialog, QMessageBox

        from spinecoach.storage.csv_io import CsvFileError, read_csv

        path, _filter = QFileDialog.getOpenFileName(
            self,
            self.tr("Import a history"),
            str(Path.home()),
            self.tr("CSV files (*.csv);;All files (*)"),
        )
        if not path:
            return
        try:
            preview = read_csv(Path(path), now=self.controller.now())
        except CsvFileError as error:
            QMessageBox.warning(self, self.tr("Nothing imported"), str(error))
            return
        self.confirm_import(preview)

    def confirm_import(self, preview: ImportPreview) -> ImportResult | None:
        """Show the preview; write the valid rows only if the person agrees."""
        from spinecoach.storage.csv_io import apply_import

        dialog = ImportPreviewDialog(preview, parent=self)
        if dialog.exec() != ImportPreviewDialog.DialogCode.Accepted:
            return None
        result = apply_import(self.controller.database, preview)
        self.controller.refresh()
        self.show_message(
            self.tr("Imported {added} rows; skipped {skipped} already here.").format(
                added=count(result.added), skipped=count(result.skipped_duplicates)
            )
        )
        return result
