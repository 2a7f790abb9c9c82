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

import re
from collections.abc import Callable, Mapping, Sequence
from datetime import time
from typing import Any

from PySide6.QtCore import QCoreApplication, QLocale, QSize, Qt, QTime, Signal
from PySide6.QtGui import QKeyEvent, QShowEvent, QValidator
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
    QVBoxLayout,
    QWidget,
)

from spinecoach.core.languages import choose_language
from spinecoach.core.reminders import WorkingHours
from spinecoach.core.settings import (
    AVOID_MOVEMENTS,
    LANGUAGE,
    SETTINGS,
    SETTINGS_BY_KEY,
    WAIT_FOR_APPS,
    Setting,
)
from spinecoach.core.ui_text import QT_TRANSLATE_NOOP
from spinecoach.ui.care.hurts_dialog import MovementChoices
from spinecoach.ui.shell.app_names_field import AppNamesField
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


# A time as people type it: "8:30", "08.30", "0830", "830", "8h30", "17 30"; or an hour alone.
_TIME = re.compile(r"\s*(\d{1,2})\s*(?:[:.hH ]\s*(\d{2})?)?\s*")
_TIME_DIGITS = re.compile(r"\s*(\d{1,2})(\d{2})\s*")


def typed_time(text: str, *, hour_alone: bool = True) -> QTime | None:
    """The time of day `text` means, or None; `hour_alone`: "8" means 08:00."""
    match = _TIME_DIGITS.fullmatch(text) or _TIME.fullmatch(text)
    if match is None:
        return None
    hour, minute = int(match.group(1)), match.group(2)
    if minute is None and not hour_alone:
        return None
    value = QTime(hour, int(minute or 0))
    return value if value.isValid() else None


