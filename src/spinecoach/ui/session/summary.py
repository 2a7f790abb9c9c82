"""The player's last page: what was done, how long it took, pain before and after.

A passive view of `core.session_summary.SessionSummary` (the words are the core's): a title
("Well done", or "Session complete" when pain rose), the lines, the advice the app gives after a
rise in a calm box, and what to do next ("Back to the Library", "Log how it went" when the pain
question after the session was skipped). Its text wraps and the page scrolls rather than cut
anything off (960 x 540, 200 % text, German).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import QFrame, QLabel, QPushButton, QVBoxLayout, QWidget

from spinecoach.core.session_summary import SessionSummary
from spinecoach.ui.care.red_flags import red_flags_panel
from spinecoach.ui.widgets.callout import callout
from spinecoach.ui.widgets.reflow import WrappingRow

#: The summary's column: about this many characters of its text wide at most.
COLUMN_CHARACTERS = 80


def _label(object_name: str, role: str | None = None) -> QLabel:
    label = QLabel()
    label.setObjectName(object_name)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    if role is not None:
        label.setProperty("role", role)
    return label


class SessionSummaryPage(QWidget):
    """The summary of the session just ended.

    Signals:
        library_requested(): "Back to the Library".
        log_after_requested(): "Log how it went" (the pain question after, asked again).
    """

    library_requested = Signal()
    log_after_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("sessionSummary")
        self.setAccessibleName(self.tr("Session summary"))
        self.title = _label("summaryTitle", "title")
        self.lead = _label("summaryLead")
        self.exercises = _label("summaryExercises", "cardValue")
        self.skipped = _label("summarySkipped")
        self.time = _label("summaryTime")
        self.pain = _label("summaryPain", "cardValue")
        self.pain_words = _label("summaryPainWords")
        self.advice_box, advice_layout = callout("summaryAdvice", "caution")
        self.advice_title = _label("summaryAdviceTitle", "cautionExercise")
        self.advice_lines = _label("summaryAdviceText")
        advice_layout.addWidget(self.advice_title)
        advice_layout.addWidget(self.advice_lines)
        self.library_button = QPushButton(self.tr("Back to the Library"))
        self.library_button.setObjectName("summaryLibraryButton")
        self.library_button.setProperty("role", "primary")
        self.library_button.clicked.connect(self.library_requested)
        self.log_button = QPushButton(self.tr("Log how it went"))
        self.log_button.setObjectName("summaryLogButton")
        self.log_button.setToolTip(
            self.tr("Give the pain score after this session, which was skipped")
        )
        self.log_button.clicked.connect(self.log_after_requested)
        for button in (self.library_button, self.log_button):
            button.setMinimumHeight(44)
            button.setFocusPolicy(Qt.FocusPolicy.StrongFocus)

        # The red flags the advice refers to ("the signs below"), as the advice dialog shows them.
        self._red_flags: QFrame | None = None

        card = QFrame()
        card.setObjectName("summaryCard")
        card.setProperty("role", "card")
        column = QVBoxLayout(card)
        column.setContentsMargins(24, 18, 24, 18)
        column.setSpacing(8)
        column.addWidget(self.title)
        column.addWidget(self.lead)
        column.addSpacing(4)
        for label in (self.exercises, self.skipped, self.time):
            column.addWidget(label)
        column.addSpacing(4)
        for label in (self.pain, self.pain_words):
            column.addWidget(label)
        column.addWidget(self.advice_box)
        self._column = column
        self._buttons = QWidget()
        row = WrappingRow(self._buttons, spacing=10)
        row.addWidget(self.library_button)
        row.addWidget(self.log_button)
        column.addSpacing(6)
        column.addWidget(self._buttons)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(card)
        outer.addStretch(1)
        self.setMaximumWidth(self.fontMetrics().averageCharWidth() * COLUMN_CHARACTERS)

    def show_summary(self, summary: SessionSummary, *, can_log: bool) -> None:
        """Fill the page; `can_log`: the pain question after was skipped and may be answered."""
        self.title.setText(summary.title)
        self.lead.setText(summary.lead)
        self.exercises.setText(summary.exercises)
        for label, text in (
            (self.skipped, summary.skipped),
            (self.time, summary.time),
            (self.pain, summary.pain),
            (self.pain_words, summary.pain_words),
        ):
            label.setText(text)
            label.setVisible(bool(text))
        advice = summary.advice
        if self._red_flags is not None:
            self._red_flags.deleteLater()
            self._red_flags = None
        if advice is not None:
            self.advice_title.setText(advice.summary)
            self.advice_lines.setText("\n".join(f"•  {line}" for line in advice.advice))
            if advice.red_flags:
                self._red_flags = red_flags_panel("summaryRedFlags", advice.red_flags)
                at = self._column.indexOf(self.advice_box) + 1
                self._column.insertWidget(at, self._red_flags)
        self.advice_box.setVisible(advice is not None)
        self.log_button.setVisible(can_log)

    def changeEvent(self, event: QEvent) -> None:
        """Qt override: a new font (the text size) widens the column with it."""
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self.setMaximumWidth(self.fontMetrics().averageCharWidth() * COLUMN_CHARACTERS)
