"""Forms built from setting declarations: one row per setting, applied as it is changed.

Each control takes its kind, range, choices, label and unit from `core.settings`, so a setting
is declared once and every form that shows it agrees. Values are validated by the declaration
before they are stored, as they are typed: a control that can hold an invalid value (working
hours that end before they start) says so beside it and stores nothing until it is valid.

Every page scrolls when the dialog is too small for it (200 % text, a 960 x 540 screen), rows
whose control does not fit beside its label move under it, and notes wrap to the width there
is: nothing is squeezed into its neighbour or cut off. The dialog opens inside the screen.

A setting's label, description, unit and group are declared in `core.settings`, marked for
translation under the context "Setting", and translated here where they are shown; the group
stays the page's key (`PAGES`, `page=`, `notes`). The language is chosen from a list that names
each language in itself ("Deutsch", "English"), so a person who cannot read the language in use
still finds theirs; it applies at the next start, which a note under the list says.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from datetime import time
from typing import Any

from PySide6.QtCore import QCoreApplication, QLocale, QSize, Qt, QTime, Signal
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

from spinecoach.core.languages import choose_language
from spinecoach.core.reminders import WorkingHours
from spinecoach.core.settings import LANGUAGE, SETTINGS, SETTINGS_BY_KEY, Setting
from spinecoach.core.ui_text import QT_TRANSLATE_NOOP
from spinecoach.ui.shell.main_window import SettingsAccess
from spinecoach.ui.widgets.on_screen import keep_on_screen, open_at_natural_size
from spinecoach.ui.widgets.page_scroll import scrolling_page

#: How a choice reads in a drop-down, where the stored word is not the words to show
#: (English, translated where shown in the context "SettingsForm").
CHOICE_LABELS: dict[str, dict[object, str]] = {
    "theme": {
        "system": QT_TRANSLATE_NOOP("SettingsForm", "Follow the system"),
        "light": QT_TRANSLATE_NOOP("SettingsForm", "Light"),
        "dark": QT_TRANSLATE_NOOP("SettingsForm", "Dark"),
        "contrast": QT_TRANSLATE_NOOP("SettingsForm", "High contrast"),
    },
    "text_size": {
        100: QT_TRANSLATE_NOOP("SettingsForm", "100 % (the system's size)"),
        125: "125 %",
        150: "150 %",
        175: "175 %",
        200: "200 %",
    },
    "player_text_size": {
        "normal": QT_TRANSLATE_NOOP("SettingsForm", "Normal"),
        "large": QT_TRANSLATE_NOOP("SettingsForm", "Large"),
        "larger": QT_TRANSLATE_NOOP("SettingsForm", "Larger"),
    },
}

# English is written in the code, so it needs no folder; it names itself so in every language.
ENGLISH_NAME = "English"


def shown(text: str) -> str:
    """A setting's label, description, unit or group (`core.settings`), as the window says it."""
    return QCoreApplication.translate("Setting", text) if text else text


def day_names() -> list[str]:
    """Monday to Sunday in the interface's language."""
    return [QLocale().dayName(day, QLocale.FormatType.LongFormat) for day in range(1, 8)]


def native_name(locale: QLocale) -> str:
    """The locale's language named in itself, capitalised as that language starts a line."""
    name = locale.nativeLanguageName()
    return locale.toUpper(name[:1]) + name[1:]


