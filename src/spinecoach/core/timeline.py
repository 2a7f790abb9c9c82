"""A routine unrolled into timed phases, and the words the player says at each of them.

The session engine (`core/session.py`) only walks the list built here. Every rule about what
happens when -- get-ready, holds, releases, rests, switching sides, the pause between exercises --
lives in this module, so those rules are tested without a clock and the player shows exactly what
the engine plays.

Choices the rest of the app relies on:

- Only the first exercise gets a GET_READY phase. Between exercises a single NEXT_UP phase is
  both the rest and the get-ready for the following exercise: it belongs to that exercise
  (`item_index`, `exercise`), so the player shows its picture and first step while the person
  rests. Two back-to-back transition phases would only make the session longer.
- RELEASE and REST phases are left out when their dosage time is 0, as the dosage rules count
  nothing for them. GET_READY, NEXT_UP and SWITCH_SIDES are kept even when their setting is 0 s:
  they carry the spoken announcement ("Switch to your right side"), which a person doing the
  exercise without looking at the screen must still hear. The engine passes a 0-s phase at once.
- Two-sided exercises do the left side first. A timed block is one HOLD (per side).
- Getting down to the floor, or up from it, takes as long as it takes: the GET_READY or NEXT_UP
  phase of an exercise whose position needs the floor when the one before did not (or the
  reverse, or the first exercise of a session when it is on the floor) carries
  `transition_to`, and the engine starts that phase paused ("Press Start when you are lying on
  your back"). Five seconds to get from a chair onto a mat is how people get hurt.
- Between exercises the routine's own `changeover_seconds` is used when it has one (a desk
  break needs no time to change place), else the person's "rest between exercises" setting.
- The final phase is FINISHED (0 s). It belongs to the last item, so `item_index` always indexes
  `routine.items`.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from spinecoach.core.exercise import Exercise, Motion, Position, Routine, RoutineItem, SideMeaning

# Phases shorter than this get no 3-2-1 countdown: the ticks would crowd the start cue.
COUNTDOWN_MIN_SECONDS = 5
COUNTDOWN_MARKS = (3, 2, 1)


class PhaseKind(StrEnum):
    """What a phase of the session is for."""

    GET_READY = "get-ready"
    HOLD = "hold"
    RELEASE = "release"
    REST = "rest"
    SWITCH_SIDES = "switch-sides"
    NEXT_UP = "next-up"
    FINISHED = "finished"


class Side(StrEnum):
    """The side of the body a phase of a two-sided exercise is for."""

    LEFT = "left"
    RIGHT = "right"


#: How each position reads after "Press Start when you are ...".
POSITION_WORDS = {
    Position.LYING_ON_BACK: "lying on your back",
    Position.LYING_ON_FRONT: "lying on your front",
    Position.SIDE_LYING: "lying on your side",
    Position.ALL_FOURS: "on your hands and knees",
    Position.KNEELING: "kneeling",
    Position.STANDING: "standing",
    Position.SEATED: "sitting on your chair",
}


def side_phrase(meaning: SideMeaning | None, side: Side) -> str:
    """What a side means for this exercise, in words: "left leg", "turning to the right".

    A bare "left side" is ambiguous for twists and side bends; the exercise file says what its
    side names (`side_means`), and the drawing is mirrored to match (`shows_side`).
    """
    match meaning:
        case SideMeaning.LEG:
            return f"{side} leg"
        case SideMeaning.ARM:
            return f"{side} arm"
        case SideMeaning.TURN:
            return f"turning to the {side}"
        case SideMeaning.KNEES:
            return f"knees to the {side}"
        case SideMeaning.BEND:
            return f"bending to the {side}"
        case SideMeaning.TILT:
            return f"{side} ear down"
        case None:
            return f"{side} side"


_LABELS = {
    PhaseKind.GET_READY: "Get ready",
    PhaseKind.HOLD: "Hold",
    PhaseKind.RELEASE: "Release",
    PhaseKind.REST: "Rest",
    PhaseKind.SWITCH_SIDES: "Switch sides",
    PhaseKind.NEXT_UP: "Next up",
    PhaseKind.FINISHED: "Well done",
}


@dataclass(frozen=True, slots=True)
class Phase:
    """One stretch of time in a session, with everything the player needs to show it.

    `side` is None for one-sided exercises; for GET_READY and NEXT_UP it is the side the
    exercise starts on, for SWITCH_SIDES the side being switched to. `rep` is 1-based within the
    set and 0 where no rep is under way (transitions, rests, timed blocks, FINISHED). `set` is the
    set the phase belongs to or leads into (REST: the set after the rest), 0 for FINISHED.
    `reps` and `sets` are the item's dosage; a timed block has `reps` 0 and `sets` 1.
    `counts_toward_dosage` marks the time the dosage rules count (HOLD, RELEASE, REST), so the
    timeline adds up to `Routine.total_seconds` and the player's extra time can be shown apart.
    """

    kind: PhaseKind
    seconds: float
    item_index: int
    exercise: Exercise
    side: Side | None
    rep: int
    reps: int
    set: int
    sets: int
    counts_toward_dosage: bool
    timed_block: bool = False
    transition_to: Position | None = None

    @property
    def label(self) -> str:
        """The phase word the player shows in large type ("Move" for shoulder rolls, not "Hold")."""
        if self.kind is PhaseKind.HOLD and self.timed_block:
            return "Keep going"
        if self.kind is PhaseKind.HOLD and self.exercise.motion is Motion.MOVE:
            return "Move"
        return _LABELS[self.kind]

    @property
    def side_text(self) -> str:
        """The side in this exercise's words ("left leg"), or "" for a one-sided exercise."""
        if self.side is None:
            return ""
        return side_phrase(self.exercise.side_means, self.side)

    @property
    def waits_for_person(self) -> bool:
        """True when the player starts this phase paused: the person changes position first."""
        return self.transition_to is not None

    @property
    def position_prompt(self) -> str:
        """The words while waiting ("Press Start when you are lying on your back"), else ""."""
        if self.transition_to is None:
            return ""
        return f"Press Start when you are {POSITION_WORDS[self.transition_to]}"

    @property
    def counter_text(self) -> str:
        """Where the person is within the exercise, e.g. "Rep 4 of 10 · left side"."""
        side = self.side_text
        parts: list[str] = []
        match self.kind:
            case PhaseKind.HOLD | PhaseKind.RELEASE if self.timed_block:
                parts = ["Timed block", side]
            case PhaseKind.HOLD | PhaseKind.RELEASE:
                if self.sets > 1:
                    parts.append(f"Set {self.set} of {self.sets}")
                    if self.reps > 1:
                        parts.append(f"rep {self.rep} of {self.reps}")
                elif self.reps > 1:
                    parts.append(f"Rep {self.rep} of {self.reps}")
                parts.append(side)
            case PhaseKind.REST:
                parts = [f"Next: set {self.set} of {self.sets}", side]
            case PhaseKind.GET_READY | PhaseKind.NEXT_UP:
                parts = [f"{side} first" if side else ""]
            case PhaseKind.SWITCH_SIDES:
                parts = [f"{side} next" if side else ""]
            case PhaseKind.FINISHED:
                parts = []
        return _capitalized(" · ".join(part for part in parts if part))


