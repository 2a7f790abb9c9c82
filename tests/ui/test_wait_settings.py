"""Issue 18's settings: wait during calls, and while one of my apps is in front.

Both are applied at once to the running reminders; a source that cannot work here is greyed
out with its reason; the card that was held says for what and from when to when.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QCheckBox
from pytestqt.qtbot import QtBot

from spinecoach.app import build
from spinecoach.app.composition import Application
from spinecoach.app.person_dialogs import settings_dialog
from spinecoach.app.tray_and_reminders import TrayAndReminders
from spinecoach.core.clock import FakeClock
from spinecoach.core.presence import Unavailable
from spinecoach.ui.shell.app_names_field import AppNamesField, parse_app_names
from tests.fakes import (
    RecordingCues,
    ScriptedPrompts,
    SettableIdle,
    SettableInterruption,
    SettableWindowMatch,
)

MONDAY_9 = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)


class Running:
    def __init__(self, qtbot: QtBot, data_dir: Path, calls_available: bool = True) -> None:
        self.clock = FakeClock(MONDAY_9)
        self.app: Application = build(
            data_dir, self.clock, prompts=ScriptedPrompts(), cues=RecordingCues()
        )
        qtbot.addWidget(self.app.window)
        self.calls = SettableInterruption(name="test calls")
        if not calls_available:
            self.calls.available = False
            self.calls.reason = "no sound server answers (PulseAudio or PipeWire)"
        self.apps = SettableWindowMatch()
        self.reminders: TrayAndReminders = self.app.start_background(
            idle=SettableIdle(clock=self.clock),
            interruptions=SettableInterruption(),
            calls=self.calls,
            apps=self.apps,
            autostart=None,
            tray_available=False,
        )

    def wake_until(self, minutes: float) -> None:
        controller = self.reminders.controller
        while (self.clock.now() - MONDAY_9).total_seconds() / 60 < minutes:
            wait = controller.service.seconds_until_wake()
            assert wait is not None
            self.clock.advance(wait)
            controller.wake()

    def close(self) -> None:
        self.reminders.stop()
        self.app.window.close()
        self.app.database.close()


@pytest.fixture
def running(qtbot: QtBot, data_dir: Path) -> Iterator[Running]:
    app = Running(qtbot, data_dir)
    yield app
    app.close()


def test_a_call_holds_the_card_and_the_card_says_when(running: Running) -> None:
    running.calls.busy = "your call"
    running.wake_until(45)
    assert not running.reminders.popup.isVisible()
    running.calls.busy = None
    running.wake_until(46)
    popup = running.reminders.popup
    assert popup.isVisible()
    assert "(Held during your call, 09:30–09:45.)" in popup.message.text()


def test_turning_calls_off_in_settings_reaches_the_running_reminders(
    qtbot: QtBot, running: Running
) -> None:
    dialog = settings_dialog(running.app)
    qtbot.addWidget(dialog)
    box = dialog.control("wait_during_calls")
    assert isinstance(box, QCheckBox) and box.isChecked() and box.isEnabled()
    box.click()
    assert running.reminders.service.wait_during_calls is False
    running.calls.busy = "your call"
    running.wake_until(31)
    assert running.reminders.popup.isVisible()  # not held: the person said so


def test_typing_app_names_applies_them_at_once(qtbot: QtBot, running: Running) -> None:
    dialog = settings_dialog(running.app)
    qtbot.addWidget(dialog)
    field = dialog.control("wait_for_apps")
    assert isinstance(field, AppNamesField)
    assert field.edit.accessibleName() == "Also wait while one of these is in front"
    field.edit.setFocus()
    qtbot.keyClicks(field.edit, " zoom,teams , Zoom,, Impress ")
    assert running.app.settings.get("wait_for_apps") == ("zoom", "teams", "Impress")
    assert running.apps.patterns == ("zoom", "teams", "Impress")
    field.edit.editingFinished.emit()
    assert field.edit.text() == "zoom, teams, Impress"  # tidied when leaving the field
    running.apps.front = "Zoom Meeting - zoom"
    running.wake_until(40)
    assert not running.reminders.popup.isVisible()
    assert running.reminders.service.waiting_for == "zoom"


def test_a_name_too_long_is_refused_in_words_and_the_list_is_kept(qtbot: QtBot) -> None:
    field = AppNamesField(("zoom",))
    qtbot.addWidget(field)
    kept: list[tuple[str, ...]] = []
    field.value_changed.connect(kept.append)
    field.edit.selectAll()
    QApplication.clipboard().setText("x" * 61)  # pasted: typed, it would be kept at 60
    qtbot.keyClick(field.edit, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert field.error.text() == "A name can be at most 60 characters long."
    assert not field.error.isHidden()
    assert field.names() == ("zoom",) and kept == []
    qtbot.keyClick(field.edit, Qt.Key.Key_Backspace)
    assert field.names() == ("x" * 60,)
    assert field.error.isHidden()


def test_parse_app_names() -> None:
    assert parse_app_names("") == ()
    assert parse_app_names(" , ,") == ()
    assert parse_app_names("Teams, teams,TEAMS, Slack huddle") == ("Teams", "Slack huddle")


def test_what_cannot_work_here_is_greyed_out_with_its_reason(qtbot: QtBot, data_dir: Path) -> None:
    app = Running(qtbot, data_dir, calls_available=False)
    try:
        dialog = settings_dialog(app.app)
        qtbot.addWidget(dialog)
        assert not dialog.control("wait_during_calls").isEnabled()
        note = dialog.forms["Reminders"].notes["wait_during_calls"]
        assert note.text() == "no sound server answers (PulseAudio or PipeWire)"
        assert dialog.control("wait_for_apps").isEnabled()
    finally:
        app.close()


def test_tests_that_bring_their_own_desktop_get_no_real_call_detection(
    qtbot: QtBot, data_dir: Path
) -> None:
    clock = FakeClock(MONDAY_9)
    app = build(data_dir, clock, prompts=ScriptedPrompts(), cues=RecordingCues())
    qtbot.addWidget(app.window)
    reminders = app.start_background(
        idle=SettableIdle(clock=clock), interruptions=SettableInterruption(), tray_available=False
    )
    try:
        assert isinstance(reminders.service.call_source, Unavailable)
    finally:
        reminders.stop()
        app.database.close()


def test_by_keyboard_tab_reaches_both_new_controls_in_order(qtbot: QtBot, running: Running) -> None:
    dialog = settings_dialog(running.app)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    box = dialog.control("wait_during_calls")
    box.setFocus()
    assert box.hasFocus()
    qtbot.keyClick(box, Qt.Key.Key_Space)  # Space toggles it, as any checkbox
    assert running.app.settings.get("wait_during_calls") is False
    qtbot.keyClick(box, Qt.Key.Key_Tab)
    field = dialog.control("wait_for_apps")
    assert isinstance(field, AppNamesField)
    assert field.edit.hasFocus()
    qtbot.keyClicks(field.edit, "teams")
    qtbot.keyClick(field.edit, Qt.Key.Key_Tab)  # leaving it keeps the names, tidied
    assert running.app.settings.get("wait_for_apps") == ("teams",)
