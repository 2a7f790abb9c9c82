"""A suggestion to change an exercise's dose, with its reason: accept, or not now.

Never silent and never automatic (docs/PROGRESSION.md): after a session the app may suggest
one change (more reps, a longer hold, the harder or the easier version), worded by the core
(`core.progression.Suggestion.explain`). This dialog only shows those words and asks. For a
routine a physiotherapist locked there is nothing to accept: the suggestion says to ask them at
the next appointment, and the dialog has only a close button.

Object names: `progressionSuggestion` (the dialog), `suggestionReason` (the words),
`acceptSuggestion`, `declineSuggestion` (or `closeSuggestion` for a locked routine).
"""

from __future__ import annotations

from enum import StrEnum

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from spinecoach.ui.care.advice_dialogs import fit_width, plain

#: The least width of the suggestion, in average characters of its font.
SUGGESTION_CHARACTERS = 70


class SuggestionAnswer(StrEnum):
    """What the person did with a suggestion."""

    ACCEPTED = "accepted"
    DECLINED = "declined"
    #: A locked routine's "ask your physiotherapist": read and closed.
    CLOSED = "closed"


class ProgressionSuggestionDialog(QDialog):
    """One suggested change and its reason; `answer()` after `exec()`.

    `exercise`: the exercise's name (the heading); `reason`: the core's words, in the language
    in use; `ask_physiotherapist`: a locked routine (only "Close").
    """

    def __init__(
        self,
        exercise: str,
        reason: str,
        *,
        ask_physiotherapist: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("progressionSuggestion")
        self.setModal(True)
        self.setWindowTitle(self.tr("A suggestion for your exercises"))
        self._answer = SuggestionAnswer.CLOSED if ask_physiotherapist else SuggestionAnswer.DECLINED
        fit_width(self, SUGGESTION_CHARACTERS)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(28, 24, 28, 20)
        layout.setSpacing(10)
        title = plain(exercise, "suggestionExercise")
        title.setProperty("role", "title")
        layout.addWidget(title)
        self.reason = plain(reason, "suggestionReason")
        self.reason.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.reason)
        if ask_physiotherapist:
            hint = self.tr(
                "Your physiotherapist set this routine, so SpineCoach does not change it. "
                "Ask your physiotherapist at your next appointment."
            )
        else:
            hint = self.tr(
                "Nothing changes unless you choose it. You can change the dose back in the "
                "routine editor at any time."
            )
        self.hint = plain(hint, "suggestionHint")
        self.hint.setProperty("role", "muted")
        layout.addWidget(self.hint)
        layout.addStretch(1)

        buttons = QHBoxLayout()
        buttons.addStretch(1)
        self.accept_button: QPushButton | None = None
        self.decline_button: QPushButton | None = None
        self.close_button: QPushButton | None = None
        if ask_physiotherapist:
            self.close_button = QPushButton(self.tr("Close"))
            self.close_button.setObjectName("closeSuggestion")
            self.close_button.setProperty("role", "primary")
            self.close_button.setDefault(True)
            self.close_button.clicked.connect(self.reject)
            buttons.addWidget(self.close_button)
        else:
            self.decline_button = QPushButton(self.tr("Not now"))
            self.decline_button.setObjectName("declineSuggestion")
            self.decline_button.setAccessibleDescription(
                self.tr("Keep the exercise as it is; this is not suggested again for two weeks")
            )
            self.accept_button = QPushButton(self.tr("Try it"))
            self.accept_button.setObjectName("acceptSuggestion")
            self.accept_button.setProperty("role", "primary")
            self.accept_button.setAccessibleDescription(
                self.tr("Change the exercise in your routine as suggested")
            )
            self.accept_button.setDefault(True)
            self.decline_button.clicked.connect(self.reject)
            self.accept_button.clicked.connect(self._accept)
            buttons.addWidget(self.decline_button)
            buttons.addWidget(self.accept_button)
        layout.addLayout(buttons)

    def _accept(self) -> None:
        self._answer = SuggestionAnswer.ACCEPTED
        self.accept()

    def answer(self) -> SuggestionAnswer:
        """Accepted, declined (also Esc and the window's close) or, when locked, closed."""
        return self._answer
