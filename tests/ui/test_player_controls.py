"""The player as people use it (issue 15): stopping, pausing, +15 s, moving between exercises,
"This hurts", the screen before the first question, the end's summary and the time it took.

Every test plays the real player on a fake clock; nothing sleeps.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QFrame, QLabel, QMessageBox, QPushButton
from pytestqt.qtbot import QtBot

from spinecoach.app import Application, build
from spinecoach.core.clock import FakeClock
from spinecoach.core.content_words import duration_text
from spinecoach.core.exercise import Motion, Routine, RoutineItem, with_overrides
from spinecoach.core.records import PainContext, SessionStatus
from spinecoach.core.session import EngineState, SessionEngine
from spinecoach.core.session_settings import played_seconds
from spinecoach.core.timeline import PhaseKind
from spinecoach.ui.care.pain_dialog import PainAnswer
from tests.fakes import RecordingCues, ScriptedPrompts
from tests.ui.accessibility import unnamed

START = datetime(2026, 11, 23, 10, 0, tzinfo=UTC)
DAY = (START - timedelta(days=1), START + timedelta(days=1))


@dataclass
class TimedPrompts(ScriptedPrompts):
    """Scripted answers that take the person a while, and a look at the screen behind them."""

    before_takes: float = 0.0
    after_takes: float = 0.0
    clock: FakeClock | None = None
    behind_before: list[str] = field(default_factory=list)
    look: Callable[[], list[str]] = list

    def pain_before(self) -> PainAnswer:
        self.behind_before = self.look()
        if self.clock is not None:
            self.clock.advance(self.before_takes)
        return super().pain_before()

    def pain_after(self) -> PainAnswer:
        if self.clock is not None:
            self.clock.advance(self.after_takes)
        return super().pain_after()


@dataclass
class Harness:
    app: Application
    clock: FakeClock
    prompts: TimedPrompts

    @property
    def engine(self) -> SessionEngine:
        engine = self.app.player.engine
        assert engine is not None
        return engine

    def state(self) -> EngineState:
        """Read afresh (mypy would keep an earlier narrowing of `engine.state`)."""
        return self.engine.state

    def kind(self) -> PhaseKind:
        """The current phase's kind, read afresh."""
        return self.engine.phase.kind

    def advance(self, seconds: float, step: float = 0.25) -> None:
        while seconds > 1e-9:
            delta = min(step, seconds)
            self.clock.advance(delta)
            self.app.player.tick()
            seconds -= delta
        QApplication.processEvents()

    def until(self, done: Callable[[], bool], limit: float = 600) -> None:
        """Play on (pressing Start where the player waits) until `done()`."""
        waited = 0.0
        while not done():
            assert waited < limit, "never happened"
            if self.engine.state is EngineState.PAUSED:
                self.app.player.toggle_pause()
            self.advance(0.25)
            waited += 0.25

    def label(self, name: str) -> str:
        widget = self.app.window.findChild(QLabel, name)
        assert widget is not None, name
        return widget.text()


@pytest.fixture
def harness(qtbot: QtBot, data_dir: Path) -> Iterator[Harness]:
    clock = FakeClock(START)
    prompts = TimedPrompts(clock=clock)
    app = build(data_dir, clock, prompts=prompts, cues=RecordingCues())
    qtbot.addWidget(app.window)
    app.window.resize(1280, 820)
    app.window.show()
    yield Harness(app, clock, prompts)
    engine = app.player.engine if app.session_area.is_built else None
    if engine is not None and engine.state is EngineState.RUNNING:
        app.player.toggle_pause()
    app.window.close()
    app.database.close()


def desk_break(app: Application) -> Routine:
    return app.library.routines["desk-break"]


def answer_the_end_question(harness: Harness, button: str, seen: list[object]) -> None:
    """When "End this session?" opens: look, let half a minute pass, then press `button`."""

    def answer() -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox)
        seen.append(box.windowTitle())
        seen.append(sorted(b.text() for b in box.buttons()))
        seen.append(harness.engine.state)
        before = (harness.engine.index, harness.engine.remaining())
        harness.clock.advance(30)  # the person reads slowly; the session must not move on
        harness.app.player.tick()
        seen.append(before == (harness.engine.index, harness.engine.remaining()))
        pressed = box.findChild(QPushButton, button)
        assert pressed is not None
        pressed.click()

    QTimer.singleShot(0, answer)


# --- stopping -----------------------------------------------------------------------------------


