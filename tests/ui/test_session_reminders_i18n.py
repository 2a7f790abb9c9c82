"""The player, the reminder card and the tray speak the language they are given.

Two kinds of words meet there: the core's (phase words, cues, counters, durations: a `Messages`
passed as `words`) and the interface's own (buttons, tooltips, the card's sentences: Qt's
translation system). A German `Messages` must reach the timeline the player builds; a catalog
installed in Qt must reach every marked text; and with neither, English stays word for word.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

import pytest
from PySide6.QtCore import QCoreApplication, QTranslator
from PySide6.QtGui import QIcon
from pytestqt.qtbot import QtBot

from spinecoach import paths
from spinecoach.core import reminder_service
from spinecoach.core.clock import FakeClock
from spinecoach.core.exercise import Position
from spinecoach.core.library import Library
from spinecoach.core.messages import Messages
from spinecoach.core.reminder_service import Delivery, DeliveryKind, PauseLength, ReminderService
from spinecoach.core.reminders import SNOOZE_REFUSED_MESSAGE, ReminderSchedule
from spinecoach.core.session import EngineState
from spinecoach.core.session_recorder import SessionRecorder
from spinecoach.core.timeline import POSITION_WORDS
from spinecoach.core.translation import load_library_in
from spinecoach.ui.reminders.controller import ReminderController
from spinecoach.ui.reminders.popup import ReminderPopup
from spinecoach.ui.reminders.tray import TrayIcon
from spinecoach.ui.session.player_controller import PlayerController
from spinecoach.ui.session.player_screen import position_words
from spinecoach.ui.session.player_view import PlayerView
from tests.core.test_session_recorder import ListStore
from tests.fakes import RecordingCues, ScriptedPrompts

START = datetime(2026, 11, 23, 10, 0, tzinfo=UTC)
MONDAY_9 = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)


@pytest.fixture(scope="module")
def german() -> Library:
    return load_library_in(paths.resources_dir(), paths.icons_dir() / "exercises", "de")


class FakeCatalog(QTranslator):
    """A catalog from a table of (context, English) -> translation; None leaves a text as it is.

    Qt fills `%n` in what it returns, as it does for a compiled catalog's plural forms.
    """

    def __init__(self, table: Mapping[tuple[str, str], str]) -> None:
        super().__init__()
        self.table = dict(table)
        self.asked: set[tuple[str, str]] = set()

    def translate(
        self, context: str, source: str, disambiguation: str | None = None, n: int = -1
    ) -> str | None:
        self.asked.add((context, source))
        return self.table.get((context, source))

    def isEmpty(self) -> bool:
        return False


@pytest.fixture
def catalog(qtbot: QtBot) -> Iterator[FakeCatalog]:
    """German for a few texts of each class, installed for one test."""
    translator = FakeCatalog(
        {
            ("PlayerView", "Pause"): "Anhalten",
            ("PlayerView", "This hurts"): "Das tut weh",
            ("PlayerController", "{duration} left"): "noch {duration}",
            ("ReminderPopup", "Time to stand up"): "Zeit zum Aufstehen",
            ("ReminderPopup", "You have been sitting for %n minute(s)."): (
                "Sie sitzen seit %n Minuten."
            ),
            ("ReminderPopup", "Snooze %n min"): "In %n Min.",
            ("ReminderPopup", "a full-screen window"): "ein Vollbildfenster",
            ("ReminderPopup", "(Held during {what}.)"): (
                "(Zurückgehalten, solange {what} aktiv war.)"
            ),
            ("TrayIcon", "Quit SpineCoach"): "SpineCoach beenden",
            ("ReminderController", "Next stand-up reminder at {time}"): (
                "Nächste Erinnerung zum Aufstehen um {time}"
            ),
        }
    )
    app = QCoreApplication.instance()
    assert app is not None
    app.installTranslator(translator)
    yield translator
    app.removeTranslator(translator)


@dataclass
class Player:
    view: PlayerView
    controller: PlayerController
    cues: RecordingCues
    clock: FakeClock = field(default_factory=lambda: FakeClock(START))

    def stop(self) -> None:
        engine = self.controller.engine
        if engine is not None and engine.state is EngineState.RUNNING:
            self.controller.toggle_pause()  # never leave the repaint timer running


def player(qtbot: QtBot, words: Messages | None = None) -> Player:
    view = PlayerView()
    qtbot.addWidget(view)
    clock = FakeClock(START)
    cues = RecordingCues()
    recorder: SessionRecorder[str] = SessionRecorder(ListStore(), clock)
    prompts = ScriptedPrompts()
    if words is None:  # the default, as every caller before `words` existed
        controller = PlayerController(view, recorder, clock, prompts, cues=cues)
    else:
        controller = PlayerController(view, recorder, clock, prompts, cues=cues, words=words)
    return Player(view, controller, cues, clock)


# --- the player: the core's words come from `words` --------------------------------------------


def test_german_words_reach_the_timeline_the_player_builds(qtbot: QtBot, german: Library) -> None:
    played = player(qtbot, german.words)
    desk_break = german.routines["desk-break"]
    assert played.controller.start(desk_break)
    first = desk_break.items[0].exercise
    assert played.view.phase_label.text() == "Vorbereiten"  # "Get ready"
    assert played.view.exercise_label.text() == first.name == "Kinn zurückziehen"
    _kind, spoken, caption = played.cues.played[0]
    assert caption == spoken == f"Machen Sie sich bereit: {first.name}"
    assert played.view.caption_label.text() == caption
    assert "Min." in played.view.time_left_label.text()  # the content's German duration
    assert played.controller.announcer.history[-1].startswith("Vorbereiten, 5 seconds")
    played.clock.advance(5)
    played.controller.tick()
    assert played.view.phase_label.text() in {"Halten", "Bewegen", "Weiter so"}
    played.stop()


def test_without_words_the_player_speaks_english_as_before(qtbot: QtBot, german: Library) -> None:
    played = player(qtbot)
    assert played.controller.start(german.routines["desk-break"])
    assert played.view.phase_label.text() == "Get ready"
    assert played.cues.played[0][2].startswith("Get ready: ")
    assert played.view.time_left_label.text() == "2 min left"
    assert played.view.play_pause_button.text() == "Pause"
    assert played.view.play_pause_button.toolTip() == "Pause (Space)"
    played.controller.toggle_pause()
    assert played.view.play_pause_button.text() == "Resume"
    assert played.controller.announcer.history[-1] == "Paused"
    played.stop()


def test_the_figure_names_its_position_as_the_core_does() -> None:
    """The figure's accessible name uses the player's own words for a position; in English they
    are the core's `POSITION_WORDS`, so both say the same."""
    assert {p: position_words(p) for p in Position} == POSITION_WORDS


