"""File-system steps around the data file: private modes, unique names, moving aside, in-use.

Pain scores are health data, so every file holding them (the database, SQLite's -wal/-shm
companions, backups) is readable by the user only. Nothing here ever deletes or overwrites a
user's file: when a name is taken, the next free one is used.
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
from pathlib import Path
from typing import Final

PRIVATE_FILE_MODE: Final = 0o600
PRIVATE_DIR_MODE: Final = 0o700
COMPANION_SUFFIXES: Final = ("-wal", "-shm", "-journal")
"""Files SQLite keeps beside a database; they hold committed data and travel with it."""
IN_USE_SUFFIX: Final = ".in-use"
"""`spinecoach.sqlite3.in-use`: present while SpineCoach has the file open for writing."""

_IS_POSIX: Final = os.name == "posix"
_NO_HARD_LINKS: Final = frozenset({errno.EPERM, errno.EOPNOTSUPP, errno.ENOTSUP, errno.ENOSYS})
"""What link() answers on file systems without hard links (vfat: EPERM; some FUSE: ENOTSUP)."""
_CREATE_FLAGS: Final = os.O_RDWR | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)


def companions(path: Path) -> list[Path]:
    """Return the -wal, -shm and -journal paths SQLite may keep beside `path`."""
    return [path.with_name(path.name + suffix) for suffix in COMPANION_SUFFIXES]


def create_private_file_if_missing(path: Path) -> bool:
    """Create an empty 0600 file (and a 0700 folder) if nothing is there; True if created.

    We create the file before SQLite opens it because SQLite would use the umask's mode (often
    world-readable) and copies that mode to its -wal/-shm files. An existing file is not
    touched at all, not even its mode: until it has been looked at, it may be another
    program's file, which must stay exactly as it is (`restrict_permissions` comes later).
    """
    if not path.parent.is_dir():
        path.parent.mkdir(mode=PRIVATE_DIR_MODE, parents=True, exist_ok=True)
    try:
        descriptor = os.open(path, _CREATE_FLAGS, PRIVATE_FILE_MODE)
    except FileExistsError:
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


def publish_unique(finished: Path, stem: str, suffix: str) -> Path:
    """Give a complete file its final name `<stem>[-N]<suffix>` beside it; return that name.

    The name appears only now, when the file is whole, so a name like `….backup-v2-….sqlite3`
    always means a complete copy. A hard link is made and the temporary name removed: unlike
    a rename, link() refuses to replace a file that took the name meanwhile, so nothing is
    ever overwritten. Where the file system has no hard links (FAT, some FUSE mounts) a rename
    to a name just seen free is used instead. The folder is synced so the name survives a
    power cut.
    """
    directory = finished.parent
    attempt = 1
    while True:
        name = f"{stem}{suffix}" if attempt == 1 else f"{stem}-{attempt}{suffix}"
        candidate = directory / name
        attempt += 1
        try:
            os.link(finished, candidate)
        except FileExistsError:
            continue
        except OSError as error:
            if error.errno not in _NO_HARD_LINKS:
                raise
            if candidate.exists() or candidate.is_symlink():
                continue
            finished.rename(candidate)
        else:
            finished.unlink()
        sync_directory(directory)
        return candidate


def replace_private_text(path: Path, text: str, *, durable: bool = False) -> None:
    """Write `text` to a private (0600) file beside `path` and rename it over `path`.

    Readers see the old file or the new one, never half of one. `durable` also flushes the
    file to disk before the rename (for a file the next process depends on). Raises OSError;
    the temporary file is gone either way.
    """
    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, PRIVATE_FILE_MODE)
        with os.fdopen(descriptor, "w", encoding="utf-8") as file:
            file.write(text)
            if durable:
                file.flush()
                os.fsync(file.fileno())
        temporary.replace(path)
    except OSError:
        with contextlib.suppress(OSError):  # a read-only folder: nothing to clean up
            temporary.unlink(missing_ok=True)
        raise


def sync_directory(directory: Path) -> None:
    """Flush a folder's entries (a new or renamed name) to disk; a no-op off POSIX."""
    if not _IS_POSIX:
        return
    descriptor = os.open(directory, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)


def in_use_marker(path: Path) -> Path:
    """The file that says a writable connection to `path` is open, or was when it ended."""
    return path.with_name(path.name + IN_USE_SUFFIX)


def mark_in_use(path: Path) -> bool:
    """Leave a 0600 marker beside the data file before the first write of a run; True if left.

    Removed by `clear_in_use` when the file is closed properly; one still there at the next
    start means the last run ended without closing it (a crash, a kill, a power cut), and the
    file then gets SQLite's full integrity check. The marker and its folder entry are synced
    so that a power cut right after cannot lose the evidence of the run it interrupts. In a
    folder we cannot write into, the file still opens (its writes are then refused and kept
    pending): only this run's crash check is lost, so a failure here is not an error.

    A marker of our own rather than "a -wal/-shm file left behind": those also stay while any
    other program (a sqlite3 shell) has the file open, vanish when such a program opens and
    closes the file after our crash, before we look, and never exist in rollback-journal mode.
    """
    marker = in_use_marker(path)
    try:
        descriptor = os.open(marker, os.O_WRONLY | os.O_CREAT, PRIVATE_FILE_MODE)
        try:
            if _IS_POSIX:
                os.fchmod(descriptor, PRIVATE_FILE_MODE)
            os.fsync(descriptor)
        finally:
            os.close(descriptor)
        sync_directory(marker.parent)
    except OSError:
        return False
    return True


def was_left_in_use(path: Path) -> bool:
    """True when the last run that wrote `path` did not close it (its marker is still there)."""
    return in_use_marker(path).exists()


def clear_in_use(path: Path) -> None:
    """Remove the marker: the file was closed properly, every write committed.

    A marker that cannot be removed (the folder was made read-only meanwhile) only costs the
    next start a full check; closing must not fail over it.
    """
    with contextlib.suppress(OSError):
        in_use_marker(path).unlink(missing_ok=True)


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
