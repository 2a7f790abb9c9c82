"""Small builders for tests: library objects (an exercise, a routine), another program's file."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from spinecoach.core.exercise import (
    Category,
    Dosage,
    Exercise,
    Position,
    Routine,
    RoutineItem,
    Sides,
    Target,
)

STEPS = ("Lie on your back.", "Hug one knee.")


def exercise(
    name: str,
    dosage: Dosage,
    *,
    two_sided: bool = False,
    steps: tuple[str, ...] = STEPS,
    category: Category = Category.STRETCH,
    position: Position = Position.STANDING,
) -> Exercise:
    """An exercise whose id is derived from its name; only what a test sets matters."""
    return Exercise(
        id=name.lower().replace(" ", "-").replace("'", ""),
        name=name,
        summary="A summary long enough for the rules.",
        category=category,
        position=position,
        desk_friendly=False,
        difficulty=1,
        targets=(Target.LOWER_BACK,),
        sides=Sides.BOTH if two_sided else Sides.NONE,
        steps=steps,
        cautions=("Stop if it hurts.",),
        image="x.svg",
        dosage=dosage,
    )


def routine(*exercises: Exercise) -> Routine:
    """A routine of these exercises at their own dosage."""
    items = tuple(RoutineItem(exercise=e, dosage=e.dosage) for e in exercises)
    return Routine(id="r", name="Routine", description="A routine for the tests.", items=items)


def foreign_database(path: Path) -> bytes:
    """Write another program's SQLite file at `path` (its own application id); its bytes."""
    with sqlite3.connect(path) as connection:
        connection.execute("PRAGMA application_id = 7")
        connection.execute("CREATE TABLE notes (text TEXT)")
    connection.close()
    return path.read_bytes()
