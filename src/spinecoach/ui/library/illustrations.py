"""Exercise illustrations as pixmaps, rendered once per size and theme and then reused.

The SVGs are drawn in the light palette. For the dark and the high-contrast theme their colours
are swapped for that palette's (core.figure.PALETTES, the ones the pose renderer uses), so every
theme comes from one file.

Pictures rendered at a size are also kept between starts as PNG files, when given a folder for
them (`rendered`, in the data folder's cache): drawing the Library list's thumbnails from their
SVGs cost ~2 ms before the list could show (issue 12), reading them back a tenth of that. Each
file is named by the picture, its size, its mode and a checksum of the SVG as coloured for the
theme, so a changed drawing or another theme is simply another file; a file that cannot be read
or written is drawn again, never a reason to fail.
"""

from __future__ import annotations

import contextlib
import logging
import os
import re
import zlib
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QRectF, QSize, Qt
from PySide6.QtGui import QIcon, QImage, QPainter, QPixmap
from PySide6.QtSvg import QSvgRenderer

if TYPE_CHECKING:
    from importlib.resources.abc import Traversable

    from spinecoach.core.figure import Palette

log = logging.getLogger(__name__)

#: How many rendered pictures the folder keeps before it starts over (every theme, size and
#: screen of the ~50 illustrations is far fewer; drawings that changed leave old files behind).
MAX_KEPT_RENDERINGS = 600

#: Room left around the figure in a cropped thumbnail, in viewBox units.
CROP_MARGIN = 10.0

