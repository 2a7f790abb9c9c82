"""Text in a cell: kept from running as a spreadsheet formula, and free of control characters."""

from __future__ import annotations

import unicodedata
from typing import Final

FORMULA_STARTS: Final = frozenset("=+-@\t\r")
"""A cell starting with one of these is a formula to a spreadsheet; such text is written with a
leading apostrophe (see protect_text)."""
_GUARD: Final = "'"

NOTE_CONTROLS: Final = "\t\n"
"""The only control characters a note may hold: a tab and a line break. A line break written
as CR LF (Windows) is read and kept as written; every other control character (NUL, a lone CR,
escape, DEL, U+0080-U+009F) is refused, in notes and in every other text column."""


def is_control(character: str) -> bool:
    """True for a control character: U+0000-U+001F, DEL and U+0080-U+009F (category Cc)."""
    return unicodedata.category(character) == "Cc"


def without_controls(text: str, keep: str = NOTE_CONTROLS) -> str:
    """`text` with every control character removed except those in `keep`.

    The note boxes use it so that what is typed or pasted is always something the CSV import
    accepts back: a note exported with a NUL in it could never be imported again.
    """
    return "".join(c for c in text if c in keep or not is_control(c))


def protect_text(text: str) -> str:
    """Keep a spreadsheet from running text as a formula; unprotect_text undoes it exactly.

    Text starting with = + - @ tab or carriage return gets a leading apostrophe, and so does
    text that already starts with an apostrophe followed by one of those (or by another
    apostrophe), so that reading back never removes an apostrophe the user typed.
    """
    if text[:1] in FORMULA_STARTS or _is_guarded(text):
        return _GUARD + text
    return text


def unprotect_text(cell: str) -> str:
    """Remove the apostrophe protect_text added, and only that."""
    return cell[1:] if _is_guarded(cell) else cell


def _is_guarded(text: str) -> bool:
    return len(text) >= 2 and text[0] == _GUARD and (text[1] in FORMULA_STARTS or text[1] == _GUARD)
