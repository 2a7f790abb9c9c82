"""CSV export and import: identical round trip, bad rows reported by line, nothing written
until apply, duplicates skipped, byte-order mark and time zones."""

from __future__ import annotations

import csv
import os
import sqlite3
import stat
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from spinecoach.core.csv_format import COLUMNS, FORMULA_STARTS, REQUIRED_COLUMNS
from spinecoach.core.records import (
    MAX_NOTE_LENGTH,
    HurtAction,
    HurtEvent,
    PainContext,
    PainEntry,
    SessionRecord,
    SessionStatus,
)
from spinecoach.storage.csv_io import (
    CsvFileError,
    ImportResult,
    apply_import,
    export_csv,
    read_csv,
)
from spinecoach.storage.database import Database
from spinecoach.storage.errors import ReadOnlyDatabaseError
from spinecoach.storage.opening import open_database

NOW = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
INDIA = timezone(timedelta(hours=5, minutes=30))
CALIFORNIA = timezone(timedelta(hours=-8))
NEPAL = timezone(timedelta(hours=5, minutes=45))
EVERYTHING = (datetime(1900, 1, 1, tzinfo=UTC), datetime(2200, 1, 1, tzinfo=UTC))
#: The header of a file written before hurt rows and skipped exercises (it still reads).
HEADER = ",".join(REQUIRED_COLUMNS)
#: The header SpineCoach writes now.
WRITTEN_HEADER = ",".join(COLUMNS)
BOM = b"\xef\xbb\xbf"


@pytest.fixture
def database(tmp_path: Path) -> Iterator[Database]:
    with open_database(tmp_path / "source.sqlite3", now=NOW) as opened:
        yield opened


@pytest.fixture
def empty(tmp_path: Path) -> Iterator[Database]:
    with open_database(tmp_path / "target.sqlite3", now=NOW) as opened:
        yield opened


def _session(
    database: Database,
    at: datetime,
    *,
    routine: str = "morning-mobility",
    note: str = "",
    status: SessionStatus = SessionStatus.COMPLETED,
    before: int | None = 5,
    after: int | None = 4,
) -> int:
    session = database.start_session(routine, routine.replace("-", " ").title(), 3, at)
    assert session.id is not None
    if before is not None:
        database.add_pain_entry(
            PainEntry(
                recorded_at=at, score=before, context=PainContext.BEFORE, session_id=session.id
            )
        )
    database.record_exercise_done(session.id, "cat-cow")
    if status is SessionStatus.IN_PROGRESS:
        return session.id
    end = at + timedelta(minutes=12, seconds=30)
    database.finish_session(session.id, status, end, feeling="easier", note=note)
    if after is not None:
        database.add_pain_entry(
            PainEntry(
                recorded_at=end, score=after, context=PainContext.AFTER, session_id=session.id
            )
        )
    return session.id


def _fill(database: Database) -> None:
    """A small history with every awkward thing a real one has."""
    _session(
        database, datetime(2026, 2, 27, 8, 0, 0, 123456, tzinfo=INDIA), note="Ünïcode – “quotes”"
    )
    _session(
        database,
        datetime(2026, 2, 27, 7, 0, tzinfo=CALIFORNIA),
        routine="desk-break",
        note='comma, "double quotes"\nand a second line\r\nand a third',
        status=SessionStatus.STOPPED,
        after=None,
    )
    _session(
        database, datetime(2026, 2, 28, 12, 15, tzinfo=NEPAL), routine="core-strength", before=None
    )
    for day, (score, note) in enumerate(
        [(3, "=1+2 is not a formula"), (6, "-2 after gardening"), (0, "@home 😀"), (10, "")]
    ):
        database.add_pain_entry(
            PainEntry(
                recorded_at=datetime(2026, 2, 20 + day, 21, 5, tzinfo=INDIA),
                score=score,
                context=PainContext.CHECK_IN,
                note=note,
            )
        )


def _history(database: Database) -> list[tuple[object, ...]]:
    """Everything shown, ids replaced by position, so two databases can be compared."""
    sessions = database.sessions(*EVERYTHING)
    position = {session.id: index for index, session in enumerate(sessions)}
    rows: list[tuple[object, ...]] = [
        ("session", s.started_at.isoformat(), s.ended_at and s.ended_at.isoformat(), s.routine_id,
         s.routine_name, s.exercises_completed, s.exercises_total, s.status, s.feeling, s.note)
        for s in sessions
    ]  # fmt: skip
    rows += [
        ("pain", e.recorded_at.isoformat(), e.score, e.context, e.note, position.get(e.session_id))
        for e in database.pain_entries(*EVERYTHING)
    ]
    return rows


