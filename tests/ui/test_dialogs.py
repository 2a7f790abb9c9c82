"""The pain and "this hurts" dialogs return exactly what the person chose."""

from __future__ import annotations

from PySide6.QtWidgets import QLineEdit, QPushButton
from pytestqt.qtbot import QtBot

from spinecoach.ui.care.hurts_dialog import HurtsDialog
from spinecoach.ui.care.pain_dialog import PainDialog


def test_pain_dialog_saves_the_chosen_score_note_and_feeling(qtbot: QtBot) -> None:
    dialog = PainDialog(after=True)
    qtbot.addWidget(dialog)
    assert not dialog.save_button.isEnabled()  # nothing to save before a score is chosen
    dialog.score_buttons.button(7).click()
    note = dialog.findChild(QLineEdit, "painNote")
    assert note is not None
    note.setText("  after gardening ")
    dialog.feeling_buttons.button(2).click()
    dialog.save_button.click()
    answer = dialog.answer()
    assert (answer.score, answer.note, answer.feeling) == (7, "after gardening", "harder")


def test_skipping_the_pain_question_records_nothing(qtbot: QtBot) -> None:
    dialog = PainDialog(after=False)
    qtbot.addWidget(dialog)
    dialog.score_buttons.button(4).click()
    dialog.skip_button.click()
    assert dialog.answer().score is None
    assert dialog.feeling_buttons.buttons() == []  # "how did that feel?" is only asked after


def test_hurts_dialog_reports_the_choice(qtbot: QtBot) -> None:
    for object_name, expected in (
        ("hurts_skip", HurtsDialog.SKIP),
        ("hurts_end", HurtsDialog.END),
        ("hurts_continue", HurtsDialog.CONTINUE),
    ):
        dialog = HurtsDialog("Knee to chest")
        qtbot.addWidget(dialog)
        chosen = dialog.findChild(QPushButton, object_name)
        assert chosen is not None
        chosen.click()
        assert dialog.choice == expected
