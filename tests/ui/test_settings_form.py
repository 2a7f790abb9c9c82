"""Session settings: controls come from the declarations, changes are stored and applied."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QCheckBox, QSlider, QSpinBox
from pytestqt.qtbot import QtBot

from spinecoach.app import build
from spinecoach.core.clock import FakeClock
from spinecoach.core.settings import SETTINGS_BY_KEY
from spinecoach.ui.settings_form import PLAYER_SETTINGS, PlayerSettingsDialog
from tests.fakes import RecordingCues, ScriptedPrompts


def test_form_rows_follow_the_declarations(qtbot: QtBot, data_dir: Path) -> None:
    app = build(data_dir, FakeClock(), prompts=ScriptedPrompts(), cues=RecordingCues())
    qtbot.addWidget(app.window)
    try:
        dialog = PlayerSettingsDialog(app.settings)
        qtbot.addWidget(dialog)
        controls = dialog.form.controls
        assert set(controls) == set(PLAYER_SETTINGS)
        assert isinstance(controls["sound_enabled"], QCheckBox)
        assert isinstance(controls["volume"], QSlider)
        spin = controls["get_ready_seconds"]
        assert isinstance(spin, QSpinBox)
        declared = SETTINGS_BY_KEY["get_ready_seconds"]
        assert (spin.minimum(), spin.maximum()) == (declared.minimum, declared.maximum)
        assert spin.suffix() == " s"
        assert spin.toolTip() == declared.description
    finally:
        app.window.close()
        app.database.close()


def test_changes_are_stored_at_once_and_reach_the_next_session(
    qtbot: QtBot, data_dir: Path
) -> None:
    app = build(data_dir, FakeClock(), prompts=ScriptedPrompts(), cues=RecordingCues())
    qtbot.addWidget(app.window)
    try:
        dialog = PlayerSettingsDialog(app.settings, app.apply_player_setting)
        qtbot.addWidget(dialog)
        spin = dialog.form.controls["get_ready_seconds"]
        assert isinstance(spin, QSpinBox)
        spin.setValue(12)
        box = dialog.form.controls["voice_enabled"]
        assert isinstance(box, QCheckBox)
        box.setChecked(False)
        assert app.settings.get("get_ready_seconds") == 12
        assert app.settings.get("voice_enabled") is False
        assert app.start_routine_id("desk-break")
        assert app.session.player.countdown.text() == "0:12"
        app.player.toggle_pause()
    finally:
        app.window.close()
        app.database.close()
