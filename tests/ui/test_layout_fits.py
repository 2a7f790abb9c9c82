"""Nothing cut off, nothing drawn over anything else: every area and the settings, small and large.

Two hard cases from issue 14, each checked on the real widgets with `layout_check`:

- a 960 x 540 window: a 1920 x 1080 screen at QT_SCALE_FACTOR=2 (the ring was cut off with
  "Rep 1 of 5" over its digits; History showed one log row and clipped its cards and buttons);
- text at 200 % (the Text size setting) in a 1366 x 768 and a 1280 x 720 window.

The idle Session page clipped its text at every size, so it is checked at four. The player is
checked in every phase of two routines (long steps, cautions, the change to the floor) and must
fit without scrolling: its controls have to stay in view.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QScrollArea, QWidget
from pytestqt.qtbot import QtBot

from spinecoach import paths
from spinecoach.app import Application, build
from spinecoach.app.language import use_language
from spinecoach.core.clock import FakeClock
from spinecoach.core.records import (
    PainContext,
    PainEntry,
    ReminderAction,
    ReminderLogEntry,
    SessionStatus,
)
from spinecoach.core.session import EngineState
from spinecoach.ui.session.countdown import CountdownRing
from spinecoach.ui.shell.main_window import MainWindow
from spinecoach.ui.shell.settings_dialog import PAGES, SettingsDialog
from tests.fakes import RecordingCues, ScriptedPrompts
from tests.ui.layout_check import assert_fits, layout_problems, sideways_scrolling

NOW = datetime(2026, 11, 25, 12, 0, tzinfo=UTC)  # a Wednesday

#: (width, height, text size %): the window sizes and text sizes a person may have.
SMALL_SCREEN = (960, 540, 100)
LAPTOP = (1366, 768, 100)
SMALL_LAPTOP = (1280, 720, 100)
LARGE_TEXT = (1366, 768, 200)
LARGE_TEXT_SMALL_LAPTOP = (1280, 720, 200)
EVERY_SIZE = (SMALL_SCREEN, LAPTOP, SMALL_LAPTOP, LARGE_TEXT, LARGE_TEXT_SMALL_LAPTOP)

BOTH_UNAVAILABLE = {
    "idle_detection": "This desktop does not tell SpineCoach how long you have been away "
    "(no X11 screen saver extension and no GNOME or KDE idle service was found).",
    "defer_when_busy": "This desktop cannot tell SpineCoach about full-screen windows or "
    "do-not-disturb, so reminders cannot wait for them.",
}


def settle() -> None:
    for _ in range(3):
        QApplication.processEvents()


@pytest.fixture
def app(qtbot: QtBot, data_dir: Path) -> Iterator[Application]:
    application = build(data_dir, FakeClock(NOW), prompts=ScriptedPrompts(), cues=RecordingCues())
    qtbot.addWidget(application.window)
    yield application
    engine = application.player.engine if application.session_area.is_built else None
    if engine is not None and engine.state is EngineState.RUNNING:
        application.player.toggle_pause()  # never leave the repaint timer running
    application.state.set("text_size", 100)  # the application's font, for the tests after
    application.window.close()
    application.database.close()


def show(app: Application, size: tuple[int, int, int], area: str) -> MainWindow:
    """The window at `size` (width, height, text %), showing `area`."""
    width, height, text = size
    app.state.set("text_size", text)
    window = app.window
    window.resize(width, height)
    window.show()
    window.show_area(area)
    settle()
    assert (window.width(), window.height()) == (width, height)
    return window


def a_fortnight_of_history(app: Application) -> None:
    """Sessions, check-ins and this week's reminders: every card, the chart and the log."""
    db = app.database
    for day in range(14):
        started = NOW - timedelta(days=day, hours=3)
        record = db.start_session("hips-and-hamstrings", "Hips and hamstrings", 6, started)
        assert record.id is not None
        db.add_pain_entry(
            PainEntry(recorded_at=started, score=5, context=PainContext.BEFORE,
                      session_id=record.id)
        )  # fmt: skip
        ended = started + timedelta(minutes=13)
        note = "a long note about how the stretch felt today, and why " * 2
        db.finish_session(record.id, SessionStatus.COMPLETED, ended, feeling="easier", note=note)
        db.add_pain_entry(
            PainEntry(recorded_at=ended, score=3, context=PainContext.AFTER, session_id=record.id)
        )
        db.add_pain_entry(
            PainEntry(recorded_at=started - timedelta(hours=5), score=4,
                      context=PainContext.CHECK_IN)
        )  # fmt: skip
    for hour in (9, 11, 14):
        shown = NOW.replace(hour=hour)
        db.add_reminder_event(
            ReminderLogEntry(recorded_at=shown, action=ReminderAction.SHOWN, detail="stand_up")
        )
        db.add_reminder_event(
            ReminderLogEntry(recorded_at=shown + timedelta(minutes=2),
                             action=ReminderAction.SKIPPED, detail="in_pain")
        )  # fmt: skip


