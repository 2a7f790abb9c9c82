"""tools/make_demo_data.py writes a plausible, repeatable history and never clobbers real data."""

from __future__ import annotations

import importlib.util
import sqlite3
import subprocess
import sys
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path
from types import ModuleType

import pytest

from spinecoach.core.records import PainContext, SessionStatus
from spinecoach.storage.opening import open_database

REPO = Path(__file__).resolve().parent.parent
TOOL = REPO / "tools" / "make_demo_data.py"
END = "2026-11-30"
NOW = datetime(2026, 12, 1, tzinfo=UTC)
EVERYTHING = (datetime(2000, 1, 1, tzinfo=UTC), datetime(2100, 1, 1, tzinfo=UTC))

pytestmark = pytest.mark.slow


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(TOOL), *args], capture_output=True, text=True, timeout=60
    )


def _dump(data_dir: Path) -> list[tuple[object, ...]]:
    connection = sqlite3.connect(data_dir / "spinecoach.sqlite3")
    try:
        return [
            *connection.execute("SELECT * FROM sessions ORDER BY id"),
            *connection.execute("SELECT * FROM pain_entries ORDER BY id"),
            *connection.execute("SELECT * FROM hurt_events ORDER BY id"),
        ]
    finally:
        connection.close()


def test_six_months_look_like_a_real_history(tmp_path: Path) -> None:
    data_dir = tmp_path / "demo"
    result = _run("--data-dir", str(data_dir), "--end", END)
    assert result.returncode == 0, result.stderr
    assert "sessions" in result.stdout

    with open_database(data_dir / "spinecoach.sqlite3", now=NOW) as database:
        sessions = database.sessions(*EVERYTHING)
        entries = database.pain_entries(*EVERYTHING)
        span = database.time_span()

    # About 3 sessions a week for 26 weeks, two of them missed; a before and after score each,
    # an evening check-in on most days.
    assert 55 <= len(sessions) <= 110
    assert 230 <= len(entries) <= 400
    assert span is not None
    assert span[0].date() >= datetime(2026, 6, 1).date()
    assert span[1].date() <= datetime(2026, 11, 30).date()
    assert (span[1] - span[0]) > timedelta(days=170)

    routines = {path.stem for path in (REPO / "resources" / "routines").glob("*.toml")}
    assert {s.routine_id for s in sessions} <= routines
    for session in sessions:
        assert 7 <= session.started_at.hour < 14
        if session.ended_at is not None:
            minutes = (session.ended_at - session.started_at).total_seconds() / 60
            assert 0 < minutes <= 20
            if session.status is SessionStatus.COMPLETED:
                assert minutes >= 2
                assert len(session.exercises_completed) == session.exercises_total
    unfinished = [s for s in sessions if s.status is not SessionStatus.COMPLETED]
    assert 1 <= len(unfinished) <= 10
    assert any(s.note for s in sessions) or any(e.note for e in entries)

    # Pain drifts from about 6 down to about 3, with a flare-up week of 7-8.
    first_month = [e.score for e in entries if e.recorded_at.month == 6]
    last_month = [e.score for e in entries if e.recorded_at.month == 11]
    assert 4.8 <= sum(first_month) / len(first_month) <= 6.8
    assert 2.2 <= sum(last_month) / len(last_month) <= 4.2
    later = [e for e in entries if e.recorded_at.month >= 8]
    flare_days = {e.recorded_at.date() for e in later if e.score >= 7}
    assert 4 <= len(flare_days) <= 12
    assert max(flare_days) - min(flare_days) <= timedelta(days=8)

    # After a session the score is usually the same or a point lower.
    by_session: dict[int, dict[PainContext, int]] = {}
    for entry in entries:
        if entry.session_id is not None:
            by_session.setdefault(entry.session_id, {})[entry.context] = entry.score
    changes = [
        scores[PainContext.AFTER] - scores[PainContext.BEFORE]
        for scores in by_session.values()
        if len(scores) == 2
    ]
    assert sum(1 for change in changes if change in (0, -1)) / len(changes) >= 0.7

    # A couple of weeks with no sessions at all.
    weeks = {s.started_at.isocalendar()[:2] for s in sessions}
    assert len(weeks) <= 26


def test_same_seed_same_history_other_seed_other_history(tmp_path: Path) -> None:
    for name, seed in (("a", "3"), ("b", "3"), ("c", "4")):
        result = _run("--data-dir", str(tmp_path / name), "--end", END, "--seed", seed)
        assert result.returncode == 0, result.stderr

    assert _dump(tmp_path / "a") == _dump(tmp_path / "b")
    assert _dump(tmp_path / "a") != _dump(tmp_path / "c")


