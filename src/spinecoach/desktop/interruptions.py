"""Whether a reminder now would interrupt something: a full-screen window, do-not-disturb.

Each class satisfies `spinecoach.core.presence.InterruptionSource`. They are asked only when a
reminder is about to appear (at most every 30 s while one waits), so a call may cost a few
milliseconds -- an X round trip, a D-Bus call, even a `gsettings` process -- but availability is
still decided once, at construction, and `interruption` never raises. An answer is what the
reminder would interrupt, in words for a person ("a full-screen window"); None means nothing, or
cannot tell. A provider that cannot tell never claims the person is busy.

The operating-system calls are injectable (D-Bus property reader, gsettings reader, the Windows
shell query), so the decisions are tested on any machine with fakes.
"""

from __future__ import annotations

import ctypes
import os
import shutil
import subprocess
import sys
from collections.abc import Callable, Mapping, Sequence
from typing import Any

from PySide6.QtCore import QCoreApplication

from spinecoach.core.presence import InterruptionSource, Unavailable
from spinecoach.core.ui_text import QT_TRANSLATE_NOOP
from spinecoach.desktop._qtdbus import DBusGetProperty, SessionBus
from spinecoach.desktop._status import ProviderStatus, provider_name
from spinecoach.desktop._xlib import X11Error, XDisplay

__all__ = [
    "DO_NOT_DISTURB",
    "FULL_SCREEN",
    "MACOS_REASON",
    "CombinedInterruptions",
    "GnomeDoNotDisturb",
    "NotificationsInhibited",
    "WindowsNotificationState",
    "X11FullScreen",
    "detect_interruption_source",
]

FULL_SCREEN = "a full-screen window"
DO_NOT_DISTURB = "do not disturb"
MACOS_REASON = QT_TRANSLATE_NOOP(
    "Desktop", "macOS does not let SpineCoach see full-screen windows or Focus"
)


class X11FullScreen(ProviderStatus):
    """A full-screen window has focus, as the X11 window manager tells it (EWMH).

    The root's `_NET_ACTIVE_WINDOW` names the focused window; it is full screen when its
    `_NET_WM_STATE` holds `_NET_WM_STATE_FULLSCREEN`.

    Only the active window counts: a video full screen on another monitor interrupts nothing.
    Without an EWMH window manager the root has no active window and the answer is None.
    """

    def __init__(self, display_name: str | None = None) -> None:
        """Open `display_name` (default: $DISPLAY; "" means no display) and keep it open."""
        super().__init__(QT_TRANSLATE_NOOP("Desktop", "X11 full-screen window"))
        self._display: XDisplay | None = None
        name = os.environ.get("DISPLAY", "") if display_name is None else display_name
        try:
            self._display = XDisplay(name)
        except X11Error as error:
            self._give_up(str(error))
            return
        self._active_window = self._display.intern_atom("_NET_ACTIVE_WINDOW")
        self._state = self._display.intern_atom("_NET_WM_STATE")
        self._full_screen = self._display.intern_atom("_NET_WM_STATE_FULLSCREEN")

    def interruption(self) -> str | None:
        """Say "a full-screen window" when the active window is full screen, else None."""
        display = self._display
        if display is None or not display.is_open:
            return None
        active = display.window_property(display.root, self._active_window, 1)
        if not active or not active[0]:
            return None
        # The active window may close between the two requests; window_property then traps
        # the BadWindow error and answers None.
        states = display.window_property(active[0], self._state, 64)
        return FULL_SCREEN if states and self._full_screen in states else None

    def close(self) -> None:
        """Close the X connection; the provider then answers None."""
        if self._display is not None:
            self._display.close()


