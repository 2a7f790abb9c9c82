"""History as a person meets it: a first session, the check-ins listed and corrected or deleted
with Undo, "This hurts" named, the reminder log, a chart whose legend and axis stay readable,
counted words, import problems that wrap, and file dialogs that remember their folder."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QFileDialog, QLabel
from pytestqt.qtbot import QtBot

from spinecoach.app import Application, build
from spinecoach.core import settings as keys
from spinecoach.core.clock import FakeClock
from spinecoach.core.csv_format import RowProblem
from spinecoach.core.records import (
    HurtEvent,
    PainContext,
    PainEntry,
    ReminderAction,
    ReminderLogEntry,
    SessionStatus,
)
from spinecoach.storage.csv_io import ExportResult, ImportPreview, ImportResult
from spinecoach.storage.safe_writer import SafeWriter, WriteOutcome
from spinecoach.ui.history.area import HistoryArea
from spinecoach.ui.history.check_in_dialog import CheckInDialog
from spinecoach.ui.history.import_dialog import ImportPreviewDialog
from spinecoach.ui.history.session_dialog import SessionDetailsDialog
from spinecoach.ui.history.view import CHECK_INS_TAB, REMINDERS_TAB, SESSIONS_TAB
from tests.fakes import RecordingCues, ScriptedPrompts

# Friday 20 November 2026, 18:00 UTC (the tests pin TZ=UTC).
NOW = datetime(2026, 11, 20, 18, 0, tzinfo=UTC)
DAY = 86_400.0


def first_session(app: Application, *, hurts: tuple[tuple[str, str], ...] = ()) -> int:
    """A new person's first session, this morning: before 5, after 3, and any "This hurts"."""
    db = app.database
    started = NOW - timedelta(hours=8)
    record = db.start_session("desk-break", "Two-minute desk break", 4, started)
    assert record.id is not None
    db.add_pain_entry(
        PainEntry(recorded_at=started, score=5, context=PainContext.BEFORE, session_id=record.id)
    )
    db.record_exercise_done(record.id, "chin-tucks")
    for minute, (exercise, action) in enumerate(hurts, start=1):
        db.add_hurt_event(
            HurtEvent(
                session_id=record.id,
                exercise_id=exercise,
                recorded_at=started + timedelta(minutes=minute),
                action=action,  # type: ignore[arg-type]
            )
        )
    ended = started + timedelta(minutes=3)
    db.finish_session(record.id, SessionStatus.COMPLETED, ended, feeling="easier")
    db.add_pain_entry(
        PainEntry(recorded_at=ended, score=3, context=PainContext.AFTER, session_id=record.id)
    )
    return record.id


@pytest.fixture
def app(qtbot: QtBot, data_dir: Path) -> Iterator[Application]:
    application = build(data_dir, FakeClock(NOW), prompts=ScriptedPrompts(), cues=RecordingCues())
    qtbot.addWidget(application.window)
    application.window.resize(1280, 820)
    yield application
    application.window.close()
    application.database.close()


def history(app: Application) -> HistoryArea:
    app.window.show()
    app.window.show_area("history")
    widget = app.history_area.build()
    assert isinstance(widget, HistoryArea)
    widget.controller.refresh()
    QApplication.processEvents()
    return widget


def add_check_in(app: Application, days_ago: float, score: int, note: str = "") -> int:
    entry = app.database.add_pain_entry(
        PainEntry(
            recorded_at=NOW - timedelta(days=days_ago),
            score=score,
            context=PainContext.CHECK_IN,
            note=note,
        )
    )
    assert entry.id is not None
    return entry.id


# --- the chart ----------------------------------------------------------------------------------


def test_a_first_session_shows_a_week_ending_today_and_no_average_bar(app: Application) -> None:
    first_session(app)
    chart = history(app).view.chart
    chart.plot.grab()
    low, high = chart.visible_range()
    tomorrow = datetime(2026, 11, 21, tzinfo=UTC).timestamp()
    # The 3-month view of a new person: the last 7 days, nothing after today (but a few
    # pixels of margin, for a marker there).
    margin = 0.02 * 7 * DAY
    assert tomorrow <= high < tomorrow + margin
    assert tomorrow - 7 * DAY - margin < low <= tomorrow - 7 * DAY
    # One day's before and after are no 7-day average: no vertical bar, no legend entry.
    assert chart.average_segments() == 0
    assert chart.legend.shown() == ["Before a session", "After a session", "Check-in"]
    assert len(chart.series("before")) == len(chart.series("after")) == 1


def test_the_legend_sits_above_the_plot_never_over_the_data(app: Application) -> None:
    first_session(app)
    chart = history(app).view.chart
    legend, plot = chart.legend.geometry(), chart.plot.geometry()
    assert legend.bottom() < plot.top()
    assert not legend.intersects(plot)


