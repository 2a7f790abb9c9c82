"""The settings that shape the first frame, read before the data file is properly opened.

Opening the data file (probing it, checking the schema, repairing sessions cut short) and
loading the record types it serves cost ~10 ms: a tenth of a bare window's start-up. So the
window's first paint goes by a read-only look at the settings table, and `open_database` runs
right after the paint. Whatever stops the look (no file yet, a damaged or foreign file, a lock)
reads as "nothing stored": defaults for one frame, and `open_database` then deals with the file
and tells the person, exactly as before.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar, overload

from spinecoach.core.settings import Setting, SettingRef, key_of, resolve
from spinecoach.storage.connection import configure_read_only, connect
from spinecoach.storage.errors import StoredDataError
from spinecoach.storage.probe import read_header
from spinecoach.storage.schema_v1 import APPLICATION_ID
from spinecoach.storage.setting_codec import JsonValue, decode_setting

if TYPE_CHECKING:
    from spinecoach.storage.settings_store import SettingsStore

T = TypeVar("T")


def peek_settings(path: Path) -> dict[str, JsonValue]:
    """Every readable stored setting of the data file at `path`; {} when it cannot be read.

    Read-only (mode=ro and query_only): nothing in the file is changed.
    """
    if not path.is_file():
        return {}
    try:
        header = read_header(path)
    except OSError:
        return {}
    if header is None or header.application_id not in (0, APPLICATION_ID):
        return {}  # another program's file: never even opened
    # The header may still say 0 while our own first writes sit in the WAL. Without a WAL the
    # file is read as it is on disk (immutable: no lock, no -shm left beside another program's
    # file); with one, -wal and -shm are already there and a plain read-only look adds nothing.
    wal = path.with_name(path.name + "-wal")
    try:
        connection = connect(path, read_only=True, immutable=not wal.exists())
    except sqlite3.Error:
        return {}
    try:
        configure_read_only(connection)
        (application_id,) = connection.execute("PRAGMA application_id").fetchone()
        if application_id != APPLICATION_ID:
            return {}  # another program's file, or one not yet initialised
        rows = connection.execute("SELECT key, value FROM settings").fetchall()
    except sqlite3.Error:
        return {}
    finally:
        connection.close()
    settings: dict[str, JsonValue] = {}
    for row in rows:
        try:
            settings[str(row["key"])] = decode_setting(str(row["key"]), str(row["value"]))
        except StoredDataError:
            continue  # as SettingsStore: a damaged value reads as the default
    return settings


class StartupSettings:
    """The settings the window is built with: the peeked values, then the real store.

    Reads come from the peek until `attach` hands over the store. A write before that opens the
    data file at once through `open_store`, so no setting is ever held only here.
    """

    def __init__(
        self, peeked: Mapping[str, JsonValue], open_store: Callable[[], SettingsStore]
    ) -> None:
        self._peeked = dict(peeked)
        self._open_store = open_store
        self._store: SettingsStore | None = None
        self._waiting: list[tuple[str, Callable[[Any], object]]] = []

    def attach(self, store: SettingsStore) -> None:
        """From now on read and write `store` (the data file is open)."""
        self._store = store
        for key, callback in self._waiting:
            store.subscribe(key, callback)
        self._waiting.clear()

    @overload
    def subscribe(self, setting: Setting[T], callback: Callable[[T], object]) -> None: ...
    @overload
    def subscribe(self, setting: str, callback: Callable[[Any], object]) -> None: ...
    def subscribe(self, setting: SettingRef, callback: Callable[[Any], object]) -> None:
        """Hear every change of a setting (handed to the store when it is attached)."""
        if self._store is not None:
            self._store.subscribe(key_of(setting), callback)
        else:
            self._waiting.append((key_of(setting), callback))

    @overload
    def get(self, setting: Setting[T]) -> T: ...
    @overload
    def get(self, setting: str) -> Any: ...
    def get(self, setting: SettingRef) -> Any:
        """The effective value of a declared setting (its default when unset or invalid)."""
        if self._store is not None:
            return self._store.get(key_of(setting))
        return resolve(key_of(setting), self._peeked)

    def set(self, setting: SettingRef, value: Any) -> None:
        """Validate and store a setting at once, opening the data file if need be."""
        store = self._store if self._store is not None else self._open_store()
        store.set(key_of(setting), value)
