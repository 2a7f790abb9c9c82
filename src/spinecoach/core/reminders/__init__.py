"""Stand-up and daily-exercise reminders: when to tell a desk worker to get up, and when not to.

`schedule` holds the rules (its docstring says which clock measures what); `events` what it
reports, `working_hours` when reminders may come, `pause` the pauses a person can ask for and
`stored_settings` how the schedule reads its settings, `daily_plan` how often the daily exercise
reminder comes (a programme's frequency). The names below are the schedule's API;
import them from here.
"""

from spinecoach.core.reminders.daily_plan import ONCE_A_DAY, DailyTarget, target_from
from spinecoach.core.reminders.events import (
    DailyExerciseDue,
    ReminderEvent,
    Skipped,
    SkipReason,
    SnoozeRefused,
    SnoozeResult,
    StandUpDue,
)
from spinecoach.core.reminders.schedule import (
    MAX_SNOOZES,
    SNOOZE_CHOICES,
    SNOOZE_REFUSED_MESSAGE,
    ReminderSchedule,
)
from spinecoach.core.reminders.stored_settings import SCHEDULE_SETTINGS
from spinecoach.core.reminders.working_hours import WorkingHours

__all__ = [
    "MAX_SNOOZES",
    "ONCE_A_DAY",
    "SCHEDULE_SETTINGS",
    "SNOOZE_CHOICES",
    "SNOOZE_REFUSED_MESSAGE",
    "DailyExerciseDue",
    "DailyTarget",
    "ReminderEvent",
    "ReminderSchedule",
    "SkipReason",
    "Skipped",
    "SnoozeRefused",
    "SnoozeResult",
    "StandUpDue",
    "WorkingHours",
    "target_from",
]
