"""Screenshots of the real tray icon, its menu and a reminder, on an X server with a tray host.

    .venv/bin/python tools/tray_screenshot.py      # needs Xvfb, trayer, xdotool, imagemagick

Starts its own Xvfb and Debian's `trayer` (a system-tray host), runs the real application in
this process on the xcb platform with a fake clock (so the 09:30 reminder comes at once), and
captures the whole screen with ImageMagick's `import`:

- docs/screenshots/tray-reminder-xvfb.png: the icon in the tray, the reminder card in the
  corner of the screen with the mouse, on a plain painted "desktop";
- docs/screenshots/tray-menu-xvfb.png: the tray menu after a right-click on the icon.

Open both PNGs after running it.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import time
from datetime import datetime
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
OUT = REPO / "docs" / "screenshots"
SCREEN = (1280, 800)


def start_xvfb() -> tuple[subprocess.Popen[bytes], str]:
    """An Xvfb on a free display; returns the process and ":N"."""
    read_fd, write_fd = os.pipe()
    xvfb = subprocess.Popen(
        ["Xvfb", "-displayfd", str(write_fd), "-screen", "0", f"{SCREEN[0]}x{SCREEN[1]}x24",
         "-nolisten", "tcp", "-noreset"],
        pass_fds=(write_fd,),
    )  # fmt: skip
    os.close(write_fd)
    with os.fdopen(read_fd) as pipe:
        number = pipe.readline().strip()
    if not number:
        raise RuntimeError("Xvfb did not start")
    return xvfb, f":{number}"


def pump(seconds: float) -> None:
    """Run Qt's event loop for a while (paints, the tray's embedding, menus)."""
    from PySide6.QtWidgets import QApplication

    end = time.monotonic() + seconds
    while time.monotonic() < end:
        QApplication.processEvents()
        time.sleep(0.02)


def capture(name: str) -> None:
    """The whole X screen into docs/screenshots/<name>.png."""
    path = OUT / f"{name}.png"
    subprocess.run(["/usr/bin/import", "-window", "root", str(path)], check=True)
    print(f"wrote {path.relative_to(REPO)}")


def main() -> int:
    """Start the X server and tray host, run SpineCoach, capture, clean up."""
    for program in ("Xvfb", "trayer", "xdotool", "/usr/bin/import"):
        if shutil.which(program) is None:
            print(f"{program} is missing (apt-get install xvfb trayer xdotool imagemagick)")
            return 1
    xvfb, display = start_xvfb()
    helpers: list[subprocess.Popen[bytes]] = []
    try:
        os.environ["DISPLAY"] = display
        os.environ["QT_QPA_PLATFORM"] = "xcb"
        return shoot(helpers)
    finally:
        for process in [*helpers, xvfb]:
            process.terminate()
            process.wait(timeout=10)


def shoot(helpers: list[subprocess.Popen[bytes]]) -> int:
    """Everything that runs on the X server."""
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QColor, QLinearGradient, QPainter, QPaintEvent
    from PySide6.QtWidgets import QApplication, QSystemTrayIcon, QWidget

    from spinecoach import paths
    from spinecoach.app import build
    from spinecoach.core.clock import FakeClock
    from spinecoach.localzone import local_timezone

    class Desktop(QWidget):
        """A calm painted backdrop, so the card is seen as it would be over other work."""

        def paintEvent(self, _event: QPaintEvent) -> None:
            painter = QPainter(self)
            gradient = QLinearGradient(0, 0, 0, self.height())
            gradient.setColorAt(0, QColor("#5E7F91"))
            gradient.setColorAt(1, QColor("#2C4352"))
            painter.fillRect(self.rect(), gradient)

    qt_app = QApplication([sys.argv[0]])
    qt_app.setApplicationName(paths.APP_NAME)
    desktop = Desktop()
    desktop.setWindowFlag(Qt.WindowType.FramelessWindowHint)
    desktop.setGeometry(0, 0, *SCREEN)
    desktop.show()
    pump(0.5)
    trayer = ["trayer", "--edge", "top", "--align", "right", "--widthtype", "request",
              "--height", "30", "--transparent", "false", "--tint", "0x1B2830",
              "--SetDockType", "true", "--margin", "0"]  # fmt: skip
    helpers.append(subprocess.Popen(trayer))
    deadline = time.monotonic() + 10
    while not QSystemTrayIcon.isSystemTrayAvailable():
        if time.monotonic() > deadline:
            print("trayer did not provide a system tray")
            return 1
        pump(0.1)

    monday = datetime(2026, 3, 2, 9, 0).replace(tzinfo=local_timezone())
    clock = FakeClock(monday)
    with tempfile.TemporaryDirectory() as folder:
        app = build(Path(folder), clock)
        app.settings.set("safety_acknowledged", True)
        app.set_theme("light")
        background = app.start_background()
        assert background.tray is not None, "no tray icon although the tray is available"
        pump(1.5)
        subprocess.run(["xdotool", "mousemove", "700", "420"], check=True)
        clock.advance(30 * 60)
        background.controller.wake()
        pump(1.5)
        capture("tray-reminder-xvfb")
        background.popup.hide()
        icon = background.tray.tray.geometry().center()
        subprocess.run(
            ["xdotool", "mousemove", str(icon.x()), str(icon.y()), "click", "3"], check=True
        )
        pump(1.5)
        capture("tray-menu-xvfb")
        subprocess.run(["xdotool", "key", "Escape"], check=True)
        pump(0.3)
        background.stop()
        app.database.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
