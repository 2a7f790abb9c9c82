"""Schema version 4: "carry on gently" is kept, and so is every exercise skipped (issue 15)."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from spinecoach.core.records import HurtEvent, SessionStatus
from spinecoach.storage import schema_v2, schema_v3
from spinecoach.storage.database import Database
from spinecoach.storage.journal import PENDING_FILE_NAME, PendingJournal
from spinecoach.storage.opening import open_database
from spinecoach.storage.safe_writer import SafeWriter
from tests.faults.seams import DISK_FULL, Faults
from tests.storage.test_storage_migrations import CURRENT, _build_v1_by_hand, _rows, _version

NOW = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
WIDE = (NOW - timedelta(days=30), NOW + timedelta(days=1))


def _build_v3_by_hand(path: Path) -> None:
    """A version-3 file holding a session with both kinds of "this hurts" it could store."""
    _build_v1_by_hand(path)
    connection = sqlite3.connect(path, isolation_level=None)
    try:
        for statement in (*schema_v2.STATEMENTS, *schema_v3.STATEMENTS):
            connection.execute(statement)
        connection.execute("PRAGMA user_version = 3")
        for recorded, action in (("08:05", "skipped"), ("08:10", "ended")):
            connection.execute(
                "INSERT INTO hurt_events (session_id, exercise_id, recorded_at,"
                " recorded_at_epoch, action) VALUES (1, 'bird-dog', ?, ?, ?)",
                (f"2026-03-01T{recorded}:00+05:30", 1772332500.0, action),
            )
    finally:
        connection.close()


def test_a_v3_file_keeps_its_hurts_with_their_ids_and_takes_carry_on(db_path: Path) -> None:
    _build_v3_by_hand(db_path)
    with open_database(db_path, now=NOW) as database:
        assert database.schema_version == CURRENT
        kept = database.hurt_events(1)
        [session] = database.sessions(*WIDE)
        added = database.add_hurt_event(
            HurtEvent(session_id=1, exercise_id="cat-cow", recorded_at=NOW, action="continued")
        )
    assert [(e.id, e.exercise_id, e.action) for e in kept] == [
        (1, "bird-dog", "skipped"),
        (2, "bird-dog", "ended"),
    ]
    assert session.exercises_skipped == ()
    assert added.id == 3  # AUTOINCREMENT carried over: no id is ever used twice
    backup = next(db_path.parent.glob("*.backup-v3-*"))
    assert _version(backup) == 3
    indexes = {row[0] for row in _rows(db_path, "SELECT name FROM sqlite_master")}
    assert {"hurt_events_by_session", "hurt_events_by_time"} <= indexes
    assert "hurt_events_v4" not in indexes


def test_the_schema_refuses_an_unknown_answer(database: Database, db_path: Path) -> None:
    record = database.start_session("desk-break", "Desk break", 2, NOW)
    connection = sqlite3.connect(db_path)
    try:
        with pytest.raises(sqlite3.IntegrityError, match="CHECK"):
            connection.execute(
                "INSERT INTO hurt_events (session_id, exercise_id, recorded_at,"
                " recorded_at_epoch, action) VALUES (?, 'x', 't', 0, 'ignored')",
                (record.id,),
            )
    finally:
        connection.close()


def test_skipped_exercises_are_kept_apart_from_the_ones_done(database: Database) -> None:
    record = database.start_session("desk-break", "Desk break", 3, NOW)
    assert record.id is not None
    database.record_exercise_done(record.id, "chin-tucks")
    database.record_exercise_skipped(record.id, "shoulder-rolls")
    database.finish_session(record.id, SessionStatus.COMPLETED, NOW + timedelta(minutes=2))
    with pytest.raises(ValueError, match="already completed"):
        database.record_exercise_skipped(record.id, "seated-twist")
    stored = database.session(record.id)
    assert stored.exercises_completed == ("chin-tucks",)
    assert stored.exercises_skipped == ("shoulder-rolls",)


def test_a_late_feeling_fills_in_once_and_never_replaces(database: Database) -> None:
    record = database.start_session("desk-break", "Desk break", 1, NOW)
    assert record.id is not None
    with pytest.raises(ValueError, match="in progress"):
        database.add_session_feeling(record.id, "same")
    database.finish_session(record.id, SessionStatus.STOPPED, NOW + timedelta(minutes=1))
    assert database.add_session_feeling(record.id, "harder").feeling == "harder"
    with pytest.raises(ValueError, match="already has a feeling"):
        database.add_session_feeling(record.id, "easier")
    assert database.session(record.id).feeling == "harder"


@pytest.fixture
def opened(tmp_path: Path) -> Iterator[Database]:
    database = open_database(tmp_path / "spinecoach.sqlite3", now=NOW)
    yield database
    database.close()


def test_skips_carry_ons_and_a_late_feeling_wait_on_a_full_disk_and_are_stored_once(
    opened: Database, tmp_path: Path
) -> None:
    faults = Faults(opened)
    faults.error = DISK_FULL
    safe = SafeWriter(opened, PendingJournal(tmp_path / PENDING_FILE_NAME))
    key, _ = safe.start_session("desk-break", "Desk break", 3, NOW)
    safe.record_exercise_skipped(key, "chin-tucks")
    safe.add_hurt_event(key, "shoulder-rolls", NOW + timedelta(seconds=30), "continued")
    safe.record_exercise_skipped(key, "shoulder-rolls")
    safe.finish_session(key, SessionStatus.COMPLETED, NOW + timedelta(minutes=2))
    safe.add_session_feeling(key, "same")
    journal = (tmp_path / PENDING_FILE_NAME).read_text()
    faults.error = None
    assert safe.retry() == 6
    # As if the process died before rewriting the journal: the replay stores nothing twice.
    (tmp_path / PENDING_FILE_NAME).write_text(journal)
    assert SafeWriter(opened, PendingJournal(tmp_path / PENDING_FILE_NAME)).retry() == 6
    [session] = opened.sessions(*WIDE)
    assert session.exercises_skipped == ("chin-tucks", "shoulder-rolls")
    assert session.exercises_completed == ()
    assert session.feeling == "same"
    assert session.id is not None
    assert [(e.exercise_id, e.action) for e in opened.hurt_events(session.id)] == [
        ("shoulder-rolls", "continued")
    ]
