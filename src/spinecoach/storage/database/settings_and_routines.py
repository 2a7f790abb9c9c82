"""What the person chose rather than did: settings (JSON by key) and their own routines.

An own routine may be an eased copy of a programme's routine (`programme_id`); programmes
themselves are programmes.py.
"""

from __future__ import annotations

from datetime import datetime

from spinecoach.core.records import CustomRoutine
from spinecoach.storage.database.programmes import require_programme
from spinecoach.storage.database.record_store import RecordStore, stored_time
from spinecoach.storage.errors import StoredDataError
from spinecoach.storage.rows import custom_routine_from_row, custom_routine_to_row
from spinecoach.storage.setting_codec import JsonValue, decode_setting, encode_setting


class SettingsAndRoutinesStore(RecordStore):
    """The settings table and the custom routines table."""

    def get_setting(self, key: str, default: JsonValue = None) -> JsonValue:
        """Return the stored JSON value, or `default` when unset or not readable as JSON.

        Matching spinecoach.core.settings, a hand-damaged value falls back to the default
        rather than stopping the app; the stored text is left as it is until the next save.
        """
        row = self._read().execute("SELECT value FROM settings WHERE key = ?", (key,)).fetchone()
        if row is None:
            return default
        try:
            return decode_setting(key, str(row["value"]))
        except StoredDataError:
            return default

    def set_setting(self, key: str, value: JsonValue) -> None:
        """Store a JSON value (NaN and infinities are refused as not portable JSON)."""
        if not isinstance(key, str) or not key:
            raise ValueError(f"a setting key must be non-empty text, got {key!r}")
        text = encode_setting(key, value)
        with self._write() as connection:
            connection.execute(
                "INSERT INTO settings (key, value) VALUES (?, ?)"
                " ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                (key, text),
            )

    # Custom routines ----------------------------------------------------------------------

    def save_custom_routine(
        self,
        routine_id: str,
        name: str,
        body: str,
        saved_at: datetime,
        *,
        based_on: str | None = None,
        programme_id: str | None = None,
    ) -> CustomRoutine:
        """Create or update a user routine; created_at is kept from the first save.

        `based_on` is the routine it was copied or eased from; `programme_id` marks an eased
        copy of a programme's routine (the programme must be stored: UnknownRecordError
        otherwise, nothing written). Once set, either is kept when a later save (a rename, a
        new dosage) leaves it None, so an eased copy never loses its programme.
        """
        with self._write() as connection:
            existing = connection.execute(
                "SELECT created_at, based_on, programme_id FROM custom_routines WHERE id = ?",
                (routine_id,),
            ).fetchone()
            if programme_id is not None:
                require_programme(connection, programme_id)
            if existing is not None:  # kept unless given anew
                based_on = existing["based_on"] if based_on is None else based_on
                programme_id = existing["programme_id"] if programme_id is None else programme_id
            routine = CustomRoutine(
                id=routine_id,
                name=name,
                body=body,
                created_at=saved_at if existing is None else stored_time(existing["created_at"]),
                updated_at=saved_at,
                based_on=based_on,
                programme_id=programme_id,
            )
            connection.execute(
                "INSERT INTO custom_routines"
                " (id, name, body, created_at, updated_at, based_on, programme_id)"
                " VALUES (:id, :name, :body, :created_at, :updated_at, :based_on, :programme_id)"
                " ON CONFLICT (id) DO UPDATE SET name = excluded.name, body = excluded.body,"
                " updated_at = excluded.updated_at, based_on = excluded.based_on,"
                " programme_id = excluded.programme_id",
                custom_routine_to_row(routine),
            )
            return routine

    def restore_custom_routine(self, routine: CustomRoutine) -> None:
        """Put a deleted user routine back exactly as it was (Undo of a delete).

        The same row returns: id, name, body, created_at, updated_at, based_on, programme_id.
        Refused, writing nothing, when a routine with that id exists again (ValueError: it is
        never overwritten) or its programme has been removed since (UnknownRecordError).
        """
        if not isinstance(routine, CustomRoutine):
            raise ValueError(f"restore_custom_routine needs a CustomRoutine, got {routine!r}")
        with self._write() as connection:
            taken = connection.execute(
                "SELECT 1 FROM custom_routines WHERE id = ?", (routine.id,)
            ).fetchone()
            if taken is not None:
                raise ValueError(
                    f"a routine with the id {routine.id!r} exists; it is not overwritten"
                )
            if routine.programme_id is not None:
                require_programme(connection, routine.programme_id)
            connection.execute(
                "INSERT INTO custom_routines"
                " (id, name, body, created_at, updated_at, based_on, programme_id)"
                " VALUES (:id, :name, :body, :created_at, :updated_at, :based_on, :programme_id)",
                custom_routine_to_row(routine),
            )

    def custom_routines(self) -> list[CustomRoutine]:
        """All user routines, by name."""
        rows = self._read().execute(
            "SELECT * FROM custom_routines ORDER BY name COLLATE NOCASE, id"
        )
        return [custom_routine_from_row(row) for row in rows]

    def delete_custom_routine(self, routine_id: str) -> bool:
        """Delete a user routine; True if it existed. Past sessions keep its id and name."""
        with self._write() as connection:
            cursor = connection.execute("DELETE FROM custom_routines WHERE id = ?", (routine_id,))
            return cursor.rowcount > 0
