"""Start SpineCoach for real and use it as a person does, then leave it in the tray.

`benchmarks/idle_tray.py --only spinecoach-after-use` runs this instead of `spinecoach`: it calls
SpineCoach's own `main()` (the real start, window, tray, reminders, data file) and, once the
Library has painted, plays a day's first use on timers, as a person would with the mouse:

1. History opens (its chart and three months of data, if there are any);
2. the two-minute desk break starts from the tray's action, the pain questions are answered
   ("3" before, "2" after), and each exercise is shown with its countdown and spoken cue for
   four seconds before "Next";
3. the window closes to the tray.

Then nothing touches it. SpineCoach restarts itself small after `RESTART_AFTER_SECONDS`
(`app.restart_in_tray`), replacing this script's process image with `spinecoach --minimised`,
so the process the benchmark watches is SpineCoach alone from then on. Each step prints one
line with the time and the process tree's memory, so the benchmark's log shows the way down.
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from spinecoach.app import restart_in_tray, startup
from spinecoach.app.composition import Application

START = time.monotonic()
EXERCISE_SECONDS = 4.0


def memory_mb() -> tuple[float, float]:
    """RSS and PSS of this process and its children (the speech helper), in MB."""
    rss = pss = 0
    pids = [os.getpid()]
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            if int(stat[stat.rindex(")") + 2 :].split()[1]) == os.getpid():
                pids.append(int(entry.name))
    for pid in pids:
        try:
            lines = Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines()
        except OSError:
            continue
        for line in lines:
            if line.startswith("Rss:"):
                rss += int(line.split()[1])
            elif line.startswith("Pss:"):
                pss += int(line.split()[1])
    return rss / 1024, pss / 1024


def say(step: str) -> None:
    rss, pss = memory_mb()
    print(
        f"use {time.monotonic() - START:6.1f} s  {step:<34} RSS {rss:6.1f} MB  PSS {pss:6.1f} MB",
        flush=True,
    )


class Use:
    """The person, on timers."""

    def __init__(self, app: Application) -> None:
        self.app = app
        self.scores = 0
        self.answers = QTimer()
        self.answers.timeout.connect(self.answer_questions)
        self.answers.start(300)
        self.steps = QTimer()
        self.steps.setSingleShot(True)

    def begin(self) -> None:
        say("library painted")
        QTimer.singleShot(2000, self.open_history)

    def open_history(self) -> None:
        self.app.window.show_area("history")
        QTimer.singleShot(3000, self.desk_break)

    def desk_break(self) -> None:
        say("history shown")
        self.app.start_desk_break()
        QTimer.singleShot(int(EXERCISE_SECONDS * 1000), self.next_exercise)

    def next_exercise(self) -> None:
        if self.app.session_area.is_built and self.app.player.is_active():
            self.app.player.next_exercise()
            QTimer.singleShot(int(EXERCISE_SECONDS * 1000), self.next_exercise)
            return
        say("desk break done")
        QTimer.singleShot(2000, self.close_window)

    def close_window(self) -> None:
        self.app.window.close()  # to the tray: SpineCoach keeps running
        QTimer.singleShot(500, lambda: say("window closed to the tray"))

    def answer_questions(self) -> None:
        """Answer whatever the session asks (pain before and after) as a person would."""
        for widget in QApplication.topLevelWidgets():
            if widget.objectName() == "menuEntryOffer" and widget.isVisible():
                widget.reject()  # type: ignore[attr-defined]  # "Not now", as most people say
                say("answered the menu entry offer")
        dialog = QApplication.activeModalWidget()
        if dialog is None:
            return
        name = type(dialog).__name__
        buttons = getattr(dialog, "score_buttons", None)
        if buttons is not None:  # the pain question: a score, then Save
            self.scores += 1
            button = buttons.button(3 if self.scores == 1 else 2)
            if button is not None:
                button.click()
            dialog.save_button.click()  # type: ignore[attr-defined]
        else:
            dialog.accept()  # type: ignore[attr-defined]
        say(f"answered {name}")


def main() -> int:
    if "--restart-after" in sys.argv:  # for a quicker look; the benchmark keeps the default
        at = sys.argv.index("--restart-after")
        restart_in_tray.RESTART_AFTER_SECONDS = int(sys.argv[at + 1])
        del sys.argv[at : at + 2]
    original = startup.start_running

    def start_and_use(app: Application, **options: object) -> None:
        use = Use(app)
        app.window.setProperty("benchmarkUse", True)
        original(app, shown=use.begin, **options)  # type: ignore[arg-type]
        app.benchmark_use = use  # type: ignore[attr-defined]

    startup.start_running = start_and_use
    return startup.main(sys.argv[1:])


if __name__ == "__main__":
    sys.exit(main())
