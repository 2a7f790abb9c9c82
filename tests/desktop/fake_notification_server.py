"""A notification server on a private session bus, run as its own process by the tests.

It implements what SpineCoach uses of org.freedesktop.Notifications (GetCapabilities, Notify,
CloseNotification, the ActionInvoked and NotificationClosed signals) with the real types (the
ids are uint32), prints each call as a JSON line, and has one method for the test:
`Press(id, key)` emits ActionInvoked as a person choosing that button would, then closes the
notification as servers do.

Usage: python fake_notification_server.py BUS_ADDRESS [--no-actions] -- prints "ready" first.
"""

from __future__ import annotations

import json
import sys
from typing import Any

from PySide6.QtCore import ClassInfo, QCoreApplication, QObject, Signal, Slot
from PySide6.QtDBus import QDBusConnection

# PySide6's stubs declare ClassInfo without __call__, though it is the documented decorator that
# names a QObject's D-Bus interface.
_class_info: Any = ClassInfo
# Its stubs also want types for a signal's arguments; D-Bus needs the names ("uint").
_signal: Any = Signal


def _say(*record: object) -> None:
    print(json.dumps(record), flush=True)


@_class_info({"D-Bus Interface": "org.freedesktop.Notifications"})
class Notifications(QObject):
    ActionInvoked = _signal("uint", str)
    NotificationClosed = _signal("uint", "uint")

    def __init__(self, actions: bool) -> None:
        super().__init__()
        self._actions = actions
        self._next = 1

    @Slot(result="QStringList")
    def GetCapabilities(self) -> list[str]:
        return ["actions", "body"] if self._actions else ["body"]

    @Slot(str, "uint", str, str, str, "QStringList", "QVariantMap", int, result="uint")
    def Notify(
        self,
        app_name: str,
        replaces_id: int,
        icon: str,
        summary: str,
        body: str,
        actions: list[str],
        hints: dict[str, object],
        timeout: int,
    ) -> int:
        shown = replaces_id or self._next
        self._next += 0 if replaces_id else 1
        _say("notify", shown, app_name, replaces_id, summary, body, actions, sorted(hints))
        return shown

    @Slot("uint")
    def CloseNotification(self, shown: int) -> None:
        _say("close", shown)
        self.NotificationClosed.emit(shown, 3)

    @Slot(int, str)
    def Press(self, shown: int, key: str) -> None:
        self.ActionInvoked.emit(shown, key)
        self.NotificationClosed.emit(shown, 2)


def main(address: str, actions: bool) -> int:
    app = QCoreApplication([])
    bus = QDBusConnection.connectToBus(address, "fake-notifications")
    server = Notifications(actions)
    options = QDBusConnection.RegisterOption
    registered = bus.registerObject(
        "/org/freedesktop/Notifications", server, options.ExportAllSlots | options.ExportAllSignals
    ) and bus.registerService("org.freedesktop.Notifications")
    print("ready" if registered else "failed", flush=True)
    return app.exec() if registered else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], "--no-actions" not in sys.argv[2:]))
