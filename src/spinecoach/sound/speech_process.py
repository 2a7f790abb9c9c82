"""A speech engine in a process of its own, for the engines whose start freezes the window.

Qt's speechd engine lists every voice speech-dispatcher offers inside QTextToSpeech's
constructor: 1,530 voices with espeak-ng, 1.2 s measured here (2.6 s on another machine when
the daemon had to be started first). PySide holds Python's GIL for the whole constructor, so
making it in the GUI thread, or in a worker thread of ours, froze the window the first time a
session began. So the engine runs in a small helper process (`python -m
spinecoach.sound.speech_process ENGINE LOCALE VOLUME`), and the player talks to it in JSON lines:

    to the helper:   {"say": "Hold for 20 seconds"}  {"stop": true}  {"volume": 80}
    from the helper: {"ready": ["speechd", "English (America)", "en_US"]}
                     {"failed": "why there is no voice"}  {"error": "the engine's message"}
                     {"no_voice": "de_DE"} (the engine has no voice of the texts' language)
                     {"state": "speaking" | "ready" | ...}

The helper exits when its input closes, so it never outlives SpineCoach. A wedged engine
freezes only the helper. SpineCoach's side is a `Voice` (voice.py) like any other, pending until
the helper says it is ready; both sides share the engine rules of engines.py and import nothing
else of each other.
"""

from __future__ import annotations

import atexit
import json
import logging
import sys
import threading
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QLocale, QObject, QProcess, Signal
from shiboken6 import isValid

from spinecoach.sound import SPEECH_HELPER_FLAG
from spinecoach.sound.engines import (
    configure_voice,
    engine_unusable,
    no_voice_reason,
    stop_speaking,
)
from spinecoach.sound.log_once import OnceLog

if TYPE_CHECKING:
    from PySide6.QtTextToSpeech import QTextToSpeech

log = logging.getLogger(__name__)

STOP_WAIT_MS = 1000
"""How long quitting waits for the helper to end before it is killed."""

# Every helper not yet ended. The QProcess is not a child of its SpeechProcess, so that when the
# player goes away (its window is closed) the helper is still there to be ended properly:
# Qt would otherwise kill it with a warning as its QProcess was destroyed.
_running: list[QProcess] = []


def helper_command(
    arguments: list[str], *, executable: str | None = None, frozen: bool | None = None
) -> tuple[str, list[str]]:
    """The program and arguments that start the helper with `arguments`.

    Installed: this Python, `-m spinecoach.sound.speech_process`. In a PyInstaller bundle
    (`sys.frozen`) there is no Python to hand `-m` to: the bundle's own executable, told by
    SPEECH_HELPER_FLAG to be the helper (app.startup.main passes the rest to `main` below).
    """
    executable = sys.executable if executable is None else executable
    frozen = bool(getattr(sys, "frozen", False)) if frozen is None else frozen
    if frozen:
        return executable, [SPEECH_HELPER_FLAG, *arguments]
    return executable, ["-m", __name__, *arguments]


def _end(process: QProcess) -> None:
    """Ask the helper to end (its input closes), then insist; forget it."""
    if process in _running:
        _running.remove(process)
    if not isValid(process) or process.state() == QProcess.ProcessState.NotRunning:
        return  # (at interpreter exit the QProcess may be gone before its SpeechProcess)
    process.closeWriteChannel()
    if not process.waitForFinished(STOP_WAIT_MS):
        process.kill()
        process.waitForFinished(STOP_WAIT_MS)


def end_all() -> None:
    """End every helper still running (at exit, whatever else happened)."""
    for process in list(_running):
        _end(process)


atexit.register(end_all)


