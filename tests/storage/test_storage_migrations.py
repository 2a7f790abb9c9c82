"""Upgrading an existing data file: backup first, one transaction per step, data kept."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from spinecoach.storage import schema_v1
from spinecoach.storage.errors import MigrationError
from spinecoach.storage.migrations import MIGRATIONS, Migration, latest_version, sql_migration
from spinecoach.storage.opening import open_database

NOW = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
STAMP = "20260302T090000Z"

CURRENT = latest_version(MIGRATIONS)
NEXT = CURRENT + 1
"""A future version: these tests exercise the runner with one step more than today's."""

ADD_MOOD = sql_migration(
    NEXT, "add pain_entries.mood", ["ALTER TABLE pain_entries ADD COLUMN mood TEXT"]
)
WITH_NEXT = [*MIGRATIONS, ADD_MOOD]


def _build_v1_by_hand(path: Path) -> None:
    """A version-1 file written with plain sqlite3, as an older SpineCoach would leave it."""
    connection = sqlite3.connect(path, isolation_level=None)
    try:
        for statement in schema_v1.STATEMENTS:
            connection.execute(statement)
        connection.execute("PRAGMA user_version = 1")
        connection.execute(
            "INSERT INTO sessions (routine_id, routine_name, started_at, started_at_epoch,"
            " ended_at, ended_at_epoch, exercises_completed, exercises_total, status)"
            " VALUES ('morning', 'Morning', '2026-03-01T08:00:00+05:30', 1772332200.0,"
            " '2026-03-01T08:20:00+05:30', 1772333400.0, '[\"cat-cow\"]', 2, 'stopped')"
        )
        connection.execute(
            "INSERT INTO pain_entries (recorded_at, recorded_at_epoch, score, context, note,"
            " session_id) VALUES ('2026-03-01T08:00:00+05:30', 1772332200.0, 6, 'before',"
            " 'stiff', 1)"
        )
        connection.execute("INSERT INTO settings (key, value) VALUES ('theme', '\"dark\"')")
    finally:
        connection.close()
    path.chmod(0o600)


def _rows(path: Path, sql: str) -> list[tuple[object, ...]]:
    connection = sqlite3.connect(path)
    try:
        return [tuple(row) for row in connection.execute(sql)]
    finally:
        connection.close()


def _version(path: Path) -> int:
    value = _rows(path, "PRAGMA user_version")[0][0]
    assert isinstance(value, int)
    return value


def test_upgrade_keeps_data_and_writes_a_backup_first(db_path: Path) -> None:
    _build_v1_by_hand(db_path)

    opened = open_database(db_path, now=NOW, migrations=WITH_NEXT)
    with opened as database:
        entries = database.pain_entries(NOW - timedelta(days=7), NOW)
        session = database.session(1)
        theme = database.get_setting("theme")

    assert opened.schema_version == NEXT
    assert _version(db_path) == NEXT
    assert [(e.score, e.note, e.session_id) for e in entries] == [(6, "stiff", 1)]
    assert entries[0].recorded_at.isoformat() == "2026-03-01T08:00:00+05:30"
    assert session.exercises_completed == ("cat-cow",)
    assert theme == "dark"
    assert "mood" in {row[1] for row in _rows(db_path, "PRAGMA table_info(pain_entries)")}

    backup = opened.backup_path
    assert backup is not None
    assert backup.parent == db_path.parent
    assert backup.name == f"spinecoach.sqlite3.backup-v1-{STAMP}.sqlite3"
    assert _version(backup) == 1
    assert _rows(backup, "SELECT score, note FROM pain_entries") == [(6, "stiff")]
    assert _rows(backup, "PRAGMA journal_mode") == [("delete",)]
    assert "mood" not in {row[1] for row in _rows(backup, "PRAGMA table_info(pain_entries)")}
    assert not backup.with_name(backup.name + "-wal").exists()


