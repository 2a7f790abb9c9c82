"""Soft hyphens in long words, so a narrow column can break them instead of scrolling sideways.

German builds long words ("Oberschenkelrückseiten", 22 letters), and a word-wrapped label is
never narrower than its longest word: at 960 x 540 the player's steps column is ~160 px, and
the card scrolled sideways. Qt breaks a line at a soft hyphen (U+00AD) and draws the hyphen
only there, so the text reads as written wherever it fits. pyphen's dictionaries (the ones
LibreOffice uses) say where a word may be broken.

English is left as written: its words fit the narrowest column, and people (and tests) read the
texts exactly as the content files spell them.
"""

from __future__ import annotations

import re
from functools import cache
from typing import TYPE_CHECKING

from PySide6.QtCore import QLocale

if TYPE_CHECKING:
    import pyphen

SOFT_HYPHEN = "\u00ad"
#: Shorter words fit any column at any text size.
LONG_WORD = 12
_WORD = re.compile(rf"\w{{{LONG_WORD},}}")


@cache
def _dictionary(language: str) -> pyphen.Pyphen | None:
    import pyphen  # here: English never needs it, and loading it cost the Library list ~4 ms

    name = pyphen.language_fallback(language)
    return pyphen.Pyphen(lang=name) if name else None


def hyphenate(text: str, locale: QLocale | None = None) -> str:
    """`text` with soft hyphens in its long words, in the language of `locale` (default: in use).

    Unchanged in English, and in a language pyphen has no dictionary for.
    """
    language = (locale if locale is not None else QLocale()).name()
    if language.startswith("en") or language == "C":
        return text
    dictionary = _dictionary(language)
    if dictionary is None:
        return text
    return _WORD.sub(lambda word: dictionary.inserted(word.group(), hyphen=SOFT_HYPHEN), text)
