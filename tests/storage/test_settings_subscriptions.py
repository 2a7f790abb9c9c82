"""Settings announce changes per key: each consumer hears the keys it subscribed to, once."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from spinecoach.core import settings as keys
from spinecoach.storage.opening import OpenedDatabase, open_database
from spinecoach.storage.settings_store import SettingsStore
from spinecoach.storage.state_file import StateFile

NOW = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)


@pytest.fixture
def database(tmp_path: Path) -> Iterator[OpenedDatabase]:
    with open_database(tmp_path / "spinecoach.sqlite3", now=NOW) as opened:
        yield opened


@pytest.fixture
def state(tmp_path: Path) -> StateFile:
    return StateFile.load(tmp_path / "window-state.json")


def test_a_subscriber_hears_its_key_only_and_only_real_changes(
    database: OpenedDatabase, state: StateFile
) -> None:
    store = SettingsStore(database, state)
    heard: list[tuple[str, Any]] = []
    store.subscribe("theme", lambda value: heard.append(("theme", value)))
    store.subscribe("weekly_goal", lambda value: heard.append(("goal", value)))
    store.set("theme", "dark")
    store.set("theme", "dark")  # the same value again: nothing to hear
    store.set("weekly_goal", 5)
    store.set("weekly_goal", 5)
    store.set("volume", 40)  # nobody listens
    assert heard == [("theme", "dark"), ("goal", 5)]


def test_a_refused_value_is_not_announced(database: OpenedDatabase, state: StateFile) -> None:
    store = SettingsStore(database, state)
    heard: list[Any] = []
    store.subscribe("theme", heard.append)
    store.subscribe("weekly_goal", heard.append)
    with pytest.raises(ValueError):
        store.set("theme", "purple")
    with pytest.raises(ValueError):
        store.set("weekly_goal", 99)
    assert heard == []


def test_a_misspelt_key_fails_at_once(database: OpenedDatabase, state: StateFile) -> None:
    with pytest.raises(KeyError, match="not a declared setting"):
        SettingsStore(database, state).subscribe("them", print)


def test_the_window_subscribes_to_the_state_file_and_hears_changes_made_through_the_store(
    database: OpenedDatabase, state: StateFile
) -> None:
    """The window exists before the data file opens; whoever sets the theme later, it hears."""
    heard: list[str] = []
    state.subscribe(keys.THEME, heard.append)  # before the data file opens
    store = SettingsStore(database, state)
    store.set(keys.THEME, "light")  # the settings dialog's way
    assert heard == ["light"]
    assert state.get(keys.THEME) == "light"
    assert database.get_setting("theme") is None  # not written to the data file
