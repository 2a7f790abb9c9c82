"""Forms built from setting declarations: one row per setting, applied as it is changed.

Each control takes its kind, range, choices, label and unit from `core.settings`, so a setting
is declared once and every form that shows it agrees. Values are validated by the declaration
before they are stored, as they are typed: a control that can hold an invalid value (working
hours that end before they start) says so beside it and stores nothing until it is valid.
Rows whose control does not fit beside its label move under it, and notes wrap to the width
there is.

A setting's label, description, unit and group are declared in `core.settings`, marked for
translation under the context "Setting", and translated here where they are shown. The language
is chosen from a list that names each language in itself ("Deutsch", "English"), so a person
who cannot read the language in use still finds theirs; it applies at the next start, which a
note under the list says.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any

from PySide6.QtCore import QCoreApplication, QLocale, QSize, Qt
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QSlider,
    QSpinBox,
    QWidget,
)

from spinecoach.core.languages import choose_language
from spinecoach.core.settings import (
    AVOID_MOVEMENTS,
    LANGUAGE,
    SETTINGS_BY_KEY,
    WAIT_FOR_APPS,
    Setting,
)
from spinecoach.core.ui_text import QT_TRANSLATE_NOOP
from spinecoach.ui.care.hurts_dialog import MovementChoices
from spinecoach.ui.shell.app_names_field import AppNamesField
from spinecoach.ui.shell.main_window import SettingsAccess
from spinecoach.ui.shell.typed_fields import RangeSpinBox
from spinecoach.ui.shell.working_hours_editors import DailyTimeEditor, WorkingHoursEditor

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
        if isinstance(self._control, DailyTimeEditor):
            return self._control.time.sizeHint().height()
        if isinstance(self._control, MovementChoices):
            return self._control.question.sizeHint().height()
        return self._control.sizeHint().height()

    def sizeHint(self) -> QSize:
        """Qt override: the label's width, its control's first line's height."""
        hint = super().sizeHint()
        return QSize(hint.width(), max(hint.height(), self._first_line()))

    def minimumSizeHint(self) -> QSize:
        """Qt override: as `sizeHint`; a label is never squeezed below its line."""
        return self.sizeHint()


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
        #: Under a number's box: why the number typed was not taken (hidden until then).
        self.refusals: dict[str, QLabel] = {}
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
            elif isinstance(control, RangeSpinBox):
                layout.addRow(self._label(shown(setting.label), control), self._ranged(control))
                self.refusals[key] = self._refusal_note(key, control)
                layout.addRow("", self.refusals[key])
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

    def _range_text(self, spin: QSpinBox) -> str:
        locale = QLocale()
        return self.tr("from {minimum} to {maximum}").format(
            minimum=locale.toString(spin.minimum()), maximum=locale.toString(spin.maximum())
        )

    def _ranged(self, spin: RangeSpinBox) -> QWidget:
        """The box and, beside it, the numbers it takes ("from 10 to 120")."""
        field = QWidget()
        row = QHBoxLayout(field)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(10)
        row.addWidget(spin)
        allowed = QLabel(self._range_text(spin))
        allowed.setObjectName(f"range_{spin.objectName().removeprefix('setting_')}")
        allowed.setProperty("role", "muted")
        row.addWidget(allowed)
        row.addStretch(1)
        spin.setAccessibleDescription(allowed.text())
        return field

    def _refusal_note(self, key: str, spin: RangeSpinBox) -> QLabel:
        """Why a typed number is not taken, under its box.

        Shown while typing past the most allowed, and on leaving the box with a number out of
        range (the box shows the setting as it still is).
        """
        note = QLabel()
        note.setObjectName(f"refused_{key}")
        note.setProperty("role", "redflag")
        note.setWordWrap(True)
        note.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        note.hide()
        locale = QLocale()

        def while_typing(_text: str) -> None:
            typed = spin.typed()
            if typed is not None and typed > spin.maximum():
                note.setText(
                    self.tr("{number} is more than {maximum}, the most allowed.").format(
                        number=locale.toString(typed), maximum=locale.toString(spin.maximum())
                    )
                )
                note.show()
            else:
                note.hide()

        def refused(number: int) -> None:
            word = (
                self.tr("{number} is less than {minimum}, the least allowed.")
                if number < spin.minimum()
                else self.tr("{number} is more than {maximum}, the most allowed.")
            )
            kept = self.tr("Not changed: it is still {value}.").format(
                value=f"{locale.toString(spin.value())}{spin.suffix()}"
            )
            note.setText(
                word.format(
                    number=locale.toString(number),
                    minimum=locale.toString(spin.minimum()),
                    maximum=locale.toString(spin.maximum()),
                )
                + " "
                + kept
            )
            note.show()

        spin.lineEdit().textEdited.connect(while_typing)
        spin.refused.connect(refused)
        spin.valueChanged.connect(lambda _value: note.hide())
        return note

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
        if key == WAIT_FOR_APPS.key:
            apps = AppNamesField(tuple(str(name) for name in value))
            apps.value_changed.connect(lambda names: self._changed(key, names))
            return apps
        if key == AVOID_MOVEMENTS.key:
            # Several of five: a box each (a tuple setting), the question above them.
            movements = MovementChoices(value)
            movements.changed.connect(lambda chosen: self._changed(key, chosen))
            return movements
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
            spin = RangeSpinBox()
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
