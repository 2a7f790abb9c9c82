"""The exercise and routine model: plain, immutable data with the timing rules in one place."""

from __future__ import annotations

from dataclasses import dataclass, replace
from enum import StrEnum


class Category(StrEnum):
    """What kind of work an exercise is."""

    STRETCH = "stretch"
    STRENGTH = "strength"
    MOBILITY = "mobility"
    POSTURE = "posture"
    CARDIO = "cardio"


class Position(StrEnum):
    """The body position an exercise is done in; it decides whether a floor is needed."""

    LYING_ON_BACK = "lying on back"
    LYING_ON_FRONT = "lying on front"
    SIDE_LYING = "side-lying"
    ALL_FOURS = "all fours"
    KNEELING = "kneeling"
    STANDING = "standing"
    SEATED = "seated"


class Target(StrEnum):
    """The body areas an exercise works."""

    LOWER_BACK = "lower back"
    HIPS = "hips"
    HAMSTRINGS = "hamstrings"
    GLUTES = "glutes"
    CORE = "core"
    UPPER_BACK = "upper back"
    NECK_AND_SHOULDERS = "neck and shoulders"


class Sides(StrEnum):
    """Whether an exercise is done once, or on the left and then the right."""

    NONE = "none"
    BOTH = "both"


class SideMeaning(StrEnum):
    """What "the left side" means for a two-sided exercise (docs/EXERCISE_FORMAT.md).

    A bare "left side" is ambiguous for a twist or a side bend, so every two-sided exercise
    says which part of it the side names, and the player words its announcements after it
    ("left leg", "turn to the left").
    """

    LEG = "leg"  # the working leg is the left leg
    ARM = "arm"  # the working arm is the left arm
    TURN = "turn"  # the chest turns to the left
    KNEES = "knees"  # lying twist: the knees drop to the left
    BEND = "bend"  # the trunk bends to the left
    TILT = "tilt"  # the left ear goes down towards the left shoulder


class SpinalMovement(StrEnum):
    """The main spinal movement an exercise asks for (docs/EXERCISE_FORMAT.md, `movement`).

    A person whose pain is worse in one direction can leave out the exercises that move that
    way; leaning the trunk forward from the hips counts as bending forward.
    """

    BENDING_FORWARD = "bending forward"
    BENDING_BACK = "bending back"
    TWISTING = "twisting"
    SIDE_BENDING = "side-bending"
    NEUTRAL = "neutral"  # the spine is held still while the limbs work


class Motion(StrEnum):
    """Whether the working phase is a still hold or a continuous movement (shoulder rolls)."""

    HOLD = "hold"
    MOVE = "move"


#: Positions that need the person down on a floor, a mat or a bed.
FLOOR_POSITIONS = frozenset(
    {
        Position.LYING_ON_BACK,
        Position.LYING_ON_FRONT,
        Position.SIDE_LYING,
        Position.ALL_FOURS,
        Position.KNEELING,
    }
)


@dataclass(frozen=True, slots=True)
class Dosage:
    """How much of an exercise to do.

    Either repetitions (each a hold then a release, in sets with rest between) or, when
    `duration_seconds` is set, one timed block such as a walk. Ranges are enforced by the
    loader, which can name the offending file and field; this class trusts its inputs.
    """

    reps: int = 1
    hold_seconds: int = 0
    release_seconds: int = 2
    sets: int = 1
    rest_seconds: int = 15
    duration_seconds: int | None = None

    @property
    def is_timed_block(self) -> bool:
        """True for a single continuous block (walking) rather than repetitions."""
        return self.duration_seconds is not None

    def seconds_per_side(self) -> int:
        """Working time for one side, including rests between sets."""
        if self.duration_seconds is not None:
            return self.duration_seconds
        per_set = self.reps * (self.hold_seconds + self.release_seconds)
        return self.sets * per_set + (self.sets - 1) * self.rest_seconds

    def describe(self) -> str:
        """A short human summary such as "3 x 20 s hold" or "10 reps, 3 s hold"."""
        if self.duration_seconds is not None:
            return format_duration(self.duration_seconds)
        if self.reps == 1:
            text = f"hold {self.hold_seconds} s"
        elif self.hold_seconds >= 10:
            text = f"{self.reps} x {self.hold_seconds} s hold"
        else:
            text = f"{self.reps} reps, {self.hold_seconds} s hold"
        if self.sets > 1:
            text = f"{self.sets} sets of {text}"
        return text


