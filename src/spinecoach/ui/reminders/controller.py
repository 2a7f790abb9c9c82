"""Runs the reminder service from one Qt timer and passes the person's answers to it.

One single-shot timer is armed for `ReminderService.seconds_until_wake()`: nothing ticks while
SpineCoach waits in the tray. Every card shown and every answer to one (snooze, skip, a desk
break, closing it) is logged to the database at once; pausing from the tray answers no card and
is not logged (the tray's status line shows it). Each re-arms the timer. Which reminder to
show and when lives in `core.reminder_service`; the popup and tray only display and forward.

Each reminder is the card, and only the card: not also the tray's message balloon, which said
the same words a second time beside it. Where the desktop's notifications carry buttons
(`use_notifications`), each card also goes out as a notification with the card's answers on it
("Start desk break", "Snooze", "Skip"; for the daily card "Choose a routine", "Not today"):
answered from the keyboard in the desktop's own notification list, and read by a screen reader
as it arrives. A click on the notification gives
the card the keyboard. The notification goes away once the card is answered, whichever way.

The tray's status line (`status_text`) is said here, in the language in use, from the service's
state; with English it reads exactly as `ReminderService.status_text()`, which the log and the
core's tests keep using.
"""

from __future__ import annotations

import logging
import math
from collections.abc import Callable, Sequence
from datetime import UTC, datetime
from typing import Protocol

from PySide6.QtCore import QLocale, QObject, Qt, QTimer, Signal

from spinecoach.core.clock import Clock
from spinecoach.core.records import ReminderAction, ReminderLogEntry
from spinecoach.core.reminder_service import (
    Delivery,
    DeliveryKind,
    PauseLength,
    ReminderService,
)
from spinecoach.core.reminder_summary import BACK_FROM_BREAK
from spinecoach.core.reminders import SNOOZE_REFUSED_MESSAGE, SkipReason
from spinecoach.ui.reminders.card_words import clock_time, interruption_words
from spinecoach.ui.reminders.popup import ReminderPopup

log = logging.getLogger(__name__)

PAUSES = ("hour", "tomorrow", "resumed")

#: The notification's click (not a button): the person wants the card itself.
ANSWER_CARD = "default"


class ActionNotifier(Protocol):
    """Desktop notifications with buttons (`desktop.notifications.DesktopNotifications`)."""

    def show(self, title: str, text: str, actions: Sequence[tuple[str, str]]) -> bool:
        """Show or replace the notification with buttons (key, label); False if not shown."""
        ...

    def withdraw(self) -> None:
        """Take the notification away."""
        ...


