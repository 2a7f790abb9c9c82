"""Render the real windows to PNG for the README: `make screenshots`.

Builds the actual application (real library, real widgets) on a throwaway data folder and grabs
its windows offscreen, in four looks:

- light and dark (`*-light.png`, `*-dark.png`), a 1280 x 820 window at 100 % text;
- high contrast (`*-contrast.png`), the same window;
- 200 % text, the Text size setting (`*-200.png`), in a 1366 x 768 window (a laptop);
- a 1920 x 1080 screen at QT_SCALE_FACTOR=2 (`*-x2.png`): a 960 x 540 window, drawn at twice the
  pixels. Qt reads the factor once, at start, so this pass runs in a second process
  (`--scaled`) on an offscreen screen of that size.

Open every PNG it writes.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QApplication, QSpinBox, QWidget

from spinecoach import paths
from spinecoach.app import Application, build
from spinecoach.core.clock import FakeClock
from spinecoach.core.pain import PainRiseAdvice
from spinecoach.ui.care.pain_dialog import PainAnswer

OUT = Path(__file__).resolve().parents[1] / "docs" / "screenshots"
SIZE = (1280, 820)

#: "Now" in the pictures of the demo's History and report: nothing is recorded after it.
DEMO_NOW = datetime(2026, 11, 20, 18, 0).astimezone()

#: The offscreen screen of the other passes: larger than their largest window (1366 x 768).
MAIN_SCREEN = (1440, 900)

#: The screen the scaled pass runs on: 1920 x 1080 pixels, 960 x 540 at QT_SCALE_FACTOR=2.
SCALED_SCREEN = (1920, 1080)

#: Both reminder features this machine may lack, as the settings page then explains them:
#: the longest Reminders page there is.
BOTH_UNAVAILABLE = {
    "idle_detection": "This desktop does not tell SpineCoach how long you have been away "
    "(no X11 screen saver extension and no GNOME or KDE idle service was found).",
    "defer_when_busy": "This desktop cannot tell SpineCoach about full-screen windows or "
    "do-not-disturb, so reminders cannot wait for them.",
}


@dataclass(frozen=True)
class Look:
    """How one set of pictures is taken: colours, text size, window size, file-name tag."""

    theme: str
    tag: str
    text_size: int = 100
    size: tuple[int, int] = SIZE
    language: str = "en"

    @property
    def extra(self) -> bool:
        """One of the accessibility looks (contrast, 200 %, scaled), not light, dark or German."""
        return self.tag not in ("light", "dark", "de")


LIGHT = Look("light", "light")
DARK = Look("dark", "dark")
CONTRAST = Look("contrast", "contrast")
LARGE_TEXT = Look("light", "200", text_size=200, size=(1366, 768))
SCALED = Look("light", "x2", size=(960, 540))
GERMAN = Look("light", "de", language="de")
GERMAN_LARGE_TEXT = Look("dark", "de-200", text_size=200, size=(1366, 768), language="de")


def dress(app: Application, look: Look) -> None:
    """Give a freshly built app the look's colours and text size."""
    app.set_theme(look.theme)
    app.state.set("text_size", look.text_size)


def settle() -> None:
    """Let layouts and deferred deletions finish before grabbing."""
    for _ in range(3):
        QApplication.processEvents()


def save(widget: QWidget, name: str) -> None:
    """Grab a widget and write it to docs/screenshots/<name>.png."""
    settle()
    path = OUT / f"{name}.png"
    if not widget.grab().save(str(path)):
        raise RuntimeError(f"could not write {path}")
    print(f"wrote {path.relative_to(OUT.parents[1])}")


