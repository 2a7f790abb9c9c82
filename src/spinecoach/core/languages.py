"""Which languages SpineCoach has, and which one to speak: names and folders, nothing loaded.

Kept apart from `core.translation` (which reads and checks the translated files) because the
choice is made before the window's first paint, when importing the library, the records and
the safety texts would cost start-up time (tests/test_end_to_end.py holds that line).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from spinecoach.core.messages import base_language

if TYPE_CHECKING:
    from collections.abc import Iterable
    from importlib.resources.abc import Traversable

#: The folder under `resources/` holding one folder per language.
TRANSLATIONS = "translations"

#: A language folder's name: "de", or a language and country, "de_AT".
LANGUAGE_PATTERN = re.compile(r"^[a-z]{2,3}(?:_[A-Z]{2})?$")


def normalise_language(code: str) -> str:
    """A language as a folder name: "de-AT", "de_AT.UTF-8" -> "de_AT"; "", "C", "POSIX" -> "en".

    Raises ValueError for anything that is not a language code.
    """
    if code in {"", "C", "POSIX"} or code.startswith(("C.", "POSIX.")):
        return "en"
    match = _LOCALE.match(code)
    if match is None:
        raise ValueError(f"{code!r} is not a language code such as 'de' or 'de_AT'")
    language, country = match.group(1).lower(), match.group(2)
    return f"{language}_{country.upper()}" if country else language


#: A language code as people and locales write it: "de", "de-AT", "de_AT.UTF-8", "sr_RS@latin".
_LOCALE = re.compile(r"^([A-Za-z]{2,3})(?:[-_]([A-Za-z]{2}))?(?:\.[\w-]+)?(?:@\w+)?$")


def language_chain(code: str) -> tuple[str, ...]:
    """The folders read for a language, general first: "de_AT" -> ("de", "de_AT"); "en" -> ()."""
    name = normalise_language(code)
    base = base_language(name)
    if base == "en" and name == "en":
        return ()
    return (base,) if name == base else (base, name)


def available_languages(resources: Traversable) -> tuple[str, ...]:
    """English, then every language folder under `resources/translations/`, sorted."""
    folder = resources / TRANSLATIONS
    found = (
        sorted(e.name for e in folder.iterdir() if e.is_dir() and LANGUAGE_PATTERN.match(e.name))
        if folder.is_dir()
        else []
    )
    return ("en", *(name for name in found if name != "en"))


def choose_language(preference: str, system: str, available: Iterable[str]) -> str:
    """The language to use: the person's choice, else the system's, as the closest translation.

    `preference` is the LANGUAGE setting ("system", or a folder name); `system` the system
    locale's name ("de_AT", "de_DE.UTF-8", "C"). The closest translation is the country folder
    when there is one, else its language's folder ("de_CH" -> "de"), else English. A choice
    whose folder is gone (an older version's, a removed translation) means the system's.
    """
    offered = set(available)

    def closest(code: str) -> str | None:
        try:
            name = normalise_language(code)
        except ValueError:
            return None
        for candidate in (name, base_language(name)):
            if candidate == "en" or candidate in offered:
                return candidate
        return None

    chosen = closest(preference) if preference != "system" else None
    return chosen or closest(system) or "en"
