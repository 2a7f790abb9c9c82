"""The clinician's report as a PDF: A4 pages laid out and drawn with Qt's own PDF writer.

What the pages say is decided elsewhere (`core.clinician_report` for the figures,
`report_content` for the words, in the language and locale in use); this module only lays out a
`ReportContent` and draws it:

- the header (title, who and when, the self-report sentence), then each `Section` in order;
  a section's blocks flow onto as many pages as they need: a table continues on the next page
  under its heading "(continued)" and its header row again, and a heading is never left alone
  at the foot of a page;
- every page ends with the footer "Page 2 of 5" (the pages are laid out first, then drawn);
- text stays text (selectable, searchable) at 9 pt or more; the charts are drawn with QPainter
  as lines, bars and marker shapes: vectors, no image anywhere in the file;
- the file is PDF/A-1b (`QPdfWriter.setPdfVersion`: fonts embedded, XMP metadata with the title
  and creator). Qt 6.11 writes no structure tree, so the PDF is not tagged; the reading order
  of its text is the drawing order, the order of the report.

The PDF holds pain scores, so it is written like the CSV export: into a new 0600 file beside its
final name, fsynced, and moved into place only when complete (`write_report`). An existing file
is replaced only when the caller says the person agreed (`overwrite`); a failed write leaves
nothing under the chosen name.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QMarginsF, QPointF, QRectF, QSizeF, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QFontMetricsF,
    QPagedPaintDevice,
    QPageLayout,
    QPageSize,
    QPainter,
    QPainterPath,
    QPdfWriter,
    QPen,
    QPolygonF,
)

from spinecoach.storage.files import sync_directory

# --- what goes on the pages -----------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Fact:
    """A label and its value, one line each in `lines`; no lines: a blank line to write on."""

    label: str
    lines: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Paragraph:
    """Running text; `small` for a footnote (9 pt, muted).

    `strong`: a title over what follows, bold, kept on a page with the start of the next block.
    """

    text: str
    small: bool = False
    strong: bool = False


@dataclass(frozen=True, slots=True)
class Facts:
    """Labels and values in two columns."""

    rows: tuple[Fact, ...]


@dataclass(frozen=True, slots=True)
class Table:
    """A table over as many pages as it needs, its header row on each.

    `shares` are the columns' parts of the page width (adding up to 1); `centred` columns hold
    short numbers. A cell's text wraps within its column.
    """

    columns: tuple[str, ...]
    shares: tuple[float, ...]
    rows: tuple[tuple[str, ...], ...]
    centred: frozenset[int] = frozenset()


@dataclass(frozen=True, slots=True)
class AxisTick:
    """A tick on a time axis: where (epoch seconds), its label, and the line under it.

    `under` names the month or the year where it changes ("Mar 2026", "2027"), else is empty.
    """

    epoch: float
    label: str
    under: str = ""


@dataclass(frozen=True, slots=True)
class ChartMark:
    """One pain score on the chart: when, how much, and its context ("before", ...)."""

    epoch: float
    score: int
    context: str


@dataclass(frozen=True, slots=True)
class Chart:
    """The pain chart: scores 0-10 over [start, end), the 7-day average line, the legend.

    `legend` pairs a series ("before", "after", "check-in", "average") with its words.
    """

    start: float
    end: float
    marks: tuple[ChartMark, ...]
    average: tuple[tuple[tuple[float, float], ...], ...]
    ticks: tuple[AxisTick, ...]
    axis_title: str
    legend: tuple[tuple[str, str], ...]
    empty_text: str = ""


@dataclass(frozen=True, slots=True)
class WeeklyBars:
    """Sessions per week as bars against the weekly goal (a dashed line).

    `weeks` are (first instant, end instant, sessions), clipped to [start, end).
    """

    start: float
    end: float
    weeks: tuple[tuple[float, float, int], ...]
    goal: int
    ticks: tuple[AxisTick, ...]
    title: str
    goal_label: str


Block = Paragraph | Facts | Table | Chart | WeeklyBars


@dataclass(frozen=True, slots=True)
class Section:
    """A heading and what follows it; `own_page`: the section starts on a new page."""

    heading: str
    blocks: tuple[Block, ...]
    own_page: bool = False


@dataclass(frozen=True, slots=True)
class ReportContent:
    """The whole report, already worded in the language and locale in use.

    `page_label` has the placeholders {page} and {pages}; `continued` has {heading}.
    """

    document_title: str
    creator: str
    title: str
    header: tuple[Fact, ...]
    preamble: str
    sections: tuple[Section, ...]
    footer: str
    page_label: str
    continued: str
    warnings: tuple[str, ...] = field(default=())


# --- writing the file ------------------------------------------------------------------------


def write_report(path: Path, content: ReportContent, *, overwrite: bool = False) -> int:
    """Write the PDF at `path` (mode 0600); returns its number of pages.

    An existing file is replaced only with `overwrite` (the person agreed in the save dialog);
    otherwise FileExistsError, and nothing is written. OSError when the PDF cannot be written;
    then nothing at `path` has changed.
    """
    if not overwrite and path.exists():
        raise FileExistsError(f"{path} already exists")
    descriptor, name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    temporary = Path(name)
    try:
        if os.name == "posix":
            os.fchmod(descriptor, 0o600)  # mkstemp made it so; say it, as the CSV export does
        os.close(descriptor)  # Qt writes into the same file and keeps its mode
        pages = PdfReport(content).write(temporary)
        with temporary.open("rb") as written:
            os.fsync(written.fileno())
        if overwrite:
            temporary.replace(path)
        else:
            _publish_new(temporary, path)
        sync_directory(path.parent)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise
    return pages


def _publish_new(temporary: Path, path: Path) -> None:
    """Move `temporary` to `path` only if nothing is there (FileExistsError otherwise)."""
    try:
        os.link(temporary, path)  # atomic, and refuses an existing name
    except FileExistsError:
        raise
    except OSError:  # a file system without hard links: check, then rename
        if path.exists():
            raise FileExistsError(f"{path} already exists") from None
        temporary.replace(path)
        return
    temporary.unlink()


# --- the look --------------------------------------------------------------------------------

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


def _font(points: float, bold: bool = False) -> QFont:
    font = QFont("DejaVu Sans")
    font.setPointSizeF(points)
    font.setBold(bold)
    # No "fi" and "fl" ligatures: the PDF's text then reads, searches and copies as typed.
    font.setFeature(QFont.Tag("liga"), 0)
    return font


Op = Callable[[QPainter], None]

_WRAP = int(Qt.TextFlag.TextWordWrap)
_LEFT_TOP = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)


class PdfReport:
    """Lays out `content` on A4 pages and draws it (`write`)."""

    def __init__(self, content: ReportContent) -> None:
        self._content = content

    def write(self, path: Path) -> int:
        """Write the PDF at `path`; returns its number of pages."""
        writer = QPdfWriter(str(path))
        writer.setPdfVersion(QPagedPaintDevice.PdfVersion.PdfVersion_A1b)
        writer.setResolution(RESOLUTION)
        writer.setPageLayout(
            QPageLayout(
                QPageSize(QPageSize.PageSizeId.A4),
                QPageLayout.Orientation.Portrait,
                QMarginsF(MARGIN_MM, MARGIN_MM, MARGIN_MM, MARGIN_MM),
                QPageLayout.Unit.Millimeter,
            )
        )
        writer.setTitle(self._content.document_title)
        writer.setCreator(self._content.creator)
        pages = _Layout(writer, self._content).pages()
        painter = QPainter()
        if not painter.begin(writer):  # Qt only warns; say so, rather than report a saved file
            raise OSError(
                QCoreApplication.translate(
                    "PdfReport", "Qt could not start writing the PDF at {path}"
                ).format(path=path)
            )
        try:
            for number, ops in enumerate(pages, start=1):
                if number > 1:
                    writer.newPage()
                for op in ops:
                    painter.save()
                    op(painter)
                    painter.restore()
        finally:
            finished = painter.end()
        if not finished:
            raise OSError(
                QCoreApplication.translate(
                    "PdfReport", "Qt could not finish writing the PDF at {path}"
                ).format(path=path)
            )
        return len(pages)


class _Layout:
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
        return QFontMetricsF(font, self._device)

    def _line(self, points: float, bold: bool = False) -> float:
        return self.metrics(_font(points, bold)).lineSpacing()

    def text_height(self, text: str, font: QFont, width: float) -> float:
        if not text:
            return self.metrics(font).lineSpacing()
        box = self.metrics(font).boundingRect(QRectF(0, 0, width, 1e7), _WRAP | _LEFT_TOP, text)
        return box.height()

    # placing -----------------------------------------------------------------------------

    def add(self, op: Op) -> None:
        self._pages[-1].append(op)

    def new_page(self) -> None:
        self._pages.append([])
        self.y = 0.0

    def room(self) -> float:
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
        content = self._content
        self.y += self.text(content.title, _font(TITLE_PT, True), INK, 0, self.y, self.width)
        self.y += 3 * self.mm
        self.facts(content.header)
        self.y += 2 * self.mm
        self.paragraph(Paragraph(content.preamble))
        for section in content.sections:
            self.section(section)
        self.footers()
        return self._pages

    def footers(self) -> None:
        total = len(self._pages)
        font = _font(SMALL_PT)
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
        font = _font(HEADING_PT, True)
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
        font = _font(SMALL_PT if block.small else BODY_PT, block.strong)
        return self.text_height(block.text, font, self.width)

    def paragraph(self, block: Paragraph) -> None:
        font = _font(SMALL_PT if block.small else BODY_PT, block.strong)
        height = self.text_height(block.text, font, self.width)
        self.need(height)
        colour = MUTED if block.small else INK
        self.y += self.text(block.text, font, colour, 0, self.y, self.width)
        self.y += 1.5 * self.mm

    def facts(self, rows: Sequence[Fact]) -> None:
        label_width = self.width * 0.34
        value_x = label_width + 3 * self.mm
        value_width = self.width - value_x
        label_font, value_font = _font(BODY_PT, True), _font(BODY_PT)
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
        font, bold = _font(SMALL_PT), _font(SMALL_PT, True)
        pad = TABLE_PAD_MM * self.mm
        widths = self.column_widths(table, font, bold, pad)
        height = self.row_height(table.columns, bold, widths, pad)
        if table.rows:
            height += self.row_height(table.rows[0], font, widths, pad)
        return height

    def table(self, table: Table, heading: str) -> None:
        font, bold = _font(SMALL_PT), _font(SMALL_PT, True)
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
                self.y += self.text(continued, _font(BODY_PT, True), MUTED, 0, 0, self.width)
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


def _chunks(lines: list[str], layout: _Layout, font: QFont, width: float) -> list[list[str]]:
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


# --- the charts ------------------------------------------------------------------------------


class _TimeAxis:
    """What the pain chart and the weekly bars share: the time axis and its labels."""

    def __init__(self, layout: _Layout, start: float, end: float, left: float) -> None:
        self.layout = layout
        self.start = start
        self.span = max(end - start, 1.0)
        self.left = left
        self.right = layout.width

    def x(self, epoch: float) -> float:
        return self.left + (epoch - self.start) / self.span * (self.right - self.left)

    def draw_ticks(self, painter: QPainter, ticks: Sequence[AxisTick], axis_y: float) -> None:
        layout = self.layout
        font = _font(SMALL_PT)
        metrics = layout.metrics(font)
        line = metrics.lineSpacing()
        painter.setFont(font)
        last_right = -1e9
        for tick in ticks:
            x = self.x(tick.epoch)
            if not self.left - 0.5 <= x <= self.right + 0.5:
                continue
            painter.setPen(QPen(MUTED, 0.6 * layout.pt))
            painter.drawLine(QPointF(x, axis_y), QPointF(x, axis_y + 1.2 * layout.mm))
            painter.setPen(INK)
            width = max(
                metrics.horizontalAdvance(tick.label), metrics.horizontalAdvance(tick.under)
            )
            left = min(max(x - width / 2, self.left - 2 * layout.mm), self.right - width)
            if left < last_right + layout.mm:  # never let two labels touch
                continue
            box = QRectF(left, axis_y + 1.6 * layout.mm, width + layout.pt, line)
            painter.drawText(box, int(Qt.AlignmentFlag.AlignHCenter), tick.label)
            if tick.under:
                painter.setPen(MUTED)
                under = QRectF(left, axis_y + 1.6 * layout.mm + line, width + layout.pt, line)
                painter.drawText(under, int(Qt.AlignmentFlag.AlignHCenter), tick.under)
            last_right = left + width

    def labels_height(self) -> float:
        return 1.6 * self.layout.mm + 2 * self.layout.metrics(_font(SMALL_PT)).lineSpacing()


class ChartDrawing:
    """The pain chart as vectors: grid, 7-day average line, marker shapes, legend below."""

    PLOT_MM = 58.0
    MARKER_MM = 2.3

    def __init__(self, layout: _Layout, chart: Chart) -> None:
        self.layout = layout
        self.chart = chart

    def height(self) -> float:
        """The height the chart takes on the page, its legend (one row or more) included."""
        layout = self.layout
        line = layout.metrics(_font(SMALL_PT)).lineSpacing()
        axis = 1.6 * layout.mm + 2 * line
        legend = len(self._legend_rows()) * line + 2 * layout.mm
        return line + 2 * layout.mm + self.PLOT_MM * layout.mm + axis + legend

    def place(self) -> None:
        """Draw it at the layout's place, and move the place below it."""
        layout = self.layout
        top = layout.y
        layout.add(lambda painter: self.draw(painter, top))
        layout.y += self.height()

    def _legend_rows(self) -> list[list[tuple[str, str, float]]]:
        layout = self.layout
        metrics = layout.metrics(_font(SMALL_PT))
        sample = 6 * layout.mm
        rows: list[list[tuple[str, str, float]]] = [[]]
        used = 0.0
        for key, words in self.chart.legend:
            width = sample + 1.5 * layout.mm + metrics.horizontalAdvance(words) + 6 * layout.mm
            if rows[-1] and used + width > layout.width:
                rows.append([])
                used = 0.0
            rows[-1].append((key, words, width))
            used += width
        return rows

    def draw(self, painter: QPainter, top: float) -> None:
        """Draw the chart with its top at `top`."""
        layout, chart = self.layout, self.chart
        mm, pt = layout.mm, layout.pt
        font = _font(SMALL_PT)
        metrics = layout.metrics(font)
        line = metrics.lineSpacing()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setFont(font)
        painter.setPen(MUTED)
        painter.drawText(
            QRectF(0, top, layout.width, line), int(Qt.AlignmentFlag.AlignLeft), chart.axis_title
        )
        plot_top = top + line + 2 * mm
        plot_bottom = plot_top + self.PLOT_MM * mm
        label_width = metrics.horizontalAdvance("10") + 2 * mm
        axis = _TimeAxis(layout, chart.start, chart.end, label_width + mm)
        low, high = -0.5, 10.5

        def y(score: float) -> float:
            return plot_bottom - (score - low) / (high - low) * (plot_bottom - plot_top)

        for score in range(0, 11, 2):
            painter.setPen(QPen(GRID, 0.6 * pt))
            painter.drawLine(QPointF(axis.left, y(score)), QPointF(axis.right, y(score)))
            painter.setPen(INK)
            box = QRectF(0, y(score) - line / 2, label_width - mm, line)
            painter.drawText(
                box, int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter), str(score)
            )
        for tick in chart.ticks:  # the months (or weeks) as faint lines across the plot
            x = axis.x(tick.epoch)
            if axis.left < x < axis.right:
                painter.setPen(QPen(GRID, 0.5 * pt))
                painter.drawLine(QPointF(x, plot_top), QPointF(x, plot_bottom))
        painter.setPen(QPen(MUTED, 0.8 * pt))
        painter.drawLine(QPointF(axis.left, plot_top), QPointF(axis.left, plot_bottom))
        painter.drawLine(QPointF(axis.left, plot_bottom), QPointF(axis.right, plot_bottom))
        axis.draw_ticks(painter, chart.ticks, plot_bottom)
        if not chart.marks:
            painter.setPen(MUTED)
            painter.setFont(_font(BODY_PT))
            painter.drawText(
                QRectF(axis.left, plot_top, axis.right - axis.left, plot_bottom - plot_top),
                int(Qt.AlignmentFlag.AlignCenter),
                chart.empty_text,
            )
        painter.setClipRect(
            QRectF(
                axis.left,
                plot_top - mm,
                axis.right - axis.left + mm,
                plot_bottom - plot_top + 2 * mm,
            )
        )
        # The scores first, the 7-day average over them: the line stays whole.
        size = self.MARKER_MM * mm
        for mark in chart.marks:
            draw_marker(painter, mark.context, QPointF(axis.x(mark.epoch), y(mark.score)), size, pt)
        average_pen = QPen(AVERAGE, 1.3 * pt)
        average_pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        average_pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
        painter.setPen(average_pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        for segment in chart.average:
            if len(segment) == 1:  # a lone point: a short level stroke, not a bar
                ((epoch, value),) = segment
                x = axis.x(epoch)
                painter.drawLine(QPointF(x - 1.5 * mm, y(value)), QPointF(x + 1.5 * mm, y(value)))
                continue
            path = QPainterPath()
            path.moveTo(axis.x(segment[0][0]), y(segment[0][1]))
            for epoch, value in segment[1:]:
                path.lineTo(axis.x(epoch), y(value))
            painter.drawPath(path)
        painter.setClipping(False)
        self.draw_legend(painter, plot_bottom + axis.labels_height() + 2 * mm)

    def draw_legend(self, painter: QPainter, top: float) -> None:
        """The legend, below the plot and its axis: a sample of each series and its words."""
        layout = self.layout
        mm, pt = layout.mm, layout.pt
        line = layout.metrics(_font(SMALL_PT)).lineSpacing()
        painter.setFont(_font(SMALL_PT))
        sample = 6 * mm
        for row_number, row in enumerate(self._legend_rows()):
            x = 0.0
            middle = top + row_number * line + line / 2
            for key, words, width in row:
                if key == "average":
                    pen = QPen(AVERAGE, 1.3 * pt)
                    painter.setPen(pen)
                    painter.drawLine(QPointF(x, middle), QPointF(x + sample, middle))
                else:
                    draw_marker(
                        painter, key, QPointF(x + sample / 2, middle), self.MARKER_MM * mm, pt
                    )
                painter.setPen(INK)
                box = QRectF(x + sample + 1.5 * mm, middle - line / 2, width, line)
                painter.drawText(
                    box, int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter), words
                )
                x += width


