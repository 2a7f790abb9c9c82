"""The posed figure as drawable segments: layering, mirroring, ink bounds and grounding."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from typing import Final, Literal

from spinecoach.core.figure.dimensions import (
    FOOT_WIDTH,
    FOREARM_WIDTH,
    HAND_WIDTH,
    HEAD_RADIUS,
    SHANK_WIDTH,
    THIGH_WIDTH,
    UPPER_ARM_WIDTH,
    Point,
    View,
)
from spinecoach.core.figure.pose import Pose
from spinecoach.core.figure.skeleton import (
    ARM_JOINTS,
    LEG_JOINTS,
    pose_skeleton,
    project,
    trunk_control,
    trunk_width,
)


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
    sk = pose_skeleton(pose)
    ox, oy = pose.pelvis_x, pose.pelvis_y

    def pt(name: str) -> tuple[Point, float]:
        x, y, d = project(sk.points[name], view)
        return Point(ox + x, oy + y), d

    hip_c, hip_d = pt("pelvis")
    sh_c, sh_d = pt("shoulders")
    head_c, _ = pt("head")
    trunk_depth = (hip_d + sh_d) / 2

    # Trunk: a quadratic curve whose end tangents follow the pelvis and thorax frames.
    ctrl_3d = trunk_control(pose)
    cx, cy, _ = project(ctrl_3d, view)
    control = Point(ox + cx, oy + cy)
    width = trunk_width(sk.chord_frame, hip_c, sh_c, view)

    groups: list[tuple[float, int, str, list[tuple[str, str, str, float]]]] = []
    for side in ("near", "far"):
        for order, limb in enumerate(("leg", "arm")):
            parts = _LIMB_PARTS[limb]
            names = [f"{side}_{j}" for j in (LEG_JOINTS if limb == "leg" else ARM_JOINTS)]
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


def quad_points(a: Point, c: Point, b: Point, steps: int = 16) -> list[Point]:
    """Points along the quadratic Bezier ``a``-``c``-``b``, for measuring its ink."""
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
        return quad_points(s.start, s.control, s.end)
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
