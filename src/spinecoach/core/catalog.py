"""Search and filter the library: the rules behind the Library pane's search box and filters.

Kept out of the widgets so the rules are tested without a window, and so the tray and later
views filter exactly the same way.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spinecoach.core.exercise import Category, Exercise, Position, Routine


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


def _words(text: str) -> list[str]:
    return text.casefold().split()


def exercise_haystack(exercise: Exercise) -> str:
    """Everything a search may match for an exercise: name, targets, steps, summary, position."""
    parts = [
        exercise.name,
        exercise.summary,
        exercise.category.value,
        exercise.position.value,
        *(target.value for target in exercise.targets),
        *exercise.steps,
    ]
    if exercise.desk_friendly:
        parts.append("desk")
    return " ".join(parts).casefold()


def routine_haystack(routine: Routine) -> str:
    """What a search may match for a routine: its own text and its exercises' names."""
    parts = [routine.name, routine.description]
    parts += [item.exercise.name for item in routine.items]
    return " ".join(parts).casefold()


_WORD = re.compile(r"[^\W_]+")


def _text_matches(words: list[str], haystack: str) -> bool:
    # Every query word must begin some word of the text: "hip stretch" finds a hip stretch but
    # not every stretch, "hamstring" finds "hamstrings", and "hip" does not find "ship".
    text_words = _WORD.findall(haystack)
    return all(
        any(text_word.startswith(query) for text_word in text_words)
        for word in words
        for query in _WORD.findall(word)
    )


def exercise_matches(exercise: Exercise, query: LibraryFilter) -> bool:
    """Whether one exercise passes every active part of the filter."""
    if query.position is not None and exercise.position != query.position:
        return False
    if query.category is not None and exercise.category != query.category:
        return False
    if query.desk_friendly_only and not exercise.desk_friendly:
        return False
    if query.max_seconds is not None and exercise.total_seconds() > query.max_seconds:
        return False
    return _text_matches(_words(query.text), exercise_haystack(exercise))


def routine_matches(routine: Routine, query: LibraryFilter) -> bool:
    """Whether a routine passes the filter.

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
    if query.max_seconds is not None and routine.total_seconds > query.max_seconds:
        return False
    return _text_matches(_words(query.text), routine_haystack(routine))


def browsing_order_routines(routines: list[Routine]) -> list[Routine]:
    """Routines shortest first: the quick desk break is what people reach for most."""
    return sorted(routines, key=lambda routine: (routine.total_seconds, routine.name.casefold()))


def browsing_order_exercises(exercises: list[Exercise]) -> list[Exercise]:
    """Exercises alphabetically by name, as people scan for one they know."""
    return sorted(exercises, key=lambda exercise: exercise.name.casefold())


def filter_exercises(exercises: list[Exercise], query: LibraryFilter) -> list[Exercise]:
    """The exercises that pass, in the given order."""
    return [exercise for exercise in exercises if exercise_matches(exercise, query)]


def filter_routines(routines: list[Routine], query: LibraryFilter) -> list[Routine]:
    """The routines that pass, in the given order."""
    return [routine for routine in routines if routine_matches(routine, query)]
