"""One data row turned into a pain entry or a session record, checked field by field."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Final

from spinecoach.core.csv_format.cells import (
    RowError,
    parse_context,
    parse_exercises,
    parse_feeling,
    parse_hurt_action,
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
    COLUMNS,
    HURT_KIND,
    HURT_ONLY,
    KINDS,
    MAX_ID_LENGTH,
    MAX_NAME_LENGTH,
    PAIN_KIND,
    PAIN_ONLY,
    SESSION_KIND,
    SESSION_ONLY,
    latest_time,
)
from spinecoach.core.csv_format.header import Header
from spinecoach.core.records import HurtAction, PainEntry, SessionRecord, SessionStatus


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


@dataclass(frozen=True)
class HurtRow:
    """A valid hurt row: "this hurts" during `exercise_id` of the session `session_ref`.

    Not yet a HurtEvent, which needs its session's id: the row names its session by the
    `session_ref` of a session row in the same file.
    """

    line_number: int
    recorded_at: datetime
    exercise_id: str
    action: HurtAction
    session_ref: str


def parse_row(
    values: Sequence[str], header: Header, line_number: int, *, now: datetime
) -> PainRow | SessionRow | HurtRow:
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
    # A column the file lacks (one added after it was written) reads as empty.
    cells = dict.fromkeys(COLUMNS, "")
    cells.update({name: values[index] for name, index in header.positions.items()})
    kind = cells["kind"].strip().lower()
    if kind == PAIN_KIND:
        return _parse_pain(cells, line_number, latest)
    if kind == SESSION_KIND:
        return _parse_session(cells, line_number, latest)
    if kind == HURT_KIND:
        return _parse_hurt(cells, line_number, latest)
    kinds = ", ".join(repr(name) for name in KINDS)
    if not kind:
        raise RowError(f"kind is empty; it must be one of {kinds}")
    raise RowError(f"kind {quoted(kind)} is unknown; it must be one of {kinds}")


def _parse_pain(cells: Mapping[str, str], line_number: int, latest: datetime) -> PainRow:
    _require_empty(cells, (*SESSION_ONLY, *HURT_ONLY), PAIN_KIND)
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
    _require_empty(cells, (*PAIN_ONLY, *HURT_ONLY), SESSION_KIND)
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
    skipped = parse_exercises(cells["exercises_skipped"], "exercises_skipped")
    total = parse_total(cells["exercises_total"])
    for column, listed in (("exercises_completed", completed), ("exercises_skipped", skipped)):
        if len(listed) > total:
            raise RowError(f"{column} lists {len(listed)} exercises but exercises_total is {total}")
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
            exercises_skipped=skipped,
            exercises_total=total,
            status=status,
            feeling=feeling,
            note=note,
        )
    except ValueError as exc:  # pragma: no cover - the checks above cover every field
        raise RowError(str(exc)) from exc
    return SessionRow(line_number, session, ref)


def _parse_hurt(cells: Mapping[str, str], line_number: int, latest: datetime) -> HurtRow:
    _require_empty(cells, (*PAIN_ONLY, *SESSION_ONLY, "note"), HURT_KIND)
    recorded_at = parse_time("time", cells["time"], latest)
    exercise_id = parse_text("exercise_id", cells["exercise_id"], MAX_ID_LENGTH, HURT_KIND)
    action = parse_hurt_action(cells["action"])
    ref = parse_ref(cells["session_ref"])
    if not ref:
        raise RowError(
            "session_ref is empty; a hurt row names the session_ref of the session it happened in"
        )
    return HurtRow(line_number, recorded_at, exercise_id.strip(), action, ref)


#: Which kind of row each column that not every kind fills belongs to (for the message).
_OWNER: Final = {
    **dict.fromkeys(PAIN_ONLY, PAIN_KIND),
    **dict.fromkeys(SESSION_ONLY, SESSION_KIND),
    **dict.fromkeys(HURT_ONLY, HURT_KIND),
    "note": f"{PAIN_KIND} and {SESSION_KIND}",
}


def _require_empty(cells: Mapping[str, str], columns: Sequence[str], kind: str) -> None:
    filled = [column for column in columns if cells[column].strip()]
    if filled:
        owners = " and ".join(dict.fromkeys(_OWNER[column] for column in filled))
        raise RowError(
            f"{', '.join(filled)} belong(s) to {owners} rows; leave them empty on a {kind} row"
        )
