"""Storage faults for tests: SQLite's real error codes raised from a real Database's writes."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager

from spinecoach.storage.database import Database


def sqlite_error(code: int, text: str) -> sqlite3.OperationalError:
    """An OperationalError carrying `code` the way SQLite itself sets it."""
    error = sqlite3.OperationalError(text)
    error.sqlite_errorcode = code
    return error


DISK_FULL = sqlite_error(13, "database or disk is full")
LOCKED = sqlite_error(5, "database is locked")
READ_ONLY = sqlite_error(8, "attempt to write a readonly database")


class Faults:
    """Makes a real Database's write transactions fail while `error` is set (reads still work)."""

    def __init__(self, database: Database) -> None:
        self.error: BaseException | None = None
        original = database._write

        @contextmanager
        def faulty() -> Iterator[sqlite3.Connection]:
            if self.error is not None:
                raise self.error
            with original() as connection:
                yield connection

        database._write = faulty  # type: ignore[method-assign]
