"""The daily exercise reminder follows a programme's frequency: N a day, N a week, no burst."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta, tzinfo
from zoneinfo import ZoneInfo

import pytest

from spinecoach.core.clock import FakeClock
from spinecoach.core.reminders import (
    ONCE_A_DAY,
    DailyExerciseDue,
    DailyTarget,
    ReminderSchedule,
    WorkingHours,
    target_from,
)
from spinecoach.core.reminders.daily_plan import reminder_times

BERLIN = ZoneInfo("Europe/Berlin")
OFFICE = WorkingHours.default()  # Monday to Friday, 09:00 to 18:00


def at(day: int, hour: int, minute: int = 0, zone: tzinfo = UTC) -> datetime:
    """A wall time in the week of Monday 2 March 2026 (day 0 = Monday)."""
    return datetime(2026, 3, 2 + day, hour, minute, tzinfo=zone)


def until(clock: FakeClock, moment: datetime) -> None:
    """Move both clocks on to `moment` (the true instant, right across a DST change)."""
    clock.advance((moment.astimezone(UTC) - clock.now().astimezone(UTC)).total_seconds())
    clock.set_wall(moment)


def make(
    start: datetime, daily: time, target: DailyTarget, hours: WorkingHours = OFFICE
) -> tuple[FakeClock, ReminderSchedule]:
    clock = FakeClock(start)
    schedule = ReminderSchedule(
        clock, hours=hours, daily_exercise_reminder_at=daily, tz=start.tzinfo
    )
    schedule.daily_target = target
    return clock, schedule


def daily_at(schedule: ReminderSchedule) -> list[datetime]:
    return [e.at for e in schedule.check() if isinstance(e, DailyExerciseDue)]


# --- the pure parts ----------------------------------------------------------------------------


def test_target_from_a_programmes_frequencies() -> None:
    assert target_from([]) == ONCE_A_DAY
    assert target_from([(2, "day")]) == DailyTarget(2)
    assert target_from([(2, "day"), (3, "week")]) == DailyTarget(2)  # daily ones decide
    assert target_from([(3, "week"), (2, "week")]) == DailyTarget(5, per_week=True)
    assert target_from([(3, "day"), (2, "day")]) == DailyTarget(4)  # at most four a day
    assert target_from([(10, "week"), (10, "week")]) == DailyTarget(14, per_week=True)
    with pytest.raises(ValueError, match="per day or per week"):
        target_from([(1, "month")])
    with pytest.raises(ValueError, match="1 to 4"):
        DailyTarget(5)


def test_reminders_spread_from_the_daily_time_to_the_end_of_work() -> None:
    monday, saturday = date(2026, 3, 2), date(2026, 3, 7)
    three = reminder_times(monday, time(9), OFFICE, DailyTarget(3), UTC)
    assert [m.time() for m in three] == [time(9), time(12), time(15)]
    two = reminder_times(monday, time(9), OFFICE, DailyTarget(2), UTC)
    assert [m.time() for m in two] == [time(9), time(13, 30)]
    # After work, or on a day off: to midnight, never past it.
    evening = reminder_times(monday, time(20), OFFICE, DailyTarget(2), UTC)
    assert [m.time() for m in evening] == [time(20), time(22)]
    weekend = reminder_times(saturday, time(10), OFFICE, DailyTarget(2), UTC)
    assert [m.time() for m in weekend] == [time(10), time(17)]
    late = reminder_times(monday, time(23, 59), OFFICE, DailyTarget(4), UTC)
    assert all(m.date() == monday for m in late)
    # A weekly target, and once a day: the daily time alone.
    assert reminder_times(monday, time(9), OFFICE, DailyTarget(3, per_week=True), UTC) == (
        at(0, 9),
    )


# --- N a day -----------------------------------------------------------------------------------


def test_twice_a_day_gives_the_second_reminder_only_while_a_session_is_missing() -> None:
    clock, schedule = make(at(0, 8), time(9), DailyTarget(2))
    assert schedule.next_wakeup() is not None
    until(clock, at(0, 9))
    assert daily_at(schedule) == [at(0, 9)]
    assert daily_at(schedule) == []  # given once
    schedule.session_started()
    until(clock, at(0, 9, 20))
    schedule.session_finished(completed=True)  # session 1 of 2
    until(clock, at(0, 13, 30))
    assert daily_at(schedule) == [at(0, 13, 30)]
    # Tuesday: both sessions done before the second slot, so it does not come.
    until(clock, at(1, 9))
    assert daily_at(schedule) == [at(1, 9)]
    schedule.record_session(at(1, 9, 15))
    schedule.record_session(at(1, 12))
    until(clock, at(1, 13, 30))
    assert daily_at(schedule) == []
    assert schedule.next_wakeup() is not None
    until(clock, at(1, 23, 59))
    assert daily_at(schedule) == []


def test_a_late_check_gives_one_reminder_never_a_burst() -> None:
    clock, schedule = make(at(0, 8), time(9), DailyTarget(3))
    until(clock, at(0, 16))  # asleep through 09:00, 12:00 and 15:00
    assert daily_at(schedule) == [at(0, 16)]
    assert daily_at(schedule) == []
    until(clock, at(0, 23))
    assert daily_at(schedule) == []  # no slot is left today


def test_the_next_wakeup_is_the_next_slot_wanted() -> None:
    clock, schedule = make(at(0, 8), time(9), DailyTarget(3), WorkingHours((None,) * 7))
    until(clock, at(0, 9))
    assert daily_at(schedule) == [at(0, 9)]
    # No working hours (and so no stand-up reminder in the way): slots run to midnight.
    assert schedule.next_wakeup() == at(0, 14)
    schedule.record_session(at(0, 10))
    schedule.record_session(at(0, 11))
    assert schedule.next_wakeup() == at(0, 19)  # two done: only the third is still wanted
    schedule.record_session(at(0, 12))
    assert schedule.next_wakeup() == at(1, 9)  # all three done: tomorrow's first


def test_twice_a_day_across_midnight() -> None:
    clock, schedule = make(at(0, 19), time(20), DailyTarget(2))
    until(clock, at(0, 20))
    assert daily_at(schedule) == [at(0, 20)]
    until(clock, at(0, 22))
    assert daily_at(schedule) == [at(0, 22)]
    schedule.record_session(at(0, 23, 50))
    until(clock, at(1, 0, 5))
    assert daily_at(schedule) == []  # nothing of Monday spills into Tuesday
    # Monday's session counts for Monday: Tuesday asks for both again.
    until(clock, at(1, 20))
    assert daily_at(schedule) == [at(1, 20)]
    schedule.record_session(at(1, 20, 30))
    until(clock, at(1, 22))
    assert daily_at(schedule) == [at(1, 22)]


def test_twice_a_day_on_the_day_the_clocks_go_forward() -> None:
    # Sunday 29 March 2026 in Berlin: 02:00 becomes 03:00. No working hours on Sundays.
    sunday = datetime(2026, 3, 29, 0, 30, tzinfo=BERLIN)
    clock, schedule = make(sunday, time(1), DailyTarget(2))
    until(clock, sunday.replace(hour=1))
    assert daily_at(schedule) == [sunday.replace(hour=1)]
    midday = sunday.replace(hour=12, minute=30)  # (24:00 - 01:00) / 2 in wall time
    assert schedule.next_wakeup() is not None
    until(clock, midday - timedelta(minutes=1))
    assert daily_at(schedule) == []
    until(clock, midday)
    assert daily_at(schedule) == [midday]
    assert midday.astimezone(UTC).hour == 10  # summer time: UTC+2


def test_the_clocks_going_back_give_no_reminder_twice() -> None:
    # Sunday 25 October 2026 in Berlin: 03:00 becomes 02:00 again; the daily time is 02:30.
    start = datetime(2026, 10, 25, 1, 0, tzinfo=BERLIN)
    clock, schedule = make(start, time(2, 30), ONCE_A_DAY)
    first = datetime(2026, 10, 25, 2, 30, tzinfo=BERLIN)  # the first 02:30 (summer time)
    until(clock, first)
    assert daily_at(schedule) == [first]
    second = datetime(2026, 10, 25, 2, 30, fold=1, tzinfo=BERLIN)  # an hour later, winter time
    until(clock, second)
    assert daily_at(schedule) == []


# --- N a week ----------------------------------------------------------------------------------


def test_three_a_week_stops_reminding_once_the_week_is_met() -> None:
    clock, schedule = make(at(0, 17), time(18), DailyTarget(3, per_week=True))
    for day in range(3):  # Monday to Wednesday: a reminder, then a session
        until(clock, at(day, 18))
        assert daily_at(schedule) == [at(day, 18)]
        schedule.record_session(at(day, 18, 30))
    for day in range(3, 7):  # Thursday to Sunday: the week's three are done
        until(clock, at(day, 18))
        assert daily_at(schedule) == []
    assert schedule.next_wakeup() is not None
    until(clock, at(7, 18))  # Monday: a new week
    assert daily_at(schedule) == [at(7, 18)]


def test_a_weekly_target_skips_a_day_already_exercised() -> None:
    clock, schedule = make(at(0, 10), time(18), DailyTarget(3, per_week=True))
    schedule.record_session(at(0, 10))
    until(clock, at(0, 18))
    assert daily_at(schedule) == []
    until(clock, at(1, 18))
    assert daily_at(schedule) == [at(1, 18)]


def test_a_weekly_target_across_the_week_boundary_in_berlin() -> None:
    # The week of 23 March 2026 ends on the Sunday the clocks go forward.
    def local(day: int, hour: int) -> datetime:
        return datetime(2026, 3, 23 + day, hour, 0, tzinfo=BERLIN)

    clock, schedule = make(local(0, 8), time(7), DailyTarget(2, per_week=True))
    schedule.record_session(local(0, 8))
    schedule.record_session(local(1, 8))
    until(clock, local(6, 23))  # Sunday night: met, so no reminder
    assert daily_at(schedule) == []
    assert schedule.next_wakeup() is not None
    until(clock, local(7, 0) + timedelta(minutes=5))  # Monday 00:05
    assert daily_at(schedule) == []  # 07:00 has not come yet
    until(clock, local(7, 7))
    assert daily_at(schedule) == [local(7, 7)]


def test_once_a_day_is_todays_rule_without_a_programme() -> None:
    clock, schedule = make(at(0, 8), time(9), ONCE_A_DAY)
    schedule.record_session_today()
    until(clock, at(0, 10))
    assert daily_at(schedule) == []
    until(clock, at(1, 9))
    assert daily_at(schedule) == [at(1, 9)]