def test_a_folder_with_data_is_refused_unless_forced_and_then_kept(tmp_path: Path) -> None:
    data_dir = tmp_path / "demo"
    assert _run("--data-dir", str(data_dir), "--end", END).returncode == 0
    original = (data_dir / "spinecoach.sqlite3").read_bytes()

    refused = _run("--data-dir", str(data_dir), "--end", END, "--seed", "2")
    assert refused.returncode == 2
    assert "already exists" in refused.stderr
    assert (data_dir / "spinecoach.sqlite3").read_bytes() == original

    forced = _run("--data-dir", str(data_dir), "--end", END, "--seed", "2", "--force")
    assert forced.returncode == 0, forced.stderr
    (kept,) = data_dir.glob("spinecoach.sqlite3.before-demo-*")
    assert kept.read_bytes() == original
    assert (data_dir / "spinecoach.sqlite3").read_bytes() != original


def test_ten_years_is_a_big_history_written_quickly(tmp_path: Path) -> None:
    data_dir = tmp_path / "demo"
    result = _run("--data-dir", str(data_dir), "--end", END, "--years", "10")
    assert result.returncode == 0, result.stderr

    with open_database(data_dir / "spinecoach.sqlite3", now=NOW) as database:
        assert 3500 <= database.count_sessions() <= 4500
        assert 10_000 <= database.count_pain_entries() <= 12_000


def _tool() -> ModuleType:
    """tools/make_demo_data.py as a module (tools/ is not a package)."""
    spec = importlib.util.spec_from_file_location("make_demo_data", TOOL)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look their module up
    spec.loader.exec_module(module)
    return module


def _moments(history: object) -> list[datetime]:
    sessions = history.sessions  # type: ignore[attr-defined]
    found = [entry.recorded_at for entry in history.check_ins]  # type: ignore[attr-defined]
    for session, linked in sessions:
        found.append(session.started_at)
        found += [entry.recorded_at for entry in linked]
        if session.ended_at is not None:
            found.append(session.ended_at)
    found += [moment for _i, _e, moment, _a in history.hurts]  # type: ignore[attr-defined]
    return found


def test_nothing_is_written_later_than_now_on_the_last_day() -> None:
    """Run at 10:00, the last day holds its morning and no later lunch or evening check-in."""
    tool = _tool()
    routines = tool.load_routines()
    zone = timezone(timedelta(hours=1))
    last_day = datetime(2026, 11, 30).date()
    first_day = last_day - timedelta(days=59)
    whole = tool.generate(routines, first_day, 60, 5)
    assert max(_moments(whole)).date() == last_day  # evening check-ins on the last day

    for now in (
        datetime(2026, 11, 30, 10, 0, tzinfo=zone),
        datetime(2026, 11, 30, 0, 1, tzinfo=zone),
    ):
        cut = tool.generate(routines, first_day, 60, 5, now)
        assert max(_moments(cut)) <= now
        # Everything before now is what the same seed gives without a limit.
        assert cut.check_ins == [e for e in whole.check_ins if e.recorded_at <= now]
        assert [s for s, _ in cut.sessions] == [
            s
            for s, _ in whole.sessions
            if s.started_at <= now and (s.ended_at or s.started_at) <= now
        ]
        for index, *_rest in cut.hurts:
            assert 0 <= index < len(cut.sessions)


def test_the_command_takes_now_and_writes_nothing_after_it(tmp_path: Path) -> None:
    data_dir = tmp_path / "demo"
    now = "2026-11-30T08:00:00+00:00"
    result = _run("--data-dir", str(data_dir), "--end", END, "--now", now, "--years", "0.2")
    assert result.returncode == 0, result.stderr
    with open_database(data_dir / "spinecoach.sqlite3", now=NOW) as database:
        span = database.time_span()
        hurts = database.hurt_events_between(*EVERYTHING)
    assert span is not None
    assert span[1] <= datetime.fromisoformat(now)
    assert all(event.recorded_at <= datetime.fromisoformat(now) for event in hurts)
    refused = _run("--data-dir", str(tmp_path / "x"), "--end", END, "--now", "2026-11-30T08:00")
    assert refused.returncode == 2
    assert "--now needs a UTC offset" in refused.stderr
