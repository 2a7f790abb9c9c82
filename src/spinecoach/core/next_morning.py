"""When to ask the next-morning question (docs/PROGRESSION.md).

"How is your back this morning compared with before yesterday's session?" is asked at the
first opening (window or tray) on the local morning after a session: only on the next local
day, before `morning_ends` (noon), and once per session day. A session that ends before
`NIGHT_ENDS` (04:00) belongs to the day before: a late evening session is still "yesterday's"
at breakfast. Local days are the person's days in `zone`, so the question comes at the right
hour on both DST change days. Pure: the caller passes the time and what is stored.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta, tzinfo
from typing import Final

#: A session ending before this local time belongs to the day before.
NIGHT_ENDS: Final = time(4, 0)


def session_day(ended: datetime, zone: tzinfo) -> date:
    """The local day a session that ended at `ended` belongs to (see NIGHT_ENDS)."""
    local = ended.astimezone(zone)
    if local.time() < NIGHT_ENDS:
        return local.date() - timedelta(days=1)
    return local.date()


def should_ask(
    now: datetime,
    zone: tzinfo,
    last_session_end: datetime | None,
    already_answered_for: date | None,
    morning_ends: time = time(12, 0),
) -> date | None:
    """The day of the session to ask about now, or None when the question is not due.

    `last_session_end`: when the latest finished session ended (aware); `already_answered_for`:
    the session day the question was last answered (or skipped) for. Both times are aware.
    """
    if last_session_end is None:
        return None
    if now.utcoffset() is None or last_session_end.utcoffset() is None:
        raise ValueError("should_ask needs aware datetimes (with a time zone)")
    day = session_day(last_session_end, zone)
    local_now = now.astimezone(zone)
    if local_now.date() != day + timedelta(days=1):
        return None
    if not NIGHT_ENDS <= local_now.time() < morning_ends:
        return None
    if already_answered_for is not None and already_answered_for >= day:
        return None
    return day