def _write(path: Path, *lines: str, bom: bool = False, newline: str = "\r\n") -> Path:
    path.write_bytes((BOM if bom else b"") + newline.join(lines).encode() + newline.encode())
    return path


def _counts(database: Database) -> tuple[int, int]:
    return database.count_sessions(), database.count_pain_entries()


# Round trip -----------------------------------------------------------------------------------


def test_export_then_import_into_an_empty_database_gives_identical_rows(
    database: Database, empty: Database, tmp_path: Path
) -> None:
    _fill(database)
    exported = export_csv(database, tmp_path / "history.csv")

    preview = read_csv(exported.path, now=NOW)
    result = apply_import(empty, preview)

    assert (exported.sessions, exported.pain_entries) == (3, 8)
    assert preview.problems == ()
    assert result == ImportResult(added=11, skipped_duplicates=0)
    assert _history(empty) == _history(database)


def test_time_zones_and_microseconds_round_trip_exactly(
    database: Database, empty: Database, tmp_path: Path
) -> None:
    moments = [
        datetime(2026, 3, 1, 18, 0, tzinfo=CALIFORNIA),
        datetime(2026, 3, 2, 8, 0, 0, 123456, tzinfo=INDIA),
        datetime(2026, 3, 2, 8, 0, tzinfo=NEPAL),
        datetime(2026, 3, 2, 3, 0, tzinfo=UTC),
    ]
    for moment in moments:
        database.add_pain_entry(
            PainEntry(recorded_at=moment, score=2, context=PainContext.CHECK_IN)
        )
    text = export_csv(database, tmp_path / "zones.csv").path.read_text(encoding="utf-8-sig")

    apply_import(empty, read_csv(tmp_path / "zones.csv", now=NOW))

    assert "2026-03-02T08:00:00.123456+05:30" in text
    assert "2026-03-01T18:00:00-08:00" in text
    found = empty.pain_entries(*EVERYTHING)
    assert [e.recorded_at.isoformat() for e in found] == [
        "2026-03-01T18:00:00-08:00",
        "2026-03-02T08:00:00+05:45",
        "2026-03-02T08:00:00.123456+05:30",
        "2026-03-02T03:00:00+00:00",
    ]
    assert sorted(e.recorded_at for e in found) == sorted(moments)