def test_backup_includes_commits_still_only_in_the_wal(db_path: Path) -> None:
    with open_database(db_path, now=NOW) as database:
        database.set_setting("checkpointed", value=True)
    # Hold a reader open so SQLite cannot checkpoint the WAL into the main file.
    holder = sqlite3.connect(db_path)
    try:
        holder.execute("PRAGMA journal_mode = WAL")
        holder.execute("INSERT INTO settings (key, value) VALUES ('only_in_wal', '1')")
        holder.commit()
        assert db_path.with_name(db_path.name + "-wal").stat().st_size > 0

        opened = open_database(db_path, now=NOW, migrations=WITH_NEXT)
        opened.close()
    finally:
        holder.close()

    assert opened.backup_path is not None
    keys = {row[0] for row in _rows(opened.backup_path, "SELECT key FROM settings")}
    assert keys == {"checkpointed", "only_in_wal"}


def test_each_later_open_makes_no_new_backup(db_path: Path) -> None:
    _build_v1_by_hand(db_path)
    open_database(db_path, now=NOW, migrations=WITH_NEXT).close()

    again = open_database(db_path, now=NOW + timedelta(hours=1), migrations=WITH_NEXT)
    again.close()

    assert again.backup_path is None
    assert len(list(db_path.parent.glob("*.backup-*"))) == 1


def test_backup_name_clash_gets_a_new_name_not_an_overwrite(db_path: Path) -> None:
    _build_v1_by_hand(db_path)
    taken = db_path.with_name(f"spinecoach.sqlite3.backup-v1-{STAMP}.sqlite3")
    taken.write_bytes(b"someone else's file")

    opened = open_database(db_path, now=NOW, migrations=WITH_NEXT)
    opened.close()

    assert taken.read_bytes() == b"someone else's file"
    assert opened.backup_path == db_path.with_name(
        f"spinecoach.sqlite3.backup-v1-{STAMP}-2.sqlite3"
    )


def test_fresh_database_with_several_migrations_needs_no_backup(db_path: Path) -> None:
    opened = open_database(db_path, now=NOW, migrations=WITH_NEXT)
    opened.close()
    assert opened.schema_version == NEXT
    assert opened.backup_path is None
    assert [p.name for p in db_path.parent.glob("*.backup-*")] == []


def test_failed_migration_is_rolled_back_and_backup_kept(db_path: Path) -> None:
    _build_v1_by_hand(db_path)

    def half_then_fail(connection: sqlite3.Connection) -> None:
        connection.execute("DELETE FROM pain_entries")
        raise RuntimeError("disk gremlin")

    broken = [*MIGRATIONS, Migration(NEXT, "breaks halfway", half_then_fail)]
    with pytest.raises(MigrationError, match="disk gremlin") as caught:
        open_database(db_path, now=NOW, migrations=broken)

    assert "backup" in str(caught.value)
    assert _version(db_path) == CURRENT, "the real migrations stay applied; NEXT rolled back"
    assert _rows(db_path, "SELECT score FROM pain_entries") == [(6,)]
    assert len(list(db_path.parent.glob("*.backup-v1-*.sqlite3"))) == 1


def test_each_migration_commits_separately(db_path: Path) -> None:
    _build_v1_by_hand(db_path)

    def fail(connection: sqlite3.Connection) -> None:
        raise RuntimeError("step 3 broke")

    steps = [*WITH_NEXT, Migration(NEXT + 1, "fails", fail)]
    with pytest.raises(MigrationError, match="step 3 broke"):
        open_database(db_path, now=NOW, migrations=steps)

    assert _version(db_path) == NEXT, "earlier steps stay applied when a later one fails"


def test_migration_that_commits_by_itself_is_refused(db_path: Path) -> None:
    def commits(connection: sqlite3.Connection) -> None:
        connection.execute("COMMIT")

    with pytest.raises(MigrationError, match="ended the transaction"):
        open_database(db_path, now=NOW, migrations=[*MIGRATIONS, Migration(NEXT, "rude", commits)])
    assert _version(db_path) == CURRENT


def test_migration_leaving_dangling_references_is_rolled_back(db_path: Path) -> None:
    _build_v1_by_hand(db_path)
    drop_sessions = sql_migration(NEXT, "loses sessions", ["DELETE FROM sessions"])

    with pytest.raises(MigrationError, match="missing rows"):
        open_database(db_path, now=NOW, migrations=[*MIGRATIONS, drop_sessions])

    assert _version(db_path) == CURRENT
    assert _rows(db_path, "SELECT count(*) FROM sessions") == [(1,)]