def test_the_players_own_words_go_through_the_catalog(
    qtbot: QtBot, german: Library, catalog: FakeCatalog
) -> None:
    played = player(qtbot, german.words)
    assert played.view.hurts_button.text() == "Das tut weh"
    assert played.controller.start(german.routines["desk-break"])
    assert played.view.play_pause_button.text() == "Anhalten"
    assert played.view.time_left_label.text().startswith("noch ")
    assert ("PlayerView", "End the session (Esc)") in catalog.asked
    assert ("CountdownRing", "Time left {time}") in catalog.asked
    played.stop()


# --- the reminder card, its notification and the tray ------------------------------------------


def stand_up(minutes: int, deferred_for: str | None = None) -> Delivery:
    return Delivery(DeliveryKind.STAND_UP, START, minutes, deferred_for)


def test_the_card_reads_in_english_as_before_without_a_catalog(qtbot: QtBot) -> None:
    popup = ReminderPopup(QIcon())
    qtbot.addWidget(popup)
    assert popup.reminder_text(stand_up(30)) == (
        "Time to stand up",
        "You have been sitting for 30 minutes. Stand up, stretch, or take the two-minute desk "
        "break.",
    )
    assert popup.reminder_text(stand_up(0, "a full-screen window"))[1] == (
        "Stand up, stretch, or take the two-minute desk break. (Held during a full-screen window.)"
    )
    assert popup.reminder_text(stand_up(1))[1].startswith("You have been sitting for 1 minute.")
    assert popup.snooze_button.text() == "Snooze 5 min"
    assert popup.snooze_button.toolTip() == (
        "Remind me again in 5 minutes; the arrow offers other times"
    )
    menu = popup.snooze_button.menu()
    assert menu is not None
    assert [action.text() for action in menu.actions()] == [
        "Snooze 5 minutes",
        "Snooze 10 minutes",
        "Snooze 15 minutes",
    ]
    skips = popup.skip_button.menu()
    assert skips is not None
    assert [action.text() for action in skips.actions()][-1] == "Just skip this one"


