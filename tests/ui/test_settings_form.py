"""The settings dialog: controls come from the declarations, changes are validated and applied."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTime, QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QLabel,
    QMenu,
    QScrollArea,
    QSlider,
    QSpinBox,
    QWidget,
)
from pytestqt.qtbot import QtBot

from spinecoach.app import Application, build
from spinecoach.app.person_dialogs import settings_dialog
from spinecoach.core.clock import FakeClock
from spinecoach.core.settings import SETTINGS, SETTINGS_BY_KEY
from spinecoach.ui.shell.settings_dialog import PLAYER_SETTINGS, SettingsDialog
from spinecoach.ui.shell.working_hours_editors import DailyTimeEditor, WorkingHoursEditor
from tests.fakes import RecordingCues, ScriptedPrompts


@pytest.fixture
def app(qtbot: QtBot, data_dir: Path) -> Iterator[Application]:
    application = build(data_dir, FakeClock(), prompts=ScriptedPrompts(), cues=RecordingCues())
    qtbot.addWidget(application.window)
    yield application
    if application.reminders is not None:
        application.reminders.stop()
    application.window.close()
    application.database.close()


def test_every_shown_setting_has_one_control(qtbot: QtBot, app: Application) -> None:
    dialog = SettingsDialog(app.settings)
    qtbot.addWidget(dialog)
    shown = {setting.key for setting in SETTINGS if setting.group}
    controls = {key for form in dialog.forms.values() for key in form.controls}
    assert controls == shown
    assert set(dialog.forms["Sessions"].controls) == set(PLAYER_SETTINGS)
    assert isinstance(dialog.control("sound_enabled"), QCheckBox)
    assert isinstance(dialog.control("volume"), QSlider)
    assert isinstance(dialog.control("working_hours"), WorkingHoursEditor)
    assert isinstance(dialog.control("daily_reminder_time"), DailyTimeEditor)
    snooze = dialog.control("snooze_minutes")
    assert isinstance(snooze, QComboBox)
    assert [snooze.itemData(i) for i in range(snooze.count())] == [5, 10, 15]
    theme = dialog.control("theme")
    assert isinstance(theme, QComboBox)
    assert theme.itemText(0) == "Follow the system"
    spin = dialog.control("get_ready_seconds")
    assert isinstance(spin, QSpinBox)
    declared = SETTINGS_BY_KEY["get_ready_seconds"]
    assert (spin.minimum(), spin.maximum()) == (declared.minimum, declared.maximum)
    assert spin.suffix() == " s"
    assert spin.toolTip() == declared.description


def test_changes_are_stored_at_once_and_reach_the_next_session(
    qtbot: QtBot, app: Application
) -> None:
    dialog = SettingsDialog(app.settings, page="Sessions")
    qtbot.addWidget(dialog)
    assert dialog.tabs.tabText(dialog.tabs.currentIndex()) == "Sessions"
    spin = dialog.control("get_ready_seconds")
    assert isinstance(spin, QSpinBox)
    spin.setValue(12)
    box = dialog.control("voice_enabled")
    assert isinstance(box, QCheckBox)
    box.setChecked(False)
    size = dialog.control("player_text_size")
    assert isinstance(size, QComboBox)
    size.setCurrentIndex(size.findData("larger"))
    assert app.settings.get("get_ready_seconds") == 12
    assert app.settings.get("voice_enabled") is False
    assert app.start_routine_id("desk-break")
    assert app.session.player.countdown.text() == "0:12"
    assert app.session.player.property("textSize") == "larger"
    app.player.toggle_pause()


def test_working_hours_are_validated_as_typed(qtbot: QtBot, app: Application) -> None:
    dialog = SettingsDialog(app.settings)
    qtbot.addWidget(dialog)
    editor = dialog.control("working_hours")
    assert isinstance(editor, WorkingHoursEditor)
    saturday, start, end = editor.days[5]
    saturday.setChecked(True)
    start.setTime(QTime(10, 0))
    end.setTime(QTime(12, 30))
    assert app.settings.get("working_hours") == (
        "mon 09:00-18:00, tue 09:00-18:00, wed 09:00-18:00, thu 09:00-18:00, "
        "fri 09:00-18:00, sat 10:00-12:30"
    )
    end.setTime(QTime(9, 0))  # before the start: shown, not stored
    assert not editor.error.isHidden()
    assert "Saturday" in editor.error.text()
    assert app.settings.get("working_hours").endswith("sat 10:00-12:30")
    end.setTime(QTime(11, 0))
    assert editor.error.isHidden()
    assert app.settings.get("working_hours").endswith("sat 10:00-11:00")


def test_daily_reminder_time_is_off_or_a_time(qtbot: QtBot, app: Application) -> None:
    dialog = SettingsDialog(app.settings)
    qtbot.addWidget(dialog)
    editor = dialog.control("daily_reminder_time")
    assert isinstance(editor, DailyTimeEditor)
    assert not editor.time.isEnabled()
    editor.enabled.setChecked(True)
    editor.time.setTime(QTime(7, 45))
    assert app.settings.get("daily_reminder_time") == "07:45"
    editor.enabled.setChecked(False)
    assert app.settings.get("daily_reminder_time") == ""


def test_unavailable_features_are_disabled_with_the_reason(qtbot: QtBot, app: Application) -> None:
    dialog = SettingsDialog(
        app.settings, unavailable={"idle_detection": "This desktop does not report idle time."}
    )
    qtbot.addWidget(dialog)
    assert not dialog.control("idle_detection").isEnabled()
    note = dialog.forms["Reminders"].notes["idle_detection"]
    assert note.text() == "This desktop does not report idle time."
    assert dialog.control("defer_when_busy").isEnabled()


def test_theme_and_weekly_goal_apply_at_once(qtbot: QtBot, app: Application) -> None:
    app.history.refresh()  # built: it shows the goal
    view = app.history_area.build().view
    dialog = SettingsDialog(app.settings, page="General")
    qtbot.addWidget(dialog)
    goal = dialog.control("weekly_goal")
    assert isinstance(goal, QSpinBox)
    goal.setValue(5)
    assert app.settings.get("weekly_goal") == 5
    assert view.card_text("weekCard") == "0 of 5"
    theme = dialog.control("theme")
    assert isinstance(theme, QComboBox)
    theme.setCurrentIndex(theme.findData("dark"))
    assert app.theme.is_dark
    assert app.settings.get("theme") == "dark"


def test_view_theme_shows_a_theme_chosen_in_settings(qtbot: QtBot, app: Application) -> None:
    # Issue 12: View > Theme still said "Follow the system" after Dark was chosen in Settings.
    dialog = SettingsDialog(app.settings, page="General")
    qtbot.addWidget(dialog)
    theme = dialog.control("theme")
    assert isinstance(theme, QComboBox)
    theme.setCurrentIndex(theme.findData("dark"))
    dark = app.window.findChild(QAction, "theme_dark")
    system = app.window.findChild(QAction, "theme_system")
    assert dark is not None and system is not None
    assert dark.isChecked() and not system.isChecked()
    assert app.theme.is_dark
    # And the other way: the menu's choice is what the settings dialog shows next time.
    light = app.window.findChild(QAction, "theme_light")
    assert light is not None
    light.trigger()
    assert app.settings.get("theme") == "light" and not app.theme.is_dark
    again = SettingsDialog(app.settings, page="General")
    qtbot.addWidget(again)
    shown = again.control("theme")
    assert isinstance(shown, QComboBox) and shown.currentData() == "light"


def test_sound_this_computer_lacks_is_explained_from_the_start_and_not_shown_ticked(
    qtbot: QtBot, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Before any session: the Sessions page says what is missing and what to install."""
    from spinecoach.sound.cue_player import CuePlayer

    monkeypatch.setattr(CuePlayer, "why_tones_silent", property(lambda _p: "no library (X)"))
    monkeypatch.setattr(CuePlayer, "why_not_spoken", property(lambda _p: "no engine (Y)"))
    application = build(data_dir)  # a real cue player
    qtbot.addWidget(application.window)
    try:
        dialog = settings_dialog(application, "Sessions")
        qtbot.addWidget(dialog)
        form = dialog.forms["Sessions"]
        for key, words in (("sound_enabled", "no library (X)"), ("voice_enabled", "Y")):
            box = form.controls[key]
            assert isinstance(box, QCheckBox)
            assert not box.isEnabled() and not box.isChecked()
            assert words in form.notes[key].text()
            assert application.settings.get(key) is True  # the person's choice is kept
    finally:
        application.window.close()
        application.close_storage()


