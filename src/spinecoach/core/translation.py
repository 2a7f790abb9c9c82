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
message still missing (exit 1 if any). The checker, and the files that start a new language, are
`core.translation_tools`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field, replace
from types import ModuleType
from typing import TYPE_CHECKING, Any

from spinecoach.core import (
    content_words,
    cues,
    directions,
    pain,
    progression,
    reminder_summary,
    report_words,
    safety,
    search_words,
    session_summary,
    spoken_numbers,
    timeline,
)
from spinecoach.core.exercise import Exercise, Guide, Routine, RoutineItem
from spinecoach.core.languages import TRANSLATIONS, language_chain, normalise_language
from spinecoach.core.library import Library, Problem, load_library, read_toml, toml_files
from spinecoach.core.library_fields import LibraryError
from spinecoach.core.messages import (
    ENGLISH,
    Message,
    Messages,
    check_text,
    messages_in,
    plural_forms,
    unique,
)
from spinecoach.core.translation_format import (
    TRANSLATABLE_FIELDS,
    TranslatedFields,
    parse_source_translations,
    parse_translation,
    translated,
)

if TYPE_CHECKING:
    from importlib.resources.abc import Traversable

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
    search_words,
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
class Overlay:
    """What a language's files translate, merged over its chain, with the problems found."""

    fields: dict[str, dict[str, TranslatedFields]] = field(default_factory=dict)
    sources: dict[str, dict[str, str]] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)


def english_items(library: Library, kind: str) -> Mapping[str, Exercise | Routine | Guide]:
    """The English library's items of one kind ("exercises", "routines", "guides"), by id."""
    items: dict[str, Mapping[str, Exercise | Routine | Guide]] = {
        "exercises": library.exercises,
        "routines": library.routines,
        "guides": library.guides,
    }
    return items[kind]


def read_overlay(english: Library, resources: Traversable, chain: Iterable[str]) -> Overlay:
    """Every translated field and source of the languages in `chain`, later ones on top."""
    overlay = Overlay(fields={kind: {} for kind in TRANSLATABLE_FIELDS})
    for code in chain:
        folder = resources / TRANSLATIONS / code
        for kind in TRANSLATABLE_FIELDS:
            originals = english_items(english, kind)
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
    overlay = read_overlay(english, resources, chain)
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


if __name__ == "__main__":
    # `python -m spinecoach.core.translation de` (docs/TRANSLATING.md): the translator's tools.
    from spinecoach.core.translation_tools import main

    raise SystemExit(main())
