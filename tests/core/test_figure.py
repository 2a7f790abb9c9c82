"""The parametric figure: kinematics, blending, mirroring, pose files and the committed SVGs."""

from __future__ import annotations

import ast
import math
import re
import sys
import xml.etree.ElementTree as ET
from dataclasses import fields, replace
from pathlib import Path

import pytest

from spinecoach.core import figure
from spinecoach.core.figure import (
    DARK,
    LIGHT,
    NEUTRAL,
    POSE_FIELDS,
    Arrow,
    Bed,
    Chair,
    Desk,
    ExercisePoses,
    Floor,
    Mat,
    Palette,
    Pose,
    Wall,
    bounds,
    drawing_extent,
    grounded,
    implied_side,
    interpolate,
    joints,
    load_exercise_poses,
    lowest_point,
    mirror,
    render_exercise,
    segments,
    to_svg,
)
from spinecoach.core.figure.dimensions import (
    ANKLE_HEIGHT,
    FOOT_LENGTH,
    FOREARM_LENGTH,
    HAND_LENGTH,
    HEAD_RADIUS,
    HIP_HALF_WIDTH,
    MARGIN,
    MAT_THICKNESS,
    NECK_LENGTH,
    SCALE,
    SHANK_LENGTH,
    SHOULDER_HALF_WIDTH,
    STANDING_PELVIS_Y,
    THIGH_LENGTH,
    TRUNK_BREADTH,
    TRUNK_DEPTH,
    TRUNK_LENGTH,
    UPPER_ARM_LENGTH,
    VIEW_WIDTH,
)

REPO = Path(__file__).resolve().parents[2]
POSES = REPO / "resources" / "poses"
IMAGES = REPO / "icons" / "exercises"
EXERCISES = REPO / "resources" / "exercises"
POSE_IDS = sorted(p.stem for p in POSES.glob("*.toml"))
SVG_NS = "{http://www.w3.org/2000/svg}"


def close(a: tuple[float, float], b: tuple[float, float], tol: float = 1e-6) -> bool:
    return math.isclose(a[0], b[0], abs_tol=tol) and math.isclose(a[1], b[1], abs_tol=tol)


def load(name: str) -> ExercisePoses:
    return load_exercise_poses((POSES / f"{name}.toml").read_text(encoding="utf-8"))


# ---------------------------------------------------------------------------- kinematics


def test_neutral_pose_stands_on_the_floor_with_known_joint_positions() -> None:
    j = joints(NEUTRAL)
    y = STANDING_PELVIS_Y
    assert close(j["pelvis"], (0, y))
    assert close(j["shoulders"], (0, y + TRUNK_LENGTH))
    assert close(j["head"], (0, y + TRUNK_LENGTH + NECK_LENGTH))
    assert close(j["near_knee"], (0, y - THIGH_LENGTH))
    assert close(j["near_ankle"], (0, ANKLE_HEIGHT))
    assert close(j["near_toe"], (FOOT_LENGTH, ANKLE_HEIGHT))
    arm = UPPER_ARM_LENGTH + FOREARM_LENGTH + HAND_LENGTH
    assert close(j["near_hand"], (0, y + TRUNK_LENGTH - arm))
    assert lowest_point(NEUTRAL) == pytest.approx(0.0)


def test_hip_and_knee_flexion_move_the_leg_forward_then_down() -> None:
    y = STANDING_PELVIS_Y
    j = joints(Pose(near_hip=90))
    assert close(j["near_knee"], (THIGH_LENGTH, y))
    assert close(j["near_ankle"], (THIGH_LENGTH + SHANK_LENGTH, y))
    j = joints(Pose(near_hip=90, near_knee=90))
    assert close(j["near_ankle"], (THIGH_LENGTH, y - SHANK_LENGTH))
    # the far leg did not move
    assert close(j["far_knee"], (0, y - THIGH_LENGTH))


