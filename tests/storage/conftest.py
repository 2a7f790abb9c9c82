"""The data file most storage tests use: a fresh database in the test's temporary folder."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from spinecoach.storage.database import Database
from spinecoach.storage.opening import open_database

OPENED_AT = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
"""When the shared `database` fixture opens its file (it stamps backups with this time)."""


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    """Where the data file goes; nothing is there yet."""
    return tmp_path / "spinecoach.sqlite3"


@pytest.fixture
def database(db_path: Path) -> Iterator[Database]:
    """A new, migrated database at `db_path`, closed after the test."""
    with open_database(db_path, now=OPENED_AT) as opened:
        yield opened
