"""The Database: every read and write of SpineCoach's records goes through here.

Each write method is one transaction that is committed before it returns, so a pain score the
user has entered is on disk the moment the call succeeds; if the app crashes a second later,
it is still there. If a method raises, nothing from that call was written.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, replace
from datetime import datetime
from types import MappingProxyType, TracebackType
from typing import Final, Self

from spinecoach.core.records import (
    CustomRoutine,
    Feeling,
    HurtEvent,
    PainEntry,
    ReminderLogEntry,
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
    custom_routine_from_row,
    custom_routine_to_row,
    encode_exercise_ids,
    hurt_event_from_row,
    hurt_event_to_row,
    pain_entry_from_row,
    pain_entry_to_row,
    reminder_entry_from_row,
    reminder_entry_to_row,
    session_from_row,
    session_to_row,
)
from spinecoach.storage.setting_codec import JsonValue, decode_setting, encode_setting
from spinecoach.storage.timecodec import from_iso, require_aware, to_epoch, to_iso

_INSERT_PAIN: Final = (
    "INSERT INTO pain_entries (recorded_at, recorded_at_epoch, score, context, note, session_id)"
    " VALUES (:recorded_at, :recorded_at_epoch, :score, :context, :note, :session_id)"
)
_INSERT_SESSION: Final = (
    "INSERT INTO sessions (routine_id, routine_name, started_at, started_at_epoch, ended_at,"
    " ended_at_epoch, exercises_completed, exercises_total, status, feeling, note) VALUES"
    " (:routine_id, :routine_name, :started_at, :started_at_epoch, :ended_at, :ended_at_epoch,"
    " :exercises_completed, :exercises_total, :status, :feeling, :note)"
)

HISTORY_QUERIES: Final[Mapping[str, str]] = MappingProxyType(
    {
        "pain_entries": "SELECT * FROM pain_entries WHERE deleted_at IS NULL"
        " AND recorded_at_epoch >= :low AND recorded_at_epoch < :high"
        " ORDER BY recorded_at_epoch, id",
        "pain_entries_with_deleted": "SELECT * FROM pain_entries"
        " WHERE recorded_at_epoch >= :low AND recorded_at_epoch < :high"
        " ORDER BY recorded_at_epoch, id",
        "sessions": "SELECT * FROM sessions WHERE deleted_at IS NULL"
        " AND started_at_epoch >= :low AND started_at_epoch < :high"
        " ORDER BY started_at_epoch, id",
        "sessions_with_deleted": "SELECT * FROM sessions"
        " WHERE started_at_epoch >= :low AND started_at_epoch < :high"
        " ORDER BY started_at_epoch, id",
        "hurt_counts": "SELECT hurt_events.session_id AS session_id, count(*) AS hurts"
        " FROM sessions JOIN hurt_events ON hurt_events.session_id = sessions.id"
        " WHERE sessions.deleted_at IS NULL"
        " AND sessions.started_at_epoch >= :low AND sessions.started_at_epoch < :high"
        " GROUP BY hurt_events.session_id",
        "count_pain_entries": "SELECT count(*) FROM pain_entries WHERE deleted_at IS NULL",
        "count_sessions": "SELECT count(*) FROM sessions WHERE deleted_at IS NULL",
        "first_pain_entry": "SELECT recorded_at AS at, recorded_at_epoch AS epoch"
        " FROM pain_entries WHERE deleted_at IS NULL ORDER BY recorded_at_epoch LIMIT 1",
        "last_pain_entry": "SELECT recorded_at AS at, recorded_at_epoch AS epoch"
        " FROM pain_entries WHERE deleted_at IS NULL ORDER BY recorded_at_epoch DESC LIMIT 1",
        "first_session": "SELECT started_at AS at, started_at_epoch AS epoch"
        " FROM sessions WHERE deleted_at IS NULL ORDER BY started_at_epoch LIMIT 1",
        "last_session": "SELECT started_at AS at, started_at_epoch AS epoch"
        " FROM sessions WHERE deleted_at IS NULL ORDER BY started_at_epoch DESC LIMIT 1",
    }
)
"""The SQL behind every read the History view makes, by name (parameters :low and :high).

