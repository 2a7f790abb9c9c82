"""An honest panel for an area that is not built yet, saying what it will do."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget


class ComingSoonPanel(QWidget):
    """Names the area, says it arrives in the next release and what it will offer."""

    def __init__(
        self, object_name: str, title: str, promise: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName(object_name)
        self.setAccessibleName(title)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(48, 48, 48, 48)
        layout.addStretch(1)
        heading = QLabel(title)
        heading.setProperty("role", "title")
        heading.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(heading)
        badge = QLabel("Coming in the next release")
        badge.setProperty("role", "chip")
        badge.setAlignment(Qt.AlignmentFlag.AlignCenter)
        row = QVBoxLayout()
        row.addWidget(badge, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addLayout(row)
        text = QLabel(promise)
        text.setWordWrap(True)
        text.setProperty("role", "muted")
        text.setAlignment(Qt.AlignmentFlag.AlignCenter)
        text.setMaximumWidth(520)
        layout.addWidget(text, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(2)
