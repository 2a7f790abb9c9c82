"""Guard against the PySide6 6.12.0 reference leak on None (see pyproject.toml's pin).

6.12.0 on Python 3.11 drops a reference to None on many void calls; after a few thousand calls
the interpreter aborts with "Fatal Python error: none_dealloc". Run the calls in a child process
so a regression fails this test with a clear message instead of killing the whole test run.
"""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap

import pytest

SOAK = textwrap.dedent(
    """
    import sys
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtWidgets import QApplication, QLabel

    app = QApplication([])
    label = QLabel()
    before = sys.getrefcount(None)
    for i in range(100_000):
        label.setText("0:27" if i % 2 else "0:26")
        label.update()
        if i % 1000 == 0:
            QCoreApplication.processEvents()
    after = sys.getrefcount(None)
    print(before, after)
    """
)


@pytest.mark.slow
def test_hundred_thousand_void_calls_keep_none_alive() -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run(
        [sys.executable, "-c", SOAK], capture_output=True, text=True, env=env, timeout=120
    )
    assert result.returncode == 0, f"the process died ({result.returncode}): {result.stderr}"
    before, after = (int(n) for n in result.stdout.split())
    # A leak of one reference per call would lose ~200,000; allow small, unrelated movement.
    assert after >= before - 100, f"references to None fell from {before} to {after}"
