"""Rules about pain scores that the app acts on."""

from __future__ import annotations

#: A rise of two points or more on the 0-10 scale is the smallest change people notice as
#: meaningfully worse (the usual minimal clinically important difference for back pain).
MEANINGFUL_RISE = 2


def meaningful_rise(before: int | None, after: int | None) -> bool:
    """Whether pain after a session is meaningfully higher than before it."""
    if before is None or after is None:
        return False
    return after - before >= MEANINGFUL_RISE
