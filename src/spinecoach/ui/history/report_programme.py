"""The programme's page of the clinician's report, worded: what was prescribed, and what was done.

`report_content` reads the programme's figures (`core.programme_report`) and puts this section
after adherence, on a page of its own: the first thing the prescriber reads.
"""

from __future__ import annotations

from spinecoach.core import report_words as w
from spinecoach.core.content_words import item_dosage_text
from spinecoach.core.messages import Messages
from spinecoach.core.programme_report import ProgrammeFigures
from spinecoach.ui.history.locale_text import count, decimal, long_date, signed, weekday_date
from spinecoach.ui.history.report_document import Block, Fact, Facts, Paragraph, Section, Table


def programme_section(found: ProgrammeFigures, words: Messages) -> Section:
    """What the prescriber reads first: the programme, done against prescribed, and how."""
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
        text(w.PROGRAMME_ROUTINE_LINE, routine=p.routine.name, frequency=p.frequency.text(words))
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
        Fact(text(w.PROGRAMME_DONE), (_done_of(found.done, found.prescribed, words),)),
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
                _percent(week.done, week.prescribed, words),
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
            _mean_of(r.before_mean, r.before_sessions, words),
            _mean_of(r.after_mean, r.after_sessions, words),
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
    blocks += _exercises(found, words)
    if not any(r.sessions for r in found.routines):
        blocks.append(Paragraph(text(w.PROGRAMME_NO_SESSIONS)))
    blocks.append(Paragraph(text(w.PROGRAMME_COUNTING), small=True))
    return Section(text(w.PROGRAMME_HEADING), tuple(blocks), own_page=True)


def _exercises(found: ProgrammeFigures, words: Messages) -> list[Block]:
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


def _done_of(done: int, prescribed: int, words: Messages) -> str:
    if not prescribed:
        return words.text(w.PROGRAMME_NONE_PRESCRIBED)
    return words.text(
        w.PROGRAMME_DONE_VALUE,
        done=count(done),
        prescribed=count(prescribed),
        percent=count(round(100 * done / prescribed)),
    )


def _percent(done: int, prescribed: int, words: Messages) -> str:
    if not prescribed:
        return "–"
    return words.text(w.PERCENT, percent=count(round(100 * done / prescribed)))


def _mean_of(mean: float | None, sessions: int, words: Messages) -> str:
    if mean is None:
        return "–"
    return words.count(w.SESSIONS_MEAN, sessions, n=count(sessions), mean=decimal(mean))
