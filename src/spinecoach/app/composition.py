"""Composition: build each part of SpineCoach once and pass its dependencies in.

In the order a start needs them: the window's state file and the theme (`looks`), the window
with its three areas as typed placeholders (`DeferredArea`), then, after the first paint, the
data file (`data_file`: settings and the write path), the areas (`areas`, wired into the app by
`area_wiring`), and the tray with the reminders (`tray_wiring` connects `tray_and_reminders`
to the rest). Session start and end reach the reminders and History through one object
(`SessionEvents`). What the person can ask of the app as a whole (start a routine, quit, the
safety notes, settings) is here too, because it spans areas; the dialogs it opens are built in
`person_dialogs`, programme files in `programme_wiring`, the progression flow in
`progression_wiring`.

Kept as one module at about 550 lines: `Application` is the one object that tests, tools and
the wiring modules reach every part through, so what is left is its constructor, one short
member per part (most two lines, or built on first use) and the few actions that span areas.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING

from spinecoach import paths
from spinecoach.core import settings as keys
from spinecoach.core.clock import Clock, SystemClock

if TYPE_CHECKING:
    from PySide6.QtCore import QObject
    from PySide6.QtWidgets import QWidget

    from spinecoach.app.areas import OpenParts
    from spinecoach.app.programmes import ProgrammeFiles
    from spinecoach.app.progression import ProgressionFlow
    from spinecoach.app.routine_book import RoutineBook
    from spinecoach.app.session_events import SessionEvents
    from spinecoach.app.tray_and_reminders import TrayAndReminders
    from spinecoach.core.exercise import Routine
    from spinecoach.core.library import Library
    from spinecoach.core.messages import Messages
    from spinecoach.core.presence import IdleSource, InterruptionSource, WindowMatchSource
    from spinecoach.desktop.autostart import Autostart
    from spinecoach.desktop.notifications import DesktopNotifications
    from spinecoach.sound.cue_player import CuePlayer
    from spinecoach.sound.tones import ToneBank
    from spinecoach.storage.opening import OpenedDatabase
    from spinecoach.storage.settings_store import SettingsStore
    from spinecoach.ui.history.area import HistoryArea
    from spinecoach.ui.history.controller import HistoryController
    from spinecoach.ui.library.pane import LibraryPane
    from spinecoach.ui.session.area import SessionArea
    from spinecoach.ui.session.player_controller import CueSink, PlayerController
    from spinecoach.ui.session.prompts import SessionPrompts
    from spinecoach.ui.shell.main_window import MainWindow
    from spinecoach.ui.shell.storage_status import StorageStatus
    from spinecoach.ui.style.theme import Theme

log = logging.getLogger("spinecoach")


class Application:
    """The running application: its parts, built once, reachable by tests and tools.

    Built before the first paint with only what the first frame needs; `open_storage()` (or
    `open_storage_or_quit()`, with the person's choices) opens the data file after it, and the
    areas are built after that (`build_areas`), or as soon as something needs one.
    """

    def __init__(
        self,
        data_dir: Path,
        clock: Clock | None = None,
        *,
        prompts: SessionPrompts | None = None,
        cues: CueSink | None = None,
        language: str | None = None,
    ) -> None:
        # Qt and the UI are imported here, not at module level, so `--version` stays instant.
        from PySide6.QtCore import QCoreApplication
        from PySide6.QtGui import QIcon
        from PySide6.QtWidgets import QApplication

        from spinecoach.app.data_file import DataFile
        from spinecoach.app.language import use_language
        from spinecoach.app.looks import Looks
        from spinecoach.app.on_demand import OnDemand
        from spinecoach.storage.state_file import StateFile, state_file_path
        from spinecoach.ui.shell.deferred_area import DeferredArea

        qt_app = QApplication.instance()
        assert isinstance(qt_app, QApplication), "create a QApplication first"
        self.data_dir = data_dir
        self.clock = clock or SystemClock()
        #: The session's questions (tests and tools give scripted ones; None: the dialogs).
        self.prompts = prompts
        #: The cues to play (tests give recording ones; None: the real cue player).
        self.given_cues = cues
        paths.prepare_data_dir(data_dir)  # 0700: it holds health data
        if qt_app.windowIcon().isNull():
            qt_app.setWindowIcon(QIcon(str(paths.icons_dir() / "spinecoach.svg")))
        self.state = StateFile.load(state_file_path(data_dir))
        #: The language in use ("en", "de", "de_AT"): the window's, the content's, the voice's.
        # (`language` overrides the setting for this run: `--language`, tests, screenshots.)
        preference = language or self.state.get(keys.LANGUAGE)
        self.language = use_language(preference, paths.resources_dir())
        self.looks = Looks(qt_app, self.state, str(paths.icons_dir() / "ui"))
        translate = QCoreApplication.translate
        self.library_area = DeferredArea(
            self._build_library_pane, translate("Application", "Library")
        )
        self.session_area = DeferredArea(
            self._build_session_area, translate("Application", "Session")
        )
        self.history_area = DeferredArea(
            self._build_history_area, translate("Application", "History")
        )
        #: The main window, built when first needed: at once when SpineCoach opens with it,
        #: only when the person opens it when it starts in the tray (issue 18: ~5 MB).
        self.main_window: OnDemand[MainWindow] = OnDemand(self._build_window)
        #: What the data file said while there was no window to show it in (shown when built).
        self._notices: list[str] = []
        self.data = DataFile(data_dir, self.clock, self.state, self.main_window.if_built, self.tell)
        self.reminders: TrayAndReminders | None = None
        self._notifications: DesktopNotifications | None = None
        self.cue_player: CuePlayer | None = None
        self._parts: OpenParts | None = None
        self._session_events: SessionEvents | None = None
        self._tones: ToneBank | None = None
        self._library: Library | None = None
        self._programme_files: ProgrammeFiles | None = None
        #: The routine book, built when first needed (`routine_book`); the reminders wait for it.
        self.routine_book_on_demand: OnDemand[RoutineBook] = OnDemand(self._build_routine_book)
        self._progression: ProgressionFlow | None = None

    # --- the window --------------------------------------------------------------------------

    @property
    def window(self) -> MainWindow:
        """The main window (built now if it was not yet: see `main_window`)."""
        return self.main_window.get()

    @property
    def owner(self) -> QObject:
        """What the app-wide parts (reminders, the restart watch) hang from, Qt-wise.

        The window when it is built, as before the window was built on demand; else, started
        in the tray, the application itself (there may never be a window).
        """
        from PySide6.QtCore import QCoreApplication

        window = self.main_window.if_built()
        if window is not None:
            return window
        instance = QCoreApplication.instance()
        assert instance is not None, "create a QApplication first"
        return instance

    def _build_window(self) -> MainWindow:
        from spinecoach.ui.shell.main_window import MainWindow

        areas: dict[str, QWidget] = {
            "library": self.library_area,
            "session": self.session_area,
            "history": self.history_area,
        }
        window = MainWindow(areas, self.state, self.looks.theme)
        self.looks.follow(window.apply_theme_icons)
        window.safety_requested.connect(lambda: self.show_safety(False))
        window.theme_requested.connect(self.looks.choose)
        window.settings_requested.connect(self.show_settings)
        window.quit_requested.connect(self.quit)
        window.log_pain_requested.connect(self.log_pain_now)
        window.open_programme_requested.connect(self.choose_programme)
        window.export_programme_requested.connect(self.export_programme)
        window.programme_dropped.connect(lambda path: self.open_programme_when_ready(Path(path)))
        notices, self._notices = self._notices, []
        for text in notices:
            window.show_notice(text)
        return window

    # --- the data file -------------------------------------------------------------------------

    def open_storage(self, *, busy_timeout: float | None = None) -> OpenedDatabase:
        """Open the data file (see `DataFile.open`); raises what stops it."""
        return self.data.open(busy_timeout=busy_timeout)

    def open_storage_or_quit(self) -> bool:
        """Open the data file, or explain why not and quit with exit code 1 (False)."""
        return self.data.open_or_quit()

    @property
    def storage_is_open(self) -> bool:
        """Whether the data file has been opened."""
        return self.data.is_open

    def close_storage(self) -> None:
        """Release the data file (everything is already committed)."""
        self.data.close()

    @property
    def database(self) -> OpenedDatabase:
        """The open data file."""
        return self.data.database

    @property
    def settings(self) -> SettingsStore:
        """Every setting, typed and observable."""
        return self.data.settings

    @property
    def storage_status(self) -> StorageStatus:
        """The write path for health data and its notices."""
        return self.data.status

    def tell(self, text: str) -> None:
        """A message about the person's data: in the window's banner, and the tray if hidden.

        Without a window yet (started in the tray), the banner shows it when the window opens.
        """
        window = self.main_window.if_built()
        if window is None:
            self._notices.append(text)
        else:
            window.show_notice(text)
        if (window is None or not window.isVisible()) and self.reminders is not None:
            self.reminders.notify("SpineCoach", text)

    def reassure(self, text: str) -> None:
        """Good news about the person's progress, in the window's banner (plain, not a caution).

        Not in the tray and not over a problem the banner shows: it is worth reading, not
        worth interrupting for. It is asked for over the window (the next-morning question).
        """
        window = self.main_window.if_built()
        if window is None or not window.show_reassurance(text):
            log.info("a reassurance was not shown: %s", text)

    # --- the areas, built after the first paint -----------------------------------------------

    @property
    def parts(self) -> OpenParts:
        """What the areas are built from (the data file must be open)."""
        if not self.data.is_open and not self.data.open_or_quit():
            # An area was asked for in the moment before the file opens, and it cannot be.
            raise RuntimeError("the data file could not be opened")
        if self._parts is None:
            from spinecoach.app.areas import OpenParts

            self._parts = OpenParts(
                data_dir=self.data_dir,
                clock=self.clock,
                looks=self.looks,
                window=self.window,
                database=self.data.database,
                settings=self.data.settings,
                status=self.data.status,
                session_events=self.session_events,
            )
        return self._parts

    @property
    def session_events(self) -> SessionEvents:
        """Session start and end, for the reminders and History (see `SessionEvents`)."""
        if self._session_events is None:
            from spinecoach.app.session_events import SessionEvents

            self._session_events = SessionEvents()
        return self._session_events

    @property
    def library_pane(self) -> LibraryPane:
        """The Library pane (built now if it was not yet)."""
        return self.library_area.build()

    @property
    def library(self) -> Library:
        """The exercise library in the language in use (loaded on first use; no widget)."""
        if self._library is None:
            from spinecoach.app.library_area import load_shipped_library

            self._library = load_shipped_library(self.language, paths.cache_dir(self.data_dir))
        return self._library

    @property
    def routine_book(self) -> RoutineBook:
        """Every routine: the programme's, the person's own, the shipped (the data file open)."""
        return self.routine_book_on_demand.get()

    def _build_routine_book(self) -> RoutineBook:
        from spinecoach.app.routine_book import RoutineBook

        return RoutineBook(self.library, self.database, self.clock)

    @property
    def words(self) -> Messages:
        """The core's messages in the language in use: safety texts, cues, pain advice."""
        return self.library.words

    @property
    def session(self) -> SessionArea:
        """The Session area (idle page and player)."""
        return self.session_area.build()

    @property
    def player(self) -> PlayerController:
        """The controller that plays sessions."""
        return self.session.controller

    @property
    def history(self) -> HistoryController:
        """The History area's controller."""
        return self.history_area.build().controller

    def build_areas(self) -> None:
        """After the first paint: the Library, and the area the window opened on.

        The Library needs no data file; the Session and History areas do (it must be open).
        """
        self.library_area.build()
        current = self.window.current_area()
        if current == "session":
            self.session_area.build()
        elif current == "history":
            self.history_area.build()

    def _build_library_pane(self, parent: QWidget | None) -> LibraryPane:
        from spinecoach.app.area_wiring import library_pane_for

        return library_pane_for(self, parent)

    def _build_session_area(self, parent: QWidget | None) -> SessionArea:
        from spinecoach.app.area_wiring import session_area_for

        return session_area_for(self, parent)

    def _build_history_area(self, parent: QWidget | None) -> HistoryArea:
        from spinecoach.app.area_wiring import history_area_for

        return history_area_for(self, parent)

    # --- sound: the session's cues and the reminder chime share one bank of tones -------------

    def ensure_cue_player(self) -> CuePlayer | None:
        """The real cue player, built once (None when the app was given cues, as in tests)."""
        from spinecoach.app.areas import build_cue_player

        if self.given_cues is None and self.cue_player is None:
            self.cue_player = build_cue_player(self.parts, self.tones)
        return self.cue_player

    @property
    def tones(self) -> ToneBank:
        """The one bank of tones the session cues and the reminder chime play from."""
        if self._tones is None:
            from PySide6.QtCore import QCoreApplication

            from spinecoach.sound.tones import ToneBank

            self._tones = ToneBank(
                paths.resources_dir() / "sounds",
                volume=self.settings.get(keys.VOLUME),
                off_notice=QCoreApplication.translate("Application", "Tones are off"),
                parent=self.owner,
            )
            self.settings.subscribe(keys.VOLUME, self._tones.set_volume)
        return self._tones

    # --- progress safely (app/progression_wiring.py, app/progression.py) ----------------------

    @property
    def progression(self) -> ProgressionFlow:
        """The suggestion after a session and the next-morning question (data file open)."""
        if self._progression is None:
            from spinecoach.app.progression_wiring import progression_flow_for

            self._progression = progression_flow_for(self)
        return self._progression

    # --- running in the background --------------------------------------------------------------

    def start_background(
        self,
        *,
        idle: IdleSource | None = None,
        interruptions: InterruptionSource | None = None,
        calls: InterruptionSource | None = None,
        apps: WindowMatchSource | None = None,
        autostart: Autostart | None = None,
        tray_available: bool | None = None,
        notifications: DesktopNotifications | None = None,
    ) -> TrayAndReminders:
        """The tray icon and stand-up reminders (after the first paint; tests pass fakes).

        Each provider left None is the desktop's own (see `start_tray_and_reminders`).
        """
        from spinecoach.app.person_dialogs import offer_menu_entry
        from spinecoach.app.tray_wiring import start_tray_and_reminders

        if self.reminders is not None:
            return self.reminders
        self.reminders, self._notifications = start_tray_and_reminders(
            self,
            idle=idle,
            interruptions=interruptions,
            calls=calls,
            apps=apps,
            autostart=autostart,
            tray_available=tray_available,
            notifications=notifications,
        )
        offer_menu_entry(self)
        return self.reminders

    # --- what the person can do --------------------------------------------------------------

    def start_routine(self, routine: Routine) -> bool:
        """Open the player on `routine` (False if a session is already running)."""
        area = self.session
        self.window.show_area("session")
        if self.player.is_active():
            return False
        area.show_player()
        started = self.player.start(routine)
        if not started:
            area.show_idle()
        return started

    def start_routine_id(self, routine_id: str) -> bool:
        """Start a routine by id (shipped, own or the programme's), or "exercise:<id>"."""
        from spinecoach.core.exercise import single_exercise_routine

        if self.storage_is_open:
            routine = self.routine_book.get(routine_id)
        else:
            routine = self.library.routines.get(routine_id)
        if routine is None and routine_id.startswith("exercise:"):
            exercise = self.library.exercises.get(routine_id.removeprefix("exercise:"))
            routine = single_exercise_routine(exercise) if exercise is not None else None
        return routine is not None and self.start_routine(routine)

    def start_desk_break(self) -> bool:
        """The two-minute desk break, from a reminder or the tray."""
        self.window.bring_to_front()
        return self.start_routine_id("desk-break")

    def open_library(self) -> None:
        """Show the library to choose a routine (the daily exercise reminder)."""
        self.window.bring_to_front()
        self.window.show_area("library")

    def log_pain_now(self) -> None:
        """A pain check-in from the tray, kept in the history."""
        self.window.bring_to_front()
        self.window.show_area("history")
        self.history_area.build().check_in()

    # --- programme files (app/programme_wiring.py, app/programmes.py) -------------------------

    @property
    def programme_files(self) -> ProgrammeFiles:
        """Opening, importing and exporting programme files (built on first use)."""
        if self._programme_files is None:
            from spinecoach.app.programme_wiring import programme_files_for

            self._programme_files = programme_files_for(self)
        return self._programme_files

    def choose_programme(self) -> None:
        """File > Open programme (Ctrl+O): choose a file, preview it, import on agreement."""
        if self.open_storage_or_quit():
            self.programme_files.choose_and_open()

    def export_programme(self) -> None:
        """File > Export programme: the active programme, in the programme format."""
        if self.open_storage_or_quit():
            self.programme_files.export_active()

    def export_routine(self, routine: Routine) -> Path | None:
        """The Library's Export: one routine as a programme file (None: not written)."""
        if not self.open_storage_or_quit():
            return None
        return self.programme_files.export_routine(routine)

    def open_programme_when_ready(self, path: Path) -> None:
        """Preview `path` (`--open`, a second launch, a drop) once the window can show it."""
        from spinecoach.app.programme_wiring import open_programme_when_ready

        open_programme_when_ready(self, path)

    # --- the app-wide dialogs and looks (app/person_dialogs.py, app/looks.py) ------------------

    def show_safety(self, first_run: bool = False) -> bool:
        """Show the safety notes; the first time, store the acknowledgement."""
        from spinecoach.app.person_dialogs import show_safety

        return show_safety(self, first_run)

    def needs_safety_acknowledgement(self) -> bool:
        """True until the person has acknowledged the safety notes once."""
        return not self.state.get(keys.SAFETY_ACKNOWLEDGED)

    def set_theme(self, preference: str) -> None:
        """Switch to "system", "light" or "dark" and remember it (the setting restyles)."""
        self.looks.choose(preference)

    @property
    def theme(self) -> Theme:
        """The theme in use."""
        return self.looks.theme

    def show_settings(self, page: str = "Reminders") -> None:
        """Every setting in one dialog (View > Settings, or the tray's Settings)."""
        from spinecoach.app.person_dialogs import show_settings

        show_settings(self, page)

    # --- the end ------------------------------------------------------------------------------

    def quit(self) -> None:
        """Really quit (File > Quit, the tray's Quit): the tray icon and reminders go too."""
        from PySide6.QtWidgets import QApplication

        if self.session_area.is_built and self.player.is_active():
            # End it properly (stopped, with the pain-after question) rather than leave it to
            # be found "incomplete" at the next start.
            self.window.bring_to_front()
            self.window.show_area("session")
            self.player.stop()
        if self.reminders is not None:
            self.reminders.stop()
        self.window.keep_running_on_close = False
        QApplication.quit()

    def shut_down(self) -> None:
        """After the event loop: stop the reminders and the speech helper, close the data."""
        self.looks.stop_following_system()
        if self.reminders is not None:
            self.reminders.stop()
        if self._notifications is not None:
            self._notifications.close()  # no notification outlives the app
        if self.cue_player is not None:
            self.cue_player.shut_down()  # the speech helper process, if one runs
        self.close_storage()


def compose(
    data_dir: Path,
    clock: Clock | None = None,
    *,
    prompts: SessionPrompts | None = None,
    cues: CueSink | None = None,
    language: str | None = None,
) -> Application:
    """Build the app for `data_dir` without opening the data file (how `main` starts)."""
    return Application(data_dir, clock, prompts=prompts, cues=cues, language=language)


def build(
    data_dir: Path,
    clock: Clock | None = None,
    *,
    prompts: SessionPrompts | None = None,
    cues: CueSink | None = None,
    language: str | None = None,
) -> Application:
    """Build the app for `data_dir` and open its data file (tests and tools).

    Raises what stops the data file from opening. A QApplication must already exist.
    """
    app = compose(data_dir, clock, prompts=prompts, cues=cues, language=language)
    app.open_storage()
    return app
