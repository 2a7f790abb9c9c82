"""Parametric figure used for every exercise illustration.

Why a parametric figure instead of hand-drawn pictures: all 37 drawings must share one scale, one
line weight and one colour scheme, and the session player must be able to ease the figure from the
start pose to the held pose during each rep.  Both fall out for free when a drawing is nothing more
than a set of joint angles fed through one forward-kinematics function and one SVG writer.

The skeleton is posed in 3-D (sagittal angles plus the few out-of-plane angles that twists, rolls,
side bends and the figure-four need) and then projected orthographically, usually from the side.
``docs/FIGURE.md`` documents every angle convention.

This module is part of the core layer: pure Python, no Qt.  Rasterising the SVG is the UI's job.
"""

from __future__ import annotations

import math
import tomllib
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import MISSING, dataclass, fields, replace
from typing import Final, Literal, NamedTuple, TypeAlias, cast

__all__ = [
    "DARK",
    "JOINT_NAMES",
    "LIGHT",
    "NEUTRAL",
    "POSE_FIELDS",
    "VIEWBOX",
    "WORKING",
    "Arrow",
    "Bed",
    "Chair",
    "Desk",
    "ExercisePoses",
    "Floor",
    "Mat",
    "Palette",
    "Point",
    "Pose",
    "Prop",
    "Segment",
    "View",
    "Wall",
    "Working",
    "bounds",
    "drawing_extent",
    "grounded",
    "implied_side",
    "interpolate",
    "joints",
    "load_exercise_poses",
    "lowest_point",
    "mirror",
    "render_exercise",
    "segments",
    "to_svg",
]

View: TypeAlias = Literal["side", "front", "front_above", "top"]
"""Projection: ``side`` looks at the near side, ``front`` at the face, ``top`` down from above.

``front_above`` is the front view from a little above (ELEVATION): a side-lying figure then shows
a bent bottom knee, which the level front view hides because the leg lies in the floor plane.
"""

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

# --------------------------------------------------------------------------------------------
# Body measurements (world units are roughly centimetres of a ~176 cm adult; y points up and the
# floor is y = 0).  The head is drawn a little larger than life so it reads in a 32 px thumbnail.
# --------------------------------------------------------------------------------------------

TRUNK_LENGTH: Final = 52.0
"""Hip centre to shoulder centre."""
NECK_LENGTH: Final = 22.0
"""Shoulder centre to head centre; leaves a small gap between head and trunk, pictogram style."""
HEAD_RADIUS: Final = 10.5
THIGH_LENGTH: Final = 44.0
SHANK_LENGTH: Final = 44.0
FOOT_LENGTH: Final = 15.0
UPPER_ARM_LENGTH: Final = 30.0
FOREARM_LENGTH: Final = 27.0
HAND_LENGTH: Final = 8.0
HIP_HALF_WIDTH: Final = 8.0
"""Sideways offset of each hip joint from the pelvis centre (visible only out of the side view)."""
SHOULDER_HALF_WIDTH: Final = 14.0

TRUNK_DEPTH: Final = 19.0
"""Stroke width of the trunk seen from the side (chest depth)."""
TRUNK_BREADTH: Final = 28.0
"""Stroke width of the trunk seen from the front (chest breadth)."""
THIGH_WIDTH: Final = 13.0
SHANK_WIDTH: Final = 11.0
FOOT_WIDTH: Final = 10.0
UPPER_ARM_WIDTH: Final = 10.0
FOREARM_WIDTH: Final = 9.0
HAND_WIDTH: Final = 8.0

ANKLE_HEIGHT: Final = SHANK_WIDTH / 2
"""The round end of the shin is the heel: it touches the floor when the shin is upright."""
STANDING_PELVIS_Y: Final = ANKLE_HEIGHT + SHANK_LENGTH + THIGH_LENGTH

SEATED_PELVIS_Y: Final = ANKLE_HEIGHT + SHANK_LENGTH
"""Hip height of a seated pose whose knees are at 90 degrees with the feet flat on the floor."""
CHAIR_SEAT_HEIGHT: Final = SEATED_PELVIS_Y - TRUNK_DEPTH / 2
"""Seat top: exactly where a seated trunk's rounded end rests."""
MAT_THICKNESS: Final = 2.5
MAT_MARGIN: Final = 6.0
"""How far an automatic mat extends past the figure."""
DESK_HEIGHT: Final = 72.0
BED_WIDTH: Final = 90.0
"""Depth of a bed, seen only in the ``front_above`` view."""
BED_EDGE: Final = 40.0
"""``front_above`` view: how far the near edge of a bed is in front of the pelvis (the figure lies
at the edge of the bed, facing out, as in the log roll)."""

# --------------------------------------------------------------------------------------------
# Drawing geometry: one fixed viewBox and one fixed scale for every drawing, so a lying figure is
# exactly the same size of person as a standing one.
# --------------------------------------------------------------------------------------------

VIEW_WIDTH: Final = 240.0
VIEW_HEIGHT: Final = 180.0
VIEWBOX: Final = (0.0, 0.0, VIEW_WIDTH, VIEW_HEIGHT)
SCALE: Final = 0.74
"""Pixels (viewBox units) per world unit."""
FLOOR_Y: Final = 166.0
"""viewBox y of the floor surface; identical in every drawing."""
MARGIN: Final = 3.0
"""Minimum distance between any ink and the viewBox edge (checked by the tests)."""
HALO: Final = 2.2
"""World-unit gap drawn around limbs that pass in front of the body, so they stay legible."""
ELEVATION: Final = 20.0
"""Degrees the ``front_above`` view looks down: parts nearer the viewer are drawn lower."""
PROP_STROKE: Final = 3.2
ARROW_STROKE: Final = 2.6
ARROW_HEAD: Final = 6.5