class ReminderController(QObject):
    """See the module docstring.

    Signals:
        desk_break_requested(): start the two-minute desk break (popup or tray).
        library_requested(): open the library to choose a routine (daily reminder).
        status_changed(str, bool): the status line and whether reminders are paused.
        notification(str, str): a title and text for the desktop's notification area; a card
            is never sent this way (it shows itself, with a notification with buttons where
            the desktop has them), so nothing shows the reminder twice.
        in_pain(): a reminder was skipped "in pain": show the advice and the red flags.
        card_shown(bool): a card is up (True) or gone (False): the tray offers to answer it.
    """

    desk_break_requested = Signal()
    library_requested = Signal()
    status_changed = Signal(str, bool)
    notification = Signal(str, str)
    in_pain = Signal()
    card_shown = Signal(bool)

    def __init__(
        self,
        service: ReminderService,
        clock: Clock,
        popup: ReminderPopup,
        log_event: Callable[[ReminderLogEntry], object],
        *,
        chime: Callable[[], None] | None = None,
        sound: bool = True,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.service = service
        self._clock = clock
        self.popup = popup
        self._log_event = log_event
        self._chime = chime
        self.sound = sound
        self._stopped = False
        self.timer = QTimer(self)
        self.timer.setObjectName("reminderTimer")
        self.timer.setSingleShot(True)
        # Precise, though a second would do: Qt's coarse timers may fire early (a very coarse one
        # by up to a second), and an early wake finds nothing due and re-arms for the few ms
        # left, which a coarse timer rounds to zero: a busy loop. It fires rarely, so precision
        # costs nothing (measured: benchmarks/idle_tray.py).
        self.timer.setTimerType(Qt.TimerType.PreciseTimer)
        self.timer.timeout.connect(self.wake)
        popup.start_break_requested.connect(self.start_break)
        popup.open_library_requested.connect(self._open_library)
        popup.snooze_requested.connect(self.snooze)
        popup.skip_requested.connect(self.skip)
        popup.dismissed.connect(self._dismissed)
        popup.shown_changed.connect(self._card_shown_changed)
        self._notifier: ActionNotifier | None = None

    # --- running -------------------------------------------------------------------------------

    def start(self) -> None:
        """Begin waiting for the first reminder."""
        self._stopped = False
        self.rearm()

    def stop(self) -> None:
        """Stop the timer and close the popup (quitting); nothing re-arms it after this."""
        self._stopped = True
        self.timer.stop()
        self.popup.hide()

    def rearm(self) -> None:
        """Arm the one timer for the next moment anything can happen, and refresh the status."""
        if self._stopped:
            return
        wait = self.service.seconds_until_wake()
        if wait is None:
            self.timer.stop()
        else:
            self.timer.start(max(0, math.ceil(wait * 1000)))
        self.status_changed.emit(self.status_text(), self.service.reminders_off)

    def wake(self) -> Delivery | None:
        """The timer fired: show what is due (also called after a resume or a setting change)."""
        outcome = self.service.wake_up()
        if (
            outcome.came_back
            and self.popup.isVisible()
            and self.popup.kind is DeliveryKind.STAND_UP
        ):
            self.popup.hide()  # they already got up: the reminder has done its job
            self._log(ReminderAction.DISMISSED, BACK_FROM_BREAK)
        if outcome.show is not None:
            self._show(outcome.show)
        self.rearm()
        return outcome.show

    def use_notifications(self, notifier: ActionNotifier | None) -> None:
        """Send each card as a notification with buttons too (None: plain notifications)."""
        self._notifier = notifier

    # --- the person's answers ------------------------------------------------------------------

    def focus_card(self) -> bool:
        """Give the card the keyboard, at the person's request (False when no card is up)."""
        return self.popup.take_keyboard()

    def answer_from_notification(self, key: str) -> None:
        """A button of the card's notification (its key), or a click on it ("default")."""
        if not self.popup.isVisible():
            return  # already answered on the card: the notification was out of date
        if key == ANSWER_CARD:
            self.focus_card()
        elif key == "desk-break":
            self.start_break()
        elif key == "snooze":
            self.snooze(self.popup.snooze_minutes)
        elif key == "skip":
            self.skip(None)
        elif key == "library":
            self.popup.hide()
            self._open_library()
        elif key == "not-today":
            self.popup.hide()
            self._dismissed()
        else:
            log.info("unknown notification button %r", key)

    def start_break(self) -> None:
        """Start the desk break (the app opens the player; the session pauses reminders)."""
        self.popup.hide()
        self.service.break_started()
        self._log(ReminderAction.BREAK_STARTED)
        self.desk_break_requested.emit()
        self.rearm()

    def snooze(self, minutes: int) -> None:
        """Put the reminder off; the fourth snooze in a row is refused and the card says why."""
        result = self.service.snooze(minutes)
        if result.accepted:
            self.popup.hide()
            self._log(ReminderAction.SNOOZED, str(minutes))
        else:
            self.popup.disable_snooze(self._refusal(result.message))
            self._log(ReminderAction.SNOOZE_REFUSED, str(minutes))
        self.rearm()

    def skip(self, reason: SkipReason | None) -> None:
        """Skip this reminder; "in pain" also gets advice on when to seek help."""
        self.popup.hide()
        self.service.skip(reason)
        self._log(ReminderAction.SKIPPED, reason.value if reason else "")
        if reason is SkipReason.IN_PAIN:
            self.in_pain.emit()
        self.rearm()

    def pause(self, how: str) -> None:
        """Pause for an "hour", until "tomorrow" or until "resumed"."""
        try:
            length = PauseLength(how)
        except ValueError:
            raise ValueError(f"pause for one of {PAUSES}, not {how!r}") from None
        self.service.pause(length)
        self.popup.hide()
        self.rearm()

    def resume(self) -> None:
        """End a pause the person asked for; the interval starts fresh."""
        self.service.resume()
        self.rearm()

    def session_started(self) -> None:
        """A session plays: no reminder interrupts it."""
        self.service.session_started()
        self.popup.hide()
        self.rearm()

    def session_finished(self, completed: bool) -> None:
        """The person moved: the interval restarts."""
        self.service.session_finished(completed)
        self.rearm()

    # --- the status line -----------------------------------------------------------------------

    def status_text(self) -> str:
        """One line for the tray's tooltip and menu: when the next reminder comes, or why not.

        The same rules and, in English, the same words as `ReminderService.status_text()`.
        """
        service = self.service
        schedule = service.schedule
        if not schedule.enabled:
            return self.tr("Stand-up reminders are off")
        if schedule.in_session:
            return self.tr("Reminders wait while you exercise")
        if schedule.paused_until_resumed:
            return self.tr("Reminders paused until you resume them")
        now = self._clock.now()
        paused_until = schedule.paused_until
        if paused_until is not None:
            return self._paused_until(paused_until, now)
        if service.waiting_for is not None:
            what = interruption_words(service.waiting_for)
            return self.tr("A reminder is held during {what}").format(what=what)
        due = schedule.next_due()
        if due is None:
            return self.tr("No working hours set, so no stand-up reminders")
        text = self._next_at(due, now)
        left = (due.astimezone(UTC) - now.astimezone(UTC)).total_seconds()
        if due.date() == now.date() and left < 3 * 3600:
            text += " " + self._in(left)
        return text

    def _paused_until(self, moment: datetime, now: datetime) -> str:
        local = moment.astimezone(now.tzinfo)
        time = clock_time(local)
        if local.date() == now.date():
            return self.tr("Reminders paused until {time}").format(time=time)
        if (local.date() - now.date()).days < 7:
            return self.tr("Reminders paused until {weekday} {time}").format(
                weekday=_weekday(local), time=time
            )
        return self.tr("Reminders paused until {date} {time}").format(
            date=self._date(local), time=time
        )

    def _next_at(self, moment: datetime, now: datetime) -> str:
        local = moment.astimezone(now.tzinfo)
        time = clock_time(local)
        if local.date() == now.date():
            return self.tr("Next stand-up reminder at {time}").format(time=time)
        if (local.date() - now.date()).days < 7:
            return self.tr("Next stand-up reminder on {weekday} {time}").format(
                weekday=_weekday(local), time=time
            )
        return self.tr("Next stand-up reminder on {date} {time}").format(
            date=self._date(local), time=time
        )

    def _date(self, moment: datetime) -> str:
        """A day and month, "3 Mar", in the language in use."""
        month = QLocale().monthName(moment.month, QLocale.FormatType.ShortFormat)
        return self.tr("{day} {month}", "a date: 3 Mar").format(day=moment.day, month=month)

    def _in(self, seconds: float) -> str:
        """How long until the reminder: "(in under a minute)", "(in 12 min)", "(in 1 h 05 min)"."""
        minutes = int(seconds // 60)
        if minutes < 1:
            return self.tr("(in under a minute)")
        if minutes < 60:
            return self.tr("(in {minutes} min)").format(minutes=minutes)
        return self.tr("(in {hours} h {minutes} min)").format(
            hours=minutes // 60, minutes=f"{minutes % 60:02d}"
        )

    def _refusal(self, message: str) -> str:
        """Why snoozing was refused, in the language in use (the core says it in English)."""
        if message == SNOOZE_REFUSED_MESSAGE:
            return self.tr("You have snoozed three times; time to stand up")
        return message

    # --- internals -----------------------------------------------------------------------------

    def _show(self, delivery: Delivery) -> None:
        self.popup.show_delivery(delivery, self.service.snoozes_left)
        detail = delivery.kind.value
        if delivery.deferred_for:
            detail += f", waited for {delivery.deferred_for}"
            if delivery.held_from is not None and delivery.held_until is not None:
                start, end = (clock_time(t) for t in (delivery.held_from, delivery.held_until))
                detail += f" {start}-{end}"
        self._log(ReminderAction.SHOWN, detail)
        # The card says it all. A desktop notification goes with it only where it carries the
        # card's answers (keyboard users answer it there); never the tray's plain balloon as
        # well, which showed the same words a second time (issue 15).
        if self._notifier is not None:
            title, text = self.popup.reminder_text(delivery)
            self._notifier.show(title, text, self._buttons(delivery))
        if self.sound and self._chime is not None:
            self._chime()

    def _buttons(self, delivery: Delivery) -> list[tuple[str, str]]:
        """The card's answers as notification buttons (key, label), in the card's order."""
        if delivery.kind is DeliveryKind.DAILY_EXERCISE:
            return [
                (ANSWER_CARD, self.tr("Answer")),
                ("library", self.tr("Choose a routine")),
                ("not-today", self.tr("Not today")),
            ]
        buttons = [(ANSWER_CARD, self.tr("Answer")), ("desk-break", self.tr("Start desk break"))]
        if self.service.snoozes_left > 0:
            minutes = self.popup.snooze_minutes
            snooze = self.tr("Snooze %n min", "", minutes)
            buttons.append(("snooze", snooze))
        buttons.append(("skip", self.tr("Skip")))
        return buttons

    def _card_shown_changed(self, shown: bool) -> None:
        if not shown and self._notifier is not None:
            self._notifier.withdraw()
        self.card_shown.emit(shown)

    def _open_library(self) -> None:
        self._log(ReminderAction.DISMISSED, "chose a routine")
        self.library_requested.emit()

    def _dismissed(self) -> None:
        self._log(ReminderAction.DISMISSED)

    def _log(self, action: ReminderAction, detail: str = "") -> None:
        try:
            self._log_event(
                ReminderLogEntry(recorded_at=self._clock.now(), action=action, detail=detail)
            )
        except Exception:  # the reminder itself matters more than its log line
            log.exception("could not log the reminder event %s", action)


def _weekday(moment: datetime) -> str:
    """The day of the week, short ("Tue"), in the language in use."""
    return QLocale().dayName(moment.isoweekday(), QLocale.FormatType.ShortFormat)
