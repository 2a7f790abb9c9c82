"""The health records SpineCoach keeps: pain scores, exercise sessions and "this hurts" events.

They are plain frozen data so every layer (UI, storage, reports) can pass them around without
worrying that someone else changes them. Each record checks itself on creation: a record that
exists is valid, so a bad value is refused where it is entered, with a message naming the field,
instead of surfacing later as a puzzling row in the user's history.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import Final, Literal, get_args

MAX_NOTE_LENGTH: Final = 1000
MIN_PAIN_SCORE: Final = 0
MAX_PAIN_SCORE: Final = 10

Feeling = Literal["easier", "same", "harder"]
"""How the session felt compared with last time, as the user answers it at the end."""

HurtAction = Literal["skipped", "ended", "continued"]
"""What the user chose after pressing "this hurts": skip that exercise, end the session, or carry
on gently ("continued", from schema version 4)."""

FEELINGS: Final[tuple[Feeling, ...]] = get_args(Feeling)


def as_feeling(value: str | None) -> Feeling | None:
    """The stored word for a feeling, or None when `value` is not one of them."""
    for feeling in FEELINGS:
        if value == feeling:
            return feeling
    return None


HURT_ACTIONS: Final[tuple[HurtAction, ...]] = get_args(HurtAction)


class PainContext(StrEnum):
    """When a pain score was given; scores are only comparable within the same context."""

    BEFORE = "before"
    AFTER = "after"
    CHECK_IN = "check-in"
    #: The morning after a session: how the back is compared with before that session (from
    #: schema version 6; see core/next_morning.py).
    NEXT_MORNING = "next-morning"


class ReminderAction(StrEnum):
    """What happened to a stand-up reminder; the words are stored as they are."""

    SHOWN = "shown"
    SNOOZED = "snoozed"
    SNOOZE_REFUSED = "snooze-refused"
    SKIPPED = "skipped"
    BREAK_STARTED = "break-started"
    DISMISSED = "dismissed"


MAX_REMINDER_DETAIL_LENGTH: Final = 200


@dataclass(frozen=True, kw_only=True)
class ReminderLogEntry:
    """One line of the reminder log: e.g. skipped, detail "in_pain"; snoozed, detail "10"."""

    id: int | None = None
    recorded_at: datetime
    action: ReminderAction
    detail: str = ""

    def __post_init__(self) -> None:
        _check_optional_id("ReminderLogEntry.id", self.id)
        _check_aware("ReminderLogEntry.recorded_at", self.recorded_at)
        _check_enum("ReminderLogEntry.action", self.action, ReminderAction)
        if not isinstance(self.detail, str) or len(self.detail) > MAX_REMINDER_DETAIL_LENGTH:
            raise ValueError(
                f"ReminderLogEntry.detail must be text of at most {MAX_REMINDER_DETAIL_LENGTH} "
                f"characters, got {self.detail!r}"
            )


class SessionStatus(StrEnum):
    """How an exercise session ended (or that it has not ended yet)."""

    IN_PROGRESS = "in-progress"
    COMPLETED = "completed"
    INCOMPLETE = "incomplete"
    STOPPED = "stopped"


@dataclass(frozen=True, kw_only=True)
class PainEntry:
    """One pain score as the user gave it; recorded_at keeps the user's own UTC offset."""

    id: int | None = None
    recorded_at: datetime
    score: int
    context: PainContext
    note: str = ""
    session_id: int | None = None

    def __post_init__(self) -> None:
        _check_optional_id("PainEntry.id", self.id)
        _check_aware("PainEntry.recorded_at", self.recorded_at)
        if not _is_int(self.score) or not MIN_PAIN_SCORE <= self.score <= MAX_PAIN_SCORE:
            raise ValueError(
                f"PainEntry.score must be a whole number from {MIN_PAIN_SCORE} to "
                f"{MAX_PAIN_SCORE}, got {self.score!r}"
            )
        _check_enum("PainEntry.context", self.context, PainContext)
        _check_note("PainEntry.note", self.note)
        _check_optional_id("PainEntry.session_id", self.session_id)


