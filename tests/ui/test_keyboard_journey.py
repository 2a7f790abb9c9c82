"""A whole session and its aftermath with the keyboard only, through the real dialogs.

Every step is a key pressed where the keyboard focus is (or, for a window shortcut, anywhere in
the window), as a person without a mouse would: the Library, a routine started, the pain
question before, pause, skip, "This hurts", stop, the pain question after, History, a pain
check-in and a reminder card. Modal dialogs are answered by keys too, from a callback that waits
(event-driven, no sleeping) for the dialog to be the active modal window.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLabel, QMenu, QMessageBox, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from spinecoach.app import Application, build
from spinecoach.app.tray_and_reminders import TrayAndReminders
from spinecoach.core.clock import FakeClock
from spinecoach.core.records import PainContext, ReminderAction
from spinecoach.core.session import EngineState
from spinecoach.core.timeline import PhaseKind
from spinecoach.ui.care.hurts_dialog import DirectionsQuestion, HurtsDialog
from spinecoach.ui.care.pain_dialog import PainDialog
from spinecoach.ui.care.progression_dialog import ProgressionSuggestionDialog
from tests.fakes import RecordingCues, SettableIdle, SettableInterruption

MONDAY_9 = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
DAY = (MONDAY_9 - timedelta(hours=12), MONDAY_9 + timedelta(hours=12))
Key = Qt.Key
NO_MODIFIER = Qt.KeyboardModifier.NoModifier
CONTROL = Qt.KeyboardModifier.ControlModifier
MAX_TABS = 40  # more Tab presses than any screen here has stops


@dataclass
class Journey:
    app: Application
    clock: FakeClock
    reminders: TrayAndReminders
    qtbot: QtBot

    @property
    def window(self) -> QWidget:
        return self.app.window

    def press(self, key: Key, modifiers: Qt.KeyboardModifier = NO_MODIFIER) -> None:
        """One key, where the keyboard is: the focused widget (else the active window)."""
        target = QApplication.focusWidget() or QApplication.activeWindow()
        assert target is not None, "the keyboard is nowhere"
        QTest.keyClick(target, key, modifiers)

    def type(self, text: str) -> None:
        target = QApplication.focusWidget()
        assert target is not None
        QTest.keyClicks(target, text)

    def tab_to(self, wanted: Callable[[QWidget], bool], what: str) -> QWidget:
        """Press Tab until the focus is on what `wanted` picks, as a person would."""
        for _ in range(MAX_TABS):
            focus = QApplication.focusWidget()
            if focus is not None and wanted(focus):
                return focus
            self.press(Key.Key_Tab)
        pytest.fail(f"Tab never reached {what}")

    def back_in_the_window(self) -> None:
        """A dialog closed: the window manager gives the window the keyboard back."""
        if QApplication.activeWindow() is not self.window:
            self.window.activateWindow()
        self.qtbot.waitUntil(lambda: QApplication.activeWindow() is self.window, timeout=3000)

    def phase(self) -> str:
        label = self.window.findChild(QLabel, "phaseLabel")
        assert label is not None
        return label.text()

    def state(self) -> EngineState:
        engine = self.app.player.engine
        assert engine is not None
        return engine.state


def when_modal(kind: type[QWidget], answer: Callable[[QWidget], None], tries: int = 200) -> None:
    """Run `answer` on the modal dialog of `kind` once it is up and has the keyboard.

    The dialog opens inside the key press that asked for it (its own event loop runs), so the
    answer is queued first and looks again on each turn of that loop until the dialog is the
    active window, where the keys go. A dialog the answer left open is closed and the test
    fails, rather than waiting for ever.
    """

    def look(left: int) -> None:
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, kind) and dialog.isActiveWindow():
            try:
                answer(dialog)
            finally:
                if dialog.isVisible():
                    dialog.close()
                    raise AssertionError(f"the keys left {kind.__name__} open")
        elif left > 0:
            QTimer.singleShot(5, lambda: look(left - 1))
        else:
            raise AssertionError(f"no {kind.__name__} came up with the keyboard")

    QTimer.singleShot(0, lambda: look(tries))


def keys_to(dialog: QWidget, *keys: Key) -> None:
    """Keys pressed in a dialog, each where its focus is."""
    for key in keys:
        target = QApplication.focusWidget() or dialog
        QTest.keyClick(target, key)


@pytest.fixture
def journey(qtbot: QtBot, data_dir: Path) -> Iterator[Journey]:
    clock = FakeClock(MONDAY_9)
    # No scripted prompts: the real dialogs ask, and the keyboard answers them.
    app = build(data_dir, clock, cues=RecordingCues())
    qtbot.addWidget(app.window)
    app.window.resize(1280, 820)
    app.window.show()
    app.window.activateWindow()
    qtbot.waitExposed(app.window)
    qtbot.waitUntil(lambda: QApplication.activeWindow() is app.window, timeout=3000)
    app.build_areas()  # as after the first paint
    qtbot.waitUntil(app.library_pane.isVisible, timeout=3000)
    reminders = app.start_background(
        idle=SettableIdle(clock=clock),
        interruptions=SettableInterruption(),
        autostart=None,
        tray_available=True,
    )
    yield Journey(app, clock, reminders, qtbot)
    engine = app.player.engine if app.session_area.is_built else None
    if engine is not None and engine.state is EngineState.RUNNING:
        app.player.toggle_pause()
    reminders.stop()
    app.window.close()
    app.database.close()


# The offscreen platform cannot grab the keyboard for a popup menu (a real desktop does).
@pytest.mark.qt_log_ignore("This plugin does not support grabbing the keyboard")
def test_a_whole_session_and_after_with_the_keyboard_only(journey: Journey) -> None:
    app, window = journey.app, journey.window
    press = journey.press

    # --- the Library: search, choose, start ------------------------------------------------------
    press(Key.Key_1, CONTROL)
    assert app.window.current_area() == "library"
    press(Key.Key_F, CONTROL)
    assert QApplication.focusWidget() is app.library_pane.search
    journey.type("two-minute")
    pane = app.library_pane
    journey.tab_to(lambda widget: widget is pane.list, "the library list")
    for _ in range(pane.model.rowCount()):
        press(Key.Key_Down)
        if pane.detail.shown is not None and pane.detail.shown.id == "desk-break":
            break
    assert pane.detail.shown is not None and pane.detail.shown.id == "desk-break"

    # --- the pain question before: a digit, then Enter -----------------------------------------
    def before(dialog: QWidget) -> None:
        keys_to(dialog, Key.Key_3, Key.Key_Return)

    when_modal(PainDialog, before)
    press(Key.Key_Return)  # Enter on the list starts what is chosen
    journey.back_in_the_window()
    assert app.window.current_area() == "session"
    assert journey.state() is EngineState.RUNNING
    player = app.session.player
    assert QApplication.focusWidget() is player.play_pause_button  # the focus ring starts here
    [entry] = app.database.pain_entries(*DAY)
    assert (entry.score, entry.context) == (3, PainContext.BEFORE)

    # --- pause, from the focused Pause button: once, never twice; seen and heard ---------------
    assert journey.phase() == "Get ready"
    press(Key.Key_Space)
    assert journey.state() is EngineState.PAUSED
    assert player.play_pause_button.text() == "Resume"
    assert journey.phase() == "Paused"  # large, where the phase word was
    assert "Paused" in app.player.announcer.history[-1]

    # --- skip a part: the arrow works wherever the focus is --------------------------------------
    engine = app.player.engine
    assert engine is not None
    kinds = [engine.phase.kind]
    press(Key.Key_Right)
    kinds.append(engine.phase.kind)
    assert kinds == [PhaseKind.GET_READY, PhaseKind.HOLD]
    assert journey.state() is EngineState.PAUSED  # skipping does not resume
    assert journey.phase() == "Paused"

    # --- "This hurts": H, then the dialog answered by keys --------------------------------------
    def hurts(dialog: QWidget) -> None:
        focus = QApplication.focusWidget()
        assert isinstance(focus, QPushButton) and focus.objectName() == "hurts_skip"
        # A first "This hurts" is followed, once, by the directions question: "Not now" (Esc).
        when_modal(DirectionsQuestion, lambda question: keys_to(question, Key.Key_Escape))
        keys_to(dialog, Key.Key_Return)

    when_modal(HurtsDialog, hurts)
    press(Key.Key_H)
    journey.back_in_the_window()
    session_id = app.player.session_id
    assert session_id is not None
    [hurt] = app.database.hurt_events(session_id)
    assert (hurt.exercise_id, hurt.action) == ("chin-tucks", "skipped")
    assert "Shoulder rolls" in player.exercise_label.text()

    # --- stop: Esc, "End session" by keys, then the pain question after -------------------------
    def after(dialog: QWidget) -> None:
        # "This hurts" on chin tucks: after the session a step back is suggested; Esc declines.
        when_modal(ProgressionSuggestionDialog, lambda box: keys_to(box, Key.Key_Escape))
        keys_to(dialog, Key.Key_2, Key.Key_Return)

    def end_it(box: QWidget) -> None:
        def is_end(widget: QWidget) -> bool:
            text = widget.text().replace("&", "") if isinstance(widget, QPushButton) else ""
            return text == "End session"

        focused = QApplication.focusWidget()
        assert isinstance(focused, QPushButton) and focused.text() == "Keep going"
        for _ in range(MAX_TABS):
            if is_end(QApplication.focusWidget() or box):
                break
            keys_to(box, Key.Key_Tab)
        assert is_end(QApplication.focusWidget() or box)
        when_modal(PainDialog, after)
        keys_to(box, Key.Key_Return)

    when_modal(QMessageBox, end_it)
    press(Key.Key_Escape)
    journey.back_in_the_window()
    assert not app.player.is_active()
    scores = [(e.context, e.score) for e in app.database.pain_entries(*DAY)]
    assert scores == [(PainContext.BEFORE, 3), (PainContext.AFTER, 2)]
    [declined] = app.database.progression_changes(*DAY)
    assert (declined.exercise_id, declined.status.value) == ("chin-tucks", "declined")
    # The summary, its first button in reach; Esc closes it ("Close").
    assert player.is_summary_shown()
    assert QApplication.focusWidget() is player.summary.library_button
    assert not player.hurts_button.isEnabled()
    press(Key.Key_Escape)
    assert app.session.currentWidget() is app.session.idle_page
    assert not app.window.session_action("pause").isEnabled()  # Space is everyone's again

    # --- History: log pain now, Tab to its button, Space presses it -----------------------------
    press(Key.Key_3, CONTROL)
    assert app.window.current_area() == "history"
    history = app.history_area.build()

    def check_in(dialog: QWidget) -> None:
        keys_to(dialog, Key.Key_5, Key.Key_Return)

    journey.tab_to(lambda widget: widget is history.view.check_in_button, "Log pain now")
    when_modal(PainDialog, check_in)
    press(Key.Key_Space)
    journey.back_in_the_window()
    check_ins = [
        e.score for e in app.database.pain_entries(*DAY) if e.context is PainContext.CHECK_IN
    ]
    assert check_ins == [5]

    # --- a reminder card: it leaves the keyboard alone until asked, then answers by keys -------
    answer_a_reminder_card_by_keyboard(journey)
    assert window.isVisible()


def answer_a_reminder_card_by_keyboard(journey: Journey) -> None:
    reminders = journey.reminders
    controller, popup, tray = reminders.controller, reminders.popup, reminders.tray
    assert tray is not None
    for _ in range(200):  # the reminder timer's wakes, on the fake clock
        if popup.isVisible():
            break
        wait = controller.service.seconds_until_wake()
        assert wait is not None
        journey.clock.advance(wait)
        controller.wake()
    assert popup.isVisible()
    focus_before = QApplication.focusWidget()
    assert QApplication.activeWindow() is journey.window  # the card took nothing
    assert focus_before is not None and journey.window.isAncestorOf(focus_before)

    # The tray menu, opened from the keyboard as the desktop does, offers to answer the card.
    answer = tray.action("trayAnswerCard")
    assert answer.isVisible()
    tray.menu.popup(QPoint(40, 40))
    journey.qtbot.waitUntil(tray.menu.isVisible, timeout=3000)
    for _ in range(len(tray.menu.actions())):
        if tray.menu.activeAction() is answer:
            break
        QTest.keyClick(tray.menu, Key.Key_Down)
    assert tray.menu.activeAction() is answer
    QTest.keyClick(tray.menu, Key.Key_Return)
    journey.qtbot.waitUntil(lambda: QApplication.activeWindow() is popup, timeout=3000)
    assert QApplication.focusWidget() is popup.start_button

    # Tab to Snooze; Down opens its choices; Down, Down, Enter: "Snooze 10 minutes".
    QTest.keyClick(popup.start_button, Key.Key_Tab)
    assert QApplication.focusWidget() is popup.snooze_button

    def choose_ten(menu: QWidget) -> None:
        assert isinstance(menu, QMenu)
        for _ in range(len(menu.actions())):
            active = menu.activeAction()
            if active is not None and active.objectName() == "snooze10":
                break
            QTest.keyClick(menu, Key.Key_Down)
        QTest.keyClick(menu, Key.Key_Return)

    def look_for_menu(left: int = 200) -> None:
        menu = QApplication.activePopupWidget()
        if isinstance(menu, QMenu) and menu.objectName() == "reminderSnoozeMenu":
            choose_ten(menu)
        elif left:
            QTimer.singleShot(5, lambda: look_for_menu(left - 1))

    QTimer.singleShot(0, look_for_menu)
    QTest.keyClick(popup.snooze_button, Key.Key_Down)
    assert not popup.isVisible()
    start, end = MONDAY_9, MONDAY_9 + timedelta(days=1)
    logged = [(e.action, e.detail) for e in journey.app.database.reminder_events(start, end)]
    assert logged[-1] == (ReminderAction.SNOOZED, "10")
    assert not answer.isVisible()  # no card, nothing to answer
