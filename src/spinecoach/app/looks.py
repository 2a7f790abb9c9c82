"""The theme and text size in use: one source of truth each (the Colours and Text size settings).

The setting lives in the state file, so the first frame is drawn in the person's colours
before the data file is opened. "Follow the system" needs the desktop's scheme, and asking Qt
for it costs ~15 ms of PySide enum building before the first paint, so the first frame goes by
the scheme the desktop had last time (remembered in the state file; the very first time, a
guess from the platform palette) and `follow_system_scheme()` checks right after the paint.

Views do not ask for the theme: each registers how to restyle itself (`follow`) when it is
built, and hears every change, whoever made it (View > Theme, the settings dialog, the desktop).
"Follow the system" follows the desktop's high-contrast setting too, where Qt reads it (6.10+).

The text size is the system font times the Text size setting (100-200 %): the application font
and the stylesheet's type sizes change together, at once; widgets hear it as a font change.
"""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Callable
from typing import TYPE_CHECKING

from spinecoach.core import settings as keys
from spinecoach.ui.style.theme import (
    Theme,
    apply_text_size,
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
        self._scheme_watcher: QObject | None = None
        preference = state.get(keys.THEME)
        system = None
        if preference == "system":
            remembered = state.get(keys.UI_SYSTEM_DARK)
            if remembered != "unknown":
                system = remembered
            else:
                system = "dark" if platform_palette_is_dark(qt_app) else "light"
        self.theme = choose_theme(preference, system)
        self.text_scale = self._apply_text_size(state.get(keys.TEXT_SIZE))
        apply_theme(qt_app, self.theme, ui_icons, self.text_scale)
        state.subscribe(keys.THEME, self._preference_changed)
        state.subscribe(keys.TEXT_SIZE, self._text_size_changed)

    def follow(self, restyle: Callable[[Theme], object]) -> None:
        """Call `restyle(theme)` at every change of theme, for as long as the app runs.

        Not now: a view is built in the current theme (`theme`), and restyling it again at once
        would redraw it for nothing (the library's pictures: ~10 ms before the list shows).
        """
        self._followers.append(restyle)

    def choose(self, preference: str) -> None:
        """The person chose "system", "light", "dark" or "contrast"; the setting restyles."""
        self._state.set(keys.THEME, preference)

    def follow_system_scheme(self, parent: QObject | None = None) -> None:
        """Check the start-up guess of the desktop's scheme, then follow its changes.

        Called once the window has painted (or, started in the tray, when the tray starts);
        later calls do nothing. The connection lives as long as `parent` (by default the
        application: started in the tray, there may never be a window).
        """
        from PySide6.QtCore import QObject
        from PySide6.QtGui import QGuiApplication

        if self._following_system:
            return
        self._following_system = True

        class SchemeWatcher(QObject):
            def changed(self) -> None:
                if looks._scheme_watcher is self:  # not after `stop_following_system`
                    looks.system_scheme_changed()

        looks = self
        watcher = SchemeWatcher(parent or self._qt_app)
        hints = QGuiApplication.styleHints()
        hints.colorSchemeChanged.connect(watcher.changed)
        accessibility = getattr(hints, "accessibility", None)  # Qt 6.10+: high contrast
        if accessibility is not None:
            accessibility().contrastPreferenceChanged.connect(watcher.changed)
        self._scheme_watcher = watcher
        self.system_scheme_changed()

    def stop_following_system(self) -> None:
        """Quitting: the desktop's scheme changes reach nothing of this app any more."""
        watcher, self._scheme_watcher = self._scheme_watcher, None
        if watcher is not None:
            with contextlib.suppress(RuntimeError):  # already gone with its parent
                watcher.deleteLater()

    def system_scheme_changed(self) -> None:
        """Remember the desktop's scheme for the next first frame; follow it if asked to."""
        from spinecoach.ui.style.theme import system_scheme

        system = system_scheme()
        if self._state.get(keys.UI_SYSTEM_DARK) != system:
            self._state.set(keys.UI_SYSTEM_DARK, system)
        if self._state.get(keys.THEME) == "system":
            theme = choose_theme("system", system)
            if theme != self.theme:
                log.info("following the system's %s colour scheme", theme.name)
                self._restyle(theme)

    def _preference_changed(self, preference: str) -> None:
        self._restyle(choose_theme(preference))  # "system" asks the desktop now

    def _restyle(self, theme: Theme) -> None:
        self.theme = theme
        apply_theme(self._qt_app, theme, self._ui_icons, self.text_scale)
        for restyle in self._followers:
            restyle(theme)

    def _apply_text_size(self, percent: int) -> float:
        """The application font at `percent` of the system's; the stylesheet's scale."""
        from PySide6.QtGui import QFontDatabase

        system_font = QFontDatabase.systemFont(QFontDatabase.SystemFont.GeneralFont)
        return apply_text_size(self._qt_app, system_font, percent)

    def _text_size_changed(self, percent: int) -> None:
        """The person chose another text size: font and stylesheet change now, together."""
        self.text_scale = self._apply_text_size(percent)
        apply_theme(self._qt_app, self.theme, self._ui_icons, self.text_scale)
