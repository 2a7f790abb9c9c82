"""The CSV format's rules: header, each field's checks and messages, linking, formula guard."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime, timedelta, timezone

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from spinecoach.core.csv_format import (
    COLUMNS,
    FORMULA_STARTS,
    MAX_ID_LENGTH,
    CsvFormatError,
    Header,
    HurtRow,
    PainRow,
    RowError,
    RowProblem,
    SessionRow,
    format_hurt_row,
    format_pain_row,
    format_session_row,
    is_control,
    parse_row,
    parse_table,
    protect_text,
    read_header,
    unprotect_text,
    without_controls,
)
from spinecoach.core.records import (
    MAX_NOTE_LENGTH,
    HurtEvent,
    PainContext,
    PainEntry,
    SessionRecord,
    SessionStatus,
)

HEADER = read_header(COLUMNS)
PARIS = timezone(timedelta(hours=1))
T = "2026-11-22T09:30:00+01:00"
MOMENT = datetime(2026, 11, 22, 9, 30, tzinfo=PARIS)
NOW = datetime(2026, 11, 25, 12, 0, tzinfo=UTC)
"""When the tests' import happens: times up to a day later are accepted."""


def row(**cells: str) -> list[str]:
    """A data row in COLUMNS order with the given cells filled."""
    unknown = set(cells) - set(COLUMNS)
    assert not unknown, unknown
    return [cells.get(column, "") for column in COLUMNS]


def pain(**cells: str) -> list[str]:
    return row(**{"kind": "pain", "time": T, "score": "4", "context": "before", **cells})


def session(**cells: str) -> list[str]:
    defaults = {
        "kind": "session",
        "time": T,
        "started": T,
        "ended": "2026-11-22T09:45:00+01:00",
        "routine_id": "morning-mobility",
        "routine_name": "Morning mobility",
        "exercises_completed": "cat-cow;bird-dog",
        "exercises_total": "8",
        "status": "completed",
        "feeling": "easier",
        "session_ref": "1",
    }
    return row(**{**defaults, **cells})


def parse(values: Sequence[str]) -> PainRow | SessionRow | HurtRow:
    return parse_row(values, HEADER, 2, now=NOW)


def reason(values: Sequence[str]) -> str:
    with pytest.raises(RowError) as caught:
        parse(values)
    return str(caught.value)


# Header --------------------------------------------------------------------------------------


def test_columns_are_the_documented_ones_in_order() -> None:
    assert COLUMNS == (
        "kind",
        "time",
        "score",
        "context",
        "note",
        "routine_id",
        "routine_name",
        "started",
        "ended",
        "exercises_completed",
        "exercises_total",
        "status",
        "feeling",
        "session_ref",
        "exercises_skipped",
        "exercise_id",
        "action",
    )


def test_header_in_any_order_and_case_with_a_stray_bom_and_extra_columns() -> None:
    names = ["\ufeffSCORE", " Kind ", *reversed(COLUMNS[2:]), "time", "mood"]
    names.remove("score")
    header = read_header(names)
    assert header.width == len(names)
    assert header.positions["score"] == 0
    assert header.positions["kind"] == 1
    assert "mood" not in header.positions


@pytest.mark.parametrize(
    ("names", "message"),
    [
        (["date", "pain"], "not a SpineCoach header"),
        ([c for c in COLUMNS if c != "context"], "lacks the column(s) context"),
        ([*COLUMNS, "Score"], "names the column 'score' twice"),
        ([], "not a SpineCoach header"),
    ],
)
def test_bad_headers_are_refused_with_the_reason(names: list[str], message: str) -> None:
    with pytest.raises(CsvFormatError, match=message.replace("(", r"\(").replace(")", r"\)")):
        read_header(names)


# Pain rows -----------------------------------------------------------------------------------


def test_a_pain_row_becomes_a_pain_entry() -> None:
    parsed = parse(pain(note="stiff, after the drive", session_ref="7"))
    assert parsed == PainRow(
        2,
        PainEntry(
            recorded_at=MOMENT, score=4, context=PainContext.BEFORE, note="stiff, after the drive"
        ),
        "7",
    )
    assert parsed.entry.recorded_at.utcoffset() == timedelta(hours=1)


