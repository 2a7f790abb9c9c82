"""One place decides where data and shipped files live."""

from __future__ import annotations

from pathlib import Path

import pytest

from spinecoach import paths


def test_command_line_beats_environment_beats_default(tmp_path: Path) -> None:
    env = {paths.DATA_DIR_ENV: str(tmp_path / "from-env")}
    assert paths.resolve_data_dir(str(tmp_path / "from-cli"), env) == tmp_path / "from-cli"
    assert paths.resolve_data_dir(None, env) == tmp_path / "from-env"
    assert paths.resolve_data_dir(None, {}) == paths.default_data_dir()


def test_default_data_dir_follows_the_platform_user_data_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "share"))
    assert paths.default_data_dir() == tmp_path / "share" / "SpineCoach"


def test_relative_data_dir_is_made_absolute(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    assert paths.resolve_data_dir("mine", {}) == tmp_path / "mine"


def test_shipped_folders_are_found_from_a_checkout() -> None:
    assert (paths.resources_dir() / "exercises").is_dir()
    assert (paths.icons_dir() / "exercises").is_dir()
    assert paths.database_path(Path("/x")) == Path("/x/spinecoach.sqlite3")
