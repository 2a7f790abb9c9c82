"""How long the person has not touched keyboard or mouse, one provider per platform.

Each class satisfies `spinecoach.core.presence.IdleSource`. They are asked every few seconds
while a reminder interval runs, so `idle_seconds` must be cheap: everything costly (loading a
library, opening the X display, probing which D-Bus service answers) happens once, in the
constructor, and a provider that cannot work says so through `available` and `reason` instead
of failing later. `idle_seconds` never raises; None means "cannot tell just now".

The operating-system calls are injectable (a D-Bus caller, the two Windows clock functions, the
macOS IOKit reader), so the arithmetic is tested on any machine with fakes.
"""

from __future__ import annotations

import ctypes
import os
import sys
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QCoreApplication

from spinecoach.core.presence import IdleSource, Unavailable
from spinecoach.core.ui_text import QT_TRANSLATE_NOOP
from spinecoach.desktop._qtdbus import DBusCall, SessionBus
from spinecoach.desktop._status import ProviderStatus, provider_name
from spinecoach.desktop._xlib import X11Error, XDisplay, XScreenSaverInfo, screensaver_library

__all__ = [
    "DBusIdle",
    "MacIdle",
    "WindowsIdle",
    "X11Idle",
    "detect_idle_source",
]


class X11Idle(ProviderStatus):
    """Idle time from the X server's MIT-SCREEN-SAVER extension (what xprintidle reads).

    Only for X11 sessions: under XWayland the X server sees input only while an X11 window has
    focus, so it would call a person typing in a Wayland window idle.
    """

    def __init__(self, display_name: str | None = None) -> None:
        """Open `display_name` (default: $DISPLAY; "" means no display) and keep it open."""
        super().__init__(QT_TRANSLATE_NOOP("Desktop", "X11 screen saver"))
        self._display: XDisplay | None = None
        self._xss: ctypes.CDLL | None = None
        self._info: Any = None  # ctypes pointer to the XScreenSaverInfo libXss allocated
        name = os.environ.get("DISPLAY", "") if display_name is None else display_name
        try:
            self._open(name)
        except X11Error as error:
            self.close()
            self._give_up(str(error))

    def _open(self, display_name: str) -> None:
        self._xss = screensaver_library()
        self._display = XDisplay(display_name)
        event_base, error_base = ctypes.c_int(), ctypes.c_int()
        if not self._xss.XScreenSaverQueryExtension(
            self._display.pointer, ctypes.byref(event_base), ctypes.byref(error_base)
        ):
            raise X11Error(f"the X server on {display_name} lacks the screen saver extension")
        self._info = self._xss.XScreenSaverAllocInfo()
        if not self._info:
            raise X11Error(
                QT_TRANSLATE_NOOP(
                    "Desktop", "the X screen saver extension could not allocate its record"
                )
            )

    def idle_seconds(self) -> float | None:
        """Milliseconds since the last input event on any device, as seconds."""
        display, xss = self._display, self._xss
        if not self._info or xss is None or display is None or not display.is_open:
            return None
        if not xss.XScreenSaverQueryInfo(display.pointer, display.root, self._info):
            return None
        info: XScreenSaverInfo = self._info.contents
        return float(info.idle) / 1000.0

    def close(self) -> None:
        """Free the record and close the display; the provider then answers None."""
        display = self._display
        if display is not None:
            if self._info:
                display.free(self._info)
            display.close()
        self._info = None


@dataclass(frozen=True, slots=True)
class _IdleService:
    """One D-Bus method that answers with the session's idle time in milliseconds."""

    label: str
    service: str
    path: str
    interface: str
    method: str


