"""A file from a newer SpineCoach is opened read-only: readable, never migrated, never written."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from spinecoach.core.records import HurtEvent, PainContext, PainEntry, SessionStatus
from spinecoach.storage.database import Database
from spinecoach.storage.errors import ReadOnlyDatabaseError
from spinecoach.storage.opening import open_database

NOW = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)


@pytest.fixture
def newer_file(tmp_path: Path) -> Path:
    """A current database holding one entry and one session, then stamped as version 7."""
    path = tmp_path / "spinecoach.sqlite3"
    with open_database(path, now=NOW) as database:
        database.add_pain_entry(
            PainEntry(recorded_at=NOW, score=3, context=PainContext.CHECK_IN, note="ok")
        )
        database.start_session("morning", "Morning", 3, NOW)
    connection = sqlite3.connect(path)
    connection.execute("PRAGMA user_version = 7")
    connection.commit()
    connection.close()
    assert not path.with_name(path.name + "-wal").exists()
    return path


def test_newer_file_opens_read_only_with_notice(newer_file: Path) -> None:
    opened = open_database(newer_file, now=NOW)
    with opened as database:
        entries = database.pain_entries(NOW - timedelta(days=1), NOW + timedelta(days=1))

    assert opened.read_only
    assert isinstance(opened, Database)
    assert opened.schema_version == 7
    assert opened.notice is not None
    assert opened.notice.startswith("This data was written by a newer version of SpineCoach")
    assert "opened read-only so nothing is changed" in opened.notice
    assert opened.notice.endswith("Please update SpineCoach.")
    assert [entry.note for entry in entries] == ["ok"]
    assert opened.backup_path is None


def test_every_write_is_refused_and_the_file_is_byte_identical(newer_file: Path) -> None:
    before = newer_file.read_bytes()
    opened = open_database(newer_file, now=NOW)
    database = opened
    later = NOW + timedelta(minutes=5)
    writes: list[Callable[[], object]] = [
        lambda: database.add_pain_entry(
            PainEntry(recorded_at=later, score=2, context=PainContext.AFTER)
        ),
        lambda: database.start_session("evening", "Evening", 2, later),
        lambda: database.record_exercise_done(1, "cat-cow"),
        lambda: database.finish_session(1, SessionStatus.COMPLETED, later),
        lambda: database.add_hurt_event(
            HurtEvent(session_id=1, exercise_id="cat-cow", recorded_at=later, action="skipped")
        ),
        lambda: database.set_setting("theme", "dark"),
        lambda: database.save_custom_routine("mine", "Mine", "title = 'x'", later),
        lambda: database.delete_custom_routine("mine"),
        lambda: database.mark_abandoned_sessions(later),
        lambda: database.delete_session(1, later),
        lambda: database.restore_session(1),
        lambda: database.delete_pain_entry(1, later),
        lambda: database.restore_pain_entry(1),
        lambda: database.update_session_note(1, "edited"),
        lambda: database.update_pain_note(1, "edited"),
        lambda: database.add_history(
            [], [PainEntry(recorded_at=later, score=2, context=PainContext.CHECK_IN)]
        ),
    ]
    for write in writes:
        with pytest.raises(ReadOnlyDatabaseError, match="newer version"):
            write()
    database.close()

    assert newer_file.read_bytes() == before
    connection = sqlite3.connect(newer_file)
    try:
        assert connection.execute("PRAGMA user_version").fetchone()[0] == 7
    finally:
        connection.close()
    assert not list(newer_file.parent.glob("*.backup-*"))
    assert not list(newer_file.parent.glob("*.corrupt-*"))


def test_query_only_guards_even_raw_sql(newer_file: Path) -> None:
    with (
        open_database(newer_file, now=NOW) as database,
        pytest.raises(sqlite3.OperationalError),
    ):
        database._read().execute("DELETE FROM pain_entries")
