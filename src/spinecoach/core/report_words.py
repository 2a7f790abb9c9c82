"""The words of the clinician's report, in any language (`core.messages`; German in core.toml).

The report is read by the person and by their clinician: plain, factual, no "you", no praise or
judgement, nothing that promises relief. The rules the words describe (the flare-up, the
windows, "not enough data") are `core.clinician_report`'s; its constants fill the placeholders,
so the footnote always says what the figures did. Numbers and dates arrive already written in
the locale in use (the UI writes them with `QLocale`), which is why most placeholders take text.
"""

from __future__ import annotations

from types import MappingProxyType
from typing import Final

from spinecoach.core.clinician_report import FlareKind, NoteKind
from spinecoach.core.messages import Message
from spinecoach.core.report_period import ReportPeriod

# --- the page -----------------------------------------------------------------------------------

TITLE = Message("report.title", "Back pain and exercise report")
DOCUMENT_TITLE = Message("report.document-title", "SpineCoach pain report")
NAME = Message("report.name", "Name")
PERIOD = Message("report.period-covered", "Period covered")
PERIOD_VALUE = Message("report.period-value", "{first} to {last} ({chosen})")
PERIOD_CLIPPED = Message(
    "report.period-clipped",
    "{first} to {last} ({chosen}; nothing was recorded before {first})",
)
CREATED = Message("report.created", "Created")
MADE_WITH = Message("report.made-with", "Made with")
APP_VERSION = Message("report.app-version", "SpineCoach {version}, a self-management app")
SELF_REPORTED = Message(
    "report.self-reported",
    "All pain scores are self-reported by the patient on a scale from 0 to 10 "
    "(0 = no pain, 10 = worst pain imaginable). SpineCoach does not diagnose or treat; "
    "please interpret these records with clinical judgement.",
)
PAGE = Message("report.page", "Page {page} of {pages}")
FOOTER = Message("report.footer", "SpineCoach pain report, {first} to {last}")
CONTINUED = Message("report.continued", "{heading} (continued)")

#: The period a report covers, as the header names the choice.
PERIOD_NAMES: Final = MappingProxyType(
    {
        ReportPeriod.FOUR_WEEKS: Message("report.periods.4-weeks", "last 4 weeks"),
        ReportPeriod.THREE_MONTHS: Message("report.periods.3-months", "last 3 months"),
        ReportPeriod.SIX_MONTHS: Message("report.periods.6-months", "last 6 months"),
        ReportPeriod.TWELVE_MONTHS: Message("report.periods.12-months", "last 12 months"),
        ReportPeriod.EVERYTHING: Message("report.periods.everything", "everything recorded"),
    }
)

# --- 1. pain over the period ------------------------------------------------------------------

