"""Each sound problem is logged once, however many cues run into it.

A session plays a cue every second or so; a machine without an audio output or a speech engine
would otherwise fill the log with the same line hundreds of times per session.
"""

from __future__ import annotations

import logging


class OnceLog:
    """Logs a message the first time its key is seen, and never again for that key."""

    def __init__(self, logger: logging.Logger) -> None:
        self._logger = logger
        self._seen: set[str] = set()

    def __call__(
        self,
        key: str,
        message: str,
        *args: object,
        level: int = logging.WARNING,
        exc_info: bool = False,
    ) -> None:
        """Log `message % args` at `level` unless `key` was logged already."""
        if key in self._seen:
            return
        self._seen.add(key)
        self._logger.log(level, message, *args, exc_info=exc_info)
