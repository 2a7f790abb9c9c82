"""Looking at an existing data file, without changing it, to decide how it may be opened.

The probe uses a read-only connection so that merely looking (for instance at a file from a
newer SpineCoach) never alters a byte. Only SQLite's "not a database" and "corrupt" answers
count as damage; a locked or unreadable file raises instead, because moving a healthy file
aside just because another program held it for a moment would hide the user's history.

Whose file it is gets decided first, from the 100-byte header, before SQLite opens it at all:
even a read-only connection leaves -wal/-shm files beside a WAL-mode database and would roll
back another program's unfinished transaction. Our files carry our application id from their
first migration on (it is set in the same transaction as the first tables), so a file with any
other id, or with id 0 and anything in it, is another program's and is left exactly as it is.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from pathlib import Path
from typing import Final

from spinecoach.storage.connection import (
    SQLITE_CORRUPT,
    SQLITE_NOTADB,
    SQLITE_READONLY,
    connect,
    error_code,
)
from spinecoach.storage.files import companions
from spinecoach.storage.schema_v1 import APPLICATION_ID

_MAGIC: Final = b"SQLite format 3\x00"
_HEADER_SIZE: Final = 100
_SHOWN_NAMES: Final = 3


@dataclass(frozen=True)
class Probe:
    """What an existing file holds.

    `damage` is SQLite's complaint when it is not usable; `foreign` says why the file is another
    program's (None when it is ours, or blank and free to become ours).
    """

    user_version: int = 0
    application_id: int = 0
    has_content: bool = False
    damage: str | None = None
    foreign: str | None = None


@dataclass(frozen=True)
class Header:
    """The two numbers of a SQLite file header that say whose file it is and at what version."""

    user_version: int
    application_id: int


def read_header(path: Path) -> Header | None:
    """The file's header as written in the main file, or None when it is not a SQLite header.

    Reading bytes cannot change anything. The header can be older than the truth while a WAL
    holds newer pages, so it is trusted only to say "another program's" (an id that is neither
    0 nor ours, which no SpineCoach file ever had) and "ours".
    """
    with path.open("rb") as handle:
        head = handle.read(_HEADER_SIZE)
    if len(head) < _HEADER_SIZE or not head.startswith(_MAGIC):
        return None
    return Header(
        user_version=int.from_bytes(head[60:64], "big", signed=True),
        application_id=int.from_bytes(head[68:72], "big", signed=True),
    )


def probe_database(path: Path, *, thorough: bool = False) -> Probe:
    """Report the file's version, owner and health, without changing it.

    `thorough` runs `PRAGMA integrity_check` instead of `quick_check`: it also proves that every
    index agrees with its table, which quick_check skips (an index pointing at rows that do not
    exist passes quick_check, then every query through it fails with "malformed"). It costs
    about 10 ms instead of 4 ms on ten years of history, so it is run after an unclean shutdown.
    """
    if _is_blank(path):
        return Probe()
    header = read_header(path)
    if header is not None and header.application_id != APPLICATION_ID:
        foreign = _foreign_by_header(path, header)
        if foreign is not None:
            return foreign
    try:
        return _look(path, read_only=True, thorough=thorough)
    except sqlite3.DatabaseError as exc:
        code = error_code(exc)
        if code in (SQLITE_NOTADB, SQLITE_CORRUPT):
            return Probe(damage=str(exc))
        if code != SQLITE_READONLY:
            raise
    # A hot journal left by a crash can only be rolled back by a writable connection; that
    # rollback is SQLite's own crash recovery and restores the last committed state. It is
    # ours to run only on our own file: another program's journal is left for that program.
    if header is None or header.application_id != APPLICATION_ID:
        return Probe(
            has_content=True,
            foreign="another program left an unfinished change in it",
        )
    try:
        return _look(path, read_only=False, thorough=thorough)
    except sqlite3.DatabaseError as exc:
        if error_code(exc) in (SQLITE_NOTADB, SQLITE_CORRUPT):
            return Probe(damage=str(exc))
        raise


def _is_blank(path: Path) -> bool:
    """Tell whether the file is empty with no WAL beside it: nothing was ever committed."""
    if path.stat().st_size:
        return False
    wal = companions(path)[0]
    return not (wal.exists() and wal.stat().st_size)


def _foreign_by_header(path: Path, header: Header) -> Probe | None:
    """Decide "another program's" without a connection that could leave a trace, if possible.

    Id 0 is what a blank SQLite file has (ours too, before migration 1), so then the contents
    decide. They are read with `immutable=1`, which takes no locks and creates no -wal/-shm,
    and which is exact only while no WAL holds newer pages; with a WAL the normal look decides.
    """
    if header.application_id != 0:
        return Probe(
            user_version=header.user_version,
            application_id=header.application_id,
            has_content=True,
            foreign=f"application id {header.application_id:#x}",
        )
    wal = companions(path)[0]
    if wal.exists() and wal.stat().st_size:
        return None
    try:
        connection = connect(path, read_only=True, immutable=True)
        try:
            user_version = int(connection.execute("PRAGMA user_version").fetchone()[0])
            names = [str(row[0]) for row in connection.execute("SELECT name FROM sqlite_master")]
        finally:
            connection.close()
    except sqlite3.DatabaseError:
        return None  # unreadable this way: the normal look below names the damage
    reason = _foreign_reason(0, user_version, names)
    if reason is None:
        return None
    return Probe(user_version=user_version, has_content=True, foreign=reason)


def _foreign_reason(application_id: int, user_version: int, names: list[str]) -> str | None:
    """Why a file with this id and these contents is not ours; None when it is (or is blank)."""
    if application_id == APPLICATION_ID:
        return None
    if application_id != 0:
        return f"application id {application_id:#x}"
    if names:
        shown = ", ".join(sorted(names)[:_SHOWN_NAMES])
        more = ", …" if len(names) > _SHOWN_NAMES else ""
        return f"it holds tables SpineCoach did not create: {shown}{more}"
    if user_version:
        return f"it is marked as version {user_version} of another program's data"
    return None


def _look(path: Path, *, read_only: bool, thorough: bool) -> Probe:
    connection = connect(path, read_only=read_only)
    try:
        user_version = int(connection.execute("PRAGMA user_version").fetchone()[0])
        application_id = int(connection.execute("PRAGMA application_id").fetchone()[0])
        names = [str(row[0]) for row in connection.execute("SELECT name FROM sqlite_master")]
        check = "integrity_check" if thorough else "quick_check"
        verdict = [str(row[0]) for row in connection.execute(f"PRAGMA {check}")]
    finally:
        connection.close()
    damage = None if verdict == ["ok"] else "; ".join(verdict[:5])
    return Probe(
        user_version=user_version,
        application_id=application_id,
        has_content=bool(user_version or names),
        damage=damage,
        foreign=_foreign_reason(application_id, user_version, names),
    )
