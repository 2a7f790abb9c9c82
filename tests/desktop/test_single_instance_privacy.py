"""The single-instance lock and socket are the user's alone.

Measured before: the lock file was 0644 and the socket sat at a predictable name in the shared
temporary folder, where another user could create it first. The socket now lives in
$XDG_RUNTIME_DIR (or the data folder), which no other user can write into or reach.

The other-user checks run a helper as uid 65534 (`nobody`) through `setpriv`, so they need
root; the folders around the data folder are made traversable for it, so that only our own
folder's mode stands between that user and the socket.
"""

from __future__ import annotations

import os
import shutil
import stat
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from spinecoach import paths
from spinecoach.desktop.single_instance import (
    LOCK_NAME,
    SOCKET_NAME,
    server_name_for,
    server_names_for,
)
from tests.desktop.conftest import MakeInstance

pytestmark = pytest.mark.skipif(os.name != "posix", reason="Unix sockets and file modes")

NOBODY = 65534
SYSTEM_PYTHON = Path("/usr/bin/python3")


@pytest.fixture
def runtime_dir(monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A private $XDG_RUNTIME_DIR, as systemd-logind makes one (0700, ours, a short path).

    Short like the real `/run/user/1000`: under pytest's deep temporary folders a socket path
    would pass the 104-byte limit, and the data folder would be used instead.
    """
    folder = Path(tempfile.mkdtemp(prefix="xdg-", dir="/tmp"))  # mkdtemp: 0700
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(folder))
    yield folder
    shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture
def reachable_base() -> Iterator[Path]:
    """A folder other users can traverse (pytest's own temporary folders are 0700)."""
    base = Path(tempfile.mkdtemp(prefix="spinecoach-privacy-", dir="/tmp"))
    base.chmod(0o711)
    yield base
    shutil.rmtree(base, ignore_errors=True)


def _as_another_user(action: str, socket_path: str) -> str:
    """Try to bind ("take") or connect to ("reach") `socket_path` as uid 65534."""
    if os.geteuid() != 0 or shutil.which("setpriv") is None or not SYSTEM_PYTHON.exists():
        pytest.skip("needs root, setpriv and /usr/bin/python3 to act as another user")
    helper = (
        "import socket, sys\n"
        "s = socket.socket(socket.AF_UNIX)\n"
        "try:\n"
        "    s.bind(sys.argv[2]) if sys.argv[1] == 'take' else s.connect(sys.argv[2])\n"
        "    print('done')\n"
        "except OSError as error:\n"
        "    print('refused', error.strerror)\n"
    )
    result = subprocess.run(
        ["setpriv", f"--reuid={NOBODY}", f"--regid={NOBODY}", "--clear-groups",
         str(SYSTEM_PYTHON), "-c", helper, action, socket_path],
        capture_output=True, text=True, timeout=20, env={"PATH": "/usr/bin:/bin"},
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


def test_the_lock_file_is_0600_under_the_usual_umask(
    data_dir: Path, make_instance: MakeInstance
) -> None:
    previous = os.umask(0o022)
    try:
        assert make_instance(data_dir).try_become_primary()
    finally:
        os.umask(previous)
    assert stat.S_IMODE((data_dir / LOCK_NAME).stat().st_mode) == 0o600
    assert os.umask(previous) == previous, "the umask is given back"


def test_the_socket_lives_in_the_runtime_dir_under_a_name_from_the_data_folder(
    tmp_path: Path, runtime_dir: Path, make_instance: MakeInstance
) -> None:
    first, second = tmp_path / "first", tmp_path / "second"
    first.mkdir()
    second.mkdir()
    instance = make_instance(first)
    assert instance.try_become_primary()

    socket_path = Path(instance.server_name)
    assert socket_path.parent == runtime_dir
    assert stat.S_ISSOCK(socket_path.stat().st_mode)
    assert server_name_for(second) != instance.server_name


def test_without_a_runtime_dir_the_socket_lives_in_the_data_folder(
    data_dir: Path, make_instance: MakeInstance, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("XDG_RUNTIME_DIR", raising=False)
    instance = make_instance(data_dir)
    assert instance.try_become_primary()
    assert instance.server_name == str(data_dir.resolve() / SOCKET_NAME)
    assert stat.S_ISSOCK((data_dir / SOCKET_NAME).stat().st_mode)


@pytest.mark.parametrize("mode", [0o755, 0o1777])
def test_a_runtime_dir_others_can_use_is_not_used(
    data_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, mode: int
) -> None:
    shared = tmp_path / "shared"
    shared.mkdir()
    shared.chmod(mode)
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(shared))
    assert server_names_for(data_dir) == [str(data_dir.resolve() / SOCKET_NAME)]


def test_a_launch_with_a_runtime_dir_finds_a_primary_started_without_one(
    qtbot: QtBot, data_dir: Path, make_instance: MakeInstance, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("XDG_RUNTIME_DIR", raising=False)
    primary = make_instance(data_dir)
    assert primary.try_become_primary()
    runtime = Path(tempfile.mkdtemp(prefix="xdg-", dir="/tmp"))
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(runtime))
    second = make_instance(data_dir)
    assert second.server_names[0].startswith(str(runtime)), "tries the runtime dir first"
    try:
        with qtbot.waitSignal(primary.activation_requested, timeout=2000):
            assert second.notify_primary(connect_timeout_ms=1000)
    finally:
        shutil.rmtree(runtime, ignore_errors=True)


@pytest.mark.slow
@pytest.mark.parametrize("where", ["runtime dir", "data folder"])
def test_another_user_can_neither_take_the_name_first_nor_reach_the_primary(
    qtbot: QtBot, reachable_base: Path, make_instance: MakeInstance,
    monkeypatch: pytest.MonkeyPatch, where: str,
) -> None:  # fmt: skip
    data = reachable_base / "data"
    paths.prepare_data_dir(data)  # as the app's start-up leaves it
    if where == "runtime dir":
        runtime = reachable_base / "run-user"
        runtime.mkdir(mode=0o700)
        monkeypatch.setenv("XDG_RUNTIME_DIR", str(runtime))
    else:
        monkeypatch.delenv("XDG_RUNTIME_DIR", raising=False)
    name = server_name_for(data)

    assert _as_another_user("take", name).startswith("refused")
    assert not Path(name).exists()

    primary = make_instance(data)
    assert primary.try_become_primary()
    assert primary.server_name == name
    assert _as_another_user("reach", name).startswith("refused")
    with qtbot.waitSignal(primary.activation_requested, timeout=2000):
        assert make_instance(data).notify_primary(connect_timeout_ms=1000)