def shoot_theme(look: Look, data_dir: Path) -> None:
    """The Library in one look (the accessibility looks: the list and one exercise)."""
    app: Application = build(data_dir, language=look.language)
    dress(app, look)
    theme = look.tag
    window = app.window
    window.resize(*look.size)
    window.show()
    pane = app.library_pane
    pane.select_item("desk-break")
    save(window, f"library-routine-{theme}")
    if look.extra:
        pane.select_item("cat-cow")
        save(window, f"exercise-detail-{theme}")
        window.show_area("session")
        save(window, f"session-idle-{theme}")
        window.close()
        app.database.close()
        return
    pane.select_item("gentle-floor-stretches")
    settle()
    bar = pane.detail.verticalScrollBar()
    bar.setValue(bar.maximum())  # the floor note and every caution, under each exercise
    save(window, f"library-floor-routine-{theme}")
    pane.select_item("cat-cow")
    save(window, f"exercise-detail-{theme}")
    pane.search.setText("hip")
    pane.desk_filter.setChecked(True)
    if pane.visible_ids():
        pane.select_item(pane.visible_ids()[0])
    save(window, f"library-search-{theme}")
    pane.clear_filters()
    window.close()
    app.database.close()


def shoot_ranked_search(data_dir: Path, look: Look = LIGHT) -> None:
    """A ranked search in the Library (issue 15).

    "hip" lists what is named for the hips first, then what works them, and apart, under its
    own heading, what only mentions them in a step.
    """
    app = build(data_dir, language=look.language)
    dress(app, look)
    window = app.window
    window.resize(*look.size)
    window.show()
    pane = app.library_pane
    pane.search.setText("hip")  # the details show the best match
    save(window, f"library-search-ranked-{look.tag}")
    pane.clear_filters()
    window.close()
    app.database.close()


class ScriptedPrompts:
    """Answers the session's questions without dialogs, for the pictures."""

    def pain_before(self) -> PainAnswer:
        """A typical starting score."""
        return PainAnswer(score=4)

    def pain_after(self) -> PainAnswer:
        """A typical ending score."""
        return PainAnswer(score=3, feeling="easier")

    def this_hurts(self, exercise_name: str) -> str:
        """Carry on."""
        return "continue"

    def pain_advice(self, advice: PainRiseAdvice) -> None:
        """Nothing to show in the pictures."""


class SilentCues:
    """No sound or voice for pictures (a speech engine can be slow, or hang, on a bare machine)."""

    def play(self, kind: str, spoken: str, caption: str) -> None:
        """The caption is shown by the player itself."""

    def stop(self) -> None:
        """Nothing is playing."""


def _play_until(app: Application, clock: FakeClock, done: Callable[[], bool]) -> None:
    """Let the session run (pressing Start where it waits for the person) until `done()`."""
    engine = app.player.engine
    assert engine is not None
    while not done():
        if engine.state.value == "paused":
            app.player.toggle_pause()
        clock.advance(engine.remaining())
        app.player.tick()


