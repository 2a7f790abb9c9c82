"""What the player plays, says and shows as each phase of a timeline begins and ends: the cues.

`core.timeline` builds the phases; this module words them (the start of a hold, "Release", the
3-2-1 ticks, "Switch sides") and holds "+15 s"'s rules: what it may lengthen and the caption that
then says the new time. The choices behind both are in `core.timeline`'s module doc.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from enum import StrEnum

from spinecoach.core.exercise import Motion
from spinecoach.core.messages import Message
from spinecoach.core.spoken_numbers import seconds_in_words
from spinecoach.core.timeline import Phase, PhaseKind, Side, side_phrase

# Phases shorter than this get no 3-2-1 countdown: the ticks would crowd the start cue.
COUNTDOWN_MIN_SECONDS = 5
COUNTDOWN_MARKS = (3, 2, 1)

#: What the player's "+15 s" adds to a phase.
EXTEND_SECONDS = 15

#: A hold at least this long is a held position that "+15 s" may lengthen; a shorter one is the
#: beat of a repetition (`Dosage.describe` draws the same line: "3 x 20 s hold", "10 reps, 3 s").
LONG_HOLD_SECONDS = 10


class CueKind(StrEnum):
    """What the audio and voice layer is asked to do; the Qt layer maps kinds to sounds."""

    START = "start"
    TICK = "tick"
    END_OF_HOLD = "end-of-hold"
    SWITCH_SIDES = "switch-sides"
    NEXT_UP = "next-up"
    GET_READY = "get-ready"
    REST = "rest"
    COMPLETE = "complete"


@dataclass(frozen=True, slots=True)
class Cue:
    """A sound with optional words: `text` is spoken, `caption` is shown on screen.

    They are equal except for TICK, which speaks nothing (the tone is enough) and shows the
    count ("3", "2", "1"), and END_OF_HOLD when no RELEASE follows, which is a tone only.
    """

    kind: CueKind
    text: str
    caption: str


_GET_READY = Message("timeline.cue.get-ready", "Get ready: {exercise}")
_NEXT = Message("timeline.cue.next", "Next: {exercise}")
_NAME_FIRST_SIDE = Message("timeline.cue.side-first", "{exercise}, {side} first")
#: The exercise's name inside a cue: English lowers its first letter ("Next: knee to chest");
#: a language whose nouns keep their capital (German) says `{name}`.
_NAME_IN_SENTENCE = Message(
    "timeline.cue.name-in-sentence", "{lowered}", optional=("lowered", "name")
)
_REST_CUE = Message("timeline.cue.rest", "Rest")
_SWITCH_TO = {
    Side.LEFT: Message("timeline.cue.switch-to.left", "Switch to your left side"),
    Side.RIGHT: Message("timeline.cue.switch-to.right", "Switch to your right side"),
}
_SWITCH_SIDES = Message("timeline.cue.switch-sides", "Switch sides: {side}")
_WELL_DONE = Message("timeline.cue.well-done", "Well done")
_RELEASE_CUE = Message("timeline.cue.release", "Release")
_START_TIMED = Message("timeline.cue.start-timed", "Start now, for {duration}")
_MOVE_CUE = Message("timeline.cue.move", "Move")
_HOLD_FOR = Message("timeline.cue.hold-for", "Hold for {duration}")
_HOLD_CUE = Message("timeline.cue.hold", "Hold")


def entry_cues(phase: Phase) -> tuple[Cue, ...]:
    """The cues due the moment `phase` begins (possibly none)."""
    say = phase.words.text
    match phase.kind:
        case PhaseKind.GET_READY:
            text = say(_GET_READY, exercise=_announce(phase))
            return (_said(CueKind.GET_READY, text + _wait(phase)),)
        case PhaseKind.NEXT_UP:
            return (_said(CueKind.NEXT_UP, say(_NEXT, exercise=_announce(phase)) + _wait(phase)),)
        case PhaseKind.HOLD:
            return (_said(CueKind.START, _start_words(phase)),)
        case PhaseKind.REST:
            return (_said(CueKind.REST, say(_REST_CUE)),)
        case PhaseKind.SWITCH_SIDES:
            side = phase.side or Side.RIGHT
            if phase.exercise.side_means is None:
                return (_said(CueKind.SWITCH_SIDES, say(_SWITCH_TO[side])),)
            words = side_phrase(phase.exercise.side_means, side, phase.words)
            return (_said(CueKind.SWITCH_SIDES, say(_SWITCH_SIDES, side=words)),)
        case PhaseKind.FINISHED:
            return (_said(CueKind.COMPLETE, say(_WELL_DONE)),)
        case PhaseKind.RELEASE:
            # END_OF_HOLD, emitted as the hold ends, already says "Release".
            return ()


class ExtendRefusal(StrEnum):
    """Why "+15 s" does not apply to a phase (the player says so beside the disabled button)."""

    REP = "rep"  # a short hold: the beat of a repetition keeps its rhythm
    MOVE = "move"  # a movement done in repetitions (shoulder rolls)
    RELEASE = "release"  # letting go between repetitions
    FINISHED = "finished"  # the session is over


def extend_refusal(phase: Phase) -> ExtendRefusal | None:
    """None when "+15 s" may lengthen `phase`, else why not (see `core.timeline`'s module doc)."""
    match phase.kind:
        case PhaseKind.HOLD if phase.timed_block:
            return None
        case PhaseKind.HOLD if phase.exercise.motion is Motion.MOVE:
            return ExtendRefusal.MOVE
        case PhaseKind.HOLD if phase.seconds < LONG_HOLD_SECONDS:
            return ExtendRefusal.REP
        case PhaseKind.RELEASE:
            return ExtendRefusal.RELEASE
        case PhaseKind.FINISHED:
            return ExtendRefusal.FINISHED
    return None


_EXTENDED = {
    "hold": Message("timeline.cue.extended.hold", "Hold for {duration} more"),
    "timed": Message("timeline.cue.extended.timed", "Keep going for {duration} more"),
    "rest": Message("timeline.cue.extended.rest", "Rest for {duration} more"),
    "ready": Message("timeline.cue.extended.get-ready", "{duration} more to get ready"),
}


def extended_caption(phase: Phase, remaining: float) -> str:
    """The caption once "+15 s" has lengthened `phase`: "Hold for twenty-three seconds more".

    `remaining` is what is left of the phase now, said to the whole second, so the caption and
    the countdown agree at the moment of the press (the caption before it named the old length).
    """
    if phase.kind is PhaseKind.HOLD:
        key = "timed" if phase.timed_block else "hold"
    elif phase.kind is PhaseKind.REST:
        key = "rest"
    else:
        key = "ready"
    # Whole seconds rounded up, as the countdown shows them (0:23 for 22.4 s).
    duration = seconds_in_words(max(0, math.ceil(remaining - 1e-9)), phase.words)
    return _capitalized(phase.words.text(_EXTENDED[key], duration=duration))


def end_of_hold_cue(following: Phase) -> Cue:
    """The cue for a HOLD ending; it says "Release" only when a RELEASE phase follows."""
    released = following.kind is PhaseKind.RELEASE
    return _said(CueKind.END_OF_HOLD, following.words.text(_RELEASE_CUE) if released else "")


def tick_cue(mark: int) -> Cue:
    """The countdown tone `mark` seconds before a phase ends."""
    return Cue(CueKind.TICK, "", str(mark))


def has_countdown(seconds: float) -> bool:
    """True when a phase of this length gets 3-2-1 ticks before it ends."""
    return seconds >= COUNTDOWN_MIN_SECONDS


def _said(kind: CueKind, text: str) -> Cue:
    # A catalog may start a cue with a lower-case word ("eine Minute halten"); English never does.
    text = _capitalized(text)
    return Cue(kind, text, text)


def _announce(phase: Phase) -> str:
    name = phase.exercise.name
    said = phase.words.text(_NAME_IN_SENTENCE, lowered=spoken_name(name), name=name)
    if phase.side is None:
        return said
    return phase.words.text(_NAME_FIRST_SIDE, exercise=said, side=phase.side_text)


def _wait(phase: Phase) -> str:
    if phase.transition_to is None:
        return ""
    return f". {phase.position_prompt}"


def _start_words(phase: Phase) -> str:
    # The length is said at the start of each run of holds; later reps only need the word.
    say = phase.words.text
    if phase.timed_block:
        return say(_START_TIMED, duration=seconds_in_words(phase.seconds, phase.words))
    if phase.exercise.motion is Motion.MOVE:
        return say(_MOVE_CUE)  # a shoulder roll is not held: "Hold for two seconds" would mislead
    if phase.rep == 1:
        return say(_HOLD_FOR, duration=seconds_in_words(phase.seconds, phase.words))
    return say(_HOLD_CUE)


def spoken_name(name: str) -> str:
    """An exercise name as it reads mid-sentence: "Knee to chest" -> "knee to chest".

    Names are sentence case, so only the first letter is lowered, and not for a leading
    abbreviation ("TA activation").
    """
    if not name or (len(name) > 1 and name[1].isupper()):
        return name
    return name[0].lower() + name[1:]


def _capitalized(text: str) -> str:
    return text[:1].upper() + text[1:]
