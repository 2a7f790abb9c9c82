"""Settings read and written through the declarations in `core.settings`.

Values live in the database's settings table, so everything the app writes stays in the data
folder. A stored value that no longer validates reads as the default. On a read-only database
(written by a newer SpineCoach) changes are kept for this run only, never written.
"""

from __future__ import annotations

import logging
from typing import Any

from spinecoach.core.settings import SETTINGS_BY_KEY, resolve
from spinecoach.storage.store import Database

log = logging.getLogger(__name__)


class SettingsStore:
    """Typed, validated access to the settings table."""

    def __init__(self, database: Database) -> None:
        self._database = database
        self._session_only: dict[str, Any] = {}

    def get(self, key: str) -> Any:
        """The effective value of a declared setting."""
        if key in self._session_only:
            return self._session_only[key]
        stored = self._database.get_setting(key)
        return resolve(key, {} if stored is None else {key: stored})

    def set(self, key: str, value: Any) -> None:
        """Validate and store a setting at once (raises ValueError if it is not acceptable)."""
        SETTINGS_BY_KEY[key].validate(value)
        if self._database.read_only:
            self._session_only[key] = value
            return
        self._database.set_setting(key, value)
