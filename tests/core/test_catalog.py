"""Search and filter rules behind the Library pane."""

from __future__ import annotations

from spinecoach.core.catalog import LibraryFilter
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
from spinecoach.core.search_index import exercise_matches, filter_exercises, filter_routines


def exercise(
    exercise_id: str,
    *,
    position: Position = Position.STANDING,
    category: Category = Category.STRETCH,
    desk: bool = False,
    targets: tuple[Target, ...] = (Target.LOWER_BACK,),
    steps: tuple[str, ...] = ("Stand tall.", "Reach up."),
    hold: int = 20,
) -> Exercise:
    return Exercise(
        id=exercise_id,
        name=exercise_id.replace("-", " ").capitalize(),
        summary="A summary long enough for the rules.",
        category=category,
        position=position,
        desk_friendly=desk,
        difficulty=1,
        targets=targets,
        sides=Sides.NONE,
        steps=steps,
        cautions=("Stop if it hurts.",),
        image=f"{exercise_id}.svg",
        dosage=Dosage(reps=1, hold_seconds=hold, release_seconds=0),
    )


SEATED_TWIST = exercise("seated-twist", position=Position.SEATED, desk=True, hold=30)
BRIDGE = exercise(
    "glute-bridge",
    position=Position.LYING_ON_BACK,
    category=Category.STRENGTH,
    targets=(Target.GLUTES, Target.CORE),
    steps=("Lie on your back.", "Lift your hips off the mat."),
    hold=60,
)
HAMSTRING = exercise("lying-hamstring-stretch", position=Position.LYING_ON_BACK,
                     targets=(Target.HAMSTRINGS,), hold=40)  # fmt: skip
ALL = [SEATED_TWIST, BRIDGE, HAMSTRING]


def routine(routine_id: str, *items: Exercise) -> Routine:
    return Routine(
        id=routine_id,
        name=routine_id.capitalize(),
        description="Described.",
        items=tuple(RoutineItem(e, e.dosage) for e in items),
    )


def ids(items: list[Exercise] | list[Routine]) -> list[str]:
    return [item.id for item in items]


def test_empty_filter_keeps_everything_in_order() -> None:
    assert LibraryFilter().is_empty
    assert filter_exercises(ALL, LibraryFilter()) == ALL


def test_text_matches_name_target_and_step_text_case_insensitively() -> None:
    assert ids(filter_exercises(ALL, LibraryFilter(text="TWIST"))) == ["seated-twist"]
    assert ids(filter_exercises(ALL, LibraryFilter(text="glutes"))) == ["glute-bridge"]
    assert ids(filter_exercises(ALL, LibraryFilter(text="hips off"))) == ["glute-bridge"]
    # "hamstring" finds the exercise whose target is "hamstrings".
    assert ids(filter_exercises(ALL, LibraryFilter(text="hamstring"))) == [
        "lying-hamstring-stretch"
    ]


def test_words_match_at_word_starts_only() -> None:
    ship = exercise("ship-shape", steps=("Keep your relationship with the chair.", "Relax."))
    assert filter_exercises([ship], LibraryFilter(text="hip")) == []
    assert filter_exercises([ship], LibraryFilter(text="relation")) == [ship]
    assert filter_exercises([ship], LibraryFilter(text="  chair,  ")) == [ship]


def test_every_word_must_match() -> None:
    assert ids(filter_exercises(ALL, LibraryFilter(text="lying stretch"))) == [
        "lying-hamstring-stretch"
    ]
    assert filter_exercises(ALL, LibraryFilter(text="twist bridge")) == []


def test_position_category_desk_and_duration_filters() -> None:
    lying = LibraryFilter(position=Position.LYING_ON_BACK)
    assert ids(filter_exercises(ALL, lying)) == ["glute-bridge", "lying-hamstring-stretch"]
    strength = LibraryFilter(category=Category.STRENGTH)
    assert ids(filter_exercises(ALL, strength)) == ["glute-bridge"]
    assert ids(filter_exercises(ALL, LibraryFilter(desk_friendly_only=True))) == ["seated-twist"]
    # The bridge takes 62 s (60 s hold + 2 s release default is overridden to 0 here: 60 s).
    assert ids(filter_exercises(ALL, LibraryFilter(max_seconds=45))) == [
        "seated-twist",
        "lying-hamstring-stretch",
    ]
    assert exercise_matches(BRIDGE, LibraryFilter(max_seconds=60))
    assert not exercise_matches(BRIDGE, LibraryFilter(max_seconds=59))


def test_filters_combine() -> None:
    query = LibraryFilter(text="stretch", position=Position.LYING_ON_BACK, max_seconds=30)
    assert filter_exercises(ALL, query) == []


def test_routine_position_needs_every_exercise_category_needs_one() -> None:
    floor = routine("floor", BRIDGE, HAMSTRING)
    mixed = routine("mixed", SEATED_TWIST, BRIDGE)
    desk = routine("desk", SEATED_TWIST)
    routines = [floor, mixed, desk]
    lying = LibraryFilter(position=Position.LYING_ON_BACK)
    assert ids(filter_routines(routines, lying)) == ["floor"]
    strength = LibraryFilter(category=Category.STRENGTH)
    assert ids(filter_routines(routines, strength)) == ["floor", "mixed"]
    assert ids(filter_routines(routines, LibraryFilter(desk_friendly_only=True))) == ["desk"]


def test_routine_text_matches_its_exercise_names_and_duration_is_the_total() -> None:
    floor = routine("floor", BRIDGE, HAMSTRING)
    assert filter_routines([floor], LibraryFilter(text="bridge")) == [floor]
    assert floor.total_seconds == 100
    assert filter_routines([floor], LibraryFilter(max_seconds=99)) == []
    assert filter_routines([floor], LibraryFilter(max_seconds=100)) == [floor]


def test_browsing_order_puts_short_routines_first_and_exercises_by_name() -> None:
    from spinecoach.core.catalog import browsing_order_exercises, browsing_order_routines

    floor = routine("floor", BRIDGE, HAMSTRING)
    desk = routine("desk", SEATED_TWIST)
    assert ids(browsing_order_routines([floor, desk])) == ["desk", "floor"]
    assert ids(browsing_order_exercises([SEATED_TWIST, HAMSTRING, BRIDGE])) == [
        "glute-bridge",
        "lying-hamstring-stretch",
        "seated-twist",
    ]
