"""The speech-dispatcher probe: a wedged daemon is caught within the timeout, others pass."""

from __future__ import annotations

import shutil
import socket
import tempfile
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from spinecoach.desktop.speechd import speechd_answers, speechd_socket_path


@pytest.fixture
def short_dir() -> Iterator[Path]:
    """A folder with a path short enough for a Unix socket (108 bytes), removed afterwards."""
    folder = Path(tempfile.mkdtemp(prefix="sd", dir="/tmp"))
    yield folder
    shutil.rmtree(folder, ignore_errors=True)


@contextmanager
def serve(path: Path, reply: bytes | None) -> Iterator[None]:
    """A daemon at `path` that answers `reply` to the first line, or never (None)."""
    server = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    server.bind(str(path))
    server.listen(1)
    stop = threading.Event()

    def run() -> None:
        connection, _ = server.accept()
        with connection:
            connection.recv(256)
            if reply is not None:
                connection.sendall(reply)
            stop.wait(5)

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    try:
        yield
    finally:
        stop.set()
        thread.join(6)
        server.close()
        path.unlink(missing_ok=True)


def test_a_daemon_that_answers_is_used(short_dir: Path) -> None:
    path = short_dir / "speechd.sock"
    with serve(path, b"208 OK CLIENT NAME SET\r\n"):
        assert speechd_answers(path) is True


def test_a_wedged_daemon_is_caught_within_the_timeout(short_dir: Path) -> None:
    path = short_dir / "speechd.sock"
    with serve(path, None):
        started = time.monotonic()
        assert speechd_answers(path, timeout=0.2) is False
        assert time.monotonic() - started < 1.0


def test_an_error_reply_is_not_used(short_dir: Path) -> None:
    path = short_dir / "speechd.sock"
    with serve(path, b"409 ERR RATE TOO HIGH\r\n"):
        assert speechd_answers(path) is False


def test_no_daemon_or_a_stale_socket_leaves_it_to_qt(short_dir: Path) -> None:
    assert speechd_answers(short_dir / "missing.sock") is True
    stale = short_dir / "stale.sock"
    leftover = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    leftover.bind(str(stale))
    leftover.close()  # the file stays, nobody listens
    assert speechd_answers(stale) is True


def test_where_the_daemon_listens() -> None:
    home = Path("/home/ana")
    assert speechd_socket_path({"SPEECHD_ADDRESS": "unix_socket:/run/sd.sock"}, home) == Path(
        "/run/sd.sock"
    )
    assert speechd_socket_path({"XDG_RUNTIME_DIR": "/run/user/1000"}, home) == Path(
        "/run/user/1000/speech-dispatcher/speechd.sock"
    )
    assert speechd_socket_path({}, home) == home / ".cache/speech-dispatcher/speechd.sock"
