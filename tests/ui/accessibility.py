"""What a screen reader finds in a window: every control it can land on has a name.

`unnamed(top)` walks every widget shown in `top` and returns a line for each

- control that can take the keyboard (any focus policy but NoFocus) whose accessible name, as
  Qt's accessibility layer computes it for a screen reader (its own accessible name, its text,
  or the label it is the buddy of), is empty;
- picture (a label showing a pixmap and no text, the player's moving figure, anything Qt exposes
  as a graphic) without a text alternative.

A control whose keyboard focus goes to an inner widget (a spin box's line edit, a tab widget's
tab bar) is judged by the control: Qt names the inner widget after it.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QAbstractSpinBox, QLabel, QWidget

#: Qt's own pictures that a screen reader has no use for: a message box's standard icon (the
#: box's role, alert or question, already says what it means).
DECORATIVE = frozenset({"qt_msgboxex_icon_label"})


def accessible_name(widget: QWidget) -> str:
    """The name a screen reader announces for `widget`."""
    interface = QAccessible.queryAccessibleInterface(widget)
    if interface is None or not interface.isValid():
        return ""
    return interface.text(QAccessible.Text.Name).strip()


def describe(widget: QWidget) -> str:
    """Enough to find the widget in the code: its class, object name and its parents' names."""
    names: list[str] = []
    parent = widget.parentWidget()
    while parent is not None and len(names) < 4:
        if parent.objectName():
            names.append(parent.objectName())
        parent = parent.parentWidget()
    where = " in " + " < ".join(names) if names else ""
    return f"{type(widget).__name__} {widget.objectName() or '(no object name)'}{where}"


def control_name(widget: QWidget) -> str:
    """The widget's name, or the name of the control it takes the keyboard for."""
    name = accessible_name(widget)
    parent = widget.parentWidget()
    inner = parent is not None and (
        parent.focusProxy() is widget or isinstance(parent, QAbstractSpinBox)
    )
    if not name and inner and parent is not None:
        return accessible_name(parent)
    return name


def takes_keyboard(widget: QWidget) -> bool:
    """Whether the widget can have the keyboard focus itself (not through a proxy)."""
    return widget.focusPolicy() != Qt.FocusPolicy.NoFocus and widget.focusProxy() is None


def is_picture(widget: QWidget) -> bool:
    """A picture a sighted person reads meaning from."""
    if widget.objectName() in DECORATIVE:
        return False
    if isinstance(widget, QLabel) and not widget.pixmap().isNull() and not widget.text():
        return True
    if type(widget).__name__ == "FigureCanvas":
        return True
    interface = QAccessible.queryAccessibleInterface(widget)
    return interface is not None and interface.role() == QAccessible.Role.Graphic


def unnamed(top: QWidget) -> list[str]:
    """Every shown control without a name and picture without a text alternative, in `top`."""
    problems: list[str] = []
    for widget in [top, *top.findChildren(QWidget)]:
        if widget is not top and not widget.isVisibleTo(top):
            continue
        if takes_keyboard(widget) and not control_name(widget):
            problems.append(f"{describe(widget)} takes the keyboard but has no name")
        if is_picture(widget) and not accessible_name(widget):
            problems.append(f"{describe(widget)} is a picture without a text alternative")
    return problems