@dataclass(frozen=True, kw_only=True)
class SessionRecord:
    """One run through a routine, including how far the user got.

    ended_at may be missing on an INCOMPLETE session: when the app stopped mid-session we do not
    know when the user actually stopped, and inventing a time would misstate how long they
    exercised. ended_at is deliberately not required to be after started_at, because a clock
    correction during a session must not make the user's finished session impossible to save.
    """

    id: int | None = None
    routine_id: str
    routine_name: str
    started_at: datetime
    ended_at: datetime | None = None
    exercises_completed: tuple[str, ...] = ()
    exercises_total: int
    status: SessionStatus = SessionStatus.IN_PROGRESS
    #: Exercises left for the next one before they were done ("Next exercise", or "This hurts"
    #: and skip), in the order skipped; from schema version 4. Never counted as done.
    exercises_skipped: tuple[str, ...] = ()
    feeling: Feeling | None = None
    note: str = ""

    def __post_init__(self) -> None:
        _check_optional_id("SessionRecord.id", self.id)
        _check_text("SessionRecord.routine_id", self.routine_id)
        _check_text("SessionRecord.routine_name", self.routine_name)
        _check_aware("SessionRecord.started_at", self.started_at)
        if self.ended_at is not None:
            _check_aware("SessionRecord.ended_at", self.ended_at)
        self._check_exercises()
        _check_enum("SessionRecord.status", self.status, SessionStatus)
        self._check_status_fits()
        if self.feeling is not None and self.feeling not in FEELINGS:
            raise ValueError(
                f"SessionRecord.feeling must be one of {', '.join(FEELINGS)} or None, "
                f"got {self.feeling!r}"
            )
        _check_note("SessionRecord.note", self.note)

    def _check_exercises(self) -> None:
        if not _is_int(self.exercises_total) or self.exercises_total < 1:
            raise ValueError(
                f"SessionRecord.exercises_total must be a whole number of at least 1, "
                f"got {self.exercises_total!r}"
            )
        if not isinstance(self.exercises_completed, tuple):
            raise ValueError(
                "SessionRecord.exercises_completed must be a tuple of exercise ids, "
                f"got {type(self.exercises_completed).__name__}"
            )
        for exercise_id in self.exercises_completed:
            _check_text("SessionRecord.exercises_completed item", exercise_id)
        if len(self.exercises_completed) > self.exercises_total:
            raise ValueError(
                f"SessionRecord has {len(self.exercises_completed)} exercises completed but the "
                f"routine only has {self.exercises_total}"
            )
        if not isinstance(self.exercises_skipped, tuple):
            raise ValueError(
                "SessionRecord.exercises_skipped must be a tuple of exercise ids, "
                f"got {type(self.exercises_skipped).__name__}"
            )
        for exercise_id in self.exercises_skipped:
            _check_text("SessionRecord.exercises_skipped item", exercise_id)
        if len(self.exercises_skipped) > self.exercises_total:
            raise ValueError(
                f"SessionRecord has {len(self.exercises_skipped)} exercises skipped but the "
                f"routine only has {self.exercises_total}"
            )

    def _check_status_fits(self) -> None:
        in_progress = self.status is SessionStatus.IN_PROGRESS
        if in_progress and (self.ended_at is not None or self.feeling is not None):
            raise ValueError("an in-progress SessionRecord cannot have ended_at or feeling set")
        must_have_end = self.status in (SessionStatus.COMPLETED, SessionStatus.STOPPED)
        if must_have_end and self.ended_at is None:
            raise ValueError(f"a {self.status.value} SessionRecord needs ended_at")


@dataclass(frozen=True, kw_only=True)
class HurtEvent:
    """The user pressed "this hurts" during an exercise, and what they chose to do about it."""

    id: int | None = None
    session_id: int
    exercise_id: str
    recorded_at: datetime
    action: HurtAction

    def __post_init__(self) -> None:
        _check_optional_id("HurtEvent.id", self.id)
        _check_id("HurtEvent.session_id", self.session_id)
        _check_text("HurtEvent.exercise_id", self.exercise_id)
        _check_aware("HurtEvent.recorded_at", self.recorded_at)
        if self.action not in HURT_ACTIONS:
            raise ValueError(
                f"HurtEvent.action must be one of {', '.join(HURT_ACTIONS)}, got {self.action!r}"
            )


@dataclass(frozen=True, kw_only=True)
class CustomRoutine:
    """A routine the user built, kept as the same TOML text as a shipped routine file.

    Only TOML syntax is checked here; whether the routine makes sense is the library loader's
    job, so a routine written by a newer app version can still be kept and shown.
    """

    id: str
    name: str
    body: str
    created_at: datetime
    updated_at: datetime
    #: The routine this one was copied or eased from (a shipped, own or programme routine id);
    #: from schema version 5.
    based_on: str | None = None
    #: Set on an eased copy of a programme's routine: the StoredProgramme it belongs to, so
    #: removing the programme removes the copy too (never the sessions done with it).
    programme_id: str | None = None

    def __post_init__(self) -> None:
        _check_text("CustomRoutine.id", self.id)
        _check_text("CustomRoutine.name", self.name)
        _check_toml("CustomRoutine.body", self.body)
        _check_aware("CustomRoutine.created_at", self.created_at)
        _check_aware("CustomRoutine.updated_at", self.updated_at)
        if self.based_on is not None:
            _check_text("CustomRoutine.based_on", self.based_on)
        if self.programme_id is not None:
            _check_text("CustomRoutine.programme_id", self.programme_id)


