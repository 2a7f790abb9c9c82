"""Progress safely, wired into the running app: the flow built, and when it may ask.

`app.progression.ProgressionFlow` makes the suggestion after a session and asks the
next-morning question; this builds it from the open data file and the app's prompts, and asks
only when the person is not in the middle of something else (a dialog, a session).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from spinecoach.core import settings as keys

if TYPE_CHECKING:
    from spinecoach.app.composition import Application
    from spinecoach.app.progression import ProgressionFlow, ProgressionPrompts
    from spinecoach.core.exercise import SpinalMovement


def progression_flow_for(app: Application) -> ProgressionFlow:
    """The suggestion after a session and the next-morning question (the data file open)."""
    from spinecoach.app.progression import ProgressionFlow
    from spinecoach.core.directions import avoided_movements
    from spinecoach.localzone import local_timezone

    settings = app.settings

    def avoid() -> frozenset[SpinalMovement]:
        values: tuple[object, ...] = settings.get(keys.AVOID_MOVEMENTS)
        return avoided_movements(values)

    return ProgressionFlow(
        database=app.database,
        status=app.storage_status,
        settings=settings,
        book=app.routine_book,
        clock=app.clock,
        zone=local_timezone(),
        words=app.words,
        prompts=progression_prompts(app),
        tell=app.tell,
        avoid=avoid,
        reassure=app.reassure,
    )


def progression_prompts(app: Application) -> ProgressionPrompts | None:
    """Dialogs; the prompts the app was given if they can ask these questions; else none."""
    from spinecoach.app.progression import DialogProgressionPrompts, ProgressionPrompts

    if app.prompts is None:
        return DialogProgressionPrompts(app.window)
    if isinstance(app.prompts, ProgressionPrompts):
        return app.prompts
    return None  # older scripted prompts: these questions are not asked


def suggest_after_session(app: Application) -> None:
    """After a session: one suggested change for the routine played, if the rules make one."""
    routine_id = app.player.routine_id
    if routine_id is not None and not app.player.is_active():
        app.progression.after_session(routine_id)


def ask_next_morning(app: Application) -> None:
    """The next-morning question, when due and nothing else is being asked or played."""
    from PySide6.QtWidgets import QApplication

    if not app.storage_is_open or QApplication.activeModalWidget() is not None:
        return
    if app.database.closed:  # quitting: asked a moment after the file was closed
        return
    if app.session_area.is_built and app.player.is_active():
        return
    app.progression.maybe_ask_next_morning()
