"""Copying the data file before a migration, so an upgrade can always be undone by hand.

The copy goes through SQLite's online backup API from the open connection, which includes
whatever is still only in the -wal file; copying the main file alone could miss recent entries.

A file named `….backup-v<N>-<stamp>.sqlite3` is always a whole, verified copy. The copy is
written under a temporary name (`.<name>.unfinished-copy-<random>.tmp`, which never looks like a
backup) and gets its backup name only after it passed `PRAGMA integrity_check`. Measured before
this: a run killed during the copy left a broken file under a good backup's name in 2 of 30
runs. A temporary left by a killed run is removed the next time the file is opened for writing.
"""

from __future__ import annotations

import os
import sqlite3
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from spinecoach.storage.connection import connect
from spinecoach.storage.errors import MigrationError
from spinecoach.storage.files import publish_unique

_UNFINISHED = "unfinished-copy-"


def backup_name_stem(database: Path, version: int, stamp: str) -> str:
    """Name the backup after the file and the version it holds, so restoring is obvious."""
    return f"{database.name}.backup-v{version}-{stamp}"


def unfinished_copies(database: Path) -> list[Path]:
    """Temporaries of copies that never finished (a killed run), with their -journal/-wal."""
    return sorted(database.parent.glob(f".{database.name}.{_UNFINISHED}*"))


def discard_unfinished_copies(database: Path) -> list[Path]:
    """Remove what killed backups left behind; return what was removed.

    Done under the data file's write lock: a backup in progress holds that lock for its whole
    copy (see `backup_database`), so whatever is found while we hold it belongs to a dead run.
    The directory listing comes first, so the usual start-up (nothing left over) takes no lock.
    When the lock cannot be had (another program writes) or a leftover cannot be removed, the
    leftovers wait for next time.
    """
    if not unfinished_copies(database):
        return []
    try:
        with _write_lock(database):
            leftovers = unfinished_copies(database)
            for leftover in leftovers:
                leftover.unlink(missing_ok=True)
    except (sqlite3.Error, OSError):
        return []  # tidying up must never stop the user's data from opening
    return leftovers


def backup_database(source: sqlite3.Connection, database: Path, version: int, stamp: str) -> Path:
    """Write `<name>.backup-v<version>-<stamp>.sqlite3` beside the database and verify it.

    The backup is a single self-contained file (rollback journal mode, no -wal) that any
    SQLite tool can open. If it cannot be written and verified, MigrationError is raised so
    no migration runs without a good backup; nothing named like a backup is left behind.
    """
    try:
        with _write_lock(database):
            for leftover in unfinished_copies(database):
                leftover.unlink(missing_ok=True)
            temporary = _copy_to_temporary(source, database, version)
            try:
                return publish_unique(
                    temporary, backup_name_stem(database, version, stamp), ".sqlite3"
                )
            except BaseException:
                _discard_own_partial_copy(temporary)
                raise
    except (sqlite3.Error, OSError) as exc:
        raise MigrationError(
            f"could not back up the data file before upgrading it ({exc}); nothing was changed"
        ) from exc


@contextmanager
def _write_lock(database: Path) -> Iterator[None]:
    """Hold the data file's write lock, writing nothing.

    While we hold it no other SpineCoach changes the file or copies it, so the copy is one
    consistent moment and no other run's copy can be in progress. The lock is held by a
    connection of its own: SQLite's backup API refuses (SQLITE_LOCKED, which Python retries
    forever) to copy from a connection that is itself in a write transaction.
    """
    guard = connect(database, read_only=False)
    try:
        guard.execute("BEGIN IMMEDIATE")
        yield
    finally:
        if guard.in_transaction:
            guard.execute("ROLLBACK")
        guard.close()


def _copy_to_temporary(source: sqlite3.Connection, database: Path, version: int) -> Path:
    """Copy into a new 0600 temporary beside the database, check it, flush it; return it."""
    descriptor, name = tempfile.mkstemp(
        dir=database.parent, prefix=f".{database.name}.{_UNFINISHED}", suffix=".tmp"
    )
    os.close(descriptor)  # mkstemp made it 0600; SQLite writes into it and keeps that mode
    temporary = Path(name)
    try:
        copy = connect(temporary, read_only=False)
        try:
            source.backup(copy)
            copy.execute("PRAGMA journal_mode = DELETE")
            # The full check, not quick_check: a copy is only worth its name if its indexes
            # agree with its tables too (quick_check skips that; it costs ~10 ms on ten years).
            verdict = [str(row[0]) for row in copy.execute("PRAGMA integrity_check")]
            copied_version = int(copy.execute("PRAGMA user_version").fetchone()[0])
        finally:
            copy.close()
        if verdict != ["ok"] or copied_version != version:
            raise MigrationError(
                f"the backup copy of the data file did not verify ({'; '.join(verdict[:3])}, "
                f"version {copied_version}); the upgrade was not started and nothing was changed"
            )
        _flush(temporary)
    except BaseException:
        _discard_own_partial_copy(temporary)
        raise
    return temporary


def _flush(path: Path) -> None:
    """Make the copy's bytes durable before it is given a backup's name."""
    descriptor = os.open(path, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)


def _discard_own_partial_copy(target: Path) -> None:
    """Remove only the copy this function just created; the original is never touched."""
    for suffix in ("", "-journal", "-wal", "-shm"):
        target.with_name(target.name + suffix).unlink(missing_ok=True)