@dataclass(frozen=True, slots=True)
class SessionSettings:
    """The player's own time around the exercises, in whole seconds (0 allowed)."""

    get_ready_seconds: int = 5
    rest_between_exercises_seconds: int = 15
    switch_sides_seconds: int = 5

    def __post_init__(self) -> None:
        # A negative phase would make the deadline chain run backwards; refuse it at the source.
        for name in ("get_ready_seconds", "rest_between_exercises_seconds", "switch_sides_seconds"):
            if getattr(self, name) < 0:
                raise ValueError(f"SessionSettings.{name} must not be negative")


DEFAULT_SETTINGS = SessionSettings()


def build_timeline(
    routine: Routine, settings: SessionSettings = DEFAULT_SETTINGS
) -> tuple[Phase, ...]:
    """Unroll `routine` into the phases the engine plays, ending with FINISHED."""
    if not routine.items:
        raise ValueError("a routine needs at least one exercise to play")
    phases: list[Phase] = []
    changeover = routine.changeover_seconds
    if changeover is None:
        changeover = settings.rest_between_exercises_seconds
    on_floor = False  # the person presses Start at their computer
    for index, item in enumerate(routine.items):
        moves = item.exercise.on_floor != on_floor
        on_floor = item.exercise.on_floor
        transition = item.exercise.position if moves else None
        if index == 0:
            intro = _intro(item, index, PhaseKind.GET_READY, settings.get_ready_seconds, transition)
        else:
            intro = _intro(item, index, PhaseKind.NEXT_UP, changeover, transition)
        phases.append(intro)
        phases.extend(_working_phases(item, index, settings))
    last_index = len(routine.items) - 1
    last = routine.items[last_index]
    phases.append(
        Phase(
            kind=PhaseKind.FINISHED,
            seconds=0.0,
            item_index=last_index,
            exercise=last.exercise,
            side=None,
            rep=0,
            reps=_reps(last),
            set=0,
            sets=last.dosage.sets if not last.dosage.is_timed_block else 1,
            counts_toward_dosage=False,
            timed_block=last.dosage.is_timed_block,
        )
    )
    return tuple(phases)