PAIN_HEADING = Message("report.pain.heading", "Pain over the period")
NO_SCORES = Message("report.pain.none", "No pain scores were recorded in this period.")
FIRST_WEEKS = Message("report.pain.first-weeks", "First four weeks")
LAST_WEEKS = Message("report.pain.last-weeks", "Last four weeks")
DAYS = Message("report.pain.days", "{first} to {last}")
WINDOW_MEAN = Message(
    "report.pain.window-mean",
    "average {mean} from {n} score",
    "average {mean} from {n} scores",
)
NOT_ENOUGH = Message(
    "report.pain.not-enough",
    "not enough data ({n} score; {needed} are needed)",
    "not enough data ({n} scores; {needed} are needed)",
)
WINDOW_CHANGE = Message("report.pain.window-change", "Last four weeks minus first four weeks")
WHOLE_PERIOD = Message("report.pain.whole-period", "Whole period")
TOO_SHORT = Message(
    "report.pain.too-short",
    "The period is shorter than eight weeks, so its first and last four weeks are not compared.",
)
BEFORE_MEAN = Message("report.pain.before-mean", "Average before a session")
AFTER_MEAN = Message("report.pain.after-mean", "Average after a session")
SESSIONS_MEAN = Message(
    "report.pain.sessions-mean",
    "{mean} ({n} session)",
    "{mean} ({n} sessions)",
)
CHANGE_MEAN = Message("report.pain.change-mean", "Average change within a session")
CHANGE_VALUE = Message(
    "report.pain.change-value",
    "{change} (after minus before, {n} session with both scores)",
    "{change} (after minus before, {n} sessions with both scores)",
)
NO_VALUE = Message("report.pain.no-value", "none recorded")
FLARE_UPS = Message("report.pain.flare-ups", "Flare-ups*")
FLARE_COUNT = Message("report.pain.flare-count", "{n} flare-up", "{n} flare-ups")
NO_FLARE_UPS = Message("report.pain.no-flare-ups", "none in this period")
#: One flare-up, by what made it.
FLARE_LINES: Final = MappingProxyType(
    {
        FlareKind.SESSION: Message(
            "report.pain.flare-session",
            "{when}: from {start} before to {score} after “{routine}”",
        ),
        FlareKind.CHECK_IN: Message(
            "report.pain.flare-check-in",
            "{when}: check-in {score}; the {days} days before averaged {start}",
        ),
    }
)
HIGHEST = Message("report.pain.highest", "Highest scores")
HIGHEST_LINE = Message("report.pain.highest-line", "{score} on {when} ({context})")
FLARE_FOOTNOTE = Message(
    "report.pain.flare-footnote",
    "* A flare-up, as counted here: a rise of {rise} points or more from before to after "
    "one session, or a check-in {rise} points or more above the average of all scores "
    "recorded in the {days} days before it. It is a count of self-reported scores, not a "
    "clinical finding.",
)
#: When a score was given, as the report names it.
CONTEXTS: Final = MappingProxyType(
    {
        "before": Message("report.context.before", "before a session"),
        "after": Message("report.context.after", "after a session"),
        "check-in": Message("report.context.check-in", "check-in"),
        "next-morning": Message("report.context.next-morning", "the morning after a session"),
    }
)

# --- 2. adherence ------------------------------------------------------------------------------

ADHERENCE_HEADING = Message("report.adherence.heading", "Adherence")
NO_SESSIONS = Message("report.adherence.none", "No exercise sessions were recorded in this period.")
SESSIONS = Message("report.adherence.sessions", "Sessions")
SESSIONS_VALUE = Message(
    "report.adherence.sessions-value",
    "{n} session, {per_week} a week on average",
    "{n} sessions, {per_week} a week on average",
)
GOAL = Message("report.adherence.goal", "Weekly goal")
GOAL_VALUE = Message(
    "report.adherence.goal-value",
    "{goal} a week (as set now); reached in {met} of {n} full week",
    "{goal} a week (as set now); reached in {met} of {n} full weeks",
)
GOAL_NO_FULL_WEEK = Message(
    "report.adherence.goal-no-full-week", "{goal} a week (as set now); no full week yet"
)
OUTCOMES = Message("report.adherence.outcomes", "How sessions ended")
OUTCOMES_VALUE = Message(
    "report.adherence.outcomes-value",
    "{completed} completed, {stopped} stopped early, {unfinished} left unfinished",
)
MINUTES = Message("report.adherence.minutes", "Time exercising")
MINUTES_VALUE = Message(
    "report.adherence.minutes-value", "{total} min in all, {average} min a session on average"
)
REMINDERS = Message("report.adherence.reminders", "Stand-up reminders")
BARS_TITLE = Message("report.adherence.bars", "Sessions per week")
BARS_GOAL = Message("report.adherence.bars-goal", "weekly goal")

# --- 3. "this hurts" ---------------------------------------------------------------------------

