"""The keyboard, key by key: the session's keys anywhere in the window, the pain scale's digits,
what a screen reader is told during a session, and Help > Keyboard shortcuts."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLabel, QTableWidget, QWidget
from pytestqt.qtbot import QtBot

from spinecoach.app import Application, build
from spinecoach.core.clock import FakeClock
from spinecoach.core.exercise import Routine, RoutineItem, with_overrides
from spinecoach.core.session import EngineState
from spinecoach.ui.care.pain_dialog import PAIN_KEYS, TEN_WITHIN_SECONDS, PainDialog
from spinecoach.ui.reminders.card_words import CARD_KEYS
from spinecoach.ui.session.session_commands import COMMANDS
from spinecoach.ui.shell.session_keys import SESSION_KEYS
from tests.fakes import RecordingCues, ScriptedPrompts

START = datetime(2026, 11, 23, 10, 0, tzinfo=UTC)
Key = Qt.Key


@dataclass
class Running:
    app: Application
    clock: FakeClock
    prompts: ScriptedPrompts

    def key(
        self, key: Key, modifiers: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier
    ) -> None:
        """A key where the keyboard is."""
        target = QApplication.focusWidget() or self.app.window
        QTest.keyClick(target, key, modifiers)

    def advance(self, seconds: float, step: float = 0.25) -> None:
        while seconds > 1e-9:
            delta = min(step, seconds)
            self.clock.advance(delta)
            self.app.player.tick()
            seconds -= delta

    def state(self) -> EngineState:
        engine = self.app.player.engine
        assert engine is not None
        return engine.state

    def phase(self) -> str:
        label = self.app.window.findChild(QLabel, "phaseLabel")
        assert label is not None
        return label.text()

    def exercise(self) -> str:
        label = self.app.window.findChild(QLabel, "exerciseName")
        assert label is not None
        return label.text()


@pytest.fixture
def running(qtbot: QtBot, data_dir: Path) -> Iterator[Running]:
    clock = FakeClock(START)
    prompts = ScriptedPrompts()
    app = build(data_dir, clock, prompts=prompts, cues=RecordingCues())
    qtbot.addWidget(app.window)
    app.window.resize(1280, 820)
    app.window.show()
    app.window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is app.window, timeout=3000)
    app.build_areas()
    qtbot.waitUntil(app.library_pane.isVisible, timeout=3000)
    yield Running(app, clock, prompts)
    engine = app.player.engine if app.session_area.is_built else None
    if engine is not None and engine.state is EngineState.RUNNING:
        app.player.toggle_pause()
    app.window.close()
    app.database.close()


def standing_pair(app: Application) -> Routine:
    """Two standing exercises (nothing waits for a change of position), short."""
    first = app.library.exercises["standing-back-extension"]
    second = app.library.exercises["shoulder-rolls"]
    items = (
        RoutineItem(first, with_overrides(first.dosage, {"reps": 2})),
        RoutineItem(second, second.dosage),
    )
    return Routine("pair", "Standing pair", "Two standing exercises.", items)


def in_the_list(running: Running) -> QWidget:
    """Go to the Library (Ctrl+1) and put the keyboard in its list, away from the player."""
    running.key(Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    pane = running.app.library_pane
    pane.list.setFocus()
    assert QApplication.focusWidget() is pane.list
    return pane.list


def test_session_keys_are_off_between_sessions(running: Running) -> None:
    window = running.app.window
    assert not any(window.session_action(key.command).isEnabled() for key in SESSION_KEYS)
    in_the_list(running)
    running.key(Key.Key_Space)
    running.key(Key.Key_F11)
    assert not window.isFullScreen()
    assert not running.app.session_area.is_built or not running.app.player.is_active()


def test_session_keys_work_from_another_area(running: Running) -> None:
    app = running.app
    assert app.start_routine(standing_pair(app))
    enabled = {
        key.command for key in SESSION_KEYS if app.window.session_action(key.command).isEnabled()
    }
    # At the first exercise: none before it; the standing back extension has no easier version.
    assert enabled == set(COMMANDS) - {"previous", "easier"}
    assert running.exercise() == "Standing back extension"
    in_the_list(running)  # the person went to the Library while the session plays on
    running.key(Key.Key_Space)
    assert running.state() is EngineState.PAUSED
    assert app.window.current_area() == "library"  # Space did not switch areas
    running.key(Key.Key_Space)
    assert running.state() is EngineState.RUNNING
    before = running.phase()
    running.key(Key.Key_Right)
    assert running.phase() != before
    running.key(Key.Key_N)
    assert running.exercise() == "Shoulder rolls"
    assert app.window.session_action("previous").isEnabled()
    running.key(Key.Key_Left)  # at the start of its preview: back a part, to the last release
    assert (running.exercise(), running.phase()) == ("Standing back extension", "Release")
    running.key(Key.Key_Right, Qt.KeyboardModifier.ControlModifier)
    assert running.exercise() == "Shoulder rolls"
    running.key(Key.Key_P)
    assert (running.exercise(), running.phase()) == ("Standing back extension", "Get ready")
    running.key(Key.Key_N)
    running.key(Key.Key_Left, Qt.KeyboardModifier.ControlModifier)  # previous, as P
    assert running.exercise() == "Standing back extension"
    running.key(Key.Key_N)
    assert running.exercise() == "Shoulder rolls"
    engine = app.player.engine
    assert engine is not None
    left = engine.remaining()
    running.key(Key.Key_Plus)  # the time to get ready for it may be lengthened
    assert engine.remaining() == pytest.approx(left + 15)
    running.key(Key.Key_Equal)
    assert engine.remaining() == pytest.approx(left + 30)
    running.key(Key.Key_Right)  # into the shoulder rolls: a movement in reps keeps its beat
    assert not app.window.session_action("extend").isEnabled()
    left = engine.remaining()
    running.key(Key.Key_Plus)
    assert engine.remaining() == pytest.approx(left)


def test_focus_mode_and_stopping_by_keys(qtbot: QtBot, running: Running) -> None:
    app = running.app
    assert app.start_routine(standing_pair(app))
    in_the_list(running)
    running.key(Key.Key_F11)
    assert app.session.player.is_focus_mode()
    assert app.window.isFullScreen() and not app.window.menuBar().isVisible()
    running.key(Key.Key_Escape)  # first, out of focus mode
    assert not app.session.player.is_focus_mode()
    assert app.player.is_active()
    asked: list[str] = []

    def decline() -> None:
        box = QApplication.activeModalWidget()
        assert box is not None
        asked.append(box.windowTitle())
        QTest.keyClick(box, Key.Key_Escape)  # "No": the session plays on

    QTimer.singleShot(0, decline)
    running.key(Key.Key_Escape)
    assert asked == ["End this session?"]
    assert app.player.is_active()


def test_this_hurts_has_its_key(running: Running) -> None:
    app = running.app
    assert app.start_routine(standing_pair(app))
    in_the_list(running)
    running.prompts.hurts_choice = "continue"
    running.key(Key.Key_H)
    assert running.prompts.asked[-1] == "hurts:Standing back extension"
    assert running.state() is EngineState.RUNNING


def test_space_on_a_focused_player_button_presses_it_once(running: Running) -> None:
    app = running.app
    assert app.start_routine(standing_pair(app))
    player = app.session.player
    assert QApplication.focusWidget() is player.play_pause_button
    running.key(Key.Key_Space)  # the focused Pause: paused once, not paused and resumed
    assert running.state() is EngineState.PAUSED
    running.key(Key.Key_Space)
    assert running.state() is EngineState.RUNNING
    player.extend_button.setFocus()
    engine = app.player.engine
    assert engine is not None
    left = engine.remaining()
    running.key(Key.Key_Return)  # Enter presses a focused player button too
    assert engine.remaining() == pytest.approx(left + 15)
    assert running.state() is EngineState.RUNNING
    player.skip_button.setFocus()
    before = running.phase()
    running.key(Key.Key_Space)  # presses Skip; does not pause
    assert running.phase() != before
    assert running.state() is EngineState.RUNNING


def test_letters_and_space_type_in_a_text_box_during_a_session(running: Running) -> None:
    app = running.app
    assert app.start_routine(standing_pair(app))
    running.key(Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    running.key(Key.Key_F, Qt.KeyboardModifier.ControlModifier)  # the Library's search
    assert QApplication.focusWidget() is app.library_pane.search
    QTest.keyClicks(app.library_pane.search, "hn +")
    assert app.library_pane.search.text() == "hn +"
    assert running.state() is EngineState.RUNNING
    assert running.exercise() == "Standing back extension"


def test_the_player_buttons_are_in_the_tab_order_in_the_order_shown(running: Running) -> None:
    app = running.app
    assert app.start_routine(standing_pair(app))
    player = app.session.player
    assert not player.previous_button.isEnabled()  # nothing before the first exercise
    app.player.next_exercise()
    order = [  # the exercise row ("Next up" between them), then the controls below it
        player.previous_button,
        player.next_button,
        player.play_pause_button,
        player.skip_button,
        player.extend_button,
        player.stop_button,
        player.hurts_button,
    ]
    player.previous_button.setFocus()
    reached = [QApplication.focusWidget()]
    for _ in order[1:]:
        running.key(Key.Key_Tab)
        reached.append(QApplication.focusWidget())
    assert reached == order
    assert all(button.focusPolicy() == Qt.FocusPolicy.StrongFocus for button in order)
    assert player.extend_button.accessibleName() == "Add 15 seconds"


def test_a_screen_reader_hears_phases_steps_the_last_seconds_and_pauses(running: Running) -> None:
    app = running.app
    routine = standing_pair(app)
    assert app.start_routine(routine)
    said = app.player.announcer.history
    first = said[-1]
    assert first.startswith("Get ready, ")
    assert "Standing back extension" in first
    assert routine.items[0].exercise.steps[0] in first  # the step to do now
    count = len(said)
    running.advance(1)  # a second passes: nothing new to say
    assert len(said) == count
    engine = app.player.engine
    assert engine is not None
    running.advance(engine.remaining() - 3.1)
    running.advance(0.2)
    running.advance(1)
    running.advance(1)
    new = list(said)[count:]
    assert [text for text in new if text in ("3", "2", "1")] == ["3", "2", "1"]  # once each
    steps = routine.items[0].exercise.steps
    assert all(text in steps for text in new if text not in ("3", "2", "1"))  # and new steps
    running.advance(1)
    assert said[-1].startswith("Hold, ")  # the next phase, with its step
    app.player.toggle_pause()
    assert said[-1] == "Paused"
    app.player.toggle_pause()
    assert said[-1] == "Carrying on"
    app.player.toggle_pause()
    count = len(said)
    app.player.stop()  # stopping a paused session says nothing about carrying on
    assert all("Carrying on" not in text for text in list(said)[count:])
    assert app.session.player.figure.accessibleName() == (
        "Moving figure: Standing back extension, standing"
    )


def test_every_session_key_is_a_player_command_and_listed_in_help(
    qtbot: QtBot, running: Running
) -> None:
    assert sorted(key.command for key in SESSION_KEYS) == sorted(COMMANDS)
    dialog = running.app.window.show_keyboard_shortcuts()
    qtbot.addWidget(dialog)
    table = dialog.findChild(QTableWidget, "shortcutsList")
    assert table is not None

    def cell(row: int, column: int) -> str:
        item = table.item(row, column)
        return item.text() if item is not None else ""

    rows = {(cell(row, 0), cell(row, 1)) for row in range(table.rowCount())}
    for key in SESSION_KEYS:
        assert (key.shown, key.does) in rows
    for entry in (*PAIN_KEYS, *CARD_KEYS):
        assert entry in rows
    for action in running.app.window.actions():
        if not action.shortcut().isEmpty() and not action.objectName().startswith("session_"):
            keys = action.shortcut().toString()
            assert any(keys == shown for shown, _does in rows), action.objectName()


def test_ctrl_l_logs_pain_from_anywhere(running: Running) -> None:
    app = running.app
    answered: list[str] = []

    def answer() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, PainDialog)
        dialog.type_digit(4)
        answered.append("4")
        dialog.accept()

    QTimer.singleShot(0, answer)
    running.key(Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert answered == ["4"]
    assert app.window.current_area() == "history"


# --- the pain scale ---------------------------------------------------------------------------


class StepClock:
    """A monotonic clock the test moves by hand."""

    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def test_digits_choose_and_1_then_0_makes_10_within_a_second(qtbot: QtBot) -> None:
    clock = StepClock()
    dialog = PainDialog(after=False, now=clock)
    qtbot.addWidget(dialog)
    dialog.show()
    QTest.keyClick(dialog, Key.Key_7)
    assert dialog.score() == 7
    assert dialog.score_buttons.button(7).hasFocus() or not dialog.isActiveWindow()
    QTest.keyClick(dialog, Key.Key_1)
    assert dialog.score() == 1
    clock.now += TEN_WITHIN_SECONDS / 2
    QTest.keyClick(dialog, Key.Key_0)
    assert dialog.score() == 10
    QTest.keyClick(dialog, Key.Key_1)
    clock.now += TEN_WITHIN_SECONDS + 0.1  # too slow for "10": a plain 0
    QTest.keyClick(dialog, Key.Key_0)
    assert dialog.score() == 0
    QTest.keyClick(dialog, Key.Key_Return)
    assert dialog.answer().score == 0


def test_enter_saves_and_esc_skips_and_the_note_takes_its_own_digits(qtbot: QtBot) -> None:
    dialog = PainDialog(after=True)
    qtbot.addWidget(dialog)
    dialog.show()
    QTest.keyClick(dialog.score_buttons.button(0), Key.Key_Return)  # no score yet: nothing
    assert dialog.isVisible() or dialog.result() != PainDialog.DialogCode.Accepted
    QTest.keyClick(dialog, Key.Key_6)
    QTest.keyClicks(dialog.note, "slept 8 hours")
    assert dialog.score() == 6
    assert dialog.note.text() == "slept 8 hours"
    QTest.keyClick(dialog.note, Key.Key_Return)
    assert dialog.answer().score == 6
    skipped = PainDialog(after=False)
    qtbot.addWidget(skipped)
    skipped.show()
    QTest.keyClick(skipped, Key.Key_4)
    QTest.keyClick(skipped, Key.Key_Escape)
    assert skipped.answer().score is None


def test_arrows_move_along_the_scale_and_space_chooses(qtbot: QtBot) -> None:
    dialog = PainDialog(after=False)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow, timeout=3000)
    first = dialog.score_buttons.button(0)
    assert QApplication.focusWidget() is first  # the keyboard starts on the scale
    for key in (Key.Key_Right, Key.Key_Right, Key.Key_Space):
        QTest.keyClick(QApplication.focusWidget() or dialog, key)
    assert dialog.score() == 2
    QTest.keyClick(QApplication.focusWidget() or dialog, Key.Key_Return)
    assert dialog.answer().score == 2


def test_the_scale_is_a_group_whose_ends_say_what_they_mean(qtbot: QtBot) -> None:
    dialog = PainDialog(after=False)
    qtbot.addWidget(dialog)
    assert dialog.scale.title() == "How much does your back hurt right now?"
    assert "0 means no pain" in dialog.scale.accessibleDescription()
    assert "10 the worst pain imaginable" in dialog.scale.accessibleDescription()
    names = [dialog.score_buttons.button(score).accessibleName() for score in range(11)]
    assert names[0] == "Pain 0 out of 10: no pain"
    assert names[5] == "Pain 5 out of 10"
    assert names[10] == "Pain 10 out of 10: worst pain imaginable"
    assert dialog.note.accessibleName() == "Note"
