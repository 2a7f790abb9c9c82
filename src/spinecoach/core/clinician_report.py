"""The figures of the clinician's report: what a period of records says, as numbers and dates.

Pure functions of the records, the period and the person's time zone; the wording is
`core.report_words`, the page is drawn by the UI. Every rule a clinician reads in the report is
decided here, once (the period's days in `core.report_period`, the programme's figures in
`core.programme_report`), and tested with hand-made records:

- **The period** (`report_period.period_days`): the last 4 weeks, 3, 6 or 12 months, or
  everything, ending today (local calendar days). It never starts before the first record: a
  person who began five weeks ago has a five-week report, not three months of zero sessions.
- **First and last four weeks** (`WindowAverage`): the mean of every score (before, after and
  check-in) in the period's first 28 days and in its last 28 days. A window with fewer than
  `MIN_WINDOW_SCORES` scores has no mean ("not enough data"). A period shorter than eight weeks
  has no comparison: its windows would overlap, or be the same days.
- **Before and after**: each session's before and after score (the last given of each, as
  `statistics.session_pain`), averaged over the period's sessions that have one; the average
  change over the sessions that have both.
- **Flare-ups** (`flare_ups`): a rise of `FLARE_RISE` points or more from before to after within
  one session, or a check-in `FLARE_RISE` points or more above the mean of all scores in the
  `FLARE_BASELINE_DAYS` days before it (scores before the period count for that mean; a
  check-in with no score in those days is not judged).
- **Highest scores**: the `HIGHEST_SHOWN` highest, the most recent first among equals.
- **Adherence**: sessions per local ISO week against the weekly goal (the goal as set now: its
  history is not kept), the goal reached in how many of the period's full weeks, the sessions
  completed, stopped and left unfinished, and the minutes (started to ended, where an end is
  known).
- **"This hurts"**: per exercise, how often, and what the person chose each time.
- **Notes**: every session note and pain-score note of the period, oldest first.
- **The programme** (`programme_report.programme_figures`, when one is active): sessions done
  against prescribed per week (`core.programme.adherence`'s rules) over the weeks the period
  touches, and per routine; per routine the before and after means as above; per exercise of
  each routine, in how many of the routine's sessions it was completed or skipped, and the
  "This hurts" presses during it.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta, tzinfo
from enum import StrEnum
from typing import Final

from spinecoach.core.records import (
    HurtEvent,
    PainContext,
    PainEntry,
    ProgressionChange,
    SessionRecord,
    SessionStatus,
)
from spinecoach.core.report_period import day_bounds, utc_bounds
from spinecoach.core.statistics import (
    in_utc,
    mean_or_none,
    session_pain,
    session_pain_means,
    weekly_session_counts,
)

#: The length of the two windows the report compares, in weeks.
COMPARE_WEEKS: Final = 4

#: A window with fewer scores than this has no average ("not enough data").
MIN_WINDOW_SCORES: Final = 3

#: A flare-up: a rise of this many points or more (within a session, or over the baseline).
FLARE_RISE: Final = 2

#: The days before a check-in whose scores make its baseline.
FLARE_BASELINE_DAYS: Final = 7

#: How many of the highest scores the report lists.
HIGHEST_SHOWN: Final = 5


@dataclass(frozen=True, slots=True)
class WindowAverage:
    """The scores of `first` to `last` (local days, included): how many, and their mean.

    `mean` is None when there are fewer than `MIN_WINDOW_SCORES` of them.
    """

    first: date
    last: date
    scores: int
    mean: float | None


class FlareKind(StrEnum):
    """What made a flare-up: a rise within a session, or a check-in over its baseline."""

    SESSION = "session"
    CHECK_IN = "check-in"


@dataclass(frozen=True, slots=True, kw_only=True)
class FlareUp:
    """One flare-up: when, the score, and what it rose from.

    For a session, `start` is the before score and `session_id` the session; for a check-in,
    `start` is the mean of the scores in the `FLARE_BASELINE_DAYS` days before it.
    """

    kind: FlareKind
    at: datetime
    score: int
    start: float
    session_id: int | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class PainFigures:
    """Pain over the period; a mean is None where nothing was there to average."""

    scores: int
    period_mean: float | None
    first_weeks: WindowAverage | None
    last_weeks: WindowAverage | None
    before_mean: float | None
    before_sessions: int
    after_mean: float | None
    after_sessions: int
    change_mean: float | None
    change_sessions: int
    flare_ups: tuple[FlareUp, ...]
    highest: tuple[PainEntry, ...]

    @property
    def compared(self) -> bool:
        """True when the period is long enough to compare its first and last four weeks."""
        return self.first_weeks is not None and self.last_weeks is not None

    @property
    def window_change(self) -> float | None:
        """The last four weeks' mean minus the first's, when both have one."""
        if self.first_weeks is None or self.last_weeks is None:
            return None
        if self.first_weeks.mean is None or self.last_weeks.mean is None:
            return None
        return self.last_weeks.mean - self.first_weeks.mean


@dataclass(frozen=True, slots=True, kw_only=True)
class Adherence:
    """Sessions over the period against the weekly goal.

    `weeks` is every local ISO week the period touches, (Monday, sessions started in it), the
    partial first and last weeks included; `full_weeks` counts the weeks wholly inside the
    period and `weeks_goal_met` those of them with at least `weekly_goal` sessions.
    """

    weeks: tuple[tuple[date, int], ...]
    weekly_goal: int
    full_weeks: int
    weeks_goal_met: int
    sessions: int
    per_week: float
    completed: int
    stopped: int
    unfinished: int
    minutes: int
    timed_sessions: int

    @property
    def average_minutes(self) -> float | None:
        """Minutes per session with a known end, or None when no session has one."""
        return self.minutes / self.timed_sessions if self.timed_sessions else None


@dataclass(frozen=True, slots=True, kw_only=True)
class HurtSummary:
    """One exercise's "this hurts" presses: how many, what was chosen (action -> count), last."""

    exercise_id: str
    times: int
    actions: Mapping[str, int]
    last: datetime


