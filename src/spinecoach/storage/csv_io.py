"""CSV export and import: the files, duplicate detection, and the one write.

The format's rules live in `spinecoach.core.csv_format` (docs/CSV_FORMAT.md). Importing takes
two steps so nothing is written until the user has seen what will be:

1. `read_csv(path, now=...)` reads and checks the whole file and returns an ImportPreview: the
   valid records (sessions, pain scores, "this hurts" answers) and a RowProblem (line number,
   reason) for every row that is not, including rows out of the format's bounds (a time before
   1970 or more than a day after `now`, a control character, an over-long field). It writes
   nothing.
2. `apply_import(database, preview)` writes the valid records in one transaction, skipping
   those already in the history (see `pain_key` / `session_key` / `hurt_key`), and says how
   many were added and skipped.

Files are written as UTF-8 with a byte-order mark (so Excel reads accents and dashes right)
and CRLF line ends; they are read with or without the mark, with "," or ";" between values.
"""

from __future__ import annotations

import csv
import io
import math
import os
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Final

from spinecoach.core.csv_format import (
    COLUMNS,
    CsvFormatError,
    HurtRow,
    PainRow,
    RowProblem,
    SessionRow,
    format_hurt_row,
    format_pain_row,
    format_session_row,
    parse_table,
)
from spinecoach.core.records import HurtEvent, PainEntry, SessionRecord
from spinecoach.storage.database import Database
from spinecoach.storage.database.history import NewHurt
from spinecoach.storage.errors import StorageError
from spinecoach.storage.files import PRIVATE_FILE_MODE
from spinecoach.storage.timecodec import to_epoch

ENCODING_WRITTEN: Final = "utf-8-sig"
"""UTF-8 with a byte-order mark: without it Excel on Windows reads the file as the local
code page and garbles every accent; LibreOffice, Numbers and Python all accept the mark."""

PainKey = tuple[str, int, int, str]
SessionKey = tuple[str, int, str]
HurtKey = tuple[int, int, str, str]


class CsvFileError(StorageError):
    """The file cannot be read as a SpineCoach CSV at all (not found, not UTF-8, wrong header).

    Nothing was read into the preview and nothing was written.
    """


@dataclass(frozen=True)
class ImportPreview:
    """What a CSV file holds, checked: valid records and every problem. Nothing is written."""

    path: Path
    sessions: tuple[SessionRow, ...]
    pain_entries: tuple[PainRow, ...]
    problems: tuple[RowProblem, ...]
    hurt_events: tuple[HurtRow, ...] = ()

    @property
    def valid_rows(self) -> int:
        """How many rows apply_import would consider (before skipping duplicates)."""
        return len(self.sessions) + len(self.pain_entries) + len(self.hurt_events)


@dataclass(frozen=True)
class ImportResult:
    """What apply_import wrote: records added, and rows skipped as already present."""

    added: int
    skipped_duplicates: int


@dataclass(frozen=True)
class ExportResult:
    """What export_csv wrote."""

    path: Path
    sessions: int
    pain_entries: int
    hurt_events: int = 0


# Export -------------------------------------------------------------------------------------


def export_csv(database: Database, path: Path, *, overwrite: bool = False) -> ExportResult:
    """Write every shown session, pain entry and "this hurts" (not deleted ones) to a new CSV.

    Rows are in time order, a session before the pain scores given at its start. Pain and hurt
    rows of a session carry its `session_ref` (the session's id). The file is written
    beside its final name and renamed into place only when complete, owner-readable only
    (it is health data). An existing file is never replaced unless `overwrite` (the UI asks
    the user first); FileExistsError otherwise.
    """
    if path.exists() and not overwrite:
        raise FileExistsError(f"{path} already exists; choose another name or allow replacing it")
    span = database.time_span()
    sessions: list[SessionRecord] = []
    entries: list[PainEntry] = []
    hurts: list[HurtEvent] = []
    if span is not None:
        start, end = span[0], span[1] + timedelta(seconds=1)
        sessions = database.sessions(start, end)
        entries = database.pain_entries(start, end)
        hurts = database.hurt_events_between(start, end)
    exported_ids = {session.id for session in sessions}
    rows: list[tuple[float, int, int, list[str]]] = []
    for session in sessions:
        assert session.id is not None
        ref = str(session.id)
        rows.append((to_epoch(session.started_at), 0, session.id, format_session_row(session, ref)))
    for entry in entries:
        assert entry.id is not None
        ref = str(entry.session_id) if entry.session_id in exported_ids else ""
        rows.append((to_epoch(entry.recorded_at), 1, entry.id, format_pain_row(entry, ref)))
    for event in hurts:
        assert event.id is not None
        row = format_hurt_row(event, str(event.session_id))
        rows.append((to_epoch(event.recorded_at), 2, event.id, row))
    rows.sort(key=lambda row: row[:3])
    _write_atomically(path, [list(COLUMNS), *(row[3] for row in rows)])
    return ExportResult(path, len(sessions), len(entries), len(hurts))


