"""Issue 18: the reminders carry on across the restart in the tray, never missing or doubling.

The old process's service hands over (`handover()` -> JSON -> `take_over`) to a new service
built as a fresh start builds it; from then on the new one must deliver exactly what the old
one would have.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from spinecoach.core.clock import FakeClock
from spinecoach.core.reminder_service import PauseLength, ReminderService
from spinecoach.core.reminders import ReminderSchedule
from spinecoach.core.reminders.handover import (
    MAX_AGE_SECONDS,
    Handover,
    ScheduleState,
    UnusableHandoverError,
    decode,
    encode,
)
from spinecoach.core.reminders.pause import ForMinutes, UntilResumed, UntilWorkStarts
from tests.core.test_reminder_service import MONDAY_9, FakeIdle, FakeInterruptions, run


def service_on(clock: FakeClock, screen: FakeInterruptions | None = None) -> ReminderService:
    """A service as a start builds it (a fresh interval from now)."""
    schedule = ReminderSchedule(clock, interval_minutes=30, natural_break_minutes=5)
    return ReminderService(schedule, clock, FakeIdle(clock), screen or FakeInterruptions(clock))


def restarted(old: ReminderService, clock: FakeClock, seconds: float = 1.5) -> ReminderService:
    """What the restart does: hand over as JSON, a second and a half, a new service takes over."""
    text = encode(old.handover())
    clock.advance(seconds)
    new = service_on(clock)
    new.take_over(decode(text))
    return new


def stand_ups(deliveries: list) -> list[float]:  # type: ignore[type-arg]
    return [round((d.at - MONDAY_9).total_seconds() / 60, 1) for d in deliveries]


def test_the_next_reminder_keeps_its_time_across_the_restart() -> None:
    clock = FakeClock(MONDAY_9)
    old = service_on(clock)
    run(clock, old, 20)  # 20 minutes of sitting
    new = restarted(old, clock)
    result = run(clock, new, 15)
    assert stand_ups(result.deliveries) == [30.0]  # not 20 + 30 = 50: no fresh interval
    assert result.deliveries[0].sitting_minutes == 30


def test_without_a_handover_a_start_begins_a_fresh_interval() -> None:
    """The bug the handover fixes: a plain restart would push the reminder back."""
    clock = FakeClock(MONDAY_9)
    run(clock, service_on(clock), 20)
    fresh = service_on(clock)
    assert stand_ups(run(clock, fresh, 15).deliveries) == []


def test_snoozes_and_a_pause_survive() -> None:
    clock = FakeClock(MONDAY_9)
    old = service_on(clock)
    run(clock, old, 31)
    old.snooze(5)
    old.snooze(5)
    new = restarted(old, clock)
    assert new.snoozes_left == 1
    old.pause(PauseLength.HOUR)
    new = restarted(old, clock)
    assert new.status_text() == old.status_text()
    assert new.schedule.paused_until == old.schedule.paused_until


def test_a_reminder_held_for_a_call_is_still_held_and_named() -> None:
    clock = FakeClock(MONDAY_9)
    screen = FakeInterruptions(clock, busy=[(25, 45)])
    old = service_on(clock, screen)
    run(clock, old, 35)
    assert old.waiting_for == "a full-screen window"
    text = encode(old.handover())
    clock.advance(1)
    new = service_on(clock, FakeInterruptions(clock, busy=[(25, 45)]))
    new.take_over(decode(text))
    result = run(clock, new, 12)
    assert len(result.deliveries) == 1  # once, after the call
    delivered = result.deliveries[0]
    assert delivered.deferred_for == "a full-screen window"
    assert delivered.held_from == MONDAY_9 + timedelta(minutes=30)


def test_the_daily_reminder_given_today_is_not_given_again() -> None:
    clock = FakeClock(MONDAY_9)
    old = service_on(clock)
    old.schedule.daily_exercise_reminder_at = time(9, 10)
    assert len(run(clock, old, 15).deliveries) == 1
    new = restarted(old, clock)
    new.schedule.daily_exercise_reminder_at = time(9, 10)
    assert run(clock, new, 10).deliveries == []


@pytest.mark.parametrize(
    ("advance", "monotonic_back"),
    [(MAX_AGE_SECONDS + 1, False), (1, True)],
    ids=["too old", "another boot"],
)
def test_a_handover_from_another_boot_or_too_old_is_refused(
    advance: float, monotonic_back: bool
) -> None:
    clock = FakeClock(MONDAY_9)
    old = service_on(clock)
    run(clock, old, 20)
    text = encode(old.handover())
    clock.advance(advance)
    handover = decode(text)
    if monotonic_back:
        handover = Handover(handover.wall, clock.monotonic() + 100, handover.schedule)
    new = service_on(clock)
    with pytest.raises(UnusableHandoverError):
        new.take_over(handover)
    assert new.schedule.sitting_minutes() == 0  # untouched: a fresh interval


@pytest.mark.parametrize("text", ["", "[]", '{"format": 2}', '{"format": 1, "wall": "x"}', "{" * 3])
def test_damaged_handovers_are_refused_in_words(text: str) -> None:
    with pytest.raises(UnusableHandoverError):
        decode(text)


pauses = st.one_of(
    st.none(),
    st.floats(0, 1e6).map(ForMinutes),
    st.datetimes(timezones=st.just(UTC)).map(UntilWorkStarts),
    st.just(UntilResumed()),
)


@settings(max_examples=60, deadline=None)
@given(
    due=st.one_of(st.none(), st.floats(0, 1e7)),
    since=st.floats(0, 1e7),
    snoozes=st.integers(0, 3),
    pause=pauses,
    given_day=st.one_of(st.none(), st.tuples(st.dates(), st.integers(0, 8))),
    from_snooze=st.booleans(),
)
def test_encode_and_decode_agree(
    due: float | None,
    since: float,
    snoozes: int,
    pause: object,
    given_day: tuple[date, int] | None,
    from_snooze: bool,
) -> None:
    state = ScheduleState(due, since, from_snooze, snoozes, pause, given_day)  # type: ignore[arg-type]
    handover = Handover(datetime(2026, 3, 2, 9, tzinfo=UTC), 123.5, state)
    assert decode(encode(handover)) == handover
