"""What to do when an exercise hurts: skip it, end the session, or carry on."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from spinecoach.ui.callout import callout
from spinecoach.ui.safety import RED_FLAGS

ADVICE = (
    "Pain that is sharp, that spreads, or that keeps getting worse is a sign to stop. "
    "Rest in a comfortable position. If it does not settle, or this keeps happening, talk to "
    "a doctor or physiotherapist before you try this exercise again."
)


class HurtsDialog(QDialog):
    """Paused session: offers skip / end / carry on, with the stop-and-consult advice."""

    SKIP = "skip"
    END = "end"
    CONTINUE = "continue"

    def __init__(self, exercise_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("hurtsDialog")
        self.setWindowTitle("This hurts")
        self.setModal(True)
        self.setMinimumWidth(520)
        self.choice = self.CONTINUE
        layout = QVBoxLayout(self)
        layout.setContentsMargins(28, 24, 28, 20)
        layout.setSpacing(10)
        title = QLabel("The session is paused")
        title.setProperty("role", "title")
        layout.addWidget(title)
        question = QLabel(f"“{exercise_name}” hurts. What would you like to do?")
        question.setWordWrap(True)
        layout.addWidget(question)
        advice = QLabel(ADVICE)
        advice.setObjectName("hurtsAdvice")
        advice.setWordWrap(True)
        layout.addWidget(advice)
        frame, box = callout("hurtsRedFlags", "redflags", spacing=4)
        urgent = QLabel("Seek urgent medical care if the pain comes with:")
        urgent.setProperty("role", "redflag")
        box.addWidget(urgent)
        flags = QLabel("\n".join(f"•  {flag}" for flag in RED_FLAGS[:3]))
        flags.setWordWrap(True)
        box.addWidget(flags)
        layout.addWidget(frame)
        row = QHBoxLayout()
        for key, text, role in (
            (self.SKIP, "Skip this exercise", "primary"),
            (self.END, "End the session", ""),
            (self.CONTINUE, "Carry on gently", ""),
        ):
            button = QPushButton(text)
            button.setObjectName(f"hurts_{key}")
            if role:
                button.setProperty("role", role)
            button.clicked.connect(lambda _checked=False, k=key: self._choose(k))
            row.addWidget(button)
        layout.addLayout(row)

    def _choose(self, key: str) -> None:
        self.choice = key
        self.accept()
