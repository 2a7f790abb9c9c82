"""Reading and writing a programme file (docs/PROGRAMME_FORMAT.md).

A programme file is written by a physiotherapist in a text editor, so it will one day hold a
typo. `parse_programme` never raises: it returns the programme, or every problem it found, each
with its line, the field, what is wrong and how to fix it ("Did you mean 'glute-bridge'?").
The routines inside use the routine format (`core.routine_format.parse_routine_item`), so every
dosage stays inside its exercise's safe range.

The problems are in English, like the library's own problems: they speak to the file's author
about its English field names and TOML syntax, and quote them exactly; the import preview
around them is translated. The problem type and the usual fixes are in `problems`.
"""

from __future__ import annotations

import re
import tomllib
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from spinecoach.core.exercise import Exercise, Routine, RoutineItem, RoutineOrigin
from spinecoach.core.library_fields import ID_PATTERN, LibraryError
from spinecoach.core.programme.lines import index_lines
from spinecoach.core.programme.model import (
    FREQUENCY_FORMS,
    Frequency,
    PrescribedRoutine,
    Programme,
    parse_frequency,
    programme_key,
    programme_routine_id,
    slug,
)
from spinecoach.core.programme.problems import (
    Problems,
    ProgrammeProblem,
    describe,
    did_you_mean,
    syntax_problem,
)
from spinecoach.core.routine_format import (
    ROUTINE_ITEMS_COUNT,
    parse_routine_details,
    parse_routine_item,
    routine_item_to_data,
)
from spinecoach.core.toml_text import key_lines, toml_value

#: The version of the format this SpineCoach reads and writes (`format = 1`, the first line).
FORMAT_VERSION = 1

PROGRAMME_FIELDS = (
    "format",
    "title",
    "prescribed_by",
    "contact",
    "start",
    "review",
    "locked",
    "notes",
    "routines",
)
PROGRAMME_ROUTINE_FIELDS = (
    "id",
    "name",
    "description",
    "frequency",
    "changeover_seconds",
    "items",
)
#: How many routines one programme may hold.
ROUTINES_COUNT = (1, 8)
#: Lengths of the programme's own texts (characters).
TEXT_LENGTHS = {
    "title": (2, 80),
    "prescribed_by": (2, 80),
    "contact": (0, 160),
    "notes": (0, 1000),
}
#: The longest id a routine may have inside its programme.
ROUTINE_ID_LENGTH = 30


@dataclass(frozen=True, slots=True)
class ProgrammeParse:
    """What reading a programme file gave: the programme, or None and every problem found."""

    programme: Programme | None
    problems: tuple[ProgrammeProblem, ...]

    @property
    def ok(self) -> bool:
        """True when the file gave a programme (and so no problems)."""
        return self.programme is not None


