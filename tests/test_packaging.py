"""The built wheel carries every shipped file, and the installed app loads its whole library.

An editable install reads resources/ and icons/ from the checkout, so only a real, non-editable
wheel proves the package-data configuration (hatch force-include) is right.
"""

from __future__ import annotations

import json
import subprocess
import sys
import sysconfig
import venv
import zipfile
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]

CHECK = """
import json, spinecoach
from spinecoach import paths
from spinecoach.core.library import load_library
library = load_library(paths.resources_dir(), paths.icons_dir() / "exercises")
print(json.dumps({
    "package": spinecoach.__file__,
    "resources": str(paths.resources_dir()),
    "exercises": len(library.exercises),
    "routines": len(library.routines),
    "problems": [str(p) for p in library.problems],
    "icon": (paths.icons_dir() / "spinecoach.svg").is_file(),
}))
"""


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("dist")
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "--no-build-isolation",
         "--wheel-dir", str(out), str(REPO)],
        check=True,
        timeout=120,
    )  # fmt: skip
    [built] = out.glob("spinecoach-*.whl")
    return built


def shipped_files() -> set[str]:
    names = set()
    for folder in ("resources", "icons"):
        for path in (REPO / folder).rglob("*"):
            if path.is_file():
                names.add(f"spinecoach/{path.relative_to(REPO).as_posix()}")
    return names


@pytest.mark.slow
def test_wheel_contains_every_resource_and_icon(wheel: Path) -> None:
    with zipfile.ZipFile(wheel) as archive:
        contents = set(archive.namelist())
    missing = shipped_files() - contents
    assert not missing, f"files missing from the wheel: {sorted(missing)[:10]}"
    assert "spinecoach/app/__init__.py" in contents
    entry_points = archive_text(wheel, "entry_points.txt")
    assert "spinecoach = spinecoach.app:main" in entry_points


def archive_text(wheel: Path, suffix: str) -> str:
    with zipfile.ZipFile(wheel) as archive:
        [name] = [n for n in archive.namelist() if n.endswith(suffix)]
        return archive.read(name).decode()


@pytest.mark.slow
def test_installed_wheel_loads_the_full_library(wheel: Path, tmp_path: Path) -> None:
    fresh = tmp_path / "venv"
    venv.EnvBuilder(with_pip=False).create(fresh)
    python = fresh / "bin" / "python"
    site = Path(
        subprocess.check_output(
            [python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"], text=True
        ).strip()
    )
    subprocess.run(
        [sys.executable, "-m", "pip", "install", "--quiet", "--no-deps", "--no-index",
         "--target", str(site), str(wheel)],
        check=True,
        timeout=120,
    )  # fmt: skip
    # Dependencies (PySide6, platformdirs) come from the test environment, added *after* the
    # fresh site-packages; its .pth files (the editable checkout) are not processed there.
    (site / "zz_test_dependencies.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    result = subprocess.run(
        [python, "-c", CHECK], capture_output=True, text=True, timeout=60, cwd=tmp_path
    )
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert report["package"].startswith(str(site)), "the checkout was imported, not the wheel"
    assert report["resources"].startswith(str(site))
    expected = len(list((REPO / "resources" / "exercises").glob("*.toml")))
    assert report["exercises"] == expected
    assert report["routines"] == len(list((REPO / "resources" / "routines").glob("*.toml")))
    assert report["problems"] == []
    assert report["icon"]
