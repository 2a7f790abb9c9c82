"""A whole file's rows: pain and hurt rows linked to their sessions, problems listed by line."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime

from spinecoach.core.csv_format.cell_text import unprotect_text
from spinecoach.core.csv_format.cells import RowError, quoted
from spinecoach.core.csv_format.columns import SESSION_KIND, latest_time
from spinecoach.core.csv_format.header import Header, read_header
from spinecoach.core.csv_format.rows import HurtRow, PainRow, SessionRow, parse_row


@dataclass(frozen=True)
class RowProblem:
    """A row that was not imported: its line in the file (the header is line 1) and why."""

    line_number: int
    reason: str

    def __str__(self) -> str:
        return f"line {self.line_number}: {self.reason}"


@dataclass(frozen=True)
class ParsedTable:
    """Every data row of a file, sorted into valid records and problems (in file order)."""

    sessions: tuple[SessionRow, ...]
    pain_entries: tuple[PainRow, ...]
    problems: tuple[RowProblem, ...]
    hurt_events: tuple[HurtRow, ...] = ()


def parse_table(
    header_values: Sequence[str], rows: Iterable[tuple[int, Sequence[str]]], *, now: datetime
) -> ParsedTable:
    """Read a whole file's rows (line number, cells), linking pain and hurt rows to sessions.

    Raises CsvFormatError when the header is not ours. Rows whose cells are all empty (a
    spreadsheet's trailing rows) are skipped. A pain or hurt row whose session_ref names no
    session row, or a session row that has a problem, is a problem too: importing it unlinked
    would quietly change what it means. `now` is when the import happens (see parse_row).
    """
    header = read_header(header_values)
    latest_time(now)  # a naive `now` is the caller's bug, not a row problem
    sessions: list[SessionRow] = []
    pain_rows: list[PainRow] = []
    hurt_rows: list[HurtRow] = []
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
                        f"session_ref {quoted(parsed.session_ref)} is already used by the session "
                        f"on line {first}; each session needs its own",
                    )
                )
                continue
            if parsed.session_ref:
                ref_lines[parsed.session_ref] = line_number
            sessions.append(parsed)
        elif isinstance(parsed, HurtRow):
            hurt_rows.append(parsed)
        else:
            pain_rows.append(parsed)
    linked = [row for row in pain_rows if _linked(row, "score", ref_lines, bad_refs, problems)]
    hurts = [row for row in hurt_rows if _linked(row, "answer", ref_lines, bad_refs, problems)]
    problems.sort(key=lambda problem: problem.line_number)
    return ParsedTable(tuple(sessions), tuple(linked), tuple(problems), tuple(hurts))


def _linked(
    row: PainRow | HurtRow,
    what: str,
    ref_lines: dict[str, int],
    bad_refs: dict[str, int],
    problems: list[RowProblem],
) -> bool:
    """True when the row names no session or a valid one; else its problem is added."""
    ref = row.session_ref
    if not ref or ref in ref_lines:
        return True
    if ref in bad_refs:
        problems.append(
            RowProblem(
                row.line_number,
                f"its session (session_ref {quoted(ref)}, line {bad_refs[ref]}) has a problem, "
                f"so this {what} is not imported either",
            )
        )
    else:
        problems.append(
            RowProblem(
                row.line_number,
                f"session_ref {quoted(ref)} matches no session row in this file",
            )
        )
    return False


def _raw_session_ref(values: Sequence[str], header: Header) -> str:
    """The session_ref of a session row that failed, so its pain rows can say why."""
    if len(values) != header.width:
        return ""
    kind = values[header.positions["kind"]].strip().lower()
    if kind != SESSION_KIND:
        return ""
    return unprotect_text(values[header.positions["session_ref"]]).strip()