HURTS_HEADING = Message("report.hurts.heading", "Exercises that hurt")
HURTS_INTRO = Message(
    "report.hurts.intro",
    "How often “This hurts” was pressed during each exercise, and what was done then.",
)
NO_HURTS = Message("report.hurts.none", "“This hurts” was not pressed in this period.")
HURTS_EXERCISE = Message("report.hurts.exercise", "Exercise")
HURTS_TIMES = Message("report.hurts.times", "Times")
HURTS_LAST = Message("report.hurts.last", "Last time")
#: What was done after "This hurts", by the action stored.
HURT_ACTIONS: Final = MappingProxyType(
    {
        "skipped": Message("report.hurts.skipped", "Skipped the exercise"),
        "ended": Message("report.hurts.ended", "Ended the session"),
        "continued": Message("report.hurts.continued", "Carried on gently"),
    }
)

# --- 4. notes ----------------------------------------------------------------------------------

NOTES_HEADING = Message("report.notes.heading", "Notes")
NO_NOTES = Message("report.notes.none", "No notes were written in this period.")
NOTES_DATE = Message("report.notes.date", "Date")
NOTES_WHERE = Message("report.notes.where", "Written with")
NOTES_TEXT = Message("report.notes.text", "Note")
#: Where a note was written.
NOTE_KINDS: Final = MappingProxyType(
    {
        NoteKind.SESSION: Message("report.notes.session", "session “{routine}”"),
        NoteKind.BEFORE: Message("report.notes.before", "score {score} before a session"),
        NoteKind.AFTER: Message("report.notes.after", "score {score} after a session"),
        NoteKind.CHECK_IN: Message("report.notes.check-in", "check-in, score {score}"),
        NoteKind.NEXT_MORNING: Message(
            "report.notes.next-morning", "the morning after a session, score {score}"
        ),
    }
)

# --- changes to the exercises ------------------------------------------------------------------

CHANGES_HEADING = Message("report.changes.heading", "Changes to the exercises")
CHANGES_INTRO = Message(
    "report.changes.intro",
    "After a session SpineCoach may suggest one change to an exercise, with its reason; the "
    "person accepts or declines it. Every suggestion and its answer is listed.",
)
NO_CHANGES = Message("report.changes.none", "No changes were suggested in this period.")
CHANGES_DATE = Message("report.changes.date", "Date")
CHANGES_WHAT = Message("report.changes.what", "Change")
CHANGES_ANSWER = Message("report.changes.answer", "Answer")
CHANGES_WHY = Message("report.changes.why", "Why")
CHANGE_FROM_TO = Message("report.changes.from-to", "{before} → {after}")
CHANGE_STATUS: Final = MappingProxyType(
    {
        "accepted": Message("report.changes.accepted", "Accepted"),
        "declined": Message("report.changes.declined", "Declined"),
    }
)

# --- 5. the chart ------------------------------------------------------------------------------

CHART_HEADING = Message("report.chart.heading", "Pain scores over time")
CHART_AXIS = Message("report.chart.axis", "Pain (0-10)")
CHART_AVERAGE = Message("report.chart.average", "7-day average of all scores")
CHART_EMPTY = Message("report.chart.empty", "No pain scores to draw.")
#: The chart's legend, by context.
CHART_SERIES: Final = MappingProxyType(
    {
        "before": Message("report.chart.before", "Before a session"),
        "after": Message("report.chart.after", "After a session"),
        "check-in": Message("report.chart.check-in", "Check-in"),
        "next-morning": Message("report.chart.next-morning", "Next morning"),
    }
)

# --- 6. the sessions ---------------------------------------------------------------------------

TABLE_HEADING = Message("report.table.heading", "All sessions")
TABLE_EMPTY = Message("report.table.none", "No sessions in this period.")
COLUMN_DATE = Message("report.table.date", "Date")
COLUMN_ROUTINE = Message("report.table.routine", "Routine")
COLUMN_DURATION = Message("report.table.duration", "Duration")
COLUMN_EXERCISES = Message("report.table.exercises", "Exercises")
COLUMN_BEFORE = Message("report.table.before", "Before")
COLUMN_AFTER = Message("report.table.after", "After")
COLUMN_FELT = Message("report.table.felt", "Felt")
COLUMN_HURTS = Message("report.table.hurts", "Hurt")
EXERCISES_DONE = Message("report.table.done", "{done} of {total}")
EXERCISES_STOPPED = Message("report.table.stopped", "{done} of {total}, stopped")
EXERCISES_UNFINISHED = Message("report.table.unfinished", "{done} of {total}, unfinished")
#: How the session felt compared with the last, as the person answered.
FEELINGS: Final = MappingProxyType(
    {
        "easier": Message("report.table.easier", "easier"),
        "same": Message("report.table.same", "same"),
        "harder": Message("report.table.harder", "harder"),
    }
)

