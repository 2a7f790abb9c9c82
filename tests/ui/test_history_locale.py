"""History in the locale in use (dates, times, numbers) and in the language of the core's words.

The app sets `QLocale.setDefault` to the chosen language; these tests set it themselves, and
put the one they found back afterwards. No interface catalog is installed here, so the words
are English: what changes with the locale alone is month and day names, the decimal point and
the time of day. German words for the core (the reminder sentence, durations) come from the
shipped German catalog.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale
from pytestqt.qtbot import QtBot

from spinecoach import paths
from spinecoach.core.clock import FakeClock
from spinecoach.core.messages import Messages
from spinecoach.core.records import (
    PainContext,
    PainEntry,
    ReminderAction,
    ReminderLogEntry,
    SessionStatus,
)
from spinecoach.core.report_period import ReportPeriod
from spinecoach.core.translation import load_library_in
from spinecoach.storage.database import Database
from spinecoach.storage.opening import open_database
from spinecoach.ui.history.chart import PainChart
from spinecoach.ui.history.controller import HistoryController
from spinecoach.ui.history.time_axis import TickStep, tick_labels
from spinecoach.ui.history.view import HistoryView
from tests.ui.report_reading import fact, session_rows

# Wednesday 4 March 2026, 09:05 UTC (the tests pin TZ=UTC): "Mar" and "März" differ.
NOW = datetime(2026, 3, 4, 9, 5, tzinfo=UTC)
# Sunday 1 March 2026, 00:00: a new month on the time axis.
FIRST_OF_MARCH = datetime(2026, 3, 1, tzinfo=UTC).timestamp()


@pytest.fixture
def locale() -> Iterator[None]:
    """Whatever default locale a test sets is put back after it."""
    saved = QLocale()
    try:
        yield
    finally:
        QLocale.setDefault(saved)


@pytest.fixture(scope="module")
def german() -> Messages:
    return load_library_in(paths.resources_dir(), paths.icons_dir() / "exercises", "de").words


@pytest.fixture
def database(data_dir: Path) -> Iterator[Database]:
    with open_database(data_dir / "spinecoach.sqlite3", now=NOW) as opened:
        session = opened.start_session("desk-break", "Two-minute desk break", 5, NOW)
        assert session.id is not None
        opened.record_exercise_done(session.id, "chin-tucks")
        before = PainEntry(
            recorded_at=NOW, score=5, context=PainContext.BEFORE, session_id=session.id
        )
        opened.add_pain_entry(before)
        ended = NOW + timedelta(minutes=6)
        opened.finish_session(session.id, SessionStatus.COMPLETED, ended, feeling="easier")
        after = PainEntry(
            recorded_at=ended, score=3, context=PainContext.AFTER, session_id=session.id
        )
        opened.add_pain_entry(after)
        for action in (ReminderAction.SHOWN, ReminderAction.BREAK_STARTED):
            detail = "stand_up" if action is ReminderAction.SHOWN else ""
            opened.add_reminder_event(
                ReminderLogEntry(recorded_at=NOW, action=action, detail=detail)
            )
        yield opened


def history(qtbot: QtBot, database: Database, words: Messages | None = None) -> HistoryView:
    view = HistoryView()
    qtbot.addWidget(view)
    if words is None:
        controller = HistoryController(view, database, FakeClock(NOW), lambda: 3)
    else:
        controller = HistoryController(view, database, FakeClock(NOW), lambda: 3, words=words)
    controller.refresh()
    return view


# --- the chart's time axis ---------------------------------------------------------------------


def test_the_time_axis_names_months_and_days_in_the_german_locale(locale: None) -> None:
    QLocale.setDefault(QLocale("de_DE"))
    days = [date(2026, 2, 27), date(2026, 3, 1), date(2026, 3, 4)]
    assert tick_labels(days, TickStep("day", 1, weekday=True)) == [
        "Fr. 27\nFeb 2026",
        "So. 1\nMär",
        "Mi. 4\n",
    ]
    months = [date(2025, 12, 1), date(2026, 1, 1), date(2026, 3, 1)]
    assert tick_labels(months, TickStep("month", 1)) == ["Dez\n2025", "Jan\n2026", "Mär\n"]


def test_the_time_axis_in_english(locale: None) -> None:
    QLocale.setDefault(QLocale("en_US"))  # the app's English on a system in the C locale
    days = [date(2026, 2, 23), date(2026, 3, 2), date(2026, 3, 9)]
    assert tick_labels(days, TickStep("week", 1)) == ["23\nFeb 2026", "2\nMar", "9\n"]
    assert tick_labels([date(2026, 1, 1)], TickStep("year", 1)) == ["2026"]


def test_the_drawn_axis_uses_the_locale_too(qtbot: QtBot, locale: None) -> None:
    """Through the axis's own choice of ticks, on a painted chart."""
    QLocale.setDefault(QLocale("de_DE"))
    chart = PainChart()
    qtbot.addWidget(chart)
    chart.resize(900, 320)
    chart.set_time_zone(UTC)
    chart.set_data([], [])
    chart.show_range(FIRST_OF_MARCH - 5 * 86_400.0, FIRST_OF_MARCH + 9 * 86_400.0)
    chart.plot.grab()  # painting measures the tick font and words the ticks
    labels = chart.axis_labels()
    assert any("Mär" in label for label in labels), labels
    assert not any("Mar" in label for label in labels), labels


# --- the log, the cards, the hover details, the report ------------------------------------------


