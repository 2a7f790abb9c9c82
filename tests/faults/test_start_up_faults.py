"""No blank window: a data file that will not open at start-up is explained, with choices.

Real faults: a lock held by another process (waited for, then opened by itself), a read-only
folder (opened read-only by choice; what is entered is kept), a data folder that is a file or
cannot be written (explained before any window, exit code 1, no traceback).
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QLabel, QPushButton
from pytestqt.qtbot import QtBot

from spinecoach.app import Application, compose
from spinecoach.core.clock import FakeClock
from spinecoach.storage import connection as storage_connection
from spinecoach.storage.opening import open_database
from spinecoach.ui.shell import storage_dialogs
from spinecoach.ui.shell.storage_dialogs import StorageProblemDialog
from tests.faults.locks import lock_held, release
from tests.faults.mounts import bind_mount, fill, require_mounts, small_disk

pytestmark = pytest.mark.slow

NOW = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)


@pytest.fixture
def holder(data_dir: Path) -> Iterator[subprocess.Popen[str]]:
    path = data_dir / "spinecoach.sqlite3"
    open_database(path, now=NOW).close()
    with lock_held(path) as process:
        yield process


def close(app: Application) -> None:
    app.storage_status.stop()
    app.window.close()
    app.close_storage()


def test_a_locked_file_is_waited_for_and_opened_when_released(
    qtbot: QtBot,
    data_dir: Path,
    holder: subprocess.Popen[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(storage_connection, "BUSY_TIMEOUT_SECONDS", 0.1)
    monkeypatch.setattr(storage_dialogs, "RETRY_MS", 50)
    app = compose(data_dir, FakeClock(NOW))
    qtbot.addWidget(app.window)
    seen: list[str] = []

    def while_waiting() -> None:
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, StorageProblemDialog):
            text = dialog.findChild(QLabel, "storageProblemText")
            seen.append(dialog.windowTitle())
            seen.append(text.text() if text is not None else "")
            seen.append(str(dialog.findChild(QPushButton, "storageRetry")))
        release(holder)  # the other program lets go: the dialog closes by itself

    QTimer.singleShot(100, while_waiting)
    try:
        assert app.open_storage_or_quit()
        assert seen[0] == "Waiting for your data file"
        assert "Another program is using your data file" in seen[1]
        assert seen[2] == "None"  # no "Try again": it retries by itself
        assert app.storage_is_open and not app.database.read_only
    finally:
        close(app)


def test_a_full_disk_at_start_offers_to_open_read_only_and_keeps_what_is_entered(
    qtbot: QtBot, tmp_path: Path
) -> None:
    require_mounts()
    with small_disk(tmp_path / "disk", 1024) as folder:
        open_database(folder / "spinecoach.sqlite3", now=NOW).close()
        app = compose(folder, FakeClock(NOW))
        qtbot.addWidget(app.window)
        filler = fill(folder)

        shown: list[str] = []

        def choose_read_only() -> None:
            dialog = QApplication.activeModalWidget()
            assert isinstance(dialog, StorageProblemDialog)
            for name in ("storageProblemText", "storageProblemPath"):
                label = dialog.findChild(QLabel, name)
                shown.append(label.text() if label is not None else "")
            button = dialog.findChild(QPushButton, "storageReadOnly")
            assert button is not None
            button.click()

        QTimer.singleShot(50, choose_read_only)
        try:
            assert app.open_storage_or_quit()
            assert shown[0].startswith("Your data file could not be opened: the disk is full")
            assert str(folder) in shown[1]
            assert app.database.read_only
            notice = app.window.notice_text()
            assert notice is not None and "open read-only" in notice
            history = app.history_area.build()
            assert not history.controller.check_in(5, "")
            notice = app.window.notice_text()
            assert notice is not None and "Your pain score could not be saved yet" in notice
            assert len(app.storage_status.writer.pending) == 1  # kept
        finally:
            close(app)
            filler.unlink()


def run_app(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "spinecoach", *args],
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )


def test_a_data_folder_that_is_a_file_is_explained_before_any_window(tmp_path: Path) -> None:
    not_a_folder = tmp_path / "data"
    not_a_folder.write_text("not a folder")
    result = run_app("--data-dir", str(not_a_folder), "--exit-after-first-paint")
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert "that path is a file, not a folder" in result.stderr
    assert "painted" not in result.stdout
    assert not_a_folder.read_text() == "not a folder"


def test_a_read_only_data_folder_is_explained_before_any_window(tmp_path: Path) -> None:
    require_mounts()
    with bind_mount(tmp_path / "data") as mount:
        mount.read_only()
        result = run_app("--data-dir", str(mount.folder), "--exit-after-first-paint")
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert "not allowed to write there" in result.stderr
    assert "--data-dir" in result.stderr
