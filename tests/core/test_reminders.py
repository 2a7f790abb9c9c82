"""The stand-up reminder schedule: wall-clock working hours, monotonic sitting time, no bursts."""

from __future__ import annotations

from datetime import UTC, datetime, time, timedelta, tzinfo
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from spinecoach.core.clock import FakeClock
from spinecoach.core.reminders import (
    MAX_SNOOZES,
    SNOOZE_REFUSED_MESSAGE,
    DailyExerciseDue,
    ReminderEvent,
    ReminderSchedule,
    Skipped,
    SkipReason,
    SnoozeRefused,
    StandUpDue,
    WorkingHours,
)
from spinecoach.core.settings import SETTINGS_BY_KEY

BERLIN = ZoneInfo("Europe/Berlin")
MONDAY_9 = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)  # FakeClock's default start, a Monday


def at(day: int, hour: int, minute: int = 0, zone: tzinfo = UTC) -> datetime:
    """A wall time in the week of Monday 2 March 2026 (day 0 = Monday)."""
    return datetime(2026, 3, 2 + day, hour, minute, tzinfo=zone)


def make(start: datetime = MONDAY_9, **kwargs: object) -> tuple[FakeClock, ReminderSchedule]:
    clock = FakeClock(start)
    return clock, ReminderSchedule(clock, **kwargs)  # type: ignore[arg-type]


def minutes(clock: FakeClock, count: float) -> None:
    """Let `count` minutes pass, keeping the wall clock right in a zone with DST.

    FakeClock.advance() adds to the local wall time, which is wrong across a DST change when the
    clock carries a ZoneInfo; set_wall() puts the wall clock on the true instant.
    """
    before = clock.now()
    clock.advance(count * 60)
    clock.set_wall((before.astimezone(UTC) + timedelta(minutes=count)).astimezone(before.tzinfo))


def stand_ups(events: list[ReminderEvent]) -> list[StandUpDue]:
    return [event for event in events if isinstance(event, StandUpDue)]


# --- working hours ---------------------------------------------------------------------------


def test_default_working_hours_are_weekdays_nine_to_six() -> None:
    hours = WorkingHours.default()
    assert hours.contains(at(0, 9))
    assert hours.contains(at(4, 17, 59))
    assert not hours.contains(at(0, 8, 59))
    assert not hours.contains(at(0, 18))  # the end is exclusive
    assert not hours.contains(at(5, 12))  # Saturday


def test_next_start_after() -> None:
    hours = WorkingHours.default()
    assert hours.next_start_after(at(0, 8)) == at(0, 9)
    assert hours.next_start_after(at(0, 9)) == at(1, 9)  # strictly after
    assert hours.next_start_after(at(4, 18)) == at(7, 9)  # Friday evening -> Monday
    assert hours.next_start_after(at(5, 3, zone=BERLIN)) == at(7, 9, zone=BERLIN)
    with pytest.raises(ValueError, match="no working hours"):
        WorkingHours((None,) * 7).next_start_after(at(0, 9))


def test_working_hours_text_round_trip_and_errors() -> None:
    hours = WorkingHours.parse("mon-fri 09:00-18:00, sat 10:00-12:30")
    assert hours.days[5] == (time(10), time(12, 30))
    assert hours.days[6] is None
    assert WorkingHours.parse(hours.to_text()) == hours
    assert WorkingHours.parse(str(SETTINGS_BY_KEY["working_hours"].default)) == (
        WorkingHours.default()
    )
    for bad in ("monday 9-5", "mon 09:00", "fri-mon 09:00-10:00", "mon 25:00-26:00"):
        with pytest.raises(ValueError):
            WorkingHours.parse(bad)
    with pytest.raises(ValueError, match="end after"):
        WorkingHours.parse("mon 18:00-09:00")
    with pytest.raises(ValueError, match="seven"):
        WorkingHours(((time(9), time(17)),))


# --- the basic rhythm ------------------------------------------------------------------------


def test_first_reminder_after_one_interval() -> None:
    clock, schedule = make()
    assert schedule.next_due() == at(0, 9, 30)
    assert schedule.next_wakeup() == at(0, 9, 30)
    minutes(clock, 29)
    assert schedule.check() == []
    minutes(clock, 1)
    assert schedule.check() == [StandUpDue(at(0, 9, 30))]
    assert schedule.check() == []  # checking twice is harmless
    assert schedule.next_due() == at(0, 10)