class Point(NamedTuple):
    """A 2-D point in world units (x right, y up) or, after fitting, in viewBox units."""

    x: float
    y: float


# --------------------------------------------------------------------------------------------
# Pose
# --------------------------------------------------------------------------------------------


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

_ARM_JOINTS: Final = ("shoulder", "elbow", "wrist", "hand")
_LEG_JOINTS: Final = ("hip", "knee", "ankle", "toe")


@dataclass(frozen=True)
class _Skeleton:
    """3-D joint positions relative to the pelvis centre, plus the frames the renderer needs."""

    points: dict[str, Vec3]
    chord_frame: Mat3


def _skeleton(p: Pose) -> _Skeleton:
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
    return _Skeleton(points=pts, chord_frame=chord)


def _project(v: Vec3, view: View) -> tuple[float, float, float]:
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
    sk = _skeleton(pose)
    out: dict[str, Point] = {}
    for name in JOINT_NAMES:
        x, y, _ = _project(sk.points[name], view)
        out[name] = Point(pose.pelvis_x + x, pose.pelvis_y + y)
    return out


@dataclass(frozen=True)
class Segment:
    """One drawable piece of the figure in world coordinates.

    ``shape`` is ``line`` (start->end), ``curve`` (quadratic Bezier through ``control``; only the
    trunk, so the spine can round and arch) or ``circle`` (the head: ``start`` is the centre and
    ``width`` the diameter).  ``layer`` < 0 is drawn behind the trunk in the lighter tint, > 0 in
    front of it; segments with the same ``group`` (e.g. ``near_arm``) are drawn together.
    """

    name: str
    group: str
    start: Point
    end: Point
    width: float
    layer: int
    shape: Literal["line", "curve", "circle"] = "line"
    control: Point | None = None


_LIMB_PARTS: Final = {
    "leg": (
        ("thigh", "hip", "knee", THIGH_WIDTH),
        ("shank", "knee", "ankle", SHANK_WIDTH),
        ("foot", "ankle", "toe", FOOT_WIDTH),
    ),
    "arm": (
        ("upper_arm", "shoulder", "elbow", UPPER_ARM_WIDTH),
        ("forearm", "elbow", "wrist", FOREARM_WIDTH),
        ("hand", "wrist", "hand", HAND_WIDTH),
    ),
}


def segments(pose: Pose, *, view: View = "side") -> list[Segment]:
    """Forward kinematics: the figure as drawable segments, in drawing order (back to front).

    Limb groups are ordered by their depth relative to the trunk rather than by a fixed near/far
    rule, so a leg that rolls across the body (twists, figure-four) is still layered correctly.
    In the plain side view this reduces to: far arm, far leg, trunk, head, near leg, near arm.
    """
    sk = _skeleton(pose)
    ox, oy = pose.pelvis_x, pose.pelvis_y

    def pt(name: str) -> tuple[Point, float]:
        x, y, d = _project(sk.points[name], view)
        return Point(ox + x, oy + y), d

    hip_c, hip_d = pt("pelvis")
    sh_c, sh_d = pt("shoulders")
    head_c, _ = pt("head")
    trunk_depth = (hip_d + sh_d) / 2

    # Trunk: a quadratic curve whose end tangents follow the pelvis and thorax frames.
    ctrl_3d = _trunk_control(pose)
    cx, cy, _ = _project(ctrl_3d, view)
    control = Point(ox + cx, oy + cy)
    width = _trunk_width(sk.chord_frame, hip_c, sh_c, view)

    groups: list[tuple[float, int, str, list[tuple[str, str, str, float]]]] = []
    for side in ("near", "far"):
        for order, limb in enumerate(("leg", "arm")):
            parts = _LIMB_PARTS[limb]
            names = [f"{side}_{j}" for j in (_LEG_JOINTS if limb == "leg" else _ARM_JOINTS)]
            depth = sum(pt(n)[1] for n in names) / len(names) - trunk_depth
            groups.append(
                (
                    depth,
                    order,
                    f"{side}_{limb}",
                    [
                        (f"{side}_{a}", f"{side}_{b}", f"{side}_{part}", w)
                        for part, a, b, w in parts
                    ],
                )
            )
    # Ties (e.g. arms hanging beside the trunk in the front view) go in front of the trunk.
    behind = sorted((g for g in groups if g[0] < -0.5), key=lambda g: (g[0], g[1]))
    front = sorted((g for g in groups if g[0] >= -0.5), key=lambda g: (g[0], g[1]))

    out: list[Segment] = []
    for rank, (_, _, group, parts_) in enumerate(behind):
        layer = rank - len(behind)
        for a, b, name, w in parts_:
            out.append(Segment(name, group, pt(a)[0], pt(b)[0], w, layer))
    out.append(Segment("trunk", "body", hip_c, sh_c, width, 0, "curve", control))
    out.append(Segment("head", "body", head_c, head_c, 2 * HEAD_RADIUS, 0, "circle"))
    for rank, (_, _, group, parts_) in enumerate(front):
        for a, b, name, w in parts_:
            out.append(Segment(name, group, pt(a)[0], pt(b)[0], w, rank + 1))
    return out


