"""The safety notes: shown once on first start, and again from the Help menu."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from spinecoach.ui.callout import callout

#: Symptoms that need urgent medical care rather than exercise.
RED_FLAGS: tuple[str, ...] = (
    "New problems controlling your bladder or bowels",
    "Numbness around your groin, genitals or buttocks",
    "Pain, numbness or weakness in both legs",
    "Back pain with a fever or feeling generally unwell",
    "Weight loss you cannot explain",
    "Back pain after a fall, accident or other injury",
    "Back pain and a history of cancer",
)

INTRO = (
    "SpineCoach helps you move regularly and keep track of how your back feels. "
    "It is a self-management aid: it does not diagnose, treat or cure any condition, "
    "and it does not replace advice from a doctor or physiotherapist."
)

PRINCIPLES: tuple[str, ...] = (
    "If you are unsure whether exercise is right for you, check with a clinician before you start.",
    "Move gently and without forcing. A mild stretch is fine; sharp or increasing pain is not.",
    "Stop any exercise that makes your pain worse, or that sends pain, numbness or tingling "
    "down a leg, and talk to a clinician before you try it again.",
)


class SafetyDialog(QDialog):
    """Shows the safety notes and red flags; the first time it must be acknowledged."""

    def __init__(self, *, first_run: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("safetyDialog")
        self.setWindowTitle("Before you start" if first_run else "Safety notes")
        self.setModal(True)
        self.setMinimumWidth(560)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(28, 24, 28, 20)
        layout.setSpacing(8)

        title = QLabel("Before you start" if first_run else "Safety notes")
        title.setProperty("role", "title")
        layout.addWidget(title)
        layout.addWidget(self._text(INTRO))
        for principle in PRINCIPLES:
            layout.addWidget(self._text(f"•  {principle}"))

        flags_frame, flags_box = callout("redFlags", "redflags", spacing=4)
        urgent = QLabel("Seek urgent medical care — do not exercise — if you have back pain with:")
        urgent.setProperty("role", "redflag")
        urgent.setWordWrap(True)
        flags_box.addWidget(urgent)
        flags = QLabel("\n".join(f"•  {flag}" for flag in RED_FLAGS))
        flags.setObjectName("redFlagList")
        flags.setWordWrap(True)
        flags_box.addWidget(flags)
        layout.addSpacing(6)
        layout.addWidget(flags_frame)

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

    @staticmethod
    def _text(text: str) -> QLabel:
        label = QLabel(text)
        label.setWordWrap(True)
        label.setTextFormat(Qt.TextFormat.PlainText)
        return label
