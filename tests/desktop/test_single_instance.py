"""One SpineCoach per data folder: the lock elects, the local socket hands over."""

from __future__ import annotations

import logging
import os
import queue
import socket
import subprocess
import sys
import textwrap
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QDir, QLockFile, QSysInfo
from PySide6.QtNetwork import QLocalServer, QLocalSocket
from pytestqt.qtbot import QtBot

from spinecoach.desktop.single_instance import (
    LOCK_NAME,
    MAX_COMMAND_BYTES,
    open_command,
    opened_file,
    server_name_for,
)
from tests.desktop.conftest import MakeInstance


@pytest.fixture
def clients(qtbot: QtBot) -> Iterator[list[QLocalSocket]]:
    """Raw client sockets of a test, aborted afterwards."""
    sockets: list[QLocalSocket] = []
    yield sockets
    for client in sockets:
        client.abort()


def socket_path(name: str) -> Path:
    """Where Qt puts the Unix socket of a server name that is not a path."""
    return Path(QDir.tempPath()) / name


def connect(clients: list[QLocalSocket], name: str) -> QLocalSocket:
    client = QLocalSocket()
    clients.append(client)
    client.connectToServer(name)
    assert client.waitForConnected(2000), client.errorString()
    return client


def send(client: QLocalSocket, data: bytes) -> None:
    client.write(data)
    while client.bytesToWrite():
        assert client.waitForBytesWritten(2000)


def test_primary_takes_the_lock_and_listens(data_dir: Path, make_instance: MakeInstance) -> None:
    instance = make_instance(data_dir)
    assert instance.try_become_primary()
    assert instance.is_primary and instance.is_listening
    assert instance.lock_path == data_dir / LOCK_NAME
    assert instance.lock_path.read_text().split("\n")[0] == str(os.getpid())
    assert Path(instance.server_name).name.startswith("spinecoach")
    path = socket_path(instance.server_name)
    assert path.exists()
    assert len(os.fsencode(path)) < 100  # Unix socket paths end at 108 bytes

    instance.close()
    assert not instance.is_primary and not instance.is_listening
    assert not instance.lock_path.exists()
    assert not path.exists()


def test_a_second_claimant_is_refused_and_its_command_reaches_the_primary(
    qtbot: QtBot, data_dir: Path, make_instance: MakeInstance
) -> None:
    primary = make_instance(data_dir)
    assert primary.try_become_primary()
    second = make_instance(data_dir)
    assert not second.try_become_primary()
    assert not second.is_primary

    with qtbot.waitSignal(primary.activation_requested, timeout=2000) as blocker:
        assert second.notify_primary()
    assert blocker.args == ["activate"]

    with qtbot.waitSignal(primary.activation_requested, timeout=2000) as blocker:
        assert second.notify_primary("start desk-break")
    assert blocker.args == ["start desk-break"]
    assert primary.is_primary and primary.lock_path.exists()


def test_the_old_lock_of_a_long_running_primary_is_not_taken_for_stale(
    data_dir: Path, make_instance: MakeInstance
) -> None:
    primary = make_instance(data_dir)
    assert primary.try_become_primary()
    # QLockFile's default stale time is 30 s. Where native file locks work (Linux), the live
    # holder's flock() protects the file anyway; setStaleLockTime(0) covers the file systems
    # without them, so this passes either way here and guards the invariant, not the setting.
    day_ago = time.time() - 86_400
    os.utime(primary.lock_path, (day_ago, day_ago))
    assert not make_instance(data_dir).try_become_primary()


def test_the_same_folder_reached_through_a_symlink_is_the_same_instance(
    data_dir: Path, tmp_path: Path, make_instance: MakeInstance
) -> None:
    link = tmp_path / "link"
    link.symlink_to(data_dir, target_is_directory=True)
    assert server_name_for(link) == server_name_for(data_dir)
    assert server_name_for(data_dir / "x" / "..") == server_name_for(data_dir)
    assert make_instance(data_dir).try_become_primary()
    assert not make_instance(link).try_become_primary()


