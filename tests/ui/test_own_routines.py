"""Routines the person builds, through the whole app: the Library's buttons, the data file, the
player and History; and the editor and the Library fitting at every size, in English and German.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from spinecoach import paths
from spinecoach.app import Application, build
from spinecoach.app.language import use_language
from spinecoach.core.clock import FakeClock
from spinecoach.core.exercise import Routine, RoutineOrigin
from spinecoach.core.session import EngineState
from spinecoach.ui.library.model import Header, Role
from spinecoach.ui.library.routine_editor import RoutineEditor
from tests.fakes import RecordingCues, ScriptedPrompts
from tests.ui.layout_check import assert_fits

NOW = datetime(2026, 11, 25, 12, 0, tzinfo=UTC)


def settle() -> None:
    for _ in range(3):
        QApplication.processEvents()


def close(application: Application) -> None:
    actions = application.library_pane.routine_actions
    if actions is not None:
        actions.forget_undo()
        if actions.editor is not None:
            actions.editor.forget_changes()
            actions.editor.reject()
    engine = application.player.engine if application.session_area.is_built else None
    if engine is not None and engine.state is EngineState.RUNNING:
        application.player.toggle_pause()
    application.state.set("text_size", 100)  # the application's font, for the tests after
    application.window.close()
    application.database.close()


@pytest.fixture
def app(qtbot: QtBot, data_dir: Path) -> Iterator[Application]:
    application = build(data_dir, FakeClock(NOW), prompts=ScriptedPrompts(), cues=RecordingCues())
    qtbot.addWidget(application.window)
    application.window.resize(1280, 820)
    application.window.show()
    application.window.show_area("library")
    settle()
    yield application
    close(application)


def open_editor(app: Application, button: str) -> RoutineEditor:
    pane = app.library_pane
    getattr(pane.routine_buttons, button).click()
    actions = pane.routine_actions
    assert actions is not None and actions.editor is not None
    settle()
    return actions.editor


def new_routine(app: Application, name: str, exercises: tuple[str, ...]) -> Routine:
    editor = open_editor(app, "new_button")
    assert editor.isVisible()
    editor.name.setText(name)
    for exercise in exercises:
        editor.add_exercise(app.library.exercises[exercise])
    assert editor.try_save()
    saved = app.library_pane.selected_routine()
    assert saved is not None and saved.name == name
    return saved


def headers(app: Application) -> list[str]:
    model = app.library_pane.model
    return [
        item.text
        for item in (model.row_item(row) for row in range(model.rowCount()))
        if isinstance(item, Header)
    ]


def test_a_new_routine_is_kept_listed_as_yours_and_selected(app: Application) -> None:
    pane = app.library_pane
    assert pane.routine_buttons.new_button.objectName() == "newRoutineButton"
    routine = new_routine(app, "Morning stretch", ("cat-cow", "knee-to-chest"))
    assert routine.origin is RoutineOrigin.OWN
    assert routine.id.startswith("own-morning-stretch-")
    # Kept in the data file, as routine-file text, under the same id.
    stored = {r.id: r for r in app.database.custom_routines()}
    assert stored[routine.id].name == "Morning stretch"
    # Listed under its own header, before the shipped routines, marked "Yours" (read aloud too).
    shipped = len(app.library.routines)
    assert headers(app)[:2] == ["Your routines · 1", f"Routines · {shipped}"]
    row = pane.model.index(pane.model.row_of(routine.id) or 0)
    assert row.data(Role.SUBTITLE).startswith("Yours · ")
    assert row.data(Qt.ItemDataRole.AccessibleDescriptionRole).startswith("Yours, ")
    assert pane.detail.shown == routine
    assert pane.routine_buttons.delete_button.isEnabled()
    # The search finds it like any routine.
    pane.search.setText("morning")
    assert pane.visible_ids()[0] == routine.id


def test_editing_a_shipped_routine_makes_a_copy_and_says_so(app: Application) -> None:
    pane = app.library_pane
    pane.select_item("desk-break")
    assert not pane.routine_buttons.delete_button.isEnabled()  # a shipped routine cannot be deleted
    assert "copy" in pane.routine_buttons.edit_button.toolTip()
    editor = open_editor(app, "edit_button")
    notice = editor.findChild(type(editor.total), "routineEditorNoticeText")
    assert notice is not None and "your own copy" in notice.text()
    assert editor.name.text() == "Two-minute desk break (mine)"
    editor.items.setCurrentIndex(editor.model.index(0))
    editor.remove_current()
    assert editor.try_save()
    copy = pane.selected_routine()
    assert copy is not None and copy.origin is RoutineOrigin.OWN
    assert copy.based_on == "desk-break"
    assert copy.id != "desk-break"
    shipped = app.library.routines["desk-break"]
    assert len(copy.items) == len(shipped.items) - 1  # the shipped one is as it was
    assert app.routine_book.get("desk-break") == shipped


def test_duplicate_keeps_a_copy_at_once(app: Application) -> None:
    pane = app.library_pane
    pane.select_item("hips-and-hamstrings")
    pane.routine_buttons.duplicate_button.click()
    copy = pane.selected_routine()
    assert copy is not None and copy.name == "Copy of Hips and hamstrings"
    assert copy.based_on == "hips-and-hamstrings"
    assert [r.id for r in app.routine_book.own_routines()] == [copy.id]


def test_delete_then_undo_by_the_bar_and_by_ctrl_z(qtbot: QtBot, app: Application) -> None:
    pane = app.library_pane
    routine = new_routine(app, "Evening", ("cat-cow",))
    pane.routine_buttons.delete_button.click()
    settle()
    assert pane.model.row_of(routine.id) is None
    assert app.database.custom_routines() == []
    assert pane.routine_buttons.undo_bar.isVisible()
    assert "Evening" in pane.routine_buttons.undo_text.text()
    actions = pane.routine_actions
    assert actions is not None and actions.undo_timer.isActive()
    assert actions.undo_timer.interval() == 10_000
    pane.routine_buttons.undo_button.click()
    assert pane.model.row_of(routine.id) is not None
    assert not pane.routine_buttons.undo_bar.isVisible()
    assert [r.id for r in app.database.custom_routines()] == [routine.id]
    # Again, undone with Ctrl+Z from the list.
    pane.select_item(routine.id)
    pane.routine_buttons.delete_button.click()
    app.window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is app.window, timeout=3000)
    pane.list.setFocus()
    qtbot.keyClick(pane.list, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert pane.model.row_of(routine.id) is not None
    # Once the time is over, the bar goes and nothing can be undone.
    pane.select_item(routine.id)
    pane.routine_buttons.delete_button.click()
    actions.undo_timer.timeout.emit()
    assert not pane.routine_buttons.undo_bar.isVisible()
    assert not actions.undo()
    assert pane.model.row_of(routine.id) is None


def test_an_own_routine_plays_shows_in_history_and_keeps_it_when_renamed(
    app: Application,
) -> None:
    routine = new_routine(app, "Desk stretch", ("chin-tucks", "shoulder-rolls"))
    assert app.start_routine_id(routine.id)
    app.player.stop()
    history = app.history_area.build()
    history.controller.refresh()
    row = history.view.model.row_at(0)
    assert (row.routine_id, row.routine) == (routine.id, "Desk stretch")
    # Renamed: the same id, and History shows the new name for the old session.
    app.window.show_area("library")
    app.library_pane.select_item(routine.id)
    editor = open_editor(app, "edit_button")
    assert editor.notice_text() == ""  # one's own routine is edited in place
    editor.name.setText("Neck and shoulders")
    assert editor.try_save()
    renamed = app.routine_book.get(routine.id)
    assert renamed is not None and renamed.name == "Neck and shoulders"
    assert history.view.model.row_at(0).routine == "Neck and shoulders"
    # Deleting it never deletes the session: it keeps the name it was recorded with.
    app.library_pane.select_item(routine.id)
    app.library_pane.routine_buttons.delete_button.click()
    history.controller.refresh()
    assert history.view.model.row_at(0).routine == "Desk stretch"
    sessions = app.database.sessions(NOW.replace(year=2025), NOW.replace(year=2027))
    assert [(s.routine_id, s.routine_name) for s in sessions] == [(routine.id, "Desk stretch")]


# --- fitting ----------------------------------------------------------------------------------


def library_with_own(app: Application) -> None:
    new_routine(app, "A long name for my own routine", ("cat-cow", "bird-dog", "glute-bridge"))
    app.library_pane.select_item("desk-break")
    app.library_pane.routine_buttons.duplicate_button.click()


#: The Library's sizes (tests/ui/test_layout_fits.py): a small screen, and 200 % text on laptops.
SIZES = [(960, 540, 100), (1366, 768, 200), (1280, 720, 200)]
GERMAN_SIZES = [(960, 540, 100), (1366, 768, 200)]


def show(app: Application, size: tuple[int, int, int]) -> None:
    width, height, text = size
    app.state.set("text_size", text)
    app.window.resize(width, height)
    app.window.show_area("library")
    settle()


def editor_fits(app: Application, where: str) -> None:
    """The editor in a 960 x 540 window (a 1920 x 1080 screen at 200 %), at the text size set."""
    app.library_pane.select_item("hips-and-hamstrings")
    editor = open_editor(app, "edit_button")
    editor.resize(960, 540)
    for row in (0, 2):
        editor.items.setCurrentIndex(editor.model.index(row))
        settle()
        assert_fits(editor, f"{where}, item {row + 1}")
    editor._fields["reps"].spin.setValue(30)  # the longest hint: a value out of range
    settle()
    assert_fits(editor, f"{where}, a value out of range")
    editor.forget_changes()
    editor.reject()


@pytest.mark.parametrize("size", SIZES, ids=str)
def test_the_library_with_own_routines_and_the_editor_fit(
    app: Application, size: tuple[int, int, int]
) -> None:
    library_with_own(app)
    show(app, size)
    assert_fits(app.window, f"Library with own routines at {size}")
    editor_fits(app, f"editor at {size}")


@pytest.fixture
def german_app(qtbot: QtBot, data_dir: Path) -> Iterator[Application]:
    application = build(
        data_dir, FakeClock(NOW), prompts=ScriptedPrompts(), cues=RecordingCues(), language="de"
    )
    qtbot.addWidget(application.window)
    application.window.show()
    yield application
    close(application)
    use_language("en", paths.resources_dir(), system="C")


@pytest.mark.parametrize("size", GERMAN_SIZES, ids=str)
def test_in_german_the_library_and_the_editor_fit(
    german_app: Application, size: tuple[int, int, int]
) -> None:
    library_with_own(german_app)
    show(german_app, size)
    assert_fits(german_app.window, f"German Library with own routines at {size}")
    editor_fits(german_app, f"German editor at {size}")


def test_an_eased_copy_of_a_programme_routine_counts_for_it_in_history(
    app: Application,
) -> None:
    from dataclasses import replace

    from spinecoach.core.exercise import RoutineItem

    body = Path(__file__).parents[2] / "docs" / "examples" / "lower-back.programme.toml"
    database = app.data.database
    assert database is not None
    database.save_programme(
        "lower-back", "Lower back", "A. Physio", Path(body).read_text(), "f", NOW
    )
    app.routine_book.reload()
    prescribed = app.routine_book.routines()[0]
    assert prescribed.origin is RoutineOrigin.PROGRAMME
    first = prescribed.items[0]
    low = first.exercise.limits.range_of("reps", first.dosage.reps)[0]
    eased = app.routine_book.copy_of(prescribed, "Eased")
    eased = replace(eased, items=(RoutineItem(first.exercise, replace(first.dosage, reps=low)),))
    kept = app.routine_book.save(eased)

    assert app.routine_book.eased_aliases() == {kept.id: prescribed.id}
    # A copy of a shipped routine stands for nothing in the programme.
    app.routine_book.duplicate(app.library.routines["desk-break"])
    assert app.routine_book.eased_aliases() == {kept.id: prescribed.id}
