"""The Flatpak manifest agrees with the code, the project's pins and its own README.

The manifest cannot be built here (the KDE runtime is not reachable), so what can be checked
is checked: the permissions are exactly the ones packaging/README.md explains, they cover every
D-Bus service the desktop code asks, nothing opens the network or the home folder, the wheels
satisfy pyproject.toml's pins, and the cleanup list leaves a PySide6 that SpineCoach runs on.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path
from typing import Any

import pytest
import yaml
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name, parse_wheel_filename

from spinecoach import paths
from spinecoach.desktop import idle, interruptions

REPO = Path(__file__).resolve().parents[2]
MANIFEST = REPO / "packaging" / f"{paths.APP_ID}.yml"
README = REPO / "packaging" / "README.md"


@pytest.fixture(scope="module")
def manifest() -> dict[str, Any]:
    loaded = yaml.safe_load(MANIFEST.read_text())
    assert isinstance(loaded, dict)
    return loaded


def finish_args(manifest: dict[str, Any]) -> list[str]:
    args = manifest["finish-args"]
    assert isinstance(args, list)
    return [str(arg) for arg in args]


def talk_names(manifest: dict[str, Any]) -> set[str]:
    prefix = "--talk-name="
    return {arg.removeprefix(prefix) for arg in finish_args(manifest) if arg.startswith(prefix)}


def test_the_app_is_the_one_the_desktop_files_name(manifest: dict[str, Any]) -> None:
    pyproject = tomllib.loads((REPO / "pyproject.toml").read_text())
    assert manifest["id"] == paths.APP_ID
    assert manifest["command"] in pyproject["project"]["gui-scripts"]
    assert manifest["runtime"] == "org.kde.Platform"
    assert manifest["sdk"] == "org.kde.Sdk"
    assert str(manifest["runtime-version"]).startswith("6.")


def test_no_network_and_no_home_folder(manifest: dict[str, Any]) -> None:
    args = finish_args(manifest)
    assert not [arg for arg in args if arg.startswith(("--share=network", "--device=all"))]
    filesystems = [arg.removeprefix("--filesystem=") for arg in args if "--filesystem=" in arg]
    assert filesystems == ["xdg-run/speech-dispatcher:ro"]
    assert "--socket=session-bus" not in args and "--socket=system-bus" not in args


def test_every_dbus_service_the_desktop_code_asks_is_allowed(manifest: dict[str, Any]) -> None:
    asked = {service.service for service in idle._DBUS_IDLE_SERVICES}
    asked.add(interruptions._NOTIFICATIONS[0])  # do-not-disturb: its Inhibited property
    allowed = talk_names(manifest)
    assert asked <= allowed
    # ... and nothing else but the tray's watcher (Qt's StatusNotifierItem registers with it).
    assert allowed - asked == {"org.kde.StatusNotifierWatcher"}


def test_every_permission_is_explained_in_the_readme(manifest: dict[str, Any]) -> None:
    text = README.read_text()
    section = text.split("## Flatpak", 1)[1].split("\n## ", 1)[0]
    explained = set(re.findall(r"^\| `(--[^`]+)` \|", section, re.MULTILINE))
    assert explained == set(finish_args(manifest))


def wheel_sources(manifest: dict[str, Any]) -> dict[str, str]:
    """{project name: version} of the wheels the manifest downloads."""
    found = {}
    for module in manifest["modules"]:
        for source in module.get("sources", []):
            if source.get("type") == "file" and str(source.get("url", "")).endswith(".whl"):
                name, version, _build, _tags = parse_wheel_filename(source["url"].rsplit("/", 1)[1])
                assert re.fullmatch(r"[0-9a-f]{64}", source["sha256"])
                found[str(name)] = str(version)
    return found


def test_the_wheels_satisfy_the_projects_pins(manifest: dict[str, Any]) -> None:
    wheels = wheel_sources(manifest)
    pyproject = tomllib.loads((REPO / "pyproject.toml").read_text())
    for line in pyproject["project"]["dependencies"]:
        requirement = Requirement(line)
        name = canonicalize_name(requirement.name)
        assert name in wheels, f"{name} is not among the Flatpak's wheels"
        assert requirement.specifier.contains(wheels[name]), (name, wheels[name])
    # PySide6's two halves and shiboken6 are one release: mixing them fails at import.
    assert wheels["pyside6-essentials"] == wheels["pyside6-addons"] == wheels["shiboken6"]


def apply_cleanup(prefix: Path, patterns: list[str]) -> int:
    """Delete what flatpak-builder's `cleanup` would: '/x' is a path under the prefix (with
    wildcards inside one component), anything else a file name anywhere. The count deleted."""
    removed = 0
    for pattern in patterns:
        if pattern.startswith("/"):
            matches = list(prefix.glob(pattern.lstrip("/")))
        else:
            matches = list(prefix.rglob(pattern))
        for path in matches:
            if path.is_dir() and not path.is_symlink():
                shutil.rmtree(path)
            elif path.exists() or path.is_symlink():
                path.unlink()
            removed += 1
    return removed


RUN_ON_WHAT_IS_LEFT = """
import importlib, json, sys
import PySide6
assert PySide6.__file__.startswith(sys.argv[1]), PySide6.__file__
for module in json.loads(sys.argv[2]):
    importlib.import_module(module)
