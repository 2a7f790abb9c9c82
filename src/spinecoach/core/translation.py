"""SpineCoach's content in another language: the library and the core's words, English beneath.

One folder per language beside the English files, which it never touches
(docs/TRANSLATING.md):

    resources/translations/de/
        core.toml               the core's messages (safety texts, pain advice, cues, ...)
        exercises/<id>.toml     name, summary, steps, breathing, cautions of one exercise
        routines/<id>.toml      name, description
        guides/<id>.toml        name, summary, steps, cautions
        sources.toml            per source id: publisher, note (titles stay as published)

The fallback is field by field: whatever a language's files leave out, or get wrong, is
English (a wrong field is also a `Problem` naming file and field, shown like the English
loader's). A country folder (`de_AT`) sits on top of its language (`de`) the same way, so it
can hold only what differs there, such as the emergency numbers in the safety texts.

The app calls one function, `load_library_in(resources, images, language)`, and passes the
returned `Library.words` to whatever speaks (`build_timeline`, `safety_texts`, `rise_advice`,
`describe_reminders`, `core.content_words`). Nothing here is global: two languages can be
loaded side by side (the tests do).

`python -m spinecoach.core.translation de` checks a language: problems, and every field and
message still missing (exit 1 if any).
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field, replace
from importlib.resources.abc import Traversable
from pathlib import Path
from types import ModuleType
from typing import Any

from spinecoach.core import (
    catalog,
    content_words,
    cues,
    directions,
    pain,
    progression,
    reminder_summary,
    report_words,
    safety,
    session_summary,
    spoken_numbers,
    timeline,
)
from spinecoach.core.exercise import Exercise, Guide, Routine, RoutineItem

# The language names and the choice live in `core.languages`, light enough for start-up; they
# stay importable from here, where callers and the docs have always found them.
from spinecoach.core.languages import (  # noqa: F401 - re-exported
    LANGUAGE_PATTERN,
    TRANSLATIONS,
    available_languages,
    choose_language,
    language_chain,
    normalise_language,
)
from spinecoach.core.library import (
    LIST_FIELDS,
    TRANSLATABLE_FIELDS,
    Library,
    LibraryError,
    Problem,
    TranslatedFields,
    load_library,
    parse_source_translations,
    parse_translation,
    read_toml,
    toml_files,
    translated,
)
from spinecoach.core.messages import (
    ENGLISH,
    Message,
    Messages,
    check_text,
    messages_in,
    plural_forms,
    unique,
)

#: The catalog of the core's messages in a language folder.
CORE_CATALOG = "core.toml"
#: The modules whose `Message`s make up the core catalog (a test checks none is left out).
MESSAGE_MODULES: tuple[ModuleType, ...] = (
    safety,
    pain,
    timeline,
    cues,
    spoken_numbers,
    reminder_summary,
    content_words,
    session_summary,
    report_words,
    catalog,
    directions,
    progression,
)


def declared_messages() -> dict[str, Message]:
    """Every message the core says, by id: what a complete catalog translates."""
    return unique(message for module in MESSAGE_MODULES for message in messages_in(vars(module)))


# --- the core catalog ---------------------------------------------------------------------------


def parse_catalog(
    data: Mapping[str, Any], declared: Mapping[str, Message], language: str
) -> tuple[dict[str, dict[str, str]], list[LibraryError]]:
    """Check a `core.toml`: nested tables whose dotted path is a message id.

    Returns the usable texts (by id, by plural form; "other" for a plain message) and one error
    per entry that is not: an unknown id, a broken or unknown placeholder, a missing form.
    """
    forms_needed = plural_forms(language)
    texts: dict[str, dict[str, str]] = {}
    errors: list[LibraryError] = []

    def walk(table: Mapping[str, Any], prefix: str) -> None:
        for key, value in table.items():
            path = prefix + key
            message = declared.get(path)
            if message is None:
                if isinstance(value, dict):
                    walk(value, path + ".")
                else:
                    errors.append(LibraryError(path, "is not a known message (check the spelling)"))
                continue
            try:
                texts[path] = _message_forms(message, value, forms_needed)
            except LibraryError as error:
                errors.append(error)

    walk(data, "")
    return texts, errors


def _message_forms(
    message: Message, value: object, forms_needed: tuple[str, ...]
) -> dict[str, str]:
    key = message.key
    if not message.counted:
        if not isinstance(value, str) or not value.strip():
            raise LibraryError(key, "must be text")
        problem = check_text(message, value)
        if problem:
            raise LibraryError(key, problem)
        return {"other": value}
    if not isinstance(value, dict):
        forms = " and ".join(f"{form} = ..." for form in forms_needed)
        raise LibraryError(key, f"counts something: give a table with {forms}")
    for form in value:
        if form not in forms_needed:
            raise LibraryError(f"{key}.{form}", f"is not a plural form here ({forms_needed})")
    result: dict[str, str] = {}
    for form in forms_needed:
        text = value.get(form)
        if not isinstance(text, str) or not text.strip():
            raise LibraryError(f"{key}.{form}", "is missing (every plural form is needed)")
        problem = check_text(message, text, count_form=form != "other")
        if problem:
            raise LibraryError(f"{key}.{form}", problem)
        result[form] = text
    return result


def load_messages(resources: Traversable, language: str) -> tuple[Messages, list[Problem]]:
    """The core's messages in `language` (English where the catalogs are silent), and problems."""
    chain = language_chain(language)
    if not chain:
        return ENGLISH, []
    declared = declared_messages()
    texts: dict[str, dict[str, str]] = {}
    problems: list[Problem] = []
    for code in chain:
        entry = resources / TRANSLATIONS / code / CORE_CATALOG
        if not entry.is_file():
            continue
        where = f"{TRANSLATIONS}/{code}/{CORE_CATALOG}"
        try:
            found, errors = parse_catalog(read_toml(entry), declared, code)
        except LibraryError as error:
            problems.append(Problem(where, error.field, error.message))
            continue
        texts.update(found)
        problems += [Problem(where, error.field, error.message) for error in errors]
    return Messages(normalise_language(language), texts), problems


