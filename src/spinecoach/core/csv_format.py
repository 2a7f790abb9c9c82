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
wrong, in words a person editing the file in a spreadsheet can act on. Beyond what the records
themselves check, an imported row must stay within bounds that the rest of the app relies on
(times between 1970 and a day after the import, no control characters, lengths), so nothing
accepted can later break an export, the History's "All" range or the clinician's report.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
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

EARLIEST_TIME: Final = datetime(1970, 1, 1, tzinfo=UTC)
"""No imported time may be earlier. SpineCoach cannot have recorded anything before it, times
are also kept as seconds since this moment, and year-1 dates overflow the History's "All"
range (it reaches a day before the first entry) and the report's dates."""
FUTURE_MARGIN: Final = timedelta(days=1)
"""Every imported time must be earlier than the import's "now" plus this: a file from a
computer whose clock or date was set a little ahead still imports, while a mistyped year (2062
for 2026, or 9999, which overflows every export) is reported. Strictly earlier, because the
History's "All" range ends at (now + 1 day) exclusive: anything accepted is shown there."""

MAX_ID_LENGTH: Final = 100
"""Longest routine_id, exercise id or session_ref. Shipped ids are file names of at most about
30 characters; 100 leaves room for any later or custom routine while keeping the table and the
report readable."""
MAX_NAME_LENGTH: Final = 200
"""Longest routine_name. The library's names are 2-40 characters; 200 leaves room for a longer
or translated name."""
MAX_EXERCISES: Final = 100
"""Largest exercises_total. The longest shipped routine has 10 exercises; a far bigger number
is a typing slip (and one past 2**63 cannot even be stored)."""
NOTE_CONTROLS: Final = "\t\n"
"""The only control characters a note may hold: a tab and a line break. A line break written
as CR LF (Windows) is read and kept as written; every other control character (NUL, a lone CR,
escape, DEL, U+0080-U+009F) is refused, in notes and in every other text column."""
_SHOWN_LENGTH: Final = 40
"""Longest cell quoted in a problem message; a longer one is cut with an ellipsis."""

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


def parse_row(
    values: Sequence[str], header: Header, line_number: int, *, now: datetime
) -> PainRow | SessionRow:
    """Turn one data row into a record, or raise RowError saying what is wrong.

    `now` is when the import happens (timezone-aware): every time must be earlier than a day
    after it (FUTURE_MARGIN). The caller passes it in; the core never reads the clock.
    """
    latest = _latest_time(now)
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
    raise RowError(f"kind {_shown(kind)} is unknown; it must be {PAIN_KIND!r} or {SESSION_KIND!r}")


def parse_table(
    header_values: Sequence[str], rows: Iterable[tuple[int, Sequence[str]]], *, now: datetime
) -> ParsedTable:
    """Read a whole file's rows (line number, cells), linking pain rows to their sessions.

    Raises CsvFormatError when the header is not ours. Rows whose cells are all empty (a
    spreadsheet's trailing rows) are skipped. A pain row whose session_ref names no session
    row, or a session row that has a problem, is a problem too: importing it unlinked would
    quietly change what it means. `now` is when the import happens (see parse_row).
    """
    header = read_header(header_values)
    _latest_time(now)  # a naive `now` is the caller's bug, not a row problem
    sessions: list[SessionRow] = []
    pain_rows: list[PainRow] = []
    problems: list[RowProblem] = []
    ref_lines: dict[str, int] = {}
    bad_refs: dict[str, int] = {}
    for line_number, values in rows:
        if not any(value.strip() for value in values):
            continue
        try:
            parsed = parse_row(values, header, line_number, now=now)
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
                        f"session_ref {_shown(parsed.session_ref)} is already used by the session "
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
                    f"its session (session_ref {_shown(ref)}, line {bad_refs[ref]}) has a problem, "
                    "so this score is not imported either",
                )
            )
        else:
            problems.append(
                RowProblem(
                    row.line_number,
                    f"session_ref {_shown(ref)} matches no session row in this file",
                )
            )
    problems.sort(key=lambda problem: problem.line_number)
    return ParsedTable(tuple(sessions), tuple(linked), tuple(problems))


def _latest_time(now: datetime) -> datetime:
    if now.utcoffset() is None:
        raise ValueError(f"the import's now must be timezone-aware, got the naive {now}")
    return now + FUTURE_MARGIN


def _raw_session_ref(values: Sequence[str], header: Header) -> str:
    """The session_ref of a session row that failed, so its pain rows can say why."""
    if len(values) != header.width:
        return ""
    kind = values[header.positions["kind"]].strip().lower()
    if kind != SESSION_KIND:
        return ""
    return unprotect_text(values[header.positions["session_ref"]]).strip()


