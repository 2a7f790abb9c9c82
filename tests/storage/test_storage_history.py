"""What the History view needs: soft delete and undo, editable notes, counts, span, indexes."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest

from spinecoach.core.records import (
    MAX_NOTE_LENGTH,
    HurtEvent,
    PainContext,
    PainEntry,
    SessionRecord,
    SessionStatus,
)
from spinecoach.storage.database import Database
from spinecoach.storage.database.history import NewHurt
from spinecoach.storage.database.history_queries import HISTORY_QUERIES
from spinecoach.storage.database.sessions import SessionWithPain
from spinecoach.storage.errors import UnknownRecordError

NOW = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
LATER = NOW + timedelta(hours=3)
INDIA = timezone(timedelta(hours=5, minutes=30))
CALIFORNIA = timezone(timedelta(hours=-8))
EVERYTHING = (NOW - timedelta(days=365), NOW + timedelta(days=365))


def _pain(
    at: datetime,
    score: int = 4,
    context: PainContext = PainContext.BEFORE,
    *,
    session_id: int | None = None,
    note: str = "",
) -> PainEntry:
    return PainEntry(recorded_at=at, score=score, context=context, session_id=session_id, note=note)


def _finished_session(database: Database, at: datetime = NOW) -> tuple[int, int, int]:
    """A completed session with a before and an after score; returns the three ids."""
    session = database.start_session("morning-mobility", "Morning mobility", 2, at)
    assert session.id is not None
    before = database.add_pain_entry(_pain(at, 5, session_id=session.id))
    database.finish_session(session.id, SessionStatus.COMPLETED, at + timedelta(minutes=10))
    after = database.add_pain_entry(
        _pain(at + timedelta(minutes=10), 4, PainContext.AFTER, session_id=session.id)
    )
    assert before.id is not None
    assert after.id is not None
    return session.id, before.id, after.id


def _everything(path: Path) -> list[list[tuple[object, ...]]]:
    return [_raw(path, f"SELECT * FROM {table}") for table in ("sessions", "pain_entries")]


def _raw(path: Path, sql: str) -> list[tuple[object, ...]]:
    connection = sqlite3.connect(path)
    try:
        return [tuple(row) for row in connection.execute(sql)]
    finally:
        connection.close()


# Soft delete and undo -----------------------------------------------------------------------


def test_deleting_a_session_hides_it_and_its_scores_but_keeps_the_rows(
    database: Database, db_path: Path
) -> None:
    session_id, before_id, after_id = _finished_session(database)
    check_in = database.add_pain_entry(_pain(LATER, 3, PainContext.CHECK_IN))

    hidden = database.delete_session(session_id, LATER)

    assert isinstance(hidden, SessionWithPain)
    assert hidden.session.id == session_id
    assert [entry.id for entry in hidden.pain_entries] == [before_id, after_id]
    assert database.sessions(*EVERYTHING) == []
    assert database.pain_entries(*EVERYTHING) == [check_in]
    assert (database.count_sessions(), database.count_pain_entries()) == (0, 1)
    assert database.is_session_deleted(session_id)
    # Still on disk, marked, nothing erased:
    assert _raw(db_path, "SELECT id, deleted_at FROM sessions") == [
        (session_id, "2026-03-02T12:00:00+00:00")
    ]
    assert _raw(db_path, "SELECT count(*) FROM pain_entries") == [(3,)]
    assert [s.id for s in database.sessions(*EVERYTHING, include_deleted=True)] == [session_id]
    assert len(database.pain_entries(*EVERYTHING, include_deleted=True)) == 3


def test_restoring_a_session_brings_back_exactly_what_was_hidden(database: Database) -> None:
    session_id, _, _ = _finished_session(database)
    shown_before = (database.sessions(*EVERYTHING), database.pain_entries(*EVERYTHING))
    hidden = database.delete_session(session_id, LATER)

    restored = database.restore_session(session_id)

    assert restored == hidden
    assert (database.sessions(*EVERYTHING), database.pain_entries(*EVERYTHING)) == shown_before
    assert not database.is_session_deleted(session_id)


def test_a_score_deleted_on_its_own_stays_deleted_when_its_session_comes_back(
    database: Database,
) -> None:
    session_id, before_id, after_id = _finished_session(database)
    database.delete_pain_entry(after_id, NOW)  # same moment as the session's deletion below

    hidden = database.delete_session(session_id, NOW)
    restored = database.restore_session(session_id)

    assert [entry.id for entry in hidden.pain_entries] == [before_id]
    assert [entry.id for entry in restored.pain_entries] == [before_id]
    assert [entry.id for entry in database.pain_entries(*EVERYTHING)] == [before_id]
    assert database.restore_pain_entry(after_id).id == after_id
    assert [e.id for e in database.pain_entries(*EVERYTHING)] == [before_id, after_id]


def test_a_score_hidden_with_its_session_is_restored_with_the_session_only(
    database: Database,
) -> None:
    session_id, before_id, _ = _finished_session(database)
    database.delete_session(session_id, LATER)

    with pytest.raises(ValueError, match=f"deleted together with session {session_id}"):
        database.restore_pain_entry(before_id)
    assert database.pain_entries(*EVERYTHING) == []


def test_delete_and_restore_a_single_pain_entry(database: Database) -> None:
    entry = database.add_pain_entry(_pain(NOW, 6, PainContext.CHECK_IN, note="after the drive"))
    assert entry.id is not None

    assert database.delete_pain_entry(entry.id, LATER) == entry
    assert database.pain_entries(*EVERYTHING) == []
    assert database.count_pain_entries() == 0
    assert database.restore_pain_entry(entry.id) == entry
    assert database.pain_entries(*EVERYTHING) == [entry]


def test_mistakes_are_refused_with_a_clear_message_and_change_nothing(
    database: Database, db_path: Path
) -> None:
    session_id, before_id, _ = _finished_session(database)
    running = database.start_session("desk-break", "Desk break", 3, LATER)
    assert running.id is not None
    before = _everything(db_path)

    with pytest.raises(UnknownRecordError, match="no session with id 99"):
        database.delete_session(99, LATER)
    with pytest.raises(UnknownRecordError, match="no pain entry with id 99"):
        database.delete_pain_entry(99, LATER)
    with pytest.raises(ValueError, match="still in progress"):
        database.delete_session(running.id, LATER)
    with pytest.raises(ValueError, match="not deleted"):
        database.restore_session(session_id)
    with pytest.raises(ValueError, match="not deleted"):
        database.restore_pain_entry(before_id)
    with pytest.raises(ValueError, match="time zone"):
        database.delete_session(session_id, datetime(2026, 3, 2, 12, 0))

    assert _everything(db_path) == before
    database.delete_session(session_id, LATER)
    with pytest.raises(ValueError, match="already deleted"):
        database.delete_session(session_id, LATER)
    with pytest.raises(ValueError, match="already deleted"):
        database.delete_pain_entry(before_id, LATER)


def test_a_deleted_session_takes_no_new_scores_or_hurt_events(
    database: Database, db_path: Path
) -> None:
    session_id, _, _ = _finished_session(database)
    database.delete_session(session_id, LATER)
    before = _everything(db_path)

    with pytest.raises(ValueError, match="deleted; restore it"):
        database.add_pain_entry(_pain(LATER, session_id=session_id))
    with pytest.raises(ValueError, match="deleted; restore it"):
        database.add_hurt_event(
            HurtEvent(
                session_id=session_id, exercise_id="cat-cow", recorded_at=LATER, action="skipped"
            )
        )
    assert _everything(db_path) == before
    assert database.hurt_events(session_id) == []


def test_a_deleted_session_can_still_be_looked_up_by_id(database: Database) -> None:
    session_id, _, _ = _finished_session(database)
    database.delete_session(session_id, LATER)
    assert database.session(session_id).id == session_id
    assert database.is_session_deleted(session_id)
    with pytest.raises(UnknownRecordError):
        database.is_session_deleted(12345)


# Notes ----------------------------------------------------------------------------------------


def test_notes_stay_editable_after_a_session_has_finished(database: Database) -> None:
    session_id, before_id, _ = _finished_session(database)

    session = database.update_session_note(session_id, "Knees were fine today.")
    entry = database.update_pain_note(before_id, "Slept badly")

    assert session.note == "Knees were fine today."
    assert session.status is SessionStatus.COMPLETED
    assert database.session(session_id) == session
    assert [e.note for e in database.pain_entries(*EVERYTHING) if e.id == before_id] == [
        "Slept badly"
    ]
    assert entry.note == "Slept badly"
    assert database.update_session_note(session_id, "").note == ""


def test_a_note_of_1000_characters_is_kept_and_1001_refused(database: Database) -> None:
    session_id, before_id, _ = _finished_session(database)
    longest = "é" * MAX_NOTE_LENGTH
    assert database.update_session_note(session_id, longest).note == longest

    with pytest.raises(ValueError, match="1001 characters long; the limit is 1000"):
        database.update_session_note(session_id, "x" * (MAX_NOTE_LENGTH + 1))
    with pytest.raises(ValueError, match="1001 characters long; the limit is 1000"):
        database.update_pain_note(before_id, "x" * (MAX_NOTE_LENGTH + 1))

    assert database.session(session_id).note == longest
    assert [e.note for e in database.pain_entries(*EVERYTHING) if e.id == before_id] == [""]


def test_notes_of_deleted_records_and_unknown_ids_are_refused(database: Database) -> None:
    session_id, before_id, _ = _finished_session(database)
    database.delete_session(session_id, LATER)
    with pytest.raises(ValueError, match="deleted; restore it to edit"):
        database.update_session_note(session_id, "x")
    with pytest.raises(ValueError, match="deleted; restore it to edit"):
        database.update_pain_note(before_id, "x")
    with pytest.raises(UnknownRecordError):
        database.update_session_note(404, "x")
    with pytest.raises(UnknownRecordError):
        database.update_pain_note(404, "x")
    database.restore_session(session_id)
    with pytest.raises(ValueError, match="must be text"):
        database.update_pain_note(before_id, None)  # type: ignore[arg-type]


# Counts, span, hurt counts ------------------------------------------------------------------


def test_time_span_covers_scores_and_sessions_and_keeps_offsets(database: Database) -> None:
    assert database.time_span() is None

    first = datetime(2026, 1, 5, 7, 30, tzinfo=CALIFORNIA)  # 15:30Z
    database.add_pain_entry(_pain(datetime(2026, 1, 6, 8, 0, tzinfo=INDIA)))  # 02:30Z next day
    database.start_session("desk-break", "Desk break", 3, first)
    last = database.add_pain_entry(_pain(datetime(2026, 2, 1, 9, 0, tzinfo=INDIA)))
    assert last.id is not None

    span = database.time_span()
    assert span is not None
    assert [moment.isoformat() for moment in span] == [
        "2026-01-05T07:30:00-08:00",
        "2026-02-01T09:00:00+05:30",
    ]

    database.delete_pain_entry(last.id, NOW)
    span = database.time_span()
    assert span is not None
    assert span[1].isoformat() == "2026-01-06T08:00:00+05:30"


def test_counts_follow_deletes_and_undos(database: Database) -> None:
    assert (database.count_sessions(), database.count_pain_entries()) == (0, 0)
    first, _, _ = _finished_session(database)
    _finished_session(database, NOW + timedelta(days=1))
    assert (database.count_sessions(), database.count_pain_entries()) == (2, 4)
    database.delete_session(first, LATER)
    assert (database.count_sessions(), database.count_pain_entries()) == (1, 2)
    database.restore_session(first)
    assert (database.count_sessions(), database.count_pain_entries()) == (2, 4)


def test_hurt_counts_per_shown_session_in_range(database: Database) -> None:
    first, _, _ = _finished_session(database)
    second, _, _ = _finished_session(database, NOW + timedelta(days=1))
    for session_id, times in ((first, 2), (second, 1)):
        for _ in range(times):
            database.add_hurt_event(
                HurtEvent(
                    session_id=session_id, exercise_id="bird-dog", recorded_at=NOW, action="skipped"
                )
            )

    assert database.hurt_counts(*EVERYTHING) == {first: 2, second: 1}
    assert database.hurt_counts(NOW, NOW + timedelta(hours=1)) == {first: 2}
    database.delete_session(first, LATER)
    assert database.hurt_counts(*EVERYTHING) == {second: 1}


# Many at once -------------------------------------------------------------------------------


def test_add_history_links_scores_to_new_sessions_in_one_transaction(database: Database) -> None:
    existing, _, _ = _finished_session(database)
    session = SessionRecord(
        routine_id="core-strength",
        routine_name="Core strength",
        started_at=LATER,
        ended_at=LATER + timedelta(minutes=15),
        exercises_total=8,
        status=SessionStatus.COMPLETED,
    )
    added = database.add_history(
        [(session, [_pain(LATER, 5), _pain(LATER + timedelta(minutes=15), 4, PainContext.AFTER)])],
        [_pain(LATER, 2, PainContext.AFTER, session_id=existing)],
    )

    assert added.pain_entries == 3
    (stored,) = added.sessions
    assert stored.id is not None
    assert database.session(stored.id) == stored
    links = [
        (e.score, e.session_id) for e in database.pain_entries(LATER, LATER + timedelta(hours=1))
    ]
    assert links == [(5, stored.id), (2, existing), (4, stored.id)]


def test_add_history_writes_nothing_when_one_record_is_refused(
    database: Database, db_path: Path
) -> None:
    session_id, _, _ = _finished_session(database)
    database.delete_session(session_id, LATER)
    before = _raw(
        db_path, "SELECT count(*) FROM sessions UNION ALL SELECT count(*) FROM pain_entries"
    )
    session = SessionRecord(routine_id="x", routine_name="X", started_at=LATER, exercises_total=1)

    with pytest.raises(ValueError, match="deleted"):
        database.add_history([(session, [_pain(LATER)])], [_pain(LATER, session_id=session_id)])
    with pytest.raises(UnknownRecordError):
        database.add_history([(session, [])], [_pain(LATER, session_id=777)])
    with pytest.raises(ValueError, match="must not name another session"):
        database.add_history([(session, [_pain(LATER, session_id=session_id)])])

    after = _raw(
        db_path, "SELECT count(*) FROM sessions UNION ALL SELECT count(*) FROM pain_entries"
    )
    assert after == before


# Every history query uses an index ------------------------------------------------------------


def _plan(database: Database, sql: str) -> list[str]:
    rows = database._read().execute(f"EXPLAIN QUERY PLAN {sql}", {"low": 0.0, "high": 2e9})
    return [str(row["detail"]) for row in rows]


def test_every_history_query_uses_an_index(database: Database) -> None:
    # A realistic amount of data, so the planner's choice is the one users get.
    sessions = [
        (
            SessionRecord(
                routine_id="desk-break",
                routine_name="Desk break",
                started_at=NOW - timedelta(hours=9 * day),
                ended_at=NOW - timedelta(hours=9 * day) + timedelta(minutes=3),
                exercises_total=5,
                status=SessionStatus.COMPLETED,
            ),
            [_pain(NOW - timedelta(hours=9 * day), day % 11)],
        )
        for day in range(1500)
    ]
    added = database.add_history(
        sessions, [_pain(NOW + timedelta(minutes=m), 3) for m in range(500)]
    )
    for session in added.sessions[::10]:
        assert session.id is not None
        database.delete_session(session.id, NOW)

    plans = {name: _plan(database, sql) for name, sql in HISTORY_QUERIES.items()}

    for name, plan in plans.items():
        for step in plan:
            if step.startswith(("SCAN", "SEARCH")):
                assert " USING " in step and "INDEX" in step, f"{name} reads a whole table: {plan}"
            assert "FOR ORDER BY" not in step, f"{name} sorts outside an index: {plan}"
    assert "pain_entries_shown_by_time" in plans["pain_entries"][0]
    assert "sessions_shown_by_start" in plans["sessions"][0]
    assert "sessions_shown_by_start" in plans["hurt_counts"][0]
    assert "hurt_events_by_session" in plans["hurt_counts"][1]
    for name in ("count_pain_entries", "first_pain_entry", "last_pain_entry"):
        assert "pain_entries_shown_by_time" in plans[name][0], plans[name]
    for name in ("count_sessions", "first_session", "last_session"):
        assert "sessions_shown_by_start" in plans[name][0], plans[name]


# Check-ins corrected, hurt events by range, many at once ---------------------------------------


def test_a_check_in_is_corrected_but_a_session_s_score_is_not(database: Database) -> None:
    check_in = database.add_pain_entry(_pain(NOW, 4, PainContext.CHECK_IN, note="stiff"))
    assert check_in.id is not None
    corrected = database.update_pain_entry(check_in.id, 6, "stiff after the drive")
    assert (corrected.score, corrected.note, corrected.recorded_at) == (
        6,
        "stiff after the drive",
        NOW,
    )
    assert database.pain_entry(check_in.id) == corrected
    with pytest.raises(ValueError, match="from 0 to 10"):
        database.update_pain_entry(check_in.id, 11, "")
    _session_id, before_id, _after = _finished_session(database, LATER)
    with pytest.raises(ValueError, match="only a check-in can be edited"):
        database.update_pain_entry(before_id, 1, "")
    database.delete_pain_entry(check_in.id, LATER)
    assert database.is_pain_entry_deleted(check_in.id)
    with pytest.raises(ValueError, match="is deleted"):
        database.update_pain_entry(check_in.id, 2, "")
    with pytest.raises(UnknownRecordError):
        database.pain_entry(9999)


def test_hurt_events_of_the_shown_sessions_started_in_a_range(database: Database) -> None:
    first, _b, _a = _finished_session(database, NOW)
    second, _b2, _a2 = _finished_session(database, NOW + timedelta(days=2))
    for session_id, minutes, exercise in ((second, 1, "cat-cow"), (first, 3, "bird-dog"),
                                          (first, 1, "knee-to-chest")):  # fmt: skip
        start = database.session(session_id).started_at
        database.add_hurt_event(
            HurtEvent(session_id=session_id, exercise_id=exercise,
                      recorded_at=start + timedelta(minutes=minutes), action="skipped")
        )  # fmt: skip
    found = database.hurt_events_between(*EVERYTHING)
    assert [e.exercise_id for e in found] == ["knee-to-chest", "bird-dog", "cat-cow"]
    assert [e.exercise_id for e in database.hurt_events_between(NOW, LATER)] == [
        "knee-to-chest",
        "bird-dog",
    ]
    database.delete_session(first, LATER)
    assert [e.exercise_id for e in database.hurt_events_between(*EVERYTHING)] == ["cat-cow"]


def test_add_history_stores_hurt_events_of_new_and_stored_sessions_at_once(
    database: Database,
) -> None:
    stored, _b, _a = _finished_session(database, NOW)
    new = SessionRecord(
        routine_id="desk-break", routine_name="Desk break", started_at=LATER, exercises_total=2
    )
    added = database.add_history(
        [(new, [])],
        new_session_hurts=[(0, NewHurt("chin-tucks", LATER, "continued"))],
        hurt_events=[
            HurtEvent(session_id=stored, exercise_id="cat-cow", recorded_at=NOW, action="ended")
        ],
    )
    assert added.hurt_events == 2
    new_id = added.sessions[0].id
    assert new_id is not None
    assert [(e.exercise_id, e.action) for e in database.hurt_events(new_id)] == [
        ("chin-tucks", "continued")
    ]
    assert [e.action for e in database.hurt_events(stored)] == ["ended"]
    with pytest.raises(ValueError, match="names session 1 of 1"):
        database.add_history([(new, [])], new_session_hurts=[(1, NewHurt("x", LATER, "ended"))])
