"""The journal of health-data writes that wait for storage, kept beside the database.

`pending-writes.jsonl`: mode 0600, one JSON object a line, each append flushed and fsynced so
a crash or a quit loses nothing. It never holds more than what is waiting. A torn last line (a
crash mid-append) is skipped and logged; the lines before it are kept.
"""

from __future__ import annotations

import json
import logging
import os
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import Any, Final

from spinecoach.storage.files import PRIVATE_FILE_MODE

log = logging.getLogger(__name__)

PENDING_FILE_NAME: Final = "pending-writes.jsonl"


class WriteKind(StrEnum):
    """What a pending write does."""

    PAIN = "pain"
    SESSION_START = "session-start"
    EXERCISE_DONE = "exercise-done"
    SESSION_FINISH = "session-finish"
    HURT = "hurt"
    REMINDER = "reminder"
    SESSION_NOTE = "session-note"
    EXERCISE_SKIPPED = "exercise-skipped"
    SESSION_FEELING = "session-feeling"
    PAIN_EDIT = "pain-edit"


@dataclass(frozen=True, slots=True)
class PendingWrite:
    """One write waiting for storage: `key` names it, `data` is plain JSON."""

    key: str
    kind: WriteKind
    data: dict[str, Any]

    def to_json(self) -> str:
        """One journal line (no newline)."""
        return json.dumps(
            {"key": self.key, "kind": self.kind.value, "data": self.data},
            ensure_ascii=False,
            separators=(",", ":"),
        )

    @classmethod
    def from_json(cls, line: str) -> PendingWrite:
        """Parse a journal line; raises ValueError (or KeyError) on a torn or foreign line."""
        raw = json.loads(line)
        if not isinstance(raw, dict) or not isinstance(raw.get("data"), dict):
            raise ValueError("not a pending write")
        return cls(key=str(raw["key"]), kind=WriteKind(raw["kind"]), data=raw["data"])


class PendingJournal:
    """The append-only journal file of pending writes (0600), beside the database.

    `append` flushes and fsyncs each line. `rewrite` replaces the whole file atomically
    (temporary file, then rename), or removes it when nothing is left. Either returns False when
    the disk refused: the caller still holds the writes in memory.
    """

    def __init__(self, path: Path) -> None:
        self.path = path

    def load(self) -> list[PendingWrite]:
        """Every whole line, in order; a torn or unreadable line is skipped and logged."""
        try:
            text = self.path.read_text(encoding="utf-8")
        except FileNotFoundError:
            return []
        except OSError as error:
            log.error("cannot read the pending writes in %s: %s", self.path, error)
            return []
        writes: list[PendingWrite] = []
        for number, line in enumerate(text.splitlines(), start=1):
            if not line.strip():
                continue
            try:
                writes.append(PendingWrite.from_json(line))
            except (ValueError, KeyError) as error:
                log.warning(
                    "pending writes line %d skipped (torn or unreadable): %s", number, error
                )
        return writes

    def append(self, write: PendingWrite) -> bool:
        """Add one write at the end, on disk before returning; False if the disk refused."""
        line = (write.to_json() + "\n").encode("utf-8")
        try:
            descriptor = os.open(
                self.path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, PRIVATE_FILE_MODE
            )
            try:
                _make_private(descriptor)
                written = os.write(descriptor, line)
                if written != len(line):
                    raise OSError("short write")
                os.fsync(descriptor)
            finally:
                os.close(descriptor)
        except OSError as error:
            log.error("cannot keep a pending write in %s: %s", self.path, error)
            return False
        return True

    def rewrite(self, writes: list[PendingWrite]) -> bool:
        """Replace the journal with `writes` (or remove it when empty); False if it failed."""
        try:
            if not writes:
                self.path.unlink(missing_ok=True)
                return True
            temporary = self.path.with_name(self.path.name + ".tmp")
            data = "".join(write.to_json() + "\n" for write in writes).encode("utf-8")
            descriptor = os.open(
                temporary, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, PRIVATE_FILE_MODE
            )
            try:
                _make_private(descriptor)
                os.write(descriptor, data)
                os.fsync(descriptor)
            finally:
                os.close(descriptor)
            temporary.replace(self.path)
        except OSError as error:
            log.error("cannot rewrite the pending writes in %s: %s", self.path, error)
            return False
        return True


def _make_private(descriptor: int) -> None:
    """0600 even if the file existed looser (POSIX; Windows before 3.13 has no fchmod)."""
    if hasattr(os, "fchmod"):
        os.fchmod(descriptor, PRIVATE_FILE_MODE)
