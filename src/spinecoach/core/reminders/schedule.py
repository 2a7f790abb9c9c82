"""The stand-up reminder schedule: when to tell a desk worker to get up, and when not to.

The schedule owns no timer. The Qt layer arms ONE single-shot timer for `next_wakeup()` and calls
`check()` when it fires, after a resume from suspend, and whenever it likes; `check()` returns
the events that are due, and calling it early or twice is harmless. After every call that changes
the schedule (snooze, skip, pause, ...) the Qt layer re-arms its timer from `next_wakeup()`.

Which clock measures what:

- **Sitting time is measured on the monotonic clock.** The pending reminder is a deadline
  `_due_mono` on `clock.monotonic()`. The interval is "minutes spent sitting", a duration, so a
  DST change or the user setting the clock back or forward can neither fire a reminder early nor
  hold one back. `next_due()` turns the deadline into a wall-clock time only for display and for
  the Qt timer: `now + (deadline - monotonic)`.
- **Working hours are decided on the wall clock**, in local time (`tz`, else the offset of the
  clock's own reading). No `StandUpDue` is ever emitted outside them. When the next reminder would
  fall outside working hours, it is moved: at the start of the next working period the interval
  starts fresh, so the first reminder of the day is `start + interval`. The interval also starts
  fresh the first time `check()` sees a new working period (e.g. the machine was woken at 10:30:
  the first reminder is at 11:00, not at once).
- **Catching up never bursts.** However late `check()` runs (a blocked event loop, a machine
  that slept through the deadline), it emits at most one `StandUpDue`, and the next deadline is
  computed from now, never chained from the missed one.
- **Wall-clock jumps.** Each `check()` compares how far the wall clock (in UTC, so DST shifts
  do not count) and the monotonic clock moved since the previous call. A real suspend stops the
  monotonic clock on Linux while the wall clock runs on; the person was away from the desk, so a
  forward jump of at least `natural_break_minutes` restarts the interval like a natural break. A
  user setting the clock forward looks the same and is treated the same (one reminder comes late).
  A backward jump changes nothing: the sitting deadline is monotonic.

Snoozes (5, 10 or 15 minutes) move the pending reminder; at most three in a row, the fourth is
refused with a `SnoozeResult` the UI can show. The count starts again after a real break (skip,
desk break, session, idle time, pause) or when a reminder comes from a full interval.

Kept whole although over 500 lines: it is one object whose methods all read and move the same
few fields (the deadline, the pause, the snooze count), so the rules above are best read beside
them; what stands alone is already apart (`daily_plan`, `working_hours`, `pause`, `handover`).
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from datetime import UTC, date, datetime, time, timedelta, tzinfo

from spinecoach.core.clock import Clock
from spinecoach.core.reminders.daily_plan import (
    ONCE_A_DAY,
    DailyState,
    DailyTarget,
    count_done,
    due_slot,
    next_reminder,
)
from spinecoach.core.reminders.events import (
    DailyExerciseDue,
    ReminderEvent,
    Skipped,
    SkipReason,
    SnoozeRefused,
    SnoozeResult,
    StandUpDue,
)
from spinecoach.core.reminders.handover import ScheduleState
from spinecoach.core.reminders.pause import ForMinutes, Pause, UntilResumed, UntilWorkStarts
from spinecoach.core.reminders.stored_settings import daily_setting, hours_setting
from spinecoach.core.reminders.working_hours import WorkingHours
from spinecoach.core.settings import SETTINGS_BY_KEY, resolve

_log = logging.getLogger(__name__)

SNOOZE_CHOICES: tuple[int, ...] = (5, 10, 15)
MAX_SNOOZES = 3
SNOOZE_REFUSED_MESSAGE = "You have snoozed three times; time to stand up"

# Wall and monotonic clocks may disagree by this much between two checks without it counting as
# a jump (timer jitter, NTP slewing).
_JUMP_TOLERANCE_SECONDS = 60.0

# A monotonic deadline this close counts as reached. Wall times carry microseconds only, so
# `next_due()` may round a deadline a fraction of a microsecond away to "now"; the timer armed
# for it must then find it due, not wake again and again for the last sliver.
_REACHED_SECONDS = 0.001


def _plus(moment: datetime, seconds: float) -> datetime:
    """`moment` + elapsed seconds, in absolute time (aware arithmetic in one zone is wall time)."""
    zone = moment.tzinfo
    return (moment.astimezone(UTC) + timedelta(seconds=seconds)).astimezone(zone)


class ReminderSchedule:
    """Decides when the next stand-up and daily-exercise reminders are due; see the module doc."""

    def __init__(
        self,
        clock: Clock,
        interval_minutes: int = 30,
        hours: WorkingHours | None = None,
        tz: tzinfo | None = None,
        *,
        natural_break_minutes: int = 5,
        enabled: bool = True,
        daily_exercise_reminder_at: time | None = None,
    ) -> None:
        self._clock = clock
        self._tz = tz
        self._interval = self._checked("reminder_interval_minutes", interval_minutes)
        self._natural_break = self._checked("natural_break_minutes", natural_break_minutes)
        self._hours = hours if hours is not None else WorkingHours.default()
        self._enabled = enabled
        self.daily_exercise_reminder_at = daily_exercise_reminder_at
        self._due_mono: float | None = None  # None: parked until the next working period
        self._sitting_since_mono = self._clock.monotonic()
        self._due_from_snooze = False
        self._snoozes = 0
        self._pause: Pause | None = None  # a pause the person asked for (one kind at a time)
        self._in_session = False
        # The daily reminder: how often (a programme's frequency), the completed sessions it
        # counts (the last eight days are enough for today and this week), the slots given today.
        self._daily_target = ONCE_A_DAY
        self._sessions_done: list[datetime] = []
        self._daily_given: tuple[date, int] | None = None
        now, mono = self._now(), self._clock.monotonic()
        self._last_wall = now.astimezone(UTC)
        self._last_mono = mono
        self._restart(now, mono)

    @classmethod
    def from_settings(
        cls, clock: Clock, stored: Mapping[str, object], tz: tzinfo | None = None
    ) -> ReminderSchedule:
        """Build the schedule from stored settings; invalid values fall back to defaults."""
        return cls(
            clock,
            interval_minutes=resolve("reminder_interval_minutes", stored),
            hours=hours_setting(stored),
            tz=tz,
            natural_break_minutes=resolve("natural_break_minutes", stored),
            enabled=resolve("reminders_enabled", stored),
            daily_exercise_reminder_at=daily_setting(stored),
        )

    def apply_settings(self, stored: Mapping[str, object]) -> None:
        """Take changed settings while running, read as `from_settings` reads them.

        Only what differs is set: a new interval restarts the count, an unchanged one must not.
        """
        interval = resolve("reminder_interval_minutes", stored)
        if interval != self._interval:
            self.interval_minutes = interval
        hours = hours_setting(stored)
        if hours != self._hours:
            self.hours = hours
        self.natural_break_minutes = resolve("natural_break_minutes", stored)
        self.daily_exercise_reminder_at = daily_setting(stored)
        self.enabled = resolve("reminders_enabled", stored)

    @staticmethod
    def _checked(key: str, value: int) -> int:
        """Validate against the settings declaration, so the limits live in one place."""
        checked: int = SETTINGS_BY_KEY[key].validate(value)
        return checked

    # --- configuration ---------------------------------------------------------------------

    @property
    def interval_minutes(self) -> int:
        """Minutes of sitting between two stand-up reminders."""
        return self._interval

    @interval_minutes.setter
    def interval_minutes(self, minutes: int) -> None:
        """A new interval restarts the count: the old deadline was promised for the old one."""
        self._interval = self._checked("reminder_interval_minutes", minutes)
        self._restart(self._now(), self._clock.monotonic())

    @property
    def hours(self) -> WorkingHours:
        """The working hours; a change takes effect at once (parked or fresh at next check)."""
        return self._hours

    @hours.setter
    def hours(self, hours: WorkingHours) -> None:
        self._hours = hours
        now, mono = self._now(), self._clock.monotonic()
        if not hours.contains(now):
            self._due_mono = None
        elif self._due_mono is None:
            self._restart(now, mono)

    @property
    def natural_break_minutes(self) -> int:
        """Idle or away time after which the interval restarts."""
        return self._natural_break

    @natural_break_minutes.setter
    def natural_break_minutes(self, minutes: int) -> None:
        self._natural_break = self._checked("natural_break_minutes", minutes)

    @property
    def enabled(self) -> bool:
        """Whether any reminder is given at all."""
        return self._enabled

    @enabled.setter
    def enabled(self, enabled: bool) -> None:
        """Turning reminders back on starts a fresh interval: time while off is not counted."""
        if enabled and not self._enabled:
            now, mono = self._now(), self._clock.monotonic()
            self._observe(now, mono)
            self._restart(now, mono)
        self._enabled = enabled

    # --- queries ---------------------------------------------------------------------------

    def next_due(self) -> datetime | None:
        """The local wall time of the next stand-up reminder, within working hours.

        None when disabled, paused until resumed, during a session, or with no working day.
        """
        if not self._enabled or isinstance(self._pause, UntilResumed) or self._in_session:
            return None
        if self._hours.is_empty:
            return None
        now, mono = self._now(), self._clock.monotonic()
        paused_until = self.paused_until
        if paused_until is not None:
            return self._fresh_due(paused_until)
        if self._due_mono is None:
            return self._fresh_due(now)
        due = _plus(now, max(0.0, self._due_mono - mono))
        period = self._hours.period_start(now)
        if period is None:
            return self._fresh_due(now)  # not checked since hours ended: parked in effect
        if self._hours.period_start(due) == period:
            return due
        return self._fresh_due(self._hours.next_start_after(now))

    def next_wakeup(self) -> datetime | None:
        """When the Qt layer should call `check()` next; None when nothing can happen."""
        if not self._enabled:
            return None
        now = self._now()
        candidates: list[datetime] = []
        due = self.next_due()
        if due is not None:
            candidates.append(due)
        paused_until = self.paused_until
        if paused_until is not None:
            candidates.append(paused_until)
        if not self._hours.is_empty:
            # The interval starts fresh at each working-period start; check() must see it.
            candidates.append(self._hours.next_start_after(now))
        daily = None if self.is_paused else self._next_daily(now)
        if daily is not None:
            candidates.append(daily)
        if not candidates:
            return None
        return min(candidates, key=lambda moment: moment.astimezone(UTC))

    @property
    def paused_until(self) -> datetime | None:
        """The local wall time a timed pause ends; None when not paused or paused indefinitely."""
        now, mono = self._now(), self._clock.monotonic()
        match self._pause:
            case ForMinutes(until_mono=end) if mono < end - _REACHED_SECONDS:
                return _plus(now, end - mono)
            case UntilWorkStarts(at=start) if now.astimezone(UTC) < start:
                return start.astimezone(now.tzinfo)
        return None

    @property
    def is_paused(self) -> bool:
        """Paused by the person (timed or until resumed) or by a playing session."""
        return (
            isinstance(self._pause, UntilResumed)
            or self._in_session
            or self.paused_until is not None
        )

    @property
    def in_session(self) -> bool:
        """An exercise session is playing (reminders wait for it)."""
        return self._in_session

    @property
    def paused_until_resumed(self) -> bool:
        """Paused by the person with no end time."""
        return isinstance(self._pause, UntilResumed)

    @property
    def interval_running(self) -> bool:
        """Whether sitting time is being counted towards a reminder right now.

        False when off, paused, during a session, or outside working hours: idle checks are
        only worth their cost while this is True.
        """
        if not self._enabled or self.is_paused or self._due_mono is None:
            return False
        return self._hours.contains(self._now())

    def sitting_minutes(self) -> int:
        """Whole minutes since the interval last restarted (a break, a session, idle time)."""
        return int((self._clock.monotonic() - self._sitting_since_mono) // 60)

    @property
    def snoozes_left(self) -> int:
        """How many snoozes in a row are still allowed."""
        return MAX_SNOOZES - self._snoozes

    # --- the check -------------------------------------------------------------------------

    def check(self) -> list[ReminderEvent]:
        """The events due now: at most one `StandUpDue` and one `DailyExerciseDue`."""
        now, mono = self._now(), self._clock.monotonic()
        if not self._enabled:
            self._observe(now, mono)
            return []
        new_period = self._entered_new_period(now)  # before _observe() moves _last_wall
        jumped_forward = self._observe(now, mono)
        if self._pause_ended(now, mono) or jumped_forward or new_period:
            self._restart(now, mono)
        if self.is_paused:
            return []
        events: list[ReminderEvent] = []
        if not self._hours.contains(now):
            self._due_mono = None
        elif self._due_mono is None:
            self._restart(now, mono)
        elif mono >= self._due_mono - _REACHED_SECONDS:
            events.append(StandUpDue(now))
            if not self._due_from_snooze:
                self._snoozes = 0  # a reminder after a full interval starts a new chain
            self._due_mono = mono + self._interval * 60
            self._due_from_snooze = False
        slot = self._daily_slot(now)
        if slot is not None:
            events.append(DailyExerciseDue(now))
            self._daily_given = (now.date(), slot + 1)
        return events

    # --- the person's answers --------------------------------------------------------------

    def snooze(self, minutes: int) -> SnoozeResult:
        """Move the pending reminder `minutes` (5, 10 or 15) from now; refuse a 4th in a row."""
        if minutes not in SNOOZE_CHOICES:
            raise ValueError(f"snooze for one of {SNOOZE_CHOICES} minutes, not {minutes}")
        now, mono = self._now(), self._clock.monotonic()
        if self._snoozes >= MAX_SNOOZES:
            refused = SnoozeRefused(now)
            _log.info("snooze refused after %d snoozes", self._snoozes)
            return SnoozeResult(False, self.next_due(), 0, SNOOZE_REFUSED_MESSAGE, refused)
        self._snoozes += 1
        self._due_mono = mono + minutes * 60
        self._due_from_snooze = True
        return SnoozeResult(True, self.next_due(), self.snoozes_left)

    def skip(self, reason: SkipReason | None = None) -> Skipped:
        """Skip this reminder (the interval restarts); return the event to log."""
        now = self._now()
        self._restart(now, self._clock.monotonic())
        # The reason ("in pain") is health data: it goes to the database, never to the log.
        _log.info("stand-up reminder skipped")
        return Skipped(now, reason)

    def shown_late(self) -> None:
        """A stand-up reminder held back (a call) was shown only now: restart the beat.

        The next comes a full interval after it, not on the old beat a few minutes later
        (which would be a burst of two cards).
        """
        if self._due_mono is not None:
            self._due_mono = self._clock.monotonic() + self._interval * 60

    def break_taken(self) -> None:
        """The person completed a desk break: the interval restarts."""
        self._restart(self._now(), self._clock.monotonic())

    def pause_for(self, minutes: int) -> None:
        """No reminder for `minutes`; then the interval starts fresh."""
        if minutes <= 0:
            raise ValueError("pause for a positive number of minutes")
        self._pause = ForMinutes(self._clock.monotonic() + minutes * 60)

    def pause_until_tomorrow(self) -> None:
        """No reminder until the next working period starts (a wall-clock time)."""
        now = self._now()
        if self._hours.is_empty:
            self._pause = UntilResumed()
            return
        self._pause = UntilWorkStarts(self._hours.next_start_after(now).astimezone(UTC))

    def pause_until_resumed(self) -> None:
        """No reminder until `resume()`."""
        self._pause = UntilResumed()

    def resume(self) -> None:
        """End any pause the person asked for; the interval starts fresh."""
        self._pause = None
        self._restart(self._now(), self._clock.monotonic())

    def session_started(self) -> None:
        """An exercise session plays: no stand-up reminder interrupts it."""
        self._in_session = True

    def session_finished(self, completed: bool = True) -> None:
        """The session ended: the person moved, so the interval restarts either way.

        A completed session also counts for the daily reminder (today's and this week's).
        """
        self._in_session = False
        now = self._now()
        self._restart(now, self._clock.monotonic())
        if completed:
            self.record_session(now)

    def user_was_idle(self, seconds: float) -> bool:
        """The person is back after `seconds` without input; True if that counted as a break."""
        if seconds < self._natural_break * 60:
            return False
        self._restart(self._now(), self._clock.monotonic())
        return True

    def record_session_today(self) -> None:
        """A session was recorded today: with no programme, no daily reminder until tomorrow."""
        self.record_session(self._now())

    def record_session(self, at: datetime) -> None:
        """A session completed at `at` counts towards the daily reminder's target."""
        self._sessions_done.append(at)
        horizon = self._now().astimezone(UTC) - timedelta(days=8)
        self._sessions_done = [m for m in self._sessions_done if m.astimezone(UTC) >= horizon]

    @property
    def daily_target(self) -> DailyTarget:
        """How often the daily reminder asks for a session (`core.reminders.daily_plan`)."""
        return self._daily_target

    @daily_target.setter
    def daily_target(self, target: DailyTarget) -> None:
        """A new target (a programme imported or ended) applies from the next check."""
        self._daily_target = target

    # --- handing over to the next process (core.reminders.handover) ----------------------

    def state(self) -> ScheduleState:
        """What this schedule knows beyond its settings, for the process that follows."""
        return ScheduleState(
            self._due_mono,
            self._sitting_since_mono,
            self._due_from_snooze,
            self._snoozes,
            self._pause,
            self._daily_given,
        )

    def take_state(self, state: ScheduleState) -> None:
        """Carry on from the previous process's `state()` (same boot: monotonic times hold)."""
        self._due_mono = state.due_mono
        self._sitting_since_mono = state.sitting_since_mono
        self._due_from_snooze = state.due_from_snooze
        self._snoozes = min(max(state.snoozes, 0), MAX_SNOOZES)
        self._pause = state.pause
        self._daily_given = state.daily_given

    # --- internals -------------------------------------------------------------------------

    def _now(self) -> datetime:
        now = self._clock.now()
        return now.astimezone(self._tz) if self._tz is not None else now

    def _restart(self, now: datetime, mono: float) -> None:
        """Start a fresh interval from now, or park it until the next working period."""
        self._due_mono = mono + self._interval * 60 if self._hours.contains(now) else None
        self._sitting_since_mono = mono
        self._due_from_snooze = False
        self._snoozes = 0

    def _observe(self, now: datetime, mono: float) -> bool:
        """Note the clocks; True if the wall clock leapt ahead by at least a natural break."""
        wall_step = (now.astimezone(UTC) - self._last_wall).total_seconds()
        drift = wall_step - (mono - self._last_mono)
        self._last_wall, self._last_mono = now.astimezone(UTC), mono
        if drift < -_JUMP_TOLERANCE_SECONDS:
            _log.info("wall clock went back %.0f s; sitting time is unaffected", -drift)
        if drift > _JUMP_TOLERANCE_SECONDS:
            _log.info("wall clock leapt %.0f s ahead of the monotonic clock", drift)
        return drift >= max(_JUMP_TOLERANCE_SECONDS, self._natural_break * 60)

    def _entered_new_period(self, now: datetime) -> bool:
        """Whether a working period started since the previous check (and we are in it)."""
        start = self._hours.period_start(now)
        return start is not None and start.astimezone(UTC) > self._last_wall

    def _pause_ended(self, now: datetime, mono: float) -> bool:
        match self._pause:
            case ForMinutes(until_mono=end) if mono >= end - _REACHED_SECONDS:
                self._pause = None
                return True
            case UntilWorkStarts(at=start) if now.astimezone(UTC) >= start:
                self._pause = None
                return True
        return False

    def _fresh_due(self, start: datetime) -> datetime | None:
        """The first reminder of an interval starting at `start` (or the next working start)."""
        start = start.astimezone(self._tz if self._tz is not None else start.tzinfo)
        for _ in range(16):
            if not self._hours.contains(start):
                start = self._hours.next_start_after(start)
            due = _plus(start, self._interval * 60)
            if self._hours.period_start(due) == self._hours.period_start(start):
                return due
            start = self._hours.next_start_after(start)
        return None  # every working period is shorter than the interval

    def _daily_state(self, now: datetime) -> DailyState:
        done_today, done_week = count_done(self._sessions_done, now)
        given = self._daily_given
        return DailyState(
            done_today, done_week, given[1] if given and given[0] == now.date() else 0
        )

    def _daily_slot(self, now: datetime) -> int | None:
        """Today's daily reminder slot due now, if any (the rule is `daily_plan`'s)."""
        at = self.daily_exercise_reminder_at
        if at is None:
            return None
        return due_slot(now, at, self._hours, self._daily_target, self._daily_state(now))

    def _next_daily(self, now: datetime) -> datetime | None:
        at = self.daily_exercise_reminder_at
        if at is None:
            return None
        state = self._daily_state(now)
        return next_reminder(now, at, self._hours, self._daily_target, state)
