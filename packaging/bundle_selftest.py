"""SpineCoach's bundle checking itself from the inside (`SpineCoach --bundle-self-test`).

The smoke test (tests/packaging/test_bundle.py, `make bundle-test`) cannot import anything from
the bundle: the bundle's Python, Qt and SpineCoach are only reachable by running its executable.
So the executable carries this small script, reached only through a hidden first argument
(bundle_entry.py), and it checks what a frozen build gets wrong:

- frozen: every module comes from the bundle, and (Linux) no shared library is mapped from a
  Python installation outside it -- a bundle that only worked because the build machine had
  Python would pass every other check;
- files: the shipped resources and icons are found through SpineCoach's own `paths` module,
  and the SVG icon engine (a Qt plugin) draws the app icon;
- speech: the speech helper starts -- SpineCoach runs it as a second process of this same
  executable -- and speaks, here with Qt's mock engine so no speech-dispatcher is needed;
- session: a desk break plays from start to finish through the real player, recorder, data
  file and cue player, on a fake clock (two minutes of session in well under a second).

Each check prints one JSON line {"check", "ok", "detail"}; the last line is "self-test passed"
(exit 0) or "self-test FAILED: <checks>" (exit 1).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

START = datetime(2026, 11, 23, 10, 0, tzinfo=UTC)
HELPER_START_S = 30.0  # a second frozen process on a loaded 2-core CI runner
SESSION_LIMIT_S = 900.0  # simulated seconds: the desk break is under two minutes


@dataclass
class Report:
    """The checks' results, printed as they come."""

    failed: list[str] = field(default_factory=list)

    def check(self, name: str, ok: bool, detail: object) -> bool:
        """Print one check's line; remember a failure."""
        print(json.dumps({"check": name, "ok": ok, "detail": detail}), flush=True)
        if not ok:
            self.failed.append(name)
        return ok


def wait_until(condition: Callable[[], bool], seconds: float) -> bool:
    """Turn the event loop until `condition` holds or `seconds` passed; whether it held."""
    from PySide6.QtCore import QCoreApplication, QEventLoop

    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > deadline:
            return False
        QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
    return True


# ---- frozen -------------------------------------------------------------------------------


def _outside_libraries(bundle: Path) -> list[str]:
    """Shared libraries mapped into this process from a Python installation outside the bundle."""
    outside = set()
    for line in Path("/proc/self/maps").read_text().splitlines():
        parts = line.split(maxsplit=5)
        if len(parts) < 6 or ".so" not in parts[5]:
            continue
        path = parts[5]
        if Path(path).is_relative_to(bundle):
            continue
        lowered = path.lower()
        if "python" in lowered or "site-packages" in lowered or "pyside" in lowered:
            outside.add(path)
    return sorted(outside)


def bundle_root() -> Path:
    """The bundle's own folder: dist/SpineCoach (Linux, Windows) or SpineCoach.app/Contents.

    The executable's folder and PyInstaller's folder of contents (sys._MEIPASS: `_internal`,
    or Contents/Frameworks in a macOS .app, whose data lives in Contents/Resources) share it.
    """
    contents = Path(getattr(sys, "_MEIPASS", sys.prefix)).resolve()
    executable = Path(sys.executable).resolve().parent
    return Path(os.path.commonpath([contents, executable]))


def check_frozen(report: Report) -> Path:
    """The process is the bundle's own; returns the bundle's folder."""
    bundle = bundle_root()
    report.check("frozen", bool(getattr(sys, "frozen", False)), sys.executable)
    # (shiboken's own helpers carry relative names like "shibokensupport/feature.py": they are
    # compiled into libshiboken, not read from any folder.)
    files = {name: getattr(module, "__file__", None) for name, module in list(sys.modules.items())}
    strays = sorted(
        f"{name}: {file}"
        for name, file in files.items()
        if file and Path(file).is_absolute() and not Path(file).resolve().is_relative_to(bundle)
    )
    report.check("modules from the bundle only", not strays, strays[:10])
    if sys.platform.startswith("linux"):  # (the mapped libraries are only listed there)
        outside = _outside_libraries(bundle)
        report.check("no Python libraries from outside", not outside, outside[:10])
    return bundle


# ---- files --------------------------------------------------------------------------------


