"""The translator's tools: how complete a language is, and a new language's first files.

Apart from `translation`, which the app loads, because only a translator and the tests run
`check_language` and `write_skeleton`; `python -m spinecoach.core.translation` runs `main` here.
"""

from __future__ import annotations

import json
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from spinecoach.core.exercise import Exercise, Guide, Routine
from spinecoach.core.languages import TRANSLATIONS, language_chain, normalise_language
from spinecoach.core.library import Problem, load_library
from spinecoach.core.translation import (
    CORE_CATALOG,
    declared_messages,
    english_items,
    load_messages,
    read_overlay,
)
from spinecoach.core.translation_format import LIST_FIELDS, TRANSLATABLE_FIELDS

if TYPE_CHECKING:
    from collections.abc import Mapping
    from importlib.resources.abc import Traversable

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
    overlay = read_overlay(english, resources, chain)
    missing: list[str] = []
    same: list[str] = []
    counts: dict[str, tuple[int, int]] = {}
    for kind in TRANSLATABLE_FIELDS:
        originals = english_items(english, kind)
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
        for key, item in english_items(english, kind).items():
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
