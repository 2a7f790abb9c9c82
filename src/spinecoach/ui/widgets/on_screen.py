"""Keep a window whole on its screen: never larger than the room there, never partly off it.

A 1920 x 1080 screen at 200 % is 960 x 540 logical pixels, less a panel and the title bar: a
window restored from full screen to a size saved elsewhere (or held up by a minimum size made
for larger screens) sat half off it. `keep_on_screen` shrinks it to the screen's available
area, minimum size included, and moves it inside.
"""

from __future__ import annotations

from PySide6.QtCore import QMargins, QPoint, QSize, Qt
from PySide6.QtWidgets import QWidget


def frame_margins(window: QWidget) -> QMargins:
    """The window manager's frame around `window` (title bar, borders), as it is now."""
    frame, inner = window.frameGeometry(), window.geometry()
    return QMargins(
        inner.left() - frame.left(),
        inner.top() - frame.top(),
        frame.right() - inner.right(),
        frame.bottom() - inner.bottom(),
    )


def keep_on_screen(window: QWidget, frame: QMargins | None = None) -> None:
    """Resize and move `window` (a top-level, not full screen) inside its screen's free area.

    `frame`: the frame the window had before. Back from full screen, a window manager reports
    the frame only a moment after the window is restored; the larger of the two counts.
    """
    screen = window.screen()
    if screen is None or window.isFullScreen() or window.isMaximized():
        return
    available = screen.availableGeometry()
    margins = frame_margins(window)
    if frame is not None:
        margins = QMargins(
            max(margins.left(), frame.left()),
            max(margins.top(), frame.top()),
            max(margins.right(), frame.right()),
            max(margins.bottom(), frame.bottom()),
        )
    extra = QSize(margins.left() + margins.right(), margins.top() + margins.bottom())
    room = available.size() - extra
    if not room.isValid():
        return
    if window.minimumWidth() > room.width() or window.minimumHeight() > room.height():
        window.setMinimumSize(window.minimumSize().boundedTo(room))
    inner = window.geometry()
    size = inner.size().boundedTo(room)
    if size != inner.size():
        window.resize(size)
    outer = window.geometry().marginsAdded(margins)
    right = available.left() + available.width() - outer.width()
    bottom = available.top() + available.height() - outer.height()
    x = min(max(outer.left(), available.left()), right)
    y = min(max(outer.top(), available.top()), bottom)
    if QPoint(x, y) != window.frameGeometry().topLeft():
        window.move(x, y)


def open_at_natural_size(window: QWidget) -> None:
    """Before a window first shows: the size it asks for, up to its whole screen.

    Qt opens a window no larger than two thirds of the screen, which on a 960 x 540 screen
    (or at 200 % text) leaves a dialog scrolling in a corner. A size set by the caller wins.
    """
    screen = window.screen()
    if screen is None or window.testAttribute(Qt.WidgetAttribute.WA_Resized):
        return
    window.resize(window.sizeHint().boundedTo(screen.availableGeometry().size()))


def fits_on_screen(window: QWidget) -> bool:
    """Whether the whole window, frame included, lies inside its screen's available area."""
    screen = window.screen()
    return screen is not None and screen.availableGeometry().contains(window.frameGeometry())
