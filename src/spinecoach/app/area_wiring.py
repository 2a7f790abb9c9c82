"""The three areas, wired into the running app when each is first built.

`app.library_area` builds the Library from the library files, `app.areas` the other areas from
the open data file's parts; this module gives them what only the whole app knows: starting a
routine, the safety notes, the routine book, the settings they follow, the player's cues and
questions, "Make it easier" and the suggestion after a session.
Called by `Application`'s `DeferredArea` factories, each once.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING

from spinecoach import paths
from spinecoach.core import settings as keys

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from spinecoach.app.composition import Application
    from spinecoach.core.exercise import Exercise, Routine
    from spinecoach.ui.history.area import HistoryArea
    from spinecoach.ui.library.pane import LibraryPane
    from spinecoach.ui.session.area import SessionArea

log = logging.getLogger(__name__)

#: The folder in the data folder's cache where the Library keeps its rendered pictures.
RENDERED_PICTURES = "pictures"


def library_pane_for(app: Application, parent: QWidget | None) -> LibraryPane:
    """The Library, starting routines and showing the safety notes; more once the file opens."""
    from spinecoach.app.library_area import (
        build_library_pane,
        follow_session_timing,
        use_routine_book,
    )

    def follow_avoided() -> None:
        # Imported once the file is open: the list does not wait for these rules (~4 ms).
        from spinecoach.app import easier

        easier.follow_avoided(pane, app.settings)

    pane = build_library_pane(
        app.looks,
        app.library,
        start=app.start_routine,
        show_safety=lambda: app.show_safety(False),
        rendered=paths.cache_dir(app.data_dir) / RENDERED_PICTURES,
        parent=parent,
    )
    app.data.when_open(lambda: follow_session_timing(pane, app.settings))
    app.data.when_open(lambda: use_routine_book(pane, app.routine_book, app.settings))
    app.data.when_open(follow_avoided)
    pane.export_requested.connect(app.export_routine)
    return pane


def session_area_for(app: Application, parent: QWidget | None) -> SessionArea:
    """The Session area: its cues and questions, "Make it easier", the suggestion after it."""
    from PySide6.QtCore import QTimer

    from spinecoach.app.areas import build_session_area
    from spinecoach.app.progression_wiring import suggest_after_session

    player = app.ensure_cue_player()
    cues = player if player is not None else app.given_cues
    assert cues is not None  # a real player, or the one the app was given
    area = build_session_area(
        app.parts,
        cues=cues,
        prompts=app.prompts,
        routines=lambda: all_routines(app),
        quick_start=lambda: app.start_routine_id("desk-break"),
        show_library=lambda: app.window.show_area("library"),
        words=app.words,
        parent=parent,
    )
    wire_easier(app, area)
    if player is not None:
        view = area.player

        def show_silence() -> None:
            view.set_sound_note(player.silence_note())

        player.availability_changed.connect(show_silence)
        for key in (keys.SOUND_ENABLED, keys.VOICE_ENABLED):
            app.settings.subscribe(key, lambda _on: show_silence())
        QTimer.singleShot(0, show_silence)  # after `prepare` has loaded what it can
    # After the pain-after question and its advice (the summary painted first): one
    # suggested change for the routine played, if the rules make one (app/progression.py).
    area.controller.session_ended.connect(
        lambda _status: QTimer.singleShot(0, app.window, lambda: suggest_after_session(app))
    )
    return area


def all_routines(app: Application) -> Iterable[Routine]:
    """Every routine (programme, own, shipped), read when a session needs them."""
    if not app.storage_is_open:
        return app.library.routines.values()
    return app.routine_book.routines()


def history_area_for(app: Application, parent: QWidget | None) -> HistoryArea:
    """History, naming exercises and routines from the library and the routine book."""
    from spinecoach.app.areas import build_history_area

    def exercise_names(exercise_ids: tuple[str, ...]) -> list[str]:
        exercises = app.library.exercises
        return [exercises[i].name if i in exercises else i for i in exercise_ids]

    book = app.routine_book
    area = build_history_area(
        app.parts,
        exercise_names=exercise_names,
        repeat=app.start_routine_id,
        words=app.words,
        routine_names=book.names,  # read at each use: a renamed routine's new name
        programme=lambda: book.programme,
        programme_aliases=book.eased_aliases,
        parent=parent,
    )
    book.changed.append(area.controller.refresh)
    return area


def wire_easier(app: Application, area: SessionArea) -> None:
    """The player's easier versions, avoided movements and their questions (issue 17).

    With the app's own dialogs; prompts the app was given (tests) answer through their
    `keep_easier(exercise, easier, locked, copy)` and `movements_that_hurt(current)` when
    they have them, else the change is not kept and the directions question not asked.
    """
    from spinecoach.app.easier import Ask, dialog_ask, dialog_directions, wire_player

    prompts = app.prompts
    ask: Ask
    directions: Callable[[tuple[str, ...]], object] | None
    if prompts is None:
        ask, directions = dialog_ask(app.window), dialog_directions(app.window)
    else:
        ask = getattr(prompts, "keep_easier", lambda *_answers: False)
        directions = getattr(prompts, "movements_that_hurt", None)

    def record(routine: Routine, before: Exercise, easier: Exercise) -> None:
        record_easier_kept(app, routine, before, easier)

    app.data.when_open(
        lambda: wire_player(
            area.controller,
            exercises=lambda: app.library.exercises,
            book=app.routine_book,
            settings=app.settings,
            ask=ask,
            directions=directions,
            record=record,
        )
    )


def record_easier_kept(
    app: Application, routine: Routine, before: Exercise, easier: Exercise
) -> None:
    """A kept "Make it easier" is a change like an accepted suggestion: History, report."""
    from PySide6.QtCore import QCoreApplication

    from spinecoach.core.records import ChangeKind, ChangeStatus, ProgressionChange

    reason = QCoreApplication.translate(
        "Application", "You made it easier during a session and chose to keep it."
    )
    change = ProgressionChange(
        recorded_at=app.clock.now(),
        routine_id=routine.id,
        exercise_id=before.id,
        kind=ChangeKind.EASIER,
        from_text=before.name,
        to_text=easier.name,
        reason=reason,
        status=ChangeStatus.ACCEPTED,
    )
    try:
        app.data.database.add_progression_change(change)
    except Exception:  # the routine is kept; only its History line is missing
        log.exception("could not record the easier version kept in %s", routine.id)
