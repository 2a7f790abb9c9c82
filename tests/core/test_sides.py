"""The side drawn is the side announced, for every two-sided exercise in the shipped library.

Issue 10 found figures showing the opposite side to the one the player announced. Each pose file
now says what in its drawing carries the side (`working`) and which side the unmirrored drawing
shows (`shows_side`); the player mirrors exactly when the phase's side is the other one. These
tests check the chain end to end: the exercise's own meaning of "left" matches what the drawing
works, the working limb really is the one posed differently, and for the left and the right
phases the drawing the player would show works the announced side.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from spinecoach.core.exercise import Exercise, SideMeaning, single_exercise_routine
from spinecoach.core.figure import ExercisePoses, Pose, implied_side, load_exercise_poses
from spinecoach.core.library import load_library
from spinecoach.core.movement import drawing_mirrored
from spinecoach.core.timeline import PhaseKind, Side, build_timeline

REPO = Path(__file__).resolve().parents[2]
LIBRARY = load_library(REPO / "resources", REPO / "icons" / "exercises")
TWO_SIDED = sorted(e.id for e in LIBRARY.exercises.values() if e.two_sided)
ONE_SIDED = sorted(e.id for e in LIBRARY.exercises.values() if not e.two_sided)

#: What the exercise's "left" names, and what in the drawing may carry it.
CARRIERS = {
    SideMeaning.LEG: {"near_leg", "far_leg"},
    SideMeaning.ARM: {"near_arm", "far_arm"},
    SideMeaning.TURN: {"twist"},
    SideMeaning.KNEES: {"knees"},
    SideMeaning.BEND: {"side_bend"},
    SideMeaning.TILT: {"neck_tilt"},
}

LEG_JOINTS = ("hip", "hip_abduction", "hip_rotation", "knee", "ankle")
ARM_JOINTS = ("shoulder", "shoulder_abduction", "shoulder_rotation", "elbow", "wrist")

#: Degrees, summed over a limb's joints, by which the working limb must differ from its partner
#: in the held pose: enough to be seen in a thumbnail.
DISTINCT_DEGREES = 20.0


def poses_of(exercise_id: str) -> ExercisePoses:
    return load_exercise_poses((REPO / "resources" / "poses" / f"{exercise_id}.toml").read_text())


def limb_difference(pose: Pose, joints: tuple[str, ...]) -> float:
    total = 0.0
    for joint in joints:
        near: float = getattr(pose, f"near_{joint}", 0.0)
        far: float = getattr(pose, f"far_{joint}", 0.0)
        total += abs(near - far)
    return total


def drawn_side(exercise: Exercise, poses: ExercisePoses, side: Side) -> str:
    """The side the player's drawing works for a phase on `side`."""
    assert poses.working is not None
    unmirrored = implied_side(poses.working, poses.end)
    assert unmirrored is not None
    if drawing_mirrored(side, poses.shows_side):
        return "left" if unmirrored == "right" else "right"
    return unmirrored


def test_the_library_has_two_sided_exercises_to_check() -> None:
    assert len(TWO_SIDED) >= 12
    assert LIBRARY.problems == []


@pytest.mark.parametrize("exercise_id", TWO_SIDED)
def test_the_drawing_carries_the_side_the_exercise_means(exercise_id: str) -> None:
    exercise = LIBRARY.exercises[exercise_id]
    poses = poses_of(exercise_id)
    assert exercise.side_means is not None
    assert poses.working in CARRIERS[exercise.side_means], (
        f"{exercise_id}: 'left' means the {exercise.side_means.value}, "
        f"but the drawing's side is carried by {poses.working!r}"
    )
    assert poses.shows_side == implied_side(poses.working, poses.end)


@pytest.mark.parametrize("exercise_id", TWO_SIDED)
def test_the_working_limb_is_the_one_posed_differently(exercise_id: str) -> None:
    poses = poses_of(exercise_id)
    if poses.working in ("near_leg", "far_leg"):
        assert limb_difference(poses.end, LEG_JOINTS) >= DISTINCT_DEGREES, exercise_id
    elif poses.working in ("near_arm", "far_arm"):
        assert limb_difference(poses.end, ARM_JOINTS) >= DISTINCT_DEGREES, exercise_id
    else:  # a twist, bend or tilt: the angle itself must be clearly visible
        assert poses.working is not None
        angle = {"twist": "twist", "knees": "twist", "side_bend": "side_bend"}.get(
            poses.working, poses.working
        )
        assert abs(getattr(poses.end, angle)) >= DISTINCT_DEGREES, exercise_id


@pytest.mark.parametrize("exercise_id", TWO_SIDED)
def test_every_phase_draws_the_side_it_announces(exercise_id: str) -> None:
    exercise = LIBRARY.exercises[exercise_id]
    poses = poses_of(exercise_id)
    timeline = build_timeline(single_exercise_routine(exercise))
    sided = [phase for phase in timeline if phase.side is not None]
    assert {phase.side for phase in sided} == {Side.LEFT, Side.RIGHT}
    for phase in sided:
        assert phase.side is not None
        assert drawn_side(exercise, poses, phase.side) == phase.side.value, (
            f"{exercise_id}: {phase.kind} announces {phase.side_text!r} "
            f"but the drawing works the other side"
        )
        if phase.kind is PhaseKind.HOLD:
            assert phase.side.value in phase.counter_text.lower()


@pytest.mark.parametrize("exercise_id", ONE_SIDED)
def test_one_sided_drawings_claim_no_side_and_are_never_mirrored(exercise_id: str) -> None:
    poses = poses_of(exercise_id)
    assert (poses.working, poses.shows_side) == (None, None)
    assert not drawing_mirrored(None, poses.shows_side)


def test_a_wrong_shows_side_is_refused_by_the_loader() -> None:
    text = (REPO / "resources" / "poses" / "knee-to-chest.toml").read_text()
    poses = load_exercise_poses(text)
    wrong = "left" if poses.shows_side == "right" else "right"
    broken = text.replace(f'shows_side = "{poses.shows_side}"', f'shows_side = "{wrong}"')
    assert broken != text
    with pytest.raises(ValueError, match="shows_side"):
        load_exercise_poses(broken)


def test_mirroring_follows_the_phase_side_and_the_drawing() -> None:
    assert drawing_mirrored(Side.LEFT, "right")
    assert not drawing_mirrored(Side.RIGHT, "right")
    assert drawing_mirrored(Side.RIGHT, "left")
    assert not drawing_mirrored(Side.LEFT, "left")
    assert not drawing_mirrored(None, "left")
