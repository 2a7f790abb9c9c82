"""How History writes dates, times, counts and signed numbers: in the locale in use.

The app sets `QLocale.setDefault` to the chosen language, so `QLocale()` gives the month and day
names, the digits, the decimal point and the time of day (24-hour or AM/PM) of that language and
country. Qt has no medium date format with abbreviated names, and the locale's short one
("11/25/26") loses the weekday the log shows, so the order of a date is a Qt date pattern that
each translation gives ("ddd dd MMM yyyy" in English, "ddd, dd.MM.yyyy" in German) and the names
in it come from the locale. Each pattern is a message of the context "HistoryDates", with a
comment saying where it is shown.

The CSV export and import do not use this module: their format is locale-independent.
"""

from __future__ import annotations

from datetime import date, datetime

from PySide6.QtCore import QCoreApplication, QDate, QLocale, QTime


def _qdate(value: date) -> QDate:
    return QDate(value.year, value.month, value.day)


def _qtime(value: datetime) -> QTime:
    return QTime(value.hour, value.minute, value.second)


def _pattern(value: date, pattern: str) -> str:
    return QLocale().toString(_qdate(value), pattern)


def weekday_date(value: date) -> str:
    """A date with its weekday, "Wed 25 Nov 2026": the session log, the chart's details."""
    return _pattern(
        value,
        QCoreApplication.translate(
            "HistoryDates",
            "ddd dd MMM yyyy",
            "Qt date format (ddd: weekday, dd: day, MMM: month, short names from the locale) "
            "of the session log and the chart's details",
        ),
    )


def weekday_day_month(value: date) -> str:
    """A recent date without its year, "Wed 25 Nov" (the undo bar)."""
    return _pattern(
        value,
        QCoreApplication.translate(
            "HistoryDates",
            "ddd dd MMM",
            "Qt date format (ddd: weekday, dd: day, MMM: month) of a deleted session, "
            "without its year",
        ),
    )


def long_date(value: date) -> str:
    """A date in full, "25 November 2026": the report's period and the day it was made."""
    return _pattern(
        value,
        QCoreApplication.translate(
            "HistoryDates",
            "dd MMMM yyyy",
            "Qt date format (dd: day, MMMM: the month's full name, yyyy: year) of the report",
        ),
    )


def time_of_day(value: datetime) -> str:
    """A time of day in the locale's own short format, "09:05" (or "9:05 AM")."""
    return QLocale().toString(_qtime(value), QLocale.FormatType.ShortFormat)


def date_and_time(day: str, time: str) -> str:
    """A date and a time of day already written, as one ("Wed 25 Nov 2026 09:05")."""
    return QCoreApplication.translate(
        "HistoryDates", "{date} {time}", "a date followed by a time of day"
    ).format(date=day, time=time)


def logged_at(value: datetime) -> str:
    """When a session started, "Wed 25 Nov 2026 09:05": the log, the report, the details."""
    return date_and_time(weekday_date(value), time_of_day(value))


def axis_day(value: date) -> str:
    """A day of the month on the chart's time axis ("7"); the month is written under it."""
    return _pattern(
        value,
        QCoreApplication.translate(
            "HistoryDates",
            "d",
            "Qt date format of a day (d: day of the month) on the chart's time axis; the month "
            "is written under the first day and each new month",
        ),
    )


def axis_weekday_day(value: date) -> str:
    """A day with its weekday on the chart's time axis ("Mon 7"), when there is room."""
    return _pattern(
        value,
        QCoreApplication.translate(
            "HistoryDates",
            "ddd d",
            "Qt date format (ddd: weekday, d: day of the month) of a day on the chart's time "
            "axis; the month is written under the first day and each new month",
        ),
    )


def axis_month(value: date) -> str:
    """A month's short name, as it stands alone ("Nov"): the time axis."""
    return QLocale().standaloneMonthName(value.month, QLocale.FormatType.ShortFormat)


def axis_year(value: date) -> str:
    """A year ("2026"): the time axis."""
    return QLocale().toString(_qdate(value), "yyyy")


def axis_month_year(value: date) -> str:
    """A month and its year ("Nov 2026"): under the time axis's first day and a new year's."""
    return QCoreApplication.translate(
        "HistoryDates",
        "{month} {year}",
        "a month's short name and its year, under a day on the chart's time axis",
    ).format(month=axis_month(value), year=axis_year(value))


def count(value: int) -> str:
    """A count with the locale's digits and thousands separator ("1,234", "1.234")."""
    return QLocale().toString(value)


def decimal(value: float) -> str:
    """A mean with one decimal, as the locale writes it ("4.5", "4,5")."""
    return QLocale().toString(value, "f", 1)


def signed(value: float) -> str:
    """A change with its sign and one decimal, as the locale writes it ("+0.5", "-1,0")."""
    locale = QLocale()
    text = locale.toString(value, "f", 1)
    return text if text.startswith(locale.negativeSign()) else locale.positiveSign() + text
