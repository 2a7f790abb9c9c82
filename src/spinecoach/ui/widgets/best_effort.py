"""UI state is remembered if storage lets us, and never stops the app when it does not.

Window geometry, the last area, the colour-scheme guess and one-time flags are conveniences: a
full disk or a read-only data file must not stop the window from closing or the app from
starting. Health data takes the other road (`storage.pending.SafeWriter`: kept and retried).
"""

from __future__ import annotations

import logging
from typing import Protocol

log = logging.getLogger(__name__)


class SettingsWriter(Protocol):
    """Anything that stores a setting by key (the settings store, the start-up settings)."""

    def set(self, key: str, value: object) -> None:
        """Store `value` under `key`."""
        ...


def remember(settings: SettingsWriter, key: str, value: object) -> bool:
    """Store a piece of UI state; a storage refusal is logged and False, a bug still raises."""
    try:
        settings.set(key, value)
    except Exception as error:  # classified below; a bug re-raises
        # Imported here: the window shell imports this module before its first paint, when
        # nothing of the storage layer may be loaded yet.
        from spinecoach.storage.pending import describe_failure

        problem = describe_failure(error)
        if problem is None:
            raise
        log.warning("could not remember %s: %s", key, problem.code)
        return False
    return True
