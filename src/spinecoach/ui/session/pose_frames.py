"""Frames of the moving figure for the player, drawn by the same renderer as the illustrations.

A frame is the SVG of the figure part-way between its start and held pose. Progress is rounded
to one of FRAME_STEPS positions and each frame is kept, so a ten-rep exercise draws its
movement once and then only reuses it: the player's 10-per-second repaint stays cheap.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from spinecoach.core.figure import LIGHT, PALETTES, ExercisePoses, load_exercise_poses, to_svg
from spinecoach.core.movement import drawing_mirrored
from spinecoach.core.timeline import Side

if TYPE_CHECKING:
    from importlib.resources.abc import Traversable

FRAME_STEPS = 24


class PoseFrames:
    """Renders and caches animation frames per exercise, side and palette."""

    def __init__(self, poses_dir: Traversable) -> None:
        self._poses_dir = poses_dir
        self._poses: dict[str, ExercisePoses | None] = {}
        self._frames: dict[tuple[str, int, bool, str], bytes] = {}

    def poses(self, exercise_id: str) -> ExercisePoses | None:
        """The start and held pose of an exercise, or None if it has no pose file."""
        if exercise_id not in self._poses:
            entry = self._poses_dir / f"{exercise_id}.toml"
            self._poses[exercise_id] = (
                load_exercise_poses(entry.read_text(encoding="utf-8")) if entry.is_file() else None
            )
        return self._poses[exercise_id]

    def frame(
        self, exercise_id: str, progress: float, *, side: Side | None, palette: str = "light"
    ) -> bytes:
        """The SVG (UTF-8) of the figure `progress` of the way from start (0) to held (1).

        `side` is the phase's side; the drawing is mirrored when its file shows the other one.
        `palette` is the theme's name ("light", "dark", "contrast": core.figure.PALETTES).
        """
        poses = self.poses(exercise_id)
        if poses is None:
            return b""
        mirrored = drawing_mirrored(side, poses.shows_side)
        step = round(min(1.0, max(0.0, progress)) * FRAME_STEPS)
        key = (exercise_id, step, mirrored, palette)
        if key not in self._frames:
            svg = to_svg(
                poses.at(step / FRAME_STEPS),
                poses.props,
                PALETTES.get(palette, LIGHT),
                mirrored=mirrored,
                view=poses.view,
                fit=(poses.start, poses.end),
            )
            self._frames[key] = svg.encode("utf-8")
        return self._frames[key]