def language_combo(dialog: SettingsDialog) -> QComboBox:
    combo = dialog.control("language")
    assert isinstance(combo, QComboBox)
    return combo


def test_the_languages_are_named_in_themselves(qtbot: QtBot, app: Application) -> None:
    dialog = SettingsDialog(app.settings, page="General", languages=("en", "de", "de_AT"))
    qtbot.addWidget(dialog)
    combo = language_combo(dialog)
    assert dialog.forms["General"].controls["language"] is combo
    entries = [(combo.itemText(i), combo.itemData(i)) for i in range(combo.count())]
    # The tests' system is "C", which names no language: "Follow the system" alone.
    assert entries == [
        ("Follow the system", "system"),
        ("English", "en"),
        ("Deutsch", "de"),
        ("Österreichisches Deutsch", "de_AT"),
    ]
    assert combo.currentData() == "system"
    assert combo.accessibleName() == "Language"


def test_without_translations_only_the_system_and_english_are_offered(
    qtbot: QtBot, app: Application
) -> None:
    dialog = SettingsDialog(app.settings, page="General")
    qtbot.addWidget(dialog)
    combo = language_combo(dialog)
    assert [combo.itemData(i) for i in range(combo.count())] == ["system", "en"]


def test_following_the_system_names_the_systems_language(
    qtbot: QtBot, app: Application, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtCore import QLocale

    from spinecoach.ui.shell import settings_form

    class GermanSystem(QLocale):
        @staticmethod
        def system() -> QLocale:
            return QLocale("de_DE")

    monkeypatch.setattr(settings_form, "QLocale", GermanSystem)
    dialog = SettingsDialog(app.settings, page="General", languages=("en", "de"))
    qtbot.addWidget(dialog)
    combo = language_combo(dialog)
    assert combo.itemText(0) == "Follow the system (Deutsch)"
    note = dialog.forms["General"].language_note
    assert note is not None and not note.isHidden()  # the system's German is not in use


def test_choosing_a_language_stores_it_and_says_when_it_applies(
    qtbot: QtBot, app: Application
) -> None:
    dialog = SettingsDialog(app.settings, page="General", languages=("en", "de"))
    qtbot.addWidget(dialog)
    combo = language_combo(dialog)
    note = dialog.forms["General"].language_note
    assert note is not None
    assert note.isHidden()  # "system" is English here, the language in use
    combo.setCurrentIndex(combo.findData("de"))
    assert app.settings.get("language") == "de"
    assert app.state.get("language") == "de"  # the state file: read before the window exists
    assert not note.isHidden()
    assert note.text() == "This applies the next time SpineCoach starts."
    combo.setCurrentIndex(combo.findData("en"))
    assert app.settings.get("language") == "en"
    assert note.isHidden()
    combo.setCurrentIndex(combo.findData("system"))
    assert app.settings.get("language") == "system"
    assert note.isHidden()


def test_the_note_compares_with_the_language_in_use(qtbot: QtBot, app: Application) -> None:
    app.settings.set("language", "de")
    dialog = SettingsDialog(
        app.settings, page="General", languages=("en", "de"), language_in_use="de"
    )
    qtbot.addWidget(dialog)
    combo = language_combo(dialog)
    note = dialog.forms["General"].language_note
    assert note is not None
    assert combo.currentData() == "de" and note.isHidden()
    combo.setCurrentIndex(combo.findData("system"))  # the system's is English here
    assert not note.isHidden()
    combo.setCurrentIndex(combo.findData("de"))
    assert note.isHidden()


# --- issue 15: ranges said, typed times applied, a dialog the size of its pages, where to find it


def shown_dialog(qtbot: QtBot, app: Application, page: str = "Reminders") -> SettingsDialog:
    dialog = SettingsDialog(app.settings, page=page)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow, timeout=2000)
    return dialog


