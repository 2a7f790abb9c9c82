"""Schema version 3: the reminder log.

Frozen history, like schema_v1 and v2: once released these statements never change.

What the person did with each stand-up reminder (shown, snoozed, skipped and why, started a
desk break) is kept, so they and their clinician can see how often "in pain" was the reason to
skip, and whether breaks are being taken. It is a new table only; no existing row is touched.
"""

from __future__ import annotations

from typing import Final

STATEMENTS: Final[tuple[str, ...]] = (
    """
    CREATE TABLE reminder_events (
        id INTEGER PRIMARY KEY,
        recorded_at TEXT NOT NULL CHECK (typeof(recorded_at) = 'text'),
        recorded_at_epoch REAL NOT NULL,
        action TEXT NOT NULL CHECK (action IN (
            'shown', 'snoozed', 'snooze-refused', 'skipped', 'break-started', 'dismissed'
        )),
        detail TEXT NOT NULL DEFAULT '' CHECK (typeof(detail) = 'text' AND length(detail) <= 200)
    )
    """,
    "CREATE INDEX reminder_events_by_time ON reminder_events (recorded_at_epoch)",
)
