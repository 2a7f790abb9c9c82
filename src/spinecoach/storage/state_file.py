"""The window's own state, kept apart from health data in a small JSON file.

How the window looks (the colour preference and the desktop's scheme when last asked), where it
was, the area last shown, whether to start in the tray, and one-time flags are read before the
first paint. Reading them from the data file meant opening SQLite (or peeking at it read-only)
before anything could show; a few hundred bytes of JSON read with the standard library cost
next to nothing, and the data file opens once, after the paint, through one entry point.

This is convenience state. A missing, unreadable or hand-damaged file reads as defaults (the
safety notes are then shown again: the cautious direction); a write that fails is logged and
kept for this run, never an error the person has to deal with. Health data takes the other
road (`storage.safe_writer.SafeWriter`: kept and retried, and the person is told). The file is
written whole to a private temporary file and renamed over the old one, so a crash leaves
either the old state or the new, never half of it; it is 0600 like everything in the folder.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any, TypeVar, overload

from spinecoach.core.settings import (
    SETTINGS_BY_KEY,
    STATE_FILE_KEYS,
    Setting,
    SettingRef,
    key_of,
    resolve,
)
from spinecoach.storage.files import replace_private_text

log = logging.getLogger(__name__)

T = TypeVar("T")

STATE_FILE_NAME = "window-state.json"

#: Bigger than any real state (geometry is ~100 bytes); a larger file is not ours to read.
MAX_STATE_BYTES = 64_000


def state_file_path(data_dir: Path) -> Path:
    """Where the state of the window for the data folder `data_dir` is kept."""
    return data_dir / STATE_FILE_NAME


class StateFile:
    """Typed, validated, observable access to the settings kept in the state file.

    The same `get` / `set` / `subscribe` as `SettingsStore`, for the keys declared with
    `in_state_file=True`; any other key is a programming error and raises KeyError at once.
    """

    def __init__(self, path: Path, values: Mapping[str, object] | None = None) -> None:
        self.path = path
        self._values: dict[str, object] = dict(values or {})
        self._subscribers: dict[str, list[Callable[[Any], object]]] = {}
        self.found_on_disk = values is not None
        """Whether a state file was there at start (if not: a first start, or an upgrade)."""

    @classmethod
    def load(cls, path: Path) -> StateFile:
        """Read the state file at `path`; whatever cannot be read reads as defaults."""
        try:
            with path.open("rb") as file:
                raw = file.read(MAX_STATE_BYTES + 1)
        except FileNotFoundError:
            return cls(path)
        except OSError as error:
            log.warning("the window state in %s cannot be read (%s); using defaults", path, error)
            return cls(path)
        try:
            if len(raw) > MAX_STATE_BYTES:
                raise ValueError("larger than any state SpineCoach writes")
            values = json.loads(raw.decode("utf-8"))
            if not isinstance(values, dict):
                raise ValueError("not a JSON object")
        except ValueError as error:  # includes JSON and UTF-8 decoding errors
            log.warning("the window state in %s is damaged (%s); using defaults", path, error)
            return cls(path, {})
        return cls(path, {k: v for k, v in values.items() if k in STATE_FILE_KEYS})

    @staticmethod
    def _declared(setting: SettingRef) -> str:
        key = key_of(setting)
        if key not in STATE_FILE_KEYS:
            raise KeyError(f"{key!r} is not kept in the state file")
        return key

    @overload
    def get(self, setting: Setting[T]) -> T: ...
    @overload
    def get(self, setting: str) -> Any: ...
    def get(self, setting: SettingRef) -> Any:
        """The effective value (the default when unset or no longer valid)."""
        return resolve(self._declared(setting), self._values)

    def set(self, setting: SettingRef, value: Any) -> None:
        """Validate (ValueError if unacceptable), keep and write; subscribers hear a change."""
        key = self._declared(setting)
        SETTINGS_BY_KEY[key].validate(value)
        before = self.get(key)
        self._values[key] = value
        self._write()
        if value != before:
            for callback in self._subscribers.get(key, ()):
                callback(value)

    @overload
    def subscribe(self, setting: Setting[T], callback: Callable[[T], object]) -> None: ...
    @overload
    def subscribe(self, setting: str, callback: Callable[[Any], object]) -> None: ...
    def subscribe(self, setting: SettingRef, callback: Callable[[Any], object]) -> None:
        """Call `callback(new value)` whenever the setting changes."""
        self._subscribers.setdefault(self._declared(setting), []).append(callback)

    def adopt(self, values: Mapping[str, object]) -> list[str]:
        """Take over values the data file kept before there was a state file; returns the keys.

        Only keys this file has no value for, and only valid values, so nothing set since is
        overwritten. Subscribers hear the changes (the window restyles to the adopted theme).
        """
        taken = []
        for key, value in values.items():
            if key not in STATE_FILE_KEYS or key in self._values:
                continue
            try:
                SETTINGS_BY_KEY[key].validate(value)
            except ValueError:
                continue
            before = self.get(key)
            self._values[key] = value
            taken.append(key)
            if value != before:
                for callback in self._subscribers.get(key, ()):
                    callback(value)
        if taken:
            self._write()
        return taken

    def _write(self) -> bool:
        """Write every value to a private temporary file and rename it over the state file."""
        text = json.dumps(self._values, indent=1, sort_keys=True)
        try:
            replace_private_text(self.path, text)
        except OSError as error:
            log.warning("could not remember the window state in %s: %s", self.path, error)
            return False
        return True
