"""The History's overview reads, and many records stored at once (CSV import, demo data)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import datetime

from spinecoach.core.records import HurtAction, HurtEvent, PainEntry, SessionRecord
from spinecoach.storage.database.event_logs import INSERT_HURT
from spinecoach.storage.database.history_queries import HISTORY_QUERIES
from spinecoach.storage.database.pain_entries import INSERT_PAIN
from spinecoach.storage.database.record_store import (
    RecordStore,
    epoch_range,
    inserted_id,
    require_new,
    stored_time,
)
from spinecoach.storage.database.sessions import INSERT_SESSION, require_shown_session
from spinecoach.storage.rows import hurt_event_to_row, pain_entry_to_row, session_to_row


@dataclass(frozen=True)
class HistoryAdded:
    """What add_history() stored: the new sessions, with ids, and how many entries and events."""

    sessions: tuple[SessionRecord, ...]
    pain_entries: int
    hurt_events: int = 0


@dataclass(frozen=True)
class NewHurt:
    """A "this hurts" answer of a session stored in the same add_history() call (no id yet)."""

    exercise_id: str
    recorded_at: datetime
    action: HurtAction


class HistoryStore(RecordStore):
    """What spans pain entries and sessions together."""

    def time_span(self) -> tuple[datetime, datetime] | None:
        """The first and last moment in the shown history, or None when there is nothing.

        Covers pain entries (recorded_at) and sessions (started_at), the times the history's
        range queries filter on, so a range from first to just after last shows everything.
        Each time keeps the offset it was recorded with.
        """
        connection = self._read()
        found = [
            row
            for name in ("first_pain_entry", "last_pain_entry", "first_session", "last_session")
            if (row := connection.execute(HISTORY_QUERIES[name]).fetchone()) is not None
        ]
        if not found:
            return None
        first = min(found, key=lambda row: float(row["epoch"]))
        last = max(found, key=lambda row: float(row["epoch"]))
        return stored_time(first["at"]), stored_time(last["at"])

    def hurt_counts(self, start: datetime, end: datetime) -> dict[int, int]:
        """Count the "this hurts" presses of each shown session started in [start, end).

        Sessions without any are left out of the result (read it with .get(id, 0)).
        """
        low, high = epoch_range(start, end)
        rows = self._read().execute(HISTORY_QUERIES["hurt_counts"], {"low": low, "high": high})
        return {int(row["session_id"]): int(row["hurts"]) for row in rows}

    def add_history(
        self,
        sessions: Sequence[tuple[SessionRecord, Sequence[PainEntry]]],
        pain_entries: Sequence[PainEntry] = (),
        *,
        new_session_hurts: Sequence[tuple[int, NewHurt]] = (),
        hurt_events: Sequence[HurtEvent] = (),
    ) -> HistoryAdded:
        """Store many new records in one transaction (CSV import, demo data): all or nothing.

        `sessions` pairs each new session with its own new pain entries, which must have no
        session_id yet: they are linked to the session's new id. `pain_entries` are stored as
        they are; a session_id there must name a stored session that is not deleted.
        `new_session_hurts` pairs an index into `sessions` with a "this hurts" answer of that
        new session; `hurt_events` are new events of stored sessions that are not deleted.
        """
        for index, _hurt in new_session_hurts:
            if not 0 <= index < len(sessions):
                raise ValueError(f"a hurt names session {index} of {len(sessions)} given")
        for event in hurt_events:
            require_new("HurtEvent", event.id)
        for session, linked in sessions:
            require_new("SessionRecord", session.id)
            for entry in linked:
                require_new("PainEntry", entry.id)
                if entry.session_id is not None:
                    raise ValueError(
                        f"a pain entry given with its session must not name another session "
                        f"(it names {entry.session_id})"
                    )
        for entry in pain_entries:
            require_new("PainEntry", entry.id)
        with self._write() as connection:
            linked_to = {e.session_id for e in pain_entries if e.session_id is not None}
            linked_to |= {event.session_id for event in hurt_events}
            for session_id in sorted(linked_to):
                require_shown_session(connection, session_id)
            added: list[SessionRecord] = []
            rows: list[dict[str, object]] = []
            for session, linked in sessions:
                new_id = inserted_id(connection.execute(INSERT_SESSION, session_to_row(session)))
                added.append(replace(session, id=new_id))
                rows.extend({**pain_entry_to_row(e), "session_id": new_id} for e in linked)
            rows.extend(pain_entry_to_row(entry) for entry in pain_entries)
            connection.executemany(INSERT_PAIN, rows)
            hurts = [
                HurtEvent(
                    session_id=_stored_id(added[index]),
                    exercise_id=hurt.exercise_id,
                    recorded_at=hurt.recorded_at,
                    action=hurt.action,
                )
                for index, hurt in new_session_hurts
            ]
            hurts.extend(hurt_events)
            connection.executemany(INSERT_HURT, [hurt_event_to_row(event) for event in hurts])
            return HistoryAdded(tuple(added), len(rows), len(hurts))


def _stored_id(session: SessionRecord) -> int:
    assert session.id is not None  # every session in `added` was just given its id
    return session.id
