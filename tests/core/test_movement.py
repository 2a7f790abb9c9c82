"""The figure's movement and the highlighted step follow the phase."""

from __future__ import annotations

from spinecoach.core.exercise import (
    Category,
    Dosage,
    Exercise,
    Position,
    Routine,
    RoutineItem,
    Sides,
    Target,
)
from spinecoach.core.movement import MOVE_SECONDS, ease, pose_progress, step_index
from spinecoach.core.session import Phase, PhaseKind, build_timeline

STEPS = ("Set up.", "Move one.", "Move two.", "Move three.", "Come back.")


def exercise(dosage: Dosage, steps: tuple[str, ...] = STEPS) -> Exercise:
    return Exercise(
        id="test-move",
        name="Test move",
        summary="A summary long enough for the rules.",
        category=Category.MOBILITY,
        position=Position.ALL_FOURS,
        desk_friendly=False,
        difficulty=1,
        targets=(Target.LOWER_BACK,),
        sides=Sides.NONE,
        steps=steps,
        cautions=("Stop if it hurts.",),
        image="x.svg",
        dosage=dosage,
    )


def phases(dosage: Dosage, steps: tuple[str, ...] = STEPS) -> dict[PhaseKind, Phase]:
    move = exercise(dosage, steps)
    routine = Routine("r", "R", "A routine for tests.", (RoutineItem(move, move.dosage),))
    found: dict[PhaseKind, Phase] = {}
    for phase in build_timeline(routine):
        found.setdefault(phase.kind, phase)
    return found


def test_ease_is_gentle_at_both_ends_and_clamped() -> None:
    assert ease(-1) == 0.0
    assert ease(0.5) == 0.5
    assert ease(2) == 1.0
    assert ease(0.1) < 0.1
    assert ease(0.9) > 0.9


def test_hold_moves_into_the_pose_then_stays() -> None:
    hold = phases(Dosage(reps=3, hold_seconds=20, release_seconds=4))[PhaseKind.HOLD]
    assert pose_progress(hold, 0.0) == 0.0
    assert 0.0 < pose_progress(hold, MOVE_SECONDS / 2) < 1.0
    assert pose_progress(hold, MOVE_SECONDS) == 1.0
    assert pose_progress(hold, 15.0) == 1.0


def test_release_eases_back_and_set_up_phases_show_the_start() -> None:
    found = phases(Dosage(reps=3, hold_seconds=20, release_seconds=4))
    release = found[PhaseKind.RELEASE]
    assert pose_progress(release, 0.0) == 1.0
    assert pose_progress(release, 4.0) == 0.0
    assert pose_progress(found[PhaseKind.GET_READY], 2.0) == 0.0


def test_timed_block_shows_the_movement_throughout() -> None:
    hold = phases(Dosage(duration_seconds=600))[PhaseKind.HOLD]
    assert hold.timed_block
    assert pose_progress(hold, 0.0) == pose_progress(hold, 300.0) == 1.0


def test_steps_walk_through_a_long_hold() -> None:
    found = phases(Dosage(reps=1, hold_seconds=30, release_seconds=3))
    hold = found[PhaseKind.HOLD]
    assert step_index(found[PhaseKind.GET_READY], 1.0) == 0
    assert [step_index(hold, t) for t in (0, 11, 21, 29.9)] == [1, 2, 3, 3]
    assert step_index(found[PhaseKind.RELEASE], 1.0) == len(STEPS) - 1


def test_short_reps_hold_one_step_instead_of_flickering() -> None:
    hold = phases(Dosage(reps=10, hold_seconds=3, release_seconds=2))[PhaseKind.HOLD]
    assert {step_index(hold, t / 10) for t in range(30)} == {3}


def test_extended_hold_spreads_steps_over_the_new_length() -> None:
    hold = phases(Dosage(reps=1, hold_seconds=30))[PhaseKind.HOLD]
    assert step_index(hold, 29.0) == 3
    assert step_index(hold, 29.0, duration=45.0) == 2
