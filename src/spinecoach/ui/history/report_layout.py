"""The clinician report's page layout: a `ReportContent` placed on A4 pages as drawing steps.

Headings stay with what follows them, tables continue under their header row, a paragraph never
splits; `report.PdfReport` then runs each page's steps, the footers included.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPdfWriter, QPen

from spinecoach.ui.history.report_charts import BarsDrawing, ChartDrawing
from spinecoach.ui.history.report_document import (
    Block,
    Chart,
    Fact,
    Facts,
    Paragraph,
    ReportContent,
    Section,
    Table,
    WeeklyBars,
)
from spinecoach.ui.history.report_look import (
    BODY_PT,
    HEADING_PT,
    INK,
    MUTED,
    RULE,
    SMALL_PT,
    TABLE_PAD_MM,
    TITLE_PT,
    ZEBRA,
    report_font,
)

#: One drawing step of a page, run with the page's painter.
Op = Callable[[QPainter], None]

_WRAP = int(Qt.TextFlag.TextWordWrap)
_LEFT_TOP = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)


class ReportLayout:
    """Places the content on pages: a list of drawing steps per page, footers included."""

    def __init__(self, device: QPdfWriter, content: ReportContent) -> None:
        self._device = device
        self._content = content
        self.pt = device.resolution() / 72  # device units per point
        self.mm = device.resolution() / 25.4
        self.width = float(device.width())
        height = float(device.height())
        self._footer_top = height - self._line(SMALL_PT) * 1.6
        self.bottom = self._footer_top - 4 * self.mm
        self._pages: list[list[Op]] = [[]]
        self.y = 0.0

    # measuring ---------------------------------------------------------------------------

    def metrics(self, font: QFont) -> QFontMetricsF:
        """The measures of `font` on the page."""
        return QFontMetricsF(font, self._device)

    def _line(self, points: float, bold: bool = False) -> float:
        return self.metrics(report_font(points, bold)).lineSpacing()

    def text_height(self, text: str, font: QFont, width: float) -> float:
        """The height of `text` wrapped at `width` (one line when it is empty)."""
        if not text:
            return self.metrics(font).lineSpacing()
        box = self.metrics(font).boundingRect(QRectF(0, 0, width, 1e7), _WRAP | _LEFT_TOP, text)
        return box.height()

    # placing -----------------------------------------------------------------------------

    def add(self, op: Op) -> None:
        """Add a drawing step to the current page."""
        self._pages[-1].append(op)

    def new_page(self) -> None:
        """Start a new page, at its top."""
        self._pages.append([])
        self.y = 0.0

    def room(self) -> float:
        """The height left on the current page above the footer."""
        return self.bottom - self.y

    def need(self, height: float) -> bool:
        """Start a new page unless `height` fits below; True when a page was started."""
        if height > self.room() and self.y > 0:
            self.new_page()
            return True
        return False

    def text(
        self,
        value: str,
        font: QFont,
        colour: QColor,
        x: float,
        y: float,
        width: float,
        flags: int = _WRAP | _LEFT_TOP,
        *,
        clip: bool = False,
    ) -> float:
        """Add a step drawing `value` in a box at (x, y), `width` wide; returns its height."""
        height = self.text_height(value, font, width)

        def draw(painter: QPainter) -> None:
            painter.setFont(font)
            painter.setPen(colour)
            box = QRectF(x, y, width, height + self.pt)
            if clip:  # a word too long for its cell stops at the cell's edge
                painter.setClipRect(box.adjusted(-self.pt, -self.pt, self.pt, self.pt))
            painter.drawText(box, flags, value)

        self.add(draw)
        return height

    # the report --------------------------------------------------------------------------

    def pages(self) -> list[list[Op]]:
        """The drawing steps of every page: the header, each section, the footers."""
        content = self._content
        self.y += self.text(content.title, report_font(TITLE_PT, True), INK, 0, self.y, self.width)
        self.y += 3 * self.mm
        self.facts(content.header)
        self.y += 2 * self.mm
        self.paragraph(Paragraph(content.preamble))
        for section in content.sections:
            self.section(section)
        self.footers()
        return self._pages

    def footers(self) -> None:
        """Add to each page its footer: the period and "Page 2 of 5"."""
        total = len(self._pages)
        font = report_font(SMALL_PT)
        for number, ops in enumerate(self._pages, start=1):
            label = self._content.page_label.format(page=number, pages=total)
            footer = self._content.footer
            top = self._footer_top
            width = self.width

            def draw(
                painter: QPainter,
                label: str = label,
                footer: str = footer,
                top: float = top,
                width: float = width,
            ) -> None:
                painter.setPen(QPen(RULE, 0.6 * self.pt))
                painter.drawLine(QPointF(0, top), QPointF(width, top))
                painter.setFont(font)
                painter.setPen(MUTED)
                box = QRectF(0, top + 1.2 * self.mm, width, self._line(SMALL_PT) * 1.2)
                painter.drawText(box, int(Qt.AlignmentFlag.AlignLeft), footer)
                painter.drawText(box, int(Qt.AlignmentFlag.AlignRight), label)

            ops.append(draw)

    def heading(self, text: str, follow: float) -> None:
        """A section heading, kept on a page with at least `follow` of what comes after it."""
        font = report_font(HEADING_PT, True)
        height = self.text_height(text, font, self.width)
        gap = 5 * self.mm if self.y > 0 else 0.0
        below = 3.3 * self.mm  # the rule under it and the space after
        if gap + height + below + follow > self.room():
            self.new_page()
            gap = 0.0
        self.y += gap
        self.y += self.text(text, font, INK, 0, self.y, self.width)
        top = self.y + 0.8 * self.mm
        width = self.width

        def rule(painter: QPainter) -> None:
            painter.setPen(QPen(RULE, 0.8 * self.pt))
            painter.drawLine(QPointF(0, top), QPointF(width, top))

        self.add(rule)
        self.y += below

    def section(self, section: Section) -> None:
        """A section: its heading, then its blocks, on as many pages as they need."""
        if section.own_page and self.y > 0:
            self.new_page()
        first = section.blocks[0] if section.blocks else None
        self.heading(section.heading, self.first_height(first))
        for index, block in enumerate(section.blocks):
            if isinstance(block, Paragraph):
                if block.strong:  # a title stays with the start of what it names
                    after = section.blocks[index + 1 : index + 2]
                    follow = self.first_height(after[0]) if after else 0.0
                    if after and isinstance(after[0], Paragraph):  # a paragraph never splits
                        follow = min(self._paragraph_height(after[0]), self.bottom / 2)
                    self.need(self._paragraph_height(block) + 1.5 * self.mm + follow)
                self.paragraph(block)
            elif isinstance(block, Facts):
                self.facts(block.rows)
            elif isinstance(block, Table):
                self.table(block, section.heading)
            elif isinstance(block, Chart):
                drawing = ChartDrawing(self, block)
                self.need(drawing.height())
                drawing.place()
            else:
                self.need(BarsDrawing.height(self))
                BarsDrawing(self, block).place()
            self.y += 2.5 * self.mm

    def first_height(self, block: Block | None) -> float:
        """How much of `block` must follow its heading on the same page."""
        if block is None:
            return 0.0
        if isinstance(block, Chart):
            return ChartDrawing(self, block).height()
        if isinstance(block, WeeklyBars):
            return BarsDrawing.height(self)
        if isinstance(block, Paragraph):
            return min(self._paragraph_height(block), 3 * self._line(BODY_PT))
        if isinstance(block, Table):
            return self.table_start(block)
        return 3 * self._line(BODY_PT) + 2 * self.mm  # a fact or two

    def _paragraph_height(self, block: Paragraph) -> float:
        font = report_font(SMALL_PT if block.small else BODY_PT, block.strong)
        return self.text_height(block.text, font, self.width)

    def paragraph(self, block: Paragraph) -> None:
        """Running text, on a new page unless it fits whole below."""
        font = report_font(SMALL_PT if block.small else BODY_PT, block.strong)
        height = self.text_height(block.text, font, self.width)
        self.need(height)
        colour = MUTED if block.small else INK
        self.y += self.text(block.text, font, colour, 0, self.y, self.width)
        self.y += 1.5 * self.mm

    def facts(self, rows: Sequence[Fact]) -> None:
        """Labels and values in two columns; a blank line to write on where a value has none."""
        label_width = self.width * 0.34
        value_x = label_width + 3 * self.mm
        value_width = self.width - value_x
        label_font, value_font = report_font(BODY_PT, True), report_font(BODY_PT)
        gap = 1.6 * self.mm
        for fact in rows:
            chunks = _chunks(list(fact.lines), self, value_font, value_width)
            for index, lines in enumerate(chunks or [[]]):
                label = fact.label if index == 0 else ""
                value = "\n".join(lines)
                label_height = self.text_height(label, label_font, label_width)
                value_height = self.text_height(value, value_font, value_width)
                height = max(label_height, value_height)
                self.need(height + gap)
                y = self.y
                self.text(label, label_font, MUTED, 0, y, label_width)
                if fact.lines:
                    self.text(value, value_font, INK, value_x, y, value_width)
                else:  # a blank to fill in by hand
                    baseline = y + self.metrics(value_font).ascent() + self.mm
                    right = value_x + min(value_width, 80 * self.mm)

                    def blank(painter: QPainter, y: float = baseline, right: float = right) -> None:
                        painter.setPen(QPen(INK, 0.6 * self.pt))
                        painter.drawLine(QPointF(value_x, y), QPointF(right, y))

                    self.add(blank)
                self.y += height + gap

    def column_widths(self, table: Table, font: QFont, bold: QFont, pad: float) -> list[float]:
        """The columns' widths: their shares, widened so that no word has to break.

        A column narrower than its longest word (a long German compound, "Nachher") takes the
        room it needs from the columns with room to spare. When the words cannot all fit, the
        shares stand and a word too long for its cell is cut at the cell's edge.
        """
        widths = [self.width * share for share in table.shares]
        plain, heavy = self.metrics(font), self.metrics(bold)
        needed = [0.0] * len(widths)
        for metrics, rows in ((heavy, (table.columns,)), (plain, table.rows)):
            for row in rows:
                for index, cell in enumerate(row):
                    for word in cell.split():
                        needed[index] = max(needed[index], metrics.horizontalAdvance(word))
        needed = [word + 2 * pad + self.pt for word in needed]
        if sum(needed) > self.width:
            return widths
        short = sum(max(0.0, need - width) for need, width in zip(needed, widths, strict=True))
        spare = [max(0.0, width - need) for need, width in zip(needed, widths, strict=True)]
        if short <= 0:
            return widths
        total_spare = sum(spare)
        return [
            max(need, width - short * room / total_spare)
            for need, width, room in zip(needed, widths, spare, strict=True)
        ]

    def row_height(
        self, cells: Sequence[str], font: QFont, widths: Sequence[float], pad: float
    ) -> float:
        """A table row's height: its tallest cell, wrapped in its column, and the padding."""
        tallest = max(
            self.text_height(cell, font, width - 2 * pad)
            for cell, width in zip(cells, widths, strict=True)
        )
        return tallest + 2 * pad

    def table_start(self, table: Table) -> float:
        """The height of a table's header row and first row: what must follow its heading."""
        font, bold = report_font(SMALL_PT), report_font(SMALL_PT, True)
        pad = TABLE_PAD_MM * self.mm
        widths = self.column_widths(table, font, bold, pad)
        height = self.row_height(table.columns, bold, widths, pad)
        if table.rows:
            height += self.row_height(table.rows[0], font, widths, pad)
        return height

    def table(self, table: Table, heading: str) -> None:
        """A table, continued under `heading` "(continued)" and its header row on each new page."""
        font, bold = report_font(SMALL_PT), report_font(SMALL_PT, True)
        pad = TABLE_PAD_MM * self.mm
        widths = self.column_widths(table, font, bold, pad)
        lefts = [sum(widths[:i]) for i in range(len(widths))]

        def row_height(cells: Sequence[str], cell_font: QFont) -> float:
            return self.row_height(cells, cell_font, widths, pad)

        header_height = row_height(table.columns, bold)

        def cells(values: Sequence[str], cell_font: QFont, colour: QColor) -> None:
            for index, (value, left, width) in enumerate(zip(values, lefts, widths, strict=True)):
                flags = _WRAP | int(Qt.AlignmentFlag.AlignTop)
                flags |= int(
                    Qt.AlignmentFlag.AlignHCenter
                    if index in table.centred
                    else Qt.AlignmentFlag.AlignLeft
                )
                top, inner = self.y + pad, width - 2 * pad
                self.text(value, cell_font, colour, left + pad, top, inner, flags, clip=True)

        def header() -> None:
            top, height, width = self.y, header_height, self.width

            def line(painter: QPainter) -> None:
                painter.setPen(QPen(INK, 0.8 * self.pt))
                painter.drawLine(QPointF(0, top + height), QPointF(width, top + height))

            cells(table.columns, bold, INK)
            self.add(line)
            self.y += header_height

        self.need(header_height + (row_height(table.rows[0], font) if table.rows else 0))
        header()
        for number, row in enumerate(table.rows):
            height = row_height(row, font)
            if self.need(height):
                continued = self._content.continued.format(heading=heading)
                self.y += self.text(continued, report_font(BODY_PT, True), MUTED, 0, 0, self.width)
                self.y += 1.5 * self.mm
                header()
            if number % 2 == 1:
                box = QRectF(0, self.y, self.width, height)

                def stripe(painter: QPainter, box: QRectF = box) -> None:
                    painter.fillRect(box, ZEBRA)

                self.add(stripe)
            cells(row, font, INK)
            self.y += height
        bottom, width = self.y, self.width

        def closing(painter: QPainter) -> None:
            painter.setPen(QPen(RULE, 0.6 * self.pt))
            painter.drawLine(QPointF(0, bottom), QPointF(width, bottom))

        self.add(closing)


def _chunks(lines: list[str], layout: ReportLayout, font: QFont, width: float) -> list[list[str]]:
    """`lines` in groups that each fit on an empty page (a long list of flare-ups)."""
    limit = layout.bottom * 0.8
    groups: list[list[str]] = []
    current: list[str] = []
    height = 0.0
    for line in lines:
        line_height = layout.text_height(line, font, width)
        if current and height + line_height > limit:
            groups.append(current)
            current, height = [], 0.0
        current.append(line)
        height += line_height
    if current:
        groups.append(current)
    return groups