def shoot_player(look: Look, data_dir: Path) -> None:
    """The player mid-hold on a two-sided stretch, left and right; in light also focus mode.

    In the accessibility looks: mid-hold, and waiting on the floor with every caution shown;
    scaled, also the window back from focus mode (it must sit whole on the screen). In light
    and dark also paused mid-hold ("Paused" where the phase word was, the ring paused) and the
    summary at the end; in light also the summary after a session in which pain rose (5 to 7,
    one exercise skipped): kindly worded, with the advice.
    """

    class RosePrompts(ScriptedPrompts):
        """Pain 5 before and 7 after: the summary's other wording."""

        def pain_before(self) -> PainAnswer:
            return PainAnswer(score=5)

        def pain_after(self) -> PainAnswer:
            return PainAnswer(score=7, feeling="harder")

    clock = FakeClock(datetime(2026, 11, 23, 10, 0, tzinfo=UTC))
    app = build(
        data_dir, clock, prompts=ScriptedPrompts(), cues=SilentCues(), language=look.language
    )
    dress(app, look)
    theme = look.tag
    window = app.window
    window.resize(*look.size)
    window.show()
    routine = app.library.routines["hips-and-hamstrings"]
    app.start_routine(routine)
    engine = app.player.engine
    assert engine is not None
    # Into the first exercise's hold, a few seconds in, with the figure in the held pose.
    _play_until(app, clock, lambda: engine.phase.kind.value == "hold")
    clock.advance(min(6.0, engine.remaining() - 1))
    app.player.tick()
    save(window, f"player-{theme}")
    if theme in ("light", "dark"):
        app.player.toggle_pause()
        save(window, f"player-paused-{theme}")
        app.player.toggle_pause()
    if look.extra:
        if look is SCALED:
            view = app.session.player
            view.toggle_focus_mode()
            view.toggle_focus_mode()
            settle()
            on_screen = window.screen().availableGeometry().contains(window.frameGeometry())
            print(f"after focus mode: {window.frameGeometry()} on {window.screen().geometry()}")
            if not on_screen:
                raise RuntimeError("the window left focus mode partly off the screen")
        _play_until(app, clock, lambda: engine.phase.waits_for_person)
        save(window, f"player-waiting-{theme}")
    elif theme == "light":
        view = app.session.player
        view.toggle_focus_mode()
        save(window, "player-focus-light")
        view.toggle_focus_mode()
        window.resize(*SIZE)  # leaving full screen offscreen does not restore the size
        # The same exercise on the right: the figure is mirrored to work the announced leg.
        _play_until(app, clock, lambda: engine.phase.kind.value == "switch-sides")
        _play_until(app, clock, lambda: engine.phase.kind.value == "hold")
        clock.advance(min(6.0, engine.remaining() - 1))
        app.player.tick()
        save(window, "player-right-light")
        # Getting down to the floor: the player waits for Start, with every caution shown.
        _play_until(app, clock, lambda: engine.phase.waits_for_person)
        save(window, "player-waiting-light")
    if theme in ("light", "dark"):
        # The end: the summary, the controls that no longer apply disabled.
        _play_until(app, clock, lambda: engine.state.value == "finished")
        save(window, f"player-summary-{theme}")
    if engine.state.value == "running":
        app.player.toggle_pause()
    window.close()
    app.database.close()
    if theme != "light":
        return
    # The desk break with its first exercise skipped, pain 5 before and 7 after: the summary.
    clock = FakeClock(datetime(2026, 11, 23, 10, 0, tzinfo=UTC))
    rose = build(
        data_dir.with_name(data_dir.name + "-rose"),
        clock,
        prompts=RosePrompts(),
        cues=SilentCues(),
        language=look.language,
    )
    dress(rose, look)
    rose.window.resize(*look.size)
    rose.window.show()
    rose.start_routine(rose.library.routines["desk-break"])
    played = rose.player.engine
    assert played is not None
    rose.player.next_exercise()
    _play_until(rose, clock, lambda: played.state.value == "finished")
    save(rose.window, "player-summary-rose-light")
    rose.window.close()
    rose.database.close()


def log_a_week_of_reminders(app: Application) -> None:
    """Log a week of stand-up reminders and their answers, as the reminder controller would."""
    from spinecoach.core.records import ReminderAction, ReminderLogEntry

    answers = [
        (ReminderAction.BREAK_STARTED, ""),
        (ReminderAction.SNOOZED, "10"),
        (ReminderAction.BREAK_STARTED, ""),
        (ReminderAction.DISMISSED, "back from a break"),
        (ReminderAction.SKIPPED, "in_pain"),
        (ReminderAction.BREAK_STARTED, ""),
        (ReminderAction.SKIPPED, "meeting"),
        (ReminderAction.BREAK_STARTED, ""),
    ]
    for day in range(16, 21):  # Monday 16 to Friday 20 November
        for slot, (action, detail) in enumerate(answers[day - 16 : day - 14]):
            shown = datetime(2026, 11, day, 10 + 3 * slot, 0).astimezone()
            app.database.add_reminder_event(
                ReminderLogEntry(recorded_at=shown, action=ReminderAction.SHOWN, detail="stand_up")
            )
            answered = shown.replace(minute=2)
            app.database.add_reminder_event(
                ReminderLogEntry(recorded_at=answered, action=action, detail=detail)
            )


