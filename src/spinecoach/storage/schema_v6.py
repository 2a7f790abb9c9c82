"""Schema version 6: the next-morning pain score, and the changes suggested to exercises.

Frozen history, like the versions before it: once released these statements never change.

* `pain_entries.context` may also be 'next-morning': "How is your back this morning compared
  with before yesterday's session?" (docs/PROGRESSION.md). SQLite cannot change a CHECK
  constraint in place, so the table is rebuilt (SQLite's documented procedure, as version 4
  did for hurt_events): a new table with every column and constraint of versions 1 and 2, the
  rows copied with their ids, the AUTOINCREMENT counter carried over (so an id once used is
  never used again), the old table dropped, the new one renamed, its three indexes made again.
  Foreign keys are off while the runner migrates; nothing points at pain_entries.
* `progression_changes`: every suggested change and the answer, accepted or declined (what,
  when, why), for History, the clinician report, and not suggesting a declined one again.
"""

from __future__ import annotations

from typing import Final

STATEMENTS: Final[tuple[str, ...]] = (
    """
    CREATE TABLE pain_entries_v6 (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        recorded_at TEXT NOT NULL CHECK (typeof(recorded_at) = 'text'),
        recorded_at_epoch REAL NOT NULL,
        score INTEGER NOT NULL CHECK (typeof(score) = 'integer' AND score BETWEEN 0 AND 10),
        context TEXT NOT NULL
            CHECK (context IN ('before', 'after', 'check-in', 'next-morning')),
        note TEXT NOT NULL DEFAULT '' CHECK (typeof(note) = 'text' AND length(note) <= 1000),
        session_id INTEGER REFERENCES sessions (id) ON DELETE SET NULL,
        deleted_at TEXT CHECK (deleted_at IS NULL OR typeof(deleted_at) = 'text'),
        hidden_with_session INTEGER NOT NULL DEFAULT 0
            CHECK (hidden_with_session IN (0, 1)
                AND (hidden_with_session = 0 OR deleted_at IS NOT NULL))
    )
    """,
    """
    INSERT INTO pain_entries_v6 (id, recorded_at, recorded_at_epoch, score, context, note,
        session_id, deleted_at, hidden_with_session)
    SELECT id, recorded_at, recorded_at_epoch, score, context, note, session_id, deleted_at,
        hidden_with_session FROM pain_entries
    """,
    """
    UPDATE sqlite_sequence SET seq = max(seq,
        coalesce((SELECT seq FROM sqlite_sequence WHERE name = 'pain_entries'), 0))
    WHERE name = 'pain_entries_v6'
    """,
    "DROP TABLE pain_entries",
    "DELETE FROM sqlite_sequence WHERE name = 'pain_entries'",
    "ALTER TABLE pain_entries_v6 RENAME TO pain_entries",
    "CREATE INDEX pain_entries_by_time ON pain_entries (recorded_at_epoch)",
    "CREATE INDEX pain_entries_by_session ON pain_entries (session_id)",
    """
    CREATE INDEX pain_entries_shown_by_time ON pain_entries (recorded_at_epoch)
        WHERE deleted_at IS NULL
    """,
    """
    CREATE TABLE progression_changes (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        recorded_at TEXT NOT NULL CHECK (typeof(recorded_at) = 'text'),
        recorded_at_epoch REAL NOT NULL,
        routine_id TEXT NOT NULL CHECK (typeof(routine_id) = 'text' AND trim(routine_id) <> ''),
        exercise_id TEXT NOT NULL
            CHECK (typeof(exercise_id) = 'text' AND trim(exercise_id) <> ''),
        kind TEXT NOT NULL CHECK (kind IN ('more-reps', 'longer-hold', 'harder', 'less',
            'shorter-hold', 'easier')),
        from_text TEXT NOT NULL CHECK (typeof(from_text) = 'text' AND length(from_text) <= 1000),
        to_text TEXT NOT NULL CHECK (typeof(to_text) = 'text' AND length(to_text) <= 1000),
        reason TEXT NOT NULL CHECK (typeof(reason) = 'text' AND length(reason) <= 1000),
        status TEXT NOT NULL CHECK (status IN ('accepted', 'declined'))
    )
    """,
    "CREATE INDEX progression_changes_by_time ON progression_changes (recorded_at_epoch)",
)
