"""Typed settings: the data file's on the settings table, the window's in the state file."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime
from pathlib import Path

import pytest

from spinecoach.storage.opening import OpenedDatabase, open_database
from spinecoach.storage.settings_store import SettingsStore
from spinecoach.storage.state_file import StateFile

NOW = datetime(2026, 11, 22, 9, 0, tzinfo=UTC)


def store_on(database: OpenedDatabase) -> SettingsStore:
    """The settings of `database`, with a state file beside it."""
    return SettingsStore(database, StateFile.load(database.path.with_name("window-state.json")))


def test_defaults_then_stored_values_survive_reopening(tmp_path: Path) -> None:
    path = tmp_path / "data.sqlite3"
    with open_database(path, now=NOW) as database:
        store = store_on(database)
        assert store.get("player_text_size") == "normal"
        assert store.get("weekly_goal") == 3
        store.set("player_text_size", "large")
        store.set("weekly_goal", 5)
    with open_database(path, now=NOW) as database:
        store = store_on(database)
        assert (store.get("player_text_size"), store.get("weekly_goal")) == ("large", 5)


def test_invalid_values_are_refused_and_nothing_is_written(tmp_path: Path) -> None:
    with open_database(tmp_path / "data.sqlite3", now=NOW) as database:
        store = store_on(database)
        with pytest.raises(ValueError, match="player_text_size"):
            store.set("player_text_size", "purple")
        with pytest.raises(ValueError, match="at most 14"):
            store.set("weekly_goal", 99)
        assert database.get_setting("player_text_size") is None
        with pytest.raises(KeyError):
            store.set("no_such_setting", 1)


def test_a_hand_edited_bad_value_reads_as_the_default(tmp_path: Path) -> None:
    with open_database(tmp_path / "data.sqlite3", now=NOW) as database:
        database.set_setting("weekly_goal", -3)
        assert store_on(database).get("weekly_goal") == 3


def test_read_only_database_keeps_changes_for_this_run_only(tmp_path: Path) -> None:
    path = tmp_path / "data.sqlite3"
    with open_database(path, now=NOW) as database:
        store_on(database).set("player_text_size", "larger")
    with sqlite3.connect(path) as raw:
        raw.execute("PRAGMA user_version = 999")
    raw.close()
    before = path.read_bytes()
    with open_database(path, now=NOW) as database:
        assert database.read_only
        store = store_on(database)
        store.set("player_text_size", "large")  # does not raise: the change holds for this run
        assert store.get("player_text_size") == "large"
    assert path.read_bytes() == before