def parse_programme(text: str, exercises: Mapping[str, Exercise]) -> ProgrammeParse:
    """Read a programme file's text; never raises. See docs/PROGRAMME_FORMAT.md."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        return ProgrammeParse(None, (syntax_problem(error),))
    problems = Problems(index_lines(text))
    if not _check_format(data, problems):
        return ProgrammeParse(None, tuple(problems.found))
    for name in data:
        if name not in PROGRAMME_FIELDS:
            problems.add(name, "is not a known field", did_you_mean(name, PROGRAMME_FIELDS))
    title = _text(data, "title", problems)
    prescribed_by = _text(data, "prescribed_by", problems)
    contact = _text(data, "contact", problems, required=False)
    notes = _text(data, "notes", problems, required=False, multiline=True)
    start = _date(data, "start", problems)
    review = _date(data, "review", problems, required=False)
    if start is not None and review is not None and review < start:
        problems.add(
            "review",
            f"is before the start ({review.isoformat()} is before {start.isoformat()})",
            "Give a review date on or after the start date, or leave it out.",
        )
    locked = True
    if "locked" in data:
        if isinstance(data["locked"], bool):
            locked = data["locked"]
        else:
            problems.add("locked", "must be true or false")
    key = programme_key(title or "", prescribed_by or "")
    routines = _routines(data, key, locked, exercises, problems)
    if problems.found or title is None or prescribed_by is None or start is None:
        return ProgrammeParse(None, tuple(problems.found))
    programme = Programme(
        title=title,
        prescribed_by=prescribed_by,
        contact=contact or "",
        start=start,
        review=review,
        locked=locked,
        routines=routines,
        notes=notes or "",
    )
    return ProgrammeParse(programme, ())


def _check_format(data: dict[str, Any], problems: Problems) -> bool:
    """False when the file's format cannot be read at all (a newer SpineCoach's)."""
    if "format" not in data:
        problems.add("format", "is missing")
        return True
    version = data["format"]
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        problems.add("format", f"must be {FORMAT_VERSION}", f"Write format = {FORMAT_VERSION}.")
        return True
    if version > FORMAT_VERSION:
        problems.add(
            "format",
            f"is {version}: this file was made by a newer SpineCoach "
            f"(this one reads format {FORMAT_VERSION})",
            "Update SpineCoach, or ask for the programme to be saved in format 1.",
        )
        return False
    return True


def _has_control_characters(text: str, allowed: str = "") -> bool:
    return any(unicodedata.category(char) == "Cc" and char not in allowed for char in text)


def _text(
    data: dict[str, Any],
    key: str,
    problems: Problems,
    *,
    required: bool = True,
    multiline: bool = False,
) -> str | None:
    if key not in data:
        if required:
            problems.add(key, "is missing")
        return None
    value = data[key]
    if not isinstance(value, str):
        problems.add(key, f"must be text, not {describe(value)}")
        return None
    if multiline:
        text = value.replace("\r\n", "\n").replace("\r", "\n").strip()
    else:
        text = " ".join(value.split())
    if _has_control_characters(text, "\n\t" if multiline else ""):
        problems.add(key, "holds a control character", "Retype the text in a text editor.")
        return None
    low, high = TEXT_LENGTHS[key]
    if not low <= len(text) <= high:
        problems.add(key, f"must be {low}-{high} characters long (it has {len(text)})")
        return None
    return text


def _date(
    data: dict[str, Any], key: str, problems: Problems, *, required: bool = True
) -> date | None:
    if key not in data:
        if required:
            problems.add(key, "is missing")
        return None
    value = data[key]
    if isinstance(value, date) and not isinstance(value, datetime):
        return value
    example = "2025-03-03"
    if isinstance(value, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", value.strip()):
        example = value.strip()
    problems.add(
        key,
        f"must be a date, not {describe(value)}",
        f"Write the date as year-month-day without quotes: {key} = {example}.",
    )
    return None


def _routines(
    data: dict[str, Any],
    key: str,
    locked: bool,
    exercises: Mapping[str, Exercise],
    problems: Problems,
) -> tuple[PrescribedRoutine, ...]:
    raw = data.get("routines")
    if raw is None:
        problems.add("routines", "is missing")
        return ()
    if not isinstance(raw, list) or not all(isinstance(entry, dict) for entry in raw):
        problems.add(
            "routines",
            "must be [[routines]] tables",
            "Start each routine with a line [[routines]] (double brackets).",
        )
        return ()
    low, high = ROUTINES_COUNT
    if not low <= len(raw) <= high:
        problems.add("routines", f"must have {low}-{high} routines (it has {len(raw)})")
    found: list[PrescribedRoutine] = []
    seen: set[str] = set()
    for index, table in enumerate(raw, start=1):
        prescribed = _routine(table, f"routines[{index}].", key, locked, exercises, problems)
        if prescribed is None:
            continue
        if prescribed.routine.id in seen:
            problems.add(
                f"routines[{index}].id",
                "is used by another routine of this programme",
                "Give each routine its own id.",
            )
        seen.add(prescribed.routine.id)
        found.append(prescribed)
    return tuple(found)


def _routine(
    table: dict[str, Any],
    prefix: str,
    key: str,
    locked: bool,
    exercises: Mapping[str, Exercise],
    problems: Problems,
) -> PrescribedRoutine | None:
    before = len(problems.found)
    for name in table:
        if name not in PROGRAMME_ROUTINE_FIELDS:
            fix = did_you_mean(name, PROGRAMME_ROUTINE_FIELDS)
            problems.add(prefix + name, "is not a known field", fix)
    routine_id = _routine_id(table, prefix, problems)
    frequency = _frequency(table, prefix, problems)
    items = _items(table, prefix, exercises, problems)
    try:
        name, description, changeover = parse_routine_details(table)
    except LibraryError as error:
        problems.add_error(error, prefix)
        return None
    if len(problems.found) > before or routine_id is None or frequency is None:
        return None
    routine = Routine(
        id=programme_routine_id(key, routine_id),
        name=name,
        description=description,
        items=items,
        changeover_seconds=changeover,
        origin=RoutineOrigin.PROGRAMME,
        locked=locked,
    )
    return PrescribedRoutine(routine, frequency)


def _routine_id(table: dict[str, Any], prefix: str, problems: Problems) -> str | None:
    value = table.get("id")
    if value is None:
        problems.add(prefix + "id", "is missing")
        return None
    if not isinstance(value, str):
        problems.add(prefix + "id", f"must be text, not {describe(value)}")
        return None
    if not ID_PATTERN.match(value) or len(value) > ROUTINE_ID_LENGTH:
        problems.add(
            prefix + "id",
            f"{value!r} must be lowercase words joined by '-' "
            f"(at most {ROUTINE_ID_LENGTH} characters)",
        )
        return None
    return value


def _frequency(table: dict[str, Any], prefix: str, problems: Problems) -> Frequency | None:
    value = table.get("frequency")
    if value is None:
        problems.add(prefix + "frequency", "is missing")
        return None
    if not isinstance(value, str):
        problems.add(prefix + "frequency", f"must be text, not {describe(value)}")
        return None
    try:
        return parse_frequency(value)
    except ValueError as error:
        forms = ", ".join(f'"{form}"' for form in FREQUENCY_FORMS)
        message = str(error).split(";", 1)[0]
        problems.add(
            prefix + "frequency",
            message,
            f"Write one of {forms} (N from 1 to 4 a day, or 1 to 14 a week).",
        )
        return None


def _items(
    table: dict[str, Any],
    prefix: str,
    exercises: Mapping[str, Exercise],
    problems: Problems,
) -> tuple[RoutineItem, ...]:
    raw = table.get("items")
    if raw is None:
        problems.add(prefix + "items", "is missing")
        return ()
    if not isinstance(raw, list):
        problems.add(
            prefix + "items",
            f"must be [[routines.items]] tables, not {describe(raw)}",
            "Start each exercise with a line [[routines.items]] (double brackets).",
        )
        return ()
    low, high = ROUTINE_ITEMS_COUNT
    if not low <= len(raw) <= high:
        problems.add(prefix + "items", f"must have {low}-{high} exercises (it has {len(raw)})")
    items = []
    for index, entry in enumerate(raw, start=1):
        exercise_id = entry.get("exercise") if isinstance(entry, dict) else None
        if isinstance(exercise_id, str) and exercise_id not in exercises:
            problems.add(
                f"{prefix}items[{index}].exercise",
                f"{exercise_id!r} is not an exercise in this SpineCoach",
                did_you_mean(exercise_id, exercises)
                or "Use an exercise id from the list in docs/PROGRAMME_FORMAT.md.",
            )
            continue
        try:
            items.append(parse_routine_item(entry, index, exercises))
        except LibraryError as error:
            problems.add_error(error, prefix)
    return tuple(items)


# --- writing ------------------------------------------------------------------------------------


def programme_to_toml(programme: Programme) -> str:
    """The programme as a file `parse_programme` reads back as an equal programme."""
    head: dict[str, Any] = {
        "format": FORMAT_VERSION,
        "title": programme.title,
        "prescribed_by": programme.prescribed_by,
        "contact": programme.contact,
        "start": programme.start,
    }
    if programme.review is not None:
        head["review"] = programme.review
    head["locked"] = programme.locked
    lines = [
        "# A SpineCoach programme: docs/PROGRAMME_FORMAT.md says what each line means.",
        *key_lines(head),
    ]
    if programme.notes:
        lines.append(f"notes = {toml_value(programme.notes)}")
    prefix = programme_routine_id(programme.key, "")
    used: set[str] = set()
    for number, prescribed in enumerate(programme.routines, start=1):
        routine = prescribed.routine
        local = _local_id(routine, prefix, number, used)
        used.add(local)
        details: dict[str, Any] = {
            "id": local,
            "name": routine.name,
            "description": routine.description,
            "frequency": prescribed.frequency.file_text,
        }
        if routine.changeover_seconds is not None:
            details["changeover_seconds"] = routine.changeover_seconds
        lines += ["", "[[routines]]", *key_lines(details)]
        for item in routine.items:
            lines += ["", "[[routines.items]]", *key_lines(routine_item_to_data(item))]
    return "\n".join(lines) + "\n"


def _local_id(routine: Routine, prefix: str, number: int, used: set[str]) -> str:
    """A routine's id inside its programme file: its programme id without the prefix."""
    if routine.id.startswith(prefix) and ID_PATTERN.match(routine.id[len(prefix) :]):
        candidate = routine.id[len(prefix) :]
    else:
        candidate = slug(routine.name)[:30].strip("-") or "routine"
    if len(candidate) > ROUTINE_ID_LENGTH:
        candidate = candidate[:ROUTINE_ID_LENGTH].strip("-")
    if candidate in used:
        candidate = f"{candidate[: ROUTINE_ID_LENGTH - 4].strip('-')}-{number}"
    return candidate


def routine_as_programme_toml(
    routine: Routine,
    frequency: Frequency,
    title: str,
    prescribed_by: str,
    *,
    start: date,
    contact: str = "",
    locked: bool = True,
    notes: str = "",
) -> str:
    """One routine as a programme file of its own (the Library's Export).

    `start` is the programme's first day (the export's date, from the app's clock).
    """
    programme = Programme(
        title=title,
        prescribed_by=prescribed_by,
        contact=contact,
        start=start,
        review=None,
        locked=locked,
        routines=(PrescribedRoutine(routine, frequency),),
        notes=notes,
    )
    return programme_to_toml(programme)
