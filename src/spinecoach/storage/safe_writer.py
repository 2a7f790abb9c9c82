"""Health data that could not be stored yet: kept, and stored exactly once when storage is back.

Every pain score, session step, "this hurts" and reminder answer the person gives goes through
`SafeWriter`, the one write path of the UI. When the data file cannot take it (disk full, the
file or folder made read-only, another program holding the lock, a newer version's file opened
read-only) the write is not lost:

1. it is kept in memory and appended to a small journal beside the database,
   `pending-writes.jsonl` (`storage.journal`), so a crash or a quit does not lose it either;
2. the caller gets a `WriteOutcome` saying it is pending and why, in words a person understands
   ("the disk is full", `storage.failures`), and tells them;
3. the writer tries again before the next write (so order is kept), whenever `retry()` is called
   (a timer in the UI while anything waits) and at start-up; what is stored leaves the journal.

Exactly once. A write that raised was rolled back (every write is one transaction), so a retry
cannot double it. The one window left is a crash after a replayed write committed and before the
journal was rewritten; each kind of write therefore checks, before it is replayed, whether the
database already holds it, by what identifies it naturally: a pain score by its moment, score,
context and session; a session by its start and routine; an exercise done or skipped by its
position in the session; a finish by the session no longer being in progress; a late feeling
by the session having one; a hurt or reminder by its moment and what it says; a note or a
corrected check-in by the record already holding those words. No schema change is needed for
that.

Sessions get a key when they start (`SessionKey`), because a session whose start is still pending
has no database id yet; later steps of that session name the key, and the writer maps keys to ids
once the start is stored.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta
from typing import Any, Final, TypeVar

from spinecoach.core.records import (
    HurtAction,
    HurtEvent,
    PainContext,
    PainEntry,
    ReminderAction,
    ReminderLogEntry,
    SessionRecord,
    SessionStatus,
    as_feeling,
)
from spinecoach.storage.database import Database
from spinecoach.storage.errors import StorageError
from spinecoach.storage.failures import StorageProblem, describe_failure
from spinecoach.storage.journal import PendingJournal, PendingWrite, WriteKind
from spinecoach.storage.timecodec import from_iso, to_iso

log = logging.getLogger(__name__)

_T = TypeVar("_T")

#: Two stored moments closer than this are the same moment (ISO text keeps microseconds; the
#: epoch columns are floats).
SAME_MOMENT: Final = timedelta(milliseconds=1)


#: How each kind is named to the person ("Your pain score could not be saved yet").
WHAT: Final = {
    WriteKind.PAIN: "pain score",
    WriteKind.SESSION_START: "session",
    WriteKind.EXERCISE_DONE: "session",
    WriteKind.SESSION_FINISH: "session",
    WriteKind.HURT: "session",
    WriteKind.REMINDER: "reminder answer",
    WriteKind.SESSION_NOTE: "note",
    WriteKind.EXERCISE_SKIPPED: "session",
    WriteKind.SESSION_FEELING: "session",
    WriteKind.PAIN_EDIT: "pain score",
}


@dataclass(frozen=True, slots=True)
class WriteOutcome:
    """What became of one write: stored now, or kept to be stored later (and why)."""

    stored: bool
    kind: WriteKind
    problem: StorageProblem | None = None
    #: The pain entry as stored (with its id), when one was stored now.
    entry: PainEntry | None = None

    @property
    def message(self) -> str:
        """The sentence to tell the person when the write is pending ("" when stored)."""
        if self.stored or self.problem is None:
            return ""
        what = WHAT[self.kind]
        when = (
            "will be saved when it can be written again"
            if self.problem.permanent
            else "will be saved as soon as there is room"
            if self.problem.code == "disk-full"
            else "will be saved as soon as the file can be written"
        )
        return f"Your {what} could not be saved yet: {self.problem.words}. It is kept and {when}."


SessionKey = str


@dataclass(slots=True)
class _SessionState:
    """What the writer knows of a session it started: its id once stored, exercises so far."""

    id: int | None = None
    exercises: int = 0
    skipped: int = 0


@dataclass(slots=True)
class SafeWriter:
    """The one path for every health-data write from the UI (see the module doc).

    `database` is the open data file, or None while it cannot be opened at all (everything is
    then pending). Methods never raise for a storage failure: they return a `WriteOutcome`.
    They do raise for a bad record (ValueError), which is a bug, not a fault.
    """

    database: Database | None
    journal: PendingJournal
    # 32 random hex digits, as uuid4().hex but without importing uuid (and platform) into
    # the process that stays all day in the tray (issue 18).
    new_key: Callable[[], str] = field(default=lambda: os.urandom(16).hex())
    _pending: list[PendingWrite] = field(default_factory=list)
    _sessions: dict[SessionKey, _SessionState] = field(default_factory=dict)
    _journal_ok: bool = True
    last_problem: StorageProblem | None = None

    def __post_init__(self) -> None:
        self._pending = self.journal.load()
        for write in self._pending:  # sessions whose start waits keep counting their steps
            if write.kind is WriteKind.SESSION_START:
                self._sessions.setdefault(write.data["session"], _SessionState())
            elif write.kind is WriteKind.EXERCISE_DONE:
                state = self._sessions.setdefault(write.data["session"], _SessionState())
                state.exercises = max(state.exercises, int(write.data["position"]) + 1)
            elif write.kind is WriteKind.EXERCISE_SKIPPED:
                state = self._sessions.setdefault(write.data["session"], _SessionState())
                state.skipped = max(state.skipped, int(write.data["position"]) + 1)

    # --- reading the state ----------------------------------------------------------------

    @property
    def pending(self) -> tuple[PendingWrite, ...]:
        """What waits, oldest first."""
        return tuple(self._pending)

    @property
    def kept_on_disk(self) -> bool:
        """False when the journal could not be written either: the writes are in memory only."""
        return self._journal_ok

    def session_id(self, key: SessionKey) -> int | None:
        """The database id of a session this writer started, once its start is stored."""
        state = self._sessions.get(key)
        return state.id if state is not None else None

    # --- writes ---------------------------------------------------------------------------

    def add_pain_entry(self, entry: PainEntry, session: SessionKey | None = None) -> WriteOutcome:
        """Store a pain score (of `session`, when given); `entry.session_id` must be None."""
        if entry.id is not None or entry.session_id is not None:
            raise ValueError("give a new entry; its session is named by `session`")
        data = {
            "recorded_at": to_iso(entry.recorded_at),
            "score": entry.score,
            "context": entry.context.value,
            "note": entry.note,
            **self._session_data(session),
        }
        return self._write(WriteKind.PAIN, data)

    def start_session(
        self, routine_id: str, routine_name: str, exercises_total: int, started_at: datetime
    ) -> tuple[SessionKey, WriteOutcome]:
        """Record that a session began; returns its key for the later steps."""
        SessionRecord(  # validate now, not at replay
            routine_id=routine_id,
            routine_name=routine_name,
            started_at=started_at,
            exercises_total=exercises_total,
        )
        key = self.new_key()
        self._sessions[key] = _SessionState()
        data = {
            "session": key,
            "routine_id": routine_id,
            "routine_name": routine_name,
            "exercises_total": exercises_total,
            "started_at": to_iso(started_at),
        }
        return key, self._write(WriteKind.SESSION_START, data)

    def record_exercise_done(self, session: SessionKey, exercise_id: str) -> WriteOutcome:
        """Append one finished exercise to the session."""
        state = self._sessions.setdefault(session, _SessionState())
        data = {
            **self._session_data(session),
            "exercise_id": exercise_id,
            "position": state.exercises,
        }
        state.exercises += 1
        return self._write(WriteKind.EXERCISE_DONE, data)

    def record_exercise_skipped(self, session: SessionKey, exercise_id: str) -> WriteOutcome:
        """Append one exercise left before it was done to the session (never counted done)."""
        state = self._sessions.setdefault(session, _SessionState())
        data = {
            **self._session_data(session),
            "exercise_id": exercise_id,
            "position": state.skipped,
        }
        state.skipped += 1
        return self._write(WriteKind.EXERCISE_SKIPPED, data)

    def add_session_feeling(self, session: SessionKey, feeling: str) -> WriteOutcome:
        """A finished session's feeling, given late ("Log how it went" on the summary)."""
        data = {**self._session_data(session), "feeling": feeling}
        return self._write(WriteKind.SESSION_FEELING, data)

    def finish_session(
        self,
        session: SessionKey,
        status: SessionStatus,
        ended_at: datetime,
        feeling: str | None = None,
        note: str = "",
    ) -> WriteOutcome:
        """Close the session with its outcome."""
        if status is SessionStatus.IN_PROGRESS:
            raise ValueError("finish_session needs a final status, not IN_PROGRESS")
        data = {
            **self._session_data(session),
            "status": status.value,
            "ended_at": to_iso(ended_at),
            "feeling": feeling,
            "note": note,
        }
        return self._write(WriteKind.SESSION_FINISH, data)

    def add_hurt_event(
        self, session: SessionKey, exercise_id: str, recorded_at: datetime, action: HurtAction
    ) -> WriteOutcome:
        """Record a "this hurts" press and what the person chose."""
        data = {
            **self._session_data(session),
            "exercise_id": exercise_id,
            "recorded_at": to_iso(recorded_at),
            "action": action,
        }
        return self._write(WriteKind.HURT, data)

    def add_reminder_event(self, entry: ReminderLogEntry) -> WriteOutcome:
        """Log one answer to a reminder."""
        data = {
            "recorded_at": to_iso(entry.recorded_at),
            "action": entry.action.value,
            "detail": entry.detail,
        }
        return self._write(WriteKind.REMINDER, data)

    def update_session_note(self, session_id: int, note: str) -> WriteOutcome:
        """Replace a stored session's note (History's session details)."""
        return self._write(WriteKind.SESSION_NOTE, {"session_id": session_id, "note": note})

    def update_pain_entry(self, entry_id: int, score: int, note: str) -> WriteOutcome:
        """Correct a stored check-in's score and note (History's check-ins)."""
        data = {"entry_id": entry_id, "score": score, "note": note}
        return self._write(WriteKind.PAIN_EDIT, data)

    def retry(self) -> int:
        """Store what waits, in order, until storage refuses again; returns how many were stored."""
        if not self._pending or self.database is None:
            return 0
        stored = 0
        while self._pending:
            write = self._pending[0]
            try:
                self._apply(write)
            except Exception as error:  # classified below; a bug re-raises
                problem = describe_failure(error, self.journal.path.parent)
                if problem is None:
                    raise
                self.last_problem = problem
                break
            self._pending.pop(0)
            stored += 1
        if stored:
            self._journal_ok = self.journal.rewrite(self._pending)
            log.info("stored %d pending write(s); %d still waiting", stored, len(self._pending))
        if not self._pending:
            self.last_problem = None
        return stored

    # --- internals ------------------------------------------------------------------------

    def _write(self, kind: WriteKind, data: dict[str, Any]) -> WriteOutcome:
        write = PendingWrite(self.new_key(), kind, data)
        self.retry()  # what waits goes first, so the order of events is kept
        if not self._pending and self.database is not None:
            try:
                stored = self._apply(write)
            except Exception as error:  # classified below; a bug re-raises
                problem = describe_failure(error, self.journal.path.parent)
                if problem is None:
                    raise
                return self._keep(write, problem)
            return WriteOutcome(True, kind, entry=stored)
        problem = self.last_problem or StorageProblem("closed", "the data file is not open")
        return self._keep(write, problem)

    def _keep(self, write: PendingWrite, problem: StorageProblem) -> WriteOutcome:
        self._pending.append(write)
        self.last_problem = problem
        self._journal_ok = self.journal.append(write) and self._journal_ok
        log.warning("a %s write is pending: %s", write.kind.value, problem.code)
        return WriteOutcome(False, write.kind, problem)

    def _database(self) -> Database:
        if self.database is None:
            raise StorageError("the data file is not open")
        return self.database

    def _session_id(self, data: dict[str, Any]) -> int | None:
        """The stored id of the write's session (None: no session).

        A write made while its session's id was known carries it (`session_id`), so it can be
        replayed after a restart; otherwise the id comes from the session's start, replayed
        before it (writes are stored in order).
        """
        key = data.get("session")
        if key is None:
            return None
        if data.get("session_id") is not None:
            return int(data["session_id"])
        state = self._sessions.get(key)
        if state is None or state.id is None:
            raise StorageError(f"session {key} has not been stored yet")
        return state.id

    def _session_data(self, key: SessionKey | None) -> dict[str, Any]:
        return {"session": key, "session_id": self.session_id(key) if key else None}

    def _apply(self, write: PendingWrite) -> PainEntry | None:
        """Store one write unless the database already holds it (see "Exactly once")."""
        database = self._database()
        data = write.data
        match write.kind:
            case WriteKind.PAIN:
                entry = PainEntry(
                    recorded_at=from_iso(data["recorded_at"]),
                    score=int(data["score"]),
                    context=PainContext(data["context"]),
                    note=str(data["note"]),
                    session_id=self._session_id(data),
                )
                for stored in _around(_all_pain_entries(database), entry.recorded_at):
                    if replace(stored, id=None) == entry:
                        return stored
                return database.add_pain_entry(entry)
            case WriteKind.SESSION_START:
                started_at = from_iso(data["started_at"])
                state = self._sessions.setdefault(data["session"], _SessionState())
                for session in _around(_all_sessions(database), started_at):
                    if session.routine_id == data["routine_id"] and session.id is not None:
                        state.id = session.id
                        return None
                record = database.start_session(
                    data["routine_id"], data["routine_name"], data["exercises_total"], started_at
                )
                state.id = record.id
            case WriteKind.EXERCISE_DONE:
                session_id = self._session_id(data)
                assert session_id is not None
                if len(database.session(session_id).exercises_completed) > data["position"]:
                    return None
                database.record_exercise_done(session_id, data["exercise_id"])
            case WriteKind.EXERCISE_SKIPPED:
                session_id = self._session_id(data)
                assert session_id is not None
                if len(database.session(session_id).exercises_skipped) > data["position"]:
                    return None
                database.record_exercise_skipped(session_id, data["exercise_id"])
            case WriteKind.SESSION_FEELING:
                session_id = self._session_id(data)
                feeling = as_feeling(data["feeling"])
                assert session_id is not None and feeling is not None
                if database.session(session_id).feeling is not None:
                    return None
                database.add_session_feeling(session_id, feeling)
            case WriteKind.SESSION_FINISH:
                session_id = self._session_id(data)
                assert session_id is not None
                if database.session(session_id).status is not SessionStatus.IN_PROGRESS:
                    return None
                database.finish_session(
                    session_id,
                    SessionStatus(data["status"]),
                    from_iso(data["ended_at"]),
                    feeling=as_feeling(data["feeling"]),
                    note=str(data["note"]),
                )
            case WriteKind.HURT:
                session_id = self._session_id(data)
                assert session_id is not None
                event = HurtEvent(
                    session_id=session_id,
                    exercise_id=data["exercise_id"],
                    recorded_at=from_iso(data["recorded_at"]),
                    action=data["action"],
                )
                for stored_event in database.hurt_events(session_id):
                    if replace(stored_event, id=None) == event:
                        return None
                database.add_hurt_event(event)
            case WriteKind.REMINDER:
                reminder = ReminderLogEntry(
                    recorded_at=from_iso(data["recorded_at"]),
                    action=ReminderAction(data["action"]),
                    detail=str(data["detail"]),
                )
                for logged in _around(database.reminder_events, reminder.recorded_at):
                    if replace(logged, id=None) == reminder:
                        return None
                database.add_reminder_event(reminder)
            case WriteKind.SESSION_NOTE:
                session_id = int(data["session_id"])
                if database.session(session_id).note != data["note"]:
                    database.update_session_note(session_id, str(data["note"]))
            case WriteKind.PAIN_EDIT:
                entry_id = int(data["entry_id"])
                current = database.pain_entry(entry_id)
                if database.is_pain_entry_deleted(entry_id):
                    # Deleted by the person after this correction was kept: undoing the
                    # deletion brings the entry back as it was stored.
                    log.info("a kept correction of deleted pain entry %d was dropped", entry_id)
                elif (current.score, current.note) != (data["score"], data["note"]):
                    database.update_pain_entry(entry_id, int(data["score"]), str(data["note"]))
        return None


def _around(query: Callable[[datetime, datetime], list[_T]], moment: datetime) -> list[_T]:
    """What `query` finds within SAME_MOMENT of `moment`."""
    return query(moment - SAME_MOMENT, moment + SAME_MOMENT)


def _all_pain_entries(database: Database) -> Callable[[datetime, datetime], list[PainEntry]]:
    # Deleted ones too: a score stored, then deleted by the person, must not come back.
    return lambda start, end: database.pain_entries(start, end, include_deleted=True)


def _all_sessions(database: Database) -> Callable[[datetime, datetime], list[SessionRecord]]:
    return lambda start, end: database.sessions(start, end, include_deleted=True)
