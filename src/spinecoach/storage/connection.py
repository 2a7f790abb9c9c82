"""Opening SQLite connections the one way SpineCoach wants them.

Connections run in autocommit mode (isolation_level=None) and every write states its own
transaction explicitly, because Python 3.11's implicit transactions start only at the first
INSERT/UPDATE, leaving reads that decide a write outside the transaction.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Final

BUSY_TIMEOUT_SECONDS: Final = 5.0

# Primary result codes (https://sqlite.org/rescode.html); extended codes carry them in the low byte.
SQLITE_BUSY: Final = 5
SQLITE_LOCKED: Final = 6
SQLITE_READONLY: Final = 8
SQLITE_IOERR: Final = 10
SQLITE_CORRUPT: Final = 11
SQLITE_FULL: Final = 13
SQLITE_CANTOPEN: Final = 14
SQLITE_NOTADB: Final = 26


def error_code(exc: sqlite3.Error) -> int | None:
    """SQLite's primary result code for an error, or None when Python raised it itself."""
    code = getattr(exc, "sqlite_errorcode", None)
    return code & 0xFF if isinstance(code, int) else None


def connect(
    path: Path,
    *,
    read_only: bool,
    immutable: bool = False,
    busy_timeout: float = BUSY_TIMEOUT_SECONDS,
) -> sqlite3.Connection:
    """Connect to an existing file, never creating one.

    mode=rw fails rather than making a new database with default (world-readable)
    permissions if the file vanished after we created it privately. `immutable` (read-only
    only) takes no locks and creates no -wal/-shm files: for a first look at a file that may
    be another program's, where we must leave no trace; it is exact only when no WAL is there.
    `busy_timeout`: how long a write waits for another program's lock before SQLITE_BUSY.
    """
    if immutable and not read_only:
        raise ValueError("only a read-only connection can treat the file as immutable")
    query = f"mode={'ro' if read_only else 'rw'}{'&immutable=1' if immutable else ''}"
    uri = f"{path.absolute().as_uri()}?{query}"
    connection = sqlite3.connect(uri, uri=True, isolation_level=None, timeout=busy_timeout)
    connection.row_factory = sqlite3.Row
    return connection


def configure_writable(connection: sqlite3.Connection) -> None:
    """Set up a connection that writes: foreign keys, WAL, full sync.

    WAL so a crash never loses a committed entry; synchronous=FULL so "committed" means on
    disk even after a power cut (WAL's cheaper NORMAL may drop the last commits).
    """
    connection.execute("PRAGMA foreign_keys = ON")
    connection.execute("PRAGMA journal_mode = WAL")
    connection.execute("PRAGMA synchronous = FULL")


def configure_read_only(connection: sqlite3.Connection) -> None:
    """Add a second lock besides mode=ro, so even a bug in our SQL cannot change the file."""
    connection.execute("PRAGMA query_only = ON")
