"""Contact sheet of every exercise drawing, for reviewing poses by eye.

    python tools/pose_sheet.py                       # /tmp/poses_sheet.png, light palette
    python tools/pose_sheet.py --dark                # /tmp/poses_sheet_dark.png, dark palette
    python tools/pose_sheet.py --cell 480 glute-bridge cat-cow   # a few, large

Draws straight from the pose files (not the committed SVGs), labelled, on the palette's
background.  Uses Qt only to rasterise; run with QT_QPA_PLATFORM=offscreen on a headless box.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QByteArray, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

from spinecoach.core.figure import (
    DARK,
    LIGHT,
    VIEWBOX,
    load_exercise_poses,
    render_exercise,
)

REPO = Path(__file__).resolve().parent.parent
POSES = REPO / "resources" / "poses"
LABEL_HEIGHT = 24


def main(argv: list[str] | None = None) -> int:
    """Render the sheet; return the exit status."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("names", nargs="*", help="exercise ids (default: all)")
    parser.add_argument("--dark", action="store_true", help="dark palette on a dark background")
    parser.add_argument("--cell", type=int, default=240, help="drawing width in pixels")
    parser.add_argument("--columns", type=int, default=0, help="default: fit 1440 px")
    parser.add_argument("--out", type=Path, help="PNG path")
    args = parser.parse_args(argv)

    palette = DARK if args.dark else LIGHT
    out = args.out or Path("/tmp/poses_sheet_dark.png" if args.dark else "/tmp/poses_sheet.png")
    names = args.names or sorted(p.stem for p in POSES.glob("*.toml"))
    columns = args.columns or max(1, min(len(names), 1440 // args.cell))
    rows = (len(names) + columns - 1) // columns
    width = args.cell
    height = round(width * VIEWBOX[3] / VIEWBOX[2])

    _app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    sheet = QImage(columns * width, rows * (height + LABEL_HEIGHT), QImage.Format.Format_RGB32)
    sheet.fill(QColor(palette.background))
    painter = QPainter(sheet)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    font = QFont()
    font.setPixelSize(13)
    painter.setFont(font)
    for i, name in enumerate(names):
        poses = load_exercise_poses((POSES / f"{name}.toml").read_text(encoding="utf-8"))
        svg = render_exercise(poses, palette).encode("utf-8")
        x = (i % columns) * width
        y = (i // columns) * (height + LABEL_HEIGHT)
        QSvgRenderer(QByteArray(svg)).render(painter, QRectF(x, y, width, height))
        painter.setPen(QColor(palette.prop))
        painter.drawRect(x, y, width - 1, height + LABEL_HEIGHT - 1)
        painter.setPen(QColor(palette.body))
        painter.drawText(
            QRectF(x, y + height, width, LABEL_HEIGHT), Qt.AlignmentFlag.AlignCenter, name
        )
    painter.end()
    sheet.save(str(out))
    print(out)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
