"""Real servers for the desktop tests: a headless X server and a private D-Bus session bus.

Started with bounded waits for readiness (the only waiting these tests do), stopped at teardown,
and skipped with a clear message when the program is not installed.
"""

from __future__ import annotations

import os
import select
import shutil
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from spinecoach.desktop.single_instance import SingleInstance
from tests.desktop.xclient import XClient

READY_TIMEOUT_S = 5.0


def _read_line(fd: int, what: str, process: subprocess.Popen[bytes]) -> str:
    """One line from `fd`, waiting at most READY_TIMEOUT_S; fails the test when it never comes."""
    deadline = time.monotonic() + READY_TIMEOUT_S
    received = b""
    while not received.endswith(b"\n"):
        remaining = deadline - time.monotonic()
        readable, _, _ = select.select([fd], [], [], max(remaining, 0.0))
        if not readable:
            pytest.fail(f"{what} was not ready within {READY_TIMEOUT_S} s")
        chunk = os.read(fd, 256)
        if not chunk:
            pytest.fail(f"{what} exited before it was ready (exit code {process.poll()})")
        received += chunk
    return received.decode().strip()


def _stop(process: subprocess.Popen[bytes]) -> None:
    process.terminate()
    try:
        process.wait(timeout=READY_TIMEOUT_S)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


@pytest.fixture(scope="session")
def xvfb() -> Iterator[str]:
    """An Xvfb on a free display number, shared by the session; yields its name (":N").

    Shared because starting one costs more than most tests here; `x_client` undoes what a test
    changed on the server.
    """
    program = shutil.which("Xvfb")
    if program is None:
        pytest.skip("Xvfb is not installed: the real X11 tests need it")
    read_fd, write_fd = os.pipe()
    # -displayfd: Xvfb picks a free display number and writes it once it accepts connections.
    # -noreset: by default the server resets whenever its last client disconnects, as between
    # two tests; a test connecting during that reset was refused, or found its root-window
    # properties and atoms wiped (seen on a loaded machine as random X11 test failures).
    command = [program, "-displayfd", str(write_fd), "-nolisten", "tcp", "-noreset"]
    process = subprocess.Popen(
        [*command, "-screen", "0", "640x480x24"],
        pass_fds=(write_fd,),
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    os.close(write_fd)
    try:
        yield ":" + _read_line(read_fd, "Xvfb", process)
    finally:
        os.close(read_fd)
        _stop(process)


@pytest.fixture
def x_client(xvfb: str) -> Iterator[XClient]:
    """The test's own connection to the Xvfb server (window manager and input).

    Afterwards the root has no active window again, and closing the connection destroys the
    windows the test created.
    """
    client = XClient(xvfb)
    yield client
    client.forget_active_window()
    client.close()


@pytest.fixture
def session_bus() -> Iterator[str]:
    """A private dbus-daemon for one test; yields its address. The desktop's bus is untouched."""
    program = shutil.which("dbus-daemon")
    if program is None:
        pytest.skip("dbus-daemon is not installed: the real D-Bus tests need it")
    process = subprocess.Popen(
        [program, "--session", "--nofork", "--nopidfile", "--print-address=1"],
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
    )
    assert process.stdout is not None
    try:
        yield _read_line(process.stdout.fileno(), "dbus-daemon", process)
    finally:
        _stop(process)
        process.stdout.close()


@pytest.fixture
def fake_desktop(session_bus: str) -> Iterator[str]:
    """GNOME's idle monitor and a notification server on the private bus; yields its address."""
    script = Path(__file__).with_name("fake_desktop.py")
    process = subprocess.Popen(
        [sys.executable, str(script), session_bus],
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen", "DBUS_SESSION_BUS_ADDRESS": ""},
    )
    assert process.stdout is not None
    try:
        status = _read_line(process.stdout.fileno(), "the fake desktop services", process)
        assert status == "ready", f"the fake desktop services could not register: {status}"
        yield session_bus
    finally:
        _stop(process)
        process.stdout.close()


MakeInstance = Callable[[Path], SingleInstance]


@pytest.fixture
def make_instance(qtbot: QtBot) -> Iterator[MakeInstance]:
    """Single-instance guards closed after the test: no lock or socket outlives it."""
    created: list[SingleInstance] = []

    def make(folder: Path) -> SingleInstance:
        instance = SingleInstance(folder)
        created.append(instance)
        return instance

    yield make
    for instance in created:
        instance.close()
