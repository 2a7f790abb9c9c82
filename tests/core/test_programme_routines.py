"""The routine format's new parts: one side, a note, dosage inside the exercise's safe range,
`based_on`, origin and locked, and the way back to a file (`routine_to_data`, `routine_to_toml`)."""

from __future__ import annotations

import tomllib
from dataclasses import replace
from pathlib import Path

import pytest

from spinecoach.core import content_words
from spinecoach.core.exercise import (
    Dosage,
    DosageLimits,
    OnlySide,
    Routine,
    RoutineItem,
    RoutineOrigin,
)
from spinecoach.core.library import Library, load_library
from spinecoach.core.library_fields import LibraryError
from spinecoach.core.routine_format import parse_routine, routine_to_data, routine_to_toml
from spinecoach.core.translation import load_messages
from tests.factories import exercise

REPO = Path(__file__).resolve().parents[2]

BRIDGE = replace(
    exercise("Glute bridge", Dosage(reps=10, hold_seconds=3, release_seconds=3)),
    limits=DosageLimits(ranges=(("reps", 5, 15), ("hold_seconds", 2, 10), ("sets", 1, 3))),
)
KNEE = replace(
    exercise("Knee to chest", Dosage(reps=3, hold_seconds=20), two_sided=True),
    limits=DosageLimits(ranges=(("reps", 1, 5), ("hold_seconds", 5, 30))),
)
WALK = replace(
    exercise("Walking", Dosage(duration_seconds=600)),
    limits=DosageLimits(ranges=(("duration_seconds", 120, 1800),)),
)
EXERCISES = {e.id: e for e in (BRIDGE, KNEE, WALK)}


def routine_data(*items: dict[str, object], **fields: object) -> dict[str, object]:
    return {
        "id": "mine",
        "name": "My routine",
        "description": "A routine written for the tests of the routine format.",
        "items": list(items),
        **fields,
    }


def error_of(data: dict[str, object]) -> LibraryError:
    with pytest.raises(LibraryError) as caught:
        parse_routine(data, "mine", EXERCISES)
    return caught.value


@pytest.fixture(scope="module")
def shipped() -> Library:
    library = load_library(REPO / "resources", REPO / "icons" / "exercises")
    assert not library.problems
    return library


def test_an_item_may_be_done_on_one_side_with_a_note() -> None:
    data = routine_data(
        {"exercise": "knee-to-chest", "side": "left", "note": "  Gently,\n  as  we said.  "}
    )
    item = parse_routine(data, "mine", EXERCISES).items[0]
    assert item.only_side is OnlySide.LEFT
    assert item.note == "Gently, as we said."
    assert item.seconds == item.dosage.seconds_per_side()


@pytest.mark.parametrize(
    ("item", "field", "words"),
    [
        ({"exercise": "glute-bridge", "side": "left"}, "items[1].side", "no side to choose"),
        ({"exercise": "knee-to-chest", "side": "both"}, "items[1].side", "not 'left' or 'right'"),
        ({"exercise": "knee-to-chest", "note": "x" * 201}, "items[1].note", "at most 200"),
        ({"exercise": "knee-to-chest", "notes": "Hi"}, "items[1].notes", "not a known field"),
        ({"exercise": "walking", "reps": 5}, "items[1].reps", "timed block"),
        ({"exercise": "glute-bridge", "duration_seconds": 60}, "items[1].duration_seconds", "reps"),
    ],
)
def test_a_bad_item_names_its_field(item: dict[str, object], field: str, words: str) -> None:
    error = error_of(routine_data({"exercise": "knee-to-chest"}, item))
    assert error.field == field.replace("items[1]", "items[2]")
    assert words in error.message


def test_a_dosage_outside_the_safe_range_is_refused_with_the_range() -> None:
    error = error_of(
        routine_data({"exercise": "knee-to-chest"}, {"exercise": "glute-bridge", "reps": 20})
    )
    assert error.field == "items[2].reps"
    assert error.message == (
        "must be between 5 and 15 for the glute bridge (its safe range), not 20"
    )
    assert error.fix == "Use a value from 5 to 15."


