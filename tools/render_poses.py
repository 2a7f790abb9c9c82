"""Render every pose file to its exercise illustration.

    make poses                             # or: python tools/render_poses.py
    python tools/render_poses.py --check   # exit 1 if a committed SVG is missing or stale

(Outside the project's virtualenv, prefix PYTHONPATH=src.)

The SVGs are generated, never edited by hand: change resources/poses/<id>.toml (or the figure
module) and re-run this.  tests/core/test_figure.py fails when a committed SVG no longer matches
what the renderer produces, so a stale drawing cannot slip through.  Pure Python: no Qt needed.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from spinecoach.core.figure import LIGHT, load_exercise_poses, render_exercise

REPO = Path(__file__).resolve().parent.parent
POSES = REPO / "resources" / "poses"
IMAGES = REPO / "icons" / "exercises"


def rendered() -> dict[str, str]:
    """Exercise id -> SVG text for every pose file, in the light palette."""
    out: dict[str, str] = {}
    for path in sorted(POSES.glob("*.toml")):
        try:
            poses = load_exercise_poses(path.read_text(encoding="utf-8"))
        except ValueError as exc:
            raise SystemExit(f"{path.relative_to(REPO)}: {exc}") from exc
        out[path.stem] = render_exercise(poses, LIGHT)
    return out


def main(argv: list[str] | None = None) -> int:
    """Write (or with --check, verify) icons/exercises/<id>.svg; return the exit status."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="verify instead of writing")
    args = parser.parse_args(argv)

    svgs = rendered()
    stale = [
        name
        for name, text in svgs.items()
        if not (IMAGES / f"{name}.svg").is_file()
        or (IMAGES / f"{name}.svg").read_text(encoding="utf-8") != text
    ]
    orphans = sorted(p.name for p in IMAGES.glob("*.svg") if p.stem not in svgs)
    for name in orphans:
        print(f"note: icons/exercises/{name} has no pose file", file=sys.stderr)

    if args.check:
        for name in stale:
            print(f"stale or missing: icons/exercises/{name}.svg", file=sys.stderr)
        if stale:
            print("run: python tools/render_poses.py", file=sys.stderr)
        return 1 if stale else 0

    IMAGES.mkdir(parents=True, exist_ok=True)
    for name in stale:
        (IMAGES / f"{name}.svg").write_text(svgs[name], encoding="utf-8")
    print(f"{len(svgs)} drawings, {len(stale)} updated")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
