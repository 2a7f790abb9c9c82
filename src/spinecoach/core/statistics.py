"""The numbers behind the History view: weekly goal, streak, minutes, change, trend, chart line.

They are pure functions of the records and an explicit "now", so every rule here is tested
without a window, a database or a real clock, and the view only formats what it is given.

Two kinds of time are kept apart on purpose:

- *Calendar* questions (which day, which week) are answered in the person's local time zone
  `tz`: a score typed at 10:00 +09:00 while travelling belongs to the local evening before at
  home (-05:00). Weeks are ISO weeks, Monday to Sunday.
- *Elapsed* questions (how long, how far apart, which came first) are answered on UTC instants.
  Python subtracts and compares two datetimes that share a tzinfo object by their wall-clock
  fields, so with `ZoneInfo("Europe/Berlin")` a session across the spring DST change would
  otherwise gain an hour.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta, tzinfo
from enum import StrEnum
from fractions import Fraction
from typing import Final, TypedDict

from spinecoach.core.records import PainContext, PainEntry, SessionRecord

#: How many of the most recent sessions with a before and an after score the change averages.
CHANGE_SESSIONS: Final = 10

#: The trend looks at the current week and the four complete weeks before it.
TREND_WEEKS: Final = 5

#: Fewer weeks with scores than this, and a slope says more about noise than about pain.
TREND_MIN_WEEKS: Final = 3

#: Points per week the fitted line must fall (or rise) by to call the trend improving (worsening).
#: A quarter point a week is one point over the four weeks the trend spans.
TREND_SLOPE: Final = Fraction(1, 4)

#: The scores the trend is fitted to. AFTER scores are left out: they measure the session's
#: immediate effect (that is what the average change is for), and counting them would make the
#: weekly mean depend on how often the person exercised rather than on how their back is.
TREND_CONTEXTS: Final = frozenset({PainContext.BEFORE, PainContext.CHECK_IN})

_MINUTE: Final = timedelta(minutes=1)
_INSTANT: Final = timedelta(microseconds=1)


class Trend(StrEnum):
    """Which way weekly pain is heading; see `summarize` for the exact rule."""

    IMPROVING = "improving"
    STEADY = "steady"
    WORSENING = "worsening"
    NOT_ENOUGH_DATA = "not-enough-data"


@dataclass(frozen=True, kw_only=True)
class HistorySummary:
    """The summary cards of the History view, as numbers; wording is the view's job."""

    sessions_this_week: int
    weekly_goal: int
    streak_days: int
    minutes_this_week: int
    average_change: float | None
    change_sessions: int
    weekly_trend: Trend


def summarize(
    sessions: Sequence[SessionRecord],
    entries: Sequence[PainEntry],
    now: datetime,
    weekly_goal: int,
    tz: tzinfo | None = None,
) -> HistorySummary:
    """Compute the summary cards as of `now`.

    `tz` is the person's home time zone (default: `now`'s tzinfo). Pass a real zone such as
    `ZoneInfo("Europe/Berlin")` where one is known: a fixed offset puts a winter score typed at
    23:30 on the next day once summer time applies.

    - sessions_this_week: sessions started in the ISO week (Monday 00:00 local) holding `now`,
      whatever their status. Showing up is what the goal rewards; a session stopped because it
      hurt must not count against the person.
    - streak_days: consecutive local calendar days with at least one session started, ending
      today, or ending yesterday when there is none yet today, so a streak is not shown as
      broken in the morning before the day's session.
    - minutes_this_week: the elapsed time from started_at to ended_at of this week's sessions,
      summed and then rounded to the nearest minute. A session without ended_at adds nothing
      (we do not know when it stopped), nor does one that ends before it starts (a clock change).
    - average_change: the mean of after minus before over the last `CHANGE_SESSIONS` sessions
      that have both a BEFORE and an AFTER entry linked by session_id (see `session_pain` for
      which entry counts when there are several), "last" meaning by the time of the AFTER entry.
      Negative is good. None, with change_sessions 0, when no session has both.
    - weekly_trend: the mean of all BEFORE and CHECK-IN scores is taken per local ISO week, for
      the current week and the four complete weeks before it. With fewer than three of those
      weeks holding a score: NOT_ENOUGH_DATA. Otherwise the least-squares slope of the weekly
      means against the week's position (0 to 4, so a week without scores leaves a gap in x
      rather than closing ranks) decides, computed exactly: slope <= -1/4 point per week is
      IMPROVING, slope >= +1/4 is WORSENING, anything between is STEADY.

    Records are not filtered by `now`: a session written a little "in the future" because the
    clock was corrected still counts in its week.
    """
    zone = _zone("now", now, tz)
    today = _local_day(now, zone)
    this_monday = _monday(today)
    this_week = [s for s in sessions if _monday(_local_day(s.started_at, zone)) == this_monday]
    average, count = _average_change(entries)
    return HistorySummary(
        sessions_this_week=len(this_week),
        weekly_goal=weekly_goal,
        streak_days=_streak({_local_day(s.started_at, zone) for s in sessions}, today),
        minutes_this_week=_minutes(this_week),
        average_change=average,
        change_sessions=count,
        weekly_trend=_trend(entries, this_monday, zone),
    )