def test_lenient_where_it_is_safe() -> None:
    parsed = parse(
        pain(kind=" Pain ", score=" 10 ", context="CHECK-IN", time=" 2026-11-22T08:30:00Z ")
    )
    assert isinstance(parsed, PainRow)
    assert parsed.entry.score == 10
    assert parsed.entry.context is PainContext.CHECK_IN
    assert parsed.entry.recorded_at == MOMENT
    assert parsed.entry.recorded_at.utcoffset() == timedelta(0)


@pytest.mark.parametrize(
    ("values", "message"),
    [
        (pain(score="11"), "score 11 is out of range; pain scores run from 0 to 10"),
        (pain(score="-1"), "score '-1' is not a whole number from 0 to 10"),
        (pain(score="4.5"), "score '4.5' is not a whole number from 0 to 10"),
        (pain(score="four"), "score 'four' is not a whole number"),
        (pain(score=""), "score is empty"),
        (pain(context="during"), "context 'during' is unknown; it must be one of before, after"),
        (pain(context=""), "context is empty"),
        (pain(time="22/11/2026 09:30"), "time '22/11/2026 09:30' is not an ISO 8601 date"),
        (pain(time="2026-11-22T09:30:00"), "has no UTC offset"),
        (pain(time="2026-11-22"), "has no UTC offset"),
        (pain(time=""), "time is empty; write it like 2026-11-22T09:30:00+01:00"),
        (pain(time="2026-02-30T09:30:00+01:00"), "is not an ISO 8601 date"),
        (pain(note="x" * (MAX_NOTE_LENGTH + 1)), "note is 1001 characters long; the limit is 1000"),
        (pain(status="completed"), "status belong(s) to session rows; leave them empty on a pain"),
        (pain(kind="mood"), "kind 'mood' is unknown; it must be one of 'pain', 'session', 'hurt'"),
        (pain(kind=""), "kind is empty"),
        (pain()[:-1], "has 16 values but the header has 17 columns"),
        ([*pain(), "extra"], "has 18 values but the header has 17 columns"),
        (pain(action="skipped"), "action belong(s) to hurt rows; leave them empty on a pain"),
    ],
)
def test_bad_pain_rows_say_what_is_wrong(values: list[str], message: str) -> None:
    assert message in reason(values)


def test_the_longest_note_is_accepted() -> None:
    parsed = parse(pain(note="n" * MAX_NOTE_LENGTH))
    assert isinstance(parsed, PainRow)
    assert len(parsed.entry.note) == MAX_NOTE_LENGTH


# Session rows ---------------------------------------------------------------------------------


def test_a_session_row_becomes_a_session_record() -> None:
    parsed = parse(session(note="Felt looser"))
    assert parsed == SessionRow(
        2,
        SessionRecord(
            routine_id="morning-mobility",
            routine_name="Morning mobility",
            started_at=MOMENT,
            ended_at=MOMENT + timedelta(minutes=15),
            exercises_completed=("cat-cow", "bird-dog"),
            exercises_total=8,
            status=SessionStatus.COMPLETED,
            feeling="easier",
            note="Felt looser",
        ),
        "1",
    )


def test_session_start_may_be_given_in_time_or_started_alone() -> None:
    only_time = parse(session(started=""))
    only_started = parse(session(time=""))
    same_moment_other_offset = parse(session(time="2026-11-22T08:30:00+00:00"))
    for parsed in (only_time, only_started, same_moment_other_offset):
        assert isinstance(parsed, SessionRow)
        assert parsed.session.started_at == MOMENT
    assert isinstance(same_moment_other_offset, SessionRow)
    assert same_moment_other_offset.session.started_at.utcoffset() == timedelta(hours=1)


def test_an_in_progress_session_is_imported_as_incomplete() -> None:
    parsed = parse(session(status="in-progress", ended="", feeling=""))
    assert isinstance(parsed, SessionRow)
    assert parsed.session.status is SessionStatus.INCOMPLETE


