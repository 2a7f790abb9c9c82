"""The clinician report's figures, on hand-made records: every rule the report states, tested.

Days are UTC unless a test says otherwise, so a record's date is the date written in it.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from spinecoach.core import report_words
from spinecoach.core.clinician_report import (
    FLARE_BASELINE_DAYS,
    FLARE_RISE,
    HIGHEST_SHOWN,
    MIN_WINDOW_SCORES,
    ClinicianFigures,
    FlareKind,
    NoteKind,
    clinician_figures,
    flare_ups,
    hurt_summaries,
)
from spinecoach.core.messages import ENGLISH
from spinecoach.core.records import (
    HurtAction,
    HurtEvent,
    PainContext,
    PainEntry,
    SessionRecord,
    SessionStatus,
)
from spinecoach.core.report_period import ReportPeriod, period_days

BEFORE, AFTER, CHECK_IN = PainContext.BEFORE, PainContext.AFTER, PainContext.CHECK_IN


def at(day: date, hour: int = 9, minute: int = 0) -> datetime:
    return datetime(day.year, day.month, day.day, hour, minute, tzinfo=UTC)


def score(
    when: datetime, value: int, context: PainContext = CHECK_IN, session: int | None = None,
    note: str = "",
) -> PainEntry:  # fmt: skip
    return PainEntry(recorded_at=when, score=value, context=context, session_id=session, note=note)


def session(
    number: int,
    when: datetime,
    minutes: float | None = 10,
    status: SessionStatus = SessionStatus.COMPLETED,
    note: str = "",
) -> SessionRecord:
    ended = None if minutes is None else when + timedelta(minutes=minutes)
    done = ("a", "b") if status is SessionStatus.COMPLETED else ("a",)
    return SessionRecord(
        id=number,
        routine_id="desk-break",
        routine_name="Desk break",
        started_at=when,
        ended_at=ended,
        exercises_completed=done,
        exercises_total=2,
        status=status,
        note=note,
    )


def pair(number: int, when: datetime, before: int, after: int) -> list[PainEntry]:
    """A session's before and after scores, ten minutes apart."""
    return [
        score(when, before, BEFORE, number),
        score(when + timedelta(minutes=10), after, AFTER, number),
    ]


def figures(
    entries: list[PainEntry],
    first: date,
    last: date,
    sessions: list[SessionRecord] | None = None,
    events: list[HurtEvent] | None = None,
    goal: int = 3,
) -> ClinicianFigures:
    return clinician_figures(
        sessions or [], entries, events or [], first=first, last=last, weekly_goal=goal, tz=UTC
    )


# --- the period ------------------------------------------------------------------------------

TODAY = date(2026, 11, 20)  # a Friday


@pytest.mark.parametrize(
    ("period", "first"),
    [
        (ReportPeriod.FOUR_WEEKS, date(2026, 10, 24)),
        (ReportPeriod.THREE_MONTHS, date(2026, 8, 21)),
        (ReportPeriod.SIX_MONTHS, date(2026, 5, 21)),
        (ReportPeriod.TWELVE_MONTHS, date(2025, 11, 21)),
    ],
)
def test_a_period_ends_today_and_reaches_back_its_length(period: ReportPeriod, first: date) -> None:
    assert period_days(period, TODAY, date(2020, 1, 1)) == (first, TODAY)
    assert (TODAY - period_days(ReportPeriod.FOUR_WEEKS, TODAY, None)[0]).days + 1 == 28


def test_a_month_back_from_a_day_the_month_lacks_is_its_last_day() -> None:
    # 31 May, three months back: 31 February does not exist; 28 February, so 1 March on.
    assert period_days(ReportPeriod.THREE_MONTHS, date(2026, 5, 31), None)[0] == date(2026, 3, 1)
    assert period_days(ReportPeriod.TWELVE_MONTHS, date(2028, 2, 29), None)[0] == date(2027, 3, 1)


def test_a_period_never_starts_before_the_first_record() -> None:
    began = date(2026, 10, 16)
    assert period_days(ReportPeriod.THREE_MONTHS, TODAY, began) == (began, TODAY)
    assert period_days(ReportPeriod.EVERYTHING, TODAY, began) == (began, TODAY)
    assert period_days(ReportPeriod.EVERYTHING, TODAY, None) == (TODAY, TODAY)
    # A record after today (the clock was corrected) is still part of everything.
    later = TODAY + timedelta(days=1)
    assert period_days(ReportPeriod.EVERYTHING, TODAY, began, later) == (began, later)
    assert period_days(ReportPeriod.FOUR_WEEKS, TODAY, began, later)[1] == TODAY