def _trunk_control(p: Pose) -> Vec3:
    """Bezier control point for the trunk: where the pelvis and thorax tangents would meet."""
    chord = _chain(_rot("z", -p.trunk), _rot("x", p.lean), _rot("y", -p.roll))
    pelvis = _chain(chord, _rot("z", p.spine / 2), _rot("x", -p.side_bend / 2))
    thorax = _chain(chord, _rot("z", -p.spine / 2), _rot("x", p.side_bend / 2))
    half = TRUNK_LENGTH / 2
    a = _mv(pelvis, (0.0, half, 0.0))
    top = _mv(chord, (0.0, TRUNK_LENGTH, 0.0))
    b = _add(top, _mv(thorax, (0.0, -half, 0.0)))
    return ((a[0] + b[0]) / 2, (a[1] + b[1]) / 2, (a[2] + b[2]) / 2)


def _trunk_width(chord: Mat3, hip: Point, shoulder: Point, view: View) -> float:
    """Projected trunk thickness: chest depth seen from the side, breadth seen from the front."""
    dx, dy = shoulder.x - hip.x, shoulder.y - hip.y
    length = math.hypot(dx, dy)
    if length < 1e-6:
        return TRUNK_BREADTH
    px, py = -dy / length, dx / length
    fwd = _project(_mv(chord, (1.0, 0.0, 0.0)), view)
    lat = _project(_mv(chord, (0.0, 0.0, 1.0)), view)
    b = abs(fwd[0] * px + fwd[1] * py)
    a = abs(lat[0] * px + lat[1] * py)
    return max(TRUNK_DEPTH * 0.9, math.hypot(TRUNK_DEPTH * b, TRUNK_BREADTH * a))


def mirror(segs: Sequence[Segment], axis_x: float = 0.0) -> list[Segment]:
    """Reflect segments about the vertical line x = ``axis_x`` (the other side's exercise).

    Layers are kept: the mirror image of a drawing is what the viewer sees when the person does
    the same exercise on the other side while facing the other way.
    """

    def flip(pt: Point) -> Point:
        return Point(2 * axis_x - pt.x, pt.y)

    return [
        replace(
            s,
            start=flip(s.start),
            end=flip(s.end),
            control=None if s.control is None else flip(s.control),
        )
        for s in segs
    ]


def _quad_points(a: Point, c: Point, b: Point, steps: int = 16) -> list[Point]:
    out = []
    for i in range(steps + 1):
        t = i / steps
        u = 1 - t
        out.append(
            Point(
                u * u * a.x + 2 * u * t * c.x + t * t * b.x,
                u * u * a.y + 2 * u * t * c.y + t * t * b.y,
            )
        )
    return out


def _segment_points(s: Segment) -> list[Point]:
    if s.shape == "curve" and s.control is not None:
        return _quad_points(s.start, s.control, s.end)
    return [s.start, s.end]


def bounds(segs: Iterable[Segment]) -> tuple[float, float, float, float]:
    """Ink bounds (min_x, min_y, max_x, max_y) including stroke widths; world units."""
    xs: list[float] = []
    ys: list[float] = []
    for s in segs:
        r = s.width / 2
        for p in _segment_points(s):
            xs += [p.x - r, p.x + r]
            ys += [p.y - r, p.y + r]
    if not xs:
        raise ValueError("segments: nothing to measure")
    return (min(xs), min(ys), max(xs), max(ys))


def lowest_point(pose: Pose, *, view: View = "side") -> float:
    """World y of the lowest ink of the figure (what rests on the floor).

    Seen from above at an angle, drawn heights mix height with depth, so ``front_above`` is
    measured as the level front view: what rests on the floor is decided by true heights.
    """
    return bounds(segments(pose, view="front" if view == "front_above" else view))[1]


def grounded(pose: Pose, support: float = 0.0, *, view: View = "side") -> Pose:
    """Move the figure up or down so its lowest ink rests exactly on ``support``.

    Why: authors give joint angles, not heights; grounding puts a lying, kneeling or standing
    figure on the floor (or on the mat) without anyone computing trigonometry by hand.
    """
    return replace(pose, pelvis_y=pose.pelvis_y + support - lowest_point(pose, view=view))


# --------------------------------------------------------------------------------------------
# Props
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Floor:
    """The floor line; drawn at the same height in every drawing."""


@dataclass(frozen=True)
class Mat:
    """An exercise mat on the floor.  ``x0``/``x1`` default to just past the figure's ends."""

    x0: float | None = None
    x1: float | None = None


@dataclass(frozen=True)
class Chair:
    """A plain chair; ``x`` is the centre of the seat.  ``facing`` +1 puts the back on the left.

    ``height`` is the top of the seat: by default where a seated figure's trunk rests with its
    feet flat; a higher seat (an armchair or sofa) carries the calves in the 90/90 rest.
    """

    x: float = 0.0
    facing: int = 1
    height: float = CHAIR_SEAT_HEIGHT


@dataclass(frozen=True)
class Wall:
    """A wall whose surface is at ``x``; ``side`` is +1 if the wall extends to the right."""

    x: float = 0.0
    side: int = -1


@dataclass(frozen=True)
class Bed:
    """A bed from ``x0`` to ``x1`` with its mattress top at ``height``; headboard at ``x0``."""

    x0: float = -90.0
    x1: float = 60.0
    height: float = 48.0


@dataclass(frozen=True)
class Desk:
    """A desk from ``x0`` to ``x1`` (side view), top at DESK_HEIGHT."""

    x0: float = 30.0
    x1: float = 100.0


