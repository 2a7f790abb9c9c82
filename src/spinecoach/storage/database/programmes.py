"""Programmes from a clinician: the files imported, which one is active, and what was done.

A programme is kept as the TOML text it was imported as (`StoredProgramme`); what it says is
core/programme's job. At most one is active (the schema's partial unique index says so too).
"""

from __future__ import annotations

import sqlite3
from datetime import datetime

from spinecoach.core.records import StoredProgramme
from spinecoach.storage.database.history_queries import HISTORY_QUERIES
from spinecoach.storage.database.record_store import RecordStore, epoch_range, stored_time
from spinecoach.storage.errors import UnknownRecordError
from spinecoach.storage.rows import programme_from_row, programme_to_row


class ProgrammeStore(RecordStore):
    """The programmes table, and the completed sessions adherence counts."""

    def save_programme(
        self,
        programme_id: str,
        title: str,
        prescribed_by: str,
        body: str,
        file_name: str,
        imported_at: datetime,
        *,
        activate: bool = True,
    ) -> StoredProgramme:
        """Store an imported programme; the same id again replaces it (never a duplicate).

        A replaced programme gets the new title, prescriber, body, file name and imported_at;
        its eased copies in custom_routines stay. `activate` makes it the active programme
        and every other one inactive; without it a new programme is stored inactive and a
        replaced one keeps whether it was active.
        """
        with self._write() as connection:
            was_active = connection.execute(
                "SELECT active FROM programmes WHERE id = ?", (programme_id,)
            ).fetchone()
            programme = StoredProgramme(
                id=programme_id,
                title=title,
                prescribed_by=prescribed_by,
                body=body,
                file_name=file_name,
                imported_at=imported_at,
                active=activate or (was_active is not None and was_active["active"] == 1),
            )
            if activate:
                connection.execute(
                    "UPDATE programmes SET active = 0 WHERE active = 1 AND id <> ?",
                    (programme_id,),
                )
            connection.execute(
                "INSERT INTO programmes (id, title, prescribed_by, body, file_name, imported_at,"
                " imported_at_epoch, active) VALUES (:id, :title, :prescribed_by, :body,"
                " :file_name, :imported_at, :imported_at_epoch, :active)"
                " ON CONFLICT (id) DO UPDATE SET title = excluded.title,"
                " prescribed_by = excluded.prescribed_by, body = excluded.body,"
                " file_name = excluded.file_name, imported_at = excluded.imported_at,"
                " imported_at_epoch = excluded.imported_at_epoch, active = excluded.active",
                programme_to_row(programme),
            )
            return programme

    def programmes(self) -> list[StoredProgramme]:
        """Every stored programme, the most recently imported first."""
        if not self._has_programmes_table():
            return []
        rows = self._read().execute("SELECT * FROM programmes ORDER BY imported_at_epoch DESC, id")
        return [programme_from_row(row) for row in rows]

    def active_programme(self) -> StoredProgramme | None:
        """The active programme, or None when no programme is active."""
        if not self._has_programmes_table():
            return None
        row = self._read().execute("SELECT * FROM programmes WHERE active = 1").fetchone()
        return None if row is None else programme_from_row(row)

    def set_active_programme(self, programme_id: str | None) -> None:
        """Make this programme the active one (the others inactive); None: no programme active.

        An unknown id raises UnknownRecordError and changes nothing.
        """
        with self._write() as connection:
            if programme_id is not None:
                require_programme(connection, programme_id)
            connection.execute(
                "UPDATE programmes SET active = 0 WHERE active = 1 AND id IS NOT ?",
                (programme_id,),
            )
            if programme_id is not None:
                connection.execute("UPDATE programmes SET active = 1 WHERE id = ?", (programme_id,))

    def delete_programme(self, programme_id: str) -> bool:
        """Remove a programme and its eased copies; True if it existed.

        Sessions done with its routines are never touched: they keep the routine's id and name.
        """
        with self._write() as connection:
            connection.execute(
                "DELETE FROM custom_routines WHERE programme_id = ?", (programme_id,)
            )
            cursor = connection.execute("DELETE FROM programmes WHERE id = ?", (programme_id,))
            return cursor.rowcount > 0

    def completed_sessions_between(
        self, start: datetime, end: datetime
    ) -> list[tuple[str, datetime]]:
        """(routine id, started_at) of every shown completed session started in [start, end).

        Oldest first; started_at keeps the offset it was recorded with (for adherence, which
        counts sessions by the person's local date).
        """
        low, high = epoch_range(start, end)
        rows = self._read().execute(
            HISTORY_QUERIES["completed_sessions"], {"low": low, "high": high}
        )
        return [(str(row["routine_id"]), stored_time(row["started_at"])) for row in rows]

    def _has_programmes_table(self) -> bool:
        # A file before version 5 (opened read-only, never migrated) has no programmes.
        row = (
            self._read()
            .execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'programmes'")
            .fetchone()
        )
        return row is not None


def require_programme(connection: sqlite3.Connection, programme_id: str) -> None:
    """Refuse (UnknownRecordError) an id no stored programme has; used inside a write."""
    row = connection.execute("SELECT 1 FROM programmes WHERE id = ?", (programme_id,)).fetchone()
    if row is None:
        raise UnknownRecordError(f"there is no stored programme with the id {programme_id!r}")
