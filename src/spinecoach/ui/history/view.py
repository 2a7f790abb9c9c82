"""The History area: summary cards, the reminder line, the pain chart with its ranges, the log.

A passive view: the controller fills it and reacts to what the person asks for. The cards and
the rows of buttons wrap onto more lines when the window is narrow or the text large
(`ui.widgets.reflow`); the session log's rows and columns are measured in the font in use, and
it always shows three rows or more. The History area scrolls the whole view when even that does
not fit (a 960 x 540 window).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QEvent,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
    SignalInstance,
)
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QCheckBox,
    QFrame,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from spinecoach.core.ui_text import QT_TRANSLATE_NOOP
from spinecoach.ui.history.chart import PainChart
from spinecoach.ui.history.locale_text import count, logged_at
from spinecoach.ui.widgets.reflow import CardGrid, WrappingRow

_Index = QModelIndex | QPersistentModelIndex

# Range buttons: label (English, also the button's object name) and length in days (None = all).
#: The chart's time ranges (buttons).
RANGES: tuple[tuple[str, int | None], ...] = (
    (QT_TRANSLATE_NOOP("HistoryView", "2 weeks"), 14),
    (QT_TRANSLATE_NOOP("HistoryView", "3 months"), 91),
    (QT_TRANSLATE_NOOP("HistoryView", "1 year"), 365),
    (QT_TRANSLATE_NOOP("HistoryView", "All"), None),
)


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


# The log's column headers, in English (shown translated: `SessionTableModel.header`).
#: Column headers of the session log (Before, After: the pain score; Hurt: how often "This
#: hurts" was pressed).
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

# A late moment with a long month, to size the date column in the locale in use.
SAMPLE_MOMENT = datetime(2026, 9, 30, 23, 59)

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
    "10",
)

# The session log always has room for this many rows (the page scrolls instead).
MIN_VISIBLE_ROWS = 3


class SessionTableModel(QAbstractTableModel):
    """The session log's rows; sorting uses raw values through the UserRole."""

    def __init__(self) -> None:
        super().__init__()
        self._rows: list[SessionRow] = []
        self._sort_column = 0
        self._descending = True

    def set_rows(self, rows: list[SessionRow]) -> None:
        """Replace all rows, keeping the current sort order."""
        self.beginResetModel()
        self._rows = sorted(rows, key=self._key, reverse=self._descending)
        self.endResetModel()

    def _key(self, row: SessionRow) -> Any:
        return self._sort_key(row, self._sort_column)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Qt override: sort in Python by the raw values (fast for thousands of rows)."""
        self._sort_column = column
        self._descending = order == Qt.SortOrder.DescendingOrder
        self.layoutAboutToBeChanged.emit()
        self._rows.sort(key=self._key, reverse=self._descending)
        self.layoutChanged.emit()

    def row_at(self, row: int) -> SessionRow:
        """The session shown at a source row."""
        return self._rows[row]

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        """Qt override."""
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        """Qt override."""
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        """Qt override."""
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.header(section)
        return None

    @staticmethod
    def header(section: int) -> str:
        """A column's header, translated."""
        return QCoreApplication.translate("SessionTableModel", COLUMNS[section])

    @staticmethod
    def feeling(word: str) -> str:
        """How a feeling after a session reads ("easier" -> "Easier"); "" for none."""
        english = FEELING_WORDS.get(word)
        return QCoreApplication.translate("SessionTableModel", english) if english else ""

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
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (2, 3, 4, 5, 7):
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
            str(row.hurts) if row.hurts else "",
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
            row.hurts,
            row.note.casefold(),
        )
        return keys[column]


def _card(title: str, object_name: str) -> tuple[QFrame, QLabel, QLabel]:
    frame = QFrame()
    frame.setProperty("role", "card")
    frame.setObjectName(object_name)
    box = QVBoxLayout(frame)
    box.setContentsMargins(14, 10, 14, 10)
    box.setSpacing(2)
    heading = QLabel(title)
    heading.setObjectName(f"{object_name}Title")
    heading.setProperty("role", "muted")
    heading.setWordWrap(True)
    value = QLabel("–")
    value.setObjectName(f"{object_name}Value")
    value.setProperty("role", "cardValue")
    value.setWordWrap(True)
    detail = QLabel("")
    detail.setObjectName(f"{object_name}Detail")
    detail.setProperty("role", "muted")
    detail.setWordWrap(True)
    box.addWidget(heading)
    box.addWidget(value)
    box.addWidget(detail)
    box.addStretch(1)  # a card taller than its text (its neighbour wraps) keeps it together
    return frame, value, detail


