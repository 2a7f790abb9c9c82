"""Desktop notifications with buttons, through org.freedesktop.Notifications.

A reminder card can be answered from its notification ("Start desk break", "Snooze", "Skip"),
which also puts it where the keyboard and a screen reader already go: the desktop's notification
list (GNOME: Super+V), which Orca reads aloud as it arrives. Qt's tray messages have no buttons,
so this speaks the freedesktop protocol itself. It is used only where the notification server
says it shows buttons (its capabilities include "actions": GNOME Shell, KDE Plasma, Xfce,
Cinnamon, MATE, LXQt, dunst, mako); elsewhere (Windows, macOS, notify-osd, no server running)
`show` returns False and the caller falls back to its tray message.

Choices:
- One notification at a time: each new one replaces the last (`replaces_id`), and `withdraw`
  takes it away once the card is answered another way, so no stale buttons linger.
- Only the buttons of our latest notification are reported (`action_invoked`); a button of an
  older one, already answered, is ignored.
- Every call is bounded by a short timeout on the shared session connection; whether the server
  shows buttons is asked (without starting any service) until the answer is yes, so a
  notification server started later is found at the next reminder.
- The server's `uint32` ids need typed arguments, which PySide cannot give a plain method call:
  the calls go through a `QDBusInterface`, built only once the server has answered quickly.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import Q_ARG, Q_RETURN_ARG, SLOT, QMetaObject, QObject, Qt, Signal, Slot
from PySide6.QtDBus import QDBusConnection, QDBusInterface, QDBusMessage

from spinecoach.desktop._qtdbus import DEFAULT_TIMEOUT_MS, SessionBus

__all__ = ["NOTIFICATIONS", "DesktopNotifications"]

log = logging.getLogger(__name__)

# PySide takes the slot as SLOT()'s text, though its stubs say bytes (which it refuses).
_ON_ACTION: Any = SLOT("_on_action(QDBusMessage)")
_ON_CLOSED: Any = SLOT("_on_closed(QDBusMessage)")

#: The freedesktop notification service: (service, object path, interface).
NOTIFICATIONS = (
    "org.freedesktop.Notifications",
    "/org/freedesktop/Notifications",
    "org.freedesktop.Notifications",
)


class DesktopNotifications(QObject):
    """Notifications with buttons on the session bus; see the module docstring.

    Signals:
        action_invoked(str): the person chose a button (its key) on our latest notification;
            "default" is a click on the notification itself.
    """

    action_invoked = Signal(str)

    def __init__(
        self,
        connection: QDBusConnection | None = None,
        *,
        app_name: str = "SpineCoach",
        icon: str = "",
        desktop_entry: str = "",
        timeout_ms: int = DEFAULT_TIMEOUT_MS,
        parent: QObject | None = None,
    ) -> None:
        """Use `connection` (a test's private bus) or, by default, the session bus."""
        super().__init__(parent)
        self._connection = connection
        self._app_name = app_name
        self._icon = icon
        self._hints: dict[str, object] = {"desktop-entry": desktop_entry} if desktop_entry else {}
        self._timeout_ms = timeout_ms
        self._interface: QDBusInterface | None = None
        self._shown = 0  # the id of our notification on screen, 0 for none
        self.reason = "not asked yet"

    @property
    def available(self) -> bool:
        """Whether the server shows buttons (asked again while it does not)."""
        return self._ready() is not None

    def show(self, title: str, text: str, actions: Sequence[tuple[str, str]]) -> bool:
        """Show (or replace) our notification with buttons (key, label); False if not shown."""
        interface = self._ready()
        if interface is None:
            return False
        flat = [part for key, label in actions for part in (key, label)]
        shown = QMetaObject.invokeMethod(
            interface,
            "Notify",
            Qt.ConnectionType.DirectConnection,
            Q_RETURN_ARG("uint"),
            Q_ARG(str, self._app_name),
            Q_ARG("uint", self._shown),
            Q_ARG(str, self._icon),
            Q_ARG(str, title),
            Q_ARG(str, text),
            Q_ARG("QStringList", flat),
            Q_ARG("QVariantMap", self._hints),
            Q_ARG(int, -1),
        )
        if not isinstance(shown, int) or shown <= 0:
            log.info("the notification server did not take the notification")
            return False
        self._shown = shown
        return True

    def withdraw(self) -> None:
        """Take our notification away (the card was answered another way)."""
        shown, self._shown = self._shown, 0
        if shown and self._interface is not None:
            QMetaObject.invokeMethod(
                self._interface,
                "CloseNotification",
                Qt.ConnectionType.DirectConnection,
                Q_ARG("uint", shown),
            )

    def close(self) -> None:
        """Stop listening (quitting); our notification is taken away."""
        self.withdraw()
        bus = self._bus()
        if self._interface is not None and bus is not None:
            service, path, interface = NOTIFICATIONS
            bus.disconnect(service, path, interface, "ActionInvoked", self, _ON_ACTION)
            bus.disconnect(service, path, interface, "NotificationClosed", self, _ON_CLOSED)
        self._interface = None

    # --- internals -----------------------------------------------------------------------------

    def _bus(self) -> QDBusConnection | None:
        if self._connection is None:
            self._connection = QDBusConnection.sessionBus()
        return self._connection if self._connection.isConnected() else None

    def _ready(self) -> QDBusInterface | None:
        """The server's interface, once it has said it shows buttons."""
        if self._interface is not None:
            return self._interface
        bus = self._bus()
        if bus is None:
            self.reason = "there is no session bus"
            return None
        capabilities = SessionBus(bus, timeout_ms=self._timeout_ms).call(
            *NOTIFICATIONS, "GetCapabilities"
        )
        if not isinstance(capabilities, list):
            self.reason = "no notification server is running"
            return None
        if "actions" not in capabilities:
            self.reason = "the notification server shows no buttons"
            return None
        service, path, name = NOTIFICATIONS
        interface = QDBusInterface(service, path, name, bus)
        if not interface.isValid():
            self.reason = "the notification server did not describe itself"
            return None
        interface.setTimeout(self._timeout_ms)
        bus.connect(service, path, name, "ActionInvoked", self, _ON_ACTION)
        bus.connect(service, path, name, "NotificationClosed", self, _ON_CLOSED)
        self._interface = interface
        self.reason = ""
        log.info("reminder notifications carry buttons")
        return interface

    @Slot(QDBusMessage)
    def _on_action(self, message: QDBusMessage) -> None:
        arguments = message.arguments()
        if len(arguments) == 2 and self._shown and arguments[0] == self._shown:
            self.action_invoked.emit(str(arguments[1]))

    @Slot(QDBusMessage)
    def _on_closed(self, message: QDBusMessage) -> None:
        arguments = message.arguments()
        if arguments and arguments[0] == self._shown:
            self._shown = 0
