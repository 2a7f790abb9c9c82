"""The time axis under the clinician report's charts: where its ticks go, labelled in the locale.

A tick each week for a short period, the months (thinned when there are many) for a long one;
`report_content` gives them to the pain chart and the weekly bars.
"""

from __future__ import annotations

from datetime import date, timedelta, tzinfo

from spinecoach.core.report_period import midnight
from spinecoach.ui.history.locale_text import axis_month, axis_month_year, axis_year, count
from spinecoach.ui.history.report_document import AxisTick

#: Up to this many days, the axis has a tick each week; past it, months.
WEEKLY_TICKS_UP_TO_DAYS = 62

#: The most labels the time axis carries (the months are thinned to every 2nd, 3rd, ...).
MOST_TICKS = 13


def axis_ticks(first: date, last: date, zone: tzinfo) -> tuple[AxisTick, ...]:
    """The time axis's ticks for the local days `first` to `last`, labelled in the locale.

    Short periods: each Monday, its day of the month, with the month and year under the first
    tick and where the month changes. Longer ones: the first of each month (every 2nd, 3rd, 6th
    or 12th when there are many), its short name, with the year under the first and January.
    The words are the History chart's (`locale_text`), so the report and the screen agree.
    """
    days = (last - first).days + 1
    ticks: list[AxisTick] = []
    if days <= WEEKLY_TICKS_UP_TO_DAYS:
        day = first + timedelta(days=(7 - first.weekday()) % 7)
        shown: date | None = None
        while day <= last + timedelta(days=1):
            under = ""
            if shown is None or day.year != shown.year:
                under = axis_month_year(day)
            elif day.month != shown.month:
                under = axis_month(day)
            shown = day
            ticks.append(AxisTick(midnight(day, zone).timestamp(), count(day.day), under))
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
            under = axis_year(day)
            shown_year = day.year
        ticks.append(AxisTick(midnight(day, zone).timestamp(), axis_month(day), under))
    return tuple(ticks)
