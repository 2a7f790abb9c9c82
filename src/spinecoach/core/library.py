"""Load and validate the exercise library from TOML files.

A library file is written by people, so it will one day contain a typo. The loader checks every
field against `docs/EXERCISE_FORMAT.md`, and a bad file is *skipped* with a `Problem` that names
the file and the field; the rest of the library still loads and the app keeps running. Unknown
fields are errors too, so a misspelt key never silently drops a caution.

Translation files (`resources/translations/<language>/exercises/<id>.toml`, ...; see
docs/TRANSLATING.md) hold only the words of an English file. They are checked here against
the English they translate (`parse_translation`): the same id, the same number of steps and
cautions, only translatable fields. A bad field is left out with a `Problem` and that field
stays English; `core.translation` reads the folders and applies what passed.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field, replace
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import Any, TypeVar

from spinecoach.core.chains import link_problems, without_bad_links
from spinecoach.core.exercise import (
    Category,
    Exercise,
    Guide,
    Motion,
    OnlySide,
    OutOfRange,
    Position,
    Routine,
    RoutineItem,
    RoutineOrigin,
    SideMeaning,
    Sides,
    Source,
    SpinalMovement,
    Target,
    with_overrides,
)
from spinecoach.core.library_fields import (
    DOSAGE_RANGES,
    ID_PATTERN,
    LibraryError,
    check_id,
    check_unknown,
    describe_value,
    parse_dosage,
    parse_dosage_fields,
    parse_limits,
    require,
    require_choice,
    require_text,
    require_text_list,
)
from spinecoach.core.messages import ENGLISH, Messages
from spinecoach.core.timeline import played_seconds
from spinecoach.core.toml_text import key_lines, tables_lines

EXERCISE_FIELDS = frozenset(
    {
        "id", "name", "summary", "category", "position", "desk_friendly", "difficulty",
        "targets", "sides", "steps", "breathing", "cautions", "image", "dosage", "source",
        "hold_step", "release_step", "motion", "side_means", "limits", "movement", "easier",
        "harder",
    }
)  # fmt: skip
ROUTINE_FIELDS = frozenset({"id", "name", "description", "items", "changeover_seconds", "based_on"})
#: What one `[[items]]` entry of a routine may give: the exercise, the dosage fields to change,
#: a side (a two-sided exercise done on one side only) and a note shown with the exercise.
ROUTINE_ITEM_FIELDS = frozenset({"exercise", "side", "note", *DOSAGE_RANGES})
#: The longest note an item may carry (shown beside the exercise; one or two sentences).
ITEM_NOTE_LENGTH = 200
#: How many exercises a routine may hold.
ROUTINE_ITEMS_COUNT = (1, 20)
GUIDE_FIELDS = frozenset(
    {"id", "name", "summary", "position", "steps", "cautions", "image", "source"}
)
SOURCE_FIELDS = frozenset({"title", "publisher", "url"})

#: A routine's own time between exercises: long enough to read what comes next.
CHANGEOVER_RANGE = (3, 30)

#: How many cautions an exercise may list: every one is shown before the exercise starts.
CAUTIONS_COUNT = (1, 6)


@dataclass(frozen=True, slots=True)
class Problem:
    """Why one library file was skipped: which file, which field, what is wrong."""

    source: str
    field: str
    message: str

    def __str__(self) -> str:
        where = f"{self.source}: {self.field}" if self.field else self.source
        return f"{where}: {self.message}"


@dataclass(slots=True)
class Library:
    """Everything that loaded, plus every problem found on the way.

    `language` is the language of its words ("en", or what `core.translation` applied) and
    `words` the core's messages in it: pass them on to the timeline, the safety texts and the
    pain advice so everything the person reads is in one language.
    """

    exercises: dict[str, Exercise] = field(default_factory=dict)
    routines: dict[str, Routine] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    guides: dict[str, Guide] = field(default_factory=dict)
    sources: dict[str, Source] = field(default_factory=dict)
    language: str = "en"
    words: Messages = ENGLISH
    #: A translation's note on a source ("in English", what the publisher is), by source id.
    source_notes: dict[str, str] = field(default_factory=dict)

    def cite(self, source_ids: Iterable[str]) -> list[str]:
        """The citations of these source ids, in order (unknown ids are left out)."""
        return [self._citation(s) for s in source_ids if s in self.sources]

    def _citation(self, source_id: str) -> str:
        citation = self.sources[source_id].citation()
        note = self.source_notes.get(source_id)
        return f"{citation} – {note}" if note else citation

    def routines_using(self, exercise_id: str) -> list[Routine]:
        """The routines that include an exercise, in library order."""
        return [r for r in self.routines.values() if exercise_id in r.exercise_ids]


_Item = TypeVar("_Item", Exercise, Routine, Guide)


def parse_exercise(
    data: dict[str, Any],
    stem: str,
    image_exists: Callable[[str], bool],
    known_sources: Iterable[str] = (),
) -> Exercise:
    """Validate one exercise file's contents. Raises `LibraryError` naming the field."""
    check_unknown(data, EXERCISE_FIELDS)
    exercise_id = check_id(data, stem)
    difficulty = require(data, "difficulty", int)
    if not 1 <= difficulty <= 3:
        raise LibraryError("difficulty", f"must be 1, 2 or 3, not {difficulty}")
    raw_targets = require(data, "targets", list)
    if not 1 <= len(raw_targets) <= 4:
        raise LibraryError("targets", f"must have 1-4 entries (it has {len(raw_targets)})")
    targets: list[Target] = []
    for index, raw in enumerate(raw_targets, start=1):
        try:
            target = Target(raw)
        except ValueError:
            allowed = ", ".join(repr(t.value) for t in Target)
            raise LibraryError(f"targets[{index}]", f"{raw!r} is not one of {allowed}") from None
        if target in targets:
            raise LibraryError(f"targets[{index}]", f"{raw!r} is listed twice")
        targets.append(target)
    image = require(data, "image", str)
    if not image_exists(image):
        raise LibraryError("image", f"{image!r} was not found in icons/exercises/")
    breathing = None
    if "breathing" in data:
        breathing = require_text(data, "breathing", 10, 140)
    desk_friendly = require(data, "desk_friendly", bool)
    steps = require_text_list(data, "steps", (2, 8), (10, 140))
    sides = require_choice(data, "sides", Sides)
    side_means = None
    if sides is Sides.BOTH:
        side_means = require_choice(data, "side_means", SideMeaning)
    elif "side_means" in data:
        raise LibraryError("side_means", 'only a two-sided exercise (sides = "both") has one')
    hold_step = _step_number(data, "hold_step", len(steps), required=True)
    release_step = _step_number(data, "release_step", len(steps), required=False)
    motion = require_choice(data, "motion", Motion) if "motion" in data else Motion.HOLD
    movement = SpinalMovement.NEUTRAL
    if "movement" in data:
        movement = require_choice(data, "movement", SpinalMovement)
    easier, harder = (
        _check_link(require(data, key, str), key) if key in data else None
        for key in ("easier", "harder")
    )
    dosage = parse_dosage(data.get("dosage"))
    return Exercise(
        id=exercise_id,
        name=require_text(data, "name", 2, 40),
        summary=require_text(data, "summary", 20, 160),
        category=require_choice(data, "category", Category),
        position=require_choice(data, "position", Position),
        desk_friendly=desk_friendly,
        difficulty=difficulty,
        targets=tuple(targets),
        sides=sides,
        steps=steps,
        cautions=require_text_list(data, "cautions", CAUTIONS_COUNT, (10, 160)),
        image=image,
        dosage=dosage,
        breathing=breathing,
        sources=_source_ids(data, known_sources),
        hold_step=hold_step,
        release_step=release_step,
        motion=motion,
        side_means=side_means,
        limits=parse_limits(data.get("limits"), dosage),
        movement=movement,
        easier=easier,
        harder=harder,
    )


