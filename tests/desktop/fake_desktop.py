"""A stand-in desktop on a private session bus, run as its own process by the tests.

It owns GNOME's idle monitor (always 4.2 s idle) and a notification server whose `Inhibited`
property (do-not-disturb) starts True and can be written. A separate process, because a blocking
QtDBus call holds the calling thread (and Python's lock) until the answer comes: a service in
the test process itself could never answer in time.

Usage: python fake_desktop.py BUS_ADDRESS -- prints "ready" once both services are on the bus.
"""

from __future__ import annotations

import sys
from typing import Any

from PySide6.QtCore import ClassInfo, Property, QCoreApplication, QObject, Slot
from PySide6.QtDBus import QDBusConnection

IDLE_MILLISECONDS = 4200

# PySide6's stubs declare ClassInfo without __call__, though it is the documented decorator that
# names a QObject's D-Bus interface.
_class_info: Any = ClassInfo


@_class_info({"D-Bus Interface": "org.gnome.Mutter.IdleMonitor"})
class IdleMonitor(QObject):
    @Slot(result="qulonglong")
    def GetIdletime(self) -> int:
        return IDLE_MILLISECONDS


@_class_info({"D-Bus Interface": "org.freedesktop.Notifications"})
class Notifications(QObject):
    def __init__(self) -> None:
        super().__init__()
        self._inhibited = True

    def _get_inhibited(self) -> bool:
        return self._inhibited

    def _set_inhibited(self, value: bool) -> None:
        self._inhibited = value

    Inhibited = Property(bool, _get_inhibited, _set_inhibited)


def main(address: str) -> int:
    app = QCoreApplication([])
    bus = QDBusConnection.connectToBus(address, "fake-desktop")
    idle, notifications = IdleMonitor(), Notifications()
    options = QDBusConnection.RegisterOption
    registered = (
        bus.registerObject("/org/gnome/Mutter/IdleMonitor/Core", idle, options.ExportAllSlots)
        and bus.registerService("org.gnome.Mutter.IdleMonitor")
        and bus.registerObject(
            "/org/freedesktop/Notifications", notifications, options.ExportAllProperties
        )
        and bus.registerService("org.freedesktop.Notifications")
    )
    print("ready" if registered else "failed", flush=True)
    return app.exec() if registered else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
