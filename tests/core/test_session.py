"""The session engine, played against a FakeClock: order of events, timing, and every control."""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field
from typing import TypeVar

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from spinecoach.core.clock import FakeClock
from spinecoach.core.cues import Cue, CueKind
from spinecoach.core.engine_events import (
    CueDue,
    Event,
    ExerciseDone,
    ExerciseSkipped,
    PhaseChanged,
    PhaseExtended,
    SessionFinished,
)
from spinecoach.core.exercise import (
    Dosage,
    Exercise,
    Position,
    Routine,
    RoutineItem,
)
from spinecoach.core.session import EngineState, SessionEngine
from spinecoach.core.session_settings import SessionSettings
from spinecoach.core.timeline import PhaseKind, Side, build_timeline
from tests.factories import exercise, routine

K = PhaseKind
_E = TypeVar("_E", bound=Event)


KNEE_TO_CHEST = exercise(
    "Knee to chest", Dosage(reps=1, hold_seconds=6, release_seconds=0), two_sided=True
)
PELVIC_TILT = exercise("Pelvic tilt", Dosage(reps=10, hold_seconds=3, release_seconds=2))
SHORT_TILT = exercise("Pelvic tilt", Dosage(reps=2, hold_seconds=3, release_seconds=2))
HOLD_30_BOTH = exercise("Hamstring stretch", Dosage(reps=1, hold_seconds=30, release_seconds=5),
                        two_sided=True)  # fmt: skip
HOLD_10 = exercise("Child's pose", Dosage(reps=1, hold_seconds=10, release_seconds=0))
WALK = exercise("Walking", Dosage(duration_seconds=1200))


@dataclass
class Player:
    """Drives an engine the way the Qt player does, keeping every event it returned."""

    engine: SessionEngine
    clock: FakeClock
    events: list[Event] = field(default_factory=list)

    def do(self, events: list[Event]) -> list[Event]:
        self.events.extend(events)
        return events

    def advance(self, seconds: float, step: float | None = None) -> list[Event]:
        """Let `seconds` pass, ticking every `step` (or once at the end)."""
        new: list[Event] = []
        target = self.clock.monotonic() + seconds
        while step is not None and self.clock.monotonic() + step < target:
            self.clock.advance(step)
            new.extend(self.engine.tick())
        self.clock.advance(target - self.clock.monotonic())
        new.extend(self.engine.tick())
        return self.do(new)


def player(*exercises: Exercise, session: SessionSettings | None = None) -> Player:
    clock = FakeClock()
    timeline = build_timeline(routine(*exercises), session or SessionSettings())
    return Player(SessionEngine(timeline, clock), clock)


def started(*exercises: Exercise, session: SessionSettings | None = None) -> Player:
    p = player(*exercises, session=session)
    p.do(p.engine.start())
    return p


def describe(event: Event) -> str:
    match event:
        case PhaseChanged(index=index, phase=phase):
            return f"phase {index} {phase.kind}"
        case CueDue(cue=Cue(kind=CueKind.TICK, caption=caption)):
            return f"tick {caption}"
        case CueDue(cue=cue):
            return f"{cue.kind}: {cue.text}"
        case ExerciseDone(item_index=item, exercise_id=exercise_id):
            return f"done {item} {exercise_id}"
        case ExerciseSkipped(item_index=item, exercise_id=exercise_id):
            return f"skipped {item} {exercise_id}"
        case PhaseExtended(index=index, seconds=seconds, caption=caption):
            return f"extended {index} +{seconds:g}: {caption}"
        case SessionFinished(completed=completed):
            return f"finished {completed}"


def state(engine: SessionEngine) -> EngineState:
    """Read the state afresh: mypy would keep an earlier `assert engine.state is ...` narrowing."""
    return engine.state


def current_kind(engine: SessionEngine) -> PhaseKind:
    """Read the phase afresh (mypy keeps an earlier narrowing of `engine.phase.kind`)."""
    return engine.phase.kind


def described(events: list[Event]) -> list[str]:
    return [describe(e) for e in events]


def of_type(events: list[Event], kind: type[_E]) -> list[_E]:
    return [e for e in events if isinstance(e, kind)]


# --- a whole session ----------------------------------------------------------------------------


