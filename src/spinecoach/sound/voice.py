"""What speaks the cues, as the cue player sees it: one small interface, whatever is behind it.

A voice may be a speech engine in SpineCoach's own process (local_voice.LocalVoice), one in a
helper process because its start would freeze the window (speech_process.SpeechProcess), or
nothing at all (NoVoice). The cue player holds one `Voice` and never asks which: it says, stops
and sets the volume. Like the desktop providers in core/presence.py, a voice that cannot speak
says why (`available` is False, `reason` explains) rather than raising, so captions go on and
the settings dialog can explain the silence.
"""

from __future__ import annotations

from typing import Protocol

from PySide6.QtCore import QObject, Signal, SignalInstance


class Voice(Protocol):
    """Speaks short texts, the latest interrupting the one before.

    Signals (a Qt signal of the implementing QObject):
        changed(): `available`, `pending`, `name` or `reason` changed (the engine became ready,
            or failed after starting).
    """

    @property
    def changed(self) -> SignalInstance:
        """Emitted when what the properties below report has changed."""
        ...

    @property
    def available(self) -> bool:
        """Whether `say()` is heard now: an engine is ready with a voice."""
        ...

    @property
    def pending(self) -> bool:
        """Whether an engine is still starting; `say()` is ignored until it is available."""
        ...

    @property
    def name(self) -> str:
        """The name of the voice that speaks ("English (America)"); empty when not available."""
        ...

    @property
    def reason(self) -> str:
        """Why there is no voice, in words a person understands; empty when there is or may be."""
        ...

    def start(self) -> None:
        """Start the engine if it is not started yet; returns at once. Safe to call again."""
        ...

    def say(self, text: str) -> None:
        """Speak `text`, interrupting whatever is being spoken; nothing when not available."""
        ...

    def stop(self) -> None:
        """Stop speaking."""
        ...

    def set_volume(self, volume: int) -> None:
        """The volume, 0-100; kept for an engine that is not ready yet."""
        ...

    def shut_down(self) -> None:
        """End whatever the voice runs outside this process (when the app quits). Safe twice."""
        ...


class NoVoice(QObject):
    """The voice of a machine that cannot speak: silent, and says why.

    Signals:
        changed(): never emitted (nothing about it ever changes).
    """

    changed = Signal()

    def __init__(self, reason: str, parent: QObject | None = None) -> None:
        """`reason` says why there is no voice ("no speech engine is installed")."""
        super().__init__(parent)
        self._reason = reason

    @property
    def available(self) -> bool:
        """Never available."""
        return False

    @property
    def pending(self) -> bool:
        """Never starting."""
        return False

    @property
    def name(self) -> str:
        """No voice, no name."""
        return ""

    @property
    def reason(self) -> str:
        """Why there is no voice."""
        return self._reason

    def start(self) -> None:
        """Nothing to start."""

    def say(self, text: str) -> None:
        """Says nothing."""

    def stop(self) -> None:
        """Nothing to stop."""

    def set_volume(self, volume: int) -> None:
        """Nothing to set."""

    def shut_down(self) -> None:
        """Nothing runs."""
