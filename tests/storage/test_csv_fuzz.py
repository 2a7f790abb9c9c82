"""Fuzzing the CSV import with mutations of a real export.

Whatever the file holds, reading it either refuses the whole file (CsvFileError) or gives a
preview; and whatever the preview accepts can be applied, exported again and read back
without a problem, and the History's "All" range and the clinician report's content can be
computed from it. The measured bugs this guards: a time of 9999-12-31T23:59:59-05:00 (every
export raised OverflowError), 0001-01-01 (History "All" and the report overflowed), a NUL in a
note, a session ending before it starts, an unguarded =HYPERLINK() in exercises_completed.
"""

from __future__ import annotations

import csv
import io
import itertools
import random
from collections.abc import Iterator
from dataclasses import replace
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtWidgets import QApplication

from spinecoach.core.clock import FakeClock
from spinecoach.core.csv_format import COLUMNS, FORMULA_STARTS, REQUIRED_COLUMNS
from spinecoach.core.records import MAX_NOTE_LENGTH, PainContext, PainEntry, SessionStatus
from spinecoach.core.report_period import ReportPeriod
from spinecoach.storage.csv_io import (
    CsvFileError,
    ImportPreview,
    apply_import,
    export_csv,
    read_csv,
)
from spinecoach.storage.database import Database
from spinecoach.storage.opening import open_database
from spinecoach.ui.history.controller import HistoryController
from spinecoach.ui.history.report import write_report
from spinecoach.ui.history.view import HistoryView
from tests.ui.report_reading import fact, session_rows

NOW = datetime(2026, 11, 25, 12, 0, tzinfo=UTC)
"""When every import in this file happens."""
EVERYTHING = (datetime(1969, 1, 1, tzinfo=UTC), datetime(2100, 1, 1, tzinfo=UTC))
TEXT_COLUMNS = (
    "note",
    "routine_id",
    "routine_name",
    "exercises_completed",
    "exercises_skipped",
    "session_ref",
    "exercise_id",
)
ROUTINES = (
    ("morning-mobility", "Morning mobility", ("knee-to-chest", "cat-cow", "bird-dog")),
    ("desk-break", "Two-minute desk break", ("chin-tucks", "shoulder-rolls")),
    ("core-strength", "Core strength", ("bird-dog", "glute-bridge", "partial-crunch")),
)
OFFSETS = (timedelta(hours=1), timedelta(hours=-8), timedelta(hours=5, minutes=45), timedelta(0))
NOTES = (
    "",
    "Felt looser",
    'comma, "quotes"\nand a second line',
    "-2 after the walk",
    "=1+1 is not a formula",
    "@home 😀",
    "tab\there",
)


def fill(database: Database, seed: int = 11) -> None:
    """Three weeks of sessions and check-ins in several offsets, with awkward notes."""
    rng = random.Random(seed)
    for day in range(21):
        zone = timezone(OFFSETS[day % len(OFFSETS)])
        start = (NOW - timedelta(days=21 - day, hours=rng.randint(0, 6))).astimezone(zone)
        if day % 2 == 0:
            routine_id, name, exercises = ROUTINES[day % len(ROUTINES)]
            session = database.start_session(routine_id, name, len(exercises), start)
            assert session.id is not None
            database.add_pain_entry(
                PainEntry(
                    recorded_at=start,
                    score=rng.randint(2, 7),
                    context=PainContext.BEFORE,
                    session_id=session.id,
                )
            )
            done = exercises[: rng.randint(0, len(exercises))]
            for exercise in done:
                database.record_exercise_done(session.id, exercise)
            if day == 20:
                continue  # left in progress: exported as incomplete
            end = start + timedelta(minutes=rng.randint(2, 20), microseconds=rng.randint(0, 9))
            status = (
                SessionStatus.COMPLETED if len(done) == len(exercises) else SessionStatus.STOPPED
            )
            database.finish_session(
                session.id, status, end, feeling="easier", note=rng.choice(NOTES)
            )
            database.add_pain_entry(
                PainEntry(
                    recorded_at=end,
                    score=rng.randint(1, 6),
                    context=PainContext.AFTER,
                    session_id=session.id,
                )
            )
        database.add_pain_entry(
            PainEntry(
                recorded_at=start + timedelta(hours=9),
                score=rng.randint(0, 10),
                context=PainContext.CHECK_IN,
                note=rng.choice(NOTES),
            )
        )