def test_the_export_is_excel_friendly(database: Database, tmp_path: Path) -> None:
    _fill(database)
    path = export_csv(database, tmp_path / "history.csv").path
    data = path.read_bytes()

    assert data.startswith(BOM + WRITTEN_HEADER.encode() + b"\r\n")
    assert "'=1+2 is not a formula" in data.decode("utf-8-sig")
    assert "'-2 after gardening" in data.decode("utf-8-sig")
    if os.name == "posix":
        assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert not [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


def test_export_leaves_out_deleted_rows_and_never_replaces_a_file_unasked(
    database: Database, tmp_path: Path
) -> None:
    _fill(database)
    first = database.sessions(*EVERYTHING)[0]
    assert first.id is not None
    database.delete_session(first.id, NOW)
    target = tmp_path / "history.csv"
    target.write_text("someone's spreadsheet")

    with pytest.raises(FileExistsError, match="already exists"):
        export_csv(database, target)
    assert target.read_text() == "someone's spreadsheet"

    exported = export_csv(database, target, overwrite=True)
    assert (exported.sessions, exported.pain_entries) == (2, 6)
    preview = read_csv(target, now=NOW)
    assert len(preview.sessions) == 2
    assert first.routine_id not in {row.session.routine_id for row in preview.sessions}


def test_an_empty_history_exports_just_the_header(database: Database, tmp_path: Path) -> None:
    path = export_csv(database, tmp_path / "nothing.csv").path
    assert path.read_bytes() == BOM + WRITTEN_HEADER.encode() + b"\r\n"
    preview = read_csv(path, now=NOW)
    assert (preview.valid_rows, preview.problems) == (0, ())
    assert apply_import(database, preview) == ImportResult(0, 0)


pain_entries = st.builds(
    PainEntry,
    recorded_at=st.datetimes(
        min_value=datetime(1970, 1, 2),
        max_value=datetime(2026, 3, 1),
        timezones=st.integers(-50_000, 50_000).map(lambda s: timezone(timedelta(seconds=s))),
    ),
    score=st.integers(0, 10),
    context=st.sampled_from(PainContext),
    # What a note box lets through: no control characters but tab and line break.
    note=st.text(
        st.characters(exclude_categories=["Cc", "Cs"]) | st.sampled_from("\t\n"),
        max_size=MAX_NOTE_LENGTH,
    ),
)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(entries=st.lists(pain_entries, max_size=8))
def test_any_pain_entries_round_trip(
    entries: list[PainEntry], tmp_path_factory: pytest.TempPathFactory
) -> None:
    folder = tmp_path_factory.mktemp("round")
    with open_database(folder / "a.sqlite3", now=NOW) as source:
        source.add_history([], entries)
        export_csv(source, folder / "out.csv")
        expected = _history(source)
    with open_database(folder / "b.sqlite3", now=NOW) as target:
        result = apply_import(target, read_csv(folder / "out.csv", now=NOW))
        found = _history(target)
    duplicates = len(entries) - len(
        {(e.recorded_at.timestamp() // 1, e.score, e.context) for e in entries}
    )
    assert result.skipped_duplicates == duplicates
    if not duplicates:
        assert found == expected


# Reading checks everything and writes nothing ------------------------------------------------


BAD_FILE = (
    HEADER,
    "pain,2026-03-01T08:00:00+01:00,4,before,fine,,,,,,,,,",  # 2 ok
    "pain,2026-03-01T08:00:00,4,before,,,,,,,,,,",  # 3 no offset
    "pain,2026-03-01T09:00:00+01:00,11,before,,,,,,,,,,",  # 4 score out of range
    "pain,2026-03-01T09:00:00+01:00,4,during,,,,,,,,,,",  # 5 unknown context
    "pain,2026-03-01T09:00:00+01:00,4,before",  # 6 wrong column count
    'pain,2026-03-01T10:00:00+01:00,3,check-in,"a note',  # 7 multi-line note, ok
    'over three lines, with ""quotes""',
    'and commas",,,,,,,,,',
    "session,2026-03-01T11:00:00+01:00,,,,desk-break,Desk break,,,,5,completed,,s1",  # 10 no end
    "pain,2026-03-01T11:00:00+01:00,5,before,,,,,,,,,,s1",  # 11 its session is bad
    "pain,2026-03-01T11:30:00+01:00,5,after,,,,,,,,,,s9",  # 12 unknown session_ref
    ",,,,,,,,,,,,,",  # 13 blank: skipped
    "walk,2026-03-01T12:00:00+01:00,,,,,,,,,,,,",  # 14 unknown kind
    "pain,yesterday,2,check-in,,,,,,,,,,",  # 15 bad time
    "session,2026-03-02T08:00:00+01:00,,,ok,core-strength,Core strength,,"
    "2026-03-02T08:15:00+01:00,bird-dog,8,completed,same,s2",  # 16 ok
    "pain,2026-03-02T08:15:00+01:00,3,after,,,,,,,,,,s2",  # 17 ok, linked
)


def test_bad_rows_are_each_reported_with_line_and_reason(tmp_path: Path) -> None:
    preview = read_csv(_write(tmp_path / "bad.csv", *BAD_FILE), now=NOW)

    reasons = {problem.line_number: problem.reason for problem in preview.problems}
    assert sorted(reasons) == [3, 4, 5, 6, 10, 11, 12, 14, 15]
    assert "has no UTC offset" in reasons[3]
    assert "score 11 is out of range" in reasons[4]
    assert "context 'during' is unknown" in reasons[5]
    assert "has 4 values but the header has 14 columns" in reasons[6]
    assert "a completed session needs the time it ended" in reasons[10]
    assert "its session (session_ref 's1', line 10) has a problem" in reasons[11]
    assert "session_ref 's9' matches no session row" in reasons[12]
    assert "kind 'walk' is unknown" in reasons[14]
    assert "time 'yesterday' is not an ISO 8601 date and time" in reasons[15]
    assert [row.line_number for row in preview.pain_entries] == [2, 7, 17]
    assert [row.line_number for row in preview.sessions] == [16]
    assert (
        preview.pain_entries[1].entry.note
        == 'a note\r\nover three lines, with "quotes"\r\nand commas'
    )


def test_reading_writes_nothing_and_apply_writes_only_the_valid_rows(
    empty: Database, tmp_path: Path
) -> None:
    data_file = tmp_path / "target.sqlite3"
    csv_file = _write(tmp_path / "bad.csv", *BAD_FILE)
    csv_bytes = csv_file.read_bytes()
    before = _file_state(data_file)

    preview = read_csv(csv_file, now=NOW)

    assert _file_state(data_file) == before
    assert _counts(empty) == (0, 0)
    assert csv_file.read_bytes() == csv_bytes

    result = apply_import(empty, preview)

    assert result == ImportResult(added=4, skipped_duplicates=0)
    assert _counts(empty) == (1, 3)
    linked = [e for e in empty.pain_entries(*EVERYTHING) if e.session_id is not None]
    assert [(e.score, e.context) for e in linked] == [(3, PainContext.AFTER)]
    assert linked[0].session_id == empty.sessions(*EVERYTHING)[0].id


def _file_state(path: Path) -> list[object]:
    files = [path, path.with_name(path.name + "-wal")]
    return [(p.read_bytes(), p.stat().st_mtime_ns) if p.exists() else None for p in files]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "is empty"),
        (b"\r\n\r\n", "is empty"),
        (b"date,pain\r\n2026-01-01,4\r\n", "not a SpineCoach CSV: the first row is not"),
        (b"kind,time,score\r\n", "lacks the column(s) context, note"),
        (HEADER.encode() + b"\r\npain,2026-03-01T08:00:00+01:00,4,before,caf\xe9,,,,,,,,,\r\n",
         "not UTF-8 text (first unreadable byte on line 2); in a spreadsheet, save it as"),
        (HEADER.encode() + b'\r\npain,2026-03-01T08:00,4,before,"never closed,,,,,,,,,\r\n',
         "cannot be read as CSV from line 2 on"),
    ],
)  # fmt: skip
def test_files_that_are_not_our_csv_are_refused_whole(
    tmp_path: Path, content: bytes, message: str
) -> None:
    path = tmp_path / "file.csv"
    path.write_bytes(content)
    with pytest.raises(CsvFileError) as caught:
        read_csv(path, now=NOW)
    assert message in str(caught.value)