def test_different_folders_both_become_primary(
    qtbot: QtBot, tmp_path: Path, make_instance: MakeInstance
) -> None:
    first, second = tmp_path / "first", tmp_path / "second"
    first.mkdir()
    second.mkdir()
    a, b = make_instance(first), make_instance(second)
    assert a.try_become_primary()
    assert b.try_become_primary()
    assert a.server_name != b.server_name

    # Each hears only its own second launches.
    with (
        qtbot.waitSignal(b.activation_requested, timeout=2000),
        qtbot.assertNotEmitted(a.activation_requested),
    ):
        assert make_instance(second).notify_primary()


@pytest.mark.parametrize("leftover", ["bound socket", "plain file"])
def test_a_leftover_at_the_server_path_does_not_stop_a_new_primary(
    qtbot: QtBot, data_dir: Path, make_instance: MakeInstance, leftover: str
) -> None:
    path = socket_path(server_name_for(data_dir))
    if leftover == "bound socket":
        if not hasattr(socket, "AF_UNIX"):
            pytest.skip("no Unix sockets here")
        crashed = socket.socket(socket.AF_UNIX)
        crashed.bind(str(path))  # bound, never listening, closed without unlinking: a crash
        crashed.close()
    else:
        path.write_text("junk")
    try:
        primary = make_instance(data_dir)
        assert primary.try_become_primary()
        assert primary.is_listening
        with qtbot.waitSignal(primary.activation_requested, timeout=2000) as blocker:
            assert make_instance(data_dir).notify_primary(connect_timeout_ms=500)
        assert blocker.args == ["activate"]
        primary.close()
        assert not path.exists()
    finally:
        path.unlink(missing_ok=True)


def test_the_stale_lock_of_a_dead_process_is_taken_over(
    data_dir: Path, make_instance: MakeInstance
) -> None:
    finished = subprocess.Popen([sys.executable, "-c", ""])
    finished.wait(timeout=10)  # reaped: its PID is free
    lock = data_dir / LOCK_NAME
    lock.write_text(f"{finished.pid}\npython3\n{QSysInfo.machineHostName()}\n")

    instance = make_instance(data_dir)
    assert instance.try_become_primary()
    assert lock.read_text().split("\n")[0] == str(os.getpid())


def test_a_lock_holder_that_never_listens_makes_a_second_launch_give_up(
    data_dir: Path, make_instance: MakeInstance, caplog: pytest.LogCaptureFixture
) -> None:
    holder = QLockFile(str(data_dir / LOCK_NAME))  # a live primary, stuck before listening
    assert holder.tryLock(0)
    try:
        second = make_instance(data_dir)
        assert not second.try_become_primary()
        started = time.monotonic()
        with caplog.at_level(logging.INFO, logger="spinecoach.desktop.single_instance"):
            assert not second.notify_primary(connect_timeout_ms=300)
        assert 0.25 < time.monotonic() - started < 2.0  # retried, then gave up: bounded
        messages = [record.getMessage() for record in caplog.records]
        assert any(m.startswith("waiting for the running SpineCoach") for m in messages)
        assert any("did not answer" in m for m in messages)
    finally:
        holder.unlock()


def test_partial_lines_are_joined_and_junk_is_ignored(
    qtbot: QtBot, data_dir: Path, make_instance: MakeInstance, clients: list[QLocalSocket]
) -> None:
    primary = make_instance(data_dir)
    assert primary.try_become_primary()
    received: list[str] = []
    primary.activation_requested.connect(received.append)

    client = connect(clients, primary.server_name)
    send(client, b"start desk")
    with qtbot.assertNotEmitted(primary.activation_requested, wait=100):
        pass
    with qtbot.waitSignal(primary.activation_requested, timeout=2000):
        send(client, b"-break\r\n")
    assert received == ["start desk-break"]

    junk = connect(clients, primary.server_name)
    with qtbot.waitSignal(primary.activation_requested, timeout=2000):
        send(junk, b"\xff\xfe\x00\n\n\tbell\x07\nactivate\n")
    assert received == ["start desk-break", "activate"]

    flood = connect(clients, primary.server_name)
    send(flood, b"x" * (MAX_COMMAND_BYTES + 1))  # no newline, ever: dropped, not kept forever
    qtbot.waitUntil(
        lambda: flood.state() == QLocalSocket.LocalSocketState.UnconnectedState, timeout=2000
    )
    assert received == ["start desk-break", "activate"]
    assert primary.is_listening


