"""The History area: summary cards, the reminder line, the pain chart with its ranges, the log.

A passive view: the controller fills it and reacts to what the person asks for. The log has
four tabs: the sessions, the check-ins (pain logged outside a session, which can be corrected
or deleted), the reminder log (what each stand-up reminder led to, with the reason given for
a skip) and the changes (the steps up or back the progression rules offered, and what became
of them); a fifth, "Programme", only while a programme is active (`programme_panel`). The cards
and the rows of buttons wrap onto more lines when the window is narrow or the text large
(`ui.widgets.reflow`); the tables' rows and columns are measured in the font in use, and each
always shows three rows or more (the tables, their rows and models: `log_tables`). The History
area scrolls the whole view when even that does not fit (a 960 x 540 window).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QModelIndex, Qt, Signal, SignalInstance
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QFrame,
    QLabel,
    QPushButton,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from spinecoach.core.ui_text import QT_TRANSLATE_NOOP
from spinecoach.ui.history.chart import PainChart
from spinecoach.ui.history.locale_text import count, logged_at
from spinecoach.ui.history.log_tables import (
    CHANGE_COLUMNS,
    CHECK_IN_COLUMNS,
    CHECK_IN_KINDS,
    COLUMN_SAMPLES,
    COLUMNS,
    FEELING_WORDS,
    HURT_COLUMN_CHARACTERS,
    HURT_WORDS,
    REMINDER_COLUMNS,
    SAMPLE_MOMENT,
    ChangeRow,
    ChangeTableModel,
    CheckInRow,
    CheckInTableModel,
    ReminderRow,
    ReminderTableModel,
    SessionRow,
    SessionTableModel,
    fit_columns,
    header_room,
    log_table,
)
from spinecoach.ui.history.programme_panel import ProgrammePanel, ProgrammeSummary
from spinecoach.ui.widgets.reflow import CardGrid, WrappingRow

# Range buttons: label (English, also the button's object name) and length in days (None = all).
#: The chart's time ranges (buttons).
RANGES: tuple[tuple[str, int | None], ...] = (
    (QT_TRANSLATE_NOOP("HistoryView", "2 weeks"), 14),
    (QT_TRANSLATE_NOOP("HistoryView", "3 months"), 91),
    (QT_TRANSLATE_NOOP("HistoryView", "1 year"), 365),
    (QT_TRANSLATE_NOOP("HistoryView", "All"), None),
)

#: The log's tabs, in order.
SESSIONS_TAB, CHECK_INS_TAB, REMINDERS_TAB, PROGRAMME_TAB, CHANGES_TAB = range(5)


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
        check_in_edit_requested(int): correct a check-in (its entry id): "Edit…", or opened.
        check_in_delete_requested(int): delete a check-in (undoable).
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
    check_in_edit_requested = Signal(int)
    check_in_delete_requested = Signal(int)

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
        self.table = log_table("sessionTable", self.tr("Session log"), self.model)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(0, Qt.SortOrder.DescendingOrder)
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

        # Check-ins: pain logged outside a session, listed to be read, corrected or deleted.
        self.check_in_model = CheckInTableModel()
        self.check_in_table = log_table("checkInTable", self.tr("Check-ins"), self.check_in_model)
        self.check_in_table.setSortingEnabled(True)
        self.check_in_table.sortByColumn(0, Qt.SortOrder.DescendingOrder)
        self.check_in_table.activated.connect(self._check_in_activated)
        self.edit_check_in_button = QPushButton(self.tr("Edit…"))
        self.edit_check_in_button.setObjectName("editCheckInButton")
        self.edit_check_in_button.setToolTip(self.tr("Correct the score or the note"))
        self.delete_check_in_button = QPushButton(self.tr("Delete"))
        self.delete_check_in_button.setObjectName("deleteCheckInButton")
        self.edit_check_in_button.clicked.connect(
            lambda: self._with_check_in(self.check_in_edit_requested)
        )
        self.delete_check_in_button.clicked.connect(
            lambda: self._with_check_in(self.check_in_delete_requested)
        )
        self.check_in_table.selectionModel().selectionChanged.connect(self._update_buttons)

        # The reminder log: what each stand-up reminder led to, and why one was skipped.
        self.reminder_model = ReminderTableModel()
        self.reminder_table = log_table(
            "reminderTable", self.tr("Reminder log"), self.reminder_model
        )
        # The recorded changes to the exercises: what, when, why (and those declined).
        self.change_model = ChangeTableModel()
        self.change_table = log_table(
            "changeTable", self.tr("Changes to the exercises"), self.change_model
        )
        self.change_table.setSortingEnabled(True)
        self.change_table.sortByColumn(0, Qt.SortOrder.DescendingOrder)
        self.changes_empty = QLabel(
            self.tr(
                "No changes in this period. After a session SpineCoach may suggest one, with "
                "its reason; nothing changes unless you choose it."
            )
        )
        self.changes_empty.setObjectName("changesEmpty")
        self.changes_empty.setProperty("role", "muted")
        self.changes_empty.setWordWrap(True)
        self._update_buttons()

        # One row under the log: what acts on the tab shown, then the file buttons.
        table_buttons = WrappingRow(spacing=8)
        for button in (
            self.repeat_button,
            self.delete_button,
            self.edit_check_in_button,
            self.delete_check_in_button,
        ):
            table_buttons.addWidget(button)
        table_buttons.add_push()
        table_buttons.addWidget(self.export_button)
        table_buttons.addWidget(self.import_button)
        table_buttons.addWidget(self.report_button)

        self.check_ins_empty = QLabel(
            self.tr("No check-ins in this period. “Log pain now” adds one at any time.")
        )
        self.reminders_empty = QLabel(
            self.tr("No reminders in this period. Stand-up reminders are set in Settings.")
        )
        for hint in (self.check_ins_empty, self.reminders_empty):
            hint.setProperty("role", "muted")
            hint.setWordWrap(True)
        self.check_ins_empty.setObjectName("checkInsEmpty")
        self.reminders_empty.setObjectName("remindersEmpty")

        # The rows that wrap stay outside the splitter, which knows nothing of heights that
        # depend on widths: inside it, a wrapped row would squeeze the chart.
        chart_box = QWidget()
        chart_layout = QVBoxLayout(chart_box)
        chart_layout.setContentsMargins(0, 0, 0, 0)
        chart_layout.addWidget(self.chart, 1)
        # Takes the chart's place (and its room: the splitter cannot grow it to fit its lines).
        self.empty_label.setMinimumHeight(self.chart.minimumHeight())
        chart_layout.addWidget(self.empty_label, 1)
        self.log_tabs = QTabWidget()
        self.log_tabs.setObjectName("historyLogTabs")
        self.log_tabs.setAccessibleName(self.tr("Log"))
        self.log_tabs.setDocumentMode(True)
        self.log_tabs.addTab(self._tab_page(self.table, None), self.tr("Sessions"))
        self.log_tabs.addTab(
            self._tab_page(self.check_in_table, self.check_ins_empty), self.tr("Check-ins")
        )
        self.log_tabs.addTab(
            self._tab_page(self.reminder_table, self.reminders_empty), self.tr("Reminders")
        )
        # The active programme's adherence: a tab shown only while a programme is active.
        self.programme = ProgrammePanel()
        self.log_tabs.addTab(self.programme, self.tr("Programme"))
        self.log_tabs.setTabVisible(PROGRAMME_TAB, False)
        self.log_tabs.addTab(
            self._tab_page(self.change_table, self.changes_empty), self.tr("Changes")
        )
        self.log_tabs.currentChanged.connect(self._tab_changed)
        table_box = QWidget()
        table_layout = QVBoxLayout(table_box)
        table_layout.setContentsMargins(0, 6, 0, 0)
        table_layout.addWidget(self.log_tabs, 1)
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
        self.fit_table_to_font()
        self._tab_changed(0)

    @staticmethod
    def _tab_page(table: QTableView, empty: QLabel | None) -> QWidget:
        page = QWidget()
        box = QVBoxLayout(page)
        box.setContentsMargins(0, 6, 0, 0)
        box.setSpacing(6)
        if empty is not None:
            box.addWidget(empty)
        box.addWidget(table, 1)
        return page

    def _tab_changed(self, index: int) -> None:
        """Show the buttons that act on the tab shown (sessions or check-ins)."""
        self.repeat_button.setVisible(index == SESSIONS_TAB)
        self.delete_button.setVisible(index == SESSIONS_TAB)
        self.edit_check_in_button.setVisible(index == CHECK_INS_TAB)
        self.delete_check_in_button.setVisible(index == CHECK_INS_TAB)

    def fit_table_to_font(self) -> None:
        """Row height and column widths from the font in use, so no cell is cut at 200 %.

        Measured from a sample of each column's widest text, not from the rows
        (ResizeToContents measures every row: seconds for a ten-year log). The last column
        (the note, or what happened) takes the rest. Each header has room for its title and,
        beside it, the sort arrow.
        """
        if getattr(self, "change_table", None) is None:  # still being built
            return
        metrics = self.table.fontMetrics()
        date_samples = [logged_at(SAMPLE_MOMENT)]
        in_locale: dict[int, list[str]] = {
            0: date_samples,
            3: [self.tr("{done} of {total}").format(done=count(10), total=count(10))],
            6: [SessionTableModel.feeling(word) for word in FEELING_WORDS],
            7: [SessionTableModel.hurt("Knee to chest", action) for action in HURT_WORDS],
        }
        session_samples = [
            [sample, *in_locale.get(column, [])] for column, sample in enumerate(COLUMN_SAMPLES)
        ]
        widths = fit_columns(
            self.table,
            session_samples,
            [SessionTableModel.header(column) for column in range(len(COLUMNS))],
        )
        # A long "This hurts" entry is elided (its tooltip and the details say it whole).
        hurt_limit = HURT_COLUMN_CHARACTERS * metrics.averageCharWidth()
        self.table.setColumnWidth(7, max(min(widths[7], hurt_limit), header_room(self.table, 7)))
        fit_columns(
            self.check_in_table,
            [date_samples, ["10"], [CheckInTableModel.kind(kind) for kind in CHECK_IN_KINDS]],
            [CheckInTableModel.header(column) for column in range(len(CHECK_IN_COLUMNS))],
        )
        fit_columns(
            self.change_table,
            [
                date_samples,
                ["Marching bridge: 12 repetitions → 14 repetitions"],
                [self.tr("Declined"), self.tr("Accepted")],
            ],
            [ChangeTableModel.header(column) for column in range(len(CHANGE_COLUMNS))],
        )
        fit_columns(
            self.reminder_table,
            [date_samples],
            [QCoreApplication.translate("ReminderTableModel", REMINDER_COLUMNS[0])],
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

    def set_check_ins(self, rows: list[CheckInRow]) -> None:
        """Fill the check-ins tab (its hint shows when there are none)."""
        self.check_in_model.set_rows(rows)
        self.check_ins_empty.setVisible(not rows)
        self._update_buttons()

    def set_programme(self, summary: ProgrammeSummary | None) -> None:
        """Show the active programme's tab (None: no programme, no tab)."""
        self.programme.set_summary(summary)
        shown = summary is not None
        if not shown and self.log_tabs.currentIndex() == PROGRAMME_TAB:
            self.log_tabs.setCurrentIndex(SESSIONS_TAB)
        self.log_tabs.setTabVisible(PROGRAMME_TAB, shown)

    def set_changes(self, rows: list[ChangeRow]) -> None:
        """Fill the changes tab (its hint shows when there are none)."""
        self.change_model.set_rows(rows)
        self.changes_empty.setVisible(not rows)

    def set_reminders(self, rows: list[ReminderRow]) -> None:
        """Fill the reminder log tab (its hint shows when there is nothing)."""
        self.reminder_model.set_rows(rows)
        self.reminders_empty.setVisible(not rows)

    def selected_check_in(self) -> int | None:
        """The entry id of the selected check-in."""
        rows = self.check_in_table.selectionModel().selectedRows()
        if not rows:
            return None
        return self.check_in_model.row_at(rows[0].row()).entry_id

    def select_check_in(self, entry_id: int) -> None:
        """Select a check-in's row (tests, and after undo); shows the check-ins tab."""
        for row in range(self.check_in_model.rowCount()):
            if self.check_in_model.row_at(row).entry_id == entry_id:
                self.log_tabs.setCurrentIndex(CHECK_INS_TAB)
                self.check_in_table.selectRow(row)
                return

    def check_in_row(self, entry_id: int) -> CheckInRow | None:
        """The check-in with this entry id, as listed (None when not in the range shown)."""
        for row in range(self.check_in_model.rowCount()):
            if self.check_in_model.row_at(row).entry_id == entry_id:
                return self.check_in_model.row_at(row)
        return None

    def _with_check_in(self, signal: SignalInstance) -> None:
        entry_id = self.selected_check_in()
        if entry_id is not None:
            signal.emit(entry_id)

    def _check_in_activated(self, index: QModelIndex) -> None:
        self.check_in_edit_requested.emit(self.check_in_model.row_at(index.row()).entry_id)

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
        check_in = self.selected_check_in() is not None
        self.edit_check_in_button.setEnabled(check_in)
        self.delete_check_in_button.setEnabled(check_in)
