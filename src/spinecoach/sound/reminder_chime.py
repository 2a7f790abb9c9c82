"""The soft chime of a stand-up reminder, loaded on the first reminder, not at start-up.

Qt Multimedia costs memory and a few tenths of a second to load; SpineCoach may sit in the tray
all day without ever needing it, so nothing is imported until a reminder actually chimes.
Without an audio device (or without libpulse) it stays silent and says so once in the log.
"""

from __future__ import annotations

import logging
from contextlib import ExitStack
from importlib.resources import as_file
from importlib.resources.abc import Traversable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QUrl

if TYPE_CHECKING:
    from PySide6.QtMultimedia import QSoundEffect

log = logging.getLogger(__name__)

CHIME_FILE = "reminder.wav"


class ReminderChime(QObject):
    """Plays resources/sounds/reminder.wav at the configured volume."""

    def __init__(self, sounds_dir: Traversable, volume: int, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._sounds_dir = sounds_dir
        self._volume = volume
        self._effect: QSoundEffect | None = None
        self._failed = False
        self._files = ExitStack()
        self.destroyed.connect(self._files.close)

    @property
    def loaded(self) -> bool:
        """Whether Qt Multimedia was loaded (it is only on the first chime)."""
        return self._effect is not None

    def set_volume(self, volume: int) -> None:
        """0-100, the same volume setting as the session cues."""
        self._volume = volume
        if self._effect is not None:
            self._effect.setVolume(volume / 100)

    def play(self) -> None:
        """Chime once; silently nothing when sound cannot work here."""
        effect = self._load()
        if effect is not None:
            effect.play()

    def _load(self) -> QSoundEffect | None:
        if self._effect is not None or self._failed:
            return self._effect
        try:
            from PySide6.QtMultimedia import QMediaDevices, QSoundEffect
        except Exception as exc:  # ImportError when libpulse.so.0 is missing
            log.info("reminder chime off: Qt Multimedia cannot load (%s)", exc)
            self._failed = True
            return None
        if not QMediaDevices.audioOutputs():
            log.info("reminder chime off: no audio output device")
            self._failed = True
            return None
        path = self._files.enter_context(as_file(self._sounds_dir / CHIME_FILE))
        effect = QSoundEffect(self)
        effect.setObjectName("reminderChime")
        effect.setVolume(self._volume / 100)
        effect.setSource(QUrl.fromLocalFile(str(path)))
        self._effect = effect
        return effect
