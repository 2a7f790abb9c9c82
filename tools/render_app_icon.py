"""Rasterise the app icon: icons/spinecoach.svg -> icons/spinecoach-256.png.

    QT_QPA_PLATFORM=offscreen python tools/render_app_icon.py [--size 256]

The SVG is the source of truth (hand-drawn, it is a mark rather than an exercise pose); the PNG
exists for places that cannot read SVG (some tray and desktop-entry setups).
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QByteArray, QRectF, Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

ICONS = Path(__file__).resolve().parent.parent / "icons"


def render(size: int) -> QImage:
    """The icon at ``size`` x ``size`` pixels on a transparent background."""
    renderer = QSvgRenderer(QByteArray((ICONS / "spinecoach.svg").read_bytes()))
    if not renderer.isValid():
        raise SystemExit("icons/spinecoach.svg is not a valid SVG")
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter, QRectF(0, 0, size, size))
    painter.end()
    return image


def main(argv: list[str] | None = None) -> int:
    """Write icons/spinecoach-<size>.png; return the exit status."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=256)
    args = parser.parse_args(argv)
    _app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    out = ICONS / f"spinecoach-{args.size}.png"
    if not render(args.size).save(str(out)):
        raise SystemExit(f"could not write {out}")
    print(out.relative_to(ICONS.parent))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