def shoot_history(look: Look, data_dir: Path) -> None:
    """The History area on six months of demo data (tools/make_demo_data.py)."""
    theme = look.tag
    import subprocess

    end = "2026-11-20"
    subprocess.run(
        [sys.executable, str(Path(__file__).with_name("make_demo_data.py")),
         "--data-dir", str(data_dir), "--seed", "2", "--end", end,
         "--now", DEMO_NOW.isoformat()],
        check=True, capture_output=True,
    )  # fmt: skip
    clock = FakeClock(DEMO_NOW)
    app = build(
        data_dir, clock, prompts=ScriptedPrompts(), cues=SilentCues(), language=look.language
    )
    log_a_week_of_reminders(app)
    dress(app, look)
    window = app.window
    window.resize(*look.size)
    window.show()
    window.show_area("history")
    if theme == "dark":  # one of the two pictures shows the sessions-per-week overlay
        app.history_area.build().view.bars_toggle.setChecked(True)
    save(window, f"history-{theme}")
    window.close()
    app.database.close()


def shoot_safety(data_dir: Path, look: Look = LIGHT) -> None:
    """The first-run safety screen and the care dialogs, in the light theme (or `look`)."""
    from spinecoach.core.pain import rise_advice
    from spinecoach.ui.care.advice_dialogs import InPainDialog, PainRiseDialog
    from spinecoach.ui.care.hurts_dialog import HurtsDialog
    from spinecoach.ui.care.pain_dialog import PainDialog
    from spinecoach.ui.care.safety_dialog import SafetyDialog

    app = build(data_dir, language=look.language)
    dress(app, look)
    tag = look.tag
    words = app.words
    dialog = SafetyDialog(first_run=True, words=words)
    dialog.resize(680, 760)
    dialog.show()
    save(dialog, f"safety-{tag}")
    dialog.close()
    pain = PainDialog(after=True)
    pain.show()
    pain.choose(3)  # as a click or the digit key would: focus goes with the choice
    save(pain, f"pain-after-{tag}")
    pain.close()
    hurts = HurtsDialog(app.library.exercises["knee-to-chest"].name, words=words)
    hurts.resize(640, 640)
    hurts.show()
    save(hurts, f"this-hurts-{tag}")
    hurts.close()
    if look.extra:
        app.window.close()
        app.database.close()
        return
    for name, before, after in ((f"pain-rise-{tag}", 3, 5), (f"pain-severe-{tag}", 4, 8)):
        routines = app.library.routines.values()
        advice = rise_advice(before, after, routines=routines, just_done="", words=words)
        assert advice is not None
        rise = PainRiseDialog(advice)
        rise.resize(640, 600 if advice.show_red_flags else 320)
        rise.show()
        save(rise, name)
        rise.close()
    in_pain = InPainDialog(words=words)
    in_pain.resize(640, 640)
    in_pain.show()
    save(in_pain, f"in-pain-{tag}")
    in_pain.close()
    app.window.close()
    app.database.close()


class CallBetween:
    """A call source for the pictures: in a call between two times of the fake clock's day."""

    name = "camera and microphone"
    available = True
    reason = ""

    def __init__(self, clock: FakeClock, start: tuple[int, int], end: tuple[int, int]) -> None:
        self._clock, self._start, self._end = clock, start, end

    def interruption(self) -> str | None:
        """In a call (CALL) between the two times, else None."""
        now = self._clock.now()
        return "your call" if self._start <= (now.hour, now.minute) < self._end else None