# --- the content --------------------------------------------------------------------------------


@dataclass(slots=True)
class _Overlay:
    """What a language's files translate, merged over its chain, with the problems found."""

    fields: dict[str, dict[str, TranslatedFields]] = field(default_factory=dict)
    sources: dict[str, dict[str, str]] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)


def _english_items(library: Library, kind: str) -> Mapping[str, Exercise | Routine | Guide]:
    items: dict[str, Mapping[str, Exercise | Routine | Guide]] = {
        "exercises": library.exercises,
        "routines": library.routines,
        "guides": library.guides,
    }
    return items[kind]


def _read_overlay(english: Library, resources: Traversable, chain: Iterable[str]) -> _Overlay:
    overlay = _Overlay(fields={kind: {} for kind in TRANSLATABLE_FIELDS})
    for code in chain:
        folder = resources / TRANSLATIONS / code
        for kind in TRANSLATABLE_FIELDS:
            originals = _english_items(english, kind)
            for entry in toml_files(folder / kind):
                where = f"{TRANSLATIONS}/{code}/{kind}/{entry.name}"
                stem = entry.name.removesuffix(".toml")
                try:
                    data = read_toml(entry)
                    found, errors = parse_translation(data, stem, kind, originals.get(stem))
                except LibraryError as error:
                    overlay.problems.append(Problem(where, error.field, error.message))
                    continue
                overlay.fields[kind].setdefault(stem, {}).update(found)
                overlay.problems += [Problem(where, e.field, e.message) for e in errors]
        sources_file = folder / "sources.toml"
        if sources_file.is_file():
            where = f"{TRANSLATIONS}/{code}/sources.toml"
            try:
                tables, errors = parse_source_translations(read_toml(sources_file), english.sources)
            except LibraryError as error:
                overlay.problems.append(Problem(where, error.field, error.message))
                continue
            for source_id, table in tables.items():
                overlay.sources.setdefault(source_id, {}).update(table)
            overlay.problems += [Problem(where, e.field, e.message) for e in errors]
    return overlay


