"""The Library area: search and filters above a list of routines and exercises, details beside."""

from __future__ import annotations

import re
from dataclasses import replace

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

from spinecoach.core.catalog import (
    LibraryFilter,
    browsing_order_exercises,
    browsing_order_routines,
    exercise_matches,
    filter_routines,
)
from spinecoach.core.content_words import duration_text, label, term
from spinecoach.core.exercise import (
    Category,
    Exercise,
    Position,
    Routine,
    single_exercise_routine,
)
from spinecoach.core.library import Library
from spinecoach.ui.library.delegate import LibraryDelegate
from spinecoach.ui.library.detail_view import DetailView
from spinecoach.ui.library.illustrations import IllustrationCache
from spinecoach.ui.library.model import LibraryListModel, Role
from spinecoach.ui.widgets.callout import callout
from spinecoach.ui.widgets.reflow import WrappingRow

# Choices of the "length" filter: the longest total in seconds (None = any).
DURATION_CHOICES: tuple[int | None, ...] = (None, 120, 300, 600, 900, 1800)

# A word of the search, as `core.catalog` splits text into words.
_WORD = re.compile(r"[^\W_]+")


class LibraryPane(QWidget):
    """Browse, search and filter the library; show the details of the selected item.

    Categories, positions, targets and durations are shown in the library's language
    (`library.words`), and the search finds an exercise by those words as well as by the
    English ones `core.catalog` knows.

    Signals:
        safety_requested(): the person asked to read the safety notes.
        start_requested(object): play this Routine (an exercise arrives wrapped as one).
    """

    safety_requested = Signal()
    start_requested = Signal(object)

    def __init__(
        self, library: Library, illustrations: IllustrationCache, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("libraryPane")
        self.setAccessibleName(self.tr("Library"))
        self._library = library
        self._illustrations = illustrations
        words = library.words
        self._routines = browsing_order_routines(list(library.routines.values()))
        self._exercises = browsing_order_exercises(list(library.exercises.values()))

        self.search = QLineEdit()
        self.search.setObjectName("librarySearch")
        self.search.setAccessibleName(self.tr("Search the library"))
        self.search.setPlaceholderText(self.tr("Search by name, body area or step…"))
        self.search.setClearButtonEnabled(True)

        self.position_filter = QComboBox()
        self.position_filter.setObjectName("positionFilter")
        self.position_filter.setAccessibleName(self.tr("Position"))
        self.position_filter.addItem(self.tr("Any position"), None)
        for position in Position:
            self.position_filter.addItem(label(position, words), position.value)

        self.category_filter = QComboBox()
        self.category_filter.setObjectName("categoryFilter")
        self.category_filter.setAccessibleName(self.tr("Kind of exercise"))
        self.category_filter.addItem(self.tr("Any kind"), None)
        for category in Category:
            self.category_filter.addItem(label(category, words), category.value)

        self.duration_filter = QComboBox()
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

        self.desk_filter = QCheckBox(self.tr("Desk-friendly only"))
        self.desk_filter.setObjectName("deskFilter")
        self.desk_filter.setToolTip(
            self.tr("Only what you can do beside your desk, without the floor")
        )

        self.model = LibraryListModel(words=words)
        # The words the list and the details show for each exercise, which the search finds.
        self._shown_words = {
            exercise.id: self._words_shown_for(exercise) for exercise in self._exercises
        }
        self.list = QListView()
        self.list.setObjectName("libraryList")
        self.list.setAccessibleName(self.tr("Routines and exercises"))
        self.list.setModel(self.model)
        self.list.setItemDelegate(LibraryDelegate(illustrations, self.list))
        self.list.setMouseTracking(True)
        self.list.setUniformItemSizes(False)
        self.list.setVerticalScrollMode(QListView.ScrollMode.ScrollPerPixel)
        self.list.setMinimumWidth(320)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setResizeMode(QListView.ResizeMode.Adjust)

        self.empty_label = QLabel(self.tr("Nothing matches.\nTry fewer words or clear a filter."))
        self.empty_label.setObjectName("libraryEmpty")
        self.empty_label.setProperty("role", "muted")
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setWordWrap(True)  # else its longest line sets the list's least width

        self.detail = DetailView(illustrations, library)
        self.detail.safety_requested.connect(self.safety_requested)
        self.detail.item_link_activated.connect(self.select_item)
        self.detail.start_requested.connect(self._request_start)

        self.problems = self._problems_banner(library)
        self._build_layout()

        self.search.textChanged.connect(self._apply_filter)
        self.position_filter.currentIndexChanged.connect(self._apply_filter)
        self.category_filter.currentIndexChanged.connect(self._apply_filter)
        self.duration_filter.currentIndexChanged.connect(self._apply_filter)
        self.desk_filter.toggled.connect(self._apply_filter)
        self.list.selectionModel().currentChanged.connect(self._on_current_changed)
        self.list.activated.connect(lambda index: self._request_start(index.data(Role.ITEM)))
        QShortcut(QKeySequence.StandardKey.Find, self, self.focus_search)
        self._apply_filter()

    def _build_layout(self) -> None:
        # Wraps onto a second line when the window is narrow or the text large (200 %).
        filters = WrappingRow(spacing=8)
        filters.addWidget(self.position_filter)
        filters.addWidget(self.category_filter)
        filters.addWidget(self.duration_filter)
        filters.addWidget(self.desk_filter)

        list_stack_holder = QWidget()
        self._list_stack = QStackedLayout(list_stack_holder)
        self._list_stack.addWidget(self.list)
        self._list_stack.addWidget(self.empty_label)

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(list_stack_holder)

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.setObjectName("librarySplitter")
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(left)
        splitter.addWidget(self.detail)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        splitter.setSizes([380, 620])

        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 18, 20, 18)
        layout.setSpacing(12)
        layout.addWidget(self.search)
        layout.addLayout(filters)
        if self.problems is not None:
            layout.addWidget(self.problems)
        layout.addWidget(splitter, 1)

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

    def focus_search(self) -> None:
        """Put the cursor in the search box (Ctrl+F)."""
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

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
        self.detail.refresh()

    def _apply_filter(self) -> None:
        query = self.current_filter()
        shown = self.detail.shown
        routines = filter_routines(self._routines, query)
        exercises = [e for e in self._exercises if self._exercise_matches(e, query)]
        self.model.set_content(routines, exercises)
        self._list_stack.setCurrentIndex(0 if self.model.rowCount() else 1)
        if shown is not None and self.model.row_of(shown.id) is not None:
            index = self.model.index(self.model.row_of(shown.id) or 0)
            self.list.selectionModel().setCurrentIndex(
                index, QItemSelectionModel.SelectionFlag.ClearAndSelect
            )

    def _words_shown_for(self, exercise: Exercise) -> tuple[str, ...]:
        """The words shown for an exercise beside its own text, as the search compares them."""
        words = self._library.words
        shown = [label(exercise.category, words), term(exercise.position, words)]
        shown += [term(target, words) for target in exercise.targets]
        if exercise.desk_friendly:
            shown.append(self.model.desk_badge())
        return tuple(_WORD.findall(" ".join(shown).casefold()))

    def _exercise_matches(self, exercise: Exercise, query: LibraryFilter) -> bool:
        """`core.catalog`'s rules, with the words shown in the library's language found too.

        A word of the search that begins one of those words is met; the rest must match as
        `core.catalog` says (all of them: the same as one text holding both).
        """
        shown = self._shown_words[exercise.id]
        rest = [
            word
            for word in _WORD.findall(query.text.casefold())
            if not any(candidate.startswith(word) for candidate in shown)
        ]
        return exercise_matches(exercise, replace(query, text=" ".join(rest)))

    def _request_start(self, item: object) -> None:
        if isinstance(item, Exercise):
            self.start_requested.emit(single_exercise_routine(item))
        elif isinstance(item, Routine):
            self.start_requested.emit(item)

    def _on_current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if not current.isValid():
            return
        item = current.data(Role.ITEM)
        if isinstance(item, Exercise):
            routines = [(r.id, r.name) for r in self._library.routines_using(item.id)]
            self.detail.show_exercise(item, routines)
        elif isinstance(item, Routine):
            self.detail.show_routine(item)
