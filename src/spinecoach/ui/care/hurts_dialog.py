"""What to do when an exercise hurts: skip it, end the session, or carry on gently."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from spinecoach.core.safety import IN_PAIN_ADVICE
from spinecoach.ui.care.advice_dialogs import plain, scrolling
from spinecoach.ui.care.red_flags import red_flags_panel


class HurtsDialog(QDialog):
    """Paused session: offers skip / end / carry on, the advice, and both red-flag groups."""

    SKIP = "skip"
    END = "end"
    CONTINUE = "continue"

    def __init__(self, exercise_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("hurtsDialog")
        self.setWindowTitle("This hurts")
        self.setModal(True)
        self.setMinimumWidth(580)
        self.choice = self.CONTINUE
        layout = QVBoxLayout(self)
        layout.setContentsMargins(28, 24, 28, 20)
        layout.setSpacing(10)
        title = QLabel("The session is paused")
        title.setProperty("role", "title")
        layout.addWidget(title)
        layout.addWidget(plain(f"“{exercise_name}” hurts. What would you like to do?"))
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
        body = QWidget()
        column = QVBoxLayout(body)
        column.setContentsMargins(0, 0, 8, 0)
        column.setSpacing(8)
        advice = plain("\n".join(f"•  {line}" for line in IN_PAIN_ADVICE), "hurtsAdvice")
        column.addWidget(advice)
        column.addWidget(red_flags_panel("hurtsRedFlags"))
        column.addStretch(1)
        layout.addWidget(scrolling(body, "hurtsScroll", 300), 1)

    def _choose(self, key: str) -> None:
        self.choice = key
        self.accept()
