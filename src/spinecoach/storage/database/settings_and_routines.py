"""What the person chose rather than did: settings (JSON by key) and their own routines."""

from __future__ import annotations

from datetime import datetime

from spinecoach.core.records import CustomRoutine
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
        self, routine_id: str, name: str, body: str, saved_at: datetime
    ) -> CustomRoutine:
        """Create or update a user routine; created_at is kept from the first save."""
        with self._write() as connection:
            existing = connection.execute(
                "SELECT created_at FROM custom_routines WHERE id = ?", (routine_id,)
            ).fetchone()
            routine = CustomRoutine(
                id=routine_id,
                name=name,
                body=body,
                created_at=saved_at if existing is None else stored_time(existing["created_at"]),
                updated_at=saved_at,
            )
            connection.execute(
                "INSERT INTO custom_routines (id, name, body, created_at, updated_at)"
                " VALUES (:id, :name, :body, :created_at, :updated_at)"
                " ON CONFLICT (id) DO UPDATE SET name = excluded.name, body = excluded.body,"
                " updated_at = excluded.updated_at",
                custom_routine_to_row(routine),
            )
            return routine

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