def test_a_field_without_a_range_may_not_change() -> None:
    error = error_of(routine_data({"exercise": "glute-bridge", "rest_seconds": 30}))
    assert error.field == "items[1].rest_seconds"
    assert error.message.startswith("must stay 15 for the glute bridge, not 30")
    # A timed block's duration, inside its range, is fine.
    walk = parse_routine(
        routine_data({"exercise": "walking", "duration_seconds": 900}), "mine", EXERCISES
    )
    assert walk.items[0].dosage == Dosage(duration_seconds=900)


def test_origin_locked_and_based_on() -> None:
    data = routine_data({"exercise": "glute-bridge"}, based_on="core-strength")
    assert parse_routine(data, "mine", EXERCISES).based_on == "core-strength"
    given = parse_routine(
        data, "mine", EXERCISES, origin=RoutineOrigin.OWN, locked=True, based_on="desk-break"
    )
    assert (given.origin, given.locked, given.based_on) == (RoutineOrigin.OWN, True, "desk-break")
    assert (
        parse_routine(routine_data({"exercise": "glute-bridge"}), "mine", EXERCISES).based_on
        is None
    )
    bad = error_of(routine_data({"exercise": "glute-bridge"}, based_on="Core Strength"))
    assert bad.field == "based_on"


def test_routine_to_data_gives_only_what_differs() -> None:
    routine = Routine(
        id="mine",
        name="My routine",
        description="A routine written for the tests of the routine format.",
        items=(
            RoutineItem(BRIDGE, BRIDGE.dosage),
            RoutineItem(BRIDGE, replace(BRIDGE.dosage, reps=8, sets=2)),
            RoutineItem(KNEE, KNEE.dosage, OnlySide.RIGHT, "Right side only."),
            RoutineItem(WALK, Dosage(duration_seconds=900)),
        ),
        changeover_seconds=10,
        origin=RoutineOrigin.OWN,
        based_on="core-strength",
    )
    data = routine_to_data(routine)
    assert data["items"] == [
        {"exercise": "glute-bridge"},
        {"exercise": "glute-bridge", "reps": 8, "sets": 2},
        {"exercise": "knee-to-chest", "side": "right", "note": "Right side only."},
        {"exercise": "walking", "duration_seconds": 900},
    ]
    assert (data["changeover_seconds"], data["based_on"]) == (10, "core-strength")
    text = routine_to_toml(routine)
    back = parse_routine(tomllib.loads(text), "mine", EXERCISES, origin=RoutineOrigin.OWN)
    assert back == routine


def test_every_shipped_routine_survives_the_round_trip(shipped: Library) -> None:
    for routine in shipped.routines.values():
        text = routine_to_toml(routine)
        assert parse_routine(tomllib.loads(text), routine.id, shipped.exercises) == routine


def test_a_routine_with_awkward_words_survives_the_round_trip(shipped: Library) -> None:
    knee = shipped.exercises["knee-to-chest"]
    routine = Routine(
        id="own-quotes-1",
        name='Back "basics" \\ more',
        description="Line one of it\nand line two, with a tab\there and ümlauts: Rücken.",
        items=(RoutineItem(knee, knee.dosage, OnlySide.LEFT, 'Say "ouch" \\ stop.'),),
        origin=RoutineOrigin.OWN,
        based_on="exercise:knee-to-chest",
    )
    text = routine_to_toml(routine)
    back = parse_routine(
        tomllib.loads(text), routine.id, shipped.exercises, origin=RoutineOrigin.OWN
    )
    assert back == routine


def test_one_side_in_the_dosage_text_in_english_and_german(shipped: Library) -> None:
    knee = shipped.exercises["knee-to-chest"]
    german, problems = load_messages(REPO / "resources", "de")
    assert not problems
    left = RoutineItem(knee, knee.dosage, OnlySide.LEFT)
    right = RoutineItem(knee, knee.dosage, OnlySide.RIGHT)
    both = RoutineItem(knee, knee.dosage)
    assert content_words.item_dosage_text(left) == "3 x 20 s hold, left side only"
    assert content_words.item_dosage_text(right) == "3 x 20 s hold, right side only"
    assert content_words.item_dosage_text(both) == knee.dosage_text()
    assert content_words.item_dosage_text(left, german) == "3 × 20 s halten, nur linke Seite"
    assert content_words.item_dosage_text(right, german) == "3 × 20 s halten, nur rechte Seite"
