"""A form built from setting declarations: one row per setting, applied as it is changed.

Each control takes its kind, range, label and unit from `core.settings`, so a setting is
declared once and every form that shows it agrees. Values are validated by the declaration
before they are stored; the controls cannot produce an out-of-range value in the first place.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QSlider,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from spinecoach.core.settings import SETTINGS_BY_KEY, Setting
from spinecoach.ui.main_window import SettingsAccess


class SettingsForm(QWidget):
    """Rows for `keys`; every change is stored at once and reported to `on_change`."""

    def __init__(
        self,
        keys: Sequence[str],
        store: SettingsAccess,
        on_change: Callable[[str, object], None] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._store = store
        self._on_change = on_change
        self.controls: dict[str, QWidget] = {}
        layout = QFormLayout(self)
        layout.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
        layout.setVerticalSpacing(12)
        for key in keys:
            setting = SETTINGS_BY_KEY[key]
            control = self._control(setting)
            control.setObjectName(f"setting_{key}")
            control.setToolTip(setting.description)
            control.setAccessibleName(setting.label or key)
            self.controls[key] = control
            if isinstance(control, QCheckBox):
                layout.addRow("", control)
            else:
                layout.addRow(f"{setting.label}:", control)

    def _control(self, setting: Setting) -> QWidget:
        value = self._store.get(setting.key)
        if setting.kind is bool:
            box = QCheckBox(setting.label)
            box.setChecked(bool(value))
            box.toggled.connect(lambda checked, key=setting.key: self._changed(key, checked))
            return box
        if setting.kind is int and setting.unit == "%":
            slider = QSlider(Qt.Orientation.Horizontal)
            slider.setRange(setting.minimum or 0, setting.maximum or 100)
            slider.setValue(int(value))
            slider.setMinimumWidth(220)
            slider.valueChanged.connect(lambda v, key=setting.key: self._changed(key, v))
            return slider
        if setting.kind is int:
            spin = QSpinBox()
            spin.setRange(setting.minimum or 0, setting.maximum or 999)
            spin.setValue(int(value))
            spin.setSuffix(f" {setting.unit}" if setting.unit else "")
            spin.valueChanged.connect(lambda v, key=setting.key: self._changed(key, v))
            return spin
        raise TypeError(f"no control for {setting.key} ({setting.kind.__name__})")

    def _changed(self, key: str, value: object) -> None:
        self._store.set(key, value)
        if self._on_change is not None:
            self._on_change(key, value)


PLAYER_SETTINGS = (
    "sound_enabled",
    "voice_enabled",
    "volume",
    "get_ready_seconds",
    "rest_between_exercises_seconds",
)


class PlayerSettingsDialog(QDialog):
    """Sound, voice and timing of sessions; changes apply at once."""

    def __init__(
        self,
        store: SettingsAccess,
        on_change: Callable[[str, object], None] | None = None,
        note: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("playerSettingsDialog")
        self.setWindowTitle("Session settings")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 16)
        title = QLabel("Sound, voice and timing")
        title.setProperty("role", "heading")
        layout.addWidget(title)
        self.form = SettingsForm(PLAYER_SETTINGS, store, on_change)
        layout.addWidget(self.form)
        if note:
            hint = QLabel(note)
            hint.setObjectName("playerSettingsNote")
            hint.setProperty("role", "muted")
            hint.setWordWrap(True)
            layout.addWidget(hint)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
