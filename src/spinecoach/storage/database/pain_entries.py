"""Pain entries: stored, read by time range, hidden and shown again, their notes edited."""

from __future__ import annotations

import sqlite3
from dataclasses import replace
from datetime import datetime
from typing import Final

from spinecoach.core.records import PainContext, PainEntry
from spinecoach.storage.database.history_queries import HISTORY_QUERIES
from spinecoach.storage.database.record_store import (
    RecordStore,
    epoch_range,
    inserted_id,
    require_new,
)
from spinecoach.storage.database.sessions import require_shown_session
from spinecoach.storage.errors import UnknownRecordError
from spinecoach.storage.rows import pain_entry_from_row, pain_entry_to_row
from spinecoach.storage.timecodec import require_aware, to_iso

INSERT_PAIN: Final = (
    "INSERT INTO pain_entries (recorded_at, recorded_at_epoch, score, context, note, session_id)"
    " VALUES (:recorded_at, :recorded_at_epoch, :score, :context, :note, :session_id)"
)


class PainEntryStore(RecordStore):
    """The pain scores the person gave, before, after or outside a session."""

    def add_pain_entry(self, entry: PainEntry) -> PainEntry:
        """Store a new pain score and return it with its id."""
        require_new("PainEntry", entry.id)
        with self._write() as connection:
            if entry.session_id is not None:
                require_shown_session(connection, entry.session_id)
            cursor = connection.execute(INSERT_PAIN, pain_entry_to_row(entry))
            return replace(entry, id=inserted_id(cursor))

    def pain_entries(
        self, start: datetime, end: datetime, *, include_deleted: bool = False
    ) -> list[PainEntry]:
        """Entries with start <= recorded_at < end, compared in UTC, oldest first.

        Half-open, so consecutive ranges (day by day, week by week) never count an entry twice.
        Deleted entries are left out unless `include_deleted`.
        """
        low, high = epoch_range(start, end)
        name = "pain_entries_with_deleted" if include_deleted else "pain_entries"
        rows = self._read().execute(HISTORY_QUERIES[name], {"low": low, "high": high})
        return [pain_entry_from_row(row) for row in rows]

    def count_pain_entries(self) -> int:
        """How many pain entries are shown (deleted ones not counted)."""
        return self._count(HISTORY_QUERIES["count_pain_entries"])

    def delete_pain_entry(self, entry_id: int, now: datetime) -> PainEntry:
        """Hide one pain entry (soft delete, undone by restore_pain_entry); return it.

        The row stays in the file with deleted_at = `now`. Raises UnknownRecordError for an id
        that was never stored and ValueError if the entry is already deleted.
        """
        deleted_at = to_iso(require_aware("now", now))
        with self._write() as connection:
            row = _pain_row(connection, entry_id)
            if row["deleted_at"] is not None:
                raise ValueError(f"pain entry {entry_id} is already deleted")
            connection.execute(
                "UPDATE pain_entries SET deleted_at = ? WHERE id = ?", (deleted_at, entry_id)
            )
            return pain_entry_from_row(row)

    def restore_pain_entry(self, entry_id: int) -> PainEntry:
        """Show a deleted pain entry again (undo); return it.

        An entry hidden because its session was deleted comes back with restore_session
        instead, so no entry is ever shown pointing at a hidden session.
        """
        with self._write() as connection:
            row = _pain_row(connection, entry_id)
            if row["deleted_at"] is None:
                raise ValueError(f"pain entry {entry_id} is not deleted; nothing to restore")
            if row["hidden_with_session"]:
                raise ValueError(
                    f"pain entry {entry_id} was deleted together with session "
                    f"{row['session_id']}; restore that session to bring both back"
                )
            connection.execute(
                "UPDATE pain_entries SET deleted_at = NULL WHERE id = ?", (entry_id,)
            )
            return pain_entry_from_row(row)

    def pain_entry(self, entry_id: int) -> PainEntry:
        """One pain entry, deleted or not; UnknownRecordError for an id never stored."""
        return pain_entry_from_row(_pain_row(self._read(), entry_id))

    def is_pain_entry_deleted(self, entry_id: int) -> bool:
        """True when the entry is hidden (by itself or with its session)."""
        return _pain_row(self._read(), entry_id)["deleted_at"] is not None

    def update_pain_entry(self, entry_id: int, score: int, note: str) -> PainEntry:
        """Correct a check-in's score and note; return the updated entry.

        Only a check-in (a score given outside a session) can be corrected: a score before or
        after a session is part of that session's record and stays as it was given. Its moment
        and context never change. ValueError for a deleted entry or one of a session.
        """
        with self._write() as connection:
            row = _pain_row(connection, entry_id)
            if row["deleted_at"] is not None:
                raise ValueError(f"pain entry {entry_id} is deleted; restore it to edit it")
            entry = pain_entry_from_row(row)
            if entry.context is not PainContext.CHECK_IN:
                raise ValueError(
                    f"pain entry {entry_id} was given {entry.context.value} a session; only a "
                    "check-in can be edited"
                )
            updated = replace(entry, score=score, note=note)  # validates both
            connection.execute(
                "UPDATE pain_entries SET score = ?, note = ? WHERE id = ?",
                (updated.score, updated.note, entry_id),
            )
            return updated

    def update_pain_note(self, entry_id: int, note: str) -> PainEntry:
        """Replace a pain entry's note (at most 1000 characters); return the updated entry."""
        with self._write() as connection:
            row = _pain_row(connection, entry_id)
            if row["deleted_at"] is not None:
                raise ValueError(f"pain entry {entry_id} is deleted; restore it to edit its note")
            updated = replace(pain_entry_from_row(row), note=note)  # validates the note
            connection.execute(
                "UPDATE pain_entries SET note = ? WHERE id = ?", (updated.note, entry_id)
            )
            return updated


def _pain_row(connection: sqlite3.Connection, entry_id: int) -> sqlite3.Row:
    row: sqlite3.Row | None = connection.execute(
        "SELECT * FROM pain_entries WHERE id = ?", (entry_id,)
    ).fetchone()
    if row is None:
        raise UnknownRecordError(f"there is no pain entry with id {entry_id!r}")
    return row
