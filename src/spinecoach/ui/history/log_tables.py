"""The History log's tables: the rows they list, their columns, models and sizing.

Four tabs of the History view (`view`) show these: the sessions, the check-ins, the recorded
changes to the exercises and the reminder log. Rows arrive worded (`log_rows`); the models sort
them by raw values and put translated headers over them, and a table is sized to the font in use.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any, Generic, TypeVar

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView

from spinecoach.core.ui_text import QT_TRANSLATE_NOOP

_Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True, slots=True)
class SessionRow:
    """One line of the session log, already worded for display (sort keys kept raw)."""

    session_id: int
    started_epoch: float
    date_text: str
    routine_id: str
    routine: str
    minutes: float | None
    duration_text: str
    exercises_text: str
    incomplete: bool
    before: int | None
    after: int | None
    feeling: str
    hurts: int
    note: str
    #: "This hurts" in the log's column: the first exercise and the choice ("Bird dog,
    #: skipped"), with how many more; every one in `hurt_lines` (the tooltip, the details).
    hurt_text: str = ""
    hurt_lines: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class CheckInRow:
    """One check-in (pain logged outside a session), worded for the check-ins tab."""

    entry_id: int
    epoch: float
    date_text: str
    score: int
    note: str
    #: What was asked: "check-in", or "next-morning" (the morning after a session).
    context: str = "check-in"


@dataclass(frozen=True, slots=True)
class ReminderRow:
    """One line of the reminder log, worded: when, and what happened."""

    epoch: float
    date_text: str
    what: str


# The log's column headers, in English (shown translated: `SessionTableModel.header`).
#: Column headers of the session log (Before, After: the pain score; Hurt: the exercise during
#: which "This hurts" was pressed, and what the person chose).
COLUMNS: tuple[str, ...] = (
    QT_TRANSLATE_NOOP("SessionTableModel", "Date"),
    QT_TRANSLATE_NOOP("SessionTableModel", "Routine"),
    QT_TRANSLATE_NOOP("SessionTableModel", "Duration"),
    QT_TRANSLATE_NOOP("SessionTableModel", "Exercises"),
    QT_TRANSLATE_NOOP("SessionTableModel", "Before"),
    QT_TRANSLATE_NOOP("SessionTableModel", "After"),
    QT_TRANSLATE_NOOP("SessionTableModel", "Feeling"),
    QT_TRANSLATE_NOOP("SessionTableModel", "Hurt"),
    QT_TRANSLATE_NOOP("SessionTableModel", "Note"),
)

# How the feelings after a session read in the log (and the report and the details).
#: How the session felt, as answered after it (compared with the last time).
FEELING_WORDS: dict[str, str] = {
    "easier": QT_TRANSLATE_NOOP("SessionTableModel", "Easier"),
    "same": QT_TRANSLATE_NOOP("SessionTableModel", "Same"),
    "harder": QT_TRANSLATE_NOOP("SessionTableModel", "Harder"),
}

# The check-ins' column headers, in English (shown translated: `CheckInTableModel.header`).
#: Column headers of the check-ins (Pain: the score 0-10 given then; Asked: a check-in, or the
#: question the morning after a session).
CHECK_IN_COLUMNS: tuple[str, ...] = (
    QT_TRANSLATE_NOOP("CheckInTableModel", "Date"),
    QT_TRANSLATE_NOOP("CheckInTableModel", "Pain"),
    QT_TRANSLATE_NOOP("CheckInTableModel", "Asked"),
    QT_TRANSLATE_NOOP("CheckInTableModel", "Note"),
)

# What each kind of check-in is called in the check-ins' "Asked" column.
#: The check-ins' "Asked" column: pain logged at any time, or the next-morning question.
CHECK_IN_KINDS: dict[str, str] = {
    "check-in": QT_TRANSLATE_NOOP("CheckInTableModel", "Check-in"),
    "next-morning": QT_TRANSLATE_NOOP("CheckInTableModel", "Next morning"),
}

# The recorded changes' column headers, in English (shown translated).
#: Column headers of the recorded changes to the exercises (Change: from what to what; Why: the
#: reason the person read; Answer: accepted or declined).
CHANGE_COLUMNS: tuple[str, ...] = (
    QT_TRANSLATE_NOOP("ChangeTableModel", "Date"),
    QT_TRANSLATE_NOOP("ChangeTableModel", "Change"),
    QT_TRANSLATE_NOOP("ChangeTableModel", "Answer"),
    QT_TRANSLATE_NOOP("ChangeTableModel", "Why"),
)

# The reminder log's column headers, in English (shown translated).
#: Column headers of the reminder log.
REMINDER_COLUMNS: tuple[str, ...] = (
    QT_TRANSLATE_NOOP("ReminderTableModel", "Date"),
    QT_TRANSLATE_NOOP("ReminderTableModel", "What happened"),
)

# "This hurts" and what was chosen, as the log, the details and the tooltip say it.
#: "This hurts" during an exercise ({exercise}: its name), and what the person chose then.
HURT_WORDS: dict[str, str] = {
    "skipped": QT_TRANSLATE_NOOP("SessionTableModel", "{exercise}, skipped"),
    "ended": QT_TRANSLATE_NOOP("SessionTableModel", "{exercise}, session ended"),
    "continued": QT_TRANSLATE_NOOP("SessionTableModel", "{exercise}, carried on gently"),
}

# A late moment with a long month, to size the date column in the locale in use.
SAMPLE_MOMENT = datetime(2026, 9, 30, 23, 59)

# The Hurt column is at most this many average characters wide (a longer entry is elided and
# shown whole in its tooltip and the session's details).
HURT_COLUMN_CHARACTERS = 28

# The widest English text each column but the note shows (besides its header), to size it by
# the font; the date, exercises and feeling columns also measure their words in the locale.
COLUMN_SAMPLES: tuple[str, ...] = (
    "Wed 30 Sep 2026 23:59",
    "Gentle moves for a bad",
    "120 min",
    "10 of 10",
    "10",
    "10",
    "Worse",
    "Knee to chest, skipped",
)

#: A row of one of the log's tables.
R = TypeVar("R")

# The session log always has room for this many rows (the page scrolls instead).
MIN_VISIBLE_ROWS = 3


@dataclass(frozen=True, slots=True)
class ChangeRow:
    """One recorded change to an exercise (or a suggestion declined), worded for its tab."""

    epoch: float
    date_text: str
    #: "Bridge: 10 reps → Bridge: 12 reps".
    change: str
    #: "Accepted", "Declined".
    answer: str
    #: The reason the person read.
    reason: str


class _LogTableModel(QAbstractTableModel, Generic[R]):
    """One of the log's tables: its rows, in the order chosen, under translated headers.

    A subclass names its `COLUMNS` (marked for translation under `CONTEXT`) and says how a row
    sorts (`_key`, by the column chosen) and reads (`data`).
    """

    COLUMNS: tuple[str, ...] = ()
    CONTEXT = ""

    def __init__(self) -> None:
        super().__init__()
        self._rows: list[R] = []
        self._sort_column = 0
        self._descending = True

    def set_rows(self, rows: list[R]) -> None:
        """Replace all rows, keeping the current sort order."""
        self.beginResetModel()
        self._rows = sorted(rows, key=self._key, reverse=self._descending)
        self.endResetModel()

    def _key(self, row: R) -> Any:
        raise NotImplementedError

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Qt override: sort in Python by the raw values (fast for thousands of rows)."""
        self._sort_column = column
        self._descending = order == Qt.SortOrder.DescendingOrder
        self.layoutAboutToBeChanged.emit()
        self._rows.sort(key=self._key, reverse=self._descending)
        self.layoutChanged.emit()

    def row_at(self, row: int) -> R:
        """The row shown at a (source) row number."""
        return self._rows[row]

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        """Qt override."""
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        """Qt override."""
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        """Qt override."""
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.header(section)
        return None

    @classmethod
    def header(cls, section: int) -> str:
        """A column's header, translated."""
        return QCoreApplication.translate(cls.CONTEXT, cls.COLUMNS[section])


