"""Kill SpineCoach's storage path at random moments, many times, and report what was lost.

    python tools/crash_soak.py --kills 120 --seed 5

Runs `tests/faults/crash_driver.py` on one fresh data folder, SIGKILLs it at seeded random
moments (from the first instant to well into a session), and after every kill recovers as the
next start would and looks for every write the driver had reported. The figure in the README's
reliability section comes from here; `make test` runs 30 kills (tests/faults/test_crash.py).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from tests.faults.crash import crash_runs  # noqa: E402 - the repository root first


def main(argv: list[str] | None = None) -> int:
    """Run the kills; exit 1 if anything was lost, doubled or damaged."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--kills", type=int, default=120)
    parser.add_argument("--seed", type=int, default=5)
    args = parser.parse_args(argv)
    started = time.monotonic()
    with tempfile.TemporaryDirectory() as folder:
        report = crash_runs(Path(folder), kills=args.kills, seed=args.seed)
    seconds = time.monotonic() - started
    print(
        f"{report.kills} kills in {seconds:.0f} s: {report.reported_writes} writes reported "
        f"committed, {len(report.lost)} lost, {len(report.doubled)} stored twice, "
        f"{len(report.integrity)} failed integrity checks, {report.incomplete_sessions} "
        f"interrupted sessions kept as incomplete, {report.left_in_progress} left in progress"
    )
    for line in report.lost[:10]:
        print(f"  lost: {line}")
    return 1 if report.lost or report.doubled or report.integrity else 0


if __name__ == "__main__":
    raise SystemExit(main())
