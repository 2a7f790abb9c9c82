"""Exercise limits: every shipped exercise states its safe ranges, and the loader checks them.

A routine the person builds, and a clinician's programme, may change an exercise's dosage
only inside the `[limits]` its file states (docs/EXERCISE_FORMAT.md). These tests hold the
shipped content to that, and every broken `[limits]` table to a problem naming the field.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from spinecoach.core.exercise import (
    LIMITED_FIELDS,
    Category,
    Dosage,
    DosageLimits,
    Exercise,
    OutOfRange,
)
from spinecoach.core.library import Library, load_library
from spinecoach.core.library_fields import DOSAGE_RANGES, LibraryError, parse_limits
from spinecoach.core.translation_format import parse_translation

REPO = Path(__file__).resolve().parents[2]
SHIPPED_RESOURCES = REPO / "resources"
SHIPPED_IMAGES = REPO / "icons" / "exercises"

#: The dosage fields a repetition exercise uses, and a timed block's one.
REPETITION_FIELDS = ("reps", "hold_seconds", "sets", "rest_seconds")
TIMED_FIELDS = ("duration_seconds",)


@pytest.fixture(scope="module")
def shipped() -> Library:
    return load_library(SHIPPED_RESOURCES, SHIPPED_IMAGES)


def stated(exercise: Exercise) -> dict[str, tuple[int, int]]:
    return {name: (low, high) for name, low, high in exercise.limits.ranges}


# --- the shipped content -------------------------------------------------------------------


def test_the_shipped_library_loads_with_its_limits(shipped: Library) -> None:
    assert shipped.problems == []
    assert len(shipped.exercises) >= 32


def test_every_shipped_exercise_states_limits_for_the_fields_it_uses(shipped: Library) -> None:
    for exercise in shipped.exercises.values():
        fields = TIMED_FIELDS if exercise.dosage.is_timed_block else REPETITION_FIELDS
        assert tuple(stated(exercise)) == fields, exercise.id


def test_every_shipped_exercise_s_own_dosage_lies_inside_its_limits(shipped: Library) -> None:
    for exercise in shipped.exercises.values():
        assert exercise.dosage_problems(exercise.dosage) == [], exercise.id
        for name, (low, high) in stated(exercise).items():
            assert low <= getattr(exercise.dosage, name) <= high, (exercise.id, name)


def test_every_limit_lies_inside_the_dosage_ranges(shipped: Library) -> None:
    for exercise in shipped.exercises.values():
        for name, (low, high) in stated(exercise).items():
            lowest, highest = DOSAGE_RANGES[name]
            assert lowest <= low <= high <= highest, (exercise.id, name)


def test_every_shipped_routine_stays_inside_its_exercises_limits(shipped: Library) -> None:
    assert shipped.routines
    for routine in shipped.routines.values():
        for index, item in enumerate(routine.items, start=1):
            problems = item.exercise.dosage_problems(item.dosage)
            assert problems == [], f"{routine.id} items[{index}] ({item.exercise.id})"


def test_the_ranges_are_clinically_cautious(shipped: Library) -> None:
    # The seeds, NHS and CSP sheets: strength work 5-15 reps in at most 3 sets; a stretch is
    # held at most 30 s and repeated at most 5 times; short holds for moving exercises.
    for exercise in shipped.exercises.values():
        ranges = stated(exercise)
        if exercise.dosage.is_timed_block:
            assert ranges["duration_seconds"][1] <= 30 * 60, exercise.id
            continue
        assert ranges["reps"][1] <= 15, exercise.id
        assert ranges["hold_seconds"][1] <= 30, exercise.id
        assert ranges["sets"][1] <= 3, exercise.id
        assert ranges["rest_seconds"][0] >= 15, exercise.id  # time to recover between sets
        if exercise.category is Category.STRETCH:
            assert ranges["reps"][1] <= 5, exercise.id
        if exercise.category is not Category.STRENGTH:
            assert ranges["sets"][1] <= 2, exercise.id


def test_the_glute_bridge_has_the_ranges_its_sources_give(shipped: Library) -> None:
    bridge = shipped.exercises["glute-bridge"]
    assert stated(bridge) == {
        "reps": (5, 15),
        "hold_seconds": (2, 10),
        "sets": (1, 3),
        "rest_seconds": (15, 90),
    }
    assert bridge.dosage_problems(Dosage(reps=20, hold_seconds=3)) == [
        OutOfRange("reps", 20, 5, 15)
    ]


def test_the_neck_and_the_plank_are_kept_short(shipped: Library) -> None:
    assert stated(shipped.exercises["neck-side-stretch"])["hold_seconds"][1] <= 15
    plank = stated(shipped.exercises["kneeling-forearm-plank"])
    assert plank["hold_seconds"][1] <= 30
    assert plank["sets"][1] <= 2


def test_every_shipped_file_says_why_next_to_its_limits() -> None:
    for path in sorted((SHIPPED_RESOURCES / "exercises").glob("*.toml")):
        text = path.read_text(encoding="utf-8")
        before = text.split("[limits]")[0].rstrip().splitlines()
        assert before[-1].startswith("# "), path.name  # the reason, from the sources


# --- parse_limits ----------------------------------------------------------------------------

REPS = Dosage(reps=8, hold_seconds=5)
TIMED = Dosage(duration_seconds=600)


def test_no_limits_table_means_no_field_may_change() -> None:
    limits = parse_limits(None, REPS)
    assert limits == DosageLimits()
    assert limits.range_of("reps", REPS.reps) == (8, 8)
    assert limits.problems(Dosage(reps=9, hold_seconds=5), REPS) == [OutOfRange("reps", 9, 8, 8)]
    assert limits.problems(REPS, REPS) == []


def test_limits_parse_in_field_order() -> None:
    data = {"rest_seconds": [15, 60], "reps": [5, 10], "sets": [1, 3], "hold_seconds": [3, 10]}
    limits = parse_limits(data, REPS)
    assert limits.ranges == (
        ("reps", 5, 10),
        ("hold_seconds", 3, 10),
        ("sets", 1, 3),
        ("rest_seconds", 15, 60),
    )
    assert [name for name, _, _ in limits.ranges] == [f for f in LIMITED_FIELDS if f in data]


def test_a_timed_block_states_its_duration() -> None:
    limits = parse_limits({"duration_seconds": [120, 1800]}, TIMED)
    assert limits.ranges == (("duration_seconds", 120, 1800),)
    assert limits.problems(Dosage(duration_seconds=2400), TIMED) == [
        OutOfRange("duration_seconds", 2400, 120, 1800)
    ]


def test_a_range_may_be_a_single_value() -> None:
    assert parse_limits({"sets": [1, 1]}, REPS).range_of("sets", 1) == (1, 1)


LIMIT_ERRORS: list[tuple[Any, Dosage, str, str]] = [
    ([5, 10], REPS, "limits", "must be a table, not a list"),
    ({"reps": 10}, REPS, "limits.reps", "must be [low, high], two whole numbers"),
    ({"reps": [5]}, REPS, "limits.reps", "must be [low, high]"),
    ({"reps": [5, 10, 15]}, REPS, "limits.reps", "must be [low, high]"),
    ({"reps": [5, "10"]}, REPS, "limits.reps", "two whole numbers"),
    ({"reps": [5.0, 10]}, REPS, "limits.reps", "two whole numbers"),
    ({"reps": [True, 10]}, REPS, "limits.reps", "two whole numbers"),
    ({"reps": [12, 5]}, REPS, "limits.reps", "the low end (12) is above the high end (5)"),
    ({"reps": [0, 10]}, REPS, "limits.reps", "must lie within 1-30, not [0, 10]"),
    ({"sets": [1, 6]}, REPS, "limits.sets", "must lie within 1-5, not [1, 6]"),
    ({"reps": [10, 15]}, REPS, "limits.reps", "must include the exercise's own dosage (8)"),
    ({"sets": [2, 3]}, REPS, "limits.sets", "own dosage (1)"),  # the default: 1 set
    ({"rest_seconds": [20, 60]}, REPS, "limits.rest_seconds", "own dosage (15)"),
    ({"release_seconds": [1, 5]}, REPS, "limits.release_seconds", "has no range"),
    ({"repeats": [1, 5]}, REPS, "limits.repeats", "not a known field"),
    ({"duration_seconds": [60, 600]}, REPS, "limits.duration_seconds", "done in reps"),
    ({"reps": [1, 5]}, TIMED, "limits.reps", "only a duration_seconds range"),
    ({"duration_seconds": [700, 900]}, TIMED, "limits.duration_seconds", "own dosage (600)"),
]


@pytest.mark.parametrize(("data", "dosage", "field", "message"), LIMIT_ERRORS)
def test_a_bad_limits_table_names_its_field(
    data: Any, dosage: Dosage, field: str, message: str
) -> None:
    with pytest.raises(LibraryError) as raised:
        parse_limits(data, dosage)
    assert raised.value.field == field
    assert message in raised.value.message


# --- through the loader ----------------------------------------------------------------------

EXERCISE = """\
id = "test-bridge"
name = "Test bridge"
summary = "A bridge used by the limits tests to check the loader's rules."
category = "strength"
position = "lying on back"
desk_friendly = false
difficulty = 2
targets = ["glutes"]
sides = "none"
steps = ["Lie on your back with your knees bent.", "Lift your hips a little and hold."]
hold_step = 2
source = ["seed-000"]
cautions = ["Stop if you feel pain in your back."]
image = "test-bridge.svg"