@dataclass(frozen=True)
class Arrow:
    """A motion arrow from (x1, y1) to (x2, y2), bowed sideways by ``bend`` x its length.

    Coordinates are relative to ``anchor`` (a joint of the drawn pose, see JOINT_NAMES) or to
    the world origin when ``anchor`` is empty, so an arrow stays attached to the head or knee
    when the pose is tweaked.  Positive ``bend`` bows to the left of the direction of travel.
    """

    x1: float
    y1: float
    x2: float
    y2: float
    bend: float = 0.0
    anchor: str = ""


Prop: TypeAlias = Floor | Mat | Chair | Wall | Bed | Desk | Arrow

_PROP_TYPES: Final[dict[str, type[Prop]]] = {
    "floor": Floor,
    "mat": Mat,
    "chair": Chair,
    "wall": Wall,
    "bed": Bed,
    "desk": Desk,
    "arrow": Arrow,
}


# --------------------------------------------------------------------------------------------
# Palettes
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Palette:
    """Colours of one theme.

    ``background`` is the colour the drawing will be shown on.  The SVG itself stays
    transparent, but limbs in front of the body get a thin outline in this colour so a hand on a
    knee or an arm across the chest stays readable.
    """

    name: str
    background: str
    body: str
    far: str
    prop: str
    prop_fill: str
    accent: str
    ghost_opacity: float


LIGHT: Final = Palette(
    name="light",
    background="#FFFFFF",
    body="#2F6F8F",
    far="#9DBFD0",
    prop="#C9D3DA",
    prop_fill="#EAEFF2",
    accent="#E0893E",
    ghost_opacity=0.22,
)
"""Default palette: the committed SVGs use it; shown on the light theme's white surfaces."""

DARK: Final = Palette(
    name="dark",
    background="#1C2429",
    body="#8CC7E0",
    far="#4A6E80",
    prop="#44535D",
    prop_fill="#26313A",
    accent="#F0A661",
    ghost_opacity=0.22,
)
"""Dark-theme palette: a light figure on the dark theme's surface colour.

Every colour differs from every LIGHT colour, so the UI can recolour a committed SVG by plain
string replacement (LIGHT.x -> DARK.x) without one replacement feeding the next.
"""


# --------------------------------------------------------------------------------------------
# SVG rendering
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Line:
    a: Point
    b: Point
    width: float
    colour: str


@dataclass(frozen=True)
class _Curve:
    a: Point
    c: Point
    b: Point
    width: float
    colour: str


@dataclass(frozen=True)
class _Circle:
    c: Point
    r: float
    colour: str


@dataclass(frozen=True)
class _Rect:
    x0: float
    y0: float
    x1: float
    y1: float
    radius: float
    colour: str


@dataclass(frozen=True)
class _Polygon:
    points: tuple[Point, ...]
    colour: str


_Shape: TypeAlias = _Line | _Curve | _Circle | _Rect | _Polygon


def _shape_points(s: _Shape) -> list[Point]:
    """Ink extent of a shape as sample points already widened by half the stroke width."""
    if isinstance(s, _Line | _Curve):
        base = [s.a, s.b] if isinstance(s, _Line) else _quad_points(s.a, s.c, s.b)
        r = s.width / 2
        return [Point(p.x + dx, p.y + dy) for p in base for dx in (-r, r) for dy in (-r, r)]
    if isinstance(s, _Circle):
        return [Point(s.c.x - s.r, s.c.y - s.r), Point(s.c.x + s.r, s.c.y + s.r)]
    if isinstance(s, _Rect):
        return [Point(s.x0, s.y0), Point(s.x1, s.y1)]
    return list(s.points)


def _point_along(a: Point, b: Point, distance: float) -> Point:
    """The point ``distance`` from ``a`` towards ``b``, stopping at 60 % of the way."""
    length = math.hypot(b.x - a.x, b.y - a.y)
    if length < 1e-9:
        return a
    f = min(distance / length, 0.6)
    return Point(a.x + (b.x - a.x) * f, a.y + (b.y - a.y) * f)


def _figure_shapes(
    segs: Sequence[Segment], palette: Palette, *, flat: bool = False
) -> list[_Shape]:
    """Shapes for one figure.  ``flat`` (the ghost) uses one colour and no halos."""
    out: list[_Shape] = []
    i = 0
    while i < len(segs):
        group = segs[i].group
        j = i
        while j < len(segs) and segs[j].group == group:
            j += 1
        run = segs[i:j]
        if not flat and run[0].layer > 0:
            for k, s in enumerate(run):
                start = s.start
                if k == 0:
                    # Let the limb grow out of the trunk: no gap right at the hip or shoulder.
                    start = _point_along(s.start, s.end, 2 * (s.width / 2 + HALO))
                out.append(_Line(start, s.end, s.width + 2 * HALO, palette.background))
        for s in run:
            colour = palette.body if flat or s.layer >= 0 else palette.far
            if s.shape == "circle":
                out.append(_Circle(s.start, s.width / 2, colour))
            elif s.shape == "curve" and s.control is not None:
                out.append(_Curve(s.start, s.control, s.end, s.width, colour))
            else:
                out.append(_Line(s.start, s.end, s.width, colour))
        i = j
    return out


