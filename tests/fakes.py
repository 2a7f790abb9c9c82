"""Scripted stand-ins for the session's dialogs and its sound, shared by the UI tests."""

from __future__ import annotations

from dataclasses import dataclass, field

from spinecoach.ui.pain_dialog import PainAnswer


@dataclass
class ScriptedPrompts:
    """Answers the session's questions as scripted, and remembers what was asked."""

    before: PainAnswer = field(default_factory=lambda: PainAnswer(score=3, note="stiff"))
    after: PainAnswer = field(default_factory=lambda: PainAnswer(score=2, feeling="easier"))
    hurts_choice: str = "skip"
    asked: list[str] = field(default_factory=list)
    rose: list[tuple[int, int]] = field(default_factory=list)

    def pain_before(self) -> PainAnswer:
        self.asked.append("before")
        return self.before

    def pain_after(self) -> PainAnswer:
        self.asked.append("after")
        return self.after

    def this_hurts(self, exercise_name: str) -> str:
        self.asked.append(f"hurts:{exercise_name}")
        return self.hurts_choice

    def pain_rose(self, before: int, after: int) -> None:
        self.rose.append((before, after))


@dataclass
class RecordingCues:
    """A cue sink that records what it was asked to play."""

    played: list[tuple[str, str, str]] = field(default_factory=list)
    stops: int = 0

    def play(self, kind: str, spoken: str, caption: str) -> None:
        self.played.append((kind, spoken, caption))

    def stop(self) -> None:
        self.stops += 1