def test_no_auto_range_button_and_no_zoom(app: Application) -> None:
    first_session(app)
    plot_item = history(app).view.chart.plot.getPlotItem()
    assert plot_item.buttonsHidden
    assert plot_item.getViewBox().state["mouseEnabled"] == [False, False]


@pytest.mark.parametrize("button", [0, 1, 2, 3])
def test_every_range_names_its_months_and_the_year(app: Application, button: int) -> None:
    """The first label names month and year; each new month is named where it starts."""
    first_session(app)
    for days_ago, score in ((400, 6), (200, 5), (120, 4), (40, 5), (9, 4), (2, 3)):
        add_check_in(app, days_ago, score)
    view = history(app).view
    view.range_buttons.button(button).click()
    view.chart.plot.grab()
    labels = view.chart.axis_labels()
    assert len(labels) >= 3, labels
    assert "2026" in labels[0] or "2025" in labels[0], labels
    if button == 0:  # 2 weeks: days, with the month under the first
        assert labels[0].split("\n")[1] in ("Nov 2026", "Nov"), labels
    # No label reads as a date of another month: a day's month is always written under the
    # first day and under each first day of a month.
    low, high = view.chart.visible_range()
    assert high <= datetime(2026, 11, 21, tzinfo=UTC).timestamp() + 0.05 * (high - low)


# --- check-ins ----------------------------------------------------------------------------------


def test_check_ins_are_listed_beside_the_session_log(app: Application) -> None:
    first_session(app)
    add_check_in(app, 1, 4, "after gardening")
    add_check_in(app, 3, 6)
    view = history(app).view
    assert view.log_tabs.tabText(CHECK_INS_TAB) == "Check-ins"
    view.log_tabs.setCurrentIndex(CHECK_INS_TAB)
    rows = [view.check_in_model.row_at(r) for r in range(view.check_in_model.rowCount())]
    assert [(row.score, row.note) for row in rows] == [(4, "after gardening"), (6, "")]
    assert rows[0].date_text.startswith("Thu 19 Nov 2026")
    assert view.edit_check_in_button.isVisible()
    assert not view.repeat_button.isVisible()
    assert not view.check_ins_empty.isVisible()


def test_a_check_in_is_corrected_through_the_write_path_and_undone(
    app: Application, monkeypatch: pytest.MonkeyPatch
) -> None:
    entry_id = add_check_in(app, 1, 4, "after gardening")
    area = history(app)
    view = area.view
    writes: list[tuple[int, int, str]] = []
    original = SafeWriter.update_pain_entry

    def recorded(writer: SafeWriter, entry: int, score: int, note: str) -> WriteOutcome:
        writes.append((entry, score, note))
        return original(writer, entry, score, note)

    monkeypatch.setattr(SafeWriter, "update_pain_entry", recorded)
    view.select_check_in(entry_id)

    def correct() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, CheckInDialog)
        assert dialog.score() == 4
        dialog.choose(7)
        dialog.note.setText("after gardening, and lifting")
        dialog.save_button.click()

    QTimer.singleShot(0, correct)
    view.edit_check_in_button.click()

    assert writes == [(entry_id, 7, "after gardening, and lifting")]
    stored = app.database.pain_entry(entry_id)
    assert (stored.score, stored.note) == (7, "after gardening, and lifting")
    assert stored.recorded_at == NOW - timedelta(days=1)  # the moment stays
    assert area.undo_bar.isVisible()
    assert "pain 4 → 7" in area.undo_text.text()
    assert (NOW - timedelta(days=1)).timestamp() in [x for x, _ in view.chart.series("check-in")]

    area.undo_button.click()
    stored = app.database.pain_entry(entry_id)
    assert (stored.score, stored.note) == (4, "after gardening")
    assert not area.undo_bar.isVisible()
    assert view.selected_check_in() == entry_id


def test_a_check_in_is_deleted_at_once_and_undo_brings_it_back(app: Application) -> None:
    entry_id = add_check_in(app, 2, 5)
    area = history(app)
    view = area.view
    view.select_check_in(entry_id)
    view.delete_check_in_button.click()
    assert view.check_in_model.rowCount() == 0
    assert view.chart.series("check-in") == []
    assert app.database.is_pain_entry_deleted(entry_id)  # hidden, never erased
    assert area.undo_text.text().startswith("Deleted the check-in of Wed 18 Nov 2026")
    area.undo_button.click()
    assert view.check_in_model.rowCount() == 1
    assert view.selected_check_in() == entry_id
    assert not app.database.is_pain_entry_deleted(entry_id)


def test_scores_of_a_session_are_not_check_ins(app: Application) -> None:
    first_session(app)
    view = history(app).view
    assert view.check_in_model.rowCount() == 0
    assert view.check_ins_empty.isVisible() or view.log_tabs.currentIndex() != CHECK_INS_TAB


