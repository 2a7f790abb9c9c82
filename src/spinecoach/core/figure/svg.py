"""Writing a laid-out drawing as an SVG document, and an exercise's illustration."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from spinecoach.core.figure.dimensions import (
    FLOOR_Y,
    PROP_STROKE,
    SCALE,
    VIEW_HEIGHT,
    VIEW_WIDTH,
    Point,
    View,
)
from spinecoach.core.figure.layout import lay_out
from spinecoach.core.figure.palette import Palette
from spinecoach.core.figure.pose import Pose
from spinecoach.core.figure.pose_file import ExercisePoses
from spinecoach.core.figure.props import Prop
from spinecoach.core.figure.shapes import Circle, Curve, Line, Rect, Shape


def _num(v: float) -> str:
    """Compact, deterministic number formatting so committed SVGs diff cleanly."""
    text = f"{v:.2f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def _svg_shape(s: Shape, to_px: Callable[[Point], Point]) -> str:
    if isinstance(s, Line):
        a, b = to_px(s.a), to_px(s.b)
        return (
            f'<line x1="{_num(a.x)}" y1="{_num(a.y)}" x2="{_num(b.x)}" y2="{_num(b.y)}" '
            f'stroke="{s.colour}" stroke-width="{_num(s.width * SCALE)}"/>'
        )
    if isinstance(s, Curve):
        a, c, b = to_px(s.a), to_px(s.c), to_px(s.b)
        return (
            f'<path d="M{_num(a.x)} {_num(a.y)}Q{_num(c.x)} {_num(c.y)} {_num(b.x)} {_num(b.y)}" '
            f'stroke="{s.colour}" stroke-width="{_num(s.width * SCALE)}"/>'
        )
    if isinstance(s, Circle):
        c = to_px(s.c)
        return (
            f'<circle cx="{_num(c.x)}" cy="{_num(c.y)}" r="{_num(s.r * SCALE)}" '
            f'fill="{s.colour}" stroke="none"/>'
        )
    if isinstance(s, Rect):
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
    layout = lay_out(pose, props, palette, ghost=ghost, view=view, fit=fit)

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


def render_exercise(poses: ExercisePoses, palette: Palette, *, mirrored: bool = False) -> str:
    """The exercise's illustration: the held (end) pose, with the start ghosted if asked.

    The root element carries the ink bounds (`data-ink="x0 y0 x1 y1"`, floor excluded), so
    the app can crop thumbnails without importing this package or posing the figure at start-up.
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
