"""The History area: the view, its controller, and the dialogs it opens (check-in, details).

Deleting a session or a check-in, and correcting a check-in, take effect at once but are never
final: a bar offers "Undo" until the next action, and deleted rows are only hidden in the
database, never erased. The file dialogs open in the folder last used (`last_folder`).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from spinecoach.core import settings as keys
from spinecoach.core.report_period import ReportPeriod
from spinecoach.storage.csv_io import ExportResult, ImportPreview, ImportResult
from spinecoach.ui.care.pain_dialog import PainDialog
from spinecoach.ui.history.check_in_dialog import CheckInDialog
from spinecoach.ui.history.controller import HistoryController
from spinecoach.ui.history.import_dialog import ImportPreviewDialog
from spinecoach.ui.history.locale_text import date_and_time, time_of_day, weekday_day_month
from spinecoach.ui.history.report import write_report
from spinecoach.ui.history.session_dialog import SessionDetailsDialog
from spinecoach.ui.history.view import HistoryView
from spinecoach.ui.widgets.callout import callout
from spinecoach.ui.widgets.page_scroll import scrolling_page

if TYPE_CHECKING:
    from spinecoach.storage.settings_store import SettingsStore


class _UndoRefusedError(Exception):
    """An undo storage refused (and said so): the bar keeps offering it."""


class FolderMemory(Protocol):
    """Where the file dialogs open: the folder last used (kept in the state file)."""

    def get(self) -> str:
        """The folder last used ("" for none yet)."""

    def set(self, folder: str) -> None:
        """Remember a folder."""


class SettingFolder:
    """The folder kept in the UI_LAST_FOLDER setting (the state file), read and written."""

    def __init__(self, settings: SettingsStore) -> None:
        self._settings = settings

    def get(self) -> str:
        """The folder last used ("" for none yet)."""
        return self._settings.get(keys.UI_LAST_FOLDER)

    def set(self, folder: str) -> None:
        """Remember a folder (a failed write of the state file keeps it for this run)."""
        self._settings.set(keys.UI_LAST_FOLDER, folder)


class _ForThisRun:
    """A folder remembered while the app runs (when the app gives no state file)."""

    def __init__(self) -> None:
        self._folder = ""

    def get(self) -> str:
        return self._folder

    def set(self, folder: str) -> None:
        self._folder = folder


class HistoryArea(QWidget):
    """Hosts the History view and carries out its requests."""

    def __init__(
        self,
        view: HistoryView,
        controller: HistoryController,
        exercise_names: Callable[[tuple[str, ...]], list[str]],
        parent: QWidget | None = None,
        *,
        last_folder: FolderMemory | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("historyArea")
        self.view = view
        self.controller = controller
        self._exercise_names = exercise_names
        controller.set_exercise_names(exercise_names)
        self._last_folder: FolderMemory = last_folder or _ForThisRun()
        self._deleted: int | None = None
        #: What "Undo" does now (None: the bar only says something).
        self._undo: Callable[[], None] | None = None

        self.undo_bar, bar = callout("undoBar", "problems", spacing=0)
        row = QHBoxLayout()
        self.undo_text = QLabel()
        self.undo_text.setObjectName("undoText")
        self.undo_button = QPushButton(self.tr("Undo"))
        self.undo_button.setObjectName("undoButton")
        self.undo_button.clicked.connect(self.undo)
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
        view.check_in_edit_requested.connect(self.edit_check_in)
        view.check_in_delete_requested.connect(self.delete_check_in)
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
        started = session.started_at
        when = date_and_time(weekday_day_month(started), time_of_day(started))
        self._offer_undo(
            self.tr("Deleted “{routine}” of {when}.").format(
                routine=self.controller.routine_name(session), when=when
            ),
            self._restore_session,
        )

    def _restore_session(self) -> None:
        if self._deleted is None:
            return
        try:
            self.controller.restore_session(self._deleted)
        except Exception as error:  # classified below; a bug re-raises
            self._refused(self.tr("The session could not be brought back yet"), error)
            raise _UndoRefusedError from error
        self.view.select_session(self._deleted)
        self._deleted = None

    def edit_check_in(self, entry_id: int) -> None:
        """Correct a check-in's score and note; offer to undo the change."""
        row = self.view.check_in_row(entry_id)
        if row is None:
            return
        dialog = CheckInDialog(row, parent=self)
        if dialog.exec() != CheckInDialog.DialogCode.Accepted:
            return
        score, note = dialog.score(), dialog.note_text()
        if (score, note) == (row.score, row.note):
            return
        try:
            self.controller.update_check_in(entry_id, score, note)
        except Exception as error:  # classified below; a bug re-raises
            self._refused(self.tr("The check-in was not changed"), error)
            return

        def change_back() -> None:
            try:
                self.controller.update_check_in(entry_id, row.score, row.note)
            except Exception as error:  # classified below; a bug re-raises
                self._refused(self.tr("The check-in could not be changed back yet"), error)
                raise _UndoRefusedError from error
            self.view.select_check_in(entry_id)

        self._offer_undo(
            self.tr("Check-in of {when} changed: pain {before} → {after}.").format(
                when=row.date_text, before=row.score, after=score
            ),
            change_back,
        )
        self.view.select_check_in(entry_id)

    def delete_check_in(self, entry_id: int) -> None:
        """Hide a check-in at once; offer to undo."""
        row = self.view.check_in_row(entry_id)
        try:
            self.controller.delete_check_in(entry_id)
        except Exception as error:  # classified below; a bug re-raises
            self._refused(self.tr("The check-in was not deleted"), error)
            return

        def bring_back() -> None:
            try:
                self.controller.restore_check_in(entry_id)
            except Exception as error:  # classified below; a bug re-raises
                self._refused(self.tr("The check-in could not be brought back yet"), error)
                raise _UndoRefusedError from error
            self.view.select_check_in(entry_id)

        when = row.date_text if row is not None else ""
        self._offer_undo(self.tr("Deleted the check-in of {when}.").format(when=when), bring_back)

    def _offer_undo(self, text: str, undo: Callable[[], None]) -> None:
        self._undo = undo
        self.undo_text.setText(text)
        self.undo_button.show()
        self.undo_bar.show()

    def undo(self) -> None:
        """Take back the last deletion or correction (the bar stays if storage refused)."""
        undo, self._undo = self._undo, None
        if undo is not None:
            try:
                undo()
            except _UndoRefusedError:
                self._undo = undo
                return
        self._deleted = None
        self.undo_bar.hide()

    def undo_delete(self) -> None:
        """Bring the last deleted session or check-in back (what "Undo" does)."""
        self.undo()

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
        done = self._exercise_names(self.controller.exercises_done(session_id))
        skipped = self._exercise_names(self.controller.exercises_skipped(session_id))
        dialog = SessionDetailsDialog(row, done, parent=self, skipped=skipped)
        result = dialog.exec()
        if result == SessionDetailsDialog.DialogCode.Accepted:
            self.controller.update_note(session_id, dialog.note_text())
        elif result == SessionDetailsDialog.REPEAT:
            self.controller.repeat_requested.emit(row.routine_id)

    def save_report(self) -> None:
        """Ask for the period, then where; write the clinician's PDF there (0600).

        A file is only ever replaced when the person agreed: the save dialog asks about the
        name it returns; when ".pdf" is added to that name and the result exists, this asks.
        """
        from PySide6.QtWidgets import QFileDialog

        from spinecoach.ui.history.report_period_dialog import ReportPeriodDialog

        question = ReportPeriodDialog(self)
        if question.exec() != ReportPeriodDialog.DialogCode.Accepted:
            return
        period = question.period()
        suggested = str(self.folder() / "SpineCoach report.pdf")
        path, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Save the report"), suggested, self.tr("PDF documents (*.pdf)")
        )
        if not path:
            return
        target = Path(path)
        agreed = target.exists()  # the save dialog has asked before returning an existing file
        if target.suffix.lower() != ".pdf":
            target = target.with_name(target.name + ".pdf")
            agreed = target.exists() and self.confirm_replace(target)
            if target.exists() and not agreed:
                return
        self.remember_folder(target)
        self.write_report_file(target, period, overwrite=agreed)

    def confirm_replace(self, target: Path) -> bool:
        """Ask before replacing `target`, which the save dialog did not name; True: replace."""
        from PySide6.QtWidgets import QMessageBox

        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(self.tr("Replace the file?"))
        box.setText(
            self.tr("{name} already exists. Replace it with the new report?").format(
                name=target.name
            )
        )
        replace = box.addButton(self.tr("Replace"), QMessageBox.ButtonRole.AcceptRole)
        keep = box.addButton(self.tr("Keep the old file"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(keep)
        box.exec()
        return box.clickedButton() is replace

    def write_report_file(self, target: Path, period: ReportPeriod, *, overwrite: bool) -> bool:
        """Write the report for `period` at `target`; say how it went. True when written."""
        from PySide6.QtWidgets import QMessageBox

        try:
            content = self.controller.report_content(period, self._exercise_names)
            write_report(target, content, overwrite=overwrite)
        except FileExistsError:
            QMessageBox.warning(
                self,
                self.tr("Report not saved"),
                self.tr(
                    "{path} already exists; nothing was written. Save it again to choose."
                ).format(path=target),
            )
            return False
        except OSError as error:
            QMessageBox.warning(
                self,
                self.tr("Report not saved"),
                self.tr("Could not write {path}: {error}").format(path=target, error=error),
            )
            return False
        self.show_message(self.tr("Report saved to {path}.").format(path=target))
        return True

    def show_message(self, text: str) -> None:
        """A short confirmation in the bar above the view (no undo offered)."""
        self._deleted = None
        self._undo = None
        self.undo_text.setText(text)
        self.undo_button.hide()
        self.undo_bar.show()

    def folder(self) -> Path:
        """Where a file dialog opens: the folder last used, else the home folder."""
        remembered = self._last_folder.get()
        if remembered and Path(remembered).is_dir():
            return Path(remembered)
        return Path.home()

    def remember_folder(self, chosen: Path) -> None:
        """Remember the folder of a file just saved or opened, for the next file dialog."""
        self._last_folder.set(str(chosen.parent))

    def export_csv(self) -> None:
        """Ask where, then write every session, pain score and "this hurts" as CSV."""
        from PySide6.QtWidgets import QFileDialog, QMessageBox

        from spinecoach.storage.csv_io import CsvFileError, export_csv

        suggested = str(self.folder() / "SpineCoach history.csv")
        path, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Export your history"), suggested, self.tr("CSV files (*.csv)")
        )
        if not path:
            return
        target = Path(path)
        self.remember_folder(target)
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
        self.show_message(self.exported_words(result))

    def exported_words(self, result: ExportResult) -> str:
        """What an export wrote, counted: "Exported 1 session and 2 pain scores to …"."""
        sessions = self.tr("%n session(s)", "", result.sessions)
        pain_scores = self.tr("%n pain score(s)", "", result.pain_entries)
        if result.hurt_events:
            hurts = self.tr("%n “this hurts” answer(s)", "", result.hurt_events)
            return self.tr("Exported {sessions}, {pain_scores} and {hurts} to {path}.").format(
                sessions=sessions, pain_scores=pain_scores, hurts=hurts, path=result.path
            )
        return self.tr("Exported {sessions} and {pain_scores} to {path}.").format(
            sessions=sessions, pain_scores=pain_scores, path=result.path
        )

    def import_csv(self) -> None:
        """Read a CSV, show what is valid and what is not, import only on confirmation."""
        from PySide6.QtWidgets import QFileDialog, QMessageBox

        from spinecoach.storage.csv_io import CsvFileError, read_csv

        path, _filter = QFileDialog.getOpenFileName(
            self,
            self.tr("Import a history"),
            str(self.folder()),
            self.tr("CSV files (*.csv);;All files (*)"),
        )
        if not path:
            return
        self.remember_folder(Path(path))
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
        self.show_message(self.imported_words(result))
        return result

    def imported_words(self, result: ImportResult) -> str:
        """What an import did, counted: "Imported 1 row; 3 rows already here skipped."."""
        if not result.skipped_duplicates:
            return self.tr("Imported %n row(s).", "", result.added)
        added = self.tr("Imported %n row(s)", "", result.added)
        skipped = self.tr("%n row(s) already here skipped", "", result.skipped_duplicates)
        return self.tr("{imported}; {skipped}.").format(imported=added, skipped=skipped)
