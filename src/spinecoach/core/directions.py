"""Which directions suit the person's back: the movements they said make their pain worse.

Every exercise names the main spinal movement it asks for (`Exercise.movement`). A person may
say, in Settings or once after "This hurts", which movements make their pain worse (the setting
`avoid_movements`, a tuple of `SpinalMovement` values). This module holds the rules that follow
from it, as pure functions: which exercises and routines move that way, and the words the
Library's marks and the player's warning say. Nothing here forbids an exercise: the person is
told, and chooses.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from spinecoach.core.exercise import Exercise, Routine, SpinalMovement
from spinecoach.core.messages import ENGLISH, Message, Messages

#: The movements in the order Settings offers them.
MOVEMENTS: tuple[SpinalMovement, ...] = (
    SpinalMovement.BENDING_FORWARD,
    SpinalMovement.BENDING_BACK,
    SpinalMovement.TWISTING,
    SpinalMovement.SIDE_BENDING,
    SpinalMovement.NEUTRAL,
)

#: How each movement reads inside a sentence ("You said bending forward makes it worse").
_MOVEMENT_WORDS = {
    SpinalMovement.BENDING_FORWARD: Message(
        "directions.movement.bending-forward", "bending forward"
    ),
    SpinalMovement.BENDING_BACK: Message("directions.movement.bending-back", "bending back"),
    SpinalMovement.TWISTING: Message("directions.movement.twisting", "twisting"),
    SpinalMovement.SIDE_BENDING: Message("directions.movement.side-bending", "bending to the side"),
    SpinalMovement.NEUTRAL: Message("directions.movement.neutral", "holding your back still"),
}
_AND = Message("directions.and", "{first} and {second}")
_MARK = Message("directions.mark", "You said {movement} makes it worse")
_MARK_SEVERAL = Message("directions.mark-several", "You said {movements} make it worse")
_SHORT = Message("directions.short", "Careful: {movement}")
_ROUTINE = Message(
    "directions.routine",
    "{n} exercise here asks for {movements}, which you said makes it worse",
    "{n} exercises here ask for {movements}, which you said makes it worse",
)
_WARNING = Message(
    "directions.warning",
    "This exercise asks for {movement}, which you said makes your pain worse. Go gently and only "
    "as far as is comfortable, or leave it out with “Next exercise”.",
)


def avoided_movements(values: Iterable[object]) -> frozenset[SpinalMovement]:
    """The movements a stored setting names (anything unknown is left out, never an error)."""
    known = {movement.value: movement for movement in SpinalMovement}
    return frozenset(known[value] for value in values if isinstance(value, str) and value in known)


def is_avoided(exercise: Exercise, avoid: frozenset[SpinalMovement]) -> bool:
    """Whether `exercise` asks for a movement the person said makes their pain worse."""
    return exercise.movement in avoid


def avoided_in_routine(
    routine: Routine, avoid: frozenset[SpinalMovement]
) -> tuple[SpinalMovement, ...]:
    """The avoided movements `routine`'s exercises ask for, in the order they first come."""
    found: list[SpinalMovement] = []
    for item in routine.items:
        movement = item.exercise.movement
        if movement in avoid and movement not in found:
            found.append(movement)
    return tuple(found)


def avoided_items(routine: Routine, avoid: frozenset[SpinalMovement]) -> tuple[int, ...]:
    """The indexes of `routine`'s items whose exercise moves in an avoided direction."""
    return tuple(i for i, item in enumerate(routine.items) if is_avoided(item.exercise, avoid))


def movement_words(movement: SpinalMovement, words: Messages = ENGLISH) -> str:
    """A movement inside a sentence: "bending forward"."""
    return words.text(_MOVEMENT_WORDS[movement])


def _listed(movements: Sequence[SpinalMovement], words: Messages) -> str:
    said = [movement_words(movement, words) for movement in movements]
    if len(said) == 1:
        return said[0]
    return words.text(_AND, first=", ".join(said[:-1]), second=said[-1])


def mark(movements: Sequence[SpinalMovement], words: Messages = ENGLISH) -> str:
    """The Library's mark for an exercise ("You said bending forward makes it worse"); "" none."""
    if not movements:
        return ""
    if len(movements) == 1:
        return words.text(_MARK, movement=movement_words(movements[0], words))
    return words.text(_MARK_SEVERAL, movements=_listed(movements, words))


def short_mark(movements: Sequence[SpinalMovement], words: Messages = ENGLISH) -> str:
    """The mark in a Library row's second line ("Careful: bending forward"); "" for none."""
    if not movements:
        return ""
    return words.text(_SHORT, movement=_listed(movements, words))


def exercise_mark(
    exercise: Exercise, avoid: frozenset[SpinalMovement], words: Messages = ENGLISH
) -> str:
    """`mark` for one exercise ("" when it does not move in an avoided direction)."""
    return mark((exercise.movement,) if is_avoided(exercise, avoid) else (), words)


def routine_mark(
    routine: Routine, avoid: frozenset[SpinalMovement], words: Messages = ENGLISH
) -> str:
    """A routine's mark: how many of its exercises ask for an avoided movement ("" for none)."""
    movements = avoided_in_routine(routine, avoid)
    if not movements:
        return ""
    count = len(avoided_items(routine, avoid))
    return words.count(_ROUTINE, count, movements=_listed(movements, words))


def warning(exercise: Exercise, avoid: frozenset[SpinalMovement], words: Messages = ENGLISH) -> str:
    """The player's caution before such an exercise ("" when it does not apply)."""
    if not is_avoided(exercise, avoid):
        return ""
    return words.text(_WARNING, movement=movement_words(exercise.movement, words))
