"""The checks every field of a library file goes through, and the dosage every file shares.

Exercises, guides, sources, routines, programmes and translations are all read through these:
one `LibraryError` that names the field, one wording for "is missing", "must be text", a range.
A dosage (`[dosage]`, a routine item's overrides, an exercise's `[limits]`) is checked here too.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from enum import StrEnum
from typing import Any, TypeVar

from spinecoach.core.exercise import LIMITED_FIELDS, Dosage, DosageLimits

ID_PATTERN = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")

#: Allowed ranges of each dosage field (inclusive), shared by exercises and routine overrides.
DOSAGE_RANGES: dict[str, tuple[int, int]] = {
    "reps": (1, 30),
    "hold_seconds": (1, 120),
    "release_seconds": (0, 30),
    "sets": (1, 5),
    "rest_seconds": (0, 180),
    "duration_seconds": (30, 3600),
}


class LibraryError(ValueError):
    """A file broke a rule; carries the field so the message can point at it.

    `fix`, when the rule knows one, says what to write instead ("Use a value from 5 to 15.");
    a programme's import preview shows it under the problem (core/programme/format.py).
    """

    def __init__(self, field_name: str, message: str, fix: str = "") -> None:
        super().__init__(message)
        self.field = field_name
        self.message = message
        self.fix = fix


_T = TypeVar("_T")
_E = TypeVar("_E", bound=StrEnum)


def require(data: dict[str, Any], key: str, kind: type[_T], prefix: str = "") -> _T:
    """The value of `key`, which must be there and be of `kind` (`prefix` leads its name)."""
    name = prefix + key
    if key not in data:
        raise LibraryError(name, "is missing")
    value = data[key]
    # bool is a subclass of int; a `true` where a number belongs is a mistake, not a 1.
    if not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
        raise LibraryError(name, f"must be {_kind_name(kind)}, not {describe_value(value)}")
    return value


def _kind_name(kind: type) -> str:
    return {str: "text", int: "a whole number", bool: "true or false", list: "a list"}.get(
        kind, kind.__name__
    )


def describe_value(value: object) -> str:
    """What a wrong value is, in a problem's words ("text 'x'", "the number 3", "a table")."""
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, str):
        return f"text {value!r}"
    if isinstance(value, int | float):
        return f"the number {value}"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a table"
    return type(value).__name__


def require_text(data: dict[str, Any], key: str, low: int, high: int, prefix: str = "") -> str:
    """A text of `low` to `high` characters, stripped of surrounding space."""
    value = require(data, key, str, prefix).strip()
    if not low <= len(value) <= high:
        raise LibraryError(
            prefix + key, f"must be {low}-{high} characters long (it has {len(value)})"
        )
    return value


def require_choice(data: dict[str, Any], key: str, enum: type[_E]) -> _E:
    """A text that must be one of the values of `enum`."""
    value = require(data, key, str)
    try:
        return enum(value)
    except ValueError:
        allowed = ", ".join(repr(member.value) for member in enum)
        raise LibraryError(key, f"{value!r} is not one of {allowed}") from None


def require_text_list(
    data: dict[str, Any], key: str, count: tuple[int, int], length: tuple[int, int]
) -> tuple[str, ...]:
    """A list of `count` texts (low, high), each of `length` characters (low, high)."""
    items = require(data, key, list)
    if not count[0] <= len(items) <= count[1]:
        raise LibraryError(key, f"must have {count[0]}-{count[1]} entries (it has {len(items)})")
    result = []
    for index, item in enumerate(items, start=1):
        name = f"{key}[{index}]"
        if not isinstance(item, str):
            raise LibraryError(name, f"must be text, not {describe_value(item)}")
        text = item.strip()
        if not length[0] <= len(text) <= length[1]:
            raise LibraryError(
                name, f"must be {length[0]}-{length[1]} characters long (it has {len(text)})"
            )
        result.append(text)
    return tuple(result)


