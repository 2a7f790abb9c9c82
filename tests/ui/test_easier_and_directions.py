"""Issue 17 in the window: the chain in the Library, "Make it easier" in the player, and the
movements that make the pain worse (Settings, once after "This hurts", marks, the warning).

The real app on a fake clock; the questions are answered by scripted prompts.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QApplication, QCheckBox, QLabel, QScrollArea
from pytestqt.qtbot import QtBot

from spinecoach import paths
from spinecoach.app import Application, build
from spinecoach.app.language import use_language
from spinecoach.core import settings as keys
from spinecoach.core.clock import FakeClock
from spinecoach.core.exercise import Routine, RoutineItem, RoutineOrigin
from spinecoach.core.session import EngineState
from spinecoach.core.timeline import PhaseKind
from spinecoach.ui.care.hurts_dialog import DirectionsQuestion, MovementChoices
from spinecoach.ui.library.model import Role
from spinecoach.ui.session.easier_question import EasierQuestion
from spinecoach.ui.shell.settings_dialog import keys_on_page
from spinecoach.ui.shell.settings_form import SettingsForm
from tests.fakes import RecordingCues, ScriptedPrompts
from tests.ui.layout_check import assert_fits

NOW = datetime(2026, 12, 1, 10, 0, tzinfo=UTC)


@dataclass
class Prompts(ScriptedPrompts):
    """Also answers "Use it from now on?" and the directions question, remembering both."""

    keep: bool = True
    kept_asked: list[tuple[str, str, bool, bool]] = field(default_factory=list)
    movements: tuple[str, ...] | None = ("twisting",)
    directions_asked: list[tuple[str, ...]] = field(default_factory=list)

    def keep_easier(self, exercise: str, easier: str, locked: bool, copy: bool) -> bool:
        self.kept_asked.append((exercise, easier, locked, copy))
        return self.keep and not locked

    def movements_that_hurt(self, current: tuple[str, ...]) -> tuple[str, ...] | None:
        self.directions_asked.append(current)
        return self.movements


@pytest.fixture
def prompts() -> Prompts:
    return Prompts(hurts_choice="continue")


@pytest.fixture
def app(qtbot: QtBot, data_dir: Path, prompts: Prompts) -> Iterator[Application]:
    application = build(data_dir, FakeClock(NOW), prompts=prompts, cues=RecordingCues())
    qtbot.addWidget(application.window)
    application.window.resize(1280, 820)
    application.window.show()
    yield application
    engine = application.player.engine if application.session_area.is_built else None
    if engine is not None and engine.state is EngineState.RUNNING:
        application.player.toggle_pause()
    application.window.close()
    application.database.close()


def bridges(app: Application, **changes: object) -> Routine:
    """A shipped-like routine: the marching bridge (easier: glute bridge), then child's pose."""
    exercises = app.library.exercises
    items = tuple(
        RoutineItem(exercises[i], exercises[i].dosage) for i in ("marching-bridge", "childs-pose")
    )
    routine = Routine(
        id="bridges", name="Bridges", description="Two exercises for the tests.", items=items
    )
    return replace(routine, **changes)  # type: ignore[arg-type]


def settle() -> None:
    for _ in range(3):
        QApplication.processEvents()


# --- the chain in the Library ---------------------------------------------------------------


def test_the_detail_view_shows_the_chain_and_its_links_open_each_exercise(
    app: Application,
) -> None:
    pane = app.library_pane
    pane.select_item("heel-slides")
    chain = pane.detail.findChild(QLabel, "detailChain")
    assert chain is not None
    assert "Easier: " in chain.text() and "Harder: " in chain.text()
    assert chain.accessibleName() == "Easier: Drawing-in, Harder: Dead bug".replace(
        "Drawing-in", app.library.exercises["abdominal-drawing-in"].name
    )
    chain.linkActivated.emit("dead-bug")
    assert pane.detail.shown is app.library.exercises["dead-bug"]
    chain = pane.detail.findChild(QLabel, "detailChain")
    assert chain is not None and "Harder" not in chain.text()  # the top of its chain
    pane.select_item("standing-back-extension")  # no easier or harder version
    assert pane.detail.findChild(QLabel, "detailChain") is None


