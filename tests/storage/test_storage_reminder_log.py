"""The reminder log (schema v3): committed at once, offsets kept, bad rows refused clearly."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest

from spinecoach.core.records import ReminderAction, ReminderLogEntry
from spinecoach.storage.database import Database
from spinecoach.storage.errors import StoredDataError

NOW = datetime(2026, 3, 2, 9, 30, tzinfo=UTC)
BERLIN_WINTER = timezone(timedelta(hours=1))


def test_a_skip_with_its_reason_is_committed_at_once(database: Database, db_path: Path) -> None:
    saved = database.add_reminder_event(
        ReminderLogEntry(recorded_at=NOW, action=ReminderAction.SKIPPED, detail="in_pain")
    )
    other = sqlite3.connect(db_path)
    try:
        rows = other.execute("SELECT id, action, detail FROM reminder_events").fetchall()
    finally:
        other.close()
    assert rows == [(saved.id, "skipped", "in_pain")]


def test_range_query_keeps_order_and_offsets(database: Database) -> None:
    local = NOW.astimezone(BERLIN_WINTER)
    database.add_reminder_event(
        ReminderLogEntry(
            recorded_at=local + timedelta(minutes=5), action=ReminderAction.SNOOZED, detail="5"
        )
    )
    database.add_reminder_event(ReminderLogEntry(recorded_at=local, action=ReminderAction.SHOWN))
    database.add_reminder_event(
        ReminderLogEntry(recorded_at=NOW + timedelta(days=1), action=ReminderAction.SHOWN)
    )
    day = database.reminder_events(NOW - timedelta(hours=1), NOW + timedelta(hours=1))
    assert [(e.action, e.detail) for e in day] == [
        (ReminderAction.SHOWN, ""),
        (ReminderAction.SNOOZED, "5"),
    ]
    assert day[0].recorded_at.utcoffset() == timedelta(hours=1)


def test_invalid_entries_are_refused_before_storage() -> None:
    with pytest.raises(ValueError, match="recorded_at"):
        ReminderLogEntry(recorded_at=datetime(2026, 3, 2), action=ReminderAction.SHOWN)
    with pytest.raises(ValueError, match="detail"):
        ReminderLogEntry(recorded_at=NOW, action=ReminderAction.SHOWN, detail="x" * 201)
    with pytest.raises(ValueError, match="action"):
        ReminderLogEntry(recorded_at=NOW, action="exploded")  # type: ignore[arg-type]


def test_the_table_refuses_unknown_actions(database: Database, db_path: Path) -> None:
    other = sqlite3.connect(db_path)
    try:
        with pytest.raises(sqlite3.IntegrityError):
            other.execute(
                "INSERT INTO reminder_events (recorded_at, recorded_at_epoch, action)"
                " VALUES ('2026-03-02T09:30:00+00:00', 0, 'exploded')"
            )
    finally:
        other.close()


def test_a_hand_damaged_row_is_reported_by_name(database: Database, db_path: Path) -> None:
    other = sqlite3.connect(db_path)
    try:
        other.execute(
            "INSERT INTO reminder_events (recorded_at, recorded_at_epoch, action)"
            " VALUES ('not a time', ?, 'shown')",
            (NOW.timestamp(),),
        )
        other.commit()
    finally:
        other.close()
    with pytest.raises(StoredDataError, match="reminder_events row"):
        database.reminder_events(NOW - timedelta(hours=1), NOW + timedelta(hours=1))
