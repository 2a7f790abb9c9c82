"""The assembled application: areas, shortcuts, remembered state, safety screen, themes."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QRect, QSize, QTimer
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication, QLabel, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from spinecoach.app import Application, build, compose
from spinecoach.ui.care.safety_dialog import SafetyDialog
from tests.fakes import RecordingCues
from tests.ui.reading import all_red_flag_groups, shown_red_flags


@pytest.fixture
def app(qtbot: QtBot, data_dir: Path) -> Iterator[Application]:
    application = build(data_dir, cues=RecordingCues())
    qtbot.addWidget(application.window)
    yield application
    application.window.close()
    application.database.close()


def reopen(qtbot: QtBot, application: Application) -> Application:
    application.window.close()
    application.database.close()
    again = build(application.data_dir, cues=RecordingCues())
    qtbot.addWidget(again.window)
    return again


def test_library_is_built_right_after_the_window_first_paints(
    qtbot: QtBot, app: Application
) -> None:
    from spinecoach.app import on_first_paint

    assert not app.library_area.is_built
    on_first_paint(app.window, app.library_area.build)
    app.window.show()
    qtbot.waitUntil(lambda: app.library_area.is_built, timeout=5000)
    assert app.window.findChild(QWidget, "libraryList") is not None


def test_object_names_for_tests_and_screen_readers(app: Application) -> None:
    assert app.library_pane is not None  # built on demand
    window = app.window
    for name in ("libraryPane", "librarySearch", "libraryList", "exerciseDetail"):
        widget = window.findChild(QWidget, name)
        assert widget is not None, name
        assert widget.accessibleName(), f"{name} needs an accessible name"


def test_ctrl_digits_switch_areas(qtbot: QtBot, app: Application) -> None:
    window = app.window
    window.show()
    qtbot.waitExposed(window)
    for action_name, area in (
        ("sessionAreaAction", "session"),
        ("historyAreaAction", "history"),
        ("libraryAreaAction", "library"),
    ):
        action = next(a for a in window.actions() if a.objectName() == action_name)
        assert action.shortcut().toString() in {"Ctrl+1", "Ctrl+2", "Ctrl+3"}
        action.trigger()
        assert window.current_area() == area


def test_area_and_geometry_are_remembered(qtbot: QtBot, app: Application) -> None:
    app.window.show()
    app.window.show_area("history")
    app.window.setGeometry(12, 40, 770, 620)
    before = app.window.geometry()
    again = reopen(qtbot, app)
    try:
        assert again.window.current_area() == "history"
        assert again.settings.get("ui.window_geometry")
        assert again.window.geometry() == before
    finally:
        again.window.close()
        again.database.close()


def test_first_run_asks_for_safety_once_and_stores_the_answer(
    qtbot: QtBot, app: Application
) -> None:
    assert app.needs_safety_acknowledgement()

    def acknowledge() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, SafetyDialog)
        text = " ".join(label.text() for label in dialog.findChildren(QLabel))
        assert shown_red_flags(dialog, "redFlags") == all_red_flag_groups()
        assert "not" in text and "diagnose" in text
        button = dialog.findChild(QPushButton, "acknowledgeButton")
        assert button is not None
        button.click()

    QTimer.singleShot(0, acknowledge)
    assert app.show_safety(True) is True
    assert not app.needs_safety_acknowledgement()
    again = reopen(qtbot, app)
    try:
        assert not again.needs_safety_acknowledgement()
    finally:
        again.window.close()
        again.database.close()


def test_declining_the_safety_screen_stores_nothing(qtbot: QtBot, app: Application) -> None:
    def decline() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, SafetyDialog)
        button = dialog.findChild(QPushButton, "declineButton")
        assert button is not None
        button.click()

    QTimer.singleShot(0, decline)
    assert app.show_safety(True) is False
    assert app.needs_safety_acknowledgement()


def test_dark_theme_changes_palette_and_is_remembered(qtbot: QtBot, app: Application) -> None:
    qt_app = QApplication.instance()
    assert isinstance(qt_app, QApplication)
    light_window = qt_app.palette().color(QPalette.ColorRole.Window).lightness()
    app.set_theme("dark")
    dark_window = qt_app.palette().color(QPalette.ColorRole.Window).lightness()
    assert dark_window < 60 < light_window
    again = reopen(qtbot, app)
    try:
        assert again.settings.get("theme") == "dark"
        assert qt_app.palette().color(QPalette.ColorRole.Window).lightness() < 60
        again.set_theme("light")
    finally:
        again.window.close()
        again.database.close()


def test_theme_change_redraws_a_built_library_in_the_new_palette(app: Application) -> None:
    from spinecoach.core.figure import DARK

    pane = app.library_pane
    pane.select_item("glute-bridge")
    assert not pane.illustrations.dark
    app.set_theme("dark")
    assert pane.illustrations.dark
    assert DARK.body in pane.illustrations.svg_bytes("glute-bridge.svg").decode()
    assert pane.detail.shown is not None
    assert pane.detail.shown.id == "glute-bridge"  # the detail view survived the redraw
    app.set_theme("light")
    assert not pane.illustrations.dark


def test_start_up_guesses_the_scheme_from_the_platform_palette_whatever_was_applied(
    app: Application,
) -> None:
    from spinecoach.ui.style.theme import DARK, apply_theme, platform_palette_is_dark

    qt_app = QApplication.instance()
    assert isinstance(qt_app, QApplication)
    apply_theme(qt_app, DARK)  # our own dark palette must not pass for the system's
    assert not platform_palette_is_dark(qt_app)  # offscreen's platform palette is light


def test_the_start_up_guess_is_checked_after_the_first_paint(
    monkeypatch: pytest.MonkeyPatch, app: Application
) -> None:
    from spinecoach.ui.style import theme

    assert app.settings.get("theme") == "system"
    assert not app.theme.is_dark  # the light platform palette's guess
    monkeypatch.setattr(theme, "system_prefers_dark", lambda: True)  # the authority disagrees
    app.build_areas()  # what runs right after the first paint
    app.looks.follow_system_scheme(app.window)  # and once the list has painted
    assert app.theme.is_dark
    assert app.library_pane.illustrations.dark
    assert app.settings.get("theme") == "system"  # following, not a new choice


def test_following_the_system_scheme_as_it_changes(
    monkeypatch: pytest.MonkeyPatch, app: Application
) -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication

    from spinecoach.ui.style import theme

    app.looks.follow_system_scheme(app.window)
    hints = QGuiApplication.styleHints()
    monkeypatch.setattr(theme, "system_prefers_dark", lambda: True)
    hints.colorSchemeChanged.emit(Qt.ColorScheme.Dark)  # the desktop switched at dusk
    assert app.theme.is_dark
    monkeypatch.setattr(theme, "system_prefers_dark", lambda: False)
    hints.colorSchemeChanged.emit(Qt.ColorScheme.Light)
    assert not app.theme.is_dark
    app.set_theme("light")  # a fixed choice is kept whatever the desktop does
    monkeypatch.setattr(theme, "system_prefers_dark", lambda: True)
    hints.colorSchemeChanged.emit(Qt.ColorScheme.Dark)
    assert not app.theme.is_dark
    app.set_theme("system")
    assert app.theme.is_dark


def test_database_notice_is_shown_in_the_window(qtbot: QtBot, data_dir: Path) -> None:
    (data_dir / "spinecoach.sqlite3").write_bytes(b"this is not a database" * 100)
    application = build(data_dir)
    qtbot.addWidget(application.window)
    try:
        notice = application.window.notice_text()
        assert notice is not None
        assert "corrupt" in notice.lower() or "could not be read" in notice.lower()
        kept = [p for p in data_dir.iterdir() if ".corrupt" in p.name]
        assert kept and kept[0].read_bytes() == b"this is not a database" * 100
    finally:
        application.window.close()
        application.database.close()


def test_session_area_gets_a_real_cue_player_configured_from_settings(
    qtbot: QtBot, data_dir: Path
) -> None:
    application = build(data_dir)
    qtbot.addWidget(application.window)
    try:
        application.settings.set("sound_enabled", False)
        application.settings.set("voice_enabled", False)
        application.settings.set("volume", 35)
        assert application.cue_player is None  # nothing audio-related before it is needed
        application.window.show()
        application.window.show_area("session")
        player = application.cue_player
        assert player is not None
        assert (player.sound_enabled, player.voice_enabled, player.volume) == (False, False, 35)
        application.settings.set("volume", 70)  # heard through the subscription
        assert player.volume == 70
    finally:
        application.window.close()
        application.database.close()


def test_enum_properties_set_by_name_and_typos_fail_loudly(qtbot: QtBot) -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QToolButton

    from spinecoach.ui.widgets.enum_free import set_enum_property

    label = QLabel("x")
    qtbot.addWidget(label)
    set_enum_property(label, "alignment", "AlignCenter")
    assert label.alignment() == Qt.AlignmentFlag.AlignCenter
    button = QToolButton()
    qtbot.addWidget(button)
    set_enum_property(button, "toolButtonStyle", "ToolButtonTextUnderIcon")
    assert button.toolButtonStyle() == Qt.ToolButtonStyle.ToolButtonTextUnderIcon
    with pytest.raises(ValueError, match="AlignCentre"):
        set_enum_property(label, "alignment", "AlignCentre")


# --- the data file opened after the first paint (how main() starts) ------------------------------


def test_the_window_is_built_from_the_state_file_and_the_data_file_opens_after(
    qtbot: QtBot, app: Application
) -> None:
    app.settings.set("theme", "dark")
    app.window.show_area("history")
    app.window.close()
    app.database.close()

    deferred = compose(app.data_dir, cues=RecordingCues())
    qtbot.addWidget(deferred.window)
    try:
        assert not deferred.storage_is_open
        assert deferred.theme.is_dark
        assert deferred.window.current_area() == "history"
        assert deferred.open_storage_or_quit()
        assert deferred.storage_is_open
        assert deferred.settings.get("last_area") == "history"
    finally:
        deferred.set_theme("light")  # the shared QApplication goes back to light
        deferred.window.close()
        deferred.close_storage()


def test_the_data_file_opens_through_its_one_entry_point_only(qtbot: QtBot, data_dir: Path) -> None:
    """Nothing opens the data file on the side: asking for it early is a bug, said at once."""
    deferred = compose(data_dir, cues=RecordingCues())
    qtbot.addWidget(deferred.window)
    try:
        assert not deferred.storage_is_open
        assert not (data_dir / "spinecoach.sqlite3").exists()  # the first frame made no file
        with pytest.raises(RuntimeError, match="not open yet"):
            _ = deferred.database
        with pytest.raises(RuntimeError, match="not open yet"):
            _ = deferred.settings
        assert deferred.open_storage_or_quit()
        assert deferred.database.count_sessions() == 0
    finally:
        deferred.window.close()
        deferred.close_storage()


def test_a_damaged_file_found_after_the_paint_is_kept_and_explained(
    qtbot: QtBot, data_dir: Path
) -> None:
    damaged = b"this is not a database" * 100
    (data_dir / "spinecoach.sqlite3").write_bytes(damaged)
    deferred = compose(data_dir)
    qtbot.addWidget(deferred.window)
    try:
        assert deferred.window.notice_text() is None
        # Composing read nothing of it.
        assert (data_dir / "spinecoach.sqlite3").read_bytes() == damaged
        assert deferred.open_storage_or_quit()
        notice = deferred.window.notice_text()
        assert notice is not None and "kept" in notice
        kept = [p for p in data_dir.iterdir() if ".corrupt" in p.name]
        assert kept and kept[0].read_bytes() == damaged
    finally:
        deferred.window.close()
        deferred.close_storage()


def test_another_programs_file_is_explained_once_and_left_untouched(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, data_dir: Path
) -> None:
    from PySide6.QtWidgets import QMessageBox

    from tests.factories import foreign_database

    foreign = data_dir / "spinecoach.sqlite3"
    before = foreign_database(foreign)
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "critical", lambda _parent, _title, text: shown.append(text))
    exit_codes: list[int] = []
    monkeypatch.setattr(QApplication, "exit", exit_codes.append)  # the suite's loop runs on
    deferred = compose(data_dir)
    qtbot.addWidget(deferred.window)
    try:
        assert not deferred.open_storage_or_quit()
        assert not deferred.open_storage_or_quit()  # the paint and the safety screen both ask
        assert len(shown) == 1 and "another program" in shown[0]
        assert exit_codes == [1, 1]
        assert foreign.read_bytes() == before
        assert not deferred.storage_is_open
    finally:
        deferred.window.close()


def test_the_first_frame_uses_the_scheme_the_system_had_last_time(
    qtbot: QtBot, app: Application
) -> None:
    """A desktop whose palette stays light in dark mode would otherwise flash light first."""
    app.looks.follow_system_scheme(app.window)  # offscreen has no scheme: counts as light
    assert app.settings.get("ui.system_dark") == "light"
    app.settings.set("ui.system_dark", "dark")  # as a dark desktop leaves it
    app.window.close()
    app.database.close()

    deferred = compose(app.data_dir, cues=RecordingCues())
    qtbot.addWidget(deferred.window)
    try:
        assert deferred.theme.is_dark  # before anything asked the system
        assert deferred.open_storage_or_quit()
        # The system says light now: followed and remembered.
        deferred.looks.follow_system_scheme(deferred.window)
        assert not deferred.theme.is_dark
        assert deferred.settings.get("ui.system_dark") == "light"
    finally:
        deferred.window.close()
        deferred.close_storage()


def test_an_older_versions_window_settings_move_to_the_state_file(
    qtbot: QtBot, data_dir: Path
) -> None:
    """Upgrading keeps the person's colours, area and acknowledgement (they were in the data)."""
    from datetime import UTC, datetime

    from spinecoach.storage.opening import open_database

    with open_database(data_dir / "spinecoach.sqlite3", now=datetime.now(UTC)) as old:
        old.set_setting("theme", "dark")  # as versions before the state file kept them
        old.set_setting("last_area", "history")
        old.set_setting("safety_acknowledged", True)
        old.set_setting("weekly_goal", 5)
    upgraded = compose(data_dir, cues=RecordingCues())
    qtbot.addWidget(upgraded.window)
    try:
        assert upgraded.needs_safety_acknowledgement()  # unknown until the data file opens
        assert not upgraded.theme.is_dark
        assert upgraded.open_storage_or_quit()
        assert not upgraded.needs_safety_acknowledgement()
        assert upgraded.theme.is_dark  # restyled at once
        assert upgraded.settings.get("weekly_goal") == 5  # the data file's own, untouched
        state = json.loads((data_dir / "window-state.json").read_text())
        assert state == {"theme": "dark", "last_area": "history", "safety_acknowledged": True}
    finally:
        upgraded.set_theme("light")
        upgraded.window.close()
        upgraded.close_storage()
    again = compose(data_dir, cues=RecordingCues())  # the next start: right from the first frame
    qtbot.addWidget(again.window)
    try:
        assert not again.needs_safety_acknowledgement()
        assert again.window.current_area() == "history"
    finally:
        again.window.close()