def check_files(report: Report, bundle: Path) -> None:
    """resources/ and icons/ inside the bundle, read the app's way; the SVG icon drawn."""
    from PySide6.QtGui import QIcon, QImageReader

    from spinecoach import paths

    resources = Path(str(paths.resources_dir()))
    icons = Path(str(paths.icons_dir()))
    inside = resources.resolve().is_relative_to(bundle) and icons.resolve().is_relative_to(bundle)
    report.check("shipped folders in the bundle", inside, [str(resources), str(icons)])
    counts = {
        folder: sum(1 for path in (resources / folder).rglob("*") if path.is_file())
        for folder in ("exercises", "routines", "poses", "sounds", "guides")
    }
    counts["icons"] = sum(1 for path in icons.rglob("*") if path.is_file())
    report.check("shipped files", all(counts.values()), counts)
    formats = sorted(bytes(f.data()).decode() for f in QImageReader.supportedImageFormats())
    icon = QIcon(str(icons / "spinecoach.svg"))
    image = icon.pixmap(64, 64).toImage()
    inked = sum(
        1 for y in range(0, 64, 4) for x in range(0, 64, 4) if image.pixelColor(x, y).alpha() > 0
    )
    report.check(
        "SVG icon drawn", "svg" in formats and inked > 0, {"inked": inked, "formats": formats}
    )


def check_german(report: Report) -> None:
    """German from the bundle: our catalog, Qt's own words, the hyphenation dictionary."""
    from PySide6.QtCore import QCoreApplication

    from spinecoach import paths
    from spinecoach.app.language import use_language
    from spinecoach.ui.widgets.hyphenation import SOFT_HYPHEN, hyphenate

    language = use_language("de", paths.resources_dir(), system="C")
    words = {
        "ours": QCoreApplication.translate("Setting", "Language"),
        "qt": QCoreApplication.translate("QPlatformTheme", "Cancel"),
        "hyphenated": hyphenate("Oberschenkelrückseiten").replace(SOFT_HYPHEN, "-"),
    }
    ok = language == "de" and words["ours"] == "Sprache" and words["qt"] == "Abbrechen"
    report.check("German", ok and "-" in words["hyphenated"], words)
    use_language("en", paths.resources_dir(), system="C")


# ---- speech and session -------------------------------------------------------------------


class Answers:
    """The session's questions answered as a person would: pain 3 before, 2 after."""

    def __init__(self) -> None:
        self.asked: list[str] = []

    def pain_before(self) -> Any:
        """Pain before the session."""
        from spinecoach.ui.care.pain_dialog import PainAnswer

        self.asked.append("before")
        return PainAnswer(score=3)

    def pain_after(self) -> Any:
        """Pain and feeling after the session."""
        from spinecoach.ui.care.pain_dialog import PainAnswer

        self.asked.append("after")
        return PainAnswer(score=2, feeling="easier")

    def this_hurts(self, exercise_name: str) -> str:
        """Never asked: nothing hurts in the self-test."""
        self.asked.append(f"hurts:{exercise_name}")
        return "continue"

    def pain_advice(self, advice: object) -> None:
        """Never given with these answers."""
        self.asked.append("advice")


class CountingCues:
    """The real cue player, with a count of the cues the session sent it."""

    def __init__(self, player: Any) -> None:
        self.player = player
        self.kinds: list[str] = []

    def play(self, kind: Any, spoken: str, caption: str) -> None:
        """Count, then play for real (tone, voice, caption)."""
        self.kinds.append(str(kind))
        self.player.play(kind, spoken, caption)

    def stop(self) -> None:
        """Silence the real player."""
        self.player.stop()


def check_speech(report: Report) -> Any:
    """The cue player, its voice in the speech helper (mock engine); returns the player."""
    from PySide6.QtCore import QLocale

    from spinecoach import paths
    from spinecoach.sound.cue_player import CuePlayer
    from spinecoach.sound.speech_process import SpeechProcess

    english = QLocale(QLocale.Language.English, QLocale.Country.UnitedStates)
    player = CuePlayer(
        paths.resources_dir() / "sounds",
        speech_engine="mock",
        separate_engines={"mock"},
        locale=english,
    )
    started = time.monotonic()
    player.prepare()
    ready = wait_until(lambda: not player.voice_pending, HELPER_START_S)
    helpers = player.findChildren(SpeechProcess)
    detail = {
        "voice": player.voice_name,
        "why not": player.why_not_spoken,
        "seconds": round(time.monotonic() - started, 2),
        "helper processes": len(helpers),
    }
    report.check("speech helper ready", ready and player.voice_available, detail)
    multimedia = "could not be loaded" not in player.why_tones_silent
    report.check(
        "Qt Multimedia loads",
        multimedia,
        {"tones": "playable" if player.sound_available else player.why_tones_silent},
    )
    return player