def test_small_routine_end_to_end_emits_every_cue_in_order() -> None:
    p = player(KNEE_TO_CHEST, SHORT_TILT)
    assert p.engine.state is EngineState.IDLE
    assert described(p.do(p.engine.start())) == [
        "phase 0 get-ready",
        "get-ready: Get ready: knee to chest, left side first",
    ]
    assert state(p.engine) is EngineState.RUNNING
    p.advance(p.engine.total_seconds() + 5, step=0.125)
    assert described(p.events) == [
        "phase 0 get-ready",
        "get-ready: Get ready: knee to chest, left side first",
        "tick 3", "tick 2", "tick 1",
        "phase 1 hold",
        "start: Hold for six seconds",
        "tick 3", "tick 2", "tick 1",
        "end-of-hold: ",
        "phase 2 switch-sides",
        "switch-sides: Switch to your right side",
        "tick 3", "tick 2", "tick 1",
        "phase 3 hold",
        "start: Hold for six seconds",
        "tick 3", "tick 2", "tick 1",
        "end-of-hold: ",
        "done 0 knee-to-chest",
        "phase 4 next-up",
        "next-up: Next: pelvic tilt",
        "tick 3", "tick 2", "tick 1",
        "phase 5 hold",
        "start: Hold for three seconds",
        "end-of-hold: Release",
        "phase 6 release",
        "phase 7 hold",
        "start: Hold",
        "end-of-hold: Release",
        "phase 8 release",
        "done 1 pelvic-tilt",
        "phase 9 finished",
        "complete: Well done",
        "finished True",
    ]  # fmt: skip
    assert state(p.engine) is EngineState.FINISHED
    assert not any(e.stale for e in of_type(p.events, CueDue))
    assert (p.engine.remaining(), p.engine.total_remaining(), p.engine.progress()) == (0, 0, 1)


def test_phases_begin_exactly_on_their_deadlines() -> None:
    p = started(KNEE_TO_CHEST, SHORT_TILT)
    start = p.clock.monotonic()
    began: dict[int, float] = {}
    while p.engine.state is EngineState.RUNNING:
        for event in p.advance(0.125):
            if isinstance(event, PhaseChanged):
                began[event.index] = p.clock.monotonic() - start
    # 5 get ready, 6 hold, 5 switch, 6 hold, 15 next up, 3 + 2 + 3 + 2 of tilts.
    assert began == {1: 5, 2: 11, 3: 16, 4: 22, 5: 37, 6: 40, 7: 42, 8: 45, 9: 47}


def test_countdown_ticks_come_once_each_at_three_two_one() -> None:
    p = started(HOLD_30_BOTH)
    ticks: list[tuple[int, str, float]] = []
    while p.engine.state is EngineState.RUNNING:
        for event in p.advance(0.125):
            if isinstance(event, CueDue) and event.cue.kind is CueKind.TICK:
                ticks.append((p.engine.index, event.cue.caption, p.engine.remaining()))
    # Every phase of 5 s or more: get ready, both holds, both releases, the switch.
    per_phase = {i: [(c, r) for j, c, r in ticks if j == i] for i in range(6)}
    assert per_phase == {i: [("3", 3.0), ("2", 2.0), ("1", 1.0)] for i in range(6)}
    assert all(e.cue.text == "" for e in of_type(p.events, CueDue) if e.cue.kind is CueKind.TICK)


def test_short_phases_get_no_countdown() -> None:
    p = started(SHORT_TILT, session=SessionSettings(get_ready_seconds=4))
    p.advance(100, step=0.125)
    assert "tick 3" not in described(p.events)


def test_a_late_tick_says_only_the_latest_countdown_mark() -> None:
    p = started(HOLD_10)
    p.advance(1.0)  # get ready: 4 s left
    assert p.advance(2.5) == [CueDue(Cue(CueKind.TICK, "", "2"))]  # 3 was passed unsaid
    assert p.advance(0.25) == []
    assert described(p.advance(0.75)) == ["tick 1"]
    assert p.advance(0.25) == []


def test_a_tick_late_past_the_end_of_a_phase_says_none_of_its_countdown() -> None:
    p = started(HOLD_10)
    events = described(p.advance(5.5))
    assert not any(e.startswith("tick") for e in events)
    assert events[0] == "phase 1 hold"


