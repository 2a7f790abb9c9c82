"""The pose: joint angles of the figure, how two poses blend, and which side one shows."""

from __future__ import annotations

import math
from dataclasses import dataclass, fields
from typing import Final, Literal, TypeAlias

from spinecoach.core.figure.dimensions import STANDING_PELVIS_Y

Working: TypeAlias = Literal[
    "near_leg", "far_leg", "near_arm", "far_arm", "twist", "knees", "side_bend", "neck_tilt"
]
"""What carries the side of a two-sided exercise's drawing (pose files' ``working`` key)."""
WORKING: Final[tuple[str, ...]] = (
    "near_leg",
    "far_leg",
    "near_arm",
    "far_arm",
    "twist",
    "knees",
    "side_bend",
    "neck_tilt",
)


@dataclass(frozen=True)
class Pose:
    """Joint angles (degrees) and root placement of the figure; all defaults = standing tall.

    The figure faces +x.  "near" limbs are on the side that faces the viewer in the side view,
    "far" limbs on the other side.  Angles are relative to the parent segment except ``trunk``,
    ``lean`` and ``roll``, which orient the whole body.  See docs/FIGURE.md for the conventions.
    """

    pelvis_x: float = 0.0
    pelvis_y: float = STANDING_PELVIS_Y
    trunk: float = 0.0
    lean: float = 0.0
    roll: float = 0.0
    spine: float = 0.0
    side_bend: float = 0.0
    twist: float = 0.0
    neck: float = 0.0
    neck_tilt: float = 0.0
    near_hip: float = 0.0
    near_hip_abduction: float = 0.0
    near_hip_rotation: float = 0.0
    near_knee: float = 0.0
    near_ankle: float = 0.0
    near_shoulder: float = 0.0
    near_shoulder_abduction: float = 0.0
    near_shoulder_rotation: float = 0.0
    near_elbow: float = 0.0
    near_wrist: float = 0.0
    far_hip: float = 0.0
    far_hip_abduction: float = 0.0
    far_hip_rotation: float = 0.0
    far_knee: float = 0.0
    far_ankle: float = 0.0
    far_shoulder: float = 0.0
    far_shoulder_abduction: float = 0.0
    far_shoulder_rotation: float = 0.0
    far_elbow: float = 0.0
    far_wrist: float = 0.0


NEUTRAL: Final = Pose()
"""Standing tall, arms by the sides, feet on the floor; the default for unspecified joints."""

POSE_FIELDS: Final[tuple[str, ...]] = tuple(f.name for f in fields(Pose))


def interpolate(a: Pose, b: Pose, t: float) -> Pose:
    """Blend two poses joint by joint; ``t`` = 0 gives ``a``, 1 gives ``b``.

    Angles are blended linearly in degrees, never wrapped, because joint angles are not periodic:
    a trunk going from -90 (lying) to 0 (standing) must pass through -45, not the long way round.
    ``t`` is clamped to [0, 1] so an easing curve that overshoots cannot bend a joint past either
    authored pose.
    """
    if math.isnan(t):
        raise ValueError("t: must be a number between 0 and 1, got NaN")
    t = min(1.0, max(0.0, t))
    values = {name: (1.0 - t) * getattr(a, name) + t * getattr(b, name) for name in POSE_FIELDS}
    return Pose(**values)


def implied_side(working: Working, end: Pose) -> Literal["left", "right"] | None:
    """The side a drawing shows, worked out from what carries the side and the held pose.

    Near limbs are the figure's right, far limbs its left; a positive ``twist``, ``side_bend``
    or ``neck_tilt`` goes towards the near (right) side.  In a lying twist the pelvis rolls one
    way while the chest twists back flat, so the knees drop the opposite way of ``twist``.
    None when the pose does not decide it (a zero angle).
    """
    if working in ("near_leg", "near_arm"):
        return "right"
    if working in ("far_leg", "far_arm"):
        return "left"
    value = {
        "twist": end.twist,
        "knees": -end.twist,
        "side_bend": end.side_bend,
        "neck_tilt": end.neck_tilt,
    }[working]
    if value == 0:
        return None
    return "right" if value > 0 else "left"