def shoot_reminders(look: Look, data_dir: Path) -> None:
    """The stand-up reminder card (as it falls due at 09:30) and the settings dialog.

    The accessibility looks show every page, the Reminders page with both of its notes.
    """
    from datetime import timedelta

    from spinecoach.core.presence import Unavailable
    from spinecoach.ui.shell.settings_dialog import SettingsDialog

    clock = FakeClock(datetime(2026, 3, 2, 9, 0, tzinfo=UTC))  # a Monday
    app = build(data_dir, clock, language=look.language)
    dress(app, look)
    theme = look.tag
    nothing = Unavailable("none", "screenshots")
    call = CallBetween(clock, start=(10, 15), end=(10, 42))
    background = app.start_background(
        idle=nothing,
        interruptions=nothing,
        calls=call,
        apps=nothing,
        autostart=None,
        tray_available=False,
    )
    clock.advance(timedelta(minutes=30).total_seconds())
    background.controller.wake()
    save(background.popup, f"reminder-{theme}")
    background.controller.snooze(5)
    for _ in range(3):  # the fourth snooze in a row is refused, and the card says why
        clock.advance(5 * 60)
        background.controller.wake()
        background.controller.snooze(5)
    save(background.popup, f"reminder-snooze-refused-{theme}")
    # Skipped at 09:50; the next falls due at 10:20, in a call from 10:15 to 10:42: held, then
    # shown once after the call, saying so.
    background.controller.skip(None)
    while background.popup.isHidden():
        wait = background.controller.service.seconds_until_wake()
        assert wait is not None
        clock.advance(wait)
        background.controller.wake()
    save(background.popup, f"reminder-held-call-{theme}")
    background.stop()
    app.settings.set("wait_for_apps", ("zoom", "teams", "Impress"))
    pages = ("Reminders", "Sessions", "General") if theme != "dark" else ("Reminders",)
    for page in pages:
        notes = BOTH_UNAVAILABLE if look.extra else None
        dialog = SettingsDialog(app.settings, page=page, unavailable=notes)
        if not look.extra:  # the others open at the size they ask for, as they do for a person
            dialog.resize(720, 640)
        dialog.show()
        save(dialog, f"settings-{page.lower()}-{theme}")
        dialog.close()
    app.window.close()
    app.database.close()


def shoot_storage(data_dir: Path) -> None:
    """What the person sees when their data cannot be saved: the banner and the start-up dialog."""
    from spinecoach.storage.failures import StorageProblem
    from spinecoach.ui.shell.storage_dialogs import StorageProblemDialog

    app = build(data_dir, FakeClock(datetime(2026, 11, 23, 10, 0, tzinfo=UTC)))
    app.set_theme("light")
    window = app.window
    window.resize(*SIZE)
    window.show()
    app.build_areas()
    window.show_notice(
        "2 entries could not be saved yet: the disk is full. They are kept and will be saved as "
        "soon as the file can be written."
    )
    save(window, "storage-pending-light")
    # A fixed, typical path, so the pictures do not change with each run's temporary folder.
    path = Path.home() / ".local" / "share" / "SpineCoach" / "spinecoach.sqlite3"
    for name, problem in (
        ("storage-disk-full-light", StorageProblem("disk-full", "the disk is full")),
        ("storage-locked-light", StorageProblem("locked", "another program is using the file")),
    ):
        dialog = StorageProblemDialog(problem, path, lambda: False)
        dialog.show()
        save(dialog, name)
        dialog.close()
    app.storage_status.stop()
    window.close()
    app.database.close()


def shoot_reassurance(folder: Path) -> None:
    """The morning after a small rise that settled: the good news in the window's plain banner.

    Light and dark in English, light in German (the words come from the core's catalog).
    """
    from datetime import date

    from spinecoach.core.progression import settled_note
    from spinecoach.core.progression_history import ExerciseDay, NextMorning

    # Pain 3 before Monday's session, 5 after it; 3 again on Tuesday morning: settled.
    monday = date(2026, 11, 23)
    said = settled_note(
        [ExerciseDay(monday, "chin-tucks", True, 3, 5, False)], NextMorning(monday, 3, 3)
    )

    for name, theme, language in (
        ("morning-settled-light", "light", None),
        ("morning-settled-dark", "dark", None),
        ("morning-settled-de", "light", "de"),
    ):
        app = build(
            folder / name, FakeClock(datetime(2026, 11, 24, 8, 0, tzinfo=UTC)), language=language
        )
        app.set_theme(theme)
        window = app.window
        window.resize(*SIZE)
        window.show()
        app.build_areas()
        window.show_area("history")
        assert window.show_reassurance(" ".join(app.words.text(m) for m in said))
        save(window, name)
        window.close()
        app.database.close()


