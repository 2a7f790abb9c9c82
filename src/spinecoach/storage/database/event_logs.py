"""The two event logs: "this hurts" presses during sessions, and answers to reminders."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime
from typing import Final

from spinecoach.core.records import HurtEvent, ReminderLogEntry
from spinecoach.storage.database.history_queries import HISTORY_QUERIES
from spinecoach.storage.database.record_store import (
    RecordStore,
    epoch_range,
    inserted_id,
    require_new,
)
from spinecoach.storage.database.sessions import require_shown_session
from spinecoach.storage.rows import (
    hurt_event_from_row,
    hurt_event_to_row,
    reminder_entry_from_row,
    reminder_entry_to_row,
)
from spinecoach.storage.timecodec import to_epoch

INSERT_HURT: Final = (
    "INSERT INTO hurt_events (session_id, exercise_id, recorded_at, recorded_at_epoch, action)"
    " VALUES (:session_id, :exercise_id, :recorded_at, :recorded_at_epoch, :action)"
)


class EventLogStore(RecordStore):
    """Append-only logs of what happened, each entry committed at once."""

    def add_hurt_event(self, event: HurtEvent) -> HurtEvent:
        """Store a "this hurts" press. Accepted for finished sessions too: it is health data."""
        require_new("HurtEvent", event.id)
        with self._write() as connection:
            require_shown_session(connection, event.session_id)
            cursor = connection.execute(INSERT_HURT, hurt_event_to_row(event))
            return replace(event, id=inserted_id(cursor))

    def hurt_events(self, session_id: int) -> list[HurtEvent]:
        """Return a session's hurt events, oldest first."""
        rows = self._read().execute(
            "SELECT * FROM hurt_events WHERE session_id = ? ORDER BY recorded_at_epoch, id",
            (session_id,),
        )
        return [hurt_event_from_row(row) for row in rows]

    def hurt_events_between(self, start: datetime, end: datetime) -> list[HurtEvent]:
        """The hurt events of every shown session started in [start, end), oldest first.

        Chosen by the session's start, as History's range chooses its sessions, so each row
        of the log gets all of its session's events; a deleted session's are left out.
        """
        low, high = epoch_range(start, end)
        rows = self._read().execute(HISTORY_QUERIES["hurt_events"], {"low": low, "high": high})
        events = [hurt_event_from_row(row) for row in rows]
        events.sort(key=lambda event: (to_epoch(event.recorded_at), event.id or 0))
        return events

    # Reminder log -------------------------------------------------------------------------

    def add_reminder_event(self, entry: ReminderLogEntry) -> ReminderLogEntry:
        """Log what happened to a stand-up reminder, committed at once."""
        require_new("ReminderLogEntry", entry.id)
        with self._write() as connection:
            cursor = connection.execute(
                "INSERT INTO reminder_events (recorded_at, recorded_at_epoch, action, detail)"
                " VALUES (:recorded_at, :recorded_at_epoch, :action, :detail)",
                reminder_entry_to_row(entry),
            )
            return replace(entry, id=inserted_id(cursor))

    def reminder_events(self, start: datetime, end: datetime) -> list[ReminderLogEntry]:
        """The reminder log in [start, end), oldest first."""
        rows = self._read().execute(
            "SELECT * FROM reminder_events WHERE recorded_at_epoch >= ? AND recorded_at_epoch < ?"
            " ORDER BY recorded_at_epoch, id",
            epoch_range(start, end),
        )
        return [reminder_entry_from_row(row) for row in rows]
