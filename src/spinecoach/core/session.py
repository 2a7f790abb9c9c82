"""The session engine: plays a timeline against an injected clock and says what happened.

The engine owns no timer. The player calls `tick()` about ten times a second and every control
(`pause()`, `skip_phase()`, ...) when the person asks; each call returns the events it caused
(`core.engine_events`), in order, and the player turns them into pictures, sounds and speech.
Keeping the engine passive makes it deterministic under `FakeClock`, so no test sleeps.

Time is kept as deadlines on the monotonic clock: the remaining time of a phase is always
`deadline - clock.monotonic()`, never a count of ticks, so a slow or blocked event loop can
neither stretch nor shorten a hold. When one late tick passes several phases, each next deadline
is set from the previous deadline, not from "now", so no time is lost or gained over a session.

Semantics the player and the records rely on:

- `ExerciseDone(i)` is emitted when item i's last dosage phase (HOLD, RELEASE or REST) ends,
  by running out or through `skip_phase()` -- the person got to the end of it. It is not emitted
  for an item left by `skip_exercise()`, `previous_exercise()` or `stop()`, and at most once per
  item in a session, even if the person goes back and does it again.
- `ExerciseSkipped(i)` is emitted when `skip_exercise()` ("Next exercise", or "This hurts" and
  skip) leaves item i before it was done: a skipped exercise is recorded as skipped, never as
  done. Once per item; an item skipped and later done is done (`skipped_items` leaves it out).
- The controls come in pairs a person can predict: `skip_phase()` / `back_phase()` move by one
  part (a hold, a release, a rest, a get-ready), `skip_exercise()` / `previous_exercise()` by one
  exercise. `back_phase()` restarts the current part, or goes to the part before when less than
  `BACK_GRACE_SECONDS` into it (a music player's "previous"); `previous_exercise()` goes to the
  start of the exercise before (nothing at the first: `has_previous_exercise()`).
- `extend()` lengthens only a phase `core.cues.extend_refusal` allows (`can_extend()`), and
  says the new time in its `PhaseExtended` event's caption.
- Skipping to the end is still reaching the end: `SessionFinished(completed=True)`.
- `CueDue.stale` is True for a cue whose phase was already over when a late tick caught up
  with it; the player may play those silently rather than speak a burst of old instructions.
- A phase that `waits_for_person` (getting down to the floor or up from it) is entered paused,
  however it was reached; `resume()` (the person's Start) runs its countdown. A late tick never
  runs past it.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from enum import StrEnum

from spinecoach.core.clock import Clock
from spinecoach.core.cues import (
    COUNTDOWN_MARKS,
    EXTEND_SECONDS,
    end_of_hold_cue,
    entry_cues,
    extend_refusal,
    extended_caption,
    has_countdown,
    tick_cue,
)
from spinecoach.core.engine_events import (
    CueDue,
    Event,
    ExerciseDone,
    ExerciseSkipped,
    PhaseChanged,
    PhaseExtended,
    SessionFinished,
)
from spinecoach.core.timeline import Phase, PhaseKind

__all__ = ["BACK_GRACE_SECONDS", "EngineState", "SessionEngine"]

# Within this many seconds of a part's start, "back" goes to the part before (else restarts it).
BACK_GRACE_SECONDS = 2.0

# No countdown mark is pending: a value above every mark.
_NO_MARK_DONE = max(COUNTDOWN_MARKS) + 1


def _checked(timeline: Sequence[Phase]) -> tuple[Phase, ...]:
    """`timeline` as a tuple, or ValueError when the engine cannot play it."""
    phases = tuple(timeline)
    if not phases or phases[-1].kind is not PhaseKind.FINISHED:
        raise ValueError("a timeline must end with a FINISHED phase")
    if any(phase.kind is PhaseKind.FINISHED for phase in phases[:-1]):
        raise ValueError("only the last phase of a timeline may be FINISHED")
    if any(not math.isfinite(phase.seconds) or phase.seconds < 0 for phase in phases):
        raise ValueError("phase lengths must be finite and not negative")
    return phases


class EngineState(StrEnum):
    """Where the engine is in its life: IDLE -> RUNNING <-> PAUSED -> FINISHED or STOPPED."""

    IDLE = "idle"
    RUNNING = "running"
    PAUSED = "paused"
    FINISHED = "finished"
    STOPPED = "stopped"


_ACTIVE = frozenset({EngineState.RUNNING, EngineState.PAUSED})


class SessionEngine:
    """Plays a timeline of phases in time with a monotonic clock.

    Every method that changes anything returns the events it caused, in order:

    - `PhaseChanged` each time a phase begins (including the first, on `start()`);
    - `CueDue` for the sounds and words of a phase's start, `END_OF_HOLD` as a hold ends and
      `TICK` at 3, 2 and 1 s before a phase of 5 s or more ends;
    - `ExerciseDone` when an item's last dosage phase is finished, `ExerciseSkipped` when one
      is left by `skip_exercise()` before that;
    - `PhaseExtended` when `extend()` lengthened the phase;
    - `SessionFinished` exactly once, when FINISHED is reached or on `stop()`.

    Controls on a finished or stopped engine, and all controls but `start()` and `stop()` on an
    idle one, do nothing and return [].
    """

    def __init__(self, timeline: Sequence[Phase], clock: Clock) -> None:
        phases = _checked(timeline)
        self._clock = clock
        self._state = EngineState.IDLE
        self._index = 0
        # Length of the current phase including any extension, for progress().
        self._duration = phases[0].seconds
        # While RUNNING the phase ends at _deadline; otherwise _frozen is what is left of it.
        self._deadline = 0.0
        self._frozen = phases[0].seconds
        # The smallest countdown mark already emitted or passed in this phase.
        self._mark_done = _NO_MARK_DONE
        self._done_items: set[int] = set()
        self._skipped_items: set[int] = set()
        self._ended: float | None = None  # when FINISHED began or stop() came (monotonic)
        self._load(phases)

    def _load(self, phases: tuple[Phase, ...]) -> None:
        """Take `phases` as the timeline, with what is worked out from it once."""
        self._timeline = phases
        # Seconds of all the phases after each index, for total_remaining().
        after = [0.0] * len(phases)
        for i in range(len(phases) - 2, -1, -1):
            after[i] = after[i + 1] + phases[i + 1].seconds
        self._after = tuple(after)
        # The last dosage phase of each item: leaving it completes the item.
        self._last_work: dict[int, int] = {}
        for i, phase in enumerate(phases):
            if phase.counts_toward_dosage:
                self._last_work[phase.item_index] = i
        self._item_end_of = {i: item for item, i in self._last_work.items()}

    # --- reading ---------------------------------------------------------------------------

    @property
    def state(self) -> EngineState:
        """The engine's state."""
        return self._state

    @property
    def timeline(self) -> tuple[Phase, ...]:
        """Every phase, in playing order."""
        return self._timeline

    @property
    def index(self) -> int:
        """The index of the current phase in `timeline`."""
        return self._index

    @property
    def phase(self) -> Phase:
        """The current phase."""
        return self._timeline[self._index]

    @property
    def done_items(self) -> frozenset[int]:
        """The routine items done so far (indexes into `routine.items`)."""
        return frozenset(self._done_items)

    @property
    def skipped_items(self) -> frozenset[int]:
        """The routine items skipped and not done since (indexes into `routine.items`)."""
        return frozenset(self._skipped_items - self._done_items)

    def has_previous_exercise(self) -> bool:
        """Whether `previous_exercise()` has somewhere to go: an exercise before this one."""
        return self._state in _ACTIVE and self._item_start(self._index) > 0

    def can_extend(self) -> bool:
        """Whether `extend()` applies now (a session runs and the phase allows it)."""
        return self._state in _ACTIVE and extend_refusal(self.phase) is None

    def phase_duration(self) -> float:
        """Length of the current phase including any `extend()`, for a countdown ring's scale."""
        return self._duration

    def remaining(self) -> float:
        """Seconds left in the current phase: never negative, frozen while not running."""
        if self._state is EngineState.RUNNING:
            return max(0.0, self._deadline - self._clock.monotonic())
        if self._state is EngineState.FINISHED:
            return 0.0
        return self._frozen

    def progress(self) -> float:
        """How far through the current phase, from 0 to 1 (a 0-s phase counts as done)."""
        if self._state is EngineState.IDLE:
            return 0.0
        if self._state is EngineState.FINISHED or self._duration <= 0:
            return 1.0
        return min(1.0, max(0.0, 1.0 - self.remaining() / self._duration))

    def total_remaining(self) -> float:
        """Seconds left in the whole session: the current phase's remainder and all after it."""
        if self._state is EngineState.FINISHED:
            return 0.0
        return self.remaining() + self._after[self._index]

    def seconds_since_end(self) -> float | None:
        """How long ago the session ended, on the monotonic clock (None while it has not).

        The end is when the last phase ran out (however late a tick noticed it) or `stop()`
        came: the moment the exercising ended, which the session's record keeps.
        """
        if self._ended is None:
            return None
        return max(0.0, self._clock.monotonic() - self._ended)

    def total_seconds(self) -> float:
        """Length of the whole timeline as built (extensions not included)."""
        return self._timeline[0].seconds + self._after[0]

    # --- controls --------------------------------------------------------------------------

    def start(self) -> list[Event]:
        """Begin the first phase now; a second call does nothing."""
        if self._state is not EngineState.IDLE:
            return []
        now = self._clock.monotonic()
        self._state = EngineState.RUNNING
        return self._enter(0, now, now)

    def tick(self) -> list[Event]:
        """Catch up with the clock: pass every phase that has ended, then any countdown tick."""
        if self._state is not EngineState.RUNNING:
            return []
        now = self._clock.monotonic()
        events = self._catch_up(now)
        if self._state is EngineState.RUNNING:
            events.extend(self._countdown(now))
        return events

    def pause(self) -> list[Event]:
        """Freeze the current phase (after passing any phase that had already ended)."""
        if self._state is not EngineState.RUNNING:
            return []
        now = self._clock.monotonic()
        events = self._catch_up(now)
        if self._state is EngineState.RUNNING:
            self._frozen = max(0.0, self._deadline - now)
            self._state = EngineState.PAUSED
        return events

    def resume(self) -> list[Event]:
        """Continue a paused phase with exactly the time it had left."""
        if self._state is not EngineState.PAUSED:
            return []
        self._deadline = self._clock.monotonic() + self._frozen
        self._state = EngineState.RUNNING
        return []

    def toggle_pause(self) -> list[Event]:
        """Pause when running, resume when paused."""
        if self._state is EngineState.RUNNING:
            return self.pause()
        return self.resume()

    def skip_phase(self) -> list[Event]:
        """End the current phase now and begin the next; a paused engine stays paused."""
        if self._state not in _ACTIVE:
            return []
        now = self._clock.monotonic()
        return self._advance(now, now)

    def back_phase(self) -> list[Event]:
        """Restart this part, or go to the part before when less than 2 s into this one.

        0-s parts (an announcement with no time of its own) are passed over on the way back:
        landing on one would only carry the person forward again at once.
        """
        if self._state not in _ACTIVE:
            return []
        target = self._index
        if self._duration - self.remaining() < BACK_GRACE_SECONDS:
            while target > 0:
                target -= 1
                phase = self._timeline[target]
                if phase.seconds > 0 or phase.waits_for_person:
                    break
        return self._jump(target)

    def skip_exercise(self) -> list[Event]:
        """Leave the current item unfinished and begin the next item (or FINISHED)."""
        if self._state not in _ACTIVE:
            return []
        item = self.phase.item_index
        target = self._index + 1
        while (
            self._timeline[target].kind is not PhaseKind.FINISHED
            and self._timeline[target].item_index == item
        ):
            target += 1
        events: list[Event] = []
        if item not in self._done_items and item not in self._skipped_items:
            self._skipped_items.add(item)
            events.append(ExerciseSkipped(item, self.phase.exercise.id))
        events.extend(self._jump(target))
        return events

    def previous_exercise(self) -> list[Event]:
        """Go to the start of the exercise before this one (nothing at the first exercise)."""
        if not self.has_previous_exercise():
            return []
        return self._jump(self._item_start(self._item_start(self._index) - 1))

    def extend(self, seconds: float = EXTEND_SECONDS) -> list[Event]:
        """Add `seconds` to the current phase (also while paused); the next phases keep theirs.

        Only where `can_extend()`: a hold, a timed block, or time to get set (`extend_refusal`).
        """
        if not math.isfinite(seconds) or seconds <= 0:
            raise ValueError("extend() needs a positive number of seconds")
        if not self.can_extend():
            return []
        if self._state is EngineState.RUNNING:
            # Extend what the person sees: a phase already at 0 gets the full extra time.
            now = self._clock.monotonic()
            self._deadline = now + max(0.0, self._deadline - now) + seconds
        else:
            self._frozen += seconds
        self._duration += seconds
        # Countdown marks now ahead again will be ticked again before the new end.
        left = self.remaining()
        self._mark_done = min((m for m in COUNTDOWN_MARKS if m > left), default=_NO_MARK_DONE)
        return [PhaseExtended(self._index, seconds, extended_caption(self.phase, left))]

    def continue_with(self, timeline: Sequence[Phase]) -> list[Event]:
        """Play on from `timeline`: the same routine with the current item changed.

        "Make it easier" builds the timeline of the routine with this item swapped
        (`core.timeline.with_item_swapped`); the session goes on from the start of the same
        item in it (its get-ready or next-up part, so the new exercise is introduced), paused
        or running as it was. Items already done or skipped stay so. The new timeline must have
        the same items; a finished or stopped session does nothing.
        """
        phases = _checked(timeline)
        if self._state not in _ACTIVE:
            return []
        item = self.phase.item_index
        items = {phase.item_index for phase in self._timeline}
        if {phase.item_index for phase in phases} != items:
            raise ValueError("the new timeline must play the same routine items")
        self._load(phases)
        target = next(i for i, phase in enumerate(phases) if phase.item_index == item)
        return self._jump(target)

    def stop(self) -> list[Event]:
        """End the session early; `remaining()` keeps what was left when stopped."""
        if self._state in (EngineState.FINISHED, EngineState.STOPPED):
            return []
        if self._state is EngineState.RUNNING:
            self._frozen = self.remaining()
        self._state = EngineState.STOPPED
        self._ended = self._clock.monotonic()
        return [SessionFinished(completed=False)]

    # --- internals -------------------------------------------------------------------------

    def _catch_up(self, now: float) -> list[Event]:
        events: list[Event] = []
        while self._state is EngineState.RUNNING and now >= self._deadline:
            # The next phase starts when this one was due to end, however late we noticed.
            events.extend(self._advance(self._deadline, now))
        return events

    def _advance(self, start: float, now: float) -> list[Event]:
        """Leave the current phase normally (it ran out or was skipped) and enter the next."""
        leaving = self._index
        following = leaving + 1
        stale = self._state is EngineState.RUNNING and self._is_stale(following, start, now)
        events: list[Event] = []
        if self._timeline[leaving].kind is PhaseKind.HOLD:
            events.append(CueDue(end_of_hold_cue(self._timeline[following]), stale))
        item = self._item_end_of.get(leaving)
        if item is not None and item not in self._done_items:
            self._done_items.add(item)
            events.append(ExerciseDone(item, self._timeline[leaving].exercise.id))
        events.extend(self._enter(following, start, now, stale))
        return events

    def _jump(self, target: int) -> list[Event]:
        now = self._clock.monotonic()
        return self._enter(target, now, now)

    def _enter(self, index: int, start: float, now: float, stale: bool = False) -> list[Event]:
        phase = self._timeline[index]
        self._index = index
        self._duration = phase.seconds
        self._mark_done = _NO_MARK_DONE
        if self._state is EngineState.RUNNING:
            self._deadline = start + phase.seconds
        else:
            self._frozen = phase.seconds
        if phase.waits_for_person and self._state is EngineState.RUNNING:
            self._frozen = phase.seconds
            self._state = EngineState.PAUSED
            stale = False  # nothing runs past it, so its words are never old
        events: list[Event] = [PhaseChanged(index, phase)]
        events.extend(CueDue(cue, stale) for cue in entry_cues(phase))
        if phase.kind is PhaseKind.FINISHED:
            self._state = EngineState.FINISHED
            self._ended = start
            events.append(SessionFinished(completed=True))
        return events

    def _is_stale(self, index: int, start: float, now: float) -> bool:
        # A phase's cues are stale once it is over -- except 0-s phases, which are judged by the
        # first phase with time of its own after them (their words introduce that phase).
        end = start
        for phase in self._timeline[index:]:
            if phase.kind is PhaseKind.FINISHED or phase.waits_for_person:
                return False
            end += phase.seconds
            if phase.seconds > 0:
                return end <= now
        return False

    def _countdown(self, now: float) -> list[Event]:
        if not has_countdown(self._duration):
            return []
        left = self._deadline - now
        due = [mark for mark in COUNTDOWN_MARKS if mark < self._mark_done and left <= mark]
        if not due:
            return []
        # A late tick may have passed several marks: say only the latest, not a burst.
        self._mark_done = min(due)
        return [CueDue(tick_cue(self._mark_done))]

    def _item_start(self, index: int) -> int:
        item = self._timeline[index].item_index
        while index > 0 and self._timeline[index - 1].item_index == item:
            index -= 1
        return index
