"""After a run that did not close the file, the next start runs the full integrity check.

Measured before: an index corrupted in a way `PRAGMA quick_check` does not look at (its entries
point at rows that do not exist) gave no banner; the History then failed with "database disk
image is malformed", and the file was never kept aside. The damage below is exactly that, made
reproducibly with SQLite's `writable_schema`: the shown-entries index is swapped for a decoy
index built over other row ids.
"""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import textwrap
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

import spinecoach
from spinecoach.core.records import PainContext, PainEntry
from spinecoach.storage.files import in_use_marker
from spinecoach.storage.opening import open_database

NOW = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
STAMP = "20260302T090000Z"
ENTRIES = 50


def _database_with_history(path: Path) -> None:
    with open_database(path, now=NOW) as database:
        for minute in range(ENTRIES):
            database.add_pain_entry(
                PainEntry(
                    recorded_at=NOW + timedelta(minutes=minute),
                    score=minute % 11,
                    context=PainContext.CHECK_IN,
                )
            )


def _run_without_closing(path: Path) -> None:
    """A real SpineCoach process that opens the file, writes, and ends without close()."""
    script = textwrap.dedent(
        f"""
        import os
        from datetime import datetime, timezone
        from pathlib import Path
        from spinecoach.storage.opening import open_database

        database = open_database(Path({str(path)!r}), now=datetime.now(timezone.utc))
        database.set_setting("theme", "dark")
        os._exit(0)  # no close, no atexit: like a crash, a kill or a power cut
        """
    )
    source_root = str(Path(spinecoach.__file__).resolve().parents[1])
    environment = {**os.environ, "PYTHONPATH": source_root}
    subprocess.run([sys.executable, "-c", script], check=True, env=environment, timeout=30)


def _corrupt_index_behind_quick_checks_back(path: Path) -> None:
    """Point `pain_entries_shown_by_time` at a b-tree whose row ids do not exist."""
    connection = sqlite3.connect(path, isolation_level=None)
    try:
        connection.execute("CREATE TABLE decoy (recorded_at_epoch REAL, deleted_at TEXT)")
        connection.execute(
            "CREATE INDEX decoy_shown ON decoy (recorded_at_epoch) WHERE deleted_at IS NULL"
        )
        connection.executemany(
            "INSERT INTO decoy (rowid, recorded_at_epoch) VALUES (?, ?)",
            [(100_000 + i, NOW.timestamp() + 60 * i) for i in range(ENTRIES)],
        )
        roots = dict(
            connection.execute(
                "SELECT name, rootpage FROM sqlite_master"
                " WHERE name IN ('pain_entries_shown_by_time', 'decoy_shown')"
            ).fetchall()
        )
        connection.execute("PRAGMA writable_schema = ON")
        for name, other in (
            ("pain_entries_shown_by_time", "decoy_shown"),
            ("decoy_shown", "pain_entries_shown_by_time"),
        ):
            connection.execute(
                "UPDATE sqlite_master SET rootpage = ? WHERE name = ?", (roots[other], name)
            )
        connection.execute("PRAGMA writable_schema = OFF")
    finally:
        connection.close()
    connection = sqlite3.connect(path, isolation_level=None)
    try:
        connection.execute("DROP TABLE decoy")  # frees the decoy's pages: no page goes missing
    finally:
        connection.close()


def _check(path: Path, pragma: str) -> list[str]:
    connection = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)
    try:
        return [str(row[0]) for row in connection.execute(f"PRAGMA {pragma}")]
    finally:
        connection.close()


def test_the_damage_used_here_passes_quick_check_and_fails_integrity_check(
    db_path: Path,
) -> None:
    _database_with_history(db_path)
    _corrupt_index_behind_quick_checks_back(db_path)

    assert _check(db_path, "quick_check") == ["ok"]
    assert "missing from index pain_entries_shown_by_time" in _check(db_path, "integrity_check")[0]
    connection = sqlite3.connect(db_path)
    try:
        with pytest.raises(sqlite3.DatabaseError, match="malformed"):
            connection.execute(
                "SELECT * FROM pain_entries WHERE deleted_at IS NULL"
                " AND recorded_at_epoch >= 0 ORDER BY recorded_at_epoch"
            ).fetchall()
    finally:
        connection.close()


def test_the_marker_is_there_while_open_and_gone_after_a_clean_close(db_path: Path) -> None:
    database = open_database(db_path, now=NOW)
    assert in_use_marker(db_path).is_file()
    assert in_use_marker(db_path).stat().st_mode & 0o777 == 0o600
    database.close()
    assert not in_use_marker(db_path).exists()
    database.close()  # closing twice is harmless and does not recreate anything
    assert not in_use_marker(db_path).exists()


@pytest.mark.slow
def test_a_run_ended_without_close_leaves_the_marker(db_path: Path) -> None:
    _database_with_history(db_path)
    _run_without_closing(db_path)
    assert in_use_marker(db_path).is_file()


@pytest.mark.slow
def test_after_an_unclean_end_damage_quick_check_misses_is_kept_aside_with_a_notice(
    db_path: Path,
) -> None:
    _database_with_history(db_path)
    _run_without_closing(db_path)
    _corrupt_index_behind_quick_checks_back(db_path)
    damaged = db_path.read_bytes()

    opened = open_database(db_path, now=NOW)
    with opened:
        assert opened.pain_entries(NOW, NOW + timedelta(days=1)) == []  # fresh, and readable

    kept = db_path.with_name(f"spinecoach.sqlite3.corrupt-{STAMP}")
    assert opened.corrupt_file_kept_at == kept
    assert kept.read_bytes() == damaged
    assert opened.notice is not None
    assert opened.notice.startswith("SpineCoach was not closed properly last time")
    assert "missing from index" in opened.notice
    assert "Nothing was deleted" in opened.notice
    assert str(kept) in opened.notice
    assert not in_use_marker(db_path).exists(), "closed properly this time"


@pytest.mark.slow
def test_after_an_unclean_end_a_healthy_file_opens_as_usual(db_path: Path) -> None:
    _database_with_history(db_path)
    _run_without_closing(db_path)

    with open_database(db_path, now=NOW) as opened:
        assert opened.notice is None
        assert opened.corrupt_file_kept_at is None
        assert len(opened.pain_entries(NOW, NOW + timedelta(days=1))) == ENTRIES
        assert opened.get_setting("theme") == "dark"
