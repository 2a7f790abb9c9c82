"""How the routine editor is laid out, and its dosage fields.

The page scrolls: the name and description, the exercises with the buttons that move them, and
the current exercise's dosage card, a field per value. The total, what stops Save and the
buttons stay in sight below it. The editor's behaviour is in `routine_editor`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from spinecoach.core.ui_text import QT_TRANSLATE_NOOP
from spinecoach.ui.library.routine_items import EditedItem
from spinecoach.ui.widgets.callout import callout
from spinecoach.ui.widgets.page_scroll import scrolling_page
from spinecoach.ui.widgets.reflow import WrappingRow

if TYPE_CHECKING:
    from spinecoach.ui.library.routine_editor import RoutineEditor


#: The dosage fields the editor shows, with their labels (translated where shown).
FIELD_LABELS: dict[str, str] = {
    "reps": QT_TRANSLATE_NOOP("RoutineEditor", "Repetitions"),
    "hold_seconds": QT_TRANSLATE_NOOP("RoutineEditor", "Hold (seconds)"),
    "sets": QT_TRANSLATE_NOOP("RoutineEditor", "Sets"),
    "rest_seconds": QT_TRANSLATE_NOOP("RoutineEditor", "Rest between sets (seconds)"),
    "duration_seconds": QT_TRANSLATE_NOOP("RoutineEditor", "Length (seconds)"),
}
#: What a timed block (a walk) may change, and what a routine of repetitions may.
TIMED_FIELDS = ("duration_seconds",)
REPS_FIELDS = ("reps", "hold_seconds", "sets", "rest_seconds")
#: The widest any spin box goes: a typed value is kept and judged, not cut off at the range.
SPIN_MAX = 3600


def _tr(text: str) -> str:
    return QCoreApplication.translate("RoutineEditor", text)


def keep_text_height(field: QWidget) -> None:
    """A field at least as tall as its text needs (the stylesheet's min-height is less at 200 %).

    The editor's page scrolls at its minimum height when the dialog is small, so a field
    would otherwise get only the stylesheet's minimum, shorter than its text.
    """
    field.setMinimumHeight(field.sizeHint().height())


class DosageField:
    """One dosage field: its label, spin box and the range (or the problem) beside it."""

    def __init__(self, name: str, column: QVBoxLayout) -> None:
        self.name = name
        self.label = QLabel(_tr(FIELD_LABELS[name]))
        self.label.setWordWrap(True)
        self.spin = QSpinBox()
        self.spin.setObjectName(f"field_{name}")
        self.spin.setRange(0, SPIN_MAX)
        self.spin.setAccessibleName(_tr(FIELD_LABELS[name]))
        self.spin.setKeyboardTracking(True)
        self.label.setBuddy(self.spin)
        self.hint = QLabel()
        self.hint.setObjectName(f"range_{name}")
        self.hint.setWordWrap(True)
        self.hint.setProperty("role", "muted")
        # The label over the field and its range: nothing squeezed beside a long German label.
        row = QHBoxLayout()
        row.setSpacing(10)
        row.addWidget(self.spin, 0, Qt.AlignmentFlag.AlignTop)
        row.addWidget(self.hint, 1)
        column.addWidget(self.label)
        column.addLayout(row)
        column.addSpacing(4)

    def set_visible(self, visible: bool) -> None:
        """Show or hide the label, the field and its range together."""
        for widget in (self.label, self.spin, self.hint):
            widget.setVisible(visible)

    def show(self, item: EditedItem) -> None:
        """The item's value and range, and the problem when the value is outside it."""
        low, high = item.range_of(self.name)
        value = getattr(item.dosage, self.name)
        self.spin.blockSignals(True)
        self.spin.setValue(int(value or 0))
        self.spin.blockSignals(False)
        fixed = low == high
        self.spin.setEnabled(not fixed)
        problem = next((p for p in item.problems if p.field == self.name), None)
        if problem is not None:
            text = QCoreApplication.translate(
                "RoutineEditor", "{value} is outside the safe range: {low} to {high}"
            ).format(value=problem.value, low=problem.low, high=problem.high)
            self.hint.setProperty("role", "redflag")
        elif fixed:
            text = QCoreApplication.translate("RoutineEditor", "Set by the exercise")
            self.hint.setProperty("role", "muted")
        else:
            text = QCoreApplication.translate("RoutineEditor", "{low} to {high}").format(
                low=low, high=high
            )
            self.hint.setProperty("role", "muted")
        self.hint.setText(text)
        self.spin.setAccessibleDescription(text)
        self.spin.setProperty("invalid", problem is not None)
        for widget in (self.hint, self.spin):
            widget.style().unpolish(widget)
            widget.style().polish(widget)
        keep_text_height(self.spin)


def lay_out(editor: RoutineEditor, notice: str) -> dict[str, DosageField]:
    """Put the editor's widgets in place (`notice` atop, when given); returns its dosage fields."""
    dosage: dict[str, DosageField] = {}
    page = QWidget()
    page.setObjectName("routineEditorPage")
    body = QVBoxLayout(page)
    body.setContentsMargins(20, 16, 20, 8)
    body.setSpacing(10)
    if notice:
        frame, box = callout("routineEditorNotice", "caution")
        text = QLabel(notice)
        text.setObjectName("routineEditorNoticeText")
        text.setWordWrap(True)
        box.addWidget(text)
        body.addWidget(frame)
    top = QGridLayout()
    top.setHorizontalSpacing(10)
    name_label = QLabel(QCoreApplication.translate("RoutineEditor", "Name"))
    name_label.setBuddy(editor.name)
    description_label = QLabel(QCoreApplication.translate("RoutineEditor", "Description"))
    description_label.setBuddy(editor.description)
    top.addWidget(name_label, 0, 0)
    top.addWidget(editor.name, 0, 1)
    top.addWidget(description_label, 1, 0)
    top.addWidget(editor.description, 1, 1)
    top.setColumnStretch(1, 1)
    body.addLayout(top)

    left = QVBoxLayout()
    heading = QLabel(QCoreApplication.translate("RoutineEditor", "Exercises, in order"))
    heading.setProperty("role", "heading")
    heading.setWordWrap(True)
    left.addWidget(heading)
    # The buttons above the list: in sight when a small window scrolls the page.
    moves = WrappingRow(spacing=6)
    for button in (editor.add_button, editor.up_button, editor.down_button, editor.remove_button):
        moves.addWidget(button)
    left.addLayout(moves)
    left.addWidget(editor.items, 1)

    right_frame = QFrame()
    right_frame.setObjectName("itemDosage")
    right_frame.setProperty("role", "card")
    right = QVBoxLayout(right_frame)
    right.setContentsMargins(14, 12, 14, 12)
    right.addWidget(editor.item_title)
    right.addWidget(editor.item_note)
    fields = QVBoxLayout()
    fields.setSpacing(4)
    for name in (*REPS_FIELDS, *TIMED_FIELDS):
        dosage[name] = DosageField(name, fields)
    fields.addWidget(editor.side_label)
    fields.addWidget(editor.side, 0, Qt.AlignmentFlag.AlignLeft)
    right.addLayout(fields)
    right.addWidget(editor.no_item)
    right.addStretch(1)

    columns = QHBoxLayout()
    columns.setSpacing(16)
    columns.addLayout(left, 1)
    columns.addWidget(right_frame, 1)
    body.addLayout(columns, 1)
    buttons = WrappingRow(spacing=8)
    buttons.add_push()
    buttons.addWidget(editor.cancel_button)
    buttons.addWidget(editor.save_button)
    button_box = QWidget()
    button_box.setLayout(buttons)
    outer = QVBoxLayout(editor)
    outer.setContentsMargins(0, 0, 0, 12)
    outer.addWidget(scrolling_page(page, "routineEditorScroll"), 1)
    # Below the page, always in sight: the total, what stops Save, and the buttons.
    summary = QHBoxLayout()
    summary.setContentsMargins(20, 8, 20, 0)
    summary.addWidget(editor.total, 1)
    summary.addWidget(editor.badge, 0, Qt.AlignmentFlag.AlignTop)
    outer.addLayout(summary)
    status_row = QHBoxLayout()
    status_row.setContentsMargins(20, 0, 20, 0)
    status_row.addWidget(editor.status)
    outer.addLayout(status_row)
    button_row = QHBoxLayout()
    button_row.setContentsMargins(20, 0, 20, 0)
    button_row.addWidget(button_box)
    outer.addLayout(button_row)
    button_box.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
    return dosage