class SpeechProcess(QObject):
    """SpineCoach's side: starts the helper and speaks through it; a `Voice`.

    Signals:
        ready(str, str, str): the engine is made and its voice chosen (engine, voice, locale).
        failed(str): no voice from this engine, and why (the helper has ended or will).
        error(str): the engine reported an error while speaking.
        state_changed(str): the engine's state, by name ("speaking", "ready", ...).
        changed(): after `ready` or `failed` (the Voice interface's signal).
    """

    ready = Signal(str, str, str)
    failed = Signal(str)
    error = Signal(str)
    state_changed = Signal(str)
    changed = Signal()

    def __init__(
        self, engine_name: str, locale: QLocale, volume: int, parent: QObject | None = None
    ) -> None:
        """Start the helper for `engine_name` ("" for Qt's default) at once; it reports back."""
        super().__init__(parent)
        self._ended = False
        self._buffer = b""
        self._voice_name: str | None = None  # set when the helper is ready
        self._reason = ""
        self._once = OnceLog(log)
        process = QProcess()
        self._process = process
        _running.append(process)
        self.destroyed.connect(lambda *_args: _end(process))
        program, arguments = helper_command([engine_name, locale.name(), str(int(volume))])
        self._process.setProgram(program)
        self._process.setArguments(arguments)
        self._process.setProcessChannelMode(QProcess.ProcessChannelMode.ForwardedErrorChannel)
        self._process.readyReadStandardOutput.connect(self._read)
        self._process.finished.connect(self._finished)
        self._process.errorOccurred.connect(self._process_error)
        self._process.start()
        log.info("Speech engine %r is starting in a process of its own", engine_name)

    @property
    def available(self) -> bool:
        """Whether the helper is ready with a voice and still running."""
        return self._voice_name is not None and not self._ended

    @property
    def pending(self) -> bool:
        """Whether the helper is still making its engine."""
        return self._voice_name is None and not self._ended

    @property
    def name(self) -> str:
        """The helper's voice; empty until it is ready, and after it ended."""
        if not self.available:
            return ""
        return self._voice_name or ""

    @property
    def reason(self) -> str:
        """Why the helper gives no voice (it failed or ended); empty while it does or may."""
        return self._reason

    def start(self) -> None:
        """Nothing: the helper started when this object was made."""

    def say(self, text: str) -> None:
        """Speak `text`, interrupting whatever is being spoken."""
        self._send({"say": text})

    def stop(self) -> None:
        """Stop speaking."""
        self._send({"stop": True})

    def set_volume(self, volume: int) -> None:
        """The volume, 0-100."""
        self._send({"volume": int(volume)})

    def shut_down(self) -> None:
        """End the helper: ask (its input closes), then insist. Safe to call twice."""
        self._ended = True
        _end(self._process)

    def _send(self, message: dict[str, Any]) -> None:
        if self._process.state() == QProcess.ProcessState.Running and not self._ended:
            self._process.write((json.dumps(message) + "\n").encode())

    def _read(self) -> None:
        self._buffer += bytes(self._process.readAllStandardOutput().data())
        *lines, self._buffer = self._buffer.split(b"\n")
        for line in lines:
            try:
                message = json.loads(line)
            except ValueError:
                log.info("speech helper said something unexpected: %r", line[:80])
                continue
            if not isinstance(message, dict):
                continue
            if "ready" in message:
                engine, voice, locale = (str(part) for part in message["ready"])
                self._became_ready(engine, voice, locale)
            elif "failed" in message:
                self._fail(str(message["failed"]))
            elif "no_voice" in message:
                self._fail(no_voice_reason(QLocale(str(message["no_voice"]))))
            elif "error" in message:
                text = str(message["error"])
                self._once(f"speech-error:{text}", "Speech engine error: %s", text)
                self.error.emit(text)
            elif "state" in message:
                self.state_changed.emit(str(message["state"]))

    def _finished(self, exit_code: int, _status: QProcess.ExitStatus) -> None:
        if not self._ended:
            self._fail(f"the speech helper ended (exit code {exit_code})")

    def _process_error(self, error: QProcess.ProcessError) -> None:
        if error == QProcess.ProcessError.FailedToStart:
            self._fail(f"the speech helper did not start ({self._process.errorString()})")

    def _became_ready(self, engine: str, voice: str, locale: str) -> None:
        self._voice_name = voice
        log.info("Spoken cues: engine %s, voice %r (%s)", engine or "default", voice, locale)
        self.ready.emit(engine, voice, locale)
        self.changed.emit()

    def _fail(self, reason: str) -> None:
        if not self._ended:
            self._ended = True
            self._reason = reason
            self.failed.emit(reason)
            self.changed.emit()


# ---- the helper process ---------------------------------------------------------------------


class _Helper(QObject):
    """Runs in the helper: the engine, and the commands read from standard input."""

    line_received = Signal(str)  # from the reading thread, queued to the main thread
    input_closed = Signal()

    def __init__(self, engine: QTextToSpeech, locale: QLocale, volume: int) -> None:
        super().__init__()
        self._engine = engine
        self._locale = locale
        self._volume = volume
        self._ready = False
        self._no_voice_sent = False
        self.line_received.connect(self._command)
        engine.stateChanged.connect(self._state_changed)
        engine.errorOccurred.connect(lambda _reason, message: _send({"error": message}))

    def start(self) -> None:
        from PySide6.QtTextToSpeech import QTextToSpeech

        if self._engine.state() != QTextToSpeech.State.Error:
            self._configure()
        # else: the engine initialises in the background; stateChanged reports Ready.

    def _configure(self) -> None:
        engine = self._engine
        if not configure_voice(engine, self._locale, self._volume):
            # The helper has no translator: the app words the reason (`no_voice_reason`).
            if not self._no_voice_sent:
                _send({"no_voice": self._locale.name()})
                self._no_voice_sent = True
            return
        self._ready = True
        _send({"ready": [engine.engine(), engine.voice().name(), engine.locale().name()]})

    def _state_changed(self, state: QTextToSpeech.State) -> None:
        from PySide6.QtTextToSpeech import QTextToSpeech

        if not self._ready and state != QTextToSpeech.State.Error:
            self._configure()
        _send({"state": state.name.lower()})

    def _command(self, line: str) -> None:
        try:
            message = json.loads(line)
        except ValueError:
            return
        if not isinstance(message, dict):
            return
        if "volume" in message:
            self._volume = int(message["volume"])
            self._engine.setVolume(self._volume / 100)
        if "stop" in message or "say" in message:
            stop_speaking(self._engine)  # a new cue interrupts the one being spoken
        if "say" in message and self._ready:
            self._engine.say(str(message["say"]))


def _send(message: dict[str, Any]) -> None:
    sys.stdout.write(json.dumps(message) + "\n")
    sys.stdout.flush()


def _read_input(helper: _Helper) -> None:
    # In a thread of its own: blocking reads, each line handed to the main thread.
    for line in sys.stdin:
        helper.line_received.emit(line)
    helper.input_closed.emit()


def main(argv: list[str]) -> int:
    """The helper: make the engine, say whether it is ready, then speak what it is told."""
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtTextToSpeech import QTextToSpeech

    engine_name, locale_name, volume = argv[0], argv[1], int(argv[2])
    app = QCoreApplication([sys.argv[0]])
    engine = QTextToSpeech(engine_name) if engine_name else QTextToSpeech()
    reason = engine_unusable(engine, engine_name)
    if reason:
        _send({"failed": reason})
        return 0
    helper = _Helper(engine, QLocale(locale_name), volume)
    helper.input_closed.connect(app.quit)
    threading.Thread(target=_read_input, args=(helper,), daemon=True).start()
    helper.start()
    return app.exec()


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
