"""The figure's movement and the highlighted step follow the phase."""

from __future__ import annotations

from dataclasses import replace

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
from spinecoach.core.timeline import Phase, PhaseKind, build_timeline

STEPS = ("Set up.", "Move one.", "Move two.", "Move three.", "Come back.")


def exercise(dosage: Dosage, steps: tuple[str, ...] = STEPS) -> Exercise:
    return Exercise(
        id="test-move",
        name="Test move",
        summary="A summary long enough for the rules.",
        category=Category.MOBILITY,
        position=Position.STANDING,
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


def test_a_long_hold_shows_only_its_hold_step_from_start_to_end() -> None:
    # Issue 10: a 30-s hold is 30 s of holding, not of reading the set-up steps.
    found = phases(Dosage(reps=1, hold_seconds=30, release_seconds=3))
    hold = found[PhaseKind.HOLD]
    assert {step_index(hold, t / 2) for t in range(60)} == {3}
    assert step_index(found[PhaseKind.RELEASE], 1.0) == 4


def test_the_files_hold_and_release_steps_are_the_ones_shown() -> None:
    move = replace(exercise(Dosage(reps=2, hold_seconds=20, release_seconds=3)), hold_step=2)
    routine = Routine("r", "R", "A routine for tests.", (RoutineItem(move, move.dosage),))
    timeline = build_timeline(routine)
    holds = [p for p in timeline if p.kind is PhaseKind.HOLD]
    releases = [p for p in timeline if p.kind is PhaseKind.RELEASE]
    assert {step_index(h, t) for h in holds for t in (0.0, 5.0, 19.9)} == {2}
    assert {step_index(r, 1.0) for r in releases} == {3}
    explicit = replace(move, release_step=4)
    assert step_index(replace(releases[0], exercise=explicit), 1.0) == 4


def test_get_ready_walks_the_set_up_steps_and_never_the_hold_step() -> None:
    move = replace(exercise(Dosage(reps=1, hold_seconds=20)), hold_step=3)
    ready = phases(Dosage(reps=1, hold_seconds=20))[PhaseKind.GET_READY]
    ready = replace(ready, exercise=move, seconds=15.0)
    shown = [step_index(ready, t) for t in (0.0, 5.5, 10.5, 14.9)]
    assert shown == [0, 1, 2, 2]
    short = replace(ready, seconds=3.0)
    assert {step_index(short, t) for t in (0.0, 1.5, 2.9)} == {0}


def test_short_reps_hold_one_step_instead_of_flickering() -> None:
    hold = phases(Dosage(reps=10, hold_seconds=3, release_seconds=2))[PhaseKind.HOLD]
    assert {step_index(hold, t / 10) for t in range(30)} == {3}


def test_an_extended_hold_still_shows_its_hold_step() -> None:
    hold = phases(Dosage(reps=1, hold_seconds=30))[PhaseKind.HOLD]
    assert step_index(hold, 29.0) == 3
    assert step_index(hold, 44.0, duration=45.0) == 3


def test_no_shipped_hold_ever_shows_a_set_up_step() -> None:
    from pathlib import Path

    from spinecoach.core.exercise import single_exercise_routine
    from spinecoach.core.library import load_library

    repo = Path(__file__).resolve().parents[2]
    library = load_library(repo / "resources", repo / "icons" / "exercises")
    assert library.exercises
    for shipped in library.exercises.values():
        timeline = build_timeline(single_exercise_routine(shipped))
        for phase in timeline:
            times = [phase.seconds * f for f in (0.0, 0.25, 0.5, 0.75, 0.999)]
            shown = {step_index(phase, t) for t in times}
            if phase.kind is PhaseKind.HOLD:
                assert shown == {shipped.hold_index}, shipped.id
            elif phase.kind in (PhaseKind.GET_READY, PhaseKind.NEXT_UP, PhaseKind.SWITCH_SIDES):
                assert max(shown) < max(1, shipped.hold_index), shipped.id  # set-up only
            elif phase.kind is PhaseKind.RELEASE:
                assert shown == {shipped.release_index}, shipped.id