def language_name(code: str) -> str:
    """A language ("de", "de_AT", "en") named in itself, as a list of languages starts it.

    A country folder whose language name alone would read like its language's adds its country
    ("Português (Brasil)"); a code Qt does not know is shown as it is.
    """
    if code == "en":
        return ENGLISH_NAME
    locale = QLocale(code)
    name = native_name(locale)
    if not name or locale.language() == QLocale.Language.C:
        return code
    if "_" in code and name == language_name(code.split("_", 1)[0]):
        return f"{name} ({locale.nativeTerritoryName()})"
    return name


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
        self._day_names = day_names()
        for index, name in enumerate(self._day_names):
            span = hours.days[index]
            box = QCheckBox(name)
            box.setObjectName(f"workday_{index}")
            box.setChecked(span is not None)
            start, end = span or (time(9), time(17))
            start_edit, end_edit = self._time_edit(start), self._time_edit(end)
            start_edit.setObjectName(f"workday_{index}_start")
            end_edit.setObjectName(f"workday_{index}_end")
            start_edit.setAccessibleName(self.tr("{day} start").format(day=name))
            end_edit.setAccessibleName(self.tr("{day} end").format(day=name))
            grid.addWidget(box, index, 0)
            grid.addWidget(start_edit, index, 1)
            grid.addWidget(QLabel(self.tr("to")), index, 2)
            grid.addWidget(end_edit, index, 3)
            for signal in (box.toggled, start_edit.timeChanged, end_edit.timeChanged):
                signal.connect(self._edited)
            self.days.append((box, start_edit, end_edit))
        self.error = QLabel()
        self.error.setObjectName("workingHoursError")
        self.error.setProperty("role", "redflag")
        self.error.setWordWrap(True)
        self.error.hide()
        grid.addWidget(self.error, len(self._day_names), 0, 1, 4)
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
                self._day_names[i]
                for i, (box, start, end) in enumerate(self.days)
                if box.isChecked() and not start.time() < end.time()
            ]
            self.error.setText(
                self.tr("{days}: the end must come after the start.").format(days=", ".join(bad))
            )
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
        self.enabled = QCheckBox(self.tr("Remind me at"))
        self.enabled.setObjectName("dailyReminderOn")
        hour, _, minute = (text or "17:30").partition(":")
        self.time = QTimeEdit(QTime(int(hour), int(minute)))
        _indented(self.time)
        self.time.setObjectName("dailyReminderTime")
        self.time.setDisplayFormat("HH:mm")
        self.time.setAccessibleName(self.tr("Daily exercise reminder time"))
        self.enabled.setChecked(bool(text))
        self.time.setEnabled(bool(text))
        row.addWidget(self.enabled)
        row.addWidget(self.time)
        condition = QLabel(self.tr("if I have not exercised that day"))
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

    `languages`: the translations there are (folder names; "en" may be among them), offered
    after "Follow the system" and English. `language_in_use`: the language the app started in;
    a choice that means another one says that it applies at the next start (`language_note`).
    """

    def __init__(
        self,
        keys: Sequence[str],
        store: SettingsAccess,
        on_change: Callable[[str, object], None] | None = None,
        parent: QWidget | None = None,
        unavailable: Mapping[str, str] | None = None,
        *,
        languages: Sequence[str] = (),
        language_in_use: str = "en",
    ) -> None:
        super().__init__(parent)
        self._store = store
        self._on_change = on_change
        self._languages = tuple(dict.fromkeys(("en", *languages)))
        self._language_in_use = language_in_use
        self.controls: dict[str, QWidget] = {}
        self.notes: dict[str, QLabel] = {}
        self.language_note: QLabel | None = None
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
            control.setToolTip(shown(setting.description))
            control.setAccessibleName(shown(setting.label) or key)
            self.controls[key] = control
            if isinstance(control, QCheckBox):
                # Never narrower than its words: a row too narrow moves under the labels.
                control.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
                layout.addRow("", control)
            else:
                layout.addRow(self._label(shown(setting.label), control), control)
            if key == LANGUAGE.key and isinstance(control, QComboBox):
                self.language_note = self._language_note(control)
                layout.addRow("", self.language_note)
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

    def _label(self, text: str, control: QWidget) -> QLabel:
        """A row label centred on its control's first line (the form would top-align it)."""
        return _RowLabel(self.tr("{label}:").format(label=text), control)

    def _language_control(self, value: object) -> QComboBox:
        """Follow the system (its language named), English, then each translation, by name."""
        combo = QComboBox()
        system_name = native_name(QLocale.system())
        combo.addItem(
            self.tr("Follow the system ({language})").format(language=system_name)
            if system_name
            else self.tr("Follow the system"),
            LANGUAGE.default,  # "system"
        )
        for code in self._languages:
            combo.addItem(language_name(code), code)
        combo.setCurrentIndex(max(0, combo.findData(value)))
        combo.currentIndexChanged.connect(lambda i: self._changed(LANGUAGE.key, combo.itemData(i)))
        return combo

    def _language_note(self, combo: QComboBox) -> QLabel:
        """Under the language: shown while the choice means another language than the one in use."""
        note = QLabel(self.tr("This applies the next time SpineCoach starts."))
        note.setObjectName("languageNote")
        note.setProperty("role", "muted")
        note.setWordWrap(True)
        note.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)

        def follow(_index: int = 0) -> None:
            choice = combo.currentData()
            means = choose_language(str(choice), QLocale.system().name(), self._languages)
            note.setHidden(means == self._language_in_use)

        combo.currentIndexChanged.connect(follow)
        follow()
        return note

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
        if key == LANGUAGE.key:
            return self._language_control(value)
        if setting.kind is bool:
            box = QCheckBox(shown(setting.label))
            box.setChecked(bool(value))
            box.toggled.connect(lambda checked: self._changed(key, checked))
            return box
        if setting.choices:
            combo = QComboBox()
            labels = CHOICE_LABELS.get(key, {})
            for choice in setting.choices:
                label = labels.get(choice)
                text = (
                    QCoreApplication.translate("SettingsForm", label)
                    if label
                    else f"{choice} {shown(setting.unit)}".strip()
                )
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
            spin.setSuffix(f" {shown(setting.unit)}" if setting.unit else "")
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