def _check_link(value: str, key: str) -> str:
    """An `easier` or `harder` link: an exercise id (checked against the library on load)."""
    if not ID_PATTERN.match(value):
        raise LibraryError(key, f"{value!r} is not an exercise id (lowercase words joined by '-')")
    return value


def _step_number(data: dict[str, Any], key: str, count: int, *, required: bool) -> int | None:
    """A 1-based step number in the file, returned 0-based."""
    if key not in data and not required:
        return None
    number = require(data, key, int)
    if not 1 <= number <= count:
        raise LibraryError(key, f"must be a step number from 1 to {count}, not {number}")
    return number - 1


def _source_ids(data: dict[str, Any], known: Iterable[str]) -> tuple[str, ...]:
    raw = require(data, "source", list)
    if not 1 <= len(raw) <= 4:
        raise LibraryError("source", f"must have 1-4 entries (it has {len(raw)})")
    allowed = set(known)
    ids: list[str] = []
    for index, value in enumerate(raw, start=1):
        name = f"source[{index}]"
        if not isinstance(value, str):
            raise LibraryError(name, f"must be text, not {describe_value(value)}")
        if value not in allowed:
            raise LibraryError(name, f"{value!r} is not in sources.toml")
        if value in ids:
            raise LibraryError(name, f"{value!r} is listed twice")
        ids.append(value)
    return tuple(ids)


