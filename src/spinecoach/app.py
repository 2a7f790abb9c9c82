"""Start SpineCoach: the one place that knows core, storage and ui, and wires them together."""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from spinecoach import __version__, paths
from spinecoach.core.clock import Clock, SystemClock

if TYPE_CHECKING:
    from collections.abc import Callable

    from PySide6.QtWidgets import QWidget

    from spinecoach.core.library import Library
    from spinecoach.storage.database import OpenedDatabase
    from spinecoach.storage.settings_store import SettingsStore
    from spinecoach.ui.deferred_area import DeferredArea
    from spinecoach.ui.library_pane import LibraryPane
    from spinecoach.ui.main_window import MainWindow


def parse_args(argv: Sequence[str]) -> argparse.Namespace:
    """Command-line options; Qt's own options are passed through untouched."""
    parser = argparse.ArgumentParser(
        prog="spinecoach",
        description="Short, safe exercise sessions for people with back pain.",
    )
    parser.add_argument("--version", action="version", version=f"SpineCoach {__version__}")
    parser.add_argument(
        "--data-dir",
        metavar="PATH",
        help=f"folder for all data and settings (default: ${paths.DATA_DIR_ENV}, else the "
        "platform's user data folder)",
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
    """
    log_file = data_dir / LOG_NAME
    if log_file.is_file() and log_file.stat().st_size > LOG_LIMIT:
        log_file.replace(log_file.with_suffix(".log.1"))
    handler = logging.FileHandler(log_file, encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger("spinecoach")
    root.setLevel(logging.INFO)
    root.addHandler(handler)
    root.addHandler(logging.StreamHandler())


@dataclass
class Application:
    """The running application's parts, kept together so tests can reach them."""

    data_dir: Path
    database: OpenedDatabase
    settings: SettingsStore
    window: MainWindow
    library_area: DeferredArea
    show_safety: Callable[[bool], bool]
    set_theme: Callable[[str], None]

    @property
    def library_pane(self) -> LibraryPane:
        """The Library pane, built now if the event loop has not built it yet."""
        from spinecoach.ui.library_pane import LibraryPane

        pane = self.library_area.build()
        assert isinstance(pane, LibraryPane)
        return pane

    @property
    def library(self) -> Library:
        """The loaded exercise library."""
        return self.library_pane.library

    def needs_safety_acknowledgement(self) -> bool:
        """True until the person has acknowledged the safety notes once."""
        return not self.settings.get("safety_acknowledged")


def build(data_dir: Path, clock: Clock | None = None) -> Application:
    """Create every part of the app for `data_dir`. A QApplication must already exist."""
    # Qt and the UI are imported here, not at module level, so `--version` stays instant.
    from PySide6.QtGui import QIcon
    from PySide6.QtWidgets import QApplication

    from spinecoach.storage.database import open_database
    from spinecoach.storage.settings_store import SettingsStore
    from spinecoach.ui.coming_soon import ComingSoonPanel
    from spinecoach.ui.deferred_area import DeferredArea
    from spinecoach.ui.main_window import MainWindow
    from spinecoach.ui.theme import apply_theme, choose_theme

    qt_app = QApplication.instance()
    assert isinstance(qt_app, QApplication), "create a QApplication before build()"
    data_dir.mkdir(parents=True, exist_ok=True)
    if qt_app.windowIcon().isNull():
        qt_app.setWindowIcon(QIcon(str(paths.icons_dir() / "spinecoach.svg")))
    clock = clock or SystemClock()
    opened = open_database(paths.database_path(data_dir), now=clock.now())
    settings = SettingsStore(opened)
    theme = choose_theme(settings.get("theme"))
    ui_icons = str(paths.icons_dir() / "ui")
    apply_theme(qt_app, theme, ui_icons)

    window: MainWindow

    def show_safety(first_run: bool = False) -> bool:
        from spinecoach.ui.safety import SafetyDialog

        dialog = SafetyDialog(first_run=first_run, parent=window)
        accepted = dialog.exec() == SafetyDialog.DialogCode.Accepted
        if first_run and accepted:
            settings.set("safety_acknowledged", True)
        return accepted

    def make_library_pane() -> LibraryPane:
        # Deferred (see ui/deferred_area.py): imports and parsing happen after the first paint.
        from spinecoach.core.library import load_library
        from spinecoach.ui.illustrations import IllustrationCache
        from spinecoach.ui.library_pane import LibraryPane

        library = load_library(paths.resources_dir(), paths.icons_dir() / "exercises")
        for problem in library.problems:
            logging.getLogger("spinecoach.library").warning("skipped %s", problem)
        dark = choose_theme(settings.get("theme")).is_dark
        illustrations = IllustrationCache(paths.icons_dir() / "exercises", dark=dark)
        pane = LibraryPane(library, illustrations)
        pane.safety_requested.connect(lambda: show_safety(first_run=False))
        return pane

    library_area = DeferredArea(make_library_pane, "Library")
    areas = {
        "library": library_area,
        "session": ComingSoonPanel(
            "sessionArea",
            "Session player",
            "Follow a routine hands-free: a large countdown for every hold and rest, spoken "
            "cues, and a pain score before and after.",
        ),
        "history": ComingSoonPanel(
            "historyArea",
            "History",
            "See how your pain scores move over the weeks, and how often you exercise, "
            "in a chart you can share with your clinician.",
        ),
    }
    window = MainWindow(areas, settings, theme)

    def change_theme(preference: str) -> None:
        settings.set("theme", preference)
        chosen = choose_theme(preference)
        apply_theme(qt_app, chosen, ui_icons)
        window.apply_theme_icons(chosen)
        if library_area.is_built:
            from spinecoach.ui.library_pane import LibraryPane

            pane = library_area.build()
            assert isinstance(pane, LibraryPane)
            pane.set_dark_illustrations(chosen.is_dark)

    window.safety_requested.connect(lambda: show_safety(first_run=False))
    window.theme_requested.connect(change_theme)
    if opened.notice:
        window.show_notice(opened.notice)
    return Application(
        data_dir=data_dir,
        database=opened,
        settings=settings,
        window=window,
        library_area=library_area,
        show_safety=show_safety,
        set_theme=change_theme,
    )


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
    """For the benchmark and end-to-end tests: say when each stage painted, then quit."""
    from PySide6.QtWidgets import QApplication

    def library_painted() -> None:
        print("library-painted", flush=True)
        QApplication.quit()

    def window_painted() -> None:
        print("painted", flush=True)
        on_first_paint(app.library_pane.list.viewport(), library_painted)

    on_first_paint(app.window, window_painted)


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of `spinecoach` and `python -m spinecoach`."""
    arguments = list(sys.argv[1:] if argv is None else argv)
    args = parse_args(arguments)
    data_dir = paths.resolve_data_dir(args.data_dir)
    data_dir.mkdir(parents=True, exist_ok=True)
    configure_logging(data_dir)

    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    QApplication.setApplicationName(paths.APP_NAME)
    QApplication.setApplicationVersion(__version__)
    QApplication.setDesktopFileName(paths.APP_ID)
    qt_app = QApplication([sys.argv[0], *arguments])
    from spinecoach.storage.errors import StorageError

    try:
        app = build(data_dir)
    except StorageError as error:
        # A foreign file or a failed migration: say so plainly; the file itself is untouched.
        from PySide6.QtWidgets import QMessageBox

        logging.getLogger("spinecoach").error("cannot open the data folder: %s", error)
        QMessageBox.critical(None, "SpineCoach cannot open your data", str(error))
        return 1
    if args.exit_after_first_paint:
        report_start_up_and_quit(app)
    else:
        on_first_paint(app.window, app.library_area.build)
    app.window.show()
    if app.needs_safety_acknowledgement() and not args.exit_after_first_paint:

        def ask() -> None:
            if not app.show_safety(True):
                qt_app.quit()

        QTimer.singleShot(0, ask)
    code = qt_app.exec()
    app.database.close()
    return code
