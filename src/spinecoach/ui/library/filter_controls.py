"""The position and kind filters the Library and the exercise picker share.

One place builds them, so both offer the same choices in the same words (`core.content_words`),
each carrying the value `core.catalog.LibraryFilter` reads (None: any). Given their parent,
they are made inside it, and styled once (see `LibraryPane._build_layout`).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QComboBox, QWidget

from spinecoach.core.content_words import label
from spinecoach.core.exercise import Category, Position
from spinecoach.core.messages import Messages


def position_filter(words: Messages, object_name: str, parent: QWidget | None = None) -> QComboBox:
    """Any position, then each position in `words`."""
    box = QComboBox(parent)
    box.setObjectName(object_name)
    box.setAccessibleName(QCoreApplication.translate("LibraryFilters", "Position"))
    box.addItem(QCoreApplication.translate("LibraryFilters", "Any position"), None)
    for position in Position:
        box.addItem(label(position, words), position.value)
    return box


def category_filter(words: Messages, object_name: str, parent: QWidget | None = None) -> QComboBox:
    """Any kind, then each kind of exercise in `words`."""
    box = QComboBox(parent)
    box.setObjectName(object_name)
    box.setAccessibleName(QCoreApplication.translate("LibraryFilters", "Kind of exercise"))
    box.addItem(QCoreApplication.translate("LibraryFilters", "Any kind"), None)
    for category in Category:
        box.addItem(label(category, words), category.value)
    return box
