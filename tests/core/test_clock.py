"""The injected clocks."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from spinecoach.core.clock import FakeClock, SystemClock


def test_fake_clock_moves_only_when_told() -> None:
    start = datetime(2026, 5, 1, 8, 30, tzinfo=timezone(timedelta(hours=2)))
    clock = FakeClock(start, monotonic_start=10.0)
    assert (clock.now(), clock.monotonic()) == (start, 10.0)
    clock.advance(90.5)
    assert clock.monotonic() == 100.5
    assert clock.now() == start + timedelta(seconds=90.5)


def test_wall_clock_jump_leaves_monotonic_alone() -> None:
    clock = FakeClock()
    before = clock.monotonic()
    clock.set_wall(clock.now() + timedelta(hours=7))
    assert clock.monotonic() == before


def test_fake_clock_refuses_naive_times_and_negative_steps() -> None:
    with pytest.raises(ValueError, match="timezone-aware"):
        FakeClock(datetime(2026, 1, 1))
    with pytest.raises(ValueError, match="backwards"):
        FakeClock().advance(-1)


def test_system_clock_gives_aware_local_time_and_monotonic_seconds() -> None:
    clock = SystemClock()
    assert clock.now().tzinfo is not None
    first = clock.monotonic()
    assert clock.monotonic() >= first


def test_fake_clock_advances_real_time_across_a_dst_change() -> None:
    from zoneinfo import ZoneInfo

    berlin = ZoneInfo("Europe/Berlin")
    # 29 March 2026: clocks in Berlin go from 02:00 to 03:00.
    clock = FakeClock(datetime(2026, 3, 29, 1, 30, tzinfo=berlin))
    clock.advance(3600)
    assert clock.now().hour == 3
    assert clock.now().minute == 30
    assert clock.now().utcoffset() == timedelta(hours=2)
