"""Every area and dialog, walked as a screen reader would: no unnamed control, no bare picture.

`tests/ui/accessibility.py` says what counts. Each area is walked in the states a person meets
(an exercise, a routine and a how-to card in the Library; the player running, paused, finished
and in focus mode; History with data), and every dialog as it opens.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QLabel, QMenu, QMessageBox, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from spinecoach import paths
from spinecoach.app import Application
from spinecoach.app.person_dialogs import settings_dialog
from spinecoach.core.csv_format.table import RowProblem
from spinecoach.core.pain import rise_advice
from spinecoach.core.records import PainContext, PainEntry
from spinecoach.core.reminder_service import Delivery, DeliveryKind
from spinecoach.storage.csv_io import ImportPreview
from spinecoach.storage.failures import StorageProblem
from spinecoach.ui.care.advice_dialogs import InPainDialog, PainRiseDialog
from spinecoach.ui.care.hurts_dialog import HurtsDialog
from spinecoach.ui.care.next_morning_dialog import NextMorningDialog
from spinecoach.ui.care.pain_dialog import PainDialog
from spinecoach.ui.care.progression_dialog import ProgressionSuggestionDialog
from spinecoach.ui.care.safety_dialog import SafetyDialog
from spinecoach.ui.history.check_in_dialog import CheckInDialog
from spinecoach.ui.history.import_dialog import ImportPreviewDialog
from spinecoach.ui.history.log_tables import CheckInRow, SessionRow
from spinecoach.ui.history.session_dialog import SessionDetailsDialog
from spinecoach.ui.library.exercise_picker import ExercisePicker
from spinecoach.ui.library.routine_editor import RoutineEditor
from spinecoach.ui.reminders.popup import ReminderPopup
from spinecoach.ui.shell.menu_entry_offer import MenuEntryOffer, menu_entry_added
from spinecoach.ui.shell.storage_dialogs import StorageProblemDialog
from tests.ui.accessibility import unnamed
from tests.ui.running_app import shown_app

NOW = datetime(2026, 11, 23, 10, 0, tzinfo=UTC)


@pytest.fixture
def app(qtbot: QtBot, data_dir: Path) -> Iterator[Application]:
    with shown_app(qtbot, data_dir, NOW) as application:
        yield application


def settle() -> None:
    """Let queued shows and layouts happen (a widget added to a shown parent shows later)."""
    QApplication.processEvents()


def walk(top: QWidget) -> list[str]:
    settle()
    return unnamed(top)


def test_the_walker_finds_an_unnamed_control_and_a_bare_picture(qtbot: QtBot) -> None:
    top = QWidget()
    qtbot.addWidget(top)
    icon_only = QPushButton(top)  # an icon button with no text and no name
    icon_only.setObjectName("iconOnly")
    picture = QLabel(top)
    picture.setObjectName("bare")
    picture.setPixmap(QIcon(str(paths.icons_dir() / "spinecoach.svg")).pixmap(32, 32))
    named = QPushButton("Start", top)
    top.show()
    found = walk(top)
    assert any("iconOnly" in line and "no name" in line for line in found)
    assert any("bare" in line and "picture" in line for line in found)
    assert not any(named.objectName() and named.objectName() in line for line in found)
    icon_only.setAccessibleName("Start")
    picture.setAccessibleName("SpineCoach")
    assert walk(top) == []


def test_library_exercise_routine_and_how_to(app: Application) -> None:
    pane = app.library_pane
    app.window.show_area("library")
    for item in ("childs-pose", "desk-break", "knee-to-chest"):
        pane.select_item(item)
        assert walk(app.window) == [], item
    guide = app.library.guides["floor-transfer"]
    pane.detail.show_guide(guide)
    assert walk(app.window) == []
    # A row's painted second line is read too, after its name.
    row = pane.model.index(pane.model.row_of("desk-break") or 0)
    assert row.data(Qt.ItemDataRole.AccessibleTextRole) == "Two-minute desk break"
    assert row.data(Qt.ItemDataRole.AccessibleDescriptionRole) == "2 min, 4 exercises, Desk"


def test_player_running_paused_finished_and_in_focus_mode(app: Application) -> None:
    assert app.start_routine_id("desk-break")
    player = app.session.player
    assert walk(app.window) == []
    assert player.figure.accessibleName().startswith("Moving figure: Chin tucks, sitting")
    app.player.toggle_pause()
    assert walk(app.window) == []
    player.toggle_focus_mode()
    assert walk(app.window) == []
    player.toggle_focus_mode()
    app.player.stop()  # stopped: the finished screen, then (closed) the invitation
    assert walk(app.window) == []
    app.session.show_idle()
    assert walk(app.window) == []


def test_history_with_sessions_and_check_ins(app: Application) -> None:
    app.database.add_pain_entry(
        PainEntry(recorded_at=NOW - timedelta(days=2), score=4, context=PainContext.CHECK_IN)
    )
    assert app.start_routine_id("desk-break")
    app.player.stop()
    app.window.show_area("history")
    history = app.history_area.build()
    history.controller.refresh()
    history.view.table.selectRow(0)
    assert walk(app.window) == []
    for tab in range(history.view.log_tabs.count()):  # the check-ins and the reminder log
        history.view.log_tabs.setCurrentIndex(tab)
        assert walk(app.window) == [], history.view.log_tabs.tabText(tab)


def test_every_settings_page(qtbot: QtBot, app: Application) -> None:
    dialog = settings_dialog(app)
    qtbot.addWidget(dialog)
    dialog.show()
    for page in range(dialog.tabs.count()):
        dialog.tabs.setCurrentIndex(page)
        assert walk(dialog) == [], dialog.tabs.tabText(page)


def test_the_keyboard_shortcuts_list(qtbot: QtBot, app: Application) -> None:
    dialog = app.window.show_keyboard_shortcuts()
    qtbot.addWidget(dialog)
    assert walk(dialog) == []


def dialogs(app: Application) -> dict[str, Callable[[], QWidget]]:
    """Every dialog and card, built as the app builds it."""
    window = app.window
    severe = rise_advice(3, 8, routines=app.library.routines.values(), just_done="desk-break")
    assert severe is not None
    row_session = _one_session_row(app)
    preview = ImportPreview(Path("history.csv"), (), (), (RowProblem(3, "the time is not a time"),))
    icon = QIcon(str(paths.icons_dir() / "spinecoach.svg"))

    def reminder(kind: DeliveryKind) -> Callable[[], QWidget]:
        def make() -> QWidget:
            popup = ReminderPopup(icon)
            popup.show_delivery(Delivery(kind, NOW, sitting_minutes=30), snoozes_left=3)
            return popup

        return make

    return {
        "pain before": lambda: PainDialog(after=False, parent=window),
        "pain after": lambda: PainDialog(after=True, parent=window),
        "pain check-in": lambda: PainDialog(after=False, check_in=True, parent=window),
        "this hurts": lambda: HurtsDialog("Knee to chest", parent=window),
        "suggestion": lambda: ProgressionSuggestionDialog(
            "Chin tucks", "Try 5 repetitions instead of 4?", parent=window
        ),
        "suggestion, locked": lambda: ProgressionSuggestionDialog(
            "Chin tucks", "Ask your physiotherapist.", ask_physiotherapist=True, parent=window
        ),
        "next morning": lambda: NextMorningDialog(NOW.date(), score_before=3, parent=window),
        "pain rose": lambda: PainRiseDialog(severe, parent=window),
        "in pain": lambda: InPainDialog(window),
        "safety, first run": lambda: SafetyDialog(first_run=True, parent=window),
        "safety, from Help": lambda: SafetyDialog(first_run=False, parent=window),
        "storage, locked": lambda: StorageProblemDialog(
            StorageProblem("locked", "another program holds it"), Path("/x"), lambda: False
        ),
        "storage, failed": lambda: StorageProblemDialog(
            StorageProblem("disk-full", "the disk is full"), Path("/x"), lambda: False
        ),
        "menu entry offer": lambda: MenuEntryOffer(window),
        "menu entry added": lambda: menu_entry_added(window),
        "session details": lambda: SessionDetailsDialog(row_session, ["Chin tucks"], window),
        "check-in edit": lambda: CheckInDialog(
            CheckInRow(1, NOW.timestamp(), "Wed 25 Nov 2026 20:15", 4, "after a walk"), window
        ),
        "import preview": lambda: ImportPreviewDialog(preview, window),
        "routine editor": lambda: RoutineEditor(
            app.library.routines["hips-and-hamstrings"],
            app.library.exercises,
            save=lambda _routine: None,
            notice="You are editing your own copy.",
            parent=window,
        ),
        "exercise picker": lambda: ExercisePicker(app.library.exercises.values(), parent=window),
        "stand-up card": reminder(DeliveryKind.STAND_UP),
        "daily card": reminder(DeliveryKind.DAILY_EXERCISE),
    }


def _one_session_row(app: Application) -> SessionRow:
    assert app.start_routine_id("desk-break")
    app.player.stop()
    history = app.history_area.build()
    history.controller.refresh()
    return history.view.model.row_at(0)


def test_every_dialog_and_card(qtbot: QtBot, app: Application) -> None:
    found: dict[str, list[str]] = {}
    for name, make in dialogs(app).items():
        dialog = make()
        qtbot.addWidget(dialog)
        dialog.show()
        found[name] = walk(dialog)
        timer = dialog.findChild(QTimer, "storageRetryTimer")
        if timer is not None:
            timer.stop()
        dialog.hide()
    assert {name: problems for name, problems in found.items() if problems} == {}


def test_the_question_before_ending_a_session(qtbot: QtBot, app: Application) -> None:
    assert app.start_routine_id("desk-break")
    seen: list[list[str]] = []

    def look_and_decline() -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox)
        seen.append(walk(box))
        box.reject()

    QTimer.singleShot(0, look_and_decline)
    app.session.player.confirm_stop()
    assert seen == [[]]
    assert app.player.is_active()


def test_every_menu_entry_reads_as_words(app: Application) -> None:
    for menu_action in app.window.menuBar().actions():
        menu = menu_action.menu()
        assert isinstance(menu, QMenu)
        for action in menu.actions():
            assert action.isSeparator() or action.text().replace("&", "").strip(), action