def test_a_missing_file_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(CsvFileError, match="cannot be read"):
        read_csv(tmp_path / "nope.csv", now=NOW)


# Encodings and spreadsheet dialects ------------------------------------------------------------


ONE_ROW = "pain,2026-03-01T08:00:00+01:00,4,before,Straße – ok,,,,,,,,,"


@pytest.mark.parametrize("bom", [True, False])
@pytest.mark.parametrize("newline", ["\r\n", "\n"])
def test_read_with_or_without_bom_and_either_line_end(
    tmp_path: Path, bom: bool, newline: str
) -> None:
    preview = read_csv(
        _write(tmp_path / "f.csv", HEADER, ONE_ROW, bom=bom, newline=newline), now=NOW
    )
    assert preview.problems == ()
    assert [row.entry.note for row in preview.pain_entries] == ["Straße – ok"]


def test_semicolon_separated_files_from_european_excel_are_read(tmp_path: Path) -> None:
    lines = [HEADER.replace(",", ";"), ONE_ROW.replace(",", ";")]
    preview = read_csv(_write(tmp_path / "f.csv", *lines, bom=True), now=NOW)
    assert preview.problems == ()
    assert preview.pain_entries[0].entry.score == 4


def test_columns_in_another_order_are_read(tmp_path: Path) -> None:
    columns = list(reversed(REQUIRED_COLUMNS))
    values = dict(zip(REQUIRED_COLUMNS, ONE_ROW.split(","), strict=True))
    line = ",".join(values[column] for column in columns)
    preview = read_csv(_write(tmp_path / "f.csv", ",".join(columns), line), now=NOW)
    assert preview.problems == ()
    assert preview.pain_entries[0].entry.note == "Straße – ok"


# Duplicates ------------------------------------------------------------------------------------


def test_importing_the_same_file_twice_adds_nothing_the_second_time(
    database: Database, tmp_path: Path
) -> None:
    _fill(database)
    before = _history(database)
    preview = read_csv(export_csv(database, tmp_path / "h.csv").path, now=NOW)

    assert apply_import(database, preview) == ImportResult(added=0, skipped_duplicates=11)
    assert _history(database) == before


