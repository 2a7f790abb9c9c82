"""The real Library pane on the shipped library: search, filters, details, links."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage, QPainter, QPalette
from PySide6.QtWidgets import QFrame, QLabel, QPushButton, QSplitter
from pytestqt.qtbot import QtBot

from spinecoach import paths
from spinecoach.core.catalog import LibraryFilter, browsing_order_exercises, browsing_order_routines
from spinecoach.core.exercise import Category, Exercise, Position, Routine, format_duration
from spinecoach.core.library import Library, load_library
from spinecoach.core.search_index import SearchIndex, filter_exercises, filter_routines
from spinecoach.ui.library.illustrations import IllustrationCache
from spinecoach.ui.library.model import Role
from spinecoach.ui.library.pane import LibraryPane


@pytest.fixture(scope="module")
def library() -> Library:
    return load_library(paths.resources_dir(), paths.icons_dir() / "exercises")


@pytest.fixture
def pane(qtbot: QtBot, library: Library) -> LibraryPane:
    widget = LibraryPane(library, IllustrationCache(paths.icons_dir() / "exercises"))
    qtbot.addWidget(widget)
    widget.resize(1100, 760)
    widget.show()
    return widget


def expected_ids(library: Library, query: LibraryFilter) -> list[str]:
    """What `core.catalog` lists for `query`: ranked for text, else in browsing order."""
    index = SearchIndex(library.routines.values(), library.exercises.values(), desk_word="Desk")
    ranked = index.search(query).ids
    # The same items as the plain filter rules keep (they do not rank).
    routines = filter_routines(browsing_order_routines(list(library.routines.values())), query)
    exercises = filter_exercises(browsing_order_exercises(list(library.exercises.values())), query)
    plain = [r.id for r in routines] + [e.id for e in exercises]
    assert sorted(ranked) == sorted(plain)
    if not query.text:
        assert ranked == plain
    return ranked


def test_everything_is_listed_at_first(pane: LibraryPane, library: Library) -> None:
    assert pane.visible_ids() == expected_ids(library, LibraryFilter())
    assert set(pane.visible_ids()) == {*library.routines, *library.exercises}
    assert pane.visible_ids()[0] == "desk-break"  # the shortest routine comes first
    assert pane.findChild(QLabel, "libraryProblemList") is None  # no problems banner


def test_typing_in_search_narrows_the_list(
    qtbot: QtBot, pane: LibraryPane, library: Library
) -> None:
    qtbot.keyClicks(pane.search, "twist")
    ids = pane.visible_ids()
    assert ids == expected_ids(library, LibraryFilter(text="twist"))
    assert "seated-twist" in ids
    assert "glute-bridge" not in ids


def test_search_finds_text_inside_steps(pane: LibraryPane, library: Library) -> None:
    # A word that appears in the bridge's steps but not its name.
    word = "hips"
    pane.search.setText(word)
    assert "glute-bridge" in pane.visible_ids()
    for item_id in pane.visible_ids():
        item = library.exercises.get(item_id) or library.routines[item_id]
        assert isinstance(item, Exercise | Routine)


def test_position_filter_shows_only_that_position(pane: LibraryPane, library: Library) -> None:
    pane.position_filter.setCurrentIndex(pane.position_filter.findData(Position.SEATED.value))
    ids = pane.visible_ids()
    assert ids == expected_ids(library, LibraryFilter(position=Position.SEATED))
    exercises = [library.exercises[i] for i in ids if i in library.exercises]
    assert exercises and all(e.position is Position.SEATED for e in exercises)


def test_desk_category_and_length_filters_combine(pane: LibraryPane, library: Library) -> None:
    pane.desk_filter.setChecked(True)
    pane.category_filter.setCurrentIndex(pane.category_filter.findData(Category.STRETCH.value))
    pane.duration_filter.setCurrentIndex(pane.duration_filter.findData(300))
    query = LibraryFilter(category=Category.STRETCH, desk_friendly_only=True, max_seconds=300)
    assert pane.current_filter() == query
    ids = pane.visible_ids()
    assert ids == expected_ids(library, query)
    for item_id in ids:
        if item_id in library.exercises:
            exercise = library.exercises[item_id]
            assert exercise.desk_friendly
            assert exercise.category is Category.STRETCH
            assert exercise.total_seconds() <= 300


def test_no_match_shows_a_hint_and_clear_restores(pane: LibraryPane, library: Library) -> None:
    pane.search.setText("zzzz no such exercise")
    assert pane.visible_ids() == []
    assert pane.nothing_found.label.isVisible()
    pane.clear_filters()
    assert len(pane.visible_ids()) == len(library.routines) + len(library.exercises)
    assert pane.list.isVisible()


def test_selecting_an_exercise_shows_its_details(
    qtbot: QtBot, pane: LibraryPane, library: Library
) -> None:
    pane.select_item("glute-bridge")
    exercise = library.exercises["glute-bridge"]
    assert pane.detail.shown == exercise
    texts = [label.text() for label in pane.detail.findChildren(QLabel)]
    assert exercise.name in texts
    for step in exercise.steps:
        assert step in texts
    for caution in exercise.cautions:
        assert f"•  {caution}" in texts
    illustration = pane.detail.findChild(QLabel, "detailIllustration")
    assert illustration is not None
    assert not illustration.pixmap().isNull()
    assert illustration.pixmap().width() >= 300


def test_exercise_detail_links_to_its_routines(pane: LibraryPane, library: Library) -> None:
    routine = next(iter(library.routines.values()))
    exercise_id = routine.items[0].exercise.id
    pane.select_item(exercise_id)
    links = [
        label
        for label in pane.detail.findChildren(QLabel)
        if f'href="{routine.id}"' in label.text()
    ]
    assert links, "the detail view should name the routines that use the exercise"
    links[0].linkActivated.emit(routine.id)
    assert pane.detail.shown == routine


def test_routine_detail_lists_exercises_with_total(pane: LibraryPane, library: Library) -> None:
    routine = library.routines["desk-break"]
    pane.select_item("desk-break")
    assert pane.detail.shown == routine
    text = " ".join(label.text() for label in pane.detail.findChildren(QLabel))
    for item in routine.items:
        assert item.exercise.name in text
    # The total is what the player takes, changeovers included (issue 10: 3:12 against "2 min").
    assert "2 min in all" in text
    timing = pane.detail.findChild(QLabel, "routineTiming")
    assert timing is not None
    assert timing.text().startswith(f"{format_duration(routine.total_seconds)} of exercise and")


def test_routine_detail_lists_every_caution_under_its_exercise(
    pane: LibraryPane, library: Library
) -> None:
    routine = library.routines["core-strength"]
    pane.select_item("core-strength")
    frame = pane.detail.findChild(QFrame, "cautions")
    assert frame is not None
    labels = sorted(
        (label for label in frame.findChildren(QLabel)),
        key=lambda label: label.mapTo(frame, label.rect().topLeft()).y(),
    )
    shown = [label.text() for label in labels]
    expected: list[str] = []
    for exercise in dict.fromkeys(item.exercise for item in routine.items):
        expected.append(exercise.name)
        expected.extend(f"•  {caution}" for caution in exercise.cautions)
    assert shown[1 : 1 + len(expected)] == expected  # after the "Take care" heading


def test_a_floor_routine_is_badged_and_links_the_log_roll(
    pane: LibraryPane, library: Library
) -> None:
    pane.select_item("gentle-floor-stretches")
    text = " ".join(label.text() for label in pane.detail.findChildren(QLabel))
    assert "Floor" in text
    note = pane.detail.findChild(QLabel, "floorNote")
    assert note is not None
    assert "guide:log-roll" in note.text()  # on a bed
    assert "guide:floor-transfer" in note.text()  # down to the floor and up again
    note.linkActivated.emit("guide:log-roll")
    assert pane.detail.shown == library.guides["log-roll"]
    steps = " ".join(label.text() for label in pane.detail.findChildren(QLabel))
    for step in library.guides["log-roll"].steps:
        assert step in steps
    assert pane.detail.findChild(QPushButton, "startButton") is None  # a guide is not played


def test_the_desk_break_is_not_badged_floor(pane: LibraryPane) -> None:
    pane.select_item("desk-break")
    assert pane.detail.findChild(QLabel, "floorNote") is None


def test_an_exercise_names_its_sources(pane: LibraryPane, library: Library) -> None:
    exercise = library.exercises["glute-bridge"]
    pane.select_item("glute-bridge")
    sources = pane.detail.findChild(QLabel, "detailSources")
    assert sources is not None
    for citation in library.cite(exercise.sources):
        assert citation in sources.text()


def test_selecting_a_hidden_item_clears_the_filter(pane: LibraryPane) -> None:
    pane.search.setText("twist")
    pane.select_item("glute-bridge")
    assert pane.search.text() == ""
    assert pane.detail.shown is not None
    assert pane.detail.shown.id == "glute-bridge"


def test_keyboard_navigation_moves_through_items(qtbot: QtBot, pane: LibraryPane) -> None:
    pane.list.setFocus()
    pane.select_item(pane.visible_ids()[0])
    qtbot.keyClick(pane.list, Qt.Key.Key_Down)
    assert pane.detail.shown is not None
    assert pane.detail.shown.id == pane.visible_ids()[1]


def test_ctrl_f_focuses_search(qtbot: QtBot, pane: LibraryPane) -> None:
    pane.activateWindow()
    pane.list.setFocus()
    qtbot.keyClick(pane, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(pane.search.hasFocus, timeout=1000)


def test_broken_file_shows_a_problems_banner(qtbot: QtBot, library: Library) -> None:
    from spinecoach.core.library import Problem

    broken = Library(
        exercises=dict(library.exercises),
        routines=dict(library.routines),
        problems=[Problem("exercises/typo.toml", "difficulty", "must be 1, 2 or 3, not 7")],
    )
    widget = LibraryPane(broken, IllustrationCache(paths.icons_dir() / "exercises"))
    qtbot.addWidget(widget)
    details = widget.findChild(QLabel, "libraryProblemList")
    assert details is not None
    assert "exercises/typo.toml: difficulty: must be 1, 2 or 3, not 7" in details.text()
    assert len(widget.visible_ids()) == len(library.routines) + len(library.exercises)


def row_height(pane: LibraryPane, item_id: str) -> int:
    index = next(
        pane.list.model().index(row, 0)
        for row in range(pane.list.model().rowCount())
        if getattr(pane.list.model().index(row, 0).data(Role.ITEM), "id", None) == item_id
    )
    return pane.list.visualRect(index).height()


def test_a_long_name_takes_two_lines_in_a_narrow_list_instead_of_losing_its_end(
    qtbot: QtBot, pane: LibraryPane
) -> None:
    splitter = pane.findChild(QSplitter, "librarySplitter")
    assert splitter is not None
    splitter.setSizes([800, 300])  # a wide list: every name fits on one line
    qtbot.waitUntil(
        lambda: row_height(pane, "gentle-floor-stretches") == row_height(pane, "walk-and-stretch")
    )
    one_line = row_height(pane, "desk-break")
    splitter.setSizes([330, 770])
    # "Gentle moves for a bad day" wraps onto a second line; a short name keeps its one line.
    qtbot.waitUntil(lambda: row_height(pane, "gentle-floor-stretches") > one_line)
    assert row_height(pane, "walk-and-stretch") == one_line


# --- searching (issue 15) -----------------------------------------------------------------------


def header_texts(pane: LibraryPane) -> list[str]:
    return [
        str(pane.model.index(row).data())
        for row in range(pane.model.rowCount())
        if pane.model.index(row).data(Role.KIND) == "header"
    ]


def test_a_search_is_ranked_and_the_details_show_the_best_match(
    qtbot: QtBot, pane: LibraryPane, library: Library
) -> None:
    qtbot.keyClicks(pane.search, "hip")
    ids = pane.visible_ids()
    assert ids == expected_ids(library, LibraryFilter(text="hip"))
    assert ids[:2] == ["desk-hips-and-back", "hips-and-hamstrings"]  # named for the hips
    exercises = [i for i in ids if i in library.exercises]
    assert exercises[:2] == ["standing-hip-flexor-stretch", "standing-hip-hinge"]
    assert pane.detail.shown is not None and pane.detail.shown.id == ids[0]
    headers = header_texts(pane)
    assert headers[0].startswith("Routines · ")
    assert headers[1].startswith("Exercises · ")
    assert headers[2].startswith("Mentioned in the steps · ")  # the weak matches, apart
    # The best match is an exercise: the exercises come first.
    pane.search.setText("piriformis")
    assert pane.visible_ids()[0] == "piriformis-stretch"
    assert header_texts(pane)[0].startswith("Exercises")


def test_the_details_never_show_what_the_search_or_a_filter_took_away(
    pane: LibraryPane,
) -> None:
    pane.select_item("glute-bridge")
    pane.search.setText("neck")
    shown = pane.detail.shown
    assert shown is not None and shown.id == pane.visible_ids()[0] != "glute-bridge"
    pane.select_item("neck-side-stretch")
    pane.search.setText("neck side")  # still listed: it stays
    assert pane.detail.shown is not None and pane.detail.shown.id == "neck-side-stretch"
    pane.desk_filter.setChecked(True)  # a filter moves it along too, if it hides it
    assert pane.detail.shown is not None and pane.detail.shown.id in pane.visible_ids()
    pane.search.setText("zzzz")
    assert pane.detail.shown is None
    empty = pane.detail.findChild(QLabel, "detailEmpty")
    assert empty is not None and empty.text().startswith("Nothing to show")
    pane.clear_filters()  # the search first, then the filter: the first result is shown
    assert pane.detail.shown is not None and pane.detail.shown.id in pane.visible_ids()


def test_sciatica_brings_the_gentle_options_and_when_to_see_a_clinician(
    qtbot: QtBot, pane: LibraryPane
) -> None:
    from spinecoach.core.search_words import SCIATICA_IDS, SCIATICA_NOTE

    pane.search.setText("sciatica")
    assert set(pane.visible_ids()) == SCIATICA_IDS
    assert pane.detail.note == SCIATICA_NOTE.english
    note = pane.detail.findChild(QLabel, "detailSearchNoteText")
    assert note is not None and "GP or physiotherapist" in note.text()
    qtbot.waitUntil(note.isVisible, timeout=1000)
    pane.select_item("knee-to-chest")  # the note stays atop every result's page
    assert pane.detail.findChild(QLabel, "detailSearchNoteText") is not None
    safety = pane.detail.findChild(QPushButton, "detailSearchNoteSafety")
    assert safety is not None
    with qtbot.waitSignal(pane.safety_requested, timeout=1000):
        safety.click()
    pane.search.setText("neck")
    assert pane.detail.note == ""
    assert pane.detail.findChild(QLabel, "detailSearchNoteText") is None
    pane.search.setText("bladder")  # a sign for a doctor: no exercises, the urgent advice
    assert pane.visible_ids() == []
    assert "urgent medical help" in pane.detail.note
    assert not any(button.isVisible() for button in pane.nothing_found.suggestion_buttons)


def test_nothing_found_says_what_to_try(qtbot: QtBot, pane: LibraryPane) -> None:
    pane.search.setText("neck zzzz")
    assert pane.visible_ids() == []
    assert pane.nothing_found.label.isVisible()
    assert pane.nothing_found.label.text() == "Nothing matches “neck zzzz”."
    assert pane.nothing_found.advice.text() == "Nothing mentions “zzzz”: try without it."
    assert not pane.nothing_found.clear_button.isVisible()  # no filter to clear
    words = [
        button.text() for button in pane.nothing_found.suggestion_buttons if button.isVisible()
    ]
    assert words[:3] == ["lower back", "neck", "hips"]
    qtbot.mouseClick(pane.nothing_found.suggestion_buttons[1], Qt.MouseButton.LeftButton)
    assert pane.search.text() == "neck"
    assert pane.visible_ids()
    # A filter that hides the matches: how many, and a button that clears it.
    pane.position_filter.setCurrentIndex(pane.position_filter.findData(Position.LYING_ON_BACK))
    assert pane.visible_ids() == []
    assert "match the words but not the filters" in pane.nothing_found.advice.text()
    assert pane.nothing_found.clear_button.isVisible()
    qtbot.mouseClick(pane.nothing_found.clear_button, Qt.MouseButton.LeftButton)
    assert pane.position_filter.currentIndex() == 0
    assert pane.list.isVisible()


def test_down_in_the_search_box_moves_into_the_results_and_up_comes_back(
    qtbot: QtBot, pane: LibraryPane
) -> None:
    pane.activateWindow()
    pane.focus_search()
    qtbot.waitUntil(pane.search.hasFocus, timeout=1000)
    qtbot.keyClicks(pane.search, "neck")
    first = pane.visible_ids()[0]
    qtbot.keyClick(pane.search, Qt.Key.Key_Down)
    assert pane.list.hasFocus()
    assert pane.list.currentIndex().data(Role.ITEM).id == first  # the best match, not the 2nd
    qtbot.keyClick(pane.list, Qt.Key.Key_Down)
    second = pane.detail.shown
    assert second is not None and second.id == pane.visible_ids()[1]
    qtbot.keyClick(pane.list, Qt.Key.Key_Up)
    qtbot.keyClick(pane.list, Qt.Key.Key_Up)  # above the first result: back to the search
    assert pane.search.hasFocus()
    assert pane.search.text() == "neck"
    qtbot.keyClick(pane.search, Qt.Key.Key_Return)  # Enter goes to the results too
    assert pane.list.hasFocus()
    with qtbot.waitSignal(pane.start_requested, timeout=1000) as started:
        qtbot.keyClick(pane.list, Qt.Key.Key_Return)  # and Enter there starts it
    assert started.args[0].id == first


def test_down_with_nothing_found_stays_in_the_search_box(qtbot: QtBot, pane: LibraryPane) -> None:
    pane.activateWindow()
    pane.focus_search()
    qtbot.waitUntil(pane.search.hasFocus, timeout=1000)
    qtbot.keyClicks(pane.search, "zzzz")
    qtbot.keyClick(pane.search, Qt.Key.Key_Down)
    assert pane.search.hasFocus()


def test_an_item_picked_as_the_pane_is_built_keeps_its_header_in_view(
    qtbot: QtBot, library: Library
) -> None:
    """Picked before the list has its real size (a link from History, a programme opened at
    start), the first routine is shown with the header above it, as when picked later.

    The list used to be scrolled past the header: made inside the pane, it was 100 x 30 until
    the layout ran, and the pick scrolled the row into that.
    """
    from PySide6.QtWidgets import QVBoxLayout, QWidget

    holder = QWidget()
    qtbot.addWidget(holder)
    holder.resize(1100, 700)
    layout = QVBoxLayout(holder)
    holder.show()
    qtbot.waitExposed(holder)
    pane = LibraryPane(library, IllustrationCache(paths.icons_dir() / "exercises"), holder)
    layout.addWidget(pane)
    first = pane.visible_ids()[0]
    pane.select_item(first)
    qtbot.waitUntil(lambda: pane.list.viewport().height() > 300)
    qtbot.wait(50)
    assert pane.list.verticalScrollBar().value() == 0
    assert pane.list.visualRect(pane.model.index(0)).top() == 0  # the header row, in view


def test_tab_goes_through_the_pane_in_the_order_it_is_shown(qtbot: QtBot, library: Library) -> None:
    """Search, filters, the Undo bar (above the buttons), the routine buttons, the list, the
    details: the keyboard follows the eye. Tab follows the order the widgets are made in the
    pane; making them inside it (to style them once) once put Undo after Export."""
    from PySide6.QtWidgets import QVBoxLayout, QWidget

    holder = QWidget()
    qtbot.addWidget(holder)
    holder.resize(1100, 700)
    layout = QVBoxLayout(holder)
    pane = LibraryPane(library, IllustrationCache(paths.icons_dir() / "exercises"), holder)
    layout.addWidget(pane)
    for button in pane.routine_buttons.buttons:
        button.setEnabled(True)  # as once the data file is open
    pane.routine_buttons.undo_bar.show()  # as after a routine was deleted
    holder.show()
    qtbot.waitExposed(holder)
    order: list[str] = []
    widget = pane.search.nextInFocusChain()
    while widget is not None and widget is not pane.search and len(order) < 100:
        if (
            widget.isVisible()
            and widget.isEnabled()
            and widget.focusPolicy() & Qt.FocusPolicy.TabFocus
        ):
            order.append(widget.objectName())
        widget = widget.nextInFocusChain()
    assert order == [
        "positionFilter",
        "categoryFilter",
        "durationFilter",
        "deskFilter",
        "libraryUndoButton",
        "newRoutineButton",
        "duplicateRoutineButton",
        "editRoutineButton",
        "deleteRoutineButton",
        "exportRoutineButton",
        "libraryList",
        "exerciseDetail",
    ]


def test_the_details_are_built_when_something_is_picked_and_look_the_same_before(
    qtbot: QtBot, library: Library
) -> None:
    """Issue 12: a light stand-in holds the details' place until the person picks something."""
    from PySide6.QtWidgets import QScrollArea

    from spinecoach.core.session_settings import SessionSettings
    from spinecoach.ui.library.detail_view import DetailView

    pane = LibraryPane(library, IllustrationCache(paths.icons_dir() / "exercises"))
    qtbot.addWidget(pane)
    pane.resize(1100, 700)
    pane.show()
    qtbot.waitExposed(pane)
    splitter = pane.findChild(QSplitter, "librarySplitter")
    assert splitter is not None
    assert pane.findChildren(DetailView) == []  # nothing picked: nothing built for it
    stand_in = pane.findChild(QScrollArea, "exerciseDetail")
    assert stand_in is not None and splitter.isAncestorOf(stand_in)
    assert stand_in.accessibleName() == "Exercise details"
    before, place, divider = stand_in.grab().toImage(), stand_in.geometry(), splitter.sizes()
    pane.set_session_settings(SessionSettings(get_ready_seconds=9))  # kept until it is built

    built = pane.detail  # as picking something builds it, here in its empty state
    qtbot.waitUntil(built.isVisible)
    assert splitter.isAncestorOf(built)
    assert built.geometry() == place
    assert splitter.sizes() == divider  # the divider does not move when the details arrive
    assert built.grab().toImage() == before  # the same picture: the swap is not seen
    assert built.session_settings.get_ready_seconds == 9

    pane.select_item("glute-bridge")
    assert pane.detail is built and built.shown is not None
    assert built.shown.id == "glute-bridge"
    assert len(pane.findChildren(DetailView)) == 1


