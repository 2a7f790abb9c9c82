"""Start SpineCoach: the one place that knows core, storage and ui, and wires them together."""

from __future__ import annotations

import argparse
import errno
import logging
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from spinecoach import __version__, paths
from spinecoach.core import settings as keys
from spinecoach.core.clock import Clock, SystemClock
from spinecoach.storage.errors import StorageError

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable

    from PySide6.QtWidgets import QWidget

    from spinecoach.app.tray_and_reminders import TrayAndReminders
    from spinecoach.core.exercise import Routine
    from spinecoach.core.library import Library
    from spinecoach.core.presence import IdleSource, InterruptionSource
    from spinecoach.core.records import PainEntry, ReminderLogEntry
    from spinecoach.core.session import SessionSettings
    from spinecoach.core.timeline import Side
    from spinecoach.desktop.autostart import Autostart
    from spinecoach.sound.audio import CuePlayer
    from spinecoach.storage.opening import OpenedDatabase
    from spinecoach.storage.pending import StorageProblem
    from spinecoach.storage.settings_store import SettingsStore
    from spinecoach.ui.history.area import HistoryArea
    from spinecoach.ui.history.controller import HistoryController
    from spinecoach.ui.history.view import HistoryView
    from spinecoach.ui.library.pane import LibraryPane
    from spinecoach.ui.session.area import SessionArea
    from spinecoach.ui.session.player_controller import CueSink, PlayerController, SessionPrompts
    from spinecoach.ui.session.player_view import PlayerView
    from spinecoach.ui.shell.settings_dialog import SettingsDialog
    from spinecoach.ui.shell.storage_status import StorageStatus
    from spinecoach.ui.style.theme import Theme

log = logging.getLogger("spinecoach")

#: The settings that change how long the player takes.
SESSION_TIMING = (keys.GET_READY_SECONDS, keys.REST_BETWEEN_EXERCISES_SECONDS)


def parse_args(argv: Sequence[str]) -> argparse.Namespace:
    """Command-line options; Qt's own options are passed through untouched."""
    parser = argparse.ArgumentParser(
        prog="spinecoach",
        description="Short, gentle exercise sessions for people with back pain.",
    )
    parser.add_argument("--version", action="version", version=f"SpineCoach {__version__}")
    parser.add_argument(
        "--data-dir",
        metavar="PATH",
        help=f"folder for all data and settings (default: ${paths.DATA_DIR_ENV}, else the "
        "platform's user data folder)",
    )
    parser.add_argument(
        "--minimised",
        "--minimized",
        action="store_true",
        help="start in the system tray without opening the window (as when started on login)",
    )
    # For the start-up benchmark and the end-to-end tests: quit as soon as the window painted.
    parser.add_argument("--exit-after-first-paint", action="store_true", help=argparse.SUPPRESS)
    args, _qt_args = parser.parse_known_args(argv)
    return args


LOG_NAME = "spinecoach.log"
LOG_LIMIT = 512_000


