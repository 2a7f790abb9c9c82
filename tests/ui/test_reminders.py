"""Stand-up reminders in the running app, driven by the fake clock.

`wake()` plays the part of the reminder timer: the test moves the fake clock by exactly the time
the controller armed its timer for, then calls what the timer's timeout would.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QLabel, QMenu
from pytestqt.qtbot import QtBot

from spinecoach.app import build
from spinecoach.app.person_dialogs import settings_dialog
from spinecoach.app.tray_and_reminders import TrayAndReminders
from spinecoach.core.clock import FakeClock
from spinecoach.core.records import ReminderAction
from spinecoach.core.reminder_service import MAX_SLEEP_SECONDS
from tests.fakes import (
    RecordingAutostart,
    RecordingCues,
    ScriptedPrompts,
    SettableIdle,
    SettableInterruption,
)
from tests.ui.reading import all_red_flag_groups, shown_red_flags

MONDAY_9 = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)


class Harness:
    """The app with its background parts on fakes, and a way to let time pass."""

    def __init__(self, qtbot: QtBot, data_dir: Path, tray: bool) -> None:
        self.clock = FakeClock(MONDAY_9)
        self.app = build(data_dir, self.clock, prompts=ScriptedPrompts(), cues=RecordingCues())
        qtbot.addWidget(self.app.window)
        self.idle = SettableIdle(clock=self.clock)
        self.busy = SettableInterruption()
        self.autostart = RecordingAutostart()
        self.reminders: TrayAndReminders = self.app.start_background(
            idle=self.idle,
            interruptions=self.busy,
            autostart=self.autostart,
            tray_available=tray,
        )
        self.controller = self.reminders.controller
        self.popup = self.reminders.popup
        self.notes: list[tuple[str, str]] = []
        self.controller.notification.connect(lambda title, text: self.notes.append((title, text)))
        self.in_pain = 0
        self.controller.in_pain.connect(self._count_in_pain)

    def _count_in_pain(self) -> None:
        self.in_pain += 1

    def wake(self) -> None:
        """Let the armed timer's time pass and fire it."""
        assert self.controller.timer.isActive()
        wait = self.controller.service.seconds_until_wake()
        assert wait is not None
        assert wait <= MAX_SLEEP_SECONDS
        self.clock.advance(wait)
        self.controller.wake()

    def run_until(self, hour: int, minute: int, second: int = 0) -> None:
        """Fire the timer until the fake clock reaches the given time on that Monday."""
        target = MONDAY_9.replace(hour=hour, minute=minute, second=second)
        while (
            self.clock.now() + timedelta(seconds=self.controller.service.seconds_until_wake() or 0)
            <= target
        ):
            self.wake()

    def logged(self) -> list[tuple[ReminderAction, str]]:
        entries = self.app.database.reminder_events(MONDAY_9, MONDAY_9 + timedelta(days=1))
        return [(entry.action, entry.detail) for entry in entries]

    def close(self) -> None:
        if self.app.session_area.is_built and self.app.player.is_active():
            self.app.player.stop()
        self.reminders.stop()
        self.app.window.close()
        self.app.database.close()


@pytest.fixture
def harness(qtbot: QtBot, data_dir: Path) -> Iterator[Harness]:
    running = Harness(qtbot, data_dir, tray=False)
    yield running
    running.close()


@pytest.fixture
def tray_harness(qtbot: QtBot, data_dir: Path) -> Iterator[Harness]:
    running = Harness(qtbot, data_dir, tray=True)
    yield running
    running.close()


def test_reminder_fires_at_thirty_minutes_within_working_hours(harness: Harness) -> None:
    # Coarse timers fire early and then spin on the last few ms (benchmarks/idle_tray.py).
    assert harness.controller.timer.timerType() == Qt.TimerType.PreciseTimer
    harness.run_until(9, 29, 59)
    assert not harness.popup.isVisible()
    harness.run_until(9, 30)
    assert harness.popup.isVisible()
    assert harness.popup.title.text() == "Time to stand up"
    assert "sitting for 30 minutes" in harness.popup.message.text()
    assert harness.logged() == [(ReminderAction.SHOWN, "stand_up")]
    # The card, and not also the tray's balloon with the same words (issue 15).
    assert harness.notes == []


