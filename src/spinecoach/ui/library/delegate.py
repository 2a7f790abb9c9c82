"""Paints Library rows: a thumbnail, the name, a muted second line and a "Desk" or "Floor" badge."""

from __future__ import annotations

import re
from dataclasses import dataclass

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QPoint, QRect, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPalette
from PySide6.QtWidgets import QAbstractItemView, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from spinecoach.ui.library.illustrations import IllustrationCache
from spinecoach.ui.library.model import Role

THUMB = 56
ROW_HEIGHT = 72
HEADER_HEIGHT = 34
#: How many row layouts `LibraryDelegate` keeps (a few widths of every row) before starting over.
MAX_CACHED_LAYOUTS = 1000


@dataclass(frozen=True, slots=True)
class _RowLayout:
    """A row's texts and badge, placed relative to the text column (`LibraryDelegate._layout`)."""

    title_lines: tuple[str, ...]
    line_height: int
    subtitle: str
    subtitle_top: int
    subtitle_width: int
    title_width: int
    badge: str
    badge_at: QRect | None
    height: int


def _wrapped(name: str, metrics: QFontMetrics, width: int) -> list[str]:
    """`name` in up to two lines of `width`, broken after spaces and hyphens; the rest elided."""
    words = re.split(r"(?<=[\s-])", name)
    first = ""
    while words and metrics.horizontalAdvance(first + words[0]) <= width:
        first += words.pop(0)
    if not first:  # one word longer than the line
        return [metrics.elidedText(name, Qt.TextElideMode.ElideRight, width)]
    rest = "".join(words)
    if not rest:
        return [first]
    return [first.rstrip(), metrics.elidedText(rest, Qt.TextElideMode.ElideRight, width)]


def _selected_and_hovered(
    option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
) -> tuple[bool, bool]:
    """Whether the row is selected, and whether the mouse is over it.

    Asked of the list itself where it can answer: reading `option.state` makes PySide build
    the whole `QStyle` class with its ~600 enum values (~5 ms), which the Library's first
    list would wait for (issue 12). The list marks a row selected exactly when its selection
    model says so, and a row hovered only while the mouse is over the list: the state is read
    only then (rarely at start-up).
    """
    view = option.widget
    if not isinstance(view, QAbstractItemView):
        return _from_state(option)
    model = view.selectionModel()
    selected = model is not None and model.isSelected(index)
    hovered = view.underMouse() and _from_state(option)[1]
    return selected, hovered


def _from_state(option: QStyleOptionViewItem) -> tuple[bool, bool]:
    from PySide6.QtWidgets import QStyle

    state = option.state
    return (
        bool(state & QStyle.StateFlag.State_Selected),
        bool(state & QStyle.StateFlag.State_MouseOver),
    )


