"""The Session area: an invitation to start when idle, the player while a session runs."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QPushButton, QStackedWidget, QVBoxLayout, QWidget

from spinecoach.ui.session.player_controller import PlayerController
from spinecoach.ui.session.player_view import PlayerView


class SessionArea(QStackedWidget):
    """Switches between the idle page and the player.

    Signals:
        quick_start_requested(): the idle page's "two-minute desk break" button.
        library_requested(): the idle page's "choose in the library" button.
    """

    quick_start_requested = Signal()
    library_requested = Signal()

    def __init__(
        self, player: PlayerView, controller: PlayerController, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("sessionArea")
        self.setAccessibleName("Session")
        self.player = player
        self.controller = controller
        # Back to the invitation once a finished or stopped session is closed.
        player.stop_requested.connect(self._after_stop)
        self.idle_page = self._idle_page()
        self.addWidget(self.idle_page)
        self.addWidget(player)

    def _idle_page(self) -> QWidget:
        page = QWidget()
        page.setObjectName("sessionIdle")
        layout = QVBoxLayout(page)
        layout.setContentsMargins(48, 48, 48, 48)
        layout.addStretch(1)
        title = QLabel("Ready when you are")
        title.setProperty("role", "title")
        title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(title)
        text = QLabel(
            "Pick a routine or an exercise in the Library and press Start, or take a short "
            "break now. You will be asked how your back feels before and after."
        )
        text.setWordWrap(True)
        text.setProperty("role", "muted")
        text.setAlignment(Qt.AlignmentFlag.AlignCenter)
        text.setMaximumWidth(520)
        layout.addWidget(text, 0, Qt.AlignmentFlag.AlignHCenter)
        quick = QPushButton("Start the two-minute desk break")
        quick.setObjectName("quickStartButton")
        quick.setProperty("role", "primary")
        quick.clicked.connect(self.quick_start_requested)
        browse = QPushButton("Choose in the Library")
        browse.setObjectName("browseLibraryButton")
        browse.clicked.connect(self.library_requested)
        for button in (quick, browse):
            button.setMinimumWidth(300)
            layout.addWidget(button, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(2)
        return page

    def _after_stop(self) -> None:
        if not self.controller.is_active():
            self.show_idle()

    def show_player(self) -> None:
        """The player, for a running session."""
        self.setCurrentWidget(self.player)

    def show_idle(self) -> None:
        """The idle page, between sessions."""
        self.setCurrentWidget(self.idle_page)
