"""How moments in time are written to the data file and read back.

Each moment is stored twice: ISO 8601 text with the user's own UTC offset (so "08:00 in Delhi"
is shown back as 08:00 +05:30, exactly as entered) and seconds since the Unix epoch in UTC (so
entries made in different time zones sort and range-filter correctly).
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Final

_EPOCH: Final = datetime(1970, 1, 1, tzinfo=UTC)
_MICROSECONDS_PER_SECOND: Final = 1_000_000


def require_aware(name: str, moment: datetime) -> datetime:
    """Refuse naive datetimes: a naive time in a health log is ambiguous forever after."""
    if not isinstance(moment, datetime):
        raise ValueError(f"{name} must be a datetime, got {type(moment).__name__}")
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise ValueError(f"{name} must include a time zone (an aware datetime); got {moment}")
    return moment


def to_iso(moment: datetime) -> str:
    """Write ISO 8601 with the moment's own UTC offset (microseconds kept)."""
    return require_aware("time", moment).isoformat()


def from_iso(text: str) -> datetime:
    """Parse stored text, insisting on the offset so a hand-edited row cannot sneak in naive."""
    moment = datetime.fromisoformat(text)
    return require_aware(f"stored time {text!r}", moment)


def to_epoch(moment: datetime) -> float:
    """Seconds since the epoch, computed from whole microseconds.

    Exact integer arithmetic followed by one correctly rounded division means equal moments
    always give equal numbers and later moments never give smaller ones, which is what range
    queries rely on. datetime.timestamp() is avoided because it can differ in the last bit.
    """
    delta = require_aware("time", moment) - _EPOCH
    micros = (delta.days * 86_400 + delta.seconds) * _MICROSECONDS_PER_SECOND + delta.microseconds
    return micros / _MICROSECONDS_PER_SECOND


def file_stamp(moment: datetime) -> str:
    """Format `moment` as a UTC stamp that is safe in file names everywhere (no colons)."""
    return require_aware("now", moment).astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")