def test_the_library_shows_before_the_data_file_opens_and_then_follows_its_timing(
    qtbot: QtBot, data_dir: Path
) -> None:
    """The list is what the person waits for: it needs no data file, so it comes first."""
    first = build(data_dir, cues=RecordingCues())
    first.settings.set("get_ready_seconds", 20)
    first.window.close()
    first.close_storage()
    app = compose(data_dir, cues=RecordingCues())
    qtbot.addWidget(app.window)
    try:
        app.build_areas()  # the window opened on the Library
        assert app.library_area.is_built
        assert not app.storage_is_open
        assert app.library_pane.detail.session_settings.get_ready_seconds == 5  # the default
        assert app.open_storage_or_quit()
        assert app.library_pane.detail.session_settings.get_ready_seconds == 20
        app.settings.set("get_ready_seconds", 10)  # and it goes on following
        assert app.library_pane.detail.session_settings.get_ready_seconds == 10
    finally:
        app.window.close()
        app.close_storage()


def test_the_player_says_why_it_is_silent_before_the_first_cue(
    qtbot: QtBot, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from spinecoach.sound.cue_player import CuePlayer

    silent = "Tones are silent: X. Captions show every cue."
    monkeypatch.setattr(CuePlayer, "silence_note", lambda _player: silent)
    application = build(data_dir)
    qtbot.addWidget(application.window)
    try:
        application.window.show()
        application.window.show_area("session")
        note = application.session.player.sound_note
        qtbot.waitUntil(lambda: note.text() == silent)
        assert not note.isHidden()
        monkeypatch.setattr(CuePlayer, "silence_note", lambda _player: "")
        application.settings.set("sound_enabled", False)  # heard: the note is worked out again
        assert note.isHidden()
    finally:
        application.window.close()
        application.close_storage()


def test_view_theme_offers_high_contrast_and_every_theme_draws_a_focus_ring(
    app: Application,
) -> None:
    from PySide6.QtGui import QAction

    from spinecoach.ui.style.theme import DARK, LIGHT, stylesheet

    contrast = app.window.findChild(QAction, "theme_contrast")
    assert contrast is not None and contrast.text() == "High contrast"
    for theme in (LIGHT, DARK):
        rules = stylesheet(theme)
        assert "QPushButton:focus" in rules and f"border: 2px solid {theme.text}" in rules
    app.settings.set("theme", "contrast")  # chosen in Settings: the menu follows
    try:
        assert contrast.isChecked()
    finally:
        app.set_theme("light")


class _SmallScreen:
    """A 1920 x 1080 screen at QT_SCALE_FACTOR=2: 960 x 540 logical pixels, no panel."""

    @staticmethod
    def availableGeometry() -> QRect:
        return QRect(0, 0, 960, 540)


def test_the_first_window_fits_a_small_screen(
    qtbot: QtBot, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from spinecoach.ui.shell.main_window import MainWindow

    monkeypatch.setattr(MainWindow, "screen", lambda _window: _SmallScreen())
    application = build(data_dir, cues=RecordingCues())
    qtbot.addWidget(application.window)
    try:
        window = application.window
        assert window.size() == QSize(864, 486)  # 90 % of the screen, not 1180 x 760
        assert window.minimumWidth() <= 864 and window.minimumHeight() <= 486
    finally:
        application.window.close()
        application.close_storage()


def test_the_first_window_opens_whole_on_the_screen(qtbot: QtBot, app: Application) -> None:
    from spinecoach.ui.shell.main_window import PREFERRED_SIZE, first_size
    from spinecoach.ui.widgets.on_screen import fits_on_screen

    window = app.window
    screen = window.screen()
    assert screen is not None
    available = screen.availableGeometry()
    assert window.size() == first_size(available.size())
    assert window.width() <= PREFERRED_SIZE.width() and window.height() <= PREFERRED_SIZE.height()
    assert window.width() <= available.width() * 0.9 + 1
    assert window.height() <= available.height() * 0.9 + 1
    window.move(available.right() - 100, available.bottom() - 100)  # mostly off the screen
    window.show()
    qtbot.waitUntil(lambda: fits_on_screen(window), timeout=2000)
    assert window.size() == first_size(available.size())  # moved in, not shrunk


def test_a_size_set_before_the_first_show_is_kept(qtbot: QtBot, app: Application) -> None:
    app.window.resize(1366, 768)  # larger than the test screen, on purpose (the layout tests)
    app.window.show()
    qtbot.waitExposed(app.window)
    QApplication.processEvents()
    assert app.window.size() == QSize(1366, 768)


def test_the_list_counts_as_shown_only_once_its_rows_are_drawn(
    qtbot: QtBot, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Issue 12: "list painted" is what the person sees, never an empty frame.

    A list view in batched layout paints its frame before any row is laid out; a start that
    took that paint for the list (as an optimisation once did) would report an empty list.
    """
    from PySide6.QtWidgets import QListView

    from spinecoach.app import start_running
    from spinecoach.ui.library.pane import LibraryPane

    built = LibraryPane.__init__

    def batched(pane: LibraryPane, *args: object, **kwargs: object) -> None:
        built(pane, *args, **kwargs)  # type: ignore[arg-type]
        pane.list.setLayoutMode(QListView.LayoutMode.Batched)
        pane.list.setBatchSize(5)

    monkeypatch.setattr(LibraryPane, "__init__", batched)
    app = compose(data_dir, cues=RecordingCues())
    app.state.set("safety_acknowledged", True)
    rows_when_shown: list[int] = []
    start_running(
        app,
        minimised=False,
        shown=lambda: rows_when_shown.append(app.library_pane.rows_painted),
        reminders=False,
    )
    qtbot.addWidget(app.window)
    try:
        qtbot.waitUntil(lambda: bool(rows_when_shown), timeout=5000)
        assert rows_when_shown[0] > 0
        assert len(rows_when_shown) == 1
    finally:
        app.window.close()
        app.close_storage()


def test_the_first_pick_builds_the_details_without_moving_the_librarys_divider(
    qtbot: QtBot, app: Application
) -> None:
    """The details replace their stand-in at the first pick; the list keeps its 38 % share."""
    from PySide6.QtWidgets import QSplitter

    app.window.resize(1280, 820)
    app.window.show()
    qtbot.waitExposed(app.window)
    pane = app.library_pane
    splitter = pane.findChild(QSplitter, "librarySplitter")
    assert splitter is not None
    qtbot.wait(20)
    before = splitter.sizes()
    assert abs(before[0] / sum(before) - 0.38) < 0.02
    pane.select_item("desk-break")
    qtbot.wait(20)
    assert splitter.sizes() == before

    # Picked the moment the pane exists, before its first layout (as the screenshots do).
    again = build(app.data_dir, cues=RecordingCues())
    qtbot.addWidget(again.window)
    again.window.resize(1280, 820)
    again.window.show()
    again.library_pane.select_item("desk-break")
    qtbot.wait(50)
    sizes = again.library_pane.findChild(QSplitter, "librarySplitter").sizes()  # type: ignore[union-attr]
    assert abs(sizes[0] / sum(sizes) - 0.38) < 0.02, sizes
    again.window.close()
    again.database.close()


def test_a_list_that_never_shows_a_row_does_not_hold_the_start_up(
    qtbot: QtBot, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Start-up waits a few paints for the rows, not for ever: the data file must open."""
    from spinecoach.app import start_running
    from spinecoach.ui.library.pane import LibraryPane

    monkeypatch.setattr(LibraryPane, "rows_painted", property(lambda _pane: 0))
    app = compose(data_dir, cues=RecordingCues())
    app.state.set("safety_acknowledged", True)
    shown: list[bool] = []
    start_running(app, minimised=False, shown=lambda: shown.append(True), reminders=False)
    qtbot.addWidget(app.window)
    try:
        qtbot.waitUntil(lambda: bool(shown) and app.storage_is_open, timeout=5000)
    finally:
        app.window.close()
        app.close_storage()
