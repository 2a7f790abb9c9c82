"""Advice when something hurts: after a pain rise, and after a reminder skipped "in pain".

Both put gentle movement first (NICE NG59: staying active helps; bed rest does not), then what
to do next time, then the red flags, most urgent first. The words come from `core.pain` and
`core.safety`; these dialogs only lay them out.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from spinecoach.core.pain import PainRiseAdvice
from spinecoach.core.safety import IN_PAIN_ADVICE, RED_FLAG_GROUPS, RedFlagGroup
from spinecoach.ui.care.red_flags import red_flags_panel


def scrolling(content: QWidget, object_name: str, min_height: int) -> QScrollArea:
    """`content` in a frameless vertical scroll area, so long advice never pushes buttons away."""
    scroll = QScrollArea()
    scroll.setObjectName(object_name)
    scroll.setAccessibleName("Advice, and when to get help")  # it takes the keyboard to scroll
    scroll.setWidgetResizable(True)
    scroll.setFrameShape(QScrollArea.Shape.NoFrame)
    scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    scroll.setWidget(content)
    scroll.setMinimumHeight(min_height)
    return scroll


def plain(text: str, object_name: str = "") -> QLabel:
    """A wrapping plain-text label."""
    label = QLabel(text)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    if object_name:
        label.setObjectName(object_name)
    return label


def advice_with_red_flags(
    name: str, lines: Iterable[str], groups: tuple[RedFlagGroup, ...], min_height: int
) -> QScrollArea:
    """The body every advice dialog shares: bullet lines, then the red flags, scrolling.

    Object names: `<name>Advice<n>` for the lines, `<name>RedFlags`, `<name>Scroll`.
    """
    body = QWidget()
    column = QVBoxLayout(body)
    column.setContentsMargins(0, 0, 8, 0)
    column.setSpacing(8)
    for number, line in enumerate(lines):
        column.addWidget(plain(f"•  {line}", f"{name}Advice{number}"))
    column.addSpacing(4)
    column.addWidget(red_flags_panel(f"{name}RedFlags", groups))
    column.addStretch(1)
    return scrolling(body, f"{name}Scroll", min_height)


class PainRiseDialog(QDialog):
    """After a session whose pain rose meaningfully or ended severe (`core.pain.rise_advice`)."""

    def __init__(self, advice: PainRiseAdvice, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("painRoseMessage")
        self.setWindowTitle(advice.title)
        self.setModal(True)
        self.setMinimumWidth(560)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(28, 24, 28, 20)
        layout.setSpacing(10)
        title = QLabel(advice.title)
        title.setProperty("role", "title")
        layout.addWidget(title)
        layout.addWidget(plain(advice.summary, "painRiseSummary"))
        layout.addWidget(advice_with_red_flags("painRise", advice.advice, advice.red_flags, 320), 1)
        buttons = QDialogButtonBox()
        ok = buttons.addButton("OK", QDialogButtonBox.ButtonRole.AcceptRole)
        ok.setObjectName("painRiseOk")
        ok.setDefault(True)
        buttons.accepted.connect(self.accept)
        layout.addWidget(buttons)


class InPainDialog(QDialog):
    """A reminder was skipped "in pain": gentle advice, the red flags, and "Log pain now".

    Not modal: it sits beside whatever the person was doing.

    Signals:
        log_pain_requested(): the person wants to record how their back is now.
    """

    log_pain_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("inPainDialog")
        self.setWindowTitle("Sorry your back hurts")
        self.setMinimumWidth(560)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(28, 24, 28, 20)
        layout.setSpacing(10)
        title = QLabel("Sorry your back hurts")
        title.setProperty("role", "title")
        layout.addWidget(title)
        layout.addWidget(advice_with_red_flags("inPain", IN_PAIN_ADVICE, RED_FLAG_GROUPS, 360), 1)
        buttons = QDialogButtonBox()
        log_pain = buttons.addButton("Log pain now…", QDialogButtonBox.ButtonRole.ActionRole)
        log_pain.setObjectName("inPainLogPain")
        close = buttons.addButton(QDialogButtonBox.StandardButton.Close)
        close.setObjectName("inPainClose")
        close.setDefault(True)
        log_pain.clicked.connect(self.log_pain_requested)
        log_pain.clicked.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