class NoteKind(StrEnum):
    """Where a note was written."""

    SESSION = "session"
    BEFORE = "before"
    AFTER = "after"
    CHECK_IN = "check-in"
    NEXT_MORNING = "next-morning"


@dataclass(frozen=True, slots=True, kw_only=True)
class NoteLine:
    """A dated note: of a session (`session_id`) or of a pain score (`score`)."""

    at: datetime
    kind: NoteKind
    text: str
    score: int | None = None
    session_id: int | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class ClinicianFigures:
    """Everything the report says, as numbers and records, for the days `first` to `last`."""

    first: date
    last: date
    pain: PainFigures
    adherence: Adherence
    hurts: tuple[HurtSummary, ...]
    notes: tuple[NoteLine, ...]
    entries: tuple[PainEntry, ...] = field(default=())
    sessions: tuple[SessionRecord, ...] = field(default=())
    #: The suggested changes to the exercises and their answers, oldest first.
    changes: tuple[ProgressionChange, ...] = field(default=())


def clinician_figures(
    sessions: Sequence[SessionRecord],
    entries: Sequence[PainEntry],
    hurt_events: Iterable[HurtEvent],
    *,
    first: date,
    last: date,
    weekly_goal: int,
    tz: tzinfo,
    changes: Iterable[ProgressionChange] = (),
) -> ClinicianFigures:
    """The report's figures for the local days `first` to `last` in `tz`.

    `sessions`, `entries` and `hurt_events` may reach outside the period: only what falls in it
    is counted, except that the scores of the `FLARE_BASELINE_DAYS` days before it still make
    the baseline of a check-in early in the period. A session's scores count with the session
    when they fall in the period. Records come back oldest first.
    """
    start, end = utc_bounds(first, last, tz)
    in_sessions = tuple(
        sorted(
            (s for s in sessions if start <= in_utc(s.started_at) < end),
            key=lambda s: (in_utc(s.started_at), s.id or 0),
        )
    )
    ordered = sorted(entries, key=lambda e: (in_utc(e.recorded_at), e.id or 0))
    in_entries = tuple(e for e in ordered if start <= in_utc(e.recorded_at) < end)
    session_ids = {s.id for s in in_sessions}
    events = [e for e in hurt_events if e.session_id in session_ids]
    return ClinicianFigures(
        first=first,
        last=last,
        pain=_pain(ordered, in_entries, first, last, tz),
        adherence=_adherence(in_sessions, first, last, weekly_goal, tz),
        hurts=hurt_summaries(events),
        notes=_notes(in_sessions, in_entries),
        entries=in_entries,
        sessions=in_sessions,
        changes=tuple(
            sorted(
                (c for c in changes if start <= in_utc(c.recorded_at) < end),
                key=lambda c: (in_utc(c.recorded_at), c.id or 0),
            )
        ),
    )


def window_average(
    entries: Iterable[PainEntry], first: date, last: date, tz: tzinfo
) -> WindowAverage:
    """The mean of every score on the local days `first` to `last` (see `WindowAverage`)."""
    start, end = utc_bounds(first, last, tz)
    scores = [e.score for e in entries if start <= in_utc(e.recorded_at) < end]
    mean = mean_or_none(scores) if len(scores) >= MIN_WINDOW_SCORES else None
    return WindowAverage(first, last, len(scores), mean)


def _pain(
    everything: Sequence[PainEntry],
    entries: Sequence[PainEntry],
    first: date,
    last: date,
    tz: tzinfo,
) -> PainFigures:
    window = timedelta(weeks=COMPARE_WEEKS)
    first_weeks = last_weeks = None
    if (last - first).days + 1 >= 2 * window.days:
        first_weeks = window_average(entries, first, first + window - timedelta(days=1), tz)
        last_weeks = window_average(entries, last - window + timedelta(days=1), last, tz)
    means = session_pain_means(session_pain(entries).values())
    start, end = utc_bounds(first, last, tz)
    flares = tuple(f for f in flare_ups(everything) if start <= in_utc(f.at) < end)
    highest = sorted(entries, key=lambda e: (e.score, in_utc(e.recorded_at)), reverse=True)
    return PainFigures(
        scores=len(entries),
        period_mean=mean_or_none([e.score for e in entries]),
        first_weeks=first_weeks,
        last_weeks=last_weeks,
        **means,
        flare_ups=flares,
        highest=tuple(highest[:HIGHEST_SHOWN]),
    )