def _write_atomically(path: Path, rows: list[list[str]]) -> None:
    """Write beside `path` (mkstemp: a new 0600 file) and rename into place when complete."""
    descriptor, name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    temporary = Path(name)
    try:
        with os.fdopen(descriptor, "w", encoding=ENCODING_WRITTEN, newline="") as handle:
            if os.name == "posix":
                os.fchmod(handle.fileno(), PRIVATE_FILE_MODE)
            csv.writer(handle, lineterminator="\r\n").writerows(rows)
            handle.flush()
            os.fsync(handle.fileno())
        temporary.replace(path)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise


# Import -------------------------------------------------------------------------------------


def read_csv(path: Path, *, now: datetime | None = None) -> ImportPreview:
    """Read and check a CSV file; write nothing.

    Raises CsvFileError when the file cannot be read or its header is not SpineCoach's; any
    other trouble is a RowProblem for that row, and the other rows are still read. `now`
    (timezone-aware) is when the import happens: a time more than a day after it is a
    problem. Pass the app's clock reading; None reads the system clock, only so that a
    caller not yet handed a clock keeps working.
    """
    if now is None:
        now = datetime.now(UTC)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise CsvFileError(f"{path} cannot be read: {exc.strerror or exc}") from exc
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise CsvFileError(
            f"{path.name} is not UTF-8 text (first unreadable byte on line {line}); in a "
            'spreadsheet, save it as "CSV UTF-8"'
        ) from exc
    if not text.strip():
        raise CsvFileError(f"{path.name} is empty")
    rows = _rows(text, path)
    try:
        _, header = next(rows)
        table = parse_table(header, rows, now=now)
    except CsvFormatError as exc:
        raise CsvFileError(f"{path.name} is not a SpineCoach CSV: {exc}") from exc
    except csv.Error as exc:
        raise CsvFileError(f"{path.name} cannot be read as CSV: {exc}") from exc
    return ImportPreview(
        path, table.sessions, table.pain_entries, table.problems, table.hurt_events
    )


def _rows(text: str, path: Path) -> Iterator[tuple[int, list[str]]]:
    """Yield (line number where the row starts, cells); quoted notes may span lines."""
    first_line = text.split("\n", 1)[0]
    delimiter = ";" if first_line.count(";") > first_line.count(",") else ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    start = 1
    while True:
        try:
            values = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            raise CsvFileError(
                f"{path.name} cannot be read as CSV from line {start} on: {exc} (a quote "
                "that is opened but never closed?)"
            ) from exc
        yield start, values
        start = reader.line_num + 1


def pain_key(entry: PainEntry) -> PainKey:
    """Entries with the same key are the same score: same second, score and context."""
    return ("pain", math.floor(to_epoch(entry.recorded_at)), entry.score, entry.context.value)


def session_key(session: SessionRecord) -> SessionKey:
    """Sessions with the same key are the same session: same start second and routine."""
    return ("session", math.floor(to_epoch(session.started_at)), session.routine_id)


def hurt_key(session: int, event: HurtEvent | HurtRow) -> HurtKey:
    """Hurt events of one session with the same key are the same: same second, exercise, choice.

    `session` tells the sessions apart within one import: a stored session's id, or minus one
    minus a new session's place in the import.
    """
    second = math.floor(to_epoch(event.recorded_at))
    return (session, second, event.exercise_id, event.action)


