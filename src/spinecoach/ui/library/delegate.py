"""Paints Library rows: a thumbnail, the name, a muted second line and a "Desk" or "Floor" badge."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPalette
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from spinecoach.ui.library.illustrations import IllustrationCache
from spinecoach.ui.library.model import Role

THUMB = 56
ROW_HEIGHT = 72
HEADER_HEIGHT = 34


class LibraryDelegate(QStyledItemDelegate):
    """Draws rows from the model's roles; it decides nothing about what is shown."""

    def __init__(self, illustrations: IllustrationCache, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._illustrations = illustrations

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        """Qt override: headers are short, items tall enough for the thumbnail and two lines.

        The lines are measured in the font in use: at 200 % text they need more than 72 px.
        """
        font = QFont(option.font)
        if index.data(Role.KIND) == "header":
            header = QFontMetrics(self._header_font(font)).height()
            return QSize(option.rect.width(), max(HEADER_HEIGHT, header + 16))
        lines = QFontMetrics(self._title_font(font)).height() + QFontMetrics(font).height()
        return QSize(option.rect.width(), max(ROW_HEIGHT, lines + 2 * 3 + 16 + 12))

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
        state = option.state
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        base_font = QFont(option.font)
        if index.data(Role.KIND) == "header":
            self._paint_header(painter, rect, palette, base_font, str(index.data()))
            painter.restore()
            return
        selected = bool(state & QStyle.StateFlag.State_Selected)
        hovered = bool(state & QStyle.StateFlag.State_MouseOver)
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
        badge = str(index.data(Role.BADGE) or "")
        badge_width = self._paint_badge(painter, card, base_font, badge, palette, selected)
        text_width = card.right() - left - badge_width - 12
        title_font = self._title_font(base_font)
        painter.setFont(title_font)
        painter.setPen(text_colour)
        metrics = QFontMetrics(title_font)
        title = metrics.elidedText(str(index.data()), Qt.TextElideMode.ElideRight, text_width)
        painter.drawText(
            QRect(left, card.top() + 12, text_width, metrics.height()),
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            title,
        )
        painter.setFont(base_font)
        painter.setPen(muted)
        small = QFontMetrics(base_font)
        subtitle = small.elidedText(
            str(index.data(Role.SUBTITLE) or ""), Qt.TextElideMode.ElideRight, text_width
        )
        painter.drawText(
            QRect(left, card.top() + 16 + metrics.height(), text_width, small.height()),
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            subtitle,
        )
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
        painter: QPainter, card: QRect, font: QFont, badge: str, palette: QPalette, selected: bool
    ) -> int:
        if not badge:
            return 0
        badge_font = QFont(font)
        badge_font.setPointSizeF(font.pointSizeF() * 0.8)
        badge_font.setWeight(QFont.Weight.Bold)
        metrics = QFontMetrics(badge_font)
        width = metrics.horizontalAdvance(badge) + 16
        box = QRect(card.right() - width - 10, card.top() + 12, width, metrics.height() + 6)
        painter.setPen(Qt.PenStyle.NoPen)
        accent = palette.color(QPalette.ColorRole.Highlight)
        fill = QColor(palette.color(QPalette.ColorRole.HighlightedText) if selected else accent)
        fill.setAlpha(60 if selected else 36)
        painter.setBrush(fill)
        painter.drawRoundedRect(box, box.height() / 2, box.height() / 2)
        painter.setFont(badge_font)
        painter.setPen(palette.color(QPalette.ColorRole.HighlightedText) if selected else accent)
        painter.drawText(box, Qt.AlignmentFlag.AlignCenter, badge)
        return width + 10
