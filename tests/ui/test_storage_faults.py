"""The app when storage fails mid-use: every score is kept, the person is told, nothing stops.

Faults come through the storage seam (tests/faults/seams.py); tests/faults/ repeats them on a
real full disk and a real read-only folder.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from spinecoach.app import Application, build
from spinecoach.core.clock import FakeClock
from spinecoach.core.exercise import Routine, RoutineItem, with_overrides
from spinecoach.core.records import PainContext, SessionStatus
from spinecoach.core.session import EngineState
from spinecoach.storage.journal import PENDING_FILE_NAME
from spinecoach.ui.care.pain_dialog import PainAnswer
from tests.fakes import RecordingCues, ScriptedPrompts
from tests.faults.seams import DISK_FULL, Faults

START = datetime(2026, 11, 23, 10, 0, tzinfo=UTC)
WIDE = (START - timedelta(days=1), START + timedelta(days=1))


@pytest.fixture
def app(qtbot: QtBot, data_dir: Path) -> Iterator[Application]:
    clock = FakeClock(START)
    application = build(data_dir, clock, prompts=ScriptedPrompts(), cues=RecordingCues())
    qtbot.addWidget(application.window)
    application.window.resize(1280, 820)
    application.window.show()
    yield application
    application.storage_status.stop()
    engine = application.player.engine if application.session_area.is_built else None
    if engine is not None and engine.state is EngineState.RUNNING:
        application.player.toggle_pause()
    application.window.close()
    application.database.close()


def short_standing_routine(app: Application) -> Routine:
    exercise = app.library.exercises["standing-back-extension"]
    dosage = with_overrides(exercise.dosage, {"reps": 1})
    return Routine("t", "Short", "One short standing exercise.", (RoutineItem(exercise, dosage),))


def finish(app: Application) -> None:
    engine = app.player.engine
    assert engine is not None
    clock = app.clock
    assert isinstance(clock, FakeClock)
    while engine.state is EngineState.RUNNING:
        clock.advance(engine.remaining())
        app.player.tick()
    QApplication.processEvents()  # the pain-after question comes in the next turn of the loop


def test_a_session_on_a_full_disk_plays_on_keeps_every_score_and_says_why(
    app: Application,
) -> None:
    faults = Faults(app.database)
    prompts = app.prompts
    assert isinstance(prompts, ScriptedPrompts)
    prompts.before = PainAnswer(score=5)
    prompts.after = PainAnswer(score=3, feeling="easier")
    faults.error = DISK_FULL
    assert app.start_routine(short_standing_routine(app))
    notice = app.window.notice_text()
    assert notice == (
        "2 entries could not be saved yet: the disk is full. They are kept and will be saved as "
        "soon as the file can be written."
    )  # the session's start and the pain score before it
    finish(app)
    assert app.database.sessions(*WIDE) == []  # nothing could be written ...
    assert len(app.storage_status.writer.pending) == 5  # ... and nothing was dropped
    assert (app.data_dir / PENDING_FILE_NAME).is_file()
    assert app.storage_status.retrying
    faults.error = None
    app.storage_status.retry()  # the timer's slot: room again
    [session] = app.database.sessions(*WIDE)
    assert session.status is SessionStatus.COMPLETED
    assert session.exercises_completed == ("standing-back-extension",)
    scores = [(e.context, e.score) for e in app.database.pain_entries(*WIDE)]
    assert scores == [(PainContext.BEFORE, 5), (PainContext.AFTER, 3)]
    assert all(e.session_id == session.id for e in app.database.pain_entries(*WIDE))
    assert app.window.notice_text() == "Everything you entered has been saved now."
    assert not app.storage_status.retrying
    assert not (app.data_dir / PENDING_FILE_NAME).exists()


def test_a_check_in_on_a_full_disk_is_kept_and_stored_once_room_is_back(
    qtbot: QtBot, app: Application
) -> None:
    faults = Faults(app.database)
    faults.error = DISK_FULL
    history = app.history_area.build()
    assert not history.controller.check_in(4, "stiff")
    notice = app.window.notice_text()
    assert notice is not None and "Your pain score could not be saved yet" in notice
    faults.error = None
    assert history.controller.check_in(3, "")
    assert [e.score for e in app.database.pain_entries(*WIDE)] == [4, 3]  # in order, once


def test_scores_left_waiting_by_an_earlier_run_are_saved_at_start_up(
    qtbot: QtBot, app: Application, data_dir: Path
) -> None:
    faults = Faults(app.database)
    faults.error = DISK_FULL
    app.history_area.build().controller.check_in(6, "")
    app.storage_status.stop()
    app.database.close()
    again = build(data_dir, FakeClock(START + timedelta(hours=1)), prompts=ScriptedPrompts())
    qtbot.addWidget(again.window)
    try:
        assert [e.score for e in again.database.pain_entries(*WIDE)] == [6]
        assert again.window.notice_text() == "1 entry kept from an earlier run has been saved now."
    finally:
        again.window.close()
        again.database.close()


def test_damage_met_in_history_is_explained_and_checked_fully_at_the_next_start(
    qtbot: QtBot, data_dir: Path
) -> None:
    from tests.storage.test_storage_unclean_shutdown import (
        _corrupt_index_behind_quick_checks_back,
        _database_with_history,
    )

    path = data_dir / "spinecoach.sqlite3"
    _database_with_history(path)
    _corrupt_index_behind_quick_checks_back(path)  # quick_check at open still says ok
    first = build(data_dir, FakeClock(START), prompts=ScriptedPrompts())
    qtbot.addWidget(first.window)
    first.window.show_area("history")
    first.history_area.build()
    notice = first.window.notice_text()
    assert notice is not None
    assert notice.startswith("Your history could not be read: the data file is damaged.")
    first.storage_status.stop()
    first.window.close()
    first.database.close()
    again = build(data_dir, FakeClock(START + timedelta(hours=1)), prompts=ScriptedPrompts())
    qtbot.addWidget(again.window)
    try:
        kept = again.database.corrupt_file_kept_at
        assert kept is not None and kept.is_file()  # the damaged file, kept aside whole
        notice = again.window.notice_text()
        assert notice is not None and str(kept) in notice
    finally:
        again.storage_status.stop()
        again.window.close()
        again.database.close()