def test_ankle_plantarflexion_points_the_toes_down() -> None:
    j = joints(Pose(near_ankle=90))
    assert close(j["near_toe"], (0, ANKLE_HEIGHT - FOOT_LENGTH))


def test_shoulder_and_elbow_flexion_raise_the_arm_forward_then_up() -> None:
    top = STANDING_PELVIS_Y + TRUNK_LENGTH
    j = joints(Pose(near_shoulder=90, near_elbow=90))
    assert close(j["near_elbow"], (UPPER_ARM_LENGTH, top))
    assert close(j["near_wrist"], (UPPER_ARM_LENGTH, top + FOREARM_LENGTH))
    j = joints(Pose(far_shoulder=180))
    assert close(j["far_hand"], (0, top + UPPER_ARM_LENGTH + FOREARM_LENGTH + HAND_LENGTH))


def test_trunk_angle_leans_forward_and_back() -> None:
    y = STANDING_PELVIS_Y
    assert close(joints(Pose(trunk=90))["shoulders"], (TRUNK_LENGTH, y))
    lying = Pose(trunk=-90, near_hip=90)
    j = joints(lying)
    assert close(j["shoulders"], (-TRUNK_LENGTH, y))  # on the back, head to the left
    assert close(j["near_knee"], (0, y + THIGH_LENGTH))  # hip flexion lifts the knee


def test_spine_curve_keeps_the_chord_and_bows_the_back() -> None:
    straight = {s.name: s for s in segments(Pose())}["trunk"]
    rounded = {s.name: s for s in segments(Pose(spine=40))}["trunk"]
    arched = {s.name: s for s in segments(Pose(spine=-40))}["trunk"]
    assert close(rounded.end, straight.end)
    assert straight.control is not None and rounded.control is not None
    assert arched.control is not None
    assert straight.control.x == pytest.approx(0.0)
    assert rounded.control.x < -1  # flexion rounds the back (behind the figure)
    assert arched.control.x > 1  # extension arches it


def test_twist_turns_the_chest_towards_the_near_side() -> None:
    j = joints(Pose(twist=90))
    assert close(j["near_shoulder"], (-SHOULDER_HALF_WIDTH, j["shoulders"].y))
    assert close(j["far_shoulder"], (SHOULDER_HALF_WIDTH, j["shoulders"].y))


def test_front_view_shows_near_limbs_on_the_left() -> None:
    j = joints(NEUTRAL, view="front")
    assert j["near_hip"].x == pytest.approx(-HIP_HALF_WIDTH)
    assert j["far_hip"].x == pytest.approx(HIP_HALF_WIDTH)
    # external hip rotation of a bent hip swings the near foot across towards the far side
    crossed = joints(Pose(near_hip=90, near_knee=90, near_hip_rotation=90), view="front")
    assert crossed["near_ankle"].x == pytest.approx(-HIP_HALF_WIDTH + SHANK_LENGTH)


def test_shoulder_rotation_swings_a_bent_forearm_out_or_across_the_body() -> None:
    # Elbow at 90 degrees, forearm pointing forward: external rotation swings the hand out to its
    # own side, internal (negative) rotation swings it across the chest towards the other side.
    reach = FOREARM_LENGTH + HAND_LENGTH
    out = joints(Pose(near_elbow=90, near_shoulder_rotation=90), view="front")
    across = joints(Pose(near_elbow=90, near_shoulder_rotation=-90), view="front")
    assert out["near_hand"].x == pytest.approx(-SHOULDER_HALF_WIDTH - reach)
    assert across["near_hand"].x == pytest.approx(-SHOULDER_HALF_WIDTH + reach)
    far = joints(Pose(far_elbow=90, far_shoulder_rotation=-90), view="front")
    assert far["far_hand"].x == pytest.approx(SHOULDER_HALF_WIDTH - reach)