# --- how a row is drawn -------------------------------------------------------------------------


def card_colour(pane: LibraryPane, item_id: str) -> QColor:
    """The colour of a row's card, just inside its left edge (left of the thumbnail)."""
    index = next(
        pane.model.index(row, 0)
        for row in range(pane.model.rowCount())
        if getattr(pane.model.index(row, 0).data(Role.ITEM), "id", None) == item_id
    )
    pane.list.scrollTo(index)
    rect = pane.list.visualRect(index)
    assert pane.list.viewport().rect().contains(rect.center())
    image = pane.list.grab().toImage()
    frame = pane.list.frameWidth()
    return image.pixelColor(rect.left() + frame + 7, rect.center().y() + frame)


def test_the_selected_row_is_drawn_highlighted_and_the_others_plain(
    qtbot: QtBot, pane: LibraryPane
) -> None:
    """The list's selection decides the highlight, as the list marks it (issue 12 reads it so)."""
    highlight = pane.list.palette().color(QPalette.ColorRole.Highlight)
    plain = card_colour(pane, "walk-and-stretch")
    assert plain != highlight
    pane.select_item("desk-break")
    qtbot.waitUntil(lambda: card_colour(pane, "desk-break") == highlight)
    assert card_colour(pane, "walk-and-stretch") == plain


