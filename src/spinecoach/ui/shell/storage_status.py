"""Tells the person when something they entered is waiting to be saved, and keeps retrying.

`SafeWriter` (storage) keeps every write storage refused; this object is its face in the app:
each refused write is reported once, in words, through `problem`; while anything waits a timer
retries every `RETRY_SECONDS` (the writer also retries before every new write); when the last
pending write is stored, `resolved` says so. The window shows both in its notice banner, and the
tray too when the window is hidden.

Counted sentences are marked plural (`self.tr(text, "", n)`): each language's catalog, English's
too, gives their forms.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, QTimer, Signal

from spinecoach.storage.safe_writer import SafeWriter, WriteOutcome

log = logging.getLogger(__name__)

#: How often to try again while anything waits: often enough that a freed disk is noticed
#: within a minute, rarely enough to cost nothing (one failed transaction).
RETRY_SECONDS = 30


class StorageStatus(QObject):
    """Reports write outcomes and retries pending writes on a timer.

    Signals:
        problem(str): something could not be saved yet; the sentence to show.
        resolved(str): everything that waited is saved now; the sentence to show.
    """

    problem = Signal(str)
    resolved = Signal(str)

    def __init__(self, writer: SafeWriter, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.writer = writer
        self._timer = QTimer(self)
        self._timer.setObjectName("storageRetry")
        self._timer.setInterval(RETRY_SECONDS * 1000)
        self._timer.timeout.connect(self.retry)

    @property
    def retrying(self) -> bool:
        """True while the retry timer runs (something waits)."""
        return self._timer.isActive()

    def report(self, outcome: WriteOutcome) -> bool:
        """Tell the person about a write that is pending; True when it was stored."""
        if outcome.stored:
            self._after_retry()
            return True
        waiting = len(self.writer.pending)
        text = outcome.message
        if waiting > 1 and outcome.problem is not None:
            # One banner for the lot, not a new sentence per score over the old one.
            text = self.tr(
                "%n entries could not be saved yet: {why}. They are kept and will be saved as "
                "soon as the file can be written.",
                "",
                waiting,
            ).format(why=outcome.problem.words)
        if not self.writer.kept_on_disk:
            text += " " + self.tr(
                "It could not be written to the disk either, so it is kept in memory: please "
                "keep SpineCoach open until the problem is solved."
            )
        self.problem.emit(text)
        self._timer.start()
        return False

    def start(self) -> None:
        """At start-up: store what an earlier run left waiting, or say that it still waits."""
        if not self.writer.pending:
            return
        count = len(self.writer.pending)
        self.retry()
        if not self.writer.pending:
            saved = self.tr(
                "%n entr(y|ies) kept from an earlier run (has|have) been saved now.", "", count
            )
            self.resolved.emit(saved)
        else:
            problem = self.writer.last_problem
            if problem is not None:
                waits = self.tr(
                    "%n entr(y|ies) from an earlier run could not be saved yet: {why}. They are "
                    "kept and will be saved as soon as the file can be written.",
                    "",
                    count,
                )
                text = waits.format(why=problem.words)
            else:
                waits = self.tr(
                    "%n entr(y|ies) from an earlier run could not be saved yet. They are kept and "
                    "will be saved as soon as the file can be written.",
                    "",
                    count,
                )
                text = waits
            self.problem.emit(text)
            self._timer.start()

    def retry(self) -> None:
        """Try to store what waits (timer slot)."""
        try:
            self.writer.retry()
        except Exception:  # a bug while replaying must not stop the timer's loop for good
            log.exception("retrying the pending writes failed")
        self._after_retry()

    def stop(self) -> None:
        """No more retries (quitting); what waits stays in the journal for the next start."""
        self._timer.stop()

    def _after_retry(self) -> None:
        if self.writer.pending:
            return
        if self._timer.isActive():
            self._timer.stop()
            self.resolved.emit(self.tr("Everything you entered has been saved now."))
