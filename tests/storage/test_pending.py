"""SafeWriter: nothing typed is dropped when storage fails, and nothing is stored twice.

Faults here come through the storage seam (`FaultyDatabase` raises SQLite's real error codes
from its write transaction); `tests/storage/test_faults_real.py` repeats the key cases with a
real full disk and a real read-only folder.
"""

from __future__ import annotations

import stat
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from spinecoach.core.records import (
    PainContext,
    PainEntry,
    ReminderAction,
    ReminderLogEntry,
    SessionStatus,
)
from spinecoach.storage.database import Database
from spinecoach.storage.errors import ReadOnlyDatabaseError
from spinecoach.storage.failures import describe_failure
from spinecoach.storage.journal import PENDING_FILE_NAME, PendingJournal, WriteKind
from spinecoach.storage.opening import open_database
from spinecoach.storage.safe_writer import SafeWriter
from tests.faults.seams import DISK_FULL, LOCKED, Faults

T0 = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)
WIDE = (T0 - timedelta(days=1), T0 + timedelta(days=1))


@pytest.fixture
def opened(tmp_path: Path) -> Iterator[Database]:
    database = open_database(tmp_path / "spinecoach.sqlite3", now=T0)
    yield database
    database.close()


def pain(minutes: int, score: int, context: PainContext = PainContext.CHECK_IN) -> PainEntry:
    return PainEntry(recorded_at=T0 + timedelta(minutes=minutes), score=score, context=context)


def writer(database: Database | None, folder: Path) -> SafeWriter:
    return SafeWriter(database, PendingJournal(folder / PENDING_FILE_NAME))


def scores(database: Database) -> list[int]:
    return [entry.score for entry in database.pain_entries(*WIDE)]


def test_a_score_is_stored_at_once_when_storage_works(opened: Database, tmp_path: Path) -> None:
    outcome = writer(opened, tmp_path).add_pain_entry(pain(0, 5))
    assert outcome.stored and outcome.message == ""
    assert outcome.entry is not None and outcome.entry.id is not None
    assert scores(opened) == [5]
    assert not (tmp_path / PENDING_FILE_NAME).exists()


def test_disk_full_keeps_every_score_tells_why_and_stores_them_once_room_is_back(
    opened: Database, tmp_path: Path
) -> None:
    faults = Faults(opened)
    safe = writer(opened, tmp_path)
    faults.error = DISK_FULL
    outcomes = [safe.add_pain_entry(pain(minute, score)) for minute, score in enumerate((5, 6, 7))]
    assert [o.stored for o in outcomes] == [False, False, False]
    assert outcomes[0].message == (
        "Your pain score could not be saved yet: the disk is full. It is kept and will be "
        "saved as soon as there is room."
    )
    assert scores(opened) == []
    journal = tmp_path / PENDING_FILE_NAME
    assert stat.S_IMODE(journal.stat().st_mode) == 0o600
    assert len(journal.read_text().splitlines()) == 3
    assert safe.retry() == 0  # still full: nothing moves, nothing is lost
    faults.error = None
    assert safe.retry() == 3
    assert safe.retry() == 0  # exactly once
    assert scores(opened) == [5, 6, 7]
    assert not journal.exists()


def test_the_next_write_stores_what_waits_first_so_order_is_kept(
    opened: Database, tmp_path: Path
) -> None:
    faults = Faults(opened)
    safe = writer(opened, tmp_path)
    faults.error = LOCKED
    safe.add_pain_entry(pain(0, 2))
    faults.error = None
    assert safe.add_pain_entry(pain(1, 3)).stored
    ids = [e.id or 0 for e in opened.pain_entries(*WIDE)]
    assert ids == sorted(ids)  # stored in the order given
    assert scores(opened) == [2, 3]
    assert safe.pending == ()


def test_pending_writes_survive_a_restart_and_are_stored_at_start_up(
    opened: Database, tmp_path: Path
) -> None:
    faults = Faults(opened)
    faults.error = DISK_FULL
    writer(opened, tmp_path).add_pain_entry(pain(0, 4))
    faults.error = None
    again = writer(opened, tmp_path)  # a new run reads the journal
    assert [w.kind for w in again.pending] == [WriteKind.PAIN]
    assert again.retry() == 1
    assert scores(opened) == [4]


