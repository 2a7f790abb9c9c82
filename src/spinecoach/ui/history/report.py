"""A one-page PDF for a clinician: the range, the summary, the chart, reminders, the session log.

Drawn with Qt's own PDF writer, from what the History view shows now, so the report and the
screen always agree. Text stays text (selectable, searchable); the chart is embedded as an image.
What the stand-up reminders led to in the period (`core.reminder_summary`) gets a short section
of its own when there were any; with none logged the section is left out rather than guessed at
("off", "not running" and "never sat for long" leave the same empty log).

Every word on the page is translated (the context "PdfReport"); what comes from the History view
(`ReportContent`) is already worded there, dates and numbers in the locale in use.

The PDF holds pain scores, so it is written like the CSV export: into a new 0600 file beside its
final name, renamed into place only when complete. Qt on its own would create it with the
umask's mode (0644 with the usual 022), readable by every user of the machine, and a failed
write would leave half a PDF under the chosen name.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QMarginsF, QObject, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QPageLayout, QPageSize, QPainter, QPdfWriter, QPixmap

from spinecoach import __version__
from spinecoach.core.ui_text import QT_TRANSLATE_NOOP

DISCLAIMER = QT_TRANSLATE_NOOP(
    "PdfReport",
    "Recorded by the patient with SpineCoach, a self-management aid. "
    "Pain is self-rated on a 0-10 scale (0 = no pain, 10 = worst pain imaginable).",
)
REMINDERS_HEADING = QT_TRANSLATE_NOOP("PdfReport", "Stand-up reminders")


@dataclass(frozen=True, slots=True)
class ReportContent:
    """What goes on the page, already worded; `reminders` empty leaves that section out."""

    period: str
    summary: list[tuple[str, str]]
    chart: QPixmap
    columns: tuple[str, ...]
    rows: Sequence[tuple[str, ...]]
    created: str
    reminders: str = ""


def write_report(path: Path, content: ReportContent) -> int:
    """Write the one-page PDF (mode 0600); returns how many session rows fitted on the page.

    An existing file at `path` is replaced (the save dialog has asked); OSError when the PDF
    cannot be written, and then nothing at `path` has changed.
    """
    descriptor, name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    os.close(descriptor)  # mkstemp made it 0600; Qt writes into it and keeps that mode
    temporary = Path(name)
    try:
        fitted = PdfReport(content).write(temporary)
        with temporary.open("rb") as written:
            os.fsync(written.fileno())
        temporary.replace(path)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise
    return fitted


def _font(points: float, bold: bool = False) -> QFont:
    font = QFont("DejaVu Sans")
    font.setPointSizeF(points)
    font.setBold(bold)
    return font


class PdfReport(QObject):
    """Draws `content` on one A4 page; its own words are translated in its context."""

    def __init__(self, content: ReportContent) -> None:
        super().__init__()
        self._content = content

    def write(self, path: Path) -> int:
        """Write the PDF at `path`; returns how many session rows fitted on the page."""
        writer = QPdfWriter(str(path))
        writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
        writer.setPageMargins(QMarginsF(15, 15, 15, 15), QPageLayout.Unit.Millimeter)
        writer.setResolution(300)
        writer.setTitle(self.tr("SpineCoach pain report"))
        writer.setCreator(f"SpineCoach {__version__}")
        painter = QPainter()
        if not painter.begin(writer):  # Qt only warns; say so, rather than report a saved file
            raise OSError(self.tr("Qt could not start writing the PDF at {path}").format(path=path))
        try:
            fitted = self._draw(painter, writer.width(), writer.height())
        finally:
            finished = painter.end()
        if not finished:
            raise OSError(
                self.tr("Qt could not finish writing the PDF at {path}").format(path=path)
            )
        return fitted

    def _draw(self, painter: QPainter, width: int, height: int) -> int:
        content = self._content
        dark, muted, line = QColor("#1B2830"), QColor("#5B6A74"), QColor("#D6DEE3")
        y = 0.0

        def text(value: str, font: QFont, colour: QColor, box_height: float) -> None:
            nonlocal y
            painter.setFont(font)
            painter.setPen(colour)
            painter.drawText(QRectF(0, y, width, box_height), Qt.TextFlag.TextWordWrap, value)
            y += box_height

        unit = height / 100  # layout in hundredths of the page height
        text(self.tr("Back pain and exercise report"), _font(18, bold=True), dark, unit * 4)
        text(content.period, _font(10), muted, unit * 2.2)
        text(QCoreApplication.translate("PdfReport", DISCLAIMER), _font(8), muted, unit * 3)

        # Summary: label / value pairs in one row of cells.
        cell = width / max(1, len(content.summary))
        for index, (label, value) in enumerate(content.summary):
            painter.setPen(muted)
            painter.setFont(_font(7.5))
            painter.drawText(QRectF(index * cell, y, cell - 20, unit * 2), label)
            painter.setPen(dark)
            painter.setFont(_font(12, bold=True))
            painter.drawText(QRectF(index * cell, y + unit * 1.8, cell - 20, unit * 2.6), value)
        y += unit * 5.5

        if not content.chart.isNull():
            scaled = content.chart.scaled(
                int(width),
                int(unit * 32),
                Qt.AspectRatioMode.KeepAspectRatio,
                Qt.TransformationMode.SmoothTransformation,
            )
            painter.drawPixmap(int((width - scaled.width()) / 2), int(y), scaled)
            y += scaled.height()
        y += unit * 2

        if content.reminders:
            heading = QCoreApplication.translate("PdfReport", REMINDERS_HEADING)
            text(heading, _font(11, bold=True), dark, unit * 2.5)
            painter.setFont(_font(8.5))
            flags = Qt.TextFlag.TextWordWrap
            needed = painter.boundingRect(QRectF(0, 0, width, unit * 10), flags, content.reminders)
            text(content.reminders, _font(8.5), dark, needed.height() + unit * 0.5)
            y += unit * 1.5

        text(self.tr("Sessions"), _font(11, bold=True), dark, unit * 2.5)
        # Room for "2 von 5 (unvollständig)" and "1 Std. 5 Min." beside a long routine name.
        widths = [0.20, 0.25, 0.11, 0.18, 0.08, 0.08, 0.10]
        columns = content.columns[: len(widths)]
        row_height = unit * 1.9
        painter.setFont(_font(7.5, bold=True))
        painter.setPen(muted)
        x = 0.0
        for column, share in zip(columns, widths, strict=False):
            painter.drawText(QRectF(x, y, width * share, row_height), column)
            x += width * share
        y += row_height
        painter.setPen(line)
        painter.drawLine(0, int(y), int(width), int(y))
        footer_top = height - unit * 3
        fitted = 0
        painter.setFont(_font(7.5))
        for row in content.rows:
            if y + row_height * 2 > footer_top:
                break
            painter.setPen(dark)
            x = 0.0
            for value, share in zip(row, widths, strict=False):
                cell_width = width * share - 10
                # A text longer than its cell ends in "…" rather than running into the next.
                shown = painter.fontMetrics().elidedText(
                    value, Qt.TextElideMode.ElideRight, int(cell_width)
                )
                painter.drawText(
                    QRectF(x, y, cell_width, row_height), Qt.TextFlag.TextSingleLine, shown
                )
                x += width * share
            y += row_height
            fitted += 1
        remaining = len(content.rows) - fitted
        if remaining > 0:
            painter.setPen(muted)
            more = self.tr(
                "… and %n earlier session(s) (export the CSV for all of them).", "", remaining
            )
            painter.drawText(QRectF(0, y, width, row_height), more)
        painter.setPen(muted)
        painter.setFont(_font(7))
        painter.drawText(
            QRectF(0, footer_top, width, unit * 3),
            Qt.AlignmentFlag.AlignBottom,
            self.tr(
                "Created {created} with SpineCoach {version}. "
                "SpineCoach does not diagnose or treat; please interpret with clinical judgement."
            ).format(created=content.created, version=__version__),
        )
        return fitted