def test_start_twice_and_idle_controls_do_nothing() -> None:
    p = player(HOLD_10)
    engine = p.engine
    for control in (engine.tick, engine.pause, engine.resume, engine.toggle_pause,
                    engine.skip_phase, engine.skip_exercise, engine.back_phase,
                    engine.previous_exercise, engine.extend):  # fmt: skip
        assert control() == []
    assert (engine.state, engine.index, engine.remaining(), engine.progress()) == (
        EngineState.IDLE, 0, 5.0, 0.0,
    )  # fmt: skip
    assert engine.total_remaining() == engine.total_seconds() == 15
    assert engine.start()
    assert engine.start() == []


# --- timing -------------------------------------------------------------------------------------


def test_a_ten_second_hold_lasts_ten_seconds_of_clock_time_despite_a_jump() -> None:
    p = started(HOLD_10, SHORT_TILT)
    p.advance(5)
    assert p.engine.phase.kind is K.HOLD
    hold_start = p.clock.monotonic()
    ticks = 0
    while p.engine.index == 1:
        step = 0.3 if ticks == 40 else 0.1  # the event loop was blocked once
        now_before = p.clock.monotonic()
        p.advance(step)
        ticks += 1
        now = p.clock.monotonic()
        if p.engine.index == 1:
            assert now < hold_start + 10
            assert p.engine.remaining() == pytest.approx(hold_start + 10 - now, abs=1e-9)
        else:
            assert now >= hold_start + 10 > now_before
            # The next phase runs from the end of the hold, not from this (late) tick.
            next_len = p.engine.phase.seconds
            assert p.engine.remaining() == pytest.approx(next_len - (now - hold_start - 10))
    assert ticks == 98  # the 0.3-s jump counted as three ticks' worth of time, no more


def test_the_hold_ends_at_its_deadline_to_the_tick() -> None:
    p = started(HOLD_10)
    p.advance(5)
    p.advance(9.75)
    assert (p.engine.index, p.engine.remaining()) == (1, 0.25)
    p.advance(0.25)
    assert p.engine.state is EngineState.FINISHED


def test_a_tick_25_seconds_late_passes_every_ended_phase_without_drift() -> None:
    p = started(PELVIC_TILT)  # 5 s get ready, then 10 x (3 s hold + 2 s release)
    events = p.advance(25)
    changes = [e.index for e in of_type(events, PhaseChanged)]
    assert changes == list(range(1, 10))  # get ready and four full reps passed
    assert (p.engine.phase.kind, p.engine.phase.rep, p.engine.remaining()) == (K.HOLD, 5, 3.0)
    assert len([e for e in of_type(events, CueDue) if e.cue.kind is CueKind.END_OF_HOLD]) == 4
    # Cues of the phases already over are marked stale; the hold under way is not.
    assert [e.stale for e in of_type(events, CueDue)][-1] is False
    assert all(e.stale for e in of_type(events, CueDue)[:-1])
    p.advance(3)
    assert (p.engine.phase.kind, p.engine.phase.rep, p.engine.remaining()) == (K.RELEASE, 5, 2.0)
    p.advance(26.5)  # 2 s of this release and five more reps
    assert (p.engine.state, p.engine.remaining()) == (EngineState.RUNNING, 0.5)
    p.advance(0.5)
    assert p.engine.state is EngineState.FINISHED
    assert of_type(p.events, SessionFinished) == [SessionFinished(True)]


def test_zero_second_transitions_pass_at_once_and_keep_their_words() -> None:
    p = started(HOLD_10, KNEE_TO_CHEST, session=SessionSettings(0, 0, 0))
    assert described(p.advance(0.125)) == ["phase 1 hold", "start: Hold for ten seconds"]
    events = p.advance(10)
    assert "next-up: Next: knee to chest, left side first" in described(events)
    assert not any(e.stale for e in of_type(events, CueDue))
    assert p.engine.phase.kind is K.HOLD


# --- pause and resume ---------------------------------------------------------------------------


