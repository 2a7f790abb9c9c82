"""Writing the small TOML files SpineCoach exports: routines and programmes.

The standard library reads TOML (`tomllib`) but does not write it, and the files written here
are simple: keys with text, whole numbers, true/false, dates, and arrays of tables. Every text
is a basic string with TOML's escapes, so `tomllib.loads` gives back exactly what was written.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date

#: TOML's short escapes; every other control character is written as \\uXXXX.
_ESCAPES = {
    '"': '\\"',
    "\\": "\\\\",
    "\b": "\\b",
    "\t": "\\t",
    "\n": "\\n",
    "\f": "\\f",
    "\r": "\\r",
}

#: A value this writer can put on one `key = value` line.
Scalar = str | int | bool | date


def toml_string(text: str) -> str:
    """`text` as a TOML basic string, quotes included."""
    out = []
    for char in text:
        if char in _ESCAPES:
            out.append(_ESCAPES[char])
        elif ord(char) < 0x20 or ord(char) == 0x7F:
            out.append(f"\\u{ord(char):04x}")
        else:
            out.append(char)
    return '"' + "".join(out) + '"'


def toml_multiline(text: str) -> str:
    """`text` with line breaks as a TOML multi-line basic string, starting on its own line."""
    out = []
    for char in text:
        if char in ('"', "\\"):
            out.append("\\" + char)
        elif char in "\n\t":
            out.append(char)
        elif ord(char) < 0x20 or ord(char) == 0x7F:
            out.append(f"\\u{ord(char):04x}")
        else:
            out.append(char)
    return '"""\n' + "".join(out) + '"""'


def toml_value(value: Scalar) -> str:
    """One scalar as TOML: a string, a whole number, true/false or a date (2025-03-03)."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, str):
        return toml_multiline(value) if "\n" in value else toml_string(value)
    return value.isoformat()


def key_lines(table: Mapping[str, object]) -> list[str]:
    """`key = value` lines for the scalars of `table`, in its order (lists and tables skipped)."""
    return [
        f"{key} = {toml_value(value)}"
        for key, value in table.items()
        if isinstance(value, str | int | bool | date)
    ]


def tables_lines(header: str, tables: Sequence[Mapping[str, object]]) -> list[str]:
    """An array of tables: a blank line, `[[header]]` and its key lines, for each table."""
    lines: list[str] = []
    for table in tables:
        lines += ["", f"[[{header}]]", *key_lines(table)]
    return lines