def translate_library(english: Library, resources: Traversable, language: str) -> Library:
    """A new `Library`: `english` with `language`'s words put in, field by field.

    The English library is left as it was. Problems of the translation are added after the
    English ones; `words` is the core catalog in the language.
    """
    chain = language_chain(language)
    words, problems = load_messages(resources, language)
    overlay = _read_overlay(english, resources, chain)
    exercises = {
        key: translated(exercise, overlay.fields["exercises"].get(key, {}))
        for key, exercise in english.exercises.items()
    }
    routines = {
        key: translated(
            replace(
                routine,
                items=tuple(
                    RoutineItem(exercises[item.exercise.id], item.dosage) for item in routine.items
                ),
            ),
            overlay.fields["routines"].get(key, {}),
        )
        for key, routine in english.routines.items()
    }
    guides = {
        key: translated(guide, overlay.fields["guides"].get(key, {}))
        for key, guide in english.guides.items()
    }
    sources = dict(english.sources)
    notes = dict(english.source_notes)
    for source_id, table in overlay.sources.items():
        if "publisher" in table:
            sources[source_id] = replace(sources[source_id], publisher=table["publisher"])
        if "note" in table:
            notes[source_id] = table["note"]
    return Library(
        exercises=exercises,
        routines=routines,
        problems=[*english.problems, *problems, *overlay.problems],
        guides=guides,
        sources=sources,
        language=normalise_language(language),
        words=words,
        source_notes=notes,
    )


def load_library_in(
    resources: Traversable,
    images: Traversable,
    language: str,
    read: Callable[[Traversable], dict[str, Any]] = read_toml,
) -> Library:
    """The library in `language` ("de", "de_AT", a locale such as "de_DE.UTF-8", or "en").

    The one call the app makes: the English library (`load_library`, its files parsed by
    `read`), then the language's files over it. A language with no folder, or an unusable
    code, is English; an unusable code is also a `Problem`.
    """
    english = load_library(resources, images, read)
    try:
        chain = language_chain(language)
    except ValueError as error:
        english.problems.append(Problem(TRANSLATIONS, "language", str(error)))
        return english
    if not chain:
        return english
    return translate_library(english, resources, language)


# --- how complete a language is -----------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class LanguageReport:
    """What `check_language` found: problems, what is still English, what looks untranslated."""

    language: str
    problems: tuple[Problem, ...]
    missing: tuple[str, ...]
    same_as_english: tuple[str, ...]
    counts: Mapping[str, tuple[int, int]]

    @property
    def complete(self) -> bool:
        """True when nothing is wrong and nothing is missing."""
        return not self.problems and not self.missing


def _required_fields(item: Exercise | Routine | Guide, kind: str) -> list[str]:
    fields = list(TRANSLATABLE_FIELDS[kind])
    if kind == "exercises" and getattr(item, "breathing", None) is None:
        fields.remove("breathing")
    return fields


def check_language(resources: Traversable, images: Traversable, language: str) -> LanguageReport:
    """Every problem, missing field and missing message of `language` (and its chain).

    `counts` gives, per kind ("exercises", "routines", "guides", "messages"), how many are
    complete out of how many there are. Sources are optional and not counted.
    """
    english = load_library(resources, images)
    chain = language_chain(language)
    words, catalog_problems = load_messages(resources, language)
    overlay = _read_overlay(english, resources, chain)
    missing: list[str] = []
    same: list[str] = []
    counts: dict[str, tuple[int, int]] = {}
    for kind in TRANSLATABLE_FIELDS:
        originals = _english_items(english, kind)
        complete = 0
        for key, item in originals.items():
            given = overlay.fields[kind].get(key, {})
            lacking = [name for name in _required_fields(item, kind) if name not in given]
            if not given:
                missing.append(f"{kind}/{key}.toml: nothing translated")
            else:
                missing += [f"{kind}/{key}.toml: {name}" for name in lacking]
            complete += not lacking
            for name, value in given.items():
                original = getattr(item, name)
                pairs = (
                    zip(value, original, strict=True)
                    if name in LIST_FIELDS
                    else [(value, original)]
                )
                same += [f"{kind}/{key}.toml: {name}" for text, old in pairs if text == old][:1]
        counts[kind] = (complete, len(originals))
    declared = declared_messages()
    untranslated = [key for key in declared if not words.has(declared[key])]
    missing += [f"{CORE_CATALOG}: {key}" for key in untranslated]
    counts["messages"] = (len(declared) - len(untranslated), len(declared))
    same += [
        f"{CORE_CATALOG}: {key}"
        for key, message in declared.items()
        if words.forms(message).get("other") == message.english_forms["other"]
    ]
    return LanguageReport(
        language=normalise_language(language),
        problems=(*english.problems, *catalog_problems, *overlay.problems),
        missing=tuple(missing),
        same_as_english=tuple(same),
        counts=counts,
    )


# --- a new language's first files ---------------------------------------------------------------


def _toml_text(text: str) -> str:
    # A JSON string is a valid TOML basic string (same escapes); keep the accents readable.
    return json.dumps(text, ensure_ascii=False)


