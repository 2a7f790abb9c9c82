"""The parts the Library's detail pages are built of: labels, chips, cautions, sources, a card.

`DetailView` decides which parts a page has and in what order; here is how each part looks.
Their words are translated in the context "DetailView", as the page's own are.
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QCoreApplication, QSize, Qt, SignalInstance
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QVBoxLayout

from spinecoach.core.content_words import dosage_text, duration_text
from spinecoach.core.exercise import Position, Routine
from spinecoach.core.messages import Messages
from spinecoach.core.ui_text import QT_TRANSLATE_NOOP
from spinecoach.ui.library.illustrations import IllustrationCache
from spinecoach.ui.widgets.callout import callout
from spinecoach.ui.widgets.flow_layout import FlowLayout
from spinecoach.ui.widgets.hyphenation import hyphenate

# How hard an exercise is, by its difficulty (translated where shown). The `#:` comments
# here and before other marked texts are what translators read beside the text.
#: How hard an exercise is: a chip in the exercise's details (also Moderate, Demanding).
DIFFICULTY_WORDS = {
    1: QT_TRANSLATE_NOOP("DetailView", "Gentle"),
    2: QT_TRANSLATE_NOOP("DetailView", "Moderate"),
    3: QT_TRANSLATE_NOOP("DetailView", "Demanding"),
}
# How a picture's description names each position: the English of `core.timeline`'s
# POSITION_WORDS, marked here so the description is translated (translated where shown).
#: A picture's description for screen readers: "Cat-cow, on your hands and knees".
PICTURED_POSITIONS = {
    Position.LYING_ON_BACK: QT_TRANSLATE_NOOP("DetailView", "lying on your back"),
    Position.LYING_ON_FRONT: QT_TRANSLATE_NOOP("DetailView", "lying on your front"),
    Position.SIDE_LYING: QT_TRANSLATE_NOOP("DetailView", "lying on your side"),
    Position.ALL_FOURS: QT_TRANSLATE_NOOP("DetailView", "on your hands and knees"),
    Position.KNEELING: QT_TRANSLATE_NOOP("DetailView", "kneeling"),
    Position.STANDING: QT_TRANSLATE_NOOP("DetailView", "standing"),
    Position.SEATED: QT_TRANSLATE_NOOP("DetailView", "sitting on your chair"),
}
#: The size of an exercise's picture in a routine's list of exercises.
ROUTINE_THUMB = QSize(64, 48)


def text_label(text: str, role: str | None = None, *, rich: bool = False) -> QLabel:
    """Words that wrap and can be selected; `rich`: rich text whose links can be clicked."""
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
    where = QCoreApplication.translate("DetailView", PICTURED_POSITIONS[position])
    return QCoreApplication.translate("DetailView", "{name}, {position}").format(
        name=name, position=where
    )


def chip(text: str) -> QLabel:
    """A short fact in a rounded box ("Gentle", "Desk-friendly")."""
    label = QLabel(text)
    label.setProperty("role", "chip")
    return label


def add_chips(layout: QVBoxLayout, texts: list[str]) -> None:
    """A row of chips that wraps to the page's width."""
    row = FlowLayout()
    for text in texts:
        row.addWidget(chip(text))
    layout.addLayout(row)


def add_direction_mark(layout: QVBoxLayout, text: str) -> None:
    """A caution under the title: "You said bending forward makes it worse"."""
    if not text:
        return
    frame, box = callout("detailDirection", "caution")
    words = text_label(hyphenate(text))
    words.setObjectName("detailDirectionText")
    box.addWidget(words)
    frame.setAccessibleName(text)
    layout.addWidget(frame)


def stop_advice() -> str:
    """The last caution of every page: when to stop."""
    return QCoreApplication.translate(
        "DetailView",
        "Stop if an exercise makes your pain worse, or sends pain, numbness or tingling down "
        "a leg.",
    )


def add_cautions(layout: QVBoxLayout, cautions: tuple[str, ...]) -> None:
    """An exercise's or a guide's cautions, and when to stop, in a box."""
    frame, box = callout("cautions", "caution")
    heading = text_label(QCoreApplication.translate("DetailView", "Take care"), "heading")
    box.addWidget(heading)
    for caution in (*cautions, stop_advice()):
        box.addWidget(text_label(f"•  {caution}"))
    layout.addSpacing(6)
    layout.addWidget(frame)


def add_routine_cautions(layout: QVBoxLayout, routine: Routine) -> None:
    """Every caution of every exercise, under the exercise's name, in routine order."""
    frame, box = callout("cautions", "caution")
    box.addWidget(text_label(QCoreApplication.translate("DetailView", "Take care"), "heading"))
    seen: set[str] = set()
    for item in routine.items:
        exercise = item.exercise
        if exercise.id in seen:
            continue
        seen.add(exercise.id)
        name = text_label(exercise.name)
        name.setProperty("role", "cautionExercise")
        box.addWidget(name)
        for caution in exercise.cautions:
            box.addWidget(text_label(f"•  {caution}"))
    box.addSpacing(4)
    box.addWidget(text_label(stop_advice()))
    layout.addSpacing(6)
    layout.addWidget(frame)


def add_sources(layout: QVBoxLayout, citations: list[str]) -> None:
    """The sources a page rests on, cited (nothing when there are none)."""
    if not citations:
        return
    listed = "; ".join(citations)
    if len(citations) == 1:
        text = QCoreApplication.translate("DetailView", "Source: {sources}").format(sources=listed)
    else:
        text = QCoreApplication.translate("DetailView", "Sources: {sources}").format(sources=listed)
    sources = text_label(text, "muted")
    sources.setObjectName("detailSources")
    layout.addWidget(sources)


def routine_card(
    routine: Routine,
    illustrations: IllustrationCache,
    ratio: float,
    words: Messages,
    link_activated: SignalInstance,
) -> QFrame:
    """A routine's exercises in order: each one's picture, name (a link), dosage and time.

    `ratio` is the screen's device pixel ratio; a click on a name emits `link_activated`.
    """
    card = QFrame()
    card.setProperty("role", "card")
    rows = QVBoxLayout(card)
    rows.setContentsMargins(12, 8, 12, 8)
    rows.setSpacing(2)
    for number, item in enumerate(routine.items, start=1):
        row = QHBoxLayout()
        row.setSpacing(12)
        picture = QLabel()
        picture.setAccessibleName(
            QCoreApplication.translate("DetailView", "Picture of {what}").format(
                what=pictured(item.exercise.name, item.exercise.position)
            )
        )
        picture.setPixmap(
            illustrations.pixmap(item.exercise.image, ROUTINE_THUMB, ratio, crop=True)
        )
        picture.setFixedSize(ROUTINE_THUMB)
        row.addWidget(picture)
        name = text_label(
            f'{number}. <a href="{escape(item.exercise.id)}">{escape(item.exercise.name)}</a>',
            rich=True,
        )
        name.linkActivated.connect(link_activated)
        text = QVBoxLayout()
        text.setSpacing(0)
        text.addWidget(name)
        dosage = dosage_text(item.exercise, item.dosage, words, only_side=item.only_side)
        text.addWidget(text_label(dosage, "muted"))
        row.addLayout(text, 1)
        row.addWidget(text_label(duration_text(item.seconds, words), "muted"))
        rows.addLayout(row)
    return card