def test_exercise_list_may_be_empty_or_spaced() -> None:
    empty = parse(session(exercises_completed="", status="incomplete", ended=""))
    spaced = parse(session(exercises_completed=" cat-cow ; bird-dog ;"))
    assert isinstance(empty, SessionRow)
    assert isinstance(spaced, SessionRow)
    assert empty.session.exercises_completed == ()
    assert spaced.session.exercises_completed == ("cat-cow", "bird-dog")


@pytest.mark.parametrize(
    ("values", "message"),
    [
        (session(time="", started=""), "started is empty"),
        (session(time="2026-11-22T10:00:00+01:00"), "differ; on a session row both are"),
        (session(ended="soon"), "ended 'soon' is not an ISO 8601"),
        (session(ended=""), "ended is empty; a completed session needs the time it ended"),
        (session(status="stopped", ended=""), "a stopped session needs"),
        (session(status="paused"), "status is 'paused'; it must be one of in-progress"),
        (session(status=""), "status is empty"),
        (session(feeling="great"), "feeling 'great' is unknown; it must be one of easier, same"),
        (session(routine_id=""), "routine_id is empty"),
        (session(routine_name="  "), "routine_name is empty"),
        (session(exercises_total="0"), "exercises_total is '0'; it must be a whole number of at"),
        (session(exercises_total=""), "exercises_total is empty"),
        (session(exercises_total="1"), "lists 2 exercises but exercises_total is 1"),
        (session(score="3", context="after"), "score, context belong(s) to pain rows"),
    ],
)
def test_bad_session_rows_say_what_is_wrong(values: list[str], message: str) -> None:
    assert message in reason(values)


# Whole tables ---------------------------------------------------------------------------------


def test_table_links_scores_to_sessions_in_any_order_and_skips_blank_rows() -> None:
    table = parse_table(
        COLUMNS,
        now=NOW,
        rows=[
            (2, pain(session_ref="s1")),
            (3, [""] * len(COLUMNS)),
            (4, session(session_ref="s1")),
            (5, pain(context="check-in")),
            (6, [" "] * len(COLUMNS)),
        ],
    )
    assert table.problems == ()
    assert [s.line_number for s in table.sessions] == [4]
    assert [(p.line_number, p.session_ref) for p in table.pain_entries] == [(2, "s1"), (5, "")]


def test_table_reports_broken_links_with_their_reasons() -> None:
    table = parse_table(
        COLUMNS,
        now=NOW,
        rows=[
            (2, session(session_ref="a", status="paused")),
            (3, pain(session_ref="a")),
            (4, pain(session_ref="nowhere")),
            (5, session(session_ref="b")),
            (
                6,
                session(
                    session_ref="b",
                    time="",
                    started="2026-11-23T09:30:00+01:00",
                    ended="2026-11-23T09:45:00+01:00",
                ),
            ),
            (7, pain(session_ref="b")),
        ],
    )
    assert [s.line_number for s in table.sessions] == [5]
    assert [p.line_number for p in table.pain_entries] == [7]
    assert [p.line_number for p in table.problems] == [2, 3, 4, 6]
    by_line = {p.line_number: p.reason for p in table.problems}
    assert "status is 'paused'" in by_line[2]
    assert "its session (session_ref 'a', line 2) has a problem" in by_line[3]
    assert "session_ref 'nowhere' matches no session row in this file" in by_line[4]
    assert "session_ref 'b' is already used by the session on line 5" in by_line[6]
    assert str(table.problems[0]).startswith("line 2: ")


def test_table_with_a_bad_header_raises() -> None:
    with pytest.raises(CsvFormatError):
        parse_table(["when", "how much"], [(2, ["x", "y"])], now=NOW)


def test_header_width_counts_for_rows() -> None:
    header = read_header([*COLUMNS, "extra"])
    assert header == Header(header.positions, len(COLUMNS) + 1)
    parsed = parse_row([*pain(), "ignored"], header, 9, now=NOW)
    assert isinstance(parsed, PainRow)
    assert parsed.line_number == 9


# Writing and reading back ---------------------------------------------------------------------