def test_front_above_view_draws_nearer_parts_lower_but_grounds_on_true_heights() -> None:
    # Side-lying with the bottom knee bent forward: the level front view sees the leg edge-on,
    # the view from above shows the knee below the hip.
    side_lying = Pose(lean=90, near_hip=60, near_knee=90)
    level = joints(side_lying, view="front")
    above = joints(side_lying, view="front_above")
    assert level["near_knee"].y == pytest.approx(level["near_hip"].y)
    assert above["near_knee"].y < above["near_hip"].y - 10
    assert above["near_knee"].x == pytest.approx(level["near_knee"].x)
    assert lowest_point(side_lying, view="front_above") == lowest_point(side_lying, view="front")
    resting = grounded(side_lying, MAT_THICKNESS, view="front_above")
    assert lowest_point(resting, view="front") == pytest.approx(MAT_THICKNESS)


def test_front_above_view_draws_the_mat_as_a_band_standing_on_the_floor_line() -> None:
    pose = grounded(Pose(lean=90, near_hip=60, near_knee=90), MAT_THICKNESS, view="front")
    svg = to_svg(pose, [Floor(), Mat()], LIGHT, view="front_above")
    root = ET.fromstring(svg)
    assert not [e for e in root.iter(f"{SVG_NS}line") if e.attrib["stroke"] == LIGHT.prop]
    band = [e for e in root.iter(f"{SVG_NS}rect") if e.attrib["fill"] == LIGHT.prop_fill]
    assert len(band) == 1
    bottom = drawing_extent(pose, [Floor(), Mat()], view="front_above")[3]
    assert bottom == pytest.approx(166.0)  # the mat's near edge stands on the shared floor line


def test_top_view_shows_arms_out_in_a_t() -> None:
    j = joints(Pose(trunk=-90, near_shoulder_abduction=90, far_shoulder_abduction=90), view="top")
    reach = UPPER_ARM_LENGTH + FOREARM_LENGTH + HAND_LENGTH
    assert j["near_hand"].y == pytest.approx(j["pelvis"].y - SHOULDER_HALF_WIDTH - reach)
    assert j["far_hand"].y == pytest.approx(j["pelvis"].y + SHOULDER_HALF_WIDTH + reach)


def test_side_view_layers_far_limbs_behind_and_near_limbs_in_front() -> None:
    layer = {s.group: s.layer for s in segments(NEUTRAL)}
    assert layer["far_arm"] < layer["far_leg"] < layer["body"] < layer["near_leg"]
    assert layer["near_leg"] < layer["near_arm"]
    order = [s.layer for s in segments(NEUTRAL)]
    assert order == sorted(order)  # returned in drawing order


def test_trunk_width_is_chest_depth_from_the_side_and_breadth_from_the_front() -> None:
    side = {s.name: s for s in segments(NEUTRAL)}
    front = {s.name: s for s in segments(NEUTRAL, view="front")}
    assert side["trunk"].width == pytest.approx(TRUNK_DEPTH)
    assert front["trunk"].width == pytest.approx(TRUNK_BREADTH)
    head = side["head"]
    assert head.shape == "circle" and head.width == pytest.approx(2 * HEAD_RADIUS)


def test_grounded_rests_the_lowest_ink_on_the_support() -> None:
    lying = grounded(Pose(trunk=-90), MAT_THICKNESS)
    assert lowest_point(lying) == pytest.approx(MAT_THICKNESS)
    assert bounds(segments(lying))[1] == pytest.approx(MAT_THICKNESS)


# ---------------------------------------------------------------------------- interpolation


def test_interpolate_endpoints_and_midpoint() -> None:
    a = Pose(trunk=-90, near_knee=0, pelvis_x=-10)
    b = Pose(trunk=0, near_knee=90, pelvis_x=30, near_shoulder=170)
    assert interpolate(a, b, 0.0) == a
    assert interpolate(a, b, 1.0) == b
    mid = interpolate(a, b, 0.5)
    for name in POSE_FIELDS:
        assert getattr(mid, name) == pytest.approx((getattr(a, name) + getattr(b, name)) / 2)
    assert mid.trunk == pytest.approx(-45)  # never wraps the long way round