def test_the_end_question_pauses_and_keep_going_carries_on_where_it_was(harness: Harness) -> None:
    app = harness.app
    assert app.start_routine(desk_break(app))
    harness.advance(6)  # into the first exercise
    view = app.session.player
    exercise = harness.engine.phase.exercise.id
    seen: list[object] = []
    answer_the_end_question(harness, "keepGoingButton", seen)
    view.stop_button.click()
    assert seen == [
        "End this session?",
        ["End session", "Keep going"],
        EngineState.PAUSED,
        True,  # nothing moved under the question
    ]
    assert harness.engine.state is EngineState.RUNNING
    assert harness.engine.phase.exercise.id == exercise

    # Paused by the person before: "Keep going" leaves it paused, as it was.
    app.player.toggle_pause()
    seen.clear()
    answer_the_end_question(harness, "keepGoingButton", seen)
    app.player.command("stop")  # Esc
    assert harness.state() is EngineState.PAUSED

    seen.clear()
    answer_the_end_question(harness, "endSessionButton", seen)
    view.stop_button.click()
    assert harness.state() is EngineState.STOPPED
    assert view.is_summary_shown()
    assert view.summary.title.text() == "Session ended"
    [session] = app.database.sessions(*DAY)
    assert session.status is SessionStatus.STOPPED


# --- pause must be seen -------------------------------------------------------------------------


def test_paused_is_shown_large_in_the_player_and_in_focus_mode_and_said(harness: Harness) -> None:
    app = harness.app
    assert app.start_routine(desk_break(app))
    harness.until(lambda: harness.engine.phase.kind is PhaseKind.HOLD)
    view = app.session.player
    word = harness.label("phaseLabel")
    assert word in ("Hold", "Move", "Keep going")
    view.play_pause_button.click()
    assert harness.label("phaseLabel") == "Paused"
    assert view.countdown.is_paused()
    assert view.countdown.accessibleName().endswith(", paused")
    assert app.player.announcer.history[-1] == "Paused"
    shown = view.countdown.text()
    harness.advance(20)
    assert view.countdown.text() == shown  # frozen
    view.toggle_focus_mode()
    assert view.phase_label.isVisible() and view.countdown.isVisible()
    assert harness.label("phaseLabel") == "Paused"
    view.toggle_focus_mode()
    view.play_pause_button.click()
    assert harness.label("phaseLabel") == word
    assert not view.countdown.is_paused()
    assert app.player.announcer.history[-1] == "Carrying on"


def test_waiting_for_the_person_keeps_its_own_words(harness: Harness) -> None:
    app = harness.app
    assert app.start_routine(app.library.routines["gentle-floor-stretches"])
    assert harness.engine.phase.waits_for_person
    assert harness.label("phaseLabel") == "Get ready"  # not "Paused": it waits for Start
    assert harness.label("stepText").startswith("Press Start when you are")
    assert not app.session.player.countdown.is_paused()


# --- +15 s ---------------------------------------------------------------------------------------


def test_plus_fifteen_is_off_on_a_repetition_and_says_why(harness: Harness) -> None:
    app = harness.app
    assert app.start_routine(desk_break(app))
    harness.until(lambda: harness.engine.phase.kind is PhaseKind.HOLD)
    phase = harness.engine.phase
    assert phase.seconds < 10  # chin tucks: a short hold in each repetition
    view = app.session.player
    assert not view.extend_button.isEnabled()
    assert "keeps its rhythm" in view.extend_button.toolTip()
    assert view.extend_button.accessibleDescription() == view.extend_button.toolTip()
    assert not app.window.session_action("extend").isEnabled()
    left = harness.engine.remaining()
    caption = harness.label("captionLabel")
    app.player.command("extend")
    app.player.extend()
    assert harness.engine.remaining() == pytest.approx(left)
    assert harness.label("captionLabel") == caption


def test_plus_fifteen_on_a_hold_keeps_the_caption_and_the_step_true(harness: Harness) -> None:
    app = harness.app
    assert app.start_routine(desk_break(app))
    harness.until(
        lambda: (
            harness.engine.phase.kind is PhaseKind.HOLD
            and harness.engine.phase.seconds >= 10
            and harness.engine.phase.exercise.motion is Motion.HOLD
        )
    )
    view = app.session.player
    step = view.current_step_index()
    harness.advance(harness.engine.remaining() - 10)  # 10 s left
    assert view.extend_button.isEnabled()
    view.extend_button.click()
    assert harness.engine.remaining() == pytest.approx(25)
    assert harness.label("captionLabel") == "Hold for twenty-five seconds more"
    assert "Hold for twenty-five seconds more" in app.player.announcer.history[-1]
    assert view.current_step_index() == step
    harness.advance(12)
    assert harness.engine.phase.kind is PhaseKind.HOLD  # the hold really is longer
    assert view.current_step_index() == step