class SessionTableModel(_LogTableModel[SessionRow]):
    """The session log's rows; sorting uses raw values through the UserRole."""

    COLUMNS = COLUMNS
    CONTEXT = "SessionTableModel"

    def _key(self, row: SessionRow) -> Any:
        return self._sort_key(row, self._sort_column)

    @staticmethod
    def feeling(word: str) -> str:
        """How a feeling after a session reads ("easier" -> "Easier"); "" for none."""
        english = FEELING_WORDS.get(word)
        return QCoreApplication.translate("SessionTableModel", english) if english else ""

    @staticmethod
    def hurt(exercise: str, action: str) -> str:
        """A "This hurts" during `exercise` and what was chosen: "Bird dog, skipped"."""
        english = HURT_WORDS.get(action)
        if english is None:  # an answer of a later version: its stored word
            return f"{exercise}, {action}"
        return QCoreApplication.translate("SessionTableModel", english).format(exercise=exercise)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        """Qt override: text to show, raw values to sort by."""
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(row, column)
        if role == Qt.ItemDataRole.UserRole:
            return self._sort_key(row, column)
        if role == Qt.ItemDataRole.ToolTipRole and column == 3 and row.incomplete:
            return self.tr("This session was not finished; the exercises done were kept.")
        if role == Qt.ItemDataRole.ToolTipRole and column == 7 and row.hurt_lines:
            return "\n".join(row.hurt_lines)
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (2, 3, 4, 5):
            return int(Qt.AlignmentFlag.AlignCenter)
        return None

    @staticmethod
    def _text(row: SessionRow, column: int) -> str:
        values = (
            row.date_text,
            row.routine,
            row.duration_text,
            row.exercises_text,
            "" if row.before is None else str(row.before),
            "" if row.after is None else str(row.after),
            row.feeling,
            row.hurt_text or (str(row.hurts) if row.hurts else ""),
            row.note,
        )
        return values[column]

    @staticmethod
    def _sort_key(row: SessionRow, column: int) -> object:
        keys: tuple[object, ...] = (
            row.started_epoch,
            row.routine.casefold(),
            row.minutes if row.minutes is not None else -1.0,
            row.exercises_text,
            -1 if row.before is None else row.before,
            -1 if row.after is None else row.after,
            row.feeling,
            (row.hurts, row.hurt_text.casefold()),
            row.note.casefold(),
        )
        return keys[column]


