"""Start-up time: SpineCoach's main window against a bare PySide6 window, alternating runs.

Each run is a fresh process timed from launch until the window has painted (the child prints
"painted" on its first paint event and quits). Runs alternate so both see the same machine
state. The goal (issue 2): SpineCoach paints within 1.5x the bare window's time.

    make bench          # or: QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/startup.py
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BARE_WINDOW = """
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication([])
window = QMainWindow()
window.resize(1180, 760)
class FirstPaint(QObject):
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint:
            print("painted", flush=True)
            QTimer.singleShot(0, app.quit)
        return False
window.installEventFilter(FirstPaint(window))
window.show()
app.exec()
"""


def time_to_paint(command: list[str], env: dict[str, str]) -> float:
    """Seconds from launching `command` until it prints "painted"."""
    start = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.PIPE, text=True, env=env)
    assert process.stdout is not None
    for line in process.stdout:
        if line.strip() == "painted":
            elapsed = time.perf_counter() - start
            break
    else:
        raise RuntimeError(f"{command[:3]} exited without painting")
    process.wait(timeout=30)
    return elapsed


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=10, help="runs of each (default 10)")
    args = parser.parse_args()
    env = {**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen")}
    with tempfile.TemporaryDirectory() as data:
        spinecoach = [
            sys.executable, "-m", "spinecoach", "--data-dir", data, "--exit-after-first-paint",
        ]  # fmt: skip
        bare = [sys.executable, "-c", BARE_WINDOW]
        time_to_paint(spinecoach, env)  # first run creates the database; not counted
        bare_times, app_times = [], []
        for _ in range(args.runs):
            bare_times.append(time_to_paint(bare, env))
            app_times.append(time_to_paint(spinecoach, env))
    bare_median = statistics.median(bare_times)
    app_median = statistics.median(app_times)
    print(f"bare PySide6 window: median {bare_median:.3f} s (min {min(bare_times):.3f})")
    print(f"SpineCoach library:  median {app_median:.3f} s (min {min(app_times):.3f})")
    print(f"ratio: {app_median / bare_median:.2f}x (goal: at most 1.5x), {args.runs} runs each")
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
    raise SystemExit(main())
