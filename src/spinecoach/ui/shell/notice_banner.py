"""The window's banner above every area: a message the person must see, or good news.

A problem (read-only data, a file kept aside, entries not saved yet) is shown in the caution
style and stays until dismissed; good news (a small rise in pain that settled) is shown in the
plain card style, and never over a problem. Its words keep the window's translation context.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

#: The style sheet's roles: caution's colours for a problem, a plain card for good news.
PROBLEM, GOOD_NEWS = "problems", "card"


class NoticeBanner(QFrame):
    """One message at a time, with a Dismiss button; hidden until there is one."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("noticeBanner")
        self.setProperty("role", PROBLEM)
        self.hide()
        layout = QHBoxLayout(self)
        layout.setContentsMargins(14, 8, 8, 8)
        self._text = QLabel()
        self._text.setObjectName("noticeText")
        self._text.setWordWrap(True)
        layout.addWidget(self._text, 1)
        dismiss = QPushButton(QCoreApplication.translate("MainWindow", "Dismiss"))
        dismiss.clicked.connect(self.hide)
        dismiss_column = QVBoxLayout()  # keeps the button at the top beside a long message
        dismiss_column.addWidget(dismiss)
        dismiss_column.addStretch(1)
        layout.addLayout(dismiss_column)

    def show_problem(self, text: str) -> None:
        """Show a message the person must see, in the caution style."""
        self._show(text, PROBLEM)

    def show_good_news(self, text: str) -> bool:
        """Show good news in the plain style; False (not shown) over a problem shown now."""
        if self.shown_text() is not None and not self.holds_good_news():
            return False
        self._show(text, GOOD_NEWS)
        return True

    def holds_good_news(self) -> bool:
        """Whether the message is good news (`show_good_news`), not a problem."""
        return bool(self.property("role") == GOOD_NEWS)

    def shown_text(self) -> str | None:
        """The message while the banner is shown (None once dismissed, or before any)."""
        return self._text.text() if self.isVisibleTo(self.window()) else None

    def _show(self, text: str, role: str) -> None:
        if self.property("role") != role:
            self.setProperty("role", role)
            for widget in (self, self._text):  # the sheet's rules read the role, the text's too
                widget.style().unpolish(widget)
                widget.style().polish(widget)
        self._text.setText(text)
        self.show()
