"""What the player shows moving: the figure's pose and the highlighted step, for a phase.

Kept beside the session engine so the rules are tested without a window: during a hold the
figure eases from the start pose into the held pose and stays there; during the release it
eases back; between exercises it waits in the start pose. The highlighted instruction walks
through the steps in the same rhythm.
"""

from __future__ import annotations

from spinecoach.core.timeline import Phase, PhaseKind, Side

#: Longest time the figure takes to move into the held pose; the rest of the hold is still.
MOVE_SECONDS = 1.5

#: A hold walks through the middle steps only if each can be shown at least this long.
MIN_SECONDS_PER_STEP = 2.0


def ease(t: float) -> float:
    """Smoothstep: starts and ends gently, like a person moving carefully."""
    t = min(1.0, max(0.0, t))
    return t * t * (3 - 2 * t)


def pose_progress(phase: Phase, elapsed: float, duration: float | None = None) -> float:
    """How far from the start pose (0) to the held pose (1) the figure is, `elapsed` s in.

    `duration` is the phase's current length when it was extended (default: as planned).
    """
    seconds = phase.seconds if duration is None else duration
    if phase.kind is PhaseKind.HOLD:
        if phase.timed_block:
            return 1.0  # walking: show the movement's characteristic pose throughout
        move = min(MOVE_SECONDS, seconds * 0.4)
        return ease(elapsed / move) if move > 0 else 1.0
    if phase.kind is PhaseKind.RELEASE:
        move = min(MOVE_SECONDS, seconds)
        return 1.0 - ease(elapsed / move) if move > 0 else 0.0
    return 0.0


def step_index(phase: Phase, elapsed: float, duration: float | None = None) -> int:
    """Which instruction to highlight.

    Set-up phases (get ready, next up, switch sides) walk through the set-up steps, those
    before the exercise's hold step, when each can be shown long enough, else show the first.
    A hold shows only the hold step, for its whole length: a 20-s hold is 20 s of holding, not
    of reading how to get there. Release and rest show the release step; FINISHED the last.
    """
    seconds = phase.seconds if duration is None else duration
    exercise = phase.exercise
    count = len(exercise.steps)
    if count <= 1:
        return 0
    if phase.kind in (PhaseKind.GET_READY, PhaseKind.NEXT_UP, PhaseKind.SWITCH_SIDES):
        setup = max(1, exercise.hold_index)
        if seconds < MIN_SECONDS_PER_STEP * setup:
            return 0
        fraction = min(0.999, max(0.0, elapsed / seconds))
        return int(fraction * setup)
    if phase.kind is PhaseKind.HOLD:
        return exercise.hold_index
    if phase.kind in (PhaseKind.RELEASE, PhaseKind.REST):
        return exercise.release_index
    return count - 1


def drawing_mirrored(side: Side | None, shows_side: str | None) -> bool:
    """Whether to mirror an exercise's drawing for a phase on `side`.

    Each two-sided pose file says which side its drawing shows (`shows_side`); the figure is
    mirrored exactly when the phase's side is the other one, so the side drawn is always the
    side announced. One-sided phases, and drawings that show no side, are never mirrored.
    """
    if side is None or shows_side is None:
        return False
    return side.value != shows_side