@pytest.fixture(scope="module")
def source_rows(tmp_path_factory: pytest.TempPathFactory) -> list[list[str]]:
    """A real export of `fill`'s history, as cells (header first)."""
    folder = tmp_path_factory.mktemp("source")
    with open_database(folder / "source.sqlite3", now=NOW) as database:
        fill(database)
        path = export_csv(database, folder / "history.csv").path
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return list(csv.reader(handle))


@pytest.fixture(scope="module")
def history_view(qapp: QApplication) -> Iterator[HistoryView]:
    """One History view for the module: building one per example would dominate the time."""
    view = HistoryView()
    yield view
    view.close()
    view.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


# Values a spreadsheet or a slip of the hand could put in a cell -------------------------------

_extreme_offsets = st.sampled_from(
    [timedelta(0), timedelta(hours=14), timedelta(hours=-12), timedelta(hours=23, minutes=59)]
).flatmap(lambda offset: st.sampled_from([timezone(offset), timezone(-offset)]))
EDGE_VALUES = (
    "",
    " ",
    "9999-12-31T23:59:59-05:00",
    "9999-12-31T23:59:59.999999+00:00",
    "0001-01-01T00:00:00+00:00",
    "0001-01-01T00:00:00+05:00",
    "1969-12-31T23:59:59+00:00",
    "1970-01-01T00:00:00+00:00",
    "1970-01-01T00:00:00-23:59",
    "1970-01-01T23:58:00+23:59",
    (NOW + timedelta(days=1)).isoformat(),
    (NOW + timedelta(days=1, microseconds=-1)).isoformat(),
    (NOW + timedelta(days=1)).astimezone(timezone(timedelta(hours=-23, minutes=-59))).isoformat(),
    '=HYPERLINK("http://example.com";"click")',
    "'=1+1",
    "''",
    "'",
    "-1",
    "+1",
    "@SUM(A1)",
    "\t-x",
    "\r",
    "\r\n",
    "a\rb",
    "\x00",
    "slept\x00badly",
    "\x1b[31m",
    "\x85",
    "a;b;;c",
    ";",
    "0",
    "10",
    "11",
    "4.5",
    "100",
    "101",
    "9" * 5000,
    "in-progress",
    "completed",
    "stopped",
    "incomplete",
    "easier",
    "pain",
    "session",
    "before",
    "after",
    "check-in",
    "1",
    "2",
    "n" * MAX_NOTE_LENGTH,
    "n" * (MAX_NOTE_LENGTH + 1),
    "😀" * MAX_NOTE_LENGTH,
    "r" * 100,
    "r" * 101,
    "N" * 201,
)


def cell_values(real_cells: list[str]) -> st.SearchStrategy[str]:
    return st.one_of(
        st.sampled_from(EDGE_VALUES),
        st.sampled_from(real_cells),  # a real value, in the wrong place or row
        st.datetimes(timezones=_extreme_offsets).map(datetime.isoformat),
        st.datetimes(
            min_value=datetime(1969, 12, 30),
            max_value=datetime(2026, 11, 28),
            timezones=_extreme_offsets,
        ).map(datetime.isoformat),
        st.text(max_size=12),
        st.text(st.sampled_from("=+-@'\t\r\n\x00;,\" ab1"), max_size=8),
        st.integers(-5, 10**25).map(str),
    )