class CheckInTableModel(_LogTableModel[CheckInRow]):
    """The check-ins, newest first by default; sorting by the raw values."""

    COLUMNS = CHECK_IN_COLUMNS
    CONTEXT = "CheckInTableModel"

    def _key(self, row: CheckInRow) -> Any:
        keys: tuple[object, ...] = (row.epoch, row.score, row.context, row.note.casefold())
        return keys[self._sort_column]

    @staticmethod
    def kind(context: str) -> str:
        """What a check-in's kind is called ("Next morning"), translated."""
        english = CHECK_IN_KINDS.get(context)
        return QCoreApplication.translate("CheckInTableModel", english) if english else context

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        """Qt override."""
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return (row.date_text, str(row.score), self.kind(row.context), row.note)[column]
        if role == Qt.ItemDataRole.ToolTipRole and column == 3 and row.note:
            return row.note
        if role == Qt.ItemDataRole.TextAlignmentRole and column == 1:
            return int(Qt.AlignmentFlag.AlignCenter)
        return None


class ChangeTableModel(_LogTableModel[ChangeRow]):
    """The recorded changes to the exercises, newest first: when, what, the answer, why."""

    COLUMNS = CHANGE_COLUMNS
    CONTEXT = "ChangeTableModel"

    def _key(self, row: ChangeRow) -> Any:
        keys: tuple[object, ...] = (row.epoch, row.change.casefold(), row.answer, row.reason)
        return keys[self._sort_column]

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        """Qt override: the words; the change and the reason whole in the tooltip."""
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return (row.date_text, row.change, row.answer, row.reason)[index.column()]
        if role == Qt.ItemDataRole.ToolTipRole and index.column() in (1, 3):
            return f"{row.change}\n{row.reason}"
        return None


class ReminderTableModel(_LogTableModel[ReminderRow]):
    """The reminder log, newest first: when, and what happened (always in that order)."""

    COLUMNS = REMINDER_COLUMNS
    CONTEXT = "ReminderTableModel"

    def _key(self, row: ReminderRow) -> Any:
        return row.epoch

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Qt override: the log keeps its order, newest first."""

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        """Qt override."""
        if not index.isValid() or role != Qt.ItemDataRole.DisplayRole:
            return None
        row = self._rows[index.row()]
        return (row.date_text, row.what)[index.column()]


def log_table(object_name: str, name: str, model: QAbstractTableModel) -> QTableView:
    """A read-only table of the log, one row selected at a time, sorted by its first column."""
    table = QTableView()
    table.setObjectName(object_name)
    table.setAccessibleName(name)
    table.setModel(model)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.verticalHeader().setVisible(False)
    table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    table.setAlternatingRowColors(True)
    table.setShowGrid(False)
    table.setWordWrap(False)
    header = table.horizontalHeader()
    # Titles at the left, the sort arrow at the right: the two never meet.
    header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
    header.setSectionResizeMode(model.columnCount() - 1, QHeaderView.ResizeMode.Stretch)
    return table


def header_room(table: QTableView, column: int) -> int:
    """The width a header needs for its title and the sort arrow beside it (never overlapping)."""
    metrics = table.fontMetrics()
    bold = QFont(table.font())
    bold.setWeight(QFont.Weight.DemiBold)
    title = table.model().headerData(column, Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole)
    padding = 2 * 8 + metrics.averageCharWidth()
    sort_arrow = 2 * metrics.height()
    return QFontMetrics(bold).horizontalAdvance(str(title)) + sort_arrow + padding


def fit_columns(table: QTableView, samples: list[list[str]], headers: list[str]) -> list[int]:
    """Size each sampled column for its widest sample and its header; rows for the font.

    The table always has room for MIN_VISIBLE_ROWS rows. Returns the widths set.
    """
    metrics = table.fontMetrics()
    padding = 2 * 8 + metrics.averageCharWidth()
    widths = []
    for column, texts in enumerate(samples):
        width = max(
            max(metrics.horizontalAdvance(text) for text in texts) + padding,
            header_room(table, column) if column < len(headers) else 0,
        )
        table.setColumnWidth(column, width)
        widths.append(width)
    rows = table.verticalHeader()
    rows.setDefaultSectionSize(metrics.height() + 14)
    header = table.horizontalHeader()
    frame = 2 * table.frameWidth()
    scroll_bar = table.horizontalScrollBar().sizeHint().height()
    table.setMinimumHeight(
        header.sizeHint().height()
        + MIN_VISIBLE_ROWS * rows.defaultSectionSize()
        + scroll_bar
        + frame
    )
    return widths
