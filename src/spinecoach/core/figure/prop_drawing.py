"""How each prop is drawn, as shapes (the floor and the wall are simple enough for the layout)."""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence

from spinecoach.core.figure.dimensions import (
    ARROW_HEAD,
    ARROW_STROKE,
    BED_EDGE,
    BED_WIDTH,
    DESK_HEIGHT,
    ELEVATION,
    MAT_MARGIN,
    MAT_THICKNESS,
    PROP_STROKE,
    SCALE,
    Point,
    View,
)
from spinecoach.core.figure.palette import Palette
from spinecoach.core.figure.pose import Pose
from spinecoach.core.figure.props import Arrow, Bed, Chair, Desk
from spinecoach.core.figure.shapes import Curve, Line, Polygon, Rect, Shape
from spinecoach.core.figure.skeleton import pose_skeleton


def chair_shapes(c: Chair, view: View, palette: Palette) -> list[Shape]:
    """A chair seen from the side, or from the front (``view`` = ``front``)."""
    seat = c.height - PROP_STROKE / 2
    top = c.height + 48.0  # top of the backrest
    w = PROP_STROKE
    if view == "front":
        # Seen from the front the legs hide the seat, so the back posts carry the "chair" cue:
        # they stand outside the arms, joined by a rail behind the shoulders.
        half = 25.0
        return [
            Line(Point(c.x - half, w / 2), Point(c.x - half, top), w, palette.prop),
            Line(Point(c.x + half, w / 2), Point(c.x + half, top), w, palette.prop),
            Line(Point(c.x - half, top - 2), Point(c.x + half, top - 2), w, palette.prop),
            Line(Point(c.x - half - 1, seat), Point(c.x + half + 1, seat), w * 1.3, palette.prop),
        ]
    back, front = c.x - 20.0 * c.facing, c.x + 20.0 * c.facing
    lean = 3.0 * c.facing
    return [
        Line(Point(back, w / 2), Point(back - lean, top), w, palette.prop),
        Line(Point(back, seat), Point(front, seat), w * 1.3, palette.prop),
        Line(
            Point(front - 2 * c.facing, seat), Point(front - 2 * c.facing, w / 2), w, palette.prop
        ),
    ]


def bed_shapes(b: Bed, palette: Palette, view: View, oy: float) -> list[Shape]:
    """A bed: frame, headboard and mattress; ``oy`` is the pelvis height (``front_above``)."""
    top = b.height
    w = PROP_STROKE
    if view == "front_above":
        # Seen from a little above the mattress top is a band and its near edge a line; heights
        # are drawn like the figure's (relative to the pelvis height ``oy``, see mat_from_above).
        c, s = math.cos(math.radians(ELEVATION)), math.sin(math.radians(ELEVATION))

        def at(height: float, depth: float) -> float:
            return oy + (height - oy) * c - depth * s

        near, far = BED_EDGE, BED_EDGE - BED_WIDTH
        edge, frame = at(top, near), at(top - 16.0, near)
        return [
            Line(
                Point(b.x0, at(0.0, near) + w / 2),
                Point(b.x0, at(top + 28.0, far)),
                w,
                palette.prop,
            ),
            Line(Point(b.x1 - 4, at(0.0, near) + w / 2), Point(b.x1 - 4, frame), w, palette.prop),
            Rect(b.x0, frame, b.x1, at(top, far), 5.0, palette.prop_fill),
            Line(Point(b.x0, edge), Point(b.x1 - 2, edge), w * 0.5, palette.prop),
            Line(Point(b.x0, frame), Point(b.x1 - 2, frame), w, palette.prop),
        ]
    return [
        Line(Point(b.x0, w / 2), Point(b.x0, top + 28.0), w, palette.prop),
        Line(Point(b.x1 - 4, w / 2), Point(b.x1 - 4, top - 16.0), w, palette.prop),
        Rect(b.x0, top - 16.0, b.x1, top, 5.0, palette.prop_fill),
        Line(Point(b.x0, top - 16.0), Point(b.x1 - 2, top - 16.0), w, palette.prop),
    ]


def desk_shapes(d: Desk, palette: Palette) -> list[Shape]:
    """A desk seen from the side: its top and two legs."""
    w = PROP_STROKE
    top = DESK_HEIGHT - w * 0.65
    return [
        Line(Point(d.x0, top), Point(d.x1, top), w * 1.3, palette.prop),
        Line(Point(d.x0 + 4, top), Point(d.x0 + 4, w / 2), w, palette.prop),
        Line(Point(d.x1 - 4, top), Point(d.x1 - 4, w / 2), w, palette.prop),
    ]


def arrow_shapes(a: Arrow, anchors: Mapping[str, Point], palette: Palette) -> list[Shape]:
    """A motion arrow placed on its anchor joint (``anchors``: the drawn pose's joints)."""
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
        Curve(p1, mid, back, ARROW_STROKE / SCALE, palette.accent),
        Polygon(
            (tip, Point(back.x + nx, back.y + ny), Point(back.x - nx, back.y - ny)),
            palette.accent,
        ),
    ]


def mat_from_above(x0: float, x1: float, poses: Sequence[Pose], palette: Palette) -> list[Shape]:
    """The mat in the ``front_above`` view: its top as a band, its front edge as a thin strip.

    The band reaches from behind the figure to in front of it.  Heights are drawn the way
    :func:`segments` draws the figure (relative to the pelvis), so a body part resting on the
    mat at depth ``d`` is drawn exactly on the band's line for ``d``.
    """
    c, s = math.cos(math.radians(ELEVATION)), math.sin(math.radians(ELEVATION))
    depths = [v[0] for p in poses for v in pose_skeleton(p).points.values()]
    near, far = max(depths) + MAT_MARGIN + 2.0, min(depths) - MAT_MARGIN - 14.0
    oy = poses[0].pelvis_y

    def surface(depth: float) -> float:
        return oy + (MAT_THICKNESS - oy) * c - depth * s

    front_y = surface(near)
    return [
        Rect(x0, front_y, x1, surface(far), 4.0, palette.prop_fill),
        Rect(x0, front_y - MAT_THICKNESS * c, x1, front_y, 0.0, palette.prop),
    ]
