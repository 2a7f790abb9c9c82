"""The Library list's model: section headers, routines and exercises in one flat list.

The model only arranges what `core.catalog` (or the search, `core.search_index`) already chose; it
holds no rules of its own.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from enum import IntEnum

from PySide6.QtCore import QAbstractListModel, QLocale, QModelIndex, QPersistentModelIndex, Qt

from spinecoach.core.content_words import duration_text, label, term
from spinecoach.core.directions import (
    avoided_in_routine,
    exercise_mark,
    routine_mark,
    short_mark,
)
from spinecoach.core.exercise import Exercise, Routine, RoutineOrigin, SpinalMovement
from spinecoach.core.messages import ENGLISH, Messages
from spinecoach.core.session_settings import played_seconds

_Index = QModelIndex | QPersistentModelIndex


class Role(IntEnum):
    """Custom data roles the delegate and the detail view read."""

    KIND = Qt.ItemDataRole.UserRole + 1
    SUBTITLE = Qt.ItemDataRole.UserRole + 2
    IMAGE = Qt.ItemDataRole.UserRole + 3
    ITEM = Qt.ItemDataRole.UserRole + 4
    BADGE = Qt.ItemDataRole.UserRole + 5
    #: What the delegate draws, in one answer: (kind, name, subtitle, badge) as text.
    TEXTS = Qt.ItemDataRole.UserRole + 6


@dataclass(frozen=True, slots=True)
class Header:
    """A section title row ("Routines", "Exercises"), not selectable."""

    text: str


Row = Header | Routine | Exercise


def exercise_subtitle(exercise: Exercise, words: Messages = ENGLISH) -> str:
    """The second line of an exercise row: category, position and time, in `words`."""
    return (
        f"{label(exercise.category, words)} · {term(exercise.position, words)} · "
        f"{duration_text(exercise.total_seconds(), words)}"
    )


class LibraryListModel(QAbstractListModel):
    """Rows for the Library list; replaced wholesale when the filter changes.

    `words`: the library's language (`Library.words`), for categories, positions and durations.
    """

    def __init__(self, *, words: Messages = ENGLISH) -> None:
        super().__init__()
        self._words = words
        self._rows: list[Row] = []
        self._subtitles: dict[str, str] = {}
        #: Each row's (kind, name, subtitle, badge), made once (`row_texts`).
        self._row_texts: dict[int, tuple[str, str, str, str]] = {}
        #: The active programme's title: the header over its routines.
        self.programme_title: str | None = None
        # The movements the person said make their pain worse (core.directions).
        self._avoid: frozenset[SpinalMovement] = frozenset()

    def set_avoided(self, avoid: frozenset[SpinalMovement]) -> None:
        """Mark the exercises and routines that ask for these movements (repaints the rows)."""
        if avoid == self._avoid:
            return
        self._avoid = avoid
        self._subtitles.clear()
        self._row_texts.clear()
        if self._rows:
            self.dataChanged.emit(self.index(0), self.index(len(self._rows) - 1))

    def direction_mark(self, item: Routine | Exercise) -> str:
        """The full sentence of a row's direction mark ("" when it has none)."""
        if isinstance(item, Routine):
            return routine_mark(item, self._avoid, self._words)
        return exercise_mark(item, self._avoid, self._words)

    def _short_mark(self, item: Routine | Exercise) -> str:
        if isinstance(item, Routine):
            movements = avoided_in_routine(item, self._avoid)
        else:
            movements = (item.movement,) if item.movement in self._avoid else ()
        return short_mark(movements, self._words)

    def forget_subtitles(self) -> None:
        """Make the routines' second lines anew (a routine was edited, or the timing changed)."""
        self._subtitles.clear()
        self._row_texts.clear()

    def routine_subtitle(self, routine: Routine) -> str:
        """The second line of a routine row: length and number of exercises.

        Kept once made: the view asks for the line at every layout and paint, and the length
        (`played_seconds`, changeovers included) adds up every item's dosage.
        """
        if routine.id not in self._subtitles:
            self._subtitles[routine.id] = self._routine_subtitle(routine)
        return self._subtitles[routine.id]

    def _routine_subtitle(self, routine: Routine) -> str:
        count = len(routine.items)
        # What the player really takes, changeovers included: a "two-minute" break is two minutes.
        duration = duration_text(played_seconds(routine), self._words)
        exercises = self.tr("%n exercise(s)", "", count)
        marks = [self._short_mark(routine), self.routine_mark(routine)]
        return " · ".join([*(mark for mark in marks if mark), duration, exercises])

    def routine_mark(self, routine: Routine) -> str:
        """What marks a routine that is not shipped: "Yours", or "Locked" for a prescription."""
        if routine.origin is RoutineOrigin.OWN:
            #: The mark of a routine the person built (in the Library list, read aloud too).
            return self.tr("Yours")
        if routine.locked:
            #: The mark of a programme routine the physiotherapist locked (only easier allowed).
            return self.tr("Locked")
        return ""

    def desk_badge(self) -> str:
        """The badge of what can be done beside a desk (the search finds it too)."""
        return self.tr("Desk")

    def set_content(
        self,
        routines: Sequence[Routine],
        exercises: Sequence[Exercise],
        *,
        routines_first: bool = True,
        exercises_in_steps: int = 0,
    ) -> None:
        """Show these routines and exercises, each kind under a header with its count.

        `routines_first`: False puts the exercises first (a search whose best match is one).
        `exercises_in_steps`: the last exercises, found only in their steps, go under a header
        of their own.
        """
        locale = QLocale()
        routine_rows: list[Row] = []
        # The programme's routines first, under its title; then the person's; then the shipped.
        programme = [r for r in routines if r.origin is RoutineOrigin.PROGRAMME]
        own = [r for r in routines if r.origin is RoutineOrigin.OWN]
        shipped = [r for r in routines if r.origin is RoutineOrigin.SHIPPED]
        if programme:
            count = locale.toString(len(programme))
            title = self.programme_title or self.tr("Your programme")
            routine_rows.append(
                Header(self.tr("{programme} · {count}").format(programme=title, count=count))
            )
            routine_rows.extend(programme)
        if own:
            count = locale.toString(len(own))
            routine_rows.append(Header(self.tr("Your routines · {count}").format(count=count)))
            routine_rows.extend(own)
        if shipped:
            count = locale.toString(len(shipped))
            routine_rows.append(Header(self.tr("Routines · {count}").format(count=count)))
            routine_rows.extend(shipped)
        exercise_rows: list[Row] = []
        split = len(exercises) - exercises_in_steps if exercises_in_steps > 0 else len(exercises)
        if split:
            count = locale.toString(split)
            exercise_rows.append(Header(self.tr("Exercises · {count}").format(count=count)))
            exercise_rows.extend(exercises[:split])
        if split < len(exercises):
            count = locale.toString(len(exercises) - split)
            #: The Library's search: exercises only their steps mention, after the better ones.
            heading = self.tr("Mentioned in the steps · {count}").format(count=count)
            exercise_rows.append(Header(heading))
            exercise_rows.extend(exercises[split:])
        rows = routine_rows + exercise_rows if routines_first else exercise_rows + routine_rows
        self.beginResetModel()
        self._rows = rows
        self._row_texts.clear()
        self.endResetModel()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        """Qt override."""
        return 0 if parent.isValid() else len(self._rows)

    def row_item(self, row: int) -> Row:
        """The routine, exercise or header at `row`."""
        return self._rows[row]

    def first_item_row(self) -> int | None:
        """The first row showing a routine or an exercise (not a header), if any."""
        for row, item in enumerate(self._rows):
            if not isinstance(item, Header):
                return row
        return None

    def row_of(self, item_id: str) -> int | None:
        """The row showing the routine or exercise with this id, if visible."""
        for row, item in enumerate(self._rows):
            if not isinstance(item, Header) and item.id == item_id:
                return row
        return None

    def flags(self, index: _Index) -> Qt.ItemFlag:
        """Headers cannot be selected."""
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        if isinstance(self._rows[index.row()], Header):
            return Qt.ItemFlag.ItemIsEnabled
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        """Qt override: text, subtitle, image and the item itself."""
        if not index.isValid():
            return None
        item = self._rows[index.row()]
        if role == Role.TEXTS:
            return self.row_texts(index.row())
        if role == Role.KIND:
            return type(item).__name__.lower()
        if role == Role.ITEM:
            return item
        if isinstance(item, Header):
            return item.text if role == Qt.ItemDataRole.DisplayRole else None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return item.name
        if role == Qt.ItemDataRole.AccessibleDescriptionRole:  # the painted second line, read
            parts = (self.data(index, Role.SUBTITLE), self.data(index, Role.BADGE))
            return ", ".join(str(part).replace(" · ", ", ") for part in parts if part)
        if isinstance(item, Routine):
            return self._routine_data(item, role)
        return self._exercise_data(item, role)

    def row_texts(self, row: int) -> tuple[str, str, str, str]:
        """A row's kind ("header", "routine", "exercise"), name, subtitle and badge.

        The delegate measures and draws every row from these, at every layout: asked for in
        one call rather than four (each a trip from Qt into Python), and kept once made.
        """
        texts = self._row_texts.get(row)
        if texts is None:
            index = self.index(row)
            texts = self._row_texts[row] = (
                str(self.data(index, Role.KIND)),
                str(self.data(index, Qt.ItemDataRole.DisplayRole)),
                str(self.data(index, Role.SUBTITLE) or ""),
                str(self.data(index, Role.BADGE) or ""),
            )
        return texts

    def _routine_data(self, routine: Routine, role: int) -> object:
        if role == Role.SUBTITLE:
            return self.routine_subtitle(routine)
        if role == Role.IMAGE:
            return routine.items[0].exercise.image
        if role == Role.BADGE:
            if routine.desk_friendly:
                return self.desk_badge()
            return self.tr("Floor") if routine.on_floor else ""
        if role == Qt.ItemDataRole.ToolTipRole:
            said = self.direction_mark(routine)
            return f"{said}\n\n{routine.description}" if said else routine.description
        return None

    def _exercise_data(self, exercise: Exercise, role: int) -> object:
        if role == Role.SUBTITLE:
            subtitle = exercise_subtitle(exercise, self._words)
            mark = self._short_mark(exercise)
            return f"{mark} · {subtitle}" if mark else subtitle
        if role == Role.IMAGE:
            return exercise.image
        if role == Role.BADGE:
            return self.desk_badge() if exercise.desk_friendly else ""
        if role == Qt.ItemDataRole.ToolTipRole:
            said = self.direction_mark(exercise)
            return f"{said}\n\n{exercise.summary}" if said else exercise.summary
        return None
