"""The details' empty state, light enough to stand in for them until something is picked.

The Library shows this before the person picks a routine or an exercise, and building the real
details (`detail_view`, its modules and widgets) for it cost the list ~5 ms at every start
(issue 12). So the pane shows this stand-in, and `DetailView` draws its own empty page with the
same parts: the two look the same, and the real view takes the stand-in's place when needed.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QLabel, QScrollArea, QVBoxLayout, QWidget

#: The details page's margins (left, top, right, bottom) and the room between its parts.
PAGE_MARGINS = (28, 24, 28, 24)
PAGE_SPACING = 10


def details_name() -> str:
    """The details' accessible name, in the language in use."""
    return QCoreApplication.translate("DetailView", "Exercise details")


def pick_hint() -> str:
    """What the details say before anything is picked, in the language in use."""
    return QCoreApplication.translate(
        "DetailView", "Pick a routine or an exercise to see how it is done."
    )


def page_layout(page: QWidget) -> QVBoxLayout:
    """A details page's layout: its margins and spacing."""
    layout = QVBoxLayout(page)
    layout.setContentsMargins(*PAGE_MARGINS)
    layout.setSpacing(PAGE_SPACING)
    return layout


def add_hint(layout: QVBoxLayout, text: str) -> QLabel:
    """The empty state's words, centred in the page."""
    hint = QLabel(text)
    hint.setWordWrap(True)
    hint.setTextFormat(Qt.TextFormat.PlainText)
    hint.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    hint.setProperty("role", "muted")
    hint.setObjectName("detailEmpty")
    hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
    layout.addStretch(1)
    layout.addWidget(hint)
    layout.addStretch(1)
    return hint


def empty_detail() -> QScrollArea:
    """The stand-in: a details pane showing the hint to pick something, as `DetailView` does."""
    area = QScrollArea()
    area.setObjectName("exerciseDetail")
    area.setAccessibleName(details_name())
    area.setWidgetResizable(True)
    area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    page = QWidget()
    page.setObjectName("detailPage")
    add_hint(page_layout(page), pick_hint())
    area.setWidget(page)
    return area
