"""Start SpineCoach: the one place that knows core, storage and ui, and wires them together."""

from __future__ import annotations

import argparse
import logging
import logging.handlers
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
        help=f"folder for all data and settings (default: ${paths.DATA_DIR_ENV} or "
        f"{paths.default_data_dir()})",
    )
    # For the start-up benchmark and the end-to-end tests: quit as soon as the window painted.
    parser.add_argument("--exit-after-first-paint", action="store_true", help=argparse.SUPPRESS)
    args, _qt_args = parser.parse_known_args(argv)
    return args


def configure_logging(data_dir: Path) -> None:
    """Log to stderr and to a small rotating file in the data folder (nowhere else)."""
    handler = logging.handlers.RotatingFileHandler(
        data_dir / "spinecoach.log", maxBytes=512_000, backupCount=2, encoding="utf-8"
    )
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
    library: Library
    window: MainWindow
    library_pane: LibraryPane
    show_safety: Callable[[bool], bool]
    set_theme: Callable[[str], None]

    def needs_safety_acknowledgement(self) -> bool:
        """True until the person has acknowledged the safety notes once."""
        return not self.settings.get("safety_acknowledged")


def build(data_dir: Path, clock: Clock | None = None) -> Application:
    """Create every part of the app for `data_dir`. A QApplication must already exist."""
    # Qt and the UI are imported here, not at module level, so `--version` stays instant.
    from PySide6.QtGui import QIcon
    from PySide6.QtWidgets import QApplication

    from spinecoach.core.library import load_library
    from spinecoach.storage.database import open_database
    from spinecoach.storage.settings_store import SettingsStore
    from spinecoach.ui.coming_soon import ComingSoonPanel
    from spinecoach.ui.illustrations import IllustrationCache
    from spinecoach.ui.library_pane import LibraryPane
    from spinecoach.ui.main_window import MainWindow
    from spinecoach.ui.safety import SafetyDialog
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

    library = load_library(paths.resources_dir(), paths.icons_dir() / "exercises")
    for problem in library.problems:
        logging.getLogger("spinecoach.library").warning("skipped %s", problem)
    illustrations = IllustrationCache(
        paths.icons_dir() / "exercises",
        poses=paths.resources_dir() / "poses",
        dark=theme.is_dark,
    )
    pane = LibraryPane(library, illustrations)
    areas = {
        "library": pane,
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

    def show_safety(first_run: bool = False) -> bool:
        dialog = SafetyDialog(first_run=first_run, parent=window)
        accepted = dialog.exec() == SafetyDialog.DialogCode.Accepted
        if first_run and accepted:
            settings.set("safety_acknowledged", True)
        return accepted

    def change_theme(preference: str) -> None:
        settings.set("theme", preference)
        chosen = choose_theme(preference)
        apply_theme(qt_app, chosen, ui_icons)
        window.apply_theme_icons(chosen)
        illustrations.set_dark(chosen.is_dark)
        pane.refresh_illustrations()

    window.safety_requested.connect(lambda: show_safety(first_run=False))
    pane.safety_requested.connect(lambda: show_safety(first_run=False))
    window.theme_requested.connect(change_theme)
    if opened.notice:
        window.show_notice(opened.notice)
    return Application(
        data_dir=data_dir,
        database=opened,
        settings=settings,
        library=library,
        window=window,
        library_pane=pane,
        show_safety=show_safety,
        set_theme=change_theme,
    )


def quit_after_first_paint(window: QWidget) -> None:
    """Print "painted" and quit once `window` has painted for the first time."""
    from PySide6.QtCore import QEvent, QObject, QTimer
    from PySide6.QtWidgets import QApplication

    class FirstPaint(QObject):
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Paint:
                window.removeEventFilter(self)
                print("painted", flush=True)
                QTimer.singleShot(0, QApplication.quit)
            return False

    window.installEventFilter(FirstPaint(window))


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
        quit_after_first_paint(app.window)
    app.window.show()
    if app.needs_safety_acknowledgement() and not args.exit_after_first_paint:

        def ask() -> None:
            if not app.show_safety(True):
                qt_app.quit()

        QTimer.singleShot(0, ask)
    code = qt_app.exec()
    app.database.close()
    return code
