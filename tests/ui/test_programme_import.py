"""Programme files through the app: preview, problems with line numbers, import, replace, drop,
`--open`, export and import again. Nothing is written before Import is pressed."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QAction, QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QDialog, QFileDialog, QLabel, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from spinecoach.app import Application
from spinecoach.app.programmes import (
    MAX_PROGRAMME_BYTES,
    ProgrammeFileError,
    read_programme_file,
    with_programme_suffix,
)
from spinecoach.core import settings as keys
from spinecoach.core.exercise import RoutineOrigin
from spinecoach.core.programme.format import parse_programme
from spinecoach.ui.programme.preview_dialog import ProgrammePreviewDialog, paragraphs
from spinecoach.ui.shell.shortcuts_dialog import menu_keys
from tests.ui.accessibility import unnamed
from tests.ui.layout_check import assert_fits
from tests.ui.running_app import shown_app

NOW = datetime(2025, 3, 10, 9, 0, tzinfo=UTC)
EXAMPLES = Path(__file__).resolve().parents[2] / "docs" / "examples"
LOWER_BACK = EXAMPLES / "lower-back.programme.toml"
BROKEN = EXAMPLES / "broken.programme.toml"


@pytest.fixture
def app(qtbot: QtBot, data_dir: Path) -> Iterator[Application]:
    with shown_app(qtbot, data_dir, NOW) as application:
        application.state.set(keys.SAFETY_ACKNOWLEDGED, True)  # not a first run
        yield application


class Answers:
    """Stands in for the person: sees each dialog the app shows, and answers it."""

    def __init__(self, answer: Callable[[QDialog], int] | None = None) -> None:
        self.seen: list[QDialog] = []
        self.answer = answer or (lambda _dialog: QDialog.DialogCode.Accepted)

    def __call__(self, dialog: QDialog) -> int:
        self.seen.append(dialog)
        return int(self.answer(dialog))

    @property
    def preview(self) -> ProgrammePreviewDialog:
        dialogs = [d for d in self.seen if isinstance(d, ProgrammePreviewDialog)]
        assert len(dialogs) == 1, self.seen
        return dialogs[0]


def texts(widget: QWidget) -> list[str]:
    return [label.text() for label in widget.findChildren(QLabel)]


def answering(app: Application, answers: Answers) -> Answers:
    app.programme_files.ask = answers
    return answers


def test_the_preview_shows_every_routine_with_frequency_dosage_side_and_note(
    app: Application,
) -> None:
    seen: list[list[str]] = []

    def look(dialog: QDialog) -> int:
        seen.append(texts(dialog))
        assert app.database.programmes() == []  # nothing written while the preview shows
        return QDialog.DialogCode.Rejected

    answering(app, Answers(look))
    assert app.programme_files.open_file(LOWER_BACK) is None
    shown = seen[0]
    assert "Lower back: first four weeks" in shown
    assert "Prescribed by Sam Lee, physiotherapist · Riverside Physiotherapy, 01632 960123" in shown
    assert "From 3 Mar 2025 · review on 31 Mar 2025" in shown
    assert "Morning loosening — once a day" in shown
    assert "Desk breaks — 3 times a day" in shown
    assert "Short walk — 5 times a week" in shown
    assert "4. Piriformis stretch: 3 x 15 s hold, right side only" in shown
    assert any(text.startswith("Note: Your right side only for now") for text in shown)
    assert any(text.startswith("Locked by Sam Lee") for text in shown)
    assert any(text.startswith("Little and often is the aim.") for text in shown)
    assert app.database.programmes() == []  # cancelled: still nothing


def test_problems_are_listed_with_line_numbers_and_import_is_disabled(app: Application) -> None:
    answers = answering(app, Answers())  # pressing Enter: the default button (Close)
    assert app.programme_files.open_file(BROKEN) is None
    dialog = answers.preview
    assert not dialog.import_button.isEnabled()
    assert dialog.cancel_button.text() == "Close"
    assert dialog.cancel_button.isDefault()
    shown = texts(dialog)
    lines = [text.split(":", 1)[0] for text in shown if text.startswith("Line ")]
    assert lines == ["Line 7", "Line 20", "Line 24", "Line 26", "Line 38"]
    assert any(text.startswith("Did you mean 'glute-bridge'") for text in shown)
    assert any("Use a value from 3 to 10." in text for text in shown)
    assert any(text.startswith("Nothing was imported. Correct these lines") for text in shown)
    assert app.database.programmes() == []


def test_import_stores_the_file_makes_it_active_and_the_library_shows_it_first(
    app: Application,
) -> None:
    answers = answering(app, Answers())
    stored = app.programme_files.open_file(LOWER_BACK)
    assert stored is not None and stored.active
    assert answers.preview.import_button.text() == "Import"
    assert stored.body == LOWER_BACK.read_text(encoding="utf-8")
    assert stored.file_name == "lower-back.programme.toml"
    assert app.database.active_programme() == stored
    first = app.routine_book.routines()[0]
    assert first.origin is RoutineOrigin.PROGRAMME and first.name == "Morning loosening"
    assert first.locked
    assert app.window.current_area() == "library"
    assert app.window.notice_text() == (
        "Imported “Lower back: first four weeks”: its routines are at the top of the Library."
    )


def test_importing_the_same_programme_again_offers_to_replace_it_never_a_copy(
    app: Application, tmp_path: Path
) -> None:
    answering(app, Answers())
    first = app.programme_files.open_file(LOWER_BACK)
    assert first is not None
    changed = tmp_path / "Lower back (new).programme.toml"
    changed.write_text(
        LOWER_BACK.read_text(encoding="utf-8").replace("reps = 8", "reps = 6"), encoding="utf-8"
    )
    app.clock.advance(3 * 86400)  # type: ignore[attr-defined]

    refused = answering(app, Answers(lambda _d: QDialog.DialogCode.Rejected))
    assert app.programme_files.open_file(changed) is None
    preview = refused.preview
    assert preview.import_button.text() == "Replace the programme"
    assert (
        "This replaces the programme you imported on 10 Mar 2025. The sessions you have done "
        "are kept." in texts(preview)
    )
    assert app.database.programmes() == [first]  # the refusal changed nothing

    answering(app, Answers())
    again = app.programme_files.open_file(changed)
    assert again is not None and again.id == first.id
    assert [p.id for p in app.database.programmes()] == [first.id]
    assert again.file_name == changed.name and "reps = 6" in again.body
    assert again.imported_at > first.imported_at


def test_a_file_dropped_on_the_window_is_previewed(app: Application, qtbot: QtBot) -> None:
    answers = answering(app, Answers())
    data = QMimeData()
    data.setUrls([QUrl.fromLocalFile(str(LOWER_BACK))])
    window = app.window
    centre = QPoint(window.width() // 2, window.height() // 2)
    enter = QDragEnterEvent(
        centre,
        Qt.DropAction.CopyAction,
        data,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    window.dragEnterEvent(enter)
    assert enter.isAccepted()
    drop = QDropEvent(
        QPointF(centre),
        Qt.DropAction.CopyAction,
        data,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    window.dropEvent(drop)
    assert drop.isAccepted()
    qtbot.waitUntil(lambda: app.database.active_programme() is not None, timeout=2000)
    assert answers.preview.windowTitle() == "Import a programme"


def test_only_one_local_toml_file_is_taken_from_a_drag(app: Application, tmp_path: Path) -> None:
    for urls in (
        [QUrl.fromLocalFile(str(tmp_path / "photo.png"))],
        [QUrl("https://example.org/plan.programme.toml")],
        [QUrl.fromLocalFile(str(LOWER_BACK)), QUrl.fromLocalFile(str(BROKEN))],
    ):
        data = QMimeData()
        data.setUrls(urls)
        enter = QDragEnterEvent(
            QPoint(5, 5),
            Qt.DropAction.CopyAction,
            data,
            Qt.MouseButton.LeftButton,
            Qt.KeyboardModifier.NoModifier,
        )
        app.window.dragEnterEvent(enter)
        assert not enter.isAccepted(), urls


def test_open_waits_for_the_safety_notes_on_a_first_run(app: Application, qtbot: QtBot) -> None:
    """`spinecoach --open FILE` (and a second launch's "open FILE") on a first run."""
    app.state.set(keys.SAFETY_ACKNOWLEDGED, False)
    answers = answering(app, Answers(lambda _d: QDialog.DialogCode.Rejected))
    app.open_programme_when_ready(LOWER_BACK)
    QApplication.processEvents()
    QApplication.processEvents()
    assert answers.seen == []  # the safety notes come first
    app.state.set(keys.SAFETY_ACKNOWLEDGED, True)
    qtbot.waitUntil(lambda: len(answers.seen) == 1, timeout=2000)
    assert isinstance(answers.seen[0], ProgrammePreviewDialog)
    QApplication.processEvents()
    assert len(answers.seen) == 1  # once, however many times it waited


def test_a_second_launch_with_open_shows_the_preview(app: Application, qtbot: QtBot) -> None:
    """What `startup.run` does with a second launch's command: the running window previews."""
    from spinecoach.desktop.single_instance import open_command, opened_file

    answers = answering(app, Answers(lambda _d: QDialog.DialogCode.Rejected))
    file = opened_file(open_command(LOWER_BACK))
    assert file == LOWER_BACK
    app.open_programme_when_ready(file)
    qtbot.waitUntil(lambda: len(answers.seen) == 1, timeout=2000)
    assert app.database.programmes() == []


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (b"x" * (MAX_PROGRAMME_BYTES + 1), "is larger than 256 kB"),
        (b'title = "Gr\xfc\xdfe"\n', "is not UTF-8 text (byte 12 cannot be read)"),
    ],
    ids=["too large", "not utf-8"],
)
def test_a_file_that_is_no_programme_is_refused_in_words(
    app: Application, tmp_path: Path, content: bytes, expected: str
) -> None:
    file = tmp_path / "plan.programme.toml"
    file.write_bytes(content)
    answers = answering(app, Answers())
    assert app.programme_files.open_file(file) is None
    assert len(answers.seen) == 1 and isinstance(answers.seen[0], QMessageBox)
    assert expected in answers.seen[0].text()
    assert app.database.programmes() == []


