"""Before a programme is imported: what it holds, or every problem with its line and fix.

A programme file from a physiotherapist (docs/PROGRAMME_FORMAT.md) is shown in full before
anything is written: the title, who prescribed it and how to reach them, the dates, each routine
with how often, its exercises, dosage, side and note, and the prescriber's notes. A file with
problems lists each one with its line number and what to change, says how to fix the file, and
cannot be imported. When the same programme was imported before, the dialog says that Import
replaces it (never a second copy). The dialog only shows: `app.programmes` reads, parses and
saves.
"""

from __future__ import annotations

from datetime import date, datetime

from PySide6.QtCore import QCoreApplication, QDate, QLocale, Qt
from PySide6.QtWidgets import QDialog, QLabel, QPushButton, QScrollArea, QVBoxLayout, QWidget

from spinecoach.core.content_words import item_dosage_text
from spinecoach.core.messages import ENGLISH, Messages
from spinecoach.core.programme.format import ProgrammeParse
from spinecoach.core.programme.model import PrescribedRoutine, Programme
from spinecoach.core.programme.problems import ProgrammeProblem
from spinecoach.ui.care.advice_dialogs import body_height, fit_width, plain
from spinecoach.ui.widgets.callout import callout
from spinecoach.ui.widgets.reflow import WrappingRow

# The least width of the preview, in average characters of its font.
PREVIEW_CHARACTERS = 90


def short_date(value: date) -> str:
    """A date as the preview writes it, "3 Dec 2026", in the language in use."""
    pattern = QCoreApplication.translate(
        "ProgrammePreview",
        "d MMM yyyy",
        "Qt date format (d: day, MMM: the month's short name, yyyy: year) of a programme's "
        "start, review and import dates",
    )
    return QLocale().toString(QDate(value.year, value.month, value.day), pattern)


def paragraphs(text: str) -> str:
    """A prescriber's notes as they read best in a window of any width.

    A text file's notes are wrapped by hand at the editor's width: lines inside a paragraph are
    joined, blank lines still part paragraphs, and a line that starts a list item ("- ", "* ",
    "• ", "1. ") keeps its own line.
    """
    kept: list[str] = []
    for block in text.strip().split("\n\n"):
        lines: list[str] = []
        for raw in block.splitlines():
            line = raw.strip()
            if not line:
                continue
            starts_item = (
                line[:2] in ("- ", "* ", "• ") or line.split(" ", 1)[0].rstrip(".").isdigit()
            )
            if lines and not starts_item:
                lines[-1] = f"{lines[-1]} {line}"
            else:
                lines.append(line)
        if lines:
            kept.append("\n".join(lines))
    return "\n\n".join(kept)