def test_rows_are_written_in_column_order() -> None:
    entry = PainEntry(recorded_at=MOMENT, score=3, context=PainContext.AFTER, note="=1+1")
    assert format_pain_row(entry, "12") == row(
        kind="pain", time=T, score="3", context="after", note="'=1+1", session_ref="12"
    )
    record = SessionRecord(
        routine_id="desk-break",
        routine_name="Two-minute desk break",
        started_at=MOMENT,
        exercises_completed=("chin-tucks",),
        exercises_total=5,
        status=SessionStatus.INCOMPLETE,
    )
    assert format_session_row(record, "12") == row(
        kind="session",
        time=T,
        routine_id="desk-break",
        routine_name="Two-minute desk break",
        started=T,
        exercises_completed="chin-tucks",
        exercises_total="5",
        status="incomplete",
        session_ref="12",
    )


def test_an_exercise_id_that_cannot_be_written_is_refused() -> None:
    record = SessionRecord(
        routine_id="r",
        routine_name="R",
        started_at=MOMENT,
        exercises_completed=("a;b",),
        exercises_total=1,
        status=SessionStatus.INCOMPLETE,
    )
    with pytest.raises(ValueError, match="cannot be written to CSV"):
        format_session_row(record)


@pytest.mark.parametrize(
    ("text", "written"),
    [
        ("=SUM(A1:A9)", "'=SUM(A1:A9)"),
        ("+1 since yesterday", "'+1 since yesterday"),
        ("-2 after the walk", "'-2 after the walk"),
        ("@home", "'@home"),
        ("\tindented", "'\tindented"),
        ("'=already quoted", "''=already quoted"),
        ("''", "'''"),
        ("'quoted' word", "'quoted' word"),
        ("'", "'"),
        ("plain", "plain"),
        ("", ""),
    ],
)
def test_formula_guard(text: str, written: str) -> None:
    assert protect_text(text) == written
    assert unprotect_text(written) == text


@given(st.text(max_size=30))
def test_formula_guard_round_trips_any_text(text: str) -> None:
    written = protect_text(text)
    assert unprotect_text(written) == text
    assert written[:1] not in {"=", "+", "-", "@", "\t", "\r"}


offsets = st.integers(min_value=-(14 * 3600), max_value=14 * 3600).map(
    lambda seconds: timezone(timedelta(seconds=seconds))
)
moments = st.datetimes(
    min_value=datetime(1970, 1, 2), max_value=datetime(2026, 11, 24), timezones=offsets
)
# What a person can type: anything but control characters; notes also tabs and line breaks.
typed = st.characters(exclude_categories=["Cc", "Cs"])
notes = st.text(typed | st.sampled_from("\t\n"), max_size=MAX_NOTE_LENGTH)
# Library ids, and ids starting like a formula (the guard must cover exercises_completed).
ids = st.from_regex(r"[=+\-@']?[a-z0-9]+(-[a-z0-9]+)*", fullmatch=True).filter(
    lambda text: len(text) <= MAX_ID_LENGTH
)


@settings(max_examples=150, deadline=None)
@given(at=moments, score=st.integers(0, 10), context=st.sampled_from(PainContext), note=notes)
def test_any_pain_entry_survives_format_then_parse(
    at: datetime, score: int, context: PainContext, note: str
) -> None:
    entry = PainEntry(recorded_at=at, score=score, context=context, note=note)
    parsed = parse(format_pain_row(entry))
    assert isinstance(parsed, PainRow)
    assert parsed.entry == entry
    assert parsed.entry.recorded_at.isoformat() == at.isoformat()


