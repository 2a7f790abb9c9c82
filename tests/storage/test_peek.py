"""The read-only look at the settings that the window's first frame is built from."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from spinecoach.storage.database import Database
from spinecoach.storage.peek import StartupSettings, peek_settings
from spinecoach.storage.settings_store import SettingsStore


def file_state(path: Path) -> tuple[bytes, int]:
    """The main file's bytes and the schema's user_version: what a peek must never change."""
    with sqlite3.connect(path) as connection:
        (version,) = connection.execute("PRAGMA user_version").fetchone()
    connection.close()
    return path.read_bytes(), version


def test_no_file_yet_reads_as_nothing_stored_and_creates_nothing(db_path: Path) -> None:
    assert peek_settings(db_path) == {}
    assert not db_path.exists()


def test_stored_settings_are_read_as_stored(database: Database, db_path: Path) -> None:
    store = SettingsStore(database)
    store.set("theme", "dark")
    store.set("last_area", "history")
    store.set("safety_acknowledged", True)
    database.set_setting("not.declared", {"kept": [1, 2]})
    peeked = peek_settings(db_path)
    assert peeked["theme"] == "dark"
    assert peeked["last_area"] == "history"
    assert peeked["safety_acknowledged"] is True
    assert peeked["not.declared"] == {"kept": [1, 2]}


def test_a_value_that_is_not_json_is_skipped(database: Database, db_path: Path) -> None:
    store = SettingsStore(database)
    store.set("theme", "dark")
    store.set("last_area", "history")
    with sqlite3.connect(db_path) as connection:  # a hand edit through the sqlite3 shell
        connection.execute("UPDATE settings SET value = 'dark' WHERE key = 'theme'")
    connection.close()
    peeked = peek_settings(db_path)
    assert "theme" not in peeked
    assert peeked["last_area"] == "history"


def test_peeking_changes_nothing_in_the_file(database: Database, db_path: Path) -> None:
    SettingsStore(database).set("theme", "dark")
    database.close()
    before = file_state(db_path)
    peek_settings(db_path)
    assert file_state(db_path) == before


@pytest.mark.parametrize(
    "content",
    [b"this is not a database" * 100, b"SQLite format 3\x00" + b"\xff" * 4000, b""],
    ids=["text", "damaged header", "empty"],
)
def test_a_damaged_file_reads_as_nothing_and_is_left_alone(db_path: Path, content: bytes) -> None:
    db_path.write_bytes(content)
    assert peek_settings(db_path) == {}
    assert db_path.read_bytes() == content


def test_another_programs_database_is_not_read(db_path: Path) -> None:
    with sqlite3.connect(db_path) as connection:
        connection.execute("CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT)")
        connection.execute("""INSERT INTO settings VALUES ('theme', '"dark"')""")
    connection.close()
    assert peek_settings(db_path) == {}


class OpeningCounter:
    """Stands in for Application.settings: opens the store when first asked, and counts it."""

    def __init__(self, database: Database) -> None:
        self.database = database
        self.openings = 0
        self.startup: StartupSettings | None = None

    def __call__(self) -> SettingsStore:
        self.openings += 1
        store = SettingsStore(self.database)
        assert self.startup is not None
        self.startup.attach(store)
        return store


def test_startup_settings_read_the_peek_validated_with_defaults(database: Database) -> None:
    opener = OpeningCounter(database)
    startup = StartupSettings({"theme": "dark", "last_area": "nowhere"}, opener)
    opener.startup = startup
    assert startup.get("theme") == "dark"
    assert startup.get("last_area") == "library"  # not a valid area: the default
    assert startup.get("safety_acknowledged") is False  # not stored: the default
    with pytest.raises(KeyError):
        startup.get("no.such.setting")
    assert opener.openings == 0


def test_a_write_before_the_file_is_open_opens_it_and_stores_at_once(
    database: Database,
) -> None:
    opener = OpeningCounter(database)
    startup = StartupSettings({"theme": "dark"}, opener)
    opener.startup = startup
    startup.set("safety_acknowledged", True)
    assert opener.openings == 1
    assert SettingsStore(database).get("safety_acknowledged") is True
    startup.set("theme", "light")  # now attached: straight to the store
    assert opener.openings == 1
    assert startup.get("theme") == "light"  # read from the store, not the stale peek
    with pytest.raises(ValueError):
        startup.set("theme", "purple")
