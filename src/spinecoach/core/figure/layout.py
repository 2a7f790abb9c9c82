"""One drawing laid out: figure, ghost and props as shapes, centred on the shared floor line."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from spinecoach.core.figure.dimensions import (
    FLOOR_Y,
    HALO,
    MARGIN,
    MAT_MARGIN,
    MAT_THICKNESS,
    SCALE,
    VIEW_WIDTH,
    Point,
    View,
)
from spinecoach.core.figure.palette import LIGHT, Palette
from spinecoach.core.figure.pose import Pose
from spinecoach.core.figure.prop_drawing import (
    arrow_shapes,
    bed_shapes,
    chair_shapes,
    desk_shapes,
    mat_from_above,
)
from spinecoach.core.figure.props import Bed, Chair, Desk, Floor, Mat, Prop, Wall
from spinecoach.core.figure.segments import Segment, bounds, segments
from spinecoach.core.figure.shapes import Circle, Curve, Line, Rect, Shape, shape_points
from spinecoach.core.figure.skeleton import joints


def _point_along(a: Point, b: Point, distance: float) -> Point:
    """The point ``distance`` from ``a`` towards ``b``, stopping at 60 % of the way."""
    length = math.hypot(b.x - a.x, b.y - a.y)
    if length < 1e-9:
        return a
    f = min(distance / length, 0.6)
    return Point(a.x + (b.x - a.x) * f, a.y + (b.y - a.y) * f)


def _figure_shapes(segs: Sequence[Segment], palette: Palette, *, flat: bool = False) -> list[Shape]:
    """Shapes for one figure.  ``flat`` (the ghost) uses one colour and no halos."""
    out: list[Shape] = []
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
                out.append(Line(start, s.end, s.width + 2 * HALO, palette.background))
        for s in run:
            colour = palette.body if flat or s.layer >= 0 else palette.far
            if s.shape == "circle":
                out.append(Circle(s.start, s.width / 2, colour))
            elif s.shape == "curve" and s.control is not None:
                out.append(Curve(s.start, s.control, s.end, s.width, colour))
            else:
                out.append(Line(s.start, s.end, s.width, colour))
        i = j
    return out


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
    layout = lay_out(pose, props, LIGHT, ghost=ghost, view=view, fit=fit)
    pts = [layout.to_px(p) for sh in layout.measured for p in shape_points(sh)]
    xs = [p.x for p in pts]
    ys = [p.y for p in pts]
    return (min(xs), min(ys), max(xs), max(ys))


@dataclass(frozen=True)
class Layout:
    """A drawing as shapes in drawing order, and where world units land in the viewBox.

    ``measured`` is everything whose ink must fit the viewBox (all but the floor line).
    """

    back: list[Shape]
    ghost: list[Shape]
    figure: list[Shape]
    front: list[Shape]
    measured: list[Shape]
    offset_x: float
    floor: bool
    offset_y: float = 0.0
    """World units added to every height (``front_above``: puts the lowest ink on the floor)."""

    def to_px(self, p: Point) -> Point:
        """The viewBox position of world point ``p``."""
        return Point(self.offset_x + SCALE * p.x, FLOOR_Y - SCALE * (p.y + self.offset_y))


def lay_out(
    pose: Pose,
    props: Sequence[Prop],
    palette: Palette,
    *,
    ghost: Pose | None,
    view: View,
    fit: Sequence[Pose],
) -> Layout:
    """Lay out one drawing: only the horizontal position is fitted (see ``to_svg``)."""
    segs = segments(pose, view=view)
    ghost_segs = segments(ghost, view=view) if ghost is not None else []
    fit_segs = [s for f in fit for s in segments(f, view=view)]
    figure_box = bounds([*segs, *ghost_segs])
    anchors = joints(pose, view=view)

    back: list[Shape] = []
    front: list[Shape] = []
    floor = False
    for prop in props:
        if isinstance(prop, Floor):
            # Seen from above there is no floor line: the mat (if any) is the ground.
            floor = view in ("side", "front")
        elif isinstance(prop, Mat):
            x0 = figure_box[0] - MAT_MARGIN if prop.x0 is None else prop.x0
            x1 = figure_box[2] + MAT_MARGIN if prop.x1 is None else prop.x1
            if view == "front_above":
                back += mat_from_above(x0, x1, [pose, *([ghost] if ghost else []), *fit], palette)
            elif view == "top":
                y0, y1 = figure_box[1] - MAT_MARGIN, figure_box[3] + MAT_MARGIN
                back.append(Rect(x0, y0, x1, y1, 5.0, palette.prop_fill))
            else:
                back.append(Rect(x0, 0.0, x1, MAT_THICKNESS, MAT_THICKNESS / 2, palette.prop))
        elif isinstance(prop, Chair):
            back += chair_shapes(prop, "front" if view == "front_above" else view, palette)
        elif isinstance(prop, Bed):
            back += bed_shapes(prop, palette, view, pose.pelvis_y)
        elif isinstance(prop, Desk):
            back += desk_shapes(prop, palette)
        elif isinstance(prop, Wall):
            top = (FLOOR_Y - MARGIN) / SCALE  # up to the top margin of every drawing
            x1 = prop.x + prop.side * 7.0
            back.append(Rect(min(prop.x, x1), 0.0, max(prop.x, x1), top, 0.0, palette.prop_fill))
            back.append(Line(Point(prop.x, 0.6), Point(prop.x, top - 0.6), 1.2, palette.prop))
        else:
            front += arrow_shapes(prop, anchors, palette)

    figure = _figure_shapes(segs, palette)
    ghost_shapes = _figure_shapes(ghost_segs, palette, flat=True)
    fit_shapes = _figure_shapes(fit_segs, palette, flat=True)
    measured = [*back, *ghost_shapes, *figure, *front]
    xs = [p.x for sh in [*measured, *fit_shapes] for p in shape_points(sh)]
    centre = (min(xs) + max(xs)) / 2
    offset_y = 0.0
    if view == "front_above":
        # The near edge of the mat (or the lowest ink) stands on the shared floor line.
        offset_y = -min(p.y for sh in [*measured, *fit_shapes] for p in shape_points(sh))
    return Layout(
        back=back,
        ghost=ghost_shapes,
        figure=figure,
        front=front,
        measured=measured,
        offset_x=VIEW_WIDTH / 2 - SCALE * centre,
        floor=floor,
        offset_y=offset_y,
    )
