"""Cue tones, spoken cues and the caption every cue shows: the session player's sound layer.

People follow a session without watching the screen, so each cue (start, the 3-2-1 ticks, end
of hold, switch sides, ...) may sound a short tone and speak a few words. Sound is a nicety that
must never cost anything: QtMultimedia and QtTextToSpeech are imported only when first needed
(they take 0.15-0.2 s to load), a missing library, audio device or speech engine is logged once
and otherwise ignored, and the caption is shown for every cue whatever happens to sound.
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable, Collection, Sequence
from contextlib import ExitStack
from functools import partial
from importlib.resources import as_file
from importlib.resources.abc import Traversable
from typing import TYPE_CHECKING, Final

from PySide6.QtCore import QLocale, QObject, QUrl, Signal

if TYPE_CHECKING:
    from PySide6.QtMultimedia import QMediaDevices, QSoundEffect
    from PySide6.QtTextToSpeech import QTextToSpeech

    from spinecoach.sound.speech_process import SpeechProcess

log = logging.getLogger(__name__)

#: Every kind of cue (the values of spinecoach.core.timeline.CueKind).
CUE_KINDS: Final[tuple[str, ...]] = (
    "start",
    "tick",
    "end-of-hold",
    "switch-sides",
    "next-up",
    "get-ready",
    "rest",
    "complete",
)

#: The tone of each cue kind (a file in the sounds folder); the other kinds are voice only.
TONES: Final[dict[str, str]] = {
    "start": "start.wav",
    "tick": "tick.wav",
    "end-of-hold": "end.wav",
    "switch-sides": "switch.wav",
    "complete": "complete.wav",
}

MOCK_ENGINE: Final = "mock"  # Qt's test engine: speaks nothing, never chosen unless asked for


def engine_candidates(
    requested: str | None, available: Sequence[str], platform: str = sys.platform
) -> list[str]:
    """The speech engines to try, best first; "" stands for Qt's own choice on this platform.

    An engine asked for by name is the only candidate. Otherwise Linux prefers speechd
    (speech-dispatcher), other platforms take Qt's default, and every other installed engine
    follows as a fallback. The mock engine is never picked on its own.
    """
    if requested is not None:
        return [requested]
    real = [name for name in available if name != MOCK_ENGINE]
    if not real:
        return []
    if platform.startswith("linux") and "speechd" in real:
        return ["speechd", *(name for name in real if name != "speechd")]
    return ["", *real]


#: Words that name a territory in voice names (espeak-ng calls en_US "English (America)").
_TERRITORY_WORDS: Final[dict[QLocale.Country, tuple[str, ...]]] = {
    QLocale.Country.UnitedStates: ("america", "united states", "us"),
    QLocale.Country.UnitedKingdom: ("great britain", "british", "united kingdom", "uk"),
}


def preferred_voice(names: Sequence[str], territory: QLocale.Country) -> str | None:
    """The voice to speak with: one named for the territory, plain before variants.

    Speech engines list every voice of a language together, so the first one is often an
    accent the person did not ask for (speechd's first English voice is Caribbean). A name
    that mentions the locale's territory wins; "+variant" voices (espeak-ng's pitch and timbre
    variations) come after the plain ones.
    """
    if not names:
        return None
    words = _TERRITORY_WORDS.get(territory, ())

    def rank(name: str) -> tuple[int, int, int]:
        # "English (Great Britain)+Adam" -> " english great britain adam "
        spaced = "".join(c if c.isalnum() else " " for c in name.casefold())
        padded = f" {' '.join(spaced.split())} "
        named = any(f" {word} " in padded for word in words)
        return (0 if named else 1, 1 if "+" in name else 0, names.index(name))

    return min(names, key=rank)


def choose_locale(wanted: QLocale, offered: Sequence[QLocale]) -> QLocale | None:
    """The offered locale to speak in: the wanted language, else English; None if neither.

    Within a language the wanted territory wins, then the alphabetically first locale. The C
    (POSIX) locale has no language: it means English, preferably American then British.
    """
    english = QLocale.Language.English
    language = wanted.language()
    territories = [wanted.territory()]
    if language in (QLocale.Language.C, QLocale.Language.AnyLanguage):
        language = english
        territories = [QLocale.Country.UnitedStates, QLocale.Country.UnitedKingdom]
    for lang in dict.fromkeys((language, english)):
        same = sorted((loc for loc in offered if loc.language() == lang), key=QLocale.name)
        for territory in territories:
            for loc in same:
                if loc.territory() == territory:
                    return loc
        if same:
            return same[0]
        territories = [QLocale.Country.UnitedStates, QLocale.Country.UnitedKingdom]
    return None


#: Engines run in a process of their own (sound/speech_process.py): Qt's speechd engine lists all of
#: speech-dispatcher's voices as it is made (1.2-2.6 s), holding Python's GIL throughout, so
#: neither the GUI thread nor a worker thread of ours could make it without freezing the window.
SLOW_ENGINES: Final = frozenset({"speechd"})


def engine_unusable(engine: QTextToSpeech, name: str) -> str:
    """Why a freshly made engine cannot speak the cues ("" when it can)."""
    from PySide6.QtTextToSpeech import QTextToSpeech

    if engine.engine() == MOCK_ENGINE and name != MOCK_ENGINE:
        return "it is Qt's silent test engine"  # what Qt falls back to when nothing else loads
    if (
        engine.state() == QTextToSpeech.State.Error
        and engine.errorReason() != QTextToSpeech.ErrorReason.NoError
    ):
        return engine.errorString() or "it reported an error"
    return ""


def configure_voice(engine: QTextToSpeech, wanted: QLocale, volume: int) -> None:
    """Give a ready engine the language of the texts, its best voice there, and the volume."""
    target = choose_locale(wanted, engine.availableLocales())
    if target is not None and target != engine.locale():
        engine.setLocale(target)
    voices = engine.availableVoices()
    if voices:
        names = [voice.name() for voice in voices]
        best = preferred_voice(names, engine.locale().territory())
        if best is not None and engine.voice().name() != best:
            engine.setVoice(voices[names.index(best)])
    engine.setVolume(volume / 100)


def stop_speaking(engine: QTextToSpeech) -> None:
    """Stop `engine` if it is saying (or about to say) something."""
    from PySide6.QtTextToSpeech import QTextToSpeech

    if engine.state() in (
        QTextToSpeech.State.Speaking,
        QTextToSpeech.State.Paused,
        QTextToSpeech.State.Synthesizing,
    ):
        engine.stop()


class CuePlayer(QObject):
    """Plays a cue: its tone, its spoken words and -- always -- its caption.

    Create one player for the life of the app, in the GUI thread, after the QApplication: it
    keeps one loaded QSoundEffect per tone and one speech engine. Nothing heavy happens in the
    constructor; call `prepare()` when a session is about to start (or leave it to the first
    cue) to load Qt Multimedia, the tones and the speech engine ahead of time.

    Settings come in through `configure()` and apply at once. A missing Qt Multimedia library
    (libpulse), a machine without an audio output or without a speech engine each log one
    warning; the player then carries on without that part and never raises.

    Signals:
        caption_shown(str): emitted for every cue with its caption, even when sound and voice
            are off or do not work -- people who cannot hear the cues read them.
        availability_changed(): `sound_available`, `voice_available` or `voice_name` changed
            (the speech engine became ready, an audio output appeared or went away).
    """

    caption_shown = Signal(str)
    availability_changed = Signal()

    def __init__(
        self,
        sounds_dir: Traversable,
        *,
        speech_engine: str | None = None,
        locale: QLocale | None = None,
        speechd_answers: Callable[[], bool] | None = None,
        separate_engines: Collection[str] = SLOW_ENGINES,
        parent: QObject | None = None,
    ) -> None:
        """Make a player for the tones in `sounds_dir`.

        `speech_engine` names a QTextToSpeech engine ("mock" in tests); None picks the best
        one installed. `speechd_answers` says whether speech-dispatcher responds (default: a
        short socket probe), because Qt's speechd engine waits for a wedged daemon forever.
        `locale` is the language the spoken texts are written in (default: the application's
        default locale); a voice of that language is chosen when there is one.
        `separate_engines` run in a process of their own (see SLOW_ENGINES); until one is
        ready, cues are shown and sounded but not spoken.
        """
        super().__init__(parent)
        self.setObjectName("cuePlayer")
        self._sounds_dir = sounds_dir
        self._engine_request = speech_engine
        self._speechd_answers = speechd_answers
        self._locale = QLocale(locale) if locale is not None else None
        self._sound_enabled = True
        self._voice_enabled = True
        self._volume = 80
        self._warned: set[str] = set()
        self._files = ExitStack()  # keeps tones extracted while the player lives (zip installs)

        self._sound_tried = False
        self._devices: QMediaDevices | None = None
        self._has_output = False
        self._effects: dict[str, QSoundEffect] = {}
        self._broken_tones: set[str] = set()

        self._speech_tried = False
        self._speech: QTextToSpeech | None = None
        self._speech_process: SpeechProcess | None = None
        self._voice_ready = False
        self._voice_label = ""
        self._separate_engines = frozenset(separate_engines)
        self._engines_available: list[str] = []
        self._engines_to_try: list[str] = []

    # ---- settings and status ------------------------------------------------------------

    def configure(
        self,
        *,
        sound_enabled: bool | None = None,
        voice_enabled: bool | None = None,
        volume: int | None = None,
    ) -> None:
        """Apply the sound settings at once; an argument left out keeps its value.

        `volume` is 0-100 (clamped) and sets both the tones and the voice.
        """
        if volume is not None:
            self._volume = max(0, min(100, int(volume)))
            level = self._volume / 100
            for effect in self._effects.values():
                effect.setVolume(level)
            if self._speech is not None:
                self._speech.setVolume(level)
            if self._speech_process is not None:
                self._speech_process.set_volume(self._volume)
        if sound_enabled is not None:
            self._sound_enabled = bool(sound_enabled)
            if not self._sound_enabled:
                for effect in self._effects.values():
                    effect.stop()
        if voice_enabled is not None:
            self._voice_enabled = bool(voice_enabled)
            if not self._voice_enabled:
                self._stop_speaking()

    @property
    def sound_enabled(self) -> bool:
        """Whether tones are wanted (the setting, not whether they can play)."""
        return self._sound_enabled

    @property
    def voice_enabled(self) -> bool:
        """Whether spoken cues are wanted (the setting, not whether they can be spoken)."""
        return self._voice_enabled

    @property
    def volume(self) -> int:
        """The volume setting, 0-100."""
        return self._volume

    @property
    def sound_available(self) -> bool:
        """Whether tones can play: Qt Multimedia loads and there is an audio output.

        Reading this loads Qt Multimedia if it was not loaded yet.
        """
        return self._ensure_sound()

    @property
    def voice_available(self) -> bool:
        """Whether a speech engine is ready with a voice. Reading this starts the engine."""
        self._ensure_speech()
        return self._voice_ready

    @property
    def voice_pending(self) -> bool:
        """Whether a speech engine is still starting in its own process."""
        return self._speech_process is not None and not self._voice_ready

    @property
    def voice_name(self) -> str:
        """The name of the voice that speaks the cues; "" when there is none."""
        engine = self._ensure_speech()
        if not self._voice_ready:
            return ""
        return engine.voice().name() if engine is not None else self._voice_label

    # ---- playing ---------------------------------------------------------------------------

    def prepare(self) -> None:
        """Load what the current settings need now, so that the first cue is on time.

        Imports Qt Multimedia and loads every tone (when sound is on), and starts the speech
        engine and chooses its voice (when voice is on). Takes a few tenths of a second once.
        """
        try:
            if self._sound_enabled and self._ensure_sound():
                for kind in TONES:
                    self._effect(kind)
            if self._voice_enabled:
                self._ensure_speech()
        except Exception:
            self._warn_once("prepare", "Could not prepare cue sounds", exc_info=True)

    def play(self, kind: str, spoken: str, caption: str) -> None:
        """Show `caption`, sound the tone of `kind` and speak `spoken` (when non-empty).

        The caption is emitted first and always. A new spoken cue interrupts one still being
        spoken: the latest cue wins, so a countdown never queues up stale words.
        """
        self.caption_shown.emit(caption)
        if kind not in CUE_KINDS:
            self._warn_once(f"kind:{kind}", "Unknown cue kind %r: caption and voice only", kind)
        if self._sound_enabled and kind in TONES:
            try:
                self._play_tone(kind)
            except Exception:
                self._warn_once("tone-failed", "A cue tone failed to play", exc_info=True)
        if self._voice_enabled and spoken:
            try:
                self._speak(spoken)
            except Exception:
                self._warn_once("speech-failed", "A spoken cue failed", exc_info=True)

    def stop(self) -> None:
        """Silence whatever is sounding or being spoken (the session was paused or stopped)."""
        for effect in self._effects.values():
            effect.stop()
        self._stop_speaking()

    # ---- tones -----------------------------------------------------------------------------

    def _ensure_sound(self) -> bool:
        if not self._sound_tried:
            self._sound_tried = True
            try:
                from PySide6.QtMultimedia import QMediaDevices
            except Exception as exc:  # ImportError when libpulse.so.0 is missing
                self._warn_once(
                    "multimedia", "Cue tones are off: Qt Multimedia is missing (%s)", exc
                )
                return False
            self._devices = QMediaDevices(self)
            self._devices.audioOutputsChanged.connect(self._outputs_changed)
            self._has_output = bool(QMediaDevices.audioOutputs())
            if not self._has_output:
                self._warn_once("no-output", "Cue tones are off: no audio output device")
        return self._has_output

    def _outputs_changed(self) -> None:
        from PySide6.QtMultimedia import QMediaDevices

        had_output = self._has_output
        self._has_output = bool(QMediaDevices.audioOutputs())
        if self._has_output:
            device = QMediaDevices.defaultAudioOutput()
            for effect in self._effects.values():
                effect.setAudioDevice(device)
        if had_output != self._has_output:
            log.info("Audio output %s", "available" if self._has_output else "gone")
            self.availability_changed.emit()

    def _effect(self, kind: str) -> QSoundEffect | None:
        """The loaded tone of a cue kind, created on first use and kept."""
        name = TONES.get(kind)
        if name is None or name in self._broken_tones:
            return None
        effect = self._effects.get(name)
        if effect is not None:
            return effect
        from PySide6.QtMultimedia import QSoundEffect

        path = self._files.enter_context(as_file(self._sounds_dir / name))
        if not path.is_file():
            self._broken_tones.add(name)
            self._warn_once(f"missing:{name}", "Cue tone %s is missing", path)
            return None
        effect = QSoundEffect(self)
        effect.setObjectName(f"cueTone-{name}")
        effect.setVolume(self._volume / 100)
        effect.statusChanged.connect(partial(self._tone_status_changed, name))
        effect.setSource(QUrl.fromLocalFile(str(path)))
        self._effects[name] = effect
        return effect

    def _tone_status_changed(self, name: str) -> None:
        from PySide6.QtMultimedia import QSoundEffect

        effect = self._effects.get(name)
        if effect is not None and effect.status() == QSoundEffect.Status.Error:
            self._warn_once(f"tone-error:{name}", "Cue tone %s cannot be played", name)

    def _play_tone(self, kind: str) -> None:
        if not self._ensure_sound():
            return
        effect = self._effect(kind)
        if effect is not None:
            effect.play()  # restarts from the beginning if it is still sounding

    # ---- voice -----------------------------------------------------------------------------

    def _ensure_speech(self) -> QTextToSpeech | None:
        """The engine in this process, made on first use (None: none, or one elsewhere)."""
        if self._speech_tried:
            return self._speech
        self._speech_tried = True
        try:
            from PySide6.QtTextToSpeech import QTextToSpeech
        except Exception as exc:  # ImportError when libpulse.so.0 is missing
            self._warn_once(
                "speech-import", "Spoken cues are off: Qt TextToSpeech is missing (%s)", exc
            )
            return None
        self._engines_available = QTextToSpeech.availableEngines()
        self._engines_to_try = engine_candidates(self._engine_request, self._engines_available)
        self._try_next_engine()
        return self._speech

    def _try_next_engine(self) -> None:
        """Make the best engine left to try: here, or in its own process when it is slow."""
        from PySide6.QtTextToSpeech import QTextToSpeech

        while self._engines_to_try:
            name = self._engines_to_try.pop(0)
            if name == "speechd" and not self._speechd_ok():
                continue
            if name and name not in self._engines_available:
                continue  # asking Qt for an absent engine only prints a critical message
            if name in self._separate_engines:
                self._start_speech_process(name)
                return
            engine = QTextToSpeech(name, self) if name else QTextToSpeech(self)
            reason = engine_unusable(engine, name)
            if reason:
                log.info("Speech engine %r not used: %s", name or "default", reason)
                engine.setParent(None)
                engine.deleteLater()
                continue
            self._speech = engine
            engine.setVolume(self._volume / 100)
            engine.stateChanged.connect(self._speech_state_changed)
            engine.errorOccurred.connect(self._speech_error)
            if engine.state() != QTextToSpeech.State.Error:
                self._speech_ready()
            # else: the engine initialises in the background; stateChanged reports Ready.
            return
        self._warn_once(
            "no-engine",
            "Spoken cues are off: no speech engine could be started (installed: %s)",
            ", ".join(self._engines_available) or "none",
        )

    def _start_speech_process(self, name: str) -> None:
        from spinecoach.sound.speech_process import SpeechProcess

        wanted = self._locale if self._locale is not None else QLocale()
        process = SpeechProcess(name, wanted, self._volume, self)
        process.ready.connect(self._speech_process_ready)
        process.failed.connect(partial(self._speech_process_failed, process, name))
        process.error.connect(partial(self._speech_error, None))
        self._speech_process = process
        log.info("Speech engine %r is starting in a process of its own", name)

    def _speech_process_ready(self, engine: str, voice: str, locale: str) -> None:
        self._voice_ready = True
        self._voice_label = voice
        log.info("Spoken cues: engine %s, voice %r (%s)", engine or "default", voice, locale)
        self.availability_changed.emit()

    def _speech_process_failed(self, process: SpeechProcess, name: str, reason: str) -> None:
        log.info("Speech engine %r not used: %s", name or "default", reason)
        if process is not self._speech_process:
            return
        self._speech_process = None
        self._voice_ready = False
        process.shut_down()
        self._try_next_engine()
        self.availability_changed.emit()

    def shut_down(self) -> None:
        """End the speech engine's own process, if there is one (when the app quits)."""
        if self._speech_process is not None:
            self._speech_process.shut_down()

    def _speechd_ok(self) -> bool:
        if self._speechd_answers is None:
            from spinecoach.desktop.speechd import speechd_answers

            self._speechd_answers = speechd_answers
        if self._speechd_answers():
            return True
        self._warn_once("speechd-silent", "speech-dispatcher does not answer: not using it")
        return False

    def _speech_ready(self) -> None:
        engine = self._speech
        if engine is None or self._voice_ready:
            return
        wanted = self._locale if self._locale is not None else QLocale()
        configure_voice(engine, wanted, self._volume)
        self._voice_ready = True
        log.info(
            "Spoken cues: engine %s, voice %r (%s)",
            engine.engine() or "default",
            engine.voice().name(),
            engine.locale().name(),
        )
        self.availability_changed.emit()

    def _speech_state_changed(self, state: QTextToSpeech.State) -> None:
        from PySide6.QtTextToSpeech import QTextToSpeech

        if not self._voice_ready and state != QTextToSpeech.State.Error:
            self._speech_ready()

    def _speech_error(self, _reason: QTextToSpeech.ErrorReason | None, message: str) -> None:
        self._warn_once(f"speech-error:{message}", "Speech engine error: %s", message)

    def _speak(self, text: str) -> None:
        engine = self._ensure_speech()
        if not self._voice_ready:
            return
        if self._speech_process is not None:
            self._speech_process.say(text)  # it stops what it was saying first
            return
        assert engine is not None
        self._stop_speaking()
        engine.say(text)

    def _stop_speaking(self) -> None:
        if self._speech_process is not None:
            self._speech_process.stop()
        if self._speech is not None:
            stop_speaking(self._speech)

    # ---- logging ---------------------------------------------------------------------------

    def _warn_once(self, key: str, message: str, *args: object, exc_info: bool = False) -> None:
        """Log one warning per problem, however many cues run into it."""
        if key in self._warned:
            return
        self._warned.add(key)
        log.warning(message, *args, exc_info=exc_info)
