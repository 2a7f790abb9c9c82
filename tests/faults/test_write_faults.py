"""Real write faults: every score is stored, or kept and then stored once the fault clears.

Each case uses the kernel's own fault, not a simulation: a full tmpfs, a read-only bind mount,
a lock held by another process, a file from a newer version. The writer is the app's one write
path (`SafeWriter`); `tests/ui/test_storage_faults.py` shows the person is told in the window.
"""

from __future__ import annotations

import sqlite3
import subprocess
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from spinecoach.core.records import PainContext, PainEntry
from spinecoach.storage.connection import connect
from spinecoach.storage.database import Database
from spinecoach.storage.journal import PENDING_FILE_NAME, PendingJournal
from spinecoach.storage.opening import open_database
from spinecoach.storage.safe_writer import SafeWriter
from tests.faults.locks import lock_held, release
from tests.faults.mounts import bind_mount, fill, require_mounts, small_disk

pytestmark = pytest.mark.slow

T0 = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)
WIDE = (T0 - timedelta(days=1), T0 + timedelta(days=30))


def pain(minute: int, score: int) -> PainEntry:
    return PainEntry(
        recorded_at=T0 + timedelta(minutes=minute), score=score, context=PainContext.CHECK_IN
    )


def stored_scores(database: Database) -> list[int]:
    return [e.score for e in database.pain_entries(*WIDE)]


@pytest.fixture
def mounts() -> None:
    require_mounts()


def test_a_full_disk_keeps_every_score_and_stores_each_once_there_is_room(
    tmp_path: Path, mounts: None
) -> None:
    with small_disk(tmp_path / "disk", 1024) as folder:
        database = open_database(folder / "spinecoach.sqlite3", now=T0)
        try:
            writer = SafeWriter(database, PendingJournal(folder / PENDING_FILE_NAME))
            for minute in range(3):
                assert writer.add_pain_entry(pain(minute, 2)).stored
            filler = fill(folder)
            outcomes = [writer.add_pain_entry(pain(10 + i, i % 11)) for i in range(13)]
            refused = [o for o in outcomes if not o.stored]
            assert refused, "the disk was not full"
            assert all("the disk is full" in o.message or "could not be written" in o.message
                       for o in refused)  # fmt: skip
            filler.unlink()
            writer.retry()
            assert writer.pending == ()
            assert stored_scores(database) == [2, 2, 2, *(i % 11 for i in range(13))]  # 13 of 13
        finally:
            database.close()


def test_a_read_only_data_folder_keeps_the_scores_until_it_is_writable_again(
    tmp_path: Path, mounts: None
) -> None:
    # The kernel refuses to make a folder read-only while a file in it is open for writing
    # ("mount point is busy"), so this is the read-only folder met at start-up; a file that
    # turns read-only while open is covered through the storage seam (test_pending.py).
    with bind_mount(tmp_path / "data") as mount:
        open_database(mount.folder / "spinecoach.sqlite3", now=T0).close()
        mount.read_only()
        with pytest.raises(sqlite3.Error):
            open_database(mount.folder / "spinecoach.sqlite3", now=T0)
        writer = SafeWriter(None, PendingJournal(mount.folder / PENDING_FILE_NAME))
        outcomes = [writer.add_pain_entry(pain(1 + i, 5)) for i in range(3)]
        assert [o.stored for o in outcomes] == [False] * 3
        assert outcomes[0].message.startswith("Your pain score could not be saved yet")
        assert not writer.kept_on_disk  # the journal could not be written either: memory
        mount.writable()
        database = open_database(mount.folder / "spinecoach.sqlite3", now=T0)
        try:
            writer.database = database
            writer.retry()
            assert stored_scores(database) == [5, 5, 5]
        finally:
            database.close()


@pytest.fixture
def locked_by_another_process(tmp_path: Path) -> Iterator[subprocess.Popen[str]]:
    path = tmp_path / "spinecoach.sqlite3"
    open_database(path, now=T0).close()
    with lock_held(path) as holder:
        yield holder


def test_a_lock_held_by_another_program_keeps_the_score_until_it_is_released(
    tmp_path: Path, locked_by_another_process: subprocess.Popen[str]
) -> None:
    connection = connect(tmp_path / "spinecoach.sqlite3", read_only=False)
    connection.execute("PRAGMA busy_timeout = 200")  # the app waits 5 s; the test need not
    opened = Database(connection, read_only=False)
    try:
        writer = SafeWriter(opened, PendingJournal(tmp_path / PENDING_FILE_NAME))
        outcome = writer.add_pain_entry(pain(0, 7))
        assert not outcome.stored
        assert "another program is using the data file" in outcome.message
        assert writer.kept_on_disk
        holder = locked_by_another_process
        release(holder)
        holder.wait(timeout=10)
        writer.retry()
        assert stored_scores(opened) == [7]
    finally:
        opened.close()


def test_a_newer_versions_file_keeps_scores_pending_and_says_why(tmp_path: Path) -> None:
    path = tmp_path / "spinecoach.sqlite3"
    open_database(path, now=T0).close()
    with sqlite3.connect(path) as connection:
        connection.execute("PRAGMA user_version = 999")
    connection.close()
    database = open_database(path, now=T0)
    try:
        assert database.read_only
        writer = SafeWriter(database, PendingJournal(tmp_path / PENDING_FILE_NAME))
        outcome = writer.add_pain_entry(pain(0, 4))
        assert not outcome.stored
        assert "newer version of SpineCoach" in outcome.message
        assert outcome.problem is not None and outcome.problem.permanent
        assert len(PendingJournal(tmp_path / PENDING_FILE_NAME).load()) == 1  # kept on disk
    finally:
        database.close()
