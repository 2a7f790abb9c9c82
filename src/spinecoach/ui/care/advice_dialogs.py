"""Advice when something hurts: after a pain rise, and after a reminder skipped "in pain".

Both put gentle movement first (NICE NG59: staying active helps; bed rest does not), then what
to do next time, then the red flags, most urgent first. The words come from `core.pain` and
`core.safety` (in the language of the `words` given); these dialogs only lay them out.

Widths are in characters of the dialog's font, so a dialog grows with the text size, and never
wider than the screen: at 200 % text its lines wrap and its body scrolls instead.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from spinecoach.core.messages import ENGLISH, Messages
from spinecoach.core.pain import PainRiseAdvice
from spinecoach.core.safety import RedFlagGroup, safety_texts
from spinecoach.ui.care.red_flags import red_flags_panel

# The least width of an advice dialog, in average characters of its font (560 px at 9 pt).
DIALOG_CHARACTERS = 94

# Room left beside a dialog on a screen it would not fit (the window frame, a little air).
SCREEN_MARGIN = 48


def fit_width(dialog: QWidget, characters: int = DIALOG_CHARACTERS) -> None:
    """Give `dialog` a least width of `characters` of its font, but never more than the screen."""
    wanted = dialog.fontMetrics().averageCharWidth() * characters
    screen = dialog.screen()
    if screen is not None:
        wanted = min(wanted, screen.availableGeometry().width() - SCREEN_MARGIN)
    dialog.setMinimumWidth(wanted)


def body_height(widget: QWidget, lines: int) -> int:
    """`lines` lines of `widget`'s text, but at most a third of the screen's height.

    A dialog's scrolling body gives way first: what wraps above and below it (a long title, a
    second line of buttons at 200 % text) keeps its room in a dialog the screen holds.
    """
    wanted = widget.fontMetrics().lineSpacing() * lines
    screen = widget.screen()
    if screen is not None:
        wanted = min(wanted, screen.availableGeometry().height() // 3)
    return wanted


def scrolling(content: QWidget, object_name: str, lines: int) -> QScrollArea:
    """`content` in a frameless vertical scroll area, so long advice never pushes buttons away.

    It is at least `lines` lines of text high (`body_height`).
    """
    scroll = QScrollArea()
    scroll.setObjectName(object_name)
    # It takes the keyboard to scroll, so a screen reader names it.
    scroll.setAccessibleName(QCoreApplication.translate("Advice", "Advice, and when to get help"))
    scroll.setWidgetResizable(True)
    scroll.setFrameShape(QScrollArea.Shape.NoFrame)
    scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    scroll.setWidget(content)
    scroll.setMinimumHeight(body_height(scroll, lines))
    return scroll


def plain(text: str, object_name: str = "") -> QLabel:
    """A wrapping plain-text label."""
    label = QLabel(text)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    if object_name:
        label.setObjectName(object_name)
    return label


def advice_with_red_flags(
    name: str, advice: Iterable[str], groups: tuple[RedFlagGroup, ...], lines: int
) -> QScrollArea:
    """The body every advice dialog shares: bullet lines, then the red flags, scrolling.

    Object names: `<name>Advice<n>` for the lines, `<name>RedFlags`, `<name>Scroll`.
    """
    body = QWidget()
    column = QVBoxLayout(body)
    column.setContentsMargins(0, 0, 8, 0)
    column.setSpacing(8)
    for number, line in enumerate(advice):
        column.addWidget(plain(f"•  {line}", f"{name}Advice{number}"))
    column.addSpacing(4)
    column.addWidget(red_flags_panel(f"{name}RedFlags", groups))
    column.addStretch(1)
    return scrolling(body, f"{name}Scroll", lines)


class PainRiseDialog(QDialog):
    """After a session whose pain rose meaningfully or ended severe (`core.pain.rise_advice`)."""

    def __init__(self, advice: PainRiseAdvice, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("painRoseMessage")
        self.setWindowTitle(advice.title)
        self.setModal(True)
        fit_width(self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(28, 24, 28, 20)
        layout.setSpacing(10)
        title = plain(advice.title)
        title.setProperty("role", "title")
        layout.addWidget(title)
        layout.addWidget(plain(advice.summary, "painRiseSummary"))
        body = advice_with_red_flags("painRise", advice.advice, advice.red_flags, 23)
        layout.addWidget(body, 1)
        buttons = QDialogButtonBox()
        ok = buttons.addButton(self.tr("OK"), QDialogButtonBox.ButtonRole.AcceptRole)
        ok.setObjectName("painRiseOk")
        ok.setDefault(True)
        buttons.accepted.connect(self.accept)
        layout.addWidget(buttons)


class InPainDialog(QDialog):
    """A reminder was skipped "in pain": gentle advice, the red flags, and "Log pain now".

    Not modal: it sits beside whatever the person was doing. `words`: the language of the
    advice and the red flags (`Library.words`).

    Signals:
        log_pain_requested(): the person wants to record how their back is now.
    """

    log_pain_requested = Signal()

    def __init__(self, parent: QWidget | None = None, *, words: Messages = ENGLISH) -> None:
        super().__init__(parent)
        self.setObjectName("inPainDialog")
        self.setWindowTitle(self.tr("Sorry your back hurts"))
        fit_width(self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(28, 24, 28, 20)
        layout.setSpacing(10)
        title = plain(self.tr("Sorry your back hurts"))
        title.setProperty("role", "title")
        layout.addWidget(title)
        texts = safety_texts(words)
        body = advice_with_red_flags("inPain", texts.in_pain_advice, texts.red_flag_groups, 26)
        layout.addWidget(body, 1)
        buttons = QDialogButtonBox()
        log_pain = buttons.addButton(
            self.tr("Log pain now…"), QDialogButtonBox.ButtonRole.ActionRole
        )
        log_pain.setObjectName("inPainLogPain")
        close = buttons.addButton(QDialogButtonBox.StandardButton.Close)
        close.setObjectName("inPainClose")
        close.setDefault(True)
        log_pain.clicked.connect(self.log_pain_requested)
        log_pain.clicked.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
