"""The player paused and its summary fit a 960 x 540 window and 200 % text, English and German.

The summary may scroll (the red flags after severe pain are long) but never clips or covers
anything, and never scrolls sideways; paused, the player fits without scrolling at all.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QScrollArea
from pytestqt.qtbot import QtBot

from spinecoach import paths
from spinecoach.app import Application, build
from spinecoach.app.language import use_language
from spinecoach.core.clock import FakeClock
from spinecoach.core.session import EngineState
from spinecoach.ui.care.pain_dialog import PainAnswer
from tests.fakes import RecordingCues, ScriptedPrompts
from tests.ui.layout_check import assert_fits

NOW = datetime(2026, 11, 25, 12, 0, tzinfo=UTC)
SIZES = ((960, 540, 100), (1366, 768, 200), (1280, 720, 200))


@pytest.fixture(params=["en", "de"])
def app(request: pytest.FixtureRequest, qtbot: QtBot, data_dir: Path) -> Iterator[Application]:
    prompts = ScriptedPrompts(before=PainAnswer(score=5), after=PainAnswer(score=8))
    application = build(
        data_dir, FakeClock(NOW), prompts=prompts, cues=RecordingCues(), language=request.param
    )
    qtbot.addWidget(application.window)
    yield application
    engine = application.player.engine if application.session_area.is_built else None
    if engine is not None and engine.state is EngineState.RUNNING:
        application.player.toggle_pause()
    application.window.close()
    application.database.close()
    use_language("en", paths.resources_dir(), system="C")


def settle() -> None:
    for _ in range(3):
        QApplication.processEvents()


def scroll_bars(app: Application, name: str) -> tuple[int, int]:
    scroll = app.session.findChild(QScrollArea, name)
    assert scroll is not None
    return scroll.verticalScrollBar().maximum(), scroll.horizontalScrollBar().maximum()


@pytest.mark.parametrize("size", SIZES, ids=str)
def test_paused_and_the_summary_after_severe_pain_fit(
    app: Application, size: tuple[int, int, int]
) -> None:
    width, height, text = size
    app.state.set("text_size", text)
    app.window.resize(width, height)
    app.window.show()
    assert app.start_routine(app.library.routines["desk-break"])
    engine = app.player.engine
    assert engine is not None
    clock = app.clock
    assert isinstance(clock, FakeClock)
    clock.advance(6)
    app.player.tick()
    app.player.toggle_pause()
    settle()
    assert app.session.player.is_paused_shown()
    assert_fits(app.window, f"paused at {size}")
    assert scroll_bars(app, "playerScroll") == (0, 0)
    app.player.toggle_pause()
    app.player.next_exercise()  # one skipped: the longest summary
    while engine.state is not EngineState.FINISHED:
        clock.advance(max(0.25, engine.remaining()))
        app.player.tick()
    settle()
    assert app.session.player.is_summary_shown()
    assert_fits(app.window, f"summary at {size}")
    assert scroll_bars(app, "playerScroll") == (0, 0)  # the summary scrolls, not the player
    assert scroll_bars(app, "summaryScroll")[1] == 0  # and never sideways