def test_suspend_across_a_deadline_gives_exactly_one_event() -> None:
    clock, schedule = make()
    clock.advance(2 * 3600)  # both clocks ran on: the check was simply late
    assert schedule.check() == [StandUpDue(at(0, 11))]
    assert schedule.next_due() == at(0, 11, 30)  # from now, not chained from 09:30
    assert schedule.check() == []


def test_real_suspend_counts_as_a_break() -> None:
    # On Linux the monotonic clock stops during suspend; only the wall clock moves on.
    clock, schedule = make()
    minutes(clock, 20)
    clock.set_wall(clock.now() + timedelta(hours=2))
    assert schedule.check() == []
    assert schedule.next_due() == at(0, 11, 50)


def test_clock_set_back_one_hour_fires_nothing_early_or_twice() -> None:
    clock, schedule = make()
    minutes(clock, 20)
    clock.set_wall(clock.now() - timedelta(hours=1))  # 08:20 wall: outside working hours
    assert schedule.check() == []
    assert schedule.next_due() == at(0, 9, 30)  # fresh interval at the next 09:00
    minutes(clock, 40)  # 09:00 wall
    assert schedule.check() == []
    minutes(clock, 30)
    assert stand_ups(schedule.check()) == [StandUpDue(at(0, 9, 30))]


def test_clock_set_back_within_hours_keeps_sitting_time() -> None:
    clock, schedule = make(start=at(0, 14))
    minutes(clock, 10)
    clock.set_wall(clock.now() - timedelta(hours=1))
    assert schedule.check() == []
    assert schedule.next_due() == at(0, 13, 30)  # 20 sitting minutes still to go
    minutes(clock, 20)
    assert schedule.check() == [StandUpDue(at(0, 13, 30))]


def test_small_wall_adjustment_is_not_a_break() -> None:
    clock, schedule = make()
    minutes(clock, 10)
    clock.set_wall(clock.now() + timedelta(minutes=3))  # less than a natural break
    assert schedule.check() == []
    assert schedule.next_due() == at(0, 9, 33)


# --- working hours and the day ---------------------------------------------------------------


def test_reminder_past_the_end_of_day_moves_to_next_morning() -> None:
    clock, schedule = make(start=at(0, 17, 45))
    assert schedule.next_due() == at(1, 9, 30)
    assert schedule.next_wakeup() == at(1, 9)  # the fresh start must be seen
    minutes(clock, 30)
    assert schedule.check() == []  # 18:15: outside hours
    clock.advance(at(1, 9).timestamp() - clock.now().timestamp())
    assert schedule.check() == []
    assert schedule.next_due() == at(1, 9, 30)
    minutes(clock, 30)
    assert schedule.check() == [StandUpDue(at(1, 9, 30))]


def test_first_check_of_a_period_starts_fresh_even_if_late() -> None:
    clock, schedule = make(start=at(4, 17, 50))  # Friday
    clock.advance(at(7, 10, 30).timestamp() - clock.now().timestamp())  # Monday 10:30
    assert schedule.check() == []
    assert schedule.next_due() == at(7, 11)


def test_weekend_has_no_reminders() -> None:
    clock, schedule = make(start=at(5, 10))
    assert schedule.next_due() == at(7, 9, 30)
    for _ in range(8):
        clock.advance(3 * 3600)
        assert schedule.check() == []


def test_midnight() -> None:
    hours = WorkingHours.parse("mon-sun 00:00-23:59")
    clock, schedule = make(start=at(0, 23, 40), hours=hours)
    assert schedule.next_due() == at(1, 0, 30)  # 00:10 would be in the next period
    minutes(clock, 19)  # 23:59: outside
    assert schedule.check() == []
    minutes(clock, 1)  # 00:00: a new period starts fresh
    assert schedule.check() == []
    minutes(clock, 30)
    assert schedule.check() == [StandUpDue(at(1, 0, 30))]


def test_changing_working_hours_while_running() -> None:
    clock, schedule = make(start=at(0, 10))
    schedule.hours = WorkingHours.parse("mon-fri 09:00-10:15")
    assert schedule.next_due() == at(1, 9, 30)
    minutes(clock, 30)
    assert schedule.check() == []
    minutes(clock, 10)  # 10:40
    schedule.hours = WorkingHours.default()
    assert schedule.next_due() == at(0, 11, 10)
    assert schedule.check() == []
    minutes(clock, 30)
    assert schedule.check() == [StandUpDue(at(0, 11, 10))]


def test_no_working_day_means_no_stand_up_reminder() -> None:
    clock, schedule = make(hours=WorkingHours((None,) * 7))
    assert schedule.next_due() is None
    assert schedule.next_wakeup() is None
    clock.advance(3600)
    assert schedule.check() == []