# --- "Make it easier" ---------------------------------------------------------------------------


def test_make_it_easier_plays_the_easier_version_and_keeps_it_when_asked(
    app: Application, prompts: Prompts
) -> None:
    assert app.start_routine(bridges(app))
    player, view = app.player, app.session.player
    engine = player.engine
    assert engine is not None and engine.phase.exercise.id == "marching-bridge"
    settle()
    assert view.easier_button.isEnabled()
    assert "Glute bridge" in view.easier_button.toolTip()
    assert app.window.session_action("easier").isEnabled()
    before = engine.state  # paused: waiting for the person to get down to the floor
    app.window.session_action("easier").trigger()  # E
    assert engine.phase.exercise.id == "glute-bridge"
    assert engine.phase.item_index == 0 and engine.phase.kind is PhaseKind.GET_READY
    assert {p.exercise.id for p in engine.timeline if p.item_index == 0} == {"glute-bridge"}
    assert engine.state is before  # as it was
    # The screen follows: the name and the steps are the glute bridge's.
    glute = app.library.exercises["glute-bridge"]
    assert view.exercise_label.text().replace("\u00ad", "") == glute.name
    assert view.step_list.count() == len(glute.steps)
    said = player.last_easier_announcement
    assert (
        said == "Made easier: Glute bridge instead of Marching bridge, for the rest of this session"
    )
    # The glute bridge is the start of its chain: nothing easier now.
    assert not view.easier_button.isEnabled()
    assert not app.window.session_action("easier").isEnabled()
    # Asked once, a copy offered (not the person's own routine); kept as their own copy.
    assert prompts.kept_asked == [("Marching bridge", "Glute bridge", False, True)]
    own = app.routine_book.own_routines()
    assert [r.name for r in own] == ["Bridges (easier)"]
    assert own[0].exercise_ids == ("glute-bridge", "childs-pose")
    assert own[0].origin is RoutineOrigin.OWN and own[0].based_on == "bridges"
    # Recorded like an accepted suggestion: what, when and why, for History and the report.
    (change,) = app.database.progression_changes(NOW - timedelta(days=1), NOW + timedelta(days=1))
    assert (change.routine_id, change.exercise_id) == (own[0].id, "marching-bridge")
    assert (change.from_text, change.to_text) == ("Marching bridge", "Glute bridge")
    assert change.kind.value == "easier" and change.status.value == "accepted"
    assert change.reason == "You made it easier during a session and chose to keep it."
    # The rest of the session: the glute bridge is done, not the marching bridge.
    clock = app.clock
    assert isinstance(clock, FakeClock)
    while engine.state is not EngineState.FINISHED:
        if engine.state is EngineState.PAUSED:
            player.toggle_pause()
        clock.advance(max(0.25, engine.remaining()))
        player.tick()
    settle()
    assert engine.done_items == {0, 1}
    (record,) = app.database.sessions(NOW - timedelta(days=1), NOW + timedelta(days=1))
    assert record.exercises_completed == ("glute-bridge", "childs-pose")


def test_a_second_easier_item_changes_the_same_copy_and_declining_keeps_nothing(
    app: Application, prompts: Prompts
) -> None:
    exercises = app.library.exercises
    items = tuple(RoutineItem(exercises[i], exercises[i].dosage) for i in ("dead-bug", "curl-up"))
    routine = Routine(id="two", name="Two", description="Two exercises for the tests.", items=items)
    assert app.start_routine(routine)
    app.player.make_easier()
    app.player.next_exercise()
    app.player.make_easier()
    own = app.routine_book.own_routines()
    assert [r.exercise_ids for r in own] == [("heel-slides", "partial-crunch")]
    app.player.stop()
    app.player.stop()  # close the summary
    prompts.keep = False
    assert app.start_routine(bridges(app))
    app.player.make_easier()
    assert app.player.engine is not None
    assert app.player.engine.phase.exercise.id == "glute-bridge"  # played easier all the same
    assert len(app.routine_book.own_routines()) == 1  # nothing more kept