# --- "This hurts", named ------------------------------------------------------------------------


def test_the_log_and_the_details_name_the_exercise_that_hurt_and_what_was_chosen(
    app: Application,
) -> None:
    session_id = first_session(
        app, hurts=(("bird-dog", "skipped"), ("cat-cow", "continued"), ("chin-tucks", "ended"))
    )
    area = history(app)
    view = area.view
    row = view.model.row_at(0)
    assert row.hurt_lines == (
        "Bird dog, skipped",
        "Cat-cow, carried on gently",
        "Chin tucks, session ended",
    )
    assert view.model.index(0, 7).data() == "Bird dog, skipped (+2 more)"
    assert view.model.index(0, 7).data(3) == "\n".join(row.hurt_lines)  # its tooltip

    def look() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, SessionDetailsDialog)
        hurts = dialog.findChild(QLabel, "sessionHurts")
        assert hurts is not None
        assert (
            hurts.text()
            == "Bird dog, skipped\nCat-cow, carried on gently\nChin tucks, session ended"
        )
        assert "time(s)" not in " ".join(label.text() for label in dialog.findChildren(QLabel))
        dialog.reject()

    QTimer.singleShot(0, look)
    area.open_session(session_id)


def test_the_hurt_column_has_room_for_its_title_and_the_sort_arrow(app: Application) -> None:
    first_session(app, hurts=(("bird-dog", "skipped"),))
    view = history(app).view
    header = view.table.horizontalHeader()
    metrics = view.table.fontMetrics()
    for column in range(view.model.columnCount() - 1):
        title = view.model.header(column)
        # The title, in the header's bold, and two lines' worth for the arrow beside it.
        assert header.sectionSize(column) >= metrics.horizontalAdvance(title) + 2 * metrics.height()


# --- the reminder log ---------------------------------------------------------------------------


def test_the_reminder_log_says_what_each_reminder_led_to_and_why_one_was_skipped(
    app: Application,
) -> None:
    first_session(app)
    for minutes, action, detail in (
        (0, ReminderAction.SHOWN, "stand_up"),
        (2, ReminderAction.SKIPPED, "meeting"),
        (60, ReminderAction.SHOWN, "stand_up"),
        (61, ReminderAction.SNOOZED, "10"),
        (120, ReminderAction.SHOWN, "stand_up"),
        (121, ReminderAction.SKIPPED, "in_pain"),
        (180, ReminderAction.BREAK_STARTED, ""),
        (240, ReminderAction.DISMISSED, "back from a break"),
    ):
        app.database.add_reminder_event(
            ReminderLogEntry(
                recorded_at=NOW - timedelta(hours=6) + timedelta(minutes=minutes),
                action=action,
                detail=detail,
            )
        )
    view = history(app).view
    assert view.log_tabs.tabText(REMINDERS_TAB) == "Reminders"
    said = [view.reminder_model.row_at(r).what for r in range(view.reminder_model.rowCount())]
    assert said == [
        "Closed: back from time away from the desk",
        "Desk break started",
        "Skipped: in pain",
        "Stand-up reminder shown",
        "Snoozed for 10 min",
        "Stand-up reminder shown",
        "Skipped: in a meeting",
        "Stand-up reminder shown",
    ]
    assert view.log_tabs.currentIndex() == SESSIONS_TAB


# --- words, dialogs, folders --------------------------------------------------------------------


def counted(text: str, final: str) -> bool:
    """`text` is `final` as the English catalog words it, or its counted source text.

    The English catalog (resources/translations/en/ui.qm) is regenerated after a change: until
    then Qt shows the source of a counted message, "1 session(s)" (never "1 sessions"); each
    "(s)" is then read as the count before it asks.
    """
    as_counted = re.sub(
        r"\b(\d+)([^()\d]*?)\(s\)",
        lambda found: found[1] + found[2] + ("" if found[1] == "1" else "s"),
        text,
    )
    return final in (text, as_counted)


def test_counts_are_worded_in_the_singular_and_the_plural(app: Application) -> None:
    area = history(app)
    one = ExportResult(Path("/tmp/h.csv"), sessions=1, pain_entries=1)
    assert counted(area.exported_words(one), "Exported 1 session and 1 pain score to /tmp/h.csv.")
    many = ExportResult(Path("/tmp/h.csv"), sessions=2, pain_entries=5, hurt_events=1)
    assert counted(
        area.exported_words(many),
        "Exported 2 sessions, 5 pain scores and 1 “this hurts” answer to /tmp/h.csv.",
    )
    assert counted(area.imported_words(ImportResult(1, 0)), "Imported 1 row.")
    assert counted(
        area.imported_words(ImportResult(3, 1)), "Imported 3 rows; 1 row already here skipped."
    )