def test_interpolate_clamps_overshoot_and_rejects_nan() -> None:
    a, b = Pose(), Pose(near_hip=80)
    assert interpolate(a, b, -0.2) == a
    assert interpolate(a, b, 1.3) == b
    with pytest.raises(ValueError, match="t:"):
        interpolate(a, b, math.nan)


# ---------------------------------------------------------------------------- mirroring


def test_mirror_reflects_every_point_and_is_its_own_inverse() -> None:
    pose = Pose(trunk=30, spine=20, near_hip=60, far_shoulder=120)
    segs = segments(pose)
    flipped = mirror(segs)
    for s, m in zip(segs, flipped, strict=True):
        assert close(m.start, (-s.start.x, s.start.y))
        assert close(m.end, (-s.end.x, s.end.y))
        assert (m.layer, m.width, m.name) == (s.layer, s.width, s.name)
    assert mirror(flipped) == segs
    assert mirror(segs, axis_x=5)[0].start.x == pytest.approx(10 - segs[0].start.x)


def _x_coordinates(svg: str) -> list[tuple[str, list[float]]]:
    """Per element, in document order: its tag and its sorted x coordinates."""
    out: list[tuple[str, list[float]]] = []
    for el in ET.fromstring(svg).iter():
        tag = el.tag.removeprefix(SVG_NS)
        xs = [float(el.attrib[a]) for a in ("x1", "x2", "cx") if a in el.attrib]
        if tag == "path":
            xs += [float(x) for x, _ in re.findall(r"(-?[\d.]+) (-?[\d.]+)", el.attrib["d"])]
        if tag == "polygon":
            xs += [float(p.split(",")[0]) for p in el.attrib["points"].split()]
        if tag == "rect":
            x, w = float(el.attrib["x"]), float(el.attrib["width"])
            xs += [x, x + w]
        out.append((tag, sorted(xs)))
    return out


@pytest.mark.parametrize("name", ["bird-dog", "lying-spinal-twist", "seated-twist", "log-roll"])
def test_mirrored_svg_is_the_exact_horizontal_mirror_image(name: str) -> None:
    poses = load(name)
    plain = _x_coordinates(render_exercise(poses, LIGHT))
    flipped = _x_coordinates(render_exercise(poses, LIGHT, mirrored=True))
    assert len(plain) == len(flipped) > 10
    for (tag, xs), (tag2, xs2) in zip(plain, flipped, strict=True):
        assert tag == tag2
        assert xs2 == pytest.approx(sorted(VIEW_WIDTH - x for x in xs), abs=0.011)


# ---------------------------------------------------------------------------- SVG output


def test_svg_is_a_complete_document_with_the_fixed_viewbox() -> None:
    svg = to_svg(NEUTRAL, [Floor(), Chair(30), Wall(-60), Desk(), Bed()], DARK, ghost=Pose())
    root = ET.fromstring(svg)
    assert root.tag == f"{SVG_NS}svg"
    assert root.attrib["viewBox"] == "0 0 240 180"
    assert 'stroke-linecap="round"' in svg
    assert DARK.body in svg and LIGHT.body not in svg
    assert f'opacity="{DARK.ghost_opacity:g}"' in svg


def test_arrow_anchor_follows_the_joint() -> None:
    arrow = Arrow(x1=20, y1=0, x2=10, y2=0, anchor="head")
    near = to_svg(Pose(neck=-20), [arrow], LIGHT)
    far = to_svg(Pose(neck=30), [arrow], LIGHT)
    assert near != far
    with pytest.raises(ValueError, match="arrow"):
        to_svg(NEUTRAL, [Arrow(1, 1, 1, 1)], LIGHT)


