"""Forward kinematics: the skeleton posed in 3-D from a Pose, and projected into a view.

Also the two trunk measures the segments need (its curve's control point and its projected
thickness), since both come from the same body frames as the skeleton.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Final, Literal, TypeAlias, cast

from spinecoach.core.figure.dimensions import (
    ELEVATION,
    FOOT_LENGTH,
    FOREARM_LENGTH,
    HAND_LENGTH,
    HIP_HALF_WIDTH,
    NECK_LENGTH,
    SHANK_LENGTH,
    SHOULDER_HALF_WIDTH,
    THIGH_LENGTH,
    TRUNK_BREADTH,
    TRUNK_DEPTH,
    TRUNK_LENGTH,
    UPPER_ARM_LENGTH,
    Point,
    View,
)
from spinecoach.core.figure.pose import Pose

# --------------------------------------------------------------------------------------------
# Minimal 3-D maths (tuples keep Pose-derived values immutable and cheap).
# --------------------------------------------------------------------------------------------

Vec3: TypeAlias = tuple[float, float, float]
Mat3: TypeAlias = tuple[Vec3, Vec3, Vec3]

_ORIGIN: Final[Vec3] = (0.0, 0.0, 0.0)


def _rot(axis: Literal["x", "y", "z"], degrees: float) -> Mat3:
    """Right-handed rotation matrix (x forward, y up, z towards the viewer of the side view)."""
    r = math.radians(degrees)
    c, s = math.cos(r), math.sin(r)
    if axis == "x":
        return ((1.0, 0.0, 0.0), (0.0, c, -s), (0.0, s, c))
    if axis == "y":
        return ((c, 0.0, s), (0.0, 1.0, 0.0), (-s, 0.0, c))
    return ((c, -s, 0.0), (s, c, 0.0), (0.0, 0.0, 1.0))


def _mm(a: Mat3, b: Mat3) -> Mat3:
    rows = []
    for i in range(3):
        rows.append(
            (
                a[i][0] * b[0][0] + a[i][1] * b[1][0] + a[i][2] * b[2][0],
                a[i][0] * b[0][1] + a[i][1] * b[1][1] + a[i][2] * b[2][1],
                a[i][0] * b[0][2] + a[i][1] * b[1][2] + a[i][2] * b[2][2],
            )
        )
    return (rows[0], rows[1], rows[2])


def _chain(*ms: Mat3) -> Mat3:
    out = ms[0]
    for m in ms[1:]:
        out = _mm(out, m)
    return out


def _mv(m: Mat3, v: Vec3) -> Vec3:
    return (
        m[0][0] * v[0] + m[0][1] * v[1] + m[0][2] * v[2],
        m[1][0] * v[0] + m[1][1] * v[1] + m[1][2] * v[2],
        m[2][0] * v[0] + m[2][1] * v[1] + m[2][2] * v[2],
    )


def _add(a: Vec3, b: Vec3) -> Vec3:
    return (a[0] + b[0], a[1] + b[1], a[2] + b[2])


def _along(origin: Vec3, frame: Mat3, local: Vec3) -> Vec3:
    return _add(origin, _mv(frame, local))


# --------------------------------------------------------------------------------------------
# Forward kinematics
# --------------------------------------------------------------------------------------------

JOINT_NAMES: Final[tuple[str, ...]] = (
    "pelvis",
    "shoulders",
    "head",
    "near_hip",
    "near_knee",
    "near_ankle",
    "near_toe",
    "near_shoulder",
    "near_elbow",
    "near_wrist",
    "near_hand",
    "far_hip",
    "far_knee",
    "far_ankle",
    "far_toe",
    "far_shoulder",
    "far_elbow",
    "far_wrist",
    "far_hand",
)
"""Names accepted by :func:`joints` and by an arrow's ``anchor``; ``*_hand`` is the fingertip."""

ARM_JOINTS: Final = ("shoulder", "elbow", "wrist", "hand")
LEG_JOINTS: Final = ("hip", "knee", "ankle", "toe")


@dataclass(frozen=True)
class Skeleton:
    """3-D joint positions relative to the pelvis centre, plus the frames the renderer needs."""

    points: dict[str, Vec3]
    chord_frame: Mat3


