"""Private by default: the data folder 0700, and the log, the PDF report and the CSV 0600.

Measured before: the data folder was 0755, `spinecoach.log` 0644 and the clinician PDF 0644,
i.e. readable by every user of the machine. Each test runs under the usual umask 022, which is
what made them so.
"""

from __future__ import annotations

import logging
import os
import stat
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from spinecoach import paths
from spinecoach.app.startup import LOG_LIMIT, LOG_NAME, configure_logging
from spinecoach.core.records import PainContext, PainEntry
from spinecoach.storage.csv_io import export_csv
from spinecoach.storage.opening import open_database

pytestmark = pytest.mark.skipif(os.name != "posix", reason="file modes are a POSIX feature")

NOW = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture(autouse=True)
def _usual_umask() -> Iterator[None]:
    previous = os.umask(0o022)
    yield
    os.umask(previous)


@pytest.fixture
def logging_to(tmp_path: Path) -> Iterator[Path]:
    """The data folder configure_logging is pointed at; its handlers are removed afterwards."""
    root = logging.getLogger("spinecoach")
    handlers, level = list(root.handlers), root.level
    yield tmp_path / "data"
    for handler in root.handlers:
        if handler not in handlers:
            root.removeHandler(handler)
            handler.close()
    root.setLevel(level)


def test_a_new_data_folder_is_created_0700(tmp_path: Path) -> None:
    data = tmp_path / "new" / "SpineCoach"
    assert paths.prepare_data_dir(data) is None
    assert _mode(data) == 0o700
    assert _mode(data.parent) == 0o755, "parent folders keep the usual mode"


def test_a_data_folder_open_to_others_is_tightened_and_it_is_logged(logging_to: Path) -> None:
    logging_to.mkdir()
    (logging_to / "spinecoach.sqlite3").write_bytes(b"")  # what was exposed
    logging_to.chmod(0o755)

    configure_logging(logging_to)

    assert _mode(logging_to) == 0o700
    logged = (logging_to / LOG_NAME).read_text(encoding="utf-8")
    assert f"data folder {logging_to} was open to others (mode 755); now 700" in logged
    assert paths.prepare_data_dir(logging_to) is None, "a private folder is left as it is"


def test_an_empty_folder_just_made_by_mkdir_is_tightened_without_a_log_line(
    logging_to: Path,
) -> None:
    logging_to.mkdir()  # as main() does before configuring the log: 0755 under umask 022

    configure_logging(logging_to)

    assert _mode(logging_to) == 0o700
    assert "open to others" not in (logging_to / LOG_NAME).read_text(encoding="utf-8")


def test_the_log_is_created_0600(logging_to: Path) -> None:
    configure_logging(logging_to)
    logging.getLogger("spinecoach").info("a line")

    assert _mode(logging_to) == 0o700
    assert _mode(logging_to / LOG_NAME) == 0o600


def test_an_old_world_readable_log_and_its_rotated_copy_are_tightened(logging_to: Path) -> None:
    logging_to.mkdir(mode=0o700)
    log_file = logging_to / LOG_NAME
    log_file.write_text("x" * (LOG_LIMIT + 1), encoding="utf-8")  # rotated at this start
    log_file.chmod(0o644)

    configure_logging(logging_to)

    assert _mode(log_file.with_suffix(".log.1")) == 0o600
    assert _mode(log_file) == 0o600


def test_the_pdf_report_is_0600_new_or_replacing_a_file(qtbot: QtBot, tmp_path: Path) -> None:
    from spinecoach.ui.history.report import write_report
    from spinecoach.ui.history.report_document import Fact, Paragraph, ReportContent, Section

    content = ReportContent(
        document_title="SpineCoach pain report",
        creator="SpineCoach",
        title="Back pain and exercise report",
        header=(Fact("Period covered", ("2 March 2026",)),),
        preamble="Self-reported scores.",
        sections=(Section("Notes", (Paragraph("No notes."),)),),
        footer="SpineCoach pain report",
        page_label="Page {page} of {pages}",
        continued="{heading} (continued)",
    )
    new = tmp_path / "new.pdf"
    write_report(new, content)
    replaced = tmp_path / "replaced.pdf"
    replaced.write_bytes(b"an older report")
    replaced.chmod(0o644)
    with pytest.raises(FileExistsError):  # not without the person's word
        write_report(replaced, content)
    assert replaced.read_bytes() == b"an older report"
    write_report(replaced, content, overwrite=True)

    for report in (new, replaced):
        assert report.read_bytes().startswith(b"%PDF")
        assert _mode(report) == 0o600
    assert sorted(p.name for p in tmp_path.iterdir()) == ["new.pdf", "replaced.pdf"]


def test_the_csv_export_is_0600_new_or_replacing_a_file(tmp_path: Path) -> None:
    with open_database(tmp_path / "data" / "spinecoach.sqlite3", now=NOW) as database:
        database.add_pain_entry(PainEntry(recorded_at=NOW, score=4, context=PainContext.BEFORE))
        new = export_csv(database, tmp_path / "new.csv").path
        replaced = tmp_path / "replaced.csv"
        replaced.write_text("older export", encoding="utf-8")
        replaced.chmod(0o644)
        export_csv(database, replaced, overwrite=True)

    assert _mode(new) == 0o600
    assert _mode(replaced) == 0o600
