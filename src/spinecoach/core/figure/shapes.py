"""The drawing primitives every figure and prop is made of, in world units.

Figure and props become these first, so the layout can measure the ink of a whole drawing
before anything is written, and the SVG writer has only five kinds of thing to write.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TypeAlias

from spinecoach.core.figure.dimensions import Point
from spinecoach.core.figure.segments import quad_points


@dataclass(frozen=True)
class Line:
    """A straight stroke from ``a`` to ``b`` with round caps."""

    a: Point
    b: Point
    width: float
    colour: str


@dataclass(frozen=True)
class Curve:
    """A quadratic Bezier stroke from ``a`` through control point ``c`` to ``b``."""

    a: Point
    c: Point
    b: Point
    width: float
    colour: str


@dataclass(frozen=True)
class Circle:
    """A filled disc (the head) of radius ``r`` around ``c``."""

    c: Point
    r: float
    colour: str


@dataclass(frozen=True)
class Rect:
    """A filled rectangle between two corners, its corners rounded by ``radius``."""

    x0: float
    y0: float
    x1: float
    y1: float
    radius: float
    colour: str


@dataclass(frozen=True)
class Polygon:
    """A filled polygon (an arrow head)."""

    points: tuple[Point, ...]
    colour: str


Shape: TypeAlias = Line | Curve | Circle | Rect | Polygon


def shape_points(s: Shape) -> list[Point]:
    """Ink extent of a shape as sample points already widened by half the stroke width."""
    if isinstance(s, Line | Curve):
        base = [s.a, s.b] if isinstance(s, Line) else quad_points(s.a, s.c, s.b)
        r = s.width / 2
        return [Point(p.x + dx, p.y + dy) for p in base for dx in (-r, r) for dy in (-r, r)]
    if isinstance(s, Circle):
        return [Point(s.c.x - s.r, s.c.y - s.r), Point(s.c.x + s.r, s.c.y + s.r)]
    if isinstance(s, Rect):
        return [Point(s.x0, s.y0), Point(s.x1, s.y1)]
    return list(s.points)
