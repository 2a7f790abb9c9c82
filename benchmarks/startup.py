"""Start-up time: what the person waits for, against a bare PySide6 window, alternating runs.

Each run is a fresh process timed from launch until the window has painted (the child prints
"painted" on its first paint event) and, for SpineCoach, until the library list has painted
("library-painted"; the pane is built right after the window's first paint, and the data file
opens after the list has painted). The run is the real start path, as `main` runs it. Runs
alternate so both see the same machine state; each figure is reported as a ratio
to the bare window's median in the same run. Goals (issue 12): window painted within 1.6x the
bare window, library list within 2.0x.

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


WINDOW_GOAL = 1.6
LIST_GOAL = 2.0


def time_to_paint(command: list[str], env: dict[str, str]) -> dict[str, float]:
    """Seconds from launching `command` until each stage it prints ("painted", ...)."""
    start = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.PIPE, text=True, env=env)
    assert process.stdout is not None
    stages = {line.strip(): time.perf_counter() - start for line in process.stdout}
    process.wait(timeout=30)
    if "painted" not in stages:
        raise RuntimeError(f"{command[:3]} exited without painting")
    return stages


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15, help="runs of each (default 15)")
    args = parser.parse_args()
    env = {**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen")}
    # Measure what a person's machine does: modules load from cached bytecode (pip compiles
    # it on install). Without this, a PYTHONDONTWRITEBYTECODE environment recompiles ~60 ms of
    # SpineCoach source on every start; the warm-up run below writes the cache.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    with tempfile.TemporaryDirectory() as data:
        # The installed entry point, as a desktop launcher or `make run` starts it.
        launcher = Path(sys.executable).with_name("spinecoach")
        start = [str(launcher)] if launcher.exists() else [sys.executable, "-m", "spinecoach"]
        spinecoach = [*start, "--data-dir", data, "--exit-after-first-paint"]
        bare = [sys.executable, "-c", BARE_WINDOW]
        time_to_paint(spinecoach, env)  # warm-up: creates the database and bytecode cache
        time_to_paint(bare, env)
        bare_times, window_times, library_times = [], [], []
        for _ in range(args.runs):
            bare_times.append(time_to_paint(bare, env)["painted"])
            stages = time_to_paint(spinecoach, env)
            window_times.append(stages["painted"])
            library_times.append(stages["library-painted"])
    bare_median = statistics.median(bare_times)
    print(f"bare PySide6 window painted:    median {bare_median:.3f} s")
    met = True
    for label, times, goal in (
        ("SpineCoach window painted:    ", window_times, WINDOW_GOAL),
        ("SpineCoach library list shown:", library_times, LIST_GOAL),
    ):
        ratio = statistics.median(times) / bare_median
        verdict = "meets" if ratio <= goal else "MISSES"
        met = met and ratio <= goal
        print(
            f"{label}  median {statistics.median(times):.3f} s  = {ratio:.2f}x bare"
            f"  ({verdict} the goal of {goal:.1f}x)"
        )
    print(f"{args.runs} alternating runs each")
    return 0 if met else 1


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
    raise SystemExit(main())
