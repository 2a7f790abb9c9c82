"""Notifications with buttons, spoken to a real notification server on a private session bus."""

from __future__ import annotations

import json
import os
import select
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtDBus import QDBusConnection, QDBusMessage
from pytestqt.qtbot import QtBot

from spinecoach.desktop.notifications import NOTIFICATIONS, DesktopNotifications

READY_TIMEOUT_S = 5.0
BUTTONS = (("default", "Answer the reminder"), ("desk-break", "Start desk break"))


class FakeServer:
    """The fake server's process and what it printed, one call a line."""

    def __init__(self, bus: str, *, actions: bool) -> None:
        script = Path(__file__).with_name("fake_notification_server.py")
        self.process = subprocess.Popen(
            [sys.executable, str(script), bus, *([] if actions else ["--no-actions"])],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            env={**os.environ, "QT_QPA_PLATFORM": "offscreen", "DBUS_SESSION_BUS_ADDRESS": ""},
        )
        assert self.process.stdout is not None
        self._out = self.process.stdout
        self._buffer = b""
        assert self.line() == "ready"

    def line(self) -> str:
        """The next line printed, waiting at most READY_TIMEOUT_S."""
        deadline = time.monotonic() + READY_TIMEOUT_S
        while b"\n" not in self._buffer:
            left = deadline - time.monotonic()
            readable, _, _ = select.select([self._out.fileno()], [], [], max(left, 0.0))
            if not readable:
                pytest.fail("the fake notification server said nothing")
            chunk = os.read(self._out.fileno(), 4096)
            if not chunk:
                pytest.fail(f"the fake notification server exited ({self.process.poll()})")
            self._buffer += chunk
        line, self._buffer = self._buffer.split(b"\n", 1)
        return line.decode()

    def record(self) -> list[object]:
        value = json.loads(self.line())
        assert isinstance(value, list)
        return value

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=READY_TIMEOUT_S)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        self._out.close()


@pytest.fixture
def connection(session_bus: str) -> Iterator[QDBusConnection]:
    name = "spinecoach-test-notifications"
    yield QDBusConnection.connectToBus(session_bus, name)
    QDBusConnection.disconnectFromBus(name)


@pytest.fixture
def server(session_bus: str) -> Iterator[FakeServer]:
    running = FakeServer(session_bus, actions=True)
    yield running
    running.stop()


def press(connection: QDBusConnection, shown: int, key: str) -> None:
    """What a person choosing a button does (the fake server's own method)."""
    message = QDBusMessage.createMethodCall(*NOTIFICATIONS, "Press")
    message.setArguments([shown, key])
    connection.send(message)


def test_buttons_reach_the_server_and_a_chosen_one_comes_back(
    qtbot: QtBot, server: FakeServer, connection: QDBusConnection
) -> None:
    notes = DesktopNotifications(connection, icon="/x/spinecoach.svg", desktop_entry="io.x.App")
    try:
        assert notes.available, notes.reason
        assert notes.show("Time to stand up", "You have been sitting.", BUTTONS)
        assert server.record() == [
            "notify",
            1,
            "SpineCoach",
            0,
            "Time to stand up",
            "You have been sitting.",
            ["default", "Answer the reminder", "desk-break", "Start desk break"],
            ["desktop-entry"],
        ]
        with qtbot.waitSignal(notes.action_invoked, timeout=3000) as chosen:
            press(connection, 1, "desk-break")
        assert chosen.args == ["desk-break"]
    finally:
        notes.close()


def test_a_new_notification_replaces_the_last_and_withdraw_takes_it_away(
    qtbot: QtBot, server: FakeServer, connection: QDBusConnection
) -> None:
    notes = DesktopNotifications(connection)
    try:
        assert notes.show("First", "one", BUTTONS)
        assert server.record()[:4] == ["notify", 1, "SpineCoach", 0]
        assert notes.show("Second", "two", BUTTONS)
        assert server.record()[:4] == ["notify", 1, "SpineCoach", 1]  # replaced, not stacked
        notes.withdraw()
        assert server.record() == ["close", 1]
        notes.withdraw()  # nothing shown: nothing sent
        assert notes.show("Third", "three", BUTTONS)
        record = server.record()
        assert record[0] == "notify" and record[3] == 0
    finally:
        notes.close()


def test_a_button_of_an_older_notification_is_ignored(
    qtbot: QtBot, server: FakeServer, connection: QDBusConnection
) -> None:
    notes = DesktopNotifications(connection)
    heard: list[str] = []
    notes.action_invoked.connect(heard.append)
    try:
        assert notes.show("First", "one", BUTTONS)
        server.record()
        notes.withdraw()
        server.record()
        assert notes.show("Second", "two", BUTTONS)
        second = server.record()[1]
        assert isinstance(second, int) and second != 1
        press(connection, 1, "desk-break")  # the withdrawn one
        with qtbot.waitSignal(notes.action_invoked, timeout=3000):
            press(connection, second, "default")
        assert heard == ["default"]
    finally:
        notes.close()


def test_a_server_without_buttons_is_not_used(
    session_bus: str, connection: QDBusConnection
) -> None:
    plain = FakeServer(session_bus, actions=False)
    try:
        notes = DesktopNotifications(connection)
        assert not notes.available
        assert notes.reason == "the notification server shows no buttons"
        assert not notes.show("Time to stand up", "text", BUTTONS)
    finally:
        plain.stop()


def test_no_server_means_no_buttons_and_says_why(connection: QDBusConnection) -> None:
    notes = DesktopNotifications(connection)
    assert not notes.available
    assert notes.reason == "no notification server is running"
    assert not notes.show("Time to stand up", "text", BUTTONS)
    notes.withdraw()  # harmless