@pytest.mark.parametrize("size", [*EVERY_SIZE, (1280, 820, 100)], ids=str)
def test_the_idle_session_page_wraps_its_text_at_every_size(
    app: Application, size: tuple[int, int, int]
) -> None:
    window = show(app, size, "session")
    assert app.session.currentWidget() is app.session.idle_page
    assert_fits(window, f"idle Session page at {size}")


@pytest.mark.parametrize("size", EVERY_SIZE, ids=str)
def test_the_library_fits(app: Application, size: tuple[int, int, int]) -> None:
    window = show(app, size, "library")
    for item in ("desk-break", "cat-cow", "core-strength"):
        app.library_pane.select_item(item)
        settle()
        assert_fits(window, f"Library showing {item} at {size}")


@pytest.mark.parametrize("size", EVERY_SIZE, ids=str)
def test_history_scrolls_instead_of_squeezing_and_wraps_its_cards_and_buttons(
    app: Application, size: tuple[int, int, int]
) -> None:
    a_fortnight_of_history(app)
    window = show(app, size, "history")
    view = app.history_area.build().view
    view.bars_toggle.setChecked(True)
    settle()
    assert view.reminder_line.isVisible()
    assert_fits(window, f"History at {size}")
    # The chart keeps its height (axis and the 0-2 band shown); the log shows three rows.
    assert view.chart.height() >= view.chart.minimumHeight()
    rows = view.table.verticalHeader().defaultSectionSize()
    header = view.table.horizontalHeader().height()
    assert view.table.viewport().height() >= 3 * rows, (view.table.height(), header, rows)
    assert rows >= view.table.fontMetrics().height() + 4


def play_through(app: Application, routine_id: str, at_each_phase: object) -> int:
    """Run a routine phase by phase (pressing Start where it waits), checking each."""
    assert callable(at_each_phase)
    clock = app.clock
    assert isinstance(clock, FakeClock)
    assert app.start_routine(app.library.routines[routine_id])
    engine = app.player.engine
    assert engine is not None
    phases = 0
    while engine.state not in (EngineState.FINISHED, EngineState.STOPPED):
        clock.advance(min(1.0, engine.remaining() / 2))
        app.player.tick()
        settle()
        at_each_phase(f"{routine_id}, {engine.phase.kind.value} of {engine.phase.exercise.id}")
        phases += 1
        if engine.state is EngineState.PAUSED:
            app.player.toggle_pause()
        clock.advance(engine.remaining())
        app.player.tick()
    settle()
    return phases


def player_scroll(app: Application) -> QScrollArea:
    scroll = app.session.findChild(QScrollArea, "playerScroll")
    assert scroll is not None
    return scroll


#: What a computer with no sound server and no speech engine says under the caption.
SILENT = (
    "Tones are silent: no audio output device was found (install libpulse0 and a sound "
    "server such as PipeWire). Cues are not spoken: no speech engine could be started (install "
    "speech-dispatcher and espeak-ng). Captions show every cue."
)

