"""Settings announce changes per key: each consumer hears the keys it subscribed to, once."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from spinecoach.storage.database import Database
from spinecoach.storage.opening import open_database
from spinecoach.storage.peek import StartupSettings
from spinecoach.storage.settings_store import SettingsStore

NOW = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)


@pytest.fixture
def database(tmp_path: Path) -> Iterator[Database]:
    with open_database(tmp_path / "spinecoach.sqlite3", now=NOW) as opened:
        yield opened


def test_a_subscriber_hears_its_key_only_and_only_real_changes(database: Database) -> None:
    store = SettingsStore(database)
    heard: list[tuple[str, Any]] = []
    store.subscribe("theme", lambda value: heard.append(("theme", value)))
    store.subscribe("weekly_goal", lambda value: heard.append(("goal", value)))
    store.set("theme", "dark")
    store.set("theme", "dark")  # the same value again: nothing to hear
    store.set("weekly_goal", 5)
    store.set("volume", 40)  # nobody listens
    assert heard == [("theme", "dark"), ("goal", 5)]


def test_a_refused_value_is_not_announced(database: Database) -> None:
    store = SettingsStore(database)
    heard: list[Any] = []
    store.subscribe("theme", heard.append)
    with pytest.raises(ValueError):
        store.set("theme", "purple")
    assert heard == []


def test_a_misspelt_key_fails_at_once() -> None:
    with pytest.raises(KeyError, match="not a declared setting"):
        SettingsStore.__new__(SettingsStore).subscribe("them", print)


def test_subscriptions_made_before_the_file_opens_are_kept(database: Database) -> None:
    startup = StartupSettings({}, lambda: SettingsStore(database))
    heard: list[Any] = []
    startup.subscribe("theme", heard.append)
    store = SettingsStore(database)
    startup.attach(store)
    store.set("theme", "light")
    assert heard == ["light"]
