"""Illustrations render crisp, cropped for thumbnails, trimmed for details, in both palettes."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSize
from PySide6.QtGui import QPixmap
from pytestqt.qtbot import QtBot

from spinecoach import paths
from spinecoach.core.figure import DARK, HIGH_CONTRAST, LIGHT, Palette
from spinecoach.ui.library.illustrations import IllustrationCache
from spinecoach.ui.style.contrast import contrast_ratio

LYING = "glute-bridge.svg"
STANDING = "standing-tall-reach.svg"


@pytest.fixture
def cache(qtbot: QtBot) -> IllustrationCache:
    return IllustrationCache(paths.icons_dir() / "exercises")


def ink_pixels(pixmap: QPixmap) -> int:
    image = pixmap.toImage()
    return sum(
        1
        for y in range(0, image.height(), 2)
        for x in range(0, image.width(), 2)
        if image.pixelColor(x, y).alpha() > 128
    )


def test_pixmap_is_drawn_at_the_device_pixel_ratio(cache: IllustrationCache) -> None:
    pixmap = cache.pixmap(LYING, QSize(56, 56), 2.0)
    assert (pixmap.width(), pixmap.height()) == (112, 112)
    assert pixmap.devicePixelRatio() == 2.0
    assert cache.pixmap(LYING, QSize(56, 56), 2.0) is pixmap  # cached, not redrawn


def test_ink_bounds_come_from_the_svg(cache: IllustrationCache) -> None:
    extent = cache.extent(LYING)
    assert extent is not None
    left, top, right, bottom = extent
    assert 0 <= left < right <= 240
    assert 0 <= top < bottom <= 180
    # Lying down: much wider than tall.
    assert right - left > 2 * (bottom - top)


def test_thumbnail_crop_makes_the_figure_bigger(cache: IllustrationCache) -> None:
    full = cache.pixmap(LYING, QSize(56, 56))
    cropped = cache.pixmap(LYING, QSize(56, 56), crop=True)
    assert ink_pixels(cropped) > 1.5 * ink_pixels(full)


def test_trimmed_detail_keeps_the_scale_and_cuts_empty_sky(cache: IllustrationCache) -> None:
    lying = cache.trimmed(LYING, 480)
    standing = cache.trimmed(STANDING, 480)
    assert lying.width() == standing.width() == 480
    assert lying.height() < standing.height() <= 360
    assert lying.height() < 200


@pytest.mark.parametrize("palette", [DARK, HIGH_CONTRAST], ids=lambda palette: palette.name)
def test_the_other_palettes_swap_every_colour(cache: IllustrationCache, palette: Palette) -> None:
    light_svg = cache.svg_bytes(LYING).decode()
    assert LIGHT.body in light_svg
    cache.set_palette(palette.name)
    other_svg = cache.svg_bytes(LYING).decode()
    assert palette.body in other_svg
    assert LIGHT.body not in other_svg and LIGHT.far not in other_svg
    assert not cache.pixmap(LYING, QSize(40, 40)).isNull()


def test_the_high_contrast_figure_reads_on_white() -> None:
    # WCAG: the body as text (21:1), the far limbs above 7:1, the props and arrows above 4.5:1.
    assert contrast_ratio(HIGH_CONTRAST.body, "#FFFFFF") == 21
    assert contrast_ratio(HIGH_CONTRAST.far, "#FFFFFF") >= 7
    assert contrast_ratio(HIGH_CONTRAST.prop, "#FFFFFF") >= 4.5
    assert contrast_ratio(HIGH_CONTRAST.accent, "#FFFFFF") >= 4.5
    light = {getattr(LIGHT, name) for name in ("background", "body", "far", "prop", "accent")}
    assert light.isdisjoint(
        getattr(HIGH_CONTRAST, name) for name in ("background", "body", "far", "prop", "accent")
    )
