"""Start the real application as a separate process and fail on any traceback."""

from __future__ import annotations

import os
import shutil
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from spinecoach import __version__


def run_app(
    *args: str, env: dict[str, str] | None = None, timeout: int = 60
) -> subprocess.CompletedProcess[str]:
    environment = {**os.environ, "QT_QPA_PLATFORM": "offscreen", **(env or {})}
    return subprocess.run(
        [sys.executable, "-m", "spinecoach", *args],
        capture_output=True,
        text=True,
        timeout=timeout,
        env=environment,
    )


def assert_clean(result: subprocess.CompletedProcess[str]) -> None:
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr, result.stderr
    assert "Error" not in result.stderr, result.stderr


def test_version_prints_and_exits() -> None:
    result = run_app("--version")
    assert_clean(result)
    assert result.stdout.strip() == f"SpineCoach {__version__}"


@pytest.mark.slow
def test_app_starts_paints_and_writes_only_into_its_data_folder(tmp_path: Path) -> None:
    data = tmp_path / "data"
    home = tmp_path / "home"
    home.mkdir()
    result = run_app("--data-dir", str(data), "--exit-after-first-paint", env={"HOME": str(home)})
    assert_clean(result)
    assert result.stdout.split() == ["painted", "library-painted"]
    database = data / "spinecoach.sqlite3"
    assert database.is_file()
    assert stat.S_IMODE(database.stat().st_mode) == 0o600
    # Settings included: nothing lands in the home folder (no QSettings, no cache).
    assert [p for p in home.rglob("*") if p.is_file()] == []


@pytest.mark.slow
def test_environment_variable_chooses_the_data_folder(tmp_path: Path) -> None:
    data = tmp_path / "from-env"
    result = run_app("--exit-after-first-paint", env={"SPINECOACH_DATA_DIR": str(data)})
    assert_clean(result)
    assert (data / "spinecoach.sqlite3").is_file()


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("xvfb-run") is None, reason="xvfb-run is not installed")
def test_real_window_under_xvfb(tmp_path: Path) -> None:
    """A real X11 window (xcb plugin), as `make run` would open it on a desktop."""
    result = subprocess.run(
        ["xvfb-run", "-a", "-s", "-screen 0 1400x900x24", sys.executable, "-m", "spinecoach",
         "--data-dir", str(tmp_path / "data"), "--exit-after-first-paint"],
        capture_output=True,
        text=True,
        timeout=90,
        env={**os.environ, "QT_QPA_PLATFORM": "xcb"},
    )  # fmt: skip
    assert_clean(result)
    assert result.stdout.split() == ["painted", "library-painted"]


@pytest.mark.slow
def test_app_reopens_on_the_history_area_it_was_closed_on(tmp_path: Path) -> None:
    """The last area is restored; start-up must not wait for a library that is not shown."""
    import sqlite3

    data = tmp_path / "data"
    assert_clean(run_app("--data-dir", str(data), "--exit-after-first-paint"))
    with sqlite3.connect(data / "spinecoach.sqlite3") as db:
        db.execute(
            "INSERT OR REPLACE INTO settings (key, value) VALUES ('last_area', '\"history\"')"
        )
    result = run_app("--data-dir", str(data), "--exit-after-first-paint")
    assert_clean(result)
    assert result.stdout.split() == ["painted", "history-painted"]
