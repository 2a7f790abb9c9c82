"""A routine unrolled into timed phases, and the words each phase shows.

The session engine (`core/session.py`) only walks the list built here. Every rule about what
happens when -- get-ready, holds, releases, rests, switching sides, the pause between exercises --
lives in this module, so those rules are tested without a clock and the player shows exactly what
the engine plays. What is said as a phase begins or ends (its cues) is `core.cues`.

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
- "+15 s" (`core.cues.extend_refusal`) lengthens what a person holds or keeps doing -- a hold of
  `LONG_HOLD_SECONDS` or more, a timed block -- and the time to get set (get ready, next up,
  switch sides, a rest between sets). It never stretches the beat of a repetition (a 2-s shrug
  would become a 17-s one while its caption still says "Hold for two seconds"), a movement done
  in reps (shoulder rolls) or the release between reps. When it lengthens a phase the caption
  says the new time (`core.cues.extended_caption`), so what is shown and announced stays true.
- Every word shown or spoken is a `Message` (English default beside the code, `core.messages`);
  `build_timeline(..., words)` gives each phase the catalog of the person's language, and the
  phase and its cues speak from it. English numbers are spelt out for speech ("thirty
  seconds", `core.spoken_numbers`); a catalog may write digits instead where its speech engines
  read them well.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from enum import StrEnum

from spinecoach.core.exercise import (
    LIMITED_FIELDS,
    Dosage,
    Exercise,
    Motion,
    Position,
    Routine,
    RoutineItem,
    SideMeaning,
)
from spinecoach.core.messages import ENGLISH, Message, Messages
from spinecoach.core.session_settings import DEFAULT_SETTINGS, SessionSettings


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

#: The whole sentence while the player waits for a change of position, one per position (a
#: language may need the verb last: "sobald Sie auf dem Rücken liegen").
_POSITION_PROMPTS = {
    position: Message(
        f"timeline.position-prompt.{position.value.replace(' ', '-')}",
        f"Press Start when you are {words}",
    )
    for position, words in POSITION_WORDS.items()
}

#: Each side in each exercise's words; whole phrases, as other languages inflect them.
_SIDE_ENGLISH = {
    SideMeaning.LEG: "{} leg",
    SideMeaning.ARM: "{} arm",
    SideMeaning.TURN: "turning to the {}",
    SideMeaning.KNEES: "knees to the {}",
    SideMeaning.BEND: "bending to the {}",
    SideMeaning.TILT: "{} ear down",
    None: "{} side",
}
_SIDE_WORDS = {
    (meaning, side): Message(
        f"timeline.side.{meaning or 'none'}.{side}", template.format(side.value)
    )
    for meaning, template in _SIDE_ENGLISH.items()
    for side in Side
}


def side_phrase(meaning: SideMeaning | None, side: Side, words: Messages = ENGLISH) -> str:
    """What a side means for this exercise, in words: "left leg", "turning to the right".

    A bare "left side" is ambiguous for twists and side bends; the exercise file says what its
    side names (`side_means`), and the drawing is mirrored to match (`shows_side`).
    """
    return words.text(_SIDE_WORDS[meaning, side])


_LABELS = {
    PhaseKind.GET_READY: Message("timeline.phase.get-ready", "Get ready"),
    PhaseKind.HOLD: Message("timeline.phase.hold", "Hold"),
    PhaseKind.RELEASE: Message("timeline.phase.release", "Release"),
    PhaseKind.REST: Message("timeline.phase.rest", "Rest"),
    PhaseKind.SWITCH_SIDES: Message("timeline.phase.switch-sides", "Switch sides"),
    PhaseKind.NEXT_UP: Message("timeline.phase.next-up", "Next up"),
    PhaseKind.FINISHED: Message("timeline.phase.finished", "Well done"),
}
_KEEP_GOING = Message("timeline.phase.keep-going", "Keep going")
_MOVE = Message("timeline.phase.move", "Move")

_TIMED_BLOCK = Message("timeline.counter.timed-block", "Timed block")
_SET = Message("timeline.counter.set", "Set {set} of {sets}")
_REP_IN_SET = Message("timeline.counter.rep-in-set", "rep {rep} of {reps}")
_REP = Message("timeline.counter.rep", "Rep {rep} of {reps}")
_NEXT_SET = Message("timeline.counter.next-set", "Next: set {set} of {sets}")
_SIDE_FIRST = Message("timeline.counter.side-first", "{side} first")
_SIDE_NEXT = Message("timeline.counter.side-next", "{side} next")


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
    #: The language the phase and its cues speak (not part of what the phase *is*).
    words: Messages = field(default=ENGLISH, compare=False, repr=False)

    @property
    def label(self) -> str:
        """The phase word the player shows in large type ("Move" for shoulder rolls, not "Hold")."""
        if self.kind is PhaseKind.HOLD and self.timed_block:
            return self.words.text(_KEEP_GOING)
        if self.kind is PhaseKind.HOLD and self.exercise.motion is Motion.MOVE:
            return self.words.text(_MOVE)
        return self.words.text(_LABELS[self.kind])

    @property
    def side_text(self) -> str:
        """The side in this exercise's words ("left leg"), or "" for a one-sided exercise."""
        if self.side is None:
            return ""
        return side_phrase(self.exercise.side_means, self.side, self.words)

    @property
    def waits_for_person(self) -> bool:
        """True when the player starts this phase paused: the person changes position first."""
        return self.transition_to is not None

    @property
    def position_prompt(self) -> str:
        """The words while waiting ("Press Start when you are lying on your back"), else ""."""
        if self.transition_to is None:
            return ""
        return self.words.text(_POSITION_PROMPTS[self.transition_to])

    @property
    def counter_text(self) -> str:
        """Where the person is within the exercise, e.g. "Rep 4 of 10 · left side"."""
        side = self.side_text
        say = self.words.text
        parts: list[str] = []
        match self.kind:
            case PhaseKind.HOLD | PhaseKind.RELEASE if self.timed_block:
                parts = [say(_TIMED_BLOCK), side]
            case PhaseKind.HOLD | PhaseKind.RELEASE:
                if self.sets > 1:
                    parts.append(say(_SET, set=self.set, sets=self.sets))
                    if self.reps > 1:
                        parts.append(say(_REP_IN_SET, rep=self.rep, reps=self.reps))
                elif self.reps > 1:
                    parts.append(say(_REP, rep=self.rep, reps=self.reps))
                parts.append(side)
            case PhaseKind.REST:
                parts = [say(_NEXT_SET, set=self.set, sets=self.sets), side]
            case PhaseKind.GET_READY | PhaseKind.NEXT_UP:
                parts = [say(_SIDE_FIRST, side=side) if side else ""]
            case PhaseKind.SWITCH_SIDES:
                parts = [say(_SIDE_NEXT, side=side) if side else ""]
            case PhaseKind.FINISHED:
                parts = []
        return _capitalized(" · ".join(part for part in parts if part))


