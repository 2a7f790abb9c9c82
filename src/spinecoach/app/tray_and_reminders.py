"""SpineCoach in the background: the tray icon, stand-up reminders and start on login.

Built after the window's first paint (or at once when starting minimised), so none of it slows
the start-up. Wires `core.reminder_service` to the desktop's idle and full-screen providers and
to the tray and popup widgets; holds no reminder logic of its own.

Without a tray (stock GNOME shows none), closing the window used to quit silently, and the
reminders the person had set up stopped with it. A person closing a window expects it to close,
but not to lose their reminders without a word; keeping SpineCoach running unseen, with no icon
to find it or quit it by, would surprise them more. So the first close while reminders are on
says what closing does and lets them choose, "Minimise" (the reminders go on; the window comes
back from the dock, the window list or by starting SpineCoach again) or "Quit"; the choice is
kept in the state file (`NO_TRAY_CLOSE`) and later closes do what was chosen without asking.
Esc, or closing the question, keeps the window open. File > Quit always quits.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QMessageBox, QSystemTrayIcon

from spinecoach import paths
from spinecoach.core import settings as keys
from spinecoach.core.clock import Clock
from spinecoach.core.messages import Messages
from spinecoach.core.presence import IdleSource, InterruptionSource, WindowMatchSource
from spinecoach.core.records import ReminderLogEntry
from spinecoach.core.reminder_service import ReminderService
from spinecoach.core.reminders import ONCE_A_DAY, SCHEDULE_SETTINGS, ReminderSchedule, target_from
from spinecoach.core.ui_text import QT_TRANSLATE_NOOP
from spinecoach.desktop.desktop_entry import launcher_command
from spinecoach.sound.reminder_chime import ReminderChime
from spinecoach.sound.tones import ToneBank
from spinecoach.storage.database import Database
from spinecoach.storage.settings_store import SettingsStore
from spinecoach.ui.reminders.controller import ReminderController
from spinecoach.ui.reminders.popup import ReminderPopup
from spinecoach.ui.reminders.tray import TrayIcon

if TYPE_CHECKING:
    from datetime import tzinfo

    from spinecoach.app.on_demand import OnDemand
    from spinecoach.core.programme.model import Frequency, Programme
    from spinecoach.desktop.autostart import Autostart
    from spinecoach.ui.care.advice_dialogs import InPainDialog
    from spinecoach.ui.shell.main_window import MainWindow

log = logging.getLogger(__name__)

#: Why "Start in the tray" is unavailable (shown translated: `no_tray_reason()`).
NO_TRAY = QT_TRANSLATE_NOOP(
    "TrayAndReminders", "This desktop shows no tray icons, so SpineCoach always opens its window."
)


def no_tray_reason() -> str:
    """`NO_TRAY` in the language in use."""
    return QCoreApplication.translate("TrayAndReminders", NO_TRAY)


def autostart_command(data_dir: Path, default_data_dir: Path) -> list[str]:
    """The command a login starts: the menu entry's launcher, minimised to the tray."""
    return [*launcher_command(data_dir, default_data_dir), "--minimised"]


