"""Settings read and written through the declarations in `core.settings`.

Values live in the database's settings table, so everything the app writes stays in the data
folder. A stored value that no longer validates reads as the default. On a read-only database
(written by a newer SpineCoach) changes are kept for this run only, never written.

Each consumer subscribes to the keys it cares about (`subscribe`), as qutebrowser's
`change_filter` or napari's evented settings do: whoever changes a setting (the settings dialog,
View > Theme, the tray) is heard by everyone who shows or uses it, with no central dispatcher.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any, TypeVar, overload

from spinecoach.core.settings import SETTINGS_BY_KEY, Setting, SettingRef, key_of, resolve
from spinecoach.storage.database import Database

log = logging.getLogger(__name__)

T = TypeVar("T")


class SettingsStore:
    """Typed, validated access to the settings table."""

    def __init__(self, database: Database) -> None:
        self._database = database
        self._session_only: dict[str, Any] = {}
        self._subscribers: dict[str, list[Callable[[Any], object]]] = {}

    @overload
    def subscribe(self, setting: Setting[T], callback: Callable[[T], object]) -> None: ...
    @overload
    def subscribe(self, setting: str, callback: Callable[[Any], object]) -> None: ...
    def subscribe(self, setting: SettingRef, callback: Callable[[Any], object]) -> None:
        """Call `callback(new value)` whenever the setting changes (not when set to the same)."""
        key = key_of(setting)
        if key not in SETTINGS_BY_KEY:  # a typo fails here, at once, not by never being called
            raise KeyError(f"{key!r} is not a declared setting")
        self._subscribers.setdefault(key, []).append(callback)

    @overload
    def get(self, setting: Setting[T]) -> T: ...
    @overload
    def get(self, setting: str) -> Any: ...
    def get(self, setting: SettingRef) -> Any:
        """The effective value of a declared setting (typed when given its declaration)."""
        key = key_of(setting)
        if key in self._session_only:
            return self._session_only[key]
        stored = self._database.get_setting(key)
        return resolve(key, {} if stored is None else {key: stored})

    def set(self, setting: SettingRef, value: Any) -> None:
        """Validate and store a setting at once (raises ValueError if it is not acceptable)."""
        key = key_of(setting)
        SETTINGS_BY_KEY[key].validate(value)
        before = self.get(key)
        if self._database.read_only:
            self._session_only[key] = value
        else:
            self._database.set_setting(key, value)
        if value != before:
            for callback in self._subscribers.get(key, ()):
                callback(value)