# --- 7. the programme ---------------------------------------------------------------------------

PROGRAMME_HEADING = Message("report.programme.heading", "Prescribed programme")
PROGRAMME_TITLE = Message("report.programme.title", "Programme")
PROGRAMME_BY = Message("report.programme.prescribed-by", "Prescribed by")
PROGRAMME_CONTACT = Message("report.programme.contact", "Contact")
PROGRAMME_DATES = Message("report.programme.dates", "Dates")
PROGRAMME_START = Message("report.programme.start", "started {start}")
PROGRAMME_START_REVIEW = Message(
    "report.programme.start-review", "started {start}; review {review}"
)
PROGRAMME_ROUTINES = Message("report.programme.routines", "Prescribed")
PROGRAMME_ROUTINE_LINE = Message("report.programme.routine-line", "{routine}: {frequency}")
PROGRAMME_LOCKED = Message(
    "report.programme.locked", "Locked: the patient may do less, not more or other exercises"
)
PROGRAMME_DONE = Message("report.programme.done", "Sessions done")
PROGRAMME_DONE_VALUE = Message(
    "report.programme.done-value", "{done} of {prescribed} prescribed ({percent}%)"
)
PROGRAMME_NONE_PRESCRIBED = Message(
    "report.programme.none-prescribed", "none prescribed in this period"
)
PROGRAMME_COUNTING = Message(
    "report.programme.counting",
    "Only completed sessions of the programme's routines count. The programme's first week and "
    "the current week are prescribed in proportion to their days.",
)
WEEKS_TITLE = Message("report.programme.weeks", "Adherence per week")
WEEK_OF = Message("report.programme.week-of", "Week of")
WEEK_DONE = Message("report.programme.week-done", "Done")
WEEK_PRESCRIBED = Message("report.programme.week-prescribed", "Prescribed")
WEEK_SHARE = Message("report.programme.week-share", "Share")
PERCENT = Message("report.programme.percent", "{percent}%")
ROUTINES_TITLE = Message("report.programme.routines-title", "Per routine: adherence and pain")
ROUTINE_COLUMN = Message("report.programme.routine", "Routine")
HOW_OFTEN = Message("report.programme.how-often", "How often")
DONE_OF = Message("report.programme.done-of", "{done} of {prescribed}")
ROUTINE_BEFORE = Message("report.programme.before", "Pain before")
ROUTINE_AFTER = Message("report.programme.after", "Pain after")
ROUTINE_CHANGE = Message("report.programme.change", "Change")
ROUTINE_EXERCISE = Message("report.programme.routine-exercise", "{routine}: {exercise}")
EXERCISES_TITLE = Message("report.programme.exercises-title", "Per exercise")
EXERCISE_COLUMN = Message("report.programme.exercise", "Exercise")
EXERCISE_DOSAGE = Message("report.programme.dosage", "Prescribed dose")
EXERCISE_COMPLETED = Message("report.programme.completed", "Completed")
EXERCISE_COMPLETED_VALUE = Message(
    "report.programme.completed-value",
    "in {done} of {sessions} session",
    "in {done} of {sessions} sessions",
)
EXERCISE_HURTS = Message("report.programme.hurts", "“This hurts”")
EXERCISE_NOTE = Message("report.programme.note", "Prescriber’s note")
PROGRAMME_NOTES = Message("report.programme.notes", "Prescriber’s notes")
PROGRAMME_NO_SESSIONS = Message(
    "report.programme.no-sessions", "No session of this programme was recorded in this period."
)
