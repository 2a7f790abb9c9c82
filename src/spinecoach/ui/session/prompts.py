"""The session's questions: what the player asks (`SessionPrompts`) and the real dialogs.

`DialogPrompts` asks them with modal dialogs; tests give scripted answers instead.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

from PySide6.QtWidgets import QWidget

from spinecoach.core.messages import ENGLISH, Messages
from spinecoach.core.pain import PainRiseAdvice
from spinecoach.ui.care.advice_dialogs import PainRiseDialog
from spinecoach.ui.care.hurts_dialog import HurtsDialog
from spinecoach.ui.care.pain_dialog import PainAnswer, PainDialog


class SessionPrompts(Protocol):
    """The questions a session asks; dialogs in the app, scripted answers in tests."""

    def pain_before(self) -> PainAnswer:
        """Pain before starting (score None = skipped)."""
        ...

    def pain_after(self) -> PainAnswer:
        """Pain and feeling after the session (score None = skipped)."""
        ...

    def this_hurts(self, exercise_name: str) -> str:
        """Return "skip", "end" or "continue"."""
        ...

    def pain_advice(self, advice: PainRiseAdvice) -> None:
        """Advice about pain (severe before the session, or a rise after it), said kindly."""
        ...


class DialogPrompts:
    """Implements `SessionPrompts` with modal dialogs over `parent`."""

    def __init__(
        self,
        parent: QWidget,
        *,
        words: Messages = ENGLISH,
        sessions_recorded: Callable[[], int] = lambda: 2,
    ) -> None:
        """`words`: the core's messages in the language in use (the safety texts).

        `sessions_recorded` counts the sessions in the data file, the one ending now included:
        after the very first, "How did that feel compared with last time?" is not asked.
        """
        self._parent = parent
        self._words = words
        self._sessions_recorded = sessions_recorded

    def pain_before(self) -> PainAnswer:
        """Pain before the session."""
        dialog = PainDialog(after=False, parent=self._parent)
        dialog.exec()
        return dialog.answer()

    def pain_after(self) -> PainAnswer:
        """Pain and feeling after the session."""
        earlier = self._sessions_recorded() > 1
        dialog = PainDialog(after=True, previous_session=earlier, parent=self._parent)
        dialog.exec()
        return dialog.answer()

    def this_hurts(self, exercise_name: str) -> str:
        """Skip, end or carry on."""
        dialog = HurtsDialog(exercise_name, parent=self._parent, words=self._words)
        dialog.exec()
        return dialog.choice

    def pain_advice(self, advice: PainRiseAdvice) -> None:
        """Advice about pain (severe before, or a rise after), with what to do and the red flags."""
        PainRiseDialog(advice, parent=self._parent).exec()
