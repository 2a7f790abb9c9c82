"""Numbered schema migrations and the runner that applies them.

`PRAGMA user_version` holds the number of the last migration applied. Each migration runs in
its own transaction that also bumps user_version, so the file is always exactly at some
version: a failure (or a crash, or power loss) mid-migration leaves the previous version intact.
The list is passed in rather than read from a global, so tests can add a future migration.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Final

from spinecoach.storage import (
    schema_v1,
    schema_v2,
    schema_v3,
    schema_v4,
    schema_v5,
    schema_v6,
)
from spinecoach.storage.errors import MigrationError


@dataclass(frozen=True)
class Migration:
    """One schema step. `apply` runs inside the runner's transaction and must not commit."""

    version: int
    description: str
    apply: Callable[[sqlite3.Connection], None]


def sql_migration(version: int, description: str, statements: Sequence[str]) -> Migration:
    """Build a migration from plain SQL statements, run one by one.

    Statements are kept separate because sqlite3's executescript() commits first, which
    would break the one-transaction-per-migration guarantee.
    """

    def apply(connection: sqlite3.Connection) -> None:
        for statement in statements:
            connection.execute(statement)

    return Migration(version, description, apply)


MIGRATIONS: Final[tuple[Migration, ...]] = (
    sql_migration(1, "initial schema", schema_v1.STATEMENTS),
    sql_migration(2, "soft delete and history indexes", schema_v2.STATEMENTS),
    sql_migration(3, "reminder log", schema_v3.STATEMENTS),
    sql_migration(4, "every this-hurts answer, exercises skipped", schema_v4.STATEMENTS),
    sql_migration(5, "programmes, and where own routines came from", schema_v5.STATEMENTS),
    sql_migration(6, "next-morning pain scores, suggested changes", schema_v6.STATEMENTS),
)


def latest_version(migrations: Sequence[Migration]) -> int:
    """Return the schema version the given history ends at (0 for no migrations)."""
    return migrations[-1].version if migrations else 0


def check_migrations(migrations: Sequence[Migration]) -> None:
    """Versions must be 1, 2, 3, … in order; a gap or a duplicate is a programming error."""
    for expected, migration in enumerate(migrations, start=1):
        if migration.version != expected:
            raise ValueError(
                f"migration {migration.description!r} has version {migration.version}; "
                f"expected {expected} (versions must run 1, 2, 3, … without gaps)"
            )


def user_version(connection: sqlite3.Connection) -> int:
    """Return the schema version recorded in the file (0 for a new file)."""
    row = connection.execute("PRAGMA user_version").fetchone()
    return int(row[0])


def apply_migrations(connection: sqlite3.Connection, migrations: Sequence[Migration]) -> list[int]:
    """Bring the database up to the newest version; return the versions applied.

    Foreign-key enforcement is switched off during migrations (SQLite's documented procedure
    for rebuilding a table) and instead every migration must pass `PRAGMA foreign_key_check`
    before it commits.
    """
    check_migrations(migrations)
    applied: list[int] = []
    connection.execute("PRAGMA foreign_keys = OFF")
    try:
        for migration in migrations:
            if _apply_one(connection, migration):
                applied.append(migration.version)
    finally:
        connection.execute("PRAGMA foreign_keys = ON")
    return applied


def _apply_one(connection: sqlite3.Connection, migration: Migration) -> bool:
    connection.execute("BEGIN IMMEDIATE")
    try:
        # Read inside the write lock: another SpineCoach window may have migrated meanwhile.
        current = user_version(connection)
        if current >= migration.version:
            connection.execute("ROLLBACK")
            return False
        migration.apply(connection)
        if not connection.in_transaction:
            raise MigrationError(
                f"migration {migration.version} ({migration.description}) ended the "
                "transaction itself; migrations must leave committing to the runner"
            )
        problems = connection.execute("PRAGMA foreign_key_check").fetchall()
        if problems:
            raise MigrationError(
                f"migration {migration.version} ({migration.description}) left "
                f"{len(problems)} rows pointing at missing rows, e.g. {tuple(problems[0])}"
            )
        connection.execute(f"PRAGMA user_version = {migration.version:d}")
        connection.execute("COMMIT")
    except BaseException as exc:
        if connection.in_transaction:
            connection.execute("ROLLBACK")
        if isinstance(exc, MigrationError) or not isinstance(exc, Exception):
            raise
        raise MigrationError(
            f"migration {migration.version} ({migration.description}) failed and was rolled "
            f"back: {exc}"
        ) from exc
    return True
