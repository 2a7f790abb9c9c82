"""A damaged data file is moved aside unchanged, never deleted; a fresh file takes its place."""

from __future__ import annotations

import random
import sqlite3
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from spinecoach.core.records import PainContext, PainEntry
from spinecoach.storage import connection as connection_module
from spinecoach.storage.migrations import MIGRATIONS, latest_version
from spinecoach.storage.opening import open_database

NOW = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
STAMP = "20260302T090000Z"


def _real_database_with_history(path: Path) -> None:
    with open_database(path, now=NOW) as database:
        for minute in range(300):
            database.add_pain_entry(
                PainEntry(
                    recorded_at=NOW + timedelta(minutes=minute),
                    score=minute % 11,
                    context=PainContext.CHECK_IN,
                    note="x" * 500,
                )
            )


def _assert_fresh_and_empty(path: Path) -> None:
    with open_database(path, now=NOW) as database:
        assert database.pain_entries(NOW - timedelta(days=1), NOW + timedelta(days=1)) == []
    connection = sqlite3.connect(path)
    try:
        assert connection.execute("PRAGMA user_version").fetchone()[0] == latest_version(MIGRATIONS)
    finally:
        connection.close()


def test_random_bytes_are_moved_aside_byte_identical(db_path: Path) -> None:
    garbage = random.Random(7).randbytes(10_000)
    db_path.write_bytes(garbage)

    opened = open_database(db_path, now=NOW)
    opened.close()

    kept = db_path.with_name(f"spinecoach.sqlite3.corrupt-{STAMP}")
    assert opened.corrupt_file_kept_at == kept
    assert kept.read_bytes() == garbage
    assert opened.notice is not None
    assert str(kept) in opened.notice
    assert "Nothing was deleted" in opened.notice
    assert not opened.read_only
    _assert_fresh_and_empty(db_path)


def test_companion_files_travel_with_the_damaged_file(db_path: Path) -> None:
    db_path.write_bytes(b"not a database at all" * 100)
    wal = db_path.with_name(db_path.name + "-wal")
    shm = db_path.with_name(db_path.name + "-shm")
    wal.write_bytes(b"wal bytes")
    shm.write_bytes(b"shm bytes")

    opened = open_database(db_path, now=NOW)
    opened.close()

    kept = opened.corrupt_file_kept_at
    assert kept is not None
    assert kept.read_bytes() == b"not a database at all" * 100
    assert kept.with_name(kept.name + "-wal").read_bytes() == b"wal bytes"
    # -shm is SQLite's rebuildable index of the WAL (no user data); probing may refresh it.
    assert kept.with_name(kept.name + "-shm").exists()
    assert not wal.exists()


@pytest.mark.parametrize("keep_fraction", [0.5, 0.1])
def test_truncated_real_database_is_moved_aside(db_path: Path, keep_fraction: float) -> None:
    _real_database_with_history(db_path)
    whole = db_path.read_bytes()
    truncated = whole[: int(len(whole) * keep_fraction)]
    db_path.write_bytes(truncated)

    opened = open_database(db_path, now=NOW)
    opened.close()

    assert opened.corrupt_file_kept_at is not None
    assert opened.corrupt_file_kept_at.read_bytes() == truncated
    assert opened.notice is not None
    _assert_fresh_and_empty(db_path)


def test_a_second_damage_on_the_same_second_gets_its_own_name(db_path: Path) -> None:
    db_path.write_bytes(b"first damaged file" * 100)
    first = open_database(db_path, now=NOW)
    first.close()
    db_path.write_bytes(b"second damaged file" * 100)

    second = open_database(db_path, now=NOW)
    second.close()

    assert first.corrupt_file_kept_at is not None
    assert second.corrupt_file_kept_at is not None
    assert first.corrupt_file_kept_at != second.corrupt_file_kept_at
    assert first.corrupt_file_kept_at.read_bytes() == b"first damaged file" * 100
    assert second.corrupt_file_kept_at.read_bytes() == b"second damaged file" * 100


def test_a_locked_file_is_not_mistaken_for_a_damaged_one(
    db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _real_database_with_history(db_path)
    monkeypatch.setattr(connection_module, "BUSY_TIMEOUT_SECONDS", 0.05)
    holder = sqlite3.connect(db_path, isolation_level=None)
    try:
        holder.execute("PRAGMA journal_mode = DELETE")
        holder.execute("BEGIN EXCLUSIVE")
        with pytest.raises(sqlite3.OperationalError, match="locked"):
            open_database(db_path, now=NOW)
        holder.execute("ROLLBACK")
    finally:
        holder.close()

    assert not list(db_path.parent.glob("*.corrupt-*"))
    with open_database(db_path, now=NOW) as database:
        assert len(database.pain_entries(NOW, NOW + timedelta(days=1))) == 300


def test_damaged_page_found_by_quick_check_is_moved_aside(db_path: Path) -> None:
    _real_database_with_history(db_path)
    connection = sqlite3.connect(db_path)
    try:
        page_size = connection.execute("PRAGMA page_size").fetchone()[0]
        root = connection.execute(
            "SELECT rootpage FROM sqlite_master WHERE name = 'pain_entries'"
        ).fetchone()[0]
    finally:
        connection.close()
    damaged = bytearray(db_path.read_bytes())
    start = (root - 1) * page_size
    damaged[start : start + page_size] = b"\xff" * page_size
    db_path.write_bytes(bytes(damaged))

    opened = open_database(db_path, now=NOW)
    opened.close()

    assert opened.corrupt_file_kept_at is not None
    assert opened.corrupt_file_kept_at.read_bytes() == bytes(damaged)
    _assert_fresh_and_empty(db_path)


@pytest.mark.slow
def test_hot_rollback_journal_is_recovered_not_treated_as_damage(db_path: Path) -> None:
    """A crash mid-write in rollback-journal mode leaves a hot journal; SQLite rolls it back."""
    with open_database(db_path, now=NOW) as database:
        database.set_setting("kept", value=True)
    connection = sqlite3.connect(db_path)
    connection.execute("PRAGMA journal_mode = DELETE")
    connection.close()
    crash = (
        "import os, sqlite3, sys\n"
        "c = sqlite3.connect(sys.argv[1], isolation_level=None)\n"
        "c.execute('PRAGMA cache_size = 1')\n"
        "c.execute('BEGIN')\n"
        "for i in range(2000):\n"
        "    c.execute('INSERT INTO settings VALUES (?, ?)', (f'k{i}', '\"' + 'x' * 200 + '\"'))\n"
        "os._exit(0)\n"
    )
    subprocess.run([sys.executable, "-c", crash, str(db_path)], check=True, timeout=30)
    assert db_path.with_name(db_path.name + "-journal").exists()

    with open_database(db_path, now=NOW) as database:
        assert database.notice is None
        assert database.corrupt_file_kept_at is None
        assert database.get_setting("kept") is True
