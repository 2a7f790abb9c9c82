"""Every note box holds at most MAX_NOTE_LENGTH characters, typed or pasted, with a counter.

Before the limit, a note of 1,001 characters in the session details dialog raised ValueError
on Save: the edit was lost and the dialog closed.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QTimer
from PySide6.QtWidgets import QApplication, QLineEdit, QPlainTextEdit, QPushButton
from pytestqt.qtbot import QtBot

from spinecoach.app import Application, build
from spinecoach.core.clock import FakeClock
from spinecoach.core.records import MAX_NOTE_LENGTH, SessionStatus
from spinecoach.ui.care.pain_dialog import PainDialog
from spinecoach.ui.history.area import HistoryArea
from spinecoach.ui.history.log_tables import SessionRow
from spinecoach.ui.history.session_dialog import SessionDetailsDialog
from spinecoach.ui.widgets.note_box import CAUTION_FROM, NoteCounter
from tests.fakes import RecordingCues, ScriptedPrompts

NOW = datetime(2026, 11, 25, 12, 0, tzinfo=UTC)
LONG = "".join(chr(ord("a") + i % 26) for i in range(2 * MAX_NOTE_LENGTH))
"""Longer than any note may be; its letters show which part of a paste was kept."""


def session_row(note: str = "") -> SessionRow:
    return SessionRow(
        session_id=1,
        started_epoch=NOW.timestamp(),
        date_text="Wed 25 Nov 2026 12:00",
        routine_id="desk-break",
        routine="Two-minute desk break",
        minutes=2.0,
        duration_text="2:00",
        exercises_text="5 of 5",
        incomplete=False,
        before=4,
        after=3,
        feeling="Easier",
        hurts=0,
        note=note,
    )


@pytest.fixture
def details(qtbot: QtBot) -> SessionDetailsDialog:
    dialog = SessionDetailsDialog(session_row(), [])
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def paste(editor: QPlainTextEdit | QLineEdit, text: str) -> None:
    """Paste `text` at the cursor through the clipboard, as Ctrl+V does."""
    QApplication.clipboard().setText(text)
    editor.paste()


# The multi-line box (session details) ---------------------------------------------------------


def test_typing_stops_at_the_limit(qtbot: QtBot, details: SessionDetailsDialog) -> None:
    details.note.setPlainText("x" * (MAX_NOTE_LENGTH - 2))
    details.note.moveCursor(details.note.textCursor().MoveOperation.End)
    qtbot.keyClicks(details.note, "abcd")
    assert details.note.toPlainText() == "x" * (MAX_NOTE_LENGTH - 2) + "ab"
    assert details.note_counter.label.text() == f"{MAX_NOTE_LENGTH} / {MAX_NOTE_LENGTH}"
    assert details.isVisible()


def test_a_paste_is_cut_to_the_room_left_keeping_its_start(
    details: SessionDetailsDialog,
) -> None:
    details.note.setPlainText("before  after")
    cursor = details.note.textCursor()
    cursor.setPosition(len("before "))
    details.note.setTextCursor(cursor)

    paste(details.note, LONG)

    room = MAX_NOTE_LENGTH - len("before  after")
    assert details.note.toPlainText() == "before " + LONG[:room] + " after"
    assert details.note.textCursor().position() == len("before ") + room  # after the paste
    assert details.note_counter.length() == MAX_NOTE_LENGTH
    details.note.undo()  # one step takes the whole (cut) paste back
    assert details.note.toPlainText() == "before  after"


def test_a_paste_into_a_full_box_adds_nothing(details: SessionDetailsDialog) -> None:
    full = "y" * MAX_NOTE_LENGTH
    details.note.setPlainText(full)
    paste(details.note, "more")
    assert details.note.toPlainText() == full


def test_control_characters_in_a_paste_are_dropped(details: SessionDetailsDialog) -> None:
    paste(details.note, "slept\x00 badly\x1b[0m\tthen\nwalked\x7f")
    assert details.note.toPlainText() == "slept badly[0m\tthen\nwalked"


def test_emoji_count_as_one_character_and_are_never_split(details: SessionDetailsDialog) -> None:
    paste(details.note, "😀" * (MAX_NOTE_LENGTH + 1))
    assert details.note.toPlainText() == "😀" * MAX_NOTE_LENGTH


def test_the_counter_turns_to_the_caution_colour_near_the_limit(
    details: SessionDetailsDialog,
) -> None:
    counter = details.note_counter
    details.note.setPlainText("z" * (CAUTION_FROM - 1))
    assert counter.label.text() == f"{CAUTION_FROM - 1} / {MAX_NOTE_LENGTH}"
    assert counter.property("role") == ""
    assert counter.label.property("role") == "muted"
    details.note.setPlainText("z" * CAUTION_FROM)
    assert counter.property("role") == "caution"
    details.note.clear()
    assert counter.label.text() == f"0 / {MAX_NOTE_LENGTH}"
    assert counter.property("role") == ""


def test_text_set_from_code_is_held_to_the_limit_too(details: SessionDetailsDialog) -> None:
    details.note.setPlainText(LONG)
    assert details.note.toPlainText() == LONG[:MAX_NOTE_LENGTH]


def test_a_stored_note_with_a_control_character_opens_cleaned(qtbot: QtBot) -> None:
    dialog = SessionDetailsDialog(session_row("old\x00 note"), [])
    qtbot.addWidget(dialog)
    assert dialog.note.toPlainText() == "old note"
    assert dialog.note_counter.label.text() == f"8 / {MAX_NOTE_LENGTH}"


def test_a_dropped_mime_text_is_held_as_well(details: SessionDetailsDialog) -> None:
    data = QMimeData()
    data.setText(LONG)
    details.note.insertFromMimeData(data)  # what a drag and drop ends in
    assert details.note.toPlainText() == LONG[:MAX_NOTE_LENGTH]


# The one-line box (pain dialog) ---------------------------------------------------------------


def test_the_pain_note_has_the_same_limit_counter_and_characters(qtbot: QtBot) -> None:
    dialog = PainDialog(after=False)
    qtbot.addWidget(dialog)
    counter = dialog.findChild(NoteCounter)
    assert counter is dialog.note_counter
    dialog.note.setText("a\x00b")
    assert dialog.note.text() == "ab"
    dialog.note.setCursorPosition(1)
    paste(dialog.note, "😀" * MAX_NOTE_LENGTH)
    assert dialog.note.text() == "a" + "😀" * (MAX_NOTE_LENGTH - 2) + "b"
    assert counter.label.text() == f"{MAX_NOTE_LENGTH} / {MAX_NOTE_LENGTH}"
    assert counter.property("role") == "caution"
    qtbot.keyClicks(dialog.note, "more")
    assert len(dialog.note.text()) == MAX_NOTE_LENGTH
    dialog.score_buttons.button(3).click()
    dialog.save_button.click()
    assert dialog.answer().note == "a" + "😀" * (MAX_NOTE_LENGTH - 2) + "b"


# The whole way: History, session details, Save -----------------------------------------------


@pytest.fixture
def app(qtbot: QtBot, data_dir: Path) -> Iterator[Application]:
    application = build(data_dir, FakeClock(NOW), prompts=ScriptedPrompts(), cues=RecordingCues())
    qtbot.addWidget(application.window)
    started = NOW - timedelta(hours=2)
    session = application.database.start_session("desk-break", "Desk break", 5, started)
    assert session.id is not None
    application.database.finish_session(
        session.id, SessionStatus.COMPLETED, started + timedelta(minutes=3), note="first words"
    )
    application.window.show()
    application.window.show_area("history")
    yield application
    application.window.close()
    application.database.close()


def test_an_over_long_edit_in_session_details_is_kept_and_saved(
    qtbot: QtBot, app: Application
) -> None:
    area = app.history_area.build()
    assert isinstance(area, HistoryArea)
    (session,) = app.database.sessions(NOW - timedelta(days=1), NOW)
    assert session.id is not None
    seen: list[str] = []

    def edit_and_save() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, SessionDetailsDialog)
        dialog.note.moveCursor(dialog.note.textCursor().MoveOperation.End)
        paste(dialog.note, " " + LONG)
        qtbot.keyClicks(dialog.note, "typed past the end")
        seen.append(dialog.note.toPlainText())
        assert dialog.isVisible()  # still open, the edit still there
        save = dialog.findChild(QPushButton, "saveNoteButton")
        assert save is not None
        save.click()

    QTimer.singleShot(0, edit_and_save)
    area.open_session(session.id)

    expected = ("first words " + LONG)[:MAX_NOTE_LENGTH]
    assert seen == [expected]
    assert app.database.session(session.id).note == expected