def test_a_number_out_of_range_is_kept_while_typed_then_refused_in_words(
    qtbot: QtBot, app: Application
) -> None:
    dialog = shown_dialog(qtbot, app)
    every = dialog.control("reminder_interval_minutes")
    assert isinstance(every, QSpinBox)
    allowed = dialog.findChild(QLabel, "range_reminder_interval_minutes")
    assert allowed is not None and allowed.isVisible()
    assert allowed.text() == "from 10 to 120"  # the range, beside the box, always
    assert every.accessibleDescription() == "from 10 to 120"
    refused = dialog.forms["Reminders"].refusals["reminder_interval_minutes"]
    assert refused.isHidden()
    every.setFocus()
    qtbot.waitUntil(every.hasFocus, timeout=1000)
    every.lineEdit().selectAll()
    qtbot.keyClicks(every.lineEdit(), "5")
    assert every.lineEdit().text().startswith("5")  # the person's typing stays while typing
    assert app.settings.get("reminder_interval_minutes") == 30
    dialog.control("natural_break_minutes").setFocus()  # leave the field
    qtbot.waitUntil(lambda: not refused.isHidden(), timeout=1000)
    assert refused.text() == (
        "5 is less than 10, the least allowed. Not changed: it is still 30 min of sitting."
    )
    assert every.value() == 30
    assert app.settings.get("reminder_interval_minutes") == 30
    # Past the most allowed it is said at once, and nothing typed is lost.
    every.setFocus()
    qtbot.waitUntil(every.hasFocus, timeout=1000)
    every.lineEdit().selectAll()
    qtbot.keyClicks(every.lineEdit(), "500")
    assert every.lineEdit().text().startswith("500")
    assert refused.isVisibleTo(dialog)
    assert refused.text() == "500 is more than 120, the most allowed."
    # A number in range is stored and the words go.
    every.lineEdit().selectAll()
    qtbot.keyClicks(every.lineEdit(), "45")
    assert app.settings.get("reminder_interval_minutes") == 45
    assert refused.isHidden()


