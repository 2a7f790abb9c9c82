"""The clinician's PDF written from a real database and read back: its order, its pages, its file.

The PDF is opened with QtPdf (what CI has; `pdftotext` reads it the same), one text per page.
The history is made by hand: sessions on known days, each with a before and an after score,
check-ins, notes and "this hurts" presses, all before a fixed now.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale
from PySide6.QtPdf import QPdfDocument
from PySide6.QtWidgets import QApplication, QDialog, QFileDialog
from pytestqt.qtbot import QtBot

from spinecoach import paths
from spinecoach.app import Application, build
from spinecoach.core.clock import FakeClock
from spinecoach.core.messages import Messages
from spinecoach.core.records import (
    HurtEvent,
    PainContext,
    PainEntry,
    SessionRecord,
    SessionStatus,
)
from spinecoach.core.report_period import DEFAULT_PERIOD, ReportPeriod
from spinecoach.core.translation import load_library_in
from spinecoach.storage.database import Database
from spinecoach.storage.opening import open_database
from spinecoach.ui.history import report, report_look
from spinecoach.ui.history.area import HistoryArea
from spinecoach.ui.history.controller import HistoryController
from spinecoach.ui.history.report import write_report
from spinecoach.ui.history.report_document import ReportContent
from spinecoach.ui.history.report_period_dialog import ReportPeriodDialog
from spinecoach.ui.history.view import HistoryView
from tests.ui.accessibility import unnamed
from tests.ui.layout_check import assert_fits
from tests.ui.report_reading import pdf_pages
from tests.ui.running_app import shown_app

NOW = datetime(2026, 11, 20, 18, 0, tzinfo=UTC)  # a Friday


def sessions_and_scores(
    count: int, *, every_days: int = 1
) -> list[tuple[SessionRecord, list[PainEntry]]]:
    """`count` sessions, one a day back from yesterday (`every_days` apart), 09:00 each."""
    made = []
    for number in range(count):
        started = NOW.replace(hour=9) - timedelta(days=1 + number * every_days)
        status = SessionStatus.STOPPED if number % 10 == 3 else SessionStatus.COMPLETED
        record = SessionRecord(
            routine_id="desk-break",
            routine_name="Two-minute desk break",
            started_at=started,
            ended_at=started + timedelta(minutes=6),
            exercises_completed=("chin-tucks",)
            if status is SessionStatus.STOPPED
            else ("chin-tucks", "shoulder-rolls"),
            exercises_total=2,
            status=status,
            note="Stiff getting up." if number == 5 else "",
        )
        before = 4 + number % 3
        after = before - 1 if number % 7 else before + 2  # every 7th: a rise of 2, a flare-up
        made.append(
            (
                record,
                [
                    PainEntry(recorded_at=started, score=before, context=PainContext.BEFORE),
                    PainEntry(
                        recorded_at=started + timedelta(minutes=6),
                        score=after,
                        context=PainContext.AFTER,
                    ),
                ],
            )
        )
    return made


@pytest.fixture
def reports(tmp_path: Path) -> Path:
    """An empty folder for the PDFs (the data folder is elsewhere in tmp_path)."""
    folder = tmp_path / "reports"
    folder.mkdir()
    return folder


@pytest.fixture
def database(data_dir: Path) -> Iterator[Database]:
    with open_database(data_dir / "spinecoach.sqlite3", now=NOW) as opened:
        yield opened


def fill(database: Database, count: int, *, every_days: int = 1) -> None:
    """`count` sessions, check-ins with notes, and two "this hurts" presses."""
    added = database.add_history(
        sessions_and_scores(count, every_days=every_days),
        [
            PainEntry(
                recorded_at=NOW - timedelta(days=day, hours=2),
                score=3 if day != 4 else 8,
                context=PainContext.CHECK_IN,
                note="After gardening." if day == 4 else "",
            )
            for day in range(1, 20)
        ],
    )
    first = added.sessions[0]
    assert first.id is not None
    for action in ("skipped", "ended"):
        database.add_hurt_event(
            HurtEvent(
                session_id=first.id,
                exercise_id="chin-tucks",
                recorded_at=first.started_at + timedelta(minutes=2),
                action=action,
            )
        )


def controller(
    qtbot: QtBot, database: Database, words: Messages | None = None
) -> HistoryController:
    view = HistoryView()
    qtbot.addWidget(view)
    if words is None:
        return HistoryController(view, database, FakeClock(NOW), lambda: 3)
    return HistoryController(view, database, FakeClock(NOW), lambda: 3, words=words)


def names(ids: tuple[str, ...]) -> list[str]:
    return [{"chin-tucks": "Chin tucks"}.get(i, i) for i in ids]


def content(
    qtbot: QtBot,
    database: Database,
    period: ReportPeriod = DEFAULT_PERIOD,
    words: Messages | None = None,
) -> ReportContent:
    return controller(qtbot, database, words).report_content(period, names)


def mode(path: Path) -> int:
    return path.stat().st_mode & 0o777


def written(
    qtbot: QtBot, database: Database, reports: Path, **kwargs: object
) -> tuple[Path, list[str]]:
    target = reports / "report.pdf"
    pages = write_report(target, content(qtbot, database, **kwargs))  # type: ignore[arg-type]
    text = pdf_pages(target)
    assert len(text) == pages
    return target, text


# --- the file --------------------------------------------------------------------------------


def test_the_pdf_is_0600_even_under_an_open_umask(
    qtbot: QtBot, database: Database, reports: Path
) -> None:
    fill(database, 3)
    previous = os.umask(0)
    try:
        target, _text = written(qtbot, database, reports)
    finally:
        os.umask(previous)
    assert mode(target) == 0o600
    assert target.read_bytes().startswith(b"%PDF")


def test_an_existing_file_is_only_replaced_when_the_person_agreed(
    qtbot: QtBot, database: Database, reports: Path
) -> None:
    fill(database, 3)
    report_content = content(qtbot, database)
    target = reports / "report.pdf"
    target.write_bytes(b"an older report")
    target.chmod(0o644)
    with pytest.raises(FileExistsError):
        write_report(target, report_content)
    assert target.read_bytes() == b"an older report"
    write_report(target, report_content, overwrite=True)
    assert target.read_bytes().startswith(b"%PDF")
    assert mode(target) == 0o600
    assert [p.name for p in reports.iterdir()] == ["report.pdf"]  # no temporary file left


def test_a_failed_write_leaves_nothing_under_the_name(
    qtbot: QtBot, database: Database, reports: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fill(database, 3)
    report_content = content(qtbot, database)

    def refuse(self: report.PdfReport, path: Path) -> int:
        path.write_bytes(b"%PDF half")
        raise OSError("disk full")

    monkeypatch.setattr(report.PdfReport, "write", refuse)
    with pytest.raises(OSError, match="disk full"):
        write_report(reports / "report.pdf", report_content)
    assert list(reports.iterdir()) == []


def test_the_pdf_is_pdf_a_with_a_title_and_no_image(
    qtbot: QtBot, database: Database, reports: Path
) -> None:
    fill(database, 30)
    target, text = written(qtbot, database, reports)
    data = target.read_bytes()
    # The chart is vectors: no image object (the old report's chart was one, a JPEG).
    assert b"/Subtype /Image" not in data and b"/Type /XObject" not in data
    assert b'pdfaid:part="1"' in data and b'pdfaid:conformance="B"' in data
    assert b"/FontFile2" in data  # the fonts are embedded (PDF/A)
    document = QPdfDocument()
    document.load(str(target))
    assert document.metaData(QPdfDocument.MetaDataField.Title) == "SpineCoach pain report"
    assert document.metaData(QPdfDocument.MetaDataField.Creator).startswith("SpineCoach ")
    size = document.pagePointSize(0)
    assert (round(size.width()), round(size.height())) == (595, 842)  # A4
    document.close()
    # The chart's words are text: its axis, its legend.
    joined = " ".join(text)
    for words in (
        "Pain (0-10)",
        "Before a session",
        "After a session",
        "Check-in",
        "7-day average",
    ):
        assert words in joined
    assert report_look.SMALL_PT >= 9  # the smallest type on any page


# --- what it says, in order ------------------------------------------------------------------


def test_the_sections_come_in_the_order_a_clinician_reads(
    qtbot: QtBot, database: Database, reports: Path
) -> None:
    fill(database, 46, every_days=2)  # back to 21 August: the three months, whole
    _target, text = written(qtbot, database, reports)
    joined = " ".join(text)
    order = [
        "Back pain and exercise report",
        "Name",
        "Period covered 21 August 2026 to 20 November 2026 (last 3 months)",
        "Created 20 November 2026",
        "Made with SpineCoach",
        "self-reported by the patient on a scale from 0 to 10",
        "(0 = no pain, 10 = worst pain imaginable)",
        "Pain over the period",
        "First four weeks",
        "Last four weeks",
        "Average before a session",
        "Average after a session",
        "Average change within a session",
        "Flare-ups*",
        "Highest scores",
        "* A flare-up, as counted here: a rise of 2 points or more",
        "Adherence",
        "Weekly goal 3 a week",
        "How sessions ended",
        "Exercises that hurt",
        "Chin tucks 2 1 1",
        "Notes",
        "After gardening.",
        "Pain scores over time",
        "Pain (0-10)",
        "All sessions",
        "Date Routine Duration Exercises Before After Felt Hurt",
    ]
    places = [joined.index(words) for words in order]
    assert places == sorted(places), [
        w for w, p in zip(order, places, strict=True) if p != sorted(places)[order.index(w)]
    ]
    assert "Streak" not in joined and "this week" not in joined  # no motivation on this page
    assert "earlier session" not in joined


def test_the_figures_on_the_page(qtbot: QtBot, database: Database, reports: Path) -> None:
    fill(database, 46, every_days=2)
    _target, text = written(qtbot, database, reports)
    joined = " ".join(text)
    # 46 sessions every other day, the first on 21 August: 92 days, 13 weeks and 1 day.
    assert "46 sessions, 3.5 a week on average" in joined
    assert "41 completed, 5 stopped early, 0 left unfinished" in joined
    assert "276 min in all, 6.0 min a session on average" in joined
    assert re.search(r"Flare-ups\* \d+ flare-ups", joined)
    assert "check-in 8; the 7 days before averaged" in joined  # 4 days ago, against 3s


@pytest.mark.parametrize("sessions", [1, 25, 60, 140])
def test_every_session_is_in_the_table_over_as_many_pages_as_it_needs(
    qtbot: QtBot, database: Database, reports: Path, sessions: int
) -> None:
    fill(database, sessions, every_days=2)
    _target, text = written(qtbot, database, reports, period=ReportPeriod.TWELVE_MONTHS)
    pages = len(text)
    for number, page in enumerate(text, start=1):
        assert page.endswith(f"Page {number} of {pages}") or f"Page {number} of {pages}" in page
    table_pages = [page for page in text if "Date Routine Duration" in page]
    assert table_pages and all(
        "All sessions (continued)" in page for page in text[text.index(table_pages[0]) + 1 :]
    )
    # Each continued page starts its table again with the header row.
    assert len(table_pages) == pages - text.index(table_pages[0])
    days = {(NOW - timedelta(days=1 + 2 * n)).strftime("%a %d %b %Y") for n in range(sessions)}
    joined = " ".join(text)
    table_text = joined[joined.index("All sessions Date Routine") :]
    assert all(day + " 9:00" in table_text or day + " 09:00" in table_text for day in days)
    assert table_text.count("Two-minute desk break") == sessions


def test_more_sessions_make_more_pages(qtbot: QtBot, data_dir: Path, reports: Path) -> None:
    counts = []
    for sessions in (10, 80, 160):
        folder = data_dir / str(sessions)
        folder.mkdir()
        with open_database(folder / "data.sqlite3", now=NOW) as database:
            fill(database, sessions, every_days=2)
            target = reports / f"{sessions}.pdf"
            counts.append(
                write_report(target, content(qtbot, database, ReportPeriod.TWELVE_MONTHS))
            )
    assert counts[0] < counts[1] < counts[2]


def test_an_empty_history_says_so_in_each_section(
    qtbot: QtBot, database: Database, reports: Path
) -> None:
    _target, text = written(qtbot, database, reports)
    joined = " ".join(text)
    for words in (
        "No pain scores were recorded in this period.",
        "No exercise sessions were recorded in this period.",
        "“This hurts” was not pressed in this period.",
        "No notes were written in this period.",
        "No pain scores to draw.",
        "No sessions in this period.",
    ):
        assert words in joined
    assert text[-1].endswith(f"Page {len(text)} of {len(text)}")


def test_a_short_history_is_not_split_into_first_and_last_four_weeks(
    qtbot: QtBot, database: Database, reports: Path
) -> None:
    fill(database, 10)  # ten days: the report starts at the first record
    _target, text = written(qtbot, database, reports, period=ReportPeriod.TWELVE_MONTHS)
    joined = " ".join(text)
    assert "(last 12 months; nothing was recorded before 01 November 2026)" in joined
    assert "Whole period average" in joined
    assert "The period is shorter than eight weeks" in joined
    assert "First four weeks" not in joined


# --- in German -------------------------------------------------------------------------------


@pytest.fixture
def german_locale() -> Iterator[None]:
    saved = QLocale()
    QLocale.setDefault(QLocale("de_DE"))
    try:
        yield
    finally:
        QLocale.setDefault(saved)


def test_in_german_every_word_dates_and_numbers_are_german(
    qtbot: QtBot, database: Database, reports: Path, german_locale: None
) -> None:
    german = load_library_in(paths.resources_dir(), paths.icons_dir() / "exercises", "de").words
    fill(database, 46, every_days=2)
    _target, text = written(qtbot, database, reports, words=german)
    joined = " ".join(text)
    order = [
        "Bericht über Rückenschmerzen und Übungen",
        "Zeitraum",
        "(letzte 3 Monate)",
        "Schmerzen im Zeitraum",
        "Erste vier Wochen",
        "Schmerzschübe*",
        "Adhärenz",
        "Übungen, die wehgetan haben",
        "Notizen",
        "Schmerzwerte im Verlauf",
        "Alle Übungseinheiten",
    ]
    places = [joined.index(words) for words in order]
    assert places == sorted(places)
    assert "46 Übungseinheiten, im Durchschnitt 3,5 pro Woche" in joined  # a decimal comma
    assert "November 2026" in joined
    assert text[0].endswith(f"Seite 1 von {len(text)}")
    assert "Page " not in joined and "flare" not in joined.lower()


# --- saving from History: the period, then the file ---------------------------------------------


@pytest.fixture
def area(qtbot: QtBot, data_dir: Path) -> Iterator[HistoryArea]:
    """History in the real app, over 40 sessions."""
    with open_database(data_dir / "spinecoach.sqlite3", now=NOW) as opened:
        fill(opened, 40)
    with shown_app(qtbot, data_dir, NOW) as application:
        yield application.history_area.build()


def script_dialogs(
    monkeypatch: pytest.MonkeyPatch, period: ReportPeriod | None, path: Path | None
) -> list[str]:
    """Answer the period dialog and the file dialog as a person would; returns what was asked."""
    asked: list[str] = []

    def answer_period(dialog: ReportPeriodDialog) -> int:
        asked.append("period")
        assert dialog.period() is DEFAULT_PERIOD  # three months, chosen first
        if period is None:
            return QDialog.DialogCode.Rejected.value
        dialog.choose(period)
        return QDialog.DialogCode.Accepted.value

    def answer_file(*_args: object, **_kwargs: object) -> tuple[str, str]:
        asked.append("file")
        return ("" if path is None else str(path)), ""

    monkeypatch.setattr(ReportPeriodDialog, "exec", answer_period)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", answer_file)
    return asked


def test_saving_asks_the_period_first_then_where(
    area: HistoryArea, reports: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    asked = script_dialogs(monkeypatch, ReportPeriod.FOUR_WEEKS, reports / "for my physio")
    area.save_report()
    assert asked == ["period", "file"]
    target = reports / "for my physio.pdf"  # ".pdf" added to the name given
    assert mode(target) == 0o600
    assert "(last 4 weeks)" in pdf_pages(target)[0]
    assert area.undo_text.text() == f"Report saved to {target}."


def test_cancelling_the_period_asks_for_no_file(
    area: HistoryArea, reports: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    asked = script_dialogs(monkeypatch, None, reports / "report.pdf")
    area.save_report()
    assert asked == ["period"]
    assert list(reports.iterdir()) == []


def test_a_name_that_gains_pdf_and_exists_is_replaced_only_when_confirmed(
    area: HistoryArea, reports: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = reports / "report.pdf"
    target.write_bytes(b"an older report")
    script_dialogs(monkeypatch, ReportPeriod.SIX_MONTHS, reports / "report")
    answers = iter([False, True])
    questions: list[Path] = []

    def confirm(path: Path) -> bool:
        questions.append(path)
        return next(answers)

    monkeypatch.setattr(area, "confirm_replace", confirm)
    area.save_report()
    assert target.read_bytes() == b"an older report"  # "Keep the old file"
    area.save_report()
    assert questions == [target, target]
    assert target.read_bytes().startswith(b"%PDF")  # "Replace"
    assert mode(target) == 0o600


def test_a_name_the_save_dialog_returned_is_replaced_without_asking_again(
    area: HistoryArea, reports: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = reports / "report.pdf"
    target.write_bytes(b"an older report")
    script_dialogs(monkeypatch, ReportPeriod.EVERYTHING, target)  # the dialog asked
    monkeypatch.setattr(area, "confirm_replace", lambda _path: pytest.fail("asked twice"))
    area.save_report()
    assert "(everything recorded)" in pdf_pages(target)[0]


def test_the_report_is_offered_in_the_folder_last_used(
    area: HistoryArea, reports: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    suggested: list[str] = []

    def answer_file(_parent: object, _title: str, name: str, _filter: str) -> tuple[str, str]:
        suggested.append(name)
        return str(reports / "report.pdf"), ""

    script_dialogs(monkeypatch, ReportPeriod.FOUR_WEEKS, None)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", answer_file)
    area.save_report()
    area.save_report()
    assert Path(suggested[0]).parent == Path.home()  # nothing remembered yet
    assert Path(suggested[1]) == reports / "SpineCoach report.pdf"


# --- the period dialog -----------------------------------------------------------------------


@pytest.fixture
def app(qtbot: QtBot, data_dir: Path) -> Iterator[Application]:
    application = build(data_dir, FakeClock(NOW))
    qtbot.addWidget(application.window)
    yield application
    application.window.close()
    application.database.close()


@pytest.mark.parametrize("text", [100, 200])
def test_the_period_dialog_fits_and_every_control_is_named(
    qtbot: QtBot, app: Application, text: int
) -> None:
    app.state.set("text_size", text)
    dialog = ReportPeriodDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    QApplication.processEvents()
    assert_fits(dialog, f"the report period dialog at {text} %")
    assert unnamed(dialog) == []
    assert dialog.period() is ReportPeriod.THREE_MONTHS
    assert dialog.choose_button.isDefault()


def test_the_period_dialog_is_used_by_keyboard(qtbot: QtBot) -> None:
    from PySide6.QtCore import Qt

    dialog = ReportPeriodDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    QApplication.processEvents()
    dialog.activateWindow()
    focused = QApplication.focusWidget()
    assert focused is not None and focused.objectName() == "reportPeriod_3-months"
    qtbot.keyClick(focused, Qt.Key.Key_Down)
    assert dialog.period() is ReportPeriod.SIX_MONTHS
    with qtbot.waitSignal(dialog.accepted):
        qtbot.keyClick(dialog, Qt.Key.Key_Return)
