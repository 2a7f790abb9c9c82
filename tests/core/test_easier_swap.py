"""Making it easier, in the core (issue 17): the routine with one item swapped, and the engine
playing on from the same item with the new timeline."""

from __future__ import annotations

from dataclasses import replace

import pytest

from spinecoach.core.clock import FakeClock
from spinecoach.core.engine_events import ExerciseDone, PhaseChanged, SessionFinished
from spinecoach.core.exercise import Dosage, DosageLimits, OnlySide, RoutineItem
from spinecoach.core.session import EngineState, SessionEngine
from spinecoach.core.timeline import (
    PhaseKind,
    build_timeline,
    clamped_dosage,
    easier_item,
    with_item_swapped,
)
from tests.factories import exercise, routine

HARD = exercise("Dead bug", Dosage(reps=8, hold_seconds=5, release_seconds=2), two_sided=True)
EASY = exercise("Heel slides", Dosage(reps=6, hold_seconds=3, release_seconds=2), two_sided=True)
FIRST = exercise("Pelvic tilt", Dosage(reps=2, hold_seconds=3, release_seconds=2))
LAST = exercise("Child's pose", Dosage(reps=1, hold_seconds=10, release_seconds=0))


def test_the_swapped_routine_changes_only_that_item() -> None:
    played = routine(FIRST, HARD, LAST)
    swapped = with_item_swapped(played, 1, EASY)
    assert swapped.exercise_ids == ("pelvic-tilt", "heel-slides", "childs-pose")
    assert swapped.items[1].dosage == EASY.dosage
    assert swapped.items[0] is played.items[0] and swapped.items[2] is played.items[2]
    assert (swapped.id, swapped.name, swapped.origin) == (played.id, played.name, played.origin)
    with pytest.raises(IndexError):
        with_item_swapped(played, 3, EASY)


def test_the_easier_item_keeps_the_prescribed_side_and_note() -> None:
    item = RoutineItem(HARD, HARD.dosage, only_side=OnlySide.LEFT, note="Go gently")
    eased = easier_item(item, EASY)
    assert (eased.only_side, eased.note) == (OnlySide.LEFT, "Go gently")
    one_sided = replace(EASY, sides=FIRST.sides)
    assert easier_item(item, one_sided).only_side is None


def test_the_easier_dosage_stays_within_its_limits() -> None:
    wide = replace(EASY, limits=DosageLimits((("reps", 4, 12),)))
    assert clamped_dosage(wide) == EASY.dosage
    # A file whose own dosage lies outside a stated range is brought inside it.
    narrow = replace(EASY, limits=DosageLimits((("reps", 2, 4), ("hold_seconds", 5, 10))))
    assert clamped_dosage(narrow) == replace(EASY.dosage, reps=4, hold_seconds=5)


def test_the_engine_plays_on_from_the_same_item_with_the_easier_exercise() -> None:
    played = routine(FIRST, HARD, LAST)
    clock = FakeClock()
    engine = SessionEngine(build_timeline(played), clock)
    engine.start()
    engine.skip_exercise()  # the first left for the second (recorded as skipped)
    while engine.phase.kind is not PhaseKind.HOLD:
        engine.skip_phase()
    assert engine.phase.exercise.id == "dead-bug"
    events = engine.continue_with(build_timeline(with_item_swapped(played, 1, EASY)))
    assert isinstance(events[0], PhaseChanged)
    # Back at the start of the same item, introduced again: "Next: heel slides".
    phase = engine.phase
    assert phase.kind is PhaseKind.NEXT_UP
    assert engine.phase.item_index == 1 and engine.phase.exercise.id == "heel-slides"
    assert engine.state is EngineState.RUNNING
    assert engine.skipped_items == {0}
    holds = [p for p in engine.timeline if p.item_index == 1 and p.kind is PhaseKind.HOLD]
    assert len(holds) == 2 * 6 and all(p.seconds == 3 for p in holds)
    # Played through: the easier one is the one done, then the last item as before.
    done: list[str] = []
    finished = False
    while not finished:
        for event in engine.skip_phase():
            if isinstance(event, ExerciseDone):
                done.append(event.exercise_id)
            finished = finished or isinstance(event, SessionFinished)
    assert done == ["heel-slides", "childs-pose"]
    assert engine.total_remaining() == 0


def test_a_paused_session_stays_paused_and_time_left_follows_the_new_timeline() -> None:
    played = routine(FIRST, HARD, LAST)
    clock = FakeClock()
    engine = SessionEngine(build_timeline(played), clock)
    engine.start()
    engine.skip_exercise()
    engine.pause()
    swapped = with_item_swapped(played, 1, EASY)
    engine.continue_with(build_timeline(swapped))
    assert engine.state is EngineState.PAUSED
    expected = sum(p.seconds for p in engine.timeline[engine.index :])
    assert engine.total_remaining() == pytest.approx(expected)


def test_continue_with_refuses_another_routine_and_does_nothing_once_over() -> None:
    played = routine(FIRST, HARD, LAST)
    engine = SessionEngine(build_timeline(played), FakeClock())
    engine.start()
    with pytest.raises(ValueError):
        engine.continue_with(build_timeline(routine(FIRST, HARD)))
    engine.stop()
    assert engine.continue_with(build_timeline(with_item_swapped(played, 1, EASY))) == []
    idle = SessionEngine(build_timeline(played), FakeClock())
    assert idle.continue_with(build_timeline(played)) == []
