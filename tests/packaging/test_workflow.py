"""The GitHub Actions workflow that builds and smoke-tests the bundle on three systems.

It cannot run here; what it names can be checked: the three runners, the spec it builds, the
smoke test it runs against the build, the extras it installs and the files it calls.
"""

from __future__ import annotations

import re
import tomllib
from pathlib import Path
from typing import Any

import pytest
import yaml

from tests.packaging.test_bundle import BUNDLE_ENV

REPO = Path(__file__).resolve().parents[2]
WORKFLOW = REPO / ".github" / "workflows" / "packaging.yml"


@pytest.fixture(scope="module")
def job() -> dict[str, Any]:
    workflow = yaml.safe_load(WORKFLOW.read_text())
    assert isinstance(workflow, dict)
    bundle_job = workflow["jobs"]["bundle"]
    assert isinstance(bundle_job, dict)
    return bundle_job


def steps(job: dict[str, Any]) -> list[dict[str, Any]]:
    return [step for step in job["steps"] if isinstance(step, dict)]


def commands(job: dict[str, Any]) -> str:
    return "\n".join(str(step.get("run", "")) for step in steps(job))


def test_it_builds_on_linux_windows_and_macos(job: dict[str, Any]) -> None:
    runners = job["strategy"]["matrix"]["os"]
    assert {runner.split("-")[0] for runner in runners} == {"ubuntu", "windows", "macos"}
    assert job["runs-on"] == "${{ matrix.os }}"


def test_it_builds_the_spec_and_runs_the_smoke_test_on_that_build(job: dict[str, Any]) -> None:
    text = commands(job)
    assert "-m PyInstaller" in text and "packaging/spinecoach.spec" in text
    assert "--distpath dist " in text
    [smoke] = [
        step for step in steps(job) if "tests/packaging/test_bundle.py" in step.get("run", "")
    ]
    assert smoke["env"][BUNDLE_ENV] == "dist"


def test_the_extras_and_files_it_names_exist(job: dict[str, Any]) -> None:
    text = commands(job)
    optional = tomllib.loads((REPO / "pyproject.toml").read_text())["project"][
        "optional-dependencies"
    ]
    for extras in re.findall(r'-e "\.\[([a-z,]+)\]"', text):
        for extra in extras.split(","):
            assert extra in optional, f"pyproject.toml has no [{extra}] extra"
    for path in re.findall(r"\b((?:tools|packaging|tests)/[\w./-]+\.(?:sh|spec|py))", text):
        assert (REPO / path).is_file(), path