def mutated_file(data: st.DataObject, rows: list[list[str]]) -> bytes:
    """The export with a few cells, rows or bytes changed."""
    rows = [list(row) for row in rows]
    real_cells = sorted({cell for row in rows[1:] for cell in row})
    for _ in range(data.draw(st.integers(1, 5), label="mutations")):
        action = data.draw(
            st.sampled_from(["cell"] * 6 + ["drop", "copy", "swap", "column"]), label="action"
        )
        row = data.draw(st.integers(1, len(rows) - 1), label="row") if len(rows) > 1 else 0
        if action == "cell" and rows[row]:
            column = data.draw(st.integers(0, len(rows[row]) - 1), label="column")
            rows[row][column] = data.draw(cell_values(real_cells), label="value")
        elif action == "drop" and len(rows) > 1:
            del rows[row]
        elif action == "copy":
            rows.insert(data.draw(st.integers(1, len(rows)), label="to"), list(rows[row]))
        elif action == "swap" and rows[row]:
            first, second = data.draw(
                st.lists(st.integers(0, len(rows[row]) - 1), min_size=2, max_size=2), label="pair"
            )
            rows[row][first], rows[row][second] = rows[row][second], rows[row][first]
        elif action == "column":  # a column lost (or the header's name changed)
            column = data.draw(st.integers(0, len(COLUMNS) - 1), label="lost")
            for cells in rows[: data.draw(st.integers(1, len(rows)), label="rows")]:
                if column < len(cells):
                    del cells[column]
    out = io.StringIO()
    delimiter = data.draw(st.sampled_from([",", ";"]), label="delimiter")
    ending = data.draw(st.sampled_from(["\r\n", "\n"]), label="ending")
    csv.writer(out, delimiter=delimiter, lineterminator=ending).writerows(rows)
    text = out.getvalue()
    for _ in range(data.draw(st.integers(0, 2), label="raw edits")):
        at = data.draw(st.integers(0, len(text)), label="at")
        if data.draw(st.booleans(), label="insert"):
            text = (
                text[:at]
                + data.draw(st.sampled_from("\",;\n\r\x00\ufeff'x"), label="char")
                + text[at:]
            )
        else:
            text = text[:at] + text[at + data.draw(st.integers(1, 40), label="cut") :]
    bom = "\ufeff" if data.draw(st.booleans(), label="bom") else ""
    return (bom + text).encode()


# The properties ---------------------------------------------------------------------------------


_file_names = itertools.count()


def check_everything_accepted_works(
    preview: ImportPreview, folder: Path, view: HistoryView
) -> None:
    """Apply, export, read back, show "All" and build the report's content: nothing breaks."""
    with open_database(folder / f"fuzz-{next(_file_names)}.sqlite3", now=NOW) as database:
        result = apply_import(database, preview)
        assert result.added + result.skipped_duplicates == preview.valid_rows

        exported = export_csv(database, folder / f"again-{next(_file_names)}.csv")
        again = read_csv(exported.path, now=NOW)

        assert again.problems == ()
        assert (len(again.sessions), len(again.pain_entries)) == (
            exported.sessions,
            exported.pain_entries,
        )
        stored_sessions = sorted(repr(replace(s, id=None)) for s in database.sessions(*EVERYTHING))
        assert sorted(repr(row.session) for row in again.sessions) == stored_sessions
        stored_pain = sorted(
            repr(replace(e, id=None, session_id=None)) for e in database.pain_entries(*EVERYTHING)
        )
        assert sorted(repr(row.entry) for row in again.pain_entries) == stored_pain
        with exported.path.open(encoding="utf-8-sig", newline="") as handle:
            written = list(csv.DictReader(handle))
        for row in written:
            for column in TEXT_COLUMNS:
                assert row[column][:1] not in FORMULA_STARTS, (column, row[column])
        assert apply_import(database, again).added == 0  # the same file again adds nothing

        show_all_and_report(database, view)


