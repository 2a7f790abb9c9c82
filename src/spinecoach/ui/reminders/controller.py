"""Runs the reminder service from one Qt timer and passes the person's answers to it.

One single-shot timer is armed for `ReminderService.seconds_until_wake()`: nothing ticks while
SpineCoach waits in the tray. Every card shown and every answer to one (snooze, skip, a desk
break, closing it) is logged to the database at once; pausing from the tray answers no card and
is not logged (the tray's status line shows it). Each re-arms the timer. Which reminder to
show and when lives in `core.reminder_service`; the popup and tray only display and forward.

Where the desktop's notifications carry buttons (`use_notifications`), each card also goes out
as a notification with the card's answers on it ("Start desk break", "Snooze", "Skip"; for the
daily card "Choose a routine", "Not today"): answered from the keyboard in the desktop's own
notification list, and read by a screen reader as it arrives. A click on the notification gives
the card the keyboard. The notification goes away once the card is answered, whichever way.
"""

from __future__ import annotations

import logging
import math
from collections.abc import Callable, Sequence
from typing import Protocol

from PySide6.QtCore import QObject, Qt, QTimer, Signal

from spinecoach.core.clock import Clock
from spinecoach.core.records import ReminderAction, ReminderLogEntry
from spinecoach.core.reminder_service import (
    Delivery,
    DeliveryKind,
    PauseLength,
    ReminderService,
)
from spinecoach.core.reminder_summary import BACK_FROM_BREAK
from spinecoach.core.reminders import SkipReason
from spinecoach.ui.reminders.popup import ReminderPopup, reminder_text

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
        notification(str, str): a title and text for the desktop's notification area (not
            sent when the card went out as a notification with buttons).
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
        self.status_changed.emit(self.service.status_text(), self.service.reminders_off)

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
            self.popup.disable_snooze(result.message)
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

    # --- internals -----------------------------------------------------------------------------

    def _show(self, delivery: Delivery) -> None:
        self.popup.show_delivery(delivery, self.service.snoozes_left)
        detail = delivery.kind.value
        if delivery.deferred_for:
            detail += f", waited for {delivery.deferred_for}"
        self._log(ReminderAction.SHOWN, detail)
        title, text = reminder_text(delivery)
        if self._notifier is None or not self._notifier.show(title, text, self._buttons(delivery)):
            self.notification.emit(title, text)
        if self.sound and self._chime is not None:
            self._chime()

    def _buttons(self, delivery: Delivery) -> list[tuple[str, str]]:
        """The card's answers as notification buttons (key, label), in the card's order."""
        if delivery.kind is DeliveryKind.DAILY_EXERCISE:
            return [
                (ANSWER_CARD, "Answer"),
                ("library", "Choose a routine"),
                ("not-today", "Not today"),
            ]
        buttons = [(ANSWER_CARD, "Answer"), ("desk-break", "Start desk break")]
        if self.service.snoozes_left > 0:
            buttons.append(("snooze", f"Snooze {self.popup.snooze_minutes} min"))
        buttons.append(("skip", "Skip"))
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
