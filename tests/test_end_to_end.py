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


def run_script(script: str, *args: str) -> subprocess.CompletedProcess[str]:
    """Run `script` (which calls the real entry point its own way) with `args`, offscreen."""
    return subprocess.run(
        [sys.executable, "-c", script, *args],
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
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


# Runs the real entry point and, when it prints "painted" (its first paint), records what had
# been loaded by then. Speed itself is measured in benchmarks/startup.py, not here.
_FIRST_PAINT_PROBE = """
import json, sys
from spinecoach.app import main
STAGE, WATCHED = sys.argv[1], json.loads(sys.argv[2])
class Probe:
    def write(self, text):
        if text.strip() == STAGE:
            from PySide6 import QtCore
            seen = {"Qt namespace": "Qt" in QtCore.__dict__}
            seen.update({name: name in sys.modules for name in WATCHED})
            sys.stderr.write("PROBE " + json.dumps(seen) + chr(10))
        return sys.__stdout__.write(text)
    def flush(self):
        sys.__stdout__.flush()
sys.stdout = Probe()
raise SystemExit(main(sys.argv[3:]))
"""


@pytest.mark.slow
def test_nothing_slow_is_loaded_before_the_first_paint(tmp_path: Path) -> None:
    """What the start-up goal rests on: each of these costs milliseconds, paid after the paint.

    PySide builds all 93 enums of the `Qt` namespace on first touch (~15 ms); pyqtgraph and
    numpy ~400 ms; QtMultimedia and speech, QtNetwork (second launches) and hashlib (its name)
    only matter later; the data file is opened after the paint (the first frame reads the small
    state file), which spares SQLite, the storage layer and the record types (~10 ms) before it.
    """
    import json

    watched = [
        "pyqtgraph",
        "numpy",
        "PySide6.QtMultimedia",
        "PySide6.QtTextToSpeech",
        "PySide6.QtNetwork",
        "hashlib",
        "sqlite3",
        "spinecoach.storage.opening",
        "spinecoach.storage.database",
        "spinecoach.core.records",
    ]
    result = run_script(
        _FIRST_PAINT_PROBE,
        "painted",
        json.dumps(watched),
        "--data-dir",
        str(tmp_path / "data"),
        "--exit-after-first-paint",
    )
    assert result.returncode == 0, result.stderr
    probes = [line for line in result.stderr.splitlines() if line.startswith("PROBE ")]
    assert len(probes) == 1, result.stderr
    loaded = {name for name, seen in json.loads(probes[0][6:]).items() if seen}
    assert loaded == set()


@pytest.mark.slow
def test_the_library_list_shows_before_what_it_does_not_need(tmp_path: Path) -> None:
    """The first list needs the library and the filters, not what follows a click or a word.

    The search's word tables and index (~4 ms), the phases a routine unrolls into (~4 ms: the
    list shows each routine's length from its dosages), the details (built at the first pick),
    the translation machinery (an English start reads only the English files) and the data
    file all come after the list has painted: the list's goal (issue 12) rests on it. So do
    the other areas' builders (`app.areas`, with `OpenParts` and the session's events).
    """
    import json

    watched = [
        "spinecoach.core.search_index",
        "spinecoach.core.timeline",
        "spinecoach.core.search_words",
        "spinecoach.core.translation",
        "spinecoach.ui.library.detail_view",
        "spinecoach.ui.library.nothing_found",
        "spinecoach.storage.database",
        "spinecoach.app.areas",
        "spinecoach.app.session_events",
    ]
    result = run_script(
        _FIRST_PAINT_PROBE,
        "library-painted",
        json.dumps(watched),
        "--data-dir",
        str(tmp_path / "data"),
        "--language",
        "en",
        "--exit-after-first-paint",
    )
    assert result.returncode == 0, result.stderr
    probes = [line for line in result.stderr.splitlines() if line.startswith("PROBE ")]
    assert len(probes) == 1, result.stderr
    seen = json.loads(probes[0][6:])
    assert seen["Qt namespace"]  # the probe sees the list's own needs (not an empty run)
    assert {name for name in watched if seen[name]} == set()


@pytest.mark.slow
def test_another_programs_data_file_is_explained_and_left_untouched(tmp_path: Path) -> None:
    """Found after the first paint now: the person is told, SpineCoach ends with code 1."""
    from tests.factories import foreign_database

    data = tmp_path / "data"
    data.mkdir()
    foreign = data / "spinecoach.sqlite3"
    before = foreign_database(foreign)
    # The real entry point, with the message box answered by printing it.
    script = (
        "import sys\n"
        "from PySide6.QtWidgets import QMessageBox\n"
        "QMessageBox.critical = lambda parent, title, text: print('CRITICAL', title, text)\n"
        "from spinecoach.app import main\n"
        "raise SystemExit(main(sys.argv[1:]))\n"
    )
    result = run_script(script, "--data-dir", str(data), "--exit-after-first-paint")
    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stderr, result.stderr
    shown = [line for line in result.stdout.splitlines() if line.startswith("CRITICAL")]
    assert len(shown) == 1 and "another program" in shown[0]
    assert foreign.read_bytes() == before


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
    import json

    data = tmp_path / "data"
    assert_clean(run_app("--data-dir", str(data), "--exit-after-first-paint"))
    state_file = data / "window-state.json"
    state = json.loads(state_file.read_text())  # the first run remembered the desktop's scheme
    state_file.write_text(json.dumps({**state, "last_area": "history"}))
    result = run_app("--data-dir", str(data), "--exit-after-first-paint")
    assert_clean(result)
    assert result.stdout.split() == ["painted", "history-painted"]


@pytest.mark.slow
def test_a_second_launch_hands_over_to_the_first(tmp_path: Path) -> None:
    """Two real processes on one data folder: the second exits at once, the first shows up."""
    import sqlite3
    import time

    data = tmp_path / "data"
    assert_clean(run_app("--data-dir", str(data), "--exit-after-first-paint"))
    with sqlite3.connect(data / "spinecoach.sqlite3") as db:  # no first-run safety dialog
        db.execute(
            "INSERT OR REPLACE INTO settings (key, value) VALUES ('safety_acknowledged', 'true')"
        )
    environment = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    first = subprocess.Popen(
        [sys.executable, "-m", "spinecoach", "--data-dir", str(data), "--minimised"],
        stderr=subprocess.PIPE,
        text=True,
        env=environment,
    )
    try:
        assert first.stderr is not None
        seen: list[str] = []
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:  # bounded: wait for "running on"
            line = first.stderr.readline()
            seen.append(line)
            if "running on" in line:
                break
        else:
            pytest.fail(f"the first SpineCoach did not start: {seen}")
        started = time.monotonic()
        second = run_app("--data-dir", str(data))
        took = time.monotonic() - started
        assert second.returncode == 0, second.stderr
        assert "handed over to the running SpineCoach: activate" in second.stderr
        assert took < 10
        later: list[str] = []
        while not any("a second launch asked to" in line for line in later):
            later.append(first.stderr.readline())  # the test's timeout bounds this
        assert "a second launch asked to activate: window shown=True" in later[-1], later
        assert first.poll() is None  # the first keeps running
    finally:
        first.kill()
        first.wait(timeout=10)
        if first.stderr is not None:
            first.stderr.close()