# --- pain: first and last four weeks ----------------------------------------------------------

START = date(2026, 1, 5)  # a Monday
TEN_WEEKS_END = START + timedelta(weeks=10, days=-1)


def test_the_first_and_last_four_weeks_average_every_score_in_them() -> None:
    entries = [
        score(at(START), 6),
        score(at(START + timedelta(days=3)), 5, BEFORE, 1),
        score(at(START + timedelta(days=27), 21), 7, AFTER, 1),  # the first window's last day
        score(at(START + timedelta(days=28)), 9),  # neither window: the middle weeks
        score(at(START + timedelta(days=35)), 9),
        score(at(TEN_WEEKS_END - timedelta(days=27)), 3),  # the last window's first day
        score(at(TEN_WEEKS_END - timedelta(days=5)), 2),
        score(at(TEN_WEEKS_END, 23, 59), 3),
        score(at(TEN_WEEKS_END - timedelta(days=1)), 2),
    ]
    pain = figures(entries, START, TEN_WEEKS_END).pain
    assert pain.compared
    assert pain.first_weeks is not None and pain.last_weeks is not None
    assert (pain.first_weeks.first, pain.first_weeks.last) == (START, date(2026, 2, 1))
    assert (pain.last_weeks.first, pain.last_weeks.last) == (date(2026, 2, 16), TEN_WEEKS_END)
    assert pain.first_weeks.scores == 3
    assert pain.first_weeks.mean == pytest.approx(6.0)
    assert pain.last_weeks.scores == 4
    assert pain.last_weeks.mean == pytest.approx(2.5)
    assert pain.window_change == pytest.approx(-3.5)
    assert pain.scores == 9
    assert pain.period_mean == pytest.approx(46 / 9)


def test_a_window_with_too_few_scores_has_no_average() -> None:
    entries = [score(at(START), 6), score(at(START + timedelta(days=1)), 5)]  # 2 in the first
    entries += [score(at(TEN_WEEKS_END - timedelta(days=d)), 3) for d in range(3)]  # 3 in the last
    pain = figures(entries, START, TEN_WEEKS_END).pain
    assert pain.first_weeks is not None and pain.last_weeks is not None
    assert MIN_WINDOW_SCORES == 3
    assert (pain.first_weeks.scores, pain.first_weeks.mean) == (2, None)
    assert (pain.last_weeks.scores, pain.last_weeks.mean) == (3, 3.0)
    assert pain.window_change is None  # "not enough data", never a change from half a window


def test_a_period_shorter_than_eight_weeks_is_not_split_into_windows() -> None:
    last = START + timedelta(weeks=8, days=-2)  # 55 days
    entries = [score(at(START + timedelta(days=d)), 4) for d in range(0, 55, 5)]
    pain = figures(entries, START, last).pain
    assert not pain.compared
    assert pain.first_weeks is None and pain.last_weeks is None
    assert pain.period_mean == 4.0
    assert figures(entries, START, last + timedelta(days=1)).pain.compared  # 56 days: it is


# --- pain: before, after, change --------------------------------------------------------------


def test_before_and_after_average_each_session_s_last_given_score() -> None:
    day = at(START + timedelta(days=2))
    entries = [
        *pair(1, day, 6, 4),
        score(day + timedelta(minutes=1), 5, BEFORE, 1),  # corrected: 5 counts, not 6
        *pair(2, day + timedelta(days=1), 4, 4),
        score(day + timedelta(days=2), 3, BEFORE, 3),  # no after score
        score(day + timedelta(days=3), 8),  # a check-in: part of neither
    ]
    pain = figures(entries, START, TEN_WEEKS_END).pain
    assert pain.before_mean == pytest.approx(4.0)  # 5, 4 and 3
    assert (pain.after_mean, pain.after_sessions, pain.before_sessions) == (4.0, 2, 3)
    assert pain.change_mean == pytest.approx(-0.5)  # 4 - 5 and 4 - 4
    assert pain.change_sessions == 2


def test_with_no_scores_every_average_is_none() -> None:
    pain = figures([], START, TEN_WEEKS_END).pain
    assert pain.scores == 0
    assert pain.period_mean is pain.before_mean is pain.after_mean is pain.change_mean is None
    assert pain.flare_ups == () and pain.highest == ()


# --- pain: flare-ups --------------------------------------------------------------------------