def test_duplicates_match_kind_second_score_context_and_routine(
    database: Database, tmp_path: Path
) -> None:
    database.add_pain_entry(
        PainEntry(recorded_at=datetime(2026, 3, 1, 8, 0, 0, 250000, tzinfo=UTC), score=4,
                  context=PainContext.CHECK_IN, note="original")
    )  # fmt: skip
    session_id = _session(database, datetime(2026, 3, 1, 9, 0, tzinfo=UTC), before=None, after=None)
    path = _write(
        tmp_path / "more.csv",
        HEADER,
        # Same second (in another offset), score and context: a duplicate, even with a new note.
        "pain,2026-03-01T09:00:00.900+01:00,4,check-in,edited,,,,,,,,,",
        "pain,2026-03-01T08:00:01+00:00,4,check-in,,,,,,,,,,",  # next second: new
        "pain,2026-03-01T08:00:00+00:00,5,check-in,,,,,,,,,,",  # other score: new
        "pain,2026-03-01T08:00:00+00:00,4,before,,,,,,,,,,",  # other context: new
        # The session is already there: skipped, and its new score is linked to the stored one.
        "session,2026-03-01T09:00:00+00:00,,,,morning-mobility,Morning Mobility,,"
        "2026-03-01T09:12:30+00:00,cat-cow,3,completed,easier,x",
        "pain,2026-03-01T09:12:30+00:00,2,after,,,,,,,,,,x",
        # Same start, other routine: a different session.
        "session,2026-03-01T09:00:00+00:00,,,,desk-break,Desk break,,"
        "2026-03-01T09:02:00+00:00,,5,stopped,,y",
        # A repeat of a row earlier in this file.
        "pain,2026-03-01T08:00:01+00:00,4,check-in,,,,,,,,,,",
    )

    result = apply_import(database, read_csv(path, now=NOW))

    assert result == ImportResult(added=5, skipped_duplicates=3)
    notes = [
        e.note for e in database.pain_entries(*EVERYTHING) if e.context is PainContext.CHECK_IN
    ]
    assert "original" in notes
    assert "edited" not in notes
    linked = [e for e in database.pain_entries(*EVERYTHING) if e.context is PainContext.AFTER]
    assert [(e.score, e.session_id) for e in linked] == [(2, session_id)]
    assert sorted(s.routine_id for s in database.sessions(*EVERYTHING)) == [
        "desk-break",
        "morning-mobility",
    ]


def test_a_deleted_entry_does_not_block_importing_it_again(
    database: Database, empty: Database, tmp_path: Path
) -> None:
    entry = database.add_pain_entry(
        PainEntry(recorded_at=NOW, score=7, context=PainContext.CHECK_IN)
    )
    preview = read_csv(export_csv(database, tmp_path / "h.csv").path, now=NOW)
    assert entry.id is not None
    database.delete_pain_entry(entry.id, NOW)

    assert apply_import(database, preview) == ImportResult(added=1, skipped_duplicates=0)
    assert [e.score for e in database.pain_entries(*EVERYTHING)] == [7]


# Writing is one transaction ------------------------------------------------------------------


def test_a_failure_while_writing_leaves_the_database_as_it_was(
    database: Database, empty: Database, tmp_path: Path
) -> None:
    _fill(database)
    preview = read_csv(export_csv(database, tmp_path / "h.csv").path, now=NOW)
    # Make the very last insert fail, after every session and most scores went in.
    empty._read().execute(
        "CREATE TEMP TRIGGER refuse_ten BEFORE INSERT ON pain_entries WHEN NEW.score = 10"
        " BEGIN SELECT RAISE(ABORT, 'disk gremlin'); END"
    )

    with pytest.raises(sqlite3.IntegrityError, match="disk gremlin"):
        apply_import(empty, preview)

    assert _counts(empty) == (0, 0)
    assert empty.sessions(*EVERYTHING, include_deleted=True) == []


def test_a_read_only_database_refuses_the_import(tmp_path: Path) -> None:
    path = tmp_path / "newer.sqlite3"
    open_database(path, now=NOW).close()
    connection = sqlite3.connect(path)
    connection.execute("PRAGMA user_version = 99")
    connection.commit()
    connection.close()
    csv_file = _write(tmp_path / "f.csv", HEADER, ONE_ROW)

    with open_database(path, now=NOW) as database:
        with pytest.raises(ReadOnlyDatabaseError):
            apply_import(database, read_csv(csv_file, now=NOW))
        assert database.count_pain_entries() == 0


def _hurts(database: Database) -> list[tuple[object, ...]]:
    """Every shown "this hurts", its session named by position (comparable across files)."""
    sessions = database.sessions(*EVERYTHING)
    position = {session.id: index for index, session in enumerate(sessions)}
    return [
        (position[e.session_id], e.recorded_at.isoformat(), e.exercise_id, e.action)
        for e in database.hurt_events_between(*EVERYTHING)
    ]


