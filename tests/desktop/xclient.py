"""The test's own X client: plays the person at the keyboard and the window manager.

Xvfb runs without a window manager, so nobody maintains `_NET_ACTIVE_WINDOW` or
`_NET_WM_STATE`; the tests set them the way a window manager would. Input is faked with the
XTEST extension. Written with its own ctypes declarations, independent of the code under test.
"""

from __future__ import annotations

import ctypes
from collections.abc import Sequence

_PROP_MODE_REPLACE = 0
_XA_ATOM = 4
_XA_WINDOW = 33
_CURRENT_SCREEN = -1


def _libraries() -> tuple[ctypes.CDLL, ctypes.CDLL]:
    x11 = ctypes.CDLL("libX11.so.6")
    xtst = ctypes.CDLL("libXtst.so.6")
    display, window = ctypes.c_void_p, ctypes.c_ulong
    x11.XOpenDisplay.argtypes = (ctypes.c_char_p,)
    x11.XOpenDisplay.restype = display
    x11.XCloseDisplay.argtypes = (display,)
    x11.XDefaultRootWindow.argtypes = (display,)
    x11.XDefaultRootWindow.restype = window
    x11.XInternAtom.argtypes = (display, ctypes.c_char_p, ctypes.c_int)
    x11.XInternAtom.restype = ctypes.c_ulong
    x11.XCreateSimpleWindow.argtypes = (
        display,
        window,
        ctypes.c_int,
        ctypes.c_int,
        ctypes.c_uint,
        ctypes.c_uint,
        ctypes.c_uint,
        ctypes.c_ulong,
        ctypes.c_ulong,
    )
    x11.XCreateSimpleWindow.restype = window
    x11.XDestroyWindow.argtypes = (display, window)
    x11.XChangeProperty.argtypes = (
        display,
        window,
        ctypes.c_ulong,
        ctypes.c_ulong,
        ctypes.c_int,
        ctypes.c_int,
        ctypes.c_void_p,
        ctypes.c_int,
    )
    x11.XDeleteProperty.argtypes = (display, window, ctypes.c_ulong)
    x11.XSync.argtypes = (display, ctypes.c_int)
    xtst.XTestFakeMotionEvent.argtypes = (
        display,
        ctypes.c_int,
        ctypes.c_int,
        ctypes.c_int,
        ctypes.c_ulong,
    )
    xtst.XTestFakeMotionEvent.restype = ctypes.c_int
    return x11, xtst


class XClient:
    """One connection to the test's X server, closed by `close`."""

    def __init__(self, display_name: str) -> None:
        self._x11, self._xtst = _libraries()
        pointer = self._x11.XOpenDisplay(display_name.encode())
        assert pointer, f"the test cannot open {display_name}"
        self._display: int = pointer
        self.root: int = self._x11.XDefaultRootWindow(pointer)
        self._moves = 0

    def atom(self, name: str) -> int:
        value: int = self._x11.XInternAtom(self._display, name.encode(), 0)
        return value

    def move_pointer(self) -> None:
        """Fake a mouse movement (to a new place each time) and wait until the server has it."""
        self._moves += 1
        spot = 10 + self._moves % 2 * 20
        assert self._xtst.XTestFakeMotionEvent(self._display, _CURRENT_SCREEN, spot, spot, 0)
        self._x11.XSync(self._display, 0)

    def create_window(self) -> int:
        window: int = self._x11.XCreateSimpleWindow(
            self._display, self.root, 0, 0, 200, 100, 0, 0, 0
        )
        self._x11.XSync(self._display, 0)
        return window

    def destroy_window(self, window: int) -> None:
        self._x11.XDestroyWindow(self._display, window)
        self._x11.XSync(self._display, 0)

    def _set_ids(self, window: int, prop: str, kind: int, values: Sequence[int]) -> None:
        data = (ctypes.c_ulong * max(len(values), 1))(*values)
        self._x11.XChangeProperty(
            self._display,
            window,
            self.atom(prop),
            kind,
            32,
            _PROP_MODE_REPLACE,
            data,
            len(values),
        )
        self._x11.XSync(self._display, 0)

    def set_wm_state(self, window: int, states: Sequence[str]) -> None:
        """Set `_NET_WM_STATE` on `window` as a window manager would."""
        self._set_ids(window, "_NET_WM_STATE", _XA_ATOM, [self.atom(state) for state in states])

    def activate(self, window: int) -> None:
        """Name `window` in the root's `_NET_ACTIVE_WINDOW`, as a window manager would."""
        self._set_ids(self.root, "_NET_ACTIVE_WINDOW", _XA_WINDOW, [window])

    def forget_active_window(self) -> None:
        """Remove `_NET_ACTIVE_WINDOW` from the root, as before any window manager ran."""
        self._x11.XDeleteProperty(self._display, self.root, self.atom("_NET_ACTIVE_WINDOW"))
        self._x11.XSync(self._display, 0)

    def close(self) -> None:
        self._x11.XCloseDisplay(self._display)
