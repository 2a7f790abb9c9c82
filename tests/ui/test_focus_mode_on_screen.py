"""Back from focus mode, the window sits whole on its screen: at QT_SCALE_FACTOR=2 too.

Qt reads the scale factor once, at start, so this runs the real app in a child process on an
offscreen screen of 1920 x 1080 pixels (960 x 540 logical), as issue 14 found it: the window,
held up by a minimum size made for larger screens and restored to a size saved elsewhere,
came back half off the screen.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

CHILD = """
import sys
from datetime import UTC, datetime
from pathlib import Path

from PySide6.QtWidgets import QApplication

from spinecoach.app import build
from spinecoach.core.clock import FakeClock
from tests.fakes import RecordingCues, ScriptedPrompts
from spinecoach.ui.widgets.on_screen import fits_on_screen

qt_app = QApplication([])
clock = FakeClock(datetime(2026, 11, 23, 10, 0, tzinfo=UTC))
app = build(Path(sys.argv[1]), clock, prompts=ScriptedPrompts(), cues=RecordingCues())
window = app.window
screen = window.screen()
print("screen", screen.geometry().width(), screen.geometry().height(), screen.devicePixelRatio())
window.resize(1180, 760)  # the window's default size, saved on a larger screen
window.show()
assert app.start_routine(app.library.routines["desk-break"])
view = app.session.player
for _ in range(2):
    view.toggle_focus_mode()
    for _ in range(5):
        qt_app.processEvents()
    view.toggle_focus_mode()
    for _ in range(5):
        qt_app.processEvents()
    frame = window.frameGeometry()
    print("after", frame.x(), frame.y(), frame.width(), frame.height(), fits_on_screen(window))
app.player.toggle_pause()
window.close()
app.database.close()
"""


@pytest.mark.slow
def test_focus_mode_gives_the_window_back_whole_on_a_960_by_540_screen(tmp_path: Path) -> None:
    config = tmp_path / "screen.json"
    screen = {"name": "s", "x": 0, "y": 0, "width": 1920, "height": 1080}
    config.write_text(json.dumps({"screens": [{**screen, "logicalDpi": 96, "dpr": 1}]}))
    data = tmp_path / "data"
    data.mkdir()
    env = {
        **os.environ,
        "QT_SCALE_FACTOR": "2",
        "QT_QPA_PLATFORM": f"offscreen:configfile={config}",
        "PYTHONPATH": str(Path(__file__).resolve().parents[2]),
    }
    result = subprocess.run(
        [sys.executable, "-c", CHILD, str(data)],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    lines = result.stdout.splitlines()
    assert "screen 960 540 2.0" in lines
    after = [line for line in lines if line.startswith("after")]
    assert len(after) == 2
    assert all(line.endswith("True") for line in after), after
