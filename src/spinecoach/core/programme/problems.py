"""What is wrong with a programme file, where, and how to fix it, in its author's words.

`format` finds each problem and hands it to `Problems`, which puts it on its line and, when the
rule gave no fix, adds the usual one for its kind. The TOML reader's errors, "Did you mean ...?"
and how a wrong value is named are here too: the wording, apart from the rules.
"""

from __future__ import annotations

import difflib
import re
import tomllib
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime

from spinecoach.core.library_fields import LibraryError, describe_value
from spinecoach.core.programme.lines import LineIndex

#: What to add for a field that is missing (`{where}`: the table it belongs in).
_ADD = {
    "format": "Add format = 1 as the first line of the file.",
    "title": 'Add a line such as title = "Lower back: first four weeks" near the top.',
    "prescribed_by": 'Add a line such as prescribed_by = "Sam Lee, physiotherapist" near the top.',
    "start": "Add a line such as start = 2025-03-03 near the top (a date, without quotes).",
    "routines": "Add at least one [[routines]] table (see docs/PROGRAMME_FORMAT.md).",
    "id": 'Add a line such as id = "morning" to this routine (lowercase words joined by -).',
    "name": 'Add a line such as name = "Morning stretches" to this routine.',
    "description": 'Add a line description = "..." (20-200 characters) to this routine.',
    "frequency": 'Add a line such as frequency = "once a day" to this routine.',
    "items": 'Add at least one [[routines.items]] table with exercise = "<id>" to this routine.',
    "exercise": 'Add a line such as exercise = "glute-bridge" to this item.',
}


@dataclass(frozen=True, slots=True)
class ProgrammeProblem:
    """One thing wrong with a programme file: where, which field, what, and how to fix it."""

    line: int | None
    field: str
    message: str
    fix: str

    def __str__(self) -> str:
        where = f"line {self.line}" if self.line is not None else "the file"
        field = f" {self.field}" if self.field else ""
        fix = f" {self.fix}" if self.fix else ""
        return f"{where}:{field} {self.message}.{fix}"


class Problems:
    """Collects problems, each located in the file by its field's path."""

    def __init__(self, lines: LineIndex) -> None:
        self.lines = lines
        self.found: list[ProgrammeProblem] = []

    def add(self, field: str, message: str, fix: str = "") -> None:
        """A problem with `field` (its dotted path); `fix` "" gives the usual fix for its kind."""
        line = self.lines.line_of(field)
        if line is None and field:
            line = 1  # a top-level field that is missing: it belongs at the top
        self.found.append(ProgrammeProblem(line, field, message, fix or _fix_for(field, message)))

    def add_error(self, error: LibraryError, prefix: str = "") -> None:
        """A problem the routine format's rules found, at `prefix` + its field."""
        self.add(prefix + error.field, error.message, error.fix)


def _fix_for(field: str, message: str) -> str:
    """A fix for a problem whose rule gave none, from the kind of problem."""
    name = re.sub(r"\[\d+\]", "", field.rpartition(".")[2])
    if message == "is missing" or message.startswith("is missing"):
        return _ADD.get(name, f"Add {name} = ... here.")
    if "is not a known field" in message:
        return "Check the spelling, or remove the line (docs/PROGRAMME_FORMAT.md lists the fields)."
    if message.startswith("must be text"):
        return f'Put the value in double quotes: {name} = "...".'
    if message.startswith("must be a whole number"):
        return f"Write a whole number without quotes: {name} = 10."
    if message.startswith("must be true or false"):
        return f"Write {name} = true or {name} = false (without quotes)."
    if "characters long" in message:
        return "Change the text to fit that length."
    if "lowercase words" in message:
        return 'Use lowercase letters and digits joined by -, such as "morning-stretches".'
    if message.startswith("must have"):
        return "Add or remove entries to fit."
    return ""


_AT_LINE = re.compile(r"\s*\(at line (?P<line>\d+), column (?P<column>\d+)\)\s*$")


def syntax_problem(error: tomllib.TOMLDecodeError) -> ProgrammeProblem:
    """The TOML reader's own message and line: the file cannot be read past it."""
    message = str(error)
    match = _AT_LINE.search(message)
    line = int(match["line"]) if match else None
    if match:
        message = message[: match.start()]
    message = message[:1].lower() + message[1:]
    return ProgrammeProblem(
        line,
        "",
        f"the file is not valid TOML: {message}",
        "Look for a missing quote, bracket or '=' on this line or the one before it; "
        "text goes in double quotes, dates and numbers without.",
    )


def describe(value: object) -> str:
    """How a wrong value is named in a problem: "text 'ten'", "the number 10", "a table".

    As a library file's (`library_fields.describe_value`), with the dates TOML also has.
    """
    if isinstance(value, datetime):
        return "a date with a time"
    if isinstance(value, date):
        return "a date"
    return describe_value(value)


def did_you_mean(word: str, choices: Iterable[str]) -> str:
    """Up to three close choices ("Did you mean 'glute-bridge'?"); "" when none is close."""
    close = difflib.get_close_matches(word, list(choices), n=3, cutoff=0.6)
    if not close:
        return ""
    quoted = [f"'{choice}'" for choice in close]
    listed = quoted[0] if len(quoted) == 1 else f"{', '.join(quoted[:-1])} or {quoted[-1]}"
    return f"Did you mean {listed}?"
