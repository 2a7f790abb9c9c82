"""The right-hand side of the Library: everything about one exercise or one routine.

Which parts each page has, in what order, and what the page keeps (the search's advice, the
movements to avoid, the player's timings); how each part looks is `detail_parts`'.
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QBoxLayout,
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

from spinecoach.core.content_words import dosage_text, duration_text, label
from spinecoach.core.directions import exercise_mark, routine_mark
from spinecoach.core.exercise import Exercise, Guide, Routine, SpinalMovement
from spinecoach.core.library import Library
from spinecoach.core.session_settings import DEFAULT_SETTINGS, SessionSettings, played_seconds
from spinecoach.ui.library.detail_empty import add_hint, details_name, page_layout, pick_hint
from spinecoach.ui.library.detail_parts import (
    DIFFICULTY_WORDS,
    add_cautions,
    add_chips,
    add_direction_mark,
    add_routine_cautions,
    add_sources,
    pictured,
    routine_card,
    text_label,
)
from spinecoach.ui.library.illustrations import IllustrationCache
from spinecoach.ui.widgets.callout import callout
from spinecoach.ui.widgets.hyphenation import hyphenate

ILLUSTRATION_WIDTH = 480


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
        self._words = self._library.words
        self._session_settings = DEFAULT_SETTINGS
        self.setObjectName("exerciseDetail")
        self.setAccessibleName(details_name())
        self.setWidgetResizable(True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self._illustrations = illustrations
        self._layout = QVBoxLayout()
        self._shown: Exercise | Routine | Guide | None = None
        self._routine_names: list[tuple[str, str]] = []
        # The row of the title and the Start button, and both, while a page has them.
        self._title_row: tuple[QBoxLayout, QLabel, QPushButton] | None = None
        self._dose: QLabel | None = None
        self._nothing_found = False
        # Advice the search brought (leg pain, urgent signs), atop every page while it holds.
        self._note: tuple[str, bool] | None = None
        # The movements the person said make their pain worse (the setting avoid_movements).
        self._avoid: frozenset[SpinalMovement] = frozenset()
        self.show_empty()

    def _reset(self) -> None:
        self._title_row = None
        self._dose = None
        self._note_frame: QFrame | None = None
        # A fresh page each time: the scroll area deletes the old one at once, so no stale
        # widget lingers for a frame and the new page starts scrolled to the top.
        content = QWidget()
        content.setObjectName("detailPage")
        self._layout = page_layout(content)
        self.setWidget(content)
        if self._note is not None:
            self._add_note(*self._note)

    def set_note(self, text: str, *, urgent: bool = False) -> None:
        """Advice to show atop every page ("" for none); `urgent` tints it as a red flag."""
        note = (text, urgent) if text else None
        if note != self._note:
            self._note = note
            self.refresh()

    @property
    def nothing_found(self) -> bool:
        """True while the page says that the search and filters leave nothing."""
        return self._shown is None and self._nothing_found

    @property
    def note(self) -> str:
        """The advice shown atop the page ("" for none)."""
        return self._note[0] if self._note else ""

    def _add_note(self, text: str, urgent: bool) -> None:
        frame, box = callout("detailSearchNote", "redflags" if urgent else "caution")
        words = text_label(hyphenate(text))  # long German words break in a narrow pane at 200 %
        words.setObjectName("detailSearchNoteText")
        box.addWidget(words)
        safety = QPushButton(self.tr("Read the safety notes"))
        safety.setObjectName("detailSearchNoteSafety")
        safety.clicked.connect(self.safety_requested)
        row = QHBoxLayout()
        row.addWidget(safety)
        row.addStretch(1)
        box.addLayout(row)
        self._layout.addWidget(frame)  # no alignment: its height follows its width
        self._layout.addSpacing(6)
        self._note_frame = frame

    def set_avoided(self, avoid: frozenset[SpinalMovement]) -> None:
        """The movements the person said make their pain worse: such pages say so at the top."""
        if avoid != self._avoid:
            self._avoid = avoid
            self.refresh()

    def _add_chain(self, exercise: Exercise) -> None:
        """The chain: "Easier: Heel slides · Harder: Dead bug", links that open each."""
        exercises = self._library.exercises
        parts: list[str] = []
        plain: list[str] = []
        for linked, sentence in (
            (exercise.easier, self.tr("Easier: {exercise}")),
            (exercise.harder, self.tr("Harder: {exercise}")),
        ):
            other = exercises.get(linked) if linked is not None else None
            if other is None:
                continue
            link = f'<a href="{escape(other.id)}">{escape(other.name)}</a>'
            parts.append(escape(sentence).format(exercise=link))
            plain.append(sentence.format(exercise=other.name))
        if not parts:
            return
        chain = text_label("  ·  ".join(parts), rich=True)
        chain.setObjectName("detailChain")
        chain.setAccessibleName(", ".join(plain))
        chain.setToolTip(self.tr("Open the easier or the harder version of this exercise"))
        chain.linkActivated.connect(self.item_link_activated)
        self._layout.addWidget(chain)

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
            self.show_empty(nothing_found=self._nothing_found)

    def show_empty(self, *, nothing_found: bool = False) -> None:
        """The state before anything is picked, or (`nothing_found`) when nothing is listed."""
        self._shown = None
        self._nothing_found = nothing_found
        self._reset()
        text = (
            self.tr("Nothing to show: the search and filters leave no routine or exercise.")
            if nothing_found
            else pick_hint()
        )
        add_hint(self._layout, text)

    def show_exercise(self, exercise: Exercise, routines: list[tuple[str, str]]) -> None:
        """Show an exercise; `routines` are (id, name) pairs of routines that use it."""
        self._shown = exercise
        self._routine_names = routines
        self._reset()
        self._add_illustration(exercise.image, pictured(exercise.name, exercise.position))
        self._add_title(exercise.name, self.tr("Start this exercise"))
        add_direction_mark(self._layout, exercise_mark(exercise, self._avoid, self._words))
        self._layout.addWidget(text_label(exercise.summary, "muted"))
        words = self._words
        chips = [
            label(exercise.category, words),
            label(exercise.position, words),
            QCoreApplication.translate("DetailView", DIFFICULTY_WORDS[exercise.difficulty]),
        ]
        if exercise.desk_friendly:
            chips.append(self.tr("Desk-friendly"))
        chips += [label(target, words) for target in exercise.targets]
        add_chips(self._layout, chips)
        dose = text_label(
            self.tr("{dosage}  ·  about {duration}").format(
                dosage=dosage_text(exercise, words=words),
                duration=duration_text(exercise.total_seconds(), words),
            ),
            "dose",
        )
        dose.setObjectName("detailDosage")
        dose.setWordWrap(False)  # the box hugs its line; it wraps only where the page is narrower
        dose_row = QHBoxLayout()
        dose_row.addWidget(dose)
        dose_row.addStretch(1)
        self._layout.addLayout(dose_row)
        self._dose = dose
        self._add_chain(exercise)
        self._layout.addWidget(text_label(self.tr("How to do it"), "heading"))
        steps = QGridLayout()
        steps.setHorizontalSpacing(12)
        steps.setVerticalSpacing(8)
        for row, step in enumerate(exercise.steps):
            number = text_label(f"{row + 1}", "chip")
            number.setAlignment(Qt.AlignmentFlag.AlignCenter)
            number.setMinimumWidth(30)  # wider when the text is larger, or the number is 10
            steps.addWidget(number, row, 0, Qt.AlignmentFlag.AlignTop)
            steps.addWidget(text_label(step), row, 1)
        steps.setColumnStretch(1, 1)
        self._layout.addLayout(steps)
        if exercise.breathing:
            self._layout.addWidget(text_label(self.tr("Breathing"), "heading"))
            self._layout.addWidget(text_label(exercise.breathing))
        add_cautions(self._layout, exercise.cautions)
        add_sources(self._layout, self._library.cite(exercise.sources))
        if routines:
            self._layout.addWidget(text_label(self.tr("Part of these routines"), "heading"))
            links = " · ".join(
                f'<a href="{escape(rid)}">{escape(name)}</a>' for rid, name in routines
            )
            used_in = text_label(links, rich=True)
            used_in.linkActivated.connect(self.item_link_activated)
            self._layout.addWidget(used_in)
        self._add_footer()

    def show_routine(self, routine: Routine) -> None:
        """Show a routine with its exercises, their dosage and the total time."""
        self._shown = routine
        self._reset()
        self._add_title(routine.name, self.tr("Start routine"))
        add_direction_mark(self._layout, routine_mark(routine, self._avoid, self._words))
        self._layout.addWidget(text_label(routine.description, "muted"))
        words = self._words
        count = len(routine.items)
        played = played_seconds(routine, self._session_settings)
        chips = [
            self.tr("{duration} in all").format(duration=duration_text(played, words)),
            self.tr("%n exercise(s)", "", count),
        ]
        if routine.desk_friendly:
            chips.append(self.tr("Desk-friendly"))
        if routine.on_floor:
            chips.append(self.tr("Floor"))
        add_chips(self._layout, chips)
        self._layout.addWidget(text_label(self.tr("What you will do"), "heading"))
        card = routine_card(
            routine,
            self._illustrations,
            self.devicePixelRatioF(),
            words,
            self.item_link_activated,
        )
        self._layout.addWidget(card)
        between = played - routine.total_seconds
        timing = text_label(
            self.tr(
                "{exercise} of exercise and {between} to get ready and move on between exercises."
            ).format(
                exercise=duration_text(routine.total_seconds, words),
                between=duration_text(between, words),
            ),
            "muted",
        )
        timing.setObjectName("routineTiming")
        self._layout.addWidget(timing)
        if routine.on_floor:
            self._add_floor_note()
        add_routine_cautions(self._layout, routine)
        self._add_footer()

    def show_guide(self, guide: Guide) -> None:
        """Show an untimed how-to card (the log roll): steps, cautions, source; no Start."""
        self._shown = guide
        self._reset()
        self._add_illustration(guide.image, pictured(guide.name, guide.position))
        title = text_label(guide.name, "title")
        title.setObjectName("detailTitle")
        self._layout.addWidget(title)
        self._layout.addWidget(text_label(guide.summary, "muted"))
        add_chips(self._layout, [self.tr("How-to"), label(guide.position, self._words)])
        self._layout.addWidget(text_label(self.tr("How to do it"), "heading"))
        for number, step in enumerate(guide.steps, start=1):
            self._layout.addWidget(text_label(f"{number}.  {step}"))
        add_cautions(self._layout, guide.cautions)
        add_sources(self._layout, self._library.cite(guide.sources))
        self._add_footer()

    def _add_floor_note(self) -> None:
        text = escape(
            self.tr(
                "Part of this routine is on the floor. The player waits for you to get down and "
                "up again: press Start when you are in position."
            )
        )
        for sentence, guide_id in (
            (
                self.tr("To get down to the floor and up without twisting, see {guide}."),
                "floor-transfer",
            ),
            (self.tr("On a bed, see {guide}."), "log-roll"),
        ):
            guide = self._library.guides.get(guide_id)
            if guide is not None:
                link = f'<a href="guide:{escape(guide.id)}">{escape(guide.name)}</a>'
                text += " " + escape(sentence).format(guide=link)
        note = text_label(text, "muted", rich=True)
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

    def _add_title(self, text: str, start_text: str) -> None:
        row = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        title = text_label(text, "title")
        title.setObjectName("detailTitle")
        row.addWidget(title, 1)
        start = QPushButton(start_text)
        start.setObjectName("startButton")
        start.setProperty("role", "primary")
        start.setToolTip(self.tr("Play it in the session player (or double-click it in the list)"))
        start.setMinimumHeight(40)
        start.clicked.connect(lambda: self.start_requested.emit(self._shown))
        row.addWidget(start, 0, Qt.AlignmentFlag.AlignVCenter)
        self._layout.addLayout(row)
        self._title_row = (row, title, start)

    def resizeEvent(self, event: QResizeEvent) -> None:
        """Qt override: what does not fit the new width side by side or on a line is wrapped."""
        super().resizeEvent(event)
        self._fit_to_width()

    def _fit_to_width(self) -> None:
        """Wrap what would make the page scroll sideways, and only that (200 %, German words).

        The title and the Start button sit side by side where they fit, else the button goes
        under the title: a long word in a large title ("Vierfüßlerstand") cannot wrap. The
        dosage box keeps its one line where it fits.
        """
        if not self.isVisible():  # before its first layout the viewport's width means nothing
            return
        margins = self._layout.contentsMargins()
        room = self.viewport().width() - margins.left() - margins.right()
        if self._note_frame is not None:
            # The advice stays whole in view even where a long word widens the page below it.
            self._note_frame.setFixedWidth(max(room, 0))
        if self._dose is not None:
            self._dose.ensurePolished()
            if self._dose.wordWrap():
                self._dose.setWordWrap(False)  # measured on one line
            self._dose.setWordWrap(self._dose.sizeHint().width() > room)
        if self._title_row is None:
            return
        row, title, start = self._title_row
        for widget in (title, start):
            widget.ensurePolished()  # measured in the stylesheet's title font
        needed = title.minimumSizeHint().width() + row.spacing() + start.sizeHint().width()
        beside = needed <= room
        direction = QBoxLayout.Direction.LeftToRight if beside else QBoxLayout.Direction.TopToBottom
        if row.direction() != direction:
            row.setDirection(direction)
            align = Qt.AlignmentFlag.AlignVCenter if beside else Qt.AlignmentFlag.AlignLeft
            row.setAlignment(start, align)

    def _add_illustration(self, image: str, name: str) -> None:
        picture = QLabel()
        picture.setObjectName("detailIllustration")
        picture.setAccessibleName(self.tr("Illustration of {what}").format(what=name))
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

    def _add_footer(self) -> None:
        self._layout.addStretch(1)
        footer = text_label(
            self.tr(
                "SpineCoach is a self-management aid, not a diagnosis or a treatment. "
                '<a href="safety">Read the safety notes and red-flag symptoms</a>.'
            ),
            "muted",
            rich=True,
        )
        footer.linkActivated.connect(lambda _link: self.safety_requested.emit())
        self._layout.addWidget(footer)
        self._fit_to_width()
