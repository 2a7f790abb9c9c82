"""Red flags and advice in every place they appear, in the same order (issue 10).

Places: the first-run screen and Help > Safety notes (test_main_window), a reminder skipped "in
pain" (test_reminders), and here "This hurts", the pain-rise advice and the safety dialog's
principles. Each reads the groups as laid out on screen, top to bottom.
"""

from __future__ import annotations

from PySide6.QtWidgets import QFrame, QLabel
from pytestqt.qtbot import QtBot

from spinecoach.core.pain import rise_advice
from spinecoach.core.safety import EMERGENCY, IN_PAIN_ADVICE, PRINCIPLES, SELF_MANAGEMENT, TODAY
from spinecoach.ui.care.advice_dialogs import PainRiseDialog
from spinecoach.ui.care.hurts_dialog import HurtsDialog
from spinecoach.ui.care.safety_dialog import SafetyDialog
from tests.ui.reading import all_red_flag_groups, shown_red_flags


def texts(widget: QFrame | HurtsDialog | PainRiseDialog | SafetyDialog) -> str:
    return "\n".join(label.text() for label in widget.findChildren(QLabel))


def test_this_hurts_shows_gentle_advice_then_both_groups_emergency_first(qtbot: QtBot) -> None:
    dialog = HurtsDialog("Bird dog")
    qtbot.addWidget(dialog)
    assert shown_red_flags(dialog, "hurtsRedFlags") == all_red_flag_groups()
    advice = dialog.findChild(QLabel, "hurtsAdvice")
    assert advice is not None
    assert advice.text().splitlines() == [f"•  {line}" for line in IN_PAIN_ADVICE]
    assert advice.text().startswith("•  Keep moving gently")
    assert "rest in whatever position" not in texts(dialog).lower()


def test_severe_pain_after_a_session_shows_the_red_flags(qtbot: QtBot) -> None:
    advice = rise_advice(4, 8)
    assert advice is not None
    dialog = PainRiseDialog(advice)
    qtbot.addWidget(dialog)
    assert dialog.windowTitle() == "Your pain went up"
    assert shown_red_flags(dialog, "painRiseRedFlags") == all_red_flag_groups()
    first = dialog.findChild(QLabel, "painRiseAdvice0")
    assert first is not None and "stop exercising for today" in first.text()


def test_a_moderate_rise_shows_the_whole_emergency_group_only(qtbot: QtBot) -> None:
    advice = rise_advice(2, 4)
    assert advice is not None
    dialog = PainRiseDialog(advice)
    qtbot.addWidget(dialog)
    assert shown_red_flags(dialog, "painRiseRedFlags") == all_red_flag_groups()[:1]
    assert "stop exercising" not in texts(dialog)


def test_the_safety_notes_carry_the_principles_and_the_reassurance(qtbot: QtBot) -> None:
    dialog = SafetyDialog(first_run=False)  # Help > Safety notes
    qtbot.addWidget(dialog)
    assert dialog.windowTitle() == "Safety notes"
    assert shown_red_flags(dialog, "redFlags") == all_red_flag_groups()
    shown = texts(dialog)
    assert SELF_MANAGEMENT in shown
    for principle in PRINCIPLES:
        assert principle in shown
    for word in ("bounce", "hip replacement", "pregnant", "osteoporosis", "4 to 6 weeks"):
        assert word in shown


def test_no_item_repeats_its_heading() -> None:
    for heading, items in all_red_flag_groups():
        assert heading.endswith("if you have") or heading.endswith("with")
        for item in items:
            assert not item.lower().startswith("back pain with")


def test_the_emergency_group_names_every_sign_of_cauda_equina() -> None:
    joined = " ".join(EMERGENCY.items).lower()
    for sign in (
        "bottom", "back passage", "genitals", "inner thighs", "peeing", "leaking", "bowels",
        "during sex", "erection", "weakness in a leg", "both legs", "temperature",
    ):  # fmt: skip
        assert sign in joined, sign


def test_emergencies_beyond_the_spine_nerves_come_first_too() -> None:
    # Review: chest pain and a serious accident are 999 (NHS), and neck exercises need the
    # stroke-like signs and meningitis among the emergencies.
    emergency = " ".join(EMERGENCY.items).lower()
    for sign in ("chest pain", "serious accident", "slurred speech", "stiff neck"):
        assert sign in emergency, sign
    today = " ".join(TODAY.items).lower()
    assert "chest" not in today and "accident" not in today
