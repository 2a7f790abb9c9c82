"""The History area on a generated database: chart, ranges, hover, summary, log, check-in."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QPushButton
from pytestqt.qtbot import QtBot

from spinecoach.app import Application, build
from spinecoach.core.clock import FakeClock
from spinecoach.core.records import PainContext, PainEntry, SessionStatus
from spinecoach.ui.care.pain_dialog import PainDialog
from spinecoach.ui.history.area import HistoryArea
from tests.fakes import RecordingCues, ScriptedPrompts

# Wednesday 25 November 2026, 12:00 UTC.
NOW = datetime(2026, 11, 25, 12, 0, tzinfo=UTC)


def add_session(
    app: Application, days_ago: float, before: int | None, after: int | None, minutes: int
) -> int:
    started = NOW - timedelta(days=days_ago)
    db = app.database
    record = db.start_session("desk-break", "Two-minute desk break", 5, started)
    assert record.id is not None
    for exercise in ("chin-tucks", "shoulder-rolls"):
        db.record_exercise_done(record.id, exercise)
    if before is not None:
        db.add_pain_entry(
            PainEntry(recorded_at=started, score=before, context=PainContext.BEFORE,
                      session_id=record.id)
        )  # fmt: skip
    ended = started + timedelta(minutes=minutes)
    db.finish_session(record.id, SessionStatus.COMPLETED, ended, feeling="easier")
    if after is not None:
        db.add_pain_entry(
            PainEntry(recorded_at=ended, score=after, context=PainContext.AFTER,
                      session_id=record.id)
        )  # fmt: skip
    return record.id


@pytest.fixture
def app(qtbot: QtBot, data_dir: Path) -> Iterator[Application]:
    application = build(data_dir, FakeClock(NOW), prompts=ScriptedPrompts(), cues=RecordingCues())
    qtbot.addWidget(application.window)
    # This week (Mon 23 Nov onwards): two sessions; older ones across two months.
    add_session(application, 1, 5, 3, 10)  # Tue
    add_session(application, 0.1, 4, 4, 6)  # Wed morning
    add_session(application, 9, 6, 5, 12)
    add_session(application, 40, 7, 6, 15)
    application.database.add_pain_entry(
        PainEntry(recorded_at=NOW - timedelta(days=200), score=8, context=PainContext.CHECK_IN,
                  note="flare-up")
    )  # fmt: skip
    application.window.resize(1280, 820)
    application.window.show()
    application.window.show_area("history")
    yield application
    application.window.close()
    application.database.close()


def area(app: Application) -> HistoryArea:
    widget = app.history_area.build()
    assert isinstance(widget, HistoryArea)
    return widget


def test_chart_holds_exactly_the_database_points_of_the_range(app: Application) -> None:
    view = area(app).view
    assert app.history.range_days == 91  # three months by default
    start = NOW - timedelta(days=91)
    entries = app.database.pain_entries(start, NOW + timedelta(days=1))
    for context in ("before", "after", "check-in"):
        expected = sorted(
            (e.recorded_at.timestamp(), float(e.score))
            for e in entries
            if e.context.value == context
        )
        assert sorted(view.chart.series(context)) == expected
    assert view.chart.series("check-in") == []  # the flare-up is 200 days ago


def test_range_buttons_change_what_is_loaded_and_shown(app: Application) -> None:
    view = area(app).view
    view.range_buttons.button(3).click()  # All
    assert app.history.range_days is None
    assert [score for _t, score in view.chart.series("check-in")] == [8.0]
    low, high = view.chart.visible_range()
    assert low <= (NOW - timedelta(days=200)).timestamp() <= high
    view.range_buttons.button(0).click()  # 2 weeks
    assert app.history.range_days == 14
    assert len(view.chart.series("before")) == 3
    low, _high = view.chart.visible_range()
    assert low >= (NOW - timedelta(days=15)).timestamp()
    assert view.model.rowCount() == 3


def test_hover_text_names_date_score_context_and_routine(app: Application) -> None:
    chart = area(app).view.chart
    at = NOW - timedelta(days=9)
    text = chart.hover_text_at(at.timestamp(), 6)
    assert "Pain 6 of 10, before a session" in text
    assert "Routine: Two-minute desk break" in text
    assert at.strftime("%d %b %Y") in text
    assert chart.hover_text_at(at.timestamp(), 1) == ""  # nothing near


def test_summary_matches_hand_computed_values(app: Application) -> None:
    view = area(app).view
    assert view.card_text("weekCard") == "2 of 3"
    assert view.card_text("minutesCard") == "16 min"
    assert view.card_text("streakCard") == "2 days"
    # (3-5) + (4-4) + (5-6) + (6-7) = -4 over 4 sessions
    assert view.card_text("changeCard") == "-1.0"


def test_session_log_lists_sessions_newest_first_and_sorts(app: Application) -> None:
    view = area(app).view
    assert view.model.rowCount() == 4
    first = view.model.index(0, 0).data()
    assert first.startswith("Wed 25 Nov 2026")
    assert view.model.index(0, 3).data() == "2 of 5"
    view.table.sortByColumn(4, Qt.SortOrder.AscendingOrder)
    befores = [view.model.index(r, 4).data() for r in range(view.model.rowCount())]
    assert befores == sorted(befores, key=int)


def test_delete_is_undoable_and_nothing_is_lost(app: Application) -> None:
    history = area(app)
    view = history.view
    view.select_session(view.model.row_at(0).session_id)
    session_id = view.selected_session()
    assert session_id is not None
    view.delete_button.click()
    assert view.model.rowCount() == 3
    assert history.undo_bar.isVisible()
    history.undo_button.click()
    assert view.model.rowCount() == 4
    assert not history.undo_bar.isVisible()
    assert view.selected_session() == session_id


def test_check_in_records_a_score_at_once(qtbot: QtBot, app: Application) -> None:
    history = area(app)

    def answer() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, PainDialog)
        dialog.score_buttons.button(2).click()
        dialog.note.setText("after a walk")
        dialog.save_button.click()

    QTimer.singleShot(0, answer)
    history.view.check_in_button.click()
    entries = app.database.pain_entries(NOW - timedelta(minutes=1), NOW + timedelta(minutes=1))
    check_ins = [e for e in entries if e.context is PainContext.CHECK_IN]
    assert [(e.score, e.note) for e in check_ins] == [(2, "after a walk")]
    assert (NOW.timestamp(), 2.0) in history.view.chart.series("check-in")


def test_repeat_starts_the_player_on_that_routine(app: Application) -> None:
    view = area(app).view
    view.select_session(view.model.row_at(0).session_id)
    repeat = view.findChild(QPushButton, "repeatButton")
    assert repeat is not None
    repeat.click()
    assert app.window.current_area() == "session"
    assert app.player.is_active()
    app.player.toggle_pause()


def test_rolling_average_does_not_bridge_long_gaps(app: Application) -> None:
    view = area(app).view
    view.range_buttons.button(3).click()
    # Scores 200, 40 and 9 days ago are each more than 7 days from their neighbours, so they
    # stand alone; only the last two days join into one line. A lone day's scores are no
    # average (they drew a vertical bar): only that line is drawn.
    assert view.chart.average_segments() == 1
    assert "7-day average" in view.chart.legend.shown()


def test_report_is_a_pdf_with_every_session_of_the_three_months(
    app: Application, tmp_path: Path
) -> None:
    from spinecoach.ui.history.report import write_report
    from tests.ui.report_reading import pdf_pages, session_rows

    content = app.history.report_content()  # three months: every session, oldest first
    rows = session_rows(content)
    assert [row[1] for row in rows] == ["Two-minute desk break"] * 4
    assert rows[0][0].startswith("Fri 16 Oct 2026")  # 40 days ago
    assert rows[0][3] == "2 of 5"
    target = tmp_path / "report.pdf"
    pages = write_report(target, content)
    text = pdf_pages(target)
    assert len(text) == pages
    assert text[0].startswith("Back pain and exercise report")
    assert "Two-minute desk break" in " ".join(text)
    assert text[-1].endswith(f"Page {pages} of {pages}")


def test_csv_with_bad_rows_reports_each_and_writes_nothing_until_confirmed(
    qtbot: QtBot, app: Application, tmp_path: Path
) -> None:
    from spinecoach.storage.csv_io import export_csv, read_csv
    from spinecoach.ui.history.import_dialog import ImportPreviewDialog

    history = area(app)
    exported = tmp_path / "history.csv"
    export_csv(app.database, exported)
    lines = exported.read_text(encoding="utf-8-sig").splitlines()
    header, rows = lines[0], lines[1:]
    columns = header.split(",")
    broken = tmp_path / "broken.csv"
    broken.write_text(
        "\n".join([header, *rows, "pain,not-a-time" + "," * (len(columns) - 2)]) + "\n",
        encoding="utf-8",
    )
    preview = read_csv(broken)
    assert [p.line_number for p in preview.problems] == [len(rows) + 2]
    before = app.database.count_pain_entries()

    def cancel() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, ImportPreviewDialog)
        assert dialog.problems.count() == 1
        assert dialog.problems.item(0).text().startswith(f"line {len(rows) + 2}:")
        dialog.reject()

    QTimer.singleShot(0, cancel)
    assert history.confirm_import(preview) is None
    assert app.database.count_pain_entries() == before  # nothing written without consent

    def accept() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, ImportPreviewDialog)
        dialog.import_button.click()

    QTimer.singleShot(0, accept)
    result = history.confirm_import(preview)
    assert result is not None
    assert result.added == 0  # everything valid was already here
    assert result.skipped_duplicates == len(rows)
    assert app.database.count_pain_entries() == before


def test_sessions_per_week_overlay_on_its_own_axis(app: Application) -> None:
    view = area(app).view
    assert view.chart.weekly_bars() == []
    view.bars_toggle.setChecked(True)
    bars = view.chart.weekly_bars()
    assert sum(height for _x, height in bars) == 4  # the four sessions in three months
    assert view.chart.plot.getPlotItem().getAxis("right").isVisible()
    view.bars_toggle.setChecked(False)
    assert view.chart.weekly_bars() == []
