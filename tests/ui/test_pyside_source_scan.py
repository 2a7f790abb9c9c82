"""PySide6's import hook no longer reads every module's source (issue 12: ~9 ms, ~2.5 MB)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from types import ModuleType

from spinecoach.app.pyside_source_scan import uses_pyside

PROBE = """
import linecache, sys
sys.path.insert(0, sys.argv[1])
import PySide6.QtCore
if sys.argv[2] == "skip":
    from spinecoach.app.pyside_source_scan import skip_pyside_source_scan
    assert skip_pyside_source_scan()
import probe_module_a
import PySide6.QtWidgets
from PySide6.QtWidgets import QApplication
print(any(name.endswith("probe_module_a.py") for name in linecache.cache))
"""


def imported_source_read(tmp_path: Path, mode: str) -> bool:
    (tmp_path / "probe_module_a.py").write_text("VALUE = 1\n", encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-c", PROBE, str(tmp_path), mode],
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    return result.stdout.strip() == "True"


def test_the_hook_reads_sources_until_told_not_to(tmp_path: Path) -> None:
    # Without the change PySide6 reads the module's whole source (and keeps it in linecache);
    # if a later PySide6 stops doing so, or renames what we replace, this says so.
    assert imported_source_read(tmp_path, "plain")
    assert not imported_source_read(tmp_path, "skip")


def test_the_answer_comes_from_the_module_name() -> None:
    assert uses_pyside(ModuleType("spinecoach.ui.library.pane"))
    assert uses_pyside(ModuleType("PySide6.QtSvg"))
    assert uses_pyside(ModuleType("spinecoach"))
    assert not uses_pyside(ModuleType("spinecoachx"))
    assert not uses_pyside(ModuleType("tomllib"))
    assert not uses_pyside(ModuleType("pyqtgraph.graphicsItems"))
