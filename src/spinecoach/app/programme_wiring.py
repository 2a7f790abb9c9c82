"""Programme files wired into the running app: built on first use, opened when the app is ready.

`app.programmes.ProgrammeFiles` opens, previews, imports and exports; this gives it the window,
the data file and the library's words, reloads the routine book after an import, and holds a
file from `--open`, a second launch or a drop until the data file and the safety notes allow it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from spinecoach.core import settings as keys

if TYPE_CHECKING:
    from pathlib import Path

    from spinecoach.app.composition import Application
    from spinecoach.app.programmes import ProgrammeFiles


def programme_files_for(app: Application) -> ProgrammeFiles:
    """Opening, importing and exporting programme files, for `Application.programme_files`."""
    from spinecoach.app.programmes import ProgrammeFiles

    def programmes_changed() -> None:
        """A programme was imported: what the Library and the player see is read again."""
        app.routine_book.reload()
        app.window.show_area("library")

    return ProgrammeFiles(
        window=app.window,
        database=lambda: app.database,
        exercises=lambda: app.library.exercises,
        words=lambda: app.words,
        clock=app.clock,
        state=app.state,
        reload=programmes_changed,
        tell=app.tell,
        data_dir=app.data_dir,
    )


def open_programme_when_ready(app: Application, path: Path) -> None:
    """Preview `path` (`--open`, a second launch, a drop) once the window can show it.

    After the data file is open and, on a first run, after the safety notes were
    acknowledged; always in a later turn of the event loop, never inside a paint.
    """
    from PySide6.QtCore import QTimer

    waiting = [True]

    def open_now() -> None:
        if not waiting[0]:
            return
        if app.needs_safety_acknowledgement():
            app.state.subscribe(keys.SAFETY_ACKNOWLEDGED, lambda _: QTimer.singleShot(0, open_now))
            return
        waiting[0] = False
        if not app.open_storage_or_quit():
            return
        app.window.bring_to_front()
        app.programme_files.open_file(path)

    app.data.when_open(lambda: QTimer.singleShot(0, open_now))
