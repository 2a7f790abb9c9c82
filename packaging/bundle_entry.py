"""The PyInstaller bundle's entry point: SpineCoach itself, or the bundle's self-test.

A frozen build has one executable and no `python -m`, so everything a second process would do
is reached through the first argument instead:

- `--bundle-self-test ...`: the checks in bundle_selftest.py, run inside the bundle by its smoke
  test (`make bundle-test`). Hidden: not in `--help`, and nothing a person would type.
- anything else: SpineCoach's own `main`, which also answers the speech helper's flag (the
  helper is a second process of this same executable; see packaging/README.md).
"""

from __future__ import annotations

import sys

SELF_TEST_FLAG = "--bundle-self-test"


def main() -> int:
    """Run the self-test when asked for it first, else SpineCoach."""
    if sys.argv[1:2] == [SELF_TEST_FLAG]:
        import bundle_selftest

        return bundle_selftest.main(sys.argv[2:])
    from spinecoach.app import main as spinecoach_main

    return spinecoach_main()


if __name__ == "__main__":
    raise SystemExit(main())