def test_pause_during_switch_sides_freezes_the_time_left() -> None:
    p = started(HOLD_30_BOTH)
    p.advance(5 + 30 + 5 + 2)
    assert (p.engine.phase.kind, p.engine.remaining()) == (K.SWITCH_SIDES, 3.0)
    assert p.do(p.engine.pause()) == []
    assert p.engine.state is EngineState.PAUSED
    p.advance(60)
    assert (p.engine.index, p.engine.remaining()) == (3, 3.0)
    assert p.engine.tick() == []
    assert p.engine.resume() == []
    assert state(p.engine) is EngineState.RUNNING
    p.advance(2.75)
    assert (p.engine.phase.kind, p.engine.remaining()) == (K.SWITCH_SIDES, 0.25)
    p.advance(0.25)
    assert (p.engine.phase.kind, p.engine.phase.side, p.engine.remaining()) == (
        K.HOLD, Side.RIGHT, 30.0,
    )  # fmt: skip


def test_toggle_pause_alternates() -> None:
    p = started(HOLD_10)
    p.engine.toggle_pause()
    assert p.engine.state is EngineState.PAUSED
    p.engine.toggle_pause()
    assert state(p.engine) is EngineState.RUNNING
    assert p.engine.resume() == []


def test_pause_first_passes_a_phase_that_already_ended() -> None:
    p = started(HOLD_10)
    p.clock.advance(6)  # no tick came in between
    assert described(p.engine.pause()) == ["phase 1 hold", "start: Hold for ten seconds"]
    assert (p.engine.state, p.engine.remaining()) == (EngineState.PAUSED, 9.0)


# --- skipping -----------------------------------------------------------------------------------


def test_skip_phase_ends_the_current_phase_now() -> None:
    p = started(HOLD_30_BOTH)
    p.advance(7)  # 2 s into the first hold
    events = described(p.do(p.engine.skip_phase()))
    assert events == ["end-of-hold: Release", "phase 2 release"]
    assert p.engine.remaining() == 5.0
    p.advance(5)
    assert p.engine.phase.kind is K.SWITCH_SIDES


def test_skip_phase_while_paused_stays_paused_with_the_next_phase_full() -> None:
    p = started(HOLD_30_BOTH)
    p.advance(2)
    p.engine.pause()
    p.engine.skip_phase()
    assert (p.engine.state, p.engine.phase.kind, p.engine.remaining()) == (
        EngineState.PAUSED, K.HOLD, 30.0,
    )  # fmt: skip
    p.advance(100)
    assert p.engine.remaining() == 30.0


def test_skipping_past_the_end_finishes_once() -> None:
    p = started(SHORT_TILT, HOLD_10)
    while p.engine.state is not EngineState.FINISHED:
        p.do(p.engine.skip_phase())
    for control in (p.engine.skip_phase, p.engine.skip_exercise, p.engine.back_phase,
                    p.engine.previous_exercise, p.engine.tick, p.engine.pause,
                    p.engine.stop):  # fmt: skip
        assert p.do(control()) == []
    assert of_type(p.events, SessionFinished) == [SessionFinished(True)]
    assert [e.index for e in of_type(p.events, PhaseChanged)] == list(range(len(p.engine.timeline)))
    assert p.engine.phase.kind is K.FINISHED


def test_skip_exercise_goes_to_the_next_preview_then_to_the_end() -> None:
    p = started(HOLD_30_BOTH, SHORT_TILT)
    p.advance(12)
    assert described(p.do(p.engine.skip_exercise())) == [
        "skipped 0 hamstring-stretch",
        "phase 6 next-up",
        "next-up: Next: pelvic tilt",
    ]
    assert (p.engine.phase.item_index, p.engine.remaining()) == (1, 15.0)
    assert described(p.do(p.engine.skip_exercise())) == [
        "skipped 1 pelvic-tilt",
        "phase 11 finished",
        "complete: Well done",
        "finished True",
    ]
    assert of_type(p.events, ExerciseDone) == []
    assert p.engine.skipped_items == {0, 1}


def test_skip_exercise_while_paused_stays_paused() -> None:
    p = started(HOLD_30_BOTH, SHORT_TILT)
    p.engine.pause()
    p.engine.skip_exercise()
    assert (p.engine.state, p.engine.phase.kind, p.engine.remaining()) == (
        EngineState.PAUSED, K.NEXT_UP, 15.0,
    )  # fmt: skip


# --- going back ---------------------------------------------------------------------------------


