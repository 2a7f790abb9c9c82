"""The main window: a sidebar of three areas (Library, Session, History) and a menu bar.

The session's keys are the window's (the Session menu, from `session_keys.SESSION_KEYS`): while
a session runs they work wherever the focus is in the window, in any area, in focus mode too;
between sessions they are off, so Space, the arrows and the letters do what the focused control
does. Help > Keyboard shortcuts lists every key the app has.

The window opens the first time at its preferred size, or at most 90 % of the screen's free
area (a 1920 x 1080 screen at QT_SCALE_FACTOR=2 has 960 x 540), and whole on the screen.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from typing import Any, Protocol

from PySide6.QtCore import QByteArray, QCoreApplication, QSize, QTimer, Signal
from PySide6.QtGui import (
    QAction,
    QActionGroup,
    QCloseEvent,
    QDragEnterEvent,
    QDropEvent,
    QKeySequence,
    QShowEvent,
)
from PySide6.QtWidgets import (
    QButtonGroup,
    QFrame,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QSizePolicy,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from spinecoach import __version__
from spinecoach.core import settings as keys
from spinecoach.core.settings import Setting
from spinecoach.core.ui_text import QT_TRANSLATE_NOOP
from spinecoach.ui.shell.deferred_area import DeferredArea
from spinecoach.ui.shell.notice_banner import NoticeBanner
from spinecoach.ui.shell.session_keys import SESSION_KEYS, key_words
from spinecoach.ui.style.icons import icon_size, line_icon
from spinecoach.ui.style.theme import Theme
from spinecoach.ui.widgets.enum_free import set_enum_property

# The program's name, the same in every language. (Plain comments from here on: lupdate would
# hand a "#:" comment to the next marked text as a note for translators.)
APP_NAME = "SpineCoach"

# The areas: key and name (translated where shown, context "MainWindow").
AREAS: tuple[tuple[str, str], ...] = (
    ("library", QT_TRANSLATE_NOOP("MainWindow", "Library")),
    ("session", QT_TRANSLATE_NOOP("MainWindow", "Session")),
    ("history", QT_TRANSLATE_NOOP("MainWindow", "History")),
)

# The size the window asks for the first time, and the most of the screen's free area it takes
# (the rest is for its frame and the panels).
PREFERRED_SIZE = QSize(1180, 760)
SCREEN_SHARE = 0.9


def first_size(available: QSize, preferred: QSize = PREFERRED_SIZE) -> QSize:
    """The window's size the first time: `preferred`, at most 90 % of the screen's free area."""
    return preferred.boundedTo(available * SCREEN_SHARE)


def dropped_programme(event: QDropEvent) -> str | None:
    """The path of the one local ``*.toml`` file a drag carries, or None."""
    data = event.mimeData()
    if data is None or not data.hasUrls():
        return None
    urls = data.urls()
    if len(urls) != 1 or not urls[0].isLocalFile():
        return None
    path = urls[0].toLocalFile()
    return path if path.lower().endswith(".toml") else None


def area_name(label: str) -> str:
    """An area's name (from `AREAS`) in the interface's language."""
    return QCoreApplication.translate("MainWindow", label)


class _Sidebar(QFrame):
    """The column of area buttons: as wide as the theme draws it, wider if a name needs it.

    The stylesheet gives the least width for English at each text size (`min-width`); the
    column's fixed size policy makes it as wide as its widest button when a translated name is
    longer ("Übungseinheit"), and the buttons fill the column, so the chosen area's highlight
    is as wide as the others'. The layout does it all, at every text size, with no code of
    its own.
    """

    BUTTON_WIDTH = 84


class SettingsAccess(Protocol):
    """What the window needs from the settings store: read and write by key."""

    def get(self, setting: Setting[Any] | str) -> Any:
        """The value of a setting (its default when unset or invalid)."""
        ...

    def set(self, setting: Setting[Any] | str, value: Any) -> None:
        """Store a setting at once."""
        ...

    def subscribe(self, setting: Setting[Any] | str, callback: Callable[[Any], object]) -> None:
        """Hear every change of a setting, whoever makes it."""
        ...


class MainWindow(QMainWindow):
    """Hosts the three areas; remembers its geometry and the area last shown.

    Signals:
        theme_requested(str): the person chose "system", "light" or "dark" from the View menu.
        safety_requested(): the person opened Help > Safety notes.
        settings_requested(str): the person opened Settings (the page to show first).
        quit_requested(): File > Quit: really quit, even when SpineCoach keeps a tray icon.
        hidden_to_tray(): the window was closed but SpineCoach keeps running in the tray.
        log_pain_requested(): File > Log pain now (Ctrl+L).
        open_programme_requested(): File > Open programme… (Ctrl+O).
        export_programme_requested(): File > Export programme….
        programme_dropped(str): a programme file (a local *.toml) was dropped on the window.
        session_command(str): a key or entry of the Session menu; carries its command
            (`SessionKey.command`). Only sent while `set_session_keys` enabled it.
    """

    theme_requested = Signal(str)
    safety_requested = Signal()
    settings_requested = Signal(str)
    quit_requested = Signal()
    hidden_to_tray = Signal()
    log_pain_requested = Signal()
    open_programme_requested = Signal()
    export_programme_requested = Signal()
    programme_dropped = Signal(str)
    session_command = Signal(str)

    def __init__(
        self,
        areas: Mapping[str, QWidget],
        settings: SettingsAccess,
        theme: Theme,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("mainWindow")
        self.setWindowTitle(APP_NAME)
        self.setMinimumSize(760, 540)
        self._settings = settings
        self._first_size: QSize | None = None  # set when the window chose its own first size
        # With a tray icon, closing the window only hides it; the app sets this.
        self.keep_running_on_close = False
        self._stack = QStackedWidget()
        self._stack.setObjectName("areaStack")
        self._buttons = QButtonGroup(self)
        self._buttons.setExclusive(True)
        self._area_names: list[str] = []
        self._sidebar = self._build_sidebar()
        for name, _title in AREAS:
            self._area_names.append(name)
            self._stack.addWidget(areas[name])

        self._banner = NoticeBanner()

        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.setSpacing(0)
        right_layout.addWidget(self._banner)
        right_layout.addWidget(self._stack, 1)

        central = QWidget()
        layout = QHBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self._sidebar)
        layout.addWidget(right, 1)
        self.setCentralWidget(central)
        self._build_menus()
        self.setAcceptDrops(True)  # a programme file dropped anywhere on the window
        self.apply_theme_icons(theme)
        self._restore_state()

    def _build_sidebar(self) -> QWidget:
        sidebar = _Sidebar()  # a QFrame paints its stylesheet background by itself
        sidebar.setObjectName("sidebar")
        # As wide as its widest button, and at least what the stylesheet says (min-width).
        sidebar.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Preferred)
        column = QVBoxLayout(sidebar)
        column.setContentsMargins(10, 16, 10, 16)
        column.setSpacing(6)
        logo = QLabel()
        logo.setObjectName("appLogo")
        logo.setAccessibleName(self.tr("SpineCoach logo"))
        logo.setPixmap(self.windowIcon().pixmap(44, 44))
        set_enum_property(logo, "alignment", "AlignCenter")
        column.addWidget(logo)
        title = QLabel(APP_NAME)
        title.setObjectName("appTitle")
        set_enum_property(title, "alignment", "AlignCenter")
        column.addWidget(title)
        column.addSpacing(14)
        for index, (name, english) in enumerate(AREAS):
            label = area_name(english)
            keys_text = QKeySequence(f"Ctrl+{index + 1}").toString(
                QKeySequence.SequenceFormat.NativeText
            )
            button = QToolButton()
            button.setObjectName(f"{name}AreaButton")
            button.setText(label)
            button.setCheckable(True)
            set_enum_property(button, "toolButtonStyle", "ToolButtonTextUnderIcon")
            button.setIconSize(icon_size(26))
            button.setToolTip(self.tr("{area} ({keys})").format(area=label, keys=keys_text))
            button.setAccessibleName(label)
            button.setMinimumWidth(_Sidebar.BUTTON_WIDTH)
            button.setSizePolicy(QSizePolicy.Policy.Preferred, button.sizePolicy().verticalPolicy())
            self._buttons.addButton(button, index)
            column.addWidget(button)
        column.addStretch(1)
        self._buttons.idClicked.connect(self._show_index)
        return sidebar

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        open_programme = QAction(self.tr("&Open programme…"), self)
        open_programme.setObjectName("openProgrammeAction")
        open_programme.setShortcuts([QKeySequence("Ctrl+O")])
        open_programme.triggered.connect(self.open_programme_requested)
        file_menu.addAction(open_programme)
        self.addAction(open_programme)
        export_programme = QAction(self.tr("&Export programme…"), self)
        export_programme.setObjectName("exportProgrammeAction")
        export_programme.triggered.connect(self.export_programme_requested)
        file_menu.addAction(export_programme)
        file_menu.addSeparator()
        log_pain = QAction(self.tr("&Log pain now…"), self)
        log_pain.setObjectName("logPainAction")
        log_pain.setShortcuts([QKeySequence("Ctrl+L")])
        log_pain.triggered.connect(self.log_pain_requested)
        file_menu.addAction(log_pain)
        self.addAction(log_pain)
        file_menu.addSeparator()
        # Where desktop people look for it: File > Settings (Ctrl+,); on macOS Qt moves it to
        # the application menu as Preferences (its role), with the platform's Cmd+,.
        settings = QAction(self.tr("&Settings…"), self)
        settings.setObjectName("settingsAction")
        settings.setShortcuts(QKeySequence.StandardKey.Preferences)
        if settings.shortcut().isEmpty():
            settings.setShortcuts([QKeySequence("Ctrl+,")])
        set_enum_property(settings, "menuRole", "PreferencesRole")
        settings.triggered.connect(lambda: self.settings_requested.emit("Reminders"))
        file_menu.addAction(settings)
        self.addAction(settings)
        player_settings = QAction(self.tr("Session s&ound and timing…"), self)
        player_settings.setObjectName("playerSettingsAction")
        player_settings.triggered.connect(lambda: self.settings_requested.emit("Sessions"))
        file_menu.addAction(player_settings)
        file_menu.addSeparator()
        quit_action = QAction(self.tr("&Quit"), self)
        # setShortcuts, not setShortcut: the latter's overloads build PySide's Qt namespace (15 ms)
        # before the first paint (see ui/widgets/enum_free.py).
        quit_action.setShortcuts(QKeySequence.StandardKey.Quit)
        quit_action.setObjectName("quitAction")
        quit_action.triggered.connect(self._quit)
        file_menu.addAction(quit_action)

        view_menu = self.menuBar().addMenu(self.tr("&View"))
        for index, (name, label) in enumerate(AREAS):
            action = QAction(area_name(label), self)
            action.setObjectName(f"{name}AreaAction")
            action.setShortcuts([QKeySequence(f"Ctrl+{index + 1}")])
            action.triggered.connect(lambda _checked=False, area=name: self.show_area(area))
            view_menu.addAction(action)
            self.addAction(action)
        view_menu.addSeparator()
        theme_menu = view_menu.addMenu(self.tr("&Theme"))
        group = QActionGroup(self)
        current = self._settings.get(keys.THEME)
        self._theme_actions: dict[str, QAction] = {}
        for key, label in (
            ("system", self.tr("Follow the system")),
            ("light", self.tr("Light")),
            ("dark", self.tr("Dark")),
            ("contrast", self.tr("High contrast")),
        ):
            action = QAction(label, self, checkable=True)
            action.setObjectName(f"theme_{key}")
            action.setChecked(key == current)
            action.triggered.connect(lambda _checked=False, k=key: self._choose_theme(k))
            group.addAction(action)
            theme_menu.addAction(action)
            self._theme_actions[key] = action
        # The menu shows the theme however it was chosen (here, in Settings, anywhere).
        self._settings.subscribe(keys.THEME, self._show_theme_choice)

        # The player's keys live here, not in the player: window shortcuts work wherever the
        # focus is. Added to the window too, so they work with the menu bar hidden (focus mode).
        session_menu = self.menuBar().addMenu(self.tr("&Session"))
        session_menu.setObjectName("sessionMenu")
        self._session_actions: dict[str, QAction] = {}
        for session_key in SESSION_KEYS:
            action = QAction(key_words(session_key.menu_text), self)
            action.setObjectName(f"session_{session_key.command}")
            action.setShortcuts([QKeySequence(keys) for keys in session_key.sequences])
            action.setToolTip(key_words(session_key.does))
            action.setEnabled(False)  # until a session runs (set_session_keys)
            action.triggered.connect(
                lambda _checked=False, command=session_key.command: self.session_command.emit(
                    command
                )
            )
            session_menu.addAction(action)
            self.addAction(action)
            self._session_actions[session_key.command] = action

        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        shortcuts = QAction(self.tr("&Keyboard shortcuts"), self)
        shortcuts.setObjectName("shortcutsAction")
        shortcuts.setShortcuts(QKeySequence.StandardKey.HelpContents)
        shortcuts.triggered.connect(self.show_keyboard_shortcuts)
        help_menu.addAction(shortcuts)
        self.addAction(shortcuts)
        safety = QAction(self.tr("&Safety notes…"), self)
        safety.setObjectName("safetyAction")
        safety.triggered.connect(self.safety_requested)
        help_menu.addAction(safety)
        about = QAction(self.tr("&About SpineCoach"), self)
        about.triggered.connect(self._about)
        help_menu.addAction(about)

    def set_session_keys(self, commands: Iterable[str]) -> None:
        """Turn on the Session menu's keys for `commands`, and off all the others."""
        usable = set(commands)
        for command, action in self._session_actions.items():
            action.setEnabled(command in usable)

    def session_action(self, command: str) -> QAction:
        """The Session menu's action for a command (tests, Help)."""
        return self._session_actions[command]

    def show_keyboard_shortcuts(self) -> QWidget:
        """Help > Keyboard shortcuts: every key, in a list a screen reader can walk."""
        from spinecoach.ui.shell.shortcuts_dialog import KeyboardShortcutsDialog

        dialog = KeyboardShortcutsDialog(self)
        dialog.show()
        return dialog

    def apply_theme_icons(self, theme: Theme) -> None:
        """Recolour the sidebar icons for a theme."""
        for index, (name, _label) in enumerate(AREAS):
            button = self._buttons.button(index)
            button.setIcon(line_icon(name, theme.muted, theme.accent_text))

    def set_focus_mode(self, on: bool) -> None:
        """Full screen with nothing but the area's content (the player's focus mode)."""
        self._sidebar.setVisible(not on)
        self.menuBar().setVisible(not on)
        if on:
            self._geometry_before_focus = self.saveGeometry()
            self.showFullScreen()
        else:
            self.showNormal()
            saved = getattr(self, "_geometry_before_focus", None)
            if saved is not None:
                self.restoreGeometry(saved)

    def show_notice(self, text: str) -> None:
        """Show a message the person must see (read-only data, a file kept aside)."""
        self._banner.show_problem(text)

    def show_reassurance(self, text: str) -> bool:
        """Show good news in the banner (plain, not a caution); False over a problem shown."""
        return self._banner.show_good_news(text)

    def notice_is_reassuring(self) -> bool:
        """Whether the banner holds good news (`show_reassurance`), not a problem."""
        return self._banner.holds_good_news()

    def notice_text(self) -> str | None:
        """The banner's message while it is shown."""
        return self._banner.shown_text()

    def current_area(self) -> str:
        """The name of the area shown."""
        return self._area_names[self._stack.currentIndex()]

    def show_area(self, name: str) -> None:
        """Switch to an area by name ("library", "session", "history")."""
        self._show_index(self._area_names.index(name))

    def _show_index(self, index: int, *, remember: bool = True) -> None:
        area = self._stack.widget(index)
        if isinstance(area, DeferredArea) and self.isVisible():
            area.build()  # before the first paint, main() builds it right after instead
        self._stack.setCurrentIndex(index)
        self._buttons.button(index).setChecked(True)
        if remember:
            self._settings.set(keys.LAST_AREA, self._area_names[index])

    def _show_theme_choice(self, key: str) -> None:
        action = self._theme_actions.get(key)
        if action is not None:
            action.setChecked(True)

    def _choose_theme(self, key: str) -> None:
        self.theme_requested.emit(key)

    def _about(self) -> None:
        from PySide6.QtWidgets import QMessageBox  # rarely used: not loaded at start-up

        QMessageBox.about(
            self,
            self.tr("About SpineCoach"),
            self.tr(
                "<h3>SpineCoach {version}</h3>"
                "<p>Short, gentle exercise sessions for people with back pain.</p>"
                "<p>A self-management aid: it does not diagnose, treat or cure any condition.</p>"
            ).format(version=__version__),
        )

    def _restore_state(self) -> None:
        geometry = self._settings.get(keys.UI_WINDOW_GEOMETRY)
        if isinstance(geometry, str) and geometry:
            self.restoreGeometry(QByteArray.fromBase64(geometry.encode("ascii")))
        else:
            self._take_first_size()
        area = self._settings.get(keys.LAST_AREA)
        # Only read here: the window is built before the data file is open (app.Application).
        index = self._area_names.index(area) if area in self._area_names else 0
        self._show_index(index, remember=False)

    def _take_first_size(self) -> None:
        """No remembered geometry: the preferred size, as far as the screen has room for it."""
        screen = self.screen()
        if screen is None:
            self.resize(PREFERRED_SIZE)
            return
        size = first_size(screen.availableGeometry().size())
        # The minimum is made for larger screens; on a small one the screen's room wins.
        self.setMinimumSize(self.minimumSize().boundedTo(size))
        self.resize(size)
        self._first_size = size

    def showEvent(self, event: QShowEvent) -> None:
        """Qt override: the first time, at the size it chose itself, the window is whole on screen.

        Checked once the window manager has framed it; a size set by the caller wins.
        """
        super().showEvent(event)
        first, self._first_size = self._first_size, None
        if first is not None and self.size() == first:
            QTimer.singleShot(0, self, self._keep_whole_on_screen)

    def _keep_whole_on_screen(self) -> None:
        screen = self.screen()
        if screen is None or screen.availableGeometry().contains(self.frameGeometry()):
            return  # the usual case: nothing to import (the Qt namespace costs ~15 ms)
        from spinecoach.ui.widgets.on_screen import keep_on_screen

        keep_on_screen(self)

    def bring_to_front(self) -> None:
        """Show the window from the tray or from behind others, and give it the keyboard."""
        if self.isMinimized():
            self.showNormal()
        self.show()
        self.raise_()
        self.activateWindow()

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        """Qt override: take a dragged programme file (one local *.toml), nothing else."""
        if dropped_programme(event) is not None:
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:
        """Qt override: a programme file dropped on the window is opened (its preview)."""
        path = dropped_programme(event)
        if path is None:
            event.ignore()
            return
        event.acceptProposedAction()
        self.programme_dropped.emit(path)

    def closeEvent(self, event: QCloseEvent) -> None:
        """Remember where the window was; with a tray icon, hide instead of quitting."""
        if self.isVisible():
            self._save_geometry()
        if self.keep_running_on_close:
            event.ignore()
            self.hide()
            self.hidden_to_tray.emit()
            return
        super().closeEvent(event)

    def _quit(self) -> None:
        self.keep_running_on_close = False  # closeEvent below saves the geometry and closes
        self.quit_requested.emit()
        self.close()

    def _save_geometry(self) -> None:
        geometry = bytes(self.saveGeometry().toBase64().data()).decode("ascii")
        self._settings.set(keys.UI_WINDOW_GEOMETRY, geometry)
