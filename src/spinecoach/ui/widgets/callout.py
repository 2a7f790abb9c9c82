"""A tinted, rounded box that holds a heading and lines: cautions, red flags, problems."""

from __future__ import annotations

from PySide6.QtWidgets import QFrame, QVBoxLayout, QWidget


def callout(
    object_name: str, role: str, spacing: int = 6, parent: QWidget | None = None
) -> tuple[QFrame, QVBoxLayout]:
    """A frame styled by the theme's `role` rule, and the layout to fill it with (in `parent`)."""
    frame = QFrame(parent)
    frame.setObjectName(object_name)
    frame.setProperty("role", role)
    box = QVBoxLayout(frame)
    box.setContentsMargins(16, 12, 16, 12)
    box.setSpacing(spacing)
    return frame, box