#: The tightest of each kind (the 100 % laptops have more room than 960 x 540 in both ways).
PLAYER_SIZES = (SMALL_SCREEN, LARGE_TEXT, LARGE_TEXT_SMALL_LAPTOP)


@pytest.mark.parametrize("size", PLAYER_SIZES, ids=str)
def test_the_player_fits_every_phase_without_scrolling_or_covering_the_digits(
    app: Application, size: tuple[int, int, int]
) -> None:
    window = show(app, size, "session")
    ring = app.session.player.countdown
    # A computer without sound shows why under the caption, in the picture's narrow column.
    app.session.player.set_sound_note(SILENT)

    def check(where: str) -> None:
        assert_fits(window, f"player at {size}, {where}")
        assert player_scroll(app).verticalScrollBar().maximum() == 0, f"scrolls: {where}"
        assert isinstance(ring, CountdownRing)
        assert ring.digit_pixel_size() >= 24, where  # still the largest text on the page

    assert play_through(app, "hips-and-hamstrings", check) > 20
    app.player.stop()
    assert play_through(app, "core-strength", check) > 20


def test_the_ring_is_as_large_as_before_where_there_is_room(app: Application) -> None:
    """On a comfortable window the digits keep the across-the-room size (96 px or more)."""
    show(app, (1280, 820, 100), "session")
    assert app.start_routine(app.library.routines["desk-break"])
    settle()
    ring = app.session.player.countdown
    assert min(ring.width(), ring.height()) >= 300
    assert ring.digit_pixel_size() >= 96


@pytest.mark.parametrize("text", [100, 200])
@pytest.mark.parametrize("page", [group for group, _subtitle in PAGES])
def test_the_settings_pages_fit_with_both_reminder_notes(
    qtbot: QtBot, app: Application, page: str, text: int
) -> None:
    app.state.set("text_size", text)
    dialog = SettingsDialog(app.settings, page=page, unavailable=BOTH_UNAVAILABLE)
    qtbot.addWidget(dialog)
    # The size the screenshots use, and the size such a dialog opens at on a laptop at 200 %.
    if text == 100:
        dialog.resize(720, 640)
    else:
        dialog.resize(960, 600)
    dialog.show()
    settle()
    assert_fits(dialog, f"settings, {page} at {text} %")
    if page == "Reminders":
        notes = dialog.forms["Reminders"].notes
        assert set(notes) == set(BOTH_UNAVAILABLE)


def test_a_settings_page_too_small_for_its_rows_scrolls_them(
    qtbot: QtBot, app: Application
) -> None:
    """At 960 x 540 with 200 % text the Working hours page cannot fit: it scrolls, nothing
    overlaps."""
    app.state.set("text_size", 200)
    dialog = SettingsDialog(app.settings, page="Working hours", unavailable=BOTH_UNAVAILABLE)
    qtbot.addWidget(dialog)
    dialog.resize(700, 500)
    dialog.show()
    settle()
    scroll = dialog.findChild(QScrollArea, "settingsPage_WorkingHours")
    assert scroll is not None
    assert scroll.verticalScrollBar().maximum() > 0
    editor = dialog.control("working_hours")
    sunday = editor.findChild(QWidget, "workday_6")
    assert sunday is not None and sunday.isVisibleTo(dialog)
    problems = [p for p in layout_problems(dialog) if p not in sideways_scrolling(dialog)]
    assert not problems, "\n".join(map(str, problems))


