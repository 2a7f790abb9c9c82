"""The app's start-up closes an interrupted session even when it starts "in the future"."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

from pytestqt.qtbot import QtBot

from spinecoach.app import build
from spinecoach.core.clock import FakeClock
from spinecoach.core.records import SessionStatus
from tests.fakes import RecordingCues, ScriptedPrompts

NOW = datetime(2026, 11, 25, 12, 0, tzinfo=UTC)


def test_start_up_after_the_clock_was_put_back_closes_the_session_and_allows_deleting(
    qtbot: QtBot, data_dir: Path
) -> None:
    clock = FakeClock(NOW + timedelta(hours=2))  # a clock running two hours fast
    first = build(data_dir, clock, prompts=ScriptedPrompts(), cues=RecordingCues())
    qtbot.addWidget(first.window)
    session = first.database.start_session("desk-break", "Desk break", 5, clock.now())
    assert session.id is not None
    first.database.record_exercise_done(session.id, "chin-tucks")
    first.close_storage()  # the run ends with the session still in progress

    clock.set_wall(NOW)  # the clock is corrected backwards before the next start
    second = build(data_dir, clock, prompts=ScriptedPrompts(), cues=RecordingCues())
    qtbot.addWidget(second.window)
    try:
        stored = second.database.session(session.id)
        assert stored.started_at > clock.now()
        assert stored.status is SessionStatus.INCOMPLETE
        assert stored.exercises_completed == ("chin-tucks",)
        second.database.delete_session(session.id, clock.now())
        assert second.database.is_session_deleted(session.id)
    finally:
        second.close_storage()
