"""The figure's coordinate system and sizes, shared by every drawing.

``Point`` and ``View`` say where things are and from where they are seen; the constants are the
body's measurements in world units and the one viewBox and scale every drawing uses.
"""

from __future__ import annotations

from typing import Final, Literal, NamedTuple, TypeAlias

View: TypeAlias = Literal["side", "front", "front_above", "top"]
"""Projection: ``side`` looks at the near side, ``front`` at the face, ``top`` down from above.

``front_above`` is the front view from a little above (ELEVATION): a side-lying figure then shows
a bent bottom knee, which the level front view hides because the leg lies in the floor plane.
"""

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
