"""Session start and end, heard by whoever cares, in its own small module.

The reminders in the tray listen for it from the start, and importing it from `app.areas`
loaded everything the areas need into the process that stays all day in the tray (issue 18).
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal


class SessionEvents(QObject):
    """Session start and end, heard by whoever cares (reminders, History) without knowing who.

    The player's signals are connected here when the Session area is built, and listeners when
    they are: one connection each, whichever is built first.

    Signals:
        started(): a session began playing.
        ended(str): a session ended; its final status ("completed", "stopped"...).
    """

    started = Signal()
    ended = Signal(str)
