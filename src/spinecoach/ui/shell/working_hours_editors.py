"""The editors of the settings that are times of day: the working week and the daily reminder.

Each says beside it what is wrong with a time typed or set, and reports the stored text only
when it is valid.
"""

from __future__ import annotations

from datetime import time

from PySide6.QtCore import QCoreApplication, QLocale, QTime, Signal
from PySide6.QtWidgets import QCheckBox, QGridLayout, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from spinecoach.core.reminders import WorkingHours
from spinecoach.ui.shell.typed_fields import TimeField


def day_names() -> list[str]:
    """Monday to Sunday in the interface's language."""
    return [QLocale().dayName(day, QLocale.FormatType.LongFormat) for day in range(1, 8)]


def refusal(text: str) -> str:
    """Why a typed time was not taken, and how to write one."""
    return QCoreApplication.translate(
        "WorkingHoursEditor", "“{text}” is not a time of day: type it like 08:30."
    ).format(text=text)


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
