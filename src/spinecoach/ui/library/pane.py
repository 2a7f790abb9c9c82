"""The Library area: search and filters above a list of routines and exercises, details beside."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFrame,
    QLabel,
    QLineEdit,
    QListView,
    QSplitter,
    QStackedLayout,
    QVBoxLayout,
    QWidget,
)

from spinecoach.core.catalog import LibraryFilter, SearchResult, browse
from spinecoach.core.content_words import duration_text
from spinecoach.core.exercise import (
    Category,
    Exercise,
    Position,
    Routine,
    single_exercise_routine,
)
from spinecoach.core.library import Library
from spinecoach.ui.library.delegate import LibraryDelegate
from spinecoach.ui.library.detail_empty import empty_detail
from spinecoach.ui.library.filter_controls import category_filter, position_filter
from spinecoach.ui.library.illustrations import IllustrationCache
from spinecoach.ui.library.model import LibraryListModel, Role
from spinecoach.ui.library.routine_buttons import RoutineButtons
from spinecoach.ui.library.search_keys import SearchKeys
from spinecoach.ui.widgets.callout import callout
from spinecoach.ui.widgets.page_scroll import scrolling_page
from spinecoach.ui.widgets.reflow import WrappingRow

if TYPE_CHECKING:
    from spinecoach.core.exercise import Guide, SpinalMovement
    from spinecoach.core.search_index import SearchIndex
    from spinecoach.core.session_settings import SessionSettings
    from spinecoach.ui.library.detail_view import DetailView
    from spinecoach.ui.library.nothing_found import NothingFoundPage
    from spinecoach.ui.library.own_routines import OwnRoutines

# Choices of the "length" filter: the longest total in seconds (None = any).
DURATION_CHOICES: tuple[int | None, ...] = (None, 120, 300, 600, 900, 1800)


class LibraryPane(QWidget):
    """Browse, search and filter the library; show the details of the selected item.

    Categories, positions, targets and durations are shown in the library's language
    (`library.words`), and the search finds an exercise by those words as well as by the
    English ones `core.search_words` knows. With nothing typed the filters alone decide the
    list (`core.catalog.browse`); typed text ranks the results (`core.search_index`); the
    details follow the list, so they never show what the search or a filter took away; and a
    search that finds nothing says what would.

    Signals:
        safety_requested(): the person asked to read the safety notes.
        start_requested(object): play this Routine (an exercise arrives wrapped as one).
        export_requested(object): write this Routine to a programme file (to share it).
    """

    safety_requested = Signal()
    start_requested = Signal(object)
    export_requested = Signal(object)

    def __init__(
        self, library: Library, illustrations: IllustrationCache, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("libraryPane")
        self.setAccessibleName(self.tr("Library"))
        self._library = library
        self._illustrations = illustrations
        words = library.words

        # Made inside the pane (`_build_layout` says why).
        self.search = QLineEdit(self)
        self.search.setObjectName("librarySearch")
        self.search.setAccessibleName(self.tr("Search the library"))
        self.search.setPlaceholderText(self.tr("Search by name, body area or step…"))
        self.search.setClearButtonEnabled(True)

        self.position_filter = position_filter(words, "positionFilter", self)
        self.category_filter = category_filter(words, "categoryFilter", self)

        self.duration_filter = QComboBox(self)
        self.duration_filter.setObjectName("durationFilter")
        self.duration_filter.setAccessibleName(self.tr("Maximum length"))
        for seconds in DURATION_CHOICES:
            if seconds is None:
                self.duration_filter.addItem(self.tr("Any length"), seconds)
            else:
                longest = duration_text(seconds, words)
                self.duration_filter.addItem(
                    self.tr("Up to {duration}").format(duration=longest), seconds
                )

        self.desk_filter = QCheckBox(self.tr("Desk-friendly only"), self)
        self.desk_filter.setObjectName("deskFilter")
        self.desk_filter.setToolTip(
            self.tr("Only what you can do beside your desk, without the floor")
        )

        self.model = LibraryListModel(words=words)
        #: Every routine listed: the programme's, the person's and the shipped ones.
        self._routines: list[Routine] = list(library.routines.values())
        #: The search over them, built at the first words typed (`search_index`).
        self._index: SearchIndex | None = None
        self.result = SearchResult()
        # Made alone, unlike the controls (`_build_layout`): until the layout gives it its real
        # size a list made alone is 640 x 480, one made inside the pane 100 x 30, and an item
        # picked before then (a link from History) was scrolled into those 30 pixels.
        self.list = QListView()
        self.list.setObjectName("libraryList")
        self.list.setAccessibleName(self.tr("Routines and exercises"))
        self.list.setModel(self.model)
        self._delegate = LibraryDelegate(illustrations, self.list)
        self.list.setItemDelegate(self._delegate)
        self.list.setMouseTracking(True)
        self.list.setUniformItemSizes(False)
        self.list.setVerticalScrollMode(QListView.ScrollMode.ScrollPerPixel)
        self.list.setMinimumWidth(320)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setResizeMode(QListView.ResizeMode.Adjust)

        self._nothing_found: NothingFoundPage | None = None  # built when first needed

        # The details are built when something is first picked (`detail`); until then their
        # place shows the same hint in a light stand-in (issue 12: ~5 ms before the list).
        self._detail: DetailView | None = None
        self._detail_placeholder = empty_detail()
        self._detail_settings: SessionSettings | None = None
        self._detail_avoid: frozenset[SpinalMovement] = frozenset()

        self.problems = self._problems_banner(library)
        self.routine_buttons = RoutineButtons(self.selected_routine, self)
        self.routine_buttons.export_requested.connect(self.export_requested)
        self._build_layout()

        self.search.textChanged.connect(self._apply_filter)
        self.search.returnPressed.connect(self.focus_results)
        self._keys = SearchKeys(self)
        self.search.installEventFilter(self._keys)
        self.list.installEventFilter(self._keys)
        self.position_filter.currentIndexChanged.connect(self._apply_filter)
        self.category_filter.currentIndexChanged.connect(self._apply_filter)
        self.duration_filter.currentIndexChanged.connect(self._apply_filter)
        self.desk_filter.toggled.connect(self._apply_filter)
        self.list.selectionModel().currentChanged.connect(self._on_current_changed)
        self.list.activated.connect(lambda index: self._request_start(index.data(Role.ITEM)))
        QShortcut(QKeySequence.StandardKey.Find, self, self.focus_search)
        undo = QShortcut(QKeySequence.StandardKey.Undo, self, self.routine_buttons.undo)
        undo.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self._apply_filter()

    # --- the person's own routines ------------------------------------------------------------

    def use_routine_actions(self, actions: OwnRoutines) -> None:
        """The own-routine buttons work from now on (the data file is open)."""
        self.routine_buttons.use(actions)

    @property
    def routine_actions(self) -> OwnRoutines | None:
        """The own-routine actions, once the data file is open."""
        return self.routine_buttons.actions

    def set_routines(self, routines: Iterable[Routine], programme_title: str | None = None) -> None:
        """List these routines (programme, own, shipped); the details follow a changed one."""
        self._routines = list(routines)
        self.model.programme_title = programme_title
        self.model.forget_subtitles()
        self._index = None
        shown = self.shown
        self._apply_filter()
        if isinstance(shown, Routine):
            fresh = next((r for r in self._routines if r.id == shown.id), None)
            if fresh is not None and fresh != self.shown:
                self.detail.show_routine(fresh)
        self.routine_buttons.refresh()

    @property
    def rows_painted(self) -> int:
        """How many list rows have been drawn so far (0 until the list really shows)."""
        return self._delegate.rows_painted

    @property
    def routines(self) -> list[Routine]:
        """Every routine the pane lists (before the search and filters)."""
        return list(self._routines)

    @property
    def search_index(self) -> SearchIndex:
        """The search over what the pane lists, built when first needed.

        Not before the first list: with no words typed the filters alone decide it
        (`core.catalog.browse`), and the search's words and index cost ~4 ms (issue 12).
        """
        if self._index is None:
            from spinecoach.core.search_index import SearchIndex

            self._index = SearchIndex(
                self._routines,
                self._library.exercises.values(),
                words=self._library.words,
                desk_word=self.model.desk_badge(),
            )
        return self._index

    def _search(self, query: LibraryFilter) -> SearchResult:
        """What `query` lists: the search's answer, or the filters' alone when nothing is typed.

        Both list the same in that case; the search adds its suggestions when nothing passes.
        """
        if not query.has_words:
            listed = browse(self._routines, self._library.exercises.values(), query)
            if listed.count:
                return listed
        return self.search_index.search(query)

    def selected_routine(self) -> Routine | None:
        """The routine shown in the details, if a routine is shown."""
        shown = self.shown
        return shown if isinstance(shown, Routine) else None

    # --- the details --------------------------------------------------------------------------

    @property
    def detail(self) -> DetailView:
        """The details of the item picked (built now, in the stand-in's place, if not yet)."""
        if self._detail is None:
            from spinecoach.ui.library.detail_view import DetailView

            detail = DetailView(self._illustrations, self._library)
            if self._detail_settings is not None:
                detail.set_session_settings(self._detail_settings)
            detail.set_avoided(self._detail_avoid)
            detail.safety_requested.connect(self.safety_requested)
            detail.item_link_activated.connect(self.select_item)
            detail.start_requested.connect(self._request_start)
            # Inside the same slot: the splitter keeps its child and the divider does not move
            # (given a new child, it shared the room anew by the details' size hints).
            placeholder = self._detail_placeholder
            slot = self._detail_slot.layout()
            assert slot is not None
            slot.replaceWidget(placeholder, detail)
            placeholder.hide()  # gone from the screen now, from memory at the next turn
            placeholder.deleteLater()
            self._detail = detail
        return self._detail

    @property
    def shown(self) -> Exercise | Routine | Guide | None:
        """What the details show (None before anything is picked)."""
        return None if self._detail is None else self._detail.shown

    def set_session_settings(self, settings: SessionSettings) -> None:
        """The player's timings, so a routine's total in the details is what it will take."""
        self._detail_settings = settings
        if self._detail is not None:
            self._detail.set_session_settings(settings)

    def set_avoided(self, avoid: frozenset[SpinalMovement]) -> None:
        """The movements that make the person's pain worse: the list and details mark them."""
        self.model.set_avoided(avoid)
        self._detail_avoid = avoid
        if self._detail is not None:
            self._detail.set_avoided(avoid)

    def _build_layout(self) -> None:
        # Made from the pane down, each container inside its parent from the start: a widget
        # made alone and then put into the styled window is styled again with everything in it
        # (the application's style sheet), so the list was styled four times over before it
        # showed, once per container it was moved into (~4 ms, issue 12).
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 18, 20, 18)
        layout.setSpacing(12)
        layout.addWidget(self.search)

        # Wraps onto a second line when the window is narrow or the text large (200 %).
        filters = WrappingRow(spacing=8)
        layout.addLayout(filters)
        filters.addWidget(self.position_filter)
        filters.addWidget(self.category_filter)
        filters.addWidget(self.duration_filter)
        filters.addWidget(self.desk_filter)
        if self.problems is not None:
            layout.addWidget(self.problems)
        layout.addWidget(self.routine_buttons.undo_bar)

        splitter = self._splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.setObjectName("librarySplitter")
        splitter.setChildrenCollapsible(False)
        layout.addWidget(splitter, 1)

        left = QWidget(splitter)
        splitter.addWidget(left)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        button_row = WrappingRow(spacing=6)
        left_layout.addLayout(button_row)
        for button in self.routine_buttons.buttons:
            button_row.addWidget(button)
        list_stack_holder = QWidget(left)
        left_layout.addWidget(list_stack_holder, 1)
        self._list_stack = QStackedLayout(list_stack_holder)
        self._list_stack.addWidget(self.list)

        self._detail_slot = QWidget(splitter)
        self._detail_slot.setObjectName("detailSlot")
        splitter.addWidget(self._detail_slot)
        slot = QVBoxLayout(self._detail_slot)
        slot.setContentsMargins(0, 0, 0, 0)
        slot.addWidget(self._detail_placeholder)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        splitter.setSizes([380, 620])

    def _problems_banner(self, library: Library) -> QFrame | None:
        if not library.problems:
            return None
        frame, box = callout("libraryProblems", "problems", spacing=4)
        count = len(library.problems)
        heading = QLabel(
            self.tr(
                "%n library file(s) could not be loaded and (was|were) skipped. "
                "Everything else works.",
                "",
                count,
            )
        )
        heading.setWordWrap(True)
        heading.setProperty("role", "heading")
        box.addWidget(heading)
        details = QLabel("\n".join(str(problem) for problem in library.problems))
        details.setObjectName("libraryProblemList")
        details.setWordWrap(True)
        details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        box.addWidget(details)
        return frame

    def current_filter(self) -> LibraryFilter:
        """The filter the controls describe right now."""
        position = self.position_filter.currentData()
        category = self.category_filter.currentData()
        return LibraryFilter(
            text=self.search.text(),
            position=Position(position) if position else None,
            category=Category(category) if category else None,
            desk_friendly_only=self.desk_filter.isChecked(),
            max_seconds=self.duration_filter.currentData(),
        )

    def visible_ids(self) -> list[str]:
        """Ids of the routines and exercises listed now, in order (headers left out)."""
        ids = []
        for row in range(self.model.rowCount()):
            item = self.model.row_item(row)
            if isinstance(item, Exercise | Routine):
                ids.append(item.id)
        return ids

    def focus_search(self, *, select: bool = True) -> None:
        """Put the cursor in the search box (Ctrl+F; its text selected, to type anew)."""
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        if select:
            self.search.selectAll()

    def search_for(self, text: str) -> None:
        """Search for `text` (a suggested word), as if typed."""
        self.search.setText(text)
        self.search.setFocus(Qt.FocusReason.OtherFocusReason)

    def focus_results(self) -> bool:
        """Move the keyboard into the list, on the item shown (else the best match)."""
        if self.model.first_item_row() is None:
            return False
        current = self.list.currentIndex()
        if not current.isValid() or self.model.row_of(getattr(self.shown, "id", "")) is None:
            self._select_row(self.model.first_item_row())
        self.list.setFocus(Qt.FocusReason.OtherFocusReason)
        return True

    def at_first_result(self) -> bool:
        """Whether the list's current row is its first routine or exercise."""
        first = self.model.first_item_row()
        return first is not None and self.list.currentIndex().row() == first

    def clear_filters(self) -> None:
        """Show everything again."""
        self.search.clear()
        self.position_filter.setCurrentIndex(0)
        self.category_filter.setCurrentIndex(0)
        self.duration_filter.setCurrentIndex(0)
        self.desk_filter.setChecked(False)

    def select_item(self, item_id: str) -> None:
        """Select a routine or exercise by id, clearing filters if they hide it."""
        row = self.model.row_of(item_id)
        if row is None:
            self.clear_filters()
            row = self.model.row_of(item_id)
        if row is None:
            return
        self._select_row(row)

    def _select_row(self, row: int | None) -> None:
        if row is None:
            return
        index = self.model.index(row)
        self.list.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect
        )
        self.list.scrollTo(index)

    @property
    def library(self) -> Library:
        """The library this pane shows."""
        return self._library

    @property
    def illustrations(self) -> IllustrationCache:
        """The cache that draws this pane's pictures."""
        return self._illustrations

    def set_illustration_palette(self, palette: str) -> None:
        """Redraw thumbnails and details in the theme's palette (if it changed)."""
        if palette == self._illustrations.palette:
            return
        self._illustrations.set_palette(palette)
        self.list.viewport().update()
        if self._detail is not None:
            self._detail.refresh()

    def _apply_filter(self) -> None:
        query = self.current_filter()
        result = self._search(query)
        self.result = result
        self.model.set_content(
            result.routines,
            result.exercises,
            routines_first=result.routines_first,
            exercises_in_steps=result.exercises_in_steps,
        )
        found = self.model.rowCount() > 0
        self._show_notes(result)
        if found:
            self._list_stack.setCurrentWidget(self.list)
        else:
            self.nothing_found.explain(query, result)
            self._list_stack.setCurrentIndex(1)
        self._follow_the_list(query)
        self.routine_buttons.refresh()

    @property
    def nothing_found(self) -> NothingFoundPage:
        """What shows in the list's place when nothing matches (built on first use)."""
        if self._nothing_found is None:
            from spinecoach.ui.library.nothing_found import NothingFoundPage

            page = NothingFoundPage(self.search_index.suggestions)
            page.clear_requested.connect(self.clear_filters)
            page.search_requested.connect(self.search_for)
            self._list_stack.addWidget(scrolling_page(page, "libraryNothingFoundPage"))
            self._nothing_found = page
        return self._nothing_found

    def _follow_the_list(self, query: LibraryFilter) -> None:
        """The details show what the list shows: the item still listed, else the best match."""
        shown = self.shown
        row = self.model.row_of(shown.id) if isinstance(shown, Exercise | Routine) else None
        if row is None and shown is None and query.is_empty:
            if self._detail is not None and self._detail.nothing_found:
                self._detail.show_empty()  # everything is listed again: pick one
            return  # nothing picked yet, nothing searched: the hint stays
        if row is None:
            row = self.model.first_item_row()
        if row is None:
            self.list.selectionModel().clearCurrentIndex()
            self.detail.show_empty(nothing_found=True)
            return
        self._select_row(row)

    def _show_notes(self, result: SearchResult) -> None:
        """Advice the search brings goes atop the details, which scroll (it is long at 200 %)."""
        note = "\n\n".join(result.notes)
        if note or self._detail is not None:  # no advice, nothing to say: none built for it
            self.detail.set_note(note, urgent=result.urgent)

    def _request_start(self, item: object) -> None:
        if isinstance(item, Exercise):
            self.start_requested.emit(single_exercise_routine(item))
        elif isinstance(item, Routine):
            self.start_requested.emit(item)

    def _on_current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if not current.isValid():
            return
        item = current.data(Role.ITEM)
        if item is not None and item == self.shown:
            return  # the same item again (the list was refilled): the page stays as it is
        if isinstance(item, Exercise):
            routines = [(r.id, r.name) for r in self._routines if item.id in r.exercise_ids]
            self.detail.show_exercise(item, routines)
        elif isinstance(item, Routine):
            self.detail.show_routine(item)
        self.routine_buttons.refresh()