def shoot_report(data_dir: Path) -> None:
    """The clinician's PDF for the demo's last three months: its first two pages as PNG.

    Written by the app's own code (`HistoryController.report_content`, `write_report`) and
    drawn page by page with QtPdf, as a PDF viewer shows it: white paper, about 108 dpi.
    """
    from PySide6.QtCore import QSize
    from PySide6.QtGui import QColor, QImage, QPainter
    from PySide6.QtPdf import QPdfDocument

    from spinecoach.core.report_period import ReportPeriod
    from spinecoach.ui.history.report import write_report

    subprocess.run(
        [sys.executable, str(Path(__file__).with_name("make_demo_data.py")),
         "--data-dir", str(data_dir), "--seed", "2", "--end", "2026-11-20",
         "--now", DEMO_NOW.isoformat()],
        check=True, capture_output=True,
    )  # fmt: skip
    clock = FakeClock(DEMO_NOW)
    app = build(data_dir, clock, prompts=ScriptedPrompts(), cues=SilentCues())
    log_a_week_of_reminders(app)
    exercises = app.library.exercises

    def names(ids: tuple[str, ...]) -> list[str]:
        return [exercises[i].name if i in exercises else i for i in ids]

    history = app.history_area.build().controller
    pdf = data_dir / "report.pdf"
    write_report(pdf, history.report_content(ReportPeriod.THREE_MONTHS, names))
    document = QPdfDocument()
    if document.load(str(pdf)) != QPdfDocument.Error.None_:
        raise RuntimeError(f"could not read {pdf}")
    for page in (0, 1):
        points = document.pagePointSize(page)
        size = QSize(round(points.width() * 1.5), round(points.height() * 1.5))
        paper = QImage(size, QImage.Format.Format_RGB32)
        paper.fill(QColor("white"))
        painter = QPainter(paper)
        painter.drawImage(0, 0, document.render(page, size))
        painter.end()
        path = OUT / f"report-page-{page + 1}.png"
        if not paper.save(str(path)):
            raise RuntimeError(f"could not write {path}")
        print(f"wrote {path.relative_to(OUT.parents[1])}")
    document.close()
    app.window.close()
    app.database.close()


def shoot_history_first_and_check_ins(folder: Path) -> None:
    """History with a first session only, and on six months of demo data its check-ins listed.

    Both at 18:00 on Friday 20 November 2026, light: a new person's first morning session (a
    "This hurts" during it, skipped), and the demo's check-ins tab with the latest selected.
    """
    from datetime import timedelta

    from spinecoach.core.records import HurtEvent, PainContext, PainEntry, SessionStatus
    from spinecoach.ui.history.view import CHECK_INS_TAB

    now = datetime(2026, 11, 20, 18, 0).astimezone()
    app = build(folder / "first", FakeClock(now), prompts=ScriptedPrompts(), cues=SilentCues())
    dress(app, LIGHT)
    db = app.database
    started = now.replace(hour=8, minute=40)
    record = db.start_session("desk-break", "Two-minute desk break", 4, started)
    assert record.id is not None
    db.add_pain_entry(
        PainEntry(recorded_at=started, score=5, context=PainContext.BEFORE, session_id=record.id)
    )
    for exercise in ("chin-tucks", "seated-twist", "shoulder-blade-squeeze"):
        db.record_exercise_done(record.id, exercise)
    db.add_hurt_event(
        HurtEvent(session_id=record.id, exercise_id="shoulder-rolls",
                  recorded_at=started + timedelta(seconds=40), action="skipped")
    )  # fmt: skip
    ended = started + timedelta(minutes=2, seconds=30)
    db.finish_session(record.id, SessionStatus.COMPLETED, ended, feeling="easier")
    db.add_pain_entry(
        PainEntry(recorded_at=ended, score=3, context=PainContext.AFTER, session_id=record.id)
    )
    window = app.window
    window.resize(*SIZE)
    window.show()
    window.show_area("history")
    save(window, "history-first-session-light")
    window.close()
    app.database.close()

    demo = folder / "demo"
    subprocess.run(
        [sys.executable, str(Path(__file__).with_name("make_demo_data.py")),
         "--data-dir", str(demo), "--seed", "2", "--end", "2026-11-20", "--now", now.isoformat()],
        check=True, capture_output=True,
    )  # fmt: skip
    app = build(demo, FakeClock(now), prompts=ScriptedPrompts(), cues=SilentCues())
    dress(app, LIGHT)
    window = app.window
    window.resize(*SIZE)
    window.show()
    window.show_area("history")
    view = app.history_area.build().view
    view.log_tabs.setCurrentIndex(CHECK_INS_TAB)
    view.check_in_table.selectRow(0)
    settle()
    scroll = view.parentWidget()
    while scroll is not None and not hasattr(scroll, "verticalScrollBar"):
        scroll = scroll.parentWidget()
    if scroll is not None:  # the list in view, as a person scrolls to it
        bar = scroll.verticalScrollBar()
        bar.setValue(bar.maximum())
    save(window, "history-checkins-light")
    window.close()
    app.database.close()


