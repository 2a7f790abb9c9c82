"""Opening SpineCoach's data file: the one entry point, open_database().

Opening decides, before anything is written, which of four situations we are in, and never
loses data in any of them:

* fresh or older file: migrate it (after a verified backup if it holds anything);
* file from a newer SpineCoach: open it read-only, never migrate or downgrade it;
* damaged file: rename it aside untouched, start a new one, and tell the user where it is;
* another program's SQLite file: refuse and leave it alone (not even its mode is changed).

A run that ends without close() (a crash, a kill, a power cut) leaves `<name>.in-use` behind;
the next opening then runs SQLite's full integrity check rather than the quick one.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Sequence
from datetime import datetime
from pathlib import Path
from typing import Final

from spinecoach.storage.backup import backup_database, discard_unfinished_copies
from spinecoach.storage.connection import (
    BUSY_TIMEOUT_SECONDS,
    configure_read_only,
    configure_writable,
    connect,
)
from spinecoach.storage.database import Database
from spinecoach.storage.errors import ForeignDatabaseError, MigrationError
from spinecoach.storage.files import (
    clear_in_use,
    create_private_file_if_missing,
    mark_in_use,
    move_aside,
    restrict_permissions,
    was_left_in_use,
)
from spinecoach.storage.migrations import (
    MIGRATIONS,
    Migration,
    apply_migrations,
    check_migrations,
    latest_version,
    user_version,
)
from spinecoach.storage.probe import probe_database
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
        self._marks_in_use = not read_only
        self._path = path
        self._schema_version = schema_version
        self._notice = notice
        self._backup_path = backup_path
        self._corrupt_file_kept_at = corrupt_file_kept_at

    def close(self) -> None:
        """Close the file and, for a writable one, remove its in-use marker: a clean end."""
        was_open = not self.closed
        super().close()
        if was_open and self._marks_in_use:
            clear_in_use(self._path)

    def check_fully_at_next_start(self) -> None:
        """Leave the in-use marker at close, so the next start runs a full integrity check.

        For damage met while running: the next start then keeps a damaged file aside, as after
        an unclean shutdown.
        """
        self._marks_in_use = False

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
    path: Path,
    *,
    now: datetime,
    migrations: Sequence[Migration] = MIGRATIONS,
    busy_timeout: float = BUSY_TIMEOUT_SECONDS,
) -> OpenedDatabase:
    """Open (creating if needed) the data file at `path`.

    `now` (timezone-aware) names any backup or kept-aside file; storage never reads the clock.
    `migrations` is the schema history; tests pass a longer list to simulate an upgrade.
    Raises ForeignDatabaseError for another program's database and MigrationError if an
    upgrade step fails (that step is rolled back; the pre-upgrade backup is kept).
    `busy_timeout` is how long opening waits for another program's lock (the start-up's
    "waiting for the data file" retries with a short one, so its window stays responsive).
    """
    check_migrations(migrations)
    stamp = file_stamp(now)
    created = create_private_file_if_missing(path)
    unclean = not created and was_left_in_use(path)
    probe = probe_database(path, thorough=unclean)
    if probe.damage is not None:
        restrict_permissions(path)  # the kept file holds health data too
        notice = damaged_file_notice if not unclean else damage_after_crash_notice
        return _start_over_beside_damaged(path, probe.damage, stamp, migrations, notice)
    if probe.foreign is not None:
        raise ForeignDatabaseError(
            f"{path} is not a SpineCoach data file: it seems to belong to another program "
            f"({probe.foreign}). It was left untouched."
        )
    restrict_permissions(path)
    if probe.user_version > latest_version(migrations):
        return _open_newer_read_only(path, probe.user_version, migrations)
    return _open_writable(path, stamp, migrations, busy_timeout=busy_timeout)


def open_read_only(path: Path) -> OpenedDatabase:
    """Open the data file only to read it (the person's choice when it cannot be written).

    Nothing is changed: no migration, no -wal of our own.

    A read-only folder with a WAL left behind cannot give SQLite its shared memory file; the
    file is then read as it is on disk (`immutable`), which may miss the last entries still in
    the WAL, and the notice says so.
    """
    notice = (
        "Your data file is open read-only: you can look at your history, but nothing new is "
        "saved to it until SpineCoach can write there again. Anything you enter is kept and "
        "saved then."
    )
    for immutable in (False, True):
        connection = connect(path, read_only=True, immutable=immutable)
        try:
            configure_read_only(connection)
            found = user_version(connection)
        except sqlite3.Error:
            connection.close()
            if immutable:
                raise
            continue
        if immutable:
            notice += " The most recent entries may be missing from what is shown."
        return OpenedDatabase(
            connection, path=path, schema_version=found, read_only=True, notice=notice
        )
    raise AssertionError("unreachable")


def newer_version_notice(found: int, known: int) -> str:
    """Tell the user why nothing they do will be saved, and what fixes it."""
    return (
        "This data was written by a newer version of SpineCoach (data version "
        f"{found}; this version understands up to {known}); it is opened read-only so nothing "
        "is changed. Please update SpineCoach."
    )


def damaged_file_notice(kept_at: Path, problem: str) -> str:
    """Tell the user their history looks empty because the old file was set aside, and where."""
    return (
        f"SpineCoach could not read its data file ({_summary(problem)}). "
        + _kept_aside_sentences(kept_at)
    )


def damage_after_crash_notice(kept_at: Path, problem: str) -> str:
    """As `damaged_file_notice`, saying the damage was found by the check after a crash."""
    return (
        "SpineCoach was not closed properly last time, and a full check of its data file "
        f"found it damaged ({_summary(problem)}). " + _kept_aside_sentences(kept_at)
    )


def _summary(problem: str) -> str:
    summary = " ".join(problem.replace("*", "").split())  # check output is multi-line
    if len(summary) > _MAX_PROBLEM_LENGTH:
        summary = summary[: _MAX_PROBLEM_LENGTH - 1] + "…"
    return summary


def _kept_aside_sentences(kept_at: Path) -> str:
    return (
        f"Nothing was deleted: the damaged file was kept at {kept_at} so it can be recovered. "
        "A new, empty data file has been started."
    )


def _open_writable(
    path: Path,
    stamp: str,
    migrations: Sequence[Migration],
    *,
    notice: str | None = None,
    corrupt_file_kept_at: Path | None = None,
    busy_timeout: float = BUSY_TIMEOUT_SECONDS,
) -> OpenedDatabase:
    connection = connect(path, read_only=False, busy_timeout=busy_timeout)
    try:
        found = user_version(connection)
        latest = latest_version(migrations)
        if found > latest:  # another, newer SpineCoach upgraded it since we looked
            connection.close()
            return _open_newer_read_only(path, found, migrations)
        mark_in_use(path)  # before the first write: a crash from here on is noticed next time
        discard_unfinished_copies(path)
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
        connection.close()  # closed properly: every step committed or rolled back
        clear_in_use(path)
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
    path: Path,
    problem: str,
    stamp: str,
    migrations: Sequence[Migration],
    notice: Callable[[Path, str], str],
) -> OpenedDatabase:
    kept_at = move_aside(path, f"corrupt-{stamp}")
    create_private_file_if_missing(path)
    return _open_writable(
        path,
        stamp,
        migrations,
        notice=notice(kept_at, problem),
        corrupt_file_kept_at=kept_at,
    )


def _has_content(connection: sqlite3.Connection) -> bool:
    """Anything worth backing up: a version stamp or any table, index or view."""
    if user_version(connection):
        return True
    row = connection.execute("SELECT count(*) FROM sqlite_master").fetchone()
    return bool(row[0])
