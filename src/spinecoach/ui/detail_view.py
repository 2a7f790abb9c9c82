"""The right-hand side of the Library: everything about one exercise or one routine."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from spinecoach.core.exercise import Exercise, Routine, format_duration
from spinecoach.ui.callout import callout
from spinecoach.ui.flow_layout import FlowLayout
from spinecoach.ui.illustrations import IllustrationCache

DIFFICULTY_WORDS = {1: "Gentle", 2: "Moderate", 3: "Demanding"}
ILLUSTRATION_WIDTH = 480
ROUTINE_THUMB = QSize(64, 48)
STOP_ADVICE = (
    "Stop if an exercise makes your pain worse, or sends pain, numbness or tingling down a leg."
)


def _label(text: str, role: str | None = None, *, rich: bool = False) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.RichText if rich else Qt.TextFormat.PlainText)
    label.setTextInteractionFlags(
        Qt.TextInteractionFlag.TextBrowserInteraction
        if rich
        else Qt.TextInteractionFlag.TextSelectableByMouse
    )
    if role:
        label.setProperty("role", role)
    return label


def _chip(text: str) -> QLabel:
    chip = QLabel(text)
    chip.setProperty("role", "chip")
    return chip


class DetailView(QScrollArea):
    """Shows one exercise or routine in full.

    Signals:
        item_link_activated(str): the person clicked an exercise or routine named here;
            carries its id.
        start_requested(object): the Start button; carries the Exercise or Routine shown.
        safety_requested(): the person asked to read the safety notes.
    """

    item_link_activated = Signal(str)
    safety_requested = Signal()
    start_requested = Signal(object)

    def __init__(self, illustrations: IllustrationCache, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("exerciseDetail")
        self.setAccessibleName("Exercise details")
        self.setWidgetResizable(True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self._illustrations = illustrations
        self._layout = QVBoxLayout()
        self._shown: Exercise | Routine | None = None
        self._routine_names: list[tuple[str, str]] = []
        self.show_empty()

    def _reset(self) -> None:
        # A fresh page each time: the scroll area deletes the old one at once, so no stale
        # widget lingers for a frame and the new page starts scrolled to the top.
        content = QWidget()
        content.setObjectName("detailPage")
        self._layout = QVBoxLayout(content)
        self._layout.setContentsMargins(28, 24, 28, 24)
        self._layout.setSpacing(10)
        self.setWidget(content)

    @property
    def shown(self) -> Exercise | Routine | None:
        """What the view currently shows."""
        return self._shown

    def refresh(self) -> None:
        """Redraw what is shown (after a theme change)."""
        if isinstance(self._shown, Exercise):
            self.show_exercise(self._shown, self._routine_names)
        elif isinstance(self._shown, Routine):
            self.show_routine(self._shown)
        else:
            self.show_empty()

    def show_empty(self) -> None:
        """The state before anything is picked."""
        self._shown = None
        self._reset()
        self._layout.addStretch(1)
        hint = _label("Pick a routine or an exercise to see how it is done.", "muted")
        hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._layout.addWidget(hint)
        self._layout.addStretch(1)

    def show_exercise(self, exercise: Exercise, routines: list[tuple[str, str]]) -> None:
        """Show an exercise; `routines` are (id, name) pairs of routines that use it."""
        self._shown = exercise
        self._routine_names = routines
        self._reset()
        self._add_illustration(exercise.image, exercise.name)
        self._add_title(exercise.name, "Start this exercise")
        self._layout.addWidget(_label(exercise.summary, "muted"))
        chips = [
            exercise.category.value.capitalize(),
            exercise.position.value.capitalize(),
            DIFFICULTY_WORDS[exercise.difficulty],
        ]
        if exercise.desk_friendly:
            chips.append("Desk-friendly")
        chips += [target.value.capitalize() for target in exercise.targets]
        self._add_chips(chips)
        dose = _label(
            f"{exercise.dosage_text()}  ·  about {format_duration(exercise.total_seconds())}",
            "dose",
        )
        dose.setObjectName("detailDosage")
        dose.setWordWrap(False)
        self._layout.addWidget(dose, 0, Qt.AlignmentFlag.AlignLeft)
        self._layout.addWidget(_label("How to do it", "heading"))
        steps = QGridLayout()
        steps.setHorizontalSpacing(12)
        steps.setVerticalSpacing(8)
        for row, step in enumerate(exercise.steps):
            number = _label(f"{row + 1}", "chip")
            number.setAlignment(Qt.AlignmentFlag.AlignCenter)
            number.setFixedWidth(30)
            steps.addWidget(number, row, 0, Qt.AlignmentFlag.AlignTop)
            steps.addWidget(_label(step), row, 1)
        steps.setColumnStretch(1, 1)
        self._layout.addLayout(steps)
        if exercise.breathing:
            self._layout.addWidget(_label("Breathing", "heading"))
            self._layout.addWidget(_label(exercise.breathing))
        self._add_cautions(exercise.cautions)
        if routines:
            self._layout.addWidget(_label("Part of these routines", "heading"))
            links = " · ".join(
                f'<a href="{escape(rid)}">{escape(name)}</a>' for rid, name in routines
            )
            used_in = _label(links, rich=True)
            used_in.linkActivated.connect(self.item_link_activated)
            self._layout.addWidget(used_in)
        self._add_footer()

    def show_routine(self, routine: Routine) -> None:
        """Show a routine with its exercises, their dosage and the total time."""
        self._shown = routine
        self._reset()
        self._add_title(routine.name, "Start routine")
        self._layout.addWidget(_label(routine.description, "muted"))
        count = len(routine.items)
        chips = [
            f"{format_duration(routine.total_seconds)} of exercise",
            f"{count} exercise{'s' if count != 1 else ''}",
        ]
        if routine.desk_friendly:
            chips.append("Desk-friendly")
        self._add_chips(chips)
        self._layout.addWidget(_label("What you will do", "heading"))
        card = QFrame()
        card.setProperty("role", "card")
        rows = QVBoxLayout(card)
        rows.setContentsMargins(12, 8, 12, 8)
        rows.setSpacing(2)
        ratio = self.devicePixelRatioF()
        for number, item in enumerate(routine.items, start=1):
            row = QHBoxLayout()
            row.setSpacing(12)
            picture = QLabel()
            picture.setPixmap(
                self._illustrations.pixmap(item.exercise.image, ROUTINE_THUMB, ratio, crop=True)
            )
            picture.setFixedSize(ROUTINE_THUMB)
            row.addWidget(picture)
            name = _label(
                f'{number}. <a href="{escape(item.exercise.id)}">{escape(item.exercise.name)}</a>',
                rich=True,
            )
            name.linkActivated.connect(self.item_link_activated)
            text = QVBoxLayout()
            text.setSpacing(0)
            text.addWidget(name)
            text.addWidget(_label(item.exercise.dosage_text(item.dosage), "muted"))
            row.addLayout(text, 1)
            row.addWidget(_label(format_duration(item.seconds), "muted"))
            rows.addLayout(row)
        self._layout.addWidget(card)
        self._layout.addWidget(
            _label(
                "The session player adds a few seconds to get ready before each exercise.",
                "muted",
            )
        )
        cautions = sorted({c for item in routine.items for c in item.exercise.cautions[:1]})
        self._add_cautions(tuple(cautions))
        self._add_footer()

    def _add_title(self, text: str, start_text: str) -> None:
        row = QHBoxLayout()
        title = _label(text, "title")
        title.setObjectName("detailTitle")
        row.addWidget(title, 1)
        start = QPushButton(start_text)
        start.setObjectName("startButton")
        start.setProperty("role", "primary")
        start.setToolTip("Play it in the session player (or double-click it in the list)")
        start.setMinimumHeight(40)
        start.clicked.connect(lambda: self.start_requested.emit(self._shown))
        row.addWidget(start, 0, Qt.AlignmentFlag.AlignVCenter)
        self._layout.addLayout(row)

    def _add_illustration(self, image: str, name: str) -> None:
        picture = QLabel()
        picture.setObjectName("detailIllustration")
        picture.setAccessibleName(f"Illustration of {name}")
        picture.setAlignment(Qt.AlignmentFlag.AlignCenter)
        picture.setPixmap(
            self._illustrations.trimmed(image, ILLUSTRATION_WIDTH, self.devicePixelRatioF())
        )
        self._layout.addWidget(picture)

    def _add_chips(self, texts: list[str]) -> None:
        row = FlowLayout()
        for text in texts:
            row.addWidget(_chip(text))
        self._layout.addLayout(row)

    def _add_cautions(self, cautions: tuple[str, ...]) -> None:
        frame, box = callout("cautions", "caution")
        heading = _label("Take care", "heading")
        box.addWidget(heading)
        for caution in (*cautions, STOP_ADVICE):
            box.addWidget(_label(f"•  {caution}"))
        self._layout.addSpacing(6)
        self._layout.addWidget(frame)

    def _add_footer(self) -> None:
        self._layout.addStretch(1)
        footer = _label(
            "SpineCoach is a self-management aid, not a diagnosis or a treatment. "
            '<a href="safety">Read the safety notes and red-flag symptoms</a>.',
            "muted",
            rich=True,
        )
        footer.linkActivated.connect(lambda _link: self.safety_requested.emit())
        self._layout.addWidget(footer)
