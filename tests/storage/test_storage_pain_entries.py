"""Pain entries: committed at once, time zones kept, UTC range queries, invalid scores refused."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from spinecoach.core.records import MAX_NOTE_LENGTH, PainContext, PainEntry
from spinecoach.storage.database import Database
from spinecoach.storage.errors import UnknownRecordError
from spinecoach.storage.opening import open_database

NOW = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
INDIA = timezone(timedelta(hours=5, minutes=30))
CALIFORNIA = timezone(timedelta(hours=-8))


def _entry(recorded_at: datetime, score: int = 4, note: str = "") -> PainEntry:
    return PainEntry(recorded_at=recorded_at, score=score, context=PainContext.BEFORE, note=note)


def test_entry_is_visible_to_another_connection_before_close(
    database: Database, db_path: Path
) -> None:
    saved = database.add_pain_entry(_entry(NOW, score=7, note="after gardening"))

    other = sqlite3.connect(db_path)
    try:
        rows = other.execute("SELECT id, score, note FROM pain_entries").fetchall()
    finally:
        other.close()

    assert saved.id is not None
    assert rows == [(saved.id, 7, "after gardening")]
    assert not database.closed


def test_offsets_round_trip_exactly(database: Database) -> None:
    delhi = datetime(2026, 3, 2, 8, 0, 0, 123456, tzinfo=INDIA)
    san_francisco = datetime(2026, 3, 1, 18, 0, tzinfo=CALIFORNIA)
    database.add_pain_entry(_entry(delhi))
    database.add_pain_entry(_entry(san_francisco))

    found = database.pain_entries(NOW - timedelta(days=2), NOW)

    # Oldest first in UTC: 18:00-08:00 is 02:00Z, 08:00+05:30 is 02:30Z.
    assert [entry.recorded_at.isoformat() for entry in found] == [
        "2026-03-01T18:00:00-08:00",
        "2026-03-02T08:00:00.123456+05:30",
    ]
    assert [entry.recorded_at for entry in found] == [san_francisco, delhi]
    assert [entry.recorded_at.utcoffset() for entry in found] == [
        timedelta(hours=-8),
        timedelta(hours=5, minutes=30),
    ]


def test_range_is_compared_in_utc_and_half_open(database: Database) -> None:
    delhi = database.add_pain_entry(_entry(datetime(2026, 3, 2, 8, 0, tzinfo=INDIA)))  # 02:30Z
    west = database.add_pain_entry(_entry(datetime(2026, 3, 1, 18, 0, tzinfo=CALIFORNIA)))  # 02Z

    # The same instants, written in other offsets, bound the range.
    start = datetime(2026, 3, 1, 21, 0, tzinfo=timezone(timedelta(hours=-5)))  # 02:00Z
    end = datetime(2026, 3, 2, 3, 30, tzinfo=timezone(timedelta(hours=1)))  # 02:30Z

    assert database.pain_entries(start, end) == [west]
    assert database.pain_entries(end, end + timedelta(microseconds=1)) == [delhi]
    assert database.pain_entries(start, end + timedelta(seconds=1)) == [west, delhi]
    assert database.pain_entries(end, end) == []


def test_range_must_be_aware_and_ordered(database: Database) -> None:
    with pytest.raises(ValueError, match="time zone"):
        database.pain_entries(datetime(2026, 3, 1), NOW)
    with pytest.raises(ValueError, match="after its end"):
        database.pain_entries(NOW, NOW - timedelta(days=1))


def test_score_eleven_is_refused_by_the_record(database: Database) -> None:
    with pytest.raises(ValueError, match="0 to 10"):
        _entry(NOW, score=11)
    assert database.pain_entries(NOW - timedelta(days=1), NOW + timedelta(days=1)) == []


def test_score_eleven_is_refused_by_the_schema_too(database: Database) -> None:
    with pytest.raises(sqlite3.IntegrityError, match="CHECK"):
        database._read().execute(
            "INSERT INTO pain_entries (recorded_at, recorded_at_epoch, score, context)"
            " VALUES ('2026-03-02T09:00:00+00:00', 1772442000.0, 11, 'before')"
        )
    with pytest.raises(sqlite3.IntegrityError, match="CHECK"):
        database._read().execute(
            "INSERT INTO pain_entries (recorded_at, recorded_at_epoch, score, context)"
            " VALUES ('2026-03-02T09:00:00+00:00', 1772442000.0, 5, 'during')"
        )


def test_unknown_session_is_refused_and_nothing_written(database: Database) -> None:
    entry = PainEntry(recorded_at=NOW, score=3, context=PainContext.AFTER, session_id=99)
    with pytest.raises(UnknownRecordError, match="99"):
        database.add_pain_entry(entry)
    assert database.pain_entries(NOW - timedelta(days=1), NOW + timedelta(days=1)) == []


def test_an_already_stored_entry_is_not_added_twice(database: Database) -> None:
    saved = database.add_pain_entry(_entry(NOW))
    with pytest.raises(ValueError, match="already stored"):
        database.add_pain_entry(saved)


def test_entry_linked_to_session_keeps_the_link(database: Database) -> None:
    session = database.start_session("morning", "Morning", 2, NOW)
    assert session.id is not None
    entry = PainEntry(recorded_at=NOW, score=5, context=PainContext.BEFORE, session_id=session.id)
    saved = database.add_pain_entry(entry)
    assert database.pain_entries(NOW, NOW + timedelta(seconds=1)) == [saved]
    assert saved.session_id == session.id


offsets = st.integers(min_value=-86_399, max_value=86_399).map(
    lambda seconds: timezone(timedelta(seconds=seconds))
)
pain_entries = st.builds(
    PainEntry,
    # One day of margin at each end so the ±1 s query window below cannot overflow.
    recorded_at=st.datetimes(
        min_value=datetime(1, 1, 2), max_value=datetime(9999, 12, 30), timezones=offsets
    ),
    score=st.integers(min_value=0, max_value=10),
    context=st.sampled_from(PainContext),
    note=st.text(max_size=MAX_NOTE_LENGTH),
)


@settings(max_examples=200, deadline=None)
@given(entry=pain_entries)
def test_any_valid_entry_round_trips_identically(
    entry: PainEntry, tmp_path_factory: pytest.TempPathFactory
) -> None:
    path = tmp_path_factory.getbasetemp() / "round-trip.sqlite3"
    with open_database(path, now=NOW) as database:
        saved = database.add_pain_entry(entry)
        window = timedelta(seconds=1)
        found = [
            stored
            for stored in database.pain_entries(
                entry.recorded_at - window, entry.recorded_at + window
            )
            if stored.id == saved.id
        ]

    assert found == [saved]
    (stored,) = found
    assert stored.recorded_at.isoformat() == entry.recorded_at.isoformat()
    assert stored.recorded_at.utcoffset() == entry.recorded_at.utcoffset()
    assert (stored.score, stored.context, stored.note, stored.session_id) == (
        entry.score,
        entry.context,
        entry.note,
        entry.session_id,
    )
