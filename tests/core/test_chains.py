"""Easier and harder versions (issue 17) and the spinal movement tags, in the shipped library."""

from __future__ import annotations

import tomllib
from dataclasses import replace
from itertools import pairwise
from pathlib import Path

import pytest

from spinecoach.core.chains import chain, link_problems, without_bad_links
from spinecoach.core.exercise import SpinalMovement
from spinecoach.core.library import load_library

REPO = Path(__file__).resolve().parents[2]
EXERCISES = REPO / "resources" / "exercises"
LIBRARY = load_library(REPO / "resources", REPO / "icons" / "exercises")

#: The chains issue 17 asks for, gentlest first.
CHAINS = [
    ["abdominal-drawing-in", "heel-slides", "dead-bug"],
    ["all-fours-leg-lift", "bird-dog"],
    ["kneeling-forearm-plank", "side-plank-on-knees", "forearm-plank"],
    ["glute-bridge", "marching-bridge", "single-leg-bridge"],
    ["partial-crunch", "curl-up"],
    ["sit-to-stand", "sit-to-stand-lower-seat"],
]


def test_the_library_loads_without_problems() -> None:
    assert LIBRARY.problems == []
    assert link_problems(LIBRARY.exercises) == []


@pytest.mark.parametrize("ids", CHAINS, ids=lambda ids: ids[0])
def test_the_chains_are_as_listed(ids: list[str]) -> None:
    for exercise_id in ids:
        assert [e.id for e in chain(LIBRARY.exercises[exercise_id], LIBRARY.exercises)] == ids


def test_links_are_mutual_and_every_link_is_in_a_listed_chain() -> None:
    listed = {(a, b) for ids in CHAINS for a, b in pairwise(ids)}
    found = set()
    for exercise in LIBRARY.exercises.values():
        if exercise.harder is not None:
            assert LIBRARY.exercises[exercise.harder].easier == exercise.id
            found.add((exercise.id, exercise.harder))
        if exercise.easier is not None:
            assert LIBRARY.exercises[exercise.easier].harder == exercise.id
    assert found == listed


def test_no_chain_loops_and_harder_is_never_gentler() -> None:
    for exercise in LIBRARY.exercises.values():
        seen = {exercise.id}
        current = exercise
        while current.harder is not None:
            harder = LIBRARY.exercises[current.harder]
            assert harder.id not in seen, f"{exercise.id}: the chain loops"
            assert harder.difficulty >= current.difficulty, (current.id, harder.id)
            seen.add(harder.id)
            current = harder


def test_bird_dogs_longer_hold_is_the_top_of_its_range_not_another_exercise() -> None:
    bird_dog = LIBRARY.exercises["bird-dog"]
    low, high = bird_dog.limits.range_of("hold_seconds", bird_dog.dosage.hold_seconds)
    assert low <= bird_dog.dosage.hold_seconds < high
    assert bird_dog.harder is None


def test_walking_builds_up_within_its_own_range() -> None:
    walking = LIBRARY.exercises["walking"]
    low, high = walking.limits.range_of("duration_seconds", 0)
    assert low <= 5 * 60 and high >= 30 * 60
    assert (walking.easier, walking.harder) == (None, None)


@pytest.mark.parametrize("path", sorted(EXERCISES.glob("*.toml")), ids=lambda p: p.stem)
def test_every_shipped_exercise_states_its_spinal_movement(path: Path) -> None:
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    assert "movement" in data, f"{path.name}: give movement = one of the five directions"
    assert LIBRARY.exercises[path.stem].movement is SpinalMovement(data["movement"])


@pytest.mark.parametrize(
    ("exercise_id", "movement"),
    [
        ("knee-to-chest", SpinalMovement.BENDING_FORWARD),
        ("standing-back-extension", SpinalMovement.BENDING_BACK),
        ("seated-twist", SpinalMovement.TWISTING),
        ("lying-spinal-twist", SpinalMovement.TWISTING),
        ("seated-side-bend", SpinalMovement.SIDE_BENDING),
        ("bird-dog", SpinalMovement.NEUTRAL),
        ("cat-cow", SpinalMovement.BENDING_FORWARD),
    ],
)
def test_movement_tags(exercise_id: str, movement: SpinalMovement) -> None:
    assert LIBRARY.exercises[exercise_id].movement is movement


def _copy_library(tmp_path: Path) -> Path:
    resources = tmp_path / "resources"
    (resources / "exercises").mkdir(parents=True)
    (resources / "sources.toml").write_text((REPO / "resources" / "sources.toml").read_text())
    for stem in ("glute-bridge", "marching-bridge", "single-leg-bridge"):
        text = (EXERCISES / f"{stem}.toml").read_text()
        (resources / "exercises" / f"{stem}.toml").write_text(text)
    return resources


def test_a_one_way_link_is_a_problem_naming_file_and_field(tmp_path: Path) -> None:
    resources = _copy_library(tmp_path)
    path = resources / "exercises" / "single-leg-bridge.toml"
    path.write_text(path.read_text().replace('easier = "marching-bridge"\n', ""))
    library = load_library(resources, REPO / "icons" / "exercises")
    assert [(p.source, p.field) for p in library.problems] == [
        ("exercises/marching-bridge.toml", "harder")
    ]
    assert "mutual" in library.problems[0].message
    # The file still loads; only the broken link is dropped.
    assert library.exercises["marching-bridge"].harder is None
    assert library.exercises["marching-bridge"].easier == "glute-bridge"


def test_an_unknown_link_is_a_problem(tmp_path: Path) -> None:
    resources = _copy_library(tmp_path)
    path = resources / "exercises" / "single-leg-bridge.toml"
    path.write_text(path.read_text().replace("difficulty = 3\n", 'difficulty = 3\nharder = "x"\n'))
    library = load_library(resources, REPO / "icons" / "exercises")
    assert [(p.source, p.field, p.message) for p in library.problems] == [
        ("exercises/single-leg-bridge.toml", "harder", "'x' is not a known exercise")
    ]


def test_a_bad_movement_or_link_skips_the_file(tmp_path: Path) -> None:
    resources = _copy_library(tmp_path)
    path = resources / "exercises" / "glute-bridge.toml"
    path.write_text(path.read_text().replace('movement = "neutral"', 'movement = "arching"'))
    library = load_library(resources, REPO / "icons" / "exercises")
    fields = {(p.source, p.field) for p in library.problems}
    assert ("exercises/glute-bridge.toml", "movement") in fields
    assert "glute-bridge" not in library.exercises


def test_a_loop_is_found_and_broken() -> None:
    exercises = dict(LIBRARY.exercises)
    bridge, single = exercises["glute-bridge"], exercises["single-leg-bridge"]
    exercises["glute-bridge"] = replace(bridge, easier="single-leg-bridge")
    exercises["single-leg-bridge"] = replace(single, harder="glute-bridge")
    problems = link_problems(exercises)
    assert len(problems) == 1 and "loops" in problems[0].message
    fixed = without_bad_links(exercises, problems)
    assert not any("loops" in p.message for p in link_problems(fixed))


def test_test_builders_default_to_neutral_and_no_links() -> None:
    exercise = replace(LIBRARY.exercises["walking"])
    assert SpinalMovement("neutral") is SpinalMovement.NEUTRAL
    assert exercise.easier is None and exercise.harder is None
