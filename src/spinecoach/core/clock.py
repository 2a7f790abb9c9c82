"""Injected time sources, so that no test ever sleeps.

Two kinds of time matter to SpineCoach. Countdowns measure *durations* and must not jump when the
wall clock is adjusted, so they read a monotonic clock. Records and reminders need *wall-clock*
instants with a UTC offset, so that a pain score keeps the local time it was entered at. A
`Clock` offers both; production code receives one and never calls `time` or `datetime` itself.
"""

from __future__ import annotations

import time
from datetime import UTC, datetime, timedelta
from typing import Protocol


class Clock(Protocol):
    """Where the application reads time from."""

    def monotonic(self) -> float:
        """Seconds on a clock that never goes backwards; only differences are meaningful."""
        ...

    def now(self) -> datetime:
        """The current wall-clock time, timezone-aware, in the local offset."""
        ...


class SystemClock:
    """The real clocks of the machine."""

    def monotonic(self) -> float:
        """Read `time.monotonic()`."""
        return time.monotonic()

    def now(self) -> datetime:
        """Read the local wall clock, with its current UTC offset attached."""
        return datetime.now().astimezone()


class FakeClock:
    """A clock that moves only when a test says so.

    Both readings advance together with `advance()`; `set_wall()` changes only the wall clock,
    which is how a test models a suspend, a DST change or a user adjusting the time.
    """

    def __init__(self, start: datetime | None = None, monotonic_start: float = 1000.0) -> None:
        if start is None:
            start = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
        if start.tzinfo is None:
            raise ValueError("FakeClock needs a timezone-aware start time")
        self._wall = start
        self._mono = monotonic_start

    def monotonic(self) -> float:
        """The fake monotonic reading."""
        return self._mono

    def now(self) -> datetime:
        """The fake wall-clock reading."""
        return self._wall

    def advance(self, seconds: float) -> None:
        """Let `seconds` pass on both clocks."""
        if seconds < 0:
            raise ValueError("time does not run backwards; use set_wall() for clock changes")
        self._mono += seconds
        # Add real elapsed time in UTC: with a named zone (ZoneInfo), adding to the local
        # wall time would gain or lose an hour across a DST change.
        zone = self._wall.tzinfo
        self._wall = (self._wall.astimezone(UTC) + timedelta(seconds=seconds)).astimezone(zone)

    def set_wall(self, wall: datetime) -> None:
        """Jump the wall clock only, as a clock change or a resume from suspend would."""
        if wall.tzinfo is None:
            raise ValueError("wall-clock times must be timezone-aware")
        self._wall = wall