def test_hurt_events_are_exported_as_hurt_rows_and_import_back(
    database: Database, empty: Database, tmp_path: Path
) -> None:
    first = _session(database, NOW)
    second = _session(database, NOW + timedelta(days=1), routine="desk-break")
    answers: tuple[tuple[int, str, int, HurtAction], ...] = (
        (first, "cat-cow", 2, "skipped"),
        (first, "bird-dog", 5, "continued"),
        (second, "chin-tucks", 1, "ended"),
    )
    for session_id, exercise, minutes, action in answers:
        database.add_hurt_event(
            HurtEvent(
                session_id=session_id,
                exercise_id=exercise,
                recorded_at=NOW + timedelta(days=session_id - first, minutes=minutes),
                action=action,
            )
        )
    exported = export_csv(database, tmp_path / "h.csv")
    with exported.path.open(encoding="utf-8-sig", newline="") as handle:
        rows = [dict(zip(COLUMNS, row, strict=True)) for row in list(csv.reader(handle))[1:]]

    assert exported.hurt_events == 3
    hurt_rows = [row for row in rows if row["kind"] == "hurt"]
    assert [(r["exercise_id"], r["action"], r["session_ref"]) for r in hurt_rows] == [
        ("cat-cow", "skipped", str(first)),
        ("bird-dog", "continued", str(first)),
        ("chin-tucks", "ended", str(second)),
    ]
    assert {r["score"] + r["note"] + r["routine_id"] for r in hurt_rows} == {""}
    # In time order, after the session they happened in.
    kinds = [row["kind"] for row in rows]
    assert kinds.index("hurt") > kinds.index("session")

    preview = read_csv(exported.path, now=NOW + timedelta(days=2))
    assert preview.problems == ()
    assert len(preview.hurt_events) == 3
    result = apply_import(empty, preview)
    assert result == ImportResult(added=2 + 4 + 3, skipped_duplicates=0)
    assert _hurts(empty) == _hurts(database)
    # Imported again: every row is already there, the hurt rows too.
    again = apply_import(empty, preview)
    assert again == ImportResult(added=0, skipped_duplicates=9)
    assert len(_hurts(empty)) == 3


def test_hurt_rows_of_a_session_already_here_are_added_to_it_once(
    database: Database, tmp_path: Path
) -> None:
    session_id = _session(database, NOW)
    database.add_hurt_event(
        HurtEvent(session_id=session_id, exercise_id="cat-cow", recorded_at=NOW, action="skipped")
    )
    path = _write(
        tmp_path / "f.csv",
        WRITTEN_HEADER,
        f"session,{NOW.isoformat()},,,,morning-mobility,Morning Mobility,,,,3,incomplete,,a,,,",
        f"hurt,{NOW.isoformat()},,,,,,,,,,,,a,,cat-cow,skipped",  # already stored
        f"hurt,{(NOW + timedelta(minutes=3)).isoformat()},,,,,,,,,,,,a,,cat-cow,continued",
        f"hurt,{(NOW + timedelta(minutes=3)).isoformat()},,,,,,,,,,,,a,,cat-cow,continued",
    )
    preview = read_csv(path, now=NOW + timedelta(hours=1))
    assert preview.problems == ()

    result = apply_import(database, preview)

    assert result == ImportResult(added=1, skipped_duplicates=3)
    assert [(e.exercise_id, e.action) for e in database.hurt_events(session_id)] == [
        ("cat-cow", "skipped"),
        ("cat-cow", "continued"),
    ]


HURT_PROBLEMS_FILE = (
    WRITTEN_HEADER,
    "session,2026-03-01T09:00:00+00:00,,,,desk-break,Desk break,,"
    "2026-03-01T09:05:00+00:00,,5,stopped,,s1,chin-tucks,,",  # 2 ok, one exercise skipped
    "hurt,2026-03-01T09:01:00+00:00,,,,,,,,,,,,s1,,chin-tucks,skipped",  # 3 ok
    "hurt,2026-03-01T09:02:00+00:00,,,,,,,,,,,,,,chin-tucks,skipped",  # 4 no session_ref
    "hurt,2026-03-01T09:02:00+00:00,,,,,,,,,,,,s9,,chin-tucks,ended",  # 5 unknown session_ref
    "hurt,2026-03-01T09:02:00+00:00,,,,,,,,,,,,s1,,chin-tucks,cried",  # 6 unknown action
    "hurt,2026-03-01T09:02:00+00:00,,,,,,,,,,,,s1,,,ended",  # 7 no exercise
    "hurt,2026-03-01T09:02:00+00:00,4,,,,,,,,,,,s1,,chin-tucks,ended",  # 8 a score
    "hurt,2026-03-01T09:02:00+00:00,,,ouch,,,,,,,,,s1,,chin-tucks,ended",  # 9 a note
    "pain,2026-03-01T09:02:00+00:00,4,check-in,,,,,,,,,,,,chin-tucks,",  # 10 exercise on pain
    "session,2026-03-01T10:00:00+00:00,,,,desk-break,Desk break,,,,5,sideways,,s2,,,",  # 11 bad
    "hurt,2026-03-01T10:01:00+00:00,,,,,,,,,,,,s2,,chin-tucks,ended",  # 12 its session is bad
)


