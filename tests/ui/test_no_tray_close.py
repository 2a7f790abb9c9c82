"""Closing the window on a desktop without a tray (stock GNOME): said once, then as chosen.

Before issue 15 closing quit silently and the reminders stopped with it.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton
from pytestqt.qtbot import QtBot

from spinecoach.app import Application, build
from spinecoach.core import settings as keys
from spinecoach.core.clock import FakeClock
from spinecoach.core.presence import Unavailable
from spinecoach.storage.state_file import StateFile, state_file_path
from tests.fakes import RecordingCues, ScriptedPrompts
from tests.ui.accessibility import unnamed

MONDAY_9 = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)


@pytest.fixture
def app(qtbot: QtBot, data_dir: Path) -> Iterator[Application]:
    application = build(
        data_dir, FakeClock(MONDAY_9), prompts=ScriptedPrompts(), cues=RecordingCues()
    )
    qtbot.addWidget(application.window)
    nothing = Unavailable("none", "tests")
    application.start_background(
        idle=nothing, interruptions=nothing, autostart=None, tray_available=False
    )
    application.window.show()
    yield application
    if application.reminders is not None:
        application.reminders.stop()
    application.window.close()
    application.database.close()


def question(app: Application) -> QMessageBox:
    """The question the close opened (it does not block: the close returns at once)."""
    QApplication.processEvents()
    box = app.window.findChild(QMessageBox, "noTrayCloseQuestion")
    assert isinstance(box, QMessageBox) and box.isVisible()
    return box


def press(box: QMessageBox, name: str) -> None:
    button = box.findChild(QPushButton, name)
    assert button is not None
    button.click()
    QApplication.processEvents()


def test_the_first_close_asks_and_minimise_keeps_the_reminders(
    app: Application, data_dir: Path
) -> None:
    window = app.window
    assert not window.close()  # refused for now: the person is asked
    box = question(app)
    assert box.windowTitle() == "Keep the reminders?"
    assert box.text() == (
        "There is no tray on this desktop: closing SpineCoach stops the reminders. Minimise "
        "instead to keep them."
    )
    assert sorted(b.text().replace("&", "") for b in box.buttons()) == [
        "Cancel",
        "Minimise",
        "Quit",
    ]
    assert unnamed(box) == []
    assert not window.close()  # a second close while asked: the same question, once
    assert len(window.findChildren(QMessageBox, "noTrayCloseQuestion")) == 1
    press(box, "noTrayMinimise")
    assert window.isMinimized()
    assert app.reminders is not None and app.reminders.controller.timer.isActive()
    # Remembered in the state file: the next close minimises without asking.
    assert StateFile.load(state_file_path(data_dir)).get(keys.NO_TRAY_CLOSE) == "minimise"
    window.showNormal()
    assert not window.close()
    QApplication.processEvents()
    assert window.isMinimized()
    assert window.findChild(QMessageBox, "noTrayCloseQuestion") is None


def test_quit_is_remembered_and_later_closes_quit_without_asking(app: Application) -> None:
    assert not app.window.close()
    press(question(app), "noTrayQuit")
    assert not app.window.isVisible()  # closed: SpineCoach quits
    assert app.settings.get(keys.NO_TRAY_CLOSE) == "quit"
    app.window.show()
    assert app.window.close()  # no question this time
    assert app.window.findChild(QMessageBox, "noTrayCloseQuestion") is None


def test_esc_keeps_the_window_open_and_asks_again_next_time(app: Application) -> None:
    assert not app.window.close()
    question(app).reject()  # Esc, or Cancel
    QApplication.processEvents()
    assert app.window.isVisible() and not app.window.isMinimized()
    assert app.settings.get(keys.NO_TRAY_CLOSE) == "ask"
    assert not app.window.close()
    question(app).reject()


def test_with_no_reminder_on_closing_just_closes(app: Application) -> None:
    app.settings.set(keys.REMINDERS_ENABLED, False)
    app.settings.set(keys.DAILY_REMINDER_TIME, "")
    assert app.window.close()
    assert app.settings.get(keys.NO_TRAY_CLOSE) == "ask"


def test_file_quit_always_quits(app: Application) -> None:
    quitting: list[bool] = []
    app.window.quit_requested.connect(lambda: quitting.append(True))
    quit_action = app.window.findChild(QAction, "quitAction")
    assert quit_action is not None
    quit_action.trigger()
    assert quitting == [True]
    assert not app.window.isVisible()
