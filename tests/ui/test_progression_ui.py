"""Progress safely, as the person meets it: the suggestion after a session, the next-morning
question, and History's next-morning scores and recorded changes (issue 17)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from spinecoach import paths
from spinecoach.app import Application, build
from spinecoach.app.language import use_language
from spinecoach.app.progression import DialogProgressionPrompts
from spinecoach.core.clock import FakeClock
from spinecoach.core.exercise import Routine, RoutineOrigin
from spinecoach.core.progression_history import ExerciseDay
from spinecoach.core.records import (
    ChangeKind,
    ChangeStatus,
    PainContext,
    PainEntry,
    ProgressionChange,
    SessionStatus,
)
from spinecoach.core.report_period import ReportPeriod
from spinecoach.ui.care.next_morning_dialog import NextMorningDialog
from spinecoach.ui.care.pain_dialog import PainAnswer
from spinecoach.ui.care.progression_dialog import ProgressionSuggestionDialog, SuggestionAnswer
from spinecoach.ui.history.view import CHANGES_TAB
from tests.fakes import RecordingCues, ScriptedPrompts
from tests.ui.accessibility import unnamed
from tests.ui.layout_check import assert_fits

# A Monday morning in Berlin (08:00 local); the sessions were on the days before.
NOW = datetime(2026, 3, 9, 7, 0, tzinfo=UTC)
REASON = (
    "You did “Chin tucks” in full in 3 sessions over 6 days, with no more pain afterwards "
    "than before. Try 5 repetitions instead of 4?"
)


@dataclass
class ProgressionScript(ScriptedPrompts):
    """The session's questions and these two, answered as scripted."""

    answer: SuggestionAnswer = SuggestionAnswer.ACCEPTED
    morning: PainAnswer = field(default_factory=lambda: PainAnswer(score=2, note="slept well"))
    suggestions: list[tuple[str, str, bool]] = field(default_factory=list)
    mornings: list[tuple[date, bool, int | None]] = field(default_factory=list)

    def suggestion(self, exercise: str, reason: str, ask_physiotherapist: bool) -> SuggestionAnswer:
        self.suggestions.append((exercise, reason, ask_physiotherapist))
        return SuggestionAnswer.CLOSED if ask_physiotherapist else self.answer

    def next_morning(
        self, session_day: date, yesterday: bool, score_before: int | None
    ) -> PainAnswer:
        self.mornings.append((session_day, yesterday, score_before))
        return self.morning


def button_named(top: QWidget, name: str) -> QPushButton:
    button = top.findChild(QPushButton, name)
    assert button is not None, name
    return button


def walk(top: QWidget) -> list[str]:
    QApplication.processEvents()
    return unnamed(top)


def easy_days(routine: Routine, today: date) -> list[ExerciseDay]:
    """Three full sessions over six days, pain after below before: the rules move up."""
    return [
        ExerciseDay(today - timedelta(days=back), item.exercise.id, True, 3, 2, False)
        for back in (0, 2, 5)
        for item in routine.items
    ]


@pytest.fixture
def script() -> ProgressionScript:
    return ProgressionScript()


@pytest.fixture
def app(
    qtbot: QtBot, data_dir: Path, script: ProgressionScript, monkeypatch: pytest.MonkeyPatch
) -> Iterator[Application]:
    application = build(data_dir, FakeClock(NOW), prompts=script, cues=RecordingCues())
    qtbot.addWidget(application.window)
    application.window.resize(1280, 820)
    application.window.show()
    routine = application.library.routines["desk-break"]
    today = NOW.date()

    # What happened in the sessions before: days when the rules move up (the rest is real).
    def days(_start: datetime, _end: datetime) -> list[ExerciseDay]:
        return easy_days(routine, today)

    monkeypatch.setattr(application.database, "exercise_days", days, raising=False)
    yield application
    application.window.close()
    application.database.close()


def play_and_stop(qtbot: QtBot, app: Application, script: ProgressionScript) -> None:
    """Play the desk break, end it, and let the end's questions run."""
    asked = len(script.suggestions)
    assert app.start_routine_id("desk-break")
    app.player.stop()
    qtbot.waitUntil(lambda: "after" in script.asked)
    for _ in range(3):  # the summary, then the suggestion on the next turn of the loop
        QApplication.processEvents()
    del asked


# --- after a session --------------------------------------------------------------------------