def rolling_average(
    entries: Sequence[PainEntry], window_days: int = 7
) -> list[list[tuple[datetime, float]]]:
    """The chart's smoothed pain line, as segments so that no line is drawn across a gap.

    Entries of every context are taken in time order, and each gives one point at its own
    recorded_at (as given, keeping its offset): the mean score of all entries in the trailing
    window (t - window_days, t]. Entries at the same instant are all inside each other's window.
    A new segment starts at an entry more than `window_days` after the previous one; at that
    point the window holds nothing from before the gap, so joining it to the old line would
    draw a trend through days with no data. A gap of exactly the window stays in the segment.
    """
    if isinstance(window_days, bool) or not isinstance(window_days, int) or window_days < 1:
        raise ValueError(f"window_days must be a whole number of at least 1, got {window_days!r}")
    window = timedelta(days=window_days)
    ordered = sorted(entries, key=lambda entry: in_utc(entry.recorded_at))
    times = [in_utc(entry.recorded_at) for entry in ordered]
    segments: list[list[tuple[datetime, float]]] = []
    low = high = total = 0  # entries[low:high] are in the current window; total is their sum
    previous: datetime | None = None
    for entry, moment in zip(ordered, times, strict=True):
        while high < len(ordered) and times[high] <= moment:
            total += ordered[high].score
            high += 1
        while times[low] <= moment - window:
            total -= ordered[low].score
            low += 1
        if previous is None or moment - previous > window:
            segments.append([])
        segments[-1].append((entry.recorded_at, total / (high - low)))
        previous = moment
    return segments