def check_tone(report: Report) -> None:
    """A cue tone really plays when there is an audio output (a sound server, a null sink)."""
    from PySide6.QtCore import QUrl
    from PySide6.QtMultimedia import QMediaDevices, QSoundEffect

    from spinecoach import paths

    outputs = [device.description() for device in QMediaDevices.audioOutputs()]
    if not outputs:
        report.check("tone played", True, {"outputs": [], "played": "not tried: no audio output"})
        return
    effect = QSoundEffect()
    effect.setSource(QUrl.fromLocalFile(str(paths.resources_dir() / "sounds" / "start.wav")))
    loaded = wait_until(lambda: effect.status() != QSoundEffect.Status.Loading, 10.0)
    effect.play()
    started = wait_until(effect.isPlaying, 5.0)
    finished = started and wait_until(lambda: not effect.isPlaying(), 10.0)
    report.check(
        "tone played",
        loaded and started and finished,
        {"outputs": outputs, "status": effect.status().name, "played": started and finished},
    )


def check_session(report: Report, data_dir: Path, routine_id: str, player: Any) -> None:
    """Play `routine_id` to the end through the real app on a fake clock."""
    from PySide6.QtWidgets import QApplication

    from spinecoach.app import build
    from spinecoach.core.clock import FakeClock
    from spinecoach.core.records import SessionStatus
    from spinecoach.core.session import EngineState
    from spinecoach.sound.speech_process import SpeechProcess

    states: list[str] = []
    for helper in player.findChildren(SpeechProcess):
        helper.state_changed.connect(states.append)
    clock = FakeClock(START)
    answers = Answers()
    cues = CountingCues(player)
    app = build(data_dir, clock, prompts=answers, cues=cues)
    try:
        app.window.resize(1280, 820)
        app.window.show()
        routine = app.library.routines[routine_id]
        if not report.check("session started", app.start_routine(routine), routine.name):
            return
        engine = app.player.engine
        if engine is not None and engine.state is EngineState.PAUSED:
            app.player.toggle_pause()  # a routine that starts on the floor waits for Start
        played = 0.0
        while app.player.is_active() and played < SESSION_LIMIT_S:
            clock.advance(0.5)
            app.player.tick()
            QApplication.processEvents()
            played += 0.5
        wait_until(lambda: "after" in answers.asked, 5.0)  # the question follows the last cue
        day = timedelta(days=1)
        sessions = app.database.sessions(START - day, START + day)
        expected = tuple(item.exercise.id for item in routine.items)
        done = [(s.routine_id, s.status.value, list(s.exercises_completed)) for s in sessions]
        report.check(
            f"{routine_id} completed",
            len(sessions) == 1
            and sessions[0].status is SessionStatus.COMPLETED
            and sessions[0].exercises_completed == expected,
            {"simulated seconds": played, "sessions": done, "asked": answers.asked},
        )
        report.check(
            "cues played",
            bool(cues.kinds) and cues.kinds[-1] == "complete",
            {"count": len(cues.kinds), "last": cues.kinds[-1:]},
        )
        spoke = wait_until(lambda: "speaking" in states, 10.0)
        report.check("speech helper spoke", spoke, states[-5:])
    finally:
        app.window.close()
        app.close_storage()


def main(argv: list[str]) -> int:
    """Run every check; exit code 0 when all passed."""
    parser = argparse.ArgumentParser(prog="SpineCoach --bundle-self-test")
    parser.add_argument("--data-dir", required=True, type=Path)
    parser.add_argument("--routine", default="desk-break")
    args = parser.parse_args(argv)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # headless unless told otherwise
    from PySide6.QtWidgets import QApplication

    from spinecoach import paths

    QApplication.setApplicationName(paths.APP_NAME)
    QApplication.setDesktopFileName(paths.APP_ID)
    qt_app = QApplication([sys.argv[0]])
    report = Report()
    bundle = check_frozen(report)
    check_files(report, bundle)
    check_german(report)
    player = check_speech(report)
    check_tone(report)
    try:
        check_session(report, args.data_dir.resolve(), args.routine, player)
    finally:
        player.shut_down()
    del qt_app
    if report.failed:
        print("self-test FAILED: " + ", ".join(report.failed), flush=True)
        return 1
    print("self-test passed", flush=True)
    return 0
