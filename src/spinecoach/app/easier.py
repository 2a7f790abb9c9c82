"""Making an exercise easier, and the movements that make the pain worse (issue 17).

"Make it easier" in the player, kept in the person's own routine if they say so; the movements
they said make their pain worse: asked once after "This hurts", marked, warned about.

The rules are the core's (`core.timeline.with_item_swapped`, `core.directions`); this module
only joins them to the routine book, the settings and the dialogs.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any, Protocol

from spinecoach.core import settings as keys
from spinecoach.core.directions import avoided_movements
from spinecoach.core.exercise import Exercise, Routine, RoutineOrigin, SpinalMovement
from spinecoach.core.timeline import with_item_swapped

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from spinecoach.ui.library.pane import LibraryPane
    from spinecoach.ui.session.player_controller import PlayerController

log = logging.getLogger(__name__)


class Book(Protocol):
    """What keeping an easier version needs of `app.routine_book.RoutineBook`."""

    def get(self, routine_id: str) -> Routine | None:
        """The routine with this id."""
        ...

    def save(self, routine: Routine) -> Routine:
        """Keep it as one of the person's own."""
        ...

    def copy_of(self, routine: Routine, name: str) -> Routine:
        """An unsaved own copy."""
        ...


class Settings(Protocol):
    """The settings store, as far as this module reads and writes it."""

    def get(self, setting: Any) -> Any:
        """A setting's value."""
        ...

    def set(self, setting: Any, value: Any) -> None:
        """Store a setting."""
        ...

    def subscribe(self, setting: Any, callback: Callable[[Any], object]) -> None:
        """Be told of changes."""
        ...


#: What "Use it from now on" asks: (the exercise, the easier one, locked, a copy is made) -> keep.
Ask = Callable[[str, str, bool, bool], bool]


class EasierKeeper:
    """After "Make it easier": asks whether to keep it, and keeps it in the person's own routine.

    A shipped (or unlocked programme) routine becomes the person's own copy the first time;
    a second item made easier in the same routine changes that copy, not a new one. A locked
    programme routine is never changed: the person is told to ask their physiotherapist. A
    single exercise played from the Library has no routine to keep it in: nothing is asked.
    """

    def __init__(
        self,
        book: Book,
        ask: Ask,
        *,
        copy_name: Callable[[str], str],
        record: Callable[[Routine, Exercise, Exercise], object] | None = None,
    ) -> None:
        """Ask with `ask`; keep in `book`; `record(kept, before, easier)` the change.

        The record is for History and the report: every change to a routine is recorded, as
        an accepted suggestion is.
        """
        self._book = book
        self._ask = ask
        self._copy_name = copy_name
        self._record = record
        self._kept: dict[str, str] = {}  # routine played -> id of the own routine kept
        #: The routine saved last (tests and the Library read it).
        self.last_saved: Routine | None = None

    def made_easier(self, routine: Routine, index: int, easier: Exercise) -> Routine | None:
        """`routine` (as started) had item `index` swapped for `easier`: ask, keep; the saved."""
        if routine.id.startswith("exercise:"):
            return None
        before = routine.items[index].exercise.name
        if routine.locked:
            self._ask(before, easier.name, True, False)
            return None
        base = self._base(routine, index)
        copy = base.origin is not RoutineOrigin.OWN
        if not self._ask(before, easier.name, False, copy):
            return None
        changed = with_item_swapped(base, index, easier)
        if copy:
            changed = self._book.copy_of(changed, self._copy_name(routine.name))
        try:
            saved = self._book.save(changed)
        except Exception:  # the data file refused: the session plays on, nothing was written
            log.exception("could not keep the easier version of %s", routine.id)
            return None
        self._kept[routine.id] = saved.id
        self.last_saved = saved
        if self._record is not None:
            self._record(saved, routine.items[index].exercise, easier)
        return saved

    def _base(self, routine: Routine, index: int) -> Routine:
        """The routine to change: the copy kept earlier, else the book's, else the one played."""
        for routine_id in (self._kept.get(routine.id), routine.id):
            found = self._book.get(routine_id) if routine_id is not None else None
            if (
                found is not None
                and len(found.items) == len(routine.items)
                and found.items[index].exercise.id == routine.items[index].exercise.id
            ):
                return found
        return routine


def avoided(settings: Settings) -> frozenset[SpinalMovement]:
    """The movements the person said make their pain worse."""
    values: tuple[object, ...] = settings.get(keys.AVOID_MOVEMENTS)
    return avoided_movements(values)


def ask_directions_once(settings: Settings, ask: Callable[[tuple[str, ...]], object]) -> bool:
    """After "This hurts": the directions question, the first time only (a state flag).

    `ask(current)` shows the question and returns the movements chosen (a tuple) or None.
    Returns True when it was asked now.
    """
    if settings.get(keys.DIRECTIONS_ASKED):
        return False
    settings.set(keys.DIRECTIONS_ASKED, True)  # asked once, whatever the answer
    chosen = ask(tuple(settings.get(keys.AVOID_MOVEMENTS)))
    if isinstance(chosen, tuple):
        settings.set(keys.AVOID_MOVEMENTS, chosen)
    return True


def dialog_ask(parent: QWidget) -> Ask:
    """`Ask` with the real dialog over `parent`."""

    def ask(exercise: str, easier: str, locked: bool, copy: bool) -> bool:
        from spinecoach.ui.session.easier_question import EasierQuestion

        box = EasierQuestion(exercise, easier, parent, locked=locked, copy=copy)
        box.exec()
        return box.keep

    return ask


def dialog_directions(parent: QWidget) -> Callable[[tuple[str, ...]], tuple[str, ...] | None]:
    """The directions question with the real dialog over `parent`."""

    def ask(current: tuple[str, ...]) -> tuple[str, ...] | None:
        from spinecoach.ui.care.hurts_dialog import DirectionsQuestion

        dialog = DirectionsQuestion(current, parent)
        dialog.exec()
        return dialog.chosen

    return ask


def easier_copy_name(name: str) -> str:
    """The name of the person's copy that uses an easier version: "Morning stretch (easier)"."""
    from PySide6.QtCore import QCoreApplication

    return QCoreApplication.translate("EasierKeeper", "{name} (easier)").format(name=name)


def wire_player(
    controller: PlayerController,
    *,
    exercises: Callable[[], Mapping[str, Exercise]],
    book: Book,
    settings: Settings,
    ask: Ask,
    directions: Callable[[tuple[str, ...]], object] | None,
    record: Callable[[Routine, Exercise, Exercise], object] | None = None,
) -> EasierKeeper:
    """Give the player the easier versions, the avoided movements and the two questions.

    `directions` None: the directions question is not asked after "This hurts".
    """
    keeper = EasierKeeper(book, ask, copy_name=easier_copy_name, record=record)
    after_hurt = None
    if directions is not None:
        question = directions

        def after_hurt(_exercise: Exercise) -> None:
            ask_directions_once(settings, question)

    controller.use_library(
        exercises,
        avoid=lambda: avoided(settings),
        made_easier=keeper.made_easier,
        after_hurt=after_hurt,
    )
    return keeper


def follow_avoided(pane: LibraryPane, settings: Settings) -> None:
    """The Library marks exercises and routines in an avoided direction, as the setting changes."""

    def show(_value: object = None) -> None:
        avoid = avoided(settings)
        pane.set_avoided(avoid)

    show()
    settings.subscribe(keys.AVOID_MOVEMENTS, show)
