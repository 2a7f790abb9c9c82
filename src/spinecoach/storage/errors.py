"""Errors the storage layer raises, so the UI can tell the user what happened in plain words.

Each one means "nothing was changed": the storage layer refuses before writing rather than
half-writing, so catching one of these never leaves the user's data in an odd state.
"""

from __future__ import annotations


class StorageError(Exception):
    """Base class: something about the data file stopped an operation; nothing was changed."""


class ReadOnlyDatabaseError(StorageError):
    """A write was asked of a data file that is open read-only (e.g. from a newer app)."""


class ForeignDatabaseError(StorageError):
    """The file is a SQLite database belonging to another program; it is left untouched."""


class MigrationError(StorageError):
    """Upgrading the data file failed; the failed step was rolled back and a backup exists."""


class StoredDataError(StorageError):
    """A stored row cannot be turned back into a record (edited by hand, or damaged)."""


class UnknownRecordError(StorageError, LookupError):
    """An id that does not exist was given (e.g. finishing a session that was never started)."""
