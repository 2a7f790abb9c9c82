"""The red-flag groups as a widget: every place that shows them builds them here, in one order.

The texts and their order (most urgent first) come from `core.safety`; this module only lays
them out, so the first-run screen, Help > Safety notes, "This hurts", a reminder skipped "in
pain" and the pain-rise advice cannot drift apart.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QLabel, QWidget

from spinecoach.core.messages import ENGLISH, Messages
from spinecoach.core.safety import RedFlagGroup, red_flag_groups
from spinecoach.ui.widgets.callout import callout


def red_flags_panel(
    object_name: str,
    groups: tuple[RedFlagGroup, ...] | None = None,
    parent: QWidget | None = None,
    *,
    words: Messages = ENGLISH,
) -> QFrame:
    """A red callout listing `groups`, each with its heading (what to do) and its signs.

    Without `groups`, every group in the language of `words`, most urgent first.

    Each group's list is one label named `<object_name>_<group id>`, so tests and screen
    readers find it; headings carry the role "redflag" (bold, in the danger colour).
    """
    if groups is None:
        groups = red_flag_groups(words)
    frame, box = callout(object_name, "redflags", spacing=4)
    if parent is not None:
        frame.setParent(parent)
    for number, group in enumerate(groups):
        if number:
            box.addSpacing(8)
        heading = QLabel(f"{group.heading}:")
        heading.setObjectName(f"{object_name}_{group.id}_heading")
        heading.setProperty("role", "redflag")
        heading.setWordWrap(True)
        heading.setTextFormat(Qt.TextFormat.PlainText)
        box.addWidget(heading)
        items = QLabel("\n".join(f"•  {item}" for item in group.items))
        items.setObjectName(f"{object_name}_{group.id}")
        items.setWordWrap(True)
        items.setTextFormat(Qt.TextFormat.PlainText)
        items.setAccessibleName(group.heading)
        box.addWidget(items)
    return frame