def _chair_shapes(c: Chair, view: View, palette: Palette) -> list[_Shape]:
    seat = c.height - PROP_STROKE / 2
    top = c.height + 48.0  # top of the backrest
    w = PROP_STROKE
    if view == "front":
        # Seen from the front the legs hide the seat, so the back posts carry the "chair" cue:
        # they stand outside the arms, joined by a rail behind the shoulders.
        half = 25.0
        return [
            _Line(Point(c.x - half, w / 2), Point(c.x - half, top), w, palette.prop),
            _Line(Point(c.x + half, w / 2), Point(c.x + half, top), w, palette.prop),
            _Line(Point(c.x - half, top - 2), Point(c.x + half, top - 2), w, palette.prop),
            _Line(Point(c.x - half - 1, seat), Point(c.x + half + 1, seat), w * 1.3, palette.prop),
        ]
    back, front = c.x - 20.0 * c.facing, c.x + 20.0 * c.facing
    lean = 3.0 * c.facing
    return [
        _Line(Point(back, w / 2), Point(back - lean, top), w, palette.prop),
        _Line(Point(back, seat), Point(front, seat), w * 1.3, palette.prop),
        _Line(
            Point(front - 2 * c.facing, seat), Point(front - 2 * c.facing, w / 2), w, palette.prop
        ),
    ]


def _bed_shapes(b: Bed, palette: Palette, view: View, oy: float) -> list[_Shape]:
    top = b.height
    w = PROP_STROKE
    if view == "front_above":
        # Seen from a little above the mattress top is a band and its near edge a line; heights
        # are drawn like the figure's (relative to the pelvis height ``oy``, see _mat_from_above).
        c, s = math.cos(math.radians(ELEVATION)), math.sin(math.radians(ELEVATION))

        def at(height: float, depth: float) -> float:
            return oy + (height - oy) * c - depth * s

        near, far = BED_EDGE, BED_EDGE - BED_WIDTH
        edge, frame = at(top, near), at(top - 16.0, near)
        return [
            _Line(
                Point(b.x0, at(0.0, near) + w / 2),
                Point(b.x0, at(top + 28.0, far)),
                w,
                palette.prop,
            ),
            _Line(Point(b.x1 - 4, at(0.0, near) + w / 2), Point(b.x1 - 4, frame), w, palette.prop),
            _Rect(b.x0, frame, b.x1, at(top, far), 5.0, palette.prop_fill),
            _Line(Point(b.x0, edge), Point(b.x1 - 2, edge), w * 0.5, palette.prop),
            _Line(Point(b.x0, frame), Point(b.x1 - 2, frame), w, palette.prop),
        ]
    return [
        _Line(Point(b.x0, w / 2), Point(b.x0, top + 28.0), w, palette.prop),
        _Line(Point(b.x1 - 4, w / 2), Point(b.x1 - 4, top - 16.0), w, palette.prop),
        _Rect(b.x0, top - 16.0, b.x1, top, 5.0, palette.prop_fill),
        _Line(Point(b.x0, top - 16.0), Point(b.x1 - 2, top - 16.0), w, palette.prop),
    ]


def _desk_shapes(d: Desk, palette: Palette) -> list[_Shape]:
    w = PROP_STROKE
    top = DESK_HEIGHT - w * 0.65
    return [
        _Line(Point(d.x0, top), Point(d.x1, top), w * 1.3, palette.prop),
        _Line(Point(d.x0 + 4, top), Point(d.x0 + 4, w / 2), w, palette.prop),
        _Line(Point(d.x1 - 4, top), Point(d.x1 - 4, w / 2), w, palette.prop),
    ]


def _arrow_shapes(a: Arrow, anchors: Mapping[str, Point], palette: Palette) -> list[_Shape]:
    base = anchors[a.anchor] if a.anchor else Point(0.0, 0.0)
    p1 = Point(base.x + a.x1, base.y + a.y1)
    p2 = Point(base.x + a.x2, base.y + a.y2)
    dx, dy = p2.x - p1.x, p2.y - p1.y
    length = math.hypot(dx, dy)
    if length < 1e-6:
        raise ValueError("arrow: start and end coincide")
    mid = Point((p1.x + p2.x) / 2 - dy * a.bend, (p1.y + p2.y) / 2 + dx * a.bend)
    # Tangent at the end of the quadratic curve points from the control point to p2.
    tx, ty = p2.x - mid.x, p2.y - mid.y
    tl = math.hypot(tx, ty)
    tx, ty = tx / tl, ty / tl
    head = ARROW_HEAD / SCALE
    back = Point(p2.x - tx * head * 0.55, p2.y - ty * head * 0.55)
    tip = Point(p2.x + tx * head * 0.45, p2.y + ty * head * 0.45)
    nx, ny = -ty * head * 0.5, tx * head * 0.5
    return [
        _Curve(p1, mid, back, ARROW_STROKE / SCALE, palette.accent),
        _Polygon(
            (tip, Point(back.x + nx, back.y + ny), Point(back.x - nx, back.y - ny)),
            palette.accent,
        ),
    ]


def drawing_extent(
    pose: Pose,
    props: Sequence[Prop] = (),
    *,
    ghost: Pose | None = None,
    view: View = "side",
    fit: Sequence[Pose] = (),
) -> tuple[float, float, float, float]:
    """ViewBox-space ink bounds of a drawing (min_x, min_y, max_x, max_y), floor excluded.

    Used by the tests to prove that nothing is clipped and every drawing has the same scale.
    """
    layout = _layout(pose, props, LIGHT, ghost=ghost, view=view, fit=fit)
    pts = [layout.to_px(p) for sh in layout.measured for p in _shape_points(sh)]
    xs = [p.x for p in pts]
    ys = [p.y for p in pts]
    return (min(xs), min(ys), max(xs), max(ys))


