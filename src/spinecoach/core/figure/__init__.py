"""Parametric figure used for every exercise illustration.

Why a parametric figure instead of hand-drawn pictures: all 37 drawings must share one scale, one
line weight and one colour scheme, and the session player must be able to ease the figure from the
start pose to the held pose during each rep.  Both fall out for free when a drawing is nothing more
than a set of joint angles fed through one forward-kinematics function and one SVG writer.

The skeleton is posed in 3-D (sagittal angles plus the few out-of-plane angles that twists, rolls,
side bends and the figure-four need) and then projected orthographically, usually from the side.
``docs/FIGURE.md`` documents every angle convention.

The package is part of the core layer: pure Python, no Qt.  Rasterising the SVG is the UI's job.
It reads from the pose to the picture:

- ``dimensions``: the coordinate system, body measurements and the one scale of every drawing;
- ``pose``: joint angles, blending two poses, the side a pose shows;
- ``skeleton``: forward kinematics in 3-D and the projection into a view;
- ``segments``: the figure as drawable segments, mirrored, measured and grounded;
- ``props`` and ``palette``: what the figure uses, and the colours of each theme;
- ``shapes``, ``prop_drawing`` and ``layout``: everything as shapes, centred on the floor line;
- ``svg``: the SVG document; ``pose_file``: reading and validating a pose file.

The names below are the figure's API; import them from here.
"""

from spinecoach.core.figure.dimensions import VIEWBOX, Point, View
from spinecoach.core.figure.layout import drawing_extent
from spinecoach.core.figure.palette import DARK, HIGH_CONTRAST, LIGHT, PALETTES, Palette
from spinecoach.core.figure.pose import (
    NEUTRAL,
    POSE_FIELDS,
    WORKING,
    Pose,
    Working,
    implied_side,
    interpolate,
)
from spinecoach.core.figure.pose_file import ExercisePoses, load_exercise_poses
from spinecoach.core.figure.props import Arrow, Bed, Chair, Desk, Floor, Mat, Prop, Wall
from spinecoach.core.figure.segments import (
    Segment,
    bounds,
    grounded,
    lowest_point,
    mirror,
    segments,
)
from spinecoach.core.figure.skeleton import JOINT_NAMES, joints
from spinecoach.core.figure.svg import render_exercise, to_svg

__all__ = [
    "DARK",
    "HIGH_CONTRAST",
    "JOINT_NAMES",
    "LIGHT",
    "NEUTRAL",
    "PALETTES",
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