tests/storage/test_storage_history.py runs EXPLAIN QUERY PLAN on each and fails if one stops
using an index.
"""


@dataclass(frozen=True)
class SessionWithPain:
    """A session and the pain entries that were hidden or shown again together with it."""

    session: SessionRecord
    pain_entries: tuple[PainEntry, ...]


@dataclass(frozen=True)
class HistoryAdded:
    """What add_history() stored: the new sessions, with ids, and the number of pain entries."""

    sessions: tuple[SessionRecord, ...]
    pain_entries: int


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
                _require_shown_session(connection, entry.session_id)
            cursor = connection.execute(_INSERT_PAIN, pain_entry_to_row(entry))
            return replace(entry, id=_new_id(cursor))

    def pain_entries(
        self, start: datetime, end: datetime, *, include_deleted: bool = False
    ) -> list[PainEntry]:
        """Entries with start <= recorded_at < end, compared in UTC, oldest first.

        Half-open, so consecutive ranges (day by day, week by week) never count an entry twice.
        Deleted entries are left out unless `include_deleted`.
        """
        low, high = _epoch_range(start, end)
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
            cursor = connection.execute(_INSERT_SESSION, session_to_row(session))
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

        Call at start-up, before any new session begins: then every session still in progress
        was cut short, whenever it claims to have started. That includes one whose start lies
        after `now`: it was recorded under a wall clock that has since been put back (measured:
        such a session stayed "in progress" for good and could never be deleted). The
        exercises already recorded are kept, and ended_at stays empty because when the user
        really stopped is unknown. `now` must be timezone-aware; it is not a cut-off. Returns
        the sessions that were marked, so the UI can mention them.
        """
        require_aware("now", now)
        with self._write() as connection:
            rows = connection.execute(
                "SELECT * FROM sessions WHERE status = ? ORDER BY started_at_epoch, id",
                (SessionStatus.IN_PROGRESS.value,),
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
        """Return one session, deleted or not (see is_session_deleted).

        Raises UnknownRecordError for an id that was never stored.
        """
        return self._load_session(self._read(), session_id)

    def is_session_deleted(self, session_id: int) -> bool:
        """True when the session is hidden by delete_session (UnknownRecordError if no such id)."""
        return _session_deleted_at(self._read(), session_id) is not None

    def sessions(
        self, start: datetime, end: datetime, *, include_deleted: bool = False
    ) -> list[SessionRecord]:
        """Sessions with start <= started_at < end, compared in UTC, oldest first.

        Deleted sessions are left out unless `include_deleted`.
        """
        low, high = _epoch_range(start, end)
        name = "sessions_with_deleted" if include_deleted else "sessions"
        rows = self._read().execute(HISTORY_QUERIES[name], {"low": low, "high": high})
        return [session_from_row(row) for row in rows]

    def count_sessions(self) -> int:
        """How many sessions are shown (deleted ones not counted)."""
        return self._count(HISTORY_QUERIES["count_sessions"])

    def delete_session(self, session_id: int, now: datetime) -> SessionWithPain:
        """Hide a finished session and its pain entries (soft delete); return what was hidden.

        Nothing is erased: restore_session(session_id) shows exactly these again. Entries the
        user had already deleted on their own stay deleted (and are not in the result). A
        session still in progress is refused: it is being played and written to.
        """
        deleted_at = to_iso(require_aware("now", now))
        with self._write() as connection:
            session = self._load_session(connection, session_id)
            if _session_deleted_at(connection, session_id) is not None:
                raise ValueError(f"session {session_id} is already deleted")
            if session.status is SessionStatus.IN_PROGRESS:
                raise ValueError(
                    f"session {session_id} is still in progress; finish it before deleting it"
                )
            rows = connection.execute(
                "SELECT * FROM pain_entries WHERE session_id = ? AND deleted_at IS NULL"
                " ORDER BY recorded_at_epoch, id",
                (session_id,),
            ).fetchall()
            entries = tuple(pain_entry_from_row(row) for row in rows)
            connection.execute(
                "UPDATE sessions SET deleted_at = ? WHERE id = ?", (deleted_at, session_id)
            )
            connection.execute(
                "UPDATE pain_entries SET deleted_at = ?, hidden_with_session = 1"
                " WHERE session_id = ? AND deleted_at IS NULL",
                (deleted_at, session_id),
            )
            return SessionWithPain(session, entries)

    def restore_session(self, session_id: int) -> SessionWithPain:
        """Undo delete_session: show the session and the pain entries hidden with it again."""
        with self._write() as connection:
            session = self._load_session(connection, session_id)
            if _session_deleted_at(connection, session_id) is None:
                raise ValueError(f"session {session_id} is not deleted; nothing to restore")
            rows = connection.execute(
                "SELECT * FROM pain_entries WHERE session_id = ? AND hidden_with_session = 1"
                " ORDER BY recorded_at_epoch, id",
                (session_id,),
            ).fetchall()
            entries = tuple(pain_entry_from_row(row) for row in rows)
            connection.execute("UPDATE sessions SET deleted_at = NULL WHERE id = ?", (session_id,))
            connection.execute(
                "UPDATE pain_entries SET deleted_at = NULL, hidden_with_session = 0"
                " WHERE session_id = ? AND hidden_with_session = 1",
                (session_id,),
            )
            return SessionWithPain(session, entries)

    def update_session_note(self, session_id: int, note: str) -> SessionRecord:
        """Replace a session's note (at most 1000 characters), also after it has finished."""
        with self._write() as connection:
            session = self._load_session(connection, session_id)
            if _session_deleted_at(connection, session_id) is not None:
                raise ValueError(f"session {session_id} is deleted; restore it to edit its note")
            updated = replace(session, note=note)  # validates the note
            connection.execute(
                "UPDATE sessions SET note = ? WHERE id = ?", (updated.note, session_id)
            )
            return updated

    def time_span(self) -> tuple[datetime, datetime] | None:
        """The first and last moment in the shown history, or None when there is nothing.

        Covers pain entries (recorded_at) and sessions (started_at), the times the history's
        range queries filter on, so a range from first to just after last shows everything.
        Each time keeps the offset it was recorded with.
        """
        connection = self._read()
        found = [
            row
            for name in ("first_pain_entry", "last_pain_entry", "first_session", "last_session")
            if (row := connection.execute(HISTORY_QUERIES[name]).fetchone()) is not None
        ]
        if not found:
            return None
        first = min(found, key=lambda row: float(row["epoch"]))
        last = max(found, key=lambda row: float(row["epoch"]))
        return _stored_time(first["at"]), _stored_time(last["at"])

    def hurt_counts(self, start: datetime, end: datetime) -> dict[int, int]:
        """Count the "this hurts" presses of each shown session started in [start, end).

        Sessions without any are left out of the result (read it with .get(id, 0)).
        """
        low, high = _epoch_range(start, end)
        rows = self._read().execute(HISTORY_QUERIES["hurt_counts"], {"low": low, "high": high})
        return {int(row["session_id"]): int(row["hurts"]) for row in rows}

    # Many records at once -----------------------------------------------------------------

    def add_history(
        self,
        sessions: Sequence[tuple[SessionRecord, Sequence[PainEntry]]],
        pain_entries: Sequence[PainEntry] = (),
    ) -> HistoryAdded:
        """Store many new records in one transaction (CSV import, demo data): all or nothing.

        `sessions` pairs each new session with its own new pain entries, which must have no
        session_id yet: they are linked to the session's new id. `pain_entries` are stored as
        they are; a session_id there must name a stored session that is not deleted.
        """
        for session, linked in sessions:
            _require_new("SessionRecord", session.id)
            for entry in linked:
                _require_new("PainEntry", entry.id)
                if entry.session_id is not None:
                    raise ValueError(
                        f"a pain entry given with its session must not name another session "
                        f"(it names {entry.session_id})"
                    )
        for entry in pain_entries:
            _require_new("PainEntry", entry.id)
        with self._write() as connection:
            linked_to = {e.session_id for e in pain_entries if e.session_id is not None}
            for session_id in sorted(linked_to):
                _require_shown_session(connection, session_id)
            added: list[SessionRecord] = []
            rows: list[dict[str, object]] = []
            for session, linked in sessions:
                new_id = _new_id(connection.execute(_INSERT_SESSION, session_to_row(session)))
                added.append(replace(session, id=new_id))
                rows.extend({**pain_entry_to_row(e), "session_id": new_id} for e in linked)
            rows.extend(pain_entry_to_row(entry) for entry in pain_entries)
            connection.executemany(_INSERT_PAIN, rows)
            return HistoryAdded(tuple(added), len(rows))

    # Hurt events --------------------------------------------------------------------------

    def add_hurt_event(self, event: HurtEvent) -> HurtEvent:
        """Store a "this hurts" press. Accepted for finished sessions too: it is health data."""
        _require_new("HurtEvent", event.id)
        with self._write() as connection:
            _require_shown_session(connection, event.session_id)
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

    # Reminder log -------------------------------------------------------------------------

    def add_reminder_event(self, entry: ReminderLogEntry) -> ReminderLogEntry:
        """Log what happened to a stand-up reminder, committed at once."""
        _require_new("ReminderLogEntry", entry.id)
        with self._write() as connection:
            cursor = connection.execute(
                "INSERT INTO reminder_events (recorded_at, recorded_at_epoch, action, detail)"
                " VALUES (:recorded_at, :recorded_at_epoch, :action, :detail)",
                reminder_entry_to_row(entry),
            )
            return replace(entry, id=_new_id(cursor))

    def reminder_events(self, start: datetime, end: datetime) -> list[ReminderLogEntry]:
        """The reminder log in [start, end), oldest first."""
        rows = self._read().execute(
            "SELECT * FROM reminder_events WHERE recorded_at_epoch >= ? AND recorded_at_epoch < ?"
            " ORDER BY recorded_at_epoch, id",
            _epoch_range(start, end),
        )
        return [reminder_entry_from_row(row) for row in rows]

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

    def _count(self, sql: str) -> int:
        row = self._read().execute(sql).fetchone()
        return int(row[0])

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


def _session_deleted_at(connection: sqlite3.Connection, session_id: int) -> str | None:
    row = connection.execute(
        "SELECT deleted_at FROM sessions WHERE id = ?", (session_id,)
    ).fetchone()
    if row is None:
        raise UnknownRecordError(f"there is no session with id {session_id!r}")
    value: object = row["deleted_at"]
    return None if value is None else str(value)


def _require_shown_session(connection: sqlite3.Connection, session_id: int) -> None:
    """Check up front, so the caller gets a clear message rather than a foreign-key error.

    A deleted session takes no new entries: they would be hidden with it yet not restored.
    """
    if _session_deleted_at(connection, session_id) is not None:
        raise ValueError(f"session {session_id} is deleted; restore it before adding to it")


def _pain_row(connection: sqlite3.Connection, entry_id: int) -> sqlite3.Row:
    row: sqlite3.Row | None = connection.execute(
        "SELECT * FROM pain_entries WHERE id = ?", (entry_id,)
    ).fetchone()
    if row is None:
        raise UnknownRecordError(f"there is no pain entry with id {entry_id!r}")
    return row


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