@dataclass(frozen=True)
class _Layout:
    back: list[_Shape]
    ghost: list[_Shape]
    figure: list[_Shape]
    front: list[_Shape]
    measured: list[_Shape]
    offset_x: float
    floor: bool
    offset_y: float = 0.0
    """World units added to every height (``front_above``: puts the lowest ink on the floor)."""

    def to_px(self, p: Point) -> Point:
        return Point(self.offset_x + SCALE * p.x, FLOOR_Y - SCALE * (p.y + self.offset_y))


def _layout(
    pose: Pose,
    props: Sequence[Prop],
    palette: Palette,
    *,
    ghost: Pose | None,
    view: View,
    fit: Sequence[Pose],
) -> _Layout:
    segs = segments(pose, view=view)
    ghost_segs = segments(ghost, view=view) if ghost is not None else []
    fit_segs = [s for f in fit for s in segments(f, view=view)]
    figure_box = bounds([*segs, *ghost_segs])
    anchors = joints(pose, view=view)

    back: list[_Shape] = []
    front: list[_Shape] = []
    floor = False
    for prop in props:
        if isinstance(prop, Floor):
            # Seen from above there is no floor line: the mat (if any) is the ground.
            floor = view in ("side", "front")
        elif isinstance(prop, Mat):
            x0 = figure_box[0] - MAT_MARGIN if prop.x0 is None else prop.x0
            x1 = figure_box[2] + MAT_MARGIN if prop.x1 is None else prop.x1
            if view == "front_above":
                back += _mat_from_above(x0, x1, [pose, *([ghost] if ghost else []), *fit], palette)
            elif view == "top":
                y0, y1 = figure_box[1] - MAT_MARGIN, figure_box[3] + MAT_MARGIN
                back.append(_Rect(x0, y0, x1, y1, 5.0, palette.prop_fill))
            else:
                back.append(_Rect(x0, 0.0, x1, MAT_THICKNESS, MAT_THICKNESS / 2, palette.prop))
        elif isinstance(prop, Chair):
            back += _chair_shapes(prop, "front" if view == "front_above" else view, palette)
        elif isinstance(prop, Bed):
            back += _bed_shapes(prop, palette, view, pose.pelvis_y)
        elif isinstance(prop, Desk):
            back += _desk_shapes(prop, palette)
        elif isinstance(prop, Wall):
            top = (FLOOR_Y - MARGIN) / SCALE  # up to the top margin of every drawing
            x1 = prop.x + prop.side * 7.0
            back.append(_Rect(min(prop.x, x1), 0.0, max(prop.x, x1), top, 0.0, palette.prop_fill))
            back.append(_Line(Point(prop.x, 0.6), Point(prop.x, top - 0.6), 1.2, palette.prop))
        else:
            front += _arrow_shapes(prop, anchors, palette)

    figure = _figure_shapes(segs, palette)
    ghost_shapes = _figure_shapes(ghost_segs, palette, flat=True)
    fit_shapes = _figure_shapes(fit_segs, palette, flat=True)
    measured = [*back, *ghost_shapes, *figure, *front]
    xs = [p.x for sh in [*measured, *fit_shapes] for p in _shape_points(sh)]
    centre = (min(xs) + max(xs)) / 2
    offset_y = 0.0
    if view == "front_above":
        # The near edge of the mat (or the lowest ink) stands on the shared floor line.
        offset_y = -min(p.y for sh in [*measured, *fit_shapes] for p in _shape_points(sh))
    return _Layout(
        back=back,
        ghost=ghost_shapes,
        figure=figure,
        front=front,
        measured=measured,
        offset_x=VIEW_WIDTH / 2 - SCALE * centre,
        floor=floor,
        offset_y=offset_y,
    )


def _mat_from_above(x0: float, x1: float, poses: Sequence[Pose], palette: Palette) -> list[_Shape]:
    """The mat in the ``front_above`` view: its top as a band, its front edge as a thin strip.

    The band reaches from behind the figure to in front of it.  Heights are drawn the way
    :func:`segments` draws the figure (relative to the pelvis), so a body part resting on the
    mat at depth ``d`` is drawn exactly on the band's line for ``d``.
    """
    c, s = math.cos(math.radians(ELEVATION)), math.sin(math.radians(ELEVATION))
    depths = [v[0] for p in poses for v in _skeleton(p).points.values()]
    near, far = max(depths) + MAT_MARGIN + 2.0, min(depths) - MAT_MARGIN - 14.0
    oy = poses[0].pelvis_y

    def surface(depth: float) -> float:
        return oy + (MAT_THICKNESS - oy) * c - depth * s

    front_y = surface(near)
    return [
        _Rect(x0, front_y, x1, surface(far), 4.0, palette.prop_fill),
        _Rect(x0, front_y - MAT_THICKNESS * c, x1, front_y, 0.0, palette.prop),
    ]