from PySide6.QtWidgets import QApplication
from PySide6.QtGui import QIcon
from PySide6.QtTextToSpeech import QTextToSpeech
from PySide6.QtMultimedia import QSoundEffect
app = QApplication([])
assert not QIcon(sys.argv[3]).pixmap(32, 32).isNull(), "no SVG icon engine"
assert "mock" in QTextToSpeech.availableEngines(), QTextToSpeech.availableEngines()
QSoundEffect()
import pyqtgraph
pyqtgraph.PlotWidget()
print("ok")
"""


@pytest.mark.slow
def test_what_the_cleanup_leaves_runs_spinecoach(manifest: dict[str, Any], tmp_path: Path) -> None:
    """The cleanup list applied to this venv's PySide6 (linked, not copied): SpineCoach starts."""
    import PySide6

    installed = Path(PySide6.__file__).parent
    site = tmp_path / "lib" / "python3.11" / "site-packages"
    shutil.copytree(installed, site / "PySide6", copy_function=os.link, symlinks=True)
    before = sum(1 for _ in (site / "PySide6").rglob("*"))
    assert apply_cleanup(tmp_path, manifest["cleanup"]) > 50
    assert sum(1 for _ in (site / "PySide6").rglob("*")) < before
    # Qt's own words stay for each language SpineCoach ships, and only for those.
    left = sorted(path.name for path in (site / "PySide6" / "Qt" / "translations").iterdir())
    shipped = sorted(
        f"qtbase_{ts.parent.name}.qm"
        for ts in (REPO / "resources" / "translations").glob("*/ui.ts")
        if ts.parent.name != "en"
    )
    assert left == shipped == ["qtbase_de.qm"]

    used = sorted(
        {
            match
            for path in (REPO / "src").rglob("*.py")
            for match in re.findall(r"PySide6\.Qt[A-Za-z]+", path.read_text())
        }
    )
    environment = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join([str(site), str(REPO / "src")]),
        "QT_QPA_PLATFORM": "offscreen",
    }
    icon = str(REPO / "icons" / "spinecoach.svg")
    probe = subprocess.run(
        [sys.executable, "-c", RUN_ON_WHAT_IS_LEFT, str(site), json.dumps(used), icon],
        capture_output=True, text=True, timeout=60, env=environment,
    )  # fmt: skip
    assert probe.stdout.strip() == "ok", probe.stderr[-3000:]
    started = subprocess.run(
        [sys.executable, "-m", "spinecoach", "--data-dir", str(tmp_path / "data"),
         "--exit-after-first-paint"],
        capture_output=True, text=True, timeout=60, env=environment,
    )  # fmt: skip
    assert started.returncode == 0, started.stderr[-3000:]
    assert started.stdout.split() == ["painted", "library-painted"]