def build_timeline(
    routine: Routine, settings: SessionSettings = DEFAULT_SETTINGS, words: Messages = ENGLISH
) -> tuple[Phase, ...]:
    """Unroll `routine` into the phases the engine plays, ending with FINISHED.

    `words` is the language every phase and cue speaks (`Library.words` of the library the
    routine came from; English by default).
    """
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
            kind, seconds = PhaseKind.GET_READY, settings.get_ready_seconds
        else:
            kind, seconds = PhaseKind.NEXT_UP, changeover
        phases.append(_intro(item, index, kind, seconds, transition, words))
        phases.extend(_working_phases(item, index, settings, words))
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
            words=words,
        )
    )
    return tuple(phases)


def _reps(item: RoutineItem) -> int:
    return 0 if item.dosage.is_timed_block else item.dosage.reps


def item_sides(item: RoutineItem) -> tuple[Side | None, ...]:
    """The sides `item` is played on, in order: left then right, one prescribed side, or none."""
    if not item.exercise.two_sided:
        return (None,)
    if item.only_side is not None:
        return (Side(item.only_side.value),)
    return (Side.LEFT, Side.RIGHT)


def clamped_dosage(exercise: Exercise) -> Dosage:
    """`exercise`'s own dosage, each field kept within its stated range (`Exercise.limits`)."""
    dosage = exercise.dosage
    changes: dict[str, int] = {}
    for name in LIMITED_FIELDS:
        value = getattr(dosage, name)
        if value is None:
            continue
        low, high = exercise.limits.range_of(name, value)
        if not low <= value <= high:
            changes[name] = min(high, max(low, value))
    return replace(dosage, **changes) if changes else dosage


def easier_item(item: RoutineItem, easier: Exercise) -> RoutineItem:
    """`item` done as `easier` instead: its own dosage (within its limits), the same side and note.

    A side prescribed for a two-sided exercise stays prescribed when the easier one has sides.
    """
    only_side = item.only_side if easier.two_sided else None
    return RoutineItem(easier, clamped_dosage(easier), only_side=only_side, note=item.note)


def with_item_swapped(routine: Routine, index: int, exercise: Exercise) -> Routine:
    """`routine` with item `index` done as `exercise` (`easier_item`); every other item as it was.

    "Make it easier" in the player plays the rest of the session from this routine
    (`SessionEngine.continue_with`); kept, it becomes the person's own routine.
    """
    if not 0 <= index < len(routine.items):
        raise IndexError(f"routine {routine.id!r} has no item {index}")
    items = list(routine.items)
    items[index] = easier_item(items[index], exercise)
    return replace(routine, items=tuple(items))


def _intro(
    item: RoutineItem,
    index: int,
    kind: PhaseKind,
    seconds: int,
    transition_to: Position | None,
    words: Messages,
) -> Phase:
    timed = item.dosage.is_timed_block
    return Phase(
        kind=kind,
        seconds=float(seconds),
        item_index=index,
        exercise=item.exercise,
        side=item_sides(item)[0],
        rep=0,
        reps=_reps(item),
        set=1,
        sets=1 if timed else item.dosage.sets,
        counts_toward_dosage=False,
        timed_block=timed,
        transition_to=transition_to,
        words=words,
    )


def _working_phases(
    item: RoutineItem, index: int, settings: SessionSettings, words: Messages
) -> list[Phase]:
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
                words=words,
            )
        )

    for side_number, side in enumerate(item_sides(item)):
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


def _capitalized(text: str) -> str:
    return text[:1].upper() + text[1:]