def _num(v: float) -> str:
    """Compact, deterministic number formatting so committed SVGs diff cleanly."""
    text = f"{v:.2f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def _svg_shape(s: _Shape, to_px: Callable[[Point], Point]) -> str:
    if isinstance(s, _Line):
        a, b = to_px(s.a), to_px(s.b)
        return (
            f'<line x1="{_num(a.x)}" y1="{_num(a.y)}" x2="{_num(b.x)}" y2="{_num(b.y)}" '
            f'stroke="{s.colour}" stroke-width="{_num(s.width * SCALE)}"/>'
        )
    if isinstance(s, _Curve):
        a, c, b = to_px(s.a), to_px(s.c), to_px(s.b)
        return (
            f'<path d="M{_num(a.x)} {_num(a.y)}Q{_num(c.x)} {_num(c.y)} {_num(b.x)} {_num(b.y)}" '
            f'stroke="{s.colour}" stroke-width="{_num(s.width * SCALE)}"/>'
        )
    if isinstance(s, _Circle):
        c = to_px(s.c)
        return (
            f'<circle cx="{_num(c.x)}" cy="{_num(c.y)}" r="{_num(s.r * SCALE)}" '
            f'fill="{s.colour}" stroke="none"/>'
        )
    if isinstance(s, _Rect):
        a, b = to_px(Point(s.x0, s.y1)), to_px(Point(s.x1, s.y0))
        x, w = min(a.x, b.x), abs(b.x - a.x)
        return (
            f'<rect x="{_num(x)}" y="{_num(a.y)}" width="{_num(w)}" height="{_num(b.y - a.y)}" '
            f'rx="{_num(s.radius * SCALE)}" fill="{s.colour}" stroke="none"/>'
        )
    pts = " ".join(f"{_num(p.x)},{_num(p.y)}" for p in map(to_px, s.points))
    return f'<polygon points="{pts}" fill="{s.colour}" stroke="none"/>'


def to_svg(
    pose: Pose,
    props: Sequence[Prop],
    palette: Palette,
    *,
    ghost: Pose | None = None,
    mirrored: bool = False,
    view: View = "side",
    fit: Sequence[Pose] = (),
) -> str:
    """Render a complete SVG document (viewBox 0 0 240 180, transparent background).

    Every drawing uses the same scale and the same floor line; only the horizontal position is
    fitted, centring the figure, its ghost and its props.  ``ghost`` is drawn faintly behind to
    show where the movement starts.  ``fit`` lists extra poses to include when centring without
    drawing them, so an animation that passes (start, end) does not drift sideways.  ``mirrored``
    gives the other side's drawing: the exact horizontal mirror image.
    """
    layout = _layout(pose, props, palette, ghost=ghost, view=view, fit=fit)

    def to_px(p: Point) -> Point:
        q = layout.to_px(p)
        return Point(VIEW_WIDTH - q.x, q.y) if mirrored else q

    lines = [
        '<svg xmlns="http://www.w3.org/2000/svg" '
        f'viewBox="0 0 {_num(VIEW_WIDTH)} {_num(VIEW_HEIGHT)}" '
        f'width="{_num(VIEW_WIDTH)}" height="{_num(VIEW_HEIGHT)}">',
        '<g fill="none" stroke-linecap="round" stroke-linejoin="round">',
    ]
    if layout.floor:
        y = _num(FLOOR_Y + PROP_STROKE * SCALE / 2)
        lines.append(
            f'<line x1="12" y1="{y}" x2="{_num(VIEW_WIDTH - 12)}" y2="{y}" '
            f'stroke="{palette.prop}" stroke-width="{_num(PROP_STROKE * SCALE)}"/>'
        )
    lines += [_svg_shape(s, to_px) for s in layout.back]
    if layout.ghost:
        lines.append(f'<g opacity="{_num(palette.ghost_opacity)}">')
        lines += [_svg_shape(s, to_px) for s in layout.ghost]
        lines.append("</g>")
    lines += [_svg_shape(s, to_px) for s in layout.figure]
    lines += [_svg_shape(s, to_px) for s in layout.front]
    lines += ["</g>", "</svg>", ""]
    return "\n".join(lines)


# --------------------------------------------------------------------------------------------
# Pose files
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class ExercisePoses:
    """Everything one pose file says: the two poses, the props and how to draw them."""

    start: Pose
    end: Pose
    props: tuple[Prop, ...]
    ghost: bool = True
    view: View = "side"
    support: float | None = None
    """Height both poses were grounded on, or None if the file placed either one itself."""
    working: Working | None = None
    """Two-sided exercises: what in the drawing carries the side (see WORKING)."""
    shows_side: Literal["left", "right"] | None = None
    """Two-sided exercises: the side the unmirrored drawing shows (the player mirrors for the
    other one)."""

    def at(self, t: float) -> Pose:
        """The pose a fraction ``t`` of the way from start to end, as the session player shows it.

        Blending two grounded poses can leave the figure hovering or sunk mid-way (a knee swings
        down while the hips rise), so the blend is grounded again on the same support.
        """
        pose = interpolate(self.start, self.end, t)
        if self.support is None:
            return pose
        return grounded(pose, self.support, view=self.view)

    def extent(self) -> tuple[float, float, float, float]:
        """ViewBox-space ink bounds of the illustration (floor excluded).

        Thumbnails crop to this box: at list size a person lying down at the shared scale
        would otherwise be a thin line.
        """
        ghost = self.start if self.ghost else None
        return drawing_extent(self.end, self.props, ghost=ghost, view=self.view)


def render_exercise(poses: ExercisePoses, palette: Palette, *, mirrored: bool = False) -> str:
    """The exercise's illustration: the held (end) pose, with the start ghosted if asked.

    The root element carries the ink bounds (`data-ink="x0 y0 x1 y1"`, floor excluded), so
    the app can crop thumbnails without importing this module or posing the figure at start-up.
    """
    svg = to_svg(
        poses.end,
        poses.props,
        palette,
        ghost=poses.start if poses.ghost else None,
        mirrored=mirrored,
        view=poses.view,
    )
    ink = " ".join(_num(value) for value in poses.extent())
    return svg.replace("<svg ", f'<svg data-ink="{ink}" ', 1)


