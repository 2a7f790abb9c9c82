"""The reminder card's words: its skip reasons, the times and holds it states, and its keys.

Apart from the card's widget because others say them too: the tray's status (the controller)
and Help > Keyboard shortcuts. Each keeps the context of the class that shows it.
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QLocale, QTime

from spinecoach.core.reminder_service import Delivery
from spinecoach.core.reminders import SkipReason

#: The Skip button's reasons; each label is shown translated (context "ReminderPopup").
SKIP_CHOICES: tuple[tuple[SkipReason | None, str], ...] = (
    (SkipReason.MEETING, str(QT_TRANSLATE_NOOP("ReminderPopup", "I'm in a meeting"))),
    (SkipReason.BUSY, str(QT_TRANSLATE_NOOP("ReminderPopup", "I'm busy right now"))),
    (SkipReason.IN_PAIN, str(QT_TRANSLATE_NOOP("ReminderPopup", "I'm in pain"))),
    (None, str(QT_TRANSLATE_NOOP("ReminderPopup", "Just skip this one"))),
)

#: What a reminder may have waited for, as `desktop.interruptions` says it (English): shown
#: translated by `interruption_words`. Anything else is shown as it came.
INTERRUPTIONS: tuple[str, ...] = (
    str(QT_TRANSLATE_NOOP("ReminderPopup", "a full-screen window")),
    str(QT_TRANSLATE_NOOP("ReminderPopup", "do not disturb")),
    str(QT_TRANSLATE_NOOP("ReminderPopup", "a full-screen game or video")),
    str(QT_TRANSLATE_NOOP("ReminderPopup", "a presentation")),
    str(QT_TRANSLATE_NOOP("ReminderPopup", "do not disturb (Windows quiet time)")),
    str(QT_TRANSLATE_NOOP("ReminderPopup", "a full-screen app")),
    str(QT_TRANSLATE_NOOP("ReminderPopup", "your call")),
)


def interruption_words(what: str) -> str:
    """What a reminder waited for ("a full-screen window"), in the language in use."""
    return QCoreApplication.translate("ReminderPopup", what) if what in INTERRUPTIONS else what


def clock_time(moment: datetime) -> str:
    """The time of day on a 24-hour clock, "09:05" (the card's and the tray's times)."""
    return QLocale().toString(QTime(moment.hour, moment.minute), "HH:mm")


def held_words(delivery: Delivery) -> str:
    """What held the card back and when: "(Held during your call, 14:02-14:47.)", en dash.

    The times are the clock's (local) wall times on a 24-hour clock, as the tray's status says
    them; a reminder held less than a minute shows the one time ("14:02").
    """
    what = interruption_words(delivery.deferred_for or "")
    start, end = delivery.held_from, delivery.held_until
    if start is None or end is None:
        return QCoreApplication.translate("ReminderPopup", "(Held during {what}.)").format(
            what=what
        )
    first, last = clock_time(start), clock_time(end)
    if first == last:
        at = QCoreApplication.translate("ReminderPopup", "(Held during {what} at {time}.)")
        return at.format(what=what, time=first)
    return QCoreApplication.translate(
        "ReminderPopup", "(Held during {what}, {start}–{end}.)"
    ).format(what=what, start=first, end=last)


#: The card's keys, for Help > Keyboard shortcuts: English, marked for translation under the
#: context of the dialog that shows them (`QCoreApplication.translate("KeyboardShortcutsDialog",
#: text)`).
CARD_KEYS: tuple[tuple[str, str], ...] = (
    (
        str(QT_TRANSLATE_NOOP("KeyboardShortcutsDialog", "The tray icon, or its menu")),
        str(
            QT_TRANSLATE_NOOP(
                "KeyboardShortcutsDialog",
                "Answer the reminder: the card gets the keyboard (it never takes it by itself)",
            )
        ),
    ),
    (
        str(QT_TRANSLATE_NOOP("KeyboardShortcutsDialog", "Tab, Shift+Tab")),
        str(QT_TRANSLATE_NOOP("KeyboardShortcutsDialog", "Move between the card's buttons")),
    ),
    (
        str(QT_TRANSLATE_NOOP("KeyboardShortcutsDialog", "Enter or Space")),
        str(QT_TRANSLATE_NOOP("KeyboardShortcutsDialog", "Press the button")),
    ),
    (
        str(QT_TRANSLATE_NOOP("KeyboardShortcutsDialog", "Down arrow on Snooze or Skip")),
        str(
            QT_TRANSLATE_NOOP(
                "KeyboardShortcutsDialog", "Choose how long to snooze, or why you skip"
            )
        ),
    ),
    (
        str(QT_TRANSLATE_NOOP("KeyboardShortcutsDialog", "Esc")),
        str(QT_TRANSLATE_NOOP("KeyboardShortcutsDialog", "Close the card")),
    ),
    (
        str(QT_TRANSLATE_NOOP("KeyboardShortcutsDialog", "The notification's buttons")),
        str(
            QT_TRANSLATE_NOOP(
                "KeyboardShortcutsDialog",
                "Start desk break, Snooze or Skip from the desktop's notification list, where "
                "the desktop shows buttons (GNOME: Super+V opens it)",
            )
        ),
    ),
)
