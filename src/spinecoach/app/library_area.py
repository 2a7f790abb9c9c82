"""How the Library area is built: the shipped library, the pane, and what it follows.

Apart from the other areas (`app.areas`) because the Library is the one built before the data
file opens: its list is what the window shows first, so it is built from the library files
alone, and imports nothing of the session's or History's parts (their `OpenParts`).
Once the data file is open, the pane follows the player's timing and the routine book.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from spinecoach import paths
from spinecoach.core import settings as keys

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from spinecoach.app.looks import Looks
    from spinecoach.app.routine_book import RoutineBook
    from spinecoach.core.exercise import Routine
    from spinecoach.core.library import Library
    from spinecoach.core.session_settings import SessionSettings
    from spinecoach.storage.settings_store import SettingsStore
    from spinecoach.ui.library.pane import LibraryPane

log = logging.getLogger(__name__)

#: The settings that change how long the player takes.
SESSION_TIMING = (keys.GET_READY_SECONDS, keys.REST_BETWEEN_EXERCISES_SECONDS)


def session_settings(settings: SettingsStore) -> SessionSettings:
    """The player's timing, as the person set it."""
    from spinecoach.core.session_settings import SessionSettings

    return SessionSettings(
        get_ready_seconds=settings.get(keys.GET_READY_SECONDS),
        rest_between_exercises_seconds=settings.get(keys.REST_BETWEEN_EXERCISES_SECONDS),
    )


def load_shipped_library(language: str, cache_dir: Path) -> Library:
    """The exercises and routines shipped with SpineCoach, in `language` over English.

    A broken file is skipped and logged; a broken translated field stays English, also logged.
    English reads only the English files: importing `core.translation` (which imports every
    module that speaks, to check catalogs) costs ~60 ms the Library list would wait for.
    The files come parsed from the cache in `cache_dir` when unchanged (`ParsedTomlCache`:
    ~13 ms less before the list shows).
    """
    from spinecoach import __version__
    from spinecoach.core.library import read_toml
    from spinecoach.storage.parsed_toml_cache import ParsedTomlCache, cache_file_name

    resources, images = paths.resources_dir(), paths.icons_dir() / "exercises"
    cache = ParsedTomlCache(cache_dir / cache_file_name(__version__), read_toml)
    if language == "en":
        from spinecoach.core.library import load_library

        library = load_library(resources, images, cache.read)
    else:
        from spinecoach.core.translation import load_library_in

        library = load_library_in(resources, images, language, cache.read)
    cache.save()
    for problem in library.problems:
        log.warning("library file skipped: %s", problem)
    return library


def build_library_pane(
    looks: Looks,
    library: Library,
    *,
    start: Callable[[Routine], object],
    show_safety: Callable[[], object],
    rendered: Path | None = None,
    parent: QWidget | None = None,
) -> LibraryPane:
    """The Library: browse routines and exercises, read one, start it.

    It needs no data file, so the list can show before the data file is opened; the routine
    pages show the player's default timing until `follow_session_timing` is wired. `rendered`
    is where the pictures are kept between starts (`IllustrationCache`), if anywhere.
    """
    from spinecoach.ui.library.illustrations import IllustrationCache
    from spinecoach.ui.library.pane import LibraryPane

    illustrations = IllustrationCache(
        paths.icons_dir() / "exercises", palette=looks.theme.name, rendered=rendered
    )
    pane = LibraryPane(library, illustrations, parent)
    looks.follow(lambda theme: pane.set_illustration_palette(theme.name))
    pane.safety_requested.connect(show_safety)
    pane.start_requested.connect(start)
    return pane


def follow_session_timing(pane: LibraryPane, settings: SettingsStore) -> None:
    """The routine pages show the time the player will take, as the person set it."""

    def show_timing(_value: object = None) -> None:
        pane.set_session_settings(session_settings(settings))

    show_timing()
    for key in SESSION_TIMING:
        settings.subscribe(key, show_timing)


def use_routine_book(pane: LibraryPane, book: RoutineBook, settings: SettingsStore) -> None:
    """The Library lists the book's routines (programme, own, shipped) and edits the person's.

    The pane follows every change of the book (a save, a delete, an undo, a programme).
    """
    from spinecoach.app.routine_book import eased_limits
    from spinecoach.ui.library.own_routines import OwnRoutines

    def show() -> None:
        pane.set_routines(book.routines(), book.programme_title)

    pane.use_routine_actions(
        OwnRoutines(
            pane, book, limits_for_eased=eased_limits, settings=lambda: session_settings(settings)
        )
    )
    show()
    book.changed.append(show)
