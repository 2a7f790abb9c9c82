"""A speech engine in SpineCoach's own process: Qt's default on Windows and macOS, flite, mock.

These engines are made in a few milliseconds, so they live on the GUI thread with everything
else. (speechd, whose constructor holds the GIL for 1.2-2.6 s, runs in a helper process
instead: speech_process.py.) Some engines initialise in the background: the voice is pending
until the engine reports it is ready, and only then are its language and voice chosen.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QLocale, QObject, Signal

from spinecoach.sound.engines import configure_voice, no_voice_reason, stop_speaking
from spinecoach.sound.log_once import OnceLog

if TYPE_CHECKING:
    from PySide6.QtTextToSpeech import QTextToSpeech

log = logging.getLogger(__name__)


class LocalVoice(QObject):
    """A `Voice` speaking through a QTextToSpeech engine it owns.

    Signals:
        changed(): the engine became ready and its voice was chosen.
    """

    changed = Signal()

    def __init__(
        self, engine: QTextToSpeech, locale: QLocale, volume: int, parent: QObject | None = None
    ) -> None:
        """Take over `engine` (made and found usable: engines.engine_unusable says "").

        `locale` is the language of the texts; the engine gets a voice of that language when
        it is ready, which may be at once.
        """
        from PySide6.QtTextToSpeech import QTextToSpeech

        super().__init__(parent)
        engine.setParent(self)
        self._engine = engine
        self._locale = QLocale(locale)
        self._volume = volume
        self._ready = False
        self._reason = ""  # set when the engine has no voice of the texts' language
        self._once = OnceLog(log)
        engine.setVolume(volume / 100)
        engine.stateChanged.connect(self._state_changed)
        engine.errorOccurred.connect(self._error)
        if engine.state() != QTextToSpeech.State.Error:
            self._become_ready()
        # else: the engine initialises in the background; stateChanged reports Ready.

    @property
    def available(self) -> bool:
        """Whether the engine is ready with its voice chosen."""
        return self._ready

    @property
    def pending(self) -> bool:
        """Whether the engine is still initialising in the background."""
        return not self._ready and not self._reason

    @property
    def name(self) -> str:
        """The engine's voice; empty until it is ready."""
        return self._engine.voice().name() if self._ready else ""

    @property
    def reason(self) -> str:
        """Why this engine does not speak the cues: it has no voice of their language.

        (An engine that could not speak at all was never made into a LocalVoice.)
        """
        return self._reason

    def start(self) -> None:
        """Nothing: the engine started when it was made."""

    def say(self, text: str) -> None:
        """Speak `text` once ready, cutting off what is being said: the latest cue wins."""
        if not self._ready:
            return
        stop_speaking(self._engine)
        self._engine.say(text)

    def stop(self) -> None:
        """Stop speaking."""
        stop_speaking(self._engine)

    def set_volume(self, volume: int) -> None:
        """The volume, 0-100."""
        self._volume = volume
        self._engine.setVolume(volume / 100)

    def shut_down(self) -> None:
        """Nothing: the engine goes with this object."""

    def _become_ready(self) -> None:
        if self._ready or self._reason:
            return
        engine = self._engine
        if not configure_voice(engine, self._locale, self._volume):
            self._reason = no_voice_reason(self._locale)
            log.info("Speech engine %s has no %s voice", engine.engine(), self._locale.name())
            self.changed.emit()
            return
        self._ready = True
        log.info(
            "Spoken cues: engine %s, voice %r (%s)",
            engine.engine() or "default",
            engine.voice().name(),
            engine.locale().name(),
        )
        self.changed.emit()

    def _state_changed(self, state: QTextToSpeech.State) -> None:
        from PySide6.QtTextToSpeech import QTextToSpeech

        if not self._ready and state != QTextToSpeech.State.Error:
            self._become_ready()

    def _error(self, _reason: QTextToSpeech.ErrorReason, message: str) -> None:
        self._once(f"speech-error:{message}", "Speech engine error: %s", message)