#: The dosage fields a range can be stated for, in the order an editor shows them.
LIMITED_FIELDS: tuple[str, ...] = (
    "reps",
    "hold_seconds",
    "sets",
    "rest_seconds",
    "duration_seconds",
)


@dataclass(frozen=True, slots=True)
class OutOfRange:
    """A dosage field outside the exercise's safe range: what, the value, and the range."""

    field: str
    value: int
    low: int
    high: int


@dataclass(frozen=True, slots=True)
class DosageLimits:
    """The safe range of each dosage field for one exercise, as its file states (`[limits]`).

    A field without a stated range may not change from the exercise's own dosage: a routine
    the person builds, or a clinician's programme, stays within what the exercise file says is
    safe. (Ranges come from the exercise's sources; see docs/EXERCISE_FORMAT.md.)
    """

    ranges: tuple[tuple[str, int, int], ...] = ()

    def range_of(self, field: str, default: int) -> tuple[int, int]:
        """The (low, high) of `field`; (default, default) when the file states none."""
        for name, low, high in self.ranges:
            if name == field:
                return low, high
        return default, default

    def problems(self, dosage: Dosage, default: Dosage) -> list[OutOfRange]:
        """Every field of `dosage` outside its range (`default`: the exercise's own dosage)."""
        found = []
        for field in LIMITED_FIELDS:
            value = getattr(dosage, field)
            if value is None:
                continue
            fallback = getattr(default, field)
            low, high = self.range_of(field, value if fallback is None else fallback)
            if not low <= value <= high:
                found.append(OutOfRange(field, value, low, high))
        return found


@dataclass(frozen=True, slots=True)
class Exercise:
    """One exercise from the library, with everything the player and detail view show."""

    id: str
    name: str
    summary: str
    category: Category
    position: Position
    desk_friendly: bool
    difficulty: int
    targets: tuple[Target, ...]
    sides: Sides
    steps: tuple[str, ...]
    cautions: tuple[str, ...]
    image: str
    dosage: Dosage
    breathing: str | None = None
    sources: tuple[str, ...] = ()
    hold_step: int | None = None
    release_step: int | None = None
    motion: Motion = Motion.HOLD
    side_means: SideMeaning | None = None
    #: The safe range of each dosage field (`[limits]` in the file); see `DosageLimits`.
    limits: DosageLimits = DosageLimits()
    #: The main spinal movement it asks for (`movement` in the file).
    movement: SpinalMovement = SpinalMovement.NEUTRAL
    #: The ids of its easier and harder versions (`easier`, `harder`; mutual, see core.chains).
    easier: str | None = None
    harder: str | None = None

    def dosage_problems(self, dosage: Dosage) -> list[OutOfRange]:
        """Where `dosage` leaves this exercise's safe range (empty when it stays inside)."""
        return self.limits.problems(dosage, self.dosage)

    @property
    def hold_index(self) -> int:
        """The 0-based step shown while the position is held (or the movement goes on).

        Shipped files say it (`hold_step`); steps before it are set-up, shown only while the
        person gets ready, so a 20-s hold is 20 s of holding, not of reading.  Without it (test
        builders) the last middle step is taken.
        """
        if self.hold_step is not None:
            return self.hold_step
        return max(0, len(self.steps) - 2)

    @property
    def release_index(self) -> int:
        """The 0-based step shown while coming back: the one after the hold unless stated."""
        if self.release_step is not None:
            return self.release_step
        return min(self.hold_index + 1, len(self.steps) - 1)

    @property
    def on_floor(self) -> bool:
        """True when the exercise is done lying, kneeling or on all fours."""
        return self.position in FLOOR_POSITIONS

    @property
    def two_sided(self) -> bool:
        """True when the exercise is done on the left and then the right."""
        return self.sides is Sides.BOTH

    def total_seconds(self, dosage: Dosage | None = None) -> int:
        """Working time for the whole exercise, both sides included."""
        chosen = dosage or self.dosage
        return chosen.seconds_per_side() * (2 if self.two_sided else 1)

    def dosage_text(self, dosage: Dosage | None = None) -> str:
        """The dosage as a person reads it, with "each side" where it applies."""
        text = (dosage or self.dosage).describe()
        return f"{text}, each side" if self.two_sided else text


class OnlySide(StrEnum):
    """For a two-sided exercise prescribed on one side only (a programme's `side`)."""

    LEFT = "left"
    RIGHT = "right"