def test_palettes_use_distinct_colours_so_the_ui_can_swap_them() -> None:
    colours = [
        getattr(p, f.name)
        for p in (LIGHT, DARK)
        for f in fields(Palette)
        if isinstance(getattr(p, f.name), str) and getattr(p, f.name).startswith("#")
    ]
    assert all(re.fullmatch(r"#[0-9A-F]{6}", c) for c in colours)
    assert len(set(colours)) == len(colours)
    assert LIGHT.ghost_opacity == DARK.ghost_opacity  # swapping colours keeps the ghost right


def test_core_module_imports_no_qt() -> None:
    modules = sorted(Path(figure.__file__).parent.glob("*.py"))
    assert len(modules) > 1  # the package's modules, not only its __init__
    imported = {
        (node.module or "") if isinstance(node, ast.ImportFrom) else alias.name
        for module in modules
        for node in ast.walk(ast.parse(module.read_text(encoding="utf-8")))
        if isinstance(node, ast.Import | ast.ImportFrom)
        for alias in node.names
    }
    outside = {name for name in imported if not name.startswith(f"{figure.__name__}.")}
    stdlib = set(sys.stdlib_module_names) | {"__future__"}
    assert {name.split(".")[0] for name in outside} <= stdlib


# ---------------------------------------------------------------------------- shipped files


def test_there_is_a_pose_file_and_a_drawing_for_every_exercise() -> None:
    exercise_ids = {p.stem for p in EXERCISES.glob("*.toml")}
    assert len(POSE_IDS) >= 37
    assert exercise_ids <= set(POSE_IDS)
    assert {p.stem for p in IMAGES.glob("*.svg")} == set(POSE_IDS)


@pytest.mark.parametrize("name", POSE_IDS)
def test_shipped_pose_file_loads(name: str) -> None:
    poses = load(name)
    assert isinstance(poses.start, Pose) and isinstance(poses.end, Pose)
    assert poses.start != poses.end or not poses.ghost  # a ghost must show some movement


@pytest.mark.parametrize("name", POSE_IDS)
def test_shipped_svg_is_valid_and_up_to_date(name: str) -> None:
    committed = (IMAGES / f"{name}.svg").read_text(encoding="utf-8")
    root = ET.fromstring(committed)
    assert root.attrib["viewBox"] == "0 0 240 180"
    assert committed == render_exercise(load(name), LIGHT), (
        f"icons/exercises/{name}.svg is stale: run python tools/render_poses.py"
    )


@pytest.mark.parametrize("name", POSE_IDS)
def test_shipped_drawing_fits_the_viewbox(name: str) -> None:
    poses = load(name)
    ghost = poses.start if poses.ghost else None
    x0, y0, x1, y1 = drawing_extent(poses.end, poses.props, ghost=ghost, view=poses.view)
    assert x0 >= MARGIN - 1e-6 and y0 >= MARGIN - 1e-6
    assert x1 <= VIEW_WIDTH - MARGIN + 1e-6 and y1 <= 180 - MARGIN + 1e-6


def test_every_drawing_uses_the_same_scale() -> None:
    """The head is the same size in every committed drawing: one person, one scale."""
    radii = set()
    for name in POSE_IDS:
        root = ET.fromstring((IMAGES / f"{name}.svg").read_text(encoding="utf-8"))
        radii |= {
            c.attrib["r"] for c in root.iter(f"{SVG_NS}circle") if c.attrib["fill"] == LIGHT.body
        }
    assert radii == {f"{HEAD_RADIUS * SCALE:.2f}".rstrip("0")}