class TrayAndReminders(QObject):
    """The tray icon (where the desktop has a tray), the reminder popup and its controller."""

    def __init__(
        self,
        *,
        owner: QObject,
        window: OnDemand[MainWindow],
        database: Database,
        settings: SettingsStore,
        clock: Clock,
        tz: tzinfo,
        idle: IdleSource,
        interruptions: InterruptionSource,
        calls: InterruptionSource,
        apps: WindowMatchSource,
        autostart: Autostart | None,
        actions: TrayActions,
        tray_available: bool | None = None,
        tones: ToneBank | None = None,
    ) -> None:
        super().__init__(owner)
        #: The main window, which a start in the tray does not build until it is opened.
        self._window = window
        self._database = database
        self._settings = settings
        self._clock = clock
        self._actions = actions
        self.autostart = autostart
        self._stopped = False
        icon = QIcon(str(paths.icons_dir() / "spinecoach.svg"))
        schedule = ReminderSchedule.from_settings(clock, self._schedule_settings(), tz)
        self._record_session_today(schedule, tz)
        self.service = ReminderService(
            schedule,
            clock,
            idle,
            interruptions,
            idle_detection=settings.get(keys.IDLE_DETECTION),
            defer_when_busy=settings.get(keys.DEFER_WHEN_BUSY),
            calls=calls,
            apps=apps,
            wait_during_calls=settings.get(keys.WAIT_DURING_CALLS),
        )
        self._apps = apps
        apps.set_patterns(tuple(str(name) for name in settings.get(keys.WAIT_FOR_APPS)))
        self.chime = ReminderChime(
            paths.resources_dir() / "sounds", settings.get(keys.VOLUME), self, tones=tones
        )
        self.popup = ReminderPopup(icon, settings.get(keys.SNOOZE_MINUTES))
        self.controller = ReminderController(
            self.service,
            clock,
            self.popup,
            self._log_event,
            chime=self.chime.play,
            sound=settings.get(keys.REMINDER_SOUND),
            parent=self,
        )
        if tray_available is None:
            tray_available = QSystemTrayIcon.isSystemTrayAvailable()
        self.tray: TrayIcon | None = TrayIcon(icon, self) if tray_available else None
        log.info(
            "reminders: idle time from %s; interruptions from %s; calls from %s; apps from %s; %s",
            idle.name if idle.available else f"nowhere ({idle.reason})",
            interruptions.name if interruptions.available else "nowhere",
            calls.name if calls.available else "nowhere",
            apps.name if apps.available else "nowhere",
            "in the tray" if tray_available else "no tray, popups only",
        )
        self.controller.desk_break_requested.connect(actions.desk_break)
        self.controller.library_requested.connect(actions.open_library)
        self.controller.notification.connect(self.notify)
        self.controller.in_pain.connect(self.show_in_pain_advice)
        self.in_pain_dialog: InPainDialog | None = None
        self._close_question: QMessageBox | None = None  # "Keep the reminders?", while open
        if self.tray is not None:
            tray = self.tray
            self.controller.status_changed.connect(tray.set_status)
            tray.desk_break_requested.connect(self._desk_break_from_tray)
            tray.log_pain_requested.connect(actions.log_pain)
            tray.open_requested.connect(lambda: window.get().bring_to_front())
            tray.settings_requested.connect(lambda: actions.settings("Reminders"))
            tray.quit_requested.connect(actions.quit)
            tray.pause_requested.connect(self.controller.pause)
            tray.resume_requested.connect(self.controller.resume)
            QApplication.setQuitOnLastWindowClosed(False)  # hidden to the tray is still running
            window.when_built(self._stay_in_tray)
            tray.show()
        else:
            # Closing would stop the reminders: say so once.
            window.when_built(lambda built: built.installEventFilter(self))
        self._follow_settings(settings)
        self.controller.start()

    def _stay_in_tray(self, window: MainWindow) -> None:
        """Closing the window hides it to the tray (the first time, with a word on where)."""
        window.keep_running_on_close = True
        window.hidden_to_tray.connect(self._explain_tray_once)

    # --- what the app tells us -----------------------------------------------------------------

    def stop(self) -> None:
        """Quitting: no timer, no popup, no tray icon left behind (once; later calls do nothing)."""
        if self._stopped:
            return
        self._stopped = True
        self.controller.stop()
        self.popup.close()
        self.popup.deleteLater()
        if self.tray is not None:
            self.tray.hide()
        for source in (
            self.service.idle_source,
            self.service.interruption_source,
            self.service.call_source,
            self.service.app_source,
        ):
            close = getattr(source, "close", None)  # the X11 providers hold a display open
            if callable(close):
                close()
        window = self._window.if_built()
        if window is not None:
            window.keep_running_on_close = False
        QApplication.setQuitOnLastWindowClosed(True)

    def _follow_settings(self, settings: SettingsStore) -> None:
        """Each reminder part hears the settings it uses, whoever changes them."""

        def then_rearm(apply: Callable[[Any], object]) -> Callable[[Any], None]:
            def changed(value: Any) -> None:
                if not self._stopped:
                    apply(value)
                    self.controller.rearm()

            return changed

        def schedule(_value: Any) -> None:
            self.service.schedule.apply_settings(self._schedule_settings())

        def sound(value: Any) -> None:
            self.controller.sound = bool(value)

        def idle(value: Any) -> None:
            self.service.idle_detection = bool(value)

        def busy(value: Any) -> None:
            self.service.defer_when_busy = bool(value)

        def calls(value: Any) -> None:
            self.service.wait_during_calls = bool(value)

        def apps(value: Any) -> None:
            self._apps.set_patterns(tuple(str(name) for name in value))

        for key in SCHEDULE_SETTINGS:
            settings.subscribe(key, then_rearm(schedule))
        settings.subscribe(keys.SNOOZE_MINUTES, then_rearm(self.popup.set_snooze_minutes))
        settings.subscribe(keys.REMINDER_SOUND, then_rearm(sound))
        settings.subscribe(keys.IDLE_DETECTION, then_rearm(idle))
        settings.subscribe(keys.DEFER_WHEN_BUSY, then_rearm(busy))
        settings.subscribe(keys.WAIT_DURING_CALLS, then_rearm(calls))
        settings.subscribe(keys.WAIT_FOR_APPS, then_rearm(apps))
        settings.subscribe(keys.VOLUME, then_rearm(self.chime.set_volume))
        settings.subscribe(keys.START_ON_LOGIN, self.set_start_on_login)

    def _schedule_settings(self) -> dict[str, object]:
        return {key: self._settings.get(key) for key in SCHEDULE_SETTINGS}

    def unavailable_features(self) -> dict[str, str]:
        """Settings this machine cannot honour, each with the reason the dialog shows.

        Also brings "start on login" in line with the system's own entry (the truth).
        """
        unavailable: dict[str, str] = {}
        for key, source in (
            ("idle_detection", self.service.idle_source),
            ("defer_when_busy", self.service.interruption_source),
            ("wait_during_calls", self.service.call_source),
            ("wait_for_apps", self.service.app_source),
        ):
            if source is None:
                continue
            if not source.available:
                unavailable[key] = source.reason
        if self.autostart is None:
            unavailable["start_on_login"] = self.tr(
                "SpineCoach cannot start on log-in on this system."
            )
        elif self.autostart.is_enabled() != self._settings.get(keys.START_ON_LOGIN):
            self._settings.set(keys.START_ON_LOGIN, self.autostart.is_enabled())
        if self.tray is None:
            unavailable["start_minimised"] = no_tray_reason()
        return unavailable

    def set_start_on_login(self, enabled: bool) -> None:
        """Write or remove the platform's log-in entry (the file or key is the truth)."""
        if self.autostart is None:
            return
        if enabled:
            default = paths.default_data_dir()
            self.autostart.enable(autostart_command(self._actions.data_dir, default))
        else:
            self.autostart.disable()

    def set_programme(self, programme: Programme | None) -> None:
        """The daily exercise reminder follows the active programme's frequency (None: daily).

        N times a day: N reminders from the daily time; N times a week: the daily reminder
        until the week's N are done (the rule: `core.reminders.daily_plan`).
        """
        self.set_frequencies(() if programme is None else [p.frequency for p in programme.routines])

    def set_frequencies(self, frequencies: Iterable[Frequency]) -> None:
        """The daily reminder follows these prescribed frequencies (none: once a day)."""
        listed = list(frequencies)
        target = target_from((f.times, f.per.value) for f in listed) if listed else ONCE_A_DAY
        if target != self.service.schedule.daily_target:
            self.service.schedule.daily_target = target
            if not self._stopped:
                self.controller.rearm()

    def session_started(self) -> None:
        """A session plays: reminders wait."""
        self.controller.session_started()

    def session_finished(self, completed: bool) -> None:
        """The person moved: the interval restarts."""
        self.controller.session_finished(completed)

    def notify(self, title: str, text: str) -> None:
        """A message for the person: through the tray, or a small box where there is none."""
        if self.tray is not None:
            self.tray.message(title, text)
            return
        if self.popup.isVisible():
            return  # the popup itself says it
        box = QMessageBox(QMessageBox.Icon.Information, title, text, parent=self._window.if_built())
        box.setObjectName("reminderNotice")
        box.setModal(False)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        box.show()

    def show_in_pain_advice(self) -> None:
        """A reminder skipped "in pain": gentle advice, the red flags and "Log pain now"."""
        if self.in_pain_dialog is None:
            from spinecoach.ui.care.advice_dialogs import InPainDialog  # rarely: not all day

            parent = self._window.if_built()
            self.in_pain_dialog = InPainDialog(parent, words=self._actions.words())
            self.in_pain_dialog.log_pain_requested.connect(self._actions.log_pain)
        self.in_pain_dialog.show()
        self.in_pain_dialog.raise_()

    # --- closing without a tray ---------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Qt override: the window's close, on a desktop without a tray (see the module doc).

        The question does not block (`open`, not `exec`): whoever closed the window, a person
        or a program, goes on at once, and the answer acts when it is given.
        """
        window = self._window.if_built()
        if (
            window is None
            or watched is not window
            or event.type() != QEvent.Type.Close
            or self._stopped
            or window.keep_running_on_close
            or not window.isVisible()
            or not self._reminders_on()
        ):
            return False
        choice = self._settings.get(keys.NO_TRAY_CLOSE)
        if choice == "quit":
            return False  # the window closes and SpineCoach quits, as the person chose
        event.ignore()
        if choice == "minimise":
            window.showMinimized()
        else:
            self.ask_on_close()
        return True

    def _reminders_on(self) -> bool:
        """Whether closing would stop a reminder: the stand-up or the daily one."""
        return bool(
            self._settings.get(keys.REMINDERS_ENABLED)
            or self._settings.get(keys.DAILY_REMINDER_TIME)
        )

    def ask_on_close(self) -> QMessageBox:
        """Say what closing does and let the person choose: Minimise, Quit, or Cancel (Esc)."""
        if self._close_question is not None:
            self._close_question.raise_()
            return self._close_question
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("Keep the reminders?"),
            self.tr(
                "There is no tray on this desktop: closing SpineCoach stops the reminders. "
                "Minimise instead to keep them."
            ),
            QMessageBox.StandardButton.NoButton,
            self._window.get(),
        )
        box.setObjectName("noTrayCloseQuestion")
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        box.setInformativeText(
            self.tr(
                "SpineCoach remembers your choice. Minimised, it comes back from the dock or the "
                "window list, or when you start it again; File > Quit always quits."
            )
        )
        minimise = box.addButton(self.tr("Minimise"), QMessageBox.ButtonRole.AcceptRole)
        quit_button = box.addButton(self.tr("Quit"), QMessageBox.ButtonRole.DestructiveRole)
        cancel = box.addButton(QMessageBox.StandardButton.Cancel)
        minimise.setObjectName("noTrayMinimise")
        quit_button.setObjectName("noTrayQuit")
        box.setDefaultButton(minimise)
        box.setEscapeButton(cancel)

        def answered(button: object) -> None:
            self._close_question = None
            if button is minimise:
                self._settings.set(keys.NO_TRAY_CLOSE, "minimise")
                self._window.get().showMinimized()
            elif button is quit_button:
                self._settings.set(keys.NO_TRAY_CLOSE, "quit")
                self._window.get().close()  # now it closes, and SpineCoach quits

        box.buttonClicked.connect(answered)
        box.rejected.connect(lambda: setattr(self, "_close_question", None))
        self._close_question = box
        box.open()
        return box

    # --- internals -----------------------------------------------------------------------------

    def _desk_break_from_tray(self) -> None:
        self.controller.start_break()

    def _explain_tray_once(self) -> None:
        if self._settings.get(keys.CLOSE_TO_TRAY_EXPLAINED) or self.tray is None:
            return
        self.tray.message(
            self.tr("SpineCoach is still running"),
            self.tr(
                "SpineCoach keeps running in the tray so it can remind you to stand up. "
                "Choose Quit from its menu to stop it."
            ),
        )
        self._settings.set(keys.CLOSE_TO_TRAY_EXPLAINED, True)

    def _log_event(self, entry: ReminderLogEntry) -> None:
        # Through the app's one write path: kept and retried when storage refuses it.
        self._actions.log_reminder(entry)

    def _record_session_today(self, schedule: ReminderSchedule, tz: tzinfo) -> None:
        """The sessions the daily reminder counts: any today, and this week's completed ones."""
        now = self._clock.now().astimezone(tz)
        midnight = now.replace(hour=0, minute=0, second=0, microsecond=0)
        tomorrow = midnight + timedelta(days=1)
        monday = midnight - timedelta(days=now.weekday())
        completed = self._database.completed_sessions_between(monday, tomorrow)
        for _routine_id, started in completed:
            schedule.record_session(started)
        today = [s for _r, s in completed if s.astimezone(tz).date() == now.date()]
        if not today and self._database.sessions(midnight, tomorrow):
            schedule.record_session_today()  # a session stopped early still counts for today


@dataclass(frozen=True, slots=True)
class TrayActions:
    """What the tray and reminders ask the app to do; the app supplies the callables."""

    data_dir: Path
    desk_break: Callable[[], object]
    open_library: Callable[[], object]
    log_pain: Callable[[], object]
    settings: Callable[[str], object]
    quit: Callable[[], object]
    log_reminder: Callable[[ReminderLogEntry], object]
    #: The core's messages in the language in use (the in-pain advice and red flags).
    words: Callable[[], Messages]
