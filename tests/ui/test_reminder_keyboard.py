"""A reminder card answered without a mouse: it never takes the keyboard by itself, takes it
when the person asks (a click on it, the tray), and its notification carries its answers."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QSystemTrayIcon
from pytestqt.qtbot import QtBot

from spinecoach.app import Application, build
from spinecoach.app.tray_and_reminders import TrayAndReminders
from spinecoach.core.clock import FakeClock
from spinecoach.core.records import ReminderAction
from spinecoach.core.reminder_service import Delivery, DeliveryKind
from spinecoach.desktop.notifications import DesktopNotifications
from tests.fakes import RecordingCues, ScriptedPrompts, SettableIdle, SettableInterruption

MONDAY_9 = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)


class FakeNotifications(DesktopNotifications):
    """Records what would go to the desktop; `shows` False plays a desktop without buttons."""

    def __init__(self, *, shows: bool = True) -> None:
        super().__init__()
        self.shows = shows
        self.shown: list[tuple[str, str, tuple[tuple[str, str], ...]]] = []
        self.withdrawn = 0

    def show(self, title: str, text: str, actions: Sequence[tuple[str, str]]) -> bool:
        self.shown.append((title, text, tuple(actions)))
        return self.shows

    def withdraw(self) -> None:
        self.withdrawn += 1

    def close(self) -> None:
        pass


class Card:
    def __init__(self, qtbot: QtBot, data_dir: Path, notes: FakeNotifications) -> None:
        self.clock = FakeClock(MONDAY_9)
        self.app: Application = build(
            data_dir, self.clock, prompts=ScriptedPrompts(), cues=RecordingCues()
        )
        qtbot.addWidget(self.app.window)
        self.app.window.show()
        self.app.window.activateWindow()
        qtbot.waitUntil(lambda: QApplication.activeWindow() is self.app.window, timeout=3000)
        self.notes = notes
        self.reminders: TrayAndReminders = self.app.start_background(
            idle=SettableIdle(clock=self.clock),
            interruptions=SettableInterruption(),
            autostart=None,
            tray_available=True,
            notifications=notes,
        )
        self.controller = self.reminders.controller
        self.popup = self.reminders.popup
        self.plain: list[tuple[str, str]] = []
        self.controller.notification.connect(lambda title, text: self.plain.append((title, text)))

    def until_card(self) -> None:
        for _ in range(200):
            if self.popup.isVisible():
                return
            wait = self.controller.service.seconds_until_wake()
            assert wait is not None
            self.clock.advance(wait)
            self.controller.wake()
        pytest.fail("no card came")

    def logged(self) -> list[tuple[ReminderAction, str]]:
        events = self.app.database.reminder_events(MONDAY_9, MONDAY_9 + timedelta(days=1))
        return [(event.action, event.detail) for event in events]

    def close(self) -> None:
        if self.app.session_area.is_built and self.app.player.is_active():
            self.app.player.stop()
        self.reminders.stop()
        self.app.window.close()
        self.app.database.close()


@pytest.fixture
def card(qtbot: QtBot, data_dir: Path) -> Iterator[Card]:
    running = Card(qtbot, data_dir, FakeNotifications())
    yield running
    running.close()


def test_the_card_leaves_the_keyboard_alone_until_asked(qtbot: QtBot, card: Card) -> None:
    focus = QApplication.focusWidget()
    card.until_card()
    assert not card.popup.isActiveWindow()
    assert QApplication.focusWidget() is focus
    assert not card.popup.takes_keyboard()
    assert card.controller.focus_card()
    qtbot.waitUntil(card.popup.isActiveWindow, timeout=3000)
    assert QApplication.focusWidget() is card.popup.start_button
    # Answered, the next card again leaves the keyboard where it is.
    QTest.keyClick(card.popup.start_button, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is card.popup.snooze_button
    QTest.keyClick(card.popup.snooze_button, Qt.Key.Key_Return)  # snooze 5 minutes
    assert not card.popup.isVisible()
    card.popup.show_delivery(Delivery(DeliveryKind.STAND_UP, card.clock.now(), 30), 3)
    assert not card.popup.takes_keyboard()
    assert (ReminderAction.SNOOZED, "5") in card.logged()


def test_esc_closes_a_card_that_has_the_keyboard(qtbot: QtBot, card: Card) -> None:
    card.until_card()
    card.controller.focus_card()
    qtbot.waitUntil(card.popup.isActiveWindow, timeout=3000)
    QTest.keyClick(QApplication.focusWidget() or card.popup, Qt.Key.Key_Escape)
    assert not card.popup.isVisible()
    assert card.logged()[-1] == (ReminderAction.DISMISSED, "")


def test_a_click_on_the_card_gives_it_the_keyboard(qtbot: QtBot, card: Card) -> None:
    card.until_card()
    qtbot.mouseClick(card.popup.message, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(card.popup.isActiveWindow, timeout=3000)
    assert QApplication.focusWidget() is card.popup.start_button
    assert card.popup.isVisible()  # a click on the text answers nothing


def test_the_tray_offers_the_card_while_one_is_up(card: Card) -> None:
    tray = card.reminders.tray
    assert tray is not None
    answer = tray.action("trayAnswerCard")
    opened: list[str] = []
    tray.open_requested.connect(lambda: opened.append("window"))
    assert not answer.isVisible()
    tray.tray.activated.emit(QSystemTrayIcon.ActivationReason.Trigger)
    assert opened == ["window"]
    card.until_card()
    assert answer.isVisible()
    tray.tray.activated.emit(QSystemTrayIcon.ActivationReason.Trigger)
    assert opened == ["window"]  # the icon now answers the card
    assert card.popup.takes_keyboard()


def test_the_notification_carries_the_cards_answers(card: Card) -> None:
    card.until_card()
    [(title, text, buttons)] = card.notes.shown
    assert title == card.popup.title.text()
    assert text == card.popup.message.text()
    assert buttons == (
        ("default", "Answer"),
        ("desk-break", "Start desk break"),
        ("snooze", "Snooze 5 min"),
        ("skip", "Skip"),
    )
    assert card.plain == []  # one notification, not two


@pytest.mark.parametrize(
    ("key", "logged"),
    [
        ("desk-break", (ReminderAction.BREAK_STARTED, "")),
        ("snooze", (ReminderAction.SNOOZED, "5")),
        ("skip", (ReminderAction.SKIPPED, "")),
    ],
)
def test_a_notification_button_answers_the_card(
    card: Card, key: str, logged: tuple[ReminderAction, str]
) -> None:
    breaks: list[str] = []
    card.controller.desk_break_requested.connect(lambda: breaks.append("break"))
    card.until_card()
    withdrawn = card.notes.withdrawn
    card.controller.answer_from_notification(key)
    assert not card.popup.isVisible()
    assert card.logged()[-1] == logged
    assert breaks == (["break"] if key == "desk-break" else [])
    assert card.notes.withdrawn > withdrawn  # its notification goes with it


def test_clicking_the_notification_gives_the_card_the_keyboard(qtbot: QtBot, card: Card) -> None:
    card.until_card()
    card.controller.answer_from_notification("default")
    qtbot.waitUntil(card.popup.isActiveWindow, timeout=3000)
    assert QApplication.focusWidget() is card.popup.start_button


def test_a_notification_answered_on_the_card_is_out_of_date(card: Card) -> None:
    card.until_card()
    card.popup.skip_button.click()
    before = card.logged()
    card.controller.answer_from_notification("desk-break")
    assert card.logged() == before
    assert card.notes.withdrawn >= 1


def test_the_daily_card_offers_its_own_answers(card: Card) -> None:
    daily = Delivery(DeliveryKind.DAILY_EXERCISE, card.clock.now(), 0)
    card.popup.show_delivery(daily, 3)
    assert card.controller._buttons(daily) == [
        ("default", "Answer"),
        ("library", "Choose a routine"),
        ("not-today", "Not today"),
    ]
    library: list[str] = []
    card.controller.library_requested.connect(lambda: library.append("library"))
    card.controller.answer_from_notification("library")
    assert library == ["library"]
    assert not card.popup.isVisible()


def test_without_buttons_on_the_desktop_the_card_comes_alone(qtbot: QtBot, data_dir: Path) -> None:
    """Issue 15: the card and the tray's balloon with the same words came at once."""
    plain = Card(qtbot, data_dir, FakeNotifications(shows=False))
    try:
        plain.until_card()
        assert plain.popup.isVisible()
        assert plain.plain == []  # one or the other: the card
    finally:
        plain.close()


def test_no_desktop_notifications_on_a_platform_without_a_desktop(qtbot: QtBot) -> None:
    from PySide6.QtCore import QObject

    from spinecoach.app.tray_wiring import desktop_notifications

    assert QApplication.platformName() == "offscreen"
    assert desktop_notifications(QObject()) is None  # tests never reach a real desktop
