"""Settings (JSON values) and the user's custom routines (TOML text)."""

from __future__ import annotations

import math
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest

from spinecoach.storage.database import Database
from spinecoach.storage.opening import open_database
from spinecoach.storage.setting_codec import JsonValue

NOW = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
ROUTINE = 'name = "Desk break"\nexercises = ["chin-tucks", "shoulder-rolls"]\n'


def stored_settings(database: Database) -> dict[str, str]:
    """The settings table's rows as stored (JSON text), read straight from the file."""
    rows = database._read().execute("SELECT key, value FROM settings").fetchall()
    return {str(row["key"]): str(row["value"]) for row in rows}


@pytest.fixture
def database(tmp_path: Path) -> Iterator[Database]:
    with open_database(tmp_path / "spinecoach.sqlite3", now=NOW) as opened:
        yield opened


@pytest.mark.parametrize(
    "value",
    [True, 3, 2.5, "dark", None, [1, "two", None], {"nested": {"list": [False]}}, "ünïcødé"],
)
def test_settings_round_trip_as_json(database: Database, value: JsonValue) -> None:
    database.set_setting("key", value)
    assert database.get_setting("key", default="unused") == value


def test_missing_setting_gives_the_default(database: Database) -> None:
    assert database.get_setting("theme") is None
    assert database.get_setting("theme", "system") == "system"


def test_setting_is_replaced_not_duplicated(database: Database) -> None:
    database.set_setting("weekly_goal", 3)
    database.set_setting("weekly_goal", 5)
    assert stored_settings(database) == {"weekly_goal": "5"}


@pytest.mark.parametrize("value", [math.nan, math.inf, {"when": NOW}])
def test_values_that_are_not_strict_json_are_refused(database: Database, value: object) -> None:
    with pytest.raises(ValueError, match="cannot be stored as JSON"):
        database.set_setting("bad", value)  # type: ignore[arg-type]
    assert stored_settings(database) == {}


def test_hand_damaged_setting_falls_back_to_default(database: Database) -> None:
    database._read().execute("INSERT INTO settings (key, value) VALUES ('theme', '{oops')")
    database.set_setting("weekly_goal", 4)
    assert database.get_setting("theme", "system") == "system"
    assert database.get_setting("weekly_goal") == 4  # the damaged row hurts no other setting
    assert stored_settings(database)["theme"] == "{oops"  # and is left as it was, not deleted


def test_custom_routine_save_update_list_delete(database: Database) -> None:
    created = database.save_custom_routine("desk-break", "Desk break", ROUTINE, NOW)
    later = datetime(2026, 3, 3, 8, 0, tzinfo=timezone(timedelta(hours=2)))
    updated = database.save_custom_routine("desk-break", "Desk break v2", ROUTINE, later)
    database.save_custom_routine("a-first", "Aaa", "", NOW)

    assert updated.created_at == created.created_at == NOW
    assert updated.updated_at.isoformat() == "2026-03-03T08:00:00+02:00"
    assert [r.name for r in database.custom_routines()] == ["Aaa", "Desk break v2"]
    assert database.custom_routines()[1] == updated

    assert database.delete_custom_routine("desk-break") is True
    assert database.delete_custom_routine("desk-break") is False
    assert [r.id for r in database.custom_routines()] == ["a-first"]


def test_invalid_toml_is_refused_and_the_old_body_kept(database: Database) -> None:
    database.save_custom_routine("desk-break", "Desk break", ROUTINE, NOW)
    with pytest.raises(ValueError, match="not valid TOML"):
        database.save_custom_routine("desk-break", "Desk break", "name = ", NOW)
    assert database.custom_routines()[0].body == ROUTINE