def test_back_restarts_this_part_once_it_is_under_way() -> None:
    p = started(HOLD_30_BOTH, SHORT_TILT)
    p.advance(5 + 20)  # 20 s into the first hold
    assert described(p.do(p.engine.back_phase())) == [
        "phase 1 hold",
        "start: Hold for thirty seconds",
    ]
    assert (p.engine.index, p.engine.remaining()) == (1, 30.0)


def test_back_near_the_start_of_a_part_goes_to_the_part_before() -> None:
    p = started(SHORT_TILT)
    p.advance(5 + 3 + 1)  # a second into the first release
    assert current_kind(p.engine) is K.RELEASE
    p.do(p.engine.back_phase())
    assert (p.engine.index, current_kind(p.engine), p.engine.remaining()) == (1, K.HOLD, 3.0)
    p.do(p.engine.back_phase())  # at its very start: back to the get-ready
    assert (p.engine.index, p.engine.remaining()) == (0, 5.0)
    p.do(p.engine.back_phase())  # nothing before the first part: it starts again
    assert (p.engine.index, p.engine.remaining()) == (0, 5.0)


def test_back_passes_over_a_part_with_no_time_of_its_own() -> None:
    no_switch = SessionSettings(switch_sides_seconds=0)
    p = started(KNEE_TO_CHEST, session=no_switch)
    p.advance(5 + 6 + 0.5)  # the 0-s switch passed at once: half a second into the right side
    assert (current_kind(p.engine), p.engine.phase.side) == (K.HOLD, Side.RIGHT)
    p.do(p.engine.back_phase())
    assert (current_kind(p.engine), p.engine.phase.side) == (K.HOLD, Side.LEFT)


def test_previous_exercise_goes_to_the_start_of_the_one_before() -> None:
    p = started(HOLD_30_BOTH, SHORT_TILT, HOLD_10)
    assert not p.engine.has_previous_exercise()
    assert p.do(p.engine.previous_exercise()) == []  # at the first exercise: nowhere to go
    p.do(p.engine.skip_exercise())
    p.do(p.engine.skip_exercise())
    p.advance(15 + 3)  # into the third exercise's hold
    assert p.engine.has_previous_exercise()
    assert described(p.do(p.engine.previous_exercise())) == [
        "phase 6 next-up",
        "next-up: Next: pelvic tilt",
    ]
    p.do(p.engine.previous_exercise())
    assert (p.engine.index, p.engine.phase.item_index) == (0, 0)


def test_previous_exercise_while_paused_stays_paused() -> None:
    p = started(HOLD_30_BOTH, SHORT_TILT)
    p.do(p.engine.skip_exercise())
    p.advance(20)
    p.engine.pause()
    p.engine.previous_exercise()
    assert (p.engine.state, p.engine.index, p.engine.remaining()) == (EngineState.PAUSED, 0, 5.0)


def test_an_exercise_skipped_then_done_counts_as_done() -> None:
    p = started(HOLD_10, SHORT_TILT)
    p.do(p.engine.skip_exercise())
    p.do(p.engine.previous_exercise())
    p.advance(16)
    assert p.engine.done_items == {0}
    assert p.engine.skipped_items == set()
    assert of_type(p.events, ExerciseSkipped) == [ExerciseSkipped(0, "childs-pose")]
    p.do(p.engine.previous_exercise())
    p.do(p.engine.skip_exercise())  # done already: leaving it again is not a skip
    assert of_type(p.events, ExerciseSkipped) == [ExerciseSkipped(0, "childs-pose")]


# --- extending ----------------------------------------------------------------------------------


def test_extend_while_paused_adds_time_and_keeps_it_frozen() -> None:
    p = started(HOLD_30_BOTH)
    p.advance(15)  # 10 s into the first hold
    p.engine.pause()
    assert described(p.engine.extend()) == ["extended 1 +15: Hold for thirty-five seconds more"]
    assert p.engine.remaining() == 35.0
    p.advance(100)
    assert p.engine.remaining() == 35.0
    p.engine.resume()
    p.advance(34.875)
    assert (p.engine.index, p.engine.remaining()) == (1, 0.125)
    assert p.engine.phase_duration() == 45
    assert p.engine.progress() == pytest.approx(1 - 0.125 / 45)
    p.advance(0.125)
    assert p.engine.phase.kind is K.RELEASE


