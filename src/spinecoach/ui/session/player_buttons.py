"""The player's buttons: how they are made, how they look disabled, how keys press them.

Each is reachable with Tab and easy to hit; a coloured one turns plain when disabled; Space or
Enter on a focused one presses it, once (`ButtonKeys`).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QAbstractButton, QPushButton

#: The least height of the player's buttons, and of "Previous exercise" and "Next exercise".
BUTTON_HEIGHT = 44
EXERCISE_BUTTON_HEIGHT = 36

#: The coloured controls, by object name: the theme role each has while enabled.
_ROLES = {"playPauseButton": "primary", "hurtsButton": "danger"}


def player_button(object_name: str, text: str, tooltip: str) -> QPushButton:
    """A player button: reachable with Tab, at least `BUTTON_HEIGHT` high."""
    button = QPushButton(text)
    button.setObjectName(object_name)
    button.setToolTip(tooltip)
    # Reachable with Tab. The session's keys are the window's (Session menu), so they work
    # wherever the focus is; Space on a focused player button presses that button (once).
    # The accessible name is the text, so it follows "Pause" / "Resume" / "Close".
    button.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
    button.setMinimumHeight(BUTTON_HEIGHT)
    return button


def enable(button: QPushButton, enabled: bool) -> None:
    """Enable or disable a control so that it looks it.

    A coloured button ("This hurts" in the danger colours, Pause in the accent) keeps its
    colours when disabled under the theme's rules, and still looked pressable at the end:
    disabled, it takes the plain look, whose disabled text is greyed.
    """
    button.setEnabled(enabled)
    role = _ROLES.get(button.objectName())
    if role is not None and button.property("role") != (role if enabled else ""):
        button.setProperty("role", role if enabled else "")
        button.style().unpolish(button)
        button.style().polish(button)


class ButtonKeys(QObject):
    """Space and Enter on a focused player button press that button, once.

    Space is also the window's pause key (the Session menu), and a window shortcut is tried
    before the focused widget sees the key. Accepting the shortcut override here gives the key
    to the focused button instead, as Space works on any focused button in Qt: one press, one
    action, never a button press and a pause together. Outside a dialog a QPushButton ignores
    Enter, so Enter presses it here too.
    """

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Qt override."""
        if not isinstance(watched, QAbstractButton) or not isinstance(event, QKeyEvent):
            return False
        modifiers = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        if modifiers != Qt.KeyboardModifier.NoModifier:
            return False
        if event.type() == QEvent.Type.ShortcutOverride and event.key() == Qt.Key.Key_Space:
            event.accept()  # the button's own key press and release follow
            return True
        if event.type() == QEvent.Type.KeyPress and event.key() in (
            Qt.Key.Key_Return,
            Qt.Key.Key_Enter,
        ):
            if watched.isEnabled():
                watched.click()
            return True
        return False
