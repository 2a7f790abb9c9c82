"""Issue 18: small all day. Closed to the tray a while, SpineCoach hands over and starts again.

The restart itself (`os.execv`) is the process's business; here the decision (when, and never
in the middle of anything) and the handover on both sides, with the real app on fakes.
"""

from __future__ import annotations

import json
import stat
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from spinecoach.app.restart_in_tray import (
    RESTART_EXIT_CODE,
    RESTARTED_FLAG,
    RestartInTray,
    restart_command,
    take_over_reminders,
)
from spinecoach.storage.handover_file import HANDOVER_NAME, take_handover, write_handover
from tests.ui.test_reminders import MONDAY_9, Harness


class Restart:
    """RestartInTray on the tray harness, recording the exit code instead of leaving."""

    def __init__(self, harness: Harness) -> None:
        self.harness = harness
        self.codes: list[int] = []
        self.restart = RestartInTray(harness.app, after_seconds=0.05, leave=self.codes.append)


@pytest.fixture
def restart(qtbot: QtBot, data_dir: Path) -> Iterator[Restart]:
    running = Harness(qtbot, data_dir, tray=True)
    watching = Restart(running)
    yield watching
    watching.restart.timer.stop()
    running.close()


def hide_to_tray(qtbot: QtBot, restart: Restart) -> None:
    window = restart.harness.app.window
    window.show()
    qtbot.waitExposed(window)
    window.close()  # hidden to the tray: the timer starts
    assert not window.isVisible()
    assert restart.restart.timer.isActive()


def test_closed_to_the_tray_a_while_it_hands_over_and_leaves_to_restart(
    qtbot: QtBot, restart: Restart
) -> None:
    harness = restart.harness
    harness.run_until(9, 20)  # twenty minutes of sitting before
    hide_to_tray(qtbot, restart)
    qtbot.waitUntil(lambda: restart.codes == [RESTART_EXIT_CODE], timeout=2000)
    handover = harness.app.data_dir / HANDOVER_NAME
    assert json.loads(handover.read_text(encoding="utf-8"))["format"] == 1
    if sys.platform != "win32":
        assert stat.S_IMODE(handover.stat().st_mode) == 0o600
    assert not harness.controller.timer.isActive()  # no reminder from this process any more


def test_the_new_process_carries_on_the_same_schedule(qtbot: QtBot, restart: Restart) -> None:
    harness = restart.harness
    harness.run_until(9, 20)
    due_before = harness.controller.service.schedule.next_due()
    hide_to_tray(qtbot, restart)
    qtbot.waitUntil(lambda: bool(restart.codes), timeout=2000)
    # The next process starts a fresh interval from now, as any start does; then it takes
    # the handover from the data folder.
    harness.clock.advance(1.5)
    service = harness.reminders.service
    service.schedule.interval_minutes = 30  # a new interval from now
    harness.controller.start()
    assert service.schedule.next_due() != due_before
    take_over_reminders(harness.app, harness.app.data_dir)
    assert service.schedule.next_due() == due_before
    assert not (harness.app.data_dir / HANDOVER_NAME).exists()  # taken once
    assert harness.controller.timer.isActive()


@pytest.mark.parametrize("busy", ["window", "session", "card", "dialog", "unsaved"])
def test_never_restarts_in_the_middle_of_anything(
    qtbot: QtBot, restart: Restart, busy: str
) -> None:
    harness = restart.harness
    app = harness.app
    hide_to_tray(qtbot, restart)
    restart.restart.timer.stop()
    dialog = QDialog()
    if busy == "window":
        app.window.show()
    elif busy == "session":
        app.start_routine_id("desk-break")
        app.window.hide()
    elif busy == "card":
        harness.run_until(9, 31)
        assert harness.popup.isVisible()
    elif busy == "dialog":
        qtbot.addWidget(dialog)
        dialog.show()
    elif busy == "unsaved":
        app.storage_status.writer._pending.append(object())  # type: ignore[arg-type]
    reason = restart.restart.busy_with()
    assert reason is not None
    assert restart.restart.restart_if_quiet() is False
    assert restart.codes == []
    assert not (app.data_dir / HANDOVER_NAME).exists()
    if busy == "unsaved":
        app.storage_status.writer._pending.clear()
    if busy != "window":
        assert restart.restart.timer.isActive()  # it looks again later


def test_the_restart_command_keeps_the_folder_and_drops_what_only_the_first_start_meant() -> None:
    command = restart_command(
        ["--data-dir", "/d", "--open", "/x.programme.toml", "--language", "de", "--minimised"]
    )
    assert command[-2:] == ["--minimised", RESTARTED_FLAG]
    assert command[:3] == [sys.executable, "-m", "spinecoach"]
    assert command[3:-2] == ["--data-dir", "/d", "--language", "de"]
    assert restart_command(["--open", "--data-dir=/e"])[3:-2] == ["--data-dir=/e"]


def test_a_handover_file_is_taken_once_and_a_damaged_one_means_a_fresh_interval(
    tmp_path: Path,
) -> None:
    write_handover(tmp_path, "{}")
    assert take_handover(tmp_path) == "{}"
    assert take_handover(tmp_path) is None
    (tmp_path / HANDOVER_NAME).write_bytes(b"\xff\xfe")
    assert take_handover(tmp_path) is None
    assert not (tmp_path / HANDOVER_NAME).exists()


def test_a_damaged_handover_leaves_the_fresh_schedule(qtbot: QtBot, restart: Restart) -> None:
    harness = restart.harness
    (harness.app.data_dir / HANDOVER_NAME).write_text('{"format": 1}', encoding="utf-8")
    due = harness.controller.service.schedule.next_due()
    take_over_reminders(harness.app, harness.app.data_dir)
    assert harness.controller.service.schedule.next_due() == due
    assert due is not None and due > MONDAY_9