def test_the_card_comes_without_the_trays_balloon(tray_harness: Harness) -> None:
    tray = tray_harness.reminders.tray
    assert tray is not None
    balloons: list[tuple[str, str]] = []
    tray.message = lambda title, text: balloons.append((title, text))  # type: ignore[method-assign]
    tray_harness.run_until(9, 30)
    assert tray_harness.popup.isVisible()
    assert balloons == []
    assert tray_harness.notes == []


def test_the_popup_does_not_take_the_keyboard(harness: Harness) -> None:
    popup = harness.popup
    assert popup.testAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating)
    assert popup.windowFlags() & Qt.WindowType.WindowDoesNotAcceptFocus
    assert popup.windowFlags() & Qt.WindowType.WindowStaysOnTopHint
    harness.run_until(9, 30)
    # Shown, it still refuses the keyboard; its buttons are reachable once the person asks
    # (tests/ui/test_keyboard_journey.py).
    assert popup.windowFlags() & Qt.WindowType.WindowDoesNotAcceptFocus
    assert not popup.isActiveWindow()
    assert popup.start_button.focusPolicy() == Qt.FocusPolicy.StrongFocus


def test_the_popup_sits_in_the_corner_of_the_screen_with_the_mouse(harness: Harness) -> None:
    harness.run_until(9, 30)
    popup = harness.popup
    area = popup.screen().availableGeometry()
    frame = popup.geometry()
    assert area.contains(frame)
    assert area.right() - frame.right() < 40
    assert area.bottom() - frame.bottom() < 40


def test_snooze_moves_the_reminder_by_five_minutes(qtbot: QtBot, harness: Harness) -> None:
    harness.run_until(9, 30)
    qtbot.mouseClick(harness.popup.snooze_button, Qt.MouseButton.LeftButton)
    assert not harness.popup.isVisible()
    assert harness.controller.service.status_text().startswith("Next stand-up reminder at 09:35")
    harness.run_until(9, 34, 59)
    assert not harness.popup.isVisible()
    harness.run_until(9, 35)
    assert harness.popup.isVisible()
    assert "sitting for 35 minutes" in harness.popup.message.text()
    assert (ReminderAction.SNOOZED, "5") in harness.logged()


def test_a_fourth_snooze_is_refused_and_the_card_says_why(harness: Harness) -> None:
    harness.run_until(9, 30)
    for _ in range(3):
        harness.popup.snooze_requested.emit(5)
        harness.wake()
        while not harness.popup.isVisible():
            harness.wake()
    assert not harness.popup.snooze_button.isEnabled()  # no snoozes left
    harness.popup.snooze_requested.emit(5)
    assert harness.popup.isVisible()
    assert "snoozed three times" in harness.popup.notice.text()
    assert harness.logged()[-1] == (ReminderAction.SNOOZE_REFUSED, "5")


def test_a_full_screen_window_defers_the_reminder(harness: Harness) -> None:
    harness.busy.busy = "a full-screen window"
    harness.run_until(9, 45)
    assert not harness.popup.isVisible()
    assert harness.controller.service.status_text() == (
        "A reminder is held during a full-screen window"
    )
    harness.busy.busy = None
    harness.wake()  # the next look, at most 30 s later
    assert harness.popup.isVisible()
    # Due at 09:30, let go at the first look after 09:45: the card says from when to when.
    assert "(Held during a full-screen window, 09:30–09:45.)" in harness.popup.message.text()
    assert harness.logged() == [
        (ReminderAction.SHOWN, "stand_up, waited for a full-screen window 09:30-09:45")
    ]