def test_unreadable_files_are_said_plainly(tmp_path: Path) -> None:
    with pytest.raises(ProgrammeFileError, match="it is not there any more"):
        read_programme_file(tmp_path / "gone.programme.toml")
    with pytest.raises(ProgrammeFileError, match="it is a folder, not a file"):
        read_programme_file(tmp_path)
    if os.geteuid() != 0:  # root reads anything
        locked = tmp_path / "locked.programme.toml"
        locked.write_text("format = 1\n")
        locked.chmod(0)
        with pytest.raises(ProgrammeFileError, match="not allowed to read it"):
            read_programme_file(locked)
    bom = tmp_path / "bom.programme.toml"
    bom.write_bytes(b"\xef\xbb\xbfformat = 1\n")
    assert read_programme_file(bom) == "format = 1\n"


def test_a_read_only_data_file_refuses_the_import_and_changes_nothing(
    app: Application, monkeypatch: pytest.MonkeyPatch
) -> None:
    from spinecoach.storage.errors import ReadOnlyDatabaseError

    def refuse(*_args: object, **_kwargs: object) -> None:
        raise ReadOnlyDatabaseError("the data file is open read-only")

    monkeypatch.setattr(app.database, "save_programme", refuse)
    answers = answering(app, Answers())
    assert app.programme_files.open_file(LOWER_BACK) is None
    warning = answers.seen[-1]
    assert isinstance(warning, QMessageBox)
    assert warning.text().startswith("SpineCoach could not save the programme: ")
    assert "Nothing was changed" in warning.text()


