"""The system-tray icon and its menu: what SpineCoach offers while its window is closed.

Only forwards the person's choices as signals; the reminder controller and the app decide.
The first line of the menu and the tooltip say when the next reminder comes. While a reminder
card is up, the menu offers "Answer the reminder" and activating the icon (a click, or Enter on
it from the keyboard) gives the card the keyboard rather than opening the window: the card never
takes the keyboard by itself, so this is how a keyboard user reaches it.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal, SignalInstance
from PySide6.QtGui import QAction, QIcon
from PySide6.QtWidgets import QMenu, QSystemTrayIcon

#: The app's name, the same in every language.
APP_NAME = "SpineCoach"


class TrayIcon(QObject):
    """Owns the QSystemTrayIcon and its menu.

    Signals:
        desk_break_requested(), log_pain_requested(), open_requested(), settings_requested(),
        quit_requested(), resume_requested(),
        pause_requested(str): "hour", "tomorrow" or "resumed" (until resumed),
        answer_requested(): give the reminder card the keyboard (only while one is up).
    """

    desk_break_requested = Signal()
    log_pain_requested = Signal()
    open_requested = Signal()
    settings_requested = Signal()
    quit_requested = Signal()
    pause_requested = Signal(str)
    resume_requested = Signal()
    answer_requested = Signal()

    def __init__(self, icon: QIcon, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._icon = icon
        self._paused_icon = QIcon(icon.pixmap(64, 64, QIcon.Mode.Disabled))
        self._status: tuple[str, bool] | None = None
        self.menu = QMenu()
        self.menu.setObjectName("trayMenu")
        self.status_action = self._action("trayStatus", self.tr("Reminders starting…"))
        self.status_action.setEnabled(False)
        self.answer_action = self._action(
            "trayAnswerCard", self.tr("Answer the reminder (keyboard)"), self.answer_requested
        )
        self.answer_action.setVisible(False)
        self.menu.addSeparator()
        self._action(
            "trayStartBreak", self.tr("Start 2-minute desk break"), self.desk_break_requested
        )
        self._action("trayLogPain", self.tr("Log pain now…"), self.log_pain_requested)
        self.pause_menu = self.menu.addMenu(self.tr("Pause reminders"))
        self.pause_menu.setObjectName("trayPauseMenu")
        for key, label in (
            ("hour", self.tr("For an hour")),
            ("tomorrow", self.tr("Until tomorrow")),
            ("resumed", self.tr("Until I resume them")),
        ):
            action = QAction(label, self.pause_menu)
            action.setObjectName(f"trayPause_{key}")
            action.triggered.connect(lambda _checked=False, k=key: self.pause_requested.emit(k))
            self.pause_menu.addAction(action)
        self.resume_action = self._action(
            "trayResume", self.tr("Resume reminders"), self.resume_requested
        )
        self.resume_action.setVisible(False)
        self.menu.addSeparator()
        self._action("trayOpen", self.tr("Open SpineCoach"), self.open_requested)
        self._action("traySettings", self.tr("Settings…"), self.settings_requested)
        self.menu.addSeparator()
        self._action("trayQuit", self.tr("Quit SpineCoach"), self.quit_requested)

        self.tray = QSystemTrayIcon(icon, self)
        self.tray.setObjectName("trayIcon")
        self.tray.setContextMenu(self.menu)
        self.tray.setToolTip(APP_NAME)
        self.tray.activated.connect(self._activated)

    def show(self) -> None:
        """Put the icon in the tray."""
        self.tray.show()

    def hide(self) -> None:
        """Take the icon out of the tray."""
        self.tray.hide()

    def set_status(self, text: str, paused: bool) -> None:
        """Tell the person when the next reminder comes (tooltip and first menu line).

        Unchanged text changes nothing: every tooltip or icon update is X traffic that wakes
        the tray host too.
        """
        if (text, paused) == self._status:
            return
        self._status = (text, paused)
        self.status_action.setText(text)
        self.tray.setToolTip(f"{APP_NAME}\n{text}")
        self.pause_menu.menuAction().setVisible(not paused)
        self.resume_action.setVisible(paused)
        self.tray.setIcon(self._paused_icon if paused else self._icon)

    def set_card_showing(self, showing: bool) -> None:
        """A reminder card is up (or not): offer to answer it from here."""
        self.answer_action.setVisible(showing)

    def message(self, title: str, text: str) -> None:
        """A desktop notification through the tray (where the desktop shows them)."""
        self.tray.showMessage(title, text, self._icon, 8000)

    def action(self, name: str) -> QAction:
        """A menu action by objectName (for tests and for the app's shortcuts)."""
        found = self.menu.findChild(QAction, name) or self.pause_menu.findChild(QAction, name)
        if found is None:
            raise KeyError(name)
        return found

    def _action(self, name: str, text: str, signal: SignalInstance | None = None) -> QAction:
        action = QAction(text, self.menu)
        action.setObjectName(name)
        if signal is not None:
            action.triggered.connect(signal)
        self.menu.addAction(action)
        return action

    def _activated(self, reason: QSystemTrayIcon.ActivationReason) -> None:
        if reason in (
            QSystemTrayIcon.ActivationReason.Trigger,
            QSystemTrayIcon.ActivationReason.DoubleClick,
        ):
            if self.answer_action.isVisible():
                self.answer_requested.emit()
            else:
                self.open_requested.emit()