# SHQueryUserNotificationState answers (shellapi.h, QUERY_USER_NOTIFICATION_STATE). Missing on
# purpose: QUNS_NOT_PRESENT (1: locked or screen saver -- the idle source covers absence, and a
# reminder interrupts nobody) and QUNS_ACCEPTS_NOTIFICATIONS (5).
_QUNS_ANSWERS = {
    2: FULL_SCREEN,  # QUNS_BUSY: a full-screen app, or presentation settings applied
    3: "a full-screen game or video",  # QUNS_RUNNING_D3D_FULL_SCREEN: exclusive Direct3D
    4: "a presentation",  # QUNS_PRESENTATION_MODE
    # QUNS_QUIET_TIME is documented as the quiet hour after a first sign-in or an upgrade.
    # Windows 10/11 Focus Assist is *not* reliably reported through this call (reading it needs
    # undocumented WNF state), so this is the only do-not-disturb Windows lets us see.
    6: f"{DO_NOT_DISTURB} (Windows quiet time)",
    7: "a full-screen app",  # QUNS_APP: a Windows Store app in the foreground (Windows 8+)
}


class WindowsNotificationState(ProviderStatus):
    """What Windows itself says about showing notifications now (SHQueryUserNotificationState)."""

    def __init__(self, query: Callable[[], int | None] | None = None) -> None:
        """Use `query` (tests: returns a QUNS_* value or None) or the real shell32 call."""
        super().__init__(QT_TRANSLATE_NOOP("Desktop", "Windows notification state"))
        self._query: Callable[[], int | None] = query if query is not None else _no_state
        if query is None:
            try:
                self._query = _shell_notification_state()
            except OSError as error:
                self._give_up(str(error))

    def interruption(self) -> str | None:
        """Full screen, presentation, game or quiet time, as Windows reports it."""
        if not self.available:
            return None
        state = self._query()
        return None if state is None else _QUNS_ANSWERS.get(state)


def _no_state() -> int | None:
    return None


def _shell_notification_state() -> Callable[[], int | None]:
    """SHQueryUserNotificationState through ctypes; OSError when not on Windows."""
    windll: Any = getattr(ctypes, "windll", None)
    if windll is None:
        raise OSError("this is not Windows (no shell32.dll)")
    function = windll.shell32.SHQueryUserNotificationState
    function.argtypes = (ctypes.POINTER(ctypes.c_int),)
    function.restype = ctypes.c_long  # HRESULT

    def query() -> int | None:
        state = ctypes.c_int()
        return int(state.value) if function(ctypes.byref(state)) == 0 else None

    return query


_NOTIFICATIONS = (
    "org.freedesktop.Notifications",
    "/org/freedesktop/Notifications",
    "org.freedesktop.Notifications",
    "Inhibited",
)


class NotificationsInhibited(ProviderStatus):
    """The desktop's do-not-disturb, where the notification server publishes it.

    That is the `Inhibited` property of org.freedesktop.Notifications (KDE Plasma and others;
    GNOME Shell has none, see `GnomeDoNotDisturb`).
    """

    def __init__(self, get_property: DBusGetProperty | None = None) -> None:
        """Probe once whether the property exists; `get_property` defaults to the session bus."""
        super().__init__(
            QT_TRANSLATE_NOOP("Desktop", "desktop do not disturb (notification server)")
        )
        self._get: DBusGetProperty = (
            get_property if get_property is not None else SessionBus().get_property
        )
        if not isinstance(self._get(*_NOTIFICATIONS), bool):
            self._give_up(
                QT_TRANSLATE_NOOP(
                    "Desktop", "the notification server does not publish a do-not-disturb state"
                )
            )

    def interruption(self) -> str | None:
        """Say "do not disturb" while the notification server holds notifications back."""
        if not self.available:
            return None
        return DO_NOT_DISTURB if self._get(*_NOTIFICATIONS) is True else None


def _read_show_banners(gsettings: str) -> Callable[[], str | None]:
    """A reader running `gsettings get org.gnome.desktop.notifications show-banners`."""

    def read() -> str | None:
        try:
            done = subprocess.run(
                [gsettings, "get", "org.gnome.desktop.notifications", "show-banners"],
                capture_output=True,
                text=True,
                timeout=1.0,
                check=False,
            )
        except (OSError, subprocess.TimeoutExpired):
            return None
        return done.stdout.strip() if done.returncode == 0 else None

    return read


