"""Opening a fresh or existing data file: version, permissions, pragmas, refusals."""

from __future__ import annotations

import os
import sqlite3
import stat
from datetime import UTC, datetime
from pathlib import Path

import pytest

from spinecoach.storage.errors import ForeignDatabaseError
from spinecoach.storage.migrations import MIGRATIONS, latest_version, sql_migration
from spinecoach.storage.opening import open_database

NOW = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
posix_only = pytest.mark.skipif(os.name != "posix", reason="file modes are a POSIX feature")


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "data" / "spinecoach.sqlite3"


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def _open_and_close(path: Path) -> None:
    open_database(path, now=NOW).close()


def test_fresh_database_is_created_at_latest_version(db_path: Path) -> None:
    opened = open_database(db_path, now=NOW)
    opened.close()

    assert db_path.is_file()
    assert opened.schema_version == latest_version(MIGRATIONS) == len(MIGRATIONS)
    assert not opened.read_only
    assert opened.notice is None
    assert opened.backup_path is None
    assert opened.corrupt_file_kept_at is None
    connection = sqlite3.connect(db_path)
    try:
        assert connection.execute("PRAGMA user_version").fetchone()[0] == len(MIGRATIONS)
        assert connection.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        tables = {row[0] for row in connection.execute("SELECT name FROM sqlite_master")}
    finally:
        connection.close()
    assert {"sessions", "pain_entries", "hurt_events", "custom_routines", "settings"} <= tables
    assert not list(db_path.parent.glob("*.backup-*")), "a fresh database needs no backup"


@posix_only
def test_fresh_database_file_and_folder_are_private(db_path: Path) -> None:
    with open_database(db_path, now=NOW) as database:
        database.set_setting("theme", "dark")  # makes SQLite create -wal/-shm
        companions = list(db_path.parent.glob(db_path.name + "-*"))
        assert companions
        assert all(_mode(companion) == 0o600 for companion in companions)
    assert _mode(db_path) == 0o600
    assert _mode(db_path.parent) == 0o700


@posix_only
def test_private_mode_survives_a_permissive_umask(db_path: Path) -> None:
    old = os.umask(0)
    try:
        _open_and_close(db_path)
    finally:
        os.umask(old)
    assert _mode(db_path) == 0o600


@posix_only
def test_existing_world_readable_file_is_tightened(db_path: Path) -> None:
    _open_and_close(db_path)
    db_path.chmod(0o644)

    _open_and_close(db_path)

    assert _mode(db_path) == 0o600


def test_connection_enforces_foreign_keys_and_full_sync(db_path: Path) -> None:
    with open_database(db_path, now=NOW) as database:
        connection = database._read()
        assert connection.execute("PRAGMA foreign_keys").fetchone()[0] == 1
        assert connection.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL


def test_existing_empty_file_counts_as_fresh(db_path: Path) -> None:
    db_path.parent.mkdir(parents=True)
    db_path.touch()

    opened = open_database(db_path, now=NOW)
    opened.close()

    assert opened.schema_version == latest_version(MIGRATIONS)
    assert opened.backup_path is None
    assert opened.notice is None


def test_reopening_a_current_database_makes_no_backup(db_path: Path) -> None:
    _open_and_close(db_path)
    opened = open_database(db_path, now=NOW)
    opened.close()
    assert opened.backup_path is None
    assert opened.notice is None
    assert not list(db_path.parent.glob("*.backup-*"))


def test_naive_now_is_refused_before_touching_the_disk(db_path: Path) -> None:
    with pytest.raises(ValueError, match="time zone"):
        open_database(db_path, now=datetime(2026, 3, 2, 9, 0))
    assert not db_path.parent.exists()


def test_migration_list_with_a_gap_is_refused(db_path: Path) -> None:
    skipped = len(MIGRATIONS) + 1
    broken = [*MIGRATIONS, sql_migration(skipped + 1, "skips one", ["SELECT 1"])]
    with pytest.raises(ValueError, match=f"expected {skipped}"):
        open_database(db_path, now=NOW, migrations=broken)
    assert not db_path.parent.exists()


def test_another_programs_database_is_left_untouched(db_path: Path) -> None:
    db_path.parent.mkdir(parents=True)
    connection = sqlite3.connect(db_path)
    connection.execute("PRAGMA application_id = 42")
    connection.execute("CREATE TABLE notes (body TEXT)")
    connection.commit()
    connection.close()
    db_path.chmod(0o600)
    before = db_path.read_bytes()

    with pytest.raises(ForeignDatabaseError, match="another program"):
        open_database(db_path, now=NOW)

    assert db_path.read_bytes() == before
    assert [p.name for p in db_path.parent.iterdir()] == [db_path.name]