def test_bad_hurt_rows_are_each_reported(empty: Database, tmp_path: Path) -> None:
    preview = read_csv(_write(tmp_path / "f.csv", *HURT_PROBLEMS_FILE), now=NOW)

    reasons = {problem.line_number: problem.reason for problem in preview.problems}
    assert sorted(reasons) == [4, 5, 6, 7, 8, 9, 10, 11, 12]
    assert "session_ref is empty; a hurt row names the session_ref" in reasons[4]
    assert "session_ref 's9' matches no session row" in reasons[5]
    assert "action is 'cried'; on a hurt row it must be one of skipped, ended" in reasons[6]
    assert "exercise_id is empty; a hurt row needs it" in reasons[7]
    assert "score belong(s) to pain rows; leave them empty on a hurt row" in reasons[8]
    assert "note belong(s) to pain and session rows" in reasons[9]
    assert "exercise_id belong(s) to hurt rows; leave them empty on a pain row" in reasons[10]
    assert "so this answer is not imported either" in reasons[12]
    assert apply_import(empty, preview) == ImportResult(added=2, skipped_duplicates=0)
    (session,) = empty.sessions(*EVERYTHING)
    assert session.exercises_skipped == ("chin-tucks",)
    assert [e.action for e in empty.hurt_events_between(*EVERYTHING)] == ["skipped"]


def test_a_file_from_before_hurt_rows_still_imports(empty: Database, tmp_path: Path) -> None:
    """The first format's fourteen columns, as every earlier SpineCoach wrote them."""
    path = _write(
        tmp_path / "old.csv",
        HEADER,
        "session,2026-03-01T09:00:00+00:00,,,,desk-break,Desk break,,"
        "2026-03-01T09:05:00+00:00,chin-tucks,5,stopped,,7",
        "pain,2026-03-01T09:00:00+00:00,5,before,,,,,,,,,,7",
    )
    preview = read_csv(path, now=NOW)
    assert (preview.problems, preview.hurt_events) == ((), ())
    assert apply_import(empty, preview) == ImportResult(added=2, skipped_duplicates=0)
    (session,) = empty.sessions(*EVERYTHING)
    assert session.exercises_skipped == ()


def test_skipped_exercises_round_trip(database: Database, empty: Database, tmp_path: Path) -> None:
    session = database.start_session("desk-break", "Desk break", 4, NOW)
    assert session.id is not None
    database.record_exercise_done(session.id, "chin-tucks")
    database.record_exercise_skipped(session.id, "shoulder-rolls")
    database.finish_session(session.id, SessionStatus.COMPLETED, NOW + timedelta(minutes=2))
    apply_import(empty, read_csv(export_csv(database, tmp_path / "s.csv").path, now=NOW))
    (imported,) = empty.sessions(*EVERYTHING)
    assert imported.exercises_completed == ("chin-tucks",)
    assert imported.exercises_skipped == ("shoulder-rolls",)


def test_an_in_progress_session_is_exported_and_imported_as_incomplete(
    database: Database, empty: Database, tmp_path: Path
) -> None:
    _session(database, NOW, status=SessionStatus.IN_PROGRESS)
    apply_import(empty, read_csv(export_csv(database, tmp_path / "h.csv").path, now=NOW))
    (imported,) = empty.sessions(*EVERYTHING)
    assert imported.status is SessionStatus.INCOMPLETE
    assert imported.exercises_completed == ("cat-cow",)
    assert imported.ended_at is None


def test_imported_sessions_are_real_records(empty: Database, tmp_path: Path) -> None:
    path = _write(
        tmp_path / "f.csv",
        HEADER,
        "session,2026-03-02T08:00:00+01:00,,,,core-strength,Core strength,,"
        "2026-03-02T08:15:00+01:00,bird-dog;glute-bridge,8,completed,same,s2",
    )
    apply_import(empty, read_csv(path, now=NOW))
    (stored,) = empty.sessions(*EVERYTHING)
    assert stored == SessionRecord(
        id=stored.id,
        routine_id="core-strength",
        routine_name="Core strength",
        started_at=datetime(2026, 3, 2, 8, 0, tzinfo=timezone(timedelta(hours=1))),
        ended_at=datetime(2026, 3, 2, 8, 15, tzinfo=timezone(timedelta(hours=1))),
        exercises_completed=("bird-dog", "glute-bridge"),
        exercises_total=8,
        status=SessionStatus.COMPLETED,
        feeling="same",
    )


# Bounds and the formula guard, through the files --------------------------------------------