def _parse_pain(cells: Mapping[str, str], line_number: int, latest: datetime) -> PainRow:
    _require_empty(cells, _SESSION_ONLY, PAIN_KIND)
    recorded_at = _parse_time("time", cells["time"], latest)
    score = _parse_score(cells["score"])
    context = _parse_context(cells["context"])
    note = _parse_note(cells["note"])
    ref = _parse_ref(cells["session_ref"])
    try:
        entry = PainEntry(recorded_at=recorded_at, score=score, context=context, note=note)
    except ValueError as exc:  # pragma: no cover - the checks above cover every field
        raise RowError(str(exc)) from exc
    return PainRow(line_number, entry, ref)


def _parse_session(cells: Mapping[str, str], line_number: int, latest: datetime) -> SessionRow:
    _require_empty(cells, _PAIN_ONLY, SESSION_KIND)
    started_at = _session_start(cells["time"], cells["started"], latest)
    ended_text = cells["ended"].strip()
    ended_at = _parse_time("ended", ended_text, latest) if ended_text else None
    if ended_at is not None and ended_at < started_at:
        raise RowError(
            f"ended {_shown(ended_text)} is before the session started "
            f"({started_at.isoformat()}); a session cannot end before it starts"
        )
    routine_id = _parse_text("routine_id", cells["routine_id"], MAX_ID_LENGTH)
    routine_name = _parse_text("routine_name", cells["routine_name"], MAX_NAME_LENGTH)
    completed = _parse_exercises(cells["exercises_completed"])
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
    ref = _parse_ref(cells["session_ref"])
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


def _parse_time(column: str, text: str, latest: datetime) -> datetime:
    text = text.strip()
    if not text:
        raise RowError(f"{column} is empty; write it like {_EXAMPLE_TIME}")
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        raise RowError(
            f"{column} {_shown(text)} is not an ISO 8601 date and time like {_EXAMPLE_TIME}"
        ) from None
    offset = moment.utcoffset()
    if offset is None:
        raise RowError(
            f"{column} {_shown(text)} has no UTC offset, so the moment is ambiguous; add it, "
            f"as in {_EXAMPLE_TIME} (or Z for UTC)"
        )
    if offset.microseconds:
        raise RowError(f"{column} {_shown(text)} has a UTC offset with a fraction of a second")
    # Aware datetimes compare as moments, without building a new datetime, so even
    # 9999-12-31T23:59:59-05:00 (past the last year datetime holds, in UTC) compares safely.
    if moment < EARLIEST_TIME:
        raise RowError(
            f"{column} {_shown(text)} is before {EARLIEST_TIME:%Y-%m-%d}; SpineCoach holds "
            "nothing that old (is the year right?)"
        )
    if moment >= latest:
        raise RowError(
            f"{column} {_shown(text)} is in the future (not before "
            f"{latest.isoformat(timespec='seconds')}, a day after this import); is the year "
            "right?"
        )
    return moment


def _session_start(time_text: str, started_text: str, latest: datetime) -> datetime:
    """A session row's start: `started`, or `time` when only that is filled; both must agree."""
    time_text, started_text = time_text.strip(), started_text.strip()
    if not time_text and not started_text:
        raise RowError(f"started is empty; write the session's start like {_EXAMPLE_TIME}")
    started = _parse_time("started", started_text, latest) if started_text else None
    at = _parse_time("time", time_text, latest) if time_text else None
    if started is not None and at is not None and started != at:
        raise RowError(
            f"time {_shown(time_text)} and started {_shown(started_text)} differ; on a session "
            "row both are the moment it started"
        )
    result = started if started is not None else at
    assert result is not None
    return result


def _parse_score(text: str) -> int:
    text = text.strip()
    if not text:
        raise RowError(f"score is empty; a pain row needs a score from {MIN_PAIN_SCORE} to 10")
    score = _whole_number(text)
    if score is None:
        raise RowError(
            f"score {_shown(text)} is not a whole number from {MIN_PAIN_SCORE} to {MAX_PAIN_SCORE}"
        )
    if not MIN_PAIN_SCORE <= score <= MAX_PAIN_SCORE:
        raise RowError(
            f"score {_cut(text)} is out of range; pain scores run from {MIN_PAIN_SCORE} to "
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
            f"context {_shown(text.strip())} is unknown; it must be one of {allowed}"
        ) from None


def _parse_note(cell: str) -> str:
    note = unprotect_text(cell)
    if len(note) > MAX_NOTE_LENGTH:
        raise RowError(f"note is {len(note)} characters long; the limit is {MAX_NOTE_LENGTH}")
    for index, character in enumerate(note):
        if character == "\r" and note[index + 1 : index + 2] == "\n":
            continue  # a Windows line break
        if is_control(character) and character not in NOTE_CONTROLS:
            raise RowError(_control_message("note", character, index))
    return note