# Asked in this order; the first that answers with a number is kept.
#
# Units: Mutter's GetIdletime (also served by gnome-flashback) passes on
# meta_idle_monitor_get_idletime(), documented as milliseconds. For GetSessionIdleTime on
# org.freedesktop.ScreenSaver the introspection data names the result "seconds", but the
# implementation that actually answers it -- KDE's ksmserver/kscreenlocker, which registers both
# /ScreenSaver and /org/freedesktop/ScreenSaver -- returns KIdleTime::idleTime(), which is
# milliseconds; gajim and the Rust user-idle crates read it as milliseconds too. The services
# that do count in seconds (gnome-screensaver, cinnamon and MATE screensavers) answer under their
# own names (org.gnome.ScreenSaver, ...), which are not asked here. On Plasma Wayland KDE answers
# GetSessionIdleTime with a NotSupported error, so this provider is then unavailable -- honest.
_DBUS_IDLE_SERVICES = (
    _IdleService(
        "GNOME Mutter",
        "org.gnome.Mutter.IdleMonitor",
        "/org/gnome/Mutter/IdleMonitor/Core",
        "org.gnome.Mutter.IdleMonitor",
        "GetIdletime",
    ),
    _IdleService(
        "freedesktop screen saver",
        "org.freedesktop.ScreenSaver",
        "/org/freedesktop/ScreenSaver",
        "org.freedesktop.ScreenSaver",
        "GetSessionIdleTime",
    ),
    _IdleService(
        "freedesktop screen saver",
        "org.freedesktop.ScreenSaver",
        "/ScreenSaver",
        "org.freedesktop.ScreenSaver",
        "GetSessionIdleTime",
    ),
)


def _milliseconds(value: object) -> float | None:
    """A D-Bus answer as milliseconds, or None when it is not a sensible count."""
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        return None
    return float(value)


class DBusIdle(ProviderStatus):
    """Idle time from the desktop over D-Bus: GNOME (also on Wayland), KDE on X11."""

    def __init__(self, call: DBusCall | None = None) -> None:
        """Probe once which service answers; `call` defaults to the real session bus."""
        super().__init__(QT_TRANSLATE_NOOP("Desktop", "D-Bus idle monitor"))
        self._call: DBusCall = call if call is not None else SessionBus().call
        self._service: _IdleService | None = None
        for service in _DBUS_IDLE_SERVICES:
            if _milliseconds(self._ask(service)) is not None:
                self._service = service
                self._name = f"D-Bus idle monitor ({service.label})"
                return
        self._give_up(
            QT_TRANSLATE_NOOP(
                "Desktop",
                "no desktop service on the session bus reports idle time "
                "(asked GNOME Mutter and org.freedesktop.ScreenSaver)",
            )
        )

    def _ask(self, service: _IdleService) -> object | None:
        return self._call(service.service, service.path, service.interface, service.method)

    def idle_seconds(self) -> float | None:
        """Ask the service found at construction; None if it stopped answering."""
        if self._service is None:
            return None
        milliseconds = _milliseconds(self._ask(self._service))
        return None if milliseconds is None else milliseconds / 1000.0


_TICK_MODULUS = 1 << 32


class WindowsIdle(ProviderStatus):
    """Idle time on Windows: GetTickCount64 minus GetLastInputInfo's tick, in milliseconds.

    LASTINPUTINFO.dwTime is a 32-bit tick count, so it wraps every 49.7 days of uptime; the
    difference from GetTickCount64 taken modulo 2**32 stays right across the wrap (for idle
    periods shorter than 49.7 days, which is all that matters here).
    """

    def __init__(
        self,
        last_input_tick: Callable[[], int | None] | None = None,
        tick_count: Callable[[], int] | None = None,
    ) -> None:
        """Use the given clock functions (tests) or the real user32/kernel32 ones."""
        super().__init__(QT_TRANSLATE_NOOP("Desktop", "Windows last input"))
        if last_input_tick is not None and tick_count is not None:
            self._last_input_tick, self._tick_count = last_input_tick, tick_count
            return
        self._last_input_tick, self._tick_count = _no_reading, _no_ticks
        try:
            self._last_input_tick, self._tick_count = _windows_clock()
        except OSError as error:
            self._give_up(str(error))

    def idle_seconds(self) -> float | None:
        """Milliseconds since the last input, across the 32-bit tick wrap, as seconds."""
        if not self.available:
            return None
        last = self._last_input_tick()
        if last is None:
            return None
        # Modulo 2**32, the 64-bit "now" minus the 32-bit tick is the wrapped difference.
        return float((self._tick_count() - last) % _TICK_MODULUS) / 1000.0


def _no_reading() -> int | None:
    return None


