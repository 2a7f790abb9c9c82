"""The header row: which column sits where, in any order and any case."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from spinecoach.core.csv_format.columns import COLUMNS, REQUIRED_COLUMNS


class CsvFormatError(ValueError):
    """The header row does not describe a SpineCoach CSV; no row can be read."""


@dataclass(frozen=True)
class Header:
    """Where each known column sits in a row, and how many cells every row must have.

    A later column the file lacks (an older file) has no position: its cells read as empty.
    """

    positions: Mapping[str, int]
    width: int


def read_header(values: Sequence[str]) -> Header:
    """Map the header row's column names (any order, any case) to positions.

    Every column of REQUIRED_COLUMNS must be present (the later ones may be missing, so an
    older file still reads); unknown extra columns are ignored, so a file written by a later
    SpineCoach with an added column can still be read.
    """
    names = [value.strip().lower() for value in values]
    if names:
        names[0] = names[0].removeprefix("\ufeff")
    positions: dict[str, int] = {}
    for index, name in enumerate(names):
        if name in COLUMNS:
            if name in positions:
                raise CsvFormatError(f"the header row names the column {name!r} twice")
            positions[name] = index
    missing = [column for column in REQUIRED_COLUMNS if column not in positions]
    if len(missing) == len(REQUIRED_COLUMNS):
        raise CsvFormatError(
            "the first row is not a SpineCoach header (it should name the columns "
            f"{', '.join(COLUMNS)})"
        )
    if missing:
        raise CsvFormatError(f"the header row lacks the column(s) {', '.join(missing)}")
    return Header(positions, len(values))