def _reps(item: RoutineItem) -> int:
    return 0 if item.dosage.is_timed_block else item.dosage.reps


def played_seconds(routine: Routine, settings: SessionSettings = DEFAULT_SETTINGS) -> int:
    """How long the player takes over `routine`, changeovers included (what the person waits).

    The routine views show this, not `Routine.total_seconds` (the dosage alone), so a "two-minute
    desk break" is two minutes on the clock. Time spent changing position is not counted: the
    player waits for the person there.
    """
    return round(sum(phase.seconds for phase in build_timeline(routine, settings)))


def _intro(
    item: RoutineItem,
    index: int,
    kind: PhaseKind,
    seconds: int,
    transition_to: Position | None = None,
) -> Phase:
    timed = item.dosage.is_timed_block
    return Phase(
        kind=kind,
        seconds=float(seconds),
        item_index=index,
        exercise=item.exercise,
        side=Side.LEFT if item.exercise.two_sided else None,
        rep=0,
        reps=_reps(item),
        set=1,
        sets=1 if timed else item.dosage.sets,
        counts_toward_dosage=False,
        timed_block=timed,
        transition_to=transition_to,
    )


def _working_phases(item: RoutineItem, index: int, settings: SessionSettings) -> list[Phase]:
    dosage = item.dosage
    timed = dosage.is_timed_block
    reps = _reps(item)
    sets = 1 if timed else dosage.sets
    phases: list[Phase] = []

    def add(kind: PhaseKind, seconds: float, side: Side | None, rep: int, set_: int) -> None:
        phases.append(
            Phase(
                kind=kind,
                seconds=float(seconds),
                item_index=index,
                exercise=item.exercise,
                side=side,
                rep=rep,
                reps=reps,
                set=set_,
                sets=sets,
                counts_toward_dosage=kind in _DOSAGE_KINDS,
                timed_block=timed,
            )
        )

    sides: tuple[Side | None, ...] = (Side.LEFT, Side.RIGHT) if item.exercise.two_sided else (None,)
    for side_number, side in enumerate(sides):
        if side_number > 0:
            add(PhaseKind.SWITCH_SIDES, settings.switch_sides_seconds, side, 0, 1)
        if dosage.duration_seconds is not None:
            add(PhaseKind.HOLD, dosage.duration_seconds, side, 0, 1)
            continue
        for set_number in range(1, dosage.sets + 1):
            if set_number > 1 and dosage.rest_seconds > 0:
                add(PhaseKind.REST, dosage.rest_seconds, side, 0, set_number)
            for rep in range(1, dosage.reps + 1):
                add(PhaseKind.HOLD, dosage.hold_seconds, side, rep, set_number)
                if dosage.release_seconds > 0:
                    add(PhaseKind.RELEASE, dosage.release_seconds, side, rep, set_number)
    return phases


_DOSAGE_KINDS = frozenset({PhaseKind.HOLD, PhaseKind.RELEASE, PhaseKind.REST})


# --- cues ---------------------------------------------------------------------------------------


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