def _no_ticks() -> int:
    return 0


def _windows_clock() -> tuple[Callable[[], int | None], Callable[[], int]]:
    """GetLastInputInfo and GetTickCount64 through ctypes; OSError when not on Windows."""
    windll: Any = getattr(ctypes, "windll", None)
    if windll is None:
        raise OSError("this is not Windows (no user32.dll)")

    class LastInputInfo(ctypes.Structure):
        _fields_ = (("cbSize", ctypes.c_uint), ("dwTime", ctypes.c_uint32))

    user32, kernel32 = windll.user32, windll.kernel32
    user32.GetLastInputInfo.argtypes = (ctypes.POINTER(LastInputInfo),)
    user32.GetLastInputInfo.restype = ctypes.c_int
    kernel32.GetTickCount64.argtypes = ()
    kernel32.GetTickCount64.restype = ctypes.c_uint64
    record = LastInputInfo(cbSize=ctypes.sizeof(LastInputInfo))  # reused: no allocation per call

    def last_input_tick() -> int | None:
        if not user32.GetLastInputInfo(ctypes.byref(record)):
            return None
        return int(record.dwTime)

    def tick_count() -> int:
        return int(kernel32.GetTickCount64())

    return last_input_tick, tick_count


_NANOSECONDS = 1_000_000_000


class MacIdle(ProviderStatus):
    """Idle time on macOS: IOKit's IOHIDSystem publishes HIDIdleTime in nanoseconds."""

    def __init__(self, read_idle_ns: Callable[[], int | None] | None = None) -> None:
        """Use `read_idle_ns` (tests) or look up IOHIDSystem once through IOKit."""
        super().__init__(QT_TRANSLATE_NOOP("Desktop", "macOS HID idle time"))
        self._reader: _IOKitIdleReader | None = None
        self._read: Callable[[], int | None] = _no_reading
        if read_idle_ns is not None:
            self._read = read_idle_ns
            return
        try:
            self._reader = _IOKitIdleReader()
        except OSError as error:
            self._give_up(str(error))
        else:
            self._read = self._reader.read

    def idle_seconds(self) -> float | None:
        """HIDIdleTime as seconds; None when IOKit did not answer."""
        if not self.available:
            return None
        nanoseconds = self._read()
        if nanoseconds is None or nanoseconds < 0:
            return None
        return nanoseconds / _NANOSECONDS

    def close(self) -> None:
        """Release the IOKit service handle."""
        if self._reader is not None:
            self._reader.close()
            self._reader = None
            self._read = _no_reading


_IOKIT = "/System/Library/Frameworks/IOKit.framework/IOKit"
_CORE_FOUNDATION = "/System/Library/Frameworks/CoreFoundation.framework/CoreFoundation"
_CF_STRING_ENCODING_UTF8 = 0x08000100
_CF_NUMBER_SINT64 = 4


class _CFRange(ctypes.Structure):
    _fields_ = (("location", ctypes.c_long), ("length", ctypes.c_long))


