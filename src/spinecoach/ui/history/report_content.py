"""What the clinician's report says: the period's records read, figured and worded.

The figures and their rules are `core.clinician_report`'s; the words are `core.report_words`
in the language in use (`words`); dates and numbers are written here with `QLocale`
(`locale_text`), as History writes them. The result is a `ReportContent` that
`report.write_report` lays out on pages. The order is the one a clinician reads in:

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
from datetime import date, datetime, time, timedelta, tzinfo
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, QLocale

from spinecoach import __version__
from spinecoach.core import report_words as w
from spinecoach.core.clinician_report import (
    FLARE_BASELINE_DAYS,
    FLARE_RISE,
    MIN_WINDOW_SCORES,
    ClinicianFigures,
    FlareKind,
    NoteKind,
    WindowAverage,
    clinician_figures,
)
from spinecoach.core.content_words import duration_text, item_dosage_text
from spinecoach.core.messages import Message, Messages
from spinecoach.core.programme_report import ProgrammeFigures, programme_figures
from spinecoach.core.records import PainContext, SessionRecord, SessionStatus
from spinecoach.core.reminder_summary import describe_reminders, summarise_reminders
from spinecoach.core.report_period import ReportPeriod, day_bounds, period_days
from spinecoach.core.statistics import rolling_average, session_pain
from spinecoach.storage.database import Database
from spinecoach.ui.history.locale_text import (
    count,
    date_and_time,
    logged_at,
    long_date,
    signed,
    time_of_day,
    weekday_date,
)
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

if TYPE_CHECKING:
    from spinecoach.core.programme.model import Programme


def decimal(value: float) -> str:
    """A mean with one decimal, as the locale writes it ("4.5", "4,5")."""
    return QLocale().toString(value, "f", 1)


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
                self._pain(figures),
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

    # 1. pain ----------------------------------------------------------------------------

    def _window(self, label: Message, window: WindowAverage) -> Fact:
        words = self._words
        if window.mean is None:
            value = words.count(
                w.NOT_ENOUGH, window.scores, n=count(window.scores), needed=MIN_WINDOW_SCORES
            )
        else:
            value = words.count(
                w.WINDOW_MEAN, window.scores, n=count(window.scores), mean=decimal(window.mean)
            )
        days = words.text(w.DAYS, first=long_date(window.first), last=long_date(window.last))
        return Fact(words.text(label), (value, days))

    def _pain(self, figures: ClinicianFigures) -> Section:
        words = self._words
        text = words.text
        pain = figures.pain
        heading = text(w.PAIN_HEADING)
        if pain.scores == 0:
            return Section(heading, (Paragraph(text(w.NO_SCORES)),))
        rows: list[Fact] = []
        blocks: list[Block] = []
        if pain.first_weeks is not None and pain.last_weeks is not None:
            rows.append(self._window(w.FIRST_WEEKS, pain.first_weeks))
            rows.append(self._window(w.LAST_WEEKS, pain.last_weeks))
            change = pain.window_change
            if change is not None:
                rows.append(Fact(text(w.WINDOW_CHANGE), (signed(change),)))
        else:
            assert pain.period_mean is not None
            whole = words.count(
                w.WINDOW_MEAN, pain.scores, n=count(pain.scores), mean=decimal(pain.period_mean)
            )
            rows.append(Fact(text(w.WHOLE_PERIOD), (whole,)))
        for label, average, sessions in (
            (w.BEFORE_MEAN, pain.before_mean, pain.before_sessions),
            (w.AFTER_MEAN, pain.after_mean, pain.after_sessions),
        ):
            value = (
                text(w.NO_VALUE)
                if average is None
                else words.count(
                    w.SESSIONS_MEAN, sessions, n=count(sessions), mean=decimal(average)
                )
            )
            rows.append(Fact(text(label), (value,)))
        if pain.change_mean is None:
            rows.append(Fact(text(w.CHANGE_MEAN), (text(w.NO_VALUE),)))
        else:
            change_text = words.count(
                w.CHANGE_VALUE,
                pain.change_sessions,
                n=count(pain.change_sessions),
                change=signed(pain.change_mean),
            )
            rows.append(Fact(text(w.CHANGE_MEAN), (change_text,)))
        rows.append(Fact(text(w.FLARE_UPS), self._flare_lines(figures)))
        highest = tuple(
            text(
                w.HIGHEST_LINE,
                score=count(entry.score),
                when=weekday_date(entry.recorded_at.astimezone(self._zone)),
                context=text(w.CONTEXTS[entry.context.value]),
            )
            for entry in pain.highest
        )
        rows.append(Fact(text(w.HIGHEST), highest))
        blocks.append(Facts(tuple(rows)))
        if not pain.compared:
            blocks.append(Paragraph(text(w.TOO_SHORT), small=True))
        footnote = text(w.FLARE_FOOTNOTE, rise=count(FLARE_RISE), days=count(FLARE_BASELINE_DAYS))
        blocks.append(Paragraph(footnote, small=True))
        return Section(heading, tuple(blocks))

    def _flare_lines(self, figures: ClinicianFigures) -> tuple[str, ...]:
        words = self._words
        flares = figures.pain.flare_ups
        if not flares:
            return (words.text(w.NO_FLARE_UPS),)
        routines = {s.id: self._routine_name(s) for s in figures.sessions}
        lines = [words.count(w.FLARE_COUNT, len(flares), n=count(len(flares)))]
        for flare in flares:
            local = flare.at.astimezone(self._zone)
            when = weekday_date(local)
            start = (
                decimal(flare.start)
                if flare.kind is FlareKind.CHECK_IN
                else count(round(flare.start))
            )
            lines.append(
                words.text(
                    w.FLARE_LINES[flare.kind],
                    when=when,
                    score=count(flare.score),
                    start=start,
                    routine=routines.get(flare.session_id, ""),
                    days=count(FLARE_BASELINE_DAYS),
                )
            )
        return tuple(lines)

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
            week_start = max(start, _midnight(monday, self._zone))
            week_end = min(end, _midnight(monday + timedelta(days=7), self._zone))
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
        since = min(start, _midnight(programme.start, zone))
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
        """What the prescriber reads first: the programme, done against prescribed, and how."""
        found = self.programme_figures(figures)
        if found is None:
            return ()
        words = self._words
        text = words.text
        programme = found.programme
        names = {p.routine.id: p.routine.name for p in programme.routines}
        dates = (
            text(w.PROGRAMME_START, start=long_date(programme.start))
            if programme.review is None
            else text(
                w.PROGRAMME_START_REVIEW,
                start=long_date(programme.start),
                review=long_date(programme.review),
            )
        )
        prescribed = tuple(
            text(
                w.PROGRAMME_ROUTINE_LINE, routine=p.routine.name, frequency=p.frequency.text(words)
            )
            for p in programme.routines
        )
        if programme.locked:
            prescribed += (text(w.PROGRAMME_LOCKED),)
        facts = [
            Fact(text(w.PROGRAMME_TITLE), (programme.title,)),
            Fact(text(w.PROGRAMME_BY), (programme.prescribed_by,)),
        ]
        if programme.contact.strip():
            facts.append(Fact(text(w.PROGRAMME_CONTACT), (programme.contact,)))
        facts += [
            Fact(text(w.PROGRAMME_DATES), (dates,)),
            Fact(text(w.PROGRAMME_ROUTINES), prescribed),
            Fact(text(w.PROGRAMME_DONE), (self._done_of(found.done, found.prescribed),)),
        ]
        blocks: list[Block] = [Facts(tuple(facts))]
        if programme.notes.strip():
            # A paragraph is never split over pages: each of the notes' own paragraphs is one.
            notes = [Paragraph(part.strip()) for part in programme.notes.split("\n\n")]
            blocks += [Paragraph(text(w.PROGRAMME_NOTES), strong=True), *notes]
        if found.weeks:
            rows = tuple(
                (
                    weekday_date(week.week_start),
                    count(week.done),
                    count(week.prescribed),
                    self._percent(week.done, week.prescribed),
                )
                for week in found.weeks
            )
            columns = (
                text(w.WEEK_OF),
                text(w.WEEK_DONE),
                text(w.WEEK_PRESCRIBED),
                text(w.WEEK_SHARE),
            )
            blocks += [
                Paragraph(text(w.WEEKS_TITLE), strong=True),
                Table(columns, (0.4, 0.2, 0.2, 0.2), rows, centred=frozenset({1, 2, 3})),
            ]
        frequency = {p.routine.id: p.frequency.text(words) for p in programme.routines}
        routine_rows = tuple(
            (
                names[r.routine_id],
                frequency[r.routine_id],
                text(w.DONE_OF, done=count(r.done), prescribed=count(r.prescribed)),
                self._mean_of(r.before_mean, r.before_sessions),
                self._mean_of(r.after_mean, r.after_sessions),
                "–" if r.change_mean is None else signed(r.change_mean),
            )
            for r in found.routines
        )
        routine_columns = (
            text(w.ROUTINE_COLUMN),
            text(w.HOW_OFTEN),
            text(w.WEEK_DONE),
            text(w.ROUTINE_BEFORE),
            text(w.ROUTINE_AFTER),
            text(w.ROUTINE_CHANGE),
        )
        blocks += [
            Paragraph(text(w.ROUTINES_TITLE), strong=True),
            Table(
                routine_columns,
                (0.26, 0.18, 0.14, 0.15, 0.15, 0.12),
                routine_rows,
                centred=frozenset({2, 3, 4, 5}),
            ),
        ]
        blocks += self._programme_exercises(found)
        if not any(r.sessions for r in found.routines):
            blocks.append(Paragraph(text(w.PROGRAMME_NO_SESSIONS)))
        blocks.append(Paragraph(text(w.PROGRAMME_COUNTING), small=True))
        return (Section(text(w.PROGRAMME_HEADING), tuple(blocks), own_page=True),)

    def _programme_exercises(self, found: ProgrammeFigures) -> list[Block]:
        words = self._words
        text = words.text
        items = {
            (p.routine.id, item.exercise.id): item
            for p in found.programme.routines
            for item in reversed(p.routine.items)  # the first of a repeated exercise wins
        }
        several = len(found.programme.routines) > 1
        names = {p.routine.id: p.routine.name for p in found.programme.routines}
        rows = []
        for exercise in found.exercises:
            item = items[(exercise.routine_id, exercise.exercise_id)]
            name = item.exercise.name
            if several:
                name = text(w.ROUTINE_EXERCISE, routine=names[exercise.routine_id], exercise=name)
            completed = words.count(
                w.EXERCISE_COMPLETED_VALUE,
                exercise.sessions,
                done=count(exercise.completed),
                sessions=count(exercise.sessions),
            )
            rows.append(
                (
                    name,
                    item_dosage_text(item, words),
                    completed,
                    count(exercise.hurts),
                    item.note or "–",
                )
            )
        columns = (
            text(w.EXERCISE_COLUMN),
            text(w.EXERCISE_DOSAGE),
            text(w.EXERCISE_COMPLETED),
            text(w.EXERCISE_HURTS),
            text(w.EXERCISE_NOTE),
        )
        table = Table(columns, (0.22, 0.2, 0.18, 0.11, 0.29), tuple(rows), centred=frozenset({3}))
        return [Paragraph(text(w.EXERCISES_TITLE), strong=True), table]

    def _done_of(self, done: int, prescribed: int) -> str:
        if not prescribed:
            return self._words.text(w.PROGRAMME_NONE_PRESCRIBED)
        return self._words.text(
            w.PROGRAMME_DONE_VALUE,
            done=count(done),
            prescribed=count(prescribed),
            percent=count(round(100 * done / prescribed)),
        )

    def _percent(self, done: int, prescribed: int) -> str:
        if not prescribed:
            return "–"
        return self._words.text(w.PERCENT, percent=count(round(100 * done / prescribed)))

    def _mean_of(self, mean: float | None, sessions: int) -> str:
        if mean is None:
            return "–"
        return self._words.count(w.SESSIONS_MEAN, sessions, n=count(sessions), mean=decimal(mean))


_EXERCISES = {
    SessionStatus.STOPPED: w.EXERCISES_STOPPED,
    SessionStatus.INCOMPLETE: w.EXERCISES_UNFINISHED,
    SessionStatus.IN_PROGRESS: w.EXERCISES_UNFINISHED,
}


def _midnight(day: date, zone: tzinfo) -> datetime:
    return datetime.combine(day, time(), zone)


def _chosen_first(period: ReportPeriod, last: date) -> date:
    return period_days(period, last, None)[0]


#: Up to this many days, the axis has a tick each week; past it, months.
WEEKLY_TICKS_UP_TO_DAYS = 62

#: The most labels the time axis carries (the months are thinned to every 2nd, 3rd, ...).
MOST_TICKS = 13


def axis_ticks(first: date, last: date, zone: tzinfo) -> tuple[AxisTick, ...]:
    """The time axis's ticks for the local days `first` to `last`, labelled in the locale.

    Short periods: each Monday, its day of the month, with the month and year under the first
    tick and where the month changes. Longer ones: the first of each month (every 2nd, 3rd, 6th
    or 12th when there are many), its short name, with the year under the first and January.
    """
    locale = QLocale()

    def month(day: date) -> str:
        return locale.standaloneMonthName(day.month, QLocale.FormatType.ShortFormat)

    days = (last - first).days + 1
    ticks: list[AxisTick] = []
    if days <= WEEKLY_TICKS_UP_TO_DAYS:
        day = first + timedelta(days=(7 - first.weekday()) % 7)
        shown: date | None = None
        while day <= last + timedelta(days=1):
            under = ""
            if shown is None or day.year != shown.year:
                under = _month_year(locale, day)
            elif day.month != shown.month:
                under = month(day)
            shown = day
            ticks.append(AxisTick(_midnight(day, zone).timestamp(), count(day.day), under))
            day += timedelta(days=7)
        return tuple(ticks)
    months = []
    year, number = first.year, first.month
    while True:
        number += 1
        if number == 13:
            year, number = year + 1, 1
        day = date(year, number, 1)
        if day > last + timedelta(days=1):
            break
        months.append(day)
    step = next(s for s in (1, 2, 3, 6, 12, 24, 60) if len(months) / s <= MOST_TICKS)
    if step > 1:
        months = (
            [m for m in months if (m.month - 1) % step == 0]
            if step <= 12
            else [m for m in months if m.month == 1 and m.year % (step // 12) == 0]
        )
    shown_year: int | None = None
    for day in months:
        under = ""
        if day.year != shown_year:
            under = _year(locale, day)
            shown_year = day.year
        ticks.append(AxisTick(_midnight(day, zone).timestamp(), month(day), under))
    return tuple(ticks)


def _year(locale: QLocale, day: date) -> str:
    return locale.toString(QDate(day.year, day.month, day.day), "yyyy")


def _month_year(locale: QLocale, day: date) -> str:
    """The month and year, "Mar 2026": the short month name from the locale, then the year."""
    return locale.toString(QDate(day.year, day.month, day.day), "MMM yyyy")