def test_a_suggestion_is_shown_after_a_session_with_its_reason(
    qtbot: QtBot, app: Application, script: ProgressionScript
) -> None:
    play_and_stop(qtbot, app, script)
    qtbot.waitUntil(lambda: bool(script.suggestions))
    exercise, reason, ask = script.suggestions[0]
    assert exercise == "Chin tucks"
    assert reason == REASON
    assert not ask
    # The pain question after the session came first.
    assert script.asked[-1] == "after"


def test_accepting_changes_the_persons_routine_and_records_it(
    qtbot: QtBot, app: Application, script: ProgressionScript
) -> None:
    play_and_stop(qtbot, app, script)
    qtbot.waitUntil(lambda: bool(script.suggestions))
    own = app.routine_book.own_routines()
    assert len(own) == 1, "the shipped routine became the person's own copy"
    copy = own[0]
    assert copy.origin is RoutineOrigin.OWN and copy.based_on == "desk-break"
    assert copy.items[0].exercise.id == "chin-tucks" and copy.items[0].dosage.reps == 5
    # The shipped routine itself is unchanged.
    assert app.library.routines["desk-break"].items[0].dosage.reps == 4
    changes = app.database.progression_changes(NOW - timedelta(days=1), NOW + timedelta(days=1))
    assert [(c.status, c.kind, c.routine_id, c.exercise_id) for c in changes] == [
        (ChangeStatus.ACCEPTED, ChangeKind.MORE_REPS, copy.id, "chin-tucks")
    ]
    assert changes[0].reason == REASON
    assert "4" in changes[0].from_text and "5" in changes[0].to_text


def test_declining_is_recorded_and_not_asked_again(
    qtbot: QtBot, app: Application, script: ProgressionScript
) -> None:
    script.answer = SuggestionAnswer.DECLINED
    play_and_stop(qtbot, app, script)
    qtbot.waitUntil(lambda: bool(script.suggestions))
    assert app.routine_book.own_routines() == []
    changes = app.database.progression_changes(NOW - timedelta(days=1), NOW + timedelta(days=1))
    assert [(c.status, c.exercise_id) for c in changes] == [(ChangeStatus.DECLINED, "chin-tucks")]
    # The next suggestion after another session is for another exercise, never chin tucks.
    app.progression.after_session("desk-break")
    assert [s[0] for s in script.suggestions] == ["Chin tucks", "Shoulder rolls"]


def test_a_locked_routine_only_says_ask_your_physiotherapist(
    qtbot: QtBot, app: Application, script: ProgressionScript, monkeypatch: pytest.MonkeyPatch
) -> None:
    shipped = app.library.routines["desk-break"]
    locked = replace(shipped, origin=RoutineOrigin.PROGRAMME, locked=True)
    monkeypatch.setattr(app.routine_book, "get", lambda _id: locked)
    outcome = app.progression.after_session("desk-break")
    assert outcome is not None and outcome.routine is None
    _exercise, reason, ask = script.suggestions[0]
    assert ask and "physiotherapist" in reason
    assert app.routine_book.own_routines() == []
    changes = app.database.progression_changes(NOW - timedelta(days=1), NOW + timedelta(days=1))
    assert [c.status for c in changes] == [ChangeStatus.DECLINED]  # recorded, nothing changed


# --- the dialogs ------------------------------------------------------------------------------


def test_the_suggestion_dialog_accepts_declines_and_escapes(qtbot: QtBot) -> None:
    for button, expected in (
        ("acceptSuggestion", SuggestionAnswer.ACCEPTED),
        ("declineSuggestion", SuggestionAnswer.DECLINED),
    ):
        dialog = ProgressionSuggestionDialog("Chin tucks", REASON)
        qtbot.addWidget(dialog)
        assert dialog.objectName() == "progressionSuggestion"
        assert dialog.reason.text() == REASON
        QTimer.singleShot(0, button_named(dialog, button).click)
        dialog.exec()
        assert dialog.answer() is expected
    dialog = ProgressionSuggestionDialog("Chin tucks", REASON)
    qtbot.addWidget(dialog)
    QTimer.singleShot(0, lambda: qtbot.keyClick(dialog, Qt.Key.Key_Escape))
    dialog.exec()
    assert dialog.answer() is SuggestionAnswer.DECLINED


def test_the_locked_suggestion_has_only_a_close_button(qtbot: QtBot) -> None:
    dialog = ProgressionSuggestionDialog(
        "Chin tucks", "Ask your physiotherapist.", ask_physiotherapist=True
    )
    qtbot.addWidget(dialog)
    names = {b.objectName() for b in dialog.findChildren(QPushButton)}
    assert names == {"closeSuggestion"}
    assert "Ask your physiotherapist at your next appointment" in dialog.hint.text()
    QTimer.singleShot(0, button_named(dialog, "closeSuggestion").click)
    dialog.exec()
    assert dialog.answer() is SuggestionAnswer.CLOSED


