"""Schema version 4: every "this hurts" answer, and the exercises skipped.

Frozen history, like the versions before it: once released these statements never change.

* `hurt_events.action` may also be 'continued': "This hurts", then "Carry on gently", is kept
  like the other two answers (it was not stored at all before). SQLite cannot change a CHECK
  constraint in place, so the table is rebuilt (SQLite's documented procedure: a new table, the
  rows copied with their ids, the old one dropped, the new one renamed, its indexes made
  again). Foreign keys are off while the runner migrates; nothing points at hurt_events.
* `sessions.exercises_skipped`: the exercises left for the next one before they were done
  ("Next exercise", or "This hurts" and skip), a JSON list of ids like `exercises_completed`.
  Additive, '[]' for every session before.
"""

from __future__ import annotations

from typing import Final

STATEMENTS: Final[tuple[str, ...]] = (
    """
    ALTER TABLE sessions ADD COLUMN exercises_skipped TEXT NOT NULL DEFAULT '[]'
        CHECK (typeof(exercises_skipped) = 'text')
    """,
    """
    CREATE TABLE hurt_events_v4 (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        session_id INTEGER NOT NULL REFERENCES sessions (id),
        exercise_id TEXT NOT NULL CHECK (typeof(exercise_id) = 'text' AND trim(exercise_id) <> ''),
        recorded_at TEXT NOT NULL CHECK (typeof(recorded_at) = 'text'),
        recorded_at_epoch REAL NOT NULL,
        action TEXT NOT NULL CHECK (action IN ('skipped', 'ended', 'continued'))
    )
    """,
    """
    INSERT INTO hurt_events_v4 (id, session_id, exercise_id, recorded_at, recorded_at_epoch,
        action)
    SELECT id, session_id, exercise_id, recorded_at, recorded_at_epoch, action FROM hurt_events
    """,
    "DROP TABLE hurt_events",
    "ALTER TABLE hurt_events_v4 RENAME TO hurt_events",
    "CREATE INDEX hurt_events_by_session ON hurt_events (session_id)",
    "CREATE INDEX hurt_events_by_time ON hurt_events (recorded_at_epoch)",
)
