"""Load and validate the exercise library from TOML files.

A library file is written by people, so it will one day contain a typo. The loader checks every
field against `docs/EXERCISE_FORMAT.md`, and a bad file is *skipped* with a `Problem` that names
the file and the field; the rest of the library still loads and the app keeps running. Unknown
fields are errors too, so a misspelt key never silently drops a caution.

The exercise, guide and source files are checked here. The checks every field goes through are
`core.library_fields`, the routine format is `core.routine_format`, and translation files are
checked by `core.translation_format`, imported only for another language (`core.translation`).
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from spinecoach.core.chains import link_problems, without_bad_links
from spinecoach.core.exercise import (
    Category,
    Exercise,
    Guide,
    Motion,
    Position,
    Routine,
    SideMeaning,
    Sides,
    Source,
    SpinalMovement,
    Target,
)
from spinecoach.core.library_fields import (
    ID_PATTERN,
    LibraryError,
    check_id,
    check_unknown,
    describe_value,
    parse_dosage,
    parse_limits,
    require,
    require_choice,
    require_text,
    require_text_list,
)
from spinecoach.core.messages import ENGLISH, Messages
from spinecoach.core.routine_format import parse_routine
from spinecoach.core.session_settings import played_seconds

if TYPE_CHECKING:
    from importlib.resources.abc import Traversable

EXERCISE_FIELDS = frozenset(
    {
        "id", "name", "summary", "category", "position", "desk_friendly", "difficulty",
        "targets", "sides", "steps", "breathing", "cautions", "image", "dosage", "source",
        "hold_step", "release_step", "motion", "side_means", "limits", "movement", "easier",
        "harder",
    }
)  # fmt: skip
GUIDE_FIELDS = frozenset(
    {"id", "name", "summary", "position", "steps", "cautions", "image", "source"}
)
SOURCE_FIELDS = frozenset({"title", "publisher", "url"})

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
