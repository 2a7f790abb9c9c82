"""What the clinician's report says: the period's records read, figured and worded.

The figures and their rules are `core.clinician_report`'s; the words are `core.report_words`
in the language in use (`words`); dates and numbers are written here with `QLocale`
(`locale_text`), as History writes them. The pain section is worded in `report_pain`, the
programme's page in `report_programme`, the charts' time axis in `report_axis`. The result is a
`ReportContent` that `report.write_report` lays out on pages. The order is the one a clinician
reads in:

1. the header: name (a line to fill in: no name is stored), period, created, app and version,
   and that the scores are self-reported on 0-10;
2. pain over the period: first against last four weeks, before and after sessions, flare-ups,
   the highest scores; the flare-up rule as a footnote;
3. adherence: sessions per week against the goal, completed and stopped, minutes, reminders;
   then, with an active programme, its own page (two when it needs them, never smaller
   text): title, prescriber, contact and dates; done against prescribed per week and per
   routine; pain before and after per routine; per exercise its completion, "This hurts"
   presses and the prescriber's note; the prescriber's notes;
4. the exercises that hurt and what was done;
5. the notes, dated;
6. the chart (vector, legend below it, months and years on its axis);
7. every session of the period in one table.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import date, datetime, timedelta, tzinfo
from typing import TYPE_CHECKING

from spinecoach import __version__
from spinecoach.core import report_words as w
from spinecoach.core.clinician_report import (
    FLARE_BASELINE_DAYS,
    ClinicianFigures,
    NoteKind,
    clinician_figures,
)
from spinecoach.core.content_words import duration_text
from spinecoach.core.messages import Messages
from spinecoach.core.programme_report import ProgrammeFigures, programme_figures
from spinecoach.core.records import PainContext, SessionRecord, SessionStatus
from spinecoach.core.reminder_summary import describe_reminders, summarise_reminders
from spinecoach.core.report_period import ReportPeriod, day_bounds, midnight, period_days
from spinecoach.core.statistics import rolling_average, session_pain
from spinecoach.storage.database import Database
from spinecoach.ui.history.locale_text import (
    count,
    date_and_time,
    decimal,
    logged_at,
    long_date,
    time_of_day,
    weekday_date,
)
from spinecoach.ui.history.report_axis import axis_ticks
from spinecoach.ui.history.report_document import (
    AxisTick,
    Block,
    Chart,
    ChartMark,
    Fact,
    Facts,
    Paragraph,
    ReportContent,
    Section,
    Table,
    WeeklyBars,
)
from spinecoach.ui.history.report_pain import pain_section
from spinecoach.ui.history.report_programme import programme_section

if TYPE_CHECKING:
    from spinecoach.core.programme.model import Programme


class ReportWriter:
    """Reads a period from `database` and words it as a `ReportContent`.

    `routine_name` names a session's routine in the language in use; `exercise_names` names
    exercises by id (an unknown id comes back as it is); `tz` is the person's zone for days
    and weeks (None: the clock's offset). `programme` is the active programme, if any: the
    report then has its section (`_programme`).
    """

    def __init__(
        self,
        database: Database,
        *,
        now: datetime,
        weekly_goal: int,
        words: Messages,
        routine_name: Callable[[SessionRecord], str],
        exercise_names: Callable[[tuple[str, ...]], list[str]],
        tz: tzinfo | None = None,
        programme: Programme | None = None,
        programme_aliases: Mapping[str, str] | None = None,
    ) -> None:
        """`programme_aliases`: eased copies of locked routines -> the routine they ease."""
        self._database = database
        self._programme_in_use = programme
        self._aliases = dict(programme_aliases or {})
        self._now = now
        self._goal = weekly_goal
        self._words = words
        self._routine_name = routine_name
        self._exercise_names = exercise_names
        self._tz = tz or now.tzinfo

    def figures(self, period: ReportPeriod) -> ClinicianFigures:
        """The period's figures (what `content` words)."""
        zone = self._zone
        span = self._database.time_span()
        first_record = last_record = None
        if span is not None:
            first_record, last_record = (moment.astimezone(zone).date() for moment in span)
        today = self._now.astimezone(zone).date()
        first, last = period_days(period, today, first_record, last_record)
        start, end = day_bounds(first, last, zone)
        sessions = self._database.sessions(start, end)
        # A week before the period too: the baseline of an early check-in.
        entries = self._database.pain_entries(start - timedelta(days=FLARE_BASELINE_DAYS), end)
        events = self._database.hurt_events_between(start, end)
        return clinician_figures(
            sessions,
            entries,
            events,
            first=first,
            last=last,
            weekly_goal=self._goal,
            tz=zone,
            changes=self._database.progression_changes(start, end),
        )

    @property
    def _zone(self) -> tzinfo:
        assert self._tz is not None
        return self._tz

    def content(self, period: ReportPeriod) -> ReportContent:
        """The whole report for `period`, worded."""
        figures = self.figures(period)
        text = self._words.text
        first, last = long_date(figures.first), long_date(figures.last)
        return ReportContent(
            document_title=text(w.DOCUMENT_TITLE),
            creator=f"SpineCoach {__version__}",
            title=text(w.TITLE),
            header=self._header(figures, period),
            preamble=text(w.SELF_REPORTED),
            sections=(
                pain_section(figures, self._words, self._zone, self._routine_name),
                self._adherence(figures),
                *self._programme(figures),
                self._hurts(figures),
                self._changes(figures),
                self._notes(figures),
                self._chart(figures),
                self._sessions(figures),
            ),
            footer=text(w.FOOTER, first=first, last=last),
            page_label=text(w.PAGE, page="{page}", pages="{pages}"),
            continued=text(w.CONTINUED, heading="{heading}"),
        )

    # the header -------------------------------------------------------------------------

    def _header(self, figures: ClinicianFigures, period: ReportPeriod) -> tuple[Fact, ...]:
        text = self._words.text
        first, last = long_date(figures.first), long_date(figures.last)
        chosen = text(w.PERIOD_NAMES[period])
        clipped = period is not ReportPeriod.EVERYTHING and figures.first > _chosen_first(
            period, figures.last
        )
        covered = w.PERIOD_CLIPPED if clipped else w.PERIOD_VALUE
        now = self._now.astimezone(self._zone)
        return (
            Fact(text(w.NAME), ()),
            Fact(text(w.PERIOD), (text(covered, first=first, last=last, chosen=chosen),)),
            Fact(text(w.CREATED), (date_and_time(long_date(now), time_of_day(now)),)),
            Fact(text(w.MADE_WITH), (text(w.APP_VERSION, version=__version__),)),
        )

    # 2. adherence -----------------------------------------------------------------------

    def _adherence(self, figures: ClinicianFigures) -> Section:
        words = self._words
        text = words.text
        done = figures.adherence
        heading = text(w.ADHERENCE_HEADING)
        blocks: list[Block] = []
        rows: list[Fact] = []
        if done.sessions == 0:
            blocks.append(Paragraph(text(w.NO_SESSIONS)))
        else:
            rows.append(
                Fact(
                    text(w.SESSIONS),
                    (
                        words.count(
                            w.SESSIONS_VALUE,
                            done.sessions,
                            n=count(done.sessions),
                            per_week=decimal(done.per_week),
                        ),
                    ),
                )
            )
        goal = count(done.weekly_goal)
        if done.full_weeks:
            goal_text = words.count(
                w.GOAL_VALUE, done.full_weeks, goal=goal, met=count(done.weeks_goal_met),
                n=count(done.full_weeks),
            )  # fmt: skip
        else:
            goal_text = text(w.GOAL_NO_FULL_WEEK, goal=goal)
        rows.append(Fact(text(w.GOAL), (goal_text,)))
        if done.sessions:
            outcomes = text(
                w.OUTCOMES_VALUE,
                completed=count(done.completed),
                stopped=count(done.stopped),
                unfinished=count(done.unfinished),
            )
            rows.append(Fact(text(w.OUTCOMES), (outcomes,)))
            average = done.average_minutes
            if average is not None:
                minutes = text(w.MINUTES_VALUE, total=count(done.minutes), average=decimal(average))
                rows.append(Fact(text(w.MINUTES), (minutes,)))
        reminders = describe_reminders(
            summarise_reminders(self._database.reminder_events(*self._bounds(figures))),
            words=words,
        )
        if reminders:
            rows.append(Fact(text(w.REMINDERS), (reminders,)))
        blocks.append(Facts(tuple(rows)))
        start, end = self._bounds(figures)
        weeks = []
        for monday, sessions in done.weeks:
            week_start = max(start, midnight(monday, self._zone))
            week_end = min(end, midnight(monday + timedelta(days=7), self._zone))
            weeks.append((week_start.timestamp(), week_end.timestamp(), sessions))
        if done.sessions:
            blocks.append(
                WeeklyBars(
                    start=start.timestamp(),
                    end=end.timestamp(),
                    weeks=tuple(weeks),
                    goal=done.weekly_goal,
                    ticks=self._ticks(figures),
                    title=text(w.BARS_TITLE),
                    goal_label=text(w.BARS_GOAL),
                )
            )
        return Section(heading, tuple(blocks))

    def _bounds(self, figures: ClinicianFigures) -> tuple[datetime, datetime]:
        return day_bounds(figures.first, figures.last, self._zone)

    # 3. "this hurts" --------------------------------------------------------------------

    def _hurts(self, figures: ClinicianFigures) -> Section:
        text = self._words.text
        heading = text(w.HURTS_HEADING)
        if not figures.hurts:
            return Section(heading, (Paragraph(text(w.NO_HURTS)),))
        known = list(w.HURT_ACTIONS)
        seen = {action for hurt in figures.hurts for action in hurt.actions}
        actions = [a for a in known if a in seen or a in ("skipped", "ended")]
        actions += sorted(seen - set(known))  # a newer action: its stored word
        names = self._exercise_names(tuple(h.exercise_id for h in figures.hurts))
        columns = (
            text(w.HURTS_EXERCISE),
            text(w.HURTS_TIMES),
            *(text(w.HURT_ACTIONS[a]) if a in w.HURT_ACTIONS else a for a in actions),
            text(w.HURTS_LAST),
        )
        rows = tuple(
            (
                name,
                count(hurt.times),
                *(count(hurt.actions.get(a, 0)) for a in actions),
                weekday_date(hurt.last.astimezone(self._zone)),
            )
            for hurt, name in zip(figures.hurts, names, strict=True)
        )
        middle = len(actions) + 1
        share = 0.42 / middle
        shares = (0.34, *([share] * middle), 0.24)
        table = Table(columns, shares, rows, centred=frozenset(range(1, middle + 1)))
        return Section(heading, (Paragraph(text(w.HURTS_INTRO)), table))

    # 3b. changes to the exercises --------------------------------------------------------

    def _changes(self, figures: ClinicianFigures) -> Section:
        """Every suggested change in the period: when, from what to what, the answer, why."""
        text = self._words.text
        heading = text(w.CHANGES_HEADING)
        if not figures.changes:
            return Section(heading, (Paragraph(text(w.NO_CHANGES)),))
        rows = tuple(
            (
                logged_at(change.recorded_at.astimezone(self._zone)),
                text(w.CHANGE_FROM_TO, before=change.from_text, after=change.to_text),
                text(w.CHANGE_STATUS[change.status.value])
                if change.status.value in w.CHANGE_STATUS
                else change.status.value,
                change.reason,
            )
            for change in figures.changes
        )
        columns = (
            text(w.CHANGES_DATE),
            text(w.CHANGES_WHAT),
            text(w.CHANGES_ANSWER),
            text(w.CHANGES_WHY),
        )
        table = Table(columns, (0.2, 0.3, 0.13, 0.37), rows)
        return Section(heading, (Paragraph(text(w.CHANGES_INTRO)), table))

    # 4. notes ---------------------------------------------------------------------------

    def _notes(self, figures: ClinicianFigures) -> Section:
        text = self._words.text
        heading = text(w.NOTES_HEADING)
        if not figures.notes:
            return Section(heading, (Paragraph(text(w.NO_NOTES)),))
        sessions = {s.id: self._routine_name(s) for s in figures.sessions}
        rows = []
        for note in figures.notes:
            where = text(
                w.NOTE_KINDS[note.kind],
                routine=sessions.get(note.session_id, "") if note.kind is NoteKind.SESSION else "",
                score="" if note.score is None else count(note.score),
            )
            rows.append((logged_at(note.at.astimezone(self._zone)), where, note.text))
        columns = (text(w.NOTES_DATE), text(w.NOTES_WHERE), text(w.NOTES_TEXT))
        return Section(heading, (Table(columns, (0.25, 0.24, 0.51), tuple(rows)),))

    # 5. the chart -----------------------------------------------------------------------

    def _chart(self, figures: ClinicianFigures) -> Section:
        text = self._words.text
        start, end = self._bounds(figures)
        marks = tuple(
            ChartMark(e.recorded_at.timestamp(), e.score, e.context.value) for e in figures.entries
        )
        average = tuple(
            tuple((t.timestamp(), value) for t, value in segment)
            for segment in rolling_average(figures.entries)
        )
        contexts = [PainContext.BEFORE, PainContext.AFTER, PainContext.CHECK_IN]
        if any(e.context is PainContext.NEXT_MORNING for e in figures.entries):
            contexts.append(PainContext.NEXT_MORNING)
        legend = (
            *((c.value, text(w.CHART_SERIES[c.value])) for c in contexts),
            ("average", text(w.CHART_AVERAGE)),
        )
        chart = Chart(
            start=start.timestamp(),
            end=end.timestamp(),
            marks=marks,
            average=average,
            ticks=self._ticks(figures),
            axis_title=text(w.CHART_AXIS),
            legend=legend,
            empty_text=text(w.CHART_EMPTY),
        )
        return Section(text(w.CHART_HEADING), (chart,))

    def _ticks(self, figures: ClinicianFigures) -> tuple[AxisTick, ...]:
        return axis_ticks(figures.first, figures.last, self._zone)

    # 6. the sessions --------------------------------------------------------------------

    def _sessions(self, figures: ClinicianFigures) -> Section:
        words = self._words
        text = words.text
        heading = text(w.TABLE_HEADING)
        if not figures.sessions:
            return Section(heading, (Paragraph(text(w.TABLE_EMPTY)),))
        pain = session_pain(figures.entries)
        hurts = self._database.hurt_counts(*self._bounds(figures))
        rows = []
        for session in figures.sessions:
            assert session.id is not None
            duration = "–"
            if session.ended_at is not None:
                seconds = max(0.0, (session.ended_at - session.started_at).total_seconds())
                duration = duration_text(round(seconds), words)
            done, total = count(len(session.exercises_completed)), count(session.exercises_total)
            exercises = text(
                _EXERCISES.get(session.status, w.EXERCISES_DONE), done=done, total=total
            )
            before, after = pain.get(session.id, (None, None))
            feeling = text(w.FEELINGS[session.feeling]) if session.feeling else "–"
            rows.append(
                (
                    logged_at(session.started_at.astimezone(self._zone)),
                    self._routine_name(session),
                    duration,
                    exercises,
                    "–" if before is None else count(before),
                    "–" if after is None else count(after),
                    feeling,
                    count(hurts[session.id]) if session.id in hurts else "–",
                )
            )
        columns = (
            text(w.COLUMN_DATE),
            text(w.COLUMN_ROUTINE),
            text(w.COLUMN_DURATION),
            text(w.COLUMN_EXERCISES),
            text(w.COLUMN_BEFORE),
            text(w.COLUMN_AFTER),
            text(w.COLUMN_FELT),
            text(w.COLUMN_HURTS),
        )
        shares = (0.26, 0.22, 0.09, 0.13, 0.07, 0.07, 0.08, 0.07)
        table = Table(columns, shares, tuple(rows), centred=frozenset({4, 5, 7}))
        return Section(heading, (table,))

    # 7. the programme (after adherence, on a page of its own) ---------------------------

    def programme_figures(self, figures: ClinicianFigures) -> ProgrammeFigures | None:
        """The active programme's figures over the period of `figures`; None without one."""
        programme = self._programme_in_use
        if programme is None:
            return None
        zone = self._zone
        start, end = self._bounds(figures)
        since = min(start, midnight(programme.start, zone))
        completed = [
            (routine_id, started.astimezone(zone).date())
            for routine_id, started in self._database.completed_sessions_between(since, end)
        ]
        return programme_figures(
            programme,
            completed=completed,
            sessions=figures.sessions,
            entries=figures.entries,
            hurt_events=self._database.hurt_events_between(start, end),
            first=figures.first,
            last=figures.last,
            tz=zone,
            aliases=self._aliases,
        )

    def _programme(self, figures: ClinicianFigures) -> tuple[Section, ...]:
        """The programme's own page, when one is active (`report_programme`)."""
        found = self.programme_figures(figures)
        if found is None:
            return ()
        return (programme_section(found, self._words),)


_EXERCISES = {
    SessionStatus.STOPPED: w.EXERCISES_STOPPED,
    SessionStatus.INCOMPLETE: w.EXERCISES_UNFINISHED,
    SessionStatus.IN_PROGRESS: w.EXERCISES_UNFINISHED,
}


def _chosen_first(period: ReportPeriod, last: date) -> date:
    return period_days(period, last, None)[0]
