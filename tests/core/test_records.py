"""Records validate themselves on creation, with messages that name the field."""

from __future__ import annotations

import dataclasses
from datetime import UTC, datetime, timedelta, timezone

import pytest

from spinecoach.core.records import (
    MAX_NOTE_LENGTH,
    CustomRoutine,
    HurtEvent,
    PainContext,
    PainEntry,
    SessionRecord,
    SessionStatus,
)

NOW = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
NAIVE = datetime(2026, 3, 2, 9, 0)


def test_enum_values_are_the_stored_words() -> None:
    assert [c.value for c in PainContext] == ["before", "after", "check-in", "next-morning"]
    assert [s.value for s in SessionStatus] == ["in-progress", "completed", "incomplete", "stopped"]


def test_valid_pain_entry_and_defaults() -> None:
    entry = PainEntry(recorded_at=NOW, score=0, context=PainContext.CHECK_IN)
    assert (entry.id, entry.note, entry.session_id) == (None, "", None)
    assert PainEntry(recorded_at=NOW, score=10, context=PainContext.AFTER, note="x" * 1000)


def test_records_are_frozen() -> None:
    entry = PainEntry(recorded_at=NOW, score=3, context=PainContext.BEFORE)
    with pytest.raises(dataclasses.FrozenInstanceError):
        entry.score = 4  # type: ignore[misc]


@pytest.mark.parametrize("score", [-1, 11, True, 3.0, "5", None])
def test_pain_score_must_be_a_whole_number_0_to_10(score: object) -> None:
    with pytest.raises(ValueError, match=r"PainEntry\.score .* 0 to 10"):
        PainEntry(recorded_at=NOW, score=score, context=PainContext.BEFORE)  # type: ignore[arg-type]


def test_naive_time_is_refused_with_a_clear_message() -> None:
    with pytest.raises(ValueError, match=r"PainEntry\.recorded_at must include a time zone"):
        PainEntry(recorded_at=NAIVE, score=3, context=PainContext.BEFORE)


def test_sub_second_utc_offset_is_refused() -> None:
    odd = datetime(2026, 3, 2, tzinfo=timezone(timedelta(microseconds=1)))
    with pytest.raises(ValueError, match="fraction of a second"):
        PainEntry(recorded_at=odd, score=3, context=PainContext.BEFORE)


def test_context_must_be_the_enum() -> None:
    with pytest.raises(ValueError, match=r"PainContext\.BEFORE"):
        PainEntry(recorded_at=NOW, score=3, context="before")  # type: ignore[arg-type]


def test_note_limit() -> None:
    with pytest.raises(ValueError, match=f"limit is {MAX_NOTE_LENGTH}"):
        PainEntry(recorded_at=NOW, score=3, context=PainContext.BEFORE, note="x" * 1001)


@pytest.mark.parametrize("bad_id", [0, -4, True])
def test_ids_are_positive_whole_numbers(bad_id: object) -> None:
    with pytest.raises(ValueError, match="positive whole number"):
        PainEntry(id=bad_id, recorded_at=NOW, score=3, context=PainContext.BEFORE)  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="session_id"):
        PainEntry(recorded_at=NOW, score=3, context=PainContext.BEFORE, session_id=bad_id)  # type: ignore[arg-type]


def _session(**changes: object) -> SessionRecord:
    fields: dict[str, object] = {
        "routine_id": "morning",
        "routine_name": "Morning",
        "started_at": NOW,
        "exercises_total": 3,
    }
    fields.update(changes)
    return SessionRecord(**fields)  # type: ignore[arg-type]


def test_valid_sessions() -> None:
    assert _session().status is SessionStatus.IN_PROGRESS
    assert _session(status=SessionStatus.INCOMPLETE, exercises_completed=("cat-cow",))
    assert _session(
        status=SessionStatus.COMPLETED, ended_at=NOW + timedelta(minutes=10), feeling="same"
    )


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"routine_id": " "}, "routine_id must be non-empty"),
        ({"started_at": NAIVE}, "started_at must include a time zone"),
        ({"ended_at": NAIVE, "status": SessionStatus.STOPPED}, "ended_at must include"),
        ({"exercises_total": 0}, "at least 1"),
        ({"exercises_completed": ["cat-cow"]}, "must be a tuple"),
        ({"exercises_completed": ("a", "b", "c", "d")}, "only has 3"),
        ({"exercises_completed": ("",)}, "exercises_completed item"),
        ({"ended_at": NOW}, "in-progress SessionRecord cannot have ended_at"),
        ({"status": SessionStatus.COMPLETED}, "completed SessionRecord needs ended_at"),
        ({"status": SessionStatus.STOPPED, "ended_at": NOW, "feeling": "worse"}, "feeling"),
        ({"status": "completed", "ended_at": NOW}, "SessionStatus"),
        ({"note": "x" * 1001}, "SessionRecord.note"),
    ],
)
def test_invalid_sessions(changes: dict[str, object], message: str) -> None:
    with pytest.raises(ValueError, match=message):
        _session(**changes)


def test_hurt_event_validation() -> None:
    event = HurtEvent(session_id=1, exercise_id="cat-cow", recorded_at=NOW, action="skipped")
    assert event.action == "skipped"
    with pytest.raises(ValueError, match="skipped, ended"):
        HurtEvent(session_id=1, exercise_id="cat-cow", recorded_at=NOW, action="paused")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match=r"HurtEvent\.session_id"):
        HurtEvent(session_id=None, exercise_id="cat-cow", recorded_at=NOW, action="ended")  # type: ignore[arg-type]


def test_custom_routine_body_must_be_toml() -> None:
    assert CustomRoutine(id="mine", name="Mine", body="a = 1", created_at=NOW, updated_at=NOW)
    with pytest.raises(ValueError, match="not valid TOML"):
        CustomRoutine(id="mine", name="Mine", body="a = ", created_at=NOW, updated_at=NOW)
