"""The recording protocol, driven without Qt or SQLite: what is written, in which order."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

from spinecoach import paths
from spinecoach.core.clock import FakeClock
from spinecoach.core.exercise import Dosage
from spinecoach.core.records import HurtAction, PainEntry, SessionStatus
from spinecoach.core.session_recorder import SessionRecorder
from spinecoach.core.translation import load_library_in
from tests.factories import exercise, routine

T0 = datetime(2026, 11, 23, 10, 0, tzinfo=UTC)
ROUTINE = routine(exercise("Knee hug", Dosage(reps=1, hold_seconds=10)))
GENTLER = routine(exercise("Tiny move", Dosage(reps=1, hold_seconds=5)))


@dataclass
class ListStore:
    """Writes each call down; every outcome is its own line, so `report` can be checked."""

    calls: list[str] = field(default_factory=list)

    def start_session(
        self, routine_id: str, routine_name: str, exercises_total: int, started_at: datetime
    ) -> tuple[str, str]:
        self.calls.append(f"start {routine_id} {exercises_total} {started_at:%H:%M}")
        return "key-1", self.calls[-1]

    def add_pain_entry(self, entry: PainEntry, session: str | None = None) -> str:
        self.calls.append(f"pain {entry.context.value} {entry.score} {session} {entry.note!r}")
        return self.calls[-1]

    def record_exercise_done(self, session: str, exercise_id: str) -> str:
        self.calls.append(f"done {session} {exercise_id}")
        return self.calls[-1]

    def finish_session(
        self,
        session: str,
        status: SessionStatus,
        ended_at: datetime,
        feeling: str | None = None,
        note: str = "",
    ) -> str:
        self.calls.append(f"finish {session} {status.value} {ended_at:%H:%M} {feeling} {note!r}")
        return self.calls[-1]

    def add_hurt_event(
        self, session: str, exercise_id: str, recorded_at: datetime, action: HurtAction
    ) -> str:
        self.calls.append(f"hurt {session} {exercise_id} {action}")
        return self.calls[-1]

    def record_exercise_skipped(self, session: str, exercise_id: str) -> str:
        self.calls.append(f"skipped {session} {exercise_id}")
        return self.calls[-1]

    def add_session_feeling(self, session: str, feeling: str) -> str:
        self.calls.append(f"feeling {session} {feeling}")
        return self.calls[-1]


def recorder(store: ListStore, clock: FakeClock, reported: list[str]) -> SessionRecorder[str]:
    gentler = GENTLER.__class__(
        id="gentler", name="Gentler", description=GENTLER.description, items=GENTLER.items
    )
    return SessionRecorder(store, clock, report=reported.append, routines=lambda: [gentler])


def test_a_whole_session_is_recorded_in_order_and_every_write_is_reported() -> None:
    store, clock, reported = ListStore(), FakeClock(T0), list[str]()
    record = recorder(store, clock, reported)
    assert record.begin(ROUTINE, 3, "stiff") == "key-1"
    clock.advance(60)
    record.exercise_done("knee-hug")
    record.hurt("knee-hug", "skipped")
    clock.advance(60)
    advice = record.finish(completed=True, score_after=2, feeling="easier", note="ok")
    assert advice is None  # pain went down
    assert store.calls == [
        "start r 1 10:00",
        "pain before 3 key-1 'stiff'",
        "done key-1 knee-hug",
        "hurt key-1 knee-hug skipped",
        "finish key-1 completed 10:02 easier 'ok'",
        "pain after 2 key-1 ''",
    ]
    assert reported == store.calls  # the person can be told about every write


def test_skipped_scores_write_no_pain_entry_but_the_session_still_counts() -> None:
    store, clock, reported = ListStore(), FakeClock(T0), list[str]()
    record = recorder(store, clock, reported)
    record.begin(ROUTINE, None)
    assert record.finish(completed=False, score_after=None) is None
    assert [c.split()[0] for c in store.calls] == ["start", "finish"]
    assert "stopped" in store.calls[-1]


def test_a_rise_after_the_session_returns_the_advice_naming_a_gentler_routine() -> None:
    store, clock, reported = ListStore(), FakeClock(T0), list[str]()
    record = recorder(store, clock, reported)
    record.begin(ROUTINE, 3)
    clock.advance(timedelta(minutes=5).total_seconds())
    advice = record.finish(completed=True, score_after=5)
    assert advice is not None
    assert advice.summary == "Your pain went from 3 to 5 out of 10 during this session."
    assert advice.gentler_routine == "gentler"
    assert store.calls[-1].startswith("pain after 5")  # the score is written before advising


def test_severe_pain_without_a_before_score_still_gets_the_advice() -> None:
    store, clock, reported = ListStore(), FakeClock(T0), list[str]()
    record = recorder(store, clock, reported)
    record.begin(ROUTINE, None)
    advice = record.finish(completed=True, score_after=8)
    assert advice is not None and advice.show_red_flags


def test_nothing_is_written_for_a_session_that_never_began() -> None:
    store, clock, reported = ListStore(), FakeClock(T0), list[str]()
    record = recorder(store, clock, reported)
    record.exercise_done("knee-hug")
    record.hurt("knee-hug", "skipped")
    assert record.finish(completed=True, score_after=9) is None
    assert store.calls == [] and reported == []


def test_the_advice_speaks_the_words_it_is_given() -> None:
    words = load_library_in(paths.resources_dir(), paths.icons_dir() / "exercises", "de").words
    store, clock = ListStore(), FakeClock(T0)
    record = SessionRecorder(store, clock, routines=lambda: [GENTLER], words=words)
    before = record.advice_before(ROUTINE, 8)
    assert before is not None and before.title == "Ihre Schmerzen sind heute stark"
    record.begin(ROUTINE, 3)
    advice = record.finish(completed=True, score_after=5)
    assert advice is not None
    assert (
        advice.summary
        == "Ihre Schmerzen sind in dieser Übungseinheit von 3 auf 5 von 10 gestiegen."
    )
    english = SessionRecorder(ListStore(), clock).advice_before(ROUTINE, 8)
    assert english is not None and english.title != before.title  # English by default


def test_skips_and_every_hurt_answer_are_recorded_at_once_with_their_exercise() -> None:
    store, clock, reported = ListStore(), FakeClock(T0), list[str]()
    record = recorder(store, clock, reported)
    record.begin(ROUTINE, None)
    record.hurt("knee-hug", "continued")
    record.exercise_skipped("knee-hug")
    record.hurt("cat-cow", "skipped")
    assert store.calls[1:] == [
        "hurt key-1 knee-hug continued",
        "skipped key-1 knee-hug",
        "hurt key-1 cat-cow skipped",
    ]
    assert reported == store.calls


def test_the_logged_duration_is_the_time_exercising_not_the_questions_after() -> None:
    store, clock, reported = ListStore(), FakeClock(T0), list[str]()
    record = recorder(store, clock, reported)
    record.begin(ROUTINE, 4)
    clock.advance(117)  # the desk break plays
    ended = clock.now()
    clock.advance(95)  # the person takes their time over the question after
    record.finish(completed=True, score_after=3, ended_at=ended)
    assert store.calls[-2] == "finish key-1 completed 10:01 None ''"
    assert store.calls[-1] == "pain after 3 key-1 ''"
    assert record.exercising_seconds == 117


def test_a_late_answer_after_a_skipped_question_is_linked_once() -> None:
    store, clock, reported = ListStore(), FakeClock(T0), list[str]()
    record = recorder(store, clock, reported)
    record.begin(ROUTINE, 3)
    assert record.log_after(5) is None  # not finished yet: nothing to answer late
    assert record.finish(completed=False, score_after=None) is None
    advice = record.log_after(6, "harder", "sore")
    assert store.calls[-2:] == ["feeling key-1 harder", "pain after 6 key-1 'sore'"]
    assert advice is not None and advice.summary.startswith("Your pain went from 3 to 6")
    assert (record.score_before, record.score_after) == (3, 6)
    calls = len(store.calls)
    assert record.log_after(2) is None  # once given, never replaced
    assert len(store.calls) == calls