def test_extend_while_running_and_total_time_follows() -> None:
    p = started(HOLD_10)
    before = p.engine.total_remaining()
    p.engine.extend(7.5)
    assert p.engine.remaining() == 12.5
    assert p.engine.total_remaining() == before + 7.5
    assert p.engine.total_seconds() == 15  # the timeline as built


def test_extend_a_phase_that_already_ran_out_gives_the_full_extra_time() -> None:
    p = started(HOLD_10)
    p.clock.advance(5.5)  # the get-ready is over but no tick has come yet
    p.engine.extend(15)
    assert (p.engine.index, p.engine.remaining()) == (0, 15.0)


def test_extend_rearms_the_countdown() -> None:
    p = started(HOLD_10)
    p.advance(4.5, step=0.125)
    assert described(p.events)[-3:] == ["tick 3", "tick 2", "tick 1"]
    p.engine.extend(5)
    p.events.clear()
    p.advance(5.5, step=0.125)
    assert described(p.events)[:4] == ["tick 3", "tick 2", "tick 1", "phase 1 hold"]


def test_extend_needs_a_positive_amount_and_does_nothing_when_over() -> None:
    p = started(HOLD_10)
    for bad in (0, -5, float("inf"), float("nan")):
        with pytest.raises(ValueError, match="positive"):
            p.engine.extend(bad)
    p.engine.stop()
    assert p.engine.extend() == []


def test_extend_lengthens_holds_timed_blocks_and_the_time_to_get_set_only() -> None:
    p = started(PELVIC_TILT, HOLD_10, WALK)
    assert p.engine.can_extend()  # getting ready: more time to get into position
    assert described(p.engine.extend()) == ["extended 0 +15: Twenty seconds more to get ready"]
    p.do(p.engine.skip_phase())
    assert current_kind(p.engine) is K.HOLD  # a 3-s rep: its beat is kept
    assert not p.engine.can_extend()
    assert p.engine.extend() == []
    assert p.engine.remaining() == 3.0
    p.do(p.engine.skip_phase())
    assert current_kind(p.engine) is K.RELEASE
    assert p.engine.extend() == []
    p.do(p.engine.skip_exercise())
    p.do(p.engine.skip_phase())
    assert (current_kind(p.engine), p.engine.phase.seconds) == (K.HOLD, 10)
    assert described(p.engine.extend()) == ["extended 22 +15: Hold for twenty-five seconds more"]
    p.do(p.engine.skip_exercise())
    p.do(p.engine.skip_phase())
    assert p.engine.phase.timed_block
    p.advance(60)
    assert described(p.engine.extend())[0].endswith("Keep going for nineteen minutes fifteen "
                                                    "seconds more")  # fmt: skip


# --- stopping -----------------------------------------------------------------------------------


def test_stop_ends_the_session_incomplete_and_keeps_the_time_left() -> None:
    p = started(HOLD_10)
    p.advance(2)
    assert p.engine.stop() == [SessionFinished(completed=False)]
    assert p.engine.state is EngineState.STOPPED
    p.advance(10)
    assert p.engine.remaining() == 3.0
    for control in (p.engine.start, p.engine.tick, p.engine.pause, p.engine.resume,
                    p.engine.skip_phase, p.engine.stop, p.engine.extend):  # fmt: skip
        assert control() == []


def test_stop_before_start_and_while_paused() -> None:
    idle = player(HOLD_10)
    assert idle.engine.stop() == [SessionFinished(False)]
    paused = started(HOLD_10)
    paused.engine.pause()
    assert paused.engine.stop() == [SessionFinished(False)]


# --- exercise done ------------------------------------------------------------------------------


def test_exercise_done_once_per_completed_item_not_for_skipped_ones() -> None:
    p = started(SHORT_TILT, HOLD_10, KNEE_TO_CHEST)
    p.advance(20)  # the first item is done
    p.do(p.engine.skip_exercise())  # the second is skipped
    p.advance(1000)
    done = of_type(p.events, ExerciseDone)
    assert done == [ExerciseDone(0, "pelvic-tilt"), ExerciseDone(2, "knee-to-chest")]