@settings(max_examples=150, deadline=None)
@given(
    started=moments,
    minutes=st.one_of(st.none(), st.integers(0, 600)),
    done=st.lists(ids, max_size=6),
    extra=st.integers(0, 3),
    status=st.sampled_from([s for s in SessionStatus if s is not SessionStatus.IN_PROGRESS]),
    feeling=st.sampled_from([None, "easier", "same", "harder"]),
    routine_id=st.text(typed, min_size=1, max_size=20).filter(str.strip),
    routine_name=st.text(typed, min_size=1, max_size=40).filter(str.strip),
    note=notes,
)
def test_any_finished_session_survives_format_then_parse(
    started: datetime,
    minutes: int | None,
    done: list[str],
    extra: int,
    status: SessionStatus,
    feeling: str | None,
    routine_id: str,
    routine_name: str,
    note: str,
) -> None:
    if status is not SessionStatus.INCOMPLETE and minutes is None:
        minutes = 10
    record = SessionRecord(
        routine_id=routine_id,
        routine_name=routine_name,
        started_at=started,
        ended_at=None if minutes is None else started + timedelta(minutes=minutes),
        exercises_completed=tuple(done),
        exercises_total=len(done) + extra if done or extra else 1,
        status=status,
        feeling=feeling,  # type: ignore[arg-type]
        note=note,
    )
    parsed = parse(format_session_row(record, "r"))
    assert isinstance(parsed, SessionRow)
    assert parsed.session == record
    assert parsed.session_ref == "r"


def test_problem_reads_as_a_sentence() -> None:
    assert str(RowProblem(12, "score 11 is out of range")) == "line 12: score 11 is out of range"


def test_utc_written_as_offset_reads_back_equal() -> None:
    entry = PainEntry(
        recorded_at=datetime(2026, 1, 1, tzinfo=UTC), score=0, context=PainContext.CHECK_IN
    )
    cells = format_pain_row(entry)
    assert cells[1] == "2026-01-01T00:00:00+00:00"
    parsed = parse(cells)
    assert isinstance(parsed, PainRow)
    assert parsed.entry == entry


# Bounds: nothing accepted may later break an export, History's "All" or the report ------------


@pytest.mark.parametrize(
    ("values", "message"),
    [
        # Past the last year datetime holds once in UTC: every export raised OverflowError.
        (pain(time="9999-12-31T23:59:59-05:00"), "is in the future (not before 2026-11-26T12:00"),
        # Year 1: History's "All" (a day before the first entry) and the report overflowed.
        (pain(time="0001-01-01T00:00:00+00:00"), "is before 1970-01-01; SpineCoach holds nothing"),
        (pain(time="1969-12-31T23:59:59Z"), "is before 1970-01-01"),
        (pain(time="1970-01-01T00:30:00+01:00"), "is before 1970-01-01"),  # 23:30 UTC
        # History's "All" ends a day after now, exclusive: that moment itself is refused.
        (pain(time="2026-11-26T12:00:00+00:00"), "is in the future"),
        (pain(time="2026-11-26T07:00:00-05:00"), "is in the future"),
        (pain(time="2062-11-22T09:30:00+01:00"), "is the year right?"),
        (session(time="", started="2027-01-01T09:00:00Z", ended=""), "started '2027-01-01T09"),
        (session(time="2027-01-01T09:00:00Z", started="", ended=""), "time '2027-01-01T09:00"),
        (session(ended="2026-11-27T09:45:00+01:00"), "ended '2026-11-27T09:45:00+01:00' is in"),
        (session(ended="0001-01-01T00:00:00+00:00"), "ended '0001-01-01T00:00:00+00:00' is befo"),
    ],
)
def test_times_outside_1970_to_a_day_after_the_import_are_refused(
    values: list[str], message: str
) -> None:
    assert message in reason(values)


@pytest.mark.parametrize(
    "time",
    [
        "1970-01-01T00:00:00+00:00",
        "1970-01-01T00:00:00-05:00",
        "2026-11-26T11:59:59.999999+00:00",
        "2026-11-26T13:59:59.999999+02:00",
    ],
)
def test_the_edges_of_the_time_range_are_accepted(time: str) -> None:
    parsed = parse(pain(time=time))
    assert isinstance(parsed, PainRow)
    assert parsed.entry.recorded_at == datetime.fromisoformat(time)


def test_the_future_is_measured_from_the_now_passed_in() -> None:
    later = pain(time="2030-01-01T00:00:00Z")
    assert "is in the future" in reason(later)
    parsed = parse_row(later, HEADER, 2, now=datetime(2029, 12, 31, 0, 0, 1, tzinfo=UTC))
    assert isinstance(parsed, PainRow)


