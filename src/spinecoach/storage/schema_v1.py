"""The first SpineCoach schema, exactly as migration 1 creates it.

Frozen history: once released, these statements never change (a database at version 1 must
look the same everywhere). Later changes go in new migrations; see docs/STORAGE.md.

CHECK constraints repeat the record validation so a row that could not be read back as a
record can never be written, even by a bug or a hand edit through the sqlite3 shell.
STRICT tables are avoided on purpose: SQLite before 3.37 cannot open a file containing them.
"""

from __future__ import annotations

from typing import Final

APPLICATION_ID: Final = 0x53504E43
"""Marks the file as SpineCoach's ("SPNC"), so we never migrate another program's database."""

STATEMENTS: Final[tuple[str, ...]] = (
    f"PRAGMA application_id = {APPLICATION_ID}",
    """
    CREATE TABLE sessions (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        routine_id TEXT NOT NULL CHECK (typeof(routine_id) = 'text' AND trim(routine_id) <> ''),
        routine_name TEXT NOT NULL
            CHECK (typeof(routine_name) = 'text' AND trim(routine_name) <> ''),
        started_at TEXT NOT NULL CHECK (typeof(started_at) = 'text'),
        started_at_epoch REAL NOT NULL,
        ended_at TEXT CHECK (ended_at IS NULL OR typeof(ended_at) = 'text'),
        ended_at_epoch REAL,
        exercises_completed TEXT NOT NULL DEFAULT '[]'
            CHECK (typeof(exercises_completed) = 'text'),
        exercises_total INTEGER NOT NULL
            CHECK (typeof(exercises_total) = 'integer' AND exercises_total >= 1),
        status TEXT NOT NULL
            CHECK (status IN ('in-progress', 'completed', 'incomplete', 'stopped')),
        feeling TEXT CHECK (feeling IS NULL OR feeling IN ('easier', 'same', 'harder')),
        note TEXT NOT NULL DEFAULT '' CHECK (typeof(note) = 'text' AND length(note) <= 1000),
        CHECK ((ended_at IS NULL) = (ended_at_epoch IS NULL)),
        CHECK (status <> 'in-progress' OR (ended_at IS NULL AND feeling IS NULL)),
        CHECK (status NOT IN ('completed', 'stopped') OR ended_at IS NOT NULL)
    )
    """,
    "CREATE INDEX sessions_by_start ON sessions (started_at_epoch)",
    "CREATE INDEX sessions_by_status ON sessions (status)",
    """
    CREATE TABLE pain_entries (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        recorded_at TEXT NOT NULL CHECK (typeof(recorded_at) = 'text'),
        recorded_at_epoch REAL NOT NULL,
        score INTEGER NOT NULL CHECK (typeof(score) = 'integer' AND score BETWEEN 0 AND 10),
        context TEXT NOT NULL CHECK (context IN ('before', 'after', 'check-in')),
        note TEXT NOT NULL DEFAULT '' CHECK (typeof(note) = 'text' AND length(note) <= 1000),
        session_id INTEGER REFERENCES sessions (id) ON DELETE SET NULL
    )
    """,
    "CREATE INDEX pain_entries_by_time ON pain_entries (recorded_at_epoch)",
    "CREATE INDEX pain_entries_by_session ON pain_entries (session_id)",
    """
    CREATE TABLE hurt_events (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        session_id INTEGER NOT NULL REFERENCES sessions (id),
        exercise_id TEXT NOT NULL CHECK (typeof(exercise_id) = 'text' AND trim(exercise_id) <> ''),
        recorded_at TEXT NOT NULL CHECK (typeof(recorded_at) = 'text'),
        recorded_at_epoch REAL NOT NULL,
        action TEXT NOT NULL CHECK (action IN ('skipped', 'ended'))
    )
    """,
    "CREATE INDEX hurt_events_by_session ON hurt_events (session_id)",
    "CREATE INDEX hurt_events_by_time ON hurt_events (recorded_at_epoch)",
    """
    CREATE TABLE custom_routines (
        id TEXT PRIMARY KEY NOT NULL CHECK (typeof(id) = 'text' AND trim(id) <> ''),
        name TEXT NOT NULL CHECK (typeof(name) = 'text' AND trim(name) <> ''),
        body TEXT NOT NULL CHECK (typeof(body) = 'text'),
        created_at TEXT NOT NULL CHECK (typeof(created_at) = 'text'),
        updated_at TEXT NOT NULL CHECK (typeof(updated_at) = 'text')
    )
    """,
    """
    CREATE TABLE settings (
        key TEXT PRIMARY KEY NOT NULL CHECK (typeof(key) = 'text' AND key <> ''),
        value TEXT NOT NULL CHECK (typeof(value) = 'text')
    )
    """,
)
