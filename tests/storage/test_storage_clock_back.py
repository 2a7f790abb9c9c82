"""A session recorded under a clock that was later put back is closed at start-up, deletable.

Measured before: after the wall clock was corrected backwards, a session interrupted under the
old (fast) clock started "in the future", so the start-up repair skipped it; it stayed "in
progress" for good, and deleting it was refused.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

from spinecoach.core.clock import FakeClock
from spinecoach.core.records import SessionStatus
from spinecoach.storage.opening import open_database

NOW = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)


def test_an_interrupted_session_from_a_fast_clock_is_closed_and_can_be_deleted(
    db_path: Path,
) -> None:
    clock = FakeClock(NOW)
    clock.set_wall(NOW + timedelta(hours=3))  # the clock runs three hours fast
    with open_database(db_path, now=clock.now()) as database:
        started = database.start_session("morning", "Morning", 4, clock.now())
        assert started.id is not None
        database.record_exercise_done(started.id, "cat-cow")
    # ... and the run ends with the session in progress (a crash, a forced quit).

    clock.set_wall(NOW)  # corrected backwards; the next start-up:
    with open_database(db_path, now=clock.now()) as database:
        marked = database.mark_abandoned_sessions(clock.now())
        stored = database.session(started.id)
        assert stored.started_at > clock.now(), "it does start in the future"
        assert marked == [stored]
        assert stored.status is SessionStatus.INCOMPLETE
        assert stored.exercises_completed == ("cat-cow",)
        assert stored.ended_at is None, "when it really ended is unknown and not invented"

        hidden = database.delete_session(started.id, clock.now())
        assert hidden.session == stored
        assert database.is_session_deleted(started.id)
        database.restore_session(started.id)  # and the undo works as for any other
        assert not database.is_session_deleted(started.id)
