"""Reading a clinician's report back in tests: its facts, its session table, its PDF's text."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtPdf import QPdfDocument

from spinecoach.ui.history.report_document import Facts, ReportContent, Table


def fact(content: ReportContent, label: str) -> tuple[str, ...] | None:
    """The lines of the fact called `label` (header or any section), None when there is none."""
    for found in content.header:
        if found.label == label:
            return found.lines
    for section in content.sections:
        for block in section.blocks:
            if isinstance(block, Facts):
                for row in block.rows:
                    if row.label == label:
                        return row.lines
    return None


def session_rows(content: ReportContent) -> tuple[tuple[str, ...], ...]:
    """The rows of the table of every session (the last section), none when it is empty."""
    tables = [block for block in content.sections[-1].blocks if isinstance(block, Table)]
    return tables[0].rows if tables else ()


def pdf_pages(path: Path) -> list[str]:
    """The text of each page of the PDF at `path`, whitespace made single spaces."""
    document = QPdfDocument()
    assert document.load(str(path)) == QPdfDocument.Error.None_
    pages = [" ".join(document.getAllText(i).text().split()) for i in range(document.pageCount())]
    document.close()
    return pages
