"""Spare every start PySide6's reading of each imported module's source.

PySide6 supports `from __feature__ import snake_case, true_property`, which changes how Qt
names look inside the modules that ask for it. To know which modules might, its import hook
(`shibokensupport.feature.feature_imported`) reads the *whole source* of every module imported
after PySide6 (`inspect.getsource`) and looks for the word "PySide6". On SpineCoach's start
that is ~100 modules and ~9 ms before the Library list shows (issue 12), and it leaves each
source in `linecache` (megabytes, see `app.startup.settle_memory`).

SpineCoach never uses `__feature__`, so the answer to "does this module use PySide6?" changes
nothing here: every module stays on the default selection either way. We answer it from the
module's name instead: PySide6's own modules and ours count as using it, the rest not.

This reaches into a private module of PySide6. If a later PySide6 renames it, the scan simply
happens again (a test notices, `tests/app/test_pyside_source_scan.py`); nothing breaks.
"""

from __future__ import annotations

import sys
from types import ModuleType

#: The modules counted as using PySide6 without reading them.
USES_PYSIDE = ("PySide6", "spinecoach")


def uses_pyside(module: ModuleType) -> bool:
    """What the hook asks, answered from the module's name (see the module's docstring)."""
    name = getattr(module, "__name__", "")
    return any(name == root or name.startswith(root + ".") for root in USES_PYSIDE)


def skip_pyside_source_scan() -> bool:
    """Answer PySide6's per-import question by name from now on; False if it cannot be.

    Call after PySide6 is imported. Safe to call more than once.
    """
    feature = sys.modules.get("shibokensupport.feature")
    if feature is None or not callable(getattr(feature, "_mod_uses_pyside", None)):
        return False
    vars(feature)["_mod_uses_pyside"] = uses_pyside  # private: see the module's docstring
    return True
