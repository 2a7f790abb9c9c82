"""Schema version 2: soft delete and the indexes the History view reads through.

Frozen history, like schema_v1: once released these statements never change.

* `deleted_at` (ISO 8601 text with the user's offset, NULL while the row is shown) on sessions
  and pain_entries. "Delete" only sets it, so a misclick is undone by clearing it again and
  nothing the user recorded is ever lost. Normal queries leave these rows out.
* `pain_entries.hidden_with_session` is 1 when an entry was hidden because its session was
  deleted; restoring the session brings back exactly those entries, and not one the user had
  deleted on its own before.
* Partial indexes over the rows still shown (`WHERE deleted_at IS NULL`): the History view's
  range queries, counts and first/last-time lookups read only these, so hidden rows cost them
  nothing. The version-1 indexes stay, for queries that include hidden rows and for an older
  SpineCoach reading this file.

All additive (new nullable or defaulted columns, new indexes): no table is rebuilt, and SQLite
checks the new CHECK constraints against the existing rows (all NULL / 0) as it adds them.
"""

from __future__ import annotations

from typing import Final

STATEMENTS: Final[tuple[str, ...]] = (
    """
    ALTER TABLE sessions ADD COLUMN deleted_at TEXT
        CHECK (deleted_at IS NULL OR typeof(deleted_at) = 'text')
    """,
    """
    ALTER TABLE pain_entries ADD COLUMN deleted_at TEXT
        CHECK (deleted_at IS NULL OR typeof(deleted_at) = 'text')
    """,
    """
    ALTER TABLE pain_entries ADD COLUMN hidden_with_session INTEGER NOT NULL DEFAULT 0
        CHECK (hidden_with_session IN (0, 1)
            AND (hidden_with_session = 0 OR deleted_at IS NOT NULL))
    """,
    """
    CREATE INDEX pain_entries_shown_by_time ON pain_entries (recorded_at_epoch)
        WHERE deleted_at IS NULL
    """,
    """
    CREATE INDEX sessions_shown_by_start ON sessions (started_at_epoch)
        WHERE deleted_at IS NULL
    """,
)
