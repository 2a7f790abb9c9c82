"""Fills the History view from the database and carries out what the person asks there.

Only the chosen range is read (the queries use the time indexes), the statistics come from
`core.statistics` (the reminder line from `core.reminder_summary`), and every change (a
check-in, a corrected or deleted check-in, a deleted session, an edited note) is written at
once and then redrawn. Dates, times and numbers are written in the locale in use
(`locale_text`); the core's words (the reminder sentence, durations) in the language of
`words`. Each record is worded as its line of the log by `log_rows`.

The chart shows the chosen range, cut to the data when there is less (a new person's "3
months" shows their first days, at least a week), and always ends with today: nothing after
it. The 7-day average is drawn from day to day (`daily`), so a lone day's scores draw no line
(one session's before and after drew a vertical bar).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from datetime import date, datetime, time, timedelta, tzinfo
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, Signal

from spinecoach.core.clock import Clock
from spinecoach.core.messages import ENGLISH, Messages
from spinecoach.core.records import PainContext, PainEntry, SessionRecord
from spinecoach.core.reminder_summary import THIS_WEEK, describe_reminders, summarise_reminders
from spinecoach.core.report_period import DEFAULT_PERIOD, ReportPeriod
from spinecoach.core.statistics import (
    HistorySummary,
    Trend,
    rolling_average,
    session_pain,
    summarize,
    weekly_session_counts,
)
from spinecoach.core.ui_text import QT_TRANSLATE_NOOP
from spinecoach.storage.database import Database
from spinecoach.ui.history.chart import ChartPoint
from spinecoach.ui.history.locale_text import count, signed
from spinecoach.ui.history.log_rows import (
    change_row,
    check_in_row,
    hurt_lines,
    reminder_row,
    session_row,
)
from spinecoach.ui.history.programme_panel import ProgrammeSummary, summarise_programme
from spinecoach.ui.history.report_content import ReportWriter
from spinecoach.ui.history.report_document import ReportContent
from spinecoach.ui.history.view import HistoryView

if TYPE_CHECKING:
    from spinecoach.core.programme.model import Programme

#: The pain entries listed with the check-ins: logged at any time, and the next-morning question.
CHECK_IN_CONTEXTS = frozenset({PainContext.CHECK_IN, PainContext.NEXT_MORNING})

# How far back the summary looks at most (the streak and the trend never need more).
SUMMARY_DAYS = 400
# Where it starts: five weeks for the week, minutes and trend, with room to spare.
FIRST_SUMMARY_DAYS = 50
# The average change covers this many recent sessions with both scores.
CHANGE_SESSIONS = 10
# The chart shows at least this many days, even for a first session.
MIN_VIEW_DAYS = 7

# The trend card's value and detail, in English (shown translated).
#: The weekly trend card: its value, then the line under it.
TREND_WORDS: dict[Trend, tuple[str, str]] = {
    Trend.IMPROVING: (
        QT_TRANSLATE_NOOP("HistoryController", "Improving"),
        QT_TRANSLATE_NOOP("HistoryController", "pain is coming down week by week"),
    ),
    Trend.STEADY: (
        QT_TRANSLATE_NOOP("HistoryController", "Steady"),
        QT_TRANSLATE_NOOP("HistoryController", "about the same from week to week"),
    ),
    Trend.WORSENING: (
        QT_TRANSLATE_NOOP("HistoryController", "Rising"),
        QT_TRANSLATE_NOOP(
            "HistoryController", "pain has been going up; consider a gentler routine"
        ),
    ),
    Trend.NOT_ENOUGH_DATA: (
        QT_TRANSLATE_NOOP("HistoryController", "Not enough data yet"),
        QT_TRANSLATE_NOOP("HistoryController", "needs three weeks with scores"),
    ),
}


def daily(
    segment: Sequence[tuple[datetime, float]], zone: tzinfo | None
) -> list[tuple[float, float]]:
    """One point a day of an average line: the average at the day's last score.

    A day's before and after scores moved the line up and down within minutes (a vertical tick
    at every session, and a lone session's "average" was a vertical bar); a line from day to
    day reads as the trend it is. A segment with one day only has one point, and no line.
    """
    last_of_day: dict[date, tuple[float, float]] = {}
    for moment, value in segment:
        last_of_day[moment.astimezone(zone).date()] = (moment.timestamp(), value)
    return list(last_of_day.values())


class HistoryController(QObject):
    """Loads the chosen range into the History view.

    Signals:
        repeat_requested(str): play this routine id again.

    `words` are the core's words in the language in use (the reminder sentence, durations).
    """

    repeat_requested = Signal(str)

    def __init__(
        self,
        view: HistoryView,
        database: Database,
        clock: Clock,
        weekly_goal: Callable[[], int],
        tz: tzinfo | None = None,
        *,
        write_pain: Callable[[PainEntry], bool] | None = None,
        write_note: Callable[[int, str], bool] | None = None,
        write_check_in: Callable[[int, int, str], bool] | None = None,
        words: Messages = ENGLISH,
        routine_names: Mapping[str, str] | None = None,
    ) -> None:
        """`words` and `routine_names` (routine id -> its name) are in the language in use.

        A session is shown under its routine's name in that language; one whose routine is no
        longer in the library keeps the name it was recorded with. `write_check_in(entry id,
        score, note)` corrects a check-in through the app's write path.
        """
        super().__init__(view)
        self._words = words
        # Read at each use, not copied: a routine renamed while History is open shows its new name.
        self._routine_names: Mapping[str, str] = routine_names if routine_names is not None else {}
        # A named zone (with its DST rules) puts old entries on the right local day.
        self._tz = tz
        self._view = view
        self._database = database
        self._clock = clock
        self._weekly_goal = weekly_goal
        # The app's one write path for health data (kept and retried when storage refuses);
        # without it (tests of the view alone) scores go straight to the database.
        self._write_pain = write_pain
        self._write_note = write_note
        self._write_check_in = write_check_in
        self._exercise_names: Callable[[tuple[str, ...]], list[str]] = list
        self._programme: Callable[[], Programme | None] = lambda: None
        self._programme_aliases: Callable[[], Mapping[str, str]] = dict
        self._range_days: int | None = 91
        self._show_bars = False
        view.range_requested.connect(self.set_range)
        view.weekly_bars_toggled.connect(self._toggle_bars)
        view.repeat_requested.connect(self._repeat)

    def set_exercise_names(self, names: Callable[[tuple[str, ...]], list[str]]) -> None:
        """How exercises are named, by id, in the language in use (the log's "This hurts")."""
        self._exercise_names = names

    def set_programme_source(
        self,
        programme: Callable[[], Programme | None],
        aliases: Callable[[], Mapping[str, str]] = dict,
    ) -> None:
        """Where the active programme comes from (None: none); History shows its adherence.

        `aliases`: the person's eased copies of locked routines -> the routine each eases; their
        sessions count for the programme's routine.
        """
        self._programme = programme
        self._programme_aliases = aliases

    def programme_summary(self) -> ProgrammeSummary | None:
        """The active programme and its weeks so far (`core.programme.adherence`'s rules)."""
        programme = self._programme()
        if programme is None:
            return None
        zone = self._zone()
        now = self._clock.now()
        today = now.astimezone(zone).date()
        since = self._midnight(min(programme.start, today))
        completed = [
            (routine_id, started.astimezone(zone).date())
            for routine_id, started in self._database.completed_sessions_between(
                since, self._midnight(today + timedelta(days=1))
            )
        ]
        aliases = self._programme_aliases()
        return summarise_programme(programme, completed, today, aliases, self._words)

    def routine_name(self, session: SessionRecord) -> str:
        """The session's routine as the library names it now, else as it was recorded."""
        return self._routine_names.get(session.routine_id, session.routine_name)

    def now(self) -> datetime:
        """The app clock's time (an import judges "in the future" by it, not by the system's)."""
        return self._clock.now()

    @property
    def database(self) -> Database:
        """The database the history reads and writes."""
        return self._database

    @property
    def range_days(self) -> int | None:
        """The days shown (None: everything)."""
        return self._range_days

    def set_range(self, days: int | None) -> None:
        """Show the last `days` days (None: all) and redraw; the summary does not change."""
        self._range_days = days
        self.refresh(summary=False)

    def _toggle_bars(self, on: bool) -> None:
        self._show_bars = on
        self.refresh(summary=False)

    def _bounds(self) -> tuple[datetime, datetime]:
        """What is read: the range's whole days up to now, and a day after now.

        The day after (never shown on the chart) keeps a score whose clock ran a little ahead
        in the log. "All" starts a day before the first record.
        """
        now = self._clock.now()
        end = now + timedelta(days=1)
        if self._range_days is None:
            span = self._database.time_span()
            start = span[0] if span is not None else now - timedelta(days=14)
            return start - timedelta(days=1), end
        today = now.astimezone(self._zone()).date()
        return self._midnight(today - timedelta(days=self._range_days - 1)), end

    def _zone(self) -> tzinfo | None:
        """The person's zone for days (the clock's offset when none was given)."""
        return self._tz or self._clock.now().tzinfo

    def _midnight(self, day: date) -> datetime:
        return datetime.combine(day, time(), self._zone())

    def view_bounds(self, first_data: datetime | None) -> tuple[datetime, datetime]:
        """What the chart shows: the range, cut to the data, ending with today.

        It ends at the next midnight (today is the last day shown, nothing after it). It
        starts at the range's first day, or at the first day with data when that is later,
        and shows at least MIN_VIEW_DAYS days.
        """
        zone = self._zone()
        now = self._clock.now()
        today = now.astimezone(zone).date()
        end = self._midnight(today + timedelta(days=1))
        start, _end = self._bounds()
        first_day = start.astimezone(zone).date()
        if first_data is not None:
            first_day = max(first_day, first_data.astimezone(zone).date())
        first_day = min(first_day, today - timedelta(days=MIN_VIEW_DAYS - 1))
        return self._midnight(first_day), end

    def refresh(self, *, summary: bool = True) -> None:
        """Read the range and redraw chart and tables (and the cards, unless told not to)."""
        start, end = self._bounds()
        entries = self._database.pain_entries(start, end)
        sessions = self._database.sessions(start, end)
        pain_by_session = session_pain(entries)
        routine_names = {s.id: self.routine_name(s) for s in sessions}
        points = [self._point(entry, routine_names) for entry in entries]
        zone = self._zone()
        average = [
            line for segment in rolling_average(entries) if len(line := daily(segment, zone)) > 1
        ]
        weekly = []
        if self._show_bars:
            weekly = [
                (datetime.combine(monday, datetime.min.time(), zone).timestamp(), count)
                for monday, count in weekly_session_counts(sessions, start, end, zone)
            ]
        chart = self._view.chart
        chart.set_time_zone(self._tz)
        chart.set_data(points, average, weekly)
        moments = [e.recorded_at for e in entries] + [s.started_at for s in sessions]
        first_data = min(moments, key=lambda moment: moment.timestamp()) if moments else None
        view_start, view_end = self.view_bounds(first_data)
        chart.show_range(view_start.timestamp(), view_end.timestamp())
        self._view.set_empty(not points)
        events = self._database.hurt_events_between(start, end)
        hurts = hurt_lines(events, self._exercise_names(tuple(e.exercise_id for e in events)))
        texts = {session_id: self._hurt_text(lines) for session_id, lines in hurts.items()}
        self._view.set_sessions(
            [
                session_row(s, self.routine_name(s), pain_by_session, hurts, texts, self._words)
                for s in sessions
            ]
        )
        self._view.set_check_ins(
            [check_in_row(e) for e in entries if e.context in CHECK_IN_CONTEXTS]
        )
        self._view.set_changes(
            [change_row(c) for c in self._database.progression_changes(start, end)]
        )
        self._view.set_reminders(
            [reminder_row(e) for e in self._database.reminder_events(start, end)]
        )
        self._view.set_programme(self.programme_summary())
        if summary:
            self._refresh_summary()

    def _hurt_text(self, lines: list[str]) -> str:
        """A session's "This hurts" cell: the first answer, and how many more ("(+2 more)").

        Worded here, not in `log_rows`: lupdate finds a counted message only in a `tr` call.
        """
        if len(lines) < 2:
            return lines[0] if lines else ""
        more = self.tr("(+%n more)", "", len(lines) - 1)
        return self.tr("{first} {more}").format(first=lines[0], more=more)

    def _summary(self) -> HistorySummary:
        """The summary, reading as little history as it needs.

        Most of it needs five weeks; the streak and the last ten before/after pairs may reach
        further back, so the window doubles (up to SUMMARY_DAYS) only while they could.
        """
        now = self._clock.now()
        span = self._database.time_span()
        first = span[0] if span is not None else now
        days = FIRST_SUMMARY_DAYS
        while True:
            since = now - timedelta(days=days)
            summary = summarize(
                self._database.sessions(since, now + timedelta(days=1)),
                self._database.pain_entries(since, now + timedelta(days=1)),
                now,
                self._weekly_goal(),
                self._tz,
            )
            streak_cut = summary.streak_days >= days - 1
            pairs_short = summary.change_sessions < CHANGE_SESSIONS
            if days >= SUMMARY_DAYS or first >= since or not (streak_cut or pairs_short):
                return summary
            days = min(SUMMARY_DAYS, days * 2)

    def _refresh_summary(self) -> None:
        summary = self._summary()
        goal_met = summary.sessions_this_week >= summary.weekly_goal
        self._view.set_card(
            "weekCard",
            self.tr("{done} of {total}").format(
                done=count(summary.sessions_this_week), total=count(summary.weekly_goal)
            ),
            self.tr("goal reached") if goal_met else self.tr("weekly goal"),
        )
        days = summary.streak_days
        self._view.set_card("streakCard", self.tr("%n day(s)", "", days), self.tr("in a row"))
        self._view.set_card(
            "minutesCard",
            self.tr("{minutes} min").format(minutes=count(summary.minutes_this_week)),
            self.tr("of exercise"),
        )
        if summary.average_change is None:
            self._view.set_card("changeCard", "–", self.tr("needs before and after scores"))
        else:
            pairs = summary.change_sessions
            self._view.set_card(
                "changeCard",
                signed(summary.average_change),
                self.tr("after minus before, last %n", "", pairs),
            )
        word, detail = TREND_WORDS[summary.weekly_trend]
        self._view.set_card(
            "trendCard",
            QCoreApplication.translate("HistoryController", word),
            QCoreApplication.translate("HistoryController", detail),
        )
        self._view.set_reminder_line(self._reminders_this_week())

    def _reminders_this_week(self) -> str:
        """The stand-up reminders of the ISO week the cards count (Monday 00:00 local)."""
        now = self._clock.now()
        local = now.astimezone(self._tz or now.tzinfo)
        monday = datetime.combine(
            local.date() - timedelta(days=local.weekday()), time(), local.tzinfo
        )
        events = self._database.reminder_events(monday, monday + timedelta(days=7))
        words = self._words
        return describe_reminders(summarise_reminders(events), words.text(THIS_WEEK), words)

    @staticmethod
    def _point(entry: PainEntry, routine_names: dict[int | None, str]) -> ChartPoint:
        routine = routine_names.get(entry.session_id, "") if entry.session_id else ""
        return ChartPoint(
            epoch=entry.recorded_at.timestamp(),
            score=entry.score,
            context=entry.context.value,
            when=entry.recorded_at,
            routine=routine,
            note=entry.note,
        )

    def check_in(self, score: int, note: str) -> bool:
        """Record a pain score without a session, at once; False when it waits to be saved."""
        entry = PainEntry(
            recorded_at=self._clock.now(), score=score, context=PainContext.CHECK_IN, note=note
        )
        if self._write_pain is None:
            self._database.add_pain_entry(entry)
            stored = True
        else:
            stored = self._write_pain(entry)
        self.refresh()
        return stored

    def delete_session(self, session_id: int) -> SessionRecord:
        """Hide a session and its scores (undoable); returns it for the undo message."""
        session = self._database.session(session_id)
        self._database.delete_session(session_id, self._clock.now())
        self.refresh()
        return session

    def restore_session(self, session_id: int) -> None:
        """Undo a deletion."""
        self._database.restore_session(session_id)
        self.refresh()

    def update_note(self, session_id: int, note: str) -> bool:
        """Save an edited note at once; False when it waits to be saved (kept, retried)."""
        if self._write_note is None:
            self._database.update_session_note(session_id, note)
            stored = True
        else:
            stored = self._write_note(session_id, note)
        self.refresh()
        return stored

    def exercises_done(self, session_id: int) -> tuple[str, ...]:
        """The ids of the exercises a session completed."""
        return self._database.session(session_id).exercises_completed

    def exercises_skipped(self, session_id: int) -> tuple[str, ...]:
        """The ids of the exercises a session left before they were done."""
        return self._database.session(session_id).exercises_skipped

    def check_in_entry(self, entry_id: int) -> PainEntry:
        """One check-in as stored."""
        return self._database.pain_entry(entry_id)

    def update_check_in(self, entry_id: int, score: int, note: str) -> bool:
        """Correct a check-in's score and note at once; False when it waits to be saved."""
        if self._write_check_in is None:
            self._database.update_pain_entry(entry_id, score, note)
            stored = True
        else:
            stored = self._write_check_in(entry_id, score, note)
        self.refresh()
        return stored

    def delete_check_in(self, entry_id: int) -> PainEntry:
        """Hide a check-in (undoable); returns it for the undo message."""
        entry = self._database.delete_pain_entry(entry_id, self._clock.now())
        self.refresh()
        return entry

    def restore_check_in(self, entry_id: int) -> None:
        """Undo a check-in's deletion."""
        self._database.restore_pain_entry(entry_id)
        self.refresh()

    def report_content(
        self,
        period: ReportPeriod = DEFAULT_PERIOD,
        exercise_names: Callable[[tuple[str, ...]], list[str]] | None = None,
    ) -> ReportContent:
        """The clinician's report for `period`, worded now (`report_content.ReportWriter`).

        `exercise_names` names exercises by id in the language in use (without it, the ids).
        """
        return ReportWriter(
            self._database,
            now=self._clock.now(),
            weekly_goal=self._weekly_goal(),
            words=self._words,
            routine_name=self.routine_name,
            exercise_names=exercise_names or list,
            tz=self._tz,
            programme=self._programme(),
            programme_aliases=self._programme_aliases(),
        ).content(period)

    def _repeat(self, session_id: int) -> None:
        self.repeat_requested.emit(self._database.session(session_id).routine_id)
