"""The routine editor: add, reorder (keys, buttons, drag), dosage within the safe range, totals.

The editor is built over the shipped library, as the Library builds it; what it is given to
save with is a list, so every test sees exactly what Save hands on.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import QModelIndex, Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from spinecoach import paths
from spinecoach.app.routine_book import eased_limits
from spinecoach.core.exercise import OnlySide, Routine, RoutineItem, RoutineOrigin
from spinecoach.core.library import Library, load_library
from spinecoach.core.session_settings import SessionSettings, played_seconds
from spinecoach.ui.library.routine_editor import RoutineEditor
from spinecoach.ui.library.routine_items import ROWS_MIME


@pytest.fixture(scope="module")
def library() -> Library:
    return load_library(paths.resources_dir(), paths.icons_dir() / "exercises")


class Kept:
    """What Save handed on, and what to answer (None: kept)."""

    def __init__(self) -> None:
        self.routines: list[Routine] = []
        self.answer: str | None = None

    def __call__(self, routine: Routine) -> str | None:
        if self.answer is None:
            self.routines.append(routine)
        return self.answer


@pytest.fixture
def kept() -> Kept:
    return Kept()


def editor_for(
    qtbot: QtBot, library: Library, kept: Kept, routine: Routine | None = None, **options: object
) -> RoutineEditor:
    editor = RoutineEditor(routine, library.exercises, save=kept, words=library.words, **options)  # type: ignore[arg-type]
    # Closed at the end without the question a closing editor with changes asks.
    qtbot.addWidget(editor, before_close_func=lambda widget: widget.forget_changes())
    editor.show()
    QApplication.processEvents()
    return editor


def names(editor: RoutineEditor) -> list[str]:
    return [item.exercise.id for item in editor.model.items]


def test_the_editor_is_named_for_tests_and_screen_readers(
    qtbot: QtBot, library: Library, kept: Kept
) -> None:
    editor = editor_for(qtbot, library, kept)
    assert editor.objectName() == "routineEditor"
    assert editor.findChild(type(editor.name), "routineName") is editor.name
    assert editor.items.objectName() == "routineItems"
    assert editor.save_button.objectName() == "saveRoutineButton"
    # Nothing yet: Save is off and says why.
    assert not editor.save_button.isEnabled()
    assert "Give the routine a name." in editor.status.text()
    assert "Add at least one exercise." in editor.status.text()


def test_adding_from_the_picker_with_the_librarys_search(
    qtbot: QtBot, library: Library, kept: Kept
) -> None:
    editor = editor_for(qtbot, library, kept)
    qtbot.keyClicks(editor.name, "Morning stretch")
    picker = editor.open_picker()
    assert picker.isVisible()
    qtbot.keyClicks(picker.search, "bridge")
    assert picker.shown_ids()[0] == "glute-bridge"
    picker.add_current()
    picker.search.clear()
    picker.desk_filter.setChecked(True)  # the Library's filter: only what a desk allows
    assert "glute-bridge" not in picker.shown_ids()
    assert picker.select("chin-tucks")
    qtbot.keyClick(picker.list, Qt.Key.Key_Return)  # Enter adds the current one too
    assert names(editor) == ["glute-bridge", "chin-tucks"]
    assert "Chin tucks" in picker.added.text()
    picker.reject()
    assert editor.save_button.isEnabled()
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    assert len(kept.routines) == 1
    routine = kept.routines[0]
    assert routine.name == "Morning stretch"
    assert routine.origin is RoutineOrigin.OWN
    assert routine.exercise_ids == ("glute-bridge", "chin-tucks")
    assert routine.description.startswith("Your own routine: Glute bridge, Chin tucks")
    assert not editor.isVisible()


def test_reordering_by_alt_arrows_and_by_the_buttons(
    qtbot: QtBot, library: Library, kept: Kept
) -> None:
    editor = editor_for(qtbot, library, kept, library.routines["desk-break"])
    first = names(editor)
    editor.items.setCurrentIndex(editor.model.index(0))
    editor.items.setFocus()
    qtbot.keyClick(editor.items, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    assert names(editor) == [first[1], first[0], *first[2:]]
    assert editor.items.currentIndex().row() == 1  # the moved item stays current
    qtbot.keyClick(editor.items, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    assert names(editor) == first
    assert not editor.up_button.isEnabled()  # the first cannot go up
    qtbot.mouseClick(editor.down_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(editor.down_button, Qt.MouseButton.LeftButton)
    assert names(editor) == [first[1], first[2], first[0], *first[3:]]
    qtbot.mouseClick(editor.up_button, Qt.MouseButton.LeftButton)
    assert names(editor) == [first[1], first[0], *first[2:]]
    # The numbers follow the order.
    assert editor.model.index(0).data(Qt.ItemDataRole.AccessibleTextRole).startswith("1. ")
    assert editor.is_dirty


def test_reordering_by_drag_and_drop(qtbot: QtBot, library: Library, kept: Kept) -> None:
    editor = editor_for(qtbot, library, kept, library.routines["desk-break"])
    first = names(editor)
    model = editor.model
    dragged = model.mimeData([model.index(0)])
    assert dragged.hasFormat(ROWS_MIME)
    # Dropped before the fourth row: the first exercise becomes the third.
    model.dropMimeData(dragged, Qt.DropAction.MoveAction, 3, 0, QModelIndex())
    assert names(editor) == [first[1], first[2], first[0], *first[3:]]
    # The view's own move, as QListView does for a drop inside itself.
    assert model.moveRows(QModelIndex(), 2, 1, QModelIndex(), 0)
    assert names(editor) == [first[0], first[1], first[2], *first[3:]]
    # Only this list's rows, only moved.
    assert not model.canDropMimeData(dragged, Qt.DropAction.CopyAction, 0, 0, QModelIndex())
    assert editor.items.dragDropMode() == editor.items.DragDropMode.DragDrop
    assert model.flags(model.index(0)) & Qt.ItemFlag.ItemIsDragEnabled


def test_a_value_out_of_the_safe_range_is_refused_with_the_range_shown(
    qtbot: QtBot, library: Library, kept: Kept
) -> None:
    editor = editor_for(qtbot, library, kept)
    editor.name.setText("Bridges")
    editor.add_exercise(library.exercises["glute-bridge"])
    reps = editor._fields["reps"]
    assert reps.hint.text() == "5 to 15"  # the exercise file's range, beside the field
    assert reps.spin.accessibleDescription() == "5 to 15"
    reps.spin.selectAll()
    qtbot.keyClicks(reps.spin, "20")
    assert reps.spin.value() == 20
    assert reps.hint.text() == "20 is outside the safe range: 5 to 15"
    assert not editor.save_button.isEnabled()
    assert "outside the safe range." in editor.status.text()  # counted (plural: the catalog)
    assert "outside the safe range" in editor.model.index(0).data()
    editor.try_save()
    assert kept.routines == []  # refused: nothing handed on
    reps.spin.selectAll()
    qtbot.keyClicks(reps.spin, "12")
    assert reps.hint.text() == "5 to 15"
    assert editor.save_button.isEnabled()
    editor.try_save()
    assert kept.routines[0].items[0].dosage.reps == 12


def test_a_field_without_a_stated_range_cannot_change(
    qtbot: QtBot, library: Library, kept: Kept
) -> None:
    walking = library.exercises["walking"]
    editor = editor_for(qtbot, library, kept)
    editor.add_exercise(walking)
    duration = editor._fields["duration_seconds"]
    assert duration.spin.isVisibleTo(editor)
    assert not editor._fields["reps"].spin.isVisibleTo(editor)  # a timed block has no reps
    low, high = walking.limits.range_of("duration_seconds", walking.dosage.duration_seconds or 0)
    if low == high:
        assert not duration.spin.isEnabled()
        assert duration.hint.text() == "Set by the exercise"
    else:
        assert duration.hint.text() == f"{low} to {high}"


def test_the_total_time_follows_every_change_with_changeovers(
    qtbot: QtBot, library: Library, kept: Kept
) -> None:
    settings = SessionSettings(get_ready_seconds=5, rest_between_exercises_seconds=10)
    editor = editor_for(qtbot, library, kept, settings=settings)
    assert editor.total.text() == "No exercises yet."
    editor.name.setText("Two")
    editor.add_exercise(library.exercises["chin-tucks"])
    one = editor.total.text()
    assert editor.badge.text() == "Desk"  # computed, never typed
    editor.add_exercise(library.exercises["glute-bridge"])
    assert editor.badge.text() == "Floor"
    expected = played_seconds(editor.routine(), settings)
    assert (
        expected
        > played_seconds(Routine("x", "x", "x", (editor.routine().items[0],)), settings)
        + library.exercises["glute-bridge"].total_seconds()
    )  # a changeover is counted
    minutes = round(expected / 60)
    assert editor.total.text() == f"About {minutes} min in all, with the changes between exercises."
    reps = editor._fields["reps"]
    reps.spin.setValue(15)
    assert editor.total.text() != one
    assert played_seconds(editor.routine(), settings) > expected


def test_a_two_sided_exercise_can_be_done_on_one_side(
    qtbot: QtBot, library: Library, kept: Kept
) -> None:
    editor = editor_for(qtbot, library, kept)
    editor.name.setText("Left only")
    editor.add_exercise(library.exercises["bird-dog"])
    assert editor.side.isVisibleTo(editor)
    both = played_seconds(editor.routine())
    editor.side.setCurrentIndex(editor.side.findData("left"))
    item = editor.routine().items[0]
    assert item.only_side is OnlySide.LEFT
    assert played_seconds(editor.routine()) < both
    assert "left side only" in editor.model.index(0).data()
    editor.add_exercise(library.exercises["chin-tucks"])  # done once: no side to choose
    assert not editor.side.isVisibleTo(editor)


def test_remove_and_escape_asks_before_losing_edits(
    qtbot: QtBot, library: Library, kept: Kept
) -> None:
    editor = editor_for(qtbot, library, kept, library.routines["desk-break"])
    count = editor.model.rowCount()
    editor.items.setCurrentIndex(editor.model.index(1))
    qtbot.mouseClick(editor.remove_button, Qt.MouseButton.LeftButton)
    assert editor.model.rowCount() == count - 1
    answers: list[str] = []

    def answer(choice: str) -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox)
        answers.append(box.text())
        wanted = next(b for b in box.buttons() if b.text() == choice)
        wanted.click()

    QTimer.singleShot(0, lambda: answer("Keep editing"))
    qtbot.keyClick(editor, Qt.Key.Key_Escape)
    assert editor.isVisible()
    QTimer.singleShot(0, lambda: answer("Discard changes"))
    qtbot.keyClick(editor, Qt.Key.Key_Escape)
    assert not editor.isVisible()
    assert answers == ["Your changes to this routine have not been saved."] * 2
    assert kept.routines == []


def test_escape_without_edits_closes_at_once(qtbot: QtBot, library: Library, kept: Kept) -> None:
    editor = editor_for(qtbot, library, kept, library.routines["desk-break"])
    qtbot.keyClick(editor, Qt.Key.Key_Escape)
    assert not editor.isVisible()


def test_a_refused_save_keeps_the_editor_open_with_the_reason(
    qtbot: QtBot, library: Library, kept: Kept
) -> None:
    editor = editor_for(qtbot, library, kept, library.routines["desk-break"])
    kept.answer = "Not saved: the disk is full."
    assert not editor.try_save()
    assert editor.isVisible()
    assert editor.status.text() == "Not saved: the disk is full."


def test_easing_a_locked_routine_never_goes_above_the_prescription(
    qtbot: QtBot, library: Library, kept: Kept
) -> None:
    bridge = library.exercises["glute-bridge"]
    prescribed = RoutineItem(bridge, bridge.dosage.__class__(reps=10, hold_seconds=5, sets=2))
    routine = Routine(
        "programme-x-bridges",
        "Bridges",
        "Bridges as your physiotherapist prescribed them.",
        (prescribed,),
        origin=RoutineOrigin.PROGRAMME,
        locked=True,
    )
    editor = editor_for(
        qtbot,
        library,
        kept,
        routine,
        limits_for=eased_limits,
        can_add=False,
        side_fixed=True,
    )
    assert not editor.add_button.isVisible()
    reps = editor._fields["reps"]
    assert reps.hint.text() == "5 to 10"  # the prescribed 10 is the ceiling
    reps.spin.setValue(12)
    assert not editor.save_button.isEnabled()
    reps.spin.setValue(6)
    assert editor.save_button.isEnabled()