def draw_marker(painter: QPainter, context: str, centre: QPointF, size: float, pt: float) -> None:
    """A score's marker: before a circle, after a triangle, a check-in a square, a diamond.

    The diamond is the score the morning after a session.
    """
    colour = SERIES_COLOURS.get(context, INK)
    painter.setPen(QPen(QColor("#FFFFFF"), 0.35 * pt))
    painter.setBrush(QBrush(colour))
    half = size / 2
    if context == "after":
        painter.drawPolygon(
            QPolygonF(
                [
                    QPointF(centre.x(), centre.y() - half * 1.15),
                    QPointF(centre.x() + half * 1.1, centre.y() + half * 0.85),
                    QPointF(centre.x() - half * 1.1, centre.y() + half * 0.85),
                ]
            )
        )
    elif context == "check-in":
        side = size * 0.88
        painter.drawRect(QRectF(centre - QPointF(side / 2, side / 2), QSizeF(side, side)))
    elif context == "next-morning":  # a diamond
        reach = half * 1.2
        painter.drawPolygon(
            QPolygonF(
                [
                    QPointF(centre.x(), centre.y() - reach),
                    QPointF(centre.x() + reach, centre.y()),
                    QPointF(centre.x(), centre.y() + reach),
                    QPointF(centre.x() - reach, centre.y()),
                ]
            )
        )
    else:
        painter.drawEllipse(centre, half, half)


