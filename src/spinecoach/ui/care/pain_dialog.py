"""Ask for a pain score before and after a session: eleven big buttons with the standard anchors.

The 0-10 numeric rating scale with "no pain" and "worst pain imaginable" at its ends is what
clinicians use, so the history can be shown to them as it is. Answering is always optional.

From the keyboard: a digit chooses its score (1 then 0 makes 10, as typed), the arrow keys move
along the scale (one Tab stop, like radio buttons), Enter saves and Esc skips. The scale is a
titled group whose description gives both anchors, and the end buttons name their anchor, so a
screen reader says what 0 and 10 mean.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QSize, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from spinecoach.core.ui_text import QT_TRANSLATE_NOOP
from spinecoach.ui.widgets.note_box import NoteCounter

# How the session felt: the stored value and its words (translated where shown, in the
# context "PainDialog").
#: After a session: how it felt compared with last time.
FEELINGS: tuple[tuple[str, str], ...] = (
    ("easier", QT_TRANSLATE_NOOP("PainDialog", "Easier than last time")),
    ("same", QT_TRANSLATE_NOOP("PainDialog", "About the same")),
    ("harder", QT_TRANSLATE_NOOP("PainDialog", "Harder")),
)

# The ends of the scale, in the words clinicians use (translated where shown).
#: An end of the 0-10 pain scale, as clinicians name it ("0 = no pain").
ANCHORS = {
    0: QT_TRANSLATE_NOOP("PainDialog", "no pain"),
    10: QT_TRANSLATE_NOOP("PainDialog", "worst pain imaginable"),
}

# A 0 typed this soon after a 1 makes 10 (the person typed "10"); later, it means 0.
TEN_WITHIN_SECONDS = 1.0

# The pain question's keys, for Help > Keyboard shortcuts: both columns are marked for
# translation in the context "PainDialog" (translate them there, where they are shown).
#: Help > Keyboard shortcuts, the pain question: keys typed on the 0-10 scale.
PAIN_KEYS: tuple[tuple[str, str], ...] = (
    (
        QT_TRANSLATE_NOOP("PainDialog", "0 to 9"),
        QT_TRANSLATE_NOOP("PainDialog", "Choose that score"),
    ),
    (
        QT_TRANSLATE_NOOP("PainDialog", "1 then 0"),
        QT_TRANSLATE_NOOP("PainDialog", "Choose 10 (the 0 within a second of the 1)"),
    ),
    (
        QT_TRANSLATE_NOOP("PainDialog", "Left and Right arrows"),
        QT_TRANSLATE_NOOP("PainDialog", "Move along the scale; Space chooses"),
    ),
    (
        QT_TRANSLATE_NOOP("PainDialog", "Enter"),
        QT_TRANSLATE_NOOP("PainDialog", "Save the score chosen"),
    ),
    (QT_TRANSLATE_NOOP("PainDialog", "Esc"), QT_TRANSLATE_NOOP("PainDialog", "Skip the question")),
)


def anchor_words(score: int) -> str:
    """What a score at an end of the scale means ("no pain"), translated; "" in between."""
    anchor = ANCHORS.get(score)
    return QCoreApplication.translate("PainDialog", anchor) if anchor else ""


def score_name(score: int) -> str:
    """What a screen reader says for a score's button: "Pain 0 out of 10: no pain"."""
    anchor = anchor_words(score)
    if anchor:
        return QCoreApplication.translate("PainDialog", "Pain {score} out of 10: {anchor}").format(
            score=score, anchor=anchor
        )
    return QCoreApplication.translate("PainDialog", "Pain {score} out of 10").format(score=score)


class _ScoreButton(QPushButton):
    """A score: at least 48 x 48 px, and never narrower than its number ("10" at 200 %)."""

    def minimumSizeHint(self) -> QSize:
        """Qt override."""
        return QSize(48, 48).expandedTo(self.sizeHint())


@dataclass(frozen=True, slots=True)
class PainAnswer:
    """What the person entered; `score` is None when they skipped."""

    score: int | None
    note: str = ""
    feeling: str | None = None