def test_interval_change_restarts_the_count() -> None:
    clock, schedule = make()
    minutes(clock, 20)
    schedule.interval_minutes = 45
    assert schedule.next_due() == at(0, 10, 5)
    with pytest.raises(ValueError, match="at least 10"):
        schedule.interval_minutes = 5


# --- daylight saving time --------------------------------------------------------------------


@pytest.mark.parametrize("clock_zone", [BERLIN, UTC], ids=["berlin-clock", "utc-clock"])
def test_spring_forward_measures_real_sitting_time(clock_zone: tzinfo) -> None:
    # Sunday 29 March 2026: 02:00 CET becomes 03:00 CEST.
    start = datetime(2026, 3, 29, 1, 45, tzinfo=BERLIN).astimezone(clock_zone)
    clock = FakeClock(start)
    schedule = ReminderSchedule(clock, hours=WorkingHours.parse("sun 01:00-06:00"), tz=BERLIN)
    assert schedule.next_due() == datetime(2026, 3, 29, 3, 15, tzinfo=BERLIN)
    minutes(clock, 29)
    assert schedule.check() == []
    minutes(clock, 1)
    [event] = schedule.check()
    assert event == StandUpDue(datetime(2026, 3, 29, 3, 15, tzinfo=BERLIN))
    assert event.at.utcoffset() == timedelta(hours=2)


@pytest.mark.parametrize("clock_zone", [BERLIN, UTC], ids=["berlin-clock", "utc-clock"])
def test_fall_back_neither_fires_early_nor_twice(clock_zone: tzinfo) -> None:
    # Sunday 25 October 2026: 03:00 CEST becomes 02:00 CET; 02:xx happens twice.
    start = datetime(2026, 10, 25, 2, 45, tzinfo=BERLIN).astimezone(clock_zone)
    clock = FakeClock(start)
    schedule = ReminderSchedule(clock, hours=WorkingHours.parse("sun 01:00-06:00"), tz=BERLIN)
    due = schedule.next_due()
    assert due is not None
    assert due.astimezone(UTC) == start.astimezone(UTC) + timedelta(minutes=30)
    fired: list[ReminderEvent] = []
    for _ in range(29):
        minutes(clock, 1)
        fired += schedule.check()
    assert fired == []
    minutes(clock, 1)
    [event] = schedule.check()
    assert isinstance(event, StandUpDue)
    assert event.at.astimezone(UTC) == datetime(2026, 10, 25, 1, 15, tzinfo=UTC)  # 02:15 CET


# --- snooze and skip -------------------------------------------------------------------------


def test_snooze_moves_the_reminder_and_is_refused_the_fourth_time() -> None:
    clock, schedule = make()
    minutes(clock, 30)
    assert stand_ups(schedule.check())
    for count in range(MAX_SNOOZES):
        result = schedule.snooze(10)
        assert result.accepted
        assert result.due == clock.now() + timedelta(minutes=10)
        assert result.snoozes_left == MAX_SNOOZES - count - 1
        minutes(clock, 10)
        assert schedule.check() == [StandUpDue(clock.now())]
    refused = schedule.snooze(5)
    assert not refused.accepted
    assert refused.message == SNOOZE_REFUSED_MESSAGE
    assert refused.refused == SnoozeRefused(clock.now())
    assert refused.due == clock.now() + timedelta(minutes=30)  # the pending reminder stands


def test_a_full_interval_starts_a_new_snooze_chain() -> None:
    clock, schedule = make()
    minutes(clock, 30)
    schedule.check()
    for _ in range(MAX_SNOOZES):
        schedule.snooze(5)
        minutes(clock, 5)
        schedule.check()
    assert not schedule.snooze(5).accepted
    minutes(clock, 30)  # ignored the reminder; a full interval later it comes again
    assert stand_ups(schedule.check())
    assert schedule.snooze(5).accepted


def test_snooze_only_for_five_ten_or_fifteen_minutes() -> None:
    _, schedule = make()
    with pytest.raises(ValueError, match="snooze"):
        schedule.snooze(7)


def test_skip_logs_the_reason_and_restarts_the_interval() -> None:
    clock, schedule = make()
    minutes(clock, 30)
    schedule.check()
    schedule.snooze(5)
    minutes(clock, 2)
    assert schedule.skip(SkipReason.MEETING) == Skipped(at(0, 9, 32), SkipReason.MEETING)
    assert schedule.next_due() == at(0, 10, 2)
    assert schedule.snoozes_left == MAX_SNOOZES
    assert schedule.skip(None).reason is None


