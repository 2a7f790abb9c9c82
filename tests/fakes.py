"""Scripted stand-ins for the session's dialogs and its sound, shared by the UI tests."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from spinecoach.core.clock import Clock
from spinecoach.core.cues import CueKind
from spinecoach.core.pain import PainRiseAdvice
from spinecoach.ui.care.pain_dialog import PainAnswer


@dataclass
class ScriptedPrompts:
    """Answers the session's questions as scripted, and remembers what was asked."""

    before: PainAnswer = field(default_factory=lambda: PainAnswer(score=3, note="stiff"))
    after: PainAnswer = field(default_factory=lambda: PainAnswer(score=2, feeling="easier"))
    hurts_choice: str = "skip"
    asked: list[str] = field(default_factory=list)
    rose: list[PainRiseAdvice] = field(default_factory=list)

    def pain_before(self) -> PainAnswer:
        self.asked.append("before")
        return self.before

    def pain_after(self) -> PainAnswer:
        self.asked.append("after")
        return self.after

    def this_hurts(self, exercise_name: str) -> str:
        self.asked.append(f"hurts:{exercise_name}")
        return self.hurts_choice

    def pain_advice(self, advice: PainRiseAdvice) -> None:
        self.rose.append(advice)


@dataclass
class RecordingCues:
    """A cue sink that records what it was asked to play."""

    played: list[tuple[str, str, str]] = field(default_factory=list)
    stops: int = 0

    def play(self, kind: CueKind, spoken: str, caption: str) -> None:
        self.played.append((kind, spoken, caption))

    def stop(self) -> None:
        self.stops += 1


@dataclass
class SettableIdle:
    """An idle source: `seconds` as set, or the time since `away_since` on `clock`."""

    seconds: float = 0.5
    clock: Clock | None = None
    away_since: float | None = None  # a monotonic reading: the person left then
    reads: int = 0
    name: str = "test idle"
    available: bool = True
    reason: str = ""

    def idle_seconds(self) -> float | None:
        self.reads += 1
        if self.clock is not None and self.away_since is not None:
            return self.clock.monotonic() - self.away_since
        return self.seconds


@dataclass
class SettableInterruption:
    """An interruption source saying what the test says (e.g. "a full-screen window")."""

    busy: str | None = None
    name: str = "test full-screen"
    available: bool = True
    reason: str = ""

    def interruption(self) -> str | None:
        return self.busy


@dataclass
class SettableWindowMatch:
    """The person's apps and windows: busy with the first name that `front` contains."""

    front: str = ""  # the window in front: its class and title, as one text
    patterns: tuple[str, ...] = ()
    name: str = "test window match"
    available: bool = True
    reason: str = ""

    def set_patterns(self, patterns: Sequence[str]) -> None:
        self.patterns = tuple(patterns)

    def interruption(self) -> str | None:
        front = self.front.casefold()
        return next((p for p in self.patterns if p.casefold() in front), None) if front else None


@dataclass
class RecordingAutostart:
    """A log-in entry kept in memory."""

    command: list[str] | None = None
    location: str = "(test)"

    def enable(self, command: Sequence[str]) -> None:
        self.command = list(command)

    def disable(self) -> None:
        self.command = None

    def is_enabled(self) -> bool:
        return self.command is not None
