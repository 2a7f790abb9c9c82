"""The next-morning question: how the back is this morning, 0-10, after yesterday's session.

Physiotherapists judge a dose by how the back feels the next morning, not only straight after
(docs/PROGRESSION.md). The question is the pain question (`PainDialog`: the same eleven buttons,
keys and anchors, always skippable) with its own heading, and the score given before the
session beside it when there is one, so the two can be compared. It is stored as a pain entry
of its own kind (`PainContext.NEXT_MORNING`) by whoever asks it (`app.progression`).

Object names: `nextMorningDialog`, its heading `painHeading`, `nextMorningQuestion`,
`nextMorningBefore` (the score
before the session), and the pain question's own (`painScore0`..`painScore10`, `painSkip`,
`painSave`).
"""

from __future__ import annotations

import time
from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QDate, QLocale
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from spinecoach.ui.care.advice_dialogs import fit_width
from spinecoach.ui.care.pain_dialog import PainDialog

#: The least width of the question, in average characters of its font.
QUESTION_CHARACTERS = 64


class NextMorningDialog(PainDialog):
    """Pain this morning, compared with before the session on `session_day`.

    `yesterday`: the session was the day before today (the usual case; "yesterday's session");
    otherwise its date is said. `score_before`: the score given before that session, if any.
    """

    def __init__(
        self,
        session_day: date,
        *,
        yesterday: bool = True,
        score_before: int | None = None,
        parent: QWidget | None = None,
        now: Callable[[], float] = time.monotonic,
    ) -> None:
        super().__init__(after=False, check_in=True, parent=parent, now=now)
        self.setObjectName("nextMorningDialog")
        self.setWindowTitle(self.tr("This morning"))
        if yesterday:
            question = self.tr(
                "How is your back this morning compared with before yesterday's session?"
            )
        else:
            day = QLocale().toString(
                QDate(session_day.year, session_day.month, session_day.day),
                QLocale.FormatType.LongFormat,
            )
            question = self.tr(
                "How is your back this morning compared with before your session on {day}?"
            ).format(day=day)
        heading = self.findChild(QLabel, "painHeading")
        assert heading is not None
        heading.setText(self.tr("This morning"))
        self.question = QLabel(question)
        self.question.setObjectName("nextMorningQuestion")
        self.question.setWordWrap(True)
        self.before = QLabel()
        self.before.setObjectName("nextMorningBefore")
        self.before.setProperty("role", "muted")
        self.before.setWordWrap(True)
        if score_before is not None:
            self.before.setText(
                self.tr("Before that session you gave your back {score} out of 10.").format(
                    score=score_before
                )
            )
        else:
            self.before.setText(
                self.tr("Answer with your pain now, from 0 to 10. You can skip this question.")
            )
        layout = self.layout()
        assert isinstance(layout, QVBoxLayout)
        layout.insertWidget(1, self.question)
        layout.insertWidget(2, self.before)
        # Wide enough that the question wraps onto two or three lines, never a narrow column,
        # and never narrower than the scale with its anchors (German at 200 %).
        fit_width(self, QUESTION_CHARACTERS)
        self.setMinimumWidth(max(self.minimumWidth(), layout.minimumSize().width()))
        # One question, quickly answered: no note box (at 200 % text the dialog must still fit
        # a small screen). A note can be added to the entry later in History.
        self.note.hide()
        self.note_counter.hide()
