"""Easier and harder versions of an exercise: the links between exercise files, checked.

An exercise file may name its easier version (`easier = "<id>"`) and its harder one
(`harder = "<id>"`). Links are mutual: when the glute bridge says `harder = "marching-bridge"`,
the marching bridge says `easier = "glute-bridge"`. Following the links gives a chain from the
gentlest version to the most demanding one ("drawing-in → heel slides → dead bug"); a chain
never loops back on itself. See docs/EXERCISE_FORMAT.md.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace

from spinecoach.core.exercise import Exercise

#: The two link fields, each with the field that must point back.
LINK_FIELDS: dict[str, str] = {"easier": "harder", "harder": "easier"}


@dataclass(frozen=True, slots=True)
class LinkProblem:
    """A link that cannot be kept: which exercise, which field, and why."""

    exercise_id: str
    field: str
    message: str


def link_problems(exercises: Mapping[str, Exercise]) -> list[LinkProblem]:
    """Every link that names no known exercise, is not mutual, or closes a loop."""
    problems: list[LinkProblem] = []
    for exercise in exercises.values():
        for name, back in LINK_FIELDS.items():
            target = getattr(exercise, name)
            if target is None:
                continue
            if target == exercise.id:
                problems.append(LinkProblem(exercise.id, name, "an exercise cannot link to itself"))
                continue
            other = exercises.get(target)
            if other is None:
                problems.append(
                    LinkProblem(exercise.id, name, f"{target!r} is not a known exercise")
                )
                continue
            if getattr(other, back) != exercise.id:
                said = getattr(other, back)
                now = "gives none" if said is None else f"says {back} = {said!r}"
                problems.append(
                    LinkProblem(
                        exercise.id,
                        name,
                        f"links must be mutual: {target!r} should say {back} = "
                        f"{exercise.id!r}, but it {now}",
                    )
                )
    if not problems:
        problems.extend(_loops(exercises))
    return problems


def _loops(exercises: Mapping[str, Exercise]) -> list[LinkProblem]:
    problems = []
    reported: set[str] = set()
    for exercise in exercises.values():
        seen = [exercise.id]
        current = exercise.harder
        while current is not None and current in exercises:
            if current == exercise.id:
                if not reported & set(seen):
                    loop = " → ".join([*seen, exercise.id])
                    problems.append(
                        LinkProblem(exercise.id, "harder", f"the chain loops back: {loop}")
                    )
                    reported.update(seen)
                break
            if current in seen:
                break
            seen.append(current)
            current = exercises[current].harder
    return problems


def without_bad_links(
    exercises: Mapping[str, Exercise], problems: list[LinkProblem]
) -> dict[str, Exercise]:
    """The exercises with every link a problem names removed (the rest of each file stays)."""
    result = dict(exercises)
    for problem in problems:
        exercise = result.get(problem.exercise_id)
        if exercise is not None and problem.field in LINK_FIELDS:
            if problem.field == "easier":
                result[exercise.id] = replace(exercise, easier=None)
            else:
                result[exercise.id] = replace(exercise, harder=None)
    return result


def chain(exercise: Exercise, exercises: Mapping[str, Exercise]) -> list[Exercise]:
    """The whole chain `exercise` belongs to, gentlest first (just itself when unlinked)."""
    first = exercise
    seen = {first.id}
    while first.easier is not None and first.easier in exercises and first.easier not in seen:
        first = exercises[first.easier]
        seen.add(first.id)
    result = [first]
    walked = {first.id}
    following = first.harder
    while following is not None and following in exercises and following not in walked:
        result.append(exercises[following])
        walked.add(following)
        following = exercises[following].harder
    return result