# --- export, and import again ------------------------------------------------------------------


def save_to(monkeypatch: pytest.MonkeyPatch, path: Path) -> None:
    def answer(*_args: object, **_kwargs: object) -> tuple[str, str]:
        return str(path), ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", answer)


def test_export_then_import_gives_the_same_programme(
    app: Application, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    answering(app, Answers())
    assert app.programme_files.open_file(LOWER_BACK) is not None
    save_to(monkeypatch, tmp_path / "shared")  # typed without the ending: it is added
    export = app.window.findChild(QAction, "exportProgrammeAction")
    assert export is not None
    export.trigger()
    exported = tmp_path / "shared.programme.toml"
    assert exported.is_file()
    assert oct(exported.stat().st_mode & 0o777) == oct(0o644 & ~current_umask())
    exercises = app.library.exercises
    original = parse_programme(LOWER_BACK.read_text(encoding="utf-8"), exercises).programme
    assert original is not None
    answers = answering(app, Answers())
    again = app.programme_files.open_file(exported)
    assert again is not None
    assert answers.preview.import_button.text() == "Replace the programme"
    assert parse_programme(again.body, exercises).programme == original
    assert app.routine_book.programme == original
    assert [p.id for p in app.database.programmes()] == [again.id]  # replaced, not doubled


def test_a_routine_exported_from_the_library_imports_as_a_programme_of_one(
    app: Application, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    routine = app.library.routines["desk-break"]
    target = tmp_path / "desk break.programme.toml"
    save_to(monkeypatch, target)
    assert app.export_routine(routine) == target
    parsed = parse_programme(target.read_text(encoding="utf-8"), app.library.exercises)
    assert parsed.problems == ()
    assert parsed.programme is not None
    (prescribed,) = parsed.programme.routines
    assert prescribed.routine.items == routine.items
    assert prescribed.frequency.text() == "once a day"
    assert not parsed.programme.locked  # the person's own to share: open to changes
    assert parsed.programme.start == NOW.date()


def test_the_librarys_export_button_writes_the_routine_shown(
    app: Application, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    pane = app.library_pane
    pane.select_item("desk-break")
    target = tmp_path / "desk.programme.toml"
    save_to(monkeypatch, target)
    assert pane.routine_buttons.export_button.isEnabled()
    pane.routine_buttons.export_button.click()
    parsed = parse_programme(target.read_text(encoding="utf-8"), app.library.exercises)
    assert parsed.programme is not None
    assert parsed.programme.routines[0].routine.items == app.library.routines["desk-break"].items


def test_an_existing_file_is_replaced_only_when_the_person_agrees(
    app: Application, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    routine = app.library.routines["desk-break"]
    existing = tmp_path / "mine.programme.toml"
    existing.write_text("theirs")
    save_to(monkeypatch, tmp_path / "mine")  # the save dialog did not ask about this name
    keep = answering(app, Answers(lambda _d: 0))  # Escape: "Keep the old file"
    assert app.export_routine(routine) is None
    assert existing.read_text() == "theirs"
    assert isinstance(keep.seen[0], QMessageBox)
    assert (
        keep.seen[0].text() == "mine.programme.toml already exists. Replace it with this programme?"
    )

    def replace(box: QDialog) -> int:
        assert isinstance(box, QMessageBox)
        box.buttons()[0].click()
        return 0

    answering(app, Answers(replace))
    assert app.export_routine(routine) == existing
    assert existing.read_text().startswith("# A SpineCoach programme")


def test_exporting_without_an_active_programme_says_so(app: Application) -> None:
    answers = answering(app, Answers())
    assert app.programme_files.export_active() is None
    assert answers.seen[0].windowTitle() == "No programme to export"


def test_programme_file_names() -> None:
    assert with_programme_suffix(Path("/a/plan")) == Path("/a/plan.programme.toml")
    assert with_programme_suffix(Path("/a/plan.toml")) == Path("/a/plan.programme.toml")


def test_notes_wrapped_by_hand_read_as_paragraphs() -> None:
    text = "Little and often\nis the aim.\n\nEach day:\n- walk\n- stretch\n1. first\n"
    assert (
        paragraphs(text) == "Little and often is the aim.\n\nEach day:\n- walk\n- stretch\n1. first"
    )


# --- the menu, the keys, how it looks -----------------------------------------------------------


def test_open_programme_is_ctrl_o_in_the_file_menu_and_in_help(app: Application) -> None:
    action = app.window.findChild(QAction, "openProgrammeAction")
    assert action is not None and action.shortcut().toString() == "Ctrl+O"
    rows = dict(menu_keys(app.window))
    assert rows["Ctrl+O"] == "Open programme"
    keys = [keys for keys, _does in menu_keys(app.window)]
    assert len(keys) == len(set(keys))  # no key twice


@pytest.mark.parametrize("text", [100, 200])
@pytest.mark.parametrize("example", [LOWER_BACK, BROKEN], ids=["programme", "problems"])
@pytest.mark.parametrize("language", ["en", "de"])
def test_the_preview_fits_and_every_control_is_named(
    qtbot: QtBot, data_dir: Path, example: Path, text: int, language: str
) -> None:
    from spinecoach.app import build
    from spinecoach.core.clock import FakeClock
    from tests.fakes import RecordingCues, ScriptedPrompts

    application = build(
        data_dir, FakeClock(NOW), prompts=ScriptedPrompts(), cues=RecordingCues(), language=language
    )
    qtbot.addWidget(application.window)
    try:
        application.state.set("text_size", text)
        files = application.programme_files
        dialog = files.preview_dialog(files.parse(read_programme_file(example)), example.name)
        qtbot.addWidget(dialog)
        dialog.show()
        QApplication.processEvents()
        where = f"the programme preview of {example.name} at {text} % ({language})"
        assert_fits(dialog, where)
        assert unnamed(dialog) == []
        dialog.resize(960, 540)  # a 1920 x 1080 screen at 200 %: the body scrolls, all fits
        QApplication.processEvents()
        assert (dialog.width(), dialog.height()) == (960, 540), where
        assert_fits(dialog, f"{where} in 960 x 540")
    finally:
        application.window.close()
        application.database.close()


def current_umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
