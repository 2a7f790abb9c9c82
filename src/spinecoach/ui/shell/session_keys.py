"""The session player's keys, declared once: the Session menu and Help > Keyboard shortcuts.

Each key's words are English, marked for translation in the window's context ("MainWindow"),
and translated where they are shown (`key_words`). The window builds its Session menu from
`SESSION_KEYS`; the shortcuts dialog lists them; the player says which apply now.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication

from spinecoach.core.ui_text import QT_TRANSLATE_NOOP


@dataclass(frozen=True, slots=True)
class SessionKey:
    """One key of the session player: its command, menu entry, key sequences and words.

    The words are English, marked for translation in the context "MainWindow"; the menu and
    Help translate them where they show them (`QCoreApplication.translate("MainWindow", ...)`).
    """

    command: str  # a PlayerController command ("pause", ...)
    menu_text: str
    sequences: tuple[str, ...]  # QKeySequence portable text; the first shows in the menu
    shown: str  # how Help writes the keys
    does: str  # what Help says it does


#: Every key of the player, declared once: the Session menu and Help > Keyboard shortcuts.
#: Letters and digits stay the focused text box's (they type); Space stays a focused player
#: button's (it presses the button).
SESSION_KEYS: tuple[SessionKey, ...] = (
    SessionKey(
        "pause",
        QT_TRANSLATE_NOOP("MainWindow", "&Pause or carry on"),
        ("Space",),
        QT_TRANSLATE_NOOP("MainWindow", "Space"),
        QT_TRANSLATE_NOOP("MainWindow", "Pause the session, or carry on"),
    ),
    SessionKey(
        "back",
        QT_TRANSLATE_NOOP("MainWindow", "&Back a part"),
        ("Left",),
        QT_TRANSLATE_NOOP("MainWindow", "Left arrow"),
        QT_TRANSLATE_NOOP(
            "MainWindow", "Start this part again; near its start, go back to the part before"
        ),
    ),
    SessionKey(
        "skip",
        QT_TRANSLATE_NOOP("MainWindow", "&Skip this part"),
        ("Right",),
        QT_TRANSLATE_NOOP("MainWindow", "Right arrow"),
        QT_TRANSLATE_NOOP("MainWindow", "Skip this part (a hold, a rest…)"),
    ),
    SessionKey(
        "previous",
        QT_TRANSLATE_NOOP("MainWindow", "P&revious exercise"),
        ("P", "Ctrl+Left"),
        QT_TRANSLATE_NOOP("MainWindow", "P or Ctrl+Left arrow"),
        QT_TRANSLATE_NOOP("MainWindow", "Go to the start of the exercise before this one"),
    ),
    SessionKey(
        "next",
        QT_TRANSLATE_NOOP("MainWindow", "&Next exercise"),
        ("N", "Ctrl+Right"),
        QT_TRANSLATE_NOOP("MainWindow", "N or Ctrl+Right arrow"),
        QT_TRANSLATE_NOOP(
            "MainWindow", "Leave this exercise (kept as skipped, not done) and go on to the next"
        ),
    ),
    SessionKey(
        "extend",
        QT_TRANSLATE_NOOP("MainWindow", "&Add 15 seconds"),
        ("+", "Shift++", "="),
        QT_TRANSLATE_NOOP("MainWindow", "+ or ="),
        QT_TRANSLATE_NOOP(
            "MainWindow", "Add 15 seconds to a hold, a timed exercise or the time to get ready"
        ),
    ),
    SessionKey(
        "easier",
        QT_TRANSLATE_NOOP("MainWindow", "&Make it easier"),
        ("E",),
        "E",
        QT_TRANSLATE_NOOP(
            "MainWindow", "Do the easier version of this exercise for the rest of the session"
        ),
    ),
    SessionKey(
        "hurts",
        QT_TRANSLATE_NOOP("MainWindow", "This &hurts…"),
        ("H",),
        "H",
        QT_TRANSLATE_NOOP(
            "MainWindow", "Pause and choose: skip this exercise, end the session or carry on gently"
        ),
    ),
    SessionKey(
        "focus",
        QT_TRANSLATE_NOOP("MainWindow", "&Focus mode"),
        ("F11",),
        "F11",
        QT_TRANSLATE_NOOP(
            "MainWindow", "Only the phase, the countdown and the step, full screen (again to leave)"
        ),
    ),
    SessionKey(
        "stop",
        QT_TRANSLATE_NOOP("MainWindow", "&End the session…"),
        ("Esc",),
        QT_TRANSLATE_NOOP("MainWindow", "Esc"),
        QT_TRANSLATE_NOOP(
            "MainWindow",
            "Leave focus mode; otherwise end the session (asks first; closes a finished one)",
        ),
    ),
)


def key_words(text: str) -> str:
    """A `SessionKey` word (menu entry, keys, what they do) in the interface's language."""
    return QCoreApplication.translate("MainWindow", text)