class GnomeDoNotDisturb(ProviderStatus):
    """GNOME's do-not-disturb switch, which turns org.gnome.desktop.notifications show-banners off.

    Read with `gsettings` only when asked -- a process start, fine for a question asked at most
    every 30 seconds, and nothing to keep open between questions.
    """

    def __init__(self, read_show_banners: Callable[[], str | None] | None = None) -> None:
        """Use `read_show_banners` (tests: returns "true"/"false"/None) or `gsettings`."""
        super().__init__(QT_TRANSLATE_NOOP("Desktop", "GNOME do not disturb"))
        self._read: Callable[[], str | None] = _no_setting
        if read_show_banners is not None:
            self._read = read_show_banners
            return
        gsettings = shutil.which("gsettings")
        if gsettings is None:
            self._give_up(QT_TRANSLATE_NOOP("Desktop", "gsettings is not installed"))
        else:
            self._read = _read_show_banners(gsettings)

    def interruption(self) -> str | None:
        """Say "do not disturb" when banners are off; None when on or unreadable."""
        if not self.available:
            return None
        return DO_NOT_DISTURB if self._read() == "false" else None


def _no_setting() -> str | None:
    return None


class CombinedInterruptions:
    """Several sources asked in order; the first that names an interruption wins."""

    def __init__(self, sources: Sequence[InterruptionSource]) -> None:
        self._sources = tuple(sources)

    @property
    def name(self) -> str:
        """The available sources' names, joined; or what would have been asked."""
        names = [source.name for source in self._sources if source.available]
        return " + ".join(names or [source.name for source in self._sources]) or "nothing"

    @property
    def available(self) -> bool:
        """True as soon as one source can tell."""
        return any(source.available for source in self._sources)

    @property
    def reason(self) -> str:
        """Every source's reason, when none can tell; empty otherwise."""
        if self.available:
            return ""
        if not self._sources:
            return QCoreApplication.translate("Desktop", "there is nothing to ask on this desktop")
        return "; ".join(
            f"{provider_name(source.name)}: {source.reason}" for source in self._sources
        )

    @property
    def sources(self) -> tuple[InterruptionSource, ...]:
        """The sources, in the order they are asked (for the settings dialog)."""
        return self._sources

    def interruption(self) -> str | None:
        """The first answer of an available source, or None when none names one."""
        for source in self._sources:
            if source.available:
                answer = source.interruption()
                if answer:
                    return answer
        return None

    def close(self) -> None:
        """Close the sources that hold a connection."""
        for source in self._sources:
            close = getattr(source, "close", None)
            if callable(close):
                close()


def _is_wayland(environ: Mapping[str, str]) -> bool:
    return environ.get("XDG_SESSION_TYPE") == "wayland" or bool(environ.get("WAYLAND_DISPLAY"))


def _is_gnome(environ: Mapping[str, str]) -> bool:
    """GNOME or a desktop built on its settings (Ubuntu's "ubuntu:GNOME", Unity)."""
    desktops = environ.get("XDG_CURRENT_DESKTOP", "").upper().split(":")
    return any(
        desktop in {"GNOME", "UNITY", "GNOME-CLASSIC", "GNOME-FLASHBACK"} for desktop in desktops
    )


def detect_interruption_source(
    platform: str = sys.platform,
    environ: Mapping[str, str] = os.environ,
    *,
    dbus_get_property: DBusGetProperty | None = None,
    read_show_banners: Callable[[], str | None] | None = None,
) -> InterruptionSource:
    """Every interruption check that can work here, combined; `Unavailable` when none can.

    Linux and other Unix: the X11 full-screen check (not on Wayland, where XWayland sees only
    X11 windows), the notification server's do-not-disturb, and GNOME's switch on GNOME.
    The keyword arguments replace the session bus and `gsettings` (tests).
    """
    if platform == "darwin":
        return Unavailable(
            "macOS full screen and Focus", QCoreApplication.translate("Desktop", MACOS_REASON)
        )
    sources: list[InterruptionSource] = []
    if platform == "win32":
        sources.append(WindowsNotificationState())
    else:
        if not _is_wayland(environ):
            sources.append(X11FullScreen(environ.get("DISPLAY", "")))
        sources.append(NotificationsInhibited(dbus_get_property))
        if _is_gnome(environ):
            sources.append(GnomeDoNotDisturb(read_show_banners))
    combined = CombinedInterruptions(sources)
    if combined.available:
        return combined
    return Unavailable("full screen and do not disturb", combined.reason)
