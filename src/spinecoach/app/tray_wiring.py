"""The tray and the reminders, wired to the rest of SpineCoach (`Application.start_background`).

Built once the first frame is up, or at once when SpineCoach starts in the tray, where they may
be all that runs all day (issue 18): nothing here builds the window; what needs it connects
when it is built. In one place, what the tray and the reminders are given and what they are
connected to: the person's actions (`TrayActions`), the desktop's providers (idle time, full
screen, calls, apps), session start and end, the active programme (the daily reminder), the
card's desktop notification, and the next-morning question on the first use of the day.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from spinecoach import paths

if TYPE_CHECKING:
    from PySide6.QtCore import QObject

    from spinecoach.app.composition import Application
    from spinecoach.app.routine_book import RoutineBook
    from spinecoach.app.tray_and_reminders import TrayAndReminders
    from spinecoach.core.presence import IdleSource, InterruptionSource, WindowMatchSource
    from spinecoach.desktop.autostart import Autostart
    from spinecoach.desktop.notifications import DesktopNotifications


def start_tray_and_reminders(
    app: Application,
    *,
    idle: IdleSource | None,
    interruptions: InterruptionSource | None,
    calls: InterruptionSource | None,
    apps: WindowMatchSource | None,
    autostart: Autostart | None,
    tray_available: bool | None,
    notifications: DesktopNotifications | None,
) -> tuple[TrayAndReminders, DesktopNotifications | None]:
    """The tray icon and the reminders, running; and the desktop notifications they use.

    Each provider left None is the desktop's own. A caller that brings its own
    `interruptions` (a test's fake desktop) gets no call or app detection unless it passes
    `calls` and `apps` too: the real ones would ask this machine's sound server and windows in
    the middle of a test. `notifications` carry each card's answers as buttons where the
    desktop shows them; by default the desktop's own, except on a platform without a desktop.
    """
    from spinecoach.app.tray_and_reminders import TrayActions, TrayAndReminders
    from spinecoach.core.presence import Unavailable
    from spinecoach.desktop.active_window import detect_active_window_source
    from spinecoach.desktop.autostart import autostart_for
    from spinecoach.desktop.calls import detect_call_source
    from spinecoach.desktop.idle import detect_idle_source
    from spinecoach.desktop.interruptions import detect_interruption_source
    from spinecoach.localzone import local_timezone

    if interruptions is not None:
        calls = calls or Unavailable("camera and microphone", "not asked in this run")
        apps = apps or Unavailable("apps and windows", "not asked in this run")
    status = app.storage_status
    actions = TrayActions(
        data_dir=app.data_dir,
        desk_break=app.start_desk_break,
        open_library=app.open_library,
        log_pain=app.log_pain_now,
        settings=app.show_settings,
        quit=app.quit,
        log_reminder=lambda entry: status.report(status.writer.add_reminder_event(entry)),
        words=lambda: app.words,
    )
    reminders = TrayAndReminders(
        owner=app.owner,
        window=app.main_window,
        database=app.database,
        settings=app.settings,
        clock=app.clock,
        tz=local_timezone(),
        idle=idle if idle is not None else detect_idle_source(),
        interruptions=(
            interruptions if interruptions is not None else detect_interruption_source()
        ),
        calls=calls if calls is not None else detect_call_source(),
        apps=apps if apps is not None else detect_active_window_source(()),
        autostart=autostart if autostart is not None else autostart_for(),
        actions=actions,
        tray_available=tray_available,
        tones=app.tones,
    )
    daily_reminder_follows_the_programme(app, reminders)
    events = app.session_events
    events.started.connect(reminders.session_started)
    events.ended.connect(lambda status: reminders.session_finished(status == "completed"))
    # Answering a card by keyboard: the tray's "Answer the reminder" and icon, and the
    # buttons of the card's desktop notification.
    controller = reminders.controller
    if reminders.tray is not None:
        controller.card_shown.connect(reminders.tray.set_card_showing)
        reminders.tray.answer_requested.connect(controller.focus_card)
    if notifications is None:
        notifications = desktop_notifications(reminders)
    if notifications is not None:
        controller.use_notifications(notifications)
        notifications.action_invoked.connect(controller.answer_from_notification)
    ask_next_morning_on_use(app, reminders)
    return reminders, notifications


def daily_reminder_follows_the_programme(app: Application, reminders: TrayAndReminders) -> None:
    """The daily reminder follows the active programme's frequencies, and their changes.

    Started in the tray, the frequencies are read alone (`prescribed_frequencies`): the
    routine book would load the whole exercise library and keep it all day (issue 18:
    1.3 MB). Once the book is built (the window opened, a desk break), it decides.
    """
    book_on_demand = app.routine_book_on_demand
    if not book_on_demand.is_built:
        stored = app.database.active_programme()
        if stored is None:
            reminders.set_frequencies(())
        else:
            from spinecoach.core.programme.model import prescribed_frequencies

            reminders.set_frequencies(prescribed_frequencies(stored.body))

    def follow(book: RoutineBook) -> None:
        reminders.set_programme(book.programme)
        book.changed.append(lambda: reminders.set_programme(book.programme))

    book_on_demand.when_built(follow)


def ask_next_morning_on_use(app: Application, reminders: TrayAndReminders) -> None:
    """The next-morning question when the window opens (or comes back) or the tray is used."""
    from PySide6.QtCore import QEvent, QObject, QTimer

    from spinecoach.app.progression_wiring import ask_next_morning

    def soon() -> None:
        QTimer.singleShot(0, reminders, lambda: ask_next_morning(app))

    class _Activated(QObject):
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.WindowActivate:
                soon()
            return False

    app.main_window.when_built(lambda window: window.installEventFilter(_Activated(window)))
    tray = reminders.tray
    if tray is not None:
        for signal in (
            tray.open_requested,
            tray.desk_break_requested,
            tray.log_pain_requested,
            tray.settings_requested,
        ):
            signal.connect(soon)
    window = app.main_window.if_built()
    if window is not None and window.isVisible():
        soon()


def desktop_notifications(parent: QObject) -> DesktopNotifications | None:
    """The freedesktop notification server, on a desktop that has one (Linux and the BSDs).

    None on a platform without a desktop (offscreen: tests, tools) and on Windows and macOS,
    whose notifications Qt's tray messages already reach (without buttons).
    """
    import sys

    from PySide6.QtGui import QGuiApplication

    if not sys.platform.startswith(("linux", "freebsd", "openbsd", "netbsd")):
        return None
    if QGuiApplication.platformName() in ("offscreen", "minimal"):
        return None
    from spinecoach.desktop.notifications import DesktopNotifications

    return DesktopNotifications(
        icon=str(paths.icons_dir() / "spinecoach.svg"), desktop_entry=paths.APP_ID, parent=parent
    )
