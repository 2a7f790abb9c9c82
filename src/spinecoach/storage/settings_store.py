"""Settings read and written through the declarations in `core.settings`.

One object for every setting, wherever it is kept: the window's own (declared `in_state_file`)
in the state file (`storage.state_file`), everything else in the database's settings table.
A stored value that no longer validates reads as the default. On a read-only database (written
by a newer SpineCoach) changes are kept for this run only, never written.

Each consumer subscribes to the keys it cares about (`subscribe`), as qutebrowser's
`change_filter` or napari's evented settings do: whoever changes a setting (the settings dialog,
View > Theme, the tray) is heard by everyone who shows or uses it, with no central dispatcher.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any, TypeVar, overload

from spinecoach.core.settings import (
    SETTINGS_BY_KEY,
    STATE_FILE_KEYS,
    Setting,
    SettingRef,
    key_of,
    resolve,
)
from spinecoach.storage.database import Database
from spinecoach.storage.state_file import StateFile

log = logging.getLogger(__name__)

T = TypeVar("T")


class SettingsStore:
    """Typed, validated, observable access to every setting."""

    def __init__(self, database: Database, state: StateFile) -> None:
        self._database = database
        self.state = state
        """The window's own settings, readable before the database opens."""
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
        if key in STATE_FILE_KEYS:
            self.state.subscribe(key, callback)
            return
        self._subscribers.setdefault(key, []).append(callback)

    @overload
    def get(self, setting: Setting[T]) -> T: ...
    @overload
    def get(self, setting: str) -> Any: ...
    def get(self, setting: SettingRef) -> Any:
        """The effective value of a declared setting (typed when given its declaration)."""
        key = key_of(setting)
        if key in STATE_FILE_KEYS:
            return self.state.get(key)
        if key in self._session_only:
            return self._session_only[key]
        stored = self._database.get_setting(key)
        return resolve(key, {} if stored is None else {key: stored})

    def set(self, setting: SettingRef, value: Any) -> None:
        """Validate and store a setting at once (raises ValueError if it is not acceptable)."""
        key = key_of(setting)
        if key in STATE_FILE_KEYS:
            self.state.set(key, value)
            return
        SETTINGS_BY_KEY[key].validate(value)
        before = self.get(key)
        if self._database.read_only:
            self._session_only[key] = value
        else:
            self._database.set_setting(key, value)
        if value != before:
            for callback in self._subscribers.get(key, ()):
                callback(value)

    def move_window_state_out(self) -> list[str]:
        """Hand what older versions kept in the data file to the state file (once).

        Before there was a state file, the window's settings lived in the settings table; a
        first start of this version finds them there and the state file adopts them, so the
        person keeps their colours, window and acknowledgement. Returns the keys taken over.
        """
        if self.state.found_on_disk:
            return []
        found = {}
        for key in sorted(STATE_FILE_KEYS):
            value = self._database.get_setting(key)
            if value is not None:
                found[key] = value
        return self.state.adopt(found)