def parse_guide(
    data: dict[str, Any],
    stem: str,
    image_exists: Callable[[str], bool],
    known_sources: Iterable[str],
) -> Guide:
    """Validate one how-to guide (`resources/guides/<id>.toml`)."""
    check_unknown(data, GUIDE_FIELDS)
    guide_id = check_id(data, stem)
    image = require(data, "image", str)
    if not image_exists(image):
        raise LibraryError("image", f"{image!r} was not found in icons/exercises/")
    return Guide(
        id=guide_id,
        name=require_text(data, "name", 2, 40),
        summary=require_text(data, "summary", 20, 160),
        position=require_choice(data, "position", Position),
        steps=require_text_list(data, "steps", (2, 10), (10, 160)),
        cautions=require_text_list(data, "cautions", (1, 4), (10, 160)),
        image=image,
        sources=_source_ids(data, known_sources),
    )


def parse_sources(data: dict[str, Any]) -> dict[str, Source]:
    """Validate `resources/sources.toml`: one table per source id."""
    sources: dict[str, Source] = {}
    for source_id, table in data.items():
        if not ID_PATTERN.match(source_id):
            raise LibraryError(source_id, "must be lowercase words joined by '-'")
        if not isinstance(table, dict):
            raise LibraryError(source_id, f"must be a table, not {describe_value(table)}")
        check_unknown(table, SOURCE_FIELDS, f"{source_id}.")
        url = require(table, "url", str, f"{source_id}.") if "url" in table else ""
        sources[source_id] = Source(
            id=source_id,
            title=require_text(table, "title", 2, 120, f"{source_id}."),
            publisher=require_text(table, "publisher", 2, 60, f"{source_id}."),
            url=url,
        )
    return sources


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


#: What `based_on` may name: a routine id, or a single exercise played as one ("exercise:<id>").
BASED_ON_PATTERN = re.compile(r"^(?:exercise:)?[a-z0-9]+(?:-[a-z0-9]+)*$")


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


# --- translations -------------------------------------------------------------------------------

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


def read_toml(entry: Traversable) -> dict[str, Any]:
    """A TOML file's contents; `LibraryError` (no field) when it is not UTF-8 or not TOML.

    `tomllib` is imported here: a start whose files all come from the parsed-file cache
    (`storage.parsed_toml_cache`) never needs it.
    """
    import tomllib

    try:
        return tomllib.loads(entry.read_text(encoding="utf-8"))
    except UnicodeDecodeError as error:
        raise LibraryError("", f"is not UTF-8 text ({error.reason})") from None
    except tomllib.TOMLDecodeError as error:
        raise LibraryError("", f"is not valid TOML: {error}") from None