def show_all_and_report(database: Database, view: HistoryView) -> None:
    """History's "All" range (chart, log, summary, weekly bars) and the report's content."""
    controller = HistoryController(view, database, FakeClock(NOW), lambda: 3)
    try:
        controller.set_range(None)
        # The weekly bars: on in every other example (the view is shared).
        view.bars_toggle.setChecked(not view.bars_toggle.isChecked())
        controller.refresh()
        content = controller.report_content(ReportPeriod.EVERYTHING)
        assert len(session_rows(content)) == database.count_sessions()
        span = database.time_span()
        if span is not None:  # everything: from the first record's day (UTC in the tests)
            [period] = fact(content, "Period covered") or [""]
            assert period.startswith(f"{span[0].astimezone(UTC):%d %B %Y} to ")
    finally:
        controller.deleteLater()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


@settings(
    max_examples=100,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(data=st.data())
def test_any_mutation_of_an_export_is_read_safely_and_what_is_accepted_works(
    data: st.DataObject,
    source_rows: list[list[str]],
    history_view: HistoryView,
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    folder = tmp_path_factory.mktemp("fuzz")
    path = folder / "mutated.csv"
    path.write_bytes(mutated_file(data, source_rows))
    try:
        preview = read_csv(path, now=NOW)
    except CsvFileError:
        event("refused whole")
        return  # with a reason: fine
    event("some rows refused" if preview.problems else "every row accepted")
    event("rows accepted" if preview.valid_rows else "no row accepted")
    for problem in preview.problems:
        assert problem.line_number >= 2
        assert len(problem.reason) < 400  # a huge cell is quoted short
    check_everything_accepted_works(preview, folder, history_view)


def test_the_unmutated_export_imports_whole(source_rows: list[list[str]], tmp_path: Path) -> None:
    path = tmp_path / "history.csv"
    with path.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows(source_rows)
    preview = read_csv(path, now=NOW)
    assert preview.problems == ()
    assert preview.valid_rows == len(source_rows) - 1 > 40


def test_the_edges_of_the_range_import_show_and_print(
    qapp: QApplication, history_view: HistoryView, tmp_path: Path
) -> None:
    """The earliest and latest accepted moments, in the farthest offsets, down to the PDF."""
    header = ",".join(REQUIRED_COLUMNS)  # a file of the first format, as typed by hand
    last = (NOW + timedelta(days=1, microseconds=-1)).astimezone(timezone(timedelta(hours=-12)))
    lines = [
        header,
        "pain,1970-01-01T00:00:00-23:59,3,check-in,first,,,,,,,,,",
        "pain,1970-01-01T00:00:00+00:00,4,check-in,,,,,,,,,,",
        f"pain,{last.isoformat()},5,check-in,last,,,,,,,,,",
        "session,1970-01-01T00:00:00+23:59,,,,r,R,,1970-01-02T00:00:00+23:59,,1,completed,,s",
        f"session,{last.isoformat()},,,,r,R,,,,1,incomplete,,t",
        f"pain,{(NOW + timedelta(days=1)).isoformat()},5,check-in,too late,,,,,,,,,",
    ]
    path = tmp_path / "edges.csv"
    path.write_text("\r\n".join(lines), encoding="utf-8")
    preview = read_csv(path, now=NOW)
    problems = {p.line_number: p.reason for p in preview.problems}
    assert list(problems) == [5, 7]
    assert "before 1970-01-01" in problems[5]  # +23:59: 00:00 local is the day before in UTC
    assert "in the future" in problems[7]  # History "All" ends there, exclusive

    check_everything_accepted_works(preview, tmp_path, history_view)
    with open_database(tmp_path / "edges.sqlite3", now=NOW) as database:
        apply_import(database, preview)
        controller = HistoryController(history_view, database, FakeClock(NOW), lambda: 3)
        controller.set_range(None)
        report = controller.report_content(ReportPeriod.EVERYTHING)
        written = write_report(tmp_path / "report.pdf", report)
        assert len(session_rows(report)) == 1  # the session on line 6
        controller.deleteLater()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    assert written >= 1
    assert (tmp_path / "report.pdf").read_bytes().startswith(b"%PDF")