def test_a_replay_after_a_crash_between_commit_and_journal_is_not_doubled(
    opened: Database, tmp_path: Path
) -> None:
    faults = Faults(opened)
    faults.error = DISK_FULL
    safe = writer(opened, tmp_path)
    key, _ = safe.start_session("desk-break", "Desk break", 2, T0)
    safe.add_pain_entry(pain(0, 5, PainContext.BEFORE), session=key)
    safe.record_exercise_done(key, "chin-tucks")
    safe.record_exercise_done(key, "chin-tucks")  # the same exercise twice is two entries
    safe.add_hurt_event(key, "seated-twist", T0 + timedelta(minutes=1), "skipped")
    safe.finish_session(key, SessionStatus.COMPLETED, T0 + timedelta(minutes=2), "easier")
    safe.add_reminder_event(ReminderLogEntry(recorded_at=T0, action=ReminderAction.SKIPPED))
    journal = (tmp_path / PENDING_FILE_NAME).read_text()
    faults.error = None
    assert safe.retry() == 7
    # The journal comes back as if the process died before rewriting it: replay it all again.
    (tmp_path / PENDING_FILE_NAME).write_text(journal)
    assert writer(opened, tmp_path).retry() == 7
    [session] = opened.sessions(*WIDE)
    assert session.exercises_completed == ("chin-tucks", "chin-tucks")
    assert session.status is SessionStatus.COMPLETED and session.feeling == "easier"
    assert scores(opened) == [5]
    assert session.id is not None
    assert len(opened.hurt_events(session.id)) == 1
    assert len(opened.reminder_events(*WIDE)) == 1


def test_a_session_started_live_keeps_its_later_steps_across_a_restart(
    opened: Database, tmp_path: Path
) -> None:
    faults = Faults(opened)
    safe = writer(opened, tmp_path)
    key, started = safe.start_session("desk-break", "Desk break", 1, T0)
    assert started.stored
    faults.error = DISK_FULL
    safe.finish_session(key, SessionStatus.COMPLETED, T0 + timedelta(minutes=2))
    faults.error = None
    assert writer(opened, tmp_path).retry() == 1  # a new run: the id travelled in the journal
    [session] = opened.sessions(*WIDE)
    assert session.status is SessionStatus.COMPLETED


def test_a_read_only_file_says_so_and_keeps_the_score(opened: Database, tmp_path: Path) -> None:
    faults = Faults(opened)
    faults.error = ReadOnlyDatabaseError("the data file is open read-only")
    outcome = writer(opened, tmp_path).add_pain_entry(pain(0, 3))
    assert not outcome.stored
    assert "read-only" in outcome.message
    assert outcome.problem is not None and outcome.problem.permanent


def test_no_database_at_all_still_keeps_the_score(tmp_path: Path) -> None:
    safe = writer(None, tmp_path)
    outcome = safe.add_pain_entry(pain(0, 6))
    assert not outcome.stored
    assert "not open" in outcome.message
    assert len(safe.pending) == 1


def test_when_the_journal_cannot_be_written_the_score_stays_in_memory(
    opened: Database, tmp_path: Path
) -> None:
    faults = Faults(opened)
    faults.error = DISK_FULL
    safe = SafeWriter(opened, PendingJournal(tmp_path / "missing-folder" / PENDING_FILE_NAME))
    assert not safe.add_pain_entry(pain(0, 8)).stored
    assert not safe.kept_on_disk
    faults.error = None
    assert safe.retry() == 1
    assert scores(opened) == [8]


def test_a_torn_last_line_is_skipped_and_the_rest_is_kept(tmp_path: Path) -> None:
    safe = writer(None, tmp_path)
    safe.add_pain_entry(pain(0, 1))
    safe.add_pain_entry(pain(1, 2))
    journal = tmp_path / PENDING_FILE_NAME
    journal.write_text(journal.read_text() + '{"key": "x", "kind": "pa')
    assert [w.data["score"] for w in PendingJournal(journal).load()] == [1, 2]