def entry_cues(phase: Phase) -> tuple[Cue, ...]:
    """The cues due the moment `phase` begins (possibly none)."""
    match phase.kind:
        case PhaseKind.GET_READY:
            return (_said(CueKind.GET_READY, f"Get ready: {_announce(phase)}{_wait(phase)}"),)
        case PhaseKind.NEXT_UP:
            return (_said(CueKind.NEXT_UP, f"Next: {_announce(phase)}{_wait(phase)}"),)
        case PhaseKind.HOLD:
            return (_said(CueKind.START, _start_words(phase)),)
        case PhaseKind.REST:
            return (_said(CueKind.REST, "Rest"),)
        case PhaseKind.SWITCH_SIDES:
            side = phase.side or Side.RIGHT
            if phase.exercise.side_means is None:
                return (_said(CueKind.SWITCH_SIDES, f"Switch to your {side} side"),)
            words = side_phrase(phase.exercise.side_means, side)
            return (_said(CueKind.SWITCH_SIDES, f"Switch sides: {words}"),)
        case PhaseKind.FINISHED:
            return (_said(CueKind.COMPLETE, "Well done"),)
        case PhaseKind.RELEASE:
            # END_OF_HOLD, emitted as the hold ends, already says "Release".
            return ()


def end_of_hold_cue(following: Phase) -> Cue:
    """The cue for a HOLD ending; it says "Release" only when a RELEASE phase follows."""
    return _said(CueKind.END_OF_HOLD, "Release" if following.kind is PhaseKind.RELEASE else "")


def tick_cue(mark: int) -> Cue:
    """The countdown tone `mark` seconds before a phase ends."""
    return Cue(CueKind.TICK, "", str(mark))


def has_countdown(seconds: float) -> bool:
    """True when a phase of this length gets 3-2-1 ticks before it ends."""
    return seconds >= COUNTDOWN_MIN_SECONDS


def _said(kind: CueKind, text: str) -> Cue:
    return Cue(kind, text, text)


def _announce(phase: Phase) -> str:
    name = spoken_name(phase.exercise.name)
    return f"{name}, {phase.side_text} first" if phase.side is not None else name


def _wait(phase: Phase) -> str:
    if phase.transition_to is None:
        return ""
    return f". {phase.position_prompt}"


def _start_words(phase: Phase) -> str:
    # The length is said at the start of each run of holds; later reps only need the word.
    duration = seconds_in_words(phase.seconds)
    if phase.timed_block:
        return f"Start now, for {duration}"
    if phase.exercise.motion is Motion.MOVE:
        return "Move"  # a shoulder roll is not held: "Hold for two seconds" would mislead
    if phase.rep == 1:
        return f"Hold for {duration}"
    return "Hold"


def spoken_name(name: str) -> str:
    """An exercise name as it reads mid-sentence: "Knee to chest" -> "knee to chest".

    Names are sentence case, so only the first letter is lowered, and not for a leading
    abbreviation ("TA activation").
    """
    if not name or (len(name) > 1 and name[1].isupper()):
        return name
    return name[0].lower() + name[1:]


# --- numbers in words ---------------------------------------------------------------------------

_ONES = (
    "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
    "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen",
    "nineteen",
)  # fmt: skip
_TENS = ("", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")


def number_in_words(number: int) -> str:
    """Spell a whole number from 0 to 999 999 for speech: 45 -> "forty-five".

    Text-to-speech engines read digits unevenly ("30s" as "thirties"), so spoken cues spell out.
    """
    if number < 0 or number >= 1_000_000:
        raise ValueError(f"cannot spell {number}: only 0 to 999999")
    if number < 20:
        return _ONES[number]
    if number < 100:
        tens, ones = divmod(number, 10)
        return _TENS[tens] + (f"-{_ONES[ones]}" if ones else "")
    if number < 1000:
        hundreds, rest = divmod(number, 100)
        return f"{_ONES[hundreds]} hundred" + (f" {number_in_words(rest)}" if rest else "")
    thousands, rest = divmod(number, 1000)
    return f"{number_in_words(thousands)} thousand" + (f" {number_in_words(rest)}" if rest else "")


def seconds_in_words(seconds: float) -> str:
    """A duration for speech, to the nearest second: 90 -> "one minute thirty seconds"."""
    total = round(seconds)
    if total < 0:
        raise ValueError("a duration cannot be negative")
    hours, rest = divmod(total, 3600)
    minutes, secs = divmod(rest, 60)
    parts = [
        _counted(amount, unit)
        for amount, unit in ((hours, "hour"), (minutes, "minute"), (secs, "second"))
        if amount
    ]
    return " ".join(parts) or "zero seconds"


def _counted(amount: int, unit: str) -> str:
    return f"{number_in_words(amount)} {unit}{'' if amount == 1 else 's'}"


def _capitalized(text: str) -> str:
    return text[:1].upper() + text[1:]
