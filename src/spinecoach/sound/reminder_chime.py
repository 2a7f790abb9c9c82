"""The soft chime of a stand-up reminder, loaded on the first reminder, not at start-up.

Qt Multimedia costs memory and a few tenths of a second to load; SpineCoach may sit in the tray
all day without ever needing it, so nothing is loaded until a reminder actually chimes. The
chime is one more tone of the ToneBank, which loads it (and says once in the log, at info
level, when there is no audio device or no libpulse: the reminder card itself is the reminder).
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Final

from PySide6.QtCore import QObject

from spinecoach.sound.tones import ToneBank

if TYPE_CHECKING:
    from importlib.resources.abc import Traversable

CHIME_FILE: Final = "reminder.wav"


class ReminderChime(QObject):
    """Plays resources/sounds/reminder.wav at the configured volume."""

    def __init__(
        self,
        sounds_dir: Traversable,
        volume: int,
        parent: QObject | None = None,
        *,
        tones: ToneBank | None = None,
    ) -> None:
        """A chime from `sounds_dir`, or from `tones` when a bank is shared (with the cues)."""
        super().__init__(parent)
        if tones is None:
            tones = ToneBank(
                sounds_dir,
                volume=volume,
                off_notice="The reminder chime is off",
                problem_level=logging.INFO,
                parent=self,
            )
        else:
            tones.set_volume(volume)
        self._tones = tones

    @property
    def loaded(self) -> bool:
        """Whether the chime was loaded (with Qt Multimedia: on the first chime)."""
        return self._tones.is_loaded(CHIME_FILE)

    def set_volume(self, volume: int) -> None:
        """0-100, the same volume setting as the session cues."""
        self._tones.set_volume(volume)

    def play(self) -> None:
        """Chime once; silently nothing when sound cannot work here."""
        self._tones.play(CHIME_FILE)
