"""Cue tones, spoken cues and the caption every cue shows: the session player's sound layer.

People follow a session without watching the screen, so each cue (start, the 3-2-1 ticks, end
of hold, switch sides, ...) may sound a short tone and speak a few words. Sound is a nicety that
must never cost anything: the tones load through a ToneBank and the words go to a Voice, both of
which load their Qt modules only when first needed (0.15-0.2 s each) and log a missing library,
audio device or speech engine once. The caption is shown for every cue whatever happens to
sound, because people who cannot hear the cues read them.
"""

from __future__ import annotations

import logging
from types import MappingProxyType
from typing import TYPE_CHECKING, Final

from PySide6.QtCore import QLocale, QObject, Signal

from spinecoach.core.cues import CueKind
from spinecoach.sound.engines import SLOW_ENGINES
from spinecoach.sound.fallback_voice import FallbackVoice
from spinecoach.sound.log_once import OnceLog
from spinecoach.sound.tones import ToneBank
from spinecoach.sound.voice import Voice

if TYPE_CHECKING:
    from collections.abc import Callable, Collection, Mapping
    from importlib.resources.abc import Traversable

log = logging.getLogger(__name__)

#: The tone of each cue kind (a file in the sounds folder); the other kinds are voice only.
TONE_FILES: Final[Mapping[CueKind, str]] = MappingProxyType(
    {
        CueKind.START: "start.wav",
        CueKind.TICK: "tick.wav",
        CueKind.END_OF_HOLD: "end.wav",
        CueKind.SWITCH_SIDES: "switch.wav",
        CueKind.COMPLETE: "complete.wav",
    }
)

_KNOWN_KINDS: Final = frozenset(CueKind)


class CuePlayer(QObject):
    """Plays a cue: its tone, its spoken words and -- always -- its caption.

    Create one player for the life of the app, in the GUI thread, after the QApplication.
    Nothing heavy happens in the constructor; call `prepare()` when a session is about to start
    (or leave it to the first cue) to load Qt Multimedia, the tones and the speech engine ahead
    of time.

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
        tones: ToneBank | None = None,
        voice: Voice | None = None,
        parent: QObject | None = None,
    ) -> None:
        """Make a player for the tones in `sounds_dir`.

        `tones` is a bank to share (with the reminder chime); by default the player makes its
        own for `sounds_dir`. `voice` is what speaks; by default a FallbackVoice made from
        `speech_engine` (a QTextToSpeech engine name, "mock" in tests; None picks the best one
        installed), `locale` (the language the texts are written in; default: the
        application's default locale), `speechd_answers` and `separate_engines` -- see
        FallbackVoice. Those four are ignored when `voice` is given.
        """
        super().__init__(parent)
        self.setObjectName("cuePlayer")
        self._sound_enabled = True
        self._voice_enabled = True
        self._volume = 80
        self._once = OnceLog(log)
        if tones is None:
            tones = ToneBank(
                sounds_dir, volume=self._volume, off_notice="Cue tones are off", parent=self
            )
        self._tones = tones
        if voice is None:
            voice = FallbackVoice(
                engine=speech_engine,
                locale=locale,
                speechd_answers=speechd_answers,
                separate_engines=separate_engines,
                volume=self._volume,
                parent=self,
            )
        self._voice = voice
        self._tones.availability_changed.connect(self.availability_changed)
        self._voice.changed.connect(self.availability_changed)

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
            self._tones.set_volume(self._volume)
            self._voice.set_volume(self._volume)
        if sound_enabled is not None:
            self._sound_enabled = bool(sound_enabled)
            if not self._sound_enabled:
                self._stop_tones()
        if voice_enabled is not None:
            self._voice_enabled = bool(voice_enabled)
            if not self._voice_enabled:
                self._voice.stop()

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
        return self._tones.available

    @property
    def voice_available(self) -> bool:
        """Whether a speech engine is ready with a voice. Reading this starts the engine."""
        self._voice.start()
        return self._voice.available

    @property
    def why_tones_silent(self) -> str:
        """Why tones cannot play on this computer, with what to install; "" when they can."""
        return self._tones.why_silent

    @property
    def why_not_spoken(self) -> str:
        """Why cues cannot be spoken here, with what to install; "" with a voice or one starting.

        Reading this starts the speech engine if it was not started yet.
        """
        self._voice.start()
        if self._voice.available or self._voice.pending:
            return ""
        return self._voice.reason

    def silence_note(self) -> str:
        """What the person should know about missing sound, with what to install; "" if none.

        Only about what is switched on: tones the person turned off need no explaining. A
        voice still starting is not reported yet (`availability_changed` follows). Reading
        this loads Qt Multimedia and starts the speech engine if they were not yet.
        """
        missing = []
        if self._sound_enabled and self.why_tones_silent:
            missing.append(self.tr("Tones are silent: {why}.").format(why=self.why_tones_silent))
        if self._voice_enabled and self.why_not_spoken:
            missing.append(self.tr("Cues are not spoken: {why}.").format(why=self.why_not_spoken))
        if not missing:
            return ""
        return " ".join([*missing, self.tr("Captions show every cue.")])

    @property
    def voice_pending(self) -> bool:
        """Whether a speech engine is still starting (in its own process, or initialising)."""
        return self._voice.pending

    @property
    def voice_name(self) -> str:
        """The name of the voice that speaks the cues; "" when there is none."""
        self._voice.start()
        return self._voice.name if self._voice.available else ""

    # ---- playing ---------------------------------------------------------------------------

    def prepare(self) -> None:
        """Load what the current settings need now, so that the first cue is on time.

        Imports Qt Multimedia and loads every tone (when sound is on), and starts the speech
        engine and chooses its voice (when voice is on). Takes a few tenths of a second once.
        """
        try:
            if self._sound_enabled and self._tones.available:
                for name in TONE_FILES.values():
                    self._tones.load(name)
            if self._voice_enabled:
                self._voice.start()
        except Exception:
            self._once("prepare", "Could not prepare cue sounds", exc_info=True)

    def play(self, kind: CueKind, spoken: str, caption: str) -> None:
        """Show `caption`, sound the tone of `kind` and speak `spoken` (when non-empty).

        The caption is emitted first and always. A new spoken cue interrupts one still being
        spoken: the latest cue wins, so a countdown never queues up stale words.
        """
        self.caption_shown.emit(caption)
        if kind not in _KNOWN_KINDS:  # not a CueKind: a caller that ignored the types
            self._once(f"kind:{kind}", "Unknown cue kind %r: caption and voice only", kind)
        tone = TONE_FILES.get(kind)
        if self._sound_enabled and tone is not None:
            try:
                self._tones.play(tone)
            except Exception:
                self._once("tone-failed", "A cue tone failed to play", exc_info=True)
        if self._voice_enabled and spoken:
            try:
                self._speak(spoken)
            except Exception:
                self._once("speech-failed", "A spoken cue failed", exc_info=True)

    def stop(self) -> None:
        """Silence whatever is sounding or being spoken (the session was paused or stopped)."""
        self._stop_tones()
        self._voice.stop()

    def shut_down(self) -> None:
        """End the speech engine's own process, if there is one (when the app quits)."""
        self._voice.shut_down()

    def _stop_tones(self) -> None:
        for name in TONE_FILES.values():
            self._tones.stop(name)

    def _speak(self, text: str) -> None:
        self._voice.start()
        if self._voice.available:
            self._voice.say(text)
