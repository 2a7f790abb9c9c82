"""Progression: the changes suggested to exercises, and the history the rules read.

`core/progression.py` decides; this store keeps each answered suggestion
(`progression_changes`, schema version 6) and reads what the rules look at: one
`ExerciseDay` per exercise per shown session, and the next-morning answers (docs/PROGRESSION.md).
"""

from __future__ import annotations

import sqlite3
from dataclasses import replace
from datetime import date, datetime, timedelta
from typing import Final

from spinecoach.core.progression_history import ExerciseDay, NextMorning
from spinecoach.core.records import (
    ChangeKind,
    ChangeStatus,
    PainContext,
    ProgressionChange,
    SessionRecord,
    SessionStatus,
)
from spinecoach.storage.database.record_store import (
    RecordStore,
    epoch_range,
    inserted_id,
    require_new,
)
from spinecoach.storage.rows import (
    hurt_event_from_row,
    pain_entry_from_row,
    progression_change_from_row,
    progression_change_to_row,
    session_from_row,
)
from spinecoach.storage.timecodec import require_aware, to_epoch

INSERT_CHANGE: Final = (
    "INSERT INTO progression_changes (recorded_at, recorded_at_epoch, routine_id, exercise_id,"
    " kind, from_text, to_text, reason, status) VALUES (:recorded_at, :recorded_at_epoch,"
    " :routine_id, :exercise_id, :kind, :from_text, :to_text, :reason, :status)"
)


class ProgressionStore(RecordStore):
    """Suggested changes and their answers; exercise days and next mornings for the rules."""

    def add_progression_change(self, change: ProgressionChange) -> ProgressionChange:
        """Store an answered suggestion (accepted or declined) and return it with its id."""
        require_new("ProgressionChange", change.id)
        with self._write() as connection:
            cursor = connection.execute(INSERT_CHANGE, progression_change_to_row(change))
            return replace(change, id=inserted_id(cursor))

    def progression_changes(self, start: datetime, end: datetime) -> list[ProgressionChange]:
        """Changes with start <= recorded_at < end, oldest first."""
        low, high = epoch_range(start, end)
        rows = self._read().execute(
            "SELECT * FROM progression_changes WHERE recorded_at_epoch >= ?"
            " AND recorded_at_epoch < ? ORDER BY recorded_at_epoch, id",
            (low, high),
        )
        return [progression_change_from_row(row) for row in rows]

    def declined_since(self, since: datetime) -> list[tuple[str, str, ChangeKind]]:
        """(routine id, exercise id, kind) of every suggestion declined at or after `since`."""
        low = to_epoch(require_aware("since", since))
        rows = self._read().execute(
            "SELECT DISTINCT routine_id, exercise_id, kind FROM progression_changes"
            " WHERE status = ? AND recorded_at_epoch >= ? ORDER BY routine_id, exercise_id, kind",
            (ChangeStatus.DECLINED.value, low),
        )
        return [(str(r[0]), str(r[1]), ChangeKind(r[2])) for r in rows]

    def exercise_days(self, start: datetime, end: datetime) -> list[ExerciseDay]:
        """An ExerciseDay per exercise of each shown finished session started in the range.

        Every exercise done, skipped or hurt counts, oldest session first; the day is the
        session's own local date (its start's offset). Done in full: done and not
        skipped. The pain before and after are the session's own shown scores; `hurt`: "This
        hurts" was pressed on it in that session.
        """
        connection = self._read()
        found: list[ExerciseDay] = []
        for session in _finished_sessions(connection, start, end):
            assert session.id is not None
            before, after = _session_scores(connection, session.id)
            hurts = {
                hurt_event_from_row(row).exercise_id
                for row in connection.execute(
                    "SELECT * FROM hurt_events WHERE session_id = ?", (session.id,)
                )
            }
            seen: list[str] = []
            for exercise_id in (*session.exercises_completed, *session.exercises_skipped, *hurts):
                if exercise_id not in seen:
                    seen.append(exercise_id)
            for exercise_id in seen:
                found.append(
                    ExerciseDay(
                        day=session.started_at.date(),
                        exercise_id=exercise_id,
                        done_in_full=exercise_id in session.exercises_completed
                        and exercise_id not in session.exercises_skipped,
                        pain_before=before,
                        pain_after=after,
                        hurt=exercise_id in hurts,
                    )
                )
        return found

    def next_mornings(self, start: datetime, end: datetime) -> list[NextMorning]:
        """The next-morning answers given in [start, end), oldest first.

        Each is about the day before the one it was given on (its own local date; the question
        is only asked then, core/next_morning.py), set against the score given before that
        day's first shown session (None when it had none).
        """
        connection = self._read()
        low, high = epoch_range(start, end)
        entries = [
            pain_entry_from_row(row)
            for row in connection.execute(
                "SELECT * FROM pain_entries WHERE deleted_at IS NULL AND context = ?"
                " AND recorded_at_epoch >= ? AND recorded_at_epoch < ?"
                " ORDER BY recorded_at_epoch, id",
                (PainContext.NEXT_MORNING.value, low, high),
            )
        ]
        if not entries:
            return []
        earliest = min(e.recorded_at for e in entries) - timedelta(days=2)
        first_before: dict[date, int | None] = {}
        for session in _finished_sessions(connection, earliest, end):
            assert session.id is not None
            day = session.started_at.date()
            if day not in first_before:
                first_before[day] = _session_scores(connection, session.id)[0]
        found = []
        for entry in entries:
            day = entry.recorded_at.date() - timedelta(days=1)
            found.append(NextMorning(day, entry.score, first_before.get(day)))
        return found


def _finished_sessions(
    connection: sqlite3.Connection, start: datetime, end: datetime
) -> list[SessionRecord]:
    low, high = epoch_range(start, end)
    rows = connection.execute(
        "SELECT * FROM sessions WHERE deleted_at IS NULL AND status <> ?"
        " AND started_at_epoch >= ? AND started_at_epoch < ? ORDER BY started_at_epoch, id",
        (SessionStatus.IN_PROGRESS.value, low, high),
    )
    return [session_from_row(row) for row in rows]


def _session_scores(
    connection: sqlite3.Connection, session_id: int
) -> tuple[int | None, int | None]:
    before: int | None = None
    after: int | None = None
    for row in connection.execute(
        "SELECT * FROM pain_entries WHERE session_id = ? AND deleted_at IS NULL"
        " ORDER BY recorded_at_epoch, id",
        (session_id,),
    ):
        entry = pain_entry_from_row(row)
        if entry.context is PainContext.BEFORE and before is None:
            before = entry.score
        elif entry.context is PainContext.AFTER:
            after = entry.score
    return before, after