class PainDialog(QDialog):
    """Pain now, 0-10, with an optional note (and, after a session, how it felt)."""

    def __init__(
        self,
        *,
        after: bool,
        check_in: bool = False,
        previous_session: bool = True,
        parent: QWidget | None = None,
        now: Callable[[], float] = time.monotonic,
    ) -> None:
        """`now` is the clock that times "1 then 0" (tests pass a fake one).

        `previous_session`: after a session, whether the person had one before it; the first
        one is not compared with "last time" (no "Easier than last time" then).
        """
        super().__init__(parent)
        self.setObjectName("painDialog")
        # Each question its own title, none shared with the safety notes (issue 15: both said
        # "Before you start").
        if check_in:
            window_title, heading = self.tr("Pain check-in"), self.tr("How is your back today?")
        elif after:
            window_title, heading = self.tr("Pain after the session"), self.tr("After the session")
        else:
            window_title = self.tr("Pain before the session")
            heading = self.tr("Before the session")
        self.setWindowTitle(window_title)
        self.setModal(True)
        self._score: int | None = None
        self._now = now
        self._one_typed_at: float | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(28, 24, 28, 20)
        layout.setSpacing(12)
        title = QLabel(heading)
        title.setObjectName("painHeading")
        title.setProperty("role", "title")
        layout.addWidget(title)

        # A titled group: a screen reader names the group, then the button, then its state.
        self.scale = QGroupBox(self.tr("How much does your back hurt right now?"))
        self.scale.setObjectName("painScale")
        self.scale.setFlat(True)
        self.scale.setAccessibleDescription(
            self.tr(
                "0 means no pain and 10 the worst pain imaginable. Type a number from 0 to 10, "
                "or move with the arrow keys and press Space."
            )
        )
        column = QVBoxLayout(self.scale)
        column.setContentsMargins(0, 8, 0, 0)
        column.setSpacing(4)
        grid = QGridLayout()
        grid.setHorizontalSpacing(6)
        self.score_buttons = QButtonGroup(self)
        self.score_buttons.setExclusive(True)
        for score in range(11):
            button = _ScoreButton(str(score))
            button.setObjectName(f"painScore{score}")
            button.setAccessibleName(score_name(score))
            button.setCheckable(True)
            button.setAutoDefault(False)  # Enter saves the score; it does not choose again
            button.setProperty("role", "score")
            self.score_buttons.addButton(button, score)
            grid.addWidget(button, 0, score)
            grid.setColumnStretch(score, 1)  # eleven buttons of one width
        column.addLayout(grid)
        # The anchors in a row of their own: in the grid, a long one widened its columns'
        # buttons (German at 200 %).
        low = QLabel(f"0 = {anchor_words(0)}")
        high = QLabel(f"10 = {anchor_words(10)}")
        anchors = QHBoxLayout()
        for label in (low, high):
            label.setProperty("role", "muted")
        anchors.addWidget(low)
        anchors.addStretch(1)
        anchors.addWidget(high)
        column.addLayout(anchors)
        layout.addWidget(self.scale)

        self.feeling_buttons = QButtonGroup(self)
        if after and previous_session:
            feelings = QGroupBox(self.tr("How did that feel?"))
            feelings.setObjectName("painFeeling")
            feelings.setFlat(True)
            row = QHBoxLayout(feelings)
            row.setContentsMargins(0, 8, 0, 0)
            for index, (key, text) in enumerate(FEELINGS):
                radio = QRadioButton(QCoreApplication.translate("PainDialog", text))
                radio.setObjectName(f"feeling_{key}")
                self.feeling_buttons.addButton(radio, index)
                row.addWidget(radio)
            row.addStretch(1)
            layout.addWidget(feelings)

        self.note = QLineEdit()
        self.note.setObjectName("painNote")
        self.note.setAccessibleName(self.tr("Note"))
        self.note.setPlaceholderText(self.tr("A note, if you like (what you did, how you slept…)"))
        layout.addWidget(self.note)
        # The same limit and characters as every note box (ui/widgets/note_box.py), with a counter.
        self.note_counter = NoteCounter(self.note)
        layout.addWidget(self.note_counter, 0, Qt.AlignmentFlag.AlignRight)

        # Why Save cannot be pressed yet, in words above it (it is also drawn disabled).
        self.save_hint = QLabel(self.tr("Choose a number to save it."))
        self.save_hint.setObjectName("painSaveHint")
        self.save_hint.setProperty("role", "muted")
        self.save_hint.setWordWrap(True)
        self.save_hint.setAlignment(Qt.AlignmentFlag.AlignRight)
        layout.addWidget(self.save_hint)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        self.skip_button = QPushButton(self.tr("Skip"))
        self.skip_button.setObjectName("painSkip")
        save = self.tr("Save") if after or check_in else self.tr("Save and continue")
        self.save_button = QPushButton(save)
        self.save_button.setObjectName("painSave")
        self.save_button.setProperty("role", "primary")
        self.save_button.setEnabled(False)
        self.save_button.setAccessibleDescription(self.save_hint.text())
        self.save_button.setDefault(True)
        buttons.addWidget(self.skip_button)
        buttons.addWidget(self.save_button)
        layout.addLayout(buttons)

        self.score_buttons.idClicked.connect(self._choose)
        self.skip_button.clicked.connect(self._skip)
        self.save_button.clicked.connect(self.accept)
        self.score_buttons.button(0).setFocus()  # the keyboard starts on the scale

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Qt override: a digit chooses a score (unless a text box took it first)."""
        text = event.text()
        plain = not event.modifiers() & (
            Qt.KeyboardModifier.ControlModifier
            | Qt.KeyboardModifier.AltModifier
            | Qt.KeyboardModifier.MetaModifier
        )
        if plain and len(text) == 1 and text in "0123456789":
            self.type_digit(int(text))
            event.accept()
            return
        super().keyPressEvent(event)

    def type_digit(self, digit: int) -> None:
        """A typed digit: its score, or 10 when it is a 0 just after a 1."""
        now = self._now()
        typed_ten = (
            digit == 0
            and self._one_typed_at is not None
            and now - self._one_typed_at <= TEN_WITHIN_SECONDS
        )
        self._one_typed_at = now if digit == 1 else None
        self.choose(10 if typed_ten else digit)

    def choose(self, score: int) -> None:
        """Choose a score as a click on its button would, and put the keyboard there."""
        button = self.score_buttons.button(score)
        button.setChecked(True)
        button.setFocus(Qt.FocusReason.OtherFocusReason)
        self._choose(score)

    def score(self) -> int | None:
        """The score chosen so far (None before one is)."""
        return self._score

    def _choose(self, score: int) -> None:
        self._score = score
        self.save_button.setEnabled(True)
        self.save_hint.hide()

    def _skip(self) -> None:
        self._score = None
        self.reject()

    def answer(self) -> PainAnswer:
        """What was entered (score None if skipped)."""
        if self.result() != QDialog.DialogCode.Accepted or self._score is None:
            return PainAnswer(score=None)
        checked = self.feeling_buttons.checkedId()
        feeling = FEELINGS[checked][0] if checked >= 0 else None
        return PainAnswer(score=self._score, note=self.note.text().strip(), feeling=feeling)
