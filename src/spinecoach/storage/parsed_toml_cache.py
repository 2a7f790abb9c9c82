"""The shipped TOML files, parsed once and kept between starts.

Parsing the 56 files of the exercise library took ~15 ms of every start, all before the Library
list could show (issue 12), and they only change when SpineCoach is updated or a contributor
edits one. So the parsed tables are kept in one `marshal` file (`paths.cache_dir`),
each with the modification time and size of the file it came from: a file that changed, or
one not seen before, is parsed again, and the cache is rewritten only then.

The cache holds nothing personal (only what ships with SpineCoach) and is only a shortcut:
a cache that cannot be read or written is logged and ignored, never a reason not to start.
`marshal` rather than `pickle` or JSON: it loads the plain tables ~10x faster than JSON and
runs no code. Its format is tied to the Python version, which is part of the file name.
"""

from __future__ import annotations

import logging
import marshal
import os
import sys
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from collections.abc import Callable
    from importlib.resources.abc import Traversable

log = logging.getLogger(__name__)

#: What is kept for one file: its modification time (ns), its size and its parsed tables.
_Entry = tuple[int, int, dict[str, Any]]


def cache_file_name(version: str) -> str:
    """The cache's file name for this SpineCoach and this Python (marshal's format varies)."""
    major, minor = sys.version_info[:2]
    return f"parsed-library-{version}-py{major}{minor}.marshal"


class ParsedTomlCache:
    """Reads TOML files through a cache kept in `file` (see the module's docstring).

    Use `read` wherever `core.library.read_toml` would be called, then `save()` once.
    Only real files (`Path`) are cached; anything else (a zipped package) is always parsed.
    """

    def __init__(self, file: Path, parse: Callable[[Traversable], dict[str, Any]]) -> None:
        self.file = file
        self._parse = parse
        self._kept = self._load(file)
        self._used: dict[str, _Entry] = {}
        #: How many files were read from the cache / parsed, since this object was made.
        self.hits = 0
        self.misses = 0

    @staticmethod
    def _load(file: Path) -> dict[str, _Entry]:
        try:
            data = marshal.loads(file.read_bytes())
        except FileNotFoundError:
            return {}
        except (OSError, EOFError, ValueError, TypeError) as error:
            log.info("parsed-library cache %s not used: %s", file, error)
            return {}
        if not isinstance(data, dict) or not all(_is_entry(v) for v in data.values()):
            log.info("parsed-library cache %s not used: not what SpineCoach writes", file)
            return {}
        return data

    def read(self, entry: Traversable) -> dict[str, Any]:
        """The parsed file: from the cache when the file is unchanged, else parsed now.

        Raises what the parser raises for a bad file (which is then not cached).
        """
        if not isinstance(entry, Path):
            return self._parse(entry)
        key = str(entry)
        try:
            status = entry.stat()
        except OSError:
            return self._parse(entry)  # says why, in the parser's words
        kept = self._kept.get(key)
        if kept is not None and kept[0] == status.st_mtime_ns and kept[1] == status.st_size:
            self._used[key] = kept
            self.hits += 1
            return kept[2]
        data = self._parse(entry)
        self._used[key] = (status.st_mtime_ns, status.st_size, data)
        self.misses += 1
        return data

    def save(self) -> None:
        """Write the cache if a file was parsed or dropped; a failure is logged, not raised.

        Written to a temporary file and renamed over the old one, so a start that is stopped
        half-way leaves either the old cache or the new one.
        """
        if self._used == self._kept:
            return
        try:
            self.file.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
            handle, temporary = tempfile.mkstemp(dir=self.file.parent, suffix=".tmp")
            try:
                with os.fdopen(handle, "wb") as out:
                    out.write(marshal.dumps(self._used))
                Path(temporary).replace(self.file)
            except BaseException:
                Path(temporary).unlink(missing_ok=True)
                raise
        except (OSError, ValueError) as error:
            log.info("parsed-library cache %s not written: %s", self.file, error)
            return
        self._kept = dict(self._used)


def _is_entry(value: object) -> bool:
    return (
        isinstance(value, tuple)
        and len(value) == 3
        and isinstance(value[0], int)
        and isinstance(value[1], int)
        and isinstance(value[2], dict)
    )
