"""Turning records into table rows and back.

Reading goes through the record constructors, so a row that was edited by hand or damaged is
reported (StoredDataError naming the table and row) instead of being shown as wrong data.
"""

from __future__ import annotations

import json
import sqlite3
from typing import Any, cast

from spinecoach.core.records import (
    FEELINGS,
    HURT_ACTIONS,
    ChangeKind,
    ChangeStatus,
    CustomRoutine,
    Feeling,
    HurtAction,
    HurtEvent,
    PainContext,
    PainEntry,
    ProgressionChange,
    ReminderAction,
    ReminderLogEntry,
    SessionRecord,
    SessionStatus,
    StoredProgramme,
)
from spinecoach.storage.errors import StoredDataError
from spinecoach.storage.timecodec import from_iso, to_epoch, to_iso

_ROW_PROBLEMS = (ValueError, TypeError, KeyError, IndexError)


def _unreadable(table: str, row: sqlite3.Row, exc: Exception) -> StoredDataError:
    return StoredDataError(f"{table} row {_describe_key(row)} cannot be read back: {exc}")


def _describe_key(row: sqlite3.Row) -> str:
    try:
        return repr(row["id"])
    except IndexError:
        return "?"


def _text(row: sqlite3.Row, column: str) -> str:
    value: Any = row[column]
    if not isinstance(value, str):
        raise ValueError(f"column {column} holds {value!r}, expected text")
    return value


def _optional_text(row: sqlite3.Row, column: str) -> str | None:
    return None if row[column] is None else _text(row, column)


def _int(row: sqlite3.Row, column: str) -> int:
    value: Any = row[column]
    if not isinstance(value, int):
        raise ValueError(f"column {column} holds {value!r}, expected a whole number")
    return value


def _optional_int(row: sqlite3.Row, column: str) -> int | None:
    return None if row[column] is None else _int(row, column)


def pain_entry_to_row(entry: PainEntry) -> dict[str, object]:
    """Return the pain_entries columns (all but id) for `entry`."""
    return {
        "recorded_at": to_iso(entry.recorded_at),
        "recorded_at_epoch": to_epoch(entry.recorded_at),
        "score": entry.score,
        "context": entry.context.value,
        "note": entry.note,
        "session_id": entry.session_id,
    }


def pain_entry_from_row(row: sqlite3.Row) -> PainEntry:
    """Rebuild a PainEntry, or raise StoredDataError naming the row."""
    try:
        return PainEntry(
            id=_int(row, "id"),
            recorded_at=from_iso(_text(row, "recorded_at")),
            score=_int(row, "score"),
            context=PainContext(_text(row, "context")),
            note=_text(row, "note"),
            session_id=_optional_int(row, "session_id"),
        )
    except _ROW_PROBLEMS as exc:
        raise _unreadable("pain_entries", row, exc) from exc


def session_to_row(session: SessionRecord) -> dict[str, object]:
    """Return the sessions columns (all but id) for `session`."""
    ended_at = session.ended_at
    return {
        "routine_id": session.routine_id,
        "routine_name": session.routine_name,
        "started_at": to_iso(session.started_at),
        "started_at_epoch": to_epoch(session.started_at),
        "ended_at": None if ended_at is None else to_iso(ended_at),
        "ended_at_epoch": None if ended_at is None else to_epoch(ended_at),
        "exercises_completed": encode_exercise_ids(session.exercises_completed),
        "exercises_skipped": encode_exercise_ids(session.exercises_skipped),
        "exercises_total": session.exercises_total,
        "status": session.status.value,
        "feeling": session.feeling,
        "note": session.note,
    }


def session_from_row(row: sqlite3.Row) -> SessionRecord:
    """Rebuild a SessionRecord, or raise StoredDataError naming the row."""
    try:
        ended_at = _optional_text(row, "ended_at")
        feeling = _optional_text(row, "feeling")
        return SessionRecord(
            id=_int(row, "id"),
            routine_id=_text(row, "routine_id"),
            routine_name=_text(row, "routine_name"),
            started_at=from_iso(_text(row, "started_at")),
            ended_at=None if ended_at is None else from_iso(ended_at),
            exercises_completed=decode_exercise_ids(_text(row, "exercises_completed")),
            exercises_skipped=_skipped(row),
            exercises_total=_int(row, "exercises_total"),
            status=SessionStatus(_text(row, "status")),
            feeling=None if feeling is None else _feeling(feeling),
            note=_text(row, "note"),
        )
    except _ROW_PROBLEMS as exc:
        raise _unreadable("sessions", row, exc) from exc


def hurt_event_to_row(event: HurtEvent) -> dict[str, object]:
    """Return the hurt_events columns (all but id) for `event`."""
    return {
        "session_id": event.session_id,
        "exercise_id": event.exercise_id,
        "recorded_at": to_iso(event.recorded_at),
        "recorded_at_epoch": to_epoch(event.recorded_at),
        "action": event.action,
    }


def hurt_event_from_row(row: sqlite3.Row) -> HurtEvent:
    """Rebuild a HurtEvent, or raise StoredDataError naming the row."""
    try:
        return HurtEvent(
            id=_int(row, "id"),
            session_id=_int(row, "session_id"),
            exercise_id=_text(row, "exercise_id"),
            recorded_at=from_iso(_text(row, "recorded_at")),
            action=_hurt_action(_text(row, "action")),
        )
    except _ROW_PROBLEMS as exc:
        raise _unreadable("hurt_events", row, exc) from exc


def reminder_entry_to_row(entry: ReminderLogEntry) -> dict[str, object]:
    """Return the reminder_events columns (all but id) for `entry`."""
    return {
        "recorded_at": to_iso(entry.recorded_at),
        "recorded_at_epoch": to_epoch(entry.recorded_at),
        "action": entry.action.value,
        "detail": entry.detail,
    }