_TOP_KEYS: Final = frozenset(
    {"view", "ghost", "floor", "start", "end", "props", "working", "shows_side"}
)


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


def _number(value: object, where: str) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise ValueError(f"{where}: expected a number, got {value!r}")
    number = float(value)
    if not math.isfinite(number):
        raise ValueError(f"{where}: expected a finite number, got {value!r}")
    return number


def _pose_values(table: object, where: str) -> dict[str, float]:
    if not isinstance(table, dict):
        raise ValueError(f"{where}: expected a table of joint angles")
    values: dict[str, float] = {}
    for key, value in table.items():
        if key not in POSE_FIELDS:
            raise ValueError(f"{where}.{key}: unknown joint (see docs/FIGURE.md)")
        values[key] = _number(value, f"{where}.{key}")
    return values


def _prop(table: object, where: str) -> Prop:
    if not isinstance(table, dict):
        raise ValueError(f"{where}: expected a table")
    kind = table.get("kind")
    if kind not in _PROP_TYPES:
        known = ", ".join(sorted(_PROP_TYPES))
        raise ValueError(f"{where}.kind: unknown prop kind {kind!r} (known: {known})")
    cls = _PROP_TYPES[cast(str, kind)]
    allowed = {f.name: f for f in fields(cls)}
    kwargs: dict[str, object] = {}
    for key, value in table.items():
        if key == "kind":
            continue
        if key not in allowed:
            raise ValueError(f"{where}.{key}: unknown field for a {kind}")
        if key == "anchor":
            if value not in JOINT_NAMES:
                raise ValueError(f"{where}.anchor: unknown joint {value!r}")
            kwargs[key] = value
        elif key in ("side", "facing"):
            if value not in (-1, 1) or isinstance(value, bool):
                raise ValueError(f"{where}.{key}: must be -1 or 1")
            kwargs[key] = int(cast(int, value))
        else:
            kwargs[key] = _number(value, f"{where}.{key}")
    try:
        return cls(**kwargs)  # type: ignore[arg-type]
    except TypeError as exc:
        missing = [n for n, f in allowed.items() if n not in kwargs and f.default is MISSING]
        raise ValueError(f"{where}.{missing[0] if missing else 'kind'}: missing field") from exc


def load_exercise_poses(text: str) -> ExercisePoses:
    """Parse and validate a pose file (``resources/poses/<id>.toml``).

    Unspecified joints of ``start`` are those of the neutral standing pose; unspecified joints of
    ``end`` are those of ``start``, so a file only lists what the exercise changes.  A pose with
    no ``pelvis_y`` is grounded: lowered until it rests on the floor, or on the mat if there is
    one.  Every error is a ValueError naming the offending field.
    """
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ValueError(f"pose file: not valid TOML ({exc})") from exc
    for key in data:
        if key not in _TOP_KEYS:
            raise ValueError(f"{key}: unknown field")
    view = data.get("view", "side")
    if view not in ("side", "front", "front_above", "top"):
        raise ValueError(f"view: must be 'side', 'front', 'front_above' or 'top', got {view!r}")
    flags: dict[str, bool] = {}
    for key in ("ghost", "floor"):
        value = data.get(key, True)
        if not isinstance(value, bool):
            raise ValueError(f"{key}: expected true or false, got {value!r}")
        flags[key] = value
    for key in ("start", "end"):
        if key not in data:
            raise ValueError(f"{key}: missing table")
    start_values = _pose_values(data["start"], "start")
    end_values = {**start_values, **_pose_values(data["end"], "end")}

    raw_props = data.get("props", [])
    if not isinstance(raw_props, list):
        raise ValueError("props: expected an array of tables ([[props]])")
    props: list[Prop] = [Floor()] if flags["floor"] else []
    props += [_prop(t, f"props[{i}]") for i, t in enumerate(raw_props)]
    has_mat = any(isinstance(p, Mat) for p in props)
    support = MAT_THICKNESS if has_mat else 0.0
    if view == "top":
        # Seen from above, "grounding" aligns the mat's near edge with everyone else's floor.
        support = MAT_MARGIN + 1.0 if has_mat else 0.0

    typed_view = cast(View, view)

    def build(values: dict[str, float]) -> Pose:
        pose = replace(NEUTRAL, **values)
        if "pelvis_y" in values:
            return pose
        return grounded(pose, support, view=typed_view)

    working = data.get("working")
    shows_side = data.get("shows_side")
    if working is not None and working not in WORKING:
        raise ValueError(f"working: must be one of {', '.join(WORKING)}, got {working!r}")
    if shows_side is not None and shows_side not in ("left", "right"):
        raise ValueError(f"shows_side: must be 'left' or 'right', got {shows_side!r}")
    if (working is None) != (shows_side is None):
        missing = "shows_side" if shows_side is None else "working"
        raise ValueError(f"{missing}: missing (working and shows_side go together)")

    placed = "pelvis_y" in start_values or "pelvis_y" in end_values
    end = build(end_values)
    if working is not None:
        implied = implied_side(cast(Working, working), end)
        if implied != shows_side:
            raise ValueError(
                f"shows_side: the end pose shows the {implied or 'undecided'} side "
                f"for working = {working!r}, not {shows_side!r}"
            )
    return ExercisePoses(
        start=build(start_values),
        end=end,
        props=tuple(props),
        ghost=flags["ghost"],
        view=typed_view,
        support=None if placed else support,
        working=cast("Working | None", working),
        shows_side=cast('Literal["left", "right"] | None', shows_side),
    )
