"""Blocking calls on the D-Bus session bus through QtDBus, each bounded by a short timeout.

The providers never talk to QtDBus directly: they take a small callable
`(service, path, interface, method) -> value | None`, so unit tests hand them a fake and only
this module needs a bus. `SessionBus.call` is the real one.

Design choices:
- The shared session connection (`QDBusConnection.sessionBus()`) is looked up once and reused;
  no connection is opened per call.
- `QDBus.CallMode.Block` waits without running an event loop, so no Qt event (a timer, a click)
  is delivered in the middle of a provider call.
- Messages are sent with auto-start off: asking whether the person is idle must never launch a
  desktop service that happened to be installed but not running.
- Any failure (no bus, no such service, error reply, timeout) is None; nothing is logged here,
  so a provider polled every few seconds cannot flood the log.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtDBus import QDBusConnection

__all__ = ["DEFAULT_TIMEOUT_MS", "DBusCall", "DBusGetProperty", "SessionBus"]

DBusCall = Callable[[str, str, str, str], object | None]
"""(service, path, interface, method) -> the reply's first value, or None when nobody answered."""

DBusGetProperty = Callable[[str, str, str, str], object | None]
"""(service, path, interface, property) -> the property's value, or None when unreadable."""

# A healthy desktop service answers in well under a millisecond; this only bounds how long a hung
# one can freeze the caller.
DEFAULT_TIMEOUT_MS = 250

_PROPERTIES_INTERFACE = "org.freedesktop.DBus.Properties"


class SessionBus:
    """The default D-Bus caller: the session bus through QtDBus."""

    def __init__(
        self, connection: QDBusConnection | None = None, *, timeout_ms: int = DEFAULT_TIMEOUT_MS
    ) -> None:
        """Use `connection` (a test's private bus) or, by default, the desktop's session bus."""
        self._connection = connection
        self._timeout_ms = timeout_ms

    def _bus(self) -> QDBusConnection | None:
        if self._connection is None:
            from PySide6.QtDBus import QDBusConnection

            self._connection = QDBusConnection.sessionBus()
        return self._connection if self._connection.isConnected() else None

    def call(
        self, service: str, path: str, interface: str, method: str, *args: object
    ) -> object | None:
        """Call `method` and return the reply's first value; None on any failure."""
        from PySide6.QtDBus import QDBus, QDBusMessage, QDBusVariant

        bus = self._bus()
        if bus is None:
            return None
        message = QDBusMessage.createMethodCall(service, path, interface, method)
        message.setAutoStartService(False)
        if args:
            message.setArguments(list(args))
        reply = bus.call(message, QDBus.CallMode.Block, self._timeout_ms)
        if reply.type() != QDBusMessage.MessageType.ReplyMessage:
            return None
        values = reply.arguments()
        if not values:
            return None
        value: object = values[0]
        # Properties.Get answers with a variant; callers want what is inside.
        return value.variant() if isinstance(value, QDBusVariant) else value

    def get_property(self, service: str, path: str, interface: str, name: str) -> object | None:
        """Read one property through org.freedesktop.DBus.Properties.Get; None on failure."""
        return self.call(service, path, _PROPERTIES_INTERFACE, "Get", interface, name)