@dataclass(frozen=True, slots=True)
class RoutineItem:
    """One step of a routine: an exercise and the dosage this routine asks for.

    `only_side`: a two-sided exercise done on that side alone (a clinician's prescription);
    None plays both sides. `note`: the prescriber's note for this exercise, shown with it.
    """

    exercise: Exercise
    dosage: Dosage
    only_side: OnlySide | None = None
    note: str = ""

    @property
    def seconds(self) -> int:
        """Working time of this item (one side's, when prescribed on one side only)."""
        if self.only_side is not None and self.exercise.two_sided:
            return self.dosage.seconds_per_side()
        return self.exercise.total_seconds(self.dosage)


class RoutineOrigin(StrEnum):
    """Where a routine comes from: it decides whether it can be edited in place."""

    SHIPPED = "shipped"  # from resources/routines: editing makes a copy
    OWN = "own"  # built by the person: edited, renamed and deleted freely
    PROGRAMME = "programme"  # from a clinician's programme file (see `Routine.locked`)


@dataclass(frozen=True, slots=True)
class Routine:
    """A named sequence of exercises, with per-routine dosage already applied."""

    id: str
    name: str
    description: str
    items: tuple[RoutineItem, ...]
    #: Seconds between exercises in this routine, when it asks for its own (a desk break whose
    #: exercises need no change of place); None: the person's "rest between exercises" setting.
    changeover_seconds: int | None = None
    origin: RoutineOrigin = RoutineOrigin.SHIPPED
    #: A programme routine the prescriber locked: played as written; the person may only do
    #: less (fewer reps, shorter holds, fewer sets), never more or other exercises.
    locked: bool = False
    #: The routine this one was copied or eased from (a shipped or programme routine's id).
    based_on: str | None = None

    @property
    def editable_in_place(self) -> bool:
        """True for the person's own routines; shipped and programme ones are copied or eased."""
        return self.origin is RoutineOrigin.OWN

    @property
    def total_seconds(self) -> int:
        """Working time of the whole routine (the player adds get-ready and transitions)."""
        return sum(item.seconds for item in self.items)

    @property
    def desk_friendly(self) -> bool:
        """True when every exercise can be done beside a desk."""
        return all(item.exercise.desk_friendly for item in self.items)

    @property
    def on_floor(self) -> bool:
        """True when any exercise needs the floor (the Floor badge; computed, never typed)."""
        return any(item.exercise.on_floor for item in self.items)

    @property
    def exercise_ids(self) -> tuple[str, ...]:
        """The ids of the exercises in order."""
        return tuple(item.exercise.id for item in self.items)


@dataclass(frozen=True, slots=True)
class Guide:
    """An untimed how-to card (the log roll): steps to read, never a countdown.

    Getting down to the floor and up again is not an exercise to hold for ten seconds; routines
    that use the floor link to it, and the player shows it while the person changes position.
    """

    id: str
    name: str
    summary: str
    position: Position
    steps: tuple[str, ...]
    cautions: tuple[str, ...]
    image: str
    sources: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Source:
    """Where an exercise's facts come from: a seed article or a named public guideline."""

    id: str
    title: str
    publisher: str
    url: str = ""

    def citation(self) -> str:
        """One line for the detail view and the report: "Title (Publisher)"."""
        return f"{self.title} ({self.publisher})" if self.publisher else self.title


def single_exercise_routine(exercise: Exercise) -> Routine:
    """Wrap one exercise so it can be played like any routine."""
    return Routine(
        id=f"exercise:{exercise.id}",
        name=exercise.name,
        description=exercise.summary,
        items=(RoutineItem(exercise=exercise, dosage=exercise.dosage),),
    )


def with_overrides(dosage: Dosage, overrides: dict[str, int]) -> Dosage:
    """Return `dosage` with some fields replaced, as a routine's item asks."""
    if "duration_seconds" in overrides:
        return Dosage(duration_seconds=overrides["duration_seconds"])
    if overrides and dosage.duration_seconds is not None:
        raise ValueError("a timed block can only override duration_seconds")
    return replace(dosage, **overrides)


def format_duration(seconds: int) -> str:
    """Format a duration the way the library shows it: "45 s", "2 min", "1 h 5 min"."""
    if seconds < 60:
        return f"{seconds} s"
    minutes = round(seconds / 60)
    if minutes < 60:
        return f"{minutes} min"
    hours, rest = divmod(minutes, 60)
    return f"{hours} h {rest} min" if rest else f"{hours} h"
