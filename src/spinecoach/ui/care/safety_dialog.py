"""The safety notes: shown once on first start, and again from the Help menu."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QLabel, QPushButton, QScrollArea, QVBoxLayout, QWidget

from spinecoach.core.messages import ENGLISH, Messages
from spinecoach.core.safety import safety_texts
from spinecoach.ui.care.advice_dialogs import body_height, fit_width, plain
from spinecoach.ui.care.red_flags import red_flags_panel
from spinecoach.ui.widgets.reflow import WrappingRow

# The least width of the safety notes, in average characters of its font (600 px at 9 pt).
SAFETY_CHARACTERS = 100


class SafetyDialog(QDialog):
    """Shows the safety notes and both red-flag groups; the first time it must be acknowledged.

    The notes scroll inside the dialog, so the buttons stay in reach on a small or 200 % screen,
    and the buttons wrap onto a second line when they do not fit side by side. `words`: the
    language of the notes and the red flags (`Library.words`).
    """

    def __init__(
        self, *, first_run: bool, parent: QWidget | None = None, words: Messages = ENGLISH
    ) -> None:
        super().__init__(parent)
        self.setObjectName("safetyDialog")
        title_text = self.tr("Safety first") if first_run else self.tr("Safety notes")
        self.setWindowTitle(title_text)
        self.setModal(True)
        fit_width(self, SAFETY_CHARACTERS)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(28, 24, 28, 20)
        layout.setSpacing(8)

        title = plain(title_text)
        title.setProperty("role", "title")
        layout.addWidget(title)

        texts = safety_texts(words)
        body = QWidget()
        body.setObjectName("safetyBody")
        column = QVBoxLayout(body)
        column.setContentsMargins(0, 0, 8, 0)
        column.setSpacing(8)
        column.addWidget(plain(texts.intro))
        reassurance = plain(texts.self_management)
        reassurance.setObjectName("selfManagement")
        column.addWidget(reassurance)
        # Whether to exercise at all comes before how: the red flags precede the principles.
        column.addSpacing(4)
        column.addWidget(red_flags_panel("redFlags", texts.red_flag_groups))
        heading = QLabel(self.tr("Exercising with SpineCoach"))
        heading.setProperty("role", "heading")
        heading.setWordWrap(True)
        column.addWidget(heading)
        for principle in texts.principles:
            column.addWidget(plain(f"•  {principle}"))
        column.addStretch(1)
        scroll = QScrollArea()
        scroll.setObjectName("safetyScroll")
        scroll.setAccessibleName(self.tr("Safety notes"))  # it takes the keyboard to scroll
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(body)
        # Room for a good part of the notes, but never so much that the buttons leave the screen.
        scroll.setMinimumHeight(body_height(self, 30))
        layout.addWidget(scroll, 1)

        # Not a QDialogButtonBox: its row does not wrap, and at 200 % text it clips the buttons.
        buttons = WrappingRow(spacing=8)
        buttons.add_push()
        if first_run:
            agree = QPushButton(self.tr("I understand — let's start"))
            agree.setObjectName("acknowledgeButton")
            agree.setProperty("role", "primary")
            agree.setDefault(True)
            agree.clicked.connect(self.accept)
            buttons.addWidget(agree)
            quit_button = QPushButton(self.tr("Close SpineCoach"))
            quit_button.setObjectName("declineButton")
            quit_button.clicked.connect(self.reject)
            buttons.addWidget(quit_button)
        else:
            close = QPushButton(self.tr("Close"))
            close.setObjectName("closeButton")
            close.setDefault(True)
            close.clicked.connect(self.reject)
            buttons.addWidget(close)
        layout.addSpacing(8)
        layout.addLayout(buttons)