def test_a_locked_programme_routine_is_never_changed_ask_your_physiotherapist(
    app: Application, prompts: Prompts
) -> None:
    locked = bridges(app, origin=RoutineOrigin.PROGRAMME, locked=True)
    assert app.start_routine(locked)
    app.player.make_easier()
    assert app.player.engine is not None
    assert app.player.engine.phase.exercise.id == "glute-bridge"  # this session: easier
    assert prompts.kept_asked == [("Marching bridge", "Glute bridge", True, False)]
    assert app.routine_book.own_routines() == []
    box = EasierQuestion("Marching bridge", "Glute bridge", app.window, locked=True)
    said = box.text() + " " + box.informativeText()
    assert "ask your physiotherapist" in said
    assert [b.objectName() for b in box.buttons()] == ["easierOk"]
    box.deleteLater()


def test_the_question_offers_a_copy_for_a_shipped_routine(app: Application) -> None:
    box = EasierQuestion("Marching bridge", "Glute bridge", app.window, copy=True)
    assert box.objectName() == "easierQuestion"
    assert box.text() == "Use the easier version from now on?"
    assert "Your own copy" in box.informativeText()
    names = sorted(b.objectName() for b in box.buttons())
    assert names == ["easierKeep", "easierOnlyNow"]
    box.deleteLater()


# --- directions ------------------------------------------------------------------------------


def test_settings_asks_which_movements_and_the_library_marks_them(app: Application) -> None:
    form = SettingsForm(keys_on_page("Sessions"), app.settings)
    control = form.controls["avoid_movements"]
    assert isinstance(control, MovementChoices)
    assert control.question.text() == "Which movements make your pain worse?"
    assert len(control.boxes) == 5
    forward = control.findChild(QCheckBox, "avoid_bending-forward")
    assert forward is not None
    forward.setChecked(True)
    assert app.settings.get(keys.AVOID_MOVEMENTS) == ("bending forward",)
    pane = app.library_pane
    model = pane.model
    row = model.row_of("childs-pose")
    if row is None:
        pane.clear_filters()
        row = model.row_of("childs-pose")
    assert row is not None
    index = model.index(row)
    assert str(model.data(index, Role.SUBTITLE)).startswith("Careful: bending forward · ")
    tooltip = str(model.data(index, Qt.ItemDataRole.ToolTipRole))
    assert tooltip.startswith("You said bending forward makes it worse")
    assert "bending forward" in str(model.data(index, Qt.ItemDataRole.AccessibleDescriptionRole))
    bridge = model.index(model.row_of("glute-bridge") or 0)
    assert not str(model.data(bridge, Role.SUBTITLE)).startswith("Careful")
    routines = [
        model.row_item(r) for r in range(model.rowCount(QModelIndex())) if model.row_of("x") != r
    ]
    marked = [
        r
        for r in routines
        if isinstance(r, Routine) and str(model.routine_subtitle(r)).startswith("Careful")
    ]
    assert marked and all(
        any(i.exercise.movement.value == "bending forward" for i in r.items) for r in marked
    )
    pane.select_item("childs-pose")
    note = pane.detail.findChild(QLabel, "detailDirectionText")
    assert note is not None and "bending forward" in note.text().replace("\u00ad", "")
    # Unticked: the marks go.
    forward.setChecked(False)
    assert not str(model.data(index, Role.SUBTITLE)).startswith("Careful")
    assert pane.detail.findChild(QLabel, "detailDirectionText") is None
    form.deleteLater()


