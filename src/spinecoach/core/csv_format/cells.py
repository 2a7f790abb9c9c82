"""One cell read as a value, or a RowError in words a person editing the file can act on."""

from __future__ import annotations

import re
from datetime import datetime
from typing import Final

from spinecoach.core.csv_format.cell_text import NOTE_CONTROLS, is_control, unprotect_text
from spinecoach.core.csv_format.columns import (
    EARLIEST_TIME,
    EXERCISE_SEPARATOR,
    MAX_EXERCISES,
    MAX_ID_LENGTH,
    SESSION_KIND,
)
from spinecoach.core.records import (
    FEELINGS,
    HURT_ACTIONS,
    MAX_NOTE_LENGTH,
    MAX_PAIN_SCORE,
    MIN_PAIN_SCORE,
    Feeling,
    HurtAction,
    PainContext,
    SessionStatus,
    as_feeling,
)

_SHOWN_LENGTH: Final = 40
"""Longest cell quoted in a problem message; a longer one is cut with an ellipsis."""

_WHOLE_NUMBER = re.compile(r"[0-9]+")
_EXAMPLE_TIME: Final = "2026-11-22T09:30:00+01:00"


class RowError(ValueError):
    """One row cannot become a record; the message says why, for the person editing the file."""


def parse_time(column: str, text: str, latest: datetime) -> datetime:
    """A moment with its UTC offset, from 1970 up to (not including) `latest`."""
    text = text.strip()
    if not text:
        raise RowError(f"{column} is empty; write it like {_EXAMPLE_TIME}")
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        raise RowError(
            f"{column} {quoted(text)} is not an ISO 8601 date and time like {_EXAMPLE_TIME}"
        ) from None
    offset = moment.utcoffset()
    if offset is None:
        raise RowError(
            f"{column} {quoted(text)} has no UTC offset, so the moment is ambiguous; add it, "
            f"as in {_EXAMPLE_TIME} (or Z for UTC)"
        )
    if offset.microseconds:
        raise RowError(f"{column} {quoted(text)} has a UTC offset with a fraction of a second")
    # Aware datetimes compare as moments, without building a new datetime, so even
    # 9999-12-31T23:59:59-05:00 (past the last year datetime holds, in UTC) compares safely.
    if moment < EARLIEST_TIME:
        raise RowError(
            f"{column} {quoted(text)} is before {EARLIEST_TIME:%Y-%m-%d}; SpineCoach holds "
            "nothing that old (is the year right?)"
        )
    if moment >= latest:
        raise RowError(
            f"{column} {quoted(text)} is in the future (not before "
            f"{latest.isoformat(timespec='seconds')}, a day after this import); is the year "
            "right?"
        )
    return moment


def session_start(time_text: str, started_text: str, latest: datetime) -> datetime:
    """A session row's start: `started`, or `time` when only that is filled; both must agree."""
    time_text, started_text = time_text.strip(), started_text.strip()
    if not time_text and not started_text:
        raise RowError(f"started is empty; write the session's start like {_EXAMPLE_TIME}")
    started = parse_time("started", started_text, latest) if started_text else None
    at = parse_time("time", time_text, latest) if time_text else None
    if started is not None and at is not None and started != at:
        raise RowError(
            f"time {quoted(time_text)} and started {quoted(started_text)} differ; on a session "
            "row both are the moment it started"
        )
    result = started if started is not None else at
    assert result is not None
    return result


def parse_score(text: str) -> int:
    """A pain score: a whole number within the scale."""
    text = text.strip()
    if not text:
        raise RowError(f"score is empty; a pain row needs a score from {MIN_PAIN_SCORE} to 10")
    score = _whole_number(text)
    if score is None:
        raise RowError(
            f"score {quoted(text)} is not a whole number from {MIN_PAIN_SCORE} to {MAX_PAIN_SCORE}"
        )
    if not MIN_PAIN_SCORE <= score <= MAX_PAIN_SCORE:
        raise RowError(
            f"score {_clipped(text)} is out of range; pain scores run from {MIN_PAIN_SCORE} to "
            f"{MAX_PAIN_SCORE}"
        )
    return score


def parse_context(text: str) -> PainContext:
    """When the score was given (one of PainContext's values, any case)."""
    value = text.strip().lower()
    allowed = ", ".join(context.value for context in PainContext)
    if not value:
        raise RowError(f"context is empty; it must be one of {allowed}")
    try:
        return PainContext(value)
    except ValueError:
        raise RowError(
            f"context {quoted(text.strip())} is unknown; it must be one of {allowed}"
        ) from None