def test_a_bug_is_not_mistaken_for_a_storage_fault(opened: Database, tmp_path: Path) -> None:
    assert describe_failure(ValueError("bad score")) is None
    with pytest.raises(ValueError, match="session"):
        writer(opened, tmp_path).add_pain_entry(
            PainEntry(recorded_at=T0, score=1, context=PainContext.AFTER, session_id=3)
        )


@settings(max_examples=40, deadline=None)
@given(faulty=st.lists(st.booleans(), min_size=1, max_size=12))
def test_whatever_the_faults_every_score_is_stored_exactly_once(
    tmp_path_factory: pytest.TempPathFactory, faulty: list[bool]
) -> None:
    folder = tmp_path_factory.mktemp("faults")
    database = open_database(folder / "spinecoach.sqlite3", now=T0)
    try:
        faults = Faults(database)
        safe = writer(database, folder)
        for minute, fails in enumerate(faulty):
            faults.error = DISK_FULL if fails else None
            safe.add_pain_entry(pain(minute, minute % 11))
        faults.error = None
        safe.retry()
        assert scores(database) == [minute % 11 for minute in range(len(faulty))]
        assert safe.pending == ()
    finally:
        database.close()


def test_an_edited_note_is_kept_on_a_full_disk_and_saved_once(
    opened: Database, tmp_path: Path
) -> None:
    faults = Faults(opened)
    safe = writer(opened, tmp_path)
    key, _ = safe.start_session("desk-break", "Desk break", 1, T0)
    session_id = safe.session_id(key)
    assert session_id is not None
    faults.error = DISK_FULL
    outcome = safe.update_session_note(session_id, "felt looser afterwards")
    assert not outcome.stored
    assert outcome.message.startswith("Your note could not be saved yet: the disk is full.")
    faults.error = None
    journal = (tmp_path / PENDING_FILE_NAME).read_text()
    assert safe.retry() == 1
    (tmp_path / PENDING_FILE_NAME).write_text(journal)  # replayed again after a crash
    assert writer(opened, tmp_path).retry() == 1
    assert opened.session(session_id).note == "felt looser afterwards"


def test_a_corrected_check_in_is_kept_on_a_full_disk_and_saved_once(
    opened: Database, tmp_path: Path
) -> None:
    faults = Faults(opened)
    safe = writer(opened, tmp_path)
    stored = safe.add_pain_entry(pain(0, 5)).entry
    assert stored is not None and stored.id is not None
    faults.error = DISK_FULL
    outcome = safe.update_pain_entry(stored.id, 7, "after lifting")
    assert not outcome.stored
    assert outcome.message.startswith("Your pain score could not be saved yet: the disk is full.")
    assert opened.pain_entry(stored.id).score == 5
    faults.error = None
    journal = (tmp_path / PENDING_FILE_NAME).read_text()
    assert WriteKind.PAIN_EDIT.value in journal
    assert safe.retry() == 1
    (tmp_path / PENDING_FILE_NAME).write_text(journal)  # replayed again after a crash
    assert writer(opened, tmp_path).retry() == 1
    corrected = opened.pain_entry(stored.id)
    assert (corrected.score, corrected.note) == (7, "after lifting")
    assert corrected.recorded_at == stored.recorded_at


def test_a_kept_correction_of_a_check_in_deleted_since_is_dropped(
    opened: Database, tmp_path: Path
) -> None:
    faults = Faults(opened)
    safe = writer(opened, tmp_path)
    stored = safe.add_pain_entry(pain(0, 5)).entry
    assert stored is not None and stored.id is not None
    faults.error = DISK_FULL
    assert not safe.update_pain_entry(stored.id, 7, "").stored
    faults.error = None
    opened.delete_pain_entry(stored.id, T0)
    assert safe.retry() == 1  # nothing to correct: the person deleted it
    opened.restore_pain_entry(stored.id)
    assert opened.pain_entry(stored.id).score == 5
