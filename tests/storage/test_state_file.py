"""The window's state file: read before the first paint, never in the way, never half-written."""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path

import pytest

from spinecoach.core import settings as keys
from spinecoach.storage.state_file import MAX_STATE_BYTES, StateFile, state_file_path


@pytest.fixture
def path(tmp_path: Path) -> Path:
    return state_file_path(tmp_path)


def test_no_file_reads_as_defaults_and_says_it_was_not_found(path: Path) -> None:
    state = StateFile.load(path)
    assert not state.found_on_disk
    assert state.get(keys.THEME) == "system"
    assert state.get(keys.LAST_AREA) == "library"
    assert state.get(keys.SAFETY_ACKNOWLEDGED) is False
    assert not path.exists()  # reading writes nothing


def test_values_survive_a_restart_typed(path: Path) -> None:
    state = StateFile.load(path)
    state.set(keys.THEME, "dark")
    state.set(keys.LAST_AREA, "history")
    state.set(keys.SAFETY_ACKNOWLEDGED, True)
    again = StateFile.load(path)
    assert again.found_on_disk
    assert again.get(keys.THEME) == "dark"
    assert again.get(keys.LAST_AREA) == "history"
    assert again.get(keys.SAFETY_ACKNOWLEDGED) is True


@pytest.mark.skipif(os.name != "posix", reason="POSIX file modes")
def test_the_file_is_private(path: Path) -> None:
    StateFile.load(path).set(keys.THEME, "dark")
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert [p.name for p in path.parent.iterdir()] == [path.name]  # no temporary file left


@pytest.mark.parametrize(
    "content",
    [
        b"{not json",
        b"\xff\xfe garbage",
        b'["a list"]',
        b"",
        b" " * (MAX_STATE_BYTES + 1),
    ],
    ids=["broken-json", "not-utf8", "not-an-object", "empty", "oversized"],
)
def test_a_damaged_file_reads_as_defaults(path: Path, content: bytes) -> None:
    path.write_bytes(content)
    state = StateFile.load(path)
    assert state.get(keys.THEME) == "system"
    assert state.get(keys.SAFETY_ACKNOWLEDGED) is False  # the safety notes show again
    state.set(keys.THEME, "light")  # and it heals on the next write
    assert json.loads(path.read_text()) == {"theme": "light"}


def test_invalid_and_unknown_values_are_ignored(path: Path) -> None:
    path.write_text(
        json.dumps({"theme": "purple", "last_area": "history", "weekly_goal": 9, "x": 1})
    )
    state = StateFile.load(path)
    assert state.get(keys.THEME) == "system"  # not a choice: the default
    assert state.get(keys.LAST_AREA) == "history"
    state.set(keys.THEME, "dark")
    # Only the window's own keys are kept: a data-file setting never lands here.
    assert set(json.loads(path.read_text())) == {"theme", "last_area"}


def test_only_the_windows_own_settings_are_kept_here(path: Path) -> None:
    state = StateFile.load(path)
    with pytest.raises(KeyError, match="not kept in the state file"):
        state.get(keys.WEEKLY_GOAL)
    with pytest.raises(KeyError, match="not kept in the state file"):
        state.set(keys.VOLUME, 40)
    with pytest.raises(ValueError):
        state.set(keys.THEME, "purple")
    assert not path.exists()


def test_subscribers_hear_real_changes_only(path: Path) -> None:
    state = StateFile.load(path)
    heard: list[str] = []
    state.subscribe(keys.THEME, heard.append)
    state.set(keys.THEME, "dark")
    state.set(keys.THEME, "dark")
    state.set(keys.LAST_AREA, "session")
    assert heard == ["dark"]


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root ignores modes")
def test_a_write_that_fails_is_kept_for_this_run_and_never_raises(path: Path) -> None:
    state = StateFile.load(path)
    state.set(keys.THEME, "dark")
    path.parent.chmod(0o500)  # the folder turned read-only
    try:
        state.set(keys.LAST_AREA, "history")  # no exception: convenience state
        assert state.get(keys.LAST_AREA) == "history"
    finally:
        path.parent.chmod(0o700)
    assert json.loads(path.read_text()) == {"theme": "dark"}  # the old state, whole


def test_a_write_that_fails_leaves_the_old_file_whole(
    path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """As a full disk would: the rename never happens, so the old state stays readable."""
    state = StateFile.load(path)
    state.set(keys.THEME, "dark")

    def disk_full(self: Path, target: Path) -> Path:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(Path, "replace", disk_full)
    state.set(keys.LAST_AREA, "history")
    monkeypatch.undo()
    assert json.loads(path.read_text()) == {"theme": "dark"}
    assert [p.name for p in path.parent.iterdir()] == [path.name]  # the temporary file went


def test_adopting_old_values_fills_gaps_only(path: Path) -> None:
    state = StateFile.load(path)
    state.set(keys.THEME, "light")  # chosen since: not overwritten
    heard: list[object] = []
    state.subscribe(keys.LAST_AREA, heard.append)
    taken = state.adopt(
        {"theme": "dark", "last_area": "history", "weekly_goal": 5, "start_minimised": "yes"}
    )
    assert taken == ["last_area"]  # weekly_goal is not ours; "yes" is not a bool
    assert state.get(keys.THEME) == "light"
    assert heard == ["history"]
    assert json.loads(path.read_text()) == {"theme": "light", "last_area": "history"}
