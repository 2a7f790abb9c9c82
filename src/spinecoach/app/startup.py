"""Start-up: the command line, logging, the first paint, and what follows it.

`main` parses the arguments, makes the data folder private and logs into it, takes the
single-instance lock and composes the app (`composition`) with only what the first frame needs:
the window's state file, the theme, the window. Everything else follows the first paint
(`start_running`): the data file, the Library list, the tray and reminders. The benchmark and
the end-to-end tests use `--exit-after-first-paint` (`report_start_up_and_quit`).

The first frame is kept cheap on purpose, measured in `benchmarks/startup.py` (README, "Speed"):
nothing before it opens SQLite or imports the storage layer (~10 ms), and nothing touches the
`Qt` namespace (~15 ms of PySide enum building; see `ui/widgets/enum_free.py`). A subprocess
test (`tests/test_end_to_end.py`) lists what is imported at the first paint.
"""

from __future__ import annotations

import argparse
import errno
import gc
import linecache
import logging
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from spinecoach import __version__, paths
from spinecoach.core import settings as keys
from spinecoach.sound import SPEECH_HELPER_FLAG

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from spinecoach.app.composition import Application

log = logging.getLogger("spinecoach")


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
    parser.add_argument(
        "--language",
        metavar="CODE",
        help="the language for this run only, e.g. de or en (default: the one chosen in "
        "Settings, else the system's); the setting is not changed",
    )
    parser.add_argument(
        "--open",
        metavar="FILE",
        nargs="?",
        const="",
        default="",
        help="show a programme file from your physiotherapist (*.programme.toml) to import; "
        "a SpineCoach already running shows it instead",
    )
    menu = parser.add_mutually_exclusive_group()
    menu.add_argument(
        "--install-desktop-entry",
        action="store_true",
        help="add SpineCoach to your application menu (the entry, its icon and description in "
        "~/.local/share), starting this same command; exit 0 when done, 1 if not",
    )
    menu.add_argument(
        "--uninstall-desktop-entry",
        action="store_true",
        help="remove exactly those files again; exit 0 when done (or nothing was there), 1 if not",
    )
    # For the start-up benchmark and the end-to-end tests: quit as soon as the window painted.
    parser.add_argument("--exit-after-first-paint", action="store_true", help=argparse.SUPPRESS)
    # SpineCoach started itself again small, in the tray (app.restart_in_tray): carry on the
    # previous process's reminders.
    parser.add_argument("--restarted-in-tray", action="store_true", help=argparse.SUPPRESS)
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


def settle_memory() -> None:
    """Start-up is over: keep what it built out of future collections, collect as usual again.

    Also empties `linecache`: PySide6's import hook reads the source of every module imported
    after it (`shibokensupport.feature._mod_uses_pyside`, through `inspect.getsource`) and
    leaves it there, 2.5 MB of text and ~5 MB of memory by the time the tray is up. `run`
    stops that reading (`pyside_source_scan`); this still empties what a start inside another
    program (tests, tools) or a logged traceback left. A traceback reads its lines again.
    """
    linecache.clearcache()
    gc.freeze()
    gc.enable()


def give_back_memory() -> None:
    """Everything has started: drop what start-up left behind and return it to the system.

    Run once the tray and reminders are up, so the process that stays all day in the tray is
    as small as it can be (issue 18): the sources PySide6's import hook left in `linecache`
    (see `settle_memory`), and the free pages at the top of the C heap (`malloc_trim`, glibc
    only: ~1 MB measured; elsewhere nothing to do).
    """
    linecache.clearcache()
    if sys.platform.startswith("linux"):
        import contextlib
        import ctypes

        with contextlib.suppress(OSError, AttributeError):  # musl has no malloc_trim
            ctypes.CDLL(None).malloc_trim(0)


def content_of(app: Application) -> QWidget:
    """The widget whose first paint means the area the window opened on is really there.

    For the Library, the pane: its list paints in the same frame, after it, so the turn after
    the pane's paint sees the rows drawn (`content_is_drawn`). Not the list's viewport: the
    first time Python is handed that widget, PySide spends ~7 ms working out its type.
    """
    if app.window.current_area() == "library":
        return app.library_pane
    return app.window


#: How many paints of the Library list without rows start-up waits through before going on.
MAX_FRAMES_WITHOUT_ROWS = 5


def content_is_drawn(app: Application) -> bool:
    """Whether the area's content is on screen: for the Library, rows drawn, not just a frame.

    A list view may paint before its rows are laid out (an empty frame); start-up waits for
    the paint that draws them, so "the list has painted" means what the person sees.
    """
    if app.window.current_area() == "library":
        return app.library_pane.rows_painted > 0 or app.library_pane.model.rowCount() == 0
    return True


def report_start_up_and_quit(app: Application) -> Callable[[], None]:
    """For the benchmark and end-to-end tests: say when each stage painted, then quit.

    Prints "painted" at the window's first paint (in the paint event itself, before anything
    queued after it runs). Returns what to call once the area's content has painted: it prints
    "<area>-painted" (usually "library-painted") and quits.
    """
    from PySide6.QtCore import QEvent, QObject
    from PySide6.QtWidgets import QApplication

    class PaintReporter(QObject):
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Paint:
                app.window.removeEventFilter(self)
                print("painted", flush=True)
            return False

    app.window.installEventFilter(PaintReporter(app.window))

    def content_painted() -> None:
        print(f"{app.window.current_area()}-painted", flush=True)
        QApplication.quit()

    return content_painted


