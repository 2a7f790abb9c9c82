"""Which period the clinician's report covers, asked before the file dialog.

Five choices ending today (`core.report_period.REPORT_PERIODS`), three months chosen first;
arrow keys move between them, Enter goes on to the file dialog, Esc cancels.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from spinecoach.core.report_period import DEFAULT_PERIOD, REPORT_PERIODS, ReportPeriod
from spinecoach.core.ui_text import QT_TRANSLATE_NOOP

#: Each choice as the dialog words it.
PERIOD_CHOICES: dict[ReportPeriod, str] = {
    ReportPeriod.FOUR_WEEKS: QT_TRANSLATE_NOOP("ReportPeriodDialog", "The last 4 weeks"),
    ReportPeriod.THREE_MONTHS: QT_TRANSLATE_NOOP("ReportPeriodDialog", "The last 3 months"),
    ReportPeriod.SIX_MONTHS: QT_TRANSLATE_NOOP("ReportPeriodDialog", "The last 6 months"),
    ReportPeriod.TWELVE_MONTHS: QT_TRANSLATE_NOOP("ReportPeriodDialog", "The last 12 months"),
    ReportPeriod.EVERYTHING: QT_TRANSLATE_NOOP("ReportPeriodDialog", "Everything recorded"),
}


class ReportPeriodDialog(QDialog):
    """Asks which period the report covers; `period()` is the choice."""

    def __init__(
        self, parent: QWidget | None = None, *, chosen: ReportPeriod = DEFAULT_PERIOD
    ) -> None:
        super().__init__(parent)
        self.setObjectName("reportPeriodDialog")
        self.setWindowTitle(self.tr("Report for a clinician"))
        self.setModal(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 16)
        layout.setSpacing(8)
        question = QLabel(self.tr("Which period should the report cover?"))
        question.setObjectName("reportPeriodQuestion")
        question.setWordWrap(True)
        layout.addWidget(question)
        self._group = QButtonGroup(self)
        self._buttons: dict[ReportPeriod, QRadioButton] = {}
        for period in REPORT_PERIODS:
            button = QRadioButton(
                QCoreApplication.translate("ReportPeriodDialog", PERIOD_CHOICES[period])
            )
            button.setObjectName(f"reportPeriod_{period.value}")
            button.setAccessibleDescription(question.text())
            self._group.addButton(button)
            self._buttons[period] = button
            layout.addWidget(button)
        question.setBuddy(self._buttons[chosen])
        self._buttons[chosen].setChecked(True)
        self._buttons[chosen].setFocus()
        note = QLabel(
            self.tr(
                "The report ends today and starts no earlier than your first record. "
                "It holds your pain scores and notes: keep the file private."
            )
        )
        note.setObjectName("reportPeriodNote")
        note.setWordWrap(True)
        note.setProperty("role", "muted")
        layout.addWidget(note)
        buttons = QDialogButtonBox()
        buttons.setObjectName("reportPeriodButtons")
        self.choose_button = buttons.addButton(
            self.tr("Choose where to save…"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.choose_button.setObjectName("reportPeriodChoose")
        self.choose_button.setDefault(True)
        cancel = buttons.addButton(self.tr("Cancel"), QDialogButtonBox.ButtonRole.RejectRole)
        cancel.setObjectName("reportPeriodCancel")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def period(self) -> ReportPeriod:
        """The period chosen."""
        for period, button in self._buttons.items():
            if button.isChecked():
                return period
        return DEFAULT_PERIOD

    def choose(self, period: ReportPeriod) -> None:
        """Choose `period`, as a click would."""
        self._buttons[period].setChecked(True)
