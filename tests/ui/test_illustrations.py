"""Illustrations render crisp, cropped for thumbnails, trimmed for details, in both palettes."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSize
from PySide6.QtGui import QColor, QImage, QPixmap
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


# --- rendered pictures kept between starts --------------------------------------------------


def kept_files(folder: Path) -> list[Path]:
    return sorted(folder.glob("*.png"))


def same_pixels(first: QPixmap, second: QPixmap) -> bool:
    return first.toImage().convertToFormat(QImage.Format.Format_ARGB32) == (
        second.toImage().convertToFormat(QImage.Format.Format_ARGB32)
    )


def test_a_rendered_thumbnail_is_kept_and_read_back_at_the_next_start(
    qtbot: QtBot, tmp_path: Path
) -> None:
    """The next start reads the kept PNG instead of drawing the SVG again, pixel for pixel."""
    first = IllustrationCache(paths.icons_dir() / "exercises", rendered=tmp_path)
    drawn = first.pixmap(LYING, QSize(52, 52), 2.0, crop=True)
    (kept,) = kept_files(tmp_path)
    assert kept.stat().st_mode & 0o777 == 0o600  # in the data folder: the person's alone
    later = IllustrationCache(paths.icons_dir() / "exercises", rendered=tmp_path)
    read = later.pixmap(LYING, QSize(52, 52), 2.0, crop=True)
    assert (read.width(), read.height(), read.devicePixelRatio()) == (104, 104, 2.0)
    assert same_pixels(read, drawn)
    # Read from the file, not drawn: a marked file comes back marked.
    marked = QImage(104, 104, QImage.Format.Format_ARGB32)
    marked.fill(QColor("red"))
    assert marked.save(str(kept))
    again = IllustrationCache(paths.icons_dir() / "exercises", rendered=tmp_path)
    assert again.pixmap(LYING, QSize(52, 52), 2.0, crop=True).toImage().pixelColor(5, 5) == (
        QColor("red")
    )


def test_each_size_theme_and_drawing_is_its_own_file(qtbot: QtBot, tmp_path: Path) -> None:
    """A changed drawing or another theme never shows an old picture: it is another file."""
    folder = tmp_path / "exercises"
    folder.mkdir()
    svg = (paths.icons_dir() / "exercises" / LYING).read_bytes()
    (folder / LYING).write_bytes(svg)
    light = IllustrationCache(folder, rendered=tmp_path / "kept")
    old = light.pixmap(LYING, QSize(52, 52), crop=True)
    IllustrationCache(folder, palette="dark", rendered=tmp_path / "kept").pixmap(
        LYING, QSize(52, 52), crop=True
    )
    light.pixmap(LYING, QSize(40, 40), crop=True)
    assert len(kept_files(tmp_path / "kept")) == 3
    # The drawing changes (its figure drawn in another colour): the new one is shown.
    (folder / LYING).write_bytes(
        svg.replace(LIGHT.body.encode(), b"#00ff00").replace(
            LIGHT.body.lower().encode(), b"#00ff00"
        )
    )
    changed = IllustrationCache(folder, rendered=tmp_path / "kept")
    assert not same_pixels(changed.pixmap(LYING, QSize(52, 52), crop=True), old)
    assert len(kept_files(tmp_path / "kept")) == 4


def test_a_broken_or_unwritable_kept_picture_is_drawn_again(qtbot: QtBot, tmp_path: Path) -> None:
    """The kept pictures are only a shortcut: a bad file or a read-only folder changes nothing."""
    drawn = IllustrationCache(paths.icons_dir() / "exercises").pixmap(
        LYING, QSize(52, 52), crop=True
    )
    IllustrationCache(paths.icons_dir() / "exercises", rendered=tmp_path).pixmap(
        LYING, QSize(52, 52), crop=True
    )
    (kept,) = kept_files(tmp_path)
    kept.write_bytes(b"not a picture")
    again = IllustrationCache(paths.icons_dir() / "exercises", rendered=tmp_path)
    assert same_pixels(again.pixmap(LYING, QSize(52, 52), crop=True), drawn)
    assert QPixmap(str(kept)).width() == 52  # written anew
    # A picture of the wrong size (another screen's, say) is not used either.
    QPixmap(30, 30).save(str(kept))
    resized = IllustrationCache(paths.icons_dir() / "exercises", rendered=tmp_path)
    assert same_pixels(resized.pixmap(LYING, QSize(52, 52), crop=True), drawn)
    # Nowhere to write: drawn all the same.
    blocked = tmp_path / "a-file"
    blocked.write_text("in the way")
    cache = IllustrationCache(paths.icons_dir() / "exercises", rendered=blocked / "pictures")
    assert same_pixels(cache.pixmap(LYING, QSize(52, 52), crop=True), drawn)
