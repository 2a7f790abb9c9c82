"""A page that scrolls only when the window is too small for it: the last resort of a layout.

Every page is laid out to fit a 960 x 540 window (a 1920 x 1080 screen at 200 %); when it
cannot (larger text on a small screen), it scrolls rather than squeezing its labels into each
other or cutting them off. The page fills the view and gives up its spare room first (the
countdown ring, the chart shrink): it scrolls only below its minimum height for the width it
has. (A plain QScrollArea would scroll as soon as the page's preferred height did not fit,
because it asks a page whose text wraps for its preferred height at that width.) The frame is
invisible and takes no keyboard focus: the arrow keys stay with the page's own controls.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QSize, Qt
from PySide6.QtWidgets import QFrame, QScrollArea, QVBoxLayout, QWidget


class _FillingPage(QWidget):
    """Holds the page; tells the scroll area the page's minimum height for a width.

    The scroll area is shown and hidden with the page (focus mode hides whole panels).
    """

    def __init__(self, content: QWidget, scroll: QScrollArea) -> None:
        super().__init__()
        self._content = content
        self._scroll = scroll
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(content)
        content.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Qt override: follow the page's own hiding and showing."""
        if watched is self._content and event.type() in (
            QEvent.Type.HideToParent,
            QEvent.Type.ShowToParent,
        ):
            self._scroll.setVisible(not self._content.isHidden())
        return False

    def heightForWidth(self, width: int) -> int:
        """Qt override: the least height at which nothing on the page is cut at `width`."""
        layout = self.layout()
        if layout is None or not layout.hasHeightForWidth():
            return -1
        return layout.totalMinimumHeightForWidth(width)


class _PageScroll(QScrollArea):
    """Asks for the room its page would like (a plain QScrollArea asks for a fixed amount)."""

    def sizeHint(self) -> QSize:
        """Qt override: the page's own size hint and a scroll bar, at most the screen."""
        page = self.widget()
        if page is None:
            return super().sizeHint()
        hint = page.sizeHint().expandedTo(page.minimumSizeHint())
        frame = 2 * self.frameWidth()
        bar = self.verticalScrollBar().sizeHint().width()
        wanted = QSize(hint.width() + frame + bar, hint.height() + frame)
        screen = self.screen()
        return wanted.boundedTo(screen.availableGeometry().size()) if screen else wanted


def scrolling_page(content: QWidget, object_name: str) -> QScrollArea:
    """`content` in an invisible scroll area that gives it at least its minimum size."""
    scroll = _PageScroll()
    scroll.setObjectName(object_name)
    scroll.setProperty("role", "page")
    scroll.setWidgetResizable(True)
    scroll.setFrameShape(QFrame.Shape.NoFrame)
    scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    scroll.setWidget(_FillingPage(content, scroll))
    scroll.viewport().setAutoFillBackground(False)  # the window's own background shows
    return scroll
