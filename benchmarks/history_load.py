"""History speed with ten years of data: open-and-draw time, and redraw time per range.

Writes ~11,000 pain scores and ~4,000 sessions with tools/make_demo_data.py into a temporary
folder, starts the real application offscreen, and measures (median of 5):
- importing pyqtgraph (paid once, when History is first shown);
- opening the History area (queries, summary, chart, table) until it has painted;
- switching to each range button until the chart has repainted.
Goal (issue 4): the history view opens and draws within 300 ms.

    QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/history_load.py
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

REPO = Path(__file__).resolve().parents[1]

CHILD = """
import sys, time
from pathlib import Path
from PySide6.QtWidgets import QApplication
app = QApplication([])
from spinecoach.app import build
from tests.fakes import RecordingCues, ScriptedPrompts
a = build(Path(sys.argv[1]), prompts=ScriptedPrompts(), cues=RecordingCues())
a.settings.set("last_area", "library")
a.window.resize(1280, 820)
a.window.show()
app.processEvents()
start = time.perf_counter()
import spinecoach.ui.history.chart  # pyqtgraph and numpy: paid once, on first opening
print("import", time.perf_counter() - start)
start = time.perf_counter()
a.window.show_area("history")
a.history_area.repaint()
app.processEvents()
print("open", time.perf_counter() - start)
view = a.history_area.build().view
for index in (0, 1, 2, 3):
    start = time.perf_counter()
    view.range_buttons.button(index).click()
    view.chart.repaint()
    app.processEvents()
    print("range", index, time.perf_counter() - start)
box = view.chart.plot.getViewBox()
# All ten years loaded; look at one year in the middle and drag it along, as a mouse would.
low, high = view.chart.data_span()
middle = (low + high) / 2
view.chart.show_range(middle - 182 * 86400, middle + 182 * 86400)
app.processEvents()
step = 365 * 86400 / 20
for _ in range(20):
    start = time.perf_counter()
    box.translateBy(x=-step)
    view.chart.repaint()
    app.processEvents()
    print("pan", time.perf_counter() - start)
print("entries", a.database.count_pain_entries(), "sessions", a.database.count_sessions())
a.window.close()
a.database.close()
"""


def main() -> int:
    with tempfile.TemporaryDirectory() as folder:
        subprocess.run(
            [sys.executable, str(REPO / "tools" / "make_demo_data.py"), "--data-dir", folder,
             "--years", "10", "--seed", "3"],
            check=True, capture_output=True,
        )  # fmt: skip
        opens: list[float] = []
        imports: list[float] = []
        pans: list[float] = []
        ranges: dict[int, list[float]] = {0: [], 1: [], 2: [], 3: []}
        counts = ""
        for _ in range(5):
            out = subprocess.run(
                [sys.executable, "-c", CHILD, folder],
                check=True, capture_output=True, text=True, cwd=REPO,
                env={**os.environ, "PYTHONPATH": str(REPO)},
            ).stdout  # fmt: skip
            for line in out.splitlines():
                parts = line.split()
                if parts[0] == "import":
                    imports.append(float(parts[1]))
                elif parts[0] == "open":
                    opens.append(float(parts[1]))
                elif parts[0] == "range":
                    ranges[int(parts[1])].append(float(parts[2]))
                elif parts[0] == "pan":
                    pans.append(float(parts[1]))
                elif parts[0] == "entries":
                    counts = line
    print(counts)
    import_ms = statistics.median(imports) * 1000
    open_ms = statistics.median(opens) * 1000
    print(f"import pyqtgraph (once, when History is first shown): median {import_ms:.0f} ms")
    print(f"open and draw the History area (3 months): median {open_ms:.0f} ms (goal: 300 ms)")
    print(f"first opening in all: {import_ms + open_ms:.0f} ms")
    labels = ("2 weeks", "3 months", "1 year", "All (10 years)")
    for index, label in enumerate(labels):
        print(f"switch to {label}: median {statistics.median(ranges[index]) * 1000:.0f} ms")
    frame = statistics.median(pans) * 1000
    worst = max(pans) * 1000
    print(f"pan a one-year view (ten years loaded): {frame:.0f} ms a frame, worst {worst:.0f} ms")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
