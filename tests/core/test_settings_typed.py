"""Every setting has one typed declaration: its key, its kind and a default of that kind."""

from __future__ import annotations

from spinecoach.core import settings
from spinecoach.core.settings import SETTINGS, SETTINGS_BY_KEY, Setting, key_of


def test_every_declaration_is_a_named_typed_handle_and_listed_once() -> None:
    handles = [value for name, value in vars(settings).items() if isinstance(value, Setting)]
    assert sorted(h.key for h in handles) == sorted(s.key for s in SETTINGS)
    assert len(SETTINGS_BY_KEY) == len(SETTINGS)  # no key declared twice
    for handle in handles:
        assert isinstance(handle.default, handle.kind), handle.key
        assert not (handle.kind is int and isinstance(handle.default, bool)), handle.key
        assert handle.validate(handle.default) == handle.default
        assert getattr(settings, handle.key.replace(".", "_").upper()) is handle


def test_a_setting_is_named_by_handle_or_by_key_alike() -> None:
    assert key_of(settings.THEME) == key_of("theme") == "theme"