def test_the_card_and_the_tray_go_through_the_catalog(qtbot: QtBot, catalog: FakeCatalog) -> None:
    popup = ReminderPopup(QIcon())
    qtbot.addWidget(popup)
    title, message = popup.reminder_text(stand_up(30, "a full-screen window"))
    assert title == "Zeit zum Aufstehen"
    assert message.startswith("Sie sitzen seit 30 Minuten. ")
    assert message.endswith("(Zurückgehalten, solange ein Vollbildfenster aktiv war.)")
    assert popup.snooze_button.text() == "In 5 Min."
    assert ("ReminderPopup", "I'm in pain") in catalog.asked
    tray = TrayIcon(QIcon())
    assert tray.action("trayQuit").text() == "SpineCoach beenden"
    assert ("TrayIcon", "Until I resume them") in catalog.asked


# --- the status line: the controller's words, the service's rules ------------------------------


@dataclass
class Nothing:
    """No idle time and no interruption: reminders come on the schedule alone."""

    busy: str | None = None
    name: str = "nothing"
    available: bool = True
    reason: str = ""

    def idle_seconds(self) -> float | None:
        return None

    def interruption(self) -> str | None:
        return self.busy


def reminders(qtbot: QtBot) -> tuple[FakeClock, Nothing, ReminderController]:
    clock = FakeClock(MONDAY_9)
    nothing = Nothing()
    service = ReminderService(ReminderSchedule(clock, interval_minutes=30), clock, nothing, nothing)
    popup = ReminderPopup(QIcon())
    qtbot.addWidget(popup)
    return clock, nothing, ReminderController(service, clock, popup, lambda _entry: None)


def test_the_status_line_says_what_the_service_says_in_english(qtbot: QtBot) -> None:
    clock, nothing, controller = reminders(qtbot)
    service = controller.service
    said: list[str] = []

    def same() -> None:
        said.append(controller.status_text())
        assert controller.status_text() == service.status_text()

    same()  # "Next stand-up reminder at 09:30 (in 30 min)"
    clock.advance(29.5 * 60)
    same()  # under a minute
    service.pause(PauseLength.HOUR)
    same()
    service.pause(PauseLength.TOMORROW)
    same()  # a weekday
    service.pause(PauseLength.RESUMED)
    same()
    service.resume()
    service.session_started()
    same()
    service.session_finished(True)
    nothing.busy = "a full-screen window"
    clock.advance(31 * 60)
    service.wake_up()
    same()  # waiting for the window
    service.schedule.enabled = False
    same()
    assert said[0] == "Next stand-up reminder at 09:30 (in 30 min)"
    assert said[1] == "Next stand-up reminder at 09:30 (in under a minute)"
    assert said[3].startswith("Reminders paused until Tue ")
    assert said[6] == "A reminder is held during a full-screen window"
    far = MONDAY_9 + timedelta(days=10, hours=1)
    assert controller._paused_until(far, MONDAY_9) == (
        f"Reminders paused until {reminder_service._when(far, MONDAY_9)}"
    )
    assert controller._next_at(far, MONDAY_9) == (
        f"Next stand-up reminder {reminder_service._when(far, MONDAY_9, at=True)}"
    )
    assert controller._in(2 * 3600 + 5 * 60) == "(in 2 h 05 min)"


def test_the_status_line_and_the_refusal_go_through_the_catalog(
    qtbot: QtBot, catalog: FakeCatalog
) -> None:
    _clock, _nothing, controller = reminders(qtbot)
    assert controller.status_text() == "Nächste Erinnerung zum Aufstehen um 09:30 (in 30 min)"
    assert controller._refusal(SNOOZE_REFUSED_MESSAGE) == SNOOZE_REFUSED_MESSAGE  # not given
    assert ("ReminderController", SNOOZE_REFUSED_MESSAGE) in catalog.asked
    assert controller._refusal("something else") == "something else"
