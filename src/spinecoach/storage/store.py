"""The Database: every read and write of SpineCoach's records goes through here.

Each write method is one transaction that is committed before it returns, so a pain score the
user has entered is on disk the moment the call succeeds; if the app crashes a second later,
it is still there. If a method raises, nothing from that call was written.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace
from datetime import datetime
from types import TracebackType
from typing import Self

from spinecoach.core.records import (
    CustomRoutine,
    Feeling,
    HurtEvent,
    PainEntry,
    SessionRecord,
    SessionStatus,
)
from spinecoach.storage.connection import SQLITE_READONLY, error_code
from spinecoach.storage.errors import (
    ReadOnlyDatabaseError,
    StorageError,
    StoredDataError,
    UnknownRecordError,
)
from spinecoach.storage.rows import (
    JsonValue,
    custom_routine_from_row,
    custom_routine_to_row,
    decode_setting,
    encode_exercise_ids,
    encode_setting,
    hurt_event_from_row,
    hurt_event_to_row,
    pain_entry_from_row,
    pain_entry_to_row,
    session_from_row,
    session_to_row,
)
from spinecoach.storage.timecodec import from_iso, require_aware, to_epoch, to_iso


class Database:
    """SpineCoach's records in one SQLite file. Obtain it from open_database()."""

    def __init__(
        self, connection: sqlite3.Connection, *, read_only: bool, read_only_reason: str = ""
    ) -> None:
        self._connection: sqlite3.Connection | None = connection
        self._read_only = read_only
        self._read_only_reason = read_only_reason or "the data file is open read-only"

    @property
    def read_only(self) -> bool:
        """True when every write raises ReadOnlyDatabaseError."""
        return self._read_only

    @property
    def closed(self) -> bool:
        """True after close()."""
        return self._connection is None

    def close(self) -> None:
        """Close the file. Everything was already committed; this only releases it."""
        if self._connection is not None:
            self._connection.close()
            self._connection = None

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()

    # Pain entries -------------------------------------------------------------------------

    def add_pain_entry(self, entry: PainEntry) -> PainEntry:
        """Store a new pain score and return it with its id."""
        _require_new("PainEntry", entry.id)
        with self._write() as connection:
            if entry.session_id is not None:
                _require_session(connection, entry.session_id)
            cursor = connection.execute(
                "INSERT INTO pain_entries (recorded_at, recorded_at_epoch, score, context, note,"
                " session_id) VALUES (:recorded_at, :recorded_at_epoch, :score, :context, :note,"
                " :session_id)",
                pain_entry_to_row(entry),
            )
            return replace(entry, id=_new_id(cursor))

    def pain_entries(self, start: datetime, end: datetime) -> list[PainEntry]:
        """Entries with start <= recorded_at < end, compared in UTC, oldest first.

        Half-open, so consecutive ranges (day by day, week by week) never count an entry twice.
        """
        low, high = _epoch_range(start, end)
        rows = self._read().execute(
            "SELECT * FROM pain_entries WHERE recorded_at_epoch >= ? AND recorded_at_epoch < ?"
            " ORDER BY recorded_at_epoch, id",
            (low, high),
        )
        return [pain_entry_from_row(row) for row in rows]

    # Sessions -----------------------------------------------------------------------------

    def start_session(
        self, routine_id: str, routine_name: str, exercises_total: int, started_at: datetime
    ) -> SessionRecord:
        """Record that a session began, before the first exercise, so a crash cannot lose it."""
        session = SessionRecord(
            routine_id=routine_id,
            routine_name=routine_name,
            started_at=started_at,
            exercises_total=exercises_total,
        )
        with self._write() as connection:
            cursor = connection.execute(
                "INSERT INTO sessions (routine_id, routine_name, started_at, started_at_epoch,"
                " ended_at, ended_at_epoch, exercises_completed, exercises_total, status, feeling,"
                " note) VALUES (:routine_id, :routine_name, :started_at, :started_at_epoch,"
                " :ended_at, :ended_at_epoch, :exercises_completed, :exercises_total, :status,"
                " :feeling, :note)",
                session_to_row(session),
            )
            return replace(session, id=_new_id(cursor))

    def record_exercise_done(self, session_id: int, exercise_id: str) -> SessionRecord:
        """Append one finished exercise to an in-progress session, committed at once."""
        with self._write() as connection:
            session = self._load_session(connection, session_id)
            _require_in_progress(session, "record an exercise in it")
            updated = replace(
                session, exercises_completed=(*session.exercises_completed, exercise_id)
            )
            connection.execute(
                "UPDATE sessions SET exercises_completed = ? WHERE id = ?",
                (encode_exercise_ids(updated.exercises_completed), session_id),
            )
            return updated

    def finish_session(
        self,
        session_id: int,
        status: SessionStatus,
        ended_at: datetime,
        feeling: Feeling | None = None,
        note: str = "",
    ) -> SessionRecord:
        """Close an in-progress session. A session's outcome is written once, never replaced."""
        if status is SessionStatus.IN_PROGRESS:
            raise ValueError("finish_session needs a final status, not IN_PROGRESS")
        with self._write() as connection:
            session = self._load_session(connection, session_id)
            _require_in_progress(session, "finish it again")
            updated = replace(session, status=status, ended_at=ended_at, feeling=feeling, note=note)
            connection.execute(
                "UPDATE sessions SET status = :status, ended_at = :ended_at,"
                " ended_at_epoch = :ended_at_epoch, feeling = :feeling, note = :note"
                " WHERE id = :id",
                {**session_to_row(updated), "id": session_id},
            )
            return updated

    def mark_abandoned_sessions(self, now: datetime) -> list[SessionRecord]:
        """Mark sessions left IN_PROGRESS by an earlier run (a crash, a forced quit) INCOMPLETE.

        Call at start-up, before any new session begins. The exercises already recorded are
        kept, and ended_at stays empty because when the user really stopped is unknown.
        Sessions started after `now` are left alone. Returns the sessions that were marked,
        so the UI can mention them.
        """
        cutoff = to_epoch(require_aware("now", now))
        with self._write() as connection:
            rows = connection.execute(
                "SELECT * FROM sessions WHERE status = ? AND started_at_epoch <= ?"
                " ORDER BY started_at_epoch, id",
                (SessionStatus.IN_PROGRESS.value, cutoff),
            ).fetchall()
            marked = [
                replace(session_from_row(row), status=SessionStatus.INCOMPLETE) for row in rows
            ]
            connection.executemany(
                "UPDATE sessions SET status = ? WHERE id = ?",
                [(SessionStatus.INCOMPLETE.value, session.id) for session in marked],
            )
            return marked

    def session(self, session_id: int) -> SessionRecord:
        """Return one session, or raise UnknownRecordError."""
        return self._load_session(self._read(), session_id)

    def sessions(self, start: datetime, end: datetime) -> list[SessionRecord]:
        """Sessions with start <= started_at < end, compared in UTC, oldest first."""
        low, high = _epoch_range(start, end)
        rows = self._read().execute(
            "SELECT * FROM sessions WHERE started_at_epoch >= ? AND started_at_epoch < ?"
            " ORDER BY started_at_epoch, id",
            (low, high),
        )
        return [session_from_row(row) for row in rows]

    # Hurt events --------------------------------------------------------------------------

    def add_hurt_event(self, event: HurtEvent) -> HurtEvent:
        """Store a "this hurts" press. Accepted for finished sessions too: it is health data."""
        _require_new("HurtEvent", event.id)
        with self._write() as connection:
            _require_session(connection, event.session_id)
            cursor = connection.execute(
                "INSERT INTO hurt_events (session_id, exercise_id, recorded_at, recorded_at_epoch,"
                " action) VALUES (:session_id, :exercise_id, :recorded_at, :recorded_at_epoch,"
                " :action)",
                hurt_event_to_row(event),
            )
            return replace(event, id=_new_id(cursor))

    def hurt_events(self, session_id: int) -> list[HurtEvent]:
        """Return a session's hurt events, oldest first."""
        rows = self._read().execute(
            "SELECT * FROM hurt_events WHERE session_id = ? ORDER BY recorded_at_epoch, id",
            (session_id,),
        )
        return [hurt_event_from_row(row) for row in rows]

    # Settings -----------------------------------------------------------------------------

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

    def all_settings(self) -> dict[str, JsonValue]:
        """Return every stored setting that reads as JSON (for core.settings.resolve)."""
        stored: dict[str, JsonValue] = {}
        for row in self._read().execute("SELECT key, value FROM settings ORDER BY key"):
            key = str(row["key"])
            try:
                stored[key] = decode_setting(key, str(row["value"]))
            except StoredDataError:
                continue
        return stored

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
                created_at=saved_at if existing is None else _stored_time(existing["created_at"]),
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

    # Plumbing -----------------------------------------------------------------------------

    def _read(self) -> sqlite3.Connection:
        if self._connection is None:
            raise StorageError("the database has been closed")
        return self._connection

    @contextmanager
    def _write(self) -> Iterator[sqlite3.Connection]:
        """One committed transaction; on any error it is rolled back and nothing is written.

        BEGIN IMMEDIATE takes the write lock up front so the reads that decide a write (is the
        session still in progress?) cannot be invalidated by another connection before commit.
        """
        if self._read_only:
            raise ReadOnlyDatabaseError(self._read_only_reason)
        connection = self._read()
        try:
            connection.execute("BEGIN IMMEDIATE")
            try:
                yield connection
                connection.execute("COMMIT")
            except BaseException:
                if connection.in_transaction:
                    connection.execute("ROLLBACK")
                raise
        except sqlite3.Error as exc:
            if error_code(exc) == SQLITE_READONLY:
                raise ReadOnlyDatabaseError(
                    f"the data file cannot be written (is it read-only on disk?): {exc}"
                ) from exc
            raise

    @staticmethod
    def _load_session(connection: sqlite3.Connection, session_id: int) -> SessionRecord:
        row = connection.execute("SELECT * FROM sessions WHERE id = ?", (session_id,)).fetchone()
        if row is None:
            raise UnknownRecordError(f"there is no session with id {session_id!r}")
        return session_from_row(row)