def pose_skeleton(p: Pose) -> Skeleton:
    """Pose the skeleton in 3-D.

    Why 3-D at all for a side-view figure: twists, log-rolling, the figure-four and side bends are
    rotations out of the drawing plane.  Posing them in 3-D and projecting keeps every limb the
    right length and lets one pose be drawn from the side or from the front.
    """
    # Orientation of the hip->shoulder chord: sagittal tilt, then lateral lean, then axial roll.
    chord = _chain(_rot("z", -p.trunk), _rot("x", p.lean), _rot("y", -p.roll))
    # The spine curve is shared equally between pelvis and thorax, so ``trunk`` stays the chord.
    pelvis = _chain(chord, _rot("z", p.spine / 2), _rot("x", -p.side_bend / 2))
    thorax = _chain(chord, _rot("z", -p.spine / 2), _rot("x", p.side_bend / 2), _rot("y", -p.twist))
    shoulders = _mv(chord, (0.0, TRUNK_LENGTH, 0.0))
    neck = _chain(thorax, _rot("z", -p.neck), _rot("x", p.neck_tilt))
    pts: dict[str, Vec3] = {
        "pelvis": _ORIGIN,
        "shoulders": shoulders,
        "head": _along(shoulders, neck, (0.0, NECK_LENGTH, 0.0)),
    }
    for side, s in (("near", 1.0), ("far", -1.0)):

        def ang(joint: str, side: str = side) -> float:
            return cast(float, getattr(p, f"{side}_{joint}"))

        hip = _mv(pelvis, (0.0, 0.0, s * HIP_HALF_WIDTH))
        thigh = _chain(
            pelvis,
            _rot("z", ang("hip")),
            _rot("x", -s * ang("hip_abduction")),
            _rot("y", -s * ang("hip_rotation")),
        )
        knee = _along(hip, thigh, (0.0, -THIGH_LENGTH, 0.0))
        shank = _mm(thigh, _rot("z", -ang("knee")))
        ankle = _along(knee, shank, (0.0, -SHANK_LENGTH, 0.0))
        foot = _mm(shank, _rot("z", -ang("ankle")))
        toe = _along(ankle, foot, (FOOT_LENGTH, 0.0, 0.0))
        shoulder = _along(shoulders, thorax, (0.0, 0.0, s * SHOULDER_HALF_WIDTH))
        upper = _chain(
            thorax,
            _rot("z", ang("shoulder")),
            _rot("x", -s * ang("shoulder_abduction")),
            _rot("y", -s * ang("shoulder_rotation")),
        )
        elbow = _along(shoulder, upper, (0.0, -UPPER_ARM_LENGTH, 0.0))
        fore = _mm(upper, _rot("z", ang("elbow")))
        wrist = _along(elbow, fore, (0.0, -FOREARM_LENGTH, 0.0))
        hand = _mm(fore, _rot("z", ang("wrist")))
        tip = _along(wrist, hand, (0.0, -HAND_LENGTH, 0.0))
        pts.update(
            {
                f"{side}_hip": hip,
                f"{side}_knee": knee,
                f"{side}_ankle": ankle,
                f"{side}_toe": toe,
                f"{side}_shoulder": shoulder,
                f"{side}_elbow": elbow,
                f"{side}_wrist": wrist,
                f"{side}_hand": tip,
            }
        )
    return Skeleton(points=pts, chord_frame=chord)


def project(v: Vec3, view: View) -> tuple[float, float, float]:
    """Orthographic projection -> (x, y, depth); larger depth is closer to the viewer."""
    if view == "side":
        return (v[0], v[1], v[2])
    if view == "front":
        return (-v[2], v[1], v[0])
    if view == "front_above":
        c, s = math.cos(math.radians(ELEVATION)), math.sin(math.radians(ELEVATION))
        return (-v[2], v[1] * c - v[0] * s, v[0] * c + v[1] * s)
    return (v[0], -v[2], v[1])


def joints(pose: Pose, *, view: View = "side") -> dict[str, Point]:
    """World 2-D position of every named joint (see JOINT_NAMES) as drawn in ``view``."""
    sk = pose_skeleton(pose)
    out: dict[str, Point] = {}
    for name in JOINT_NAMES:
        x, y, _ = project(sk.points[name], view)
        out[name] = Point(pose.pelvis_x + x, pose.pelvis_y + y)
    return out


def trunk_control(p: Pose) -> Vec3:
    """Bezier control point for the trunk: where the pelvis and thorax tangents would meet."""
    chord = _chain(_rot("z", -p.trunk), _rot("x", p.lean), _rot("y", -p.roll))
    pelvis = _chain(chord, _rot("z", p.spine / 2), _rot("x", -p.side_bend / 2))
    thorax = _chain(chord, _rot("z", -p.spine / 2), _rot("x", p.side_bend / 2))
    half = TRUNK_LENGTH / 2
    a = _mv(pelvis, (0.0, half, 0.0))
    top = _mv(chord, (0.0, TRUNK_LENGTH, 0.0))
    b = _add(top, _mv(thorax, (0.0, -half, 0.0)))
    return ((a[0] + b[0]) / 2, (a[1] + b[1]) / 2, (a[2] + b[2]) / 2)


def trunk_width(chord: Mat3, hip: Point, shoulder: Point, view: View) -> float:
    """Projected trunk thickness: chest depth seen from the side, breadth seen from the front."""
    dx, dy = shoulder.x - hip.x, shoulder.y - hip.y
    length = math.hypot(dx, dy)
    if length < 1e-6:
        return TRUNK_BREADTH
    px, py = -dy / length, dx / length
    fwd = project(_mv(chord, (1.0, 0.0, 0.0)), view)
    lat = project(_mv(chord, (0.0, 0.0, 1.0)), view)
    b = abs(fwd[0] * px + fwd[1] * py)
    a = abs(lat[0] * px + lat[1] * py)
    return max(TRUNK_DEPTH * 0.9, math.hypot(TRUNK_DEPTH * b, TRUNK_BREADTH * a))