def test_typed_working_hours_apply(qtbot: QtBot, app: Application) -> None:
    dialog = shown_dialog(qtbot, app, "Working hours")
    editor = dialog.control("working_hours")
    assert isinstance(editor, WorkingHoursEditor)
    _monday, start, end = editor.days[0]
    start.setFocus()
    qtbot.waitUntil(start.hasFocus, timeout=1000)
    for typed, stored in (("0745", "07:45"), ("8:30", "08:30"), ("7", "07:00"), ("6.15", "06:15")):
        start.lineEdit().selectAll()
        qtbot.keyClicks(start.lineEdit(), typed)
        qtbot.keyClick(start.lineEdit(), Qt.Key.Key_Return)  # or leave the field
        assert start.time() == QTime.fromString(stored, "HH:mm"), typed
        assert start.lineEdit().text() == stored
        assert app.settings.get("working_hours").startswith(f"mon {stored}-18:00"), typed
    # Something that is not a time is refused in words, and the time stays.
    start.lineEdit().selectAll()
    qtbot.keyClicks(start.lineEdit(), "25:70")
    end.setFocus()
    qtbot.waitUntil(lambda: not editor.error.isHidden(), timeout=1000)
    assert editor.error.text() == "“25:70” is not a time of day: type it like 08:30."
    assert start.lineEdit().text() == "06:15"
    assert app.settings.get("working_hours").startswith("mon 06:15-18:00")
    # The arrows still work: an hour on the hours, five minutes on the minutes.
    end.lineEdit().setCursorPosition(1)
    end.stepBy(1)
    assert end.time() == QTime(19, 0)
    end.lineEdit().setCursorPosition(4)
    end.stepBy(-1)
    assert end.time() == QTime(18, 55)
    assert app.settings.get("working_hours").startswith("mon 06:15-18:55")
    assert editor.error.isHidden()