def data_dir_problem(data_dir: Path, error: OSError) -> str:
    """Why the data folder cannot be used, and what to do, in words (no traceback).

    In the system's language once a QApplication exists (there is no state file to hold a
    choice: the folder it would be in is the problem), in English before.
    """
    from PySide6.QtCore import QCoreApplication

    if data_dir.exists() and not data_dir.is_dir():
        why = QCoreApplication.translate("DataFolder", "that path is a file, not a folder")
    elif isinstance(error, PermissionError) or error.errno == errno.EROFS:
        why = QCoreApplication.translate(
            "DataFolder",
            "SpineCoach is not allowed to write there (the folder or a folder above it is "
            "read-only or belongs to someone else)",
        )
    else:
        why = error.strerror or str(error)
    return QCoreApplication.translate(
        "DataFolder",
        "SpineCoach cannot keep your data in {folder}: {why}. Nothing was changed. Fix the "
        "folder's permissions, or start SpineCoach with another folder: "
        "spinecoach --data-dir PATH (or set SPINECOACH_DATA_DIR).",
    ).format(folder=data_dir, why=why)


def explain_unusable_data_dir(data_dir: Path, error: OSError, arguments: list[str]) -> int:
    """Say why the data folder cannot be used, on stderr and in a dialog; exit code 1."""
    # On stderr first, in English: without a display Qt may end the process while starting.
    print(data_dir_problem(data_dir, error), file=sys.stderr)
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtWidgets import QApplication, QMessageBox

    try:
        qt_app = QApplication.instance() or QApplication([sys.argv[0], *arguments])
    except Exception:  # no display at all: the sentence on stderr is all we can do
        return 1
    from spinecoach.app.language import use_language

    use_language("system", paths.resources_dir())
    text = data_dir_problem(data_dir, error)
    title = QCoreApplication.translate("DataFolder", "SpineCoach cannot store your data")
    box = QMessageBox(QMessageBox.Icon.Critical, title, text)
    box.setObjectName("dataDirProblem")
    if QApplication.platformName() != "offscreen":  # nobody to read it offscreen (tests)
        box.exec()
    del qt_app
    return 1


