"""Typed settings on top of the settings table."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime
from pathlib import Path

import pytest

from spinecoach.storage.opening import open_database
from spinecoach.storage.settings_store import SettingsStore

NOW = datetime(2026, 11, 22, 9, 0, tzinfo=UTC)


def test_defaults_then_stored_values_survive_reopening(tmp_path: Path) -> None:
    path = tmp_path / "data.sqlite3"
    with open_database(path, now=NOW) as database:
        store = SettingsStore(database)
        assert store.get("theme") == "system"
        assert store.get("weekly_goal") == 3
        store.set("theme", "dark")
        store.set("weekly_goal", 5)
    with open_database(path, now=NOW) as database:
        store = SettingsStore(database)
        assert (store.get("theme"), store.get("weekly_goal")) == ("dark", 5)


def test_invalid_values_are_refused_and_nothing_is_written(tmp_path: Path) -> None:
    with open_database(tmp_path / "data.sqlite3", now=NOW) as database:
        store = SettingsStore(database)
        with pytest.raises(ValueError, match="theme"):
            store.set("theme", "purple")
        with pytest.raises(ValueError, match="at most 14"):
            store.set("weekly_goal", 99)
        assert database.get_setting("theme") is None
        with pytest.raises(KeyError):
            store.set("no_such_setting", 1)


def test_a_hand_edited_bad_value_reads_as_the_default(tmp_path: Path) -> None:
    with open_database(tmp_path / "data.sqlite3", now=NOW) as database:
        database.set_setting("weekly_goal", -3)
        assert SettingsStore(database).get("weekly_goal") == 3


def test_read_only_database_keeps_changes_for_this_run_only(tmp_path: Path) -> None:
    path = tmp_path / "data.sqlite3"
    with open_database(path, now=NOW) as database:
        SettingsStore(database).set("theme", "light")
    with sqlite3.connect(path) as raw:
        raw.execute("PRAGMA user_version = 999")
    raw.close()
    before = path.read_bytes()
    with open_database(path, now=NOW) as database:
        assert database.read_only
        store = SettingsStore(database)
        store.set("theme", "dark")  # does not raise: the window can still save its geometry
        assert store.get("theme") == "dark"
    assert path.read_bytes() == before
