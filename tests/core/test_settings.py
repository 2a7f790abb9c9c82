"""Settings are declared once and validated; bad stored values fall back to defaults."""

from __future__ import annotations

import pytest

from spinecoach.core.settings import SETTINGS, SETTINGS_BY_KEY, resolve


def test_every_default_is_valid_and_described() -> None:
    for setting in SETTINGS:
        assert setting.validate(setting.default) == setting.default
        assert len(setting.description) > 20


def test_resolve_uses_stored_value_when_valid() -> None:
    assert resolve("theme", {"theme": "dark"}) == "dark"
    assert resolve("weekly_goal", {"weekly_goal": 5}) == 5


@pytest.mark.parametrize(
    ("key", "bad"),
    [("theme", "purple"), ("theme", 3), ("weekly_goal", 0), ("weekly_goal", 99),
     ("weekly_goal", True), ("safety_acknowledged", "yes")],
)  # fmt: skip
def test_resolve_falls_back_to_default_for_invalid_values(key: str, bad: object) -> None:
    assert resolve(key, {key: bad}) == SETTINGS_BY_KEY[key].default


def test_missing_value_is_the_default() -> None:
    assert resolve("safety_acknowledged", {}) is False


@pytest.mark.parametrize(
    ("key", "good", "bad"),
    [("daily_reminder_time", "07:45", "7:45"), ("daily_reminder_time", "", "24:00"),
     ("daily_reminder_time", "23:59", "12:60"), ("snooze_minutes", 10, 7),
     ("player_text_size", "larger", "huge")],
)  # fmt: skip
def test_patterns_and_choices_are_enforced(key: str, good: object, bad: object) -> None:
    assert resolve(key, {key: good}) == good
    with pytest.raises(ValueError, match=key):
        SETTINGS_BY_KEY[key].validate(bad)


def test_every_setting_shown_in_the_dialog_has_a_label() -> None:
    shown = [setting for setting in SETTINGS if setting.group]
    assert {setting.group for setting in shown} == {"Reminders", "Sessions", "General"}
    assert all(setting.label for setting in shown)
    assert not SETTINGS_BY_KEY["close_to_tray_explained"].group
