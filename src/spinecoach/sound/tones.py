"""The tone bank: every short WAV SpineCoach sounds, loaded once, at one volume.

Session cues and the reminder chime are the same kind of thing, a file in resources/sounds played
through a QSoundEffect, so they load through this one class: Qt Multimedia imported on the first
tone, not at start-up (it costs 0.15-0.2 s and memory, and SpineCoach may sit in the tray all
day without a sound), each file made into a QSoundEffect once and kept, and every way sound can
fail here (no libpulse, no audio output, a missing or undecodable file) logged once and
otherwise ignored. An audio output that appears later (headphones plugged in) is used.
"""

from __future__ import annotations

import logging
from contextlib import ExitStack
from functools import partial
from importlib.resources import as_file
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QUrl, Signal

from spinecoach.sound.log_once import OnceLog

if TYPE_CHECKING:
    from importlib.resources.abc import Traversable

    from PySide6.QtMultimedia import QMediaDevices, QSoundEffect

log = logging.getLogger(__name__)


class ToneBank(QObject):
    """The tones of one sounds folder: loaded on first use, kept, played at the bank's volume.

    Nothing heavy happens in the constructor. A file is loaded the first time it is played or
    `load()`ed; the QSoundEffects are children of the bank. Problems are logged once per bank at
    `problem_level`, prefixed with `off_notice` so the log says what went quiet.

    Signals:
        availability_changed(): an audio output appeared or went away (`available` changed).
    """

    availability_changed = Signal()

    def __init__(
        self,
        sounds_dir: Traversable,
        *,
        volume: int = 80,
        off_notice: str = "Tones are off",
        problem_level: int = logging.WARNING,
        parent: QObject | None = None,
    ) -> None:
        """A bank for the files in `sounds_dir` (a folder, or a Traversable inside a wheel)."""
        super().__init__(parent)
        self._sounds_dir = sounds_dir
        self._volume = self._clamped(volume)
        self._off_notice = off_notice
        self._problem_level = problem_level
        self._once = OnceLog(log)
        self._files = ExitStack()  # keeps tones extracted while the bank lives (zip installs)
        self.destroyed.connect(self._files.close)

        self._multimedia_tried = False
        self._library_missing = False
        self._devices: QMediaDevices | None = None
        self._has_output = False
        self._effects: dict[str, QSoundEffect] = {}
        self._broken: set[str] = set()

    @property
    def available(self) -> bool:
        """Whether tones can play: Qt Multimedia loads and there is an audio output.

        Reading this loads Qt Multimedia if it was not loaded yet.
        """
        return self._ensure_multimedia()

    @property
    def why_silent(self) -> str:
        """Why tones cannot play here, in words a person can act on; "" when they can.

        Reading this loads Qt Multimedia if it was not loaded yet.
        """
        if self._ensure_multimedia():
            return ""
        if self._library_missing:
            return self.tr(
                "the sound library could not be loaded (on Debian or Ubuntu: "
                "sudo apt install libpulse0)"
            )
        return self.tr(
            "no audio output was found (plug in headphones or speakers, or check the volume)"
        )

    @property
    def volume(self) -> int:
        """The volume of every tone, 0-100."""
        return self._volume

    def set_volume(self, volume: int) -> None:
        """Set the volume of every tone, loaded or not: 0-100, clamped."""
        self._volume = self._clamped(volume)
        for effect in self._effects.values():
            effect.setVolume(self._volume / 100)

    def is_loaded(self, name: str) -> bool:
        """Whether the file `name` is loaded (Qt Multimedia is loaded with the first one)."""
        return name in self._effects

    def load(self, name: str) -> bool:
        """Load the file `name` now, so its first play is on time; whether it can play."""
        return self._ensure_multimedia() and self._effect(name) is not None

    def play(self, name: str) -> None:
        """Sound the file `name` from its start; nothing when sound cannot work here."""
        if not self._ensure_multimedia():
            return
        effect = self._effect(name)
        if effect is not None:
            effect.play()  # restarts from the beginning if it is still sounding

    def stop(self, name: str) -> None:
        """Silence the file `name` if it is sounding."""
        effect = self._effects.get(name)
        if effect is not None:
            effect.stop()

    # ---- loading ---------------------------------------------------------------------------

    @staticmethod
    def _clamped(volume: int) -> int:
        return max(0, min(100, int(volume)))

    def _problem(self, key: str, message: str, *args: object) -> None:
        self._once(key, message, *args, level=self._problem_level)

    def _ensure_multimedia(self) -> bool:
        if not self._multimedia_tried:
            self._multimedia_tried = True
            try:
                from PySide6.QtMultimedia import QMediaDevices
            except Exception as exc:  # ImportError when libpulse.so.0 is missing
                self._library_missing = True
                self._problem(
                    "multimedia", "%s: Qt Multimedia is missing (%s)", self._off_notice, exc
                )
                return False
            self._devices = QMediaDevices(self)
            self._devices.audioOutputsChanged.connect(self._outputs_changed)
            self._has_output = bool(QMediaDevices.audioOutputs())
            if not self._has_output:
                self._problem("no-output", "%s: no audio output device", self._off_notice)
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

    def _effect(self, name: str) -> QSoundEffect | None:
        """The loaded tone `name`, created on first use and kept; None if it cannot be."""
        if name in self._broken:
            return None
        effect = self._effects.get(name)
        if effect is not None:
            return effect
        from PySide6.QtMultimedia import QSoundEffect

        path = self._files.enter_context(as_file(self._sounds_dir / name))
        if not path.is_file():
            self._broken.add(name)
            self._problem(f"missing:{name}", "Tone %s is missing", path)
            return None
        effect = QSoundEffect(self)
        effect.setObjectName(f"tone-{name}")
        effect.setVolume(self._volume / 100)
        effect.statusChanged.connect(partial(self._status_changed, name))
        effect.setSource(QUrl.fromLocalFile(str(path)))
        self._effects[name] = effect
        return effect

    def _status_changed(self, name: str) -> None:
        from PySide6.QtMultimedia import QSoundEffect

        effect = self._effects.get(name)
        if effect is not None and effect.status() == QSoundEffect.Status.Error:
            self._problem(f"tone-error:{name}", "Tone %s cannot be played", name)
