"""The Library's filters and its browsing order: what is listed before anything is typed.

Kept out of the widgets so the rules are tested without a window, and so the tray and later
views filter exactly the same way. **Filters** (position, kind, desk, length) keep or drop an
item; with no words typed, what passes is listed in browsing order (`browse`): routines
shortest first, exercises by name. Typed words are `core.search_index`'s: it ranks what the
filters keep, with the words people type (`core.search_words`).

Apart from the search on purpose: the Library's first list needs only these rules, and the
search's word tables and index cost ~4 ms of start-up the list would wait for (issue 12).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from spinecoach.core.exercise import Category, Exercise, Position, Routine

#: A word of typed text: letters and digits (no underscores, no punctuation).
WORD = re.compile(r"[^\W_]+")


@dataclass(frozen=True, slots=True)
class LibraryFilter:
    """What the person asked to see. Empty / None fields do not filter."""

    text: str = ""
    position: Position | None = None
    category: Category | None = None
    desk_friendly_only: bool = False
    max_seconds: int | None = None

    @property
    def is_empty(self) -> bool:
        """True when nothing narrows the list."""
        return self == LibraryFilter()

    @property
    def has_filters(self) -> bool:
        """True when a filter other than the search text is set."""
        return (
            self.position is not None
            or self.category is not None
            or self.desk_friendly_only
            or self.max_seconds is not None
        )

    @property
    def has_words(self) -> bool:
        """True when the text holds a word to search for (else only the filters apply)."""
        return WORD.search(self.text) is not None

    def without_filters(self) -> LibraryFilter:
        """The same search text, every other filter cleared."""
        return LibraryFilter(text=self.text)


@dataclass(frozen=True, slots=True)
class SearchResult:
    """What a search shows, and when it shows nothing, what would help.

    `routines` and `exercises` are ranked (best first) when text was typed, else in browsing
    order; `routines_first` says which kind holds the best match. `notes` is advice to show
    with them (in the library's language), `urgent` when the search named a sign that needs a
    doctor rather than exercise. When nothing is found: `hidden_by_filters` counts what the
    text would find with the filters cleared, `unknown_words` are the typed words that find
    nothing even alone, and `suggestions` are words that find something here (worked out only
    then: trying every suggested word costs ~6 ms, which the Library list would wait for).
    """

    routines: tuple[Routine, ...] = ()
    exercises: tuple[Exercise, ...] = ()
    ranked: bool = False
    routines_first: bool = True
    #: How many of the last exercises were found only in their steps (or inside a longer word),
    #: listed under a heading of their own; 0 when all were found alike.
    exercises_in_steps: int = 0
    notes: tuple[str, ...] = ()
    urgent: bool = False
    hidden_by_filters: int = 0
    unknown_words: tuple[str, ...] = ()
    suggestions: tuple[str, ...] = ()

    @property
    def count(self) -> int:
        """How many routines and exercises are shown."""
        return len(self.routines) + len(self.exercises)

    @property
    def ids(self) -> list[str]:
        """The ids shown, in the order they are listed."""
        first, second = (
            (self.routines, self.exercises)
            if self.routines_first
            else (self.exercises, self.routines)
        )
        return [item.id for item in first] + [item.id for item in second]


def exercise_passes(exercise: Exercise, query: LibraryFilter) -> bool:
    """Whether an exercise passes the filters (not the text)."""
    if query.position is not None and exercise.position != query.position:
        return False
    if query.category is not None and exercise.category != query.category:
        return False
    if query.desk_friendly_only and not exercise.desk_friendly:
        return False
    return query.max_seconds is None or exercise.total_seconds() <= query.max_seconds


def routine_passes(routine: Routine, query: LibraryFilter) -> bool:
    """Whether a routine passes the filters (not the text).

    Position requires *every* exercise to be done in that position (a routine shown for
    "seated" must not send anyone to the floor); category needs only one exercise of that kind.
    """
    exercises = [item.exercise for item in routine.items]
    if query.position is not None and any(e.position != query.position for e in exercises):
        return False
    if query.category is not None and all(e.category != query.category for e in exercises):
        return False
    if query.desk_friendly_only and not routine.desk_friendly:
        return False
    return query.max_seconds is None or routine.total_seconds <= query.max_seconds


def browsing_order_routines(routines: list[Routine]) -> list[Routine]:
    """Routines shortest first: the quick desk break is what people reach for most."""
    return sorted(routines, key=lambda routine: (routine.total_seconds, routine.name.casefold()))


def browsing_order_exercises(exercises: list[Exercise]) -> list[Exercise]:
    """Exercises alphabetically by name, as people scan for one they know."""
    return sorted(exercises, key=lambda exercise: exercise.name.casefold())


def browse(
    routines: Iterable[Routine], exercises: Iterable[Exercise], query: LibraryFilter
) -> SearchResult:
    """What the filters of `query` list, in browsing order; its text is not read.

    The Library's list when no words are typed (`SearchIndex.search` gives the same then).
    """
    return SearchResult(
        routines=tuple(
            r for r in browsing_order_routines(list(routines)) if routine_passes(r, query)
        ),
        exercises=tuple(
            e for e in browsing_order_exercises(list(exercises)) if exercise_passes(e, query)
        ),
    )
