"""The reminder log read back: a line of the clinician's report and a line under the cards.

The events are the real ones: the reminder controller, on a fake clock, logs into a real
database while the test answers its cards; History then reads them back, and the PDF is opened
to read what it says.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QMenu
from pytestqt.qtbot import QtBot

from spinecoach.core.clock import FakeClock
from spinecoach.core.records import ReminderAction, ReminderLogEntry
from spinecoach.core.reminder_service import ReminderService
from spinecoach.core.reminders import ReminderSchedule
from spinecoach.core.report_period import DEFAULT_PERIOD, ReportPeriod
from spinecoach.storage.database import Database
from spinecoach.storage.opening import open_database
from spinecoach.ui.history.controller import HistoryController
from spinecoach.ui.history.report import write_report
from spinecoach.ui.history.view import HistoryView
from spinecoach.ui.reminders.controller import ReminderController
from spinecoach.ui.reminders.popup import ReminderPopup
from tests.fakes import SettableIdle, SettableInterruption
from tests.ui.report_reading import fact, pdf_pages

MONDAY_9 = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)

#: The label of the reminders' line in the report's adherence section.
REMINDERS = "Stand-up reminders"

EXPECTED = (
    "5 stand-up reminders: 1 led to a desk break, 1 was followed by time away from the desk, "
    "1 was snoozed and 2 were skipped (1 because of pain). "
    "1 more desk break was started without a reminder."
)


class Reminders:
    """The reminder controller on a fake clock, logging into `database`."""

    def __init__(self, qtbot: QtBot, clock: FakeClock, database: Database) -> None:
        self.clock = clock
        self.idle = SettableIdle(clock=clock)
        service = ReminderService(ReminderSchedule(clock), clock, self.idle, SettableInterruption())
        self.popup = ReminderPopup(QIcon())
        qtbot.addWidget(self.popup)
        self.controller = ReminderController(
            service, clock, self.popup, database.add_reminder_event, sound=False
        )
        self.controller.start()

    def wake(self) -> None:
        """Let the armed timer's time pass and fire it."""
        wait = self.controller.service.seconds_until_wake()
        assert wait is not None
        self.clock.advance(wait)
        self.controller.wake()

    def next_card(self) -> None:
        for _ in range(200):
            if self.popup.isVisible():
                return
            self.wake()
        pytest.fail("no reminder card came")

    def skip(self, reason: str) -> None:
        menu = self.popup.skip_button.menu()
        assert isinstance(menu, QMenu)
        [action] = [a for a in menu.actions() if a.objectName() == f"skip_{reason}"]
        action.trigger()

    def away_for(self, minutes: float) -> None:
        """The person leaves the desk for `minutes`, then comes back."""
        self.idle.away_since = self.clock.monotonic()
        left = self.clock.monotonic()
        while self.clock.monotonic() - left < minutes * 60:
            self.wake()
        self.idle.away_since = None
        self.wake()


@pytest.fixture
def database(data_dir: Path) -> Iterator[Database]:
    with open_database(data_dir / "spinecoach.sqlite3", now=MONDAY_9) as opened:
        yield opened


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(MONDAY_9)


@pytest.fixture
def history(qtbot: QtBot, database: Database, clock: FakeClock) -> HistoryController:
    view = HistoryView()
    qtbot.addWidget(view)
    return HistoryController(view, database, clock, lambda: 3)


def a_morning_of_reminders(qtbot: QtBot, clock: FakeClock, database: Database) -> None:
    """Five cards: a desk break, a snooze then "in pain", "busy", time away; one tray break."""
    reminders = Reminders(qtbot, clock, database)
    reminders.next_card()
    reminders.popup.start_button.click()
    reminders.next_card()
    reminders.popup.snooze_button.click()
    reminders.next_card()
    reminders.skip("in_pain")
    reminders.next_card()
    reminders.skip("busy")
    reminders.controller.start_break()  # from the tray, no card up
    reminders.next_card()
    reminders.away_for(6)
    assert not reminders.popup.isVisible()
    reminders.controller.stop()
    logged = database.reminder_events(MONDAY_9, clock.now() + timedelta(seconds=1))
    assert [e.action for e in logged].count(ReminderAction.SHOWN) == 5


def pdf_text(path: Path) -> str:
    return " ".join(pdf_pages(path))  # the page wraps lines where it likes


def reminders(history: HistoryController, period: ReportPeriod = DEFAULT_PERIOD) -> str:
    """The report's reminder line, "" when it has none."""
    lines = fact(history.report_content(period), REMINDERS)
    return "" if lines is None else " ".join(lines)


def test_the_report_says_what_the_logged_reminders_led_to(
    qtbot: QtBot, clock: FakeClock, database: Database, history: HistoryController, tmp_path: Path
) -> None:
    a_morning_of_reminders(qtbot, clock, database)
    history.refresh()
    assert reminders(history) == EXPECTED
    target = tmp_path / "report.pdf"
    write_report(target, history.report_content())
    text = pdf_text(target)
    assert f"{REMINDERS} {EXPECTED}" in text
    # A line of the adherence section, before the exercises that hurt.
    assert text.index("Adherence") < text.index(REMINDERS) < text.index("Exercises that hurt")


def test_the_history_line_gives_this_weeks_reminders_in_one_line(
    qtbot: QtBot, clock: FakeClock, database: Database, history: HistoryController
) -> None:
    view = history.parent()
    assert isinstance(view, HistoryView)
    history.refresh()
    assert view.reminder_line.isHidden()
    a_morning_of_reminders(qtbot, clock, database)
    history.refresh()
    assert not view.reminder_line.isHidden()
    assert view.reminder_line.text() == EXPECTED.replace(
        "5 stand-up reminders:", "5 stand-up reminders this week:"
    )


def test_with_no_reminder_events_the_report_leaves_the_section_out(
    database: Database, history: HistoryController, tmp_path: Path
) -> None:
    history.refresh()
    assert reminders(history) == ""
    target = tmp_path / "report.pdf"
    write_report(target, history.report_content())
    text = pdf_text(target)
    assert "Back pain and exercise report" in text
    assert REMINDERS not in text
    assert "stand-up" not in text.lower()


def test_the_report_counts_its_period_and_the_line_counts_this_week(
    database: Database, clock: FakeClock, history: HistoryController
) -> None:
    def card(when: datetime, action: ReminderAction, detail: str) -> None:
        database.add_reminder_event(
            ReminderLogEntry(recorded_at=when, action=action, detail=detail)
        )

    last_week = MONDAY_9 - timedelta(days=3)  # Friday
    card(last_week, ReminderAction.SHOWN, "stand_up")
    card(last_week, ReminderAction.SKIPPED, "in_pain")
    long_ago = MONDAY_9 - timedelta(days=100)  # before the three months shown
    card(long_ago, ReminderAction.SHOWN, "stand_up")
    card(long_ago, ReminderAction.BREAK_STARTED, "")
    card(MONDAY_9, ReminderAction.SHOWN, "stand_up")
    card(MONDAY_9, ReminderAction.BREAK_STARTED, "")

    history.refresh()
    view = history.parent()
    assert isinstance(view, HistoryView)
    assert view.reminder_line.text() == "1 stand-up reminder this week: 1 led to a desk break."
    assert reminders(history, ReportPeriod.THREE_MONTHS) == (
        "2 stand-up reminders: 1 led to a desk break and 1 was skipped because of pain."
    )
    # A year reaches the one 100 days ago.
    assert reminders(history, ReportPeriod.TWELVE_MONTHS).startswith("3 stand-up reminders: 2 led")