def configure_logging(data_dir: Path) -> None:
    """Log to stderr and to a small file in the data folder (nowhere else).

    The file is rotated once at start-up when it grew past LOG_LIMIT, keeping one old copy;
    a plain FileHandler avoids importing logging.handlers (socket, pickle...) at start-up.
    The folder is made private (0700) and the log 0600 first: the data folder holds health
    data, and nobody else should even learn when SpineCoach was used.
    """
    loosened = paths.prepare_data_dir(data_dir)
    log_file = data_dir / LOG_NAME
    if log_file.is_file() and log_file.stat().st_size > LOG_LIMIT:
        log_file.replace(log_file.with_suffix(".log.1"))
        paths.make_private_file(log_file.with_suffix(".log.1"))
    paths.make_private_file(log_file)
    handler = logging.FileHandler(log_file, encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger("spinecoach")
    root.setLevel(logging.INFO)
    root.addHandler(handler)
    root.addHandler(logging.StreamHandler())
    if loosened is not None:
        log.info("data folder %s was open to others (mode %o); now 700", data_dir, loosened)


class Application:
    """Builds the running application and holds its parts, so tests and tools can reach them.

    The Library and Session areas are built lazily (`DeferredArea`): after the window's first
    paint, or as soon as something needs them. With `open_storage=False` (how `main` starts) so
    is the data file: the window is built from a read-only peek at its settings and
    `open_storage()` runs right after the first paint; `database` and `settings` open it on
    first use in any case, so nothing can reach the data before it is opened properly.
    """

    def __init__(
        self,
        data_dir: Path,
        clock: Clock | None = None,
        *,
        prompts: SessionPrompts | None = None,
        cues: CueSink | None = None,
        open_storage: bool = True,
    ) -> None:
        # Qt and the UI are imported here, not at module level, so `--version` stays instant.
        from PySide6.QtGui import QIcon
        from PySide6.QtWidgets import QApplication

        from spinecoach.storage.peek import StartupSettings, peek_settings
        from spinecoach.ui.shell.deferred_area import DeferredArea
        from spinecoach.ui.shell.main_window import MainWindow
        from spinecoach.ui.style.theme import apply_theme, choose_theme, platform_palette_is_dark

        qt_app = QApplication.instance()
        assert isinstance(qt_app, QApplication), "create a QApplication first"
        self._qt_app = qt_app
        self.data_dir = data_dir
        self.clock = clock or SystemClock()
        self._prompts = prompts
        self._cues = cues
        paths.prepare_data_dir(data_dir)  # 0700: it holds health data
        if qt_app.windowIcon().isNull():
            qt_app.setWindowIcon(QIcon(str(paths.icons_dir() / "spinecoach.svg")))
        self._database: OpenedDatabase | None = None
        self._storage_status: StorageStatus | None = None
        self._settings: SettingsStore | None = None
        self._storage_error: StorageError | None = None
        peeked = {} if open_storage else peek_settings(paths.database_path(data_dir))
        self.startup_settings = StartupSettings(peeked, lambda: self.settings)
        # The theme has one source of truth, the setting: however it changes, restyle.
        self.startup_settings.subscribe(keys.THEME, self._theme_setting_changed)
        """What the window reads and writes: the peek until the data file is open."""
        if open_storage:
            self._open_database()
        self._ui_icons = str(paths.icons_dir() / "ui")
        # Asking the system's colour scheme costs ~15 ms of PySide enum building, so the first
        # frame goes by the scheme the system had last time (or, the first time, the platform
        # palette) and follow_system_scheme() checks after it.
        preference = self.startup_settings.get(keys.THEME)
        system_dark = None
        if preference == "system":
            remembered = self.startup_settings.get(keys.UI_SYSTEM_DARK)
            known = remembered != "unknown"
            system_dark = remembered == "dark" if known else platform_palette_is_dark(qt_app)
        self.theme = choose_theme(preference, system_dark)
        self._following_system = False
        apply_theme(qt_app, self.theme, self._ui_icons)

        self.library_area = DeferredArea(self._make_library_pane, "Library")
        self.session_area = DeferredArea(self._make_session_area, "Session")
        self.history_area = DeferredArea(self._make_history_area, "History")
        areas = {
            "library": self.library_area,
            "session": self.session_area,
            "history": self.history_area,
        }
        self.window = MainWindow(areas, self.startup_settings, self.theme)
        self.window.safety_requested.connect(lambda: self.show_safety(False))
        self.window.theme_requested.connect(self.set_theme)
        self.window.settings_requested.connect(self.show_settings)
        self.window.quit_requested.connect(self.quit)
        self._cue_player: CuePlayer | None = None
        self.reminders: TrayAndReminders | None = None
        if self._database is not None:
            self.storage_status.start()  # what an earlier run could not save is saved now
        if self._database is not None and self._database.notice:
            self.window.show_notice(self._database.notice)

    # --- the data file ---------------------------------------------------------------------------

    @property
    def database(self) -> OpenedDatabase:
        """The open data file (opened now if it was not yet)."""
        return self.open_storage()

    @property
    def settings(self) -> SettingsStore:
        """The settings, stored in the data file (opened now if it was not yet)."""
        self.open_storage()
        assert self._settings is not None
        return self._settings

    @property
    def storage_status(self) -> StorageStatus:
        """The one write path for health data (`writer`) and its face: notices and retries.

        Built with the data file; when the file cannot be opened at all, writes are still kept
        (in the pending journal) and the person is told.
        """
        if self._storage_status is None:
            from spinecoach.storage.pending import PENDING_FILE_NAME, PendingJournal, SafeWriter
            from spinecoach.ui.shell.storage_status import StorageStatus

            writer = SafeWriter(self._database, PendingJournal(self.data_dir / PENDING_FILE_NAME))
            status = StorageStatus(writer, self.window)
            status.problem.connect(self._tell)
            status.resolved.connect(self._tell)
            self._storage_status = status
        return self._storage_status

    def _tell(self, text: str) -> None:
        """A message about the person's data: in the window's banner, and the tray if hidden."""
        self.window.show_notice(text)
        if not self.window.isVisible() and self.reminders is not None:
            self.reminders.notify("SpineCoach", text)

    @property
    def storage_is_open(self) -> bool:
        """Whether the data file has been opened."""
        return self._database is not None

    def open_storage(self, *, busy_timeout: float | None = None) -> OpenedDatabase:
        """Open the data file once: migrate, repair, or set a damaged one aside (see storage).

        Anything the person must know about it shows in the window's banner. Raises
        StorageError (another program's file, a failed upgrade; the file is left as it was).
        """
        if self._database is None:
            database = self._open_database(busy_timeout)
            if database.notice:
                self.window.show_notice(database.notice)
            self.storage_status.start()  # what an earlier run could not save is saved now
        assert self._database is not None
        return self._database

    def open_storage_or_quit(self) -> bool:
        """Open the data file, or tell the person why it cannot be and end with exit code 1.

        For the steps after the first paint; False means stop there. The explanation is shown
        once however many steps ask.
        """
        from PySide6.QtWidgets import QApplication, QMessageBox

        from spinecoach.storage.errors import ForeignDatabaseError, MigrationError
        from spinecoach.storage.pending import describe_failure
        from spinecoach.ui.shell import storage_dialogs

        if self._database is not None:
            return True
        while self._storage_error is None:
            try:
                self.open_storage()
                return True
            except (ForeignDatabaseError, MigrationError) as error:
                # A foreign file or a failed upgrade: say so plainly; the file is untouched.
                self._storage_error = error
                log.error("cannot open the data folder: %s", error)
                QMessageBox.critical(self.window, "SpineCoach cannot open your data", str(error))
            except Exception as error:  # classified below; a bug re-raises
                problem = describe_failure(error, self.data_dir)
                if problem is None:
                    raise
                log.error("cannot open the data file (%s): %s", problem.code, error)
                choice = self.ask_about_storage(problem)
                if choice == storage_dialogs.OPENED:
                    return True
                if choice == storage_dialogs.READ_ONLY and self._open_read_only():
                    return True
                if choice == storage_dialogs.QUIT:
                    self._storage_error = StorageError(problem.words)
        QApplication.exit(1)
        return False

    def ask_about_storage(self, problem: StorageProblem) -> str:
        """The start-up dialog for a data file that would not open; returns the choice."""
        from spinecoach.ui.shell.storage_dialogs import StorageProblemDialog

        dialog = StorageProblemDialog(
            problem, paths.database_path(self.data_dir), self._try_open_quickly, self.window
        )
        dialog.exec()
        return dialog.choice

    def _try_open_quickly(self) -> bool:
        """One more try while waiting for another program's lock (a short wait, not 5 s)."""
        try:
            self.open_storage(busy_timeout=0.2)
        except Exception as error:  # still locked, or another failure: keep waiting
            log.info("the data file is still not available: %s", error)
            return False
        return True

    def _open_read_only(self) -> bool:
        """Open the file read-only (the person's choice); False if even that fails."""
        from spinecoach.storage.opening import open_read_only

        try:
            database = open_read_only(paths.database_path(self.data_dir))
        except Exception as error:
            log.error("the data file cannot be read either: %s", error)
            return False
        self._use_database(database)
        self.storage_status.writer.database = database
        if database.notice:
            self.window.show_notice(database.notice)
        return True

    def close_storage(self) -> None:
        """Release the data file, if it was opened (everything is already committed)."""
        if self._database is not None:
            self._database.close()

    def _open_database(self, busy_timeout: float | None = None) -> OpenedDatabase:
        from spinecoach.storage.connection import BUSY_TIMEOUT_SECONDS
        from spinecoach.storage.opening import open_database

        database = open_database(
            paths.database_path(self.data_dir),
            now=self.clock.now(),
            busy_timeout=BUSY_TIMEOUT_SECONDS if busy_timeout is None else busy_timeout,
        )
        if not database.read_only:
            # A session still "in progress" from an earlier run was cut short (crash, power
            # cut): keep what was done and show it as incomplete, never lose it.
            abandoned = database.mark_abandoned_sessions(self.clock.now())
            if abandoned:
                log.info("%d interrupted session(s) kept as incomplete", len(abandoned))
        self._use_database(database)
        if self._storage_status is not None:  # what an earlier run could not save goes here
            self._storage_status.writer.database = database
        return database

    def _use_database(self, database: OpenedDatabase) -> None:
        """From now on read and write `database`: its settings, and the window's through it."""
        from spinecoach.storage.settings_store import SettingsStore

        self._database = database
        self._settings = SettingsStore(database)
        self.startup_settings.attach(self._settings)

    # --- the lazily built areas ----------------------------------------------------------------

    @property
    def library_pane(self) -> LibraryPane:
        """The Library pane, built now if the event loop has not built it yet."""
        from spinecoach.ui.library.pane import LibraryPane

        pane = self.library_area.build()
        assert isinstance(pane, LibraryPane)
        return pane

    @property
    def library(self) -> Library:
        """The loaded exercise library."""
        return self.library_pane.library

    @property
    def session(self) -> SessionArea:
        """The Session area (idle page and player), built on first use."""
        from spinecoach.ui.session.area import SessionArea

        area = self.session_area.build()
        assert isinstance(area, SessionArea)
        return area

    @property
    def player(self) -> PlayerController:
        """The controller that plays sessions."""
        return self.session.controller

    @property
    def cue_player(self) -> CuePlayer | None:
        """The sound and voice of sessions, once the Session area exists."""
        return self._cue_player

    @property
    def history(self) -> HistoryController:
        """The History area's controller, built (with pyqtgraph) on first use."""
        from spinecoach.ui.history.area import HistoryArea

        area = self.history_area.build()
        assert isinstance(area, HistoryArea)
        return area.controller

    def build_areas(self) -> None:
        """Build the deferred areas (after the first paint)."""
        self.follow_system_scheme()
        self.library_area.build()
        current = self.window.current_area()
        if current == "session":
            self.session_area.build()
        elif current == "history":
            self.history_area.build()

    def _make_history_area(self) -> HistoryArea:
        from spinecoach.ui.history.area import HistoryArea
        from spinecoach.ui.history.controller import HistoryController
        from spinecoach.ui.history.view import HistoryView

        view = HistoryView()
        from spinecoach.localzone import local_timezone

        controller = HistoryController(
            view,
            self.database,
            self.clock,
            lambda: self.settings.get(keys.WEEKLY_GOAL),
            local_timezone(),
            write_pain=self._write_pain,
            write_note=self._write_note,
        )
        area = HistoryArea(view, controller, self._session_exercise_names)
        self._style_history(view)
        controller.repeat_requested.connect(self.start_routine_id)
        self.startup_settings.subscribe(keys.WEEKLY_GOAL, lambda _v: controller.refresh())
        try:
            controller.refresh()
        except Exception as error:  # classified below; a bug re-raises
            self._history_unreadable(error)
        return area

    def _history_unreadable(self, error: BaseException) -> None:
        """History could not be read (a damaged file, found while running): say so, check later.

        Nothing is deleted or changed now; the next start runs a full integrity check and keeps a
        damaged file aside, as after a crash.
        """
        from spinecoach.storage.pending import describe_failure

        problem = describe_failure(error, self.data_dir)
        if problem is None:
            raise error
        log.error("History could not be read (%s): %s", problem.code, error)
        self.database.check_fully_at_next_start()
        self.window.show_notice(
            f"Your history could not be read: {problem.words}. Nothing was deleted. SpineCoach "
            f"will check {self.database.path} when it next starts and keep a damaged file aside "
            "so it can be recovered."
        )

    def _session_exercise_names(self, exercise_ids: tuple[str, ...]) -> list[str]:
        exercises = self.library.exercises
        return [exercises[i].name if i in exercises else i for i in exercise_ids]

    def _style_history(self, view: HistoryView) -> None:
        t = self.theme
        view.chart.set_colours(t.surface, t.muted, t.text)

    def _make_library_pane(self) -> LibraryPane:
        from spinecoach.core.library import load_library
        from spinecoach.ui.library.illustrations import IllustrationCache
        from spinecoach.ui.library.pane import LibraryPane

        library = load_library(paths.resources_dir(), paths.icons_dir() / "exercises")
        for problem in library.problems:
            log.warning("library file skipped: %s", problem)
        illustrations = IllustrationCache(paths.icons_dir() / "exercises", dark=self.theme.is_dark)
        pane = LibraryPane(library, illustrations)
        pane.detail.set_session_settings(self._session_settings())
        for key in SESSION_TIMING:  # the routine pages show the time the player will take
            self.startup_settings.subscribe(
                key, lambda _v: pane.detail.set_session_settings(self._session_settings())
            )
        pane.safety_requested.connect(lambda: self.show_safety(False))
        pane.start_requested.connect(self.start_routine)
        return pane

    def _routines(self) -> Iterable[Routine]:
        """The library's routines, read when needed (the library is parsed after the paint)."""
        return self.library.routines.values()

    def _make_session_area(self) -> SessionArea:
        from spinecoach.core.session_recorder import SessionRecorder
        from spinecoach.ui.session.area import SessionArea
        from spinecoach.ui.session.player_controller import PlayerController
        from spinecoach.ui.session.player_view import PlayerView
        from spinecoach.ui.session.pose_frames import PoseFrames
        from spinecoach.ui.session.prompts import DialogPrompts

        view = PlayerView()
        frames = PoseFrames(paths.resources_dir() / "poses")
        cues = self._cues if self._cues is not None else self._make_cue_player()

        def frame(exercise_id: str, progress: float, side: Side | None) -> bytes:
            dark = self.theme.is_dark
            return frames.frame(exercise_id, progress, side=side, dark=dark)

        status = self.storage_status
        recorder = SessionRecorder(
            status.writer, self.clock, report=status.report, routines=self._routines
        )
        controller = PlayerController(
            view,
            recorder,
            self.clock,
            self._prompts or DialogPrompts(view),
            cues=cues,
            frames=frame,
            settings=self._session_settings(),
            session_ids=status.writer.session_id,
        )
        area = SessionArea(view, controller)
        self._style_player(view)
        view.set_text_size(str(self.settings.get(keys.PLAYER_TEXT_SIZE)))
        self.startup_settings.subscribe(keys.PLAYER_TEXT_SIZE, lambda v: view.set_text_size(str(v)))
        for key in SESSION_TIMING:
            self.startup_settings.subscribe(
                key, lambda _v: controller.set_settings(self._session_settings())
            )
        area.quick_start_requested.connect(lambda: self.start_routine_id("desk-break"))
        controller.session_ended.connect(self._session_ended)
        area.library_requested.connect(lambda: self.window.show_area("library"))
        view.focus_mode_changed.connect(self.window.set_focus_mode)
        return area

    def _make_cue_player(self) -> CuePlayer:
        from PySide6.QtCore import QLocale, QTimer

        from spinecoach.sound.audio import CuePlayer

        # The cues are written in English, so an English voice reads them whatever the
        # system language (a German voice reading English text is worse than either).
        system = QLocale.system()
        english = (
            system
            if system.language() == QLocale.Language.English
            else QLocale(QLocale.Language.English, QLocale.Country.UnitedStates)
        )
        player = CuePlayer(paths.resources_dir() / "sounds", locale=english, parent=self.window)
        player.configure(
            sound_enabled=self.settings.get(keys.SOUND_ENABLED),
            voice_enabled=self.settings.get(keys.VOICE_ENABLED),
            volume=self.settings.get(keys.VOLUME),
        )
        # Loading QtMultimedia and the speech engine takes a few tenths of a second once:
        # do it now, while the person answers the pain question, not on the first cue.
        QTimer.singleShot(0, player.prepare)
        self._cue_player = player
        settings = self.startup_settings
        settings.subscribe(keys.SOUND_ENABLED, lambda on: player.configure(sound_enabled=bool(on)))
        settings.subscribe(keys.VOICE_ENABLED, lambda on: player.configure(voice_enabled=bool(on)))
        settings.subscribe(keys.VOLUME, lambda volume: player.configure(volume=int(volume)))
        return player

    def _session_settings(self) -> SessionSettings:
        from spinecoach.core.session import SessionSettings

        return SessionSettings(
            get_ready_seconds=self.settings.get(keys.GET_READY_SECONDS),
            rest_between_exercises_seconds=self.settings.get(keys.REST_BETWEEN_EXERCISES_SECONDS),
        )

    def show_settings(self, page: str = "Reminders") -> None:
        """Every setting in one dialog (View > Settings, or the tray's Settings)."""
        dialog = self.settings_dialog(page)
        self.window.bring_to_front()
        dialog.exec()

    def settings_dialog(self, page: str = "Reminders") -> SettingsDialog:
        """The settings dialog, with what this machine cannot do greyed out and explained."""
        from spinecoach.app.tray_and_reminders import NO_TRAY
        from spinecoach.ui.shell.settings_dialog import SettingsDialog

        if self.reminders is not None:
            unavailable = self.reminders.unavailable_features()
        else:
            unavailable = {"start_minimised": NO_TRAY}
        return SettingsDialog(
            self.settings,
            notes={"Sessions": self._sound_note()},
            unavailable=unavailable,
            page=page,
            parent=self.window,
        )

    def _sound_note(self) -> str:
        if self._cue_player is None:
            return ""
        missing = []
        if not self._cue_player.sound_available:
            missing.append("no audio output was found, so tones are silent")
        if not self._cue_player.voice_available and not self._cue_player.voice_pending:
            missing.append("no speech engine is installed, so cues are not spoken")
        if not missing:
            return ""
        return "On this computer " + "; ".join(missing) + ". Captions always show."

    # --- running in the background --------------------------------------------------------------

    def start_background(
        self,
        *,
        idle: IdleSource | None = None,
        interruptions: InterruptionSource | None = None,
        autostart: Autostart | None = None,
        tray_available: bool | None = None,
    ) -> TrayAndReminders:
        """The tray icon and stand-up reminders (after the first paint; tests pass fakes)."""
        from spinecoach.app.tray_and_reminders import TrayActions, TrayAndReminders
        from spinecoach.desktop.autostart import autostart_for
        from spinecoach.desktop.idle import detect_idle_source
        from spinecoach.desktop.interruptions import detect_interruption_source
        from spinecoach.localzone import local_timezone

        if self.reminders is not None:
            return self.reminders
        actions = TrayActions(
            data_dir=self.data_dir,
            desk_break=self.start_desk_break,
            open_library=self.open_library,
            log_pain=self.log_pain_now,
            settings=self.show_settings,
            quit=self.quit,
            log_reminder=self._log_reminder,
        )
        self.reminders = TrayAndReminders(
            window=self.window,
            database=self.database,
            settings=self.settings,
            clock=self.clock,
            tz=local_timezone(),
            idle=idle if idle is not None else detect_idle_source(),
            interruptions=(
                interruptions if interruptions is not None else detect_interruption_source()
            ),
            autostart=autostart if autostart is not None else autostart_for(),
            actions=actions,
            tray_available=tray_available,
        )
        return self.reminders

    def _write_pain(self, entry: PainEntry) -> bool:
        status = self.storage_status
        return status.report(status.writer.add_pain_entry(entry))

    def _write_note(self, session_id: int, note: str) -> bool:
        status = self.storage_status
        return status.report(status.writer.update_session_note(session_id, note))

    def _log_reminder(self, entry: ReminderLogEntry) -> None:
        status = self.storage_status
        status.report(status.writer.add_reminder_event(entry))

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
        from spinecoach.ui.history.area import HistoryArea

        self.window.bring_to_front()
        self.window.show_area("history")
        area = self.history_area.build()
        assert isinstance(area, HistoryArea)
        area.check_in()

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

    def _session_ended(self, status: str) -> None:
        if self.history_area.is_built:
            self.history.refresh()
        if self.reminders is not None:
            self.reminders.session_finished(status == "completed")

    def _style_player(self, view: PlayerView) -> None:
        view.countdown.set_colours(self.theme.accent, self.theme.accent_soft, self.theme.text)
        view.set_icons(self.theme.muted, self.theme.accent_text)

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
        elif self.reminders is not None:
            self.reminders.session_started()
        return started

    def start_routine_id(self, routine_id: str) -> bool:
        """Start a routine by id: a shipped one, or "exercise:<id>" for a single exercise."""
        from spinecoach.core.exercise import single_exercise_routine

        routine = self.library.routines.get(routine_id)
        if routine is None and routine_id.startswith("exercise:"):
            exercise = self.library.exercises.get(routine_id.removeprefix("exercise:"))
            routine = single_exercise_routine(exercise) if exercise is not None else None
        return routine is not None and self.start_routine(routine)

    def show_safety(self, first_run: bool = False) -> bool:
        """Show the safety notes; the first time, store the acknowledgement."""
        from spinecoach.ui.care.safety_dialog import SafetyDialog

        dialog = SafetyDialog(first_run=first_run, parent=self.window)
        accepted = dialog.exec() == SafetyDialog.DialogCode.Accepted
        if first_run and accepted:
            self.settings.set("safety_acknowledged", True)
        return accepted

    def set_theme(self, preference: str) -> None:
        """Switch to "system", "light" or "dark" and remember it (the setting restyles)."""
        self.settings.set("theme", preference)

    def _theme_setting_changed(self, preference: str) -> None:
        from spinecoach.ui.style.theme import choose_theme

        self._restyle(choose_theme(preference))

    def follow_system_scheme(self) -> None:
        """Check the start-up guess of the system's scheme, then follow the system's changes.

        Called once the window has painted (or, started in the tray, when the tray starts);
        later calls do nothing.
        """
        from PySide6.QtCore import QObject
        from PySide6.QtGui import QGuiApplication

        if self._following_system:
            return
        self._following_system = True

        class SchemeWatcher(QObject):
            # A child of the window, so the connection ends when the window is destroyed.
            def changed(self) -> None:
                application._system_scheme_changed()

        application = self
        watcher = SchemeWatcher(self.window)
        QGuiApplication.styleHints().colorSchemeChanged.connect(watcher.changed)
        self._system_scheme_changed()

    def _system_scheme_changed(self) -> None:
        from spinecoach.ui.style.theme import DARK, LIGHT, system_prefers_dark
        from spinecoach.ui.widgets.best_effort import remember

        system = "dark" if system_prefers_dark() else "light"
        if self.settings.get(keys.UI_SYSTEM_DARK) != system:
            remember(self.settings, "ui.system_dark", system)  # the next start's first frame
        if self.settings.get(keys.THEME) == "system":
            theme = DARK if system == "dark" else LIGHT
            if theme != self.theme:
                log.info("following the system's %s colour scheme", theme.name)
                self._restyle(theme)

    def _restyle(self, theme: Theme) -> None:
        from spinecoach.ui.style.theme import apply_theme

        self.theme = theme
        apply_theme(self._qt_app, self.theme, self._ui_icons)
        self.window.apply_theme_icons(self.theme)
        if self.library_area.is_built:
            self.library_pane.set_dark_illustrations(self.theme.is_dark)
        if self.session_area.is_built:
            self._style_player(self.session.player)
        if self.history_area.is_built:
            from spinecoach.ui.history.area import HistoryArea

            history = self.history_area.build()
            assert isinstance(history, HistoryArea)
            self._style_history(history.view)

    def needs_safety_acknowledgement(self) -> bool:
        """True until the person has acknowledged the safety notes once."""
        return not self.startup_settings.get(keys.SAFETY_ACKNOWLEDGED)


def build(
    data_dir: Path,
    clock: Clock | None = None,
    *,
    prompts: SessionPrompts | None = None,
    cues: CueSink | None = None,
    open_storage: bool = True,
) -> Application:
    """Create every part of the app for `data_dir`. A QApplication must already exist.

    `open_storage=False` leaves the data file to `open_storage()` (see Application).
    """
    return Application(data_dir, clock, prompts=prompts, cues=cues, open_storage=open_storage)


def on_first_paint(widget: QWidget, callback: Callable[[], object]) -> None:
    """Call `callback` once, in the event loop turn after `widget` first paints."""
    from PySide6.QtCore import QEvent, QObject, QTimer

    class FirstPaint(QObject):
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Paint:
                widget.removeEventFilter(self)
                QTimer.singleShot(0, callback)
            return False

    widget.installEventFilter(FirstPaint(widget))


def report_start_up_and_quit(app: Application) -> None:
    """For the benchmark and end-to-end tests: say when each stage painted, then quit.

    Prints "painted" at the window's first paint, then "<area>-painted" once the area the
    window opened on (usually the library list) has painted its content.
    """
    from PySide6.QtWidgets import QApplication

    def window_painted() -> None:
        print("painted", flush=True)
        if not app.open_storage_or_quit():
            return
        app.build_areas()
        area = app.window.current_area()
        target = app.library_pane.list.viewport() if area == "library" else app.window

        def content_painted() -> None:
            print(f"{area}-painted", flush=True)
            QApplication.quit()

        on_first_paint(target, content_painted)
        target.update()

    on_first_paint(app.window, window_painted)


def data_dir_problem(data_dir: Path, error: OSError) -> str:
    """Why the data folder cannot be used, and what to do, in words (no traceback)."""
    if data_dir.exists() and not data_dir.is_dir():
        why = "that path is a file, not a folder"
    elif isinstance(error, PermissionError) or error.errno == errno.EROFS:
        why = (
            "SpineCoach is not allowed to write there (the folder or a folder above it is "
            "read-only or belongs to someone else)"
        )
    else:
        why = error.strerror or str(error)
    return (
        f"SpineCoach cannot keep your data in {data_dir}: {why}. Nothing was changed. Fix the "
        "folder's permissions, or start SpineCoach with another folder: "
        "spinecoach --data-dir PATH (or set SPINECOACH_DATA_DIR)."
    )


def explain_unusable_data_dir(data_dir: Path, error: OSError, arguments: list[str]) -> int:
    """Say why the data folder cannot be used, on stderr and in a dialog; exit code 1."""
    text = data_dir_problem(data_dir, error)
    print(text, file=sys.stderr)
    from PySide6.QtWidgets import QApplication, QMessageBox

    try:
        qt_app = QApplication.instance() or QApplication([sys.argv[0], *arguments])
    except Exception:  # no display at all: the sentence on stderr is all we can do
        return 1
    box = QMessageBox(QMessageBox.Icon.Critical, "SpineCoach cannot store your data", text)
    box.setObjectName("dataDirProblem")
    if QApplication.platformName() != "offscreen":  # nobody to read it offscreen (tests)
        box.exec()
    del qt_app
    return 1


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of `spinecoach` and `python -m spinecoach`."""
    arguments = list(sys.argv[1:] if argv is None else argv)
    args = parse_args(arguments)
    data_dir = paths.resolve_data_dir(args.data_dir)
    try:
        paths.prepare_data_dir(data_dir)
        configure_logging(data_dir)  # opening the log is the write test: no extra probe
    except OSError as error:
        return explain_unusable_data_dir(data_dir, error, arguments)

    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    QApplication.setApplicationName(paths.APP_NAME)
    QApplication.setApplicationVersion(__version__)
    QApplication.setDesktopFileName(paths.APP_ID)
    qt_app = QApplication([sys.argv[0], *arguments])
    from spinecoach.desktop.single_instance import SingleInstance

    instance = SingleInstance(data_dir)
    # Only the lock now; listening (QtNetwork) waits until the window has painted.
    if not instance.try_become_primary(listen=False):
        # SpineCoach already runs on this data folder: bring its window up, start nothing.
        return 0 if instance.notify_primary() else 1
    # The data file is opened right after the first paint (open_storage_or_quit).
    app = build(data_dir, open_storage=False)

    def second_launch(command: str) -> None:
        app.window.bring_to_front()
        log.info("a second launch asked to %s: window shown=%s", command, app.window.isVisible())

    instance.activation_requested.connect(second_launch)
    first_run = app.needs_safety_acknowledgement()
    if args.exit_after_first_paint:
        report_start_up_and_quit(app)
        app.window.show()
    else:
        minimised = args.minimised or app.startup_settings.get(keys.START_MINIMISED)
        start_running(app, minimised=minimised, then=instance.listen)
    if first_run and not args.exit_after_first_paint:

        def ask() -> None:
            if app.open_storage_or_quit() and not app.show_safety(True):
                app.quit()

        QTimer.singleShot(0, ask)
    log.info("SpineCoach %s running on %s", __version__, data_dir)
    code = qt_app.exec()
    if app.reminders is not None:
        app.reminders.stop()
    if app.cue_player is not None:
        app.cue_player.shut_down()  # the speech helper process, if one runs
    instance.close()
    app.close_storage()
    return code


def start_running(
    app: Application,
    *,
    minimised: bool,
    then: Callable[[], object] = lambda: None,
    tray_available: bool | None = None,
) -> None:
    """Show the window (or only the tray icon), then open the data file and start the rest.

    The data file is opened, and the tray and reminders start, after the window's first paint,
    so they cost the start-up nothing. Starting minimised needs a tray to come back from, and
    the safety notes must be read once, so without a tray or on the first run the window opens
    anyway. However it starts, the deferred areas are built right after the window first
    paints.
    """
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QSystemTrayIcon

    def start_background() -> None:
        app.start_background(tray_available=tray_available)
        then()

    if tray_available is None:
        tray_available = QSystemTrayIcon.isSystemTrayAvailable()
    if minimised and tray_available and not app.needs_safety_acknowledgement():

        def start_in_tray() -> None:
            if app.open_storage_or_quit():
                app.follow_system_scheme()  # the reminder card is themed too
                start_background()

        on_first_paint(app.window, app.build_areas)  # when the tray first opens the window
        QTimer.singleShot(0, start_in_tray)
        return
    if minimised:
        reason = "no tray" if not tray_available else "first run"
        log.info("starting with the window open: %s", reason)

    def painted() -> None:
        if app.open_storage_or_quit():
            app.build_areas()
            start_background()

    on_first_paint(app.window, painted)
    app.window.show()