def test_a_desk_break_restarts_the_interval() -> None:
    clock, schedule = make()
    minutes(clock, 31)
    schedule.check()
    minutes(clock, 3)
    schedule.break_taken()
    assert schedule.next_due() == at(0, 10, 4)


# --- pauses, sessions, idle ------------------------------------------------------------------


def test_pause_for_then_a_fresh_interval() -> None:
    clock, schedule = make()
    minutes(clock, 20)
    schedule.pause_for(60)
    assert schedule.is_paused
    assert schedule.paused_until == at(0, 10, 20)
    assert schedule.next_due() == at(0, 10, 50)
    assert schedule.next_wakeup() == at(0, 10, 20)
    for _ in range(6):
        minutes(clock, 10)
        assert schedule.check() == []
    assert not schedule.is_paused
    assert schedule.paused_until is None
    assert schedule.next_due() == at(0, 10, 50)
    minutes(clock, 30)
    assert schedule.check() == [StandUpDue(at(0, 10, 50))]
    with pytest.raises(ValueError, match="positive"):
        schedule.pause_for(0)


def test_pause_until_tomorrow() -> None:
    clock, schedule = make(start=at(0, 14))
    schedule.pause_until_tomorrow()
    assert schedule.paused_until == at(1, 9)
    assert schedule.next_due() == at(1, 9, 30)
    clock.advance(at(1, 9).timestamp() - clock.now().timestamp())
    assert schedule.check() == []
    assert not schedule.is_paused
    minutes(clock, 30)
    assert schedule.check() == [StandUpDue(at(1, 9, 30))]


def test_pause_until_resumed() -> None:
    clock, schedule = make()
    schedule.pause_until_resumed()
    assert schedule.is_paused
    assert schedule.paused_until is None
    assert schedule.next_due() is None
    clock.advance(3 * 3600)
    assert schedule.check() == []
    schedule.resume()
    assert not schedule.is_paused
    assert schedule.next_due() == at(0, 12, 30)


def test_a_session_pauses_reminders_and_restarts_the_interval() -> None:
    clock, schedule = make(daily_exercise_reminder_at=time(17))
    minutes(clock, 25)
    schedule.session_started()
    assert schedule.next_due() is None
    minutes(clock, 15)
    assert schedule.check() == []
    schedule.session_finished()
    assert schedule.next_due() == at(0, 10, 10)
    clock.advance(at(0, 17, 5).timestamp() - clock.now().timestamp())
    assert not any(isinstance(event, DailyExerciseDue) for event in schedule.check())


def test_an_abandoned_session_still_restarts_but_does_not_count_for_the_day() -> None:
    clock, schedule = make(daily_exercise_reminder_at=time(9, 10))
    schedule.session_started()
    minutes(clock, 5)
    schedule.session_finished(completed=False)
    assert schedule.next_due() == at(0, 9, 35)
    minutes(clock, 5)
    assert schedule.check() == [DailyExerciseDue(at(0, 9, 10))]


def test_idle_for_a_natural_break_restarts_the_interval() -> None:
    clock, schedule = make()
    minutes(clock, 20)
    assert not schedule.user_was_idle(4 * 60)
    assert schedule.next_due() == at(0, 9, 30)
    assert schedule.user_was_idle(5 * 60)
    assert schedule.next_due() == at(0, 9, 50)


# --- daily exercise --------------------------------------------------------------------------


def test_daily_exercise_reminder_once_a_day_unless_a_session_was_recorded() -> None:
    clock, schedule = make(start=at(0, 16), daily_exercise_reminder_at=time(17))
    schedule.pause_for(15)
    schedule.resume()
    assert schedule.next_wakeup() == at(0, 16, 30)
    clock.advance(59 * 60)
    schedule.break_taken()
    assert schedule.next_wakeup() == at(0, 17)
    minutes(clock, 1)
    assert schedule.check() == [DailyExerciseDue(at(0, 17))]
    minutes(clock, 1)
    assert schedule.check() == []
    assert schedule.next_wakeup() == at(0, 17, 29)  # break_taken() at 16:59
    clock.advance(at(1, 16).timestamp() - clock.now().timestamp())
    schedule.record_session_today()
    clock.advance(2 * 3600)
    assert not any(isinstance(event, DailyExerciseDue) for event in schedule.check())
    clock.advance(at(2, 17).timestamp() - clock.now().timestamp())
    assert DailyExerciseDue(at(2, 17)) in schedule.check()


