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
