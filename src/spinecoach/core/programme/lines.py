"""Where a field is in a TOML file, so every problem with a programme can name its line.

`tomllib` gives values without positions. A programme file is simple (tables, arrays of tables,
`key = value` lines), so a small scanner finds each table header and each key line and names
them the way the problems do: `title`, `routines[1]`, `routines[1].items[2].reps` (1-based, as
a person counts). Lines inside multi-line strings are skipped; a file tomllib cannot read is
never scanned (its own error has the line).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

_BARE = r"[A-Za-z0-9_-]+"
_QUOTED = r'"(?:[^"\\]|\\.)*"|\'[^\']*\''
_KEY_PART = rf"(?:{_BARE}|{_QUOTED})"
_DOTTED = rf"{_KEY_PART}(?:\s*\.\s*{_KEY_PART})*"
_ARRAY_HEADER = re.compile(rf"^\[\[\s*(?P<name>{_DOTTED})\s*\]\]\s*(?:#.*)?$")
_TABLE_HEADER = re.compile(rf"^\[\s*(?P<name>{_DOTTED})\s*\]\s*(?:#.*)?$")
_KEY_LINE = re.compile(rf"^(?P<name>{_DOTTED})\s*=(?P<value>.*)$")
_PART = re.compile(_KEY_PART)


def _parts(dotted: str) -> list[str]:
    names = []
    for match in _PART.finditer(dotted):
        part = match.group(0)
        names.append(part[1:-1] if part[:1] in "\"'" else part)
    return names


@dataclass(slots=True)
class LineIndex:
    """The line (1-based) of each table header and key line, by its path in the file."""

    tables: dict[str, int] = field(default_factory=dict)
    keys: dict[str, int] = field(default_factory=dict)

    def line_of(self, path: str) -> int | None:
        """The line of `path`, or of the nearest table holding it (a missing field's table).

        "routines[1].items[2].reps" -> that key's line; when the key is not there, the line of
        `[[routines.items]]` number 2 of routine 1; then of routine 1's header. None when
        nothing on the way is in the file (a top-level field that is missing).
        """
        if path in self.keys:
            return self.keys[path]
        current = path
        while current:
            if current in self.tables:
                return self.tables[current]
            if current in self.keys:
                return self.keys[current]
            current = _parent(current)
        return None


def _parent(path: str) -> str:
    """The path one step up: a[1].b[2].c, a[1].b[2], a[1].b, a[1], a, then ""."""
    if path.endswith("]"):
        return path[: path.rindex("[")]
    return path.rpartition(".")[0]


def index_lines(text: str) -> LineIndex:
    """Scan a TOML text for its table headers and key lines."""
    index = LineIndex()
    counts: dict[str, int] = {}  # an array of tables' path -> how many entries so far
    table = ""
    closing: str | None = None  # the delimiter of the multi-line string being skipped
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        if closing is not None:
            if _closes(line, closing):
                closing = None
            continue
        if not line or line.startswith("#"):
            continue
        if match := _ARRAY_HEADER.match(line):
            base = _resolve(_parts(match["name"]), counts)
            counts[base] = counts.get(base, 0) + 1
            table = f"{base}[{counts[base]}]"
            index.tables.setdefault(table, number)
            continue
        if match := _TABLE_HEADER.match(line):
            table = _resolve(_parts(match["name"]), counts)
            index.tables.setdefault(table, number)
            continue
        if match := _KEY_LINE.match(line):
            key = ".".join(_parts(match["name"]))
            index.keys.setdefault(f"{table}.{key}" if table else key, number)
            closing = _opens_multiline(match["value"])
    return index


def _resolve(names: list[str], counts: dict[str, int]) -> str:
    """A header's names as a path: each array of tables on the way at its latest entry."""
    path = ""
    for position, name in enumerate(names):
        path = f"{path}.{name}" if path else name
        if position < len(names) - 1 and path in counts:
            path = f"{path}[{counts[path]}]"
    return path


def _opens_multiline(value: str) -> str | None:
    """The delimiter when a value starts a multi-line string left open on its line."""
    stripped = value.strip()
    for delimiter in ('"""', "'''"):
        if stripped.startswith(delimiter) and not _closes(stripped[3:], delimiter):
            return delimiter
    return None


def _closes(line: str, delimiter: str) -> bool:
    """True when `line` holds the end of a multi-line string (an unescaped delimiter)."""
    position = line.find(delimiter)
    while position != -1:
        if delimiter == "'''" or not _escaped(line, position):
            return True
        position = line.find(delimiter, position + 1)
    return False


def _escaped(line: str, position: int) -> bool:
    backslashes = 0
    while position - backslashes - 1 >= 0 and line[position - backslashes - 1] == "\\":
        backslashes += 1
    return backslashes % 2 == 1
