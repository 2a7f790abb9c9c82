"""Start-up of the PyInstaller bundle against the installed wheel and a bare PySide6 window.

The method of benchmarks/startup.py: each run is a fresh process timed from launch until the
window has painted ("painted") and the Library list has painted ("library-painted"); the three
programs take turns run by run so all see the same machine state, and every figure is also
given as a ratio to the bare window's median of the same session.

    make bundle
    QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/bundle_startup.py

`--installed` names the installed SpineCoach to compare with (default: the `spinecoach` launcher
next to this Python, which in a checkout's .venv is an editable install; give the launcher of a
venv that installed the built wheel to compare with the wheel as a person gets it).
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
from pathlib import Path

from startup import BARE_WINDOW, time_to_paint

ROOT = Path(__file__).resolve().parents[1]


def bundle_executable(dist: Path) -> Path:
    """The bundle's executable in `dist` (the .app's on macOS)."""
    for candidate in (
        dist / "SpineCoach.app" / "Contents" / "MacOS" / "SpineCoach",
        dist / "SpineCoach" / "SpineCoach.exe",
        dist / "SpineCoach" / "SpineCoach",
    ):
        if candidate.is_file():
            return candidate
    raise SystemExit(f"no bundle in {dist}: run `make bundle` first")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15, help="runs of each (default 15)")
    parser.add_argument("--dist", type=Path, default=ROOT / "dist", help="where the bundle is")
    parser.add_argument("--installed", type=Path, help="the installed `spinecoach` launcher")
    args = parser.parse_args()
    env = {**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen")}
    env.pop("PYTHONDONTWRITEBYTECODE", None)  # as on a person's machine: cached bytecode
    installed = args.installed or Path(sys.executable).with_name("spinecoach")
    if not installed.exists():
        raise SystemExit(f"no installed SpineCoach at {installed}")
    bundle = bundle_executable(args.dist)
    with tempfile.TemporaryDirectory() as wheel_data, tempfile.TemporaryDirectory() as bundle_data:
        programs = {
            "bare PySide6 window": [sys.executable, "-c", BARE_WINDOW],
            "installed (wheel)": [str(installed), "--data-dir", wheel_data],
            "bundle": [str(bundle), "--data-dir", bundle_data],
        }
        for name, command in programs.items():  # warm-up: data files, bytecode, disk cache
            if name != "bare PySide6 window":
                command.append("--exit-after-first-paint")
            time_to_paint(command, env)
        times: dict[str, list[dict[str, float]]] = {name: [] for name in programs}
        for _ in range(args.runs):
            for name, command in programs.items():
                times[name].append(time_to_paint(command, env))

    def median(name: str, stage: str) -> float:
        return statistics.median(run[stage] for run in times[name])

    bare = median("bare PySide6 window", "painted")
    print(f"bare PySide6 window painted:  median {bare:.3f} s")
    for name in ("installed (wheel)", "bundle"):
        for stage, label in (("painted", "window painted"), ("library-painted", "list shown")):
            value = median(name, stage)
            print(f"{name:18} {label:15} median {value:.3f} s = {value / bare:.2f}x bare")
    for stage in ("painted", "library-painted"):
        ratio = median("bundle", stage) / median("installed (wheel)", stage)
        print(f"bundle / installed, {stage}: {ratio:.2f}x")
    print(f"{args.runs} alternating runs each; bundle {bundle}, installed {installed}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
