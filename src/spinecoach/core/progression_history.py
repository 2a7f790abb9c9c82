"""What the progression rules read: one exercise in one session, and next-morning answers.

Apart from the rules (`core.progression`) so that the data file's store of them does not load
the rules, and with them the exercise model, into the process that runs all day in the tray
(issue 18). `core.progression` exports both as before.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True, slots=True)
class ExerciseDay:
    """One session's record of one exercise: the local day, done in full, the session's pain.

    `pain_before` / `pain_after` are the session's scores (None when skipped); `hurt` is True
    when "This hurts" was pressed on this exercise in that session.
    """

    day: date
    exercise_id: str
    done_in_full: bool
    pain_before: int | None
    pain_after: int | None
    hurt: bool

    @property
    def rise(self) -> int | None:
        """After minus before, when both were given."""
        if self.pain_before is None or self.pain_after is None:
            return None
        return self.pain_after - self.pain_before


@dataclass(frozen=True, slots=True)
class NextMorning:
    """The next-morning answer about the session(s) of `day_of_session`.

    `score_before_session` is the pain score given before that day's first session (None
    when it was skipped): "compared with before yesterday's session".
    """

    day_of_session: date
    score: int
    score_before_session: int | None

    @property
    def worse_by(self) -> int | None:
        """How many points worse than before the session (negative: better)."""
        if self.score_before_session is None:
            return None
        return self.score - self.score_before_session