def test_plus_fifteen_while_getting_ready_never_sends_the_step_back(harness: Harness) -> None:
    app = harness.app
    library = app.library
    first = library.exercises["standing-back-extension"]
    second = library.exercises["standing-hip-flexor-stretch"]  # four set-up steps
    routine = Routine(
        "two",
        "Two standing",
        "Two standing exercises.",
        (
            RoutineItem(first, with_overrides(first.dosage, {"reps": 1})),
            RoutineItem(second, second.dosage),
        ),
    )
    assert app.start_routine(routine)
    harness.until(lambda: harness.engine.phase.kind is PhaseKind.NEXT_UP)
    harness.advance(12)  # of 15: the fourth set-up step
    view = app.session.player
    step = view.current_step_index()
    assert step == 3
    view.extend_button.click()
    assert harness.label("captionLabel") == "Eighteen seconds more to get ready"
    assert view.current_step_index() == step
    harness.advance(10)
    assert view.current_step_index() == step


# --- moving between exercises -------------------------------------------------------------------


def test_next_and_previous_exercise_and_a_skip_is_kept_as_skipped(harness: Harness) -> None:
    app = harness.app
    routine = desk_break(app)
    names = [item.exercise.name for item in routine.items]
    assert app.start_routine(routine)
    view = app.session.player
    assert not view.previous_button.isEnabled()  # nothing before the first exercise
    harness.advance(7)
    view.next_button.click()
    assert harness.label("exerciseName") == names[1]
    assert view.previous_button.isEnabled()
    view.previous_button.click()
    assert harness.label("exerciseName") == names[0]
    assert harness.kind() is PhaseKind.GET_READY
    view.next_button.click()
    view.skip_button.click()  # "Skip this part": only the get-ready of the second
    assert harness.label("exerciseName") == names[1]
    assert harness.kind() is PhaseKind.HOLD
    session_id = app.player.session_id
    assert session_id is not None
    stored = app.database.session(session_id)
    assert stored.exercises_skipped == (routine.items[0].exercise.id,)
    assert stored.exercises_completed == ()
    harness.until(lambda: harness.engine.state is EngineState.FINISHED)
    QApplication.processEvents()
    stored = app.database.session(session_id)
    assert routine.items[0].exercise.id not in stored.exercises_completed
    assert view.summary.skipped.text() == f"Skipped: {names[0]}"
    total = len(routine.items)
    assert view.summary.exercises.text() == f"{total - 1} of {total} exercises done"


# --- "This hurts" -------------------------------------------------------------------------------


def test_every_this_hurts_answer_is_kept_with_its_exercise_at_once(harness: Harness) -> None:
    app = harness.app
    routine = desk_break(app)
    assert app.start_routine(routine)
    harness.advance(6)
    harness.prompts.hurts_choice = "continue"
    app.player.this_hurts()
    assert harness.engine.state is EngineState.RUNNING  # carrying on gently
    session_id = app.player.session_id
    assert session_id is not None
    first = routine.items[0].exercise.id
    assert [(e.exercise_id, e.action) for e in app.database.hurt_events(session_id)] == [
        (first, "continued")
    ]
    harness.prompts.hurts_choice = "skip"
    app.player.this_hurts()
    assert [(e.exercise_id, e.action) for e in app.database.hurt_events(session_id)] == [
        (first, "continued"),
        (first, "skipped"),
    ]
    assert app.database.session(session_id).exercises_skipped == (first,)


# --- before the first question ------------------------------------------------------------------


def test_the_routine_about_to_start_is_shown_behind_the_first_question(harness: Harness) -> None:
    app = harness.app
    assert app.start_routine(desk_break(app))
    harness.until(lambda: harness.engine.state is EngineState.FINISHED)
    QApplication.processEvents()
    assert app.session.player.is_summary_shown()  # the last session's screen

    floor = app.library.routines["gentle-floor-stretches"]
    view = app.session.player
    harness.prompts.look = lambda: [
        harness.label("routineTitle"),
        harness.label("exerciseName"),
        str(view.is_summary_shown()),
        str(view.play_pause_button.isEnabled()),
    ]
    assert app.start_routine(floor)
    assert harness.prompts.behind_before == [
        floor.name,
        floor.items[0].exercise.name,
        "False",
        "False",  # nothing to press until the question is answered
    ]