def _require_session(connection: sqlite3.Connection, session_id: int) -> None:
    """Check up front, so the caller gets a clear message rather than a foreign-key error."""
    if connection.execute("SELECT 1 FROM sessions WHERE id = ?", (session_id,)).fetchone() is None:
        raise UnknownRecordError(f"there is no session with id {session_id!r}")


def _require_new(kind: str, record_id: int | None) -> None:
    if record_id is not None:
        raise ValueError(f"this {kind} is already stored (id {record_id}); add only new ones")


def _require_in_progress(session: SessionRecord, doing: str) -> None:
    if session.status is not SessionStatus.IN_PROGRESS:
        raise ValueError(f"session {session.id} is already {session.status.value}; cannot {doing}")


def _new_id(cursor: sqlite3.Cursor) -> int:
    if cursor.lastrowid is None:  # pragma: no cover - SQLite always sets it after an INSERT
        raise StorageError("SQLite did not report the new row's id")
    return cursor.lastrowid


def _epoch_range(start: datetime, end: datetime) -> tuple[float, float]:
    low = to_epoch(require_aware("start", start))
    high = to_epoch(require_aware("end", end))
    if low > high:
        raise ValueError(f"the range start {to_iso(start)} is after its end {to_iso(end)}")
    return low, high


def _stored_time(value: object) -> datetime:
    if not isinstance(value, str):
        raise StorageError(f"a stored time is {value!r}, not text")
    return from_iso(value)
