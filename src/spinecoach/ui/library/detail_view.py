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
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from spinecoach.core.exercise import Exercise, Guide, Position, Routine, format_duration
from spinecoach.core.library import Library
from spinecoach.core.timeline import (
    DEFAULT_SETTINGS,
    POSITION_WORDS,
    SessionSettings,
    played_seconds,
)
from spinecoach.ui.library.illustrations import IllustrationCache
from spinecoach.ui.widgets.callout import callout
from spinecoach.ui.widgets.flow_layout import FlowLayout

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


def pictured(name: str, position: Position) -> str:
    """A picture's text alternative: what is shown and in which position."""
    return f"{name}, {POSITION_WORDS.get(position, str(position))}"


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

    def __init__(
        self,
        illustrations: IllustrationCache,
        library: Library | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._library = library or Library()
        self._session_settings = DEFAULT_SETTINGS
        self.setObjectName("exerciseDetail")
        self.setAccessibleName("Exercise details")
        self.setWidgetResizable(True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self._illustrations = illustrations
        self._layout = QVBoxLayout()
        self._shown: Exercise | Routine | Guide | None = None
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
    def shown(self) -> Exercise | Routine | Guide | None:
        """What the view currently shows."""
        return self._shown

    @property
    def session_settings(self) -> SessionSettings:
        """The player's timings the routine pages are worked out with."""
        return self._session_settings

    def set_session_settings(self, settings: SessionSettings) -> None:
        """The player's timings, so a routine's total is what the player will take."""
        self._session_settings = settings
        if isinstance(self._shown, Routine):
            self.refresh()

    def refresh(self) -> None:
        """Redraw what is shown (after a theme change)."""
        if isinstance(self._shown, Exercise):
            self.show_exercise(self._shown, self._routine_names)
        elif isinstance(self._shown, Routine):
            self.show_routine(self._shown)
        elif isinstance(self._shown, Guide):
            self.show_guide(self._shown)
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
        self._add_illustration(exercise.image, pictured(exercise.name, exercise.position))
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
            number.setMinimumWidth(30)  # wider when the text is larger, or the number is 10
            steps.addWidget(number, row, 0, Qt.AlignmentFlag.AlignTop)
            steps.addWidget(_label(step), row, 1)
        steps.setColumnStretch(1, 1)
        self._layout.addLayout(steps)
        if exercise.breathing:
            self._layout.addWidget(_label("Breathing", "heading"))
            self._layout.addWidget(_label(exercise.breathing))
        self._add_cautions(exercise.cautions)
        self._add_sources(exercise.sources)
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
        played = played_seconds(routine, self._session_settings)
        chips = [
            f"{format_duration(played)} in all",
            f"{count} exercise{'s' if count != 1 else ''}",
        ]
        if routine.desk_friendly:
            chips.append("Desk-friendly")
        if routine.on_floor:
            chips.append("Floor")
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
            picture.setAccessibleName(
                "Picture of " + pictured(item.exercise.name, item.exercise.position)
            )
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
        between = played - routine.total_seconds
        timing = _label(
            f"{format_duration(routine.total_seconds)} of exercise and "
            f"{format_duration(between)} to get ready and move on between exercises.",
            "muted",
        )
        timing.setObjectName("routineTiming")
        self._layout.addWidget(timing)
        if routine.on_floor:
            self._add_floor_note()
        self._add_routine_cautions(routine)
        self._add_footer()

    def show_guide(self, guide: Guide) -> None:
        """Show an untimed how-to card (the log roll): steps, cautions, source; no Start."""
        self._shown = guide
        self._reset()
        self._add_illustration(guide.image, pictured(guide.name, guide.position))
        title = _label(guide.name, "title")
        title.setObjectName("detailTitle")
        self._layout.addWidget(title)
        self._layout.addWidget(_label(guide.summary, "muted"))
        self._add_chips(["How-to", guide.position.value.capitalize()])
        self._layout.addWidget(_label("How to do it", "heading"))
        for number, step in enumerate(guide.steps, start=1):
            self._layout.addWidget(_label(f"{number}.  {step}"))
        self._add_cautions(guide.cautions)
        self._add_sources(guide.sources)
        self._add_footer()

    def _add_floor_note(self) -> None:
        text = escape(
            "Part of this routine is on the floor. The player waits for you to get down and up "
            "again: press Start when you are in position."
        )
        links = [
            f'{label} <a href="guide:{escape(guide.id)}">{escape(guide.name)}</a>'
            for label, guide_id in (
                ("To get down to the floor and up without twisting, see", "floor-transfer"),
                ("On a bed, see", "log-roll"),
            )
            if (guide := self._library.guides.get(guide_id)) is not None
        ]
        if links:
            text += " " + ". ".join(links) + "."
        note = _label(text, "muted", rich=True)
        note.setObjectName("floorNote")
        note.linkActivated.connect(self._open_link)
        self._layout.addWidget(note)

    def _open_link(self, link: str) -> None:
        if link.startswith("guide:"):
            guide = self._library.guides.get(link.removeprefix("guide:"))
            if guide is not None:
                self.show_guide(guide)
            return
        self.item_link_activated.emit(link)

    def _add_routine_cautions(self, routine: Routine) -> None:
        """Every caution of every exercise, under the exercise's name, in routine order."""
        frame, box = callout("cautions", "caution")
        box.addWidget(_label("Take care", "heading"))
        seen: set[str] = set()
        for item in routine.items:
            exercise = item.exercise
            if exercise.id in seen:
                continue
            seen.add(exercise.id)
            name = _label(exercise.name)
            name.setProperty("role", "cautionExercise")
            box.addWidget(name)
            for caution in exercise.cautions:
                box.addWidget(_label(f"•  {caution}"))
        box.addSpacing(4)
        box.addWidget(_label(STOP_ADVICE))
        self._layout.addSpacing(6)
        self._layout.addWidget(frame)

    def _add_sources(self, source_ids: tuple[str, ...]) -> None:
        citations = self._library.cite(source_ids)
        if not citations:
            return
        sources = _label(
            ("Source: " if len(citations) == 1 else "Sources: ") + "; ".join(citations), "muted"
        )
        sources.setObjectName("detailSources")
        self._layout.addWidget(sources)

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
        # As wide as the page has room for (a 960 x 540 window has less than 480 px); if the
        # window narrows later the picture's empty sides are cut, never the page's text.
        margins = self._layout.contentsMargins()
        shown = self.isVisible()  # before its first layout the viewport's width means nothing
        room = self.viewport().width() - margins.left() - margins.right() if shown else 0
        width = ILLUSTRATION_WIDTH if room <= 0 else max(160, min(ILLUSTRATION_WIDTH, room))
        picture.setPixmap(self._illustrations.trimmed(image, width, self.devicePixelRatioF()))
        picture.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
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
