"""The real player plays a real routine end to end on a fake clock, and nothing is lost."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QLabel
from pytestqt.qtbot import QtBot

from spinecoach.app import Application, build
from spinecoach.core.clock import FakeClock
from spinecoach.core.exercise import Routine, RoutineItem, with_overrides
from spinecoach.core.records import PainContext, SessionStatus
from spinecoach.core.session import EngineState
from spinecoach.ui.care.pain_dialog import PainAnswer
from tests.fakes import RecordingCues, ScriptedPrompts

START = datetime(2026, 11, 23, 10, 0, tzinfo=UTC)


@dataclass
class Harness:
    app: Application
    clock: FakeClock
    prompts: ScriptedPrompts
    cues: RecordingCues

    def advance(self, seconds: float, step: float = 0.5) -> None:
        """Let time pass, ticking the player like its timer would."""
        while seconds > 1e-9:
            delta = min(step, seconds)
            self.clock.advance(delta)
            self.app.player.tick()
            QApplication.processEvents()  # the loop turns on, as between real ticks
            seconds -= delta

    def label(self, name: str) -> str:
        widget = self.app.window.findChild(QLabel, name)
        assert widget is not None, name
        return widget.text()


@pytest.fixture
def harness(qtbot: QtBot, data_dir: Path) -> Iterator[Harness]:
    clock = FakeClock(START)
    prompts = ScriptedPrompts()
    cues = RecordingCues()
    app = build(data_dir, clock, prompts=prompts, cues=cues)
    qtbot.addWidget(app.window)
    app.window.resize(1280, 820)
    app.window.show()
    yield Harness(app, clock, prompts, cues)
    engine = app.player.engine if app.session_area.is_built else None
    if engine is not None and engine.state is EngineState.RUNNING:
        app.player.toggle_pause()  # never leave the repaint timer running
    app.window.close()
    app.database.close()


def start_on_the_floor(app: Application, routine: Routine) -> None:
    """Start a routine that begins on the floor, and press Start once down there."""
    assert app.start_routine(routine)
    assert engine_state(app) is EngineState.PAUSED  # waiting for the person to get down
    app.player.toggle_pause()
    assert engine_state(app) is EngineState.RUNNING


def engine_state(app: Application) -> EngineState:
    engine = app.player.engine
    assert engine is not None
    return engine.state


def three_exercises(app: Application) -> Routine:
    """One held stretch, one two-sided stretch, one rep exercise, shortened for the test."""
    library = app.library
    held = library.exercises["childs-pose"]  # 2 x 30 s hold, one side
    sided = library.exercises["knee-to-chest"]  # both sides
    reps = library.exercises["glute-bridge"]  # 10 reps of 3 s
    items = (
        RoutineItem(held, with_overrides(held.dosage, {"reps": 1, "hold_seconds": 10})),
        RoutineItem(sided, with_overrides(sided.dosage, {"reps": 1, "hold_seconds": 8})),
        RoutineItem(reps, with_overrides(reps.dosage, {"reps": 3})),
    )
    return Routine("test-three", "Test three", "Three exercises for the player test.", items)


def test_plays_three_exercises_end_to_end(harness: Harness) -> None:
    app = harness.app
    routine = three_exercises(app)
    assert app.start_routine(routine)
    assert app.window.current_area() == "session"
    assert harness.prompts.asked == ["before"]
    view = app.session.player

    # Get ready for the first exercise: on the floor, so it waits for the person (issue 10).
    assert harness.label("phaseLabel") == "Get ready"
    assert harness.label("exerciseName") == "Child's pose"
    assert harness.label("stepText") == "Press Start when you are kneeling"
    assert view.play_pause_button.text() == "Start"
    cautions = app.library.exercises["childs-pose"].cautions
    assert harness.label("cautionsLabel").splitlines()[1:] == [f"•  {c}" for c in cautions]
    harness.advance(60)
    assert view.countdown.text() == "0:05"  # nothing moves until Start
    app.player.toggle_pause()
    assert view.current_step_index() == 0
    assert view.countdown.text() == "0:05"
    assert view.countdown.accessibleName() == "Time left 0:05"
    harness.advance(5)
    assert harness.label("phaseLabel") == "Hold"
    harness.advance(3)
    assert view.countdown.text() == "0:07"
    assert view.countdown.accessibleName() == "Time left 0:07"
    harness.advance(7)
    assert harness.label("phaseLabel") == "Release"
    childs_pose = app.library.exercises["childs-pose"]
    assert harness.label("stepText") == childs_pose.steps[childs_pose.release_index]
    harness.advance(5)  # release 5 s -> next up
    assert harness.label("phaseLabel") == "Next up"
    assert harness.label("exerciseName") == "Knee to chest"
    harness.advance(15)
    assert harness.label("phaseLabel") == "Hold"
    assert harness.label("counterLabel").lower().endswith("left leg")
    harness.advance(8 + 5)  # hold + release on the left
    assert harness.label("phaseLabel") == "Switch sides"
    harness.advance(5)
    assert harness.label("counterLabel").lower().endswith("right leg")
    harness.advance(8 + 5)
    assert harness.label("phaseLabel") == "Next up"
    harness.advance(15)
    assert harness.label("exerciseName") == "Glute bridge"
    assert harness.label("counterLabel") == "Rep 1 of 3"
    harness.advance(6)
    assert harness.label("counterLabel") == "Rep 2 of 3"
    harness.advance(12)
    assert harness.label("phaseLabel") == "Well done"
    assert harness.prompts.asked == ["before", "after"]

    kinds = [kind for kind, _spoken, _caption in harness.cues.played]
    assert kinds[0] == "get-ready"
    assert kinds[-1] == "complete"
    assert kinds.count("switch-sides") == 1
    assert kinds.count("next-up") == 2
    spoken = [text for _kind, text, _caption in harness.cues.played if text]
    assert any("Knee to chest" in text or "knee to chest" in text for text in spoken)
    assert harness.label("captionLabel")  # the last cue is captioned on screen

    [session] = app.database.sessions(START - timedelta(days=1), START + timedelta(days=1))
    assert session.status is SessionStatus.COMPLETED
    assert session.exercises_completed == ("childs-pose", "knee-to-chest", "glute-bridge")
    assert session.feeling == "easier"
    entries = app.database.pain_entries(START - timedelta(days=1), START + timedelta(days=1))
    assert [(e.context, e.score) for e in entries] == [
        (PainContext.BEFORE, 3),
        (PainContext.AFTER, 2),
    ]
    assert entries[0].note == "stiff"
    assert all(e.session_id == session.id for e in entries)
    assert not app.player.is_active()
    assert harness.prompts.rose == []


def test_pause_freezes_the_countdown_and_stops_the_timer(harness: Harness) -> None:
    app = harness.app
    start_on_the_floor(app, three_exercises(app))
    harness.advance(7)
    shown = app.session.player.countdown.text()
    app.session.player.play_pause_requested.emit()
    assert engine_state(app) is EngineState.PAUSED
    timer = app.player.findChild(QTimer, "playerTick")
    assert timer is not None
    assert not timer.isActive()
    harness.advance(30)
    assert app.session.player.countdown.text() == shown
    assert app.session.player.play_pause_button.text() == "Resume"
    assert harness.cues.stops >= 1  # pausing silences speech at once
    app.session.player.play_pause_requested.emit()
    assert engine_state(app) is EngineState.RUNNING
    assert timer.isActive()


def test_keyboard_controls_skip_back_and_focus(qtbot: QtBot, harness: Harness) -> None:
    app = harness.app
    start_on_the_floor(app, three_exercises(app))
    view = app.session.player
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_Right)
    assert harness.label("phaseLabel") == "Hold"
    qtbot.keyClick(view, Qt.Key.Key_Left)
    assert harness.label("phaseLabel") == "Get ready"
    qtbot.keyClick(view, Qt.Key.Key_F11)
    assert view.is_focus_mode()
    assert view.countdown.isVisible() and not view.step_list.isVisible()
    assert app.window.isFullScreen()
    assert not app.window.menuBar().isVisible()
    qtbot.keyClick(view, Qt.Key.Key_Escape)  # Esc leaves focus mode before anything else
    assert not view.is_focus_mode()
    assert view.step_list.isVisible()
    assert not app.window.isFullScreen()
    assert app.player.is_active()


def test_plus_fifteen_seconds_extends_the_hold(harness: Harness) -> None:
    app = harness.app
    start_on_the_floor(app, three_exercises(app))
    harness.advance(5 + 2)  # 8 s left of the 10-s hold
    app.session.player.extend_button.click()
    assert app.session.player.countdown.text() == "0:23"


def test_this_hurts_skips_the_exercise_and_records_it(harness: Harness) -> None:
    app = harness.app
    start_on_the_floor(app, three_exercises(app))
    harness.advance(6)
    app.session.player.hurts_button.click()
    assert harness.prompts.asked[-1] == "hurts:Child's pose"
    assert harness.label("exerciseName") == "Knee to chest"
    session_id = app.player.session_id
    assert session_id is not None
    [event] = app.database.hurt_events(session_id)
    assert (event.exercise_id, event.action) == ("childs-pose", "skipped")
    assert app.player.engine is not None
    assert app.player.engine.state is EngineState.RUNNING


def test_pain_rise_of_two_points_is_pointed_out_kindly(harness: Harness) -> None:
    harness.prompts.after = PainAnswer(score=6)
    app = harness.app
    start_on_the_floor(app, three_exercises(app))
    app.session.player.stop_requested.emit()  # as after confirming "End this session?"
    [advice] = harness.prompts.rose
    assert advice.summary == "Your pain went from 3 to 6 out of 10 during this session."
    assert not advice.show_red_flags
    # The gentlest routine other than the one just done is named.
    assert advice.gentler_routine is not None
    assert advice.gentler_routine in app.library.routines
    [session] = app.database.sessions(START - timedelta(days=1), START + timedelta(days=1))
    assert session.status is SessionStatus.STOPPED
    # The summary says so kindly (not "Well done"), with the advice; closing it ends here.
    view = app.session.player
    assert view.is_summary_shown()
    assert view.summary.title.text() == "Session ended"
    assert view.summary.advice_title.text() == advice.summary
    view.stop_button.click()  # "Close"
    assert app.session.currentWidget() is app.session.idle_page


def test_interrupted_session_is_kept_as_incomplete_with_the_exercises_done(
    qtbot: QtBot, harness: Harness
) -> None:
    app = harness.app
    start_on_the_floor(app, three_exercises(app))
    harness.advance(5 + 15 + 15 + 13 + 5 + 13 + 1)  # through two of the three exercises
    assert harness.label("exerciseName") == "Glute bridge"
    app.player.toggle_pause()  # the process "dies" here: nothing else is written
    app.window.hide()
    app.database.close()
    reopened = build(app.data_dir, harness.clock, prompts=ScriptedPrompts())
    qtbot.addWidget(reopened.window)
    try:
        [session] = reopened.database.sessions(START - timedelta(days=1), START + timedelta(days=1))
        assert session.status is SessionStatus.INCOMPLETE
        assert session.exercises_completed == ("childs-pose", "knee-to-chest")
    finally:
        reopened.window.close()
        reopened.database.close()


def test_every_caution_is_shown_before_each_exercise_and_not_during_its_holds(
    harness: Harness,
) -> None:
    app = harness.app
    start_on_the_floor(app, three_exercises(app))
    label = app.window.findChild(QLabel, "cautionsLabel")
    assert label is not None
    shown = label.text().splitlines()[1:]
    assert shown == [f"•  {c}" for c in app.library.exercises["childs-pose"].cautions]
    harness.advance(5)  # into the hold
    assert not label.isVisibleTo(app.window)
    harness.advance(15)  # hold 10 + release 5: next up is knee to chest
    assert harness.label("phaseLabel") == "Next up"
    assert label.isVisibleTo(app.window)
    knee = app.library.exercises["knee-to-chest"]
    assert label.text().splitlines()[1:] == [f"•  {c}" for c in knee.cautions]


def test_skipping_a_hurting_exercise_into_a_change_of_position_waits_for_start(
    harness: Harness,
) -> None:
    app = harness.app
    library = app.library
    standing = library.exercises["standing-back-extension"]
    lying = library.exercises["knee-to-chest"]
    routine = Routine(
        "t", "Stand then lie", "A standing then a lying exercise.",
        (RoutineItem(standing, standing.dosage), RoutineItem(lying, lying.dosage)),
    )  # fmt: skip
    assert app.start_routine(routine)
    assert engine_state(app) is EngineState.RUNNING  # standing: no need to wait
    harness.advance(6)
    harness.prompts.hurts_choice = "skip"
    app.player.this_hurts()
    engine = app.player.engine
    assert engine is not None
    assert engine.phase.waits_for_person
    assert engine_state(app) is EngineState.PAUSED
    assert harness.label("stepText") == "Press Start when you are lying on your back"


def test_severe_pain_before_a_session_offers_a_gentler_choice_first(harness: Harness) -> None:
    app = harness.app
    harness.prompts.before = PainAnswer(score=8)
    start_on_the_floor(app, three_exercises(app))
    [advice] = harness.prompts.rose
    assert advice.title == "Your pain is high today"
    assert advice.gentler_routine == "gentle-floor-stretches"
    assert advice.show_red_flags