def check_unknown(data: dict[str, Any], allowed: Iterable[str], prefix: str = "") -> None:
    """Refuse the first field (by name) that is not `allowed`: a misspelt key is an error."""
    unknown = sorted(set(data) - set(allowed))
    if unknown:
        raise LibraryError(prefix + unknown[0], "is not a known field (check the spelling)")


def check_id(data: dict[str, Any], stem: str) -> str:
    """The file's `id`: lowercase words joined by '-', the same as its file name."""
    value = require(data, "id", str)
    if not ID_PATTERN.match(value):
        raise LibraryError("id", f"{value!r} must be lowercase words joined by '-'")
    if value != stem:
        raise LibraryError("id", f"{value!r} must match the file name {stem!r}")
    return value


def parse_dosage_fields(data: dict[str, Any], prefix: str) -> dict[str, int]:
    """Validate dosage fields (all optional here) and return them as plain ints."""
    check_unknown(data, DOSAGE_RANGES, prefix)
    values: dict[str, int] = {}
    for key, (low, high) in DOSAGE_RANGES.items():
        if key in data:
            value = require(data, key, int, prefix)
            if not low <= value <= high:
                raise LibraryError(prefix + key, f"must be between {low} and {high}, not {value}")
            values[key] = value
    if "duration_seconds" in values and len(values) > 1:
        other = sorted(set(values) - {"duration_seconds"})[0]
        raise LibraryError(
            prefix + other, "cannot be combined with duration_seconds (a timed block)"
        )
    return values


def parse_dosage(data: object) -> Dosage:
    """Build a complete dosage from an exercise's `[dosage]` table."""
    if not isinstance(data, dict):
        raise LibraryError("dosage", f"must be a table, not {describe_value(data)}")
    values = parse_dosage_fields(data, "dosage.")
    if "duration_seconds" in values:
        return Dosage(duration_seconds=values["duration_seconds"])
    if "hold_seconds" not in values:
        raise LibraryError("dosage.hold_seconds", "is missing (or give duration_seconds)")
    return Dosage(**values)


def parse_limits(data: object, dosage: Dosage) -> DosageLimits:
    """Validate an exercise's `[limits]` table: the safe range of each dosage field.

    Each entry is `field = [low, high]` for one of `LIMITED_FIELDS` (a timed block gives only
    `duration_seconds`, a repetition exercise never does), inside `DOSAGE_RANGES`, and the
    exercise's own `dosage` lies inside it. No table: no field may change (`DosageLimits()`).
    """
    if data is None:
        return DosageLimits()
    if not isinstance(data, dict):
        raise LibraryError("limits", f"must be a table, not {describe_value(data)}")
    for key in sorted(data):
        if key in DOSAGE_RANGES and key not in LIMITED_FIELDS:
            raise LibraryError(f"limits.{key}", "has no range: it is the same for every dosage")
    check_unknown(data, LIMITED_FIELDS, "limits.")
    ranges: list[tuple[str, int, int]] = []
    for key in LIMITED_FIELDS:
        if key not in data:
            continue
        name = f"limits.{key}"
        if dosage.is_timed_block != (key == "duration_seconds"):
            why = "a timed block has only a duration_seconds range"
            if not dosage.is_timed_block:
                why = "the exercise is done in reps, not timed"
            raise LibraryError(name, why)
        raw = data[key]
        if (
            not isinstance(raw, list)
            or len(raw) != 2
            or not all(isinstance(v, int) and not isinstance(v, bool) for v in raw)
        ):
            raise LibraryError(
                name, f"must be [low, high], two whole numbers, not {describe_value(raw)}"
            )
        low, high = raw
        lowest, highest = DOSAGE_RANGES[key]
        if low > high:
            raise LibraryError(name, f"the low end ({low}) is above the high end ({high})")
        if low < lowest or high > highest:
            raise LibraryError(name, f"must lie within {lowest}-{highest}, not [{low}, {high}]")
        own = getattr(dosage, key)
        if not low <= own <= high:
            raise LibraryError(
                name, f"must include the exercise's own dosage ({own}), not [{low}, {high}]"
            )
        ranges.append((key, low, high))
    return DosageLimits(ranges=tuple(ranges))
