"""Migration 6 on a real version-5 file (pain_entries rebuilt, nothing lost), the changes table,
the rules' reads (exercise days, next mornings), and the CSV taking the next-morning context."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone
from pathlib import Path

import pytest

from spinecoach.core.progression_history import ExerciseDay, NextMorning
from spinecoach.core.records import (
    ChangeKind,
    ChangeStatus,
    HurtEvent,
    PainContext,
    PainEntry,
    ProgressionChange,
    SessionStatus,
)
from spinecoach.storage.csv_io import apply_import, export_csv, read_csv
from spinecoach.storage.database import Database
from spinecoach.storage.migrations import MIGRATIONS
from spinecoach.storage.opening import open_database
from tests.storage.test_storage_migrations import _rows, _version

V5_AT = datetime(2026, 2, 1, 9, 0, tzinfo=UTC)
NOW = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
BERLIN_WINTER = timezone(timedelta(hours=1))


def _build_v5(path: Path) -> None:
    with open_database(path, now=V5_AT, migrations=MIGRATIONS[:5]) as database:
        assert database.schema_version == 5
        for day in range(3):
            at = datetime(2026, 2, 3 + day, 18, 0, tzinfo=BERLIN_WINTER)
            session = database.start_session("evening", "Evening", 2, at)
            assert session.id is not None
            for context, minutes in ((PainContext.BEFORE, 0), (PainContext.AFTER, 20)):
                database.add_pain_entry(
                    PainEntry(
                        recorded_at=at + timedelta(minutes=minutes),
                        score=3 + day,
                        context=context,
                        session_id=session.id,
                        note=f"day {day}",
                    )
                )
            database.record_exercise_done(session.id, "glute-bridge")
            database.finish_session(session.id, SessionStatus.COMPLETED, at + timedelta(minutes=20))
        check_in = database.add_pain_entry(
            PainEntry(recorded_at=V5_AT, score=4, context=PainContext.CHECK_IN)
        )
        assert check_in.id is not None
        database.delete_pain_entry(check_in.id, V5_AT)
        sessions = database.sessions(V5_AT, NOW)
        assert sessions[0].id is not None
        database.delete_session(sessions[0].id, V5_AT)  # hides its two entries with it


def _pain_rows(path: Path) -> list[tuple[object, ...]]:
    return _rows(path, "SELECT * FROM pain_entries ORDER BY id")


def test_a_v5_file_keeps_every_pain_row_and_index_and_takes_next_morning(db_path: Path) -> None:
    _build_v5(db_path)
    before = _pain_rows(db_path)
    sequence = _rows(db_path, "SELECT seq FROM sqlite_sequence WHERE name = 'pain_entries'")
    assert len(before) == 7

    opened = open_database(db_path, now=NOW)
    with opened as database:
        assert database.schema_version == 6
        stored = database.add_pain_entry(
            PainEntry(recorded_at=NOW, score=2, context=PainContext.NEXT_MORNING)
        )
        assert database.pain_entry(stored.id or 0).context is PainContext.NEXT_MORNING
    assert stored.id == 8  # AUTOINCREMENT carried over: never an id used before
    assert _pain_rows(db_path)[:7] == before
    assert _rows(db_path, "SELECT seq FROM sqlite_sequence WHERE name = 'pain_entries'") == [(8,)]
    assert sequence == [(7,)]
    indexes = {
        row[0]
        for row in _rows(db_path, "SELECT name FROM sqlite_master WHERE tbl_name = 'pain_entries'")
    }
    assert indexes >= {
        "pain_entries",
        "pain_entries_by_time",
        "pain_entries_by_session",
        "pain_entries_shown_by_time",
    }
    assert not any("v6" in str(name) for name in indexes)
    assert _rows(db_path, "PRAGMA foreign_key_check") == []
    assert _rows(db_path, "PRAGMA integrity_check") == [("ok",)]
    backup = opened.backup_path
    assert backup is not None and backup.name.startswith("spinecoach.sqlite3.backup-v5-")
    assert _version(backup) == 5
    assert _pain_rows(backup) == before


def test_the_schema_still_refuses_an_unknown_context(database: Database, db_path: Path) -> None:
    import sqlite3

    with sqlite3.connect(db_path) as connection, pytest.raises(sqlite3.IntegrityError):
        connection.execute(
            "INSERT INTO pain_entries (recorded_at, recorded_at_epoch, score, context)"
            " VALUES ('2026-03-01T08:00:00+00:00', 0, 3, 'sometime')"
        )


def _change(
    at: datetime, status: ChangeStatus, kind: ChangeKind = ChangeKind.MORE_REPS
) -> ProgressionChange:
    return ProgressionChange(
        recorded_at=at,
        routine_id="evening",
        exercise_id="glute-bridge",
        kind=kind,
        from_text="10 reps, 3 s hold",
        to_text="12 reps, 3 s hold",
        reason="You did “Glute bridge” in full …",
        status=status,
    )


def test_changes_are_kept_and_declined_ones_read_back(database: Database) -> None:
    old = database.add_progression_change(_change(NOW - timedelta(days=20), ChangeStatus.DECLINED))
    new = database.add_progression_change(
        _change(NOW - timedelta(days=2), ChangeStatus.DECLINED, ChangeKind.LESS)
    )
    taken = database.add_progression_change(_change(NOW - timedelta(days=1), ChangeStatus.ACCEPTED))
    assert [c.id for c in database.progression_changes(NOW - timedelta(days=30), NOW)] == [
        old.id,
        new.id,
        taken.id,
    ]
    assert database.progression_changes(NOW - timedelta(days=30), NOW)[2] == taken
    assert database.declined_since(NOW - timedelta(days=14)) == [
        ("evening", "glute-bridge", ChangeKind.LESS)
    ]
    with pytest.raises(ValueError, match="already stored"):
        database.add_progression_change(taken)


def test_exercise_days_and_next_mornings_read_what_the_rules_need(database: Database) -> None:
    at = datetime(2026, 3, 1, 19, 0, tzinfo=BERLIN_WINTER)
    session = database.start_session("evening", "Evening", 3, at)
    assert session.id is not None
    database.add_pain_entry(
        PainEntry(recorded_at=at, score=3, context=PainContext.BEFORE, session_id=session.id)
    )
    database.record_exercise_done(session.id, "glute-bridge")
    database.record_exercise_skipped(session.id, "bird-dog")
    database.add_hurt_event(
        HurtEvent(
            session_id=session.id,
            exercise_id="bird-dog",
            recorded_at=at + timedelta(minutes=5),
            action="skipped",
        )
    )
    database.add_pain_entry(
        PainEntry(
            recorded_at=at + timedelta(minutes=20),
            score=4,
            context=PainContext.AFTER,
            session_id=session.id,
        )
    )
    database.finish_session(session.id, SessionStatus.COMPLETED, at + timedelta(minutes=20))
    database.add_pain_entry(
        PainEntry(
            recorded_at=datetime(2026, 3, 2, 8, 0, tzinfo=BERLIN_WINTER),
            score=5,
            context=PainContext.NEXT_MORNING,
        )
    )
    start, end = at - timedelta(days=1), at + timedelta(days=2)
    assert database.exercise_days(start, end) == [
        ExerciseDay(date(2026, 3, 1), "glute-bridge", True, 3, 4, False),
        ExerciseDay(date(2026, 3, 1), "bird-dog", False, 3, 4, True),
    ]
    assert database.next_mornings(start, end) == [NextMorning(date(2026, 3, 1), 5, 3)]


def test_the_csv_exports_and_imports_a_next_morning_score(
    database: Database, tmp_path: Path
) -> None:
    at = datetime(2026, 3, 2, 8, 0, tzinfo=BERLIN_WINTER)
    database.add_pain_entry(PainEntry(recorded_at=at, score=2, context=PainContext.NEXT_MORNING))
    path = tmp_path / "history.csv"
    export_csv(database, path)
    assert ",next-morning," in path.read_text(encoding="utf-8")
    preview = read_csv(path)
    assert preview.problems == ()
    assert [row.entry.context for row in preview.pain_entries] == [PainContext.NEXT_MORNING]
    assert apply_import(database, preview).skipped_duplicates == 1