def test_a_rise_of_two_or_more_within_a_session_is_a_flare_up() -> None:
    assert FLARE_RISE == 2
    day = at(START + timedelta(days=10))
    entries = [
        *pair(1, day, 3, 5),  # +2: a flare-up
        *pair(2, day + timedelta(days=1), 3, 4),  # +1: not
        *pair(3, day + timedelta(days=2), 2, 7),  # +5: a flare-up
        *pair(4, day + timedelta(days=3), 6, 4),  # down: not
    ]
    found = [f for f in flare_ups(entries) if f.kind is FlareKind.SESSION]
    assert [(f.session_id, f.start, f.score) for f in found] == [(1, 3.0, 5), (3, 2.0, 7)]
    assert found[0].at == day + timedelta(minutes=10)  # dated at the after score


def test_a_check_in_two_above_the_previous_seven_day_average_is_a_flare_up() -> None:
    assert FLARE_BASELINE_DAYS == 7
    t = at(START + timedelta(days=20), 20)
    entries = [
        score(t - timedelta(days=7, seconds=1), 0, BEFORE, 7),  # just outside: not counted
        score(t - timedelta(days=7), 3, BEFORE, 8),  # exactly seven days before: counted
        score(t - timedelta(days=2), 4, BEFORE, 9),
        score(t - timedelta(days=2) + timedelta(minutes=10), 2, AFTER, 9),
        score(t, 5),  # mean of 3, 4, 2 is 3.0: exactly 2 above, a flare-up
        score(t + timedelta(hours=1), 5),  # mean of 3, 4, 2, 5 is 3.5: 1.5 above, not
    ]
    found = flare_ups(entries)
    assert [(f.kind, f.at, f.score) for f in found] == [(FlareKind.CHECK_IN, t, 5)]
    assert found[0].start == pytest.approx(3.0)


def test_a_check_in_with_nothing_in_the_week_before_is_not_judged() -> None:
    t = at(START + timedelta(days=30))
    entries = [score(t - timedelta(days=8), 1), score(t, 9)]
    assert flare_ups(entries) == []


def test_only_check_ins_are_judged_against_the_week_before() -> None:
    t = at(START + timedelta(days=30))
    entries = [score(t - timedelta(days=1), 2), score(t, 8, BEFORE, 4)]  # no after score
    assert flare_ups(entries) == []


def test_scores_before_the_period_make_the_baseline_but_are_not_reported() -> None:
    first = START + timedelta(days=7)
    entries = [
        score(at(first - timedelta(days=3)), 2),  # before the period: baseline only
        score(at(first - timedelta(days=2)), 6),  # a flare-up before the period: left out
        score(at(first, 8), 7),  # mean of 2 and 6 is 4: 3 above
    ]
    result = figures(entries, first, first + timedelta(weeks=9))
    assert [(f.score, f.start) for f in result.pain.flare_ups] == [(7, 4.0)]
    assert result.pain.scores == 1  # the figures themselves count only the period's scores


# --- pain: the highest scores -----------------------------------------------------------------


def test_the_highest_scores_come_highest_first_then_most_recent() -> None:
    values = [3, 8, 5, 8, 7, 2, 6, 7]
    entries = [score(at(START + timedelta(days=i)), v) for i, v in enumerate(values)]
    highest = figures(entries, START, TEN_WEEKS_END).pain.highest
    assert len(highest) == HIGHEST_SHOWN == 5
    assert [(e.score, e.recorded_at.day) for e in highest] == [
        (8, 8), (8, 6), (7, 12), (7, 9), (6, 11)
    ]  # fmt: skip


# --- adherence --------------------------------------------------------------------------------


def test_sessions_per_week_against_the_goal_in_full_weeks() -> None:
    first = date(2026, 3, 4)  # a Wednesday: its week is not full
    last = date(2026, 3, 29)  # a Sunday: three full weeks, 2-8 March is partial
    days = [
        date(2026, 3, 4), date(2026, 3, 6),  # partial week: 2
        date(2026, 3, 9), date(2026, 3, 10), date(2026, 3, 11),  # 3: goal reached
        date(2026, 3, 17),  # 1
        date(2026, 3, 23), date(2026, 3, 24), date(2026, 3, 25), date(2026, 3, 29),  # 4
    ]  # fmt: skip
    statuses = [SessionStatus.COMPLETED] * len(days)
    statuses[1] = SessionStatus.STOPPED
    statuses[5] = SessionStatus.INCOMPLETE
    sessions = [
        session(i + 1, at(d), None if s is SessionStatus.INCOMPLETE else 10 + i, s)
        for i, (d, s) in enumerate(zip(days, statuses, strict=True))
    ]
    sessions.append(session(99, at(date(2026, 3, 30)), 10))  # after the period: not counted
    done = figures([], first, last, sessions, goal=3).adherence
    assert [count for _monday, count in done.weeks] == [2, 3, 1, 4]
    assert done.weeks[0][0] == date(2026, 3, 2)
    assert (done.full_weeks, done.weeks_goal_met) == (3, 2)
    assert done.sessions == 10
    assert done.per_week == pytest.approx(10 / (26 / 7))
    assert (done.completed, done.stopped, done.unfinished) == (8, 1, 1)
    # Minutes of the nine sessions with an end: 10, 11, ... 19 less the 15 of the unfinished one.
    assert (done.minutes, done.timed_sessions) == (sum(range(10, 20)) - 15, 9)
    assert done.average_minutes == pytest.approx(130 / 9)


