"""What a translation file may hold, and how it is checked against the English it translates.

A translation (`resources/translations/<language>/exercises/<id>.toml`, ...; docs/TRANSLATING.md)
holds only the words of an English file: the same id, the same number of steps and cautions,
only translatable fields. `core.translation` reads the folders and applies what passes here.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from typing import Any, TypeVar

from spinecoach.core.exercise import Exercise, Guide, Routine
from spinecoach.core.library import EXERCISE_FIELDS, GUIDE_FIELDS, SOURCE_FIELDS
from spinecoach.core.library_fields import (
    LibraryError,
    check_id,
    describe_value,
    require_text,
    require_text_list,
)
from spinecoach.core.routine_format import ROUTINE_FIELDS

_Item = TypeVar("_Item", Exercise, Routine, Guide)

#: What a translation file may hold, per kind: each translatable field and the length of each
#: text (of each entry, for a list). Everything else (dosage, position, sides, images, sources)
#: is the English file's and is never repeated.
TRANSLATABLE_FIELDS: dict[str, dict[str, tuple[int, int]]] = {
    "exercises": {
        "name": (2, 40),
        "summary": (20, 160),
        "steps": (10, 140),
        "breathing": (10, 140),
        "cautions": (10, 160),
    },
    "routines": {"name": (2, 40), "description": (20, 200)},
    "guides": {"name": (2, 40), "summary": (20, 160), "steps": (10, 160), "cautions": (10, 160)},
}
#: A source keeps its title; a translation may word its publisher and add a note.
SOURCE_TRANSLATABLE_FIELDS: dict[str, tuple[int, int]] = {"publisher": (2, 60), "note": (2, 160)}
#: Fields that are lists: a translation gives every entry, in the English order.
LIST_FIELDS = frozenset({"steps", "cautions"})

#: The translated fields of one file: text, or a tuple for a list field.
TranslatedFields = dict[str, str | tuple[str, ...]]


def translated_length(high: int) -> int:
    """The longest a translated text may be: a quarter longer than the English limit.

    German runs 20-30 % longer than English; the layouts leave that room, and a text past it is
    a sign to say it more simply rather than to squeeze it in.
    """
    return high + high // 4


def parse_translation(
    data: dict[str, Any], stem: str, kind: str, english: Exercise | Routine | Guide | None
) -> tuple[TranslatedFields, list[LibraryError]]:
    """Check one translation file of `kind` ("exercises", "routines", "guides").

    Raises `LibraryError` when the whole file is unusable (its id does not match its name or
    names no English file). Otherwise returns the fields that passed and one error for each
    field that did not; that field falls back to the English.
    """
    check_id(data, stem)
    if english is None:
        raise LibraryError("id", f"{stem!r} has no English original ({kind}/{stem}.toml)")
    rules = TRANSLATABLE_FIELDS[kind]
    fields: TranslatedFields = {}
    errors: list[LibraryError] = []
    for key in sorted(set(data) - {"id"}):
        if key not in rules:
            message = "is not a translatable field (check the spelling)"
            if key in EXERCISE_FIELDS | ROUTINE_FIELDS | GUIDE_FIELDS:
                message = "is not translated: it stays as the English file has it"
            errors.append(LibraryError(key, message))
            continue
        low, high = rules[key]
        try:
            fields[key] = _translated_field(data, key, (low, translated_length(high)), english)
        except LibraryError as error:
            errors.append(error)
    return fields, errors


def _translated_field(
    data: dict[str, Any], key: str, length: tuple[int, int], english: Exercise | Routine | Guide
) -> str | tuple[str, ...]:
    if key in LIST_FIELDS:
        count = len(getattr(english, key))
        raw = data[key]
        if isinstance(raw, list) and len(raw) != count:
            raise LibraryError(
                key, f"must have {count} entries, as the English has (it has {len(raw)})"
            )
        return require_text_list(data, key, (count, count), length)
    if key == "breathing" and getattr(english, "breathing", None) is None:
        raise LibraryError(key, "the English exercise has no breathing cue to translate")
    return require_text(data, key, *length)


def parse_source_translations(
    data: dict[str, Any], known: Iterable[str]
) -> tuple[dict[str, dict[str, str]], list[LibraryError]]:
    """Check a translated `sources.toml`: a table per English source id, `publisher`, `note`."""
    allowed = set(known)
    tables: dict[str, dict[str, str]] = {}
    errors: list[LibraryError] = []
    for source_id, table in data.items():
        if source_id not in allowed:
            errors.append(LibraryError(source_id, "is not a source in sources.toml"))
            continue
        if not isinstance(table, dict):
            errors.append(LibraryError(source_id, f"must be a table, not {describe_value(table)}"))
            continue
        fields: dict[str, str] = {}
        for key in sorted(table):
            name = f"{source_id}.{key}"
            if key not in SOURCE_TRANSLATABLE_FIELDS:
                why = "a source keeps its title" if key in SOURCE_FIELDS else "check the spelling"
                errors.append(LibraryError(name, f"is not a translatable field ({why})"))
                continue
            low, high = SOURCE_TRANSLATABLE_FIELDS[key]
            try:
                fields[key] = require_text(table, key, low, high, f"{source_id}.")
            except LibraryError as error:
                errors.append(error)
        tables[source_id] = fields
    return tables, errors


def translated(item: _Item, fields: TranslatedFields) -> _Item:
    """An exercise, routine or guide with its translated fields put in (checked already)."""
    return replace(item, **fields)  # type: ignore[arg-type]