@pytest.mark.parametrize("name", POSE_IDS)
def test_shipped_poses_rest_on_something(name: str) -> None:
    """Feet (or back, or knees) on the floor, the mat or the bed: never floating, never sunk."""
    poses = load(name)
    if poses.view == "top":
        return  # seen from above there is no height to check
    supports = {0.0, MAT_THICKNESS} | {p.height for p in poses.props if isinstance(p, Bed)}
    for pose in (poses.start, poses.end):
        low = lowest_point(pose, view=poses.view)
        assert low >= -0.5, f"{name}: sinks {-low:.1f} below the floor"
        assert min(abs(low - s) for s in supports) <= 1.5, f"{name}: floats at {low:.1f}"


# ---------------------------------------------------------------------------- loader


GOOD = """
[start]
trunk = -90

[end]
near_hip = 100

[[props]]
kind = "mat"
"""


def test_loader_fills_defaults_inherits_start_and_grounds_on_the_mat() -> None:
    poses = load_exercise_poses(GOOD)
    assert poses.start.trunk == -90 and poses.end.trunk == -90  # inherited
    assert poses.end.near_hip == 100 and poses.start.near_hip == 0
    assert poses.start.far_knee == NEUTRAL.far_knee
    assert poses.props == (Floor(), Mat())
    assert poses.ghost and poses.view == "side"
    assert lowest_point(poses.start) == pytest.approx(MAT_THICKNESS)
    assert lowest_point(poses.end) == pytest.approx(MAT_THICKNESS)


def test_loader_keeps_an_explicit_pelvis_height() -> None:
    poses = load_exercise_poses("floor = false\n[start]\npelvis_y = 48\n[end]\nneck = 10\n")
    assert poses.start.pelvis_y == 48 and poses.end.pelvis_y == 48
    assert poses.props == ()


def test_loader_reads_arrow_and_chair_fields() -> None:
    text = GOOD + '[[props]]\nkind = "arrow"\nx1 = 1\ny1 = 2\nx2 = 3\ny2 = 4\nanchor = "head"\n'
    text += '[[props]]\nkind = "chair"\nx = 5\nfacing = -1\n'
    text += '[[props]]\nkind = "chair"\nheight = 51.5\n'
    props = load_exercise_poses(text).props
    assert Arrow(1, 2, 3, 4, anchor="head") in props
    assert Chair(5, facing=-1) in props
    assert Chair(height=51.5) in props


def test_a_higher_chair_seat_is_drawn_higher() -> None:
    lying = grounded(Pose(trunk=-90))
    low = drawing_extent(lying, [Chair(60)])
    high = drawing_extent(lying, [Chair(60, height=52)])
    assert high[1] == pytest.approx(low[1] - 12 * SCALE)  # the backrest rises with the seat


def test_loader_reads_the_side_a_drawing_shows() -> None:
    poses = load_exercise_poses('working = "far_leg"\nshows_side = "left"\n' + GOOD)
    assert (poses.working, poses.shows_side) == ("far_leg", "left")
    assert load_exercise_poses(GOOD).shows_side is None


@pytest.mark.parametrize(
    ("working", "end", "side"),
    [
        ("near_leg", Pose(), "right"),
        ("far_arm", Pose(), "left"),
        ("twist", Pose(twist=40), "right"),
        ("knees", Pose(roll=65, twist=-65), "right"),  # the pelvis rolls right, knees drop right
        ("knees", Pose(roll=-65, twist=65), "left"),
        ("side_bend", Pose(side_bend=-30), "left"),
        ("neck_tilt", Pose(neck_tilt=30), "right"),
        ("twist", Pose(), None),
    ],
)
def test_implied_side_follows_the_figure_anatomy(working: str, end: Pose, side: str) -> None:
    assert implied_side(working, end) == side  # type: ignore[arg-type]


def test_lying_twist_knees_drop_the_way_implied_side_says() -> None:
    """Seen from above the figure's right is at the bottom: the knees must drop there."""
    start = Pose(trunk=-90, near_hip=48, near_knee=107, far_hip=48, far_knee=107)
    end = replace(start, roll=65, twist=-65)
    assert implied_side("knees", end) == "right"
    j0, j1 = joints(start, view="top"), joints(end, view="top")
    assert j1["near_knee"].y < j0["near_knee"].y - 15 and j1["far_knee"].y < j0["far_knee"].y - 15
    assert j1["shoulders"] == j0["shoulders"]  # the chest stays flat on the floor