def test_start_desk_break_opens_the_player_on_the_desk_break(
    qtbot: QtBot, harness: Harness
) -> None:
    harness.run_until(9, 30)
    qtbot.mouseClick(harness.popup.start_button, Qt.MouseButton.LeftButton)
    app = harness.app
    assert not harness.popup.isVisible()
    assert app.window.current_area() == "session"
    assert app.player.is_active()
    session_id = app.player.session_id
    assert session_id is not None
    assert app.database.session(session_id).routine_id == "desk-break"
    assert harness.controller.service.status_text() == "Reminders wait while you exercise"
    assert (ReminderAction.BREAK_STARTED, "") in harness.logged()
    app.player.stop()
    assert harness.controller.service.schedule.sitting_minutes() == 0


def test_time_away_restarts_the_interval_and_closes_the_card(harness: Harness) -> None:
    harness.run_until(9, 30)
    assert harness.popup.isVisible()
    harness.idle.away_since = harness.clock.monotonic()  # they got up
    harness.run_until(9, 36)
    harness.idle.away_since = None  # and came back
    harness.wake()
    assert not harness.popup.isVisible()
    assert harness.controller.service.schedule.sitting_minutes() == 0
    assert (ReminderAction.DISMISSED, "back from a break") in harness.logged()


def test_skipping_in_pain_logs_the_reason_and_gives_advice(qtbot: QtBot, harness: Harness) -> None:
    harness.run_until(9, 30)
    menu = harness.popup.skip_button.menu()
    assert isinstance(menu, QMenu)
    [action] = [a for a in menu.actions() if a.objectName() == "skip_in_pain"]
    action.trigger()
    assert not harness.popup.isVisible()
    assert harness.logged()[-1] == (ReminderAction.SKIPPED, "in_pain")
    assert harness.in_pain == 1
    dialog = harness.reminders.in_pain_dialog
    assert dialog is not None and dialog.isVisible()
    shown = shown_red_flags(dialog, "inPainRedFlags")
    assert shown == all_red_flag_groups()
    advice = dialog.findChild(QLabel, "inPainAdvice0")
    assert advice is not None and advice.text().startswith("•  Keep moving gently")


def test_no_reminder_outside_working_hours(harness: Harness) -> None:
    harness.clock.set_wall(MONDAY_9.replace(hour=18, minute=1))
    harness.controller.wake()
    harness.run_until(23, 0)
    assert not harness.popup.isVisible()
    assert harness.logged() == []


def test_settings_reach_the_running_reminders(harness: Harness) -> None:
    harness.app.settings.set("reminder_interval_minutes", 45)
    assert harness.controller.service.status_text().startswith("Next stand-up reminder at 09:45")
    harness.app.settings.set("snooze_minutes", 10)
    assert harness.popup.snooze_button.text() == "Snooze 10 min"
    harness.app.settings.set("reminders_enabled", False)  # as the dialog does: the store announces
    assert not harness.controller.timer.isActive()
    harness.app.settings.set("start_on_login", True)
    assert harness.autostart.command is not None
    assert harness.autostart.command[-1] == "--minimised"
    assert "--data-dir" in harness.autostart.command


def test_tray_menu_pauses_resumes_and_says_when(tray_harness: Harness) -> None:
    tray = tray_harness.reminders.tray
    assert tray is not None
    assert tray.status_action.text() == "Next stand-up reminder at 09:30 (in 30 min)"
    assert "09:30" in tray.tray.toolTip()
    tray.action("trayPause_hour").trigger()
    assert tray.status_action.text() == "Reminders paused until 10:00"
    assert tray.resume_action.isVisible()
    assert not tray.pause_menu.menuAction().isVisible()
    tray.action("trayResume").trigger()
    assert tray.status_action.text().startswith("Next stand-up reminder at 09:30")