class HistoryView(QWidget):
    """The History area.

    Signals:
        range_requested(object): a range button; days as int, or None for all.
        check_in_requested(): "Log pain now".
        export_requested(), import_requested(), report_requested(): the file buttons.
        repeat_requested(int): "Repeat this routine" for a session id.
        delete_requested(int): delete a session (undoable).
        session_activated(int): a row was opened (double-click or Enter).
        weekly_bars_toggled(bool): the sessions-per-week overlay.
    """

    range_requested = Signal(object)
    check_in_requested = Signal()
    export_requested = Signal()
    import_requested = Signal()
    report_requested = Signal()
    repeat_requested = Signal(int)
    delete_requested = Signal(int)
    session_activated = Signal(int)
    weekly_bars_toggled = Signal(bool)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("historyView")
        self.setAccessibleName(self.tr("History"))

        self.cards: dict[str, tuple[QLabel, QLabel]] = {}
        cards_row = CardGrid(spacing=10, min_card_characters=22)
        for key, title in (
            ("weekCard", self.tr("Sessions this week")),
            ("streakCard", self.tr("Streak")),
            ("minutesCard", self.tr("Minutes this week")),
            ("changeCard", self.tr("Pain change per session")),
            ("trendCard", self.tr("Weekly trend")),
        ):
            frame, value, detail = _card(title, key)
            self.cards[key] = (value, detail)
            cards_row.addWidget(frame)
        # One line under the cards: what this week's stand-up reminders led to (hidden if none).
        self.reminder_line = QLabel()
        self.reminder_line.setObjectName("reminderLine")
        self.reminder_line.setProperty("role", "muted")
        self.reminder_line.setWordWrap(True)
        self.reminder_line.hide()

        self.range_buttons = QButtonGroup(self)
        self.range_buttons.setExclusive(True)
        ranges_row = WrappingRow(spacing=6)
        for index, (label, _days) in enumerate(RANGES):
            button = QPushButton(QCoreApplication.translate("HistoryView", label))
            button.setCheckable(True)
            button.setObjectName(f"range_{label.replace(' ', '_')}")
            button.setProperty("role", "segment")
            self.range_buttons.addButton(button, index)
            ranges_row.addWidget(button)
        self.range_buttons.button(1).setChecked(True)
        self.range_buttons.idClicked.connect(lambda i: self.range_requested.emit(RANGES[i][1]))
        self.bars_toggle = QCheckBox(self.tr("Sessions per week"))
        self.bars_toggle.setObjectName("weeklyBarsToggle")
        self.bars_toggle.setToolTip(
            self.tr("Show how many sessions you did each week behind the scores")
        )
        self.bars_toggle.toggled.connect(self.weekly_bars_toggled)
        ranges_row.addWidget(self.bars_toggle)
        ranges_row.add_push()
        self.check_in_button = QPushButton(self.tr("Log pain now"))
        self.check_in_button.setObjectName("checkInButton")
        self.check_in_button.setProperty("role", "primary")
        self.check_in_button.setToolTip(self.tr("Record how your back feels, without a session"))
        self.check_in_button.clicked.connect(self.check_in_requested)
        ranges_row.addWidget(self.check_in_button)

        self.chart = PainChart()
        self.empty_label = QLabel(
            self.tr("No pain scores yet. They appear here after your first session or check-in.")
        )
        self.empty_label.setObjectName("historyEmpty")
        self.empty_label.setProperty("role", "muted")
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setWordWrap(True)

        self.model = SessionTableModel()
        self.table = QTableView()
        self.table.setObjectName("sessionTable")
        self.table.setAccessibleName(self.tr("Session log"))
        self.table.setModel(self.model)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(0, Qt.SortOrder.DescendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.setAlternatingRowColors(True)
        self.table.setShowGrid(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(len(COLUMNS) - 1, QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.fit_table_to_font()
        self.table.activated.connect(self._activated)

        self.repeat_button = QPushButton(self.tr("Repeat this routine"))
        self.repeat_button.setObjectName("repeatButton")
        self.delete_button = QPushButton(self.tr("Delete…"))
        self.delete_button.setObjectName("deleteSessionButton")
        self.export_button = QPushButton(self.tr("Export CSV…"))
        self.export_button.setObjectName("exportButton")
        self.import_button = QPushButton(self.tr("Import CSV…"))
        self.import_button.setObjectName("importButton")
        self.report_button = QPushButton(self.tr("Report for my clinician (PDF)…"))
        self.report_button.setObjectName("reportButton")
        self.repeat_button.clicked.connect(lambda: self._with_selected(self.repeat_requested))
        self.delete_button.clicked.connect(lambda: self._with_selected(self.delete_requested))
        self.export_button.clicked.connect(self.export_requested)
        self.import_button.clicked.connect(self.import_requested)
        self.report_button.clicked.connect(self.report_requested)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        # Shown once their features are wired (set_file_actions_available).
        for button in (self.export_button, self.import_button, self.report_button):
            button.setVisible(False)
        self._update_buttons()

        table_buttons = WrappingRow(spacing=8)
        table_buttons.addWidget(self.repeat_button)
        table_buttons.addWidget(self.delete_button)
        table_buttons.add_push()
        table_buttons.addWidget(self.export_button)
        table_buttons.addWidget(self.import_button)
        table_buttons.addWidget(self.report_button)

        # The rows that wrap stay outside the splitter, which knows nothing of heights that
        # depend on widths: inside it, a wrapped row would squeeze the chart.
        chart_box = QWidget()
        chart_layout = QVBoxLayout(chart_box)
        chart_layout.setContentsMargins(0, 0, 0, 0)
        chart_layout.addWidget(self.chart, 1)
        # Takes the chart's place (and its room: the splitter cannot grow it to fit its lines).
        self.empty_label.setMinimumHeight(self.chart.minimumHeight())
        chart_layout.addWidget(self.empty_label, 1)
        table_box = QWidget()
        table_layout = QVBoxLayout(table_box)
        table_layout.setContentsMargins(0, 6, 0, 0)
        heading = QLabel(self.tr("Session log"))
        heading.setProperty("role", "heading")
        table_layout.addWidget(heading)
        table_layout.addWidget(self.table, 1)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(chart_box)
        splitter.addWidget(table_box)
        splitter.setSizes([420, 300])

        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 18, 20, 18)
        layout.setSpacing(12)
        layout.addLayout(cards_row)
        layout.addWidget(self.reminder_line)
        layout.addLayout(ranges_row)
        layout.addWidget(splitter, 1)
        layout.addLayout(table_buttons)

    def fit_table_to_font(self) -> None:
        """Row height and column widths from the font in use, so no cell is cut at 200 %.

        Measured from a sample of each column's widest text, not from the rows
        (ResizeToContents measures every row: seconds for a ten-year log). The note column
        takes the rest.
        """
        metrics = self.table.fontMetrics()
        bold = QFont(self.table.font())
        bold.setWeight(QFont.Weight.DemiBold)
        header_metrics = QFontMetrics(bold)
        padding = 2 * 8 + metrics.averageCharWidth()
        sort_arrow = 2 * metrics.height()  # the header's sort indicator beside its title
        in_locale: dict[int, list[str]] = {
            0: [logged_at(SAMPLE_MOMENT)],
            3: [self.tr("{done} of {total}").format(done=count(10), total=count(10))],
            6: [SessionTableModel.feeling(word) for word in FEELING_WORDS],
        }
        for column, sample in enumerate(COLUMN_SAMPLES):
            texts = [sample, *in_locale.get(column, [])]
            width = max(
                *(metrics.horizontalAdvance(text) for text in texts),
                header_metrics.horizontalAdvance(SessionTableModel.header(column)) + sort_arrow,
            )
            self.table.setColumnWidth(column, width + padding)
        rows = self.table.verticalHeader()
        rows.setDefaultSectionSize(metrics.height() + 14)
        header = self.table.horizontalHeader()
        frame = 2 * self.table.frameWidth()
        scroll_bar = self.table.horizontalScrollBar().sizeHint().height()
        self.table.setMinimumHeight(
            header.sizeHint().height()
            + MIN_VISIBLE_ROWS * rows.defaultSectionSize()
            + scroll_bar
            + frame
        )

    def event(self, event: QEvent) -> bool:
        """Qt override: a new text size re-measures the session log."""
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self.fit_table_to_font()
        return super().event(event)

    def set_file_actions_available(self, export: bool, import_: bool, report: bool) -> None:
        """Show the export, import and report buttons that have something behind them."""
        self.export_button.setVisible(export)
        self.import_button.setVisible(import_)
        self.report_button.setVisible(report)

    def set_card(self, key: str, value: str, detail: str = "") -> None:
        """Fill one summary card."""
        value_label, detail_label = self.cards[key]
        value_label.setText(value)
        detail_label.setText(detail)

    def set_reminder_line(self, text: str) -> None:
        """The line under the cards about this week's stand-up reminders; empty hides it."""
        self.reminder_line.setText(text)
        self.reminder_line.setVisible(bool(text))

    def card_text(self, key: str) -> str:
        """A card's value, for tests and screen readers."""
        return self.cards[key][0].text()

    def set_sessions(self, rows: list[SessionRow]) -> None:
        """Fill the session log."""
        self.model.set_rows(rows)
        self._update_buttons()

    def set_empty(self, empty: bool) -> None:
        """Show the chart, or the hint that there is nothing to chart yet."""
        self.chart.setVisible(not empty)
        self.empty_label.setVisible(empty)

    def selected_session(self) -> int | None:
        """The id of the selected session row."""
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        return self.model.row_at(rows[0].row()).session_id

    def select_session(self, session_id: int) -> None:
        """Select a session's row (tests, and after undo)."""
        for row in range(self.model.rowCount()):
            if self.model.row_at(row).session_id == session_id:
                self.table.selectRow(row)
                return

    def _with_selected(self, signal: SignalInstance) -> None:
        session_id = self.selected_session()
        if session_id is not None:
            signal.emit(session_id)

    def _activated(self, index: QModelIndex) -> None:
        self.session_activated.emit(self.model.row_at(index.row()).session_id)

    def _update_buttons(self) -> None:
        selected = self.selected_session() is not None
        self.repeat_button.setEnabled(selected)
        self.delete_button.setEnabled(selected)
