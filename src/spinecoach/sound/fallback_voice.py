"""The voice of the best speech engine that works here, falling back engine by engine.

Which engines a machine has, and which of them actually speak, is only known by trying: Qt
silently hands back its mock engine when a plugin fails, speech-dispatcher may be wedged, and
the helper process running speechd may die. So this voice tries the installed engines best first
(engines.engine_candidates) and speaks through the first that works: a LocalVoice, or a
SpeechProcess for the slow engines. When one fails, even after it was speaking, the next is
tried; when none is left it becomes a NoVoice that says why. The cue player only sees a `Voice`.

Nothing happens until `start()`: QtTextToSpeech takes 0.15-0.2 s to load, and a person who
turned voice off never needs it.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Collection
from functools import partial

from PySide6.QtCore import QLocale, QObject, Signal

from spinecoach.sound.engines import (
    SLOW_ENGINES,
    engine_candidates,
    engine_unusable,
    language_name,
    no_voice_reason,
)
from spinecoach.sound.local_voice import LocalVoice
from spinecoach.sound.log_once import OnceLog
from spinecoach.sound.speech_process import SpeechProcess
from spinecoach.sound.voice import NoVoice, Voice

log = logging.getLogger(__name__)


class FallbackVoice(QObject):
    """A `Voice` speaking through the first installed engine that starts.

    Signals:
        changed(): an engine became ready, or the one in use failed and the next was tried.
    """

    changed = Signal()

    def __init__(
        self,
        *,
        engine: str | None = None,
        locale: QLocale | None = None,
        speechd_answers: Callable[[], bool] | None = None,
        separate_engines: Collection[str] = SLOW_ENGINES,
        volume: int = 80,
        parent: QObject | None = None,
    ) -> None:
        """Prepare to try the engines; nothing is loaded before `start()`.

        `engine` names a QTextToSpeech engine ("mock" in tests); None tries the installed ones,
        best first. `locale` is the language the texts are written in (default: the
        application's default locale when the engine starts). `speechd_answers` says whether
        speech-dispatcher responds (default: a short socket probe), because Qt's speechd
        engine waits for a wedged daemon forever. `separate_engines` run in a process of their
        own (see engines.SLOW_ENGINES); until one is ready the voice is pending.
        """
        super().__init__(parent)
        self._request = engine
        self._locale = QLocale(locale) if locale is not None else None
        self._speechd_answers = speechd_answers
        self._separate = frozenset(separate_engines)
        self._volume = volume
        self._once = OnceLog(log)
        self._started = False
        self._installed: list[str] = []
        self._to_try: list[str] = []
        self._current: Voice | None = None
        self._speechd_skipped = False
        self._without_language = False  # an engine worked but had no voice of the language

    @property
    def available(self) -> bool:
        """Whether an engine is ready with a voice."""
        return self._current is not None and self._current.available

    @property
    def pending(self) -> bool:
        """Whether an engine is still starting (in its own process, or in the background)."""
        return self._current is not None and self._current.pending

    @property
    def name(self) -> str:
        """The voice of the engine in use; empty when none is ready."""
        return self._current.name if self._current is not None and self.available else ""

    @property
    def reason(self) -> str:
        """Why there is no voice once every engine was tried; empty before, or with a voice."""
        return self._current.reason if self._current is not None else ""

    def start(self) -> None:
        """Try the engines, best first, until one speaks or is starting. Once."""
        if self._started:
            return
        self._started = True
        try:
            from PySide6.QtTextToSpeech import QTextToSpeech
        except Exception as exc:  # ImportError when libpulse.so.0 is missing
            self._once("speech-import", "Spoken cues are off: Qt TextToSpeech is missing (%s)", exc)
            self._current = NoVoice(
                self.tr(
                    "the speech library could not be loaded (on Debian or Ubuntu: "
                    "sudo apt install libpulse0)"
                ),
                self,
            )
            return
        self._installed = QTextToSpeech.availableEngines()
        self._to_try = engine_candidates(self._request, self._installed)
        self._try_next()

    def say(self, text: str) -> None:
        """Speak through the engine in use, if it is ready."""
        if self._current is not None:
            self._current.say(text)

    def stop(self) -> None:
        """Stop the engine in use, if any."""
        if self._current is not None:
            self._current.stop()

    def set_volume(self, volume: int) -> None:
        """The volume, 0-100, for the engine in use and any tried later."""
        self._volume = volume
        if self._current is not None:
            self._current.set_volume(volume)

    def shut_down(self) -> None:
        """End the engine's own process, if it has one (when the app quits)."""
        if self._current is not None:
            self._current.shut_down()

    # ---- trying the engines ----------------------------------------------------------------

    def _try_next(self) -> None:
        """Use the best engine left to try: here, or in its own process when it is slow."""
        while self._to_try:
            name = self._to_try.pop(0)
            if name == "speechd" and not self._speechd_ok():
                self._speechd_skipped = True  # speech-dispatcher absent or not answering
                continue
            if name and name not in self._installed:
                continue  # asking Qt for an absent engine only prints a critical message
            voice = self._open(name)
            if voice is None:
                continue
            self._current = voice
            voice.changed.connect(partial(self._voice_changed, voice, name))
            if voice.available:
                self.changed.emit()
            return
        installed = ", ".join(self._installed) or "none"
        self._once(
            "no-engine",
            "Spoken cues are off: no speech engine could be started (installed: %s)",
            installed,
        )
        if self._without_language:
            why = self.tr(
                "no speech engine here has a voice for {language} (on Debian or Ubuntu, "
                "espeak-ng speaks most languages: sudo apt install speech-dispatcher espeak-ng)"
            ).format(language=language_name(self._wanted()))
        elif self._speechd_skipped or not set(self._installed) - {"mock"}:
            why = self.tr(
                "no speech engine is installed (on Debian or Ubuntu: "
                "sudo apt install speech-dispatcher espeak-ng)"
            )
        else:
            # Some engine besides Qt's mock is installed here, so the list is never empty.
            why = self.tr("no speech engine could be started (installed: {engines})").format(
                engines=installed
            )
        self._current = NoVoice(why, self)

    def _open(self, name: str) -> Voice | None:
        """The voice of engine `name` ("" for Qt's default), or None when it cannot speak."""
        wanted = self._wanted()
        if name in self._separate:
            return SpeechProcess(name, wanted, self._volume, self)
        from PySide6.QtTextToSpeech import QTextToSpeech

        engine = QTextToSpeech(name, self) if name else QTextToSpeech(self)
        reason = engine_unusable(engine, name)
        if reason:
            log.info("Speech engine %r not used: %s", name or "default", reason)
            engine.setParent(None)
            engine.deleteLater()
            return None
        return LocalVoice(engine, wanted, self._volume, self)

    def _wanted(self) -> QLocale:
        """The language the texts are written in."""
        return self._locale if self._locale is not None else QLocale()

    def _voice_changed(self, voice: Voice, name: str) -> None:
        if voice is not self._current:
            return  # one given up on already
        if not voice.available and not voice.pending:  # it failed, perhaps after speaking
            log.info("Speech engine %r not used: %s", name or "default", voice.reason)
            if voice.reason == no_voice_reason(self._wanted()):
                self._without_language = True
            voice.shut_down()
            self._current = None
            self._try_next()
        self.changed.emit()

    def _speechd_ok(self) -> bool:
        if self._speechd_answers is None:
            from spinecoach.desktop.speechd import speechd_answers

            self._speechd_answers = speechd_answers
        if self._speechd_answers():
            return True
        self._once("speechd-silent", "speech-dispatcher does not answer: not using it")
        return False