def test_closing_the_window_keeps_running_in_the_tray(qtbot: QtBot, tray_harness: Harness) -> None:
    window = tray_harness.app.window
    window.show()
    qtbot.waitExposed(window)
    window.close()
    assert not window.isVisible()
    assert tray_harness.app.settings.get("close_to_tray_explained") is True
    assert tray_harness.controller.timer.isActive()  # reminders go on
    tray = tray_harness.reminders.tray
    assert tray is not None
    tray.action("trayOpen").trigger()
    assert window.isVisible()
    tray.action("trayStartBreak").trigger()
    assert tray_harness.app.player.is_active()


def test_quitting_from_the_tray_mid_session_ends_it_properly(tray_harness: Harness) -> None:
    app = tray_harness.app
    assert app.start_desk_break()
    session_id = app.player.session_id
    assert session_id is not None
    tray = tray_harness.reminders.tray
    assert tray is not None
    tray.action("trayQuit").trigger()
    assert app.database.session(session_id).status.value == "stopped"
    assert not tray_harness.controller.timer.isActive()
    assert not app.window.keep_running_on_close


def test_what_this_desktop_cannot_do_is_greyed_out_with_the_reason(
    qtbot: QtBot, data_dir: Path
) -> None:
    from spinecoach.core.presence import Unavailable

    clock = FakeClock(MONDAY_9)
    app = build(data_dir, clock, prompts=ScriptedPrompts(), cues=RecordingCues())
    qtbot.addWidget(app.window)
    idle = Unavailable("idle time", "this desktop does not report idle time")
    background = app.start_background(
        idle=idle, interruptions=SettableInterruption(), autostart=None, tray_available=False
    )
    try:
        dialog = settings_dialog(app)
        qtbot.addWidget(dialog)
        assert not dialog.control("idle_detection").isEnabled()
        note = dialog.forms["Reminders"].notes["idle_detection"]
        assert note.text() == "this desktop does not report idle time"
        assert dialog.control("defer_when_busy").isEnabled()
        assert not dialog.control("start_minimised").isEnabled()  # no tray to start into
        # Reminders fall back to plain time.
        clock.advance(30 * 60)
        background.controller.wake()
        assert background.popup.isVisible()
    finally:
        background.stop()
        app.window.close()
        app.database.close()


def test_start_on_login_shows_what_the_system_says(qtbot: QtBot, harness: Harness) -> None:
    harness.autostart.enable(["spinecoach", "--minimised"])  # written outside SpineCoach
    dialog = settings_dialog(harness.app, "General")
    qtbot.addWidget(dialog)
    box = dialog.control("start_on_login")
    assert isinstance(box, QCheckBox)
    assert box.isChecked()
    box.setChecked(False)
    assert not harness.autostart.is_enabled()


def test_the_daily_exercise_reminder_wins_when_both_fall_due(harness: Harness) -> None:
    harness.app.settings.set("daily_reminder_time", "09:30")
    harness.run_until(9, 30)
    popup = harness.popup
    assert popup.title.text() == "Time for today's exercises"
    assert popup.start_button.isVisible()  # the desk break is still one click away
    assert popup.library_button.isVisible()
    assert not popup.snooze_button.isVisible()
    popup.library_button.click()
    assert harness.app.window.current_area() == "library"
    harness.run_until(10, 0)
    assert popup.title.text() == "Time to stand up"  # the next one is a plain stand-up


def test_started_in_the_tray_the_window_is_complete_when_first_opened(
    qtbot: QtBot, data_dir: Path
) -> None:
    from spinecoach.app import compose, start_running

    first = build(data_dir, FakeClock(MONDAY_9), prompts=ScriptedPrompts(), cues=RecordingCues())
    first.settings.set("safety_acknowledged", True)
    first.window.close()
    first.database.close()
    # As main() starts it: the data file is opened once the tray starts, not before.
    app = compose(data_dir, FakeClock(MONDAY_9), prompts=ScriptedPrompts(), cues=RecordingCues())
    start_running(app, minimised=True, tray_available=True)
    assert not app.storage_is_open
    qtbot.waitUntil(lambda: app.reminders is not None)
    try:
        assert app.storage_is_open
        # Issue 18: nothing built for a window nobody sees, not even the window (~5 MB).
        assert not app.main_window.is_built
        assert not app.library_area.is_built
        assert app.reminders.tray is not None
        app.reminders.tray.open_requested.emit()  # "Open SpineCoach" from the tray
        qtbot.addWidget(app.window)
        assert app.window.isVisible()
        qtbot.waitUntil(lambda: app.library_area.is_built)
        assert app.library_pane.visible_ids()
        assert app.window.keep_running_on_close  # closing it hides it to the tray
    finally:
        app.shut_down()
        app.window.close()


