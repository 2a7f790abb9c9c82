"""One rule for every note box: what the records and the CSV accept, enforced as it is typed.

A note may hold at most `MAX_NOTE_LENGTH` (1000) characters and no control characters but tab
and line break (docs/CSV_FORMAT.md). Before this helper, a longer note typed into the session
details dialog reached `SessionRecord` and raised ValueError: the edit was lost and the dialog
closed. Now the box itself never holds more: typing stops at the limit, a paste is cut to the
room left (keeping its beginning), and control characters in a paste are dropped, so a note
can always be saved, exported and imported back.
"""

from __future__ import annotations

from typing import Final

from PySide6.QtCore import QLocale
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QLineEdit, QPlainTextEdit, QWidget

from spinecoach.core.csv_format import NOTE_CONTROLS, without_controls
from spinecoach.core.records import MAX_NOTE_LENGTH

CAUTION_FROM: Final = MAX_NOTE_LENGTH * 9 // 10
"""From this many characters (900) the counter turns to the caution colour: about a long
paragraph before the end, early enough to finish a sentence."""


class NoteCounter(QFrame):
    """Keeps one note box within the note rules and shows "n / 1000" below it.

    Give it the box (a multi-line QPlainTextEdit or a one-line QLineEdit) after the box holds
    its initial text and place it in the layout under the box. Near the limit the counter's
    `role` property becomes "caution" (the theme's caution colours). Lengths count characters
    as Python and the records do (an emoji is one), not Qt's UTF-16 units.
    """

    def __init__(self, editor: QPlainTextEdit | QLineEdit, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("noteCounter")
        self._editor = editor
        self._fixing = False
        self.label = QLabel()
        self.label.setObjectName("noteCounterText")
        self.label.setToolTip(
            self.tr("A note can be up to {limit} characters long").format(
                limit=QLocale().toString(MAX_NOTE_LENGTH)
            )
        )
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 1, 8, 1)
        layout.addWidget(self.label)
        text = self._text()
        allowed = without_controls(text, NOTE_CONTROLS)[:MAX_NOTE_LENGTH]
        if allowed != text:  # a note stored before these rules: start from what may be saved
            if isinstance(editor, QLineEdit):
                editor.setText(allowed)
            else:
                editor.setPlainText(allowed)
        self._previous = self._text()
        editor.textChanged.connect(self._changed)
        self._show_count()

    def length(self) -> int:
        """How many characters the note holds now."""
        return len(self._text())

    def _text(self) -> str:
        if isinstance(self._editor, QLineEdit):
            return self._editor.text()
        return self._editor.toPlainText()

    def _changed(self) -> None:
        if self._fixing:
            return
        text = self._text()
        if len(text) > MAX_NOTE_LENGTH or without_controls(text, NOTE_CONTROLS) != text:
            self._fix(text)
            text = self._text()
        self._previous = text
        self._show_count()

    def _fix(self, text: str) -> None:
        """Cut what was just typed or pasted to the room left and drop control characters.

        The new part is what lies between the text shared with the previous content at the
        start and at the end; only it is changed, so the cursor stays after the insertion and
        (in a QPlainTextEdit) one undo removes the whole paste.
        """
        previous = self._previous
        start = 0
        limit = min(len(previous), len(text))
        while start < limit and previous[start] == text[start]:
            start += 1
        end = 0
        while end < limit - start and previous[-1 - end] == text[-1 - end]:
            end += 1
        inserted = text[start : len(text) - end]
        room = MAX_NOTE_LENGTH - (len(text) - len(inserted))
        if room < 0:  # the rest alone is too long (set from code, not typed): cut it all
            start, inserted = 0, text
            room = MAX_NOTE_LENGTH
        kept = without_controls(inserted, NOTE_CONTROLS)[:room]
        self._replace(text[:start], inserted, kept)

    def _replace(self, before: str, old: str, new: str) -> None:
        """Put `new` in place of `old`, which follows the text `before`; one undo step."""
        position = _utf16_length(before)
        span = _utf16_length(old)
        self._fixing = True
        try:
            if isinstance(self._editor, QLineEdit):
                self._editor.setSelection(position, span)
                self._editor.insert(new)
            else:
                cursor = self._editor.textCursor()
                cursor.setPosition(position)
                cursor.setPosition(position + span, QTextCursor.MoveMode.KeepAnchor)
                cursor.joinPreviousEditBlock()
                cursor.insertText(new)
                cursor.endEditBlock()
                self._editor.setTextCursor(cursor)
        finally:
            self._fixing = False

    def _show_count(self) -> None:
        count = self.length()
        locale = QLocale()  # the language's digits, without a separator: "1000 / 1000"
        locale.setNumberOptions(QLocale.NumberOption.OmitGroupSeparator)
        used, limit = locale.toString(count), locale.toString(MAX_NOTE_LENGTH)
        self.label.setText(f"{used} / {limit}")
        self.label.setAccessibleName(
            self.tr("{used} of {limit} characters used").format(used=used, limit=limit)
        )
        near = count >= CAUTION_FROM
        role = "caution" if near else ""
        if self.property("role") != role:
            self.setProperty("role", role)
            self.label.setProperty("role", "" if near else "muted")
            for widget in (self, self.label):
                widget.style().unpolish(widget)
                widget.style().polish(widget)


def _utf16_length(text: str) -> int:
    """Length in Qt's units (UTF-16 code units): an emoji counts two there."""
    return len(text.encode("utf-16-le")) // 2
