"""The SpineCoach CSV format: its columns, and rows turned into records and back.

Pure rules, no files: `spinecoach.storage.csv_io` reads and writes the files and decides what
is a duplicate. docs/CSV_FORMAT.md describes the format for people; this module is the
authority. One CSV holds both kinds of rows, told apart by `kind`:

* a **pain** row is one PainEntry: `time`, `score`, `context`, `note`, and `session_ref` when
  it was given before or after a session;
* a **session** row is one SessionRecord: `time` (= `started`), `routine_id`, `routine_name`,
  `started`, `ended`, `exercises_completed`, `exercises_total`, `status`, `feeling`, `note`,
  and `session_ref`, the name its pain rows use for it within the file.

A row that cannot become a valid record becomes a RowProblem naming its line and what is
wrong, in words a person editing the file in a spreadsheet can act on.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Final

from spinecoach.core.records import (
    FEELINGS,
    MAX_NOTE_LENGTH,
    MAX_PAIN_SCORE,
    MIN_PAIN_SCORE,
    Feeling,
    PainContext,
    PainEntry,
    SessionRecord,
    SessionStatus,
    as_feeling,
)

COLUMNS: Final[tuple[str, ...]] = (
    "kind",
    "time",
    "score",
    "context",
    "note",
    "routine_id",
    "routine_name",
    "started",
    "ended",
    "exercises_completed",
    "exercises_total",
    "status",
    "feeling",
    "session_ref",
)
"""Every column, in the order SpineCoach writes them. Readers accept any order."""

PAIN_KIND: Final = "pain"
SESSION_KIND: Final = "session"
EXERCISE_SEPARATOR: Final = ";"

_SHARED_COLUMNS: Final = frozenset({"kind", "time", "note", "session_ref"})
_PAIN_ONLY: Final = ("score", "context")
_SESSION_ONLY: Final = (
    "routine_id",
    "routine_name",
    "started",
    "ended",
    "exercises_completed",
    "exercises_total",
    "status",
    "feeling",
)

FORMULA_STARTS: Final = frozenset("=+-@\t\r")
"""A cell starting with one of these is a formula to a spreadsheet; such text is written with a
leading apostrophe (see protect_text)."""
_GUARD: Final = "'"

_WHOLE_NUMBER = re.compile(r"[0-9]+")
_EXAMPLE_TIME: Final = "2026-11-22T09:30:00+01:00"


class CsvFormatError(ValueError):
    """The header row does not describe a SpineCoach CSV; no row can be read."""


class RowError(ValueError):
    """One row cannot become a record; the message says why, for the person editing the file."""


@dataclass(frozen=True)
class RowProblem:
    """A row that was not imported: its line in the file (the header is line 1) and why."""

    line_number: int
    reason: str

    def __str__(self) -> str:
        return f"line {self.line_number}: {self.reason}"


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
class Header:
    """Where each known column sits in a row, and how many cells every row must have."""

    positions: Mapping[str, int]
    width: int


@dataclass(frozen=True)
class ParsedTable:
    """Every data row of a file, sorted into valid records and problems (in file order)."""

    sessions: tuple[SessionRow, ...]
    pain_entries: tuple[PainRow, ...]
    problems: tuple[RowProblem, ...]


# Reading ------------------------------------------------------------------------------------


def read_header(values: Sequence[str]) -> Header:
    """Map the header row's column names (any order, any case) to positions.

    Every documented column must be present; unknown extra columns are ignored, so a file
    written by a later SpineCoach with an added column can still be read.
    """
    names = [value.strip().lower() for value in values]
    if names:
        names[0] = names[0].removeprefix("\ufeff")
    positions: dict[str, int] = {}
    for index, name in enumerate(names):
        if name in COLUMNS:
            if name in positions:
                raise CsvFormatError(f"the header row names the column {name!r} twice")
            positions[name] = index
    missing = [column for column in COLUMNS if column not in positions]
    if len(missing) == len(COLUMNS):
        raise CsvFormatError(
            "the first row is not a SpineCoach header (it should name the columns "
            f"{', '.join(COLUMNS)})"
        )
    if missing:
        raise CsvFormatError(f"the header row lacks the column(s) {', '.join(missing)}")
    return Header(positions, len(values))


def parse_row(values: Sequence[str], header: Header, line_number: int) -> PainRow | SessionRow:
    """Turn one data row into a record, or raise RowError saying what is wrong."""
    if len(values) != header.width:
        raise RowError(
            f"has {len(values)} values but the header has {header.width} columns "
            "(a missing or extra comma, or a note with an unmatched quote?)"
        )
    cells = {name: values[index] for name, index in header.positions.items()}
    kind = cells["kind"].strip().lower()
    if kind == PAIN_KIND:
        return _parse_pain(cells, line_number)
    if kind == SESSION_KIND:
        return _parse_session(cells, line_number)
    if not kind:
        raise RowError(f"kind is empty; it must be {PAIN_KIND!r} or {SESSION_KIND!r}")
    raise RowError(f"kind {kind!r} is unknown; it must be {PAIN_KIND!r} or {SESSION_KIND!r}")


def parse_table(
    header_values: Sequence[str], rows: Iterable[tuple[int, Sequence[str]]]
) -> ParsedTable:
    """Read a whole file's rows (line number, cells), linking pain rows to their sessions.

    Raises CsvFormatError when the header is not ours. Rows whose cells are all empty (a
    spreadsheet's trailing rows) are skipped. A pain row whose session_ref names no session
    row, or a session row that has a problem, is a problem too: importing it unlinked would
    quietly change what it means.
    """
    header = read_header(header_values)
    sessions: list[SessionRow] = []
    pain_rows: list[PainRow] = []
    problems: list[RowProblem] = []
    ref_lines: dict[str, int] = {}
    bad_refs: dict[str, int] = {}
    for line_number, values in rows:
        if not any(value.strip() for value in values):
            continue
        try:
            parsed = parse_row(values, header, line_number)
        except RowError as exc:
            problems.append(RowProblem(line_number, str(exc)))
            ref = _raw_session_ref(values, header)
            if ref:
                bad_refs.setdefault(ref, line_number)
            continue
        if isinstance(parsed, SessionRow):
            if parsed.session_ref and parsed.session_ref in ref_lines:
                first = ref_lines[parsed.session_ref]
                problems.append(
                    RowProblem(
                        line_number,
                        f"session_ref {parsed.session_ref!r} is already used by the session "
                        f"on line {first}; each session needs its own",
                    )
                )
                continue
            if parsed.session_ref:
                ref_lines[parsed.session_ref] = line_number
            sessions.append(parsed)
        else:
            pain_rows.append(parsed)
    linked: list[PainRow] = []
    for row in pain_rows:
        ref = row.session_ref
        if not ref or ref in ref_lines:
            linked.append(row)
        elif ref in bad_refs:
            problems.append(
                RowProblem(
                    row.line_number,
                    f"its session (session_ref {ref!r}, line {bad_refs[ref]}) has a problem, "
                    "so this score is not imported either",
                )
            )
        else:
            problems.append(
                RowProblem(
                    row.line_number,
                    f"session_ref {ref!r} matches no session row in this file",
                )
            )
    problems.sort(key=lambda problem: problem.line_number)
    return ParsedTable(tuple(sessions), tuple(linked), tuple(problems))


def _raw_session_ref(values: Sequence[str], header: Header) -> str:
    """The session_ref of a session row that failed, so its pain rows can say why."""
    if len(values) != header.width:
        return ""
    kind = values[header.positions["kind"]].strip().lower()
    if kind != SESSION_KIND:
        return ""
    return values[header.positions["session_ref"]].strip()


def _parse_pain(cells: Mapping[str, str], line_number: int) -> PainRow:
    _require_empty(cells, _SESSION_ONLY, PAIN_KIND)
    recorded_at = _parse_time("time", cells["time"])
    score = _parse_score(cells["score"])
    context = _parse_context(cells["context"])
    note = _parse_note(cells["note"])
    try:
        entry = PainEntry(recorded_at=recorded_at, score=score, context=context, note=note)
    except ValueError as exc:  # pragma: no cover - the checks above cover every field
        raise RowError(str(exc)) from exc
    return PainRow(line_number, entry, cells["session_ref"].strip())


def _parse_session(cells: Mapping[str, str], line_number: int) -> SessionRow:
    _require_empty(cells, _PAIN_ONLY, SESSION_KIND)
    started_at = _session_start(cells["time"], cells["started"])
    ended_text = cells["ended"].strip()
    ended_at = _parse_time("ended", ended_text) if ended_text else None
    routine_id = unprotect_text(cells["routine_id"])
    routine_name = unprotect_text(cells["routine_name"])
    for column, value in (("routine_id", routine_id), ("routine_name", routine_name)):
        if not value.strip():
            raise RowError(f"{column} is empty; a session row needs it")
    exercises = tuple(
        part.strip() for part in cells["exercises_completed"].split(EXERCISE_SEPARATOR)
    )
    completed = tuple(part for part in exercises if part)
    total = _parse_total(cells["exercises_total"])
    if len(completed) > total:
        raise RowError(
            f"exercises_completed lists {len(completed)} exercises but exercises_total is {total}"
        )
    status = _parse_status(cells["status"])
    if status in (SessionStatus.COMPLETED, SessionStatus.STOPPED) and ended_at is None:
        raise RowError(f"ended is empty; a {status.value} session needs the time it ended")
    feeling = _parse_feeling(cells["feeling"])
    note = _parse_note(cells["note"])
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
    return SessionRow(line_number, session, cells["session_ref"].strip())


def _require_empty(cells: Mapping[str, str], columns: Sequence[str], kind: str) -> None:
    filled = [column for column in columns if cells[column].strip()]
    if filled:
        other = SESSION_KIND if kind == PAIN_KIND else PAIN_KIND
        raise RowError(
            f"{', '.join(filled)} belong(s) to {other} rows; leave them empty on a {kind} row"
        )


def _parse_time(column: str, text: str) -> datetime:
    text = text.strip()
    if not text:
        raise RowError(f"{column} is empty; write it like {_EXAMPLE_TIME}")
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        raise RowError(
            f"{column} {text!r} is not an ISO 8601 date and time like {_EXAMPLE_TIME}"
        ) from None
    offset = moment.utcoffset()
    if offset is None:
        raise RowError(
            f"{column} {text!r} has no UTC offset, so the moment is ambiguous; add it, "
            f"as in {_EXAMPLE_TIME} (or Z for UTC)"
        )
    if offset.microseconds:
        raise RowError(f"{column} {text!r} has a UTC offset with a fraction of a second")
    return moment


def _session_start(time_text: str, started_text: str) -> datetime:
    """A session row's start: `started`, or `time` when only that is filled; both must agree."""
    time_text, started_text = time_text.strip(), started_text.strip()
    if not time_text and not started_text:
        raise RowError(f"started is empty; write the session's start like {_EXAMPLE_TIME}")
    started = _parse_time("started", started_text) if started_text else None
    at = _parse_time("time", time_text) if time_text else None
    if started is not None and at is not None and started != at:
        raise RowError(
            f"time {time_text!r} and started {started_text!r} differ; on a session row both "
            "are the moment it started"
        )
    result = started if started is not None else at
    assert result is not None
    return result


def _parse_score(text: str) -> int:
    text = text.strip()
    if not text:
        raise RowError(f"score is empty; a pain row needs a score from {MIN_PAIN_SCORE} to 10")
    if not _WHOLE_NUMBER.fullmatch(text):
        raise RowError(
            f"score {text!r} is not a whole number from {MIN_PAIN_SCORE} to {MAX_PAIN_SCORE}"
        )
    score = int(text)
    if not MIN_PAIN_SCORE <= score <= MAX_PAIN_SCORE:
        raise RowError(
            f"score {score} is out of range; pain scores run from {MIN_PAIN_SCORE} to "
            f"{MAX_PAIN_SCORE}"
        )
    return score


def _parse_context(text: str) -> PainContext:
    value = text.strip().lower()
    allowed = ", ".join(context.value for context in PainContext)
    if not value:
        raise RowError(f"context is empty; it must be one of {allowed}")
    try:
        return PainContext(value)
    except ValueError:
        raise RowError(
            f"context {text.strip()!r} is unknown; it must be one of {allowed}"
        ) from None


def _parse_note(text: str) -> str:
    note = unprotect_text(text)
    if len(note) > MAX_NOTE_LENGTH:
        raise RowError(f"note is {len(note)} characters long; the limit is {MAX_NOTE_LENGTH}")
    return note


def _parse_total(text: str) -> int:
    text = text.strip()
    if not _WHOLE_NUMBER.fullmatch(text) or int(text) < 1:
        shown = repr(text) if text else "empty"
        raise RowError(f"exercises_total is {shown}; it must be a whole number of at least 1")
    return int(text)


def _parse_status(text: str) -> SessionStatus:
    value = text.strip().lower()
    if value == SessionStatus.IN_PROGRESS.value:
        # Not running in this app: import it as what it now is, unfinished.
        return SessionStatus.INCOMPLETE
    allowed = ", ".join(status.value for status in SessionStatus)
    try:
        return SessionStatus(value)
    except ValueError:
        shown = repr(text.strip()) if value else "empty"
        raise RowError(f"status is {shown}; it must be one of {allowed}") from None


def _parse_feeling(text: str) -> Feeling | None:
    value = text.strip().lower()
    if not value:
        return None
    feeling = as_feeling(value)
    if feeling is not None:
        return feeling
    allowed = ", ".join(FEELINGS)
    raise RowError(f"feeling {text.strip()!r} is unknown; it must be one of {allowed}, or empty")


# Writing ------------------------------------------------------------------------------------


def format_pain_row(entry: PainEntry, session_ref: str = "") -> list[str]:
    """The cells of one pain row, in COLUMNS order."""
    cells = dict.fromkeys(COLUMNS, "")
    cells.update(
        kind=PAIN_KIND,
        time=entry.recorded_at.isoformat(),
        score=str(entry.score),
        context=entry.context.value,
        note=protect_text(entry.note),
        session_ref=session_ref,
    )
    return [cells[column] for column in COLUMNS]


def format_session_row(session: SessionRecord, session_ref: str = "") -> list[str]:
    """The cells of one session row, in COLUMNS order.

    Raises ValueError for an exercise id containing the separator ";" (library ids never do).
    """
    for exercise_id in session.exercises_completed:
        if EXERCISE_SEPARATOR in exercise_id or exercise_id != exercise_id.strip():
            raise ValueError(
                f"exercise id {exercise_id!r} of session {session.id} cannot be written to CSV"
            )
    started = session.started_at.isoformat()
    cells = dict.fromkeys(COLUMNS, "")
    cells.update(
        kind=SESSION_KIND,
        time=started,
        note=protect_text(session.note),
        routine_id=protect_text(session.routine_id),
        routine_name=protect_text(session.routine_name),
        started=started,
        ended="" if session.ended_at is None else session.ended_at.isoformat(),
        exercises_completed=EXERCISE_SEPARATOR.join(session.exercises_completed),
        exercises_total=str(session.exercises_total),
        status=session.status.value,
        feeling=session.feeling or "",
        session_ref=session_ref,
    )
    return [cells[column] for column in COLUMNS]


def protect_text(text: str) -> str:
    """Keep a spreadsheet from running text as a formula; unprotect_text undoes it exactly.

    Text starting with = + - @ tab or carriage return gets a leading apostrophe, and so does
    text that already starts with an apostrophe followed by one of those (or by another
    apostrophe), so that reading back never removes an apostrophe the user typed.
    """
    if text[:1] in FORMULA_STARTS or _is_guarded(text):
        return _GUARD + text
    return text


def unprotect_text(cell: str) -> str:
    """Remove the apostrophe protect_text added, and only that."""
    return cell[1:] if _is_guarded(cell) else cell


def _is_guarded(text: str) -> bool:
    return len(text) >= 2 and text[0] == _GUARD and (text[1] in FORMULA_STARTS or text[1] == _GUARD)