def qt_can_start(arguments: list[str]) -> bool:
    """False, after saying why in one sentence on stderr, when Qt cannot start here.

    No display, or a system library missing (named, with its install line): without this, Qt
    aborts with exit 134 and blames the wrong library. See `desktop.qt_runtime`.
    """
    from spinecoach.desktop.qt_runtime import start_up_problem

    problem = start_up_problem(arguments)
    if problem is not None:
        print(problem, file=sys.stderr)
    return problem is None


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of `spinecoach` and `python -m spinecoach` (and of the bundle's executable)."""
    arguments = list(sys.argv[1:] if argv is None else argv)
    if arguments[:1] == [SPEECH_HELPER_FLAG]:
        # The bundle's speech helper: its own executable started again (no `python -m` there).
        from spinecoach.sound.speech_process import main as speech_helper

        return speech_helper(arguments[1:])
    # Start-up allocates tens of thousands of objects (enums, dataclasses, parsed files) that
    # live as long as the app; the cyclic collector walking them again and again cost ~5 ms
    # before the list showed. Collection resumes once it has (`settle_memory`), or on any exit.
    gc.disable()
    try:
        return run(argv)
    finally:
        gc.enable()


def run(argv: Sequence[str] | None) -> int:
    """Start SpineCoach and run until it quits; the exit code."""
    arguments = list(sys.argv[1:] if argv is None else argv)
    args = parse_args(arguments)
    data_dir = paths.resolve_data_dir(args.data_dir)
    if args.install_desktop_entry or args.uninstall_desktop_entry:  # no Qt, no data folder
        from spinecoach.desktop.desktop_entry import run_command_line

        return run_command_line(args.install_desktop_entry, data_dir)
    if not qt_can_start(arguments):
        return 1
    try:
        paths.prepare_data_dir(data_dir)
        configure_logging(data_dir)  # opening the log is the write test: no extra probe
    except OSError as error:
        return explain_unusable_data_dir(data_dir, error, arguments)

    from PySide6.QtWidgets import QApplication

    from spinecoach.app.pyside_source_scan import skip_pyside_source_scan

    skip_pyside_source_scan()
    QApplication.setApplicationName(paths.APP_NAME)
    QApplication.setApplicationVersion(__version__)
    QApplication.setDesktopFileName(paths.APP_ID)
    qt_app = QApplication([sys.argv[0], *arguments])
    from spinecoach.desktop.single_instance import SingleInstance

    instance = SingleInstance(data_dir)
    # Only the lock now; listening (QtNetwork) waits until the window has painted.
    if not instance.try_become_primary(listen=False):
        # SpineCoach already runs on this data folder: bring its window up (with the file to
        # open, if one was given), start nothing.
        return 0 if instance.notify_primary(handed_over(args.open)) else 1
    from spinecoach.app.composition import compose

    # The data file is opened right after the first paint (open_storage_or_quit).
    app = compose(data_dir, language=args.language)

    def second_launch(command: str) -> None:
        from spinecoach.desktop.single_instance import opened_file

        app.window.bring_to_front()
        log.info("a second launch asked to %s: window shown=%s", command, app.window.isVisible())
        file = opened_file(command)
        if file is not None:
            app.open_programme_when_ready(file)

    instance.activation_requested.connect(second_launch)
    first_run = app.needs_safety_acknowledgement()
    if args.exit_after_first_paint:  # the benchmark: the real start, timed, then quit
        start_running(app, minimised=False, shown=report_start_up_and_quit(app), reminders=False)
    else:
        from spinecoach.app.restart_in_tray import RestartInTray, take_over_reminders

        # A file to open needs the window, however SpineCoach usually starts.
        minimised = not args.open and (args.minimised or app.state.get(keys.START_MINIMISED))

        def running() -> None:
            instance.listen()
            if args.restarted_in_tray:
                take_over_reminders(app, data_dir)

        start_running(app, minimised=minimised, then=running)
        if args.open:
            app.open_programme_when_ready(Path(args.open))
        RestartInTray(app)
    if first_run and not args.exit_after_first_paint:

        def ask() -> None:
            # Asked again once the data file is open: an older version kept the answer there.
            if not app.open_storage_or_quit() or not app.needs_safety_acknowledgement():
                return
            if not app.show_safety(True):
                app.quit()

        on_first_paint(app.window, ask)  # over the painted window, never before it
    log.info("SpineCoach %s running on %s", __version__, data_dir)
    code = qt_app.exec()
    app.shut_down()
    instance.close()
    from spinecoach.app.restart_in_tray import RESTART_EXIT_CODE, exec_small

    if code == RESTART_EXIT_CODE:
        exec_small(arguments)  # returns only when the new process could not start
        return 1
    return code


def handed_over(file: str) -> str:
    """What a second launch tells the running SpineCoach: "activate", or "open <path>".

    A path that cannot travel as one line is said on stderr; the window still comes up.
    """
    from spinecoach.desktop.single_instance import ACTIVATE, open_command

    if not file:
        return ACTIVATE
    try:
        return open_command(Path(file))
    except ValueError:
        print(
            f"SpineCoach cannot hand this file name to the running window: {file!r}",
            file=sys.stderr,
        )
        return ACTIVATE


def start_running(
    app: Application,
    *,
    minimised: bool,
    then: Callable[[], object] = lambda: None,
    tray_available: bool | None = None,
    shown: Callable[[], object] = lambda: None,
    reminders: bool = True,
) -> None:
    """Show the window (or only the tray icon), then open the data file and start the rest.

    In the order the person needs them: the window paints; then the area shown is built (the
    Library needs no data file; Session and History open it first); once its content has
    painted (`shown`), the data file opens, the tray and reminders start and `then` runs
    (listening for second launches). Starting minimised needs a tray to come
    back from, and the safety notes must be read once, so without a tray or on the first run
    the window opens anyway; in the tray, the areas are built when the window first opens.
    """
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QSystemTrayIcon

    def start_background() -> None:
        app.start_background(tray_available=tray_available)
        then()
        give_back_memory()

    if tray_available is None:
        tray_available = QSystemTrayIcon.isSystemTrayAvailable()
    if minimised and tray_available and not app.needs_safety_acknowledgement():

        def start_in_tray() -> None:
            settle_memory()
            if app.open_storage_or_quit():
                # The reminder card is themed too. No window yet: it may never be built.
                app.looks.follow_system_scheme()
                start_background()

        # When the tray first opens the window: build it, and its areas once it has painted.
        app.main_window.when_built(lambda window: on_first_paint(window, app.build_areas))
        QTimer.singleShot(0, start_in_tray)
        return
    if minimised:
        reason = "no tray" if not tray_available else "first run"
        log.info("starting with the window open: %s", reason)

    frames_without_rows = [0]

    def content_shown() -> None:
        # A paint without the rows: wait for the next one, a few at most (a list too small to
        # show a row must not keep the data file, the tray and the reminders from starting).
        if not content_is_drawn(app) and frames_without_rows[0] < MAX_FRAMES_WITHOUT_ROWS:
            frames_without_rows[0] += 1
            on_first_paint(content_of(app), content_shown)
            content_of(app).update()
            return
        shown()
        settle_memory()
        if not app.open_storage_or_quit():
            return
        app.looks.follow_system_scheme(app.window)  # the start-up guess checked, then followed
        if reminders:
            start_background()

    def painted() -> None:
        # The Library list needs no data file: it shows first, and the file opens after it.
        needs_data = app.window.current_area() != "library"
        if needs_data and not app.open_storage_or_quit():
            return
        app.build_areas()
        content = content_of(app)
        on_first_paint(content, content_shown)
        content.update()

    on_first_paint(app.window, painted)
    app.window.show()
