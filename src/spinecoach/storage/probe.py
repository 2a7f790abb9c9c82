"""Looking at an existing data file, without changing it, to decide how it may be opened.

The probe uses a read-only connection so that merely looking (for instance at a file from a
newer SpineCoach) never alters a byte. Only SQLite's "not a database" and "corrupt" answers
count as damage; a locked or unreadable file raises instead, because moving a healthy file
aside just because another program held it for a moment would hide the user's history.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from pathlib import Path

from spinecoach.storage.connection import (
    SQLITE_CORRUPT,
    SQLITE_NOTADB,
    SQLITE_READONLY,
    connect,
    error_code,
)
from spinecoach.storage.files import companions


@dataclass(frozen=True)
class Probe:
    """What an existing file holds. `damage` is SQLite's complaint when it is not usable."""

    user_version: int = 0
    application_id: int = 0
    has_content: bool = False
    damage: str | None = None


def probe_database(path: Path) -> Probe:
    """Report the file's version, owner and health, without changing it."""
    if _is_blank(path):
        return Probe()
    try:
        return _look(path, read_only=True)
    except sqlite3.DatabaseError as exc:
        code = error_code(exc)
        if code in (SQLITE_NOTADB, SQLITE_CORRUPT):
            return Probe(damage=str(exc))
        if code != SQLITE_READONLY:
            raise
    # A hot journal left by a crash can only be rolled back by a writable connection; that
    # rollback is SQLite's own crash recovery and restores the last committed state.
    try:
        return _look(path, read_only=False)
    except sqlite3.DatabaseError as exc:
        if error_code(exc) in (SQLITE_NOTADB, SQLITE_CORRUPT):
            return Probe(damage=str(exc))
        raise


def _is_blank(path: Path) -> bool:
    """Tell whether the file is empty with no WAL beside it: nothing was ever committed."""
    if path.stat().st_size:
        return False
    wal = companions(path)[0]
    return not (wal.exists() and wal.stat().st_size)


def _look(path: Path, *, read_only: bool) -> Probe:
    connection = connect(path, read_only=read_only)
    try:
        user_version = int(connection.execute("PRAGMA user_version").fetchone()[0])
        application_id = int(connection.execute("PRAGMA application_id").fetchone()[0])
        objects = int(connection.execute("SELECT count(*) FROM sqlite_master").fetchone()[0])
        verdict = [str(row[0]) for row in connection.execute("PRAGMA quick_check")]
    finally:
        connection.close()
    damage = None if verdict == ["ok"] else "; ".join(verdict[:5])
    return Probe(
        user_version=user_version,
        application_id=application_id,
        has_content=bool(user_version or objects),
        damage=damage,
    )
