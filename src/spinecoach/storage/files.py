"""File-system steps around the data file: private permissions, unique names, moving aside.

Pain scores are health data, so every file holding them (the database, SQLite's -wal/-shm
companions, backups) is readable by the user only. Nothing here ever deletes or overwrites a
user's file: when a name is taken, the next free one is used.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path
from typing import Final

PRIVATE_FILE_MODE: Final = 0o600
PRIVATE_DIR_MODE: Final = 0o700
COMPANION_SUFFIXES: Final = ("-wal", "-shm", "-journal")
"""Files SQLite keeps beside a database; they hold committed data and travel with it."""

_IS_POSIX: Final = os.name == "posix"
_CREATE_FLAGS: Final = os.O_RDWR | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)


def companions(path: Path) -> list[Path]:
    """Return the -wal, -shm and -journal paths SQLite may keep beside `path`."""
    return [path.with_name(path.name + suffix) for suffix in COMPANION_SUFFIXES]


def ensure_private_file(path: Path) -> bool:
    """Make sure the file exists with owner-only access; return True if it was just created.

    The file is created by us, with mode 0600, before SQLite opens it: SQLite would create it
    with the umask's mode (often world-readable) and copies that mode to its -wal/-shm files.
    """
    if not path.parent.is_dir():
        path.parent.mkdir(mode=PRIVATE_DIR_MODE, parents=True, exist_ok=True)
    try:
        descriptor = os.open(path, _CREATE_FLAGS, PRIVATE_FILE_MODE)
    except FileExistsError:
        restrict_permissions(path)
        return False
    try:
        if _IS_POSIX:
            os.fchmod(descriptor, PRIVATE_FILE_MODE)  # a strict umask may have removed our bits
    finally:
        os.close(descriptor)
    return True


def restrict_permissions(path: Path) -> None:
    """Take away group/other access from the database and its companions, where present."""
    if not _IS_POSIX:
        return  # Windows: access is governed by the per-user profile folder's ACLs
    for candidate in (path, *companions(path)):
        try:
            mode = stat.S_IMODE(candidate.stat().st_mode)
        except FileNotFoundError:
            continue
        if mode & 0o077:
            candidate.chmod(PRIVATE_FILE_MODE)


def create_unique_private_file(directory: Path, stem: str, suffix: str) -> Path:
    """Create and return an empty owner-only file `<stem>[-N]<suffix>` that did not exist."""
    attempt = 1
    while True:
        name = f"{stem}{suffix}" if attempt == 1 else f"{stem}-{attempt}{suffix}"
        candidate = directory / name
        try:
            descriptor = os.open(candidate, _CREATE_FLAGS, PRIVATE_FILE_MODE)
        except FileExistsError:
            attempt += 1
            continue
        try:
            if _IS_POSIX:
                os.fchmod(descriptor, PRIVATE_FILE_MODE)
        finally:
            os.close(descriptor)
        return candidate


def move_aside(path: Path, label: str) -> Path:
    """Rename the database and its companions to `<name>.<label>[-N]`; return the new path.

    Companions keep their suffix (`<new name>-wal`) so SQLite or a recovery tool opening the
    kept file still finds its WAL. They are moved before the main file: a stale WAL left beside
    a fresh database would be replayed into it by SQLite.
    """
    target = _free_name(path.with_name(f"{path.name}.{label}"))
    for old_companion, new_companion in zip(companions(path), companions(target), strict=True):
        if old_companion.exists():
            old_companion.rename(new_companion)
    path.rename(target)
    return target


def _free_name(wanted: Path) -> Path:
    attempt = 1
    candidate = wanted
    while any(p.exists() for p in (candidate, *companions(candidate))):
        attempt += 1
        candidate = wanted.with_name(f"{wanted.name}-{attempt}")
    return candidate
