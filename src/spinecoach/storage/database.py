"""Opening SpineCoach's data file: the one entry point, open_database().

Opening decides, before anything is written, which of four situations we are in, and never
loses data in any of them:

* fresh or older file: migrate it (after a verified backup if it holds anything);
* file from a newer SpineCoach: open it read-only, never migrate or downgrade it;
* damaged file: rename it aside untouched, start a new one, and tell the user where it is;
* another program's SQLite file: refuse and leave it alone.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from datetime import datetime
from pathlib import Path
from typing import Final

from spinecoach.storage.backup import backup_database
from spinecoach.storage.connection import (
    configure_read_only,
    configure_writable,
    connect,
)
from spinecoach.storage.errors import ForeignDatabaseError, MigrationError
from spinecoach.storage.files import ensure_private_file, move_aside
from spinecoach.storage.migrations import (
    MIGRATIONS,
    Migration,
    apply_migrations,
    check_migrations,
    latest_version,
    user_version,
)
from spinecoach.storage.probe import probe_database
from spinecoach.storage.schema_v1 import APPLICATION_ID
from spinecoach.storage.store import Database
from spinecoach.storage.timecodec import file_stamp

_MAX_PROBLEM_LENGTH: Final = 160


class OpenedDatabase(Database):
    """The open database, plus what the user should be told about how it was opened.

    It is the Database itself (all record methods are here), so callers hold one object;
    the extra attributes say what opening found. `notice`, when set, is a complete sentence
    for the user (e.g. in a banner).
    """

    def __init__(
        self,
        connection: sqlite3.Connection,
        *,
        path: Path,
        schema_version: int,
        read_only: bool = False,
        notice: str | None = None,
        backup_path: Path | None = None,
        corrupt_file_kept_at: Path | None = None,
    ) -> None:
        super().__init__(connection, read_only=read_only, read_only_reason=notice or "")
        self._path = path
        self._schema_version = schema_version
        self._notice = notice
        self._backup_path = backup_path
        self._corrupt_file_kept_at = corrupt_file_kept_at

    @property
    def path(self) -> Path:
        """The data file."""
        return self._path

    @property
    def schema_version(self) -> int:
        """The file's schema version (newer than this app's when read_only)."""
        return self._schema_version

    @property
    def notice(self) -> str | None:
        """What to tell the user about this opening, or None when all is normal."""
        return self._notice

    @property
    def backup_path(self) -> Path | None:
        """The copy made before migrating, if a migration ran on existing data."""
        return self._backup_path

    @property
    def corrupt_file_kept_at(self) -> Path | None:
        """Where a damaged data file was moved, if it was."""
        return self._corrupt_file_kept_at


def open_database(
    path: Path, *, now: datetime, migrations: Sequence[Migration] = MIGRATIONS
) -> OpenedDatabase:
    """Open (creating if needed) the data file at `path`.

    `now` (timezone-aware) names any backup or kept-aside file; storage never reads the clock.
    `migrations` is the schema history; tests pass a longer list to simulate an upgrade.
    Raises ForeignDatabaseError for another program's database and MigrationError if an
    upgrade step fails (that step is rolled back; the pre-upgrade backup is kept).
    """
    check_migrations(migrations)
    stamp = file_stamp(now)
    ensure_private_file(path)
    probe = probe_database(path)
    if probe.damage is not None:
        return _start_over_beside_damaged(path, probe.damage, stamp, migrations)
    if probe.application_id not in (0, APPLICATION_ID):
        raise ForeignDatabaseError(
            f"{path} is not a SpineCoach data file (it belongs to another program, application "
            f"id {probe.application_id:#x}); it was left untouched"
        )
    if probe.user_version > latest_version(migrations):
        return _open_newer_read_only(path, probe.user_version, migrations)
    return _open_writable(path, stamp, migrations)


def newer_version_notice(found: int, known: int) -> str:
    """Tell the user why nothing they do will be saved, and what fixes it."""
    return (
        "This data was written by a newer version of SpineCoach (data version "
        f"{found}; this version understands up to {known}); it is opened read-only so nothing "
        "is changed. Please update SpineCoach."
    )


def damaged_file_notice(kept_at: Path, problem: str) -> str:
    """Tell the user their history looks empty because the old file was set aside, and where."""
    summary = " ".join(problem.replace("*", "").split())  # quick_check output is multi-line
    if len(summary) > _MAX_PROBLEM_LENGTH:
        summary = summary[: _MAX_PROBLEM_LENGTH - 1] + "…"
    return (
        f"SpineCoach could not read its data file ({summary}). Nothing was deleted: the "
        f"damaged file was kept at {kept_at} so it can be recovered. A new, empty data file "
        "has been started."
    )


def _open_writable(
    path: Path,
    stamp: str,
    migrations: Sequence[Migration],
    *,
    notice: str | None = None,
    corrupt_file_kept_at: Path | None = None,
) -> OpenedDatabase:
    connection = connect(path, read_only=False)
    try:
        found = user_version(connection)
        latest = latest_version(migrations)
        if found > latest:  # another, newer SpineCoach upgraded it since we looked
            connection.close()
            return _open_newer_read_only(path, found, migrations)
        backup = None
        if found < latest and _has_content(connection):
            backup = backup_database(connection, path, found, stamp)
        configure_writable(connection)
        try:
            apply_migrations(connection, migrations)
        except MigrationError as exc:
            kept = f" A backup from before the upgrade is at {backup}." if backup else ""
            raise MigrationError(f"{exc}.{kept}") from exc
    except BaseException:
        connection.close()
        raise
    return OpenedDatabase(
        connection,
        path=path,
        schema_version=latest,
        notice=notice,
        backup_path=backup,
        corrupt_file_kept_at=corrupt_file_kept_at,
    )


def _open_newer_read_only(
    path: Path, found: int, migrations: Sequence[Migration]
) -> OpenedDatabase:
    notice = newer_version_notice(found, latest_version(migrations))
    connection = connect(path, read_only=True)
    try:
        configure_read_only(connection)
    except BaseException:
        connection.close()
        raise
    return OpenedDatabase(
        connection, path=path, schema_version=found, read_only=True, notice=notice
    )


def _start_over_beside_damaged(
    path: Path, problem: str, stamp: str, migrations: Sequence[Migration]
) -> OpenedDatabase:
    kept_at = move_aside(path, f"corrupt-{stamp}")
    ensure_private_file(path)
    return _open_writable(
        path,
        stamp,
        migrations,
        notice=damaged_file_notice(kept_at, problem),
        corrupt_file_kept_at=kept_at,
    )


def _has_content(connection: sqlite3.Connection) -> bool:
    """Anything worth backing up: a version stamp or any table, index or view."""
    if user_version(connection):
        return True
    row = connection.execute("SELECT count(*) FROM sqlite_master").fetchone()
    return bool(row[0])
