"""A minimal ctypes binding to Xlib and the XScreenSaver extension.

Why ctypes: python-xlib is not a dependency, and Qt's own X connection is not ours to use (on
Wayland or the offscreen platform it does not even exist). Each provider opens one private
connection at construction and keeps it; every call then is a single round trip on it.

Xlib's default error handler ends the process on any protocol error -- and asking for a property
of a window that has just closed is one (BadWindow). Every request that names a window we do not
own therefore runs inside `XDisplay.trapping_errors`, which swaps in a handler that only counts.
An I/O error (the X server itself went away) still ends the process: that happens only when the
whole session ends, and Xlib offers no portable way to survive it.
"""

from __future__ import annotations

import contextlib
import ctypes
import ctypes.util
import functools
from collections.abc import Iterator

from spinecoach.core.ui_text import QT_TRANSLATE_NOOP  # Qt-free: this module loads no Qt

__all__ = [
    "ANY_PROPERTY_TYPE",
    "X11Error",
    "XDisplay",
    "XScreenSaverInfo",
    "screensaver_library",
]

ANY_PROPERTY_TYPE = 0
_SUCCESS = 0
_ERROR_HANDLER = ctypes.CFUNCTYPE(ctypes.c_int, ctypes.c_void_p, ctypes.c_void_p)


class X11Error(Exception):
    """The X server cannot be used; the message says why, for a person to read."""


class XScreenSaverInfo(ctypes.Structure):
    """XScreenSaverInfo from <X11/extensions/scrnsaver.h>; `idle` is in milliseconds."""

    _fields_ = (
        ("window", ctypes.c_ulong),
        ("state", ctypes.c_int),
        ("kind", ctypes.c_int),
        ("til_or_since", ctypes.c_ulong),
        ("idle", ctypes.c_ulong),
        ("event_mask", ctypes.c_ulong),
    )


def _load(short_name: str, soname: str) -> ctypes.CDLL:
    """Load a library by its versioned soname, falling back to the linker's search."""
    try:
        return ctypes.CDLL(soname)
    except OSError:
        path = ctypes.util.find_library(short_name)
        if path is None:
            raise X11Error(f"the library {soname} is not installed") from None
        try:
            return ctypes.CDLL(path)
        except OSError as error:
            raise X11Error(f"the library {soname} cannot be loaded ({error})") from None


@functools.cache
def _xlib() -> ctypes.CDLL:
    """libX11 with the signatures declared; loaded once per process."""
    lib = _load("X11", "libX11.so.6")
    display, window, atom = ctypes.c_void_p, ctypes.c_ulong, ctypes.c_ulong
    lib.XOpenDisplay.argtypes = (ctypes.c_char_p,)
    lib.XOpenDisplay.restype = display
    lib.XCloseDisplay.argtypes = (display,)
    lib.XDefaultRootWindow.argtypes = (display,)
    lib.XDefaultRootWindow.restype = window
    lib.XInternAtom.argtypes = (display, ctypes.c_char_p, ctypes.c_int)
    lib.XInternAtom.restype = atom
    lib.XGetWindowProperty.argtypes = (
        display,
        window,
        atom,
        ctypes.c_long,
        ctypes.c_long,
        ctypes.c_int,
        atom,
        ctypes.POINTER(atom),
        ctypes.POINTER(ctypes.c_int),
        ctypes.POINTER(ctypes.c_ulong),
        ctypes.POINTER(ctypes.c_ulong),
        ctypes.POINTER(ctypes.c_void_p),
    )
    lib.XGetWindowProperty.restype = ctypes.c_int
    lib.XFree.argtypes = (ctypes.c_void_p,)
    lib.XSync.argtypes = (display, ctypes.c_int)
    lib.XSetErrorHandler.argtypes = (_ERROR_HANDLER,)
    lib.XSetErrorHandler.restype = ctypes.c_void_p
    return lib


@functools.cache
def screensaver_library() -> ctypes.CDLL:
    """The XScreenSaver client library (libXss) with the signatures declared."""
    lib = _load("Xss", "libXss.so.1")
    display = ctypes.c_void_p
    lib.XScreenSaverQueryExtension.argtypes = (
        display,
        ctypes.POINTER(ctypes.c_int),
        ctypes.POINTER(ctypes.c_int),
    )
    lib.XScreenSaverQueryExtension.restype = ctypes.c_int
    lib.XScreenSaverAllocInfo.argtypes = ()
    lib.XScreenSaverAllocInfo.restype = ctypes.POINTER(XScreenSaverInfo)
    lib.XScreenSaverQueryInfo.argtypes = (
        display,
        ctypes.c_ulong,
        ctypes.POINTER(XScreenSaverInfo),
    )
    lib.XScreenSaverQueryInfo.restype = ctypes.c_int
    return lib


