"""Apps and windows of the person's choice: reminders wait while one of them is in front.

The person lists names ("zoom", "teams", "Impress"); while the active window's class or title
contains one of them, `ActiveWindowMatch.interruption` answers that name as the person typed
it. Matching ignores case and the spaces around a name; a class or title is enough because
people know a program by either (X11's WM_CLASS "zoom", a window titled "Impress - talk.odp").

Reading the window in front is the platform's part, a small `WindowReader`: X11 (the window
manager's `_NET_ACTIVE_WINDOW`, then WM_CLASS and the title) and Windows (GetForegroundWindow).
Wayland and macOS do not let other programs see it, so the provider says why it cannot answer.
Like the other interruption sources it decides availability once, at construction, is asked
only while a reminder waits, and never raises; the names change while it runs (`set_patterns`).
"""

from __future__ import annotations

import ctypes
import os
import sys
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Protocol

from spinecoach.core.ui_text import QT_TRANSLATE_NOOP
from spinecoach.desktop._status import ProviderStatus
from spinecoach.desktop._xlib import X11Error, XDisplay

__all__ = [
    "MACOS_WINDOW_REASON",
    "WAYLAND_WINDOW_REASON",
    "ActiveWindow",
    "ActiveWindowMatch",
    "WindowReader",
    "WindowsForegroundWindow",
    "X11ActiveWindow",
    "detect_active_window_source",
]

WAYLAND_WINDOW_REASON = QT_TRANSLATE_NOOP(
    "Desktop", "Wayland does not let SpineCoach see which window is in front"
)
MACOS_WINDOW_REASON = QT_TRANSLATE_NOOP(
    "Desktop", "SpineCoach cannot yet tell on macOS which window is in front"
)


@dataclass(frozen=True, slots=True)
class ActiveWindow:
    """The window in front: its class names (X11: instance and class) and its title."""

    classes: tuple[str, ...]
    title: str


class WindowReader(Protocol):
    """Tells which window is in front, for one platform (tests: a fake)."""

    def active_window(self) -> ActiveWindow | None:
        """The window in front, or None when there is none or it cannot be read just now."""
        ...

    def close(self) -> None:
        """Let go of what the reader holds (a display connection)."""
        ...


class X11ActiveWindow:
    """The active window as the X11 window manager names it (EWMH `_NET_ACTIVE_WINDOW`).

    One private X connection, opened here (X11Error says why it cannot be) and kept until
    `close`. Without an EWMH window manager the root names no window and the answer is None.
    """

    def __init__(self, display_name: str) -> None:
        self._display = XDisplay(display_name)
        atom = self._display.intern_atom
        self._active = atom("_NET_ACTIVE_WINDOW")
        self._wm_class = atom("WM_CLASS")
        self._net_name = atom("_NET_WM_NAME")
        self._wm_name = atom("WM_NAME")

    def active_window(self) -> ActiveWindow | None:
        """The active window's WM_CLASS strings and title; None when none is active or closed."""
        display = self._display
        if not display.is_open:
            return None
        active = display.window_property(display.root, self._active, 1)
        if not active or not active[0]:
            return None
        window = active[0]
        # A window closing between these requests makes them answer None (BadWindow trapped).
        raw_class = display.window_bytes(window, self._wm_class) or b""
        classes = tuple(part.decode("latin-1") for part in raw_class.split(b"\0") if part)
        net_name = display.window_bytes(window, self._net_name)  # UTF8_STRING
        if net_name is not None:
            title = net_name.decode("utf-8", "replace")
        else:  # STRING (Latin-1); COMPOUND_TEXT keeps at least its ASCII readable this way
            title = (display.window_bytes(window, self._wm_name) or b"").decode("latin-1")
        return ActiveWindow(classes, title)

    def close(self) -> None:
        """Close the X connection; the reader then answers None. Safe to call twice."""
        self._display.close()