def apply_import(database: Database, preview: ImportPreview) -> ImportResult:
    """Write the preview's valid records in one transaction, skipping duplicates.

    A row is a duplicate when the history already shows a record with the same key (deleted
    records do not count: importing a backup brings back what it holds), or when an earlier
    row of the same file had that key. A pain or hurt row linked to a duplicate session is
    linked to the session already stored. Problem rows are never written. Raises
    ReadOnlyDatabaseError on a read-only file; if the write fails, nothing at all was added.
    """
    if not preview.valid_rows:
        return ImportResult(0, 0)
    known_pain, known_sessions = _existing_keys(database, preview)
    new_sessions: dict[str, tuple[SessionRecord, list[PainEntry]]] = {}
    existing_ids: dict[str, int] = {}
    new_by_key: dict[SessionKey, tuple[SessionRecord, list[PainEntry]]] = {}
    skipped = 0
    for row in preview.sessions:
        key = session_key(row.session)
        if key in known_sessions:
            skipped += 1
            if row.session_ref:
                existing_ids[row.session_ref] = known_sessions[key]
            continue
        if key in new_by_key:
            skipped += 1
            if row.session_ref:
                new_sessions[row.session_ref] = new_by_key[key]
            continue
        pair: tuple[SessionRecord, list[PainEntry]] = (row.session, [])
        new_by_key[key] = pair
        if row.session_ref:
            new_sessions[row.session_ref] = pair
    loose: list[PainEntry] = []
    seen_pain = set(known_pain)
    for pain_row in preview.pain_entries:
        entry_key = pain_key(pain_row.entry)
        if entry_key in seen_pain:
            skipped += 1
            continue
        seen_pain.add(entry_key)
        ref = pain_row.session_ref
        if ref in new_sessions:
            new_sessions[ref][1].append(pain_row.entry)
        elif ref in existing_ids:
            loose.append(replace(pain_row.entry, session_id=existing_ids[ref]))
        else:
            loose.append(pain_row.entry)
    new_pairs = list(new_by_key.values())
    place = {id(pair): index for index, pair in enumerate(new_pairs)}
    new_hurts: list[tuple[int, NewHurt]] = []
    stored_hurts: list[HurtEvent] = []
    seen_hurts: set[HurtKey] = set()
    known_hurts: dict[int, set[HurtKey]] = {}
    for hurt_row in preview.hurt_events:
        # parse_table linked every hurt row to a valid session row: a new one or a stored one.
        ref = hurt_row.session_ref
        new_pair = new_sessions.get(ref)
        if new_pair is not None:
            same = hurt_key(-1 - place[id(new_pair)], hurt_row)
            stored: set[HurtKey] = set()
        else:
            session_id = existing_ids[ref]
            same = hurt_key(session_id, hurt_row)
            if session_id not in known_hurts:
                events = database.hurt_events(session_id)
                known_hurts[session_id] = {hurt_key(session_id, event) for event in events}
            stored = known_hurts[session_id]
        if same in seen_hurts or same in stored:
            skipped += 1
            continue
        seen_hurts.add(same)
        if new_pair is not None:
            hurt = NewHurt(hurt_row.exercise_id, hurt_row.recorded_at, hurt_row.action)
            new_hurts.append((place[id(new_pair)], hurt))
        else:
            stored_hurts.append(
                HurtEvent(
                    session_id=existing_ids[ref],
                    exercise_id=hurt_row.exercise_id,
                    recorded_at=hurt_row.recorded_at,
                    action=hurt_row.action,
                )
            )
    added = database.add_history(
        new_pairs, loose, new_session_hurts=new_hurts, hurt_events=stored_hurts
    )
    return ImportResult(len(added.sessions) + added.pain_entries + added.hurt_events, skipped)


def _existing_keys(
    database: Database, preview: ImportPreview
) -> tuple[set[PainKey], dict[SessionKey, int]]:
    """Keys of the shown records in the time range the file covers (one indexed query each)."""
    times: list[datetime] = [row.entry.recorded_at for row in preview.pain_entries]
    times += [row.session.started_at for row in preview.sessions]
    # Whole seconds around the file's first and last moment: keys compare whole seconds.
    start = min(times, key=to_epoch).replace(microsecond=0)
    last = max(times, key=to_epoch)
    try:
        end = last.replace(microsecond=0) + timedelta(seconds=1)
    except OverflowError:  # the very last second datetime can hold
        end = last.replace(microsecond=999_999)
    pain = {pain_key(entry) for entry in database.pain_entries(start, end)}
    sessions: dict[SessionKey, int] = {}
    for session in database.sessions(start, end):
        assert session.id is not None
        sessions.setdefault(session_key(session), session.id)
    return pain, sessions
