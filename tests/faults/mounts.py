"""Real faults from the kernel: a tiny full disk (tmpfs) and a read-only folder (a ro bind mount).

Both need mount(2), which root has on these machines and in CI; without it the tests that use
them skip and say why. Every mount is undone when the context ends, even on failure.
"""

from __future__ import annotations

import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest


def _mount(*args: str) -> None:
    result = subprocess.run(["mount", *args], check=False, capture_output=True, text=True)
    if result.returncode != 0:
        raise OSError(f"mount {' '.join(args)}: {result.stderr.strip()}")


def _umount(folder: Path) -> None:
    subprocess.run(["umount", "-l", str(folder)], check=False, capture_output=True)


def can_mount() -> str | None:
    """None when mounts work here, else why not."""
    import os
    import tempfile

    if os.geteuid() != 0:
        return "mounting a tmpfs or a read-only bind needs root"
    with tempfile.TemporaryDirectory() as folder:
        try:
            _mount("-t", "tmpfs", "-o", "size=64k", "tmpfs", folder)
        except (OSError, subprocess.CalledProcessError) as error:
            return f"mount is not permitted here: {error}"
        _umount(Path(folder))
    return None


def require_mounts() -> None:
    """Skip the calling test, naming the reason, when mounts are not possible."""
    reason = can_mount()
    if reason is not None:
        pytest.skip(reason)


@contextmanager
def small_disk(folder: Path, size_kib: int) -> Iterator[Path]:
    """`folder` becomes a tmpfs of `size_kib` KiB for the duration."""
    folder.mkdir(parents=True, exist_ok=True)
    _mount("-t", "tmpfs", "-o", f"size={size_kib}k,mode=0700", "tmpfs", str(folder))
    try:
        yield folder
    finally:
        _umount(folder)


def fill(folder: Path) -> Path:
    """Fill the rest of the disk holding `folder`; remove the returned file to make room."""
    filler = folder / "filler.bin"
    with filler.open("wb", buffering=0) as handle:
        for size in (65536, 4096, 512, 1):
            try:
                while True:
                    handle.write(b"\0" * size)
            except OSError:
                continue
    return filler


class BindMount:
    """`folder` bound over itself, so it can be made read-only (even for root) and back.

    Files must be opened after the bind, through it: a file opened before keeps writing to the
    mount underneath, whatever happens to the bind.
    """

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def read_only(self) -> None:
        """Writes to the folder and to files opened in it now fail (EROFS)."""
        _mount("-o", "remount,bind,ro", str(self.folder))

    def writable(self) -> None:
        """The folder takes writes again."""
        _mount("-o", "remount,bind,rw", str(self.folder))


@contextmanager
def bind_mount(folder: Path) -> Iterator[BindMount]:
    """Bind `folder` over itself for the duration (see BindMount)."""
    folder.mkdir(parents=True, exist_ok=True)
    _mount("--bind", str(folder), str(folder))
    try:
        yield BindMount(folder)
    finally:
        _umount(folder)