def test_a_naive_now_is_a_programming_error_not_a_row_problem() -> None:
    with pytest.raises(ValueError, match="timezone-aware"):
        parse_table(COLUMNS, [], now=datetime(2026, 11, 25))


def test_a_session_ending_before_it_starts_is_refused() -> None:
    message = reason(session(ended="2026-11-22T09:29:59+01:00"))
    assert message.startswith("ended '2026-11-22T09:29:59+01:00' is before the session started")
    # The same moment written in another offset is not earlier.
    same = parse(session(ended="2026-11-22T08:30:00+00:00"))
    assert isinstance(same, SessionRow)
    assert same.session.ended_at == same.session.started_at


@pytest.mark.parametrize(
    ("values", "message"),
    [
        (pain(note="slept\x00badly"), "note holds the control character U+0000 at character 6"),
        (pain(note="\x1b[31mred"), "U+001B at character 1"),
        (pain(note="line\rbreak"), "U+000D at character 5"),  # a lone CR
        (pain(note="tail\r"), "U+000D at character 5"),
        (pain(note="del\x7f"), "U+007F"),
        (pain(note="next\x85line"), "U+0085"),
        (session(routine_id="desk\x00break"), "routine_id holds the control character U+0000"),
        (session(routine_name="Desk\tbreak"), "routine_name holds the control character U+0009"),
        (session(routine_name="Desk\nbreak"), "routine_name holds the control character U+000A"),
        (session(exercises_completed="cat-cow;bird\x01dog"), "exercises_completed holds the co"),
        (session(session_ref="4\x002"), "session_ref holds the control character U+0000"),
        (pain(session_ref="4\x002"), "session_ref holds the control character U+0000"),
    ],
)
def test_control_characters_are_refused_in_every_text_column(
    values: list[str], message: str
) -> None:
    assert message in reason(values)


def test_a_note_may_hold_tabs_and_line_breaks_of_either_kind() -> None:
    text = "first\tline\nsecond line\r\nthird"
    parsed = parse(pain(note=text))
    assert isinstance(parsed, PainRow)
    assert parsed.entry.note == text  # kept exactly as written


@pytest.mark.parametrize(
    ("values", "message"),
    [
        (session(routine_id="r" * 101), "routine_id is 101 characters long; the limit is 100"),
        (session(routine_name="N" * 201), "routine_name is 201 characters long; the limit is 200"),
        (
            session(exercises_completed="cat-cow;" + "x" * 101),
            "exercises_completed has an exercise id that is 101 characters long; the limit is 100",
        ),
        (session(session_ref="s" * 101), "session_ref is 101 characters long; the limit is 100"),
        (pain(session_ref="s" * 101), "session_ref is 101 characters long"),
        (session(exercises_total="101"), "exercises_total is 101; a routine has at most 100"),
        # int() refuses more than 4,300 digits with its own ValueError; these are row problems.
        (session(exercises_total="9" * 5000), "exercises_total is 99999"),
        (pain(score="9" * 5000), "score 99999"),
        (pain(score="1" + "0" * 5000), "is out of range"),
    ],
)
def test_over_long_fields_and_huge_numbers_are_refused(values: list[str], message: str) -> None:
    assert message in reason(values)


def test_the_longest_allowed_fields_are_accepted() -> None:
    parsed = parse(
        session(
            routine_id="r" * 100,
            routine_name="N" * 200,
            exercises_completed=";".join(f"{i:0100d}" for i in range(100)),
            exercises_total="100",
            session_ref="s" * 100,
            note="n" * MAX_NOTE_LENGTH,
        )
    )
    assert isinstance(parsed, SessionRow)
    assert len(parsed.session.exercises_completed) == 100


def test_a_huge_cell_is_quoted_short_in_the_message() -> None:
    message = reason(pain(context="x" * 100_000))
    assert len(message) < 150
    assert "'xxxxxxxx" in message
    assert "…'" in message


