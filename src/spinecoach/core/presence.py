"""What the desktop can tell the reminder logic about the person: are they away, are they busy.

Each platform answers these questions differently (X11, D-Bus, Windows, macOS), and some cannot
answer at all. The reminder logic only sees the two small interfaces below; the platform
providers live in `spinecoach.desktop` and tests pass fakes. A provider that cannot tell says so
(`available` is False, `reason` explains), so the settings dialog can show the feature as
unavailable and reminders fall back to plain time.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

__all__ = ["IdleSource", "InterruptionSource", "Provider", "Unavailable", "WindowMatchSource"]


class Provider(Protocol):
    """What every provider tells about itself, for logs and the settings dialog."""

    @property
    def name(self) -> str:
        """A short name ("X11 screen saver", "GNOME Mutter", ...)."""
        ...

    @property
    def available(self) -> bool:
        """Whether it can tell anything on this machine at all."""
        ...

    @property
    def reason(self) -> str:
        """Why it is unavailable, in words a person understands; empty when available."""
        ...


class IdleSource(Provider, Protocol):
    """How long the person has not touched the keyboard or mouse."""

    def idle_seconds(self) -> float | None:
        """Seconds since the last keyboard or mouse input; None when it cannot tell just now."""
        ...


class InterruptionSource(Provider, Protocol):
    """Whether a reminder now would interrupt something: a full-screen window, do-not-disturb."""

    def interruption(self) -> str | None:
        """What a reminder would interrupt now ("a full-screen window", ...), or None."""
        ...


class WindowMatchSource(InterruptionSource, Protocol):
    """Busy while the window in front matches one of the person's names ("zoom", "Impress")."""

    def set_patterns(self, patterns: Sequence[str]) -> None:
        """Match these names from now on (the setting changed); an empty list matches nothing."""
        ...


@dataclass(frozen=True, slots=True)
class Unavailable:
    """A provider for a platform that cannot tell: both interfaces, never an answer."""

    name: str
    reason: str

    @property
    def available(self) -> bool:
        """Never available."""
        return False

    def idle_seconds(self) -> float | None:
        """Cannot tell."""
        return None

    def interruption(self) -> str | None:
        """Cannot tell, so never claims the person is busy."""
        return None

    def set_patterns(self, patterns: Sequence[str]) -> None:
        """Nothing to match against: the names are kept in the settings only."""
        del patterns