def parse_note(cell: str) -> str:
    """A note as written: within MAX_NOTE_LENGTH, no control characters but NOTE_CONTROLS."""
    note = unprotect_text(cell)
    if len(note) > MAX_NOTE_LENGTH:
        raise RowError(f"note is {len(note)} characters long; the limit is {MAX_NOTE_LENGTH}")
    for index, character in enumerate(note):
        if character == "\r" and note[index + 1 : index + 2] == "\n":
            continue  # a Windows line break
        if is_control(character) and character not in NOTE_CONTROLS:
            raise RowError(_control_message("note", character, index))
    return note


def parse_text(column: str, cell: str, limit: int, kind: str = SESSION_KIND) -> str:
    """An id or a name: not empty, not too long, no control characters."""
    text = unprotect_text(cell)
    if not text.strip():
        raise RowError(f"{column} is empty; a {kind} row needs it")
    _check_text(column, text, limit)
    return text


def parse_ref(cell: str) -> str:
    """A session_ref ("" for none): trimmed, within MAX_ID_LENGTH, no control characters."""
    ref = unprotect_text(cell).strip()
    _check_text("session_ref", ref, MAX_ID_LENGTH)
    return ref


def parse_exercises(cell: str, column: str = "exercises_completed") -> tuple[str, ...]:
    """Exercise ids (done, or skipped), separated by EXERCISE_SEPARATOR; empty parts dropped."""
    parts = (part.strip() for part in unprotect_text(cell).split(EXERCISE_SEPARATOR))
    exercises = tuple(part for part in parts if part)
    for exercise_id in exercises:
        _check_text(column, exercise_id, MAX_ID_LENGTH, " has an exercise id that")
    return exercises


def _check_text(column: str, text: str, limit: int, what: str = "") -> None:
    if len(text) > limit:
        raise RowError(f"{column}{what} is {len(text)} characters long; the limit is {limit}")
    for index, character in enumerate(text):
        if is_control(character):
            raise RowError(_control_message(column, character, index))


def _control_message(column: str, character: str, index: int) -> str:
    return (
        f"{column} holds the control character U+{ord(character):04X} at character "
        f"{index + 1}; remove it (only a note may hold tabs and line breaks)"
    )


def parse_total(text: str) -> int:
    """exercises_total: a whole number from 1 to MAX_EXERCISES."""
    text = text.strip()
    total = _whole_number(text)
    if total is None or total < 1:
        shown = quoted(text) if text else "empty"
        raise RowError(f"exercises_total is {shown}; it must be a whole number of at least 1")
    if total > MAX_EXERCISES:
        raise RowError(
            f"exercises_total is {_clipped(text)}; a routine has at most {MAX_EXERCISES} exercises"
        )
    return total


def _whole_number(text: str) -> int | None:
    """`text` as a whole number (ASCII digits only), or None.

    More than 18 significant digits read as 10**18: far out of every range checked here, and
    int() refuses strings of over 4,300 digits with a ValueError of its own.
    """
    if not _WHOLE_NUMBER.fullmatch(text):
        return None
    digits = text.lstrip("0") or "0"
    return int(digits) if len(digits) <= 18 else 10**18


def parse_status(text: str) -> SessionStatus:
    """A session's status (any case); `in_progress` reads as `incomplete`."""
    value = text.strip().lower()
    if value == SessionStatus.IN_PROGRESS.value:
        # Not running in this app: import it as what it now is, unfinished.
        return SessionStatus.INCOMPLETE
    allowed = ", ".join(status.value for status in SessionStatus)
    try:
        return SessionStatus(value)
    except ValueError:
        shown = quoted(text.strip()) if value else "empty"
        raise RowError(f"status is {shown}; it must be one of {allowed}") from None


def parse_feeling(text: str) -> Feeling | None:
    """How the session felt, or None for an empty cell."""
    value = text.strip().lower()
    if not value:
        return None
    feeling = as_feeling(value)
    if feeling is not None:
        return feeling
    allowed = ", ".join(FEELINGS)
    raise RowError(
        f"feeling {quoted(text.strip())} is unknown; it must be one of {allowed}, or empty"
    )


def parse_hurt_action(text: str) -> HurtAction:
    """What the person chose after "this hurts" (one of HURT_ACTIONS, any case)."""
    value = text.strip().lower()
    allowed = ", ".join(HURT_ACTIONS)
    for action in HURT_ACTIONS:
        if value == action:
            return action
    shown = quoted(text.strip()) if value else "empty"
    raise RowError(f"action is {shown}; on a hurt row it must be one of {allowed}")


def _clipped(text: str) -> str:
    """A cell short enough to quote in a message (a 5,000-character cell would flood it)."""
    return text if len(text) <= _SHOWN_LENGTH else text[: _SHOWN_LENGTH - 1] + "…"


def quoted(text: str) -> str:
    """A cell quoted for a problem message, cut short when long."""
    return repr(_clipped(text))
