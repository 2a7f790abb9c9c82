"""Forms built from setting declarations: one row per setting, applied as it is changed.

Each control takes its kind, range, choices, label and unit from `core.settings`, so a setting
is declared once and every form that shows it agrees. Values are validated by the declaration
before they are stored, as they are typed: a control that can hold an invalid value (working
hours that end before they start) says so beside it and stores nothing until it is valid.

Every page scrolls when the dialog is too small for it (200 % text, a 960 x 540 screen), rows
whose control does not fit beside its label move under it, and notes wrap to the width there
is: nothing is squeezed into its neighbour or cut off. The dialog opens inside the screen.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from datetime import time
from typing import Any

from PySide6.QtCore import QSize, Qt, QTime, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QSlider,
    QSpinBox,
    QTabWidget,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from spinecoach.core.reminders import WorkingHours
from spinecoach.core.settings import SETTINGS, SETTINGS_BY_KEY, Setting
from spinecoach.ui.shell.main_window import SettingsAccess
from spinecoach.ui.widgets.on_screen import keep_on_screen, open_at_natural_size
from spinecoach.ui.widgets.page_scroll import scrolling_page

#: How a choice reads in a drop-down, where the stored word is not the words to show.
CHOICE_LABELS: dict[str, dict[object, str]] = {
    "theme": {
        "system": "Follow the system",
        "light": "Light",
        "dark": "Dark",
        "contrast": "High contrast",
    },
    "text_size": {
        100: "100 % (the system's size)",
        125: "125 %",
        150: "150 %",
        175: "175 %",
        200: "200 %",
    },
    "player_text_size": {"normal": "Normal", "large": "Large", "larger": "Larger"},
}

DAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def _indented(box: QAbstractSpinBox) -> QAbstractSpinBox:
    """Give the text the same inset as the line edits and combo boxes.

    The stylesheet's padding does not reach a spin box's inner line edit (Fusion places it at
    the frame's edge), so the margin is set on the line edit itself.
    """
    box.lineEdit().setTextMargins(6, 0, 0, 0)
    return box


class WorkingHoursEditor(QWidget):
    """A row per weekday: on/off, start and end. Emits the stored text only when valid."""

    value_changed = Signal(str)

    def __init__(self, text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        try:
            hours = WorkingHours.parse(text)
        except ValueError:
            hours = WorkingHours.default()
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(8)
        grid.setVerticalSpacing(4)
        self.days: list[tuple[QCheckBox, QTimeEdit, QTimeEdit]] = []
        for index, name in enumerate(DAY_NAMES):
            span = hours.days[index]
            box = QCheckBox(name)
            box.setObjectName(f"workday_{index}")
            box.setChecked(span is not None)
            start, end = span or (time(9), time(17))
            start_edit, end_edit = self._time_edit(start), self._time_edit(end)
            start_edit.setObjectName(f"workday_{index}_start")
            end_edit.setObjectName(f"workday_{index}_end")
            start_edit.setAccessibleName(f"{name} start")
            end_edit.setAccessibleName(f"{name} end")
            grid.addWidget(box, index, 0)
            grid.addWidget(start_edit, index, 1)
            grid.addWidget(QLabel("to"), index, 2)
            grid.addWidget(end_edit, index, 3)
            for signal in (box.toggled, start_edit.timeChanged, end_edit.timeChanged):
                signal.connect(self._edited)
            self.days.append((box, start_edit, end_edit))
        self.error = QLabel()
        self.error.setObjectName("workingHoursError")
        self.error.setProperty("role", "redflag")
        self.error.setWordWrap(True)
        self.error.hide()
        grid.addWidget(self.error, len(DAY_NAMES), 0, 1, 4)
        grid.setColumnStretch(4, 1)
        self._update_enabled()

    @staticmethod
    def _time_edit(value: time) -> QTimeEdit:
        edit = QTimeEdit(QTime(value.hour, value.minute))
        _indented(edit)
        edit.setDisplayFormat("HH:mm")
        edit.setMinimumWidth(84)
        return edit

    def hours(self) -> WorkingHours | None:
        """The working hours shown, or None while a day ends before it starts."""
        days: list[tuple[time, time] | None] = []
        for box, start_edit, end_edit in self.days:
            if not box.isChecked():
                days.append(None)
                continue
            start, end = start_edit.time().toPython(), end_edit.time().toPython()
            assert isinstance(start, time) and isinstance(end, time)
            if not start < end:
                return None
            days.append((start, end))
        return WorkingHours(tuple(days))

    def _update_enabled(self) -> None:
        for box, start_edit, end_edit in self.days:
            start_edit.setEnabled(box.isChecked())
            end_edit.setEnabled(box.isChecked())

    def _edited(self) -> None:
        self._update_enabled()
        hours = self.hours()
        if hours is None:
            bad = [
                DAY_NAMES[i]
                for i, (box, start, end) in enumerate(self.days)
                if box.isChecked() and not start.time() < end.time()
            ]
            self.error.setText(f"{', '.join(bad)}: the end must come after the start.")
            self.error.show()
            return
        self.error.hide()
        self.value_changed.emit(hours.to_text())


class _RowLabel(QLabel):
    """A form row's label, as tall as its control's first line, so it is centred on it.

    Measured whenever the layout asks, not once: at another text size the control's line is
    another height (a fixed height cut the label off after a change of text size).
    """

    def __init__(self, text: str, control: QWidget) -> None:
        super().__init__(text)
        self._control = control
        self.setBuddy(control)
        self.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)

    def _first_line(self) -> int:
        if isinstance(self._control, WorkingHoursEditor):
            return self._control.days[0][1].sizeHint().height()
        return self._control.sizeHint().height()

    def sizeHint(self) -> QSize:
        """Qt override: the label's width, its control's first line's height."""
        hint = super().sizeHint()
        return QSize(hint.width(), max(hint.height(), self._first_line()))

    def minimumSizeHint(self) -> QSize:
        """Qt override: as `sizeHint`; a label is never squeezed below its line."""
        return self.sizeHint()


class DailyTimeEditor(QWidget):
    """Remind me at [17:30], or off; the stored text is "HH:MM" or empty."""

    value_changed = Signal(str)

    def __init__(self, text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        self.enabled = QCheckBox("Remind me at")
        self.enabled.setObjectName("dailyReminderOn")
        hour, _, minute = (text or "17:30").partition(":")
        self.time = QTimeEdit(QTime(int(hour), int(minute)))
        _indented(self.time)
        self.time.setObjectName("dailyReminderTime")
        self.time.setDisplayFormat("HH:mm")
        self.time.setAccessibleName("Daily exercise reminder time")
        self.enabled.setChecked(bool(text))
        self.time.setEnabled(bool(text))
        row.addWidget(self.enabled)
        row.addWidget(self.time)
        condition = QLabel("if I have not exercised that day")
        condition.setWordWrap(True)
        row.addWidget(condition, 1)
        self.enabled.toggled.connect(self._edited)
        self.time.timeChanged.connect(self._edited)

    def value(self) -> str:
        """The stored form."""
        return self.time.time().toString("HH:mm") if self.enabled.isChecked() else ""

    def _edited(self) -> None:
        self.time.setEnabled(self.enabled.isChecked())
        self.value_changed.emit(self.value())


class SettingsForm(QWidget):
    """Rows for `keys`; every valid change is stored at once and reported to `on_change`.

    `unavailable` maps a key to the reason its feature cannot work on this machine: the control
    is shown disabled with the reason beneath, so the person knows why.
    """

    def __init__(
        self,
        keys: Sequence[str],
        store: SettingsAccess,
        on_change: Callable[[str, object], None] | None = None,
        parent: QWidget | None = None,
        unavailable: Mapping[str, str] | None = None,
    ) -> None:
        super().__init__(parent)
        self._store = store
        self._on_change = on_change
        self.controls: dict[str, QWidget] = {}
        self.notes: dict[str, QLabel] = {}
        layout = QFormLayout(self)
        layout.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        layout.setVerticalSpacing(12)
        # Controls keep their natural width; notes (Expanding) take the row's width to wrap in.
        layout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        layout.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        for key in keys:
            setting = SETTINGS_BY_KEY[key]
            control = self._control(setting)
            control.setObjectName(f"setting_{key}")
            control.setToolTip(setting.description)
            control.setAccessibleName(setting.label or key)
            self.controls[key] = control
            if isinstance(control, QCheckBox):
                # Never narrower than its words: a row too narrow moves under the labels.
                control.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
                layout.addRow("", control)
            else:
                layout.addRow(self._label(setting.label, control), control)
            reason = (unavailable or {}).get(key)
            if reason:
                control.setEnabled(False)
                if isinstance(control, QCheckBox):
                    # It cannot work here: not shown ticked. The stored choice is kept, so it
                    # comes back if the computer gains what was missing.
                    control.blockSignals(True)
                    control.setChecked(False)
                    control.blockSignals(False)
                note = QLabel(reason)
                note.setObjectName(f"unavailable_{key}")
                note.setProperty("role", "muted")
                note.setWordWrap(True)
                note.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
                self.notes[key] = note
                layout.addRow("", note)

    @staticmethod
    def _label(text: str, control: QWidget) -> QLabel:
        """A row label centred on its control's first line (the form would top-align it)."""
        return _RowLabel(f"{text}:", control)

    def _control(self, setting: Setting[Any]) -> QWidget:
        key, value = setting.key, self._store.get(setting.key)
        if key == "working_hours":
            hours = WorkingHoursEditor(str(value))
            hours.value_changed.connect(lambda text: self._changed(key, text))
            return hours
        if key == "daily_reminder_time":
            daily = DailyTimeEditor(str(value))
            daily.value_changed.connect(lambda text: self._changed(key, text))
            return daily
        if setting.kind is bool:
            box = QCheckBox(setting.label)
            box.setChecked(bool(value))
            box.toggled.connect(lambda checked: self._changed(key, checked))
            return box
        if setting.choices:
            combo = QComboBox()
            labels = CHOICE_LABELS.get(key, {})
            for choice in setting.choices:
                text = labels.get(choice, f"{choice} {setting.unit}".strip())
                combo.addItem(text, choice)
            combo.setCurrentIndex(max(0, combo.findData(value)))
            combo.currentIndexChanged.connect(lambda i: self._changed(key, combo.itemData(i)))
            return combo
        if setting.kind is int and setting.unit == "%":
            slider = QSlider(Qt.Orientation.Horizontal)
            slider.setRange(setting.minimum or 0, setting.maximum or 100)
            slider.setValue(int(value))
            slider.setMinimumWidth(220)
            # Its natural width: only notes grow to the form's width (ExpandingFieldsGrow).
            slider.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
            slider.valueChanged.connect(lambda v: self._changed(key, v))
            return slider
        if setting.kind is int:
            spin = QSpinBox()
            _indented(spin)
            spin.setRange(setting.minimum or 0, setting.maximum or 999)
            spin.setValue(int(value))
            spin.setSuffix(f" {setting.unit}" if setting.unit else "")
            spin.valueChanged.connect(lambda v: self._changed(key, v))
            return spin
        raise TypeError(f"no control for {key} ({setting.kind.__name__})")

    def _changed(self, key: str, value: object) -> None:
        try:
            SETTINGS_BY_KEY[key].validate(value)
        except ValueError:
            return  # the controls cannot produce this; never store it if one does
        self._store.set(key, value)
        if self._on_change is not None:
            self._on_change(key, value)


def keys_in_group(group: str) -> tuple[str, ...]:
    """The declared settings the dialog shows under `group`, in declaration order."""
    return tuple(setting.key for setting in SETTINGS if setting.group == group)


#: The pages of the settings dialog, in order.
PAGES: tuple[tuple[str, str], ...] = (
    ("Reminders", "When to remind you to stand up, and when not to"),
    ("Sessions", "Sound, voice, timing and text of the session player"),
    ("General", "Colours, goal and how SpineCoach starts"),
)

PLAYER_SETTINGS = keys_in_group("Sessions")


class SettingsDialog(QDialog):
    """Every setting in one place, a tab per group; changes apply at once (no OK needed)."""

    def __init__(
        self,
        store: SettingsAccess,
        on_change: Callable[[str, object], None] | None = None,
        notes: Mapping[str, str] | None = None,
        unavailable: Mapping[str, str] | None = None,
        page: str = "Reminders",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("settingsDialog")
        self.setWindowTitle("SpineCoach settings")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 18, 20, 14)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("settingsTabs")
        self.forms: dict[str, SettingsForm] = {}
        for group, subtitle in PAGES:
            page_widget = QWidget()
            column = QVBoxLayout(page_widget)
            column.setContentsMargins(16, 14, 16, 10)
            heading = QLabel(subtitle)
            heading.setProperty("role", "heading")
            heading.setWordWrap(True)
            column.addWidget(heading)
            form = SettingsForm(keys_in_group(group), store, on_change, unavailable=unavailable)
            self.forms[group] = form
            column.addWidget(form)
            note = (notes or {}).get(group)
            if note:
                hint = QLabel(note)
                hint.setObjectName(f"settingsNote_{group}")
                hint.setProperty("role", "muted")
                hint.setWordWrap(True)
                column.addWidget(hint)
            column.addStretch(1)
            self.tabs.addTab(scrolling_page(page_widget, f"settingsPage_{group}"), group)
        self.tabs.setCurrentIndex([g for g, _s in PAGES].index(page))
        layout.addWidget(self.tabs)
        saved = QLabel("Changes are saved as you make them.")
        saved.setProperty("role", "muted")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        footer = QHBoxLayout()
        footer.addWidget(saved, 1)
        footer.addWidget(buttons)
        layout.addLayout(footer)

    def setVisible(self, visible: bool) -> None:
        """Qt override: the first time, open as large as the pages ask, up to the screen."""
        if visible and not self.isVisible():
            open_at_natural_size(self)
        super().setVisible(visible)

    def showEvent(self, event: QShowEvent) -> None:
        """Qt override: open whole on the screen, however large the text."""
        super().showEvent(event)
        keep_on_screen(self)

    def control(self, key: str) -> QWidget:
        """The control of a setting, whichever page it is on."""
        for form in self.forms.values():
            if key in form.controls:
                return form.controls[key]
        raise KeyError(key)
