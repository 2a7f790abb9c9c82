"""Every routine the person can play: the active programme's, their own, and the shipped ones.

`RoutineBook` joins the shipped library, the routines the person built (kept in the data file
as routine-file TOML, `core.routine_format.routine_to_toml`) and the active programme (kept as
the file it was imported as, parsed with `core.programme`) into the one list the Library, the
player and History see: the programme's first, then the person's, then the shipped ones.

Writes go straight to the data file, each one transaction. A routine is not health data that
happened at a moment, so it is not journalled like a pain score: when the file refuses a write
the storage error is raised unchanged (nothing was written) and the Library says why in words
(`storage.failures.describe_failure`) while the editor keeps every edit on screen.
"""

from __future__ import annotations

import logging
import re
import tomllib
from collections.abc import Callable, Iterator, Mapping
from dataclasses import replace
from typing import TYPE_CHECKING

from spinecoach.core.exercise import (
    LIMITED_FIELDS,
    DosageLimits,
    Routine,
    RoutineItem,
    RoutineOrigin,
)
from spinecoach.core.library import Library
from spinecoach.core.library_fields import LibraryError
from spinecoach.core.routine_format import parse_routine, routine_to_toml

if TYPE_CHECKING:
    from spinecoach.core.clock import Clock
    from spinecoach.core.programme.model import Programme
    from spinecoach.core.records import CustomRoutine, StoredProgramme
    from spinecoach.storage.database import Database

log = logging.getLogger(__name__)

#: An own routine's id: "own-<slug of its first name>-<n>" (kept through every rename).
OWN_PREFIX = "own"
#: The longest slug part of an own routine's id.
SLUG_LENGTH = 32
#: A routine's name, as the routine files allow it.
NAME_LENGTH = 40


def _slug(text: str) -> str:
    import unicodedata

    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    words = "-".join(re.findall(r"[a-z0-9]+", plain.lower()))
    return words[:SLUG_LENGTH].strip("-") or "routine"


def eased_limits(item: RoutineItem) -> DosageLimits:
    """A locked prescription's ranges when eased: never more than prescribed, never below safe.

    Each field's upper bound is the prescribed value; its lower bound the exercise's own
    (`DosageLimits.range_of`), or the prescribed value when that is already lower.
    """
    exercise = item.exercise
    ranges = []
    for field in LIMITED_FIELDS:
        prescribed = getattr(item.dosage, field)
        if prescribed is None:
            continue
        own = getattr(exercise.dosage, field)
        low, _high = exercise.limits.range_of(field, prescribed if own is None else own)
        ranges.append((field, min(low, prescribed), prescribed))
    return DosageLimits(ranges=tuple(ranges))


class _Names(Mapping[str, str]):
    """Routine id -> name, read from the book at each use (a renamed routine's new name)."""

    def __init__(self, book: RoutineBook) -> None:
        self._book = book

    def __getitem__(self, key: str) -> str:
        routine = self._book.get(key)
        if routine is None:
            raise KeyError(key)
        return routine.name

    def __iter__(self) -> Iterator[str]:
        return iter([routine.id for routine in self._book.routines()])

    def __len__(self) -> int:
        return len(self._book.routines())