def test_the_dialogs_through_the_app_prompts(qtbot: QtBot, app: Application) -> None:
    prompts = DialogProgressionPrompts(app.window)

    def answer(name: str, click: str) -> None:
        def find() -> None:
            dialog = QApplication.activeModalWidget()
            assert dialog is not None and dialog.objectName() == name
            if click.startswith("painScore"):
                button_named(dialog, click).click()
                click_next = "painSave"
            else:
                click_next = click
            button_named(dialog, click_next).click()

        QTimer.singleShot(0, find)

    answer("progressionSuggestion", "acceptSuggestion")
    assert prompts.suggestion("Chin tucks", REASON, False) is SuggestionAnswer.ACCEPTED
    answer("nextMorningDialog", "painScore4")
    assert prompts.next_morning(date(2026, 3, 8), True, 3).score == 4
    answer("nextMorningDialog", "painSkip")
    assert prompts.next_morning(date(2026, 3, 8), True, 3).score is None


def test_the_next_morning_question_words(qtbot: QtBot) -> None:
    dialog = NextMorningDialog(date(2026, 3, 8), score_before=3)
    qtbot.addWidget(dialog)
    assert dialog.question.text() == (
        "How is your back this morning compared with before yesterday's session?"
    )
    assert "3 out of 10" in dialog.before.text()
    later = NextMorningDialog(date(2026, 3, 6), yesterday=False)
    qtbot.addWidget(later)
    assert "March" in later.question.text() and "6" in later.question.text()


@pytest.mark.parametrize("language", ["en", "de"])
@pytest.mark.parametrize("text", [100, 200])
def test_the_dialogs_fit_and_are_named(
    qtbot: QtBot, data_dir: Path, language: str, text: int
) -> None:
    application = build(
        data_dir,
        FakeClock(NOW),
        prompts=ScriptedPrompts(),
        cues=RecordingCues(),
        language=language,
    )
    qtbot.addWidget(application.window)
    try:
        application.state.set("text_size", text)
        application.window.resize(960, 540)
        for dialog in (
            ProgressionSuggestionDialog("Chin tucks", REASON, parent=application.window),
            ProgressionSuggestionDialog(
                "Chin tucks", REASON, ask_physiotherapist=True, parent=application.window
            ),
            NextMorningDialog(date(2026, 3, 8), score_before=3, parent=application.window),
            NextMorningDialog(date(2026, 3, 6), yesterday=False, parent=application.window),
        ):
            dialog.show()
            QApplication.processEvents()
            assert dialog.height() <= 540 or text == 200, dialog.objectName()
            assert_fits(dialog, f"{dialog.objectName()} at {text} % in {language}")
            assert walk(dialog) == []
            dialog.close()
    finally:
        application.window.close()
        application.database.close()
        use_language("en", paths.resources_dir(), system="C")


# --- the morning after ------------------------------------------------------------------------


def _session(app: Application, started: datetime, before: int = 3) -> None:
    session = app.database.start_session("desk-break", "Two-minute desk break", 4, started)
    assert session.id is not None
    app.database.add_pain_entry(
        PainEntry(
            recorded_at=started, score=before, context=PainContext.BEFORE, session_id=session.id
        )
    )
    app.database.finish_session(session.id, SessionStatus.COMPLETED, started + timedelta(minutes=3))


def test_the_next_morning_question_is_asked_once_and_stored(
    app: Application, script: ProgressionScript
) -> None:
    _session(app, NOW - timedelta(hours=14), before=3)  # 18:00 yesterday, Berlin
    assert app.progression.maybe_ask_next_morning()
    assert script.mornings == [(date(2026, 3, 8), True, 3)]
    entries = app.database.pain_entries(NOW - timedelta(hours=1), NOW + timedelta(hours=1))
    assert [(e.context, e.score, e.note) for e in entries] == [
        (PainContext.NEXT_MORNING, 2, "slept well")
    ]
    assert not app.progression.maybe_ask_next_morning()  # once
    assert len(script.mornings) == 1


def test_the_next_morning_question_can_be_skipped(
    app: Application, script: ProgressionScript
) -> None:
    script.morning = PainAnswer(score=None)
    _session(app, NOW - timedelta(hours=14))
    assert app.progression.maybe_ask_next_morning()
    entries = app.database.pain_entries(NOW - timedelta(hours=1), NOW + timedelta(hours=1))
    assert entries == []
    assert not app.progression.maybe_ask_next_morning()  # skipped counts as asked


