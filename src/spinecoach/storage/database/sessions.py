"""Sessions: started, advanced exercise by exercise, finished, hidden and shown again."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, replace
from datetime import datetime
from typing import Final

from spinecoach.core.records import Feeling, PainEntry, SessionRecord, SessionStatus
from spinecoach.storage.database.history_queries import HISTORY_QUERIES
from spinecoach.storage.database.record_store import RecordStore, epoch_range, inserted_id
from spinecoach.storage.errors import UnknownRecordError
from spinecoach.storage.rows import (
    encode_exercise_ids,
    pain_entry_from_row,
    session_from_row,
    session_to_row,
)
from spinecoach.storage.timecodec import require_aware, to_iso

INSERT_SESSION: Final = (
    "INSERT INTO sessions (routine_id, routine_name, started_at, started_at_epoch, ended_at,"
    " ended_at_epoch, exercises_completed, exercises_skipped, exercises_total, status, feeling,"
    " note) VALUES (:routine_id, :routine_name, :started_at, :started_at_epoch, :ended_at,"
    " :ended_at_epoch, :exercises_completed, :exercises_skipped, :exercises_total, :status,"
    " :feeling, :note)"
)


@dataclass(frozen=True)
class SessionWithPain:
    """A session and the pain entries that were hidden or shown again together with it."""

    session: SessionRecord
    pain_entries: tuple[PainEntry, ...]


class SessionStore(RecordStore):
    """The exercise sessions, written step by step as they are played so a crash loses none."""

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
            cursor = connection.execute(INSERT_SESSION, session_to_row(session))
            return replace(session, id=inserted_id(cursor))

    def record_exercise_done(self, session_id: int, exercise_id: str) -> SessionRecord:
        """Append one finished exercise to an in-progress session, committed at once."""
        with self._write() as connection:
            session = load_session(connection, session_id)
            _require_in_progress(session, "record an exercise in it")
            updated = replace(
                session, exercises_completed=(*session.exercises_completed, exercise_id)
            )
            connection.execute(
                "UPDATE sessions SET exercises_completed = ? WHERE id = ?",
                (encode_exercise_ids(updated.exercises_completed), session_id),
            )
            return updated

    def record_exercise_skipped(self, session_id: int, exercise_id: str) -> SessionRecord:
        """Append one exercise left before it was done to an in-progress session, at once."""
        with self._write() as connection:
            session = load_session(connection, session_id)
            _require_in_progress(session, "record a skipped exercise in it")
            updated = replace(session, exercises_skipped=(*session.exercises_skipped, exercise_id))
            connection.execute(
                "UPDATE sessions SET exercises_skipped = ? WHERE id = ?",
                (encode_exercise_ids(updated.exercises_skipped), session_id),
            )
            return updated

    def add_session_feeling(self, session_id: int, feeling: Feeling) -> SessionRecord:
        """Give a finished session the feeling its pain-after question was skipped without.

        The summary's "Log how it went" asks that question again; the answer fills in what is
        missing and never replaces one given (refused, writing nothing).
        """
        with self._write() as connection:
            session = load_session(connection, session_id)
            require_shown_session(connection, session_id)
            if session.status is SessionStatus.IN_PROGRESS:
                raise ValueError(f"session {session_id} is still in progress: finish it instead")
            if session.feeling is not None:
                raise ValueError(f"session {session_id} already has a feeling")
            updated = replace(session, feeling=feeling)
            connection.execute(
                "UPDATE sessions SET feeling = ? WHERE id = ?", (feeling, session_id)
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
            session = load_session(connection, session_id)
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
        return load_session(self._read(), session_id)

    def is_session_deleted(self, session_id: int) -> bool:
        """True when the session is hidden by delete_session (UnknownRecordError if no such id)."""
        return session_deleted_at(self._read(), session_id) is not None

    def sessions(
        self, start: datetime, end: datetime, *, include_deleted: bool = False
    ) -> list[SessionRecord]:
        """Sessions with start <= started_at < end, compared in UTC, oldest first.

        Deleted sessions are left out unless `include_deleted`.
        """
        low, high = epoch_range(start, end)
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
            session = load_session(connection, session_id)
            if session_deleted_at(connection, session_id) is not None:
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
            session = load_session(connection, session_id)
            if session_deleted_at(connection, session_id) is None:
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
            session = load_session(connection, session_id)
            if session_deleted_at(connection, session_id) is not None:
                raise ValueError(f"session {session_id} is deleted; restore it to edit its note")
            updated = replace(session, note=note)  # validates the note
            connection.execute(
                "UPDATE sessions SET note = ? WHERE id = ?", (updated.note, session_id)
            )
            return updated


def load_session(connection: sqlite3.Connection, session_id: int) -> SessionRecord:
    """The stored session, deleted or not; UnknownRecordError for an id never stored."""
    row = connection.execute("SELECT * FROM sessions WHERE id = ?", (session_id,)).fetchone()
    if row is None:
        raise UnknownRecordError(f"there is no session with id {session_id!r}")
    return session_from_row(row)


def session_deleted_at(connection: sqlite3.Connection, session_id: int) -> str | None:
    """When the session was hidden (ISO text), None if shown; UnknownRecordError if no such id."""
    row = connection.execute(
        "SELECT deleted_at FROM sessions WHERE id = ?", (session_id,)
    ).fetchone()
    if row is None:
        raise UnknownRecordError(f"there is no session with id {session_id!r}")
    value: object = row["deleted_at"]
    return None if value is None else str(value)


def require_shown_session(connection: sqlite3.Connection, session_id: int) -> None:
    """Check up front, so the caller gets a clear message rather than a foreign-key error.

    A deleted session takes no new entries: they would be hidden with it yet not restored.
    """
    if session_deleted_at(connection, session_id) is not None:
        raise ValueError(f"session {session_id} is deleted; restore it before adding to it")


def _require_in_progress(session: SessionRecord, doing: str) -> None:
    if session.status is not SessionStatus.IN_PROGRESS:
        raise ValueError(f"session {session.id} is already {session.status.value}; cannot {doing}")
