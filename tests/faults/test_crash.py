"""Killed at random moments, SpineCoach loses no committed entry and never breaks its file.

A driver process plays sessions through the app's own storage path (open, mark interrupted
sessions, the SafeWriter with its journal) and is killed with SIGKILL 30 times at seeded random
moments, from the first instant (opening, migrating) to well into a session. After each kill the
file passes `PRAGMA integrity_check`, every write the driver reported is there exactly once after
the next start's recovery, and no session is left "in progress".
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.faults.crash import crash_runs

pytestmark = pytest.mark.slow


def test_thirty_kills_lose_nothing_and_never_break_the_file(tmp_path: Path) -> None:
    report = crash_runs(tmp_path, kills=30, seed=11)
    assert report.kills == 30
    assert report.integrity == []
    assert report.lost == []
    assert report.doubled == []
    assert report.left_in_progress == 0
    assert report.reported_writes > 100  # the kills fell during real work, not only start-up
    assert report.incomplete_sessions > 0  # and some fell mid-session
