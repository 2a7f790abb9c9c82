"""Programmes from a clinician and where own routines came from (schema version 5, issue 16)."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest

from spinecoach.core.records import CustomRoutine, SessionStatus, StoredProgramme
from spinecoach.storage.database import Database
from spinecoach.storage.database.history_queries import HISTORY_QUERIES
from spinecoach.storage.errors import ReadOnlyDatabaseError, StoredDataError, UnknownRecordError
from spinecoach.storage.opening import open_database

NOW = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
BERLIN = timezone(timedelta(hours=1))
BODY = 'format = 1\ntitle = "Lower back"\nprescribed_by = "A. Physio"\n'
ROUTINE = 'name = "Bridge and bird dog"\n[[items]]\nexercise = "glute-bridge"\nreps = 8\n'


def _save(database: Database, programme_id: str = "lower-back-a-physio", **kwargs: object) -> None:
    arguments: dict[str, object] = {
        "title": "Lower back",
        "prescribed_by": "A. Physio",
        "body": BODY,
        "file_name": "lower-back.programme.toml",
        "imported_at": NOW,
    }
    arguments.update(kwargs)
    database.save_programme(programme_id, **arguments)  # type: ignore[arg-type]


def _active_ids(database: Database) -> list[str]:
    return [p.id for p in database.programmes() if p.active]


# Programmes -------------------------------------------------------------------------------


def test_a_saved_programme_is_active_and_reads_back_the_same(database: Database) -> None:
    imported_at = datetime(2026, 3, 2, 10, 30, 15, 123456, tzinfo=BERLIN)
    saved = database.save_programme(
        "lower-back-a-physio",
        "Lower back",
        "A. Physio",
        BODY,
        "lower-back.programme.toml",
        imported_at,
    )
    assert saved == StoredProgramme(
        id="lower-back-a-physio",
        title="Lower back",
        prescribed_by="A. Physio",
        body=BODY,
        file_name="lower-back.programme.toml",
        imported_at=imported_at,
        active=True,
    )
    assert database.programmes() == [saved]
    assert database.active_programme() == saved
    assert saved.imported_at.isoformat() == "2026-03-02T10:30:15.123456+01:00"


def test_activating_one_programme_deactivates_the_others(database: Database) -> None:
    _save(database, "first")
    _save(database, "second", imported_at=NOW + timedelta(days=1))
    assert _active_ids(database) == ["second"]
    assert [p.id for p in database.programmes()] == ["second", "first"]  # newest first
    _save(database, "third", activate=False, imported_at=NOW + timedelta(days=2))
    assert _active_ids(database) == ["second"]
    active = database.active_programme()
    assert active is not None
    assert active.id == "second"


def test_the_same_programme_again_replaces_it_never_twice(database: Database) -> None:
    _save(database, "lower-back", file_name="old.programme.toml")
    _save(database, "other")
    later = NOW + timedelta(days=7)
    new_body = BODY + 'notes = "Review in May"\n'
    replaced = database.save_programme(
        "lower-back", "Lower back, week 2", "A. Physio", new_body, "new.programme.toml", later
    )
    assert [p.id for p in database.programmes()] == ["lower-back", "other"]
    assert database.programmes()[0] == replaced
    assert (replaced.title, replaced.body, replaced.file_name, replaced.imported_at) == (
        "Lower back, week 2",
        new_body,
        "new.programme.toml",
        later,
    )
    assert _active_ids(database) == ["lower-back"]


def test_replacing_without_activate_keeps_whether_it_was_active(database: Database) -> None:
    _save(database, "active-one")
    _save(database, "inactive-one", activate=False)
    assert database.save_programme(
        "active-one", "Lower back", "A. Physio", BODY, "f.toml", NOW, activate=False
    ).active
    assert not database.save_programme(
        "inactive-one", "Lower back", "A. Physio", BODY, "f.toml", NOW, activate=False
    ).active
    assert _active_ids(database) == ["active-one"]


def test_set_active_programme_switches_and_none_means_no_programme(database: Database) -> None:
    _save(database, "first")
    _save(database, "second")
    database.set_active_programme("first")
    assert _active_ids(database) == ["first"]
    database.set_active_programme("first")  # again: no change, no error
    assert _active_ids(database) == ["first"]
    database.set_active_programme(None)
    assert _active_ids(database) == []
    assert database.active_programme() is None
    assert len(database.programmes()) == 2  # deactivated, not removed


def test_an_unknown_programme_cannot_be_made_active(database: Database) -> None:
    _save(database, "first")
    with pytest.raises(UnknownRecordError, match="'nope'"):
        database.set_active_programme("nope")
    assert _active_ids(database) == ["first"]


def test_deleting_a_programme_removes_its_eased_copies_but_never_sessions(
    database: Database,
) -> None:
    _save(database, "lower-back")
    _save(database, "other", activate=False)
    programme_routine = "programme-lower-back-bridge"
    database.save_custom_routine(
        "eased-1",
        "Bridge (eased)",
        ROUTINE,
        NOW,
        based_on=programme_routine,
        programme_id="lower-back",
    )
    database.save_custom_routine(
        "eased-other",
        "Other (eased)",
        ROUTINE,
        NOW,
        based_on="programme-other-x",
        programme_id="other",
    )
    database.save_custom_routine("own-mine-1", "Mine", ROUTINE, NOW, based_on=programme_routine)
    session = database.start_session(programme_routine, "Bridge and bird dog", 2, NOW)
    assert session.id is not None
    database.finish_session(session.id, SessionStatus.COMPLETED, NOW + timedelta(minutes=9))

    assert database.delete_programme("lower-back") is True
    assert database.delete_programme("lower-back") is False
    assert [p.id for p in database.programmes()] == ["other"]
    assert database.active_programme() is None
    assert [r.id for r in database.custom_routines()] == ["own-mine-1", "eased-other"]
    assert database.session(session.id).routine_id == programme_routine
    assert database.completed_sessions_between(NOW, NOW + timedelta(hours=1)) == [
        (programme_routine, NOW)
    ]


# Own routines: based_on, programme_id, Undo of a delete --------------------------------------


def test_own_routine_keeps_where_it_came_from_across_later_saves(database: Database) -> None:
    _save(database, "lower-back")
    first = database.save_custom_routine(
        "eased-1",
        "Bridge",
        ROUTINE,
        NOW,
        based_on="programme-lower-back-bridge",
        programme_id="lower-back",
    )
    renamed = database.save_custom_routine("eased-1", "Bridge, gently", ROUTINE, NOW + timedelta(1))
    assert (renamed.based_on, renamed.programme_id) == (first.based_on, first.programme_id)
    assert renamed.created_at == NOW
    assert database.custom_routines() == [renamed]
    plain = database.save_custom_routine("own-1", "Plain", ROUTINE, NOW)
    assert (plain.based_on, plain.programme_id) == (None, None)
    copy = database.save_custom_routine("own-1", "Plain", ROUTINE, NOW, based_on="morning")
    assert copy.based_on == "morning"


def test_an_eased_copy_of_an_unknown_programme_is_refused(database: Database) -> None:
    with pytest.raises(UnknownRecordError, match="'gone'"):
        database.save_custom_routine("eased-1", "Bridge", ROUTINE, NOW, programme_id="gone")
    assert database.custom_routines() == []


def test_a_deleted_routine_comes_back_exactly_as_it_was(database: Database) -> None:
    _save(database, "lower-back")
    created = datetime(2026, 2, 1, 8, 0, tzinfo=BERLIN)
    database.save_custom_routine(
        "eased-1",
        "Bridge",
        ROUTINE,
        created,
        based_on="programme-lower-back-bridge",
        programme_id="lower-back",
    )
    kept = database.save_custom_routine("eased-1", "Bridge (eased)", ROUTINE, NOW)
    assert database.delete_custom_routine("eased-1")

    database.restore_custom_routine(kept)

    assert database.custom_routines() == [kept]
    assert kept.created_at == created
    with pytest.raises(ValueError, match="exists; it is not overwritten"):
        database.restore_custom_routine(kept)
    assert database.custom_routines() == [kept]


def test_an_eased_copy_cannot_come_back_once_its_programme_is_gone(database: Database) -> None:
    _save(database, "lower-back")
    copy = database.save_custom_routine(
        "eased-1", "Bridge", ROUTINE, NOW, programme_id="lower-back"
    )
    database.delete_programme("lower-back")
    with pytest.raises(UnknownRecordError, match="lower-back"):
        database.restore_custom_routine(copy)
    assert database.custom_routines() == []


# Completed sessions for adherence --------------------------------------------------------------


def test_completed_sessions_between_counts_only_completed_shown_sessions(
    database: Database,
) -> None:
    india = timezone(timedelta(hours=5, minutes=30))

    def session(routine_id: str, at: datetime, status: SessionStatus) -> int:
        record = database.start_session(routine_id, routine_id.title(), 1, at)
        assert record.id is not None
        if status is not SessionStatus.IN_PROGRESS:
            database.finish_session(record.id, status, at + timedelta(minutes=5))
        return record.id

    session("early", NOW - timedelta(seconds=1), SessionStatus.COMPLETED)  # before the range
    session("b", (NOW + timedelta(hours=2)).astimezone(india), SessionStatus.COMPLETED)
    session("a", NOW, SessionStatus.COMPLETED)  # on the start: inside
    session("stopped", NOW + timedelta(hours=3), SessionStatus.STOPPED)
    hidden = session("hidden", NOW + timedelta(hours=4), SessionStatus.COMPLETED)
    database.delete_session(hidden, NOW + timedelta(hours=5))
    session("running", NOW + timedelta(hours=6), SessionStatus.IN_PROGRESS)
    session("late", NOW + timedelta(days=1), SessionStatus.COMPLETED)  # on the end: outside

    found = database.completed_sessions_between(NOW, NOW + timedelta(days=1))

    assert found == [("a", NOW), ("b", NOW + timedelta(hours=2))]
    assert found[1][1].isoformat() == "2026-03-02T16:30:00+05:30"  # the offset it was done in
    with pytest.raises(ValueError, match="time zone"):
        database.completed_sessions_between(datetime(2026, 3, 1), NOW)


def test_completed_sessions_are_read_through_the_shown_sessions_index(
    database: Database,
) -> None:
    plan = [
        str(row[3])
        for row in database._read().execute(
            f"EXPLAIN QUERY PLAN {HISTORY_QUERIES['completed_sessions']}", {"low": 0, "high": 1}
        )
    ]
    assert "sessions_shown_by_start" in plan[0], plan
    assert not any("ORDER BY" in step for step in plan), plan


# The records and the rows -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"id": " "}, "StoredProgramme.id"),
        ({"title": ""}, "StoredProgramme.title"),
        ({"prescribed_by": None}, "StoredProgramme.prescribed_by"),
        ({"body": "title = "}, "StoredProgramme.body is not valid TOML"),
        ({"file_name": 3}, "StoredProgramme.file_name"),
        ({"imported_at": datetime(2026, 3, 2)}, "StoredProgramme.imported_at"),
        ({"active": 1}, "StoredProgramme.active"),
    ],
)
def test_a_stored_programme_checks_itself(change: dict[str, object], message: str) -> None:
    fields: dict[str, object] = {
        "id": "p",
        "title": "Lower back",
        "prescribed_by": "A. Physio",
        "body": BODY,
        "file_name": "p.toml",
        "imported_at": NOW,
        "active": True,
    }
    with pytest.raises(ValueError, match=message):
        StoredProgramme(**{**fields, **change})  # type: ignore[arg-type]


@pytest.mark.parametrize("field", ["based_on", "programme_id"])
def test_a_custom_routine_refuses_an_empty_origin(field: str) -> None:
    with pytest.raises(ValueError, match=f"CustomRoutine.{field}"):
        CustomRoutine(
            id="mine", name="Mine", body="", created_at=NOW, updated_at=NOW, **{field: " "}
        )


def test_invalid_programmes_are_refused_before_anything_is_written(database: Database) -> None:
    with pytest.raises(ValueError, match="not valid TOML"):
        _save(database, "broken", body="title = ")
    with pytest.raises(ValueError, match="time zone"):
        _save(database, "naive", imported_at=datetime(2026, 3, 2))
    _save(database, "kept")
    with pytest.raises(ValueError, match="title"):
        _save(database, "untitled", title=" ")
    assert _active_ids(database) == ["kept"], "a refused save deactivated nothing"


def test_the_schema_allows_one_active_programme_and_no_dangling_copy(
    database: Database, db_path: Path
) -> None:
    _save(database, "first")
    _save(database, "second", activate=False)
    connection = sqlite3.connect(db_path)
    try:
        connection.execute("PRAGMA foreign_keys = ON")
        with pytest.raises(sqlite3.IntegrityError, match="UNIQUE"):
            connection.execute("UPDATE programmes SET active = 1 WHERE id = 'second'")
        with pytest.raises(sqlite3.IntegrityError, match="CHECK"):
            connection.execute("UPDATE programmes SET active = 2 WHERE id = 'second'")
        with pytest.raises(sqlite3.IntegrityError, match="FOREIGN KEY"):
            connection.execute(
                "INSERT INTO custom_routines (id, name, body, created_at, updated_at,"
                " programme_id) VALUES ('x', 'X', '', 't', 't', 'missing')"
            )
        with pytest.raises(sqlite3.IntegrityError, match="CHECK"):
            connection.execute(
                "INSERT INTO custom_routines (id, name, body, created_at, updated_at, based_on)"
                " VALUES ('x', 'X', '', 't', 't', '')"
            )
    finally:
        connection.close()


def test_a_damaged_programme_row_is_reported_not_shown(database: Database) -> None:
    _save(database, "lower-back")
    database._read().execute("UPDATE programmes SET body = 'title = ' WHERE id = 'lower-back'")
    with pytest.raises(StoredDataError, match="programmes row 'lower-back'"):
        database.programmes()


def test_a_read_only_file_refuses_every_programme_write(tmp_path: Path) -> None:
    path = tmp_path / "spinecoach.sqlite3"
    with open_database(path, now=NOW) as database:
        _save(database, "lower-back")
    connection = sqlite3.connect(path)
    connection.execute("PRAGMA user_version = 99")
    connection.commit()
    connection.close()
    before = path.read_bytes()
    copy = CustomRoutine(id="c", name="C", body="", created_at=NOW, updated_at=NOW)
    with open_database(path, now=NOW) as database:
        assert database.read_only
        writes: list[Callable[[], object]] = [
            lambda: _save(database, "other"),
            lambda: database.set_active_programme(None),
            lambda: database.delete_programme("lower-back"),
            lambda: database.restore_custom_routine(copy),
            lambda: database.save_custom_routine("c", "C", "", NOW, based_on="morning"),
        ]
        for write in writes:
            with pytest.raises(ReadOnlyDatabaseError):
                write()
        assert [p.id for p in database.programmes()] == ["lower-back"]
    assert path.read_bytes() == before
