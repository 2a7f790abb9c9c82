"""Reminders worth showing: never to an empty chair, never over a presentation, never a burst.

`ReminderSchedule` knows *when* a reminder is due. This module adds what the desktop knows:

- **Idle time.** Someone who left the keyboard for a natural break (default 5 min) has already
  moved: when they come back, the interval restarts. A reminder that falls due while they are
  away is dropped, not shown to an empty desk.
- **Interruptions.** A reminder due while the person is busy waits, and is delivered right after
  as *one* reminder, however many fell due meanwhile. Busy means, asked in this order: a call
  (another program has the camera or microphone), an app of the person's list in front ("zoom"),
  a full-screen window or do-not-disturb. Each can be turned off; the card delivered afterwards
  says what held it and from when to when ("held during your call, 14:02-14:47").
- **Cheap waiting.** The Qt layer arms one single-shot timer for `seconds_until_wake()` and calls
  `wake_up()` when it fires. Idle time is read only while an interval runs, and not on a fixed beat:
  after reading `i` seconds of idle time, nobody can have been away for a natural break `b`
  before `b - i` more seconds have passed, so that is when the next reading is due. Someone at
  work therefore costs about one reading per natural break; only while they are away is it read
  every few seconds, to notice their return promptly.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import UTC, datetime
from enum import StrEnum

from spinecoach.core.clock import Clock
from spinecoach.core.presence import IdleSource, InterruptionSource
from spinecoach.core.reminders import (
    DailyExerciseDue,
    ReminderSchedule,
    SkipReason,
    SnoozeResult,
    StandUpDue,
)
from spinecoach.core.reminders.handover import Handover, HeldReminder, UnusableHandoverError

__all__ = ["Delivery", "DeliveryKind", "PauseLength", "ReminderService", "WakeOutcome"]

_log = logging.getLogger(__name__)

# While the person is away, how often to look whether they came back.
AWAY_POLL_SECONDS = 5.0
# Never read idle time more often than this, whatever the arithmetic says.
MIN_IDLE_POLL_SECONDS = 2.0
# A timer may fire a little early (Qt's coarse timers by up to a second). A reading due within
# this much is taken now, so an early wake never leads to a second one a few ms later.
IDLE_READ_SLACK_SECONDS = 1.0
# While a reminder waits for a full-screen window to close, how often to look again.
DEFER_POLL_SECONDS = 30.0
# The Qt timer's clock stops while the machine sleeps, so a long timer would fire late after a
# resume by the length of the sleep. Waking at least once a minute bounds that lateness.
MAX_SLEEP_SECONDS = 60.0


def _when(moment: datetime, now: datetime, *, at: bool = False) -> str:
    """Say when: 14:05 today, Tue 09:00 within a week, else 3 Mar 09:00; `at` adds "at"."""
    local = moment.astimezone(now.tzinfo)
    prefix = "at " if at else ""
    if local.date() == now.date():
        return f"{prefix}{local:%H:%M}"
    if (local.date() - now.date()).days < 7:
        return f"{'on ' if at else ''}{local:%a} {local:%H:%M}"
    return f"{'on ' if at else ''}{local.day} {local:%b %H:%M}"


def _duration(seconds: float) -> str:
    """Say how long: under a minute, 12 min, 1 h 05 min."""
    minutes = int(seconds // 60)
    if minutes < 1:
        return "under a minute"
    if minutes < 60:
        return f"{minutes} min"
    return f"{minutes // 60} h {minutes % 60:02d} min"


class DeliveryKind(StrEnum):
    """What a delivered reminder asks for."""

    STAND_UP = "stand_up"
    DAILY_EXERCISE = "daily_exercise"


@dataclass(frozen=True, slots=True)
class Delivery:
    """A reminder to show now."""

    kind: DeliveryKind
    at: datetime
    sitting_minutes: int
    deferred_for: str | None = None  # what it waited for, e.g. "a full-screen window"
    #: When it was first held and when it was let go (local wall times; None when not held).
    held_from: datetime | None = None
    held_until: datetime | None = None


class PauseLength(StrEnum):
    """How long the person paused reminders from the tray."""

    HOUR = "hour"
    TOMORROW = "tomorrow"
    RESUMED = "resumed"  # until they resume them


@dataclass(frozen=True, slots=True)
class WakeOutcome:
    """What a wake means for the screen.

    `show` is the one card to show (when both fall due at once, the daily card, which offers the
    desk break too, and comes once). `came_back` is True when the person came back from a
    natural break since the last wake: a stand-up card still on screen has done its job.
    """

    show: Delivery | None
    came_back: bool


class ReminderService:
    """The schedule plus idle and interruption sources; see the module docstring.

    The UI talks to this object only (the facade): `wake_up`, `snooze`, `skip`, `pause`,
    `resume`, `break_started`, `session_started`, `session_finished`, `status_text`,
    `reminders_off`, `snoozes_left`, `seconds_until_wake`. The rules of which card wins and what a
    session does to a held reminder live here, where tests drive them with a fake clock.
    """

    def __init__(
        self,
        schedule: ReminderSchedule,
        clock: Clock,
        idle: IdleSource,
        interruptions: InterruptionSource,
        *,
        idle_detection: bool = True,
        defer_when_busy: bool = True,
        calls: InterruptionSource | None = None,
        apps: InterruptionSource | None = None,
        wait_during_calls: bool = True,
    ) -> None:
        """Wire the schedule to the clock and the desktop's sources.

        `interruptions`: full screen and do-not-disturb; `calls`: camera or microphone in use;
        `apps`: the person's list of apps and windows (an empty list: never busy).
        """
        self.schedule = schedule
        self._clock = clock
        self._idle = idle
        self._interruptions = interruptions
        self._calls = calls
        self._apps = apps
        self.idle_detection = idle_detection
        self.defer_when_busy = defer_when_busy
        self.wait_during_calls = wait_during_calls
        self._held: dict[DeliveryKind, Delivery] = {}
        self._held_for: str | None = None
        self._held_since: datetime | None = None
        self._last_idle: float | None = None  # the previous reading, seconds
        self._last_idle_mono = 0.0
        self._next_idle_read_mono: float | None = None
        # When the person last came back from a natural break (monotonic seconds): the UI
        # closes a stand-up reminder that was still on screen, since they already moved.
        self.back_from_break_at: float | None = None
        self._seen_return: float | None = None

    # --- state ---------------------------------------------------------------------------------

    @property
    def idle_source(self) -> IdleSource:
        """Where idle time comes from (may be unavailable)."""
        return self._idle

    @property
    def interruption_source(self) -> InterruptionSource:
        """Where full-screen and do-not-disturb come from (may be unavailable)."""
        return self._interruptions

    @property
    def call_source(self) -> InterruptionSource | None:
        """Where "camera or microphone in use" comes from (None: not asked at all)."""
        return self._calls

    @property
    def app_source(self) -> InterruptionSource | None:
        """Where "one of my apps is in front" comes from (None: not asked at all)."""
        return self._apps

    @property
    def held_since(self) -> datetime | None:
        """When the reminder waiting now was first held, or None."""
        return self._held_since if self._held else None

    @property
    def waiting_for(self) -> str | None:
        """What a held reminder waits for ("a full-screen window"), or None."""
        return self._held_for if self._held else None

    @property
    def person_away(self) -> bool:
        """Whether the last idle reading said the person is on a natural break."""
        return self._last_idle is not None and self._last_idle >= self._break_seconds

    def status_text(self) -> str:
        """One line for the tray's tooltip and menu: when the next reminder comes, or why not."""
        schedule = self.schedule
        if not schedule.enabled:
            return "Stand-up reminders are off"
        if schedule.in_session:
            return "Reminders wait while you exercise"
        if schedule.paused_until_resumed:
            return "Reminders paused until you resume them"
        now = self._clock.now()
        paused_until = schedule.paused_until
        if paused_until is not None:
            return f"Reminders paused until {_when(paused_until, now)}"
        if self.waiting_for is not None:
            return f"A reminder is held during {self.waiting_for}"
        due = schedule.next_due()
        if due is None:
            return "No working hours set, so no stand-up reminders"
        text = f"Next stand-up reminder {_when(due, now, at=True)}"
        left = (due.astimezone(UTC) - now.astimezone(UTC)).total_seconds()
        if due.date() == now.date() and left < 3 * 3600:
            text += f" (in {_duration(left)})"
        return text

    # --- the timer's callback ------------------------------------------------------------------

    def due_deliveries(self) -> list[Delivery]:
        """Read what is due and what the desktop says; every reminder due now, in order.

        The rule for which one card shows is `wake_up`'s; this is the step under it (the
        core's tests count every delivery).
        """
        away = self._read_idle()
        due: list[Delivery] = []
        sitting = self.schedule.sitting_minutes()
        for event in self.schedule.check():
            if isinstance(event, StandUpDue):
                if away:
                    _log.info("stand-up reminder not shown: the person is away from the desk")
                    continue
                due.append(Delivery(DeliveryKind.STAND_UP, event.at, sitting))
            elif isinstance(event, DailyExerciseDue):
                due.append(Delivery(DeliveryKind.DAILY_EXERCISE, event.at, sitting))
        if away:
            self._held.pop(DeliveryKind.STAND_UP, None)  # they got up while it waited
        for delivery in due:
            self._held[delivery.kind] = delivery  # a later one replaces an earlier: never a burst
        if not self._held:
            self.forget_held()  # nothing waits (the person got up meanwhile): no stale hold
            return []
        busy = self._busy()
        if busy is not None:
            if self._held_for is None:
                # The first reason is the one the card names: what the person was doing when
                # the reminder fell due (a call that turns into a full-screen share stays a call).
                _log.info("reminder waits: %s", busy)
                self._held_for = busy
                self._held_since = self._clock.now()
            return []
        waited_for, self._held_for = self._held_for, None
        since, self._held_since = self._held_since, None
        until = self._clock.now() if waited_for is not None else None
        delivered = [
            Delivery(d.kind, d.at, self.schedule.sitting_minutes(), waited_for, since, until)
            for d in self._held.values()
        ]
        if waited_for is not None and DeliveryKind.STAND_UP in self._held:
            self.schedule.shown_late()  # once after the call, then a full interval
        self._held.clear()
        return delivered

    def seconds_until_wake(self) -> float | None:
        """How long the Qt timer should sleep; None when reminders are off (nothing to wait for)."""
        if not self.schedule.enabled:
            return None
        now_mono = self._clock.monotonic()
        candidates = [MAX_SLEEP_SECONDS]
        wakeup = self.schedule.next_wakeup()
        if wakeup is not None:
            now = self._clock.now()
            candidates.append((wakeup.astimezone(UTC) - now.astimezone(UTC)).total_seconds())
        if self._held:
            candidates.append(DEFER_POLL_SECONDS)
        if self._watching_idle():
            if self._next_idle_read_mono is None:
                candidates.append(0.0)
            else:
                candidates.append(self._next_idle_read_mono - now_mono)
        return max(0.0, min(candidates))

    @property
    def reminders_off(self) -> bool:
        """True while reminders are off or paused by the person (a session is not a pause)."""
        schedule = self.schedule
        return not schedule.enabled or (schedule.is_paused and not schedule.in_session)

    @property
    def snoozes_left(self) -> int:
        """How many snoozes in a row the card may still offer."""
        return self.schedule.snoozes_left

    def wake_up(self) -> WakeOutcome:
        """The timer fired: the one card to show now, if any, and whether they came back."""
        deliveries = self.due_deliveries()
        returned = self.back_from_break_at
        came_back = returned is not None and returned != self._seen_return
        if came_back:
            self._seen_return = returned
        show = next(
            (d for d in deliveries if d.kind is DeliveryKind.DAILY_EXERCISE),
            deliveries[0] if deliveries else None,
        )
        return WakeOutcome(show, came_back)

    # --- what the person did -------------------------------------------------------------------

    def snooze(self, minutes: int) -> SnoozeResult:
        """Put the reminder off (refused after three in a row; the result says why)."""
        return self.schedule.snooze(minutes)

    def skip(self, reason: SkipReason | None) -> None:
        """Skip this reminder, with the reason given, if any."""
        self.schedule.skip(reason)

    def pause(self, how: PauseLength) -> None:
        """Pause reminders; a reminder waiting for a full-screen window is dropped too."""
        match how:
            case PauseLength.HOUR:
                self.schedule.pause_for(60)
            case PauseLength.TOMORROW:
                self.schedule.pause_until_tomorrow()
            case PauseLength.RESUMED:
                self.schedule.pause_until_resumed()
        self.forget_held()

    def resume(self) -> None:
        """End a pause the person asked for; the interval starts fresh."""
        self.schedule.resume()

    def break_started(self) -> None:
        """The person took the desk break from a card: a waiting reminder is moot."""
        self.forget_held()

    def session_started(self) -> None:
        """A session plays: no reminder interrupts it, and one waiting is dropped."""
        self.schedule.session_started()
        self.forget_held()

    def session_finished(self, completed: bool) -> None:
        """The person moved: the interval restarts."""
        self.schedule.session_finished(completed)

    def forget_held(self) -> None:
        """Drop a waiting reminder (the person started a session or paused reminders)."""
        self._held.clear()
        self._held_for = None
        self._held_since = None

    # --- handing over to the next process -------------------------------------------------------

    def handover(self) -> Handover:
        """The schedule and any held reminder, for the process that follows this one."""
        held = tuple(HeldReminder(d.kind.value, d.at) for d in self._held.values())
        return Handover(
            wall=self._clock.now().astimezone(UTC),
            mono=self._clock.monotonic(),
            schedule=self.schedule.state(),
            held=held,
            held_for=self._held_for if held else None,
            held_since=self._held_since if held else None,
        )

    def take_over(self, handover: Handover) -> None:
        """Carry on from the previous process; `UnusableHandoverError` when it cannot be used."""
        handover.check_usable(self._clock.now(), self._clock.monotonic())
        kinds = {kind.value: kind for kind in DeliveryKind}
        if any(held.kind not in kinds for held in handover.held):
            raise UnusableHandoverError("a held reminder of an unknown kind")
        self.schedule.take_state(handover.schedule)
        sitting = self.schedule.sitting_minutes()
        self._held = {
            kinds[held.kind]: Delivery(kinds[held.kind], held.at, sitting) for held in handover.held
        }
        self._held_for = handover.held_for if self._held else None
        self._held_since = handover.held_since if self._held else None

    # --- internals -----------------------------------------------------------------------------

    @property
    def _break_seconds(self) -> float:
        return float(self.schedule.natural_break_minutes * 60)

    def _watching_idle(self) -> bool:
        return self.idle_detection and self._idle.available and self.schedule.interval_running

    def _read_idle(self) -> bool:
        """Read idle time if it is worth it; True while the person is away on a natural break."""
        if not self._watching_idle():
            self._last_idle = None
            self._next_idle_read_mono = None
            return False
        mono = self._clock.monotonic()
        due = self._next_idle_read_mono
        if due is not None and mono < due - IDLE_READ_SLACK_SECONDS:
            return self.person_away  # not yet worth a reading
        idle = self._idle.idle_seconds()
        if idle is None:
            self._next_idle_read_mono = mono + MAX_SLEEP_SECONDS
            return False
        previous, previous_mono = self._last_idle, self._last_idle_mono
        if previous is not None and previous >= self._break_seconds and idle < previous:
            # Back at the desk. The stretch ran from (previous_mono - previous) to (mono - idle).
            away_for = (mono - idle) - (previous_mono - previous)
            if self.schedule.user_was_idle(away_for):
                self.back_from_break_at = mono
                _log.info("back after %.0f s away: the reminder interval restarts", away_for)
        self._last_idle, self._last_idle_mono = idle, mono
        if idle >= self._break_seconds:
            wait = AWAY_POLL_SECONDS
        else:
            wait = max(MIN_IDLE_POLL_SECONDS, self._break_seconds - idle)
        self._next_idle_read_mono = mono + wait
        return idle >= self._break_seconds

    def _busy(self) -> str | None:
        """What the person is busy with now, asked in order: a call, their apps, the desktop."""
        asked: list[InterruptionSource] = []
        if self.wait_during_calls and self._calls is not None:
            asked.append(self._calls)
        if self._apps is not None:
            asked.append(self._apps)
        if self.defer_when_busy:
            asked.append(self._interruptions)
        for source in asked:
            if source.available:
                answer = source.interruption()
                if answer:
                    return answer
        return None
