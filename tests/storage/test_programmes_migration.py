"""Migration 5 on a real version-4 file: nothing lost, a backup first, and only once."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

from spinecoach.core.records import (
    HurtEvent,
    PainContext,
    PainEntry,
    ReminderAction,
    ReminderLogEntry,
    SessionStatus,
)
from spinecoach.storage.migrations import MIGRATIONS, apply_migrations, user_version
from spinecoach.storage.opening import open_database, open_read_only
from tests.storage.test_storage_migrations import _rows, _version

V4_AT = datetime(2026, 2, 1, 9, 0, tzinfo=UTC)
NOW = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
STAMP = "20260302T090000Z"
INDIA = timezone(timedelta(hours=5, minutes=30))
V4 = MIGRATIONS[:4]
V5 = MIGRATIONS[:5]
ROUTINE = 'name = "Desk break"\nexercises = ["chin-tucks", "shoulder-rolls"]\n'
TABLES = (
    "sessions",
    "pain_entries",
    "hurt_events",
    "custom_routines",
    "settings",
    "reminder_events",
    "sqlite_sequence",
)


def _build_v4(path: Path) -> None:
    """A version-4 file written by version 4's own migrations and record methods."""
    with open_database(path, now=V4_AT, migrations=V4) as database:
        assert database.schema_version == 4
        start = datetime(2026, 2, 3, 8, 0, tzinfo=INDIA)
        for day in range(3):
            at = start + timedelta(days=day)
            session = database.start_session("morning", "Morning mobility", 3, at)
            assert session.id is not None
            database.add_pain_entry(
                PainEntry(
                    recorded_at=at, score=5, context=PainContext.BEFORE, session_id=session.id
                )
            )
            database.record_exercise_done(session.id, "cat-cow")
            database.record_exercise_skipped(session.id, "bird-dog")
            database.add_hurt_event(
                HurtEvent(
                    session_id=session.id,
                    exercise_id="bird-dog",
                    recorded_at=at + timedelta(minutes=3),
                    action="continued",
                )
            )
            database.finish_session(
                session.id, SessionStatus.COMPLETED, at + timedelta(minutes=12), "easier", "ok"
            )
        database.add_pain_entry(
            PainEntry(recorded_at=start, score=3, context=PainContext.CHECK_IN, note="stiff")
        )
        database.delete_session(1, V4_AT + timedelta(days=5))  # a hidden one stays hidden
        database.add_reminder_event(
            ReminderLogEntry(recorded_at=start, action=ReminderAction.SKIPPED, detail="in_pain")
        )
        database.set_setting("theme", "dark")
        # Version 4's save_custom_routine, as it wrote the row:
        database._read().execute(
            "INSERT INTO custom_routines (id, name, body, created_at, updated_at)"
            " VALUES ('desk-break', 'Desk break', ?, '2026-02-01T10:00:00+01:00',"
            " '2026-02-02T10:00:00+01:00'), ('evening', 'Evening', '', "
            " '2026-02-01T20:00:00+01:00', '2026-02-01T20:00:00+01:00')",
            (ROUTINE,),
        )
    assert _version(path) == 4


def _contents(path: Path) -> dict[str, list[tuple[object, ...]]]:
    """Every row of every version-4 table, its version-4 columns only, in rowid order."""
    contents: dict[str, list[tuple[object, ...]]] = {}
    for table in TABLES:
        columns = ", ".join(str(row[1]) for row in _rows(path, f"PRAGMA table_info({table})"))
        if table in ("custom_routines", "sessions", "pain_entries"):
            columns = ", ".join(
                c for c in columns.split(", ") if c not in ("based_on", "programme_id")
            )
        contents[table] = _rows(path, f"SELECT {columns} FROM {table} ORDER BY rowid")
    return contents


