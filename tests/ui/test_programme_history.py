"""History and the clinician's PDF with an active programme: its tab, its report page.

A programme from Monday 2 November 2026 (once a day, and three times a week), three weeks of
sessions up to Friday 20 November; the counts in the comments are counted by hand.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale, Qt
from pytestqt.qtbot import QtBot

from spinecoach import paths
from spinecoach.core.clock import FakeClock
from spinecoach.core.exercise import Exercise, Routine, RoutineItem, RoutineOrigin
from spinecoach.core.library import load_library
from spinecoach.core.messages import Messages
from spinecoach.core.programme.model import Frequency, Period, PrescribedRoutine, Programme
from spinecoach.core.records import HurtEvent, PainContext, PainEntry, SessionRecord, SessionStatus
from spinecoach.core.report_period import ReportPeriod
from spinecoach.core.translation import load_library_in
from spinecoach.storage.database import Database
from spinecoach.storage.opening import open_database
from spinecoach.ui.history.controller import HistoryController
from spinecoach.ui.history.report import write_report
from spinecoach.ui.history.report_document import Paragraph, ReportContent, Section, Table
from spinecoach.ui.history.view import PROGRAMME_TAB, HistoryView
from tests.ui.report_reading import pdf_pages

NOW = datetime(2026, 11, 20, 18, 0, tzinfo=UTC)  # a Friday
START = date(2026, 11, 2)  # a Monday
KEY = "lower-back-a-physio"


def make_programme(exercises: dict[str, Exercise]) -> Programme:
    def routine(local_id: str, name: str, items: tuple[RoutineItem, ...]) -> Routine:
        return Routine(
            id=f"programme-{KEY}-{local_id}",
            name=name,
            description="Prescribed.",
            items=items,
            origin=RoutineOrigin.PROGRAMME,
            locked=True,
        )

    bridge, cat, bird = (exercises[i] for i in ("glute-bridge", "cat-cow", "bird-dog"))
    morning = routine(
        "morning",
        "Morning mobility",
        (
            RoutineItem(cat, cat.dosage, note="Small, slow movements; stay in comfort."),
            RoutineItem(bridge, bridge.dosage),
        ),
    )
    strength = routine("strength", "Strength", (RoutineItem(bird, bird.dosage),))
    return Programme(
        title="Lower back, weeks 1-6",
        prescribed_by="A. Physio",
        contact="Riverside Clinic, 0123 456 789",
        start=START,
        review=date(2026, 12, 14),
        locked=True,
        routines=(
            PrescribedRoutine(morning, Frequency(1, Period.DAY)),
            PrescribedRoutine(strength, Frequency(3, Period.WEEK)),
        ),
        notes="Stop any exercise that sends pain down the leg, and tell me at the review.",
    )


@pytest.fixture(scope="module")
def programme() -> Programme:
    library = load_library(paths.resources_dir(), paths.icons_dir() / "exercises")
    return make_programme(library.exercises)


#: Morning: every day but the 4th, 5th and 12th (weeks: 5, 6, 4); strength on the 3rd and 6th,
#: the 10th, 11th and 13th, and the 17th (weeks: 2, 3, 1).
MORNING_DAYS = [d for d in range(2, 20) if d not in (4, 5, 12)]
STRENGTH_DAYS = [3, 6, 10, 11, 13, 17]


def history(programme: Programme) -> list[tuple[SessionRecord, list[PainEntry]]]:
    made = []
    for routine, days, hour in (
        (programme.routines[0].routine, MORNING_DAYS, 8),
        (programme.routines[1].routine, STRENGTH_DAYS, 17),
    ):
        ids = tuple(item.exercise.id for item in routine.items)
        for day in days:
            started = datetime(2026, 11, day, hour, 0, tzinfo=UTC)
            stopped = routine is programme.routines[1].routine and day == 17
            made.append(
                (
                    SessionRecord(
                        routine_id=routine.id,
                        routine_name=routine.name,
                        started_at=started,
                        ended_at=started + timedelta(minutes=8),
                        exercises_completed=() if stopped else ids,
                        exercises_skipped=ids if stopped else (),
                        exercises_total=len(ids),
                        status=SessionStatus.STOPPED if stopped else SessionStatus.COMPLETED,
                    ),
                    [
                        PainEntry(recorded_at=started, score=5, context=PainContext.BEFORE),
                        PainEntry(
                            recorded_at=started + timedelta(minutes=8),
                            score=4 if routine is programme.routines[0].routine else 6,
                            context=PainContext.AFTER,
                        ),
                    ],
                )
            )
    return made


@pytest.fixture
def database(data_dir: Path, programme: Programme) -> Iterator[Database]:
    with open_database(data_dir / "spinecoach.sqlite3", now=NOW) as opened:
        added = opened.add_history(history(programme))
        stopped = next(s for s in added.sessions if s.status is SessionStatus.STOPPED)
        assert stopped.id is not None
        opened.add_hurt_event(
            HurtEvent(
                session_id=stopped.id,
                exercise_id="bird-dog",
                recorded_at=stopped.started_at + timedelta(minutes=2),
                action="ended",
            )
        )
        yield opened


def controller(
    qtbot: QtBot,
    database: Database,
    programme: Programme | None,
    words: Messages | None = None,
) -> HistoryController:
    view = HistoryView()
    qtbot.addWidget(view)
    made = (
        HistoryController(view, database, FakeClock(NOW), lambda: 3)
        if words is None
        else HistoryController(view, database, FakeClock(NOW), lambda: 3, words=words)
    )
    made.set_programme_source(lambda: programme)
    return made


# --- History's tab ---------------------------------------------------------------------------


def test_the_programme_tab_shows_only_while_a_programme_is_active(
    qtbot: QtBot, database: Database, programme: Programme
) -> None:
    active: list[Programme | None] = [None]
    made = controller(qtbot, database, None)
    made.set_programme_source(lambda: active[0])
    made.refresh()
    tabs = made._view.log_tabs
    assert not tabs.isTabVisible(PROGRAMME_TAB)
    active[0] = programme
    made.refresh()
    assert tabs.isTabVisible(PROGRAMME_TAB)
    tabs.setCurrentIndex(PROGRAMME_TAB)
    active[0] = None
    made.refresh()
    assert not tabs.isTabVisible(PROGRAMME_TAB)
    assert tabs.currentIndex() != PROGRAMME_TAB


def test_the_tab_counts_each_week_done_against_prescribed(
    qtbot: QtBot, database: Database, programme: Programme
) -> None:
    made = controller(qtbot, database, programme)
    made.refresh()
    panel = made._view.programme
    assert panel.title.text() == "Lower back, weeks 1-6"
    assert panel.prescriber.text() == "Prescribed by A. Physio · Riverside Clinic, 0123 456 789"
    assert panel.prescription.text() == "Morning mobility: once a day\nStrength: 3 times a week"
    # This week (Monday to Friday, 5 of 7 days): once a day -> 5, 3 a week -> 3; done 4 + 0
    # (Tuesday's strength session was stopped, so it does not count).
    assert panel.this_week.text() == "This week: 4 of 8 sessions done"
    assert panel.table.rowCount() == 3
    headers = [panel.table.model().headerData(c, Qt.Orientation.Horizontal) for c in range(4)]
    assert headers == ["Week of", "All routines", "Morning mobility", "Strength"]
    rows = [[panel.cell(r, c) for c in range(1, 4)] for r in range(3)]
    assert rows == [
        ["4 of 8", "4 of 5", "0 of 3"],  # newest first
        ["9 of 10", "6 of 7", "3 of 3"],
        ["7 of 10", "5 of 7", "2 of 3"],
    ]
    assert panel.cell(2, 0).startswith("Mon 02 Nov 2026")
    assert panel.table.accessibleName()


# --- the report --------------------------------------------------------------------------------


def programme_section(content: ReportContent) -> Section:
    return next(s for s in content.sections if s.own_page)


def test_the_report_has_the_programme_after_adherence_on_its_own_page(
    qtbot: QtBot, database: Database, programme: Programme
) -> None:
    content = controller(qtbot, database, programme).report_content(ReportPeriod.FOUR_WEEKS)
    headings = [s.heading for s in content.sections]
    assert headings.index("Prescribed programme") == headings.index("Adherence") + 1
    section = programme_section(content)
    tables = [b for b in section.blocks if isinstance(b, Table)]
    weeks, routines, exercises = tables
    assert [row[1:] for row in weeks.rows] == [
        ("7", "10", "70%"),
        ("9", "10", "90%"),
        ("4", "8", "50%"),
    ]
    # Per routine: done of prescribed, then pain before and after (means of the sessions).
    assert routines.rows[0][:3] == ("Morning mobility", "once a day", "15 of 19")
    assert routines.rows[0][3:] == ("5.0 (15 sessions)", "4.0 (15 sessions)", "-1.0")
    assert routines.rows[1][:3] == ("Strength", "3 times a week", "5 of 9")
    assert routines.rows[1][5] == "+1.0"  # pain rose after the strength sessions
    # Per exercise: completion, "This hurts" and the prescriber's note.
    names = [item.exercise.name for p in programme.routines for item in p.routine.items]
    assert [row[0] for row in exercises.rows] == [
        f"Morning mobility: {names[0]}",
        f"Morning mobility: {names[1]}",
        f"Strength: {names[2]}",
    ]
    assert exercises.rows[0][2:] == (
        "in 15 of 15 sessions",
        "0",
        "Small, slow movements; stay in comfort.",
    )
    assert exercises.rows[2][2:4] == ("in 5 of 6 sessions", "1")
    texts = [b.text for b in section.blocks if isinstance(b, Paragraph)]
    assert programme.notes in texts


def test_the_programme_page_in_the_pdf(
    qtbot: QtBot, database: Database, programme: Programme, tmp_path: Path
) -> None:
    without = controller(qtbot, database, None).report_content(ReportPeriod.FOUR_WEEKS)
    with_it = controller(qtbot, database, programme).report_content(ReportPeriod.FOUR_WEEKS)
    pages_without = write_report(tmp_path / "without.pdf", without)
    pages = write_report(tmp_path / "with.pdf", with_it)
    text = pdf_pages(tmp_path / "with.pdf")
    assert len(text) == pages
    starts = [i for i, page in enumerate(text) if page.startswith("Prescribed programme")]
    assert len(starts) == 1  # a page of its own, from its top
    page = text[starts[0]]
    # It fits on one page: everything from the title to the counting rule is on it.
    for words in (
        "Lower back, weeks 1-6",
        "A. Physio",
        "Riverside Clinic, 0123 456 789",
        "started 02 November 2026; review 14 December 2026",
        "Morning mobility: once a day",
        "20 of 28 prescribed (71%)",
        "Adherence per week",
        "Per routine: adherence and pain",
        "Per exercise",
        "Stop any exercise that sends pain down the leg",
        "Only completed sessions of the programme's routines count.",
    ):
        assert words in page, words
    assert pages == pages_without + 1 or "(continued)" in " ".join(text)


def test_a_long_programme_page_flows_onto_a_second_page_with_the_same_type(
    qtbot: QtBot, database: Database, programme: Programme, tmp_path: Path
) -> None:
    content = controller(qtbot, database, programme).report_content(ReportPeriod.FOUR_WEEKS)
    section = programme_section(content)
    long_notes = Paragraph("\n".join(f"Note {n}: keep the movement small." for n in range(25)))
    blocks = tuple(
        long_notes if isinstance(b, Paragraph) and b.text == programme.notes.strip() else b
        for b in section.blocks
    )
    sections = tuple(
        Section(s.heading, blocks, own_page=True) if s is section else s for s in content.sections
    )
    longer = replace(content, sections=sections)
    pages = write_report(tmp_path / "long.pdf", longer)
    text = pdf_pages(tmp_path / "long.pdf")
    first = next(i for i, page in enumerate(text) if page.startswith("Prescribed programme"))
    assert "Riverside Clinic" in text[first]
    assert "Prescriber’s notes Note 0:" in text[first]
    # What does not fit goes on to the next page; the type keeps its size (there is one).
    assert "Per exercise" not in text[first]
    assert "Per exercise" in text[first + 1]
    assert pages == len(text)


# --- in German ---------------------------------------------------------------------------------


@pytest.fixture
def german_locale() -> Iterator[None]:
    saved = QLocale()
    QLocale.setDefault(QLocale("de_DE"))
    try:
        yield
    finally:
        QLocale.setDefault(saved)


def test_the_programme_page_in_german(
    qtbot: QtBot, data_dir: Path, german_locale: None, tmp_path: Path
) -> None:
    library = load_library_in(paths.resources_dir(), paths.icons_dir() / "exercises", "de")
    german_programme = make_programme(library.exercises)
    with open_database(data_dir / "spinecoach.sqlite3", now=NOW) as opened:
        opened.add_history(history(german_programme))
        made = controller(qtbot, opened, german_programme, library.words)
        content = made.report_content(ReportPeriod.FOUR_WEEKS)
        write_report(tmp_path / "de.pdf", content)
        made.refresh()
        panel = made._view.programme
        assert panel.title.text() == "Lower back, weeks 1-6"
    text = pdf_pages(tmp_path / "de.pdf")
    page = next(p for p in text if p.startswith("Verordneter Übungsplan"))
    for words in (
        "Verordnet von A. Physio",
        "begonnen am ",
        "; Überprüfung am ",
        "einmal täglich",
        "20 von 28 verordneten (71 %)",
        "Adhärenz pro Woche",
        "Pro Übung",
        "Hinweise der verordnenden Person",
    ):
        assert words in page, words
    assert "Prescribed" not in page
