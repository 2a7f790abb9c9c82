"""The look of the clinician report's pages: margins, colours and type sizes, in one place.

Shared by the PDF writer (`report`), the page layout (`report_layout`) and the charts drawn on
it (`report_charts`).
"""

from __future__ import annotations

from PySide6.QtGui import QColor, QFont

#: Page margins, millimetres.
MARGIN_MM = 16.0
#: The resolution the pages are laid out at (device units per inch).
RESOLUTION = 720

INK = QColor("#1B2830")
MUTED = QColor("#46545D")
RULE = QColor("#B8C4CB")
GRID = QColor("#DCE3E7")
ZEBRA = QColor("#F1F4F6")
BAR = QColor("#56B4E9")
BAR_EDGE = QColor("#1F6E99")
AVERAGE = QColor("#3A3A3A")

#: Okabe-Ito colours per context; each also has its own shape (circle, triangle, square).
SERIES_COLOURS = {
    "before": QColor("#0072B2"),
    "after": QColor("#D55E00"),
    "check-in": QColor("#009E73"),
    "next-morning": QColor("#CC79A7"),
}

TITLE_PT = 18.0
HEADING_PT = 13.0
BODY_PT = 10.0
SMALL_PT = 9.0  # the smallest type on any page
TABLE_PAD_MM = 1.2


def report_font(points: float, bold: bool = False) -> QFont:
    """The report's typeface at `points`, bold or not."""
    font = QFont("DejaVu Sans")
    font.setPointSizeF(points)
    font.setBold(bold)
    # No "fi" and "fl" ligatures: the PDF's text then reads, searches and copies as typed.
    font.setFeature(QFont.Tag("liga"), 0)
    return font