def test_close_lets_the_next_launch_become_primary(
    data_dir: Path, make_instance: MakeInstance
) -> None:
    first = make_instance(data_dir)
    assert first.try_become_primary()
    first.close()
    second = make_instance(data_dir)
    assert second.try_become_primary()
    assert second.is_listening


def test_a_command_is_one_short_line(data_dir: Path, make_instance: MakeInstance) -> None:
    instance = make_instance(data_dir)
    with pytest.raises(ValueError, match="single short line"):
        instance.notify_primary("activate\nquit")
    with pytest.raises(ValueError, match="single short line"):
        instance.notify_primary("x" * MAX_COMMAND_BYTES)


def test_a_second_launch_hands_over_a_file_to_open(
    qtbot: QtBot, data_dir: Path, make_instance: MakeInstance, tmp_path: Path
) -> None:
    primary = make_instance(data_dir)
    assert primary.try_become_primary()
    second = make_instance(data_dir)
    assert not second.try_become_primary()
    # As long a path as Linux allows still travels in one line; a relative one is made whole.
    deep = tmp_path / ("ü" * 100) / ("a" * 200) / ("b" * 200) / "Lower back.programme.toml"
    for file in (deep, Path("relative/plan.programme.toml")):
        with qtbot.waitSignal(primary.activation_requested, timeout=2000) as blocker:
            assert second.notify_primary(open_command(file))
        assert opened_file(blocker.args[0]) == Path(os.path.abspath(file))  # noqa: PTH100
    assert opened_file("activate") is None
    assert opened_file("open") is None
    with pytest.raises(ValueError, match="single short line"):
        open_command(Path("two\nlines.programme.toml"))
    with pytest.raises(ValueError, match="single short line"):
        open_command(Path("/" + "x" * MAX_COMMAND_BYTES))


# --- Real processes ------------------------------------------------------------------------

CHILD = textwrap.dedent(
    """
    import logging
    import sys
    from pathlib import Path

    from PySide6.QtCore import QCoreApplication

    from spinecoach.desktop.single_instance import SingleInstance

    logging.basicConfig(level=logging.INFO, format="%(message)s")
    mode, folder = sys.argv[1], Path(sys.argv[2])
    app = QCoreApplication([])
    instance = SingleInstance(folder)
    if mode == "primary":
        if not instance.try_become_primary():
            sys.exit(3)
        instance.activation_requested.connect(lambda command: print(command, flush=True))
        print("ready", flush=True)
        app.exec()
    elif mode == "secondary":
        if instance.try_become_primary():
            print("became primary", flush=True)
            sys.exit(3)
        sys.exit(0 if instance.notify_primary(sys.argv[3]) else 1)
    elif mode == "race":
        print("primary" if instance.try_become_primary() else "secondary", flush=True)
        sys.stdin.readline()  # hold the lock until the test heard every racer
    """
)


class Child:
    """A helper process running CHILD; its output (stdout and log) is read line by line."""

    def __init__(self, *arguments: str) -> None:
        self.process = subprocess.Popen(
            [sys.executable, "-c", CHILD, *arguments],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
        )
        self.lines: queue.Queue[str] = queue.Queue()
        self.seen: list[str] = []
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    def _read(self) -> None:
        assert self.process.stdout is not None
        for line in self.process.stdout:
            self.lines.put(line.rstrip("\n"))

    def expect(self, start: str, timeout: float = 15.0) -> str:
        """The next line starting with `start`, waiting at most `timeout` seconds."""
        deadline = time.monotonic() + timeout
        while (remaining := deadline - time.monotonic()) > 0:
            try:
                line = self.lines.get(timeout=remaining)
            except queue.Empty:
                break
            self.seen.append(line)
            if line.startswith(start):
                return line
        pytest.fail(f"no line starting with {start!r} within {timeout} s; saw {self.seen}")

    def stop(self) -> None:
        """Kill if still running, reap, and close the pipes."""
        if self.process.poll() is None:
            self.process.kill()
        self.process.wait(timeout=10)
        self._reader.join(timeout=5)
        for stream in (self.process.stdin, self.process.stdout):
            if stream is not None:
                stream.close()


