"""The settings a schedule is built from, read from their stored values (bad ones: default)."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import time

from spinecoach.core import settings as keys
from spinecoach.core.reminders.working_hours import WorkingHours, parse_clock_time
from spinecoach.core.settings import SETTINGS_BY_KEY, resolve

SCHEDULE_SETTINGS: tuple[str, ...] = tuple(
    setting.key
    for setting in (
        keys.REMINDERS_ENABLED,
        keys.REMINDER_INTERVAL_MINUTES,
        keys.NATURAL_BREAK_MINUTES,
        keys.WORKING_HOURS,
        keys.DAILY_REMINDER_TIME,
    )
)
"""The settings a `ReminderSchedule` is built from (`from_settings`, `apply_settings`)."""


def hours_setting(stored: Mapping[str, object]) -> WorkingHours:
    """The stored working hours, or the default ones when the stored text is unreadable."""
    try:
        return WorkingHours.parse(str(resolve("working_hours", stored)))
    except ValueError:
        return WorkingHours.parse(str(SETTINGS_BY_KEY["working_hours"].default))


def daily_setting(stored: Mapping[str, object]) -> time | None:
    """The daily exercise reminder's time, or None when it is off (stored as "")."""
    daily = str(resolve("daily_reminder_time", stored))
    return parse_clock_time(daily) if daily else None
