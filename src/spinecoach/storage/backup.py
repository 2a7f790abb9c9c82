"""Copying the data file before a migration, so an upgrade can always be undone by hand.

The copy goes through SQLite's online backup API from the open connection, which includes
whatever is still only in the -wal file; copying the main file alone could miss recent entries.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from spinecoach.storage.connection import connect
from spinecoach.storage.errors import MigrationError
from spinecoach.storage.files import create_unique_private_file


def backup_name_stem(database: Path, version: int, stamp: str) -> str:
    """Name the backup after the file and the version it holds, so restoring is obvious."""
    return f"{database.name}.backup-v{version}-{stamp}"


def backup_database(source: sqlite3.Connection, database: Path, version: int, stamp: str) -> Path:
    """Write `<name>.backup-v<version>-<stamp>.sqlite3` beside the database and verify it.

    The backup is a single self-contained file (rollback journal mode, no -wal) that any
    SQLite tool can open. If it cannot be written and verified, MigrationError is raised so
    no migration runs without a good backup.
    """
    target = create_unique_private_file(
        database.parent, backup_name_stem(database, version, stamp), ".sqlite3"
    )
    try:
        copy = connect(target, read_only=False)
        try:
            source.backup(copy)
            copy.execute("PRAGMA journal_mode = DELETE")
            verdict = [str(row[0]) for row in copy.execute("PRAGMA quick_check")]
            copied_version = int(copy.execute("PRAGMA user_version").fetchone()[0])
        finally:
            copy.close()
    except sqlite3.Error as exc:
        _discard_own_partial_copy(target)
        raise MigrationError(
            f"could not back up the data file before upgrading it ({exc}); nothing was changed"
        ) from exc
    if verdict != ["ok"] or copied_version != version:
        _discard_own_partial_copy(target)
        raise MigrationError(
            f"the backup copy of the data file did not verify ({'; '.join(verdict)}, version "
            f"{copied_version}); the upgrade was not started and nothing was changed"
        )
    return target


def _discard_own_partial_copy(target: Path) -> None:
    """Remove only the copy this function just created; the original is never touched."""
    for leftover in (target, target.with_name(target.name + "-journal")):
        leftover.unlink(missing_ok=True)
