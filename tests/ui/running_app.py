"""The app as most UI tests want it: fakes for clock, prompts and cues, shown at 1280 x 820."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path

from pytestqt.qtbot import QtBot

from spinecoach.app import Application, build
from spinecoach.core.clock import FakeClock
from spinecoach.core.session import EngineState
from tests.fakes import RecordingCues, ScriptedPrompts


@contextmanager
def shown_app(qtbot: QtBot, data_dir: Path, now: datetime) -> Iterator[Application]:
    """Build and show the app; afterwards pause a running session (no timer left) and close."""
    application = build(data_dir, FakeClock(now), prompts=ScriptedPrompts(), cues=RecordingCues())
    qtbot.addWidget(application.window)
    application.window.resize(1280, 820)
    application.window.show()
    try:
        yield application
    finally:
        engine = application.player.engine if application.session_area.is_built else None
        if engine is not None and engine.state is EngineState.RUNNING:
            application.player.toggle_pause()
        application.window.close()
        application.database.close()
