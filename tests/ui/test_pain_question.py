"""The pain question and the safety notes: their own titles, a legible disabled Save, and no
comparison with "last time" after the very first session (issue 15)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QGroupBox, QLabel, QPushButton, QRadioButton, QWidget
from pytestqt.qtbot import QtBot

from spinecoach.app import Application, build
from spinecoach.core.clock import FakeClock
from spinecoach.ui.care.pain_dialog import PainDialog
from spinecoach.ui.care.safety_dialog import SafetyDialog
from spinecoach.ui.style.contrast import contrast_ratio
from spinecoach.ui.style.theme import THEMES, Theme
from tests.fakes import RecordingCues, ScriptedPrompts


@pytest.fixture
def app(qtbot: QtBot, data_dir: Path) -> Iterator[Application]:
    application = build(data_dir, FakeClock(), prompts=ScriptedPrompts(), cues=RecordingCues())
    qtbot.addWidget(application.window)
    yield application
    application.set_theme("light")
    application.window.close()
    application.database.close()


def heading(dialog: QWidget) -> str:
    title = dialog.findChild(QLabel, "painHeading")
    if title is None:  # the safety notes: their first title label
        title = next(label for label in dialog.findChildren(QLabel) if label.property("role"))
    return title.text()


def test_every_question_and_the_safety_notes_have_their_own_title(qtbot: QtBot) -> None:
    dialogs = {
        "pain before": PainDialog(after=False),
        "pain after": PainDialog(after=True),
        "check-in": PainDialog(after=False, check_in=True),
        "safety, first run": SafetyDialog(first_run=True),
        "safety, from Help": SafetyDialog(first_run=False),
    }
    for dialog in dialogs.values():
        qtbot.addWidget(dialog)
    titles = {name: dialog.windowTitle() for name, dialog in dialogs.items()}
    assert len(set(titles.values())) == len(titles), titles
    headings = {name: heading(dialog) for name, dialog in dialogs.items()}
    assert len(set(headings.values())) == len(headings), headings
    assert "Before you start" not in {*titles.values(), *headings.values()}
    assert titles["pain before"] == "Pain before the session"
    assert headings["pain before"] == "Before the session"


def test_the_first_session_is_not_compared_with_a_last_time(qtbot: QtBot) -> None:
    first = PainDialog(after=True, previous_session=False)
    qtbot.addWidget(first)
    assert first.findChild(QGroupBox, "painFeeling") is None
    assert not first.findChildren(QRadioButton)
    assert "last time" not in " ".join(w.text() for w in first.findChildren(QLabel))
    first.choose(3)
    first.accept()
    assert first.answer().feeling is None
    later = PainDialog(after=True, previous_session=True)
    qtbot.addWidget(later)
    feelings = [radio.text() for radio in later.findChildren(QRadioButton)]
    assert feelings == ["Easier than last time", "About the same", "Harder"]
    assert PainDialog(after=True).findChild(QGroupBox, "painFeeling") is not None  # default


def test_save_says_why_it_waits_and_stops_saying_it(qtbot: QtBot) -> None:
    dialog = PainDialog(after=False)
    qtbot.addWidget(dialog)
    dialog.show()
    hint = dialog.findChild(QLabel, "painSaveHint")
    assert hint is not None and hint.isVisible()
    assert hint.text() == "Choose a number to save it."
    assert not dialog.save_button.isEnabled()
    dialog.type_digit(4)
    assert dialog.save_button.isEnabled()
    assert not hint.isVisible()


def text_and_background(button: QPushButton) -> tuple[str, str]:
    """The colours a person sees on `button`: its fill (most pixels) and its darkest or
    lightest ink against it (the strokes of the letters)."""
    image = button.grab().toImage()
    pixels = Counter(
        image.pixelColor(x, y).name()
        for x in range(4, image.width() - 4)
        for y in range(4, image.height() - 4)
    )
    background = pixels.most_common(1)[0][0]
    ink = max(pixels, key=lambda colour: contrast_ratio(colour, background))
    return ink, background


@pytest.mark.parametrize("theme", THEMES, ids=lambda t: t.name)
def test_a_disabled_button_is_legible_and_looks_disabled(
    qtbot: QtBot, app: Application, theme: Theme
) -> None:
    """Issue 15: the disabled "Save and continue" was grey on the accent colour (1.0:1)."""
    name = theme.name
    app.set_theme(name)
    dialog = PainDialog(after=False)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    save = dialog.save_button
    assert not save.isEnabled()
    ink, background = text_and_background(save)
    needed = 7.0 if name == "contrast" else 4.5
    assert contrast_ratio(ink, background) >= needed, (name, ink, background)
    # Still clearly disabled: the primary colour is gone, and the text is not the body text's.
    accent = QColor(theme.accent).name()
    assert background != accent
    dialog.type_digit(5)
    enabled_ink, enabled_background = text_and_background(save)
    assert enabled_background == accent
    assert enabled_ink != ink