def test_daily_exercise_reminder_waits_for_the_end_of_a_pause() -> None:
    clock, schedule = make(start=at(0, 16, 50), daily_exercise_reminder_at=time(17))
    schedule.pause_for(30)
    minutes(clock, 20)
    assert schedule.check() == []
    assert schedule.next_wakeup() == at(0, 17, 20)
    minutes(clock, 10)
    assert schedule.check() == [DailyExerciseDue(at(0, 17, 20))]


# --- enabled, settings -----------------------------------------------------------------------


def test_disabled_schedule_is_silent() -> None:
    clock, schedule = make(enabled=False, daily_exercise_reminder_at=time(9, 5))
    assert schedule.next_due() is None
    assert schedule.next_wakeup() is None
    clock.advance(3600)
    assert schedule.check() == []
    schedule.enabled = True
    assert schedule.next_due() == at(0, 10, 30)


def test_from_settings() -> None:
    clock = FakeClock(MONDAY_9)
    stored = {"reminder_interval_minutes": 45, "natural_break_minutes": 10,
              "working_hours": "mon-sat 08:00-12:00", "reminders_enabled": True}  # fmt: skip
    schedule = ReminderSchedule.from_settings(clock, stored)
    assert schedule.interval_minutes == 45
    assert schedule.natural_break_minutes == 10
    assert schedule.hours.days[5] == (time(8), time(12))
    fallback = ReminderSchedule.from_settings(
        clock, {"working_hours": "whenever", "reminder_interval_minutes": 500}
    )
    assert fallback.hours == WorkingHours.default()
    assert fallback.interval_minutes == 30
    assert not ReminderSchedule.from_settings(clock, {"reminders_enabled": False}).enabled
    assert schedule.daily_exercise_reminder_at is None
    daily = ReminderSchedule.from_settings(clock, {"daily_reminder_time": "17:30"})
    assert daily.daily_exercise_reminder_at == time(17, 30)
    assert (
        ReminderSchedule.from_settings(
            clock, {"daily_reminder_time": "5pm"}
        ).daily_exercise_reminder_at
        is None
    )


# --- properties ------------------------------------------------------------------------------

# A start anywhere in a week, and steps of up to three hours.
starts = st.integers(min_value=0, max_value=7 * 24 * 60 - 1).map(
    lambda minute: MONDAY_9 + timedelta(minutes=minute)
)
steps = st.lists(st.integers(min_value=0, max_value=3 * 3600), min_size=1, max_size=40)


@settings(max_examples=150, deadline=None)
@given(start=starts, advances=steps, interval=st.sampled_from([10, 30, 120]))
def test_property_no_burst_no_reminder_off_hours_no_short_gap(
    start: datetime, advances: list[int], interval: int
) -> None:
    clock = FakeClock(start)
    schedule = ReminderSchedule(clock, interval_minutes=interval)
    last_mono: float | None = None
    for seconds in advances:
        clock.advance(seconds)
        events = stand_ups(schedule.check())
        assert len(events) <= 1
        wakeup = schedule.next_wakeup()
        assert wakeup is None or wakeup > clock.now()  # never a busy loop
        for event in events:
            assert schedule.hours.contains(event.at)
            if last_mono is not None:
                assert clock.monotonic() - last_mono >= interval * 60
            last_mono = clock.monotonic()


@settings(max_examples=150, deadline=None)
@given(
    start=starts,
    moves=st.lists(
        st.tuples(st.booleans(), st.integers(min_value=-2 * 3600, max_value=3 * 3600)),
        min_size=1,
        max_size=40,
    ),
)
def test_property_wall_jumps_never_shorten_sitting_time(
    start: datetime, moves: list[tuple[bool, int]]
) -> None:
    clock = FakeClock(start)
    schedule = ReminderSchedule(clock)
    last_mono: float | None = None
    for is_jump, seconds in moves:
        if is_jump:
            clock.set_wall(clock.now() + timedelta(seconds=seconds))
        else:
            clock.advance(abs(seconds))
        events = stand_ups(schedule.check())
        assert len(events) <= 1
        for event in events:
            assert schedule.hours.contains(event.at)
            if last_mono is not None:
                assert clock.monotonic() - last_mono >= 30 * 60
            last_mono = clock.monotonic()


def test_sitting_time_grows_through_ignored_reminders_and_restarts_on_a_break() -> None:
    clock, schedule = make()
    assert schedule.interval_running
    minutes(clock, 31)
    assert stand_ups(schedule.check())
    minutes(clock, 10)
    assert schedule.sitting_minutes() == 41  # still sitting: the reminder was ignored
    schedule.break_taken()
    assert schedule.sitting_minutes() == 0
    schedule.pause_for(60)
    assert not schedule.interval_running