def test_import_problems_wrap_inside_the_dialog(qtbot: QtBot, app: Application) -> None:
    long_reason = (
        "its session (session_ref '41', line 12) has a problem, so this score is not imported "
        "either; the session row's ended '2026-11-22T08:59:00+01:00' is before it started"
    )
    preview = ImportPreview(Path("history.csv"), (), (), (RowProblem(13, long_reason),))
    dialog = ImportPreviewDialog(preview, history(app))
    qtbot.addWidget(dialog)
    dialog.resize(560, 420)
    dialog.show()
    QApplication.processEvents()
    problems = dialog.problems
    assert problems.wordWrap()
    item_rect = problems.visualRect(problems.model().index(0, 0))
    assert item_rect.width() <= problems.viewport().width()
    assert item_rect.height() >= 2 * problems.fontMetrics().height()  # on more than one line
    assert problems.horizontalScrollBar().maximum() == 0


def test_file_dialogs_open_in_the_folder_last_used(
    app: Application, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first_session(app)
    area = history(app)
    folder = tmp_path / "exports"
    folder.mkdir()
    asked: list[str] = []

    def save_name(_parent: object, _title: str, suggested: str, _filter: str) -> tuple[str, str]:
        asked.append(suggested)
        return str(folder / "mine.csv"), ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", save_name)
    area.export_csv()
    assert Path(asked[0]).parent == Path.home()  # nothing remembered yet
    assert app.settings.get(keys.UI_LAST_FOLDER) == str(folder)
    assert app.state.get(keys.UI_LAST_FOLDER) == str(folder)  # kept in the state file
    area.export_csv()
    assert Path(asked[1]).parent == folder
    assert counted(
        area.undo_text.text(), f"Exported 1 session and 2 pain scores to {folder}/mine.csv."
    )


@pytest.mark.parametrize("days", [7, 14, 91, 365, 3 * 365, 12 * 365])
@pytest.mark.parametrize("pixels", [300, 800, 1600])
def test_the_time_axis_never_crowds_and_always_says_month_and_year(days: int, pixels: int) -> None:
    """Whatever the range and width: labels keep apart, stay inside, and the first names the
    year (and, below a year's steps, the month); a new month or year is named where it starts."""
    from zoneinfo import ZoneInfo

    from spinecoach.ui.history.time_axis import plan_ticks

    zone = ZoneInfo("Europe/Berlin")  # its clocks change twice a year
    high = datetime(2026, 11, 21, tzinfo=zone).timestamp()
    low = high - days * DAY

    def width_of(label: str) -> float:
        return 7.0 * max(len(line) for line in label.split("\n"))

    values, labels = plan_ticks(low, high, pixels, zone, width_of, 10.0)
    assert values, (days, pixels)
    xs = [(value - low) / (high - low) * pixels for value in values]
    for x, label in zip(xs, labels, strict=True):
        assert width_of(label) / 2 <= x <= pixels - width_of(label) / 2
    for i in range(len(xs) - 1):
        room = (width_of(labels[i]) + width_of(labels[i + 1])) / 2 + 10.0
        assert xs[i + 1] - xs[i] >= room, (labels[i], labels[i + 1])
    moments = [datetime.fromtimestamp(value, zone) for value in values]
    assert all((m.hour, m.minute) == (0, 0) for m in moments)  # local midnights
    first = labels[0]
    assert str(moments[0].year) in first
    previous = moments[0]
    for moment, label in zip(moments[1:], labels[1:], strict=True):
        if moment.year != previous.year:
            assert str(moment.year) in label, (label, moment)
        previous = moment


@pytest.mark.parametrize("text", [100, 200])
def test_the_check_in_details_and_import_dialogs_fit(
    qtbot: QtBot, app: Application, text: int
) -> None:
    from tests.ui.layout_check import assert_fits

    first_session(app, hurts=(("bird-dog", "skipped"), ("knee-to-chest", "continued")))
    entry_id = add_check_in(app, 1, 4, "after a long drive, stiff in the morning")
    area = history(app)
    app.state.set("text_size", text)
    QApplication.processEvents()
    check_in = area.view.check_in_row(entry_id)
    assert check_in is not None
    reason = "its session (session_ref '41', line 12) has a problem, so this score is not " * 2
    preview = ImportPreview(Path("history.csv"), (), (), (RowProblem(13, reason),) * 3)
    for dialog in (
        CheckInDialog(check_in, area),
        SessionDetailsDialog(area.view.model.row_at(0), ["Chin tucks"], area, skipped=["Cat-cow"]),
        ImportPreviewDialog(preview, area),
    ):
        qtbot.addWidget(dialog)
        dialog.show()
        QApplication.processEvents()
        assert_fits(dialog, f"{type(dialog).__name__} at {text} %")
        dialog.close()