def toml_files(folder: Traversable) -> list[Traversable]:
    """The `.toml` files in a folder, by name; none when the folder is missing."""
    if not folder.is_dir():
        return []
    return sorted(
        (entry for entry in folder.iterdir() if entry.name.endswith(".toml")),
        key=lambda entry: entry.name,
    )


def load_library(
    resources: Traversable,
    images: Traversable,
    read: Callable[[Traversable], dict[str, Any]] = read_toml,
) -> Library:
    """Load `sources.toml`, then `exercises/`, `guides/` and `routines/` under `resources`.

    Never raises for a bad file: each is skipped and reported in `Library.problems`.
    Sources load first (exercises cite them), exercises before routines (routines use them).
    `read` parses one file (`read_toml`, or the app's cache of parsed files in front of it).
    """
    library = Library()

    def image_exists(name: str) -> bool:
        return "/" not in name and "\\" not in name and (images / name).is_file()

    sources_file = resources / "sources.toml"
    try:
        library.sources = parse_sources(read(sources_file)) if sources_file.is_file() else {}
    except LibraryError as error:
        library.problems.append(Problem("sources.toml", error.field, error.message))

    def add_exercise(data: dict[str, Any], stem: str) -> None:
        exercise = parse_exercise(data, stem, image_exists, library.sources)
        library.exercises[exercise.id] = exercise

    def add_guide(data: dict[str, Any], stem: str) -> None:
        guide = parse_guide(data, stem, image_exists, library.sources)
        library.guides[guide.id] = guide

    def add_routine(data: dict[str, Any], stem: str) -> None:
        routine = parse_routine(data, stem, library.exercises)
        library.routines[routine.id] = routine

    exercise_files = toml_files(resources / "exercises")
    if not exercise_files:
        library.problems.append(Problem("exercises/", "", "no exercise files were found"))
    batches = (
        ("exercises", exercise_files, add_exercise),
        ("guides", toml_files(resources / "guides"), add_guide),
        ("routines", toml_files(resources / "routines"), add_routine),
    )
    for folder, entries, add in batches:
        for entry in entries:
            try:
                add(read(entry), entry.name.removesuffix(".toml"))
            except LibraryError as error:
                source = f"{folder}/{entry.name}"
                library.problems.append(Problem(source, error.field, error.message))
        if folder == "exercises":
            # Easier and harder versions link both ways (core.chains); a bad link is dropped.
            links = link_problems(library.exercises)
            for link in links:
                source = f"exercises/{link.exercise_id}.toml"
                library.problems.append(Problem(source, link.field, link.message))
            library.exercises = without_bad_links(library.exercises, links)
    return library


def main(argv: list[str] | None = None) -> int:
    """Validate a library folder from the command line: `python -m spinecoach.core.library`."""
    args = sys.argv[1:] if argv is None else argv
    resources = Path(args[0] if args else "resources")
    images = Path(args[1] if len(args) > 1 else "icons/exercises")
    library = load_library(resources, images)
    for problem in library.problems:
        print(f"error: {problem}")
    print(
        f"{len(library.exercises)} exercises "
        f"({sum(e.desk_friendly for e in library.exercises.values())} desk-friendly), "
        f"{len(library.guides)} guides, "
        f"{len(library.routines)} routines, {len(library.problems)} problems"
    )
    for routine in library.routines.values():
        played = played_seconds(routine)
        print(
            f"  {routine.id}: {routine.total_seconds} s of exercise, "
            f"{played} s played ({played // 60}:{played % 60:02d})"
        )
    return 1 if library.problems else 0


if __name__ == "__main__":
    raise SystemExit(main())