# Filled by the error handler while a trap is in place. A module-level callback object, because
# Xlib keeps only the C pointer: the Python object must outlive every trap.
_trapped_errors: list[int] = []


def _record_error(_display: int | None, _event: int | None) -> int:
    _trapped_errors.append(1)
    return 0


_count_error = _ERROR_HANDLER(_record_error)


class XDisplay:
    """One private connection to an X server, opened at construction and kept until `close`."""

    def __init__(self, display_name: str) -> None:
        if not display_name:
            raise X11Error(
                QT_TRANSLATE_NOOP("Desktop", "there is no X display (DISPLAY is not set)")
            )
        self._lib = _xlib()
        pointer = self._lib.XOpenDisplay(display_name.encode())
        if not pointer:
            raise X11Error(f"the X display {display_name} cannot be opened")
        self._pointer: int | None = pointer
        self.name = display_name
        self.root: int = self._lib.XDefaultRootWindow(pointer)

    @property
    def pointer(self) -> int:
        """The Display* for other X libraries (XScreenSaver); only while open."""
        if self._pointer is None:
            raise X11Error(f"the connection to {self.name} is closed")
        return self._pointer

    @property
    def is_open(self) -> bool:
        """Whether `close` has not been called yet."""
        return self._pointer is not None

    def intern_atom(self, name: str) -> int:
        """The atom for `name`, created on the server when no client has used it yet."""
        atom: int = self._lib.XInternAtom(self.pointer, name.encode(), 0)
        return atom

    @contextlib.contextmanager
    def trapping_errors(self) -> Iterator[list[int]]:
        """Count X protocol errors instead of dying on them; the list is filled on exit.

        The previous handler (Xlib's default, or Qt's) is back in place when the block ends, and
        an XSync first makes sure errors from our requests arrived while ours was installed.
        """
        errors: list[int] = []
        previous = self._lib.XSetErrorHandler(_count_error)
        try:
            yield errors
        finally:
            self._lib.XSync(self.pointer, 0)
            errors.extend(_trapped_errors)
            _trapped_errors.clear()
            self._lib.XSetErrorHandler(_ERROR_HANDLER(previous) if previous else None)

    @contextlib.contextmanager
    def _property(
        self, window: int, prop: int, max_longs: int
    ) -> Iterator[tuple[int, int, ctypes.c_void_p] | None]:
        """A window property as (format, item count, data), None if unset or unreadable.

        The data is freed when the block ends; a BadWindow (the window just closed) is trapped.
        """
        actual_type = ctypes.c_ulong()
        actual_format = ctypes.c_int()
        count = ctypes.c_ulong()
        remaining = ctypes.c_ulong()
        data = ctypes.c_void_p()
        with self.trapping_errors() as errors:
            status = self._lib.XGetWindowProperty(
                self.pointer,
                window,
                prop,
                0,
                max_longs,
                0,
                ANY_PROPERTY_TYPE,
                ctypes.byref(actual_type),
                ctypes.byref(actual_format),
                ctypes.byref(count),
                ctypes.byref(remaining),
                ctypes.byref(data),
            )
        try:
            if errors or status != _SUCCESS or not data.value:
                yield None
            else:
                yield actual_format.value, count.value, data
        finally:
            if data.value:
                self._lib.XFree(data)

    def window_property(self, window: int, prop: int, max_items: int) -> list[int] | None:
        """The 32-bit items of a window property (ids, atoms), or None if unset or unreadable."""
        with self._property(window, prop, max_items) as found:
            if found is None or found[0] != 32:
                return None
            _, count, data = found
            # Format 32 arrives as an array of C longs, whatever the platform's long size.
            items = ctypes.cast(data, ctypes.POINTER(ctypes.c_ulong))
            return [items[index] for index in range(count)]

    def window_bytes(self, window: int, prop: int, max_bytes: int = 4096) -> bytes | None:
        """The bytes of an 8-bit window property (a title, WM_CLASS), None if unset or unreadable.

        Decoding is the caller's: the encoding depends on the property (`_NET_WM_NAME` is UTF-8,
        `WM_NAME` and `WM_CLASS` Latin-1). Longer values are cut at `max_bytes`.
        """
        with self._property(window, prop, (max_bytes + 3) // 4) as found:
            if found is None or found[0] != 8:
                return None
            _, count, data = found
            return ctypes.string_at(data, min(count, max_bytes))

    def free(self, pointer: object) -> None:
        """XFree memory that Xlib or one of its extensions allocated for us."""
        self._lib.XFree(pointer)

    def close(self) -> None:
        """Close the connection; further calls raise X11Error. Safe to call twice."""
        if self._pointer is not None:
            self._lib.XCloseDisplay(self._pointer)
            self._pointer = None
