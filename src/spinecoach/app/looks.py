"""The theme in use: one source of truth (the Colours setting), and every view follows it.

The setting lives in the state file, so the first frame is drawn in the person's colours
before the data file is opened. "Follow the system" needs the desktop's scheme, and asking Qt
for it costs ~15 ms of PySide enum building before the first paint, so the first frame goes by
the scheme the desktop had last time (remembered in the state file; the very first time, a
guess from the platform palette) and `follow_system_scheme()` checks right after the paint.

Views do not ask for the theme: each registers how to restyle itself (`follow`) when it is
built, and hears every change, whoever made it (View > Theme, the settings dialog, the desktop).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING

from spinecoach.core import settings as keys
from spinecoach.ui.style.theme import (
    DARK,
    LIGHT,
    Theme,
    apply_theme,
    choose_theme,
    platform_palette_is_dark,
)

if TYPE_CHECKING:
    from PySide6.QtCore import QObject
    from PySide6.QtWidgets import QApplication

    from spinecoach.storage.state_file import StateFile

log = logging.getLogger(__name__)


class Looks:
    """Owns the current `Theme`, applies it to the application and tells the views."""

    def __init__(self, qt_app: QApplication, state: StateFile, ui_icons: str) -> None:
        self._qt_app = qt_app
        self._state = state
        self._ui_icons = ui_icons
        self._followers: list[Callable[[Theme], object]] = []
        self._following_system = False
        preference = state.get(keys.THEME)
        system_dark = None
        if preference == "system":
            remembered = state.get(keys.UI_SYSTEM_DARK)
            known = remembered != "unknown"
            system_dark = remembered == "dark" if known else platform_palette_is_dark(qt_app)
        self.theme = choose_theme(preference, system_dark)
        apply_theme(qt_app, self.theme, ui_icons)
        state.subscribe(keys.THEME, self._preference_changed)

    def follow(self, restyle: Callable[[Theme], object]) -> None:
        """Call `restyle(theme)` at every change of theme, for as long as the app runs.

        Not now: a view is built in the current theme (`theme`), and restyling it again at once
        would redraw it for nothing (the library's pictures: ~10 ms before the list shows).
        """
        self._followers.append(restyle)

    def choose(self, preference: str) -> None:
        """The person chose "system", "light" or "dark"; the setting's change restyles."""
        self._state.set(keys.THEME, preference)

    def follow_system_scheme(self, parent: QObject) -> None:
        """Check the start-up guess of the desktop's scheme, then follow its changes.

        Called once the window has painted (or, started in the tray, when the tray starts);
        later calls do nothing. The connection lives as long as `parent`.
        """
        from PySide6.QtCore import QObject
        from PySide6.QtGui import QGuiApplication

        if self._following_system:
            return
        self._following_system = True

        class SchemeWatcher(QObject):
            def changed(self) -> None:
                looks.system_scheme_changed()

        looks = self
        watcher = SchemeWatcher(parent)
        QGuiApplication.styleHints().colorSchemeChanged.connect(watcher.changed)
        self.system_scheme_changed()

    def system_scheme_changed(self) -> None:
        """Remember the desktop's scheme for the next first frame; follow it if asked to."""
        from spinecoach.ui.style.theme import system_prefers_dark

        system = "dark" if system_prefers_dark() else "light"
        if self._state.get(keys.UI_SYSTEM_DARK) != system:
            self._state.set(keys.UI_SYSTEM_DARK, system)
        if self._state.get(keys.THEME) == "system":
            theme = DARK if system == "dark" else LIGHT
            if theme != self.theme:
                log.info("following the system's %s colour scheme", theme.name)
                self._restyle(theme)

    def _preference_changed(self, preference: str) -> None:
        self._restyle(choose_theme(preference))  # "system" asks the desktop now

    def _restyle(self, theme: Theme) -> None:
        self.theme = theme
        apply_theme(self._qt_app, theme, self._ui_icons)
        for restyle in self._followers:
            restyle(theme)
