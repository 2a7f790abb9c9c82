"""Sessions and hurt events: progress committed per exercise, crashes shown as incomplete."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest

import spinecoach
from spinecoach.core.records import HurtEvent, SessionStatus
from spinecoach.storage.database import Database
from spinecoach.storage.errors import UnknownRecordError
from spinecoach.storage.opening import open_database

NOW = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
BERLIN_WINTER = timezone(timedelta(hours=1))


def test_session_lifecycle(database: Database) -> None:
    started = database.start_session("morning", "Morning stretch", 3, NOW)
    assert started.id is not None
    assert started.status is SessionStatus.IN_PROGRESS

    database.record_exercise_done(started.id, "cat-cow")
    database.record_exercise_done(started.id, "childs-pose")
    ended_at = datetime(2026, 3, 2, 10, 20, tzinfo=BERLIN_WINTER)
    finished = database.finish_session(
        started.id, SessionStatus.STOPPED, ended_at, feeling="easier", note="knee ached"
    )

    assert database.session(started.id) == finished
    assert finished.exercises_completed == ("cat-cow", "childs-pose")
    assert finished.status is SessionStatus.STOPPED
    assert finished.feeling == "easier"
    assert finished.note == "knee ached"
    assert finished.ended_at is not None
    assert finished.ended_at.isoformat() == "2026-03-02T10:20:00+01:00"
    assert database.sessions(NOW, NOW + timedelta(hours=1)) == [finished]


def test_a_finished_session_is_never_rewritten(database: Database) -> None:
    session = database.start_session("morning", "Morning", 2, NOW)
    assert session.id is not None
    done = database.finish_session(session.id, SessionStatus.COMPLETED, NOW + timedelta(minutes=9))

    with pytest.raises(ValueError, match="already completed"):
        database.finish_session(session.id, SessionStatus.STOPPED, NOW + timedelta(minutes=10))
    with pytest.raises(ValueError, match="already completed"):
        database.record_exercise_done(session.id, "cat-cow")
    assert database.session(session.id) == done


def test_invalid_progress_is_refused_without_writing(database: Database) -> None:
    session = database.start_session("short", "Short", 1, NOW)
    assert session.id is not None
    database.record_exercise_done(session.id, "cat-cow")

    with pytest.raises(ValueError, match="only has 1"):
        database.record_exercise_done(session.id, "bird-dog")
    with pytest.raises(ValueError, match="non-empty"):
        database.start_session("", "Nameless", 1, NOW)
    with pytest.raises(ValueError, match="final status"):
        database.finish_session(session.id, SessionStatus.IN_PROGRESS, NOW)
    with pytest.raises(UnknownRecordError):
        database.record_exercise_done(12345, "cat-cow")
    assert database.session(session.id).exercises_completed == ("cat-cow",)
    assert len(database.sessions(NOW, NOW + timedelta(days=1))) == 1


def test_sessions_range_uses_utc_start_times(database: Database) -> None:
    early = database.start_session("a", "A", 1, datetime(2026, 3, 2, 9, 30, tzinfo=BERLIN_WINTER))
    late = database.start_session("b", "B", 1, datetime(2026, 3, 2, 1, 0, tzinfo=UTC))
    # 09:30+01:00 is 08:30Z, after 01:00Z.
    assert database.sessions(NOW - timedelta(days=1), NOW) == [late, early]
    assert database.sessions(NOW - timedelta(hours=1), NOW) == [early]


def test_crash_mid_session_becomes_incomplete_with_its_exercise(
    database: Database, db_path: Path
) -> None:
    session = database.start_session("morning", "Morning", 4, NOW)
    assert session.id is not None
    database.record_exercise_done(session.id, "cat-cow")
    database.close()  # the app quit without finishing the session

    with open_database(db_path, now=NOW) as reopened:
        marked = reopened.mark_abandoned_sessions(NOW + timedelta(hours=2))
        stored = reopened.session(session.id)

    assert stored.status is SessionStatus.INCOMPLETE
    assert stored.exercises_completed == ("cat-cow",)
    assert stored.ended_at is None, "the real end time is unknown and is not invented"
    assert marked == [stored]


@pytest.mark.slow
def test_hard_kill_mid_session_loses_nothing(db_path: Path) -> None:
    """A real process exit without close(): the WAL must already hold every committed call."""
    script = textwrap.dedent(
        f"""
        import os
        from datetime import datetime, timezone
        from pathlib import Path
        from spinecoach.core.records import PainContext, PainEntry
        from spinecoach.storage.opening import open_database

        now = datetime(2026, 3, 2, 9, 0, tzinfo=timezone.utc)
        database = open_database(Path({str(db_path)!r}), now=now)
        session = database.start_session("morning", "Morning", 4, now)
        database.add_pain_entry(PainEntry(
            recorded_at=now, score=6, context=PainContext.BEFORE, session_id=session.id))
        database.record_exercise_done(session.id, "cat-cow")
        os._exit(0)  # no close, no atexit, no checkpoint: like a crash
        """
    )
    source_root = str(Path(spinecoach.__file__).resolve().parents[1])
    environment = {**os.environ, "PYTHONPATH": source_root}
    subprocess.run([sys.executable, "-c", script], check=True, env=environment, timeout=30)
    wal = db_path.with_name(db_path.name + "-wal")
    assert wal.stat().st_size > 0, "the commits should still be only in the WAL"

    with open_database(db_path, now=NOW) as database:
        marked = database.mark_abandoned_sessions(NOW + timedelta(minutes=30))
        entries = database.pain_entries(NOW, NOW + timedelta(seconds=1))

    assert [(s.status, s.exercises_completed) for s in marked] == [
        (SessionStatus.INCOMPLETE, ("cat-cow",))
    ]
    assert [(e.score, e.session_id) for e in entries] == [(6, marked[0].id)]


def test_mark_abandoned_leaves_finished_sessions_alone(database: Database) -> None:
    finished = database.start_session("a", "A", 1, NOW - timedelta(hours=3))
    assert finished.id is not None
    finished = database.finish_session(finished.id, SessionStatus.COMPLETED, NOW)
    abandoned = database.start_session("b", "B", 1, NOW - timedelta(hours=2))
    # Started "later" than now: under a clock since put back; cut short all the same.
    from_the_future = database.start_session("c", "C", 1, NOW + timedelta(minutes=1))

    marked = database.mark_abandoned_sessions(NOW)

    assert [s.id for s in marked] == [abandoned.id, from_the_future.id]
    assert finished.id is not None
    assert database.session(finished.id) == finished
    assert database.mark_abandoned_sessions(NOW) == []


def test_hurt_events_are_stored_per_session(database: Database) -> None:
    session = database.start_session("morning", "Morning", 3, NOW)
    assert session.id is not None
    later = NOW + timedelta(minutes=4)
    first = database.add_hurt_event(
        HurtEvent(session_id=session.id, exercise_id="cat-cow", recorded_at=NOW, action="skipped")
    )
    second = database.add_hurt_event(
        HurtEvent(session_id=session.id, exercise_id="bird-dog", recorded_at=later, action="ended")
    )

    assert database.hurt_events(session.id) == [first, second]
    assert first.id is not None
    with pytest.raises(UnknownRecordError):
        database.add_hurt_event(
            HurtEvent(session_id=999, exercise_id="cat-cow", recorded_at=NOW, action="ended")
        )
