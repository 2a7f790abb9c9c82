"""Every step in the player's list is drawn whole: rows are measured as the sheet draws them."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from spinecoach.app import Application, build
from spinecoach.core.clock import FakeClock
from spinecoach.core.session import EngineState
from tests.fakes import RecordingCues, ScriptedPrompts


@pytest.fixture
def app(qtbot: QtBot, data_dir: Path) -> Iterator[Application]:
    clock = FakeClock(datetime(2026, 11, 25, 12, tzinfo=UTC))
    application = build(data_dir, clock, prompts=ScriptedPrompts(), cues=RecordingCues())
    qtbot.addWidget(application.window)
    yield application
    engine = application.player.engine
    if engine is not None and engine.state is EngineState.RUNNING:
        application.player.toggle_pause()
    application.window.close()
    application.database.close()


@pytest.mark.parametrize("size", [(1280, 820), (960, 540)], ids=str)
def test_no_step_is_cut_short_in_any_exercise_of_the_desk_break(
    app: Application, size: tuple[int, int]
) -> None:
    # "4.  Turn slowly back to the middle." fitted one line as plain text, but not padded:
    # it was drawn as "Turn slowly back to the ...".
    app.window.resize(*size)
    app.window.show()
    app.window.show_area("session")
    assert app.start_routine(app.library.routines["desk-break"])
    engine = app.player.engine
    assert engine is not None
    steps = app.session.player.step_list
    seen = 0
    while engine.state not in (EngineState.FINISHED, EngineState.STOPPED):
        for _ in range(3):
            QApplication.processEvents()
        bold = QFont(steps.font())
        bold.setBold(True)
        metrics = QFontMetrics(bold)
        drawn_width = steps.viewport().width() - 12  # the sheet's padding, both sides
        for row in range(steps.count()):
            item = steps.item(row)
            needed = metrics.boundingRect(
                0, 0, drawn_width, 10_000, int(Qt.TextFlag.TextWordWrap), item.text()
            ).height()
            assert steps.visualItemRect(item).height() >= needed, item.text()
            seen += 1
        app.clock.advance(engine.remaining())  # type: ignore[attr-defined]
        app.player.tick()
    assert seen > 20


@pytest.mark.parametrize("language", ["en", "de"])
def test_the_current_step_is_shown_whole_in_a_small_window_at_200_percent(
    qtbot: QtBot, data_dir: Path, language: str
) -> None:
    """The steps card scrolls rather than squeeze the list to a sliver of the current step.

    At 200 % in German on a 1366 x 768 screen the cautions and the breathing note kept their
    height and the list showed half a line of the current step.
    """
    clock = FakeClock(datetime(2026, 11, 25, 12, tzinfo=UTC))
    app = build(data_dir, clock, prompts=ScriptedPrompts(), cues=RecordingCues(), language=language)
    qtbot.addWidget(app.window)
    try:
        app.state.set("text_size", 200)
        app.window.resize(1366, 768)
        app.window.show()
        app.window.show_area("session")
        assert app.start_routine(app.library.routines["hips-and-hamstrings"])
        engine = app.player.engine
        assert engine is not None
        steps = app.session.player.step_list
        checked = 0
        for _ in range(12):  # the first exercises, each phase
            for _ in range(3):
                QApplication.processEvents()
            current = steps.currentItem()
            if current is not None and steps.isVisible():
                steps.scrollToItem(current)
                shown = steps.visualItemRect(current).intersected(steps.viewport().rect())
                assert shown.height() == steps.visualItemRect(current).height(), current.text()
                checked += 1
            clock.advance(engine.remaining())
            app.player.tick()
        assert checked > 5
    finally:
        if app.player.engine is not None and app.player.engine.state is EngineState.RUNNING:
            app.player.toggle_pause()
        app.window.close()
        app.database.close()
