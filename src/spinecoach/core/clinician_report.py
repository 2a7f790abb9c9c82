"""The figures of the clinician's report: what a period of records says, as numbers and dates.

Pure functions of the records, the period and the person's time zone; the wording is
`core.report_words`, the page is drawn by the UI. Every rule a clinician reads in the report is
decided here, once, and tested with hand-made records:

- **The period** (`period_days`): the last 4 weeks, 3, 6 or 12 months, or everything, ending
  today (local calendar days). It never starts before the first record: a person who began five
  weeks ago has a five-week report, not three months of zero sessions.
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
- **The programme** (`programme_figures`, when one is active): sessions done against
  prescribed per week (`core.programme.adherence`'s rules) over the weeks the period touches,
  and per routine; per routine the before and after means as above; per exercise of each
  routine, in how many of the routine's sessions it was completed or skipped, and the "This
  hurts" presses during it.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime, time, timedelta, tzinfo
from enum import StrEnum
from typing import TYPE_CHECKING, Final

from spinecoach.core.records import (
    HurtEvent,
    PainContext,
    PainEntry,
    ProgressionChange,
    SessionRecord,
    SessionStatus,
)
from spinecoach.core.statistics import session_pain, weekly_session_counts

if TYPE_CHECKING:
    from spinecoach.core.programme.adherence import WeekAdherence
    from spinecoach.core.programme.model import Programme

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


class ReportPeriod(StrEnum):
    """The periods a report can cover, ending today."""

    FOUR_WEEKS = "4-weeks"
    THREE_MONTHS = "3-months"
    SIX_MONTHS = "6-months"
    TWELVE_MONTHS = "12-months"
    EVERYTHING = "everything"


#: The choices, in the order offered.
REPORT_PERIODS: Final = tuple(ReportPeriod)

#: What the dialog offers first.
DEFAULT_PERIOD: Final = ReportPeriod.THREE_MONTHS

_MONTHS: Final = {
    ReportPeriod.THREE_MONTHS: 3,
    ReportPeriod.SIX_MONTHS: 6,
    ReportPeriod.TWELVE_MONTHS: 12,
}


def period_days(
    period: ReportPeriod, today: date, first_record: date | None, last_record: date | None = None
) -> tuple[date, date]:
    """The first and last local day the report covers (both included).

    The last is `today`; for everything, the last record's day when that is later (a record
    "in the future" after the clock was corrected is still part of everything). The first is
    27 days before the last for four weeks; for months, the day after the same date that many
    months back (3 months to 20 November start on 21 August; a day the month lacks, such as 31
    February, becomes that month's last day, plus one); for everything, the first record's
    day. It is never before `first_record`'s day (when there is one, and it is not after the
    last day).
    """
    last = today
    if period is ReportPeriod.EVERYTHING and last_record is not None:
        last = max(today, last_record)
    if period is ReportPeriod.FOUR_WEEKS:
        first = last - timedelta(weeks=COMPARE_WEEKS) + timedelta(days=1)
    elif period is ReportPeriod.EVERYTHING:
        first = first_record if first_record is not None else last
    else:
        first = _months_back(last, _MONTHS[period]) + timedelta(days=1)
    if first_record is not None and first < first_record <= last:
        first = first_record
    return first, last


def _months_back(day: date, months: int) -> date:
    month_index = day.year * 12 + day.month - 1 - months
    year, month = divmod(month_index, 12)
    month += 1
    next_month = date(year + (month == 12), month % 12 + 1, 1)
    last = (next_month - timedelta(days=1)).day
    return date(year, month, min(day.day, last))


def day_bounds(first: date, last: date, tz: tzinfo) -> tuple[datetime, datetime]:
    """The instants [start, end) of the local days `first` to `last` in `tz`."""
    start = datetime.combine(first, time(), tz)
    end = datetime.combine(last + timedelta(days=1), time(), tz)
    return start, end


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
    start, end = _utc_bounds(first, last, tz)
    in_sessions = tuple(
        sorted(
            (s for s in sessions if start <= _utc(s.started_at) < end),
            key=lambda s: (_utc(s.started_at), s.id or 0),
        )
    )
    ordered = sorted(entries, key=lambda e: (_utc(e.recorded_at), e.id or 0))
    in_entries = tuple(e for e in ordered if start <= _utc(e.recorded_at) < end)
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
                (c for c in changes if start <= _utc(c.recorded_at) < end),
                key=lambda c: (_utc(c.recorded_at), c.id or 0),
            )
        ),
    )


def _mean(values: Sequence[int]) -> float | None:
    return sum(values) / len(values) if values else None


def window_average(
    entries: Iterable[PainEntry], first: date, last: date, tz: tzinfo
) -> WindowAverage:
    """The mean of every score on the local days `first` to `last` (see `WindowAverage`)."""
    start, end = _utc_bounds(first, last, tz)
    scores = [e.score for e in entries if start <= _utc(e.recorded_at) < end]
    mean = _mean(scores) if len(scores) >= MIN_WINDOW_SCORES else None
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
    pairs = session_pain(entries)
    befores = [b for b, _a in pairs.values() if b is not None]
    afters = [a for _b, a in pairs.values() if a is not None]
    changes = [a - b for b, a in pairs.values() if a is not None and b is not None]
    start, end = _utc_bounds(first, last, tz)
    flares = tuple(f for f in flare_ups(everything) if start <= _utc(f.at) < end)
    highest = sorted(entries, key=lambda e: (e.score, _utc(e.recorded_at)), reverse=True)
    return PainFigures(
        scores=len(entries),
        period_mean=_mean([e.score for e in entries]),
        first_weeks=first_weeks,
        last_weeks=last_weeks,
        before_mean=_mean(befores),
        before_sessions=len(befores),
        after_mean=_mean(afters),
        after_sessions=len(afters),
        change_mean=_mean(changes),
        change_sessions=len(changes),
        flare_ups=flares,
        highest=tuple(highest[:HIGHEST_SHOWN]),
    )


def flare_ups(entries: Sequence[PainEntry]) -> list[FlareUp]:
    """Every flare-up in `entries` (any order), oldest first; the rule is the module's.

    A session's rise is judged on its before and after scores (the last given of each); it is
    dated at the after score. A check-in's baseline is the mean of every score (any context)
    recorded in the `FLARE_BASELINE_DAYS` days before it, itself and later ones left out.
    """
    ordered = sorted(entries, key=lambda e: _utc(e.recorded_at))
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
    times = [_utc(e.recorded_at) for e in ordered]
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
    found.sort(key=lambda f: _utc(f.at))
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
            minutes += max(timedelta(), _utc(session.ended_at) - _utc(session.started_at))
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
                last=max((e.recorded_at for e in pressed), key=_utc),
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
    notes.sort(key=lambda n: _utc(n.at))
    return tuple(notes)


def _utc(moment: datetime) -> datetime:
    return moment.astimezone(UTC)


def _utc_bounds(first: date, last: date, tz: tzinfo) -> tuple[datetime, datetime]:
    start, end = day_bounds(first, last, tz)
    return _utc(start), _utc(end)


# --- the programme ------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True, kw_only=True)
class RoutineFigures:
    """One prescribed routine over the period: sessions done against prescribed, and pain.

    `done` and `prescribed` add up the programme's weeks inside the period (`weekly_adherence`'s
    rules); `sessions` counts every session of the routine started in the period (stopped ones
    too), whose before and after scores make the means (the last given of each, as
    `statistics.session_pain`).
    """

    routine_id: str
    done: int
    prescribed: int
    sessions: int
    before_mean: float | None
    before_sessions: int
    after_mean: float | None
    after_sessions: int
    change_mean: float | None
    change_sessions: int


@dataclass(frozen=True, slots=True, kw_only=True)
class ExerciseFigures:
    """One exercise of a prescribed routine: in how many of the routine's sessions it was done.

    `sessions` are the routine's sessions started in the period; `completed` those that
    completed this exercise, `skipped` those that skipped it; `hurts` the "This hurts" presses
    during it in those sessions.
    """

    routine_id: str
    exercise_id: str
    sessions: int
    completed: int
    skipped: int
    hurts: int


@dataclass(frozen=True, slots=True, kw_only=True)
class ProgrammeFigures:
    """The active programme over the report's period.

    `weeks` are the programme's weeks that overlap the period (done and prescribed as
    `weekly_adherence` counts them: from the programme's start, the first and the last week
    prorated); `done` and `prescribed` are their sums.
    """

    programme: Programme
    weeks: tuple[WeekAdherence, ...]
    done: int
    prescribed: int
    routines: tuple[RoutineFigures, ...]
    exercises: tuple[ExerciseFigures, ...]

    @property
    def share(self) -> float | None:
        """Sessions done as a share of those prescribed (0 to 1 and over); None: none prescribed."""
        return self.done / self.prescribed if self.prescribed else None


def programme_figures(
    programme: Programme,
    *,
    completed: Iterable[tuple[str, date]],
    sessions: Sequence[SessionRecord],
    entries: Sequence[PainEntry],
    hurt_events: Iterable[HurtEvent],
    first: date,
    last: date,
    tz: tzinfo,
    aliases: Mapping[str, str] | None = None,
) -> ProgrammeFigures:
    """The programme's figures for the local days `first` to `last` in `tz`.

    `aliases` maps a routine the person eased from a locked one to the programme routine it
    stands for (`Routine.based_on`): its sessions count for that routine, as they should for
    the prescriber reading what was done with what they prescribed.

    `completed` are (routine id, local day) of every completed session since the programme
    started (its weeks may begin before the period); `sessions`, `entries` and `hurt_events`
    are the period's records (what `clinician_figures` read; more is filtered out). Only the
    programme's own routines count.
    """
    from spinecoach.core.programme.adherence import adherence_by_routine, weekly_adherence

    done_days = list(completed)
    today = last

    def inside(week: WeekAdherence) -> bool:
        return week.week_start <= last and week.week_start + timedelta(days=6) >= first

    stands_for = dict(aliases or {})
    weeks = tuple(
        w for w in weekly_adherence(programme, done_days, today, aliases=stands_for) if inside(w)
    )
    per_routine = adherence_by_routine(programme, done_days, today, aliases=stands_for)
    start, end = _utc_bounds(first, last, tz)
    routine_ids = set(programme.routine_ids)
    in_sessions = [
        replace(s, routine_id=stands_for.get(s.routine_id, s.routine_id))
        for s in sessions
        if stands_for.get(s.routine_id, s.routine_id) in routine_ids
        and start <= _utc(s.started_at) < end
    ]
    pain = session_pain([e for e in entries if start <= _utc(e.recorded_at) < end])
    events = list(hurt_events)
    routines: list[RoutineFigures] = []
    exercises: list[ExerciseFigures] = []
    for prescribed in programme.routines:
        routine = prescribed.routine
        own = [s for s in in_sessions if s.routine_id == routine.id]
        routine_weeks = [w for w in per_routine.get(routine.id, ()) if inside(w)]
        pairs = [pain[s.id] for s in own if s.id is not None and s.id in pain]
        befores = [b for b, _a in pairs if b is not None]
        afters = [a for _b, a in pairs if a is not None]
        changes = [a - b for b, a in pairs if a is not None and b is not None]
        routines.append(
            RoutineFigures(
                routine_id=routine.id,
                done=sum(w.done for w in routine_weeks),
                prescribed=sum(w.prescribed for w in routine_weeks),
                sessions=len(own),
                before_mean=_mean(befores),
                before_sessions=len(befores),
                after_mean=_mean(afters),
                after_sessions=len(afters),
                change_mean=_mean(changes),
                change_sessions=len(changes),
            )
        )
        own_ids = {s.id for s in own}
        seen: set[str] = set()
        for item in routine.items:
            exercise_id = item.exercise.id
            if exercise_id in seen:
                continue
            seen.add(exercise_id)
            exercises.append(
                ExerciseFigures(
                    routine_id=routine.id,
                    exercise_id=exercise_id,
                    sessions=len(own),
                    completed=sum(1 for s in own if exercise_id in s.exercises_completed),
                    skipped=sum(1 for s in own if exercise_id in s.exercises_skipped),
                    hurts=sum(
                        1
                        for e in events
                        if e.session_id in own_ids and e.exercise_id == exercise_id
                    ),
                )
            )
    return ProgrammeFigures(
        programme=programme,
        weeks=weeks,
        done=sum(w.done for w in weeks),
        prescribed=sum(w.prescribed for w in weeks),
        routines=tuple(routines),
        exercises=tuple(exercises),
    )