# The real version 2: soft delete and the history indexes -----------------------------------


def _schema(path: Path) -> set[tuple[object, ...]]:
    """Every table, index and column definition, to compare a migrated file with a new one."""
    objects = set(_rows(path, "SELECT type, name, tbl_name FROM sqlite_master"))
    for table in ("sessions", "pain_entries", "hurt_events", "custom_routines", "programmes"):
        objects |= {(table, *row) for row in _rows(path, f"PRAGMA table_info({table})")}
        objects |= {(table, "fk", *row) for row in _rows(path, f"PRAGMA foreign_key_list({table})")}
    return objects


def test_v1_file_with_data_upgrades_to_the_latest_with_a_backup(db_path: Path) -> None:
    _build_v1_by_hand(db_path)

    opened = open_database(db_path, now=NOW)
    with opened as database:
        entries = database.pain_entries(NOW - timedelta(days=7), NOW)
        sessions = database.sessions(NOW - timedelta(days=7), NOW)
        counts = (database.count_sessions(), database.count_pain_entries())
        theme = database.get_setting("theme")

    assert opened.schema_version == CURRENT == 6
    assert _version(db_path) == CURRENT
    assert [(e.score, e.note, e.session_id) for e in entries] == [(6, "stiff", 1)]
    assert entries[0].recorded_at.isoformat() == "2026-03-01T08:00:00+05:30"
    assert [(s.id, s.routine_id, s.exercises_completed) for s in sessions] == [
        (1, "morning", ("cat-cow",))
    ]
    assert counts == (1, 1)
    assert theme == "dark"
    assert _rows(db_path, "SELECT deleted_at FROM sessions") == [(None,)]
    assert _rows(db_path, "SELECT deleted_at, hidden_with_session FROM pain_entries") == [(None, 0)]

    backup = opened.backup_path
    assert backup is not None
    assert backup.name == f"spinecoach.sqlite3.backup-v1-{STAMP}.sqlite3"
    assert _version(backup) == 1
    assert _rows(backup, "PRAGMA quick_check") == [("ok",)]
    assert _rows(backup, "SELECT score, note, session_id FROM pain_entries") == [(6, "stiff", 1)]
    assert "deleted_at" not in {row[1] for row in _rows(backup, "PRAGMA table_info(sessions)")}


def test_a_migrated_file_has_the_same_schema_as_a_new_one(db_path: Path, tmp_path: Path) -> None:
    _build_v1_by_hand(db_path)
    open_database(db_path, now=NOW).close()
    fresh = tmp_path / "fresh.sqlite3"
    open_database(fresh, now=NOW).close()

    assert _schema(db_path) == _schema(fresh)
    indexes = {row[1] for row in _schema(fresh) if row[0] == "index"}
    assert {
        "pain_entries_shown_by_time",
        "sessions_shown_by_start",
        "reminder_events_by_time",
    } <= indexes


def test_v2_deletes_and_restores_on_an_upgraded_file(db_path: Path) -> None:
    _build_v1_by_hand(db_path)
    with open_database(db_path, now=NOW) as database:
        hidden = database.delete_session(1, NOW)
        assert database.pain_entries(NOW - timedelta(days=7), NOW) == []
        restored = database.restore_session(1)

    assert [e.note for e in hidden.pain_entries] == ["stiff"]
    assert restored == hidden
    assert _rows(db_path, "SELECT count(*) FROM pain_entries WHERE deleted_at IS NULL") == [(1,)]


def test_v2_schema_refuses_an_entry_hidden_with_its_session_but_not_deleted(
    db_path: Path,
) -> None:
    _build_v1_by_hand(db_path)
    open_database(db_path, now=NOW).close()
    connection = sqlite3.connect(db_path)
    try:
        with pytest.raises(sqlite3.IntegrityError, match="CHECK"):
            connection.execute("UPDATE pain_entries SET hidden_with_session = 1")
        with pytest.raises(sqlite3.IntegrityError, match="CHECK"):
            connection.execute("UPDATE sessions SET deleted_at = X'01'")
    finally:
        connection.close()