# --- the end ------------------------------------------------------------------------------------


def test_the_summary_after_a_rise_is_kind_gives_the_advice_and_disables_the_controls(
    harness: Harness,
) -> None:
    app = harness.app
    harness.prompts.before = PainAnswer(score=5)
    harness.prompts.after = PainAnswer(score=7, feeling="harder")
    assert app.start_routine(desk_break(app))
    harness.until(lambda: harness.engine.state is EngineState.FINISHED)
    QApplication.processEvents()
    view = app.session.player
    summary = view.summary
    assert summary.title.text() == "Session complete"  # not "Well done"
    assert summary.pain.text() == "Pain: 5 → 7 out of 10"
    assert summary.pain_words.text().startswith("Thank you for noting it.")
    [advice] = harness.prompts.rose
    assert summary.advice_title.text() == advice.summary
    assert summary.advice_box.isVisible()
    for button in (
        view.hurts_button,
        view.extend_button,
        view.skip_button,
        view.next_button,
        view.previous_button,
        view.play_pause_button,
    ):
        assert not button.isEnabled(), button.objectName()
    assert view.hurts_button.property("role") == ""  # no longer in the danger colours
    assert view.stop_button.text() == "Close" and view.stop_button.isEnabled()
    assert not summary.log_button.isVisible()  # answered already
    assert summary.findChild(QFrame, "summaryRedFlags") is not None  # "the signs below"
    assert unnamed(app.window) == []  # a screen reader can read every part of it


def test_the_summary_without_a_rise_and_back_to_the_library(harness: Harness) -> None:
    app = harness.app
    assert app.start_routine(desk_break(app))
    harness.until(lambda: harness.engine.state is EngineState.FINISHED)
    QApplication.processEvents()
    summary = app.session.player.summary
    assert summary.title.text() == "Well done"
    assert summary.pain.text() == "Pain: 3 → 2 out of 10"
    assert summary.pain_words.text() == "Your pain was lower afterwards."
    assert not summary.advice_box.isVisible()
    summary.library_button.click()
    assert app.window.current_area() == "library"
    assert app.player.engine is None
    assert app.session.currentWidget() is app.session.idle_page


def test_log_how_it_went_after_the_question_was_skipped(harness: Harness) -> None:
    app = harness.app
    harness.prompts.after = PainAnswer(score=None)
    assert app.start_routine(desk_break(app))
    harness.until(lambda: harness.engine.state is EngineState.FINISHED)
    QApplication.processEvents()
    summary = app.session.player.summary
    assert summary.pain.text() == "Pain before: 3 out of 10 (none given after)"
    assert summary.log_button.isVisible()
    harness.prompts.after = PainAnswer(score=4, feeling="same", note="a bit stiff")
    summary.log_button.click()
    assert summary.pain.text() == "Pain: 3 → 4 out of 10"
    assert not summary.log_button.isVisible()
    [session] = app.database.sessions(*DAY)
    assert session.feeling == "same"
    after = [e for e in app.database.pain_entries(*DAY) if e.context is PainContext.AFTER]
    assert [(e.score, e.note, e.session_id) for e in after] == [(4, "a bit stiff", session.id)]


# --- time left and time taken -------------------------------------------------------------------


def test_time_left_and_the_logged_time_agree_with_what_is_played(harness: Harness) -> None:
    """The questions before and after take their time; the log counts the exercising only."""
    app = harness.app
    routine = desk_break(app)
    harness.prompts.before_takes = 40
    harness.prompts.after_takes = 95
    played = played_seconds(routine)  # what the Library shows for it (default timing)
    assert app.start_routine(routine)
    assert harness.label("timeLeft") == f"{duration_text(played)} left"
    harness.until(lambda: harness.engine.state is EngineState.FINISHED)
    QApplication.processEvents()
    [session] = app.database.sessions(*DAY)
    assert session.ended_at is not None
    assert (session.ended_at - session.started_at).total_seconds() == pytest.approx(played)
    summary = app.session.player.summary
    assert summary.time.text() == f"Time exercising: {duration_text(played)}"
