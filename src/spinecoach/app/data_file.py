"""The data file, opened once through one entry point, and the person told when it cannot be.

`open()` is that entry point: migrate, repair, or set a damaged file aside (see
`storage.opening`), then build on it the settings (`SettingsStore`, with the window's state file)
and the one write path for health data (`StorageStatus` over `SafeWriter`: what cannot be
written is kept in the pending journal and retried, and the person is told). `open_or_quit()`
adds the conversation for a file that will not open: a dialog to wait for a lock, try again,
open read-only or quit; a foreign file or a failed upgrade is explained and left untouched.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from spinecoach import paths
from spinecoach.core.clock import Clock
from spinecoach.storage.errors import StorageError

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from spinecoach.storage.failures import StorageProblem
    from spinecoach.storage.opening import OpenedDatabase
    from spinecoach.storage.settings_store import SettingsStore
    from spinecoach.storage.state_file import StateFile
    from spinecoach.ui.shell.storage_status import StorageStatus

log = logging.getLogger(__name__)


class DataFile:
    """The open data file and what is built on it: settings and the health-data write path."""

    def __init__(
        self,
        data_dir: Path,
        clock: Clock,
        state: StateFile,
        parent: Callable[[], QWidget | None],
        tell: Callable[[str], object],
    ) -> None:
        # `parent`: the window for dialogs, if there is one (none while started in the tray);
        # `tell`: shows a message about the person's data (the window's banner, the tray).
        self.data_dir = data_dir
        self.path = paths.database_path(data_dir)
        self._clock = clock
        self._state = state
        self._parent = parent
        self._tell = tell
        self._database: OpenedDatabase | None = None
        self._settings: SettingsStore | None = None
        self._status: StorageStatus | None = None
        self._refusal: StorageError | None = None
        self._waiting: list[Callable[[], object]] = []

    @property
    def is_open(self) -> bool:
        """Whether the data file has been opened (possibly read-only)."""
        return self._database is not None

    @property
    def database(self) -> OpenedDatabase:
        """The open data file; opening is `open()`'s job, so asking earlier is a bug."""
        if self._database is None:
            raise RuntimeError("the data file is not open yet")
        return self._database

    @property
    def settings(self) -> SettingsStore:
        """Every setting: the window's from the state file, the rest from the data file."""
        if self._settings is None:
            raise RuntimeError("the data file is not open yet")
        return self._settings

    @property
    def status(self) -> StorageStatus:
        """The one write path for health data (`writer`) and its face: notices and retries."""
        if self._status is None:
            raise RuntimeError("the data file is not open yet")
        return self._status

    def when_open(self, callback: Callable[[], object]) -> None:
        """Call `callback` once the data file is open (now, if it is)."""
        if self._database is not None:
            callback()
        else:
            self._waiting.append(callback)

    def open(self, *, busy_timeout: float | None = None) -> OpenedDatabase:
        """Open the data file (once; later calls return it). Raises StorageError and OSError.

        A session still "in progress" from an earlier run was cut short (crash, power cut): it
        is kept and shown as incomplete, never lost.
        """
        if self._database is not None:
            return self._database
        from spinecoach.storage.connection import BUSY_TIMEOUT_SECONDS
        from spinecoach.storage.opening import open_database

        database = open_database(
            self.path,
            now=self._clock.now(),
            busy_timeout=BUSY_TIMEOUT_SECONDS if busy_timeout is None else busy_timeout,
        )
        if not database.read_only:
            abandoned = database.mark_abandoned_sessions(self._clock.now())
            if abandoned:
                log.info("%d interrupted session(s) kept as incomplete", len(abandoned))
        self._use(database)
        return database

    def open_or_quit(self) -> bool:
        """Open the data file, or tell the person why it cannot be and end with exit code 1.

        For the steps after the first paint; False means stop there. The explanation is shown
        once however many steps ask.
        """
        from PySide6.QtWidgets import QApplication

        from spinecoach.storage.errors import ForeignDatabaseError, MigrationError

        if self._database is not None:
            return True
        while self._refusal is None:
            try:
                self.open()
                return True
            except (ForeignDatabaseError, MigrationError) as error:
                # A foreign file or a failed upgrade: say so plainly; the file is untouched.
                from PySide6.QtCore import QCoreApplication
                from PySide6.QtWidgets import QMessageBox

                self._refusal = error
                log.error("cannot open the data folder: %s", error)
                title = QCoreApplication.translate("DataFile", "SpineCoach cannot open your data")
                QMessageBox.critical(self._parent(), title, str(error))
            except Exception as error:  # classified below; a bug re-raises
                # Imported only now: the dialogs cost ~15 ms, and a file that opens needs none.
                from spinecoach.storage.failures import describe_failure
                from spinecoach.ui.shell import storage_dialogs

                problem = describe_failure(error, self.data_dir)
                if problem is None:
                    raise
                log.error("cannot open the data file (%s): %s", problem.code, error)
                choice = self.ask_about(problem)
                if choice == storage_dialogs.OPENED:
                    return True
                if choice == storage_dialogs.READ_ONLY and self._open_read_only():
                    return True
                if choice == storage_dialogs.QUIT:
                    self._refusal = StorageError(problem.words)
        QApplication.exit(1)
        return False

    def ask_about(self, problem: StorageProblem) -> str:
        """The dialog for a data file that would not open; returns the person's choice."""
        from spinecoach.ui.shell.storage_dialogs import StorageProblemDialog

        dialog = StorageProblemDialog(problem, self.path, self._try_quickly, self._parent())
        dialog.exec()
        return dialog.choice

    def close(self) -> None:
        """Release the data file, if it was opened (everything is already committed)."""
        if self._database is not None:
            self._database.close()

    def _try_quickly(self) -> bool:
        """One more try while waiting for another program's lock (a short wait, not 5 s)."""
        try:
            self.open(busy_timeout=0.2)
        except Exception as error:  # still locked, or another failure: keep waiting
            log.info("the data file is still not available: %s", error)
            return False
        return True

    def _open_read_only(self) -> bool:
        """Open the file read-only (the person's choice); False if even that fails."""
        from spinecoach.storage.opening import open_read_only

        try:
            database = open_read_only(self.path)
        except Exception as error:
            log.error("the data file cannot be read either: %s", error)
            return False
        self._use(database)
        return True

    def _use(self, database: OpenedDatabase) -> None:
        """Build the settings and the write path on `database`; say what opening found."""
        from spinecoach.storage.journal import PENDING_FILE_NAME, PendingJournal
        from spinecoach.storage.safe_writer import SafeWriter
        from spinecoach.storage.settings_store import SettingsStore
        from spinecoach.ui.shell.storage_status import StorageStatus

        self._database = database
        self._settings = SettingsStore(database, self._state)
        moved = self._settings.move_window_state_out()
        if moved:
            log.info("window settings moved to %s: %s", self._state.path, ", ".join(moved))
        journal = PendingJournal(self.data_dir / PENDING_FILE_NAME)
        self._status = StorageStatus(SafeWriter(database, journal))
        self._status.problem.connect(self._tell)
        self._status.resolved.connect(self._tell)
        if database.notice:
            self._tell(database.notice)
        self._status.start()  # what an earlier run could not save is saved now
        waiting, self._waiting = self._waiting, []
        for callback in waiting:
            callback()
