"""The Session area: an invitation to start when idle, the player while a session runs.

Both pages scroll when the window is too small for them (`scrolling_page`): at 200 % text on a
small screen, rather than cutting their text off. The invitation's text wraps at every size.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QSize, Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from spinecoach.ui.session.player_controller import PlayerController
from spinecoach.ui.session.player_view import PlayerView
from spinecoach.ui.widgets.page_scroll import scrolling_page

#: The invitation's column: as wide as about this many characters of its text, at most.
IDLE_COLUMN_CHARACTERS = 75


class SessionArea(QStackedWidget):
    """Switches between the idle page and the player.

    Signals:
        quick_start_requested(): the idle page's "two-minute desk break" button.
        library_requested(): the idle page's "choose in the library" button, or the summary's
            "Back to the Library".
    """

    quick_start_requested = Signal()
    library_requested = Signal()

    def __init__(
        self, player: PlayerView, controller: PlayerController, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("sessionArea")
        self.setAccessibleName(self.tr("Session"))
        self.player = player
        self.controller = controller
        # Back to the invitation once a finished or stopped session is closed.
        player.stop_requested.connect(self._after_stop)
        # The summary's "Back to the Library": the summary is closed, the Library shown.
        player.library_requested.connect(self._to_library)
        self.idle_page = scrolling_page(self._idle_page(), "sessionIdleScroll")
        self.player_page = scrolling_page(player, "playerScroll")
        self.addWidget(self.idle_page)
        self.addWidget(self.player_page)

    def _idle_page(self) -> QWidget:
        """The invitation: a centred column whose text wraps to the room it has.

        No widget is given an alignment in its layout: a box layout gives an aligned widget
        its one-line height, which cut the wrapped lines off ("Ready when you are" clipped).
        """
        page = QWidget()
        page.setObjectName("sessionIdle")
        column = _IdleColumn()
        layout = QVBoxLayout(column)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(10)
        title = QLabel(self.tr("Ready when you are"))
        title.setObjectName("sessionIdleTitle")
        title.setProperty("role", "title")
        title.setWordWrap(True)
        title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(title)
        text = QLabel(
            self.tr(
                "Pick a routine or an exercise in the Library and press Start, or take a short "
                "break now. You will be asked how your back feels before and after."
            )
        )
        text.setObjectName("sessionIdleText")
        text.setWordWrap(True)
        text.setProperty("role", "muted")
        text.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(text)
        layout.addSpacing(6)
        quick = QPushButton(self.tr("Start the two-minute desk break"))
        quick.setObjectName("quickStartButton")
        quick.setProperty("role", "primary")
        quick.clicked.connect(self.quick_start_requested)
        browse = QPushButton(self.tr("Choose in the Library"))
        browse.setObjectName("browseLibraryButton")
        browse.clicked.connect(self.library_requested)
        for button in (quick, browse):
            layout.addWidget(button)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(column, 100)
        row.addStretch(1)
        outer = QVBoxLayout(page)
        outer.setContentsMargins(32, 32, 32, 32)
        outer.addStretch(1)
        outer.addLayout(row)
        outer.addStretch(2)
        return page

    def _after_stop(self) -> None:
        # Ending a session shows its summary on the player; closing the summary ends here.
        if self.controller.engine is None:
            self.show_idle()

    def _to_library(self) -> None:
        if not self.controller.is_active():
            self.controller.stop()  # closes the finished screen
            self.show_idle()
        self.library_requested.emit()

    def show_player(self) -> None:
        """The player, for a running session."""
        self.setCurrentWidget(self.player_page)

    def show_idle(self) -> None:
        """The idle page, between sessions."""
        self.setCurrentWidget(self.idle_page)


class _IdleColumn(QWidget):
    """The invitation's column: about 75 characters wide at most, narrower when it must be."""

    def __init__(self) -> None:
        super().__init__()
        policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)
        self.setMaximumWidth(self._widest())

    def _widest(self) -> int:
        return self.fontMetrics().averageCharWidth() * IDLE_COLUMN_CHARACTERS

    def sizeHint(self) -> QSize:
        """Qt override: the comfortable width, the height its text then needs."""
        width = self._widest()
        return QSize(width, self.heightForWidth(width))

    def event(self, event: QEvent) -> bool:
        """Qt override: a new font (the text size) changes the widest the column may be."""
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self.setMaximumWidth(self._widest())
        return super().event(event)