def test_exercise_done_when_skipping_phase_by_phase_through_it() -> None:
    p = started(SHORT_TILT, HOLD_10)
    while p.engine.phase.item_index == 0:
        p.do(p.engine.skip_phase())
    assert of_type(p.events, ExerciseDone) == [ExerciseDone(0, "pelvic-tilt")]


def test_exercise_done_only_once_when_the_item_is_done_again() -> None:
    p = started(HOLD_10, SHORT_TILT)
    p.advance(16)  # done, now previewing the next exercise
    p.do(p.engine.previous_exercise())  # in the preview: back to the first exercise
    p.advance(16)
    assert of_type(p.events, ExerciseDone) == [ExerciseDone(0, "childs-pose")]


def test_no_exercise_done_on_stop() -> None:
    p = started(HOLD_10)
    p.advance(14.5)
    p.engine.stop()
    assert of_type(p.events, ExerciseDone) == []


# --- reading ------------------------------------------------------------------------------------


def test_progress_and_totals() -> None:
    p = started(HOLD_10, WALK)
    assert p.engine.total_seconds() == 5 + 10 + 15 + 1200
    p.advance(7.5)
    assert (p.engine.index, p.engine.progress()) == (1, 0.25)
    assert p.engine.total_remaining() == 1230 - 7.5
    assert p.engine.timeline[p.engine.index] is p.engine.phase


def test_timelines_must_end_with_finished_only() -> None:
    timeline = build_timeline(routine(HOLD_10))
    clock = FakeClock()
    with pytest.raises(ValueError, match="end with a FINISHED"):
        SessionEngine(timeline[:-1], clock)
    with pytest.raises(ValueError, match="end with a FINISHED"):
        SessionEngine((), clock)
    with pytest.raises(ValueError, match="only the last"):
        SessionEngine(timeline[-1:] + timeline, clock)


def test_a_finished_only_timeline_finishes_on_start() -> None:
    engine = SessionEngine(build_timeline(routine(HOLD_10))[-1:], FakeClock())
    assert described(engine.start()) == ["phase 0 finished", "complete: Well done", "finished True"]


# --- properties ---------------------------------------------------------------------------------

# Small enough to play tick by tick; build_timeline's own property test covers the full ranges.
play_dosages = st.one_of(
    st.builds(
        Dosage,
        reps=st.integers(1, 3),
        hold_seconds=st.integers(1, 12),
        release_seconds=st.integers(0, 3),
        sets=st.integers(1, 2),
        rest_seconds=st.integers(0, 10),
    ),
    st.builds(Dosage, duration_seconds=st.integers(30, 60)),
)


@st.composite
def play_routines(draw: st.DrawFn) -> Routine:
    items = []
    for n in range(draw(st.integers(1, 5))):
        dosage = draw(play_dosages)
        ex = exercise(f"Exercise {n}", dosage, two_sided=draw(st.booleans()))
        items.append(RoutineItem(exercise=ex, dosage=dosage))
    return Routine("r", "Generated", "A generated routine.", tuple(items))


intervals = st.lists(st.floats(0.01, 7), min_size=1, max_size=12)
session_settings = st.builds(SessionSettings, st.integers(0, 6), st.integers(0, 15),
                             st.integers(0, 6))  # fmt: skip
Action = tuple[float, str]
actions = st.lists(
    st.tuples(st.floats(0.01, 7), st.sampled_from(["tick"] * 5 + ["pause", "resume", "extend"])),
    max_size=40,
)


def new_engine(r: Routine, s: SessionSettings) -> tuple[SessionEngine, FakeClock]:
    clock = FakeClock()
    return SessionEngine(build_timeline(r, s), clock), clock


