"""The player's own time around the exercises, and how long a routine takes with it.

`played_seconds` is what the Library, the routine pages and the editor show as a routine's
length: the time the player takes, get-ready and changeovers included. It is worked out from the
dosages here, without unrolling the phases (`core.timeline.build_timeline`, which the session
plays): the Library's first list shows the length of every routine, and unrolling them cost
~2 ms there, plus ~2 ms to import the timeline, before the list could show (issue 12). A test
holds the two to the same total for every shipped routine and for generated ones.
"""

from __future__ import annotations

from dataclasses import dataclass

from spinecoach.core.exercise import Routine, RoutineItem


@dataclass(frozen=True, slots=True)
class SessionSettings:
    """The player's own time around the exercises, in whole seconds (0 allowed)."""

    get_ready_seconds: int = 5
    rest_between_exercises_seconds: int = 15
    switch_sides_seconds: int = 5

    def __post_init__(self) -> None:
        # A negative phase would make the deadline chain run backwards; refuse it at the source.
        for name in ("get_ready_seconds", "rest_between_exercises_seconds", "switch_sides_seconds"):
            if getattr(self, name) < 0:
                raise ValueError(f"SessionSettings.{name} must not be negative")


DEFAULT_SETTINGS = SessionSettings()


def played_on_both_sides(item: RoutineItem) -> bool:
    """True when the player does `item` left, then right (not one-sided, no side prescribed)."""
    return item.exercise.two_sided and item.only_side is None


def played_seconds(routine: Routine, settings: SessionSettings = DEFAULT_SETTINGS) -> int:
    """How long the player takes over `routine`, changeovers included (what the person waits).

    The routine views show this, not `Routine.total_seconds` (the dosage alone), so a "two-minute
    desk break" is two minutes on the clock. Time spent changing position is not counted: the
    player waits for the person there. The phases `build_timeline` unrolls add up to the same:
    one get-ready, a changeover before each later exercise (the routine's own, else the
    setting), each item's working time and a side switch in every item done on both sides.
    """
    if not routine.items:
        raise ValueError("a routine needs at least one exercise to play")
    changeover = routine.changeover_seconds
    if changeover is None:
        changeover = settings.rest_between_exercises_seconds
    switches = sum(played_on_both_sides(item) for item in routine.items)
    return (
        settings.get_ready_seconds
        + (len(routine.items) - 1) * changeover
        + switches * settings.switch_sides_seconds
        + sum(item.seconds for item in routine.items)
    )