SETTLED = (
    "Your pain rose a little during yesterday's exercise and has settled since. "
    "A rise of up to 2 points during exercise that settles by the next morning is acceptable."
)


@pytest.mark.parametrize(("morning", "told"), [(3, True), (4, False)])
def test_after_the_answer_a_small_rise_that_settled_is_called_acceptable(
    app: Application,
    script: ProgressionScript,
    monkeypatch: pytest.MonkeyPatch,
    morning: int,
    told: bool,
) -> None:
    """Pain 3 before yesterday's session, 5 after it (a rise of 2); this morning 3 (settled):
    the window says so, plainly, not in a caution's colours. This morning 4: nothing."""
    yesterday = date(2026, 3, 8)
    _session(app, NOW - timedelta(hours=14), before=3)  # 18:00 yesterday, Berlin

    def days(_start: datetime, _end: datetime) -> list[ExerciseDay]:
        return [ExerciseDay(yesterday, "chin-tucks", True, 3, 5, False)]

    monkeypatch.setattr(app.database, "exercise_days", days, raising=False)
    script.morning = PainAnswer(score=morning)
    assert app.progression.maybe_ask_next_morning()
    if told:
        assert app.window.notice_text() == SETTLED
        assert app.window.notice_is_reassuring()
    else:
        assert app.window.notice_text() is None


def test_good_news_never_covers_a_problem_the_window_shows(app: Application) -> None:
    window = app.window
    window.show_notice("Your data file is read-only.")
    assert not window.show_reassurance(SETTLED)
    assert window.notice_text() == "Your data file is read-only."
    assert not window.notice_is_reassuring()
    # A problem does replace good news, in the caution style again.
    banner = window.findChild(QWidget, "noticeBanner")
    assert banner is not None
    banner.hide()  # dismissed
    assert window.show_reassurance(SETTLED) and window.notice_is_reassuring()
    window.show_notice("Your data file is read-only.")
    assert window.notice_text() == "Your data file is read-only."
    assert not window.notice_is_reassuring()


def test_no_question_the_same_day_or_without_a_session(
    app: Application, script: ProgressionScript
) -> None:
    assert not app.progression.maybe_ask_next_morning()
    _session(app, NOW - timedelta(hours=1))  # this morning: not the morning after
    assert not app.progression.maybe_ask_next_morning()
    assert script.mornings == []


# --- History ----------------------------------------------------------------------------------


def _history_with_mornings_and_changes(app: Application) -> Any:
    for back in (3, 2, 1):
        started = NOW - timedelta(days=back, hours=14)
        _session(app, started, before=4)
        app.database.add_pain_entry(
            PainEntry(
                recorded_at=started + timedelta(hours=14),
                score=3,
                context=PainContext.NEXT_MORNING,
            )
        )
    app.database.add_progression_change(
        ProgressionChange(
            recorded_at=NOW - timedelta(days=1, hours=13),
            routine_id="desk-break",
            exercise_id="chin-tucks",
            kind=ChangeKind.MORE_REPS,
            from_text="Chin tucks: 4 repetitions",
            to_text="Chin tucks: 5 repetitions",
            reason=REASON,
            status=ChangeStatus.ACCEPTED,
        )
    )
    history = app.history_area.build()
    history.controller.refresh()
    return history


def test_history_draws_next_morning_scores_and_lists_changes(app: Application) -> None:
    history = _history_with_mornings_and_changes(app)
    view = history.view
    assert len(view.chart.series("next-morning")) == 3
    assert "Next morning" in view.chart.legend.shown()
    rows = [view.check_in_model.row_at(r) for r in range(view.check_in_model.rowCount())]
    assert {row.context for row in rows} == {"next-morning"}
    index = view.check_in_model.index(0, 2)
    assert view.check_in_model.data(index) == "Next morning"
    assert view.change_model.rowCount() == 1
    change = view.change_model.row_at(0)
    assert change.answer == "Accepted" and change.reason == REASON
    assert "4 repetitions" in change.change and "5 repetitions" in change.change
    view.log_tabs.setCurrentIndex(CHANGES_TAB)
    assert walk(view) == []


def test_the_report_has_changes_to_the_exercises(app: Application) -> None:
    history = _history_with_mornings_and_changes(app)
    content = history.controller.report_content(ReportPeriod.FOUR_WEEKS)
    headings = [section.heading for section in content.sections]
    assert "Changes to the exercises" in headings
    section = content.sections[headings.index("Changes to the exercises")]
    assert any(REASON in str(block) for block in section.blocks)
