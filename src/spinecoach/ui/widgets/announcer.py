"""Say something to screen readers without moving the keyboard focus: a polite live region.

Qt 6.8 added announcements (`QAccessibleAnnouncementEvent`): the platform bridge passes the text
to the screen reader (AT-SPI's `Announcement` signal on Linux, which Orca speaks; a UIA
notification on Windows; an announcement on macOS). Polite: the screen reader finishes what it
is saying first, and a newer polite announcement may replace one not yet spoken, which is what
a countdown wants. Nothing is sent while no assistive technology listens (`QAccessible.isActive`)
so announcing costs nothing for everyone else.

Each announcement is also kept (`history`, newest last) and emitted (`announced`), so tests and
a caption line can follow what a screen reader was told.
"""

from __future__ import annotations

from collections import deque

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAccessible, QAccessibleAnnouncementEvent

#: How many announcements `history` keeps.
HISTORY_LENGTH = 50


class Announcer(QObject):
    """Announces text on behalf of `source` (a widget the screen reader knows).

    Signals:
        announced(str): a text was announced (also when no screen reader listens).
    """

    announced = Signal(str)

    def __init__(self, source: QObject) -> None:
        super().__init__(source)
        self._source = source
        self._last = ""
        self.history: deque[str] = deque(maxlen=HISTORY_LENGTH)

    def announce(self, text: str, *, assertive: bool = False, repeat: bool = False) -> None:
        """Tell the screen reader `text` (an empty text, or the same text again, is dropped).

        `assertive` interrupts what is being read: only for what cannot wait. `repeat` says the
        same words again on purpose (the same phase word for the next repetition).
        """
        text = " ".join(text.split())
        if not text or (text == self._last and not repeat):
            return
        self._last = text
        self.history.append(text)
        if QAccessible.isActive():
            event = QAccessibleAnnouncementEvent(self._source, text)
            politeness = QAccessible.AnnouncementPoliteness
            event.setPoliteness(politeness.Assertive if assertive else politeness.Polite)
            QAccessible.updateAccessibility(event)
        self.announced.emit(text)

    def forget(self) -> None:
        """A new context (a new session): the next text is said even if it is the last one."""
        self._last = ""
