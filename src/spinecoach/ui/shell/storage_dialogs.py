"""When the data file cannot be opened at start-up: say what happened, where, and what to do.

Never a blank window: any storage failure while opening the file (a full disk, a read-only
file or folder, a damaged or locked file) gets this dialog with the choices a person has: try
again, open the file read-only to look at their history, or quit. A file locked by another
program is waited for: the dialog says so, tries again every `RETRY_MS`, and closes by itself
the moment the file opens.

At any text size its lines open as wide as 80 characters of its font (up to the screen), and
its buttons wrap onto a second line rather than squeezing their words.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QDialog,
    QLabel,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from spinecoach.storage.failures import StorageProblem
from spinecoach.ui.widgets.reflow import WrappingRow

RETRY_MS = 2000
# How wide the dialog's text opens, in average characters of its font (560 pixels at 100 %).
LINE_CHARACTERS = 80

RETRY = "retry"
READ_ONLY = "read-only"
QUIT = "quit"
OPENED = "opened"


class StorageProblemDialog(QDialog):
    """The file could not be opened: what happened, where it is, and the person's choices.

    `choice` is RETRY, READ_ONLY or QUIT after the dialog closes, or OPENED when waiting for a
    locked file ended because `try_again()` succeeded.
    """

    def __init__(
        self,
        problem: StorageProblem,
        path: Path,
        try_again: Callable[[], bool],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("storageProblemDialog")
        waiting = problem.code == "locked"
        title = (
            self.tr("Waiting for your data file")
            if waiting
            else self.tr("Your data file did not open")
        )
        self.setWindowTitle(title)
        self.setModal(True)
        self.choice = QUIT
        self._try_again = try_again
        layout = QVBoxLayout(self)
        layout.setContentsMargins(28, 24, 28, 20)
        layout.setSpacing(10)
        heading = QLabel(title)
        heading.setProperty("role", "title")
        heading.setWordWrap(True)
        layout.addWidget(heading)
        if waiting:
            text = self.tr(
                "Another program is using your data file right now. SpineCoach opens it as soon "
                "as it is free; nothing you have stored is lost."
            )
        else:
            text = self.tr(
                "Your data file could not be opened: {problem}. Nothing was changed or "
                "deleted. Anything you enter is kept and saved as soon as the file can be "
                "written."
            ).format(problem=problem.words)
        message = QLabel(text)
        message.setObjectName("storageProblemText")
        message.setWordWrap(True)
        layout.addWidget(message)
        where = QLabel(self.tr("The file: {path}").format(path=path))
        where.setObjectName("storageProblemPath")
        where.setWordWrap(True)
        where.setProperty("role", "muted")
        where.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(where)
        self._timer: QTimer | None = None
        if waiting:
            busy = QProgressBar()
            busy.setObjectName("storageWaiting")
            busy.setRange(0, 0)  # moving: we are waiting, not stuck
            busy.setTextVisible(False)
            busy.setAccessibleName(self.tr("Waiting for the data file"))
            layout.addWidget(busy)
            self._timer = QTimer(self)
            self._timer.setObjectName("storageRetryTimer")
            self._timer.setInterval(RETRY_MS)
            self._timer.timeout.connect(self._retry_now)
            self._timer.start()
        # A row that wraps (at the right, as a button box puts them): at 200 % text, or in
        # another language, three buttons need more than a line.
        buttons = WrappingRow(spacing=8)
        buttons.add_push()
        if not waiting:
            retry = self._button(buttons, self.tr("Try again"), RETRY, "storageRetry")
            retry.setProperty("role", "primary")
            retry.setDefault(True)
        self._button(buttons, self.tr("Open read-only"), READ_ONLY, "storageReadOnly")
        self._button(buttons, self.tr("Quit SpineCoach"), QUIT, "storageQuit")
        layout.addSpacing(4)
        layout.addLayout(buttons)

    def _button(self, row: WrappingRow, text: str, choice: str, name: str) -> QPushButton:
        button = QPushButton(text)
        button.setObjectName(name)
        button.clicked.connect(lambda _checked=False: self._choose(choice))
        row.addWidget(button)
        return button

    def setVisible(self, visible: bool) -> None:
        """Qt override: the first time, open a line of text wide and as tall as that needs."""
        if (
            visible
            and not self.isVisible()
            and not self.testAttribute(Qt.WidgetAttribute.WA_Resized)
        ):
            self._open_at_reading_width()
        super().setVisible(visible)

    def _open_at_reading_width(self) -> None:
        self.ensurePolished()
        layout = self.layout()
        assert layout is not None
        layout.activate()
        margins = layout.contentsMargins()
        line = self.fontMetrics().averageCharWidth() * LINE_CHARACTERS
        width = max(layout.minimumSize().width(), line + margins.left() + margins.right())
        screen = self.screen()
        room = screen.availableGeometry().size() if screen is not None else None
        if room is not None:
            width = min(width, room.width())
        height = max(layout.minimumSize().height(), layout.totalHeightForWidth(width))
        if room is not None:
            height = min(height, room.height())
        self.resize(width, height)

    def _choose(self, choice: str) -> None:
        if self._timer is not None:
            self._timer.stop()
        self.choice = choice
        self.accept()

    def _retry_now(self) -> None:
        if self._try_again():
            self._choose(OPENED)
