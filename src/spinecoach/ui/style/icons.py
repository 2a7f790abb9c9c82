"""Small line icons for the sidebar and buttons, drawn from inline SVG in the theme's colours.

Kept as code rather than files because each icon is a handful of path commands and must be
recoloured per theme and per state (normal, checked); a QIcon carries both states.
"""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QRectF, QSize
from PySide6.QtGui import QColor, QIcon, QPainter, QPixmap
from PySide6.QtSvg import QSvgRenderer

_SHAPES: dict[str, str] = {
    # An open book: the library.
    "library": (
        '<path d="M3 5.5C5.5 4.2 8.5 4.2 12 6c3.5-1.8 6.5-1.8 9-.5V19c-2.5-1.2-5.5-1.2-9 .5'
        '-3.5-1.7-6.5-1.7-9-.5z"/><path d="M12 6v13.5"/>'
    ),
    # A play button in a circle: the session player.
    "session": '<circle cx="12" cy="12" r="9"/><path d="M10 8.5l5.5 3.5-5.5 3.5z"/>',
    # A small line chart: the history.
    "history": '<path d="M3.5 4v16h17"/><path d="M7 15l4-4.5 3 2.5 5-6"/>',
    # Player controls.
    "play": '<path d="M8 5.5l11 6.5-11 6.5z"/>',
    "pause": '<path d="M8.5 5.5v13"/><path d="M15.5 5.5v13"/>',
    "back": '<path d="M18 6l-8 6 8 6z"/><path d="M6 6v12"/>',
    "skip": '<path d="M6 6l8 6-8 6z"/><path d="M18 6v12"/>',
    "stop": '<rect x="6.5" y="6.5" width="11" height="11" rx="1.5"/>',
    "plus": '<path d="M12 6v12"/><path d="M6 12h12"/>',
    # A shield: safety notes.
    "safety": '<path d="M12 3l7.5 3v5.5c0 4.5-3.2 8-7.5 9.5-4.3-1.5-7.5-5-7.5-9.5V6z"/>'
    '<path d="M12 8v5"/><path d="M12 16.2v.3"/>',
}


def _render(shape: str, colour: str, size: int, ratio: float) -> QPixmap:
    svg = (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24" fill="none" '
        f'stroke="{colour}" stroke-width="1.9" stroke-linecap="round" '
        f'stroke-linejoin="round">{_SHAPES[shape]}</svg>'
    )
    pixels = max(1, round(size * ratio))
    pixmap = QPixmap(pixels, pixels)
    # A QColor, not Qt.GlobalColor.transparent: the sidebar's icons are drawn before the first
    # paint, when touching the Qt namespace would cost ~15 ms (see ui/widgets/enum_free.py).
    pixmap.fill(QColor(0, 0, 0, 0))
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    QSvgRenderer(QByteArray(svg.encode())).render(painter, QRectF(0, 0, pixels, pixels))
    painter.end()
    pixmap.setDevicePixelRatio(ratio)
    return pixmap


def line_icon(
    shape: str, colour: str, checked_colour: str | None = None, size: int = 24, ratio: float = 2.0
) -> QIcon:
    """An icon for `shape`, with a second colour for the checked (On) state if given."""
    icon = QIcon()
    icon.addPixmap(_render(shape, colour, size, ratio), QIcon.Mode.Normal, QIcon.State.Off)
    on = _render(shape, checked_colour or colour, size, ratio)
    icon.addPixmap(on, QIcon.Mode.Normal, QIcon.State.On)
    return icon


def icon_size(size: int = 24) -> QSize:
    """The logical size icons are drawn at."""
    return QSize(size, size)