class ProgrammePreviewDialog(QDialog):
    """The programme in a file, or its problems; Import (or Replace) only when it has none.

    `replaces`: when the programme with the same key was imported before, when that was.
    `words`: the language of the dosage and frequency texts (`Library.words`).
    """

    def __init__(
        self,
        parse: ProgrammeParse,
        file_name: str,
        *,
        replaces: datetime | None = None,
        words: Messages = ENGLISH,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("programmePreview")
        self.setWindowTitle(self.tr("Import a programme"))
        self.setModal(True)
        fit_width(self, PREVIEW_CHARACTERS)
        self._words = words
        programme = parse.programme
        self.problems = parse.problems
        importable = programme is not None and not parse.problems
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 16)
        layout.setSpacing(8)

        title = plain(programme.title if programme is not None else file_name, "programmeTitle")
        title.setProperty("role", "title")
        layout.addWidget(title)
        if programme is not None:
            layout.addWidget(plain(self.file_words(file_name), "programmeFile"))

        body = QWidget()
        body.setObjectName("programmeBody")
        column = QVBoxLayout(body)
        column.setContentsMargins(0, 0, 8, 0)
        column.setSpacing(8)
        if parse.problems:
            column.addWidget(self._problems_box(parse.problems))
        if programme is not None:
            self._add_programme(column, programme, replaces if importable else None)
        column.addStretch(1)
        scroll = QScrollArea()
        scroll.setObjectName("programmeScroll")
        scroll.setAccessibleName(self.tr("The programme"))  # it takes the keyboard to scroll
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(body)
        scroll.setMinimumHeight(body_height(self, 24))
        layout.addWidget(scroll, 1)

        # Not a QDialogButtonBox: its row does not wrap, and at 200 % text it clips the buttons.
        buttons = WrappingRow(spacing=8)
        buttons.add_push()
        action = self.tr("Replace the programme") if replaces is not None else self.tr("Import")
        self.import_button = QPushButton(action)
        self.import_button.setObjectName("importProgrammeButton")
        self.import_button.setProperty("role", "primary")
        self.import_button.setEnabled(importable)
        self.import_button.setDefault(importable)
        self.import_button.clicked.connect(self.accept)
        buttons.addWidget(self.import_button)
        self.cancel_button = QPushButton(self.tr("Cancel") if importable else self.tr("Close"))
        self.cancel_button.setObjectName("cancelProgrammeButton")
        self.cancel_button.setDefault(not importable)
        self.cancel_button.clicked.connect(self.reject)
        buttons.addWidget(self.cancel_button)
        layout.addSpacing(8)
        layout.addLayout(buttons)
        (self.import_button if importable else self.cancel_button).setFocus()

    # --- the parts ---------------------------------------------------------------------------

    def file_words(self, file_name: str) -> str:
        """Where the programme comes from, and that nothing is saved yet."""
        return self.tr("From the file {name}. Nothing is saved until you import it.").format(
            name=file_name
        )

    def _problems_box(self, problems: tuple[ProgrammeProblem, ...]) -> QWidget:
        frame, box = callout("programmeProblems", "problems")
        frame.setAccessibleName(self.tr("Problems in the file"))
        heading = plain(
            self.tr("This file cannot be imported until these problems are fixed:"),
            "problemsHeading",
        )
        heading.setProperty("role", "heading")
        box.addWidget(heading)
        for number, problem in enumerate(problems):
            box.addSpacing(4)
            box.addWidget(plain(self.problem_words(problem), f"programmeProblem{number}"))
            if problem.fix:
                fix = plain(problem.fix, f"programmeProblemFix{number}")
                fix.setIndent(16)
                box.addWidget(fix)
        box.addSpacing(4)
        how = plain(
            self.tr(
                "Nothing was imported. Correct these lines in a text editor, or ask whoever "
                "wrote the file to correct them, then open it again."
            ),
            "problemsHowToFix",
        )
        box.addWidget(how)
        return frame

    def problem_words(self, problem: ProgrammeProblem) -> str:
        """Where and what, as one line: "Line 24: routines[1].items[3].reps must be …".

        The fix is shown on its own line below it (`ProgrammeProblem.fix`).
        """
        what = problem.message
        if problem.field:
            what = self.tr("{field} {message}").format(field=problem.field, message=what)
        if problem.line is None:
            return self.tr("{problem}.").format(problem=what)
        return self.tr("Line {line}: {problem}.").format(line=str(problem.line), problem=what)

    def _add_programme(
        self, column: QVBoxLayout, programme: Programme, replaces: datetime | None
    ) -> None:
        if replaces is not None:
            frame, box = callout("programmeReplaces", "caution")
            box.addWidget(
                plain(
                    self.tr(
                        "This replaces the programme you imported on {date}. The sessions "
                        "you have done are kept."
                    ).format(date=short_date(replaces.date())),
                    "replacesText",
                )
            )
            column.addWidget(frame)
        column.addWidget(plain(self.prescriber_words(programme), "programmePrescriber"))
        column.addWidget(plain(self.dates_words(programme), "programmeDates"))
        if programme.locked:
            locked = plain(
                self.tr(
                    "Locked by {prescriber}: you can play these routines and ease them (do "
                    "less), but not change them otherwise."
                ).format(prescriber=programme.prescribed_by),
                "programmeLocked",
            )
            column.addWidget(locked)
        for number, prescribed in enumerate(programme.routines):
            self._add_routine(column, number, prescribed)
        if programme.notes:
            heading = QLabel(
                self.tr("Notes from {prescriber}").format(prescriber=programme.prescribed_by)
            )
            heading.setProperty("role", "heading")
            heading.setWordWrap(True)
            column.addWidget(heading)
            column.addWidget(plain(paragraphs(programme.notes), "programmeNotes"))

    def prescriber_words(self, programme: Programme) -> str:
        """Who prescribed it, and how to reach them."""
        if programme.contact:
            return self.tr("Prescribed by {prescriber} · {contact}").format(
                prescriber=programme.prescribed_by, contact=programme.contact
            )
        return self.tr("Prescribed by {prescriber}").format(prescriber=programme.prescribed_by)

    def dates_words(self, programme: Programme) -> str:
        """From when, and when it is to be reviewed."""
        start = short_date(programme.start)
        if programme.review is None:
            return self.tr("From {start}").format(start=start)
        return self.tr("From {start} · review on {review}").format(
            start=start, review=short_date(programme.review)
        )

    def _add_routine(self, column: QVBoxLayout, number: int, prescribed: PrescribedRoutine) -> None:
        routine = prescribed.routine
        heading = plain(
            self.tr("{routine} — {how_often}").format(
                routine=routine.name, how_often=prescribed.frequency.text(self._words)
            ),
            f"programmeRoutine{number}",
        )
        heading.setProperty("role", "heading")
        column.addWidget(heading)
        if routine.description:
            description = plain(routine.description, f"programmeRoutine{number}Description")
            description.setProperty("role", "muted")
            column.addWidget(description)
        for index, item in enumerate(routine.items, start=1):
            line = self.tr("{number}. {exercise}: {dosage}").format(
                number=QLocale().toString(index),
                exercise=item.exercise.name,
                dosage=item_dosage_text(item, self._words),
            )
            column.addWidget(plain(line, f"programmeRoutine{number}Item{index}"))
            if item.note:
                note = plain(
                    self.tr("Note: {note}").format(note=item.note),
                    f"programmeRoutine{number}Note{index}",
                )
                note.setProperty("role", "muted")
                note.setIndent(16)
                column.addWidget(note)
