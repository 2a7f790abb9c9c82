"""What the figure uses or lies on: floor, mat, chair, wall, bed, desk, and motion arrows."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final, TypeAlias

from spinecoach.core.figure.dimensions import CHAIR_SEAT_HEIGHT


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

PROP_TYPES: Final[dict[str, type[Prop]]] = {
    "floor": Floor,
    "mat": Mat,
    "chair": Chair,
    "wall": Wall,
    "bed": Bed,
    "desk": Desk,
    "arrow": Arrow,
}