def reminder_entry_from_row(row: sqlite3.Row) -> ReminderLogEntry:
    """Rebuild a ReminderLogEntry, or raise StoredDataError naming the row."""
    try:
        return ReminderLogEntry(
            id=_int(row, "id"),
            recorded_at=from_iso(_text(row, "recorded_at")),
            action=ReminderAction(_text(row, "action")),
            detail=_text(row, "detail"),
        )
    except _ROW_PROBLEMS as exc:
        raise _unreadable("reminder_events", row, exc) from exc


def custom_routine_to_row(routine: CustomRoutine) -> dict[str, object]:
    """Return the custom_routines columns for `routine`."""
    return {
        "id": routine.id,
        "name": routine.name,
        "body": routine.body,
        "created_at": to_iso(routine.created_at),
        "updated_at": to_iso(routine.updated_at),
        "based_on": routine.based_on,
        "programme_id": routine.programme_id,
    }


def custom_routine_from_row(row: sqlite3.Row) -> CustomRoutine:
    """Rebuild a CustomRoutine, or raise StoredDataError naming the row."""
    try:
        return CustomRoutine(
            id=_text(row, "id"),
            name=_text(row, "name"),
            body=_text(row, "body"),
            created_at=from_iso(_text(row, "created_at")),
            updated_at=from_iso(_text(row, "updated_at")),
            based_on=_optional_text_since_v5(row, "based_on"),
            programme_id=_optional_text_since_v5(row, "programme_id"),
        )
    except _ROW_PROBLEMS as exc:
        raise _unreadable("custom_routines", row, exc) from exc


def programme_to_row(programme: StoredProgramme) -> dict[str, object]:
    """Return the programmes columns for `programme`."""
    return {
        "id": programme.id,
        "title": programme.title,
        "prescribed_by": programme.prescribed_by,
        "body": programme.body,
        "file_name": programme.file_name,
        "imported_at": to_iso(programme.imported_at),
        "imported_at_epoch": to_epoch(programme.imported_at),
        "active": int(programme.active),
    }


def programme_from_row(row: sqlite3.Row) -> StoredProgramme:
    """Rebuild a StoredProgramme, or raise StoredDataError naming the row."""
    try:
        active = _int(row, "active")
        if active not in (0, 1):
            raise ValueError(f"column active holds {active!r}, expected 0 or 1")
        return StoredProgramme(
            id=_text(row, "id"),
            title=_text(row, "title"),
            prescribed_by=_text(row, "prescribed_by"),
            body=_text(row, "body"),
            file_name=_text(row, "file_name"),
            imported_at=from_iso(_text(row, "imported_at")),
            active=active == 1,
        )
    except _ROW_PROBLEMS as exc:
        raise _unreadable("programmes", row, exc) from exc


def encode_exercise_ids(exercise_ids: tuple[str, ...]) -> str:
    """Encode the ordered exercise ids as a JSON list (order is the order they were done)."""
    return json.dumps(list(exercise_ids), ensure_ascii=False)


def decode_exercise_ids(text: str) -> tuple[str, ...]:
    """Decode a JSON list of exercise ids, refusing anything else."""
    value: object = json.loads(text)
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise ValueError(f"exercises_completed is not a JSON list of ids: {text!r}")
    return tuple(cast(list[str], value))


def _skipped(row: sqlite3.Row) -> tuple[str, ...]:
    # A file before version 4 (opened read-only, never migrated) has no such column.
    if "exercises_skipped" not in row.keys():  # noqa: SIM118 - `in` on a Row reads its values
        return ()
    return decode_exercise_ids(_text(row, "exercises_skipped"))


def _optional_text_since_v5(row: sqlite3.Row, column: str) -> str | None:
    # A file before version 5 (opened read-only, never migrated) has no such column.
    if column not in row.keys():  # noqa: SIM118 - `in` on a Row reads its values
        return None
    return _optional_text(row, column)


def _feeling(value: str) -> Feeling:
    if value not in FEELINGS:
        raise ValueError(f"feeling {value!r} is not one of {', '.join(FEELINGS)}")
    return value


def _hurt_action(value: str) -> HurtAction:
    if value not in HURT_ACTIONS:
        raise ValueError(f"action {value!r} is not one of {', '.join(HURT_ACTIONS)}")
    return value


def progression_change_to_row(change: ProgressionChange) -> dict[str, object]:
    """Return the progression_changes columns (all but id) for `change`."""
    return {
        "recorded_at": to_iso(change.recorded_at),
        "recorded_at_epoch": to_epoch(change.recorded_at),
        "routine_id": change.routine_id,
        "exercise_id": change.exercise_id,
        "kind": change.kind.value,
        "from_text": change.from_text,
        "to_text": change.to_text,
        "reason": change.reason,
        "status": change.status.value,
    }


def progression_change_from_row(row: sqlite3.Row) -> ProgressionChange:
    """Rebuild a ProgressionChange, or raise StoredDataError naming the row."""
    try:
        return ProgressionChange(
            id=_int(row, "id"),
            recorded_at=from_iso(_text(row, "recorded_at")),
            routine_id=_text(row, "routine_id"),
            exercise_id=_text(row, "exercise_id"),
            kind=ChangeKind(_text(row, "kind")),
            from_text=_text(row, "from_text"),
            to_text=_text(row, "to_text"),
            reason=_text(row, "reason"),
            status=ChangeStatus(_text(row, "status")),
        )
    except _ROW_PROBLEMS as exc:
        raise _unreadable("progression_changes", row, exc) from exc
