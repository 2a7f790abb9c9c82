"""The SQL of every read the History view makes, in one place so a test can check its plans."""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType
from typing import Final

HISTORY_QUERIES: Final[Mapping[str, str]] = MappingProxyType(
    {
        "pain_entries": "SELECT * FROM pain_entries WHERE deleted_at IS NULL"
        " AND recorded_at_epoch >= :low AND recorded_at_epoch < :high"
        " ORDER BY recorded_at_epoch, id",
        "pain_entries_with_deleted": "SELECT * FROM pain_entries"
        " WHERE recorded_at_epoch >= :low AND recorded_at_epoch < :high"
        " ORDER BY recorded_at_epoch, id",
        "sessions": "SELECT * FROM sessions WHERE deleted_at IS NULL"
        " AND started_at_epoch >= :low AND started_at_epoch < :high"
        " ORDER BY started_at_epoch, id",
        "sessions_with_deleted": "SELECT * FROM sessions"
        " WHERE started_at_epoch >= :low AND started_at_epoch < :high"
        " ORDER BY started_at_epoch, id",
        "hurt_counts": "SELECT hurt_events.session_id AS session_id, count(*) AS hurts"
        " FROM sessions JOIN hurt_events ON hurt_events.session_id = sessions.id"
        " WHERE sessions.deleted_at IS NULL"
        " AND sessions.started_at_epoch >= :low AND sessions.started_at_epoch < :high"
        " GROUP BY hurt_events.session_id",
        # Every "this hurts" of the shown sessions started in the range (sorted by the caller:
        # an ORDER BY across the join would sort outside an index).
        "hurt_events": "SELECT hurt_events.* FROM sessions"
        " JOIN hurt_events ON hurt_events.session_id = sessions.id"
        " WHERE sessions.deleted_at IS NULL"
        " AND sessions.started_at_epoch >= :low AND sessions.started_at_epoch < :high",
        # Adherence to a programme: the completed sessions, by start (`+status`: never through
        # the status index, which would read every completed session and sort them).
        "completed_sessions": "SELECT routine_id, started_at FROM sessions"
        " WHERE deleted_at IS NULL AND +status = 'completed'"
        " AND started_at_epoch >= :low AND started_at_epoch < :high"
        " ORDER BY started_at_epoch, id",
        "count_pain_entries": "SELECT count(*) FROM pain_entries WHERE deleted_at IS NULL",
        "count_sessions": "SELECT count(*) FROM sessions WHERE deleted_at IS NULL",
        "first_pain_entry": "SELECT recorded_at AS at, recorded_at_epoch AS epoch"
        " FROM pain_entries WHERE deleted_at IS NULL ORDER BY recorded_at_epoch LIMIT 1",
        "last_pain_entry": "SELECT recorded_at AS at, recorded_at_epoch AS epoch"
        " FROM pain_entries WHERE deleted_at IS NULL ORDER BY recorded_at_epoch DESC LIMIT 1",
        "first_session": "SELECT started_at AS at, started_at_epoch AS epoch"
        " FROM sessions WHERE deleted_at IS NULL ORDER BY started_at_epoch LIMIT 1",
        "last_session": "SELECT started_at AS at, started_at_epoch AS epoch"
        " FROM sessions WHERE deleted_at IS NULL ORDER BY started_at_epoch DESC LIMIT 1",
    }
)
"""The SQL behind every read the History view makes, by name (parameters :low and :high).

tests/storage/test_storage_history.py runs EXPLAIN QUERY PLAN on each and fails if one stops
using an index.
"""
