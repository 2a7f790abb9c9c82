"""The programme a clinician prescribes: routines, each with how often, and who prescribed it."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from spinecoach.core.content_words import frequency_text
from spinecoach.core.exercise import Routine
from spinecoach.core.messages import ENGLISH, Messages


class Period(StrEnum):
    """What a frequency counts in: so many times a day, or so many times a week."""

    DAY = "day"
    WEEK = "week"


#: How many times a routine may be asked for, per period: gentle exercise, spread out.
FREQUENCY_RANGES: dict[Period, tuple[int, int]] = {Period.DAY: (1, 4), Period.WEEK: (1, 14)}

#: The ways a programme file may write a frequency (case and extra spaces do not matter).
FREQUENCY_FORMS = (
    "daily",
    "every day",
    "once a day",
    "twice a day",
    "N times a day",
    "once a week",
    "twice a week",
    "N times a week",
)

_WORD_TIMES = {"once": 1, "twice": 2}
_FREQUENCY = re.compile(r"^(?:(?P<word>once|twice)|(?P<n>\d+) times?) (?:a|per) (?P<per>day|week)$")


@dataclass(frozen=True, slots=True)
class Frequency:
    """How often a routine is asked for: `times` per `per` (3 times a week)."""

    times: int
    per: Period

    @property
    def per_week(self) -> int:
        """Sessions asked for in a whole week (twice a day: 14)."""
        return self.times * 7 if self.per is Period.DAY else self.times

    def text(self, words: Messages = ENGLISH) -> str:
        """As a person reads it, in their language: "twice a day", "3-mal pro Woche"."""
        return frequency_text(self.times, self.per is Period.DAY, words)

    @property
    def file_text(self) -> str:
        """As a programme file writes it (English, always read back): "3 times a week"."""
        if self.times == 1:
            return f"once a {self.per.value}"
        if self.times == 2:
            return f"twice a {self.per.value}"
        return f"{self.times} times a {self.per.value}"


def parse_frequency(text: str) -> Frequency:
    """A frequency from a programme file; `ValueError` naming the accepted forms otherwise."""
    spoken = " ".join(text.lower().split())
    if spoken in ("daily", "every day"):
        return Frequency(1, Period.DAY)
    match = _FREQUENCY.match(spoken)
    accepted = ", ".join(f"'{form}'" for form in FREQUENCY_FORMS)
    if match is None:
        raise ValueError(f"{text!r} is not a frequency SpineCoach understands; write {accepted}")
    per = Period(match["per"])
    times = _WORD_TIMES[match["word"]] if match["word"] else int(match["n"])
    low, high = FREQUENCY_RANGES[per]
    if not low <= times <= high:
        raise ValueError(f"{text!r}: write from {low} to {high} times a {per.value}")
    return Frequency(times, per)


def prescribed_frequencies(text: str) -> tuple[Frequency, ...]:
    """How often each routine of a programme file is prescribed, read without the exercises.

    The reminders need only this (the daily target: `core.reminders.target_from`), and a start
    in the tray would otherwise load the whole exercise library to get it and keep it all day
    (issue 18). `core.programme.format.parse_programme` reads everything else when the window
    needs it. () when the text is not TOML, or a routine's frequency is missing or not one
    SpineCoach understands: files the full reading refuses too (the reminder is then daily, as
    with no programme).
    """
    import tomllib

    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError:
        return ()
    routines = data.get("routines")
    if not isinstance(routines, list):
        return ()
    found = []
    for table in routines:
        frequency = table.get("frequency") if isinstance(table, dict) else None
        if not isinstance(frequency, str):
            return ()
        try:
            found.append(parse_frequency(frequency))
        except ValueError:
            return ()
    return tuple(found)


@dataclass(frozen=True, slots=True)
class PrescribedRoutine:
    """One routine of a programme and how often to do it."""

    routine: Routine
    frequency: Frequency


#: The longest part of a programme's key taken from its title, and from its prescriber: with
#: the hash and a routine's id, a programme routine's id stays within 100 characters (the
#: CSV format's longest id).
_KEY_PARTS = (24, 16)


def slug(text: str) -> str:
    """Lowercase ASCII words joined by '-' ("Müller & Co." -> "muller-co"); may be empty."""
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return "-".join(re.findall(r"[a-z0-9]+", plain.lower()))


def programme_key(title: str, prescribed_by: str) -> str:
    """A programme's key: its title and prescriber as one id (`Programme.key`).

    The same title and prescriber give the same key, whatever the case and punctuation, so a
    programme imported again replaces the one before it. A part that is long, or that has no
    letters in ASCII (a title in Greek), adds a short hash of the words so keys stay apart.
    """
    parts = []
    exact = True
    for text, longest in zip((title, prescribed_by), _KEY_PARTS, strict=True):
        words = slug(text)
        short = _shorten(words, longest)
        if short != words or (not words and text.strip()):
            exact = False
        parts.append(short)
    if not exact:
        import hashlib  # here: it loads OpenSSL, which the tray need not keep all day (issue 18)

        folded = "\n".join(" ".join(text.casefold().split()) for text in (title, prescribed_by))
        parts.append(hashlib.sha256(folded.encode("utf-8")).hexdigest()[:8])
    return "-".join(part for part in parts if part) or "programme"


def _shorten(words: str, longest: int) -> str:
    """The first whole words of a slug that fit in `longest` characters (else a cut word)."""
    if len(words) <= longest:
        return words
    cut = words[: longest + 1].rpartition("-")[0]
    return cut or words[:longest]


def programme_routine_id(key: str, routine_id: str) -> str:
    """The id a programme's routine plays under: `programme-<key>-<its id in the file>`."""
    return f"programme-{key}-{routine_id}"


@dataclass(frozen=True, slots=True)
class Programme:
    """A clinician's programme: who prescribed it, when, and the routines with their frequency.

    Its routines carry `origin=PROGRAMME`, `locked=locked` and ids from `programme_routine_id`.
    `locked`: the routines are played as written; the person may still do less (an eased copy),
    never more. `review`: when the prescriber plans to look at it again (shown, not enforced).
    """

    title: str
    prescribed_by: str
    contact: str
    start: date
    review: date | None
    locked: bool
    routines: tuple[PrescribedRoutine, ...]
    notes: str = ""

    @property
    def key(self) -> str:
        """The same programme imported again has the same key (title and prescriber)."""
        return programme_key(self.title, self.prescribed_by)

    @property
    def routine_ids(self) -> tuple[str, ...]:
        """The ids of its routines, in order."""
        return tuple(prescribed.routine.id for prescribed in self.routines)

    def frequency_of(self, routine_id: str) -> Frequency | None:
        """How often the routine with this id is asked for; None for a routine not in it."""
        for prescribed in self.routines:
            if prescribed.routine.id == routine_id:
                return prescribed.frequency
        return None