class BarsDrawing:
    """Sessions per week as bars, the weekly goal as a dashed line across them."""

    PLOT_MM = 26.0

    def __init__(self, layout: _Layout, bars: WeeklyBars) -> None:
        self.layout = layout
        self.bars = bars

    @staticmethod
    def height(layout: _Layout) -> float:
        """The height the bars take on the page."""
        line = layout.metrics(_font(SMALL_PT)).lineSpacing()
        return line + 2 * layout.mm + BarsDrawing.PLOT_MM * layout.mm + 1.6 * layout.mm + 2 * line

    def place(self) -> None:
        """Draw them at the layout's place, and move the place below them."""
        layout = self.layout
        top = layout.y
        layout.add(lambda painter: self.draw(painter, top))
        layout.y += self.height(layout)

    def draw(self, painter: QPainter, top: float) -> None:
        """Draw the bars with their title's top at `top`."""
        layout, bars = self.layout, self.bars
        mm, pt = layout.mm, layout.pt
        font = _font(SMALL_PT)
        metrics = layout.metrics(font)
        line = metrics.lineSpacing()
        painter.setFont(font)
        painter.setPen(MUTED)
        painter.drawText(
            QRectF(0, top, layout.width / 2, line), int(Qt.AlignmentFlag.AlignLeft), bars.title
        )
        # The goal's legend at the right: a dashed sample and its words.
        goal_width = metrics.horizontalAdvance(bars.goal_label)
        sample_right = layout.width - goal_width - 1.5 * mm
        dashed = QPen(INK, 1.0 * pt, Qt.PenStyle.DashLine)
        painter.setPen(dashed)
        painter.drawLine(
            QPointF(sample_right - 8 * mm, top + line / 2), QPointF(sample_right, top + line / 2)
        )
        painter.setPen(INK)
        painter.drawText(
            QRectF(layout.width - goal_width - pt, top, goal_width + 2 * pt, line),
            int(Qt.AlignmentFlag.AlignRight),
            bars.goal_label,
        )
        plot_top = top + line + 2 * mm
        plot_bottom = plot_top + self.PLOT_MM * mm
        most = max([bars.goal, *(count for _s, _e, count in bars.weeks)], default=1)
        high = max(most + 1, 2)
        label_width = metrics.horizontalAdvance("10") + 2 * mm
        axis = _TimeAxis(layout, bars.start, bars.end, label_width + mm)

        def y(value: float) -> float:
            return plot_bottom - value / high * (plot_bottom - plot_top)

        step = 1 if high <= 6 else 2 if high <= 12 else 5
        for value in range(0, high + 1, step):
            painter.setPen(QPen(GRID, 0.5 * pt))
            painter.drawLine(QPointF(axis.left, y(value)), QPointF(axis.right, y(value)))
            painter.setPen(INK)
            box = QRectF(0, y(value) - line / 2, label_width - mm, line)
            painter.drawText(
                box, int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter), str(value)
            )
        painter.setPen(QPen(BAR_EDGE, 0.5 * pt))
        painter.setBrush(QBrush(BAR))
        for start, end, count in bars.weeks:
            left, right = axis.x(start), axis.x(end)
            inset = (right - left) * 0.15
            if count:
                painter.drawRect(
                    QRectF(left + inset, y(count), right - left - 2 * inset, y(0) - y(count))
                )
        painter.setPen(QPen(MUTED, 0.8 * pt))
        painter.drawLine(QPointF(axis.left, plot_top), QPointF(axis.left, plot_bottom))
        painter.drawLine(QPointF(axis.left, plot_bottom), QPointF(axis.right, plot_bottom))
        painter.setPen(dashed)
        painter.drawLine(QPointF(axis.left, y(bars.goal)), QPointF(axis.right, y(bars.goal)))
        axis.draw_ticks(painter, bars.ticks, plot_bottom)