def test_asked_once_after_a_first_this_hurts(app: Application, prompts: Prompts) -> None:
    assert app.settings.get(keys.DIRECTIONS_ASKED) is False
    assert app.start_routine(bridges(app))
    app.player.toggle_pause()  # "Start": down on the floor
    app.player.this_hurts()
    assert prompts.directions_asked == [()]
    assert app.settings.get(keys.AVOID_MOVEMENTS) == ("twisting",)
    assert app.settings.get(keys.DIRECTIONS_ASKED) is True
    assert app.player.engine is not None
    assert app.player.engine.state is EngineState.RUNNING  # "Carry on gently" carried on
    app.player.this_hurts()
    assert len(prompts.directions_asked) == 1  # once only


def test_not_now_keeps_the_setting_and_still_counts_as_asked(
    app: Application, prompts: Prompts
) -> None:
    prompts.movements = None
    assert app.start_routine(bridges(app))
    app.player.this_hurts()
    assert app.settings.get(keys.AVOID_MOVEMENTS) == ()
    assert app.settings.get(keys.DIRECTIONS_ASKED) is True


def test_the_directions_dialog(app: Application) -> None:
    dialog = DirectionsQuestion(("twisting",), app.window)
    assert dialog.objectName() == "directionsQuestion"
    assert dialog.choices.value() == ("twisting",)
    assert not dialog.choices.question.isVisibleTo(dialog)  # the title asks it
    dialog.choices.boxes["bending back"].setChecked(True)
    dialog._save()
    assert dialog.chosen == ("bending back", "twisting")
    dialog.deleteLater()


def test_the_player_warns_before_an_exercise_in_an_avoided_direction(app: Application) -> None:
    app.settings.set(keys.AVOID_MOVEMENTS, ("bending forward",))
    assert app.start_routine(bridges(app))
    view, player = app.session.player, app.player
    assert not view.direction_warning.isVisible()  # the marching bridge keeps the back still
    player.next_exercise()
    engine = player.engine
    assert engine is not None
    phase = engine.phase
    assert phase.kind is PhaseKind.NEXT_UP and phase.exercise.id == "childs-pose"
    settle()
    assert view.direction_warning.isVisible()
    assert (
        view.direction_warning.text()
        .replace("\u00ad", "")
        .startswith("This exercise asks for bending forward")
    )
    assert_fits(app.window, "the direction warning")
    while engine.phase.kind is not PhaseKind.HOLD:
        if engine.state is EngineState.PAUSED:
            player.toggle_pause()
        player.command("skip")
    assert not view.direction_warning.isVisible()  # once it starts, the screen is the exercise's


@pytest.mark.parametrize("size", [(960, 540, 100), (1366, 768, 200)], ids=str)
@pytest.mark.parametrize("language", ["en", "de"])
def test_the_player_with_the_easier_button_and_the_warning_fits(
    qtbot: QtBot, data_dir: Path, language: str, size: tuple[int, int, int]
) -> None:
    width, height, text = size
    application = build(
        data_dir, FakeClock(NOW), prompts=Prompts(), cues=RecordingCues(), language=language
    )
    qtbot.addWidget(application.window)
    try:
        application.state.set("text_size", text)
        application.settings.set(keys.AVOID_MOVEMENTS, ("bending forward",))
        application.window.resize(width, height)
        application.window.show()
        curl_up = application.library.exercises["curl-up"]  # bending forward; easier: crunch
        items = (RoutineItem(curl_up, curl_up.dosage),)
        routine = Routine(
            id="one", name="One", description="One exercise for the tests.", items=items
        )
        assert application.start_routine(routine)
        engine = application.player.engine
        assert engine is not None
        if engine.state is EngineState.RUNNING:
            application.player.toggle_pause()
        settle()
        view = application.session.player
        assert view.direction_warning.isVisible()
        assert view.easier_button.isVisible()
        assert_fits(application.window, f"player with warning, {language} at {size}")
        scroll = application.session.findChild(QScrollArea, "playerScroll")
        assert scroll is not None
        assert scroll.verticalScrollBar().maximum() == 0
    finally:
        engine = application.player.engine
        if engine is not None and engine.state is EngineState.RUNNING:
            application.player.toggle_pause()
        application.window.close()
        application.database.close()
        use_language("en", paths.resources_dir(), system="C")