def weekly_session_counts(
    sessions: Sequence[SessionRecord],
    start: datetime,
    end: datetime,
    tz: tzinfo | None = None,
) -> list[tuple[date, int]]:
    """Sessions per local ISO week, for the chart's adherence bars.

    One pair (Monday, count) for every week that the range [start, end) touches, in order,
    weeks without sessions included as 0 so the bars show the gaps. Each session counts in the
    week its started_at falls in, in `tz` (default: `start`'s tzinfo); sessions outside those
    weeks are ignored, but sessions are not clipped to [start, end) itself, so a caller that
    wants full first and last bars passes the sessions of those whole weeks. An empty range
    gives an empty list.
    """
    zone = _zone("start", start, tz)
    _zone("end", end, None)
    if in_utc(end) <= in_utc(start):
        return []
    first = _monday(_local_day(start, zone))
    last = _monday(_local_day(in_utc(end) - _INSTANT, zone))
    counts = {first + timedelta(weeks=week): 0 for week in range((last - first).days // 7 + 1)}
    for session in sessions:
        monday = _monday(_local_day(session.started_at, zone))
        if monday in counts:
            counts[monday] += 1
    return sorted(counts.items())


def session_pain(entries: Sequence[PainEntry]) -> dict[int, tuple[int | None, int | None]]:
    """Each session's (before, after) score, None where that score was not given.

    When a session has several entries of one context (the person corrected a score), the one
    recorded last counts; at the same instant, the one later in `entries`. Entries without a
    session and CHECK-IN entries are not part of any session's pair.
    """
    result: dict[int, tuple[int | None, int | None]] = {}
    for session_id, (before, after) in _latest_pairs(entries).items():
        result[session_id] = (
            before.score if before is not None else None,
            after.score if after is not None else None,
        )
    return result


class SessionPainMeans(TypedDict):
    """Means over sessions' (before, after) scores, each with how many sessions it averages.

    The before and after means count every session that gave that score, the change (after
    minus before) only those that gave both; a mean is None where there was nothing to average.
    The clinician report gives them for the whole period and for each prescribed routine.
    """

    before_mean: float | None
    before_sessions: int
    after_mean: float | None
    after_sessions: int
    change_mean: float | None
    change_sessions: int


def session_pain_means(pairs: Iterable[tuple[int | None, int | None]]) -> SessionPainMeans:
    """The means of sessions' (before, after) scores (`session_pain`'s values)."""
    given = list(pairs)
    befores = [before for before, _after in given if before is not None]
    afters = [after for _before, after in given if after is not None]
    changes = [a - b for b, a in given if a is not None and b is not None]
    return SessionPainMeans(
        before_mean=mean_or_none(befores),
        before_sessions=len(befores),
        after_mean=mean_or_none(afters),
        after_sessions=len(afters),
        change_mean=mean_or_none(changes),
        change_sessions=len(changes),
    )


def _latest_pairs(
    entries: Iterable[PainEntry],
) -> dict[int, tuple[PainEntry | None, PainEntry | None]]:
    pairs: dict[int, tuple[PainEntry | None, PainEntry | None]] = {}
    # sorted() is stable, so among equal instants the later entry in the input wins.
    for entry in sorted(entries, key=lambda entry: in_utc(entry.recorded_at)):
        if entry.session_id is None:
            continue
        before, after = pairs.get(entry.session_id, (None, None))
        if entry.context is PainContext.BEFORE:
            pairs[entry.session_id] = (entry, after)
        elif entry.context is PainContext.AFTER:
            pairs[entry.session_id] = (before, entry)
    return pairs


def _average_change(entries: Sequence[PainEntry]) -> tuple[float | None, int]:
    complete = [
        (after, before)
        for before, after in _latest_pairs(entries).values()
        if before is not None and after is not None
    ]
    complete.sort(key=lambda pair: (in_utc(pair[0].recorded_at), pair[0].session_id or 0))
    recent = complete[-CHANGE_SESSIONS:]
    if not recent:
        return None, 0
    return sum(after.score - before.score for after, before in recent) / len(recent), len(recent)


def _streak(days: set[date], today: date) -> int:
    end = today if today in days else today - timedelta(days=1)
    streak = 0
    while end - timedelta(days=streak) in days:
        streak += 1
    return streak


def _minutes(sessions: Iterable[SessionRecord]) -> int:
    total = timedelta()
    for session in sessions:
        if session.ended_at is not None:
            total += max(timedelta(), in_utc(session.ended_at) - in_utc(session.started_at))
    return (total + _MINUTE / 2) // _MINUTE


def _trend(entries: Iterable[PainEntry], this_monday: date, zone: tzinfo) -> Trend:
    first_monday = this_monday - timedelta(weeks=TREND_WEEKS - 1)
    weeks: dict[int, list[int]] = {}
    for entry in entries:
        if entry.context not in TREND_CONTEXTS:
            continue
        monday = _monday(_local_day(entry.recorded_at, zone))
        if first_monday <= monday <= this_monday:
            weeks.setdefault((monday - first_monday).days // 7, []).append(entry.score)
    if len(weeks) < TREND_MIN_WEEKS:
        return Trend.NOT_ENOUGH_DATA
    slope = _slope([(Fraction(x), Fraction(sum(s), len(s))) for x, s in weeks.items()])
    if slope <= -TREND_SLOPE:
        return Trend.IMPROVING
    if slope >= TREND_SLOPE:
        return Trend.WORSENING
    return Trend.STEADY


def _slope(points: Sequence[tuple[Fraction, Fraction]]) -> Fraction:
    # Exact arithmetic: a slope of exactly -1/4 must land on the documented side of the rule.
    mean_x = sum((x for x, _ in points), Fraction()) / len(points)
    mean_y = sum((y for _, y in points), Fraction()) / len(points)
    covariance = sum(((x - mean_x) * (y - mean_y) for x, y in points), Fraction())
    variance = sum(((x - mean_x) ** 2 for x, _ in points), Fraction())
    return covariance / variance


def _zone(name: str, moment: datetime, tz: tzinfo | None) -> tzinfo:
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise ValueError(f"{name} must include a time zone (an aware datetime); got {moment}")
    return tz if tz is not None else moment.tzinfo


def in_utc(moment: datetime) -> datetime:
    """`moment` in UTC, so instants recorded at different offsets compare and sort as instants."""
    return moment.astimezone(UTC)


def mean_or_none(values: Sequence[int]) -> float | None:
    """The mean of `values`; None when there are none (nothing to average is not a 0)."""
    return sum(values) / len(values) if values else None


def _local_day(moment: datetime, zone: tzinfo) -> date:
    return moment.astimezone(zone).date()


def _monday(day: date) -> date:
    return day - timedelta(days=day.weekday())
