"""The settings dialog: controls come from the declarations, changes are validated and applied."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QTime
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QCheckBox, QComboBox, QSlider, QSpinBox
from pytestqt.qtbot import QtBot

from spinecoach.app import Application, build
from spinecoach.core.clock import FakeClock
from spinecoach.core.settings import SETTINGS, SETTINGS_BY_KEY
from spinecoach.ui.shell.settings_dialog import (
    PLAYER_SETTINGS,
    DailyTimeEditor,
    SettingsDialog,
    WorkingHoursEditor,
)
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
        dialog = application.settings_dialog("Sessions")
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

    from spinecoach.ui.shell import settings_dialog

    class GermanSystem(QLocale):
        @staticmethod
        def system() -> QLocale:
            return QLocale("de_DE")

    monkeypatch.setattr(settings_dialog, "QLocale", GermanSystem)
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