@settings(max_examples=60, deadline=None)
@given(r=play_routines(), s=session_settings, controls=actions, gaps=intervals)
def test_remaining_is_never_negative_and_only_extend_raises_it(
    r: Routine, s: SessionSettings, controls: list[Action], gaps: list[float]
) -> None:
    engine, clock = new_engine(r, s)
    events = engine.start()
    # First the random controls, then plain ticks until the end.
    plan = itertools.chain(controls, [(0.0, "resume")], ((gap, "tick") for gap in
                                                          itertools.cycle(gaps)))  # fmt: skip
    for gap, action in plan:
        if engine.state is EngineState.FINISHED:
            break
        index, left, total = engine.index, engine.remaining(), engine.total_remaining()
        clock.advance(gap)
        if engine.state is EngineState.PAUSED:
            assert engine.remaining() == left
        if action == "extend":
            assert engine.remaining() == pytest.approx(max(0.0, left - gap) if
                                                       engine.state is EngineState.RUNNING
                                                       else left)  # fmt: skip
            before = engine.remaining()
            applies = engine.can_extend()
            events += engine.extend(15)
            assert engine.remaining() == pytest.approx(before + 15 if applies else before)
            continue
        events += getattr(engine, action)()
        assert engine.remaining() >= 0
        assert engine.total_remaining() <= total + 1e-9
        if engine.index == index:
            assert engine.remaining() <= left + 1e-9
    assert engine.state is EngineState.FINISHED
    assert of_type(events, SessionFinished) == [SessionFinished(True)]
    assert [e.index for e in of_type(events, PhaseChanged)] == list(range(len(engine.timeline)))


@settings(max_examples=60, deadline=None)
@given(r=play_routines(), s=session_settings, gaps=intervals)
def test_a_session_plays_to_the_end_in_exactly_its_length(
    r: Routine, s: SessionSettings, gaps: list[float]
) -> None:
    engine, clock = new_engine(r, s)
    total = engine.total_seconds()
    start = clock.monotonic()
    events = engine.start()
    previous_elapsed = 0.0
    for gap in itertools.cycle(gaps):
        clock.advance(gap)
        new = engine.tick()
        events += new
        elapsed = clock.monotonic() - start
        if engine.state is EngineState.FINISHED:
            # It finished on the first tick at or after the timeline's length, not before.
            assert previous_elapsed < total + 1e-6
            assert elapsed >= total - 1e-6
            assert SessionFinished(True) in new
            break
        # No time lost or gained: what has passed and what is left add up to the whole.
        assert elapsed + engine.total_remaining() == pytest.approx(total, abs=1e-6)
        assert 0 <= engine.remaining() <= engine.phase.seconds
        previous_elapsed = elapsed
    assert of_type(events, SessionFinished) == [SessionFinished(True)]
    assert [e.index for e in of_type(events, PhaseChanged)] == list(range(len(engine.timeline)))
    assert of_type(events, ExerciseDone) == [
        ExerciseDone(i, item.exercise.id) for i, item in enumerate(r.items)
    ]
    ticks = [e for e in of_type(events, CueDue) if e.cue.kind is CueKind.TICK]
    assert len(ticks) <= 3 * sum(p.seconds >= 5 for p in engine.timeline)


# --- issue 10: changing position waits for the person -------------------------------------------

ON_FLOOR = exercise(
    "Knee hug", Dosage(reps=1, hold_seconds=10, release_seconds=0), position=Position.LYING_ON_BACK
)


def test_a_phase_onto_the_floor_starts_paused_and_runs_only_after_start() -> None:
    p = started(HOLD_10, ON_FLOOR)  # standing, then lying: 5 s get ready, 10 s, 15 s next up
    p.advance(15.0)
    assert p.engine.phase.kind is K.NEXT_UP
    assert p.engine.phase.waits_for_person
    assert state(p.engine) is EngineState.PAUSED
    assert p.advance(600.0) == []  # nobody pressed Start: nothing moves on
    assert p.engine.remaining() == 15.0
    p.do(p.engine.resume())
    p.advance(15.0)
    assert current_kind(p.engine) is K.HOLD
    assert p.engine.phase.exercise is ON_FLOOR


def test_a_late_tick_never_runs_past_a_change_of_position() -> None:
    p = started(HOLD_10, ON_FLOOR, HOLD_10)
    events = p.advance(500.0)  # the event loop was blocked far past every deadline
    assert p.engine.phase.waits_for_person
    assert state(p.engine) is EngineState.PAUSED
    waiting = [e for e in events if isinstance(e, CueDue) and e.cue.kind is CueKind.NEXT_UP]
    assert [e.stale for e in waiting] == [False]  # "press Start when ..." is said, not dropped


def test_skipping_into_a_change_of_position_still_waits() -> None:
    p = started(HOLD_10, ON_FLOOR)
    p.do(p.engine.skip_exercise())
    assert p.engine.phase.waits_for_person
    assert state(p.engine) is EngineState.PAUSED