def test_control_characters_helpers() -> None:
    assert [is_control(c) for c in "\x00\x1f\x7f\x85\x9f"] == [True] * 5
    assert [is_control(c) for c in "a é\u200b\u2028😀"] == [False] * 6
    assert without_controls("a\x00b\tc\nd\re\x7ff") == "ab\tc\ndef"
    assert without_controls("a\tb", keep="") == "ab"


# The formula guard covers every text column ------------------------------------------------------


GUARDED_SESSION = SessionRecord(
    routine_id="=cmd|'/c calc'!A1",
    routine_name="+Evil routine",
    started_at=MOMENT,
    ended_at=MOMENT + timedelta(minutes=5),
    exercises_completed=('=HYPERLINK("http://example.com/x")', "-bird-dog", "@cat-cow"),
    exercises_total=5,
    status=SessionStatus.STOPPED,
    note="-2 after the walk",
)


def test_every_text_cell_of_a_session_row_is_guarded() -> None:
    cells = dict(zip(COLUMNS, format_session_row(GUARDED_SESSION, "12"), strict=True))
    assert cells["routine_id"] == "'=cmd|'/c calc'!A1"
    assert cells["routine_name"] == "'+Evil routine"
    assert cells["exercises_completed"] == '\'=HYPERLINK("http://example.com/x");-bird-dog;@cat-cow'
    assert cells["note"] == "'-2 after the walk"
    assert cells["session_ref"] == "12"
    for column in ("note", "routine_id", "routine_name", "exercises_completed", "session_ref"):
        assert cells[column][:1] not in FORMULA_STARTS


def test_guarded_session_reads_back_as_written() -> None:
    parsed = parse(format_session_row(GUARDED_SESSION, "12"))
    assert isinstance(parsed, SessionRow)
    assert parsed.session == GUARDED_SESSION
    assert parsed.session_ref == "12"


def test_an_unguarded_formula_imported_from_a_file_is_guarded_on_the_next_export() -> None:
    # A hand-made file: the formula arrives without an apostrophe.
    parsed = parse(session(exercises_completed='=HYPERLINK("http://example.com";"click")'))
    assert isinstance(parsed, SessionRow)
    assert parsed.session.exercises_completed == ('=HYPERLINK("http://example.com"', '"click")')
    cells = dict(zip(COLUMNS, format_session_row(parsed.session), strict=True))
    assert cells["exercises_completed"] == '\'=HYPERLINK("http://example.com";"click")'
    again = parse(format_session_row(parsed.session))
    assert isinstance(again, SessionRow)
    assert again.session == parsed.session


def test_session_refs_are_guarded_and_link_either_way() -> None:
    cells = format_pain_row(
        PainEntry(recorded_at=MOMENT, score=2, context=PainContext.AFTER), session_ref="-1"
    )
    assert dict(zip(COLUMNS, cells, strict=True))["session_ref"] == "'-1"
    table = parse_table(
        COLUMNS, [(2, session(session_ref="'-1")), (3, pain(session_ref="-1"))], now=NOW
    )
    assert table.problems == ()
    assert [(row.session_ref, row.line_number) for row in table.pain_entries] == [("-1", 3)]


# Hurt rows ------------------------------------------------------------------------------------


def test_a_hurt_row_is_written_and_read_back() -> None:
    event = HurtEvent(session_id=12, exercise_id="-bird-dog", recorded_at=MOMENT, action="ended")
    cells = format_hurt_row(event, "12")
    assert dict(zip(COLUMNS, cells, strict=True))["exercise_id"] == "'-bird-dog"  # guarded
    parsed = parse(cells)
    assert parsed == HurtRow(2, MOMENT, "-bird-dog", "ended", "12")


def test_a_header_without_the_later_columns_reads_them_as_empty() -> None:
    old = [column for column in COLUMNS if column not in ("exercises_skipped", "action")]
    header = read_header(old)
    values = [dict(zip(COLUMNS, session(), strict=True))[column] for column in old]
    parsed = parse_row(values, header, 2, now=NOW)
    assert isinstance(parsed, SessionRow)
    assert parsed.session.exercises_skipped == ()
