"""When the next-morning question is due: across midnight and both DST changes (Europe/Berlin)."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from hypothesis import given, settings
from hypothesis import strategies as st

from spinecoach.core.next_morning import session_day, should_ask

BERLIN = ZoneInfo("Europe/Berlin")


def berlin(y: int, m: int, d: int, hh: int, mm: int = 0) -> datetime:
    return datetime(y, m, d, hh, mm, tzinfo=BERLIN)


def test_asked_the_next_morning_about_yesterday() -> None:
    ended = berlin(2026, 5, 4, 18, 30)
    assert should_ask(berlin(2026, 5, 5, 7), BERLIN, ended, None) == date(2026, 5, 4)
    assert should_ask(berlin(2026, 5, 5, 11, 59), BERLIN, ended, None) == date(2026, 5, 4)


def test_not_the_same_day_not_after_noon_not_two_days_later() -> None:
    ended = berlin(2026, 5, 4, 8)
    assert should_ask(berlin(2026, 5, 4, 11), BERLIN, ended, None) is None
    assert should_ask(berlin(2026, 5, 5, 12), BERLIN, ended, None) is None
    assert should_ask(berlin(2026, 5, 6, 8), BERLIN, ended, None) is None


def test_asked_once_per_session_day() -> None:
    ended = berlin(2026, 5, 4, 18)
    assert should_ask(berlin(2026, 5, 5, 8), BERLIN, ended, date(2026, 5, 4)) is None
    assert should_ask(berlin(2026, 5, 5, 8), BERLIN, ended, date(2026, 5, 3)) == date(2026, 5, 4)


def test_no_session_no_question() -> None:
    assert should_ask(berlin(2026, 5, 5, 8), BERLIN, None, None) is None


def test_across_midnight_a_late_session_is_yesterdays() -> None:
    # Started 23:40, ended 00:20: at breakfast it is yesterday evening's session.
    ended = berlin(2026, 5, 5, 0, 20)
    assert session_day(ended, BERLIN) == date(2026, 5, 4)
    assert should_ask(berlin(2026, 5, 5, 8), BERLIN, ended, None) == date(2026, 5, 4)
    # Opened at 01:00 that night: not a morning yet.
    assert should_ask(berlin(2026, 5, 5, 1), BERLIN, ended, None) is None
    # Just before midnight: the day it was done; the question waits for the morning.
    before_midnight = berlin(2026, 5, 4, 23, 59)
    assert (
        should_ask(
            berlin(
                2026,
                5,
                4,
                23,
                59,
            ),
            BERLIN,
            before_midnight,
            None,
        )
        is None
    )
    assert should_ask(berlin(2026, 5, 5, 4), BERLIN, before_midnight, None) == date(2026, 5, 4)


def test_spring_forward_the_morning_ends_at_local_noon() -> None:
    # 29 March 2026: 02:00 CET becomes 03:00 CEST. Session the evening before, in CET.
    ended = berlin(2026, 3, 28, 21)
    assert ended.utcoffset() == timedelta(hours=1)
    # 11:30 CEST = 09:30 UTC: still morning.
    assert should_ask(datetime(2026, 3, 29, 9, 30, tzinfo=UTC), BERLIN, ended, None) == date(
        2026, 3, 28
    )
    # 12:30 CEST = 10:30 UTC; yesterday's +01:00 offset would call it 11:30 and ask wrongly.
    assert should_ask(datetime(2026, 3, 29, 10, 30, tzinfo=UTC), BERLIN, ended, None) is None
    # 03:30 CEST (01:30 UTC) is before the night ends; 04:00 CEST (02:00 UTC) is morning.
    assert should_ask(datetime(2026, 3, 29, 1, 30, tzinfo=UTC), BERLIN, ended, None) is None
    assert should_ask(datetime(2026, 3, 29, 2, 0, tzinfo=UTC), BERLIN, ended, None) is not None


def test_fall_back_the_morning_ends_at_local_noon() -> None:
    # 25 October 2026: 03:00 CEST becomes 02:00 CET. Session the evening before, in CEST.
    ended = berlin(2026, 10, 24, 21)
    assert ended.utcoffset() == timedelta(hours=2)
    # 11:30 CET = 10:30 UTC: morning (yesterday's offset would say 12:30 and miss it).
    assert should_ask(datetime(2026, 10, 25, 10, 30, tzinfo=UTC), BERLIN, ended, None) == date(
        2026, 10, 24
    )
    assert should_ask(datetime(2026, 10, 25, 11, 0, tzinfo=UTC), BERLIN, ended, None) is None
    # The repeated hour 02:00-03:00 is night either way.
    for utc_hour in (0, 1):
        moment = datetime(2026, 10, 25, utc_hour, 30, tzinfo=UTC)
        assert should_ask(moment, BERLIN, ended, None) is None


def test_a_session_ending_in_the_repeated_hour_belongs_to_the_day_before() -> None:
    # 02:30 happens twice on 25 October; both are before 04:00, so the 24th's session.
    first = datetime(2026, 10, 25, 0, 30, tzinfo=UTC)  # 02:30 CEST
    second = datetime(2026, 10, 25, 1, 30, tzinfo=UTC)  # 02:30 CET
    assert session_day(first, BERLIN) == session_day(second, BERLIN) == date(2026, 10, 24)


moments = st.datetimes(
    min_value=datetime(2025, 1, 1), max_value=datetime(2028, 12, 31), timezones=st.just(UTC)
)


@settings(max_examples=400, deadline=None)
@given(moments, st.integers(0, 60 * 60 * 48))
def test_the_answer_is_always_yesterday_before_local_noon(ended: datetime, later: int) -> None:
    now = ended + timedelta(seconds=later)
    day = should_ask(now, BERLIN, ended, None)
    local = now.astimezone(BERLIN)
    if day is not None:
        assert local.date() == day + timedelta(days=1)
        assert time(4) <= local.time() < time(12)
        assert should_ask(now, BERLIN, ended, day) is None
    elif local.date() == session_day(ended, BERLIN) + timedelta(days=1):
        assert not time(4) <= local.time() < time(12)
