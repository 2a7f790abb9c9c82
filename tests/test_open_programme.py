"""`spinecoach --open FILE`: the option, and a second launch handing the file to the running one."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from spinecoach.app.startup import handed_over, parse_args
from spinecoach.desktop.single_instance import SingleInstance, opened_file


def test_open_takes_a_file_and_alone_opens_nothing() -> None:
    assert parse_args([]).open == ""
    assert parse_args(["--open", "plan.programme.toml"]).open == "plan.programme.toml"
    # The desktop entry runs "spinecoach --open %f"; from the menu %f is dropped.
    assert parse_args(["--open"]).open == ""
    assert parse_args(["--open", "--minimised"]).minimised


def test_a_second_launch_says_what_to_open(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    assert handed_over("") == "activate"
    assert handed_over("plan.programme.toml") == f"open {tmp_path / 'plan.programme.toml'}"


def test_a_file_name_that_cannot_travel_still_brings_the_window_up(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert handed_over("two\nlines.programme.toml") == "activate"
    assert "cannot hand this file name" in capsys.readouterr().err


@pytest.mark.slow
def test_a_second_launch_with_open_hands_the_file_over(
    qtbot: QtBot, data_dir: Path, tmp_path: Path
) -> None:
    """A real `python -m spinecoach --open FILE` while a SpineCoach runs on the same folder:
    it starts nothing, hands over the file (made absolute) and exits 0."""
    primary = SingleInstance(data_dir)
    assert primary.try_become_primary()
    try:
        work = tmp_path / "downloads"
        work.mkdir()
        environment = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
        environment.pop("SPINECOACH_DATA_DIR", None)
        with qtbot.waitSignal(primary.activation_requested, timeout=30_000) as blocker:
            second = subprocess.Popen(
                [sys.executable, "-m", "spinecoach", "--data-dir", str(data_dir),
                 "--open", "Lower back.programme.toml"],
                cwd=work, env=environment, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                text=True,
            )  # fmt: skip
        assert opened_file(blocker.args[0]) == work / "Lower back.programme.toml"
        _out, err = second.communicate(timeout=30)
        assert second.returncode == 0, err
    finally:
        primary.close()