def _programme_sessions(app: Application) -> None:
    """Three weeks of the example programme's routines, the way a person keeps to them."""
    from datetime import timedelta

    from spinecoach.core.records import PainContext, PainEntry, SessionRecord, SessionStatus

    book = app.routine_book
    programme = book.programme
    assert programme is not None
    made = []
    for prescribed, every, hour in zip(programme.routines, (1, 2, 2), (8, 12, 17), strict=False):
        routine = prescribed.routine
        ids = tuple(dict.fromkeys(item.exercise.id for item in routine.items))
        for day in range(20, 0, -every):
            started = DEMO_NOW.replace(hour=hour) - timedelta(days=day)
            record = SessionRecord(
                routine_id=routine.id,
                routine_name=routine.name,
                started_at=started,
                ended_at=started + timedelta(minutes=8),
                exercises_completed=ids,
                exercises_total=len(routine.items),
                status=SessionStatus.COMPLETED,
            )
            before = 5 if day > 10 else 4
            made.append(
                (
                    record,
                    [
                        PainEntry(recorded_at=started, score=before, context=PainContext.BEFORE),
                        PainEntry(
                            recorded_at=started + timedelta(minutes=8),
                            score=before - (day % 2),
                            context=PainContext.AFTER,
                        ),
                    ],
                )
            )
    app.database.add_history(made)


def shoot_programme(look: Look, data_dir: Path) -> None:
    """Issue 16: a programme file previewed (and a broken one), then first in the Library.

    Also its adherence in History, and the routine editor with a value outside the safe range.
    """
    from datetime import timedelta

    examples = OUT.parent / "examples"
    app = build(
        data_dir,
        FakeClock(DEMO_NOW),
        prompts=ScriptedPrompts(),
        cues=SilentCues(),
        language=look.language,
    )
    dress(app, look)
    window = app.window
    window.resize(*look.size)
    window.show()
    files = app.programme_files
    start = (DEMO_NOW - timedelta(days=21)).date()
    text = (examples / "lower-back.programme.toml").read_text(encoding="utf-8")
    text = text.replace("start = 2025-03-03", f"start = {start.isoformat()}").replace(
        "review = 2025-03-31", f"review = {(start + timedelta(days=42)).isoformat()}"
    )
    parse = files.parse(text)
    preview = files.preview_dialog(parse, "lower-back.programme.toml")
    preview.resize(760, min(look.size[1] - 40, 720))
    preview.show()
    save(preview, f"programme-preview-{look.tag}")
    preview.close()
    broken_text = (examples / "broken.programme.toml").read_text(encoding="utf-8")
    broken = files.preview_dialog(files.parse(broken_text), "broken.programme.toml")
    broken.resize(760, 450)
    broken.show()
    save(broken, f"programme-import-errors-{look.tag}")
    broken.close()
    files.import_programme(parse, text, "lower-back.programme.toml")
    _programme_sessions(app)
    pane = app.library_pane
    first = app.routine_book.routines()[0]
    pane.select_item(first.id)
    save(window, f"library-programme-{look.tag}")
    window.show_area("history")
    view = app.history_area.build().view
    app.history.refresh()
    view.log_tabs.setCurrentIndex(view.log_tabs.count() - 1)  # Programme, the last tab
    settle()
    scroll = view.parentWidget()
    while scroll is not None and not hasattr(scroll, "verticalScrollBar"):
        scroll = scroll.parentWidget()
    if scroll is not None:
        bar = scroll.verticalScrollBar()
        bar.setValue(bar.maximum())
    save(window, f"history-programme-{look.tag}")
    window.show_area("library")
    pane.select_item("desk-break")
    pane.routine_buttons.new_button.click()
    actions = pane.routine_actions
    assert actions is not None and actions.editor is not None
    editor = actions.editor
    editor.name.setText("Morgendehnung" if look.language == "de" else "Morning stretch")
    for exercise_id in ("cat-cow", "bird-dog", "glute-bridge"):
        editor.add_exercise(app.library.exercises[exercise_id])
    editor.items.setCurrentIndex(editor.model.index(1))
    settle()
    reps = editor.findChild(QSpinBox, "field_reps")
    assert reps is not None
    reps.setValue(14)  # above bird dog's safe range: refused, with the range shown
    save(editor, f"routine-editor-{look.tag}")
    editor.forget_changes()
    editor.reject()
    window.close()
    app.database.close()