#: The ink bounds tools/render_poses.py writes on each illustration's root element.
_INK = re.compile(rb'data-ink="([-\d.]+) ([-\d.]+) ([-\d.]+) ([-\d.]+)"')


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

    def __init__(
        self, folder: Traversable, *, palette: str = "light", rendered: Path | None = None
    ) -> None:
        """`palette` is the theme's name: "light", "dark" or "contrast".

        `rendered`: a folder to keep rendered pictures in between starts (see the module's
        docstring); None keeps them in memory only.
        """
        self._folder = folder
        self._palette = palette
        self._rendered = rendered
        self._svg: dict[str, bytes] = {}
        # (image, width, height, device pixel ratio, mode: fit / crop / trim) -> pixmap
        self._pixmaps: dict[tuple[str, int, int, float, str], QPixmap] = {}
        self._extents: dict[str, tuple[float, float, float, float] | None] = {}

    @property
    def palette(self) -> str:
        """The palette pixmaps are drawn in: "light", "dark" or "contrast"."""
        return self._palette

    @property
    def dark(self) -> bool:
        """Whether pixmaps are drawn in the dark palette."""
        return self._palette == "dark"

    def set_palette(self, palette: str) -> None:
        """Switch palette; cached pixmaps of the other palette are dropped."""
        if palette != self._palette:
            self._palette = palette
            self._svg.clear()
            self._pixmaps.clear()
            self._extents.clear()

    def svg_bytes(self, image: str) -> bytes:
        """The SVG document for `image`, in the current palette."""
        if image not in self._svg:
            text = (self._folder / image).read_text(encoding="utf-8")
            if self._palette != "light":
                # Imported here: the figure module is only needed for the other palettes, and
                # start-up in the (default) light theme should not pay for it.
                from spinecoach.core.figure import LIGHT, PALETTES

                target = PALETTES.get(self._palette, LIGHT)
                for light, other in _colour_map(LIGHT, target).items():
                    text = text.replace(light, other).replace(light.upper(), other)
            self._svg[image] = text.encode("utf-8")
        return self._svg[image]

    def extent(self, image: str) -> tuple[float, float, float, float] | None:
        """The ink bounds written into the illustration by the renderer, if any."""
        if image not in self._extents:
            match = _INK.search(self.svg_bytes(image))
            self._extents[image] = (
                (float(match[1]), float(match[2]), float(match[3]), float(match[4]))
                if match
                else None
            )
        return self._extents[image]

    def _crop_box(self, renderer: QSvgRenderer, image: str, size: QSize) -> QRectF | None:
        """A view box around the figure with the target's aspect, inside the full drawing."""
        extent = self.extent(image)
        if extent is None:
            return None
        full = renderer.viewBoxF()
        left, top, right, bottom = extent
        aspect = size.width() / max(1, size.height())
        height = max(bottom - top, (right - left) / aspect) + 2 * CROP_MARGIN
        height = min(height, full.height(), full.width() / aspect)
        width = height * aspect
        centre_x = (left + right) / 2
        # Keep the floor in view: the box ends a margin below the lowest ink.
        box_bottom = min(full.bottom(), bottom + CROP_MARGIN)
        x = min(max(full.left(), centre_x - width / 2), full.right() - width)
        y = max(full.top(), box_bottom - height)
        return QRectF(x, y, width, height)

    def trimmed(self, image: str, width: int, device_pixel_ratio: float = 1.0) -> QPixmap:
        """The illustration at the shared scale for `width`, with empty bands above and below cut.

        People stay the same size across exercises (the full width maps to `width`), but a
        person lying down does not sit under a large empty sky.
        """
        renderer = QSvgRenderer(QByteArray(self.svg_bytes(image)))
        full = renderer.viewBoxF()
        extent = self.extent(image)
        if extent is None:
            height = round(width * full.height() / full.width())
            return self.pixmap(image, QSize(width, height), device_pixel_ratio)
        top = max(full.top(), extent[1] - CROP_MARGIN)
        bottom = min(full.bottom(), extent[3] + CROP_MARGIN)
        height = round(width * (bottom - top) / full.width())
        key = (image, width, height, device_pixel_ratio, "trim")
        if key not in self._pixmaps:
            renderer.setViewBox(QRectF(full.left(), top, full.width(), bottom - top))
            self._pixmaps[key] = self._render(renderer, QSize(width, height), device_pixel_ratio)
        return self._pixmaps[key]

    def pixmap(
        self, image: str, size: QSize, device_pixel_ratio: float = 1.0, *, crop: bool = False
    ) -> QPixmap:
        """The illustration scaled to fit `size` (aspect kept), crisp at the given ratio.

        With `crop`, the view closes in on the figure (for thumbnails); without it every
        illustration keeps the shared scale, so people are the same size in all of them.
        """
        key = (image, size.width(), size.height(), device_pixel_ratio, "crop" if crop else "fit")
        cached = self._pixmaps.get(key)
        if cached is not None:
            return cached
        kept = self._kept_file(image, key)
        pixmap = self._read_kept(kept, size, device_pixel_ratio) if kept else None
        if pixmap is None:
            renderer = QSvgRenderer(QByteArray(self.svg_bytes(image)))
            box = self._crop_box(renderer, image, size) if crop else None
            if box is not None:
                renderer.setViewBox(box)
            pixmap = self._render(renderer, size, device_pixel_ratio)
            if kept is not None:
                self._keep(pixmap, kept)
        self._pixmaps[key] = pixmap
        return pixmap

    def _kept_file(self, image: str, key: tuple[str, int, int, float, str]) -> Path | None:
        """Where the rendering `key` of `image` is kept between starts (None: not kept)."""
        if self._rendered is None:
            return None
        _image, width, height, ratio, mode = key
        checksum = zlib.crc32(self.svg_bytes(image))
        stem = image.rsplit(".", 1)[0]
        return self._rendered / f"{stem}-{width}x{height}@{ratio:g}-{mode}-{checksum:08x}.png"

    @staticmethod
    def _read_kept(file: Path, size: QSize, device_pixel_ratio: float) -> QPixmap | None:
        """The kept rendering in `file`, if there is one of the expected size."""
        if not file.is_file():
            return None
        pixmap = QPixmap(str(file))
        if pixmap.isNull():
            return None
        width = max(1, round(size.width() * device_pixel_ratio))
        height = max(1, round(size.height() * device_pixel_ratio))
        if (pixmap.width(), pixmap.height()) != (width, height):
            return None
        pixmap.setDevicePixelRatio(device_pixel_ratio)
        return pixmap

    def _keep(self, pixmap: QPixmap, file: Path) -> None:
        """Write `pixmap` to `file` for the next start: whole or not at all (renamed in place)."""
        temporary = file.with_name(f".{file.name}.{os.getpid()}.tmp")
        try:
            file.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
            kept = list(file.parent.glob("*.png"))
            if len(kept) >= MAX_KEPT_RENDERINGS:
                for old in kept:
                    old.unlink(missing_ok=True)
            if not pixmap.save(str(temporary), "PNG"):
                raise OSError("the picture could not be encoded")
            temporary.chmod(0o600)  # the data folder's files are the person's alone
            temporary.replace(file)
        except OSError as error:
            with contextlib.suppress(OSError):
                temporary.unlink(missing_ok=True)
            log.info("rendered picture %s not kept: %s", file.name, error)

    @staticmethod
    def _render(renderer: QSvgRenderer, size: QSize, device_pixel_ratio: float) -> QPixmap:
        width = max(1, round(size.width() * device_pixel_ratio))
        height = max(1, round(size.height() * device_pixel_ratio))
        canvas = QImage(width, height, QImage.Format.Format_ARGB32_Premultiplied)
        canvas.fill(Qt.GlobalColor.transparent)
        painter = QPainter(canvas)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        view = renderer.viewBoxF().size()
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
        return pixmap

    def icon(self, image: str, size: QSize, device_pixel_ratio: float = 1.0) -> QIcon:
        """The illustration as an icon, for buttons and lists."""
        return QIcon(self.pixmap(image, size, device_pixel_ratio))