@dataclass(frozen=True, kw_only=True)
class StoredProgramme:
    """A programme file from a clinician, kept as the TOML text it was imported as.

    Like CustomRoutine only the TOML syntax is checked here: what the programme says is the
    programme parser's job (core/programme), so a file a newer SpineCoach imported is still
    kept. At most one programme is active; it drives the Library, reminders and adherence.
    """

    id: str
    title: str
    prescribed_by: str
    body: str
    file_name: str
    imported_at: datetime
    active: bool = False

    def __post_init__(self) -> None:
        _check_text("StoredProgramme.id", self.id)
        _check_text("StoredProgramme.title", self.title)
        if not isinstance(self.prescribed_by, str):
            raise ValueError(
                f"StoredProgramme.prescribed_by must be text, got {type(self.prescribed_by)}"
            )
        _check_toml("StoredProgramme.body", self.body)
        if not isinstance(self.file_name, str):
            raise ValueError(f"StoredProgramme.file_name must be text, got {type(self.file_name)}")
        _check_aware("StoredProgramme.imported_at", self.imported_at)
        if not isinstance(self.active, bool):
            raise ValueError(f"StoredProgramme.active must be True or False, got {self.active!r}")


class ChangeKind(StrEnum):
    """One step of a dosage change (docs/PROGRESSION.md): up three ways, back three ways."""

    MORE_REPS = "more-reps"
    LONGER_HOLD = "longer-hold"  # also a longer timed block (a walk)
    HARDER = "harder"  # the exercise's harder version in its place
    LESS = "less"  # fewer repetitions, or a shorter timed block
    SHORTER_HOLD = "shorter-hold"
    EASIER = "easier"  # the exercise's easier version in its place

    @property
    def moves_up(self) -> bool:
        """True for the three steps up."""
        return self in (ChangeKind.MORE_REPS, ChangeKind.LONGER_HOLD, ChangeKind.HARDER)


class ChangeStatus(StrEnum):
    """What the person answered to a suggested change."""

    ACCEPTED = "accepted"
    DECLINED = "declined"


MAX_CHANGE_TEXT_LENGTH: Final = 1000


@dataclass(frozen=True, kw_only=True)
class ProgressionChange:
    """A suggested change to an exercise in a routine and the answer (from schema version 6).

    `from_text` and `to_text` say the dosage or exercise before and after in words as shown
    ("10 reps, 3 s hold", "Marching bridge"); `reason` is the explanation the person read.
    Declined suggestions are kept too: one is not made again for 14 days.
    """

    id: int | None = None
    recorded_at: datetime
    routine_id: str
    exercise_id: str
    kind: ChangeKind
    from_text: str
    to_text: str
    reason: str
    status: ChangeStatus

    def __post_init__(self) -> None:
        _check_optional_id("ProgressionChange.id", self.id)
        _check_aware("ProgressionChange.recorded_at", self.recorded_at)
        _check_text("ProgressionChange.routine_id", self.routine_id)
        _check_text("ProgressionChange.exercise_id", self.exercise_id)
        _check_enum("ProgressionChange.kind", self.kind, ChangeKind)
        for name in ("from_text", "to_text", "reason"):
            value = getattr(self, name)
            if not isinstance(value, str) or len(value) > MAX_CHANGE_TEXT_LENGTH:
                raise ValueError(
                    f"ProgressionChange.{name} must be text of at most "
                    f"{MAX_CHANGE_TEXT_LENGTH} characters, got {value!r}"
                )
        _check_enum("ProgressionChange.status", self.status, ChangeStatus)


def _check_toml(field: str, value: object) -> None:
    if not isinstance(value, str):
        raise ValueError(f"{field} must be TOML text, got {type(value)}")
    import tomllib  # only routines and programmes need it; keeps start-up light

    try:
        tomllib.loads(value)
    except tomllib.TOMLDecodeError as exc:
        raise ValueError(f"{field} is not valid TOML: {exc}") from exc


def _is_int(value: object) -> bool:
    # bool is an int subclass; True as a pain score or an id is always a bug.
    return isinstance(value, int) and not isinstance(value, bool)


def _check_id(field: str, value: object) -> None:
    if isinstance(value, bool) or not isinstance(value, int) or value <= 0:
        raise ValueError(f"{field} must be a positive whole number, got {value!r}")


def _check_optional_id(field: str, value: object) -> None:
    if value is not None:
        _check_id(field, value)


def _check_aware(field: str, value: object) -> None:
    if not isinstance(value, datetime):
        raise ValueError(f"{field} must be a datetime, got {type(value).__name__}")
    offset = value.utcoffset()
    if offset is None:
        raise ValueError(
            f"{field} must include a time zone (an aware datetime); got the naive {value}"
        )
    if offset.microseconds:
        # No real time zone has one, and ISO 8601 text cannot carry it back faithfully.
        raise ValueError(f"{field} has a UTC offset with a fraction of a second: {offset}")


def _check_text(field: str, value: object) -> None:
    if not isinstance(value, str) or not value.strip():
        raise ValueError(f"{field} must be non-empty text, got {value!r}")


def _check_note(field: str, value: object) -> None:
    if not isinstance(value, str):
        raise ValueError(f"{field} must be text, got {type(value).__name__}")
    if len(value) > MAX_NOTE_LENGTH:
        raise ValueError(f"{field} is {len(value)} characters long; the limit is {MAX_NOTE_LENGTH}")


def _check_enum(field: str, value: object, kind: type[StrEnum]) -> None:
    if not isinstance(value, kind):
        allowed = ", ".join(f"{kind.__name__}.{member.name}" for member in kind)
        raise ValueError(f"{field} must be one of {allowed}, got {value!r}")
