"""Another program's SQLite file is never modified: no tables, no id, no WAL, no chmod.

Measured before: a plain SQLite file with application_id 0 and tables of its own was taken
over (our tables added, our id stamped, WAL switched on, mode changed to 0600).
"""

from __future__ import annotations

import os
import sqlite3
import stat
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from spinecoach.storage.errors import ForeignDatabaseError
from spinecoach.storage.opening import open_database
from tests.storage.conftest import OPENED_AT

posix_only = pytest.mark.skipif(os.name != "posix", reason="file modes are a POSIX feature")


def _other_program_file(path: Path, *, journal_mode: str, application_id: int) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    connection = sqlite3.connect(path, isolation_level=None)
    try:
        connection.execute(f"PRAGMA journal_mode = {journal_mode}")
        if application_id:
            connection.execute(f"PRAGMA application_id = {application_id}")
        connection.execute("CREATE TABLE notes (body TEXT)")
        connection.execute("INSERT INTO notes VALUES ('shopping list')")
    finally:
        connection.close()
    path.chmod(0o644)  # as most programs leave their files


def _snapshot(folder: Path) -> dict[str, tuple[bytes, int]]:
    """Every file in the folder: its bytes and its mode."""
    return {
        entry.name: (entry.read_bytes(), stat.S_IMODE(entry.stat().st_mode))
        for entry in sorted(folder.iterdir())
    }


@posix_only
@pytest.mark.parametrize("journal_mode", ["delete", "wal"])
@pytest.mark.parametrize("application_id", [0, 7])
def test_another_programs_file_is_left_exactly_as_it_was(
    db_path: Path, journal_mode: str, application_id: int
) -> None:
    _other_program_file(db_path, journal_mode=journal_mode, application_id=application_id)
    before = _snapshot(db_path.parent)

    with pytest.raises(ForeignDatabaseError, match="another program") as refused:
        open_database(db_path, now=OPENED_AT)

    assert _snapshot(db_path.parent) == before  # same files, same bytes, same modes
    if application_id == 0:
        assert "tables SpineCoach did not create: notes" in str(refused.value)


@posix_only
def test_a_file_with_only_another_programs_version_stamp_is_not_ours(db_path: Path) -> None:
    connection = sqlite3.connect(db_path, isolation_level=None)
    connection.execute("PRAGMA user_version = 12")
    connection.close()
    db_path.chmod(0o644)
    before = _snapshot(db_path.parent)

    with pytest.raises(ForeignDatabaseError, match="version 12 of another program"):
        open_database(db_path, now=OPENED_AT)

    assert _snapshot(db_path.parent) == before


@pytest.mark.slow
def test_another_programs_unfinished_transaction_is_not_rolled_back_by_us(db_path: Path) -> None:
    """A hot journal is for its own program to recover; rolling it back would write its file."""
    _other_program_file(db_path, journal_mode="delete", application_id=0)
    crash = textwrap.dedent(
        """
        import os, sqlite3, sys
        c = sqlite3.connect(sys.argv[1], isolation_level=None)
        c.execute("PRAGMA cache_size = 1")
        c.execute("BEGIN")
        for i in range(2000):
            c.execute("INSERT INTO notes VALUES (?)", ("x" * 200,))
        os._exit(0)
        """
    )
    subprocess.run([sys.executable, "-c", crash, str(db_path)], check=True, timeout=30)
    assert db_path.with_name(db_path.name + "-journal").stat().st_size > 0
    before = _snapshot(db_path.parent)

    with pytest.raises(ForeignDatabaseError, match="another program"):
        open_database(db_path, now=OPENED_AT)

    assert _snapshot(db_path.parent) == before


def test_a_blank_sqlite_file_still_becomes_ours(db_path: Path) -> None:
    """The control: id 0 with nothing in it is what a new file looks like, and is taken."""
    connection = sqlite3.connect(db_path, isolation_level=None)
    connection.execute("VACUUM")  # writes the header: a valid, empty SQLite file
    connection.close()
    assert db_path.stat().st_size > 0

    with open_database(db_path, now=OPENED_AT) as opened:
        assert opened.notice is None
        opened.set_setting("theme", "dark")
        assert opened.get_setting("theme") == "dark"
