"""The clinician's report as a PDF: A4 pages laid out and drawn with Qt's own PDF writer.

What the pages say is decided elsewhere (`core.clinician_report` for the figures,
`report_content` for the words, in the language and locale in use, as a `report_document`
`ReportContent`); `report_layout` places it on pages (`report_charts` draws the charts,
`report_look` holds the colours and type), and this module draws the pages into the file:

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
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QMarginsF
from PySide6.QtGui import QPagedPaintDevice, QPageLayout, QPageSize, QPainter, QPdfWriter

from spinecoach.storage.files import sync_directory
from spinecoach.ui.history.report_document import ReportContent
from spinecoach.ui.history.report_layout import ReportLayout
from spinecoach.ui.history.report_look import MARGIN_MM, RESOLUTION


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
        pages = ReportLayout(writer, self._content).pages()
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