def test_a_text_size_chosen_while_everything_is_open_applies_at_once(app: Application) -> None:
    """The sizes follow a change made with every area already built (no restart)."""
    a_fortnight_of_history(app)
    window = show(app, LAPTOP, "library")
    for area in ("session", "history", "library"):
        window.show_area(area)
        settle()
    body = QApplication.font().pointSizeF()
    app.state.set("text_size", 200)
    settle()
    assert QApplication.font().pointSizeF() == pytest.approx(2 * body)
    for area in ("library", "session", "history"):
        window.show_area(area)
        settle()
        assert_fits(window, f"{area} after the text size changed to 200 %")
    app.state.set("text_size", 100)
    settle()
    assert QApplication.font().pointSizeF() == pytest.approx(body)


# --- German: about 30 % longer words, at the tightest sizes ------------------------------------


@pytest.fixture
def german_app(qtbot: QtBot, data_dir: Path) -> Iterator[Application]:
    application = build(
        data_dir, FakeClock(NOW), prompts=ScriptedPrompts(), cues=RecordingCues(), language="de"
    )
    qtbot.addWidget(application.window)
    yield application
    engine = application.player.engine if application.session_area.is_built else None
    if engine is not None and engine.state is EngineState.RUNNING:
        application.player.toggle_pause()
    application.state.set("text_size", 100)  # the application's font, for the tests after
    application.window.close()
    application.database.close()
    use_language("en", paths.resources_dir(), system="C")


GERMAN_SIZES = (SMALL_SCREEN, LARGE_TEXT)


@pytest.mark.parametrize("size", GERMAN_SIZES, ids=str)
def test_in_german_the_library_idle_page_and_history_fit(
    german_app: Application, size: tuple[int, int, int]
) -> None:
    assert german_app.library.routines["desk-break"].name.startswith("Zwei-Minuten")
    window = show(german_app, size, "library")
    for item in ("desk-break", "cat-cow", "core-strength"):
        german_app.library_pane.select_item(item)
        settle()
        assert_fits(window, f"German Library showing {item} at {size}")
    window.show_area("session")
    settle()
    assert_fits(window, f"German idle Session page at {size}")
    a_fortnight_of_history(german_app)
    window.show_area("history")
    german_app.history_area.build().view.bars_toggle.setChecked(True)
    settle()
    assert_fits(window, f"German History at {size}")


@pytest.mark.parametrize("size", GERMAN_SIZES, ids=str)
def test_in_german_the_player_fits_without_scrolling_either_way(
    german_app: Application, size: tuple[int, int, int]
) -> None:
    window = show(german_app, size, "session")
    german_app.session.player.set_sound_note(SILENT)

    def check(where: str) -> None:
        assert_fits(window, f"German player at {size}, {where}")
        scroll = player_scroll(german_app)
        assert scroll.verticalScrollBar().maximum() == 0, f"scrolls down: {where}"
        assert scroll.horizontalScrollBar().maximum() == 0, f"scrolls sideways: {where}"

    assert play_through(german_app, "hips-and-hamstrings", check) > 20


# --- the Library's search: results with advice, and nothing found (issue 15) -------------------


@pytest.mark.parametrize("size", EVERY_SIZE, ids=str)
def test_search_results_advice_and_nothing_found_fit(
    app: Application, size: tuple[int, int, int]
) -> None:
    window = show(app, size, "library")
    pane = app.library_pane
    for text in ("sciatica", "hip", "neck zzzz", "bladder"):
        pane.search.setText(text)
        settle()
        assert_fits(window, f"Library searching {text!r} at {size}")
    pane.search.setText("neck")
    pane.desk_filter.setChecked(True)
    pane.position_filter.setCurrentIndex(2)  # nothing is both: the filters are the reason
    settle()
    assert_fits(window, f"Library with the filters hiding every match at {size}")


@pytest.mark.parametrize("size", GERMAN_SIZES, ids=str)
def test_in_german_search_results_and_nothing_found_fit(
    german_app: Application, size: tuple[int, int, int]
) -> None:
    window = show(german_app, size, "library")
    pane = german_app.library_pane
    for text in ("Ischias", "Hüfte", "Nacken xyz"):
        pane.search.setText(text)
        settle()
        assert_fits(window, f"German Library searching {text!r} at {size}")