def shoot_look(look: Look, folder: Path) -> None:
    """Every area in one look."""
    shoot_theme(look, folder / look.tag)
    shoot_player(look, folder / f"player-{look.tag}")
    shoot_history(look, folder / f"history-{look.tag}")
    shoot_reminders(look, folder / f"reminders-{look.tag}")


def offscreen_screen(folder: Path, size: tuple[int, int]) -> str:
    """The platform argument for an offscreen screen of `size` pixels (Qt's is 800 x 800).

    The window is kept whole on its screen (back from focus mode, a dialog opening), so the
    screen must be larger than the pictures' windows.
    """
    config = folder / f"screen-{size[0]}x{size[1]}.json"
    screen = {"name": "shots", "x": 0, "y": 0, "width": size[0], "height": size[1]}
    config.write_text(json.dumps({"screens": [{**screen, "logicalDpi": 96, "dpr": 1}]}))
    return f"offscreen:configfile={config}"


def run_scaled_pass(folder: Path) -> None:
    """The QT_SCALE_FACTOR=2 pass, in a second process on a 1920 x 1080 offscreen screen."""
    env = {
        **os.environ,
        "QT_SCALE_FACTOR": "2",
        "QT_QPA_PLATFORM": offscreen_screen(folder, SCALED_SCREEN),
    }
    subprocess.run([sys.executable, __file__, "--scaled"], env=env, check=True)


def main(argv: list[str] | None = None) -> int:
    """Write every screenshot into docs/screenshots/ (`--scaled`: only the scaled pass)."""
    scaled_only = "--scaled" in (sys.argv[1:] if argv is None else argv)
    OUT.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as temporary:
        folder = Path(temporary)
        if not scaled_only:
            os.environ["QT_QPA_PLATFORM"] = offscreen_screen(folder, MAIN_SCREEN)
        qt_app = QApplication(sys.argv[:1])
        qt_app.setApplicationName(paths.APP_NAME)
        if scaled_only:
            shoot_look(SCALED, folder)
            return 0
        for look in (LIGHT, DARK, CONTRAST, LARGE_TEXT, GERMAN, GERMAN_LARGE_TEXT):
            shoot_look(look, folder)
        shoot_safety(folder / "safety")
        shoot_safety(folder / "safety-de", GERMAN)
        shoot_safety(folder / "safety-200", LARGE_TEXT)
        shoot_safety(folder / "safety-contrast", CONTRAST)
        shoot_ranked_search(folder / "ranked-search")
        shoot_storage(folder / "storage")
        shoot_reassurance(folder / "reassurance")
        shoot_report(folder / "report")
        shoot_history_first_and_check_ins(folder / "history-first")
        for look in (LIGHT, DARK, LARGE_TEXT, GERMAN):
            shoot_programme(look, folder / f"programme-{look.tag}")
        run_scaled_pass(folder)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
