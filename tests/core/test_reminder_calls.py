"""Issue 18: never in the middle of a call, nor while an app of the person's list is in front.

The call and app sources are asked before full screen and do-not-disturb; a reminder held for
any of them is delivered once afterwards, naming what held it and from when to when. Driven by
`test_reminder_service.run`, which plays the Qt timer exactly.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

from hypothesis import example, given, settings
from hypothesis import strategies as st

from spinecoach.core.clock import FakeClock
from spinecoach.core.reminder_service import DeliveryKind, ReminderService
from spinecoach.core.reminders import ReminderSchedule
from tests.core.test_reminder_service import MONDAY_9, FakeIdle, FakeInterruptions, merged, run


@dataclass
class FakeBusy:
    """Busy with `answer` between the given minutes after 09:00."""

    clock: FakeClock
    answer: str
    busy: list[tuple[float, float]] = field(default_factory=list)
    name: str = "fake"
    available: bool = True
    reason: str = ""
    asks: int = 0
    patterns: tuple[str, ...] = ()

    def interruption(self) -> str | None:
        self.asks += 1
        minute = (self.clock.now() - MONDAY_9).total_seconds() / 60
        return self.answer if any(a <= minute < b for a, b in self.busy) else None

    def set_patterns(self, patterns: tuple[str, ...]) -> None:
        self.patterns = patterns


def make(
    **options: object,
) -> tuple[FakeClock, FakeBusy, FakeBusy, FakeInterruptions, ReminderService]:
    clock = FakeClock(MONDAY_9)
    calls, apps = FakeBusy(clock, "your call"), FakeBusy(clock, "zoom")
    screen = FakeInterruptions(clock)
    schedule = ReminderSchedule(clock, interval_minutes=30, natural_break_minutes=5)
    service = ReminderService(
        schedule,
        clock,
        FakeIdle(clock),
        screen,
        calls=calls,
        apps=apps,
        **options,  # type: ignore[arg-type]
    )
    return clock, calls, apps, screen, service


def minutes(moment: datetime | None) -> float:
    assert moment is not None
    return round((moment - MONDAY_9).total_seconds() / 60, 1)


def test_a_call_holds_the_reminder_and_the_card_says_from_when_to_when() -> None:
    clock, calls, _apps, _screen, service = make()
    calls.busy = [(25, 47)]
    result = run(clock, service, 50)
    assert len(result.deliveries) == 1
    held = result.deliveries[0]
    assert held.deferred_for == "your call"
    assert minutes(held.held_from) == 30.0  # it fell due at 09:30, during the call
    assert 47.0 <= minutes(held.held_until) <= 47.5  # let go at the first look after the call
    assert minutes(held.at) == 30.0


def test_the_call_is_named_even_when_a_full_screen_share_follows() -> None:
    clock, calls, _apps, screen, service = make()
    calls.busy = [(25, 40)]
    screen.busy = [(35, 50)]
    delivery = run(clock, service, 55).deliveries[0]
    assert delivery.deferred_for == "your call"
    assert minutes(delivery.held_until) >= 50.0


def test_calls_can_be_turned_off_apart_from_full_screen() -> None:
    clock, calls, _apps, _screen, service = make(wait_during_calls=False)
    calls.busy = [(0, 60)]
    result = run(clock, service, 31)
    assert [minutes(d.at) for d in result.deliveries] == [30.0]
    assert calls.asks == 0  # not even asked
    assert result.deliveries[0].deferred_for is None
    assert result.deliveries[0].held_from is None


def test_an_app_of_the_list_in_front_holds_it_too() -> None:
    clock, _calls, apps, _screen, service = make()
    apps.busy = [(29, 33)]
    delivery = run(clock, service, 40).deliveries[0]
    assert delivery.deferred_for == "zoom"
    assert service.status_text().startswith("Next stand-up reminder")


def test_a_call_source_that_cannot_tell_never_holds_anything() -> None:
    clock, calls, _apps, _screen, service = make()
    calls.available, calls.busy = False, [(0, 60)]
    result = run(clock, service, 31)
    assert [d.deferred_for for d in result.deliveries] == [None]
    assert calls.asks == 0


def test_status_text_while_held_for_a_call() -> None:
    clock, calls, _apps, _screen, service = make()
    calls.busy = [(0, 100)]
    run(clock, service, 31)
    assert service.status_text() == "A reminder is held during your call"
    assert minutes(service.held_since) == 30.0


def test_starting_a_session_drops_the_held_reminder_and_its_times() -> None:
    clock, calls, _apps, _screen, service = make()
    calls.busy = [(25, 40)]
    run(clock, service, 35)
    service.session_started()
    assert service.held_since is None
    service.session_finished(True)
    result = run(clock, service, 20)
    assert result.deliveries == []  # the session was the break; the next one is 30 min later


@settings(max_examples=80, deadline=None)
@given(
    calls=st.lists(
        st.tuples(st.integers(0, 170), st.integers(1, 60)).map(lambda p: (p[0], p[0] + p[1])),
        max_size=4,
    ),
    apps=st.lists(
        st.tuples(st.integers(0, 170), st.integers(1, 30)).map(lambda p: (p[0], p[0] + p[1])),
        max_size=3,
    ),
)
@example(calls=[], apps=[(29, 59)])  # let go at 09:59: the next must not come at 10:00
def test_never_shown_during_a_call_and_delivered_once_after(
    calls: list[tuple[int, int]], apps: list[tuple[int, int]]
) -> None:
    clock, call_source, app_source, _screen, service = make()
    call_source.busy, app_source.busy = list(calls), list(apps)
    result = run(clock, service, 240)
    busy = merged([*calls, *apps])
    shown = [minutes(d.held_until) if d.held_until else minutes(d.at) for d in result.deliveries]
    for delivery, moment in zip(result.deliveries, shown, strict=True):
        # Never while a call or a listed app is on (shown = when it was let go, or when due).
        shown_at = moment if delivery.held_until else minutes(delivery.at)
        assert not any(start <= shown_at < end for start, end in busy), (shown_at, busy)
        if delivery.held_from is not None:
            assert delivery.held_until is not None and delivery.held_from <= delivery.held_until
            # Let go within one look (30 s) of the end of what held it.
            ends = [
                end for start, end in busy if start <= minutes(delivery.held_until) <= end + 0.5
            ]
            assert ends, (delivery, busy)
    # Delivered once: never two stand-up cards within an interval, however long the hold.
    stand_ups = [
        m for d, m in zip(result.deliveries, shown, strict=True) if d.kind is DeliveryKind.STAND_UP
    ]
    assert all(b - a >= 1 for a, b in itertools.pairwise(stand_ups)), stand_ups
    held = [d for d in result.deliveries if d.held_from is not None]
    # Each hold yields exactly one card: the held cards' spans never overlap.
    spans = sorted((minutes(d.held_from), minutes(d.held_until)) for d in held)
    assert all(a[1] <= b[0] for a, b in itertools.pairwise(spans)), spans


def test_held_times_are_wall_clock_times() -> None:
    clock, calls, _apps, _screen, service = make()
    calls.busy = [(25, 47)]
    delivery = run(clock, service, 60).deliveries[0]
    assert delivery.held_from is not None and delivery.held_from.tzinfo is not None
    assert delivery.held_from.astimezone(UTC) == MONDAY_9 + timedelta(minutes=30)


def test_a_hold_dropped_because_the_person_got_up_leaves_no_stale_times() -> None:
    """Held at 09:30 during a call, then away (the card is moot); the next hold starts afresh."""
    clock = FakeClock(MONDAY_9)
    calls = FakeBusy(clock, "your call", busy=[(25, 45), (75, 90)])
    idle = FakeIdle(clock)
    idle.away = [(35, 50)]
    schedule = ReminderSchedule(clock, interval_minutes=30, natural_break_minutes=5)
    service = ReminderService(
        schedule, clock, idle, FakeInterruptions(clock), calls=calls, apps=None
    )
    result = run(clock, service, 95)
    held = [d for d in result.deliveries if d.held_from is not None]
    assert held, result.deliveries
    assert all(minutes(d.held_from) >= 75 for d in held), held  # not 09:30 (stale)
