"""The pain section of the clinician's report, worded: the first thing a clinician reads.

First against last four weeks (or the whole period), before and after sessions, the flare-ups
and the highest scores, with the flare-up rule as a footnote; `report_content` puts it first.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import tzinfo

from spinecoach.core import report_words as w
from spinecoach.core.clinician_report import (
    FLARE_BASELINE_DAYS,
    FLARE_RISE,
    MIN_WINDOW_SCORES,
    ClinicianFigures,
    FlareKind,
    WindowAverage,
)
from spinecoach.core.messages import Message, Messages
from spinecoach.core.records import SessionRecord
from spinecoach.ui.history.locale_text import count, decimal, long_date, signed, weekday_date
from spinecoach.ui.history.report_document import Block, Fact, Facts, Paragraph, Section


def _window(label: Message, window: WindowAverage, words: Messages) -> Fact:
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


def pain_section(
    figures: ClinicianFigures,
    words: Messages,
    zone: tzinfo,
    routine_name: Callable[[SessionRecord], str],
) -> Section:
    """Pain over the period: the windows or the whole period, before and after, flare-ups, highest.

    `zone` dates the scores; `routine_name` names a flare-up's session.
    """
    text = words.text
    pain = figures.pain
    heading = text(w.PAIN_HEADING)
    if pain.scores == 0:
        return Section(heading, (Paragraph(text(w.NO_SCORES)),))
    rows: list[Fact] = []
    blocks: list[Block] = []
    if pain.first_weeks is not None and pain.last_weeks is not None:
        rows.append(_window(w.FIRST_WEEKS, pain.first_weeks, words))
        rows.append(_window(w.LAST_WEEKS, pain.last_weeks, words))
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
            else words.count(w.SESSIONS_MEAN, sessions, n=count(sessions), mean=decimal(average))
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
    rows.append(Fact(text(w.FLARE_UPS), _flare_lines(figures, words, zone, routine_name)))
    highest = tuple(
        text(
            w.HIGHEST_LINE,
            score=count(entry.score),
            when=weekday_date(entry.recorded_at.astimezone(zone)),
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


def _flare_lines(
    figures: ClinicianFigures,
    words: Messages,
    zone: tzinfo,
    routine_name: Callable[[SessionRecord], str],
) -> tuple[str, ...]:
    flares = figures.pain.flare_ups
    if not flares:
        return (words.text(w.NO_FLARE_UPS),)
    routines = {s.id: routine_name(s) for s in figures.sessions}
    lines = [words.count(w.FLARE_COUNT, len(flares), n=count(len(flares)))]
    for flare in flares:
        local = flare.at.astimezone(zone)
        when = weekday_date(local)
        start = (
            decimal(flare.start) if flare.kind is FlareKind.CHECK_IN else count(round(flare.start))
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
