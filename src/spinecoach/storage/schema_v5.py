"""Schema version 5: the person's own routines remember their origin; programmes from a clinician.

Frozen history, like the versions before it: once released these statements never change.

* `programmes`: each programme file imported, kept as the TOML text it was imported as (what it
  says is the programme parser's job, so a file a newer SpineCoach imported is still kept), its
  title and prescriber for lists, the file's name, when it was imported, and whether it is the
  active one. At most one row is active: a partial unique index over `active = 1`.
* `custom_routines.based_on`: the routine an own routine was copied or eased from.
* `custom_routines.programme_id`: set on an eased copy of a programme's routine, pointing at its
  programme, so removing the programme removes its copies (sessions keep their routine id and
  name as text and are never touched).

Additive only (a new table, two nullable columns), so an older SpineCoach opening the file
read-only still reads it. The table comes first: the new column refers to it.
"""

from __future__ import annotations

from typing import Final

STATEMENTS: Final[tuple[str, ...]] = (
    """
    CREATE TABLE programmes (
        id TEXT PRIMARY KEY NOT NULL CHECK (typeof(id) = 'text' AND trim(id) <> ''),
        title TEXT NOT NULL CHECK (typeof(title) = 'text' AND trim(title) <> ''),
        prescribed_by TEXT NOT NULL CHECK (typeof(prescribed_by) = 'text'),
        body TEXT NOT NULL CHECK (typeof(body) = 'text'),
        file_name TEXT NOT NULL CHECK (typeof(file_name) = 'text'),
        imported_at TEXT NOT NULL CHECK (typeof(imported_at) = 'text'),
        imported_at_epoch REAL NOT NULL,
        active INTEGER NOT NULL DEFAULT 0 CHECK (active IN (0, 1))
    )
    """,
    "CREATE UNIQUE INDEX programmes_one_active ON programmes (active) WHERE active = 1",
    """
    ALTER TABLE custom_routines ADD COLUMN based_on TEXT NULL
        CHECK (based_on IS NULL OR (typeof(based_on) = 'text' AND trim(based_on) <> ''))
    """,
    """
    ALTER TABLE custom_routines ADD COLUMN programme_id TEXT NULL REFERENCES programmes (id)
        CHECK (programme_id IS NULL OR typeof(programme_id) = 'text')
    """,
    "CREATE INDEX custom_routines_by_programme ON custom_routines (programme_id)",
)
