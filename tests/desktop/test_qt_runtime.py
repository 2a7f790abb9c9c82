"""Before Qt starts: no display, or a system library missing, is said in one sentence (exit 1).

The end-to-end cases run the real entry point in a subprocess with the environment changed; a
missing library is simulated for real, with an empty file of the library's name placed first on
LD_LIBRARY_PATH, so the dynamic loader itself refuses it.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from spinecoach.desktop import qt_runtime
from spinecoach.desktop.qt_runtime import (
    LIBRARY_PACKAGES,
    display_problem,
    missing_library,
    platforms,
    uses_xcb,
)

NO_DISPLAY_SENTENCE = (
    "SpineCoach needs a desktop session to show its window: no display was found (DISPLAY and "
    "WAYLAND_DISPLAY are not set). Start it from your desktop, or for a test run set "
    "QT_QPA_PLATFORM=offscreen."
)
DISPLAY_VARIABLES = ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM", "XDG_RUNTIME_DIR")


# --- the display, from the environment ------------------------------------------------------


def test_no_display_and_no_platform_is_one_plain_sentence() -> None:
    assert display_problem({}, []) == NO_DISPLAY_SENTENCE


@pytest.mark.parametrize(
    "environ",
    [
        {"DISPLAY": ":0"},
        {"WAYLAND_DISPLAY": "wayland-1"},
        {"QT_QPA_PLATFORM": "offscreen"},
        {"QT_QPA_PLATFORM": "minimal"},
        {"QT_QPA_PLATFORM": "wayland;xcb", "DISPLAY": ":1"},
        {"QT_QPA_PLATFORM": "xcb:nograb", "DISPLAY": ":1"},
    ],
)
def test_a_display_or_a_platform_without_one_is_no_problem(environ: dict[str, str]) -> None:
    assert display_problem(environ, []) is None


def test_the_platform_on_the_command_line_counts_too() -> None:
    assert display_problem({}, ["--data-dir", "x", "-platform", "offscreen"]) is None
    assert display_problem({"DISPLAY": ":0"}, ["-platform", "wayland"]) == (
        "SpineCoach needs a desktop session to show its window: no display was found (the "
        "platform asked for is wayland, and WAYLAND_DISPLAY is not set). Start it from your "
        "desktop, or for a test run set QT_QPA_PLATFORM=offscreen."
    )


def test_asking_for_xcb_without_display_names_both() -> None:
    problem = display_problem({"QT_QPA_PLATFORM": "xcb"}, [])
    assert problem is not None
    assert "(the platform asked for is xcb, and DISPLAY is not set)" in problem


def test_a_wayland_socket_in_the_runtime_folder_is_a_display(tmp_path: Path) -> None:
    (tmp_path / "wayland-0").touch()
    environ = {"QT_QPA_PLATFORM": "wayland", "XDG_RUNTIME_DIR": str(tmp_path)}
    assert display_problem(environ, []) is None


def test_which_platform_qt_will_use() -> None:
    assert platforms({}, []) == ["xcb"]
    assert platforms({"WAYLAND_DISPLAY": "wayland-0"}, []) == ["wayland", "xcb"]
    assert platforms({"QT_QPA_PLATFORM": "offscreen"}, ["-platform", "vnc"]) == ["vnc"]
    assert uses_xcb({"DISPLAY": ":0"}, [])
    assert not uses_xcb({"DISPLAY": ":0", "WAYLAND_DISPLAY": "wayland-0"}, [])
    assert uses_xcb({"DISPLAY": ":0", "QT_QPA_PLATFORM": "wayland;xcb"}, [])
    assert not uses_xcb({"DISPLAY": ":0", "QT_QPA_PLATFORM": "offscreen"}, [])
    assert not uses_xcb({}, [])


def test_the_display_check_costs_microseconds() -> None:
    """It runs on every start, before the first paint: budget 1 ms, measured ~2 µs."""
    environ = {"DISPLAY": ":0", "PATH": "/usr/bin"}
    started = time.perf_counter()
    for _ in range(1000):
        display_problem(environ, ["--data-dir", "/tmp/x"])
    each = (time.perf_counter() - started) / 1000
    assert each < 0.0001, f"{each * 1e6:.1f} µs"


# --- a missing library, from the loader's words -----------------------------------------------


def test_the_innermost_library_of_a_loader_error_is_named() -> None:
    qlibrary = (
        "Cannot load library /venv/PySide6/Qt/plugins/platforms/libqxcb.so: "
        "(libxcb-icccm.so.4: cannot open shared object file: No such file or directory)"
    )
    assert missing_library(qlibrary) == "libxcb-icccm.so.4"
    assert missing_library("libglib-2.0.so.0: cannot open shared object file") == (
        "libglib-2.0.so.0"
    )
    assert missing_library("No module named 'PySide6'") is None


def test_the_message_names_the_library_and_the_install_line(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(qt_runtime, "_loads", lambda name: name != "libxcb-keysyms.so.1")
    monkeypatch.setattr(shutil, "which", lambda name: "/usr/bin/apt-get")
    monkeypatch.setattr(os, "geteuid", lambda: 1000)
    problem = qt_runtime.missing_library_problem(
        "Cannot load library /x/libqxcb.so: (libxcb-icccm.so.4: cannot open shared object "
        "file: No such file or directory)"
    )
    assert problem == (
        "SpineCoach cannot start: Qt needs the system libraries libxcb-icccm.so.4 and "
        "libxcb-keysyms.so.1, which could not be loaded (cannot open shared object file: No "
        "such file or directory). Install them with: sudo apt-get install libxcb-icccm4 "
        "libxcb-keysyms1"
    )


def test_without_apt_the_library_is_still_named(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(qt_runtime, "_loads", lambda name: True)
    monkeypatch.setattr(shutil, "which", lambda name: None)
    problem = qt_runtime.missing_library_problem("libfoo.so.3: cannot open shared object file")
    assert problem == (
        "SpineCoach cannot start: Qt needs the system library libfoo.so.3, which could not be "
        "loaded (cannot open shared object file). Install the package that provides it with "
        "your system's package manager."
    )


def test_every_library_in_the_table_loads_here() -> None:
    """Else the table names a library under a name the loader does not know (a typo)."""
    assert [name for name in LIBRARY_PACKAGES if not qt_runtime._loads(name)] == []


# --- the xcb plug-in: asked of the file system first ----------------------------------------

_LOADED_PROBE = """
import sys
from spinecoach.desktop import qt_runtime
folders = sys.argv[1].split(":") if sys.argv[1] else []
problem = qt_runtime.start_up_problem([], folders=folders)
maps = open("/proc/self/maps").read()
print(problem, "libqxcb.so" in maps)
"""


def probe_loads(folders: str) -> str:
    environment = {k: v for k, v in os.environ.items() if k not in DISPLAY_VARIABLES}
    environment.pop("LD_LIBRARY_PATH", None)
    result = subprocess.run(
        [sys.executable, "-c", _LOADED_PROBE, folders],
        capture_output=True,
        text=True,
        timeout=60,
        env={**environment, "DISPLAY": ":987"},
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


def test_libraries_in_their_usual_folders_need_no_loading() -> None:
    """The normal start: no plug-in loaded by the check (Qt loads it when it needs it)."""
    assert probe_loads(":".join(qt_runtime.library_folders())) == "None False"


def test_a_library_not_in_its_folder_makes_the_loader_decide(tmp_path: Path) -> None:
    """Here every library is really there, elsewhere: the plug-in loads and all is well."""
    assert probe_loads(str(tmp_path)) == "None True"


def test_unfound_names_what_no_folder_holds(tmp_path: Path) -> None:
    (tmp_path / "libxcb.so.1").touch()
    assert qt_runtime.unfound(["libxcb.so.1", "libxcb-icccm.so.4"], [str(tmp_path)]) == [
        "libxcb-icccm.so.4"
    ]


def test_every_library_is_in_its_usual_folder_here() -> None:
    """Else every start on this machine would take the slower path."""
    assert qt_runtime.unfound(LIBRARY_PACKAGES, qt_runtime.library_folders()) == []


def test_the_whole_check_costs_well_under_a_millisecond() -> None:
    """Before the first paint, on X11: budget 1 ms; measured 0.15-0.2 ms on a loaded machine."""
    environ = {"DISPLAY": ":0"}
    qt_runtime.start_up_problem([], environ)  # QtWidgets imported: start-up does that anyway
    timings = []
    for _ in range(20):
        started = time.perf_counter()
        assert qt_runtime.start_up_problem([], environ) is None
        timings.append(time.perf_counter() - started)
    assert sorted(timings)[10] < 0.001, f"median {sorted(timings)[10] * 1e3:.2f} ms"


# --- the real entry point -----------------------------------------------------------------------


def start(tmp_path: Path, **changes: str) -> subprocess.CompletedProcess[str]:
    """`python -m spinecoach` with the display variables removed, then `changes` applied."""
    environment = {k: v for k, v in os.environ.items() if k not in DISPLAY_VARIABLES}
    environment.update(changes)
    return subprocess.run(
        [sys.executable, "-m", "spinecoach", "--data-dir", str(tmp_path / "data")],
        capture_output=True,
        text=True,
        timeout=60,
        env=environment,
    )


@pytest.mark.slow
def test_without_a_display_spinecoach_says_so_and_exits_1(tmp_path: Path) -> None:
    result = start(tmp_path)
    assert result.returncode == 1
    assert result.stderr == NO_DISPLAY_SENTENCE + "\n"
    assert result.stdout == ""
    assert not (tmp_path / "data").exists()  # nothing was started, nothing written


@pytest.mark.slow
def test_a_missing_xcb_library_is_named_with_its_package(tmp_path: Path) -> None:
    broken = tmp_path / "lib"
    broken.mkdir()
    (broken / "libxcb-icccm.so.4").write_bytes(b"")  # the loader refuses it: "file too short"
    # A display that does not exist: the plug-in fails before Qt would connect to it.
    result = start(tmp_path, DISPLAY=":987", LD_LIBRARY_PATH=str(broken))
    assert result.returncode == 1, result.stderr
    assert result.stderr.startswith(
        "SpineCoach cannot start: Qt needs the system library libxcb-icccm.so.4, which could "
        "not be loaded (file too short). "
    ), result.stderr
    assert result.stderr.count("\n") == 1  # one sentence; none of Qt's own lines
    assert "libxcb-icccm4" in result.stderr


@pytest.mark.slow
def test_a_missing_core_library_is_named_instead_of_a_traceback(tmp_path: Path) -> None:
    broken = tmp_path / "lib"
    broken.mkdir()
    (broken / "libglib-2.0.so.0").write_bytes(b"")
    result = start(tmp_path, QT_QPA_PLATFORM="offscreen", LD_LIBRARY_PATH=str(broken))
    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stderr
    assert result.stderr.startswith("SpineCoach cannot start: Qt needs the system libraries ")
    assert "libglib-2.0.so.0" in result.stderr
    assert "libglib2.0-0" in result.stderr
