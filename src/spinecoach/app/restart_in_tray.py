"""Small all day: once the window has been closed to the tray for a while, start again small.

Measured (issue 18): start, open History, do a desk break, close the window to the tray, and the
process stays at ~150-200 MB for the rest of the day. Freeing the areas gives little back: the
libraries they loaded (pyqtgraph and NumPy for the chart, Qt Multimedia with FFmpeg for the
cues) stay mapped, and Python keeps most of its freed memory. A fresh process holding only the
tray and the reminders is ~65 MB. So when the window has been hidden in the tray for
`RESTART_AFTER_SECONDS` and nothing is going on, SpineCoach hands its reminder state to the next
process (`core.reminders.handover`, through a file in the data folder), shuts down as at Quit
(the data file closed, the speech helper ended, the single-instance lock released) and replaces
itself with `spinecoach --minimised --restarted-in-tray` (`os.execv`: the same process id, so a
session manager or autostart entry sees nothing change). The new process takes the handover
and carries on the same schedule: the next reminder keeps its time, snoozes and pauses hold, a
reminder held for a call is still held. Nothing is restarted while:

- the window is open, a dialog or a reminder card is showing (the person is using it);
- a session plays (it is never interrupted);
- something waits to be saved (kept in memory until storage takes it: it must not be lost);
- the reminders are stopped (quitting).

Opening the window afterwards builds its areas as after a start in the tray. What the person
sees: the tray icon goes and comes back within about a second, once, some time after they
closed the window.
"""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QApplication, QDialog

from spinecoach.core.reminders.handover import UnusableHandoverError, decode, encode
from spinecoach.storage.handover_file import take_handover, write_handover

if TYPE_CHECKING:
    from spinecoach.app.composition import Application

__all__ = [
    "RESTARTED_FLAG",
    "RESTART_AFTER_SECONDS",
    "RESTART_EXIT_CODE",
    "RestartInTray",
    "restart_command",
    "take_over_reminders",
]

log = logging.getLogger(__name__)

#: How long the window stays closed before the restart: long enough that someone who closed it
#: by mistake and opens it again finds it as they left it, short enough that the day is small.
RESTART_AFTER_SECONDS = 60
#: The exit code of the event loop that means "start again small" (never seen outside).
RESTART_EXIT_CODE = 75
#: The restarted process's flag: take the handover from the data folder.
RESTARTED_FLAG = "--restarted-in-tray"


class RestartInTray(QObject):
    """Arms a timer when the window is hidden to the tray; restarts small when it runs out."""

    def __init__(
        self,
        app: Application,
        *,
        after_seconds: float | None = None,
        leave: Callable[[int], None] = QApplication.exit,
    ) -> None:
        """Watch `app`'s window; restart `after_seconds` after it was hidden to the tray.

        `after_seconds` defaults to `RESTART_AFTER_SECONDS`, read now (the benchmark's use
        script shortens it); `leave` ends the event loop with a code (tests record it instead).
        """
        super().__init__(app.owner)
        self._app = app
        self._leave = leave
        self.timer = QTimer(self)
        self.timer.setObjectName("restartInTrayTimer")
        self.timer.setSingleShot(True)
        seconds = RESTART_AFTER_SECONDS if after_seconds is None else after_seconds
        self.timer.setInterval(int(seconds * 1000))
        self.timer.timeout.connect(self.restart_if_quiet)
        app.main_window.when_built(lambda window: window.hidden_to_tray.connect(self.timer.start))

    def busy_with(self) -> str | None:
        """Why not now, in words for the log; None when nothing is going on."""
        app = self._app
        reminders = app.reminders
        if reminders is None or reminders.tray is None:
            return "no tray to stay in"
        window = app.main_window.if_built()
        if window is not None and window.isVisible():
            return "the window is open"
        if app.session_area.is_built and app.player.is_active():
            return "a session is playing"
        if reminders.popup.isVisible():
            return "a reminder card is showing"
        # Dialogs only: the tray icon's own X window is a visible top-level widget too.
        shown = [
            widget
            for widget in QApplication.topLevelWidgets()
            if isinstance(widget, QDialog) and widget.isVisible()
        ]
        if shown:
            return f"a dialog is open ({shown[0].objectName() or type(shown[0]).__name__})"
        if app.storage_is_open and app.storage_status.writer.pending:
            return "something waits to be saved"
        return None

    def restart_if_quiet(self) -> bool:
        """Hand over and leave the event loop to restart small; False (and later) when busy."""
        reason = self.busy_with()
        reminders = self._app.reminders
        if reason is not None or reminders is None:
            log.info("staying as we are for now: %s", reason)
            window = self._app.main_window.if_built()
            if reason != "no tray to stay in" and not (window is not None and window.isVisible()):
                self.timer.start()  # look again later; opening the window stops nothing
            return False
        try:
            write_handover(self._app.data_dir, encode(reminders.service.handover()))
        except OSError as error:
            log.warning("not restarting small: the reminder handover cannot be written: %s", error)
            return False
        log.info("the window has been closed a while: starting again small, in the tray")
        reminders.controller.stop()  # no reminder from this process any more
        self._leave(RESTART_EXIT_CODE)
        return True


def restart_command(arguments: list[str]) -> list[str]:
    """The command that starts SpineCoach again in the tray with `arguments`' data folder.

    `arguments` are this process's own (without the program). What only the first start meant
    (a file to open, the benchmark's flags) is left out.
    """
    kept: list[str] = []
    skip_next = False
    for argument in arguments:
        if skip_next and not argument.startswith("-"):
            skip_next = False
            continue
        skip_next = argument == "--open"  # its file, if one follows
        if skip_next or argument.startswith("--open="):
            continue
        if argument in ("--minimised", RESTARTED_FLAG) or argument.startswith("--exit-after"):
            continue
        kept.append(argument)
    if getattr(sys, "frozen", False):  # the bundle: its executable is SpineCoach itself
        program = [sys.executable]
    else:
        program = [sys.executable, "-m", "spinecoach"]
    return [*program, *kept, "--minimised", RESTARTED_FLAG]


def exec_small(arguments: list[str]) -> None:
    """Replace this process with SpineCoach in the tray (returns only if that failed)."""
    command = restart_command(arguments)
    logging.shutdown()  # the log file is the new process's now
    # Python's own files are not inherited; close whatever a library opened without saying so,
    # so the new process holds no stale X or D-Bus connection of the old one.
    os.closerange(3, 4096)
    try:
        os.execv(command[0], command)
    except OSError as error:  # the program vanished (an upgrade in between): say so, end
        print(f"SpineCoach could not start again in the tray: {error}", file=sys.stderr)


def take_over_reminders(app: Application, data_dir: Path) -> None:
    """In the restarted process: carry on the previous process's reminders, if it left them."""
    text = take_handover(data_dir)
    reminders = app.reminders
    if text is None or reminders is None:
        log.info("started again in the tray without a reminder handover: a fresh interval")
        return
    try:
        reminders.service.take_over(decode(text))
    except UnusableHandoverError as error:
        log.info("the reminder handover was not used (%s): a fresh interval", error)
        return
    reminders.controller.rearm()
    log.info("started again in the tray; reminders carry on: %s", reminders.service.status_text())
