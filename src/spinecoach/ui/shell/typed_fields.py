"""Number and time fields that keep what the person types until they leave the field.

Qt's spin box and time editor refused or lost what was typed without a word (a number past the
range, a time typed over a selection); these keep the typing until the field is left or Enter
pressed, then take a whole value or say what they refused.
"""

from __future__ import annotations

import re

from PySide6.QtCore import QSize, Qt, QTime, Signal
from PySide6.QtGui import QKeyEvent, QValidator
from PySide6.QtWidgets import QAbstractSpinBox, QSpinBox, QWidget

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
        self.lineEdit().setTextMargins(6, 0, 0, 0)  # as the settings form indents its spin boxes
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
