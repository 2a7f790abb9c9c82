"""History statistics: local days and weeks, streaks, minutes, change per session, trend, line."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone, tzinfo
from itertools import pairwise
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from spinecoach.core.records import PainContext, PainEntry, SessionRecord, SessionStatus
from spinecoach.core.statistics import (
    HistorySummary,
    Trend,
    rolling_average,
    session_pain,
    session_pain_means,
    summarize,
    weekly_session_counts,
)

BERLIN = ZoneInfo("Europe/Berlin")  # system tz database; see the report about tzdata
NEW_YORK_WINTER = timezone(timedelta(hours=-5))
TOKYO = timezone(timedelta(hours=9))
CET = timezone(timedelta(hours=1))

BEFORE, AFTER, CHECK_IN = PainContext.BEFORE, PainContext.AFTER, PainContext.CHECK_IN


def session(
    start: datetime, end: datetime | None = None, *, status: SessionStatus | None = None
) -> SessionRecord:
    if status is None:
        status = SessionStatus.COMPLETED if end is not None else SessionStatus.INCOMPLETE
    return SessionRecord(
        routine_id="gentle",
        routine_name="Gentle start",
        started_at=start,
        ended_at=end,
        exercises_total=3,
        status=status,
    )


def pain(
    when: datetime, score: int, context: PainContext = CHECK_IN, session_id: int | None = None
) -> PainEntry:
    return PainEntry(recorded_at=when, score=score, context=context, session_id=session_id)


def at(day: int, hour: int = 12, minute: int = 0, tz: tzinfo = CET, month: int = 3) -> datetime:
    return datetime(2026, month, day, hour, minute, tzinfo=tz)


# --- empty history ---------------------------------------------------------------------------


def test_empty_history_gives_zeros_and_no_data() -> None:
    assert summarize([], [], at(11), weekly_goal=3) == HistorySummary(
        sessions_this_week=0,
        weekly_goal=3,
        streak_days=0,
        minutes_this_week=0,
        average_change=None,
        change_sessions=0,
        weekly_trend=Trend.NOT_ENOUGH_DATA,
    )
    assert rolling_average([]) == []
    assert session_pain([]) == {}
    assert weekly_session_counts([], at(2), at(16)) == [
        (date(2026, 3, 2), 0),
        (date(2026, 3, 9), 0),
        (date(2026, 3, 16), 0),
    ]


def test_naive_now_is_refused() -> None:
    with pytest.raises(ValueError, match="now must include a time zone"):
        summarize([], [], datetime(2026, 3, 11, 12), weekly_goal=3)


# --- this week -------------------------------------------------------------------------------


def test_this_week_starts_on_monday_at_midnight_local_time() -> None:
    tz = NEW_YORK_WINTER
    sunday_late = session(datetime(2026, 3, 8, 23, 59, 59, tzinfo=tz))
    monday_midnight = session(datetime(2026, 3, 9, 0, 0, tzinfo=tz))
    sessions = [sunday_late, monday_midnight]
    assert summarize(sessions, [], datetime(2026, 3, 9, 0, 0, tzinfo=tz), 3).sessions_this_week == 1
    at_week_end = datetime(2026, 3, 15, 23, 59, 59, tzinfo=tz)
    assert summarize(sessions, [], at_week_end, 3).sessions_this_week == 1
    last_second_before = datetime(2026, 3, 8, 23, 59, 59, tzinfo=tz)
    assert summarize(sessions, [], last_second_before, 3).sessions_this_week == 1


def test_every_status_counts_towards_the_weekly_goal() -> None:
    sessions = [
        session(at(9, 8), at(9, 8, 20)),
        session(at(10, 8), at(10, 8, 5), status=SessionStatus.STOPPED),
        session(at(11, 8)),  # incomplete, no end
    ]
    summary = summarize(sessions, [], at(11, 20), weekly_goal=3)
    assert (summary.sessions_this_week, summary.weekly_goal) == (3, 3)


def test_entries_written_in_another_time_zone_count_on_the_local_day() -> None:
    home = NEW_YORK_WINTER
    # 10:30 in Tokyo on Tuesday is 20:30 on Monday at home; 13:00 Monday in Tokyo is Sunday 23:00.
    monday_at_home = session(datetime(2026, 3, 10, 10, 30, tzinfo=TOKYO))
    sunday_at_home = session(datetime(2026, 3, 9, 13, 0, tzinfo=TOKYO))
    now = datetime(2026, 3, 9, 21, 0, tzinfo=home)
    summary = summarize([monday_at_home, sunday_at_home], [], now, 3)
    assert summary.sessions_this_week == 1
    assert summary.streak_days == 2  # Sunday and Monday at home
    # Counted in Tokyo time instead, the two fall on Monday and Tuesday of one week.
    assert summarize([monday_at_home, sunday_at_home], [], now, 3, tz=TOKYO).streak_days == 2
    assert summarize([monday_at_home, sunday_at_home], [], now, 3, tz=TOKYO).sessions_this_week == 2
    counts = weekly_session_counts(
        [monday_at_home, sunday_at_home],
        datetime(2026, 3, 2, tzinfo=home),
        datetime(2026, 3, 16, tzinfo=home),
        home,
    )
    assert counts == [(date(2026, 3, 2), 1), (date(2026, 3, 9), 1)]


def test_pain_entries_from_another_zone_fall_in_the_local_week_for_the_trend() -> None:
    home = NEW_YORK_WINTER
    now = datetime(2026, 3, 25, 12, tzinfo=home)  # Wednesday; weeks of Mar 9, 16 and 23
    entries = [
        pain(datetime(2026, 3, 11, 12, tzinfo=home), 6),
        # Monday 13:00 in Tokyo is Sunday 23:00 at home: still the week of Mar 16, not Mar 23.
        pain(datetime(2026, 3, 23, 13, 0, tzinfo=TOKYO), 5),
    ]
    assert summarize([], entries, now, 3, tz=home).weekly_trend is Trend.NOT_ENOUGH_DATA
    entries.append(pain(datetime(2026, 3, 24, 12, tzinfo=home), 4))
    assert summarize([], entries, now, 3, tz=home).weekly_trend is Trend.IMPROVING


# --- streak ----------------------------------------------------------------------------------


def test_streak_across_midnight_counts_two_days() -> None:
    sessions = [session(at(10, 23, 50)), session(at(11, 0, 10))]
    assert summarize(sessions, [], at(11, 12), 3).streak_days == 2


def test_streak_ending_yesterday_is_not_broken_in_the_morning() -> None:
    sessions = [session(at(9, 18)), session(at(10, 18))]
    assert summarize(sessions, [], at(11, 8), 3).streak_days == 2
    assert summarize(sessions, [], at(11, 23, 59), 3).streak_days == 2
    assert summarize(sessions, [], at(12, 0, 1), 3).streak_days == 0  # a whole day missed


def test_streak_counts_days_not_sessions_and_stops_at_a_gap() -> None:
    sessions = [
        session(at(6, 9)),  # before the gap on the 7th
        session(at(8, 9)),
        session(at(9, 9)),
        session(at(9, 19)),
        session(at(10, 7)),
    ]
    assert summarize(sessions, [], at(10, 8), 3).streak_days == 3


def test_streak_through_the_25_hour_day_of_the_autumn_change() -> None:
    sessions = [
        session(datetime(2026, 10, 24, 23, 30, tzinfo=BERLIN)),
        session(datetime(2026, 10, 25, 2, 30, fold=1, tzinfo=BERLIN)),  # the second 02:30
        session(datetime(2026, 10, 26, 0, 15, tzinfo=BERLIN)),
    ]
    now = datetime(2026, 10, 26, 9, tzinfo=BERLIN)
    assert summarize(sessions, [], now, 3).streak_days == 3


# --- minutes ---------------------------------------------------------------------------------


def test_minutes_this_week_sum_durations_of_ended_sessions() -> None:
    sessions = [
        session(at(9, 8), at(9, 8, 20)),  # 20 min
        session(at(10, 8), at(10, 8, 5) + timedelta(seconds=20), status=SessionStatus.STOPPED),
        session(at(11, 8)),  # incomplete without end: 0
        session(at(11, 20), status=SessionStatus.IN_PROGRESS),  # 0
        session(at(8, 8), at(8, 9)),  # last week (Sunday)
        session(at(10, 9), at(10, 8, 50)),  # ends before it starts (clock change): 0
    ]
    assert summarize(sessions, [], at(11, 21), 3).minutes_this_week == 25


def test_minutes_are_summed_before_rounding() -> None:
    three_of_80s = [
        session(at(day, 8), at(day, 8, 1) + timedelta(seconds=20)) for day in (9, 10, 11)
    ]
    assert summarize(three_of_80s, [], at(11, 21), 3).minutes_this_week == 4  # 240 s


# --- DST -------------------------------------------------------------------------------------


def test_week_with_the_spring_dst_change_in_berlin() -> None:
    # Clocks jump from 02:00 CET to 03:00 CEST on Sunday 29 March 2026.
    sessions = [
        session(
            datetime(2026, 3, 22, 23, 30, tzinfo=BERLIN),
            datetime(2026, 3, 22, 23, 45, tzinfo=BERLIN),
        ),  # previous week
        session(
            datetime(2026, 3, 23, 0, 30, tzinfo=BERLIN), datetime(2026, 3, 23, 0, 40, tzinfo=BERLIN)
        ),  # 10 min
        # 01:50 CET to 03:10 CEST: 20 minutes elapsed, though the wall clock says 80.
        session(
            datetime(2026, 3, 29, 1, 50, tzinfo=BERLIN), datetime(2026, 3, 29, 3, 10, tzinfo=BERLIN)
        ),
        # Stored with a fixed offset, as the database hands it back: 23:30 CEST, still Sunday.
        session(
            datetime(2026, 3, 29, 23, 30, tzinfo=timezone(timedelta(hours=2))),
            datetime(2026, 3, 29, 21, 35, tzinfo=UTC),  # 23:35 CEST: 5 min
        ),
        # 22:10 UTC is Monday 00:10 CEST: next week (a fixed +01:00 would make it Sunday).
        session(
            datetime(2026, 3, 29, 22, 10, tzinfo=UTC), datetime(2026, 3, 29, 22, 40, tzinfo=UTC)
        ),
    ]
    now = datetime(2026, 3, 29, 23, 50, tzinfo=BERLIN)
    summary = summarize(sessions, [], now, 3)
    assert summary.sessions_this_week == 3
    assert summary.minutes_this_week == 35
    assert summary.streak_days == 1  # nothing on Saturday the 28th
    counts = weekly_session_counts(
        sessions,
        datetime(2026, 3, 16, tzinfo=BERLIN),
        datetime(2026, 4, 6, tzinfo=BERLIN),
        BERLIN,
    )
    assert counts == [(date(2026, 3, 16), 1), (date(2026, 3, 23), 3), (date(2026, 3, 30), 1)]


def test_rolling_window_measures_elapsed_time_across_the_autumn_change() -> None:
    # 12:00 CEST Saturday to 11:30 CET Sunday is 23.5 h on the wall clock but 24.5 h elapsed.
    first = pain(datetime(2026, 10, 24, 12, 0, tzinfo=BERLIN), 4)
    second = pain(datetime(2026, 10, 25, 11, 30, tzinfo=BERLIN), 8)
    assert rolling_average([first, second], window_days=1) == [
        [(first.recorded_at, 4.0)],
        [(second.recorded_at, 8.0)],
    ]


# --- change per session ----------------------------------------------------------------------


def test_average_change_over_the_last_ten_sessions_by_hand() -> None:
    changes = {1: -6, 2: +4}  # the two oldest: outside the last ten
    changes |= dict(zip(range(3, 13), [-2, -1, 0, -3, +1, -2, -1, -1, 0, -2], strict=True))
    entries: list[PainEntry] = []
    for session_id, change in changes.items():
        start = at(1, 8) + timedelta(days=session_id)
        entries.append(pain(start, 6, BEFORE, session_id))
        entries.append(pain(start + timedelta(minutes=15), 6 + change, AFTER, session_id))
    entries.append(pain(at(20, 8), 2, BEFORE, 13))  # newest, but no after score
    entries.append(pain(at(20, 9), 9, CHECK_IN))  # check-ins are not session changes
    entries.reverse()  # order by time, not by position
    summary = summarize([], entries, at(21), 3)
    assert summary.change_sessions == 10
    assert summary.average_change == pytest.approx(-11 / 10)


def test_average_change_uses_the_latest_score_of_each_context() -> None:
    entries = [
        pain(at(10, 8, 0), 8, BEFORE, 1),
        pain(at(10, 8, 1), 6, BEFORE, 1),  # corrected: this one counts
        pain(at(10, 8, 30), 3, AFTER, 1),
        pain(at(11, 8, 0), 4, BEFORE, 2),
        pain(at(11, 8, 30), 5, AFTER, 2),
    ]
    summary = summarize([], entries, at(11, 20), 3)
    assert (summary.average_change, summary.change_sessions) == (-1.0, 2)  # (-3 + 1) / 2


def test_session_pain_pairs() -> None:
    same_time = at(12, 8)
    entries = [
        pain(at(10, 8, 30), 3, AFTER, 1),
        pain(at(10, 8, 0), 5, BEFORE, 1),
        pain(at(10, 7, 0), 7, BEFORE, 1),  # older correction
        pain(at(11, 8), 4, BEFORE, 2),  # never finished
        pain(at(11, 9), 2, AFTER, 3),  # before score skipped
        pain(at(11, 10), 9, CHECK_IN, 4),  # a check-in is not part of a pair
        pain(at(11, 11), 9, CHECK_IN),
        pain(same_time, 6, BEFORE, 5),
        pain(same_time, 7, BEFORE, 5),  # same instant: later in the list wins
    ]
    assert session_pain(entries) == {1: (5, 3), 2: (4, None), 3: (None, 2), 5: (7, None)}


# --- trend -----------------------------------------------------------------------------------

TREND_NOW = at(27, 18)  # Friday; the current week starts Monday 23 March


def trend_of(weeks_ago: dict[int, list[int]], context: PainContext = CHECK_IN) -> Trend:
    entries = [
        pain(at(25, 12) - timedelta(weeks=ago) + timedelta(minutes=i), score, context)
        for ago, scores in weeks_ago.items()
        for i, score in enumerate(scores)
    ]
    return summarize([], entries, TREND_NOW, 3).weekly_trend


@pytest.mark.parametrize(
    ("weeks_ago", "expected"),
    [
        ({4: [7], 3: [6], 2: [5]}, Trend.IMPROVING),  # slope -1
        ({2: [3], 1: [4], 0: [5]}, Trend.WORSENING),  # slope +1
        ({4: [5], 2: [5], 0: [5]}, Trend.STEADY),  # slope 0
        ({2: [5], 1: [5, 5, 5, 4], 0: [5, 4]}, Trend.IMPROVING),  # 5, 4.75, 4.5: exactly -1/4
        ({2: [4, 5], 1: [4, 5, 5, 5], 0: [5]}, Trend.WORSENING),  # 4.5, 4.75, 5: exactly +1/4
        ({2: [5], 1: [5], 0: [5, 5, 5, 4, 4]}, Trend.STEADY),  # 5, 5, 4.6: -0.2
        ({4: [6], 2: [5], 0: [4]}, Trend.IMPROVING),  # -0.5 per calendar week
        # Positions 0, 3, 4 (not ranks 0, 1, 2): slope -5/52, steady; ranks would say -1/4.
        ({4: [5], 1: [5], 0: [5, 4]}, Trend.STEADY),
        ({1: [3], 0: [9]}, Trend.NOT_ENOUGH_DATA),  # two weeks
        ({6: [9], 5: [8], 1: [3], 0: [3]}, Trend.NOT_ENOUGH_DATA),  # older weeks do not count
        ({5: [1], 2: [5], 1: [5], 0: [5]}, Trend.STEADY),  # ...nor sway the slope
    ],
)
def test_trend_classification(weeks_ago: dict[int, list[int]], expected: Trend) -> None:
    assert trend_of(weeks_ago) is expected


def test_trend_uses_before_and_check_in_scores_but_not_after_scores() -> None:
    assert trend_of({4: [7], 3: [6], 2: [5]}, BEFORE) is Trend.IMPROVING
    assert trend_of({4: [7], 3: [6], 2: [5]}, AFTER) is Trend.NOT_ENOUGH_DATA


# --- rolling average -------------------------------------------------------------------------


def test_rolling_average_splits_into_segments_exactly_at_gaps_longer_than_the_window() -> None:
    t0 = at(1, 9)
    day = timedelta(days=1)
    times_scores = [
        (t0, 4),
        (t0 + day, 6),
        (t0 + 3 * day, 2),
        (t0 + 11 * day, 8),  # 8 days after the last: new segment
        (t0 + 12 * day, 6),
        (t0 + 19 * day, 3),  # exactly 7 days: same segment, but the window (12, 19] holds one
        (t0 + 26 * day + timedelta(seconds=1), 5),  # 7 days and a second: new segment
    ]
    entries = [pain(when, score) for when, score in reversed(times_scores)]
    got = rolling_average(entries)
    assert [[value for _, value in segment] for segment in got] == [
        [4.0, 5.0, 4.0],
        [8.0, 7.0, 3.0],
        [5.0],
    ]
    assert [when for segment in got for when, _ in segment] == [when for when, _ in times_scores]


def test_rolling_average_window_is_trailing_and_keeps_each_entrys_offset() -> None:
    a = pain(datetime(2026, 3, 10, 8, tzinfo=NEW_YORK_WINTER), 2)  # 13:00 UTC
    b = pain(datetime(2026, 3, 10, 23, tzinfo=TOKYO), 6)  # 14:00 UTC, the same day
    c = pain(datetime(2026, 3, 11, 13, 30, tzinfo=UTC), 10)  # 24.5 h after a
    d = pain(datetime(2026, 3, 11, 13, 30, tzinfo=UTC), 0)  # same instant as c
    assert rolling_average([d, c, b, a], window_days=1) == [
        [
            (a.recorded_at, 2.0),
            (b.recorded_at, 4.0),
            (c.recorded_at, 16 / 3),  # a has left the window; b, c and d are in
            (d.recorded_at, 16 / 3),
        ]
    ]
    assert rolling_average([d, c, b, a], window_days=1)[0][1][0].utcoffset() == timedelta(hours=9)


@pytest.mark.parametrize("window_days", [0, -1, True])
def test_rolling_average_needs_a_window_of_at_least_a_day(window_days: int) -> None:
    with pytest.raises(ValueError, match="window_days"):
        rolling_average([], window_days=window_days)


zones = st.sampled_from([UTC, CET, TOKYO, NEW_YORK_WINTER, BERLIN])
moments = st.datetimes(
    min_value=datetime(2025, 1, 1), max_value=datetime(2026, 12, 31), timezones=zones
)
entry_lists = st.lists(
    st.builds(pain, when=moments, score=st.integers(0, 10), context=st.sampled_from(PainContext)),
    max_size=60,
)


@settings(max_examples=200, deadline=None)
@given(entries=entry_lists, window_days=st.integers(1, 30))
def test_rolling_average_stays_in_range_and_segments_hold_no_gap(
    entries: list[PainEntry], window_days: int
) -> None:
    window = timedelta(days=window_days)
    segments = rolling_average(entries, window_days)
    assert sum(len(segment) for segment in segments) == len(entries)
    ends: list[datetime] = []
    for segment in segments:
        assert segment
        for (earlier, _), (later, _) in pairwise(segment):
            assert earlier.astimezone(UTC) <= later.astimezone(UTC)
            assert later.astimezone(UTC) - earlier.astimezone(UTC) <= window
        for when, value in segment:
            assert 0 <= value <= 10
            inside = [
                e.score
                for e in entries
                if when.astimezone(UTC) - window < e.recorded_at.astimezone(UTC)
                and e.recorded_at.astimezone(UTC) <= when.astimezone(UTC)
            ]
            assert value == sum(inside) / len(inside)
        if ends:  # segments are in order and split only at gaps longer than the window
            assert segment[0][0].astimezone(UTC) - ends[-1].astimezone(UTC) > window
        ends.append(segment[-1][0])


# --- weekly session counts -------------------------------------------------------------------


def test_weekly_session_counts_list_every_week_of_the_range() -> None:
    sessions = [
        session(at(3, 9)),
        session(at(4, 9)),
        session(at(17, 9)),
        session(at(30, 9)),  # outside the listed weeks
    ]
    # [Tue 3 Mar, Mon 23 Mar 00:00): the week of the 23rd is not touched.
    counts = weekly_session_counts(sessions, at(3, 0), at(23, 0), CET)
    assert counts == [
        (date(2026, 3, 2), 2),
        (date(2026, 3, 9), 0),
        (date(2026, 3, 16), 1),
    ]
    assert weekly_session_counts(sessions, at(3), at(3)) == []
    assert weekly_session_counts(sessions, at(10), at(3)) == []


def test_session_pain_means_count_each_score_given_and_changes_only_where_both_were() -> None:
    means = session_pain_means([(3, 1), (None, 4), (5, None), (None, None)])
    assert means == {
        "before_mean": 4.0,
        "before_sessions": 2,
        "after_mean": 2.5,
        "after_sessions": 2,
        "change_mean": -2.0,
        "change_sessions": 1,
    }
    assert session_pain_means([]) == {
        "before_mean": None,
        "before_sessions": 0,
        "after_mean": None,
        "after_sessions": 0,
        "change_mean": None,
        "change_sessions": 0,
    }