def _parse_text(column: str, cell: str, limit: int) -> str:
    """A routine's id or name: not empty, not too long, no control characters."""
    text = unprotect_text(cell)
    if not text.strip():
        raise RowError(f"{column} is empty; a session row needs it")
    _check_text(column, text, limit)
    return text


def _parse_ref(cell: str) -> str:
    ref = unprotect_text(cell).strip()
    _check_text("session_ref", ref, MAX_ID_LENGTH)
    return ref


def _parse_exercises(cell: str) -> tuple[str, ...]:
    parts = (part.strip() for part in unprotect_text(cell).split(EXERCISE_SEPARATOR))
    completed = tuple(part for part in parts if part)
    for exercise_id in completed:
        _check_text("exercises_completed", exercise_id, MAX_ID_LENGTH, " has an exercise id that")
    return completed


def _check_text(column: str, text: str, limit: int, what: str = "") -> None:
    if len(text) > limit:
        raise RowError(f"{column}{what} is {len(text)} characters long; the limit is {limit}")
    for index, character in enumerate(text):
        if is_control(character):
            raise RowError(_control_message(column, character, index))


def _control_message(column: str, character: str, index: int) -> str:
    return (
        f"{column} holds the control character U+{ord(character):04X} at character "
        f"{index + 1}; remove it (only a note may hold tabs and line breaks)"
    )


def _parse_total(text: str) -> int:
    text = text.strip()
    total = _whole_number(text)
    if total is None or total < 1:
        shown = _shown(text) if text else "empty"
        raise RowError(f"exercises_total is {shown}; it must be a whole number of at least 1")
    if total > MAX_EXERCISES:
        raise RowError(
            f"exercises_total is {_cut(text)}; a routine has at most {MAX_EXERCISES} exercises"
        )
    return total


def _whole_number(text: str) -> int | None:
    """`text` as a whole number (ASCII digits only), or None.

    More than 18 significant digits read as 10**18: far out of every range checked here, and
    int() refuses strings of over 4,300 digits with a ValueError of its own.
    """
    if not _WHOLE_NUMBER.fullmatch(text):
        return None
    digits = text.lstrip("0") or "0"
    return int(digits) if len(digits) <= 18 else 10**18


def _parse_status(text: str) -> SessionStatus:
    value = text.strip().lower()
    if value == SessionStatus.IN_PROGRESS.value:
        # Not running in this app: import it as what it now is, unfinished.
        return SessionStatus.INCOMPLETE
    allowed = ", ".join(status.value for status in SessionStatus)
    try:
        return SessionStatus(value)
    except ValueError:
        shown = _shown(text.strip()) if value else "empty"
        raise RowError(f"status is {shown}; it must be one of {allowed}") from None


def _parse_feeling(text: str) -> Feeling | None:
    value = text.strip().lower()
    if not value:
        return None
    feeling = as_feeling(value)
    if feeling is not None:
        return feeling
    allowed = ", ".join(FEELINGS)
    raise RowError(
        f"feeling {_shown(text.strip())} is unknown; it must be one of {allowed}, or empty"
    )


def _cut(text: str) -> str:
    """A cell short enough to quote in a message (a 5,000-character cell would flood it)."""
    return text if len(text) <= _SHOWN_LENGTH else text[: _SHOWN_LENGTH - 1] + "…"


def _shown(text: str) -> str:
    return repr(_cut(text))


def is_control(character: str) -> bool:
    """True for a control character: U+0000-U+001F, DEL and U+0080-U+009F (category Cc)."""
    return unicodedata.category(character) == "Cc"


def without_controls(text: str, keep: str = NOTE_CONTROLS) -> str:
    """`text` with every control character removed except those in `keep`.

    The note boxes use it so that what is typed or pasted is always something the CSV import
    accepts back: a note exported with a NUL in it could never be imported again.
    """
    return "".join(c for c in text if c in keep or not is_control(c))


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
        session_ref=protect_text(session_ref),
    )
    return [cells[column] for column in COLUMNS]


def format_session_row(session: SessionRecord, session_ref: str = "") -> list[str]:
    """The cells of one session row, in COLUMNS order.

    Every text cell goes through protect_text, exercises_completed as a whole (it is one cell
    to a spreadsheet): an imported exercise id "=HYPERLINK(...)" must not become a live
    formula in the next export. Raises ValueError for an exercise id containing the separator
    ";" or surrounding spaces (library ids never do; reading would split or trim them).
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
        exercises_completed=protect_text(EXERCISE_SEPARATOR.join(session.exercises_completed)),
        exercises_total=str(session.exercises_total),
        status=session.status.value,
        feeling=session.feeling or "",
        session_ref=protect_text(session_ref),
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