def test_the_log_and_the_chart_details_write_dates_in_the_german_locale(
    qtbot: QtBot, database: Database, locale: None
) -> None:
    QLocale.setDefault(QLocale("de_DE"))
    view = history(qtbot, database)
    logged = view.model.index(0, 0).data()
    assert logged == "Mi. 04 März 2026 09:05"
    hover = view.chart.hover_text_at(NOW.timestamp(), 5)
    assert hover.startswith("Mi. 04 März 2026, 09:05\n")
    assert view.card_text("changeCard") == "-2,0"  # the German decimal comma


def test_the_log_in_english_is_written_as_before(
    qtbot: QtBot, database: Database, locale: None
) -> None:
    QLocale.setDefault(QLocale("en_GB"))
    view = history(qtbot, database)
    assert view.model.index(0, 0).data() == f"{NOW:%a %d %b %Y %H:%M}" == "Wed 04 Mar 2026 09:05"
    hover = view.chart.hover_text_at(NOW.timestamp(), 5)
    assert hover.splitlines() == [
        f"{NOW:%a %d %b %Y, %H:%M}",
        "Pain 5 of 10, before a session",
        "Routine: Two-minute desk break",
    ]
    assert view.card_text("changeCard") == "-2.0"
    assert view.card_text("streakCard") == "1 day"
    assert view.model.index(0, 2).data() == "6 min"


def test_the_report_dates_follow_the_locale(qtbot: QtBot, database: Database, locale: None) -> None:
    QLocale.setDefault(QLocale("de_DE"))
    view = history(qtbot, database)
    controller = view.findChild(HistoryController)
    assert controller is not None
    content = controller.report_content(ReportPeriod.FOUR_WEEKS)
    # Names from the locale; the order is the translation's, and no catalog is installed. The
    # report starts at the first record, today.
    assert fact(content, "Period covered") == (
        "04 März 2026 to 04 März 2026 (last 4 weeks; nothing was recorded before 04 März 2026)",
    )
    assert fact(content, "Created") == ("04 März 2026 09:05",)
    assert session_rows(content)[0][0] == "Mi. 04 März 2026 09:05"
    assert fact(content, "Average change within a session") == (
        "-2,0 (after minus before, 1 session with both scores)",  # the locale's decimal comma
    )


# --- the core's words: the reminder sentence, durations -----------------------------------------


def test_with_german_words_the_reminder_line_says_in_dieser_woche(
    qtbot: QtBot, database: Database, german: Messages
) -> None:
    view = history(qtbot, database, german)
    line = view.reminder_line.text()
    assert "in dieser Woche" in line
    assert (
        line == "1 Erinnerung zum Aufstehen in dieser Woche: 1 führte zu einer Schreibtischpause."
    )
    assert view.model.index(0, 2).data() == "6 Min."  # the duration in the core's German


def test_with_german_words_the_report_s_reminder_section_is_german(
    qtbot: QtBot, database: Database, german: Messages
) -> None:
    view = history(qtbot, database, german)
    controller = view.findChild(HistoryController)
    assert controller is not None
    reminders = fact(controller.report_content(), "Erinnerungen zum Aufstehen")
    assert reminders == ("1 Erinnerung zum Aufstehen: 1 führte zu einer Schreibtischpause.",)


def test_with_english_words_the_reminder_line_is_unchanged(
    qtbot: QtBot, database: Database
) -> None:
    view = history(qtbot, database)
    assert view.reminder_line.text() == "1 stand-up reminder this week: 1 led to a desk break."


def test_a_session_is_listed_under_its_routine_s_name_in_the_language_in_use(
    qtbot: QtBot, database: Database
) -> None:
    # Recorded in English ("Two-minute desk break"), shown by its German name when the library
    # is German; a routine the library no longer has keeps its recorded name.
    view = HistoryView()
    qtbot.addWidget(view)
    names = {"desk-break": "Zwei-Minuten-Pause am Schreibtisch"}
    controller = HistoryController(view, database, FakeClock(NOW), lambda: 3, routine_names=names)
    controller.refresh()
    assert view.model.index(0, 1).data() == "Zwei-Minuten-Pause am Schreibtisch"
    assert "Zwei-Minuten-Pause am Schreibtisch" in view.chart.hover_text_at(NOW.timestamp(), 5)
    gone = HistoryController(view, database, FakeClock(NOW), lambda: 3, routine_names={})
    gone.refresh()
    assert view.model.index(0, 1).data() == "Two-minute desk break"


@pytest.mark.usefixtures("locale")
def test_the_reports_time_axis_names_months_as_the_history_chart_does() -> None:
    """One way to write a month on both time axes: the chart's and the clinician report's.

    The report wrote its own ("MMM yyyy": "Nov. 2026", "März 2026" in German) beside the chart's
    short stand-alone names ("Nov 2026", "Mär 2026").
    """
    from spinecoach.ui.history.locale_text import axis_month, axis_month_year
    from spinecoach.ui.history.report_axis import axis_ticks

    QLocale.setDefault(QLocale(QLocale.Language.German, QLocale.Country.Germany))
    weekly = axis_ticks(date(2026, 2, 20), date(2026, 3, 19), UTC)
    assert weekly[0].under == axis_month_year(date(2026, 2, 23)) == "Feb 2026"
    assert [tick.under for tick in weekly if tick.under][1] == axis_month(date(2026, 3, 2)) == "Mär"
    monthly = axis_ticks(date(2025, 10, 10), date(2026, 4, 20), UTC)
    assert [tick.label for tick in monthly][:3] == ["Nov", "Dez", "Jan"]
    assert [tick.under for tick in monthly if tick.under] == ["2025", "2026"]
