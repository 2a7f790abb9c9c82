"""The dialogs at 100 % and 200 % text: nothing cut off, nothing drawn over anything else.

A dialog known to clip at 200 % is marked `xfail(strict=True)` with where the fix belongs, so
the test starts failing, as a reminder to drop the mark, the day it is fixed. None is now: "This
hurts" and the safety notes wrap their row of buttons (a `WrappingRow`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from spinecoach.app import Application, build
from spinecoach.core.clock import FakeClock
from spinecoach.core.pain import rise_advice
from spinecoach.core.presence import Unavailable
from spinecoach.storage.failures import StorageProblem
from spinecoach.ui.care.advice_dialogs import InPainDialog, PainRiseDialog
from spinecoach.ui.care.hurts_dialog import HurtsDialog
from spinecoach.ui.care.pain_dialog import PainDialog
from spinecoach.ui.care.safety_dialog import SafetyDialog
from spinecoach.ui.shell.storage_dialogs import StorageProblemDialog
from tests.fakes import RecordingCues, ScriptedPrompts
from tests.ui.layout_check import assert_fits


@pytest.fixture
def app(qtbot: QtBot, data_dir: Path) -> Iterator[Application]:
    start = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)  # a Monday, in working hours
    application = build(data_dir, FakeClock(start), prompts=ScriptedPrompts(), cues=RecordingCues())
    qtbot.addWidget(application.window)
    yield application
    if application.reminders is not None:
        application.reminders.stop()
    application.window.close()
    application.database.close()


def rise(app: Application, before: int, after: int) -> QWidget:
    advice = rise_advice(before, after, routines=app.library.routines.values(), just_done="")
    assert advice is not None
    return PainRiseDialog(advice)


DIALOGS: dict[str, Callable[[Application], QWidget]] = {
    "pain before": lambda _app: PainDialog(after=False),
    "pain after": lambda _app: PainDialog(after=True),
    "pain rise": lambda app: rise(app, 3, 5),
    "severe pain": lambda app: rise(app, 4, 8),
    "in pain": lambda _app: InPainDialog(),
    "storage": lambda _app: StorageProblemDialog(
        StorageProblem("disk-full", "the disk is full"), Path.home() / "x.sqlite3", lambda: False
    ),
}


@pytest.mark.parametrize("text", [100, 200])
@pytest.mark.parametrize("name", [name for name in DIALOGS if name != "storage"])
def test_a_dialog_fits(qtbot: QtBot, app: Application, name: str, text: int) -> None:
    app.state.set("text_size", text)
    dialog = DIALOGS[name](app)
    qtbot.addWidget(dialog)
    dialog.show()
    QApplication.processEvents()
    assert_fits(dialog, f"{name} at {text} %")


@pytest.mark.parametrize("text", [100, 200])
@pytest.mark.parametrize("make", [HurtsDialog, SafetyDialog], ids=["this hurts", "safety"])
def test_the_dialogs_with_a_row_of_long_buttons(
    qtbot: QtBot, app: Application, make: Callable[..., QWidget], text: int
) -> None:
    app.state.set("text_size", text)
    dialog = make("Knee to chest") if make is HurtsDialog else make(first_run=True)
    qtbot.addWidget(dialog)
    dialog.show()
    QApplication.processEvents()
    assert_fits(dialog, f"{type(dialog).__name__} at {text} %")


@pytest.mark.parametrize("text", [100, 200])
def test_the_storage_problem_dialog_fits(qtbot: QtBot, app: Application, text: int) -> None:
    app.state.set("text_size", text)
    dialog = DIALOGS["storage"](app)
    qtbot.addWidget(dialog)
    dialog.show()
    QApplication.processEvents()
    assert_fits(dialog, f"the storage problem dialog at {text} %")


@pytest.mark.parametrize("text", [100, 200])
def test_the_reminder_card_fits(app: Application, text: int) -> None:
    app.state.set("text_size", text)
    nothing = Unavailable("none", "tests")
    background = app.start_background(
        idle=nothing, interruptions=nothing, autostart=None, tray_available=False
    )
    clock = app.clock
    assert isinstance(clock, FakeClock)
    clock.advance(timedelta(minutes=30).total_seconds())
    background.controller.wake()
    QApplication.processEvents()
    assert background.popup.isVisible()
    assert_fits(background.popup, f"the reminder card at {text} %")
