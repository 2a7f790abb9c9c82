"""What to do when an exercise hurts: skip it, end the session, or carry on gently.

And, once after a first "This hurts", a small optional question: which movements make the pain
worse (`DirectionsQuestion`, with the same five choices as Settings, `MovementChoices`).
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QGridLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from spinecoach.core.messages import ENGLISH, Messages
from spinecoach.core.safety import safety_texts
from spinecoach.core.ui_text import QT_TRANSLATE_NOOP
from spinecoach.ui.care.advice_dialogs import fit_width, plain, scrolling
from spinecoach.ui.care.red_flags import red_flags_panel
from spinecoach.ui.widgets.reflow import WrappingRow


class HurtsDialog(QDialog):
    """Paused session: offers skip / end / carry on, the advice, and both red-flag groups.

    `words`: the language of the advice and the red flags (`Library.words`). The three choices
    wrap onto more lines when they do not fit side by side (200 % text, longer words).
    """

    SKIP = "skip"
    END = "end"
    CONTINUE = "continue"

    def __init__(
        self, exercise_name: str, parent: QWidget | None = None, *, words: Messages = ENGLISH
    ) -> None:
        super().__init__(parent)
        self.setObjectName("hurtsDialog")
        self.setWindowTitle(self.tr("This hurts"))
        self.setModal(True)
        fit_width(self)
        self.choice = self.CONTINUE
        layout = QVBoxLayout(self)
        layout.setContentsMargins(28, 24, 28, 20)
        layout.setSpacing(10)
        title = plain(self.tr("The session is paused"))
        title.setProperty("role", "title")
        layout.addWidget(title)
        question = self.tr("“{exercise}” hurts. What would you like to do?")
        layout.addWidget(plain(question.format(exercise=exercise_name)))
        row = WrappingRow(spacing=8)
        for key, text, role in (
            (self.SKIP, self.tr("Skip this exercise"), "primary"),
            (self.END, self.tr("End the session"), ""),
            (self.CONTINUE, self.tr("Carry on gently"), ""),
        ):
            button = QPushButton(text)
            button.setObjectName(f"hurts_{key}")
            if role:
                button.setProperty("role", role)
            button.clicked.connect(lambda _checked=False, k=key: self._choose(k))
            row.addWidget(button)
        layout.addLayout(row)
        texts = safety_texts(words)
        body = QWidget()
        column = QVBoxLayout(body)
        column.setContentsMargins(0, 0, 8, 0)
        column.setSpacing(8)
        advice = plain("\n".join(f"•  {line}" for line in texts.in_pain_advice), "hurtsAdvice")
        column.addWidget(advice)
        column.addWidget(red_flags_panel("hurtsRedFlags", texts.red_flag_groups))
        column.addStretch(1)
        layout.addWidget(scrolling(body, "hurtsScroll", 21), 1)

    def _choose(self, key: str) -> None:
        self.choice = key
        self.accept()


#: How each movement reads beside its box (the values of core.exercise.SpinalMovement, in the
#: order of core.directions.MOVEMENTS; translated where shown, context "MovementChoices").
MOVEMENT_CHOICES: tuple[tuple[str, str], ...] = (
    ("bending forward", QT_TRANSLATE_NOOP("MovementChoices", "Bending forward")),
    ("bending back", QT_TRANSLATE_NOOP("MovementChoices", "Bending back")),
    ("twisting", QT_TRANSLATE_NOOP("MovementChoices", "Twisting")),
    ("side-bending", QT_TRANSLATE_NOOP("MovementChoices", "Bending to the side")),
    ("neutral", QT_TRANSLATE_NOOP("MovementChoices", "Holding my back still")),
)


class MovementChoices(QWidget):
    """The question "Which movements make your pain worse?" with five boxes (a tuple value).

    Shown in Settings (the setting `avoid_movements`) and in `DirectionsQuestion`.

    Signals:
        changed(object): the tuple of movement values ticked now, in the order offered.
    """

    changed = Signal(object)

    def __init__(
        self, value: Iterable[object] = (), parent: QWidget | None = None, *, question: bool = True
    ) -> None:
        super().__init__(parent)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(6)
        self.question = QLabel(self.tr("Which movements make your pain worse?"))
        self.question.setWordWrap(True)
        self.question.setVisible(question)
        column.addWidget(self.question)
        ticked = set(value)
        self.boxes: dict[str, QCheckBox] = {}
        # Two to a line: the Settings page stays as narrow as its other rows.
        grid = QGridLayout()
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(18)
        grid.setVerticalSpacing(4)
        for movement, text in MOVEMENT_CHOICES:
            box = QCheckBox(QCoreApplication.translate("MovementChoices", text))
            box.setObjectName(f"avoid_{movement.replace(' ', '-')}")
            box.setChecked(movement in ticked)
            box.toggled.connect(lambda _on: self.changed.emit(self.value()))
            place = len(self.boxes)
            self.boxes[movement] = box
            grid.addWidget(box, place // 2, place % 2)
        grid.setColumnStretch(2, 1)
        column.addLayout(grid)
        note = QLabel(
            self.tr("The Library marks exercises that ask for them; the player warns before one.")
        )
        note.setProperty("role", "muted")
        note.setWordWrap(True)
        column.addWidget(note)

    def value(self) -> tuple[str, ...]:
        """The movements ticked, in the order offered."""
        return tuple(movement for movement, box in self.boxes.items() if box.isChecked())


class DirectionsQuestion(QDialog):
    """Asked once after a first "This hurts": which movements make the pain worse (optional).

    `chosen` is the tuple ticked when the person pressed "Save", None for "Not now".
    """

    def __init__(self, value: Iterable[object] = (), parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("directionsQuestion")
        self.setWindowTitle(self.tr("Which movements make your pain worse?"))
        self.setModal(True)
        fit_width(self)
        self.chosen: tuple[str, ...] | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(28, 24, 28, 20)
        layout.setSpacing(10)
        title = plain(self.tr("Which movements make your pain worse?"))
        title.setProperty("role", "title")
        layout.addWidget(title)
        layout.addWidget(
            plain(
                self.tr(
                    "If some movements make your pain worse, SpineCoach can mark the exercises "
                    "that ask for them. This is optional: you can change it at any time in "
                    "Settings, under Sessions."
                )
            )
        )
        self.choices = MovementChoices(value, question=False)
        self.choices.setObjectName("directionsChoices")
        layout.addWidget(self.choices)
        row = WrappingRow(spacing=8)
        save = QPushButton(self.tr("Save"))
        save.setObjectName("directionsSave")
        save.setProperty("role", "primary")
        save.setDefault(True)
        later = QPushButton(self.tr("Not now"))
        later.setObjectName("directionsNotNow")
        save.clicked.connect(self._save)
        later.clicked.connect(self.reject)
        row.addWidget(save)
        row.addWidget(later)
        layout.addLayout(row)

    def _save(self) -> None:
        self.chosen = self.choices.value()
        self.accept()