#: The pages of the settings dialog, in order: the group (the page's key, as `core.settings`
#: declares it; its tab shows it translated) and the page's heading (context "SettingsDialog").
PAGES: tuple[tuple[str, str], ...] = (
    (
        "Reminders",
        QT_TRANSLATE_NOOP("SettingsDialog", "When to remind you to stand up, and when not to"),
    ),
    (
        "Sessions",
        QT_TRANSLATE_NOOP("SettingsDialog", "Sound, voice, timing and text of the session player"),
    ),
    (
        "General",
        QT_TRANSLATE_NOOP("SettingsDialog", "Colours, language, goal and how SpineCoach starts"),
    ),
)

PLAYER_SETTINGS = keys_in_group("Sessions")


class SettingsDialog(QDialog):
    """Every setting in one place, a tab per group; changes apply at once (no OK needed).

    `languages` are the translations there are (`core.translation.available_languages`), and
    `language_in_use` the language the app started in (see `SettingsForm`).
    """

    def __init__(
        self,
        store: SettingsAccess,
        on_change: Callable[[str, object], None] | None = None,
        notes: Mapping[str, str] | None = None,
        unavailable: Mapping[str, str] | None = None,
        page: str = "Reminders",
        parent: QWidget | None = None,
        *,
        languages: Sequence[str] = (),
        language_in_use: str = "en",
    ) -> None:
        super().__init__(parent)
        self.setObjectName("settingsDialog")
        self.setWindowTitle(self.tr("SpineCoach settings"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 18, 20, 14)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("settingsTabs")
        self.forms: dict[str, SettingsForm] = {}
        for group, subtitle in PAGES:
            page_widget = QWidget()
            column = QVBoxLayout(page_widget)
            column.setContentsMargins(16, 14, 16, 10)
            heading = QLabel(QCoreApplication.translate("SettingsDialog", subtitle))
            heading.setProperty("role", "heading")
            heading.setWordWrap(True)
            column.addWidget(heading)
            form = SettingsForm(
                keys_in_group(group),
                store,
                on_change,
                unavailable=unavailable,
                languages=languages,
                language_in_use=language_in_use,
            )
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
            self.tabs.addTab(scrolling_page(page_widget, f"settingsPage_{group}"), shown(group))
        self.tabs.setCurrentIndex([g for g, _s in PAGES].index(page))
        layout.addWidget(self.tabs)
        saved = QLabel(self.tr("Changes are saved as you make them."))
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