def flare_ups(entries: Sequence[PainEntry]) -> list[FlareUp]:
    """Every flare-up in `entries` (any order), oldest first; the rule is the module's.

    A session's rise is judged on its before and after scores (the last given of each); it is
    dated at the after score. A check-in's baseline is the mean of every score (any context)
    recorded in the `FLARE_BASELINE_DAYS` days before it, itself and later ones left out.
    """
    ordered = sorted(entries, key=lambda e: in_utc(e.recorded_at))
    found: list[FlareUp] = []
    after_at: dict[int, datetime] = {}
    for entry in ordered:
        if entry.session_id is not None and entry.context is PainContext.AFTER:
            after_at[entry.session_id] = entry.recorded_at
    for session_id, (before, after) in session_pain(ordered).items():
        if before is not None and after is not None and after - before >= FLARE_RISE:
            found.append(
                FlareUp(
                    kind=FlareKind.SESSION,
                    at=after_at[session_id],
                    score=after,
                    start=float(before),
                    session_id=session_id,
                )
            )
    baseline = timedelta(days=FLARE_BASELINE_DAYS)
    times = [in_utc(e.recorded_at) for e in ordered]
    low = 0
    for index, entry in enumerate(ordered):
        if entry.context is not PainContext.CHECK_IN:
            continue
        moment = times[index]
        while times[low] < moment - baseline:
            low += 1
        earlier = [
            e.score for e, t in zip(ordered[low:index], times[low:index], strict=True) if t < moment
        ]
        if not earlier:
            continue
        mean = sum(earlier) / len(earlier)
        if entry.score - mean >= FLARE_RISE:
            found.append(
                FlareUp(
                    kind=FlareKind.CHECK_IN, at=entry.recorded_at, score=entry.score, start=mean
                )
            )
    found.sort(key=lambda f: in_utc(f.at))
    return found


def _adherence(
    sessions: Sequence[SessionRecord], first: date, last: date, goal: int, tz: tzinfo
) -> Adherence:
    start, end = day_bounds(first, last, tz)
    weeks = tuple(weekly_session_counts(sessions, start, end, tz))
    full = [
        count for monday, count in weeks if monday >= first and monday + timedelta(days=6) <= last
    ]
    days = (last - first).days + 1
    minutes = timedelta()
    timed = 0
    for session in sessions:
        if session.ended_at is not None:
            minutes += max(timedelta(), in_utc(session.ended_at) - in_utc(session.started_at))
            timed += 1
    statuses = [s.status for s in sessions]
    return Adherence(
        weeks=weeks,
        weekly_goal=goal,
        full_weeks=len(full),
        weeks_goal_met=sum(1 for count in full if count >= goal),
        sessions=len(sessions),
        per_week=len(sessions) / (days / 7),
        completed=statuses.count(SessionStatus.COMPLETED),
        stopped=statuses.count(SessionStatus.STOPPED),
        unfinished=statuses.count(SessionStatus.INCOMPLETE)
        + statuses.count(SessionStatus.IN_PROGRESS),
        minutes=round(minutes / timedelta(minutes=1)),
        timed_sessions=timed,
    )


def hurt_summaries(events: Iterable[HurtEvent]) -> tuple[HurtSummary, ...]:
    """The "this hurts" presses per exercise: the most pressed first, then by exercise id."""
    by_exercise: dict[str, list[HurtEvent]] = {}
    for event in events:
        by_exercise.setdefault(event.exercise_id, []).append(event)
    summaries = []
    for exercise_id, pressed in by_exercise.items():
        actions: dict[str, int] = {}
        for event in pressed:
            actions[str(event.action)] = actions.get(str(event.action), 0) + 1
        summaries.append(
            HurtSummary(
                exercise_id=exercise_id,
                times=len(pressed),
                actions=actions,
                last=max((e.recorded_at for e in pressed), key=in_utc),
            )
        )
    summaries.sort(key=lambda s: (-s.times, s.exercise_id))
    return tuple(summaries)


_NOTE_KINDS: Final = {
    PainContext.BEFORE: NoteKind.BEFORE,
    PainContext.AFTER: NoteKind.AFTER,
    PainContext.CHECK_IN: NoteKind.CHECK_IN,
    PainContext.NEXT_MORNING: NoteKind.NEXT_MORNING,
}


def _notes(sessions: Sequence[SessionRecord], entries: Sequence[PainEntry]) -> tuple[NoteLine, ...]:
    notes = [
        NoteLine(at=s.started_at, kind=NoteKind.SESSION, text=s.note, session_id=s.id)
        for s in sessions
        if s.note.strip()
    ]
    notes.extend(
        NoteLine(
            at=e.recorded_at,
            kind=_NOTE_KINDS[e.context],
            text=e.note,
            score=e.score,
            session_id=e.session_id,
        )
        for e in entries
        if e.note.strip()
    )
    notes.sort(key=lambda n: in_utc(n.at))
    return tuple(notes)