@pytest.mark.parametrize(
    ("text", "field"),
    [
        ("[start]\nnear_kne = 3\n[end]\n", "start.near_kne"),
        ("[start]\n[end]\ntrunk = 'lean'\n", "end.trunk"),
        ("[start]\n[end]\ntrunk = true\n", "end.trunk"),
        ("[start]\ntrunk = inf\n[end]\n", "start.trunk"),
        ("[start]\n", "end"),
        ("end = 3\n[start]\n", "end"),
        ("colour = 'red'\n[start]\n[end]\n", "colour"),
        ("view = 'back'\n[start]\n[end]\n", "view"),
        ("ghost = 'yes'\n[start]\n[end]\n", "ghost"),
        ("props = 'mat'\n[start]\n[end]\n", "props"),
        ("[start]\n[end]\n[[props]]\nkind = 'sofa'\n", "props[0].kind"),
        ("[start]\n[end]\n[[props]]\nkind = 'mat'\n[[props]]\nkind = 'mat'\nz = 1\n", "props[1].z"),
        ("[start]\n[end]\n[[props]]\nkind = 'chair'\nx = '3'\n", "props[0].x"),
        ("[start]\n[end]\n[[props]]\nkind = 'chair'\nfacing = 2\n", "props[0].facing"),
        ("[start]\n[end]\n[[props]]\nkind = 'arrow'\nx1 = 1\ny1 = 1\nx2 = 2\n", "props[0].y2"),
        (
            "[start]\n[end]\n[[props]]\nkind='arrow'\nx1=1\ny1=1\nx2=2\ny2=2\nanchor='nose'\n",
            "props[0].anchor",
        ),
        ("[start\n", "pose file"),
        ("working = 'tail'\nshows_side = 'left'\n[start]\n[end]\n", "working"),
        ("working = 'near_leg'\nshows_side = 'up'\n[start]\n[end]\n", "shows_side"),
        ("working = 'near_leg'\n[start]\n[end]\n", "shows_side"),
        ("shows_side = 'left'\n[start]\n[end]\n", "working"),
        ("working = 'near_leg'\nshows_side = 'left'\n[start]\n[end]\n", "shows_side"),
        ("working = 'twist'\nshows_side = 'left'\n[start]\n[end]\n", "shows_side"),
    ],
)
def test_loader_errors_name_the_field(text: str, field: str) -> None:
    with pytest.raises(ValueError) as info:
        load_exercise_poses(text)
    assert str(info.value).startswith(f"{field}:"), str(info.value)


def test_pose_fields_are_exactly_the_documented_ones() -> None:
    doc = (REPO / "docs" / "FIGURE.md").read_text(encoding="utf-8")
    for name in POSE_FIELDS:
        assert f"`{name}`" in doc, f"docs/FIGURE.md does not document {name}"
    assert replace(NEUTRAL) == NEUTRAL


def test_player_blend_stays_grounded_between_grounded_poses() -> None:
    poses = load("childs-pose")
    assert poses.support == MAT_THICKNESS
    for t in (0.0, 0.3, 0.5, 0.8, 1.0):
        assert lowest_point(poses.at(t)) == pytest.approx(MAT_THICKNESS)
    for t, pose in ((0.0, poses.start), (1.0, poses.end)):
        blended = poses.at(t)
        assert blended.pelvis_y == pytest.approx(pose.pelvis_y)
        assert replace(blended, pelvis_y=pose.pelvis_y) == pose
    seated = load("seated-twist")
    assert seated.support is None
    assert seated.at(0.5) == interpolate(seated.start, seated.end, 0.5)
