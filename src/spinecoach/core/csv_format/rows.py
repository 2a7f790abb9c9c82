"""One data row turned into a pain entry or a session record, checked field by field."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime

from spinecoach.core.csv_format.cells import (
    RowError,
    parse_context,
    parse_exercises,
    parse_feeling,
    parse_note,
    parse_ref,
    parse_score,
    parse_status,
    parse_text,
    parse_time,
    parse_total,
    quoted,
    session_start,
)
from spinecoach.core.csv_format.columns import (
    MAX_ID_LENGTH,
    MAX_NAME_LENGTH,
    PAIN_KIND,
    PAIN_ONLY,
    SESSION_KIND,
    SESSION_ONLY,
    latest_time,
)
from spinecoach.core.csv_format.header import Header
from spinecoach.core.records import PainEntry, SessionRecord, SessionStatus


@dataclass(frozen=True)
class PainRow:
    """A valid pain row; `entry.session_id` is None, the link is `session_ref` ("" for none)."""

    line_number: int
    entry: PainEntry
    session_ref: str = ""


@dataclass(frozen=True)
class SessionRow:
    """A valid session row; `session_ref` ("" for none) is how its pain rows name it."""

    line_number: int
    session: SessionRecord
    session_ref: str = ""


def parse_row(
    values: Sequence[str], header: Header, line_number: int, *, now: datetime
) -> PainRow | SessionRow:
    """Turn one data row into a record, or raise RowError saying what is wrong.

    `now` is when the import happens (timezone-aware): every time must be earlier than a day
    after it (FUTURE_MARGIN). The caller passes it in; the core never reads the clock.
    """
    latest = latest_time(now)
    if len(values) != header.width:
        raise RowError(
            f"has {len(values)} values but the header has {header.width} columns "
            "(a missing or extra comma, or a note with an unmatched quote?)"
        )
    cells = {name: values[index] for name, index in header.positions.items()}
    kind = cells["kind"].strip().lower()
    if kind == PAIN_KIND:
        return _parse_pain(cells, line_number, latest)
    if kind == SESSION_KIND:
        return _parse_session(cells, line_number, latest)
    if not kind:
        raise RowError(f"kind is empty; it must be {PAIN_KIND!r} or {SESSION_KIND!r}")
    raise RowError(f"kind {quoted(kind)} is unknown; it must be {PAIN_KIND!r} or {SESSION_KIND!r}")


def _parse_pain(cells: Mapping[str, str], line_number: int, latest: datetime) -> PainRow:
    _require_empty(cells, SESSION_ONLY, PAIN_KIND)
    recorded_at = parse_time("time", cells["time"], latest)
    score = parse_score(cells["score"])
    context = parse_context(cells["context"])
    note = parse_note(cells["note"])
    ref = parse_ref(cells["session_ref"])
    try:
        entry = PainEntry(recorded_at=recorded_at, score=score, context=context, note=note)
    except ValueError as exc:  # pragma: no cover - the checks above cover every field
        raise RowError(str(exc)) from exc
    return PainRow(line_number, entry, ref)


def _parse_session(cells: Mapping[str, str], line_number: int, latest: datetime) -> SessionRow:
    _require_empty(cells, PAIN_ONLY, SESSION_KIND)
    started_at = session_start(cells["time"], cells["started"], latest)
    ended_text = cells["ended"].strip()
    ended_at = parse_time("ended", ended_text, latest) if ended_text else None
    if ended_at is not None and ended_at < started_at:
        raise RowError(
            f"ended {quoted(ended_text)} is before the session started "
            f"({started_at.isoformat()}); a session cannot end before it starts"
        )
    routine_id = parse_text("routine_id", cells["routine_id"], MAX_ID_LENGTH)
    routine_name = parse_text("routine_name", cells["routine_name"], MAX_NAME_LENGTH)
    completed = parse_exercises(cells["exercises_completed"])
    total = parse_total(cells["exercises_total"])
    if len(completed) > total:
        raise RowError(
            f"exercises_completed lists {len(completed)} exercises but exercises_total is {total}"
        )
    status = parse_status(cells["status"])
    if status in (SessionStatus.COMPLETED, SessionStatus.STOPPED) and ended_at is None:
        raise RowError(f"ended is empty; a {status.value} session needs the time it ended")
    feeling = parse_feeling(cells["feeling"])
    note = parse_note(cells["note"])
    ref = parse_ref(cells["session_ref"])
    try:
        session = SessionRecord(
            routine_id=routine_id,
            routine_name=routine_name,
            started_at=started_at,
            ended_at=ended_at,
            exercises_completed=completed,
            exercises_total=total,
            status=status,
            feeling=feeling,
            note=note,
        )
    except ValueError as exc:  # pragma: no cover - the checks above cover every field
        raise RowError(str(exc)) from exc
    return SessionRow(line_number, session, ref)


def _require_empty(cells: Mapping[str, str], columns: Sequence[str], kind: str) -> None:
    filled = [column for column in columns if cells[column].strip()]
    if filled:
        other = SESSION_KIND if kind == PAIN_KIND else PAIN_KIND
        raise RowError(
            f"{', '.join(filled)} belong(s) to {other} rows; leave them empty on a {kind} row"
        )
