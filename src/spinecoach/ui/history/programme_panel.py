"""History's "Programme" tab: the active programme, and sessions done against prescribed.

A passive view, filled by `HistoryController` from `core.programme.adherence` (the rules of
what counts and how the first and the current week are prorated live there; `summarise_programme`
puts their weeks in the tab's terms): the title, who prescribed it and how to reach them, each
routine with how often, this week's count, and a table of every week since the programme
started, newest first, all routines and each one.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHeaderView,
    QLabel,
    QScrollArea,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from spinecoach.core.messages import Messages
from spinecoach.ui.history.locale_text import count, weekday_date

if TYPE_CHECKING:
    from spinecoach.core.programme.model import Programme


@dataclass(frozen=True, slots=True)
class ProgrammeWeek:
    """One week (from its Monday): sessions done and prescribed, all routines and each one."""

    week_start: date
    done: int
    prescribed: int
    routines: tuple[tuple[int, int], ...]


@dataclass(frozen=True, slots=True)
class ProgrammeSummary:
    """What the tab shows; `routines` are (name, how often), worded in the language in use."""

    title: str
    prescribed_by: str
    contact: str
    routines: tuple[tuple[str, str], ...]
    weeks: tuple[ProgrammeWeek, ...]


def summarise_programme(
    programme: Programme,
    completed: Sequence[tuple[str, date]],
    today: date,
    aliases: Mapping[str, str],
    words: Messages,
) -> ProgrammeSummary:
    """What the tab shows of `programme` on `today`, its routines' frequency in `words`.

    `completed`: the sessions completed since it started, as (routine id, local day); `aliases`:
    the person's eased copies of locked routines -> the routine each eases.
    """
    from spinecoach.core.programme.adherence import adherence_by_routine, weekly_adherence

    weeks = weekly_adherence(programme, completed, today, aliases=aliases)
    by_routine = adherence_by_routine(programme, completed, today, aliases=aliases)
    ids = programme.routine_ids
    per_week = {
        routine_id: {week.week_start: week for week in by_routine.get(routine_id, ())}
        for routine_id in ids
    }
    rows = []
    for week in weeks:
        cells = []
        for routine_id in ids:
            own = per_week[routine_id].get(week.week_start)
            cells.append((own.done, own.prescribed) if own is not None else (0, 0))
        rows.append(ProgrammeWeek(week.week_start, week.done, week.prescribed, tuple(cells)))
    return ProgrammeSummary(
        title=programme.title,
        prescribed_by=programme.prescribed_by,
        contact=programme.contact,
        routines=tuple((p.routine.name, p.frequency.text(words)) for p in programme.routines),
        weeks=tuple(rows),
    )


class ProgrammePanel(QWidget):
    """The programme and its adherence per week (see the module doc)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("programmePanel")
        self.title = QLabel()
        self.title.setObjectName("programmeTitle")
        self.title.setProperty("role", "heading")
        font = self.title.font()
        font.setBold(True)
        self.title.setFont(font)
        self.prescriber = QLabel()
        self.prescriber.setObjectName("programmePrescriber")
        self.prescription = QLabel()
        self.prescription.setObjectName("programmeRoutines")
        self.this_week = QLabel()
        self.this_week.setObjectName("programmeThisWeek")
        for label in (self.title, self.prescriber, self.prescription, self.this_week):
            label.setWordWrap(True)
        self.prescriber.setProperty("role", "muted")
        self.table = QTableWidget()
        self.table.setObjectName("programmeWeeks")
        self.table.setAccessibleName(self.tr("Sessions done and prescribed, per week"))
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        # The tab may be short (a small window, large text): it scrolls rather than squeeze
        # its lines; the table keeps room for a few weeks.
        content = QWidget()
        content.setObjectName("programmeContent")
        box = QVBoxLayout(content)
        box.setContentsMargins(0, 6, 0, 0)
        box.setSpacing(4)
        for label in (self.title, self.prescriber, self.prescription, self.this_week):
            box.addWidget(label)
        box.addWidget(self.table, 1)
        self.scroller = QScrollArea()
        self.scroller.setObjectName("programmeScroll")
        self.scroller.setFrameShape(QFrame.Shape.NoFrame)
        self.scroller.setWidgetResizable(True)
        self.scroller.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.scroller.setWidget(content)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.scroller)
        self._fit_table()
        self.summary: ProgrammeSummary | None = None

    def set_summary(self, summary: ProgrammeSummary | None) -> None:
        """Show the programme (None: none is active; the tab is then hidden by the view)."""
        self.summary = summary
        if summary is None:
            self.table.setRowCount(0)
            return
        self.title.setText(summary.title)
        by = self.tr("Prescribed by {name}").format(name=summary.prescribed_by)
        if summary.contact.strip():
            by = self.tr("{prescribed_by} · {contact}").format(
                prescribed_by=by, contact=summary.contact
            )
        self.prescriber.setText(by)
        self.prescription.setText(
            "\n".join(
                self.tr("{routine}: {frequency}").format(routine=name, frequency=how)
                for name, how in summary.routines
            )
        )
        current = summary.weeks[-1] if summary.weeks else None
        if current is None:
            self.this_week.setText(self.tr("The programme has not started yet."))
        else:
            self.this_week.setText(
                self.tr("This week: {done} of {prescribed} sessions done").format(
                    done=count(current.done), prescribed=count(current.prescribed)
                )
            )
        headers = [self.tr("Week of"), self.tr("All routines")]
        headers += [name for name, _how in summary.routines]
        self.table.setColumnCount(len(headers))
        self.table.setHorizontalHeaderLabels(headers)
        weeks = list(reversed(summary.weeks))
        self.table.setRowCount(len(weeks))
        for row, week in enumerate(weeks):
            cells = [weekday_date(week.week_start), self.done_of(week.done, week.prescribed)]
            cells += [self.done_of(done, prescribed) for done, prescribed in week.routines]
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if column:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                self.table.setItem(row, column, item)

    def _fit_table(self) -> None:
        """Room for the header and three weeks at least, in the font in use."""
        rows = self.table.fontMetrics().height() + 12
        self.table.verticalHeader().setDefaultSectionSize(rows)
        self.table.setMinimumHeight(4 * rows + 2 * self.table.frameWidth() + 4)

    def changeEvent(self, event: QEvent) -> None:
        """Qt override: a new text size re-measures the table."""
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self._fit_table()
        super().changeEvent(event)

    def done_of(self, done: int, prescribed: int) -> str:
        """Sessions done of those prescribed: "3 of 7"."""
        return self.tr("{done} of {prescribed}").format(
            done=count(done), prescribed=count(prescribed)
        )

    def cell(self, row: int, column: int) -> str:
        """A cell's text (tests)."""
        item = self.table.item(row, column)
        return item.text() if item is not None else ""
