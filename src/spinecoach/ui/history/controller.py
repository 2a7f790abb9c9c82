"""Fills the History view from the database and carries out what the person asks there.

Only the chosen range is read (the queries use the time indexes), the statistics come from
`core.statistics` (the reminder line from `core.reminder_summary`), and every change (a
check-in, a deleted session, an edited note) is written at once and then redrawn. Dates, times
and numbers are written in the locale in use (`locale_text`); the core's words (the reminder
sentence, durations) in the language of `words`.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import datetime, time, timedelta, tzinfo

from PySide6.QtCore import QCoreApplication, QObject, Signal

from spinecoach.core.clock import Clock
from spinecoach.core.content_words import duration_text
from spinecoach.core.messages import ENGLISH, Messages
from spinecoach.core.records import PainContext, PainEntry, SessionRecord, SessionStatus
from spinecoach.core.reminder_summary import THIS_WEEK, describe_reminders, summarise_reminders
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
from spinecoach.ui.history.locale_text import (
    count,
    date_and_time,
    logged_at,
    long_date,
    signed,
    time_of_day,
)
from spinecoach.ui.history.report import ReportContent
from spinecoach.ui.history.view import HistoryView, SessionRow, SessionTableModel

# How far back the summary looks at most (the streak and the trend never need more).
SUMMARY_DAYS = 400
# Where it starts: five weeks for the week, minutes and trend, with room to spare.
FIRST_SUMMARY_DAYS = 50
# The average change covers this many recent sessions with both scores.
CHANGE_SESSIONS = 10

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
        words: Messages = ENGLISH,
        routine_names: Mapping[str, str] | None = None,
    ) -> None:
        """`words` and `routine_names` (routine id -> its name) are in the language in use.

        A session is shown under its routine's name in that language; one whose routine is no
        longer in the library keeps the name it was recorded with.
        """
        super().__init__(view)
        self._words = words
        self._routine_names = dict(routine_names or {})
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
        self._range_days: int | None = 91
        self._show_bars = False
        view.range_requested.connect(self.set_range)
        view.weekly_bars_toggled.connect(self._toggle_bars)
        view.repeat_requested.connect(self._repeat)

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
        now = self._clock.now()
        end = now + timedelta(days=1)
        if self._range_days is None:
            span = self._database.time_span()
            start = span[0] if span is not None else now - timedelta(days=14)
            return start - timedelta(days=1), end
        return now - timedelta(days=self._range_days), end

    def refresh(self, *, summary: bool = True) -> None:
        """Read the range and redraw chart and table (and the cards, unless told not to)."""
        start, end = self._bounds()
        entries = self._database.pain_entries(start, end)
        sessions = self._database.sessions(start, end)
        pain_by_session = session_pain(entries)
        routine_names = {s.id: self.routine_name(s) for s in sessions}
        points = [self._point(entry, routine_names) for entry in entries]
        average = [
            [(t.timestamp(), value) for t, value in segment] for segment in rolling_average(entries)
        ]
        weekly = []
        if self._show_bars:
            tz = self._tz or self._clock.now().tzinfo
            weekly = [
                (datetime.combine(monday, datetime.min.time(), tz).timestamp(), count)
                for monday, count in weekly_session_counts(sessions, start, end, tz)
            ]
        self._view.chart.set_data(points, average, weekly)
        self._view.chart.show_range(start.timestamp(), end.timestamp())
        self._view.set_empty(not points)
        hurts = self._database.hurt_counts(start, end)
        self._view.set_sessions([self._row(s, pain_by_session, hurts) for s in sessions])
        if summary:
            self._refresh_summary()

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

    def _row(
        self,
        session: SessionRecord,
        pain: dict[int, tuple[int | None, int | None]],
        hurts: dict[int, int],
    ) -> SessionRow:
        assert session.id is not None
        minutes = None
        duration = "–"
        if session.ended_at is not None:
            seconds = (session.ended_at - session.started_at).total_seconds()
            minutes = seconds / 60
            duration = duration_text(round(seconds), self._words)
        incomplete = session.status in (SessionStatus.INCOMPLETE, SessionStatus.STOPPED)
        done = count(len(session.exercises_completed))
        total = count(session.exercises_total)
        if session.status is SessionStatus.INCOMPLETE:
            exercises = self.tr("{done} of {total} (incomplete)").format(done=done, total=total)
        elif session.status is SessionStatus.STOPPED:
            exercises = self.tr("{done} of {total} (stopped)").format(done=done, total=total)
        else:
            exercises = self.tr("{done} of {total}").format(done=done, total=total)
        before, after = pain.get(session.id, (None, None))
        return SessionRow(
            session_id=session.id,
            started_epoch=session.started_at.timestamp(),
            date_text=logged_at(session.started_at),
            routine_id=session.routine_id,
            routine=self.routine_name(session),
            minutes=minutes,
            duration_text=duration,
            exercises_text=exercises,
            incomplete=incomplete,
            before=before,
            after=after,
            feeling=SessionTableModel.feeling(session.feeling or ""),
            hurts=hurts.get(session.id, 0),
            note=session.note,
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

    def report_content(self) -> ReportContent:
        """What the clinician's report shows: the current range, summary, chart and log."""
        start, end = self._bounds()
        view = self._view
        summary = [
            (title, view.card_text(key))
            for key, title in (
                ("weekCard", self.tr("Sessions this week")),
                ("streakCard", self.tr("Streak")),
                ("minutesCard", self.tr("Minutes this week")),
                ("changeCard", self.tr("Change per session")),
                ("trendCard", self.tr("Weekly trend")),
            )
        ]
        rows = []
        for row in sorted(
            (view.model.row_at(r) for r in range(view.model.rowCount())),
            key=lambda r: r.started_epoch,
            reverse=True,
        ):
            pain = "–" if row.before is None else str(row.before)
            pain_after = "–" if row.after is None else str(row.after)
            rows.append(
                (
                    row.date_text,
                    row.routine,
                    row.duration_text,
                    row.exercises_text,
                    pain,
                    pain_after,
                    row.feeling,
                )
            )
        last_day = end - timedelta(days=1)
        now = self._clock.now()
        return ReportContent(
            period=self.tr("{start} to {end}").format(
                start=long_date(start), end=long_date(last_day)
            ),
            summary=summary,
            chart=view.chart.plot.grab(),
            columns=(
                self.tr("Date"),
                self.tr("Routine"),
                self.tr("Duration"),
                self.tr("Exercises"),
                self.tr("Before"),
                self.tr("After"),
                self.tr("Felt"),
            ),
            rows=rows,
            created=date_and_time(long_date(now), time_of_day(now)),
            reminders=describe_reminders(
                summarise_reminders(self._database.reminder_events(start, end)),
                words=self._words,
            ),
        )

    def _repeat(self, session_id: int) -> None:
        self.repeat_requested.emit(self._database.session(session_id).routine_id)