def test_a_row_under_the_mouse_is_marked_only_while_the_mouse_is_over_the_list(
    qtbot: QtBot, pane: LibraryPane
) -> None:
    """The list's hover mark is honoured while the list is under the mouse, and only then."""
    from PySide6.QtWidgets import QStyle, QStyleOptionViewItem

    from spinecoach.ui.library.delegate import LibraryDelegate

    delegate = pane.list.itemDelegate()
    assert isinstance(delegate, LibraryDelegate)
    index = pane.model.index(1, 0)
    option = QStyleOptionViewItem()
    option.widget = pane.list
    option.rect = pane.list.visualRect(index)
    option.state = QStyle.StateFlag.State_Enabled | QStyle.StateFlag.State_MouseOver
    image = QImage(option.rect.size(), QImage.Format.Format_ARGB32)

    def drawn_card() -> QColor:
        image.fill(QColor("white"))
        painter = QPainter(image)
        painter.translate(-option.rect.topLeft())
        delegate.paint(painter, option, index)
        painter.end()
        return image.pixelColor(7, option.rect.height() // 2)

    away = drawn_card()
    pane.list.setAttribute(Qt.WidgetAttribute.WA_UnderMouse, True)
    over = drawn_card()
    assert over != away
    option.state = QStyle.StateFlag.State_Enabled
    assert drawn_card() == away
