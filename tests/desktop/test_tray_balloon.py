"""The tray's own message balloon, drawn by Qt where no notification server shows messages.

Qt paints it pale yellow (#FFFFE1) whatever the theme; with the dark theme's near-white text it
was unreadable (issue 15). The stylesheet gives it the theme's colours. Checked on a real X11
tray (Xvfb and trayer, an XEmbed tray), in a process of its own: the tests' QApplication is
offscreen, where Qt has no tray.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time

import pytest

from spinecoach.ui.style.contrast import contrast_ratio
from spinecoach.ui.style.theme import THEMES

SCRIPT = r"""
import json, sys, time
from PySide6.QtGui import QIcon, QPixmap
from PySide6.QtWidgets import QApplication, QLabel, QSystemTrayIcon
from spinecoach.ui.style.theme import THEMES, apply_theme
app = QApplication([])
theme = next(t for t in THEMES if t.name == sys.argv[1])
apply_theme(app, theme)
deadline = time.monotonic() + 10
while not QSystemTrayIcon.isSystemTrayAvailable() and time.monotonic() < deadline:
    app.processEvents()
    time.sleep(0.05)
pixmap = QPixmap(16, 16)
pixmap.fill()
tray = QSystemTrayIcon(QIcon(pixmap))
tray.show()
tray.showMessage("Time to stand up", "You have been sitting for 30 minutes.", QIcon(pixmap), 5000)
balloon = None
while balloon is None and time.monotonic() < deadline:
    app.processEvents()
    found = [w for w in app.topLevelWidgets() if w.metaObject().className() == "QBalloonTip"]
    balloon = found[0] if found and found[0].isVisible() else None
if balloon is None:
    print(json.dumps({"shown": False}))
    sys.exit(0)
labels = [label for label in balloon.findChildren(QLabel) if label.text()]
print(json.dumps({
    "shown": True,
    "background": balloon.palette().color(balloon.backgroundRole()).name(),
    "texts": [label.palette().color(label.foregroundRole()).name() for label in labels],
}))
"""


@pytest.mark.parametrize("theme", [t.name for t in THEMES])
def test_the_tray_balloon_is_drawn_in_the_themes_colours(xvfb: str, theme: str) -> None:
    trayer = shutil.which("trayer")
    if trayer is None:
        pytest.skip("trayer (an XEmbed system tray) is not installed")
    env = {**os.environ, "DISPLAY": xvfb, "QT_QPA_PLATFORM": "xcb"}
    env.pop("DBUS_SESSION_BUS_ADDRESS", None)  # no StatusNotifier tray: Qt's own balloon
    tray = subprocess.Popen(
        [trayer, "--edge", "bottom", "--align", "right", "--widthtype", "pixel", "--width", "80"],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        time.sleep(0.3)
        done = subprocess.run(
            [sys.executable, "-c", SCRIPT, theme],
            env=env,
            capture_output=True,
            text=True,
            timeout=60,
            check=True,
        )
    finally:
        tray.terminate()
        tray.wait(timeout=10)
    report = json.loads(done.stdout.strip().splitlines()[-1])
    if not report["shown"]:
        pytest.skip("no balloon appeared on this X server")
    chosen = next(t for t in THEMES if t.name == theme)
    assert report["background"] == chosen.surface.lower()  # not Qt's #ffffe1
    assert report["texts"]
    for text in report["texts"]:
        assert contrast_ratio(text, report["background"]) >= 4.5, (theme, text)
