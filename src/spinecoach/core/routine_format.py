"""A routine read and written: the routine file format (`resources/routines/<id>.toml`).

One format serves the shipped routines, the person's own (kept as TOML in the data file) and a
programme's routines (core/programme/format.py), so it is checked and written in one place.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from spinecoach.core.exercise import (
    Exercise,
    OnlySide,
    OutOfRange,
    Routine,
    RoutineItem,
    RoutineOrigin,
    with_overrides,
)
from spinecoach.core.library_fields import (
    DOSAGE_RANGES,
    LibraryError,
    check_id,
    check_unknown,
    describe_value,
    parse_dosage_fields,
    require,
    require_text,
)
from spinecoach.core.toml_text import key_lines, tables_lines

ROUTINE_FIELDS = frozenset({"id", "name", "description", "items", "changeover_seconds", "based_on"})
#: What one `[[items]]` entry of a routine may give: the exercise, the dosage fields to change,
#: a side (a two-sided exercise done on one side only) and a note shown with the exercise.
ROUTINE_ITEM_FIELDS = frozenset({"exercise", "side", "note", *DOSAGE_RANGES})
#: The longest note an item may carry (shown beside the exercise; one or two sentences).
ITEM_NOTE_LENGTH = 200
#: How many exercises a routine may hold.
ROUTINE_ITEMS_COUNT = (1, 20)

#: A routine's own time between exercises: long enough to read what comes next.
CHANGEOVER_RANGE = (3, 30)

#: What `based_on` may name: a routine id, or a single exercise played as one ("exercise:<id>").
BASED_ON_PATTERN = re.compile(r"^(?:exercise:)?[a-z0-9]+(?:-[a-z0-9]+)*$")


def parse_routine(
    data: dict[str, Any],
    stem: str,
    exercises: Mapping[str, Exercise],
    *,
    origin: RoutineOrigin = RoutineOrigin.SHIPPED,
    locked: bool = False,
    based_on: str | None = None,
) -> Routine:
    """Validate one routine's contents against the loaded exercises.

    The same format serves the shipped files, the person's own routines (their body in the
    data file, `routine_to_toml`) and a programme's routines (core/programme/format.py).
    `origin` and `locked` come from where the routine was found; `based_on` (given, or the
    file's own `based_on`) names the routine it was copied or eased from.
    """
    check_unknown(data, ROUTINE_FIELDS)
    routine_id = check_id(data, stem)
    raw_items = require(data, "items", list)
    low, high = ROUTINE_ITEMS_COUNT
    if not low <= len(raw_items) <= high:
        raise LibraryError("items", f"must have {low}-{high} entries (it has {len(raw_items)})")
    items = tuple(
        parse_routine_item(raw, index, exercises) for index, raw in enumerate(raw_items, start=1)
    )
    name, description, changeover = parse_routine_details(data)
    if based_on is None and "based_on" in data:
        based_on = require(data, "based_on", str)
        if not BASED_ON_PATTERN.match(based_on):
            raise LibraryError("based_on", f"{based_on!r} is not a routine id")
    return Routine(
        id=routine_id,
        name=name,
        description=description,
        items=items,
        changeover_seconds=changeover,
        origin=origin,
        locked=locked,
        based_on=based_on,
    )


def parse_routine_details(data: dict[str, Any]) -> tuple[str, str, int | None]:
    """A routine's name, description and own changeover seconds (None: the person's setting)."""
    changeover = None
    if "changeover_seconds" in data:
        changeover = require(data, "changeover_seconds", int)
        low, high = CHANGEOVER_RANGE
        if not low <= changeover <= high:
            raise LibraryError(
                "changeover_seconds",
                f"must be between {low} and {high}, not {changeover}",
                f"Use a value from {low} to {high}, or leave it out.",
            )
    return require_text(data, "name", 2, 40), require_text(data, "description", 20, 200), changeover


def parse_routine_item(raw: object, index: int, exercises: Mapping[str, Exercise]) -> RoutineItem:
    """Validate the `index`-th (1-based) `[[items]]` entry of a routine.

    Raises `LibraryError` naming the field (`items[2].reps`), with a fix where one is known:
    every dosage field must lie inside the exercise's safe range (`Exercise.dosage_problems`).
    """
    where = f"items[{index}]"
    prefix = where + "."
    if not isinstance(raw, dict):
        raise LibraryError(where, f"must be a table, not {describe_value(raw)}")
    check_unknown(raw, ROUTINE_ITEM_FIELDS, prefix)
    exercise_id = require(raw, "exercise", str, prefix)
    if exercise_id not in exercises:
        raise LibraryError(prefix + "exercise", f"{exercise_id!r} is not a known exercise")
    exercise = exercises[exercise_id]
    overrides = parse_dosage_fields({k: v for k, v in raw.items() if k in DOSAGE_RANGES}, prefix)
    if exercise.dosage.is_timed_block and set(overrides) - {"duration_seconds"}:
        bad = sorted(set(overrides) - {"duration_seconds"})[0]
        raise LibraryError(
            prefix + bad,
            "a timed block can only set duration_seconds",
            f"Remove {bad}, or give duration_seconds instead.",
        )
    if "duration_seconds" in overrides and not exercise.dosage.is_timed_block:
        raise LibraryError(
            prefix + "duration_seconds",
            f"{exercise_id!r} is done in reps, not timed",
            "Remove duration_seconds, or give reps and hold_seconds instead.",
        )
    dosage = with_overrides(exercise.dosage, overrides)
    for problem in exercise.dosage_problems(dosage):
        raise _out_of_range(prefix + problem.field, exercise, problem)
    return RoutineItem(exercise, dosage, _item_side(raw, exercise, prefix), _item_note(raw, prefix))


def _out_of_range(name: str, exercise: Exercise, problem: OutOfRange) -> LibraryError:
    low, high, value = problem.low, problem.high, problem.value
    called = exercise.name[:1].lower() + exercise.name[1:]
    field_name = name.rsplit(".", 1)[-1]
    if low == high:
        return LibraryError(
            name,
            f"must stay {low} for the {called}, not {value}: its file gives no range to change it",
            f"Leave out {field_name}, or write {field_name} = {low}.",
        )
    return LibraryError(
        name,
        f"must be between {low} and {high} for the {called} (its safe range), not {value}",
        f"Use a value from {low} to {high}.",
    )


def _item_side(raw: dict[str, Any], exercise: Exercise, prefix: str) -> OnlySide | None:
    if "side" not in raw:
        return None
    value = require(raw, "side", str, prefix)
    if not exercise.two_sided:
        raise LibraryError(
            prefix + "side",
            f"{exercise.id!r} is not done on one side at a time, so it has no side to choose",
            "Remove the side line.",
        )
    try:
        return OnlySide(value)
    except ValueError:
        raise LibraryError(
            prefix + "side",
            f"{value!r} is not 'left' or 'right'",
            'Write side = "left" or side = "right", or remove it to do both sides.',
        ) from None


def _item_note(raw: dict[str, Any], prefix: str) -> str:
    if "note" not in raw:
        return ""
    # A note is one short paragraph: line breaks and runs of spaces read as one space.
    note = " ".join(require(raw, "note", str, prefix).split())
    if len(note) > ITEM_NOTE_LENGTH:
        raise LibraryError(
            prefix + "note",
            f"must be at most {ITEM_NOTE_LENGTH} characters long (it has {len(note)})",
            "Say it more briefly: a note is one or two sentences.",
        )
    return note


#: The dosage fields, in the order a routine file writes them.
_DOSAGE_FIELD_ORDER = (
    "reps",
    "hold_seconds",
    "release_seconds",
    "sets",
    "rest_seconds",
    "duration_seconds",
)


def routine_item_to_data(item: RoutineItem) -> dict[str, Any]:
    """One `[[items]]` entry: the exercise, the dosage fields that differ, side and note."""
    data: dict[str, Any] = {"exercise": item.exercise.id}
    own = item.exercise.dosage
    for name in _DOSAGE_FIELD_ORDER:
        value = getattr(item.dosage, name)
        if value is not None and value != getattr(own, name):
            data[name] = value
    if item.only_side is not None:
        data["side"] = item.only_side.value
    if item.note:
        data["note"] = item.note
    return data


def routine_to_data(routine: Routine) -> dict[str, Any]:
    """The inverse of `parse_routine`: the routine as a routine file's tables and values.

    Only what the file needs: each item's dosage fields that differ from the exercise's own,
    its side and note; `changeover_seconds` and `based_on` when set. (`origin` and `locked` are
    not in the file: they come from where the routine is kept.)
    """
    data: dict[str, Any] = {
        "id": routine.id,
        "name": routine.name,
        "description": routine.description,
    }
    if routine.changeover_seconds is not None:
        data["changeover_seconds"] = routine.changeover_seconds
    if routine.based_on is not None:
        data["based_on"] = routine.based_on
    data["items"] = [routine_item_to_data(item) for item in routine.items]
    return data


def routine_to_toml(routine: Routine) -> str:
    """The routine as a routine file (what the data file keeps as an own routine's body).

    `parse_routine(tomllib.loads(routine_to_toml(r)), r.id, exercises, origin=r.origin,
    locked=r.locked) == r` for every routine `parse_routine` can give.
    """
    data = routine_to_data(routine)
    lines = [*key_lines(data), *tables_lines("items", data["items"])]
    return "\n".join(lines) + "\n"