class WindowsForegroundWindow:
    """The foreground window's class name and title (user32 through ctypes).

    Windows class names are mostly technical ("Chrome_WidgetWin_1"), so on Windows it is the
    title that usually matches ("Zoom Meeting", "... | Microsoft Teams").
    """

    def __init__(self, user32: Any = None) -> None:
        """Use `user32` (tests: a fake with the three calls) or the real one; OSError elsewhere."""
        if user32 is None:
            windll: Any = getattr(ctypes, "windll", None)
            if windll is None:
                raise OSError("this is not Windows (no user32.dll)")
            user32 = windll.user32
            user32.GetForegroundWindow.argtypes = ()
            user32.GetForegroundWindow.restype = ctypes.c_void_p
            for function in (user32.GetWindowTextW, user32.GetClassNameW):
                function.argtypes = (ctypes.c_void_p, ctypes.c_wchar_p, ctypes.c_int)
                function.restype = ctypes.c_int
        self._user32 = user32

    def active_window(self) -> ActiveWindow | None:
        """The foreground window, or None while there is none (switching, locked)."""
        window = self._user32.GetForegroundWindow()
        if not window:
            return None
        title = ctypes.create_unicode_buffer(512)
        self._user32.GetWindowTextW(window, title, len(title))
        class_name = ctypes.create_unicode_buffer(256)
        self._user32.GetClassNameW(window, class_name, len(class_name))
        classes = (class_name.value,) if class_name.value else ()
        return ActiveWindow(classes, title.value)

    def close(self) -> None:
        """Nothing is held."""


class ActiveWindowMatch(ProviderStatus):
    """Busy while the window in front has one of the person's names in its class or title.

    With no names it answers None but stays available: the list may be filled while it runs.
    """

    def __init__(
        self, patterns: Sequence[str], reader: WindowReader | None = None, *, reason: str = ""
    ) -> None:
        """Match `patterns` with `reader`; without a reader, unavailable because of `reason`."""
        super().__init__(QT_TRANSLATE_NOOP("Desktop", "apps and windows of your choice"))
        self._reader = reader
        self._patterns: tuple[tuple[str, str], ...] = ()
        self.set_patterns(patterns)
        if reader is None:
            self._give_up(
                reason
                or QT_TRANSLATE_NOOP(
                    "Desktop", "nothing on this desktop tells which window is in front"
                )
            )

    @property
    def patterns(self) -> tuple[str, ...]:
        """The names in use, trimmed, empty ones left out."""
        return tuple(typed for typed, _ in self._patterns)

    def set_patterns(self, patterns: Sequence[str]) -> None:
        """Match these names from now on (the setting changed); an empty list matches nothing."""
        trimmed = (pattern.strip() for pattern in patterns)
        self._patterns = tuple((typed, typed.casefold()) for typed in trimmed if typed)

    def interruption(self) -> str | None:
        """The first of the names the window in front carries, as typed; None when none."""
        if self._reader is None or not self._patterns:
            return None
        try:
            window = self._reader.active_window()
        except (OSError, X11Error):  # a closed display, a failing call: cannot tell just now
            return None
        if window is None:
            return None
        texts = [text.casefold() for text in (*window.classes, window.title) if text]
        for typed, key in self._patterns:
            if any(key in text for text in texts):
                return typed
        return None

    def close(self) -> None:
        """Let go of the reader's connection; the provider then answers None."""
        if self._reader is not None:
            self._reader.close()


def _is_wayland(environ: Mapping[str, str]) -> bool:
    return environ.get("XDG_SESSION_TYPE") == "wayland" or bool(environ.get("WAYLAND_DISPLAY"))


def detect_active_window_source(
    patterns: Sequence[str] = (),
    platform: str = sys.platform,
    environ: Mapping[str, str] = os.environ,
    *,
    user32: Any = None,
) -> ActiveWindowMatch:
    """The window matcher for this desktop; unavailable, with the reason, where none works.

    X11 on Linux and other Unix (not under Wayland: XWayland sees only X11 windows, so most
    windows in front would go unseen), user32 on Windows (`user32` replaces it in tests).
    """
    if platform == "darwin":
        return ActiveWindowMatch(patterns, reason=MACOS_WINDOW_REASON)
    reader: WindowReader
    try:
        if platform == "win32":
            reader = WindowsForegroundWindow(user32)
        elif _is_wayland(environ):
            return ActiveWindowMatch(patterns, reason=WAYLAND_WINDOW_REASON)
        else:
            reader = X11ActiveWindow(environ.get("DISPLAY", ""))
    except (OSError, X11Error) as error:
        return ActiveWindowMatch(patterns, reason=str(error))
    return ActiveWindowMatch(patterns, reader)