class TimeField(QAbstractSpinBox):
    """A time of day that is typed ("8:30", "0830", "8") or stepped with the arrows.

    Qt's time editor takes typing a digit at a time per section, so a time typed over a
    selection was lost (issue 15). Here the text is the person's until they leave the field or
    press Enter: then a time is applied, and anything else is refused in words
    (`refused(text)`) and the last time shown again. The arrows (and Up/Down, the wheel) apply
    at once: an hour on the hour, five minutes on the minutes.

    Signals:
        timeChanged(QTime): the time changed (typed and finished, or stepped).
        refused(str): what was typed is not a time of day; the time stays as it was.
        accepted(): a typed time was applied (the person's last refusal is void).
    """

    timeChanged = Signal(QTime)  # noqa: N815 - named as QTimeEdit names it
    refused = Signal(str)
    accepted = Signal()

    MINUTE_STEP = 5

    def __init__(self, value: QTime, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._time = QTime(value.hour(), value.minute())
        self.lineEdit().setText(self._text())
        self.lineEdit().setTextMargins(6, 0, 0, 0)  # as `_indented` gives the spin boxes
        self.setMinimumWidth(84)
        self.editingFinished.connect(self._finish)

    def _text(self) -> str:
        return self._time.toString("HH:mm")

    def sizeHint(self) -> QSize:
        """Qt override: room for "00:00" and the arrows at any text size."""
        hint = super().sizeHint()
        ink = self.fontMetrics().horizontalAdvance("00:00")
        arrows = self.style().pixelMetric(self.style().PixelMetric.PM_ScrollBarExtent, None, self)
        return QSize(max(84, ink + arrows + 36), hint.height())

    def minimumSizeHint(self) -> QSize:
        """Qt override: never narrower than its time."""
        return self.sizeHint()

    def time(self) -> QTime:
        """The time applied (not what is being typed)."""
        return QTime(self._time)

    def setTime(self, value: QTime) -> None:
        """Show and apply `value` (timeChanged if it is another time)."""
        value = QTime(value.hour(), value.minute())
        changed = value != self._time
        self._time = value
        if self.lineEdit().text() != self._text():
            self.lineEdit().setText(self._text())
        if changed:
            self.timeChanged.emit(self.time())

    def validate(self, text: str, pos: int) -> tuple[QValidator.State, str, int]:
        """Qt override: a whole time is acceptable; anything else waits for the person."""
        if typed_time(text, hour_alone=False) is not None:
            return QValidator.State.Acceptable, text, pos
        return QValidator.State.Intermediate, text, pos

    def fixup(self, text: str) -> str:
        """Qt override: nothing is corrected behind the person's back."""
        return text

    def stepEnabled(self) -> QAbstractSpinBox.StepEnabledFlag:
        """Qt override: both ways, round the clock."""
        return (
            QAbstractSpinBox.StepEnabledFlag.StepUpEnabled
            | QAbstractSpinBox.StepEnabledFlag.StepDownEnabled
        )

    def stepBy(self, steps: int) -> None:
        """Qt override: the hour when the cursor is in it, else five minutes."""
        self._finish()  # a typed time first
        edit = self.lineEdit()
        on_hour = edit.cursorPosition() <= 2
        seconds = steps * (3600 if on_hour else self.MINUTE_STEP * 60)
        self.setTime(self._time.addSecs(seconds))
        edit.setCursorPosition(1 if on_hour else 4)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Qt override: Enter applies what was typed and stays (it does not close the dialog)."""
        super().keyPressEvent(event)
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            event.accept()

    def _finish(self) -> None:
        text = self.lineEdit().text()
        if text == self._text():
            return
        value = typed_time(text)
        if value is None:
            if text.strip():
                self.refused.emit(text.strip())
            self.lineEdit().setText(self._text())
            return
        self.setTime(value)
        self.lineEdit().setText(self._text())
        self.accepted.emit()


def refusal(text: str) -> str:
    """Why a typed time was not taken, and how to write one."""
    return QCoreApplication.translate(
        "WorkingHoursEditor", "“{text}” is not a time of day: type it like 08:30."
    ).format(text=text)


class RangeSpinBox(QSpinBox):
    """A number within its range; what is typed stays until the person leaves the field.

    Qt's spin box refused a keystroke that would go past the maximum and put the old value back
    without a word when the person left with a number below the minimum ("5" in "Every":
    30 again). Here every number can be typed; beside the box the range is shown, and
    `refused(number)` says which typed number was not taken when the person left the field.
    """

    refused = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._typed: int | None = None
        self.lineEdit().textEdited.connect(self._edited)
        self.editingFinished.connect(self._finished)

    def number(self, text: str) -> int | None:
        """The whole number in `text` (the suffix left out), or None."""
        text = text.strip()
        suffix = self.suffix().strip()
        if suffix and text.endswith(suffix):
            text = text[: -len(suffix)].strip()
        return int(text) if text.isdigit() else None

    def validate(self, text: str, pos: int) -> tuple[QValidator.State, str, int]:
        """Qt override: any number may be typed; only one in range is acceptable."""
        number = self.number(text)
        if number is None:
            if text.strip() in ("", self.suffix().strip()):
                return QValidator.State.Intermediate, text, pos
            return super().validate(text, pos)
        if self.minimum() <= number <= self.maximum():
            return QValidator.State.Acceptable, text, pos
        return QValidator.State.Intermediate, text, pos

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Qt override: Enter takes (or refuses) what was typed and stays in the dialog."""
        super().keyPressEvent(event)
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            event.accept()

    def typed(self) -> int | None:
        """The number being typed now (None when none, or once the field was left)."""
        return self._typed

    def _edited(self, text: str) -> None:
        self._typed = self.number(text)

    def _finished(self) -> None:
        typed, self._typed = self._typed, None
        if typed is not None and not self.minimum() <= typed <= self.maximum():
            self.refused.emit(typed)


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
        self.days: list[tuple[QCheckBox, TimeField, TimeField]] = []
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
            for edit in (start_edit, end_edit):
                edit.refused.connect(self._refused)
                edit.accepted.connect(self._edited)
            self.days.append((box, start_edit, end_edit))
        self.error = QLabel()
        self.error.setObjectName("workingHoursError")
        self.error.setProperty("role", "redflag")
        self.error.setWordWrap(True)
        self.error.hide()
        # Over the stretching column too: a long message widens that, not the "to" column.
        grid.addWidget(self.error, len(self._day_names), 0, 1, 5)
        grid.setColumnStretch(4, 1)
        self._update_enabled()

    @staticmethod
    def _time_edit(value: time) -> TimeField:
        return TimeField(QTime(value.hour, value.minute))

    def _refused(self, text: str) -> None:
        self.error.setText(refusal(text))
        self.error.show()

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


class DailyTimeEditor(QWidget):
    """Remind me at [17:30], or off; the stored text is "HH:MM" or empty."""

    value_changed = Signal(str)

    def __init__(self, text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(4)
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        self.enabled = QCheckBox(self.tr("Remind me at"))
        self.enabled.setObjectName("dailyReminderOn")
        hour, _, minute = (text or "17:30").partition(":")
        self.time = TimeField(QTime(int(hour), int(minute)))
        self.time.setObjectName("dailyReminderTime")
        self.time.setAccessibleName(self.tr("Daily exercise reminder time"))
        self.enabled.setChecked(bool(text))
        self.time.setEnabled(bool(text))
        row.addWidget(self.enabled)
        row.addWidget(self.time)
        condition = QLabel(self.tr("if I have not exercised that day"))
        condition.setWordWrap(True)
        row.addWidget(condition, 1)
        column.addLayout(row)
        self.error = QLabel()
        self.error.setObjectName("dailyReminderError")
        self.error.setProperty("role", "redflag")
        self.error.setWordWrap(True)
        self.error.hide()
        column.addWidget(self.error)
        self.enabled.toggled.connect(self._edited)
        self.time.timeChanged.connect(self._edited)
        self.time.refused.connect(lambda text: self._say(refusal(text)))
        self.time.accepted.connect(lambda: self._say(""))

    def value(self) -> str:
        """The stored form."""
        return self.time.time().toString("HH:mm") if self.enabled.isChecked() else ""

    def _say(self, text: str) -> None:
        self.error.setText(text)
        self.error.setVisible(bool(text))

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


def keys_in_group(group: str) -> tuple[str, ...]:
    """The declared settings the dialog shows under `group`, in declaration order."""
    return tuple(setting.key for setting in SETTINGS if setting.group == group)


#: The pages of the settings dialog, in order: the page's key (a group as `core.settings`
#: declares it, or "Working hours"; its tab shows it translated, context "Setting") and the
#: page's heading (context "SettingsDialog"). The Reminders group is two pages, so that no
#: page is twice as long as the others and the dialog is not mostly empty on the short ones.
PAGES: tuple[tuple[str, str], ...] = (
    (
        "Reminders",
        QT_TRANSLATE_NOOP("SettingsDialog", "When to remind you to stand up, and when not to"),
    ),
    (
        "Working hours",
        QT_TRANSLATE_NOOP("SettingsDialog", "Working days and hours, and a daily reminder"),
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

#: The settings of the Reminders group on their own page.
WORKING_HOURS_PAGE = ("working_hours", "daily_reminder_time")


def keys_on_page(page: str) -> tuple[str, ...]:
    """The settings a page of the dialog shows, in declaration order."""
    if page == "Working hours":
        return tuple(key for key in keys_in_group("Reminders") if key in WORKING_HOURS_PAGE)
    keys = keys_in_group(page)
    if page == "Reminders":
        keys = tuple(key for key in keys if key not in WORKING_HOURS_PAGE)
    return keys


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
                keys_on_page(group),
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
            name = f"settingsPage_{group.title().replace(' ', '')}"  # settingsPage_WorkingHours
            self.tabs.addTab(scrolling_page(page_widget, name), shown(group))
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
