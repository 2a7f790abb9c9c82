"""Which days a clinician's report covers: the periods offered and their first and last day.

The dialog offers the periods, the report's figures (`core.clinician_report`) count the days.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta, tzinfo
from enum import StrEnum
from typing import Final


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

_FOUR_WEEKS: Final = timedelta(weeks=4)


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
        first = last - _FOUR_WEEKS + timedelta(days=1)
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


def midnight(day: date, tz: tzinfo) -> datetime:
    """The instant the local day `day` starts in `tz`."""
    return datetime.combine(day, time(), tz)


def day_bounds(first: date, last: date, tz: tzinfo) -> tuple[datetime, datetime]:
    """The instants [start, end) of the local days `first` to `last` in `tz`."""
    return midnight(first, tz), midnight(last + timedelta(days=1), tz)


def utc_bounds(first: date, last: date, tz: tzinfo) -> tuple[datetime, datetime]:
    """`day_bounds` in UTC: the instants records' times are compared with."""
    start, end = day_bounds(first, last, tz)
    return start.astimezone(UTC), end.astimezone(UTC)
