"""Kill the crash driver at random moments and check that nothing it reported was lost.

Used by `tests/faults/test_crash.py` (30 kills, in `make test`) and `tools/crash_soak.py`
(as many as asked, for the README's figure). Seeded: the same seed kills at the same offsets.
"""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from collections import Counter
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path

from spinecoach.core.records import SessionStatus
from spinecoach.storage.journal import PENDING_FILE_NAME, PendingJournal
from spinecoach.storage.opening import open_database
from spinecoach.storage.safe_writer import SafeWriter

REPO = Path(__file__).resolve().parents[2]
FAR = (datetime(2000, 1, 1, tzinfo=UTC), datetime(2100, 1, 1, tzinfo=UTC))


@dataclass
class CrashReport:
    """What a run of kills found."""

    kills: int = 0
    reported_writes: int = 0
    lost: list[str] = field(default_factory=list)
    doubled: list[str] = field(default_factory=list)
    integrity: list[str] = field(default_factory=list)
    left_in_progress: int = 0
    incomplete_sessions: int = 0


def run_driver_until_killed(data_dir: Path, seed: int, delay: float) -> list[str]:
    """Start the driver, SIGKILL it `delay` seconds later; the lines it printed before."""
    env = dict(os.environ, PYTHONPATH=str(REPO) + os.pathsep + os.environ.get("PYTHONPATH", ""))
    child = subprocess.Popen(
        [sys.executable, "-m", "tests.faults.crash_driver", str(data_dir), str(seed)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=REPO,
        env=env,
    )
    lines: list[str] = []
    assert child.stdout is not None

    def read() -> None:
        assert child.stdout is not None
        for line in child.stdout:
            if line.endswith("\n"):  # a line cut by the kill was not fully reported
                lines.append(line.rstrip("\n"))

    reader = threading.Thread(target=read)
    reader.start()
    time.sleep(delay)
    if child.poll() is None:
        child.send_signal(signal.SIGKILL)
    child.wait()
    reader.join()
    assert child.stderr is not None
    errors = child.stderr.read()
    child.stderr.close()
    child.stdout.close()
    if child.returncode not in (-signal.SIGKILL, 0):
        raise AssertionError(f"the driver failed on its own ({child.returncode}):\n{errors}")
    return lines


def check(data_dir: Path, reported: list[str], report: CrashReport) -> None:
    """Recover as the app would at its next start, then look for every reported write."""
    path = data_dir / "spinecoach.sqlite3"
    if path.exists():
        connection = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)
        try:
            result = connection.execute("PRAGMA integrity_check").fetchone()[0]
        finally:
            connection.close()
        if result != "ok":
            report.integrity.append(result)
    now = datetime(2100, 1, 1, tzinfo=UTC) - timedelta(days=1)
    database = open_database(path, now=now)
    try:
        report.incomplete_sessions += len(database.mark_abandoned_sessions(now))
        SafeWriter(database, PendingJournal(data_dir / PENDING_FILE_NAME)).retry()
        sessions = database.sessions(*FAR, include_deleted=True)
        report.left_in_progress = sum(s.status is SessionStatus.IN_PROGRESS for s in sessions)
        by_routine = Counter(s.routine_id for s in sessions)
        completed = {s.routine_id: s for s in sessions}
        pains = Counter(
            (e.recorded_at.isoformat(), e.score, e.context.value)
            for e in database.pain_entries(*FAR, include_deleted=True)
        )
        reminders = Counter(e.recorded_at.isoformat() for e in database.reminder_events(*FAR))
        exercises = Counter(line for line in reported if line.split()[1] == "exercise")
        for line in reported:
            _outcome, kind, *what = line.split()
            report.reported_writes += 1
            if kind == "pain":
                count = pains[(what[0], int(what[1]), what[2])]
            elif kind == "session":
                count = by_routine[what[0]]
            elif kind == "reminder":
                count = reminders[what[0]]
            elif kind == "exercise":
                session = completed.get(what[0])
                done = session.exercises_completed if session is not None else ()
                count = 1 if done.count(what[1]) >= exercises[line] else 0
            else:  # finish
                session = completed.get(what[0])
                count = int(session is not None and session.status is SessionStatus.COMPLETED)
            if count == 0:
                report.lost.append(line)
            elif count > 1:
                report.doubled.append(line)
    finally:
        database.close()


def crash_runs(data_dir: Path, *, kills: int, seed: int) -> CrashReport:
    """`kills` runs of the driver on one data folder, each killed at a random moment."""
    rng = random.Random(seed)
    report = CrashReport()
    reported: list[str] = []
    for run in range(kills):
        # From the first instant (killed while opening or migrating) to well into a session.
        delay = rng.uniform(0.0, 0.8)
        reported.extend(run_driver_until_killed(data_dir, seed * 1000 + run, delay))
        report.kills += 1
        run_report = CrashReport()
        check(data_dir, reported, run_report)
        report.lost = run_report.lost
        report.doubled = run_report.doubled
        report.integrity.extend(run_report.integrity)
        report.left_in_progress = run_report.left_in_progress
        report.incomplete_sessions += run_report.incomplete_sessions
        report.reported_writes = run_report.reported_writes
        if report.lost or report.doubled or report.integrity:
            break
    return report
