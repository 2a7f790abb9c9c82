"""Storage failures in words a person understands, and whether trying again can help.

Every part that writes (the SafeWriter of health data, the best-effort writes of the UI, the
start-up that opens the data file) asks `describe_failure` what an exception means: a known
storage failure becomes a StorageProblem to show; anything else is a bug and must raise.
"""

from __future__ import annotations

import shutil
import sqlite3
from dataclasses import dataclass
from pathlib import Path
from typing import Final

from spinecoach.storage.connection import (
    SQLITE_BUSY,
    SQLITE_CANTOPEN,
    SQLITE_CORRUPT,
    SQLITE_FULL,
    SQLITE_IOERR,
    SQLITE_LOCKED,
    SQLITE_READONLY,
    error_code,
)
from spinecoach.storage.errors import ReadOnlyDatabaseError, StorageError, UnknownRecordError

#: Below this much free space an I/O error is taken to be a full disk.
LOW_SPACE_BYTES: Final = 1024 * 1024


@dataclass(frozen=True, slots=True)
class StorageProblem:
    """Why storage did not take a write: a short reason for the log and words for the person."""

    code: str
    words: str

    @property
    def permanent(self) -> bool:
        """True when retrying will not help until the person (or another version) acts."""
        return self.code in ("read-only", "newer-version")


def describe_failure(error: BaseException, folder: Path | None = None) -> StorageProblem | None:
    """Words for a storage failure, or None when `error` is not one (a bug: let it raise).

    SQLite reports a full disk as a plain I/O error when it fails on its shared-memory or
    journal file rather than the database; with the data `folder` given, an I/O error on a disk
    with (almost) no room left is called what it is.
    """
    problem = _describe(error)
    if problem is not None and problem.code == "io" and folder is not None:
        try:
            if shutil.disk_usage(folder).free < LOW_SPACE_BYTES:
                return StorageProblem("disk-full", "the disk is full")
        except OSError:
            pass
    return problem


def _describe(error: BaseException) -> StorageProblem | None:
    if isinstance(error, ReadOnlyDatabaseError):
        text = str(error)
        if "newer" in text:
            return StorageProblem(
                "newer-version",
                "the data file was written by a newer version of SpineCoach and is open read-only",
            )
        return StorageProblem("read-only", "the data file or its folder is read-only")
    if isinstance(error, sqlite3.Error):
        code = error_code(error)
        if code == SQLITE_FULL:
            return StorageProblem("disk-full", "the disk is full")
        if code in (SQLITE_BUSY, SQLITE_LOCKED):
            return StorageProblem("locked", "another program is using the data file")
        if code == SQLITE_READONLY:
            return StorageProblem("read-only", "the data file or its folder is read-only")
        if code == SQLITE_CORRUPT:
            return StorageProblem("damaged", "the data file is damaged")
        if code in (SQLITE_IOERR, SQLITE_CANTOPEN):
            return StorageProblem("io", "the disk could not be written")
        return StorageProblem("sqlite", f"the data file could not be written ({error})")
    if isinstance(error, OSError):
        return StorageProblem("io", f"the disk could not be written ({error.strerror or error})")
    if isinstance(error, StorageError) and not isinstance(error, UnknownRecordError):
        return StorageProblem("storage", str(error))
    return None
