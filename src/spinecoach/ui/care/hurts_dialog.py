"""What to do when an exercise hurts: skip it, end the session, or carry on gently."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QPushButton, QVBoxLayout, QWidget

from spinecoach.core.messages import ENGLISH, Messages
from spinecoach.core.safety import safety_texts
from spinecoach.ui.care.advice_dialogs import fit_width, plain, scrolling
from spinecoach.ui.care.red_flags import red_flags_panel
from spinecoach.ui.widgets.reflow import WrappingRow


class HurtsDialog(QDialog):
    """Paused session: offers skip / end / carry on, the advice, and both red-flag groups.

    `words`: the language of the advice and the red flags (`Library.words`). The three choices
    wrap onto more lines when they do not fit side by side (200 % text, longer words).
    """

    SKIP = "skip"
    END = "end"
    CONTINUE = "continue"

    def __init__(
        self, exercise_name: str, parent: QWidget | None = None, *, words: Messages = ENGLISH
    ) -> None:
        super().__init__(parent)
        self.setObjectName("hurtsDialog")
        self.setWindowTitle(self.tr("This hurts"))
        self.setModal(True)
        fit_width(self)
        self.choice = self.CONTINUE
        layout = QVBoxLayout(self)
        layout.setContentsMargins(28, 24, 28, 20)
        layout.setSpacing(10)
        title = plain(self.tr("The session is paused"))
        title.setProperty("role", "title")
        layout.addWidget(title)
        question = self.tr("“{exercise}” hurts. What would you like to do?")
        layout.addWidget(plain(question.format(exercise=exercise_name)))
        row = WrappingRow(spacing=8)
        for key, text, role in (
            (self.SKIP, self.tr("Skip this exercise"), "primary"),
            (self.END, self.tr("End the session"), ""),
            (self.CONTINUE, self.tr("Carry on gently"), ""),
        ):
            button = QPushButton(text)
            button.setObjectName(f"hurts_{key}")
            if role:
                button.setProperty("role", role)
            button.clicked.connect(lambda _checked=False, k=key: self._choose(k))
            row.addWidget(button)
        layout.addLayout(row)
        texts = safety_texts(words)
        body = QWidget()
        column = QVBoxLayout(body)
        column.setContentsMargins(0, 0, 8, 0)
        column.setSpacing(8)
        advice = plain("\n".join(f"•  {line}" for line in texts.in_pain_advice), "hurtsAdvice")
        column.addWidget(advice)
        column.addWidget(red_flags_panel("hurtsRedFlags", texts.red_flag_groups))
        column.addStretch(1)
        layout.addWidget(scrolling(body, "hurtsScroll", 21), 1)

    def _choose(self, key: str) -> None:
        self.choice = key
        self.accept()
