"""What a session records, and in which order: the protocol, without Qt or SQLite.

The player (ui/session/player_controller.py) keeps timers, the view and the cues; this object
keeps the record of a session true to what happened, through any store that takes its writes
(`RecordingStore`; the app's is `storage.safe_writer.SafeWriter`, which keeps what storage refuses):

1. the session row is written before the first exercise (a crash cannot lose the session),
   then the pain score before it, linked to it;
2. each exercise as it is done, at once, and each one skipped (never counted as done);
3. every "this hurts" with the exercise and what the person chose: skip it, end the session, or
   carry on gently ("continued"), at the moment they choose;
4. the finish (completed or stopped, feeling, note), then the pain score after;
5. then the rise check (`core.pain.rise_advice`): the advice to show, if any; and before the
   first exercise, `advice_before` when the pain is already severe.

A session's logged duration is the time exercising: from the moment its row is written (after
the pain question before it) to the moment the exercises end (`finish(ended_at=...)`: the
player passes when the last phase ended or the person stopped, not when the pain question after
it was answered). That is what a person means by "a two-minute desk break took two minutes",
and it is the time the summary page shows (`exercising_seconds`). Pauses are in it: the session
was under way.

When the pain question after a session was skipped, `log_after` takes a late answer ("Log how it
went" on the summary): the score after, linked to the session, and the feeling if none was kept.

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

    def record_exercise_skipped(self, session: str, exercise_id: str) -> OutcomeT_co:
        """Append an exercise left before it was done to the session."""
        ...

    def add_session_feeling(self, session: str, feeling: str) -> OutcomeT_co:
        """Give a finished session the feeling its skipped pain question left out."""
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
        self._after: int | None = None
        self._feeling: Feeling | None = None
        self._started: datetime | None = None
        self._ended: datetime | None = None

    @property
    def session(self) -> str | None:
        """The key of the session being recorded (None before the first `begin`)."""
        return self._session

    @property
    def score_before(self) -> int | None:
        """The pain score given before the session (None when skipped)."""
        return self._before

    @property
    def score_after(self) -> int | None:
        """The pain score given after the session, also late (None until given)."""
        return self._after

    @property
    def exercising_seconds(self) -> float:
        """The session's logged duration: from its start to the end of its exercises.

        0 before `begin`; until `finish`, the time since the start.
        """
        if self._started is None:
            return 0.0
        end = self._ended if self._ended is not None else self._clock.now()
        return max(0.0, (end - self._started).total_seconds())

    def begin(self, routine: Routine, score_before: int | None, note: str = "") -> str:
        """The session starts: its row first, then the pain score before it (if given)."""
        now = self._clock.now()
        self._routine = routine
        self._before = score_before
        self._after = None
        self._feeling = None
        self._started = now
        self._ended = None
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

    def exercise_skipped(self, exercise_id: str) -> None:
        """An exercise was left before it was done: recorded at once, as skipped."""
        if self._session is not None:
            self._report(self._store.record_exercise_skipped(self._session, exercise_id))

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
        ended_at: datetime | None = None,
    ) -> PainRiseAdvice | None:
        """The session ended: its outcome, the pain score after, then the advice, if any.

        `ended_at` is when the exercises ended (the logged duration ends there); by default now.
        The pain score after is stamped now, when it was given.
        """
        if self._session is None:
            return None
        now = self._clock.now()
        self._ended = ended_at if ended_at is not None else now
        self._feeling = feeling
        status = SessionStatus.COMPLETED if completed else SessionStatus.STOPPED
        outcome = self._store.finish_session(self._session, status, self._ended, feeling, note)
        self._report(outcome)
        if score_after is None:
            return None
        entry = PainEntry(recorded_at=now, score=score_after, context=PainContext.AFTER)
        self._report(self._store.add_pain_entry(entry, session=self._session))
        self._after = score_after
        return self.advice_after()

    def log_after(
        self, score_after: int | None, feeling: Feeling | None = None, note: str = ""
    ) -> PainRiseAdvice | None:
        """A late answer to the pain question after the session ("Log how it went").

        Only once the session is finished and while no score after is kept: the score (with the
        note) linked to the session, and the feeling when none was kept. Returns the advice.
        """
        if self._session is None or self._ended is None or self._after is not None:
            return None
        if feeling is not None and self._feeling is None:
            self._feeling = feeling
            self._report(self._store.add_session_feeling(self._session, feeling))
        if score_after is None:
            return None
        entry = PainEntry(
            recorded_at=self._clock.now(),
            score=score_after,
            context=PainContext.AFTER,
            note=note,
        )
        self._report(self._store.add_pain_entry(entry, session=self._session))
        self._after = score_after
        return self.advice_after()

    def advice_after(self) -> PainRiseAdvice | None:
        """What to say about the scores before and after (see core.pain), if anything."""
        return rise_advice(
            self._before,
            self._after,
            routines=self._routines(),
            just_done=self._routine.id if self._routine is not None else None,
            words=self._words,
        )