class RoutineBook:
    """The routines the Library, player and History see, and the writes of the person's own.

    `database` is the open data file; `clock` dates the writes. `changed` callbacks run after
    every change (a save, a delete, an undo, a programme imported: `reload()`).
    """

    def __init__(self, library: Library, database: Database, clock: Clock) -> None:
        self._library = library
        self._database = database
        self._clock = clock
        self.changed: list[Callable[[], object]] = []
        self._own: list[Routine] = []
        self._records: dict[str, CustomRoutine] = {}
        self._programme: Programme | None = None
        self._stored_programme: StoredProgramme | None = None
        self._programme_routines: list[Routine] = []
        self.names: Mapping[str, str] = _Names(self)
        self._read()

    # --- reading ------------------------------------------------------------------------------

    def _read(self) -> None:
        self._records = {}
        own = []
        for record in self._database.custom_routines():
            routine = self._parse_own(record)
            if routine is not None:
                self._records[record.id] = record
                own.append(routine)
        self._own = own
        self._read_programme()

    def _parse_own(self, record: CustomRoutine) -> Routine | None:
        try:
            data = tomllib.loads(record.body)
            return parse_routine(
                data,
                record.id,
                self._library.exercises,
                origin=RoutineOrigin.OWN,
                based_on=record.based_on,
            )
        except (LibraryError, tomllib.TOMLDecodeError) as error:
            # Kept in the data file as it is (a newer SpineCoach may read it); not offered here.
            log.warning("own routine %s cannot be read: %s", record.id, error)
            return None

    def _read_programme(self) -> None:
        self._programme = None
        self._programme_routines = []
        stored = self._database.active_programme()
        self._stored_programme = stored
        if stored is None:
            return
        from spinecoach.core.programme.format import parse_programme

        parsed = parse_programme(stored.body, self._library.exercises)
        if parsed.programme is None:
            for problem in parsed.problems:
                log.warning("programme %s: %s", stored.id, problem)
            return
        self._programme = parsed.programme
        self._programme_routines = [p.routine for p in parsed.programme.routines]

    def reload(self) -> None:
        """Read the data file again (a programme imported or removed), then tell listeners."""
        self._read()
        self._tell()

    def _tell(self) -> None:
        for callback in list(self.changed):
            callback()

    @property
    def library(self) -> Library:
        """The shipped library the routines are built from."""
        return self._library

    @property
    def programme(self) -> Programme | None:
        """The active programme, when one is imported and readable."""
        return self._programme

    @property
    def programme_title(self) -> str | None:
        """The active programme's title (the Library's header over its routines)."""
        return self._programme.title if self._programme is not None else None

    def eased_aliases(self) -> dict[str, str]:
        """Each of the person's eased copies of a programme routine -> the routine it eases.

        Their sessions count for the prescribed routine in History's adherence and the report:
        easing a locked routine is doing the programme, with less.
        """
        prescribed = {routine.id for routine in self._programme_routines}
        return {
            routine.id: routine.based_on
            for routine in self._own
            if routine.based_on is not None and routine.based_on in prescribed
        }

    def routines(self) -> list[Routine]:
        """The programme's routines first, then the person's own, then the shipped ones."""
        return [*self._programme_routines, *self._own, *self._library.routines.values()]

    def own_routines(self) -> list[Routine]:
        """The person's own routines, by name."""
        return list(self._own)

    def get(self, routine_id: str) -> Routine | None:
        """The routine with this id, wherever it comes from."""
        for routine in self._programme_routines:
            if routine.id == routine_id:
                return routine
        for routine in self._own:
            if routine.id == routine_id:
                return routine
        return self._library.routines.get(routine_id)

    # --- writing ------------------------------------------------------------------------------

    def _new_id(self, name: str) -> str:
        stem = f"{OWN_PREFIX}-{_slug(name)}"
        taken = {record.id for record in self._database.custom_routines()}
        number = 1
        while f"{stem}-{number}" in taken:
            number += 1
        return f"{stem}-{number}"

    def save(self, routine: Routine) -> Routine:
        """Keep `routine` as one of the person's own (a new id when it has none or is not own).

        Raises what the data file raised (nothing was written) or ValueError for a routine
        the format refuses (a bug: the editor allows only what the core allows).
        """
        own = routine.origin is RoutineOrigin.OWN and routine.id in self._records
        routine_id = routine.id if own else self._new_id(routine.name)
        kept = replace(routine, id=routine_id, origin=RoutineOrigin.OWN, locked=False)
        body = routine_to_toml(kept)
        # The body must read back as the same routine: checked before anything is written.
        parse_routine(
            tomllib.loads(body),
            routine_id,
            self._library.exercises,
            origin=RoutineOrigin.OWN,
            based_on=kept.based_on,
        )
        programme_id = None
        if kept.based_on is not None and self._stored_programme is not None:
            programme = self._programme
            if programme is not None and kept.based_on in programme.routine_ids:
                programme_id = self._stored_programme.id
        record = self._database.save_custom_routine(
            routine_id,
            kept.name,
            body,
            self._clock.now(),
            based_on=kept.based_on,
            programme_id=programme_id,
        )
        self._records[routine_id] = record
        self._own = [r for r in self._own if r.id != routine_id] + [kept]
        self._own.sort(key=lambda r: (r.name.casefold(), r.id))
        self._tell()
        return kept

    def delete(self, routine_id: str) -> CustomRoutine:
        """Delete one of the person's routines; returns its record for `undo_delete`.

        Sessions done with it stay in History under its name. KeyError for a routine that is
        not the person's own.
        """
        record = self._records[routine_id]
        self._database.delete_custom_routine(routine_id)
        del self._records[routine_id]
        self._own = [r for r in self._own if r.id != routine_id]
        self._tell()
        return record

    def undo_delete(self, record: CustomRoutine) -> Routine | None:
        """Bring a deleted routine back exactly as it was (Undo)."""
        self._database.restore_custom_routine(record)
        routine = self._parse_own(record)
        if routine is not None:
            self._records[record.id] = record
            self._own.append(routine)
            self._own.sort(key=lambda r: (r.name.casefold(), r.id))
        self._tell()
        return routine

    def copy_of(self, routine: Routine, name: str) -> Routine:
        """An unsaved copy of `routine` named `name`: the person's own, based on it."""
        return replace(
            routine,
            id="",
            name=name[:NAME_LENGTH].rstrip(),
            origin=RoutineOrigin.OWN,
            locked=False,
            based_on=routine.id,
        )

    def duplicate(self, routine: Routine, name: str | None = None) -> Routine:
        """Keep a copy of `routine`, named `name` or "Copy of <its name>"."""
        return self.save(self.copy_of(routine, name or copy_name(routine.name)))


def copy_name(name: str) -> str:
    """The name of a copy: "Copy of Morning stretch", in the language in use."""
    from PySide6.QtCore import QCoreApplication

    return QCoreApplication.translate("RoutineBook", "Copy of {name}").format(name=name)
