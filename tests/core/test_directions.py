"""Directions (issue 17): the exercises and routines that move the way the person said hurts."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from spinecoach.core import directions
from spinecoach.core.directions import (
    MOVEMENTS,
    avoided_in_routine,
    avoided_items,
    avoided_movements,
    exercise_mark,
    is_avoided,
    mark,
    routine_mark,
    short_mark,
    warning,
)
from spinecoach.core.exercise import Dosage, SpinalMovement
from spinecoach.core.settings import AVOID_MOVEMENTS, DIRECTIONS_ASKED, resolve
from spinecoach.core.translation import load_messages
from tests.factories import exercise, routine

FORWARD = SpinalMovement.BENDING_FORWARD
TWIST = SpinalMovement.TWISTING
REPO = Path(__file__).resolve().parents[2]

TOE_TOUCH = replace(exercise("Toe touch", Dosage(reps=5, hold_seconds=3)), movement=FORWARD)
ROTATION = replace(exercise("Seated rotation", Dosage(reps=5, hold_seconds=3)), movement=TWIST)
BRIDGE = exercise("Glute bridge", Dosage(reps=10, hold_seconds=3))  # neutral


def test_the_setting_offers_the_five_movements_and_is_empty_by_default() -> None:
    assert AVOID_MOVEMENTS.choices == tuple(m.value for m in MOVEMENTS)
    assert set(MOVEMENTS) == set(SpinalMovement)
    assert AVOID_MOVEMENTS.default == ()
    assert DIRECTIONS_ASKED.default is False and DIRECTIONS_ASKED.in_state_file


def test_the_setting_reads_back_a_json_list_as_a_tuple_and_refuses_nonsense() -> None:
    stored = {"avoid_movements": ["twisting", "bending forward"]}
    assert resolve("avoid_movements", stored) == ("twisting", "bending forward")
    for bad in (["flying"], ["twisting", "twisting"], "twisting", 3):
        assert resolve("avoid_movements", {"avoid_movements": bad}) == ()


def test_avoided_movements_leaves_out_what_it_does_not_know() -> None:
    assert avoided_movements(("twisting", "somersault", 4)) == frozenset({TWIST})
    assert avoided_movements(()) == frozenset()


def test_which_exercises_and_routines() -> None:
    avoid = frozenset({FORWARD})
    assert is_avoided(TOE_TOUCH, avoid)
    assert not is_avoided(ROTATION, avoid)
    assert not is_avoided(TOE_TOUCH, frozenset())
    mixed = routine(BRIDGE, TOE_TOUCH, ROTATION, TOE_TOUCH)
    assert avoided_items(mixed, avoid) == (1, 3)
    assert avoided_in_routine(mixed, frozenset({TWIST, FORWARD})) == (FORWARD, TWIST)
    assert avoided_in_routine(routine(BRIDGE), avoid) == ()


def test_the_words() -> None:
    avoid = frozenset({FORWARD, TWIST})
    assert exercise_mark(TOE_TOUCH, avoid) == "You said bending forward makes it worse"
    assert exercise_mark(BRIDGE, avoid) == ""
    assert mark((FORWARD, TWIST)) == "You said bending forward and twisting make it worse"
    assert short_mark((FORWARD,)) == "Careful: bending forward"
    assert short_mark(()) == mark(()) == ""
    assert routine_mark(routine(BRIDGE, TOE_TOUCH), avoid) == (
        "1 exercise here asks for bending forward, which you said makes it worse"
    )
    assert routine_mark(routine(TOE_TOUCH, ROTATION), avoid).startswith(
        "2 exercises here ask for bending forward and twisting"
    )
    said = warning(TOE_TOUCH, avoid)
    assert said.startswith("This exercise asks for bending forward")
    assert "Next exercise" in said
    assert warning(BRIDGE, avoid) == ""


def test_the_words_in_german() -> None:
    words, problems = load_messages(REPO / "resources", "de")
    assert problems == []
    avoid = frozenset({FORWARD})
    assert exercise_mark(TOE_TOUCH, avoid, words) == (
        "Sie haben angegeben, dass Vorbeugen den Schmerz verstärkt"
    )
    assert warning(TOE_TOUCH, avoid, words).startswith("Diese Übung verlangt Vorbeugen")
    assert routine_mark(routine(TOE_TOUCH, TOE_TOUCH), avoid, words).startswith("2 Übungen")


def test_the_module_is_in_the_core_catalog() -> None:
    from spinecoach.core.translation import MESSAGE_MODULES

    assert directions in MESSAGE_MODULES