class _IOKitIdleReader:
    """The IOHIDSystem service and the "HIDIdleTime" key, looked up once; one read per call."""

    def __init__(self) -> None:
        try:
            iokit = ctypes.CDLL(_IOKIT)
            cf = ctypes.CDLL(_CORE_FOUNDATION)
        except OSError:
            raise OSError("IOKit is not available (this is not macOS)") from None
        iokit.IOServiceMatching.argtypes = (ctypes.c_char_p,)
        iokit.IOServiceMatching.restype = ctypes.c_void_p
        iokit.IOServiceGetMatchingService.argtypes = (ctypes.c_uint32, ctypes.c_void_p)
        iokit.IOServiceGetMatchingService.restype = ctypes.c_uint32
        iokit.IORegistryEntryCreateCFProperty.argtypes = (
            ctypes.c_uint32,
            ctypes.c_void_p,
            ctypes.c_void_p,
            ctypes.c_uint32,
        )
        iokit.IORegistryEntryCreateCFProperty.restype = ctypes.c_void_p
        iokit.IOObjectRelease.argtypes = (ctypes.c_uint32,)
        cf.CFStringCreateWithCString.argtypes = (ctypes.c_void_p, ctypes.c_char_p, ctypes.c_uint32)
        cf.CFStringCreateWithCString.restype = ctypes.c_void_p
        cf.CFGetTypeID.argtypes = (ctypes.c_void_p,)
        cf.CFGetTypeID.restype = ctypes.c_ulong
        cf.CFNumberGetTypeID.restype = ctypes.c_ulong
        cf.CFDataGetTypeID.restype = ctypes.c_ulong
        cf.CFNumberGetValue.argtypes = (ctypes.c_void_p, ctypes.c_long, ctypes.c_void_p)
        cf.CFNumberGetValue.restype = ctypes.c_bool
        cf.CFDataGetLength.argtypes = (ctypes.c_void_p,)
        cf.CFDataGetLength.restype = ctypes.c_long
        cf.CFDataGetBytes.argtypes = (ctypes.c_void_p, _CFRange, ctypes.c_void_p)
        cf.CFRelease.argtypes = (ctypes.c_void_p,)
        # The matching dictionary is consumed by IOServiceGetMatchingService; port 0 is the
        # default main port (kIOMainPortDefault / kIOMasterPortDefault).
        service = iokit.IOServiceGetMatchingService(0, iokit.IOServiceMatching(b"IOHIDSystem"))
        if not service:
            raise OSError("IOKit has no IOHIDSystem service")
        self._iokit, self._cf, self._service = iokit, cf, service
        self._key = cf.CFStringCreateWithCString(None, b"HIDIdleTime", _CF_STRING_ENCODING_UTF8)
        self._number_type = cf.CFNumberGetTypeID()
        self._data_type = cf.CFDataGetTypeID()

    def read(self) -> int | None:
        """HIDIdleTime in nanoseconds: a CFNumber on current macOS, 8 raw bytes on old ones."""
        if not self._service:
            return None
        value = self._iokit.IORegistryEntryCreateCFProperty(self._service, self._key, None, 0)
        if not value:
            return None
        try:
            result = ctypes.c_int64()
            kind = self._cf.CFGetTypeID(value)
            if kind == self._number_type:
                ok = self._cf.CFNumberGetValue(value, _CF_NUMBER_SINT64, ctypes.byref(result))
                return int(result.value) if ok else None
            if kind == self._data_type and self._cf.CFDataGetLength(value) == 8:
                self._cf.CFDataGetBytes(value, _CFRange(0, 8), ctypes.byref(result))
                return int(result.value)
            return None
        finally:
            self._cf.CFRelease(value)

    def close(self) -> None:
        if self._service:
            self._iokit.IOObjectRelease(self._service)
            self._cf.CFRelease(self._key)
            self._service = 0


def _is_wayland(environ: Mapping[str, str]) -> bool:
    return environ.get("XDG_SESSION_TYPE") == "wayland" or bool(environ.get("WAYLAND_DISPLAY"))


def detect_idle_source(
    platform: str = sys.platform,
    environ: Mapping[str, str] = os.environ,
    *,
    dbus_call: DBusCall | None = None,
) -> IdleSource:
    """The best idle provider that works here, or `Unavailable` saying what was tried.

    Wayland: only the desktop's D-Bus monitor (XWayland's screen saver would miss input to
    Wayland windows). X11: the XScreenSaver extension, then D-Bus. Windows and macOS: their own
    clock. `dbus_call` replaces the session bus (tests).
    """
    if platform == "win32":
        candidates: list[Callable[[], IdleSource]] = [WindowsIdle]
    elif platform == "darwin":
        candidates = [MacIdle]
    elif _is_wayland(environ):
        candidates = [lambda: DBusIdle(dbus_call)]
    else:
        candidates = [lambda: X11Idle(environ.get("DISPLAY", "")), lambda: DBusIdle(dbus_call)]
    tried: list[IdleSource] = []
    for make in candidates:
        source = make()
        if source.available:
            return source
        tried.append(source)
    reasons = "; ".join(f"{provider_name(source.name)}: {source.reason}" for source in tried)
    return Unavailable(
        "idle time",
        QCoreApplication.translate(
            "Desktop", "SpineCoach cannot see when you are away ({reasons})"
        ).format(reasons=reasons),
    )