[dosage]
reps = 10
hold_seconds = 3

[limits]
reps = [5, 15]
hold_seconds = [2, 10]
"""


def load(tmp_path: Path, exercise: str) -> Library:
    resources = tmp_path / "resources"
    images = tmp_path / "images"
    (resources / "exercises").mkdir(parents=True)
    images.mkdir()
    (resources / "sources.toml").write_text('[seed-000]\ntitle = "An article"\npublisher = "web"\n')
    (resources / "exercises" / "test-bridge.toml").write_text(exercise)
    (images / "test-bridge.svg").write_text("<svg/>")
    return load_library(resources, images)


def test_the_loader_puts_the_limits_on_the_exercise(tmp_path: Path) -> None:
    library = load(tmp_path, EXERCISE)
    assert library.problems == []
    bridge = library.exercises["test-bridge"]
    assert bridge.limits.range_of("reps", 10) == (5, 15)
    assert bridge.limits.range_of("sets", 1) == (1, 1)  # not stated: stays as the dosage
    assert bridge.dosage_problems(Dosage(reps=5, hold_seconds=10)) == []
    assert bridge.dosage_problems(Dosage(reps=10, hold_seconds=3, sets=2)) == [
        OutOfRange("sets", 2, 1, 1)
    ]


def test_a_bad_range_skips_the_file_with_a_problem_naming_the_field(tmp_path: Path) -> None:
    library = load(tmp_path, EXERCISE.replace("reps = [5, 15]", "reps = [12, 15]"))
    assert "test-bridge" not in library.exercises
    [problem] = library.problems
    assert (problem.source, problem.field) == ("exercises/test-bridge.toml", "limits.reps")
    assert "own dosage (10)" in problem.message


def test_a_translation_may_not_carry_limits(shipped: Library) -> None:
    english = shipped.exercises["glute-bridge"]
    data = {"id": "glute-bridge", "name": "Beckenheben", "limits": {"reps": [1, 30]}}
    fields, errors = parse_translation(data, "glute-bridge", "exercises", english)
    assert fields == {"name": "Beckenheben"}
    assert [(e.field, e.message) for e in errors] == [
        ("limits", "is not translated: it stays as the English file has it")
    ]
