"""The session's real questions: after the very first session there is nothing to compare with."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QGroupBox, QWidget
from pytestqt.qtbot import QtBot

from spinecoach.ui.care.pain_dialog import PainDialog
from spinecoach.ui.session.prompts import DialogPrompts


@pytest.mark.parametrize(("recorded", "compared"), [(1, False), (2, True), (40, True)])
def test_the_feeling_compared_with_last_time_is_asked_only_after_an_earlier_session(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, recorded: int, compared: bool
) -> None:
    shown: list[PainDialog] = []

    def answer_at_once(dialog: PainDialog) -> int:
        shown.append(dialog)
        return 0

    monkeypatch.setattr(PainDialog, "exec", answer_at_once)
    parent = QWidget()
    qtbot.addWidget(parent)
    DialogPrompts(parent, sessions_recorded=lambda: recorded).pain_after()
    [dialog] = shown
    assert (dialog.findChild(QGroupBox, "painFeeling") is not None) is compared
