"""A file named like a backup is always a whole, readable copy, even when the run is killed.

Measured before: killed during a migration, 2 of 30 runs left a broken `backup-…` file. Here
the kill is placed deterministically (a real SIGKILL in a child process, in the middle of the
copy or just before the copy gets its name), so every run tests the worst moment.
"""

from __future__ import annotations

import errno
import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

import spinecoach
from spinecoach.core.records import PainContext, PainEntry
from spinecoach.storage import backup as backup_module
from spinecoach.storage.errors import MigrationError
from spinecoach.storage.migrations import MIGRATIONS, latest_version, sql_migration
from spinecoach.storage.opening import open_database

NOW = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
STAMP = "20260302T090000Z"
CURRENT = latest_version(MIGRATIONS)
WITH_NEXT = [
    *MIGRATIONS,
    sql_migration(CURRENT + 1, "add pain_entries.mood", ["ALTER TABLE pain_entries ADD COLUMN x"]),
]
ENTRIES = 1500

# The child opens the file with one migration more than today's, so a backup is made, and is
# killed with SIGKILL at the chosen moment. The real code runs unchanged; only sqlite3.connect
# (to copy in small steps and die half way) or os.link (the naming step) is replaced.
CHILD = textwrap.dedent(
    """
    import os, signal, sqlite3, sys
    from datetime import datetime, timezone
    from pathlib import Path
    from spinecoach.storage.opening import open_database
    from spinecoach.storage.migrations import MIGRATIONS, sql_migration

    path, moment = Path(sys.argv[1]), sys.argv[2]

    def die(*_args, **_kwargs):
        os.kill(os.getpid(), signal.SIGKILL)

    real_connect = sqlite3.connect

    class DiesHalfWayThroughACopy(sqlite3.Connection):
        def backup(self, target, **_kwargs):
            def progress(status, remaining, total):
                if remaining <= total // 2:
                    die()
            super().backup(target, pages=4, progress=progress)

    if moment == "mid-copy":
        sqlite3.connect = lambda *a, **k: real_connect(*a, factory=DiesHalfWayThroughACopy, **k)
    elif moment == "before-naming":
        os.link = die
        os.rename = die
    nxt = len(MIGRATIONS) + 1
    migrations = [*MIGRATIONS, sql_migration(nxt, "next", ["ALTER TABLE pain_entries ADD x"])]
    open_database(path, now=datetime(2026, 3, 2, 9, tzinfo=timezone.utc), migrations=migrations)
    print("not killed")
    """
)


def _database_with_history(path: Path) -> None:
    """A current file large enough (~1 MB) that a copy takes many backup steps."""
    with open_database(path, now=NOW) as database:
        database.add_history(
            [],
            [
                PainEntry(
                    recorded_at=NOW + timedelta(minutes=minute),
                    score=minute % 11,
                    context=PainContext.CHECK_IN,
                    note="n" * 600,
                )
                for minute in range(ENTRIES)
            ],
        )


def _named_like_backups(folder: Path) -> list[Path]:
    return sorted(folder.glob("*backup-*"))


def _readable_copy(path: Path) -> tuple[list[str], int, int]:
    """Integrity verdict, user_version and number of pain entries of a copy, read-only."""
    connection = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)
    try:
        verdict = [str(row[0]) for row in connection.execute("PRAGMA integrity_check")]
        version = int(connection.execute("PRAGMA user_version").fetchone()[0])
        count = int(connection.execute("SELECT count(*) FROM pain_entries").fetchone()[0])
    finally:
        connection.close()
    return verdict, version, count


def _kill_child_at(path: Path, moment: str) -> None:
    source_root = str(Path(spinecoach.__file__).resolve().parents[1])
    result = subprocess.run(
        [sys.executable, "-c", CHILD, str(path), moment],
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, "PYTHONPATH": source_root},
    )
    assert result.returncode == -signal.SIGKILL, result.stdout + result.stderr


@pytest.mark.slow
@pytest.mark.parametrize("moment", ["mid-copy", "before-naming"])
def test_a_run_killed_while_backing_up_leaves_no_broken_backup(db_path: Path, moment: str) -> None:
    _database_with_history(db_path)

    _kill_child_at(db_path, moment)

    assert _named_like_backups(db_path.parent) == []
    leftovers = backup_module.unfinished_copies(db_path)
    assert leftovers, "the kill should have left the copy it interrupted"
    if moment == "mid-copy":
        copy = leftovers[0]
        assert copy.stat().st_size < db_path.stat().st_size, "killed half way: a partial copy"
    # The data file itself is whole and still at its version: no migration ran.
    assert _readable_copy(db_path) == (["ok"], CURRENT, ENTRIES)

    with open_database(db_path, now=NOW, migrations=WITH_NEXT) as reopened:
        backup = reopened.backup_path
        assert reopened.notice is None

    assert backup == db_path.with_name(f"spinecoach.sqlite3.backup-v{CURRENT}-{STAMP}.sqlite3")
    assert _named_like_backups(db_path.parent) == [backup]
    assert _readable_copy(backup) == (["ok"], CURRENT, ENTRIES)
    assert backup_module.unfinished_copies(db_path) == [], "the next start cleans up"


def test_a_copy_that_fails_before_it_is_named_leaves_nothing_named_like_a_backup(
    db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _database_with_history(db_path)

    def disk_gone(_path: Path) -> None:
        raise OSError(errno.EIO, "Input/output error")

    monkeypatch.setattr(backup_module, "_flush", disk_gone)  # after the copy, before naming
    with pytest.raises(MigrationError, match="Input/output error"):
        open_database(db_path, now=NOW, migrations=WITH_NEXT)

    assert sorted(p.name for p in db_path.parent.iterdir()) == ["spinecoach.sqlite3"]
    assert _readable_copy(db_path) == (["ok"], CURRENT, ENTRIES)


def test_without_hard_links_a_backup_still_never_replaces_a_file(
    db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _database_with_history(db_path)
    taken = db_path.with_name(f"spinecoach.sqlite3.backup-v{CURRENT}-{STAMP}.sqlite3")
    taken.write_bytes(b"someone else's file")

    def no_hard_links(_source: object, _target: object) -> None:
        raise OSError(errno.EPERM, "Operation not permitted")  # what vfat answers

    monkeypatch.setattr(os, "link", no_hard_links)
    with open_database(db_path, now=NOW, migrations=WITH_NEXT) as opened:
        backup = opened.backup_path

    assert taken.read_bytes() == b"someone else's file"
    assert backup == taken.with_name(f"spinecoach.sqlite3.backup-v{CURRENT}-{STAMP}-2.sqlite3")
    assert backup is not None
    assert _readable_copy(backup) == (["ok"], CURRENT, ENTRIES)
    assert backup_module.unfinished_copies(db_path) == []


@pytest.mark.skipif(os.name != "posix", reason="file modes are a POSIX feature")
def test_the_backup_is_private_whatever_the_umask(db_path: Path) -> None:
    _database_with_history(db_path)
    old = os.umask(0o022)
    try:
        with open_database(db_path, now=NOW, migrations=WITH_NEXT) as opened:
            backup = opened.backup_path
    finally:
        os.umask(old)
    assert backup is not None
    assert backup.stat().st_mode & 0o777 == 0o600
