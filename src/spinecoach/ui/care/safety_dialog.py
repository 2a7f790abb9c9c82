"""The safety notes: shown once on first start, and again from the Help menu."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from spinecoach.core.safety import INTRO, PRINCIPLES, SELF_MANAGEMENT
from spinecoach.ui.care.advice_dialogs import plain
from spinecoach.ui.care.red_flags import red_flags_panel


class SafetyDialog(QDialog):
    """Shows the safety notes and both red-flag groups; the first time it must be acknowledged.

    The notes scroll inside the dialog, so the buttons stay in reach on a small or 200 % screen.
    """

    def __init__(self, *, first_run: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("safetyDialog")
        title_text = "Safety first" if first_run else "Safety notes"
        self.setWindowTitle(title_text)
        self.setModal(True)
        self.setMinimumWidth(600)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(28, 24, 28, 20)
        layout.setSpacing(8)

        title = QLabel(title_text)
        title.setProperty("role", "title")
        layout.addWidget(title)

        body = QWidget()
        body.setObjectName("safetyBody")
        column = QVBoxLayout(body)
        column.setContentsMargins(0, 0, 8, 0)
        column.setSpacing(8)
        column.addWidget(plain(INTRO))
        reassurance = plain(SELF_MANAGEMENT)
        reassurance.setObjectName("selfManagement")
        column.addWidget(reassurance)
        # Whether to exercise at all comes before how: the red flags precede the principles.
        column.addSpacing(4)
        column.addWidget(red_flags_panel("redFlags"))
        heading = QLabel("Exercising with SpineCoach")
        heading.setProperty("role", "heading")
        column.addWidget(heading)
        for principle in PRINCIPLES:
            column.addWidget(plain(f"•  {principle}"))
        column.addStretch(1)
        scroll = QScrollArea()
        scroll.setObjectName("safetyScroll")
        scroll.setAccessibleName("Safety notes")  # it takes the keyboard to scroll
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(body)
        scroll.setMinimumHeight(420)
        layout.addWidget(scroll, 1)

        buttons = QDialogButtonBox()
        if first_run:
            agree = buttons.addButton(
                "I understand — let's start", QDialogButtonBox.ButtonRole.AcceptRole
            )
            agree.setObjectName("acknowledgeButton")
            agree.setProperty("role", "primary")
            agree.setDefault(True)
            quit_button = buttons.addButton(
                "Close SpineCoach", QDialogButtonBox.ButtonRole.RejectRole
            )
            quit_button.setObjectName("declineButton")
        else:
            close = buttons.addButton(QDialogButtonBox.StandardButton.Close)
            close.setObjectName("closeButton")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addSpacing(8)
        layout.addWidget(buttons)
