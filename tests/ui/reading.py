"""Reading what a window shows, as a person (or a screen reader) would, for assertions."""

from __future__ import annotations

from PySide6.QtWidgets import QFrame, QLabel, QWidget

from spinecoach.core.safety import RED_FLAG_GROUPS


def shown_red_flags(root: QWidget, panel: str) -> list[tuple[str, tuple[str, ...]]]:
    """The red-flag groups a panel shows, top to bottom: (heading, items) as read on screen.

    Reads the labels' text and their on-screen order, not the objects' names, so a group left
    out, reordered or reworded fails the comparison with `core.safety.RED_FLAG_GROUPS`.
    """
    frame = root.findChild(QFrame, panel)
    assert frame is not None, f"no red-flag panel {panel!r}"
    labels = sorted(
        (label for label in frame.findChildren(QLabel) if label.text()),
        key=lambda label: label.mapTo(frame, label.rect().topLeft()).y(),
    )
    groups: list[tuple[str, tuple[str, ...]]] = []
    for label in labels:
        text = label.text()
        if label.property("role") == "redflag":
            groups.append((text.removesuffix(":"), ()))
        else:
            assert groups, f"signs before any heading in {panel!r}: {text!r}"
            items = tuple(line.removeprefix("•  ") for line in text.splitlines())
            heading, _ = groups[-1]
            groups[-1] = (heading, items)
    return groups


def all_red_flag_groups() -> list[tuple[str, tuple[str, ...]]]:
    """Every group, most urgent first, as `shown_red_flags` reads them."""
    return [(group.heading, group.items) for group in RED_FLAG_GROUPS]