def test_with_no_sessions_adherence_counts_zero() -> None:
    done = figures([], START, START + timedelta(days=13), goal=2).adherence
    assert done.sessions == 0 and done.per_week == 0 and done.average_minutes is None
    assert (done.full_weeks, done.weeks_goal_met, done.weekly_goal) == (2, 0, 2)


# --- "this hurts" and notes -------------------------------------------------------------------


def hurt(number: int, exercise: str, action: HurtAction, when: datetime) -> HurtEvent:
    return HurtEvent(session_id=number, exercise_id=exercise, recorded_at=when, action=action)


def test_this_hurts_is_counted_per_exercise_with_what_was_done() -> None:
    day = at(START + timedelta(days=3))
    sessions = [
        session(1, day),
        session(2, day + timedelta(days=1)),
        session(3, at(START) - timedelta(days=1)),
    ]
    events = [
        hurt(1, "bird-dog", "skipped", day + timedelta(minutes=2)),
        hurt(1, "cat-cow", "continued", day + timedelta(minutes=3)),
        hurt(2, "bird-dog", "ended", day + timedelta(days=1, minutes=4)),
        hurt(2, "bird-dog", "skipped", day + timedelta(days=1, minutes=1)),
        hurt(3, "plank", "ended", at(START) - timedelta(days=1)),  # its session is before
    ]
    hurts = figures([], START, TEN_WEEKS_END, sessions, events).hurts
    assert [(h.exercise_id, h.times, dict(h.actions)) for h in hurts] == [
        ("bird-dog", 3, {"skipped": 2, "ended": 1}),
        ("cat-cow", 1, {"continued": 1}),
    ]
    assert hurts[0].last == day + timedelta(days=1, minutes=4)
    assert set(report_words.HURT_ACTIONS) >= {"skipped", "ended", "continued"}
    assert hurt_summaries([]) == ()


def test_notes_of_sessions_and_scores_are_listed_oldest_first() -> None:
    day = at(START + timedelta(days=3))
    sessions = [session(1, day, note="Stiff today."), session(2, day + timedelta(days=1), note=" ")]
    entries = [
        score(day + timedelta(days=2), 6, note="After gardening."),
        score(day, 5, BEFORE, 1, note="Slept badly."),
        score(day + timedelta(minutes=10), 4, AFTER, 1),
    ]
    notes = figures(entries, START, TEN_WEEKS_END, sessions).notes
    assert [(n.kind, n.text, n.score) for n in notes] == [
        (NoteKind.SESSION, "Stiff today.", None),
        (NoteKind.BEFORE, "Slept badly.", 5),
        (NoteKind.CHECK_IN, "After gardening.", 6),
    ]


# --- days in the person's zone ----------------------------------------------------------------


def test_days_are_the_person_s_local_days() -> None:
    berlin = ZoneInfo("Europe/Berlin")
    last = date(2026, 3, 31)
    late = datetime(2026, 3, 31, 22, 30, tzinfo=UTC)  # 1 April 00:30 in Berlin: after the period
    early = datetime(2026, 2, 28, 23, 30, tzinfo=UTC)  # 1 March 00:30 in Berlin: inside
    entries = [score(late, 9), score(early, 1)]
    result = clinician_figures(
        [], entries, [], first=date(2026, 3, 1), last=last, weekly_goal=3, tz=berlin
    )
    assert [e.score for e in result.entries] == [1]


def test_the_report_s_words_cover_every_period_and_context() -> None:
    assert set(report_words.PERIOD_NAMES) == set(ReportPeriod)
    assert set(report_words.CONTEXTS) == {c.value for c in PainContext}
    assert set(report_words.NOTE_KINDS) == set(NoteKind)
    footnote = ENGLISH.text(report_words.FLARE_FOOTNOTE, rise=FLARE_RISE, days=FLARE_BASELINE_DAYS)
    assert "a rise of 2 points or more" in footnote and "in the 7 days before it" in footnote