def test_started_in_the_tray_the_daily_reminder_follows_the_programme_without_the_library(
    qtbot: QtBot, data_dir: Path
) -> None:
    from datetime import UTC, datetime

    from spinecoach.app import compose, start_running
    from spinecoach.core.reminders import DailyTarget

    example = Path(__file__).parents[2] / "docs" / "examples" / "lower-back.programme.toml"
    first = build(data_dir, FakeClock(MONDAY_9), prompts=ScriptedPrompts(), cues=RecordingCues())
    first.settings.set("safety_acknowledged", True)
    first.database.save_programme(
        "lower-back", "Lower back", "Sam Lee", example.read_text("utf-8"), example.name,
        datetime(2025, 3, 3, 9, 0, tzinfo=UTC),
    )  # fmt: skip
    first.window.close()
    first.database.close()

    app = compose(data_dir, FakeClock(MONDAY_9), prompts=ScriptedPrompts(), cues=RecordingCues())
    start_running(app, minimised=True, tray_available=True)
    qtbot.waitUntil(lambda: app.reminders is not None)
    assert app.reminders is not None
    try:
        # Once and 3 times a day (and 5 a week, which daily reminders cover): 4 a day.
        assert app.reminders.service.schedule.daily_target == DailyTarget(4)
        assert app._library is None  # issue 18: the exercise library is not kept all day
        app.routine_book.reload()  # the window opened: the full reading now decides, alike
        assert app._library is not None
        assert app.reminders.service.schedule.daily_target == DailyTarget(4)
    finally:
        app.shut_down()


def test_in_pain_offers_log_pain_now_and_it_records_a_check_in(
    qtbot: QtBot, harness: Harness
) -> None:
    """Issue 15: "Skip > I'm in pain" should offer "Log pain now"; it does, and it works."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QPushButton

    from spinecoach.core.records import PainContext
    from spinecoach.ui.care.pain_dialog import PainDialog

    harness.run_until(9, 30)
    menu = harness.popup.skip_button.menu()
    assert isinstance(menu, QMenu)
    [in_pain] = [a for a in menu.actions() if a.objectName() == "skip_in_pain"]
    in_pain.trigger()
    dialog = harness.reminders.in_pain_dialog
    assert dialog is not None
    qtbot.waitUntil(dialog.isVisible, timeout=1000)
    log_pain = dialog.findChild(QPushButton, "inPainLogPain")
    assert log_pain is not None and log_pain.isVisible() and log_pain.isEnabled()
    assert log_pain.text() == "Log pain now…"
    asked: list[str] = []

    def answer() -> None:
        question = QApplication.activeModalWidget()
        assert isinstance(question, PainDialog)
        asked.append(question.windowTitle())
        question.choose(6)
        question.note.setText("skipped a reminder")
        question.save_button.click()

    QTimer.singleShot(0, answer)
    log_pain.click()
    assert asked == ["Pain check-in"]
    assert not dialog.isVisible()  # the advice closes once the score is asked for
    assert harness.app.window.current_area() == "history"
    entries = harness.app.database.pain_entries(MONDAY_9, MONDAY_9 + timedelta(days=1))
    assert [(e.score, e.context, e.note) for e in entries] == [
        (6, PainContext.CHECK_IN, "skipped a reminder")
    ]
