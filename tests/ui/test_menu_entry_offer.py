"""The one-time offer to add SpineCoach to the application menu, in the running app."""

from __future__ import annotations

import os
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from spinecoach import paths
from spinecoach.app import Application, build
from spinecoach.app.person_dialogs import offer_menu_entry
from spinecoach.core import settings as keys
from spinecoach.core.clock import FakeClock
from spinecoach.core.presence import Unavailable
from spinecoach.desktop.desktop_entry import MenuEntry
from spinecoach.ui.shell.menu_entry_offer import ADDED_TEXT, OFFER_DETAIL, OFFER_TEXT
from tests.desktop.test_autostart import read_entry, split_exec
from tests.fakes import RecordingAutostart, RecordingCues, ScriptedPrompts

DESKTOP_FILE = f"{paths.APP_ID}.desktop"


@pytest.fixture(autouse=True)
def _no_system_entry(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """No system-wide entry and no Flatpak, whatever this machine has installed."""
    system = tmp_path / "system"
    system.mkdir()
    monkeypatch.setenv("XDG_DATA_DIRS", str(system))
    monkeypatch.delenv("FLATPAK_ID", raising=False)


def data_home() -> Path:
    return Path(os.environ["XDG_DATA_HOME"])  # conftest: a folder in the temporary home


def shown_boxes(name: str) -> list[QMessageBox]:
    return [
        widget
        for widget in QApplication.topLevelWidgets()
        if isinstance(widget, QMessageBox) and widget.objectName() == name and widget.isVisible()
    ]


class Running:
    """The app with its window open, as after a start; closed at the end of the test."""

    def __init__(self, qtbot: QtBot, data_dir: Path, *, acknowledged: bool = True) -> None:
        clock = FakeClock(datetime(2026, 12, 7, 9, 0, tzinfo=UTC))
        self.app: Application = build(
            data_dir, clock, prompts=ScriptedPrompts(), cues=RecordingCues()
        )
        qtbot.addWidget(self.app.window)
        if acknowledged:
            self.app.state.set(keys.SAFETY_ACKNOWLEDGED, True)
        self.app.window.show()

    def start_background(self) -> None:
        """What the real start does once the first area has painted (where the offer is made)."""
        nothing = Unavailable("none", "tests")
        self.app.start_background(
            idle=nothing,
            interruptions=nothing,
            autostart=RecordingAutostart(),
            tray_available=False,
        )

    def close(self) -> None:
        if self.app.reminders is not None:
            self.app.reminders.stop()
        self.app.window.close()
        self.app.close_storage()


@pytest.fixture
def running(qtbot: QtBot, data_dir: Path) -> Iterator[Running]:
    started = Running(qtbot, data_dir)
    yield started
    started.close()


def test_offered_once_after_the_start(qtbot: QtBot, data_dir: Path) -> None:
    first = Running(qtbot, data_dir)
    first.start_background()
    [offer] = shown_boxes("menuEntryOffer")
    assert offer.windowTitle() == "Add SpineCoach to your menu?"
    assert offer.text() == OFFER_TEXT
    assert offer.informativeText() == OFFER_DETAIL
    assert [button.text() for button in offer.buttons()] == ["Add to menu", "Not now"]
    assert not offer.isModal()  # the window stays usable
    offer.escapeButton().click()  # "Not now"
    assert shown_boxes("menuEntryOffer") == []
    assert not (data_home() / "applications" / DESKTOP_FILE).exists()
    first.close()

    again = Running(qtbot, data_dir)  # the next start, on the same data folder
    again.start_background()
    assert shown_boxes("menuEntryOffer") == []
    again.close()


def test_on_a_first_run_the_offer_waits_for_the_safety_notes(qtbot: QtBot, data_dir: Path) -> None:
    first_run = Running(qtbot, data_dir, acknowledged=False)
    try:
        first_run.start_background()
        assert shown_boxes("menuEntryOffer") == []
        assert not first_run.app.state.get(keys.MENU_ENTRY_OFFERED)
        first_run.app.state.set(keys.SAFETY_ACKNOWLEDGED, True)  # what show_safety(True) does
        assert len(shown_boxes("menuEntryOffer")) == 1
        assert first_run.app.state.get(keys.MENU_ENTRY_OFFERED)
    finally:
        first_run.close()


def test_not_offered_when_the_user_has_an_entry(running: Running) -> None:
    MenuEntry().install(["/usr/bin/spinecoach"])
    assert offer_menu_entry(running.app) is None
    assert shown_boxes("menuEntryOffer") == []
    assert running.app.state.get(keys.MENU_ENTRY_OFFERED)  # settled: never asked later


def test_not_offered_when_installed_system_wide(running: Running) -> None:
    applications = Path(os.environ["XDG_DATA_DIRS"]) / "applications"
    applications.mkdir()
    (applications / DESKTOP_FILE).write_text("[Desktop Entry]\n")
    assert offer_menu_entry(running.app) is None
    assert shown_boxes("menuEntryOffer") == []


def test_not_offered_inside_flatpak(running: Running, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FLATPAK_ID", paths.APP_ID)
    assert offer_menu_entry(running.app) is None
    assert shown_boxes("menuEntryOffer") == []


def test_not_asked_while_the_window_is_hidden(qtbot: QtBot, data_dir: Path) -> None:
    in_tray = Running(qtbot, data_dir)
    try:
        in_tray.app.window.hide()  # started in the tray: nobody to ask now
        assert offer_menu_entry(in_tray.app) is None
        assert not in_tray.app.state.get(keys.MENU_ENTRY_OFFERED)  # asked at a later start
    finally:
        in_tray.close()


def test_adding_from_the_offer_installs_the_entry(running: Running, data_dir: Path) -> None:
    offer = offer_menu_entry(running.app)
    assert offer is not None
    offer.defaultButton().click()  # "Add to menu"

    desktop = data_home() / "applications" / DESKTOP_FILE
    command = split_exec(read_entry(desktop)["Exec"].removesuffix(" --open %f"))
    assert command[1:] == ["-m", "spinecoach", "--data-dir", str(data_dir)]  # this data folder
    assert (data_home() / "icons/hicolor/scalable/apps" / f"{paths.APP_ID}.svg").is_file()
    assert (data_home() / "icons/hicolor/256x256/apps" / f"{paths.APP_ID}.png").is_file()
    assert (data_home() / "metainfo" / f"{paths.APP_ID}.metainfo.xml").is_file()
    [added] = shown_boxes("menuEntryAdded")
    assert added.text() == ADDED_TEXT
    assert shown_boxes("menuEntryOffer") == []
    assert running.app.window.notice_text() is None


def test_a_failed_add_is_explained_in_the_banner(running: Running) -> None:
    data_home().mkdir(parents=True, exist_ok=True)
    (data_home() / "applications").write_text("a file where the folder should be")
    offer = offer_menu_entry(running.app)
    assert offer is not None
    offer.defaultButton().click()
    notice = running.app.window.notice_text()
    assert notice is not None
    assert notice.startswith("SpineCoach could not add itself to your application menu (")
    assert notice.endswith("To try again: spinecoach --install-desktop-entry")
    assert shown_boxes("menuEntryAdded") == []
    assert not (data_home() / "metainfo").exists()  # nothing half-installed
