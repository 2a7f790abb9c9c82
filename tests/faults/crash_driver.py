"""A process that plays sessions through SpineCoach's own code until it is killed.

Run as `python -m tests.faults.crash_driver DATA_DIR SEED`. It opens the data file exactly as
the app does (`open_database`, then `mark_abandoned_sessions`, then the `SafeWriter` with the
pending journal, retried at start-up), and then plays routines with a fake clock through the
session engine: pain before, the session row, every exercise done, "this hurts" now and then,
the finish and pain after, plus check-ins and reminder answers, all through the one write path
the player uses. After each write returns it prints one line, `stored <kind> <what>` or
`pending <kind> <what>`, and flushes: whatever the parent read was committed (or kept) before
the line was printed. The parent kills it with SIGKILL at a random moment and checks the file.
"""

from __future__ import annotations

import random
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

from spinecoach.core.clock import FakeClock
from spinecoach.core.engine_events import ExerciseDone, SessionFinished
from spinecoach.core.exercise import Dosage, Routine, RoutineItem
from spinecoach.core.records import (
    PainContext,
    PainEntry,
    ReminderAction,
    ReminderLogEntry,
    SessionStatus,
)
from spinecoach.core.session import SessionEngine
from spinecoach.core.timeline import build_timeline
from spinecoach.storage.journal import PENDING_FILE_NAME, PendingJournal
from spinecoach.storage.opening import open_database
from spinecoach.storage.safe_writer import SafeWriter
from tests.factories import exercise

START = datetime(2026, 1, 5, 8, 0, tzinfo=UTC)


def routine(number: int) -> Routine:
    """A small routine; its exercises' names carry the session number so each is traceable."""
    items = tuple(
        RoutineItem(move, move.dosage)
        for move in (
            exercise(f"Move {number} a", Dosage(reps=2, hold_seconds=3, release_seconds=1)),
            exercise(f"Move {number} b", Dosage(reps=1, hold_seconds=5), two_sided=True),
        )
    )
    return Routine(f"routine-{number}", f"Routine {number}", "A routine for the driver.", items)


def main(argv: list[str]) -> int:
    """Play sessions forever (until killed); print what was stored, one line a write."""
    data_dir, seed = Path(argv[0]), int(argv[1])
    rng = random.Random(seed)
    database = open_database(data_dir / "spinecoach.sqlite3", now=START)
    clock = FakeClock(START + timedelta(days=seed))
    database.mark_abandoned_sessions(clock.now())
    writer = SafeWriter(database, PendingJournal(data_dir / PENDING_FILE_NAME))
    writer.retry()

    def say(outcome_stored: bool, kind: str, what: str) -> None:
        print(f"{'stored' if outcome_stored else 'pending'} {kind} {what}", flush=True)

    for number in range(10_000):
        clock.advance(rng.uniform(60, 600))
        if rng.random() < 0.3:
            score = rng.randint(0, 10)
            outcome = writer.add_pain_entry(
                PainEntry(recorded_at=clock.now(), score=score, context=PainContext.CHECK_IN)
            )
            say(outcome.stored, "pain", f"{clock.now().isoformat()} {score} check-in")
        if rng.random() < 0.2:
            outcome = writer.add_reminder_event(
                ReminderLogEntry(recorded_at=clock.now(), action=ReminderAction.SNOOZED, detail="5")
            )
            say(outcome.stored, "reminder", clock.now().isoformat())
        played = routine(seed * 10_000 + number)
        key, started = writer.start_session(played.id, played.name, len(played.items), clock.now())
        say(started.stored, "session", f"{played.id} {clock.now().isoformat()}")
        before = rng.randint(0, 10)
        outcome = writer.add_pain_entry(
            PainEntry(recorded_at=clock.now(), score=before, context=PainContext.BEFORE),
            session=key,
        )
        say(outcome.stored, "pain", f"{clock.now().isoformat()} {before} before")
        engine = SessionEngine(build_timeline(played), clock)
        events = engine.start()
        finished = False
        while not finished:
            for event in events:
                if isinstance(event, ExerciseDone):
                    outcome = writer.record_exercise_done(key, event.exercise_id)
                    say(outcome.stored, "exercise", f"{played.id} {event.exercise_id}")
                elif isinstance(event, SessionFinished):
                    finished = True
            if not finished:
                clock.advance(max(engine.remaining(), 0.01))
                events = engine.tick()
        outcome = writer.finish_session(key, SessionStatus.COMPLETED, clock.now())
        say(outcome.stored, "finish", played.id)
        after = rng.randint(0, 10)
        outcome = writer.add_pain_entry(
            PainEntry(recorded_at=clock.now(), score=after, context=PainContext.AFTER),
            session=key,
        )
        say(outcome.stored, "pain", f"{clock.now().isoformat()} {after} after")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