def test_a_v4_file_with_data_upgrades_to_5_with_nothing_lost(db_path: Path) -> None:
    _build_v4(db_path)
    before = _contents(db_path)
    assert len(before["sessions"]) == 3
    assert len(before["pain_entries"]) == 4
    assert len(before["hurt_events"]) == 3
    assert len(before["custom_routines"]) == 2

    opened = open_database(db_path, now=NOW, migrations=V5)
    with opened as database:
        routines = database.custom_routines()
        assert database.programmes() == []
        assert database.active_programme() is None
        assert database.count_sessions() == 2
        done = database.completed_sessions_between(V4_AT, NOW)

    assert opened.schema_version == 5
    assert _version(db_path) == 5
    assert _contents(db_path) == before
    assert [(r.id, r.name, r.based_on, r.programme_id) for r in routines] == [
        ("desk-break", "Desk break", None, None),
        ("evening", "Evening", None, None),
    ]
    assert routines[0].created_at.isoformat() == "2026-02-01T10:00:00+01:00"
    assert [(routine_id, at.isoformat()) for routine_id, at in done] == [
        ("morning", "2026-02-04T08:00:00+05:30"),
        ("morning", "2026-02-05T08:00:00+05:30"),
    ]
    assert _rows(db_path, "PRAGMA foreign_key_check") == []
    assert _rows(db_path, "PRAGMA integrity_check") == [("ok",)]

    backup = opened.backup_path
    assert backup is not None
    assert backup.name == f"spinecoach.sqlite3.backup-v4-{STAMP}.sqlite3"
    assert _version(backup) == 4
    assert _rows(backup, "PRAGMA integrity_check") == [("ok",)]
    assert _contents(backup) == before
    assert "programmes" not in {row[0] for row in _rows(backup, "SELECT name FROM sqlite_master")}
    assert backup.stat().st_mode & 0o777 == 0o600


def test_running_migration_5_again_changes_nothing(db_path: Path) -> None:
    _build_v4(db_path)
    open_database(db_path, now=NOW, migrations=V5).close()
    schema = _rows(db_path, "SELECT type, name, sql FROM sqlite_master ORDER BY name")
    contents = _contents(db_path)

    connection = sqlite3.connect(db_path, isolation_level=None)
    try:
        assert apply_migrations(connection, V5) == []
        assert user_version(connection) == 5
    finally:
        connection.close()
    again = open_database(db_path, now=NOW + timedelta(hours=1), migrations=V5)
    again.close()

    assert again.backup_path is None
    assert len(list(db_path.parent.glob("*.backup-*"))) == 1
    assert _rows(db_path, "SELECT type, name, sql FROM sqlite_master ORDER BY name") == schema
    assert _contents(db_path) == contents


def test_the_upgraded_file_takes_programmes_and_eased_copies(db_path: Path) -> None:
    _build_v4(db_path)
    with open_database(db_path, now=NOW) as database:
        database.save_programme(
            "lower-back", "Lower back", "A. Physio", "format = 1\n", "lb.programme.toml", NOW
        )
        database.save_custom_routine(
            "eased",
            "Eased",
            ROUTINE,
            NOW,
            based_on="programme-lower-back-x",
            programme_id="lower-back",
        )
        database.save_custom_routine("desk-break", "Desk break, renamed", ROUTINE, NOW)
        assert database.delete_programme("lower-back")
        routines = database.custom_routines()
    assert [(r.id, r.name) for r in routines] == [
        ("desk-break", "Desk break, renamed"),
        ("evening", "Evening"),
    ]
    assert routines[0].created_at.isoformat() == "2026-02-01T10:00:00+01:00"


def test_an_unmigrated_v4_file_read_only_shows_routines_and_no_programme(db_path: Path) -> None:
    _build_v4(db_path)
    before = db_path.read_bytes()
    with open_read_only(db_path) as database:
        assert database.schema_version == 4
        assert [(r.id, r.based_on, r.programme_id) for r in database.custom_routines()] == [
            ("desk-break", None, None),
            ("evening", None, None),
        ]
        assert database.programmes() == []
        assert database.active_programme() is None
        assert len(database.completed_sessions_between(V4_AT, NOW)) == 2
    assert db_path.read_bytes() == before
