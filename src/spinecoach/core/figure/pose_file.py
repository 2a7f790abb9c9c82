"""Pose files (``resources/poses/<id>.toml``): parsed, validated and grounded."""

from __future__ import annotations

import math
import tomllib
from dataclasses import MISSING, dataclass, fields, replace
from typing import Final, Literal, cast

from spinecoach.core.figure.dimensions import MAT_MARGIN, MAT_THICKNESS, View
from spinecoach.core.figure.layout import drawing_extent
from spinecoach.core.figure.pose import (
    NEUTRAL,
    POSE_FIELDS,
    WORKING,
    Pose,
    Working,
    implied_side,
    interpolate,
)
from spinecoach.core.figure.props import PROP_TYPES, Floor, Mat, Prop
from spinecoach.core.figure.segments import grounded
from spinecoach.core.figure.skeleton import JOINT_NAMES


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


_TOP_KEYS: Final = frozenset(
    {"view", "ghost", "floor", "start", "end", "props", "working", "shows_side"}
)


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
    if kind not in PROP_TYPES:
        known = ", ".join(sorted(PROP_TYPES))
        raise ValueError(f"{where}.kind: unknown prop kind {kind!r} (known: {known})")
    cls = PROP_TYPES[cast(str, kind)]
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