def test_a_typed_daily_reminder_time_applies(qtbot: QtBot, app: Application) -> None:
    dialog = shown_dialog(qtbot, app, "Working hours")
    editor = dialog.control("daily_reminder_time")
    assert isinstance(editor, DailyTimeEditor)
    editor.enabled.setChecked(True)
    editor.time.setFocus()
    qtbot.waitUntil(editor.time.hasFocus, timeout=1000)
    editor.time.lineEdit().selectAll()
    qtbot.keyClicks(editor.time.lineEdit(), "1815")
    editor.enabled.setFocus()  # leaving the field applies it
    qtbot.waitUntil(lambda: app.settings.get("daily_reminder_time") == "18:15", timeout=1000)
    editor.time.setFocus()
    qtbot.waitUntil(editor.time.hasFocus, timeout=1000)
    editor.time.lineEdit().selectAll()
    qtbot.keyClicks(editor.time.lineEdit(), "soon")
    qtbot.keyClick(editor.time.lineEdit(), Qt.Key.Key_Return)
    assert editor.error.isVisibleTo(dialog)
    assert "“soon” is not a time of day" in editor.error.text()
    assert app.settings.get("daily_reminder_time") == "18:15"


def test_the_dialog_is_the_size_of_its_pages(qtbot: QtBot, app: Application) -> None:
    """Issue 15: 714 x 750 and mostly empty; the General page floated in it."""
    dialog = shown_dialog(qtbot, app, "General")
    assert dialog.height() < 600 and dialog.width() < 700
    heights = []
    for index in range(dialog.tabs.count()):
        page = dialog.tabs.widget(index)
        assert isinstance(page, QScrollArea)
        content = page.widget()
        assert content is not None
        heights.append(content.sizeHint().height())
    # No page is much longer than the others: none floats in a dialog made for another.
    assert max(heights) < 1.4 * min(heights)
    assert [dialog.tabs.tabText(i) for i in range(dialog.tabs.count())] == [
        "Reminders",
        "Working hours",
        "Sessions",
        "General",
    ]


def test_settings_are_under_file_with_ctrl_comma(qtbot: QtBot, app: Application) -> None:
    from PySide6.QtGui import QKeySequence

    from spinecoach.ui.shell.shortcuts_dialog import menu_keys

    window = app.window
    action = window.findChild(QAction, "settingsAction")
    assert action is not None
    menus = {
        entry.text().replace("&", ""): menu
        for entry in window.menuBar().actions()
        if isinstance(menu := entry.menu(), QMenu)
    }
    assert action in menus["File"].actions()
    assert action not in menus["View"].actions()
    assert action.shortcut() == QKeySequence("Ctrl+,")
    assert action.menuRole() == QAction.MenuRole.PreferencesRole  # macOS: the app menu
    requested: list[str] = []
    window.settings_requested.connect(requested.append)
    opened: list[QWidget] = []

    def close_it() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, SettingsDialog)
        opened.append(dialog)
        dialog.reject()

    QTimer.singleShot(0, close_it)
    action.trigger()  # the app opens the settings, on the Reminders page
    assert requested == ["Reminders"]
    assert len(opened) == 1
    assert ("Ctrl+,", "Settings") in menu_keys(window)  # and Help > Keyboard shortcuts says so
