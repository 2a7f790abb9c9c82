"""Exercise illustrations as pixmaps, rendered once per size and theme and then reused.

The SVGs are drawn in the light palette. For the dark theme their colours are swapped for the
dark palette's (the same mapping the pose renderer uses), so both themes come from one file.
"""

from __future__ import annotations

from importlib.resources.abc import Traversable

from PySide6.QtCore import QByteArray, QRectF, QSize, Qt
from PySide6.QtGui import QIcon, QImage, QPainter, QPixmap
from PySide6.QtSvg import QSvgRenderer

from spinecoach.core.figure import DARK, LIGHT, Palette


def _colour_map(source: Palette, target: Palette) -> dict[str, str]:
    return {
        getattr(source, name).lower(): getattr(target, name)
        for name in source.__dataclass_fields__
        if isinstance(getattr(source, name), str) and getattr(source, name).startswith("#")
    }


class IllustrationCache:
    """Renders the SVG illustrations of one folder into cached pixmaps.

    Keyed by image, logical size, device pixel ratio and theme, so high-DPI screens get crisp
    pixels and a list that repaints while scrolling never parses an SVG twice.
    """

    def __init__(self, folder: Traversable, *, dark: bool = False) -> None:
        self._folder = folder
        self._dark = dark
        self._svg: dict[str, bytes] = {}
        self._pixmaps: dict[tuple[str, int, int, float], QPixmap] = {}

    @property
    def dark(self) -> bool:
        """Whether pixmaps are drawn in the dark palette."""
        return self._dark

    def set_dark(self, dark: bool) -> None:
        """Switch palette; cached pixmaps of the other palette are dropped."""
        if dark != self._dark:
            self._dark = dark
            self._svg.clear()
            self._pixmaps.clear()

    def svg_bytes(self, image: str) -> bytes:
        """The SVG document for `image`, in the current palette."""
        if image not in self._svg:
            text = (self._folder / image).read_text(encoding="utf-8")
            if self._dark:
                for light, dark in _colour_map(LIGHT, DARK).items():
                    text = text.replace(light, dark).replace(light.upper(), dark)
            self._svg[image] = text.encode("utf-8")
        return self._svg[image]

    def pixmap(self, image: str, size: QSize, device_pixel_ratio: float = 1.0) -> QPixmap:
        """The illustration scaled to fit `size` (aspect kept), crisp at the given ratio."""
        key = (image, size.width(), size.height(), device_pixel_ratio)
        cached = self._pixmaps.get(key)
        if cached is not None:
            return cached
        renderer = QSvgRenderer(QByteArray(self.svg_bytes(image)))
        width = max(1, round(size.width() * device_pixel_ratio))
        height = max(1, round(size.height() * device_pixel_ratio))
        canvas = QImage(width, height, QImage.Format.Format_ARGB32_Premultiplied)
        canvas.fill(Qt.GlobalColor.transparent)
        painter = QPainter(canvas)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        view = renderer.defaultSize().toSizeF()
        scale = min(width / view.width(), height / view.height())
        target = QRectF(
            (width - view.width() * scale) / 2,
            (height - view.height() * scale) / 2,
            view.width() * scale,
            view.height() * scale,
        )
        renderer.render(painter, target)
        painter.end()
        pixmap = QPixmap.fromImage(canvas)
        pixmap.setDevicePixelRatio(device_pixel_ratio)
        self._pixmaps[key] = pixmap
        return pixmap

    def icon(self, image: str, size: QSize, device_pixel_ratio: float = 1.0) -> QIcon:
        """The illustration as an icon, for buttons and lists."""
        return QIcon(self.pixmap(image, size, device_pixel_ratio))