OUT_OF_BOUNDS_FILE = (
    HEADER,
    "pain,9999-12-31T23:59:59-05:00,4,check-in,,,,,,,,,,",  # 2 beyond datetime in UTC
    "pain,0001-01-01T00:00:00+00:00,4,check-in,,,,,,,,,,",  # 3 year 1
    "pain,2026-03-01T08:00:00+01:00,4,check-in,slept\x00badly,,,,,,,,,",  # 4 NUL
    "session,2026-03-01T09:00:00+00:00,,,,desk-break,Desk break,,"
    "2026-03-01T08:59:00+00:00,,5,stopped,,s1",  # 5 ends before it starts
    "pain,2026-03-01T09:00:00+00:00,5,before,,,,,,,,,,s1",  # 6 its session is bad
    "session,2026-03-01T10:00:00+00:00,,,,desk-break,Desk break,,"
    '2026-03-01T10:05:00+00:00,"=HYPERLINK(""http://example.com"";""x"")",5,stopped,,s2',  # 7
    "pain,2026-03-01T10:05:00+00:00,3,after,'=1+1,,,,,,,,,s2",  # 8 ok, guarded note
)


def test_rows_out_of_bounds_are_reported_and_the_rest_imports_and_exports(
    empty: Database, tmp_path: Path
) -> None:
    preview = read_csv(_write(tmp_path / "in.csv", *OUT_OF_BOUNDS_FILE), now=NOW)

    reasons = {problem.line_number: problem.reason for problem in preview.problems}
    assert sorted(reasons) == [2, 3, 4, 5, 6]
    assert "is in the future" in reasons[2]
    assert "is before 1970-01-01" in reasons[3]
    assert "control character U+0000" in reasons[4]
    assert "before the session started" in reasons[5]
    assert "its session (session_ref 's1', line 5) has a problem" in reasons[6]
    assert apply_import(empty, preview) == ImportResult(added=2, skipped_duplicates=0)
    (session,) = empty.sessions(*EVERYTHING)
    assert session.exercises_completed == ('=HYPERLINK("http://example.com"', '"x")')

    text = export_csv(empty, tmp_path / "out.csv").path.read_text(encoding="utf-8-sig")

    assert '\'=HYPERLINK(""http://example.com"";""x"")' in text
    assert "'=1+1" in text
    again = read_csv(tmp_path / "out.csv", now=NOW)
    assert again.problems == ()
    assert again.sessions[0].session.exercises_completed == session.exercises_completed
    assert again.pain_entries[0].entry.note == "=1+1"


def test_the_import_now_decides_what_is_in_the_future(tmp_path: Path) -> None:
    path = _write(tmp_path / "f.csv", HEADER, "pain,2026-03-04T09:00:00Z,4,check-in,,,,,,,,,,")
    assert [p.line_number for p in read_csv(path, now=NOW).problems] == [2]
    later = read_csv(path, now=NOW + timedelta(days=2))
    assert (later.problems, len(later.pain_entries)) == ((), 1)


def test_formula_looking_text_in_every_column_round_trips_guarded(
    database: Database, empty: Database, tmp_path: Path
) -> None:
    started = datetime(2026, 3, 1, 9, 0, tzinfo=INDIA)
    session = database.start_session(
        "=cmd|' /C calc'!A0", "@SUM(1+1)*cmd|' /C calc'!A0", 4, started
    )
    assert session.id is not None
    for exercise in ("-bird-dog", "+cat-cow", "'=quoted"):
        database.record_exercise_done(session.id, exercise)
    database.finish_session(
        session.id, SessionStatus.STOPPED, started + timedelta(minutes=3), note="\t-tabbed"
    )
    path = export_csv(database, tmp_path / "h.csv").path
    with path.open(encoding="utf-8-sig", newline="") as handle:
        header, row = list(csv.reader(handle))
    cells = dict(zip(header, row, strict=True))

    for column in ("note", "routine_id", "routine_name", "exercises_completed", "session_ref"):
        assert cells[column][:1] not in FORMULA_STARTS, column
    apply_import(empty, read_csv(path, now=NOW))
    assert _history(empty) == _history(database)


def test_the_documented_example_imports_as_described(empty: Database, tmp_path: Path) -> None:
    """docs/CSV_FORMAT.md's example, as a person would copy it into a file."""
    doc = (Path(__file__).parents[2] / "docs" / "CSV_FORMAT.md").read_text(encoding="utf-8")
    example = doc.split("Example (", 1)[1].split("```", 2)[1].strip()
    path = tmp_path / "example.csv"
    path.write_text(example + "\n", encoding="utf-8")
    preview = read_csv(path, now=datetime(2026, 11, 23, tzinfo=UTC))
    assert preview.problems == ()
    assert apply_import(empty, preview) == ImportResult(added=6, skipped_duplicates=0)
    (session,) = empty.sessions(*EVERYTHING)
    assert session.exercises_skipped == ("childs-pose",)
    assert [(e.exercise_id, e.action) for e in empty.hurt_events_between(*EVERYTHING)] == [
        ("cat-cow", "continued"),
        ("bird-dog", "ended"),
    ]
