"""What a session records, and in which order: the protocol, without Qt or SQLite.

The player (ui/session/player_controller.py) keeps timers, the view and the cues; this object
keeps the record of a session true to what happened, through any store that takes the five writes
(`RecordingStore`; the app's is `storage.safe_writer.SafeWriter`, which keeps what storage refuses):

1. the session row is written before the first exercise (a crash cannot lose the session),
   then the pain score before it, linked to it;
2. each exercise as it is done, at once;
3. every "this hurts" with the exercise and what the person chose;
4. the finish (completed or stopped, feeling, note), then the pain score after;
5. then the rise check (`core.pain.rise_advice`): the advice to show, if any; and before the
   first exercise, `advice_before` when the pain is already severe.

Every store call's result goes to `report`, so the UI can tell the person when something could
not be saved yet. Time comes from the injected clock; the advice speaks the `words` given (the
library's `Library.words`, English by default).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import datetime
from typing import Generic, Protocol, TypeVar

from spinecoach.core.clock import Clock
from spinecoach.core.exercise import Routine
from spinecoach.core.messages import ENGLISH, Messages
from spinecoach.core.pain import PainRiseAdvice, high_before_advice, rise_advice
from spinecoach.core.records import (
    Feeling,
    HurtAction,
    PainContext,
    PainEntry,
    SessionStatus,
)

OutcomeT = TypeVar("OutcomeT")
OutcomeT_co = TypeVar("OutcomeT_co", covariant=True)


class RecordingStore(Protocol[OutcomeT_co]):
    """The writes a session makes; each returns an outcome for `report` (stored or kept)."""

    def start_session(
        self, routine_id: str, routine_name: str, exercises_total: int, started_at: datetime
    ) -> tuple[str, OutcomeT_co]:
        """Write the session row; returns the session's key and the outcome."""
        ...

    def add_pain_entry(self, entry: PainEntry, session: str | None = None) -> OutcomeT_co:
        """Write a pain score (of `session`)."""
        ...

    def record_exercise_done(self, session: str, exercise_id: str) -> OutcomeT_co:
        """Append a finished exercise to the session."""
        ...

    def finish_session(
        self,
        session: str,
        status: SessionStatus,
        ended_at: datetime,
        feeling: str | None = None,
        note: str = "",
    ) -> OutcomeT_co:
        """Close the session with its outcome."""
        ...

    def add_hurt_event(
        self, session: str, exercise_id: str, recorded_at: datetime, action: HurtAction
    ) -> OutcomeT_co:
        """Record a "this hurts" press and the choice."""
        ...


class SessionRecorder(Generic[OutcomeT]):
    """Records one session at a time (see the module doc)."""

    def __init__(
        self,
        store: RecordingStore[OutcomeT],
        clock: Clock,
        *,
        report: Callable[[OutcomeT], object] = lambda _outcome: None,
        routines: Callable[[], Iterable[Routine]] = tuple,
        words: Messages = ENGLISH,
    ) -> None:
        self._store = store
        # The language of the pain advice (the routines' names are already in it).
        self._words = words
        self._clock = clock
        self._report = report
        # The library's routines, for naming a gentler one after a pain rise.
        self._routines = routines
        self._routine: Routine | None = None
        self._session: str | None = None
        self._before: int | None = None

    @property
    def session(self) -> str | None:
        """The key of the session being recorded (None before the first `begin`)."""
        return self._session

    def begin(self, routine: Routine, score_before: int | None, note: str = "") -> str:
        """The session starts: its row first, then the pain score before it (if given)."""
        now = self._clock.now()
        self._routine = routine
        self._before = score_before
        self._session, outcome = self._store.start_session(
            routine.id, routine.name, len(routine.items), now
        )
        self._report(outcome)
        if score_before is not None:
            entry = PainEntry(
                recorded_at=now, score=score_before, context=PainContext.BEFORE, note=note
            )
            self._report(self._store.add_pain_entry(entry, session=self._session))
        return self._session

    def advice_before(self, routine: Routine, score_before: int | None) -> PainRiseAdvice | None:
        """What to say before the routine when pain is already severe (see core.pain)."""
        return high_before_advice(
            score_before, routines=self._routines(), about_to_do=routine.id, words=self._words
        )

    def exercise_done(self, exercise_id: str) -> None:
        """An exercise was done in full: recorded at once."""
        if self._session is not None:
            self._report(self._store.record_exercise_done(self._session, exercise_id))

    def hurt(self, exercise_id: str, action: HurtAction) -> None:
        """Record a "this hurts" press on an exercise, and what the person chose."""
        if self._session is not None:
            outcome = self._store.add_hurt_event(
                self._session, exercise_id, self._clock.now(), action
            )
            self._report(outcome)

    def finish(
        self,
        *,
        completed: bool,
        score_after: int | None,
        feeling: Feeling | None = None,
        note: str = "",
    ) -> PainRiseAdvice | None:
        """The session ended: its outcome, the pain score after, then the advice, if any."""
        if self._session is None:
            return None
        now = self._clock.now()
        status = SessionStatus.COMPLETED if completed else SessionStatus.STOPPED
        outcome = self._store.finish_session(self._session, status, now, feeling, note)
        self._report(outcome)
        if score_after is None:
            return None
        entry = PainEntry(recorded_at=now, score=score_after, context=PainContext.AFTER)
        self._report(self._store.add_pain_entry(entry, session=self._session))
        return rise_advice(
            self._before,
            score_after,
            routines=self._routines(),
            just_done=self._routine.id if self._routine is not None else None,
            words=self._words,
        )