def catalog_template() -> str:
    """A `core.toml` holding every message in English, grouped in tables by id: to translate."""
    sections: dict[str, list[str]] = {}
    for key, message in declared_messages().items():
        section, _, name = key.rpartition(".")
        if message.counted:
            forms = ", ".join(
                f"{form} = {_toml_text(text)}" for form, text in message.english_forms.items()
            )
            line = f"{name} = {{ {forms} }}"
        else:
            line = f"{name} = {_toml_text(message.english)}"
        sections.setdefault(section, []).append(line)
    tops = list(dict.fromkeys(section.split(".", 1)[0] for section in sections))
    order = sorted(sections, key=lambda section: (tops.index(section.split(".", 1)[0]), section))
    blocks = [f"[{section}]\n" + "\n".join(sections[section]) for section in order]
    return _CATALOG_HEADER + "\n\n".join(blocks) + "\n"


_CATALOG_HEADER = """\
# The core's words (core/messages.py): safety texts, pain advice, the player's words and cues,
# the reminder sentence, the library's fixed words. Keep every {placeholder}; a counted message
# gives each plural form. Delete a line to say it in English. See docs/TRANSLATING.md.

"""


def _content_template(item: Exercise | Routine | Guide, kind: str) -> str:
    lines = [f"id = {_toml_text(item.id)}"]
    for name in _required_fields(item, kind):
        value = getattr(item, name)
        if isinstance(value, tuple):
            entries = "".join(f"    {_toml_text(text)},\n" for text in value)
            lines.append(f"{name} = [\n{entries}]")
        else:
            lines.append(f"{name} = {_toml_text(value)}")
    return "\n".join(lines) + "\n"


def write_skeleton(resources: Path, images: Path, language: str) -> Path:
    """Start a language: its folder with every file, holding the English words to translate.

    Refuses a folder that exists. The checker's "same as the English" notes are then the list
    of what is left to translate.
    """
    code = normalise_language(language)
    if code == "en":
        raise ValueError("English is the original; it needs no translation folder")
    folder = resources / TRANSLATIONS / code
    if folder.exists():
        raise FileExistsError(f"{folder} exists already; edit its files, or remove it first")
    english = load_library(resources, images)
    for kind in TRANSLATABLE_FIELDS:
        (folder / kind).mkdir(parents=True)
        for key, item in _english_items(english, kind).items():
            text = _content_template(item, kind)
            (folder / kind / f"{key}.toml").write_text(text, encoding="utf-8")
    (folder / CORE_CATALOG).write_text(catalog_template(), encoding="utf-8")
    return folder


def main(argv: list[str] | None = None) -> int:
    """Check a language, or start one (`new`); see the usage text."""
    args = sys.argv[1:] if argv is None else argv
    if not args or args[0] in {"-h", "--help"}:
        print(_USAGE)
        return 2
    new = args[0] == "new"
    if new:
        args = args[1:]
    if not args:
        print(_USAGE)
        return 2
    resources = Path(args[1] if len(args) > 1 else "resources")
    images = Path(args[2] if len(args) > 2 else "icons/exercises")
    if new:
        try:
            folder = write_skeleton(resources, images, args[0])
        except (ValueError, FileExistsError) as error:
            print(f"error: {error}")
            return 1
        print(f"wrote {folder}: translate its files, then run the check")
        return 0
    report = check_language(resources, images, args[0])
    for problem in report.problems:
        print(f"error: {problem}")
    for item in report.missing:
        print(f"missing: {item}")
    for item in report.same_as_english:
        print(f"same as the English: {item}")
    done = ", ".join(f"{kind} {have}/{total}" for kind, (have, total) in report.counts.items())
    print(
        f"{report.language}: {done}; "
        f"{len(report.problems)} problems, {len(report.missing)} missing, "
        f"{len(report.same_as_english)} still as the English"
    )
    return 0 if report.complete else 1


_USAGE = """\
usage: python -m spinecoach.core.translation LANGUAGE [RESOURCES [IMAGES]]
       python -m spinecoach.core.translation new LANGUAGE [RESOURCES [IMAGES]]

The first checks a language (e.g. de, de_AT): problems, missing fields and messages, texts still
the same as the English; exit 1 when anything is wrong or missing. The second starts a language:
resources/translations/LANGUAGE/ with every file, holding the English words to translate."""


if __name__ == "__main__":
    raise SystemExit(main())