@pytest.fixture
def spawn() -> Iterator[Callable[..., Child]]:
    children: list[Child] = []

    def start(*arguments: str) -> Child:
        child = Child(*arguments)
        children.append(child)
        return child

    yield start
    for child in children:
        child.stop()


def run_secondary(folder: Path, command: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", CHILD, "secondary", str(folder), command],
        capture_output=True,
        text=True,
        timeout=20,
    )


@pytest.mark.slow
def test_two_processes_hand_over_and_a_crashed_primary_is_replaced(
    data_dir: Path, spawn: Callable[..., Child], make_instance: MakeInstance
) -> None:
    primary = spawn("primary", str(data_dir))
    primary.expect("ready")

    for command in ("activate", "start desk-break"):
        second = run_secondary(data_dir, command)
        assert second.returncode == 0, second.stdout + second.stderr
        assert "became primary" not in second.stdout
        primary.expect(command)

    # A crash leaves the lock file and the socket behind; the next launch takes both over.
    primary.process.kill()
    primary.process.wait(timeout=10)
    assert (data_dir / LOCK_NAME).exists()
    successor = make_instance(data_dir)
    assert successor.try_become_primary()
    assert successor.is_listening


@pytest.mark.slow
def test_launches_at_the_same_moment_elect_exactly_one_primary(
    data_dir: Path, spawn: Callable[..., Child]
) -> None:
    racers = [spawn("race", str(data_dir)) for _ in range(4)]
    answers = sorted(racer.expect("") for racer in racers)
    assert answers == ["primary", "secondary", "secondary", "secondary"]
    for racer in racers:
        assert racer.process.stdin is not None
        racer.process.stdin.write("done\n")
        racer.process.stdin.flush()
    for racer in racers:
        assert racer.process.wait(timeout=10) == 0


@pytest.mark.slow
def test_a_second_launch_waits_for_a_primary_that_is_not_listening_yet(
    qtbot: QtBot, data_dir: Path, spawn: Callable[..., Child]
) -> None:
    holder = QLockFile(str(data_dir / LOCK_NAME))  # this test plays a primary still starting
    assert holder.tryLock(0)
    server = QLocalServer()
    connection: QLocalSocket | None = None
    try:
        second = spawn("secondary", str(data_dir), "activate")
        second.expect("waiting for the running SpineCoach")

        server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        assert server.listen(server_name_for(data_dir)), server.errorString()
        assert server.waitForNewConnection(10_000)
        connection = server.nextPendingConnection()
        while not connection.canReadLine():
            assert connection.waitForReadyRead(5000)
        assert bytes(connection.readLine().data()) == b"activate\n"
        assert second.process.wait(timeout=10) == 0
    finally:
        if connection is not None:
            connection.abort()
        server.close()
        holder.unlock()


@pytest.mark.skipif(os.name != "posix", reason="Windows listens on a named pipe (QLocalServer)")
def test_listening_all_day_needs_no_qtnetwork_and_only_the_owner_may_connect(
    tmp_path: Path,
) -> None:
    # QtNetwork costs 2.6 MB resident for the whole day in the tray (issue 18). A subprocess:
    # this test process has loaded QtNetwork for the other tests' clients.
    probe = f"""
import os, stat, sys
from pathlib import Path
from PySide6.QtCore import QCoreApplication
from spinecoach.desktop.single_instance import SingleInstance
app = QCoreApplication([])
instance = SingleInstance(Path({str(tmp_path)!r}))
assert instance.try_become_primary() and instance.is_listening
mode = stat.S_IMODE(os.stat(instance.server_name).st_mode)
print("PySide6.QtNetwork" in sys.modules, oct(mode & 0o077))
instance.close()
"""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    env.pop("XDG_RUNTIME_DIR", None)  # the socket in tmp_path, whatever the machine has
    result = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, env=env, timeout=60
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["False", "0o0"]
