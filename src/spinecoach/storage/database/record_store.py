"""The open data file under every part of the Database: reads, and writes as one transaction.

Each store of the Database (pain entries, sessions, ...) builds on RecordStore, so all of them
share one connection, one read-only policy and one way to write; the checks several of them
make live here too.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from types import TracebackType
from typing import Self

from spinecoach.storage.connection import SQLITE_READONLY, error_code
from spinecoach.storage.errors import ReadOnlyDatabaseError, StorageError
from spinecoach.storage.timecodec import from_iso, require_aware, to_epoch, to_iso


class RecordStore:
    """One SQLite connection, open read-write or read-only, until close()."""

    def __init__(
        self, connection: sqlite3.Connection, *, read_only: bool, read_only_reason: str = ""
    ) -> None:
        self._connection: sqlite3.Connection | None = connection
        self._read_only = read_only
        self._read_only_reason = read_only_reason or "the data file is open read-only"

    @property
    def read_only(self) -> bool:
        """True when every write raises ReadOnlyDatabaseError."""
        return self._read_only

    @property
    def closed(self) -> bool:
        """True after close()."""
        return self._connection is None

    def close(self) -> None:
        """Close the file. Everything was already committed; this only releases it."""
        if self._connection is not None:
            self._connection.close()
            self._connection = None

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()

    def _count(self, sql: str) -> int:
        row = self._read().execute(sql).fetchone()
        return int(row[0])

    def _read(self) -> sqlite3.Connection:
        if self._connection is None:
            raise StorageError("the database has been closed")
        return self._connection

    @contextmanager
    def _write(self) -> Iterator[sqlite3.Connection]:
        """One committed transaction; on any error it is rolled back and nothing is written.

        BEGIN IMMEDIATE takes the write lock up front so the reads that decide a write (is the
        session still in progress?) cannot be invalidated by another connection before commit.
        """
        if self._read_only:
            raise ReadOnlyDatabaseError(self._read_only_reason)
        connection = self._read()
        try:
            connection.execute("BEGIN IMMEDIATE")
            try:
                yield connection
                connection.execute("COMMIT")
            except BaseException:
                if connection.in_transaction:
                    connection.execute("ROLLBACK")
                raise
        except sqlite3.Error as exc:
            if error_code(exc) == SQLITE_READONLY:
                raise ReadOnlyDatabaseError(
                    f"the data file cannot be written (is it read-only on disk?): {exc}"
                ) from exc
            raise


def require_new(kind: str, record_id: int | None) -> None:
    """Refuse a record that already has an id: adding it again would store it twice."""
    if record_id is not None:
        raise ValueError(f"this {kind} is already stored (id {record_id}); add only new ones")


def inserted_id(cursor: sqlite3.Cursor) -> int:
    """The id SQLite gave the row an INSERT just stored."""
    if cursor.lastrowid is None:  # pragma: no cover - SQLite always sets it after an INSERT
        raise StorageError("SQLite did not report the new row's id")
    return cursor.lastrowid


def epoch_range(start: datetime, end: datetime) -> tuple[float, float]:
    """[start, end) as the epoch seconds the range queries compare; both must be aware."""
    low = to_epoch(require_aware("start", start))
    high = to_epoch(require_aware("end", end))
    if low > high:
        raise ValueError(f"the range start {to_iso(start)} is after its end {to_iso(end)}")
    return low, high


def stored_time(value: object) -> datetime:
    """A time as stored (ISO text with its offset); StorageError for anything else."""
    if not isinstance(value, str):
        raise StorageError(f"a stored time is {value!r}, not text")
    return from_iso(value)