class LibraryDelegate(QStyledItemDelegate):
    """Draws rows from the model's roles; it decides nothing about what is shown."""

    def __init__(self, illustrations: IllustrationCache, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._illustrations = illustrations
        #: Row layouts by font, width and texts. The view asks each row's size twice before
        #: the list first paints, and again at every repaint: measuring ~60 rows of text was
        #: ~10 ms of the Library's start (issue 12). Emptied when it grows (resizing).
        self._layouts: dict[tuple[str, int, str, str, str], _RowLayout] = {}
        #: The three measures of each font rows were measured in (`_metrics`): making them
        #: for every row was a third of the measuring.
        self._font_metrics: dict[str, tuple[QFontMetrics, QFontMetrics, QFontMetrics]] = {}
        self._badge_sizes: dict[tuple[str, str], QSize] = {}
        #: How many rows this delegate has drawn: start-up waits for the first before it says
        #: the list has painted (a paint of the list before its rows are laid out is empty).
        self.rows_painted = 0

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        """Qt override: headers are short, items as tall as their thumbnail and their lines.

        The lines are measured in the font in use and the list's width: at 200 % text, or in
        German, a long name takes two lines and the badge moves down (`_layout`).
        """
        font: QFont = option.font  # a copy already: read, never changed
        texts: tuple[str, str, str, str] = index.data(Role.TEXTS)
        if texts[0] == "header":
            header = QFontMetrics(self._header_font(font)).height()
            return QSize(option.rect.width(), max(HEADER_HEIGHT, header + 16))
        layout = self._layout(font, texts, self._row_width(option))
        return QSize(option.rect.width(), max(ROW_HEIGHT, layout.height + 6))

    @staticmethod
    def _row_width(option: QStyleOptionViewItem) -> int:
        """The width a row gets: the list's (the view lays rows out as wide as it is)."""
        if option.rect.width() > 0:
            return option.rect.width()
        viewport = getattr(option.widget, "viewport", None)
        return viewport().width() if callable(viewport) else 0

    def _layout(self, font: QFont, texts: tuple[str, str, str, str], width: int) -> _RowLayout:
        """Where a row's texts go, relative to the text column's top left corner.

        When the name fits beside the badge: the name, the badge at the right of its line, the
        subtitle under both. When it does not (a long name at 200 % text, a German one): the
        name over the whole column in up to two lines (wrapped at spaces and hyphens, the rest
        elided), the subtitle, and the badge at the right of the subtitle's line, or under it.
        """
        _kind, name, subtitle, badge = texts
        key = (font.key(), width, name, subtitle, badge)
        layout = self._layouts.get(key)
        if layout is None:
            if len(self._layouts) > MAX_CACHED_LAYOUTS:
                self._layouts.clear()
            layout = self._layouts[key] = self._measure(font, width, name, subtitle, badge)
        return layout

    def _metrics(self, font: QFont) -> tuple[QFontMetrics, QFontMetrics, QFontMetrics]:
        """The title's, the subtitle's and the badge's measures in `font` (made once per font)."""
        key = font.key()
        metrics = self._font_metrics.get(key)
        if metrics is None:
            metrics = self._font_metrics[key] = (
                QFontMetrics(self._title_font(font)),
                QFontMetrics(font),
                QFontMetrics(self._badge_font(font)),
            )
        return metrics

    def _badge_size(self, metrics: QFontMetrics, font_key: str, badge: str) -> QSize:
        """A badge's pill: its word and padding ("Desk" and "Floor" over and over: kept)."""
        key = (font_key, badge)
        size = self._badge_sizes.get(key)
        if size is None:
            size = self._badge_sizes[key] = QSize(
                metrics.horizontalAdvance(badge) + 16, metrics.height() + 6
            )
        return QSize(size)

    def _measure(self, font: QFont, width: int, name: str, subtitle: str, badge: str) -> _RowLayout:
        """`_layout`, worked out."""
        title, small, badge_font = self._metrics(font)
        badge_size = self._badge_size(badge_font, font.key(), badge)
        badge_room = badge_size.width() + 10 if badge else 0
        column = max(1, width - 8 - 30 - THUMB - 12) if width else 10_000
        if title.horizontalAdvance(name) <= column - badge_room:
            lines: list[str] = [name]
            badge_at = QRect(QPoint(column - badge_room + 10, 0), badge_size) if badge else None
            subtitle_top = title.height() + 4
            subtitle_width = column - badge_room
        else:
            lines = _wrapped(name, title, column)
            subtitle_top = title.height() * len(lines) + 4
            subtitle_width = column
            badge_at = None
            if badge:
                beside = small.horizontalAdvance(subtitle) + badge_room <= column
                if beside:
                    subtitle_width = column - badge_room
                    badge_at = QRect(QPoint(column - badge_size.width(), subtitle_top), badge_size)
                else:
                    badge_at = QRect(QPoint(0, subtitle_top + small.height() + 4), badge_size)
        bottom = subtitle_top + small.height()
        if badge_at is not None:
            bottom = max(bottom, badge_at.bottom() + 1)
        return _RowLayout(
            title_lines=tuple(lines),
            line_height=title.height(),
            subtitle=small.elidedText(subtitle, Qt.TextElideMode.ElideRight, subtitle_width),
            subtitle_top=subtitle_top,
            subtitle_width=subtitle_width,
            title_width=column,
            badge=badge,
            badge_at=badge_at,
            height=12 + bottom + 12,
        )

    @staticmethod
    def _title_font(base: QFont) -> QFont:
        title = QFont(base)
        title.setPointSizeF(base.pointSizeF() * 1.1)
        title.setWeight(QFont.Weight.DemiBold)
        return title

    @staticmethod
    def _header_font(base: QFont) -> QFont:
        header = QFont(base)
        header.setWeight(QFont.Weight.Bold)
        header.setCapitalization(QFont.Capitalization.AllUppercase)
        header.setLetterSpacing(QFont.SpacingType.PercentageSpacing, 108)
        header.setPointSizeF(base.pointSizeF() * 0.85)
        return header

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        """Qt override."""
        rect: QRect = option.rect
        palette: QPalette = option.palette
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        base_font = QFont(option.font)
        texts: tuple[str, str, str, str] = index.data(Role.TEXTS)
        if texts[0] == "header":
            self._paint_header(painter, rect, palette, base_font, texts[1])
            painter.restore()
            return
        self.rows_painted += 1
        selected, hovered = _selected_and_hovered(option, index)
        card = rect.adjusted(4, 3, -4, -3)
        if selected or hovered:
            colour = palette.color(QPalette.ColorRole.Highlight)
            colour.setAlpha(255 if selected else 40)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(colour)
            painter.drawRoundedRect(card, 10, 10)
        thumb_rect = QRect(card.left() + 8, card.center().y() - THUMB // 2, THUMB, THUMB)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(palette.color(QPalette.ColorRole.AlternateBase))
        painter.drawRoundedRect(thumb_rect, 8, 8)
        image = index.data(Role.IMAGE)
        if image:
            ratio = painter.device().devicePixelRatioF()
            pixmap = self._illustrations.pixmap(
                str(image), QSize(THUMB - 4, THUMB - 4), ratio, crop=True
            )
            painter.drawPixmap(thumb_rect.adjusted(2, 2, -2, -2), pixmap)
        text_colour = palette.color(
            QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        )
        muted = palette.color(
            QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.PlaceholderText
        )
        left = thumb_rect.right() + 14
        layout = self._layout(base_font, texts, rect.width())
        top = card.top() + 12
        painter.setFont(self._title_font(base_font))
        painter.setPen(text_colour)
        for number, line in enumerate(layout.title_lines):
            line_top = top + number * layout.line_height
            painter.drawText(
                QRect(left, line_top, layout.title_width, layout.line_height),
                Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                line,
            )
        painter.setFont(base_font)
        painter.setPen(muted)
        painter.drawText(
            QRect(left, top + layout.subtitle_top, layout.subtitle_width, layout.line_height),
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            layout.subtitle,
        )
        if layout.badge_at is not None:
            box = layout.badge_at.translated(left, top)
            self._paint_badge(painter, box, base_font, layout.badge, palette, selected)
        painter.restore()

    @staticmethod
    def _paint_header(
        painter: QPainter, rect: QRect, palette: QPalette, font: QFont, text: str
    ) -> None:
        painter.setFont(LibraryDelegate._header_font(font))
        painter.setPen(palette.color(QPalette.ColorRole.PlaceholderText))
        painter.drawText(
            rect.adjusted(14, 8, -8, 0),
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            text,
        )

    @staticmethod
    def _paint_badge(
        painter: QPainter, box: QRect, font: QFont, badge: str, palette: QPalette, selected: bool
    ) -> None:
        painter.setPen(Qt.PenStyle.NoPen)
        accent = palette.color(QPalette.ColorRole.Highlight)
        fill = QColor(palette.color(QPalette.ColorRole.HighlightedText) if selected else accent)
        fill.setAlpha(60 if selected else 36)
        painter.setBrush(fill)
        painter.drawRoundedRect(box, box.height() / 2, box.height() / 2)
        painter.setFont(LibraryDelegate._badge_font(font))
        painter.setPen(palette.color(QPalette.ColorRole.HighlightedText) if selected else accent)
        painter.drawText(box, Qt.AlignmentFlag.AlignCenter, badge)

    @staticmethod
    def _badge_font(base: QFont) -> QFont:
        badge = QFont(base)
        badge.setPointSizeF(base.pointSizeF() * 0.8)
        badge.setWeight(QFont.Weight.Bold)
        return badge
