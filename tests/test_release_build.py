"""The release files: an sdist and a wheel with one version, what they must carry, twine-clean.

The sdist carries the tests (and the docs and tools they read) so that a distribution can run
them from it, and packaging/ so that it can install the desktop entry and metainfo; the wheel
carries the desktop entry and metainfo for `spinecoach --install-desktop-entry`.
"""

from __future__ import annotations

import importlib.util
import os
import re
import subprocess
import sys
import sysconfig
import tarfile
import venv
import xml.etree.ElementTree as ET
import zipfile
from pathlib import Path

import pytest

from spinecoach import __version__, paths

REPO = Path(__file__).resolve().parents[1]
APP_ID = paths.APP_ID
MENU_FILES = {
    f"spinecoach/packaging/{APP_ID}.desktop",
    f"spinecoach/packaging/{APP_ID}.metainfo.xml",
}

pytestmark = pytest.mark.slow


def hatchling_build(source: Path, out: Path, *targets: str) -> None:
    chosen = [argument for target in targets for argument in ("-t", target)]
    result = subprocess.run(
        [sys.executable, "-m", "hatchling", "build", *chosen, "-d", str(out)],
        cwd=source,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr


@pytest.fixture(scope="module")
def dist(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sdist, and the wheel built *from the sdist* (as `python -m build` does)."""
    out = tmp_path_factory.mktemp("dist")
    hatchling_build(REPO, out, "sdist")
    [sdist] = out.glob("spinecoach-*.tar.gz")
    unpacked = tmp_path_factory.mktemp("unpacked")
    with tarfile.open(sdist) as archive:
        if hasattr(tarfile, "data_filter"):  # Python 3.11.4+; Debian 12's 3.11.2 has none
            archive.extractall(unpacked, filter="data")
        else:  # our own sdist, just built: nothing to filter out
            archive.extractall(unpacked)
    hatchling_build(unpacked / f"spinecoach-{__version__}", out, "wheel")
    return out


def sdist_names(dist: Path) -> set[str]:
    [sdist] = dist.glob("spinecoach-*.tar.gz")
    with tarfile.open(sdist) as archive:
        return {name.split("/", 1)[1] for name in archive.getnames() if "/" in name}


def wheel_names(dist: Path) -> set[str]:
    [wheel] = dist.glob("spinecoach-*.whl")
    with zipfile.ZipFile(wheel) as archive:
        return set(archive.namelist())


def test_one_version_everywhere(dist: Path) -> None:
    assert [p.name for p in sorted(dist.iterdir())] == [
        f"spinecoach-{__version__}-py3-none-any.whl",
        f"spinecoach-{__version__}.tar.gz",
    ]
    pyproject = (REPO / "pyproject.toml").read_text(encoding="utf-8")
    assert re.search(r"(?m)^version\s*=", pyproject) is None, "the version has one source"
    # The newest release in the metainfo and the changelog is this version, on the same day.
    metainfo = ET.parse(REPO / "packaging" / f"{APP_ID}.metainfo.xml").getroot()
    newest = metainfo.find("releases/release")
    assert newest is not None
    assert newest.get("version") == __version__
    changelog = (REPO / "CHANGELOG.md").read_text(encoding="utf-8")
    released = re.findall(r"(?m)^## \[(\d[^\]]*)\] - (\d{4}-\d{2}-\d{2})$", changelog)
    assert released[0] == (__version__, newest.get("date"))


def test_sdist_carries_sources_tests_and_packaging(dist: Path) -> None:
    names = sdist_names(dist)
    for required in (
        "pyproject.toml",
        "README.md",
        "CHANGELOG.md",
        "src/spinecoach/__init__.py",
        "resources/sources.toml",
        "icons/spinecoach.svg",
        "icons/spinecoach-256.png",
        f"packaging/{APP_ID}.desktop",
        f"packaging/{APP_ID}.metainfo.xml",
        "tests/conftest.py",
        "docs/FIGURE.md",  # read by tests/core/test_figure.py
        "tools/make_sounds.py",  # run by tests/sound/test_sound_files.py
    ):
        assert required in names, required
    assert not any(name.startswith("docs/screenshots/") for name in names)
    assert not any("__pycache__" in name or name.endswith(".pyc") for name in names)


def test_wheel_built_from_the_sdist_carries_every_shipped_file(dist: Path) -> None:
    names = wheel_names(dist)
    assert names >= MENU_FILES
    for folder in ("resources", "icons"):
        for path in (REPO / folder).rglob("*"):
            if path.is_file():
                assert f"spinecoach/{path.relative_to(REPO).as_posix()}" in names, path
    assert not any(name.startswith("tests/") for name in names)


def test_twine_check_passes(dist: Path) -> None:
    if importlib.util.find_spec("twine") is None:
        pytest.skip("twine is not installed (pip install -e '.[dev]')")
    result = subprocess.run(
        [sys.executable, "-m", "twine", "check", "--strict", *map(str, sorted(dist.iterdir()))],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_installed_wheel_adds_and_removes_its_menu_entry(dist: Path, tmp_path: Path) -> None:
    """As after `pipx install`: the entry starts that environment's Python, from any folder."""
    fresh = tmp_path / "venv"
    venv.EnvBuilder(with_pip=False).create(fresh)
    python = fresh / "bin" / "python"
    site = Path(
        subprocess.check_output(
            [python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"], text=True
        ).strip()
    )
    [wheel] = dist.glob("spinecoach-*.whl")
    subprocess.run(
        [sys.executable, "-m", "pip", "install", "--quiet", "--no-deps", "--no-index",
         "--target", str(site), str(wheel)],
        check=True,
        timeout=120,
    )  # fmt: skip
    # Dependencies (platformdirs) from the test environment, after the fresh site-packages.
    (site / "zz_test_dependencies.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    home = tmp_path / "home"
    home.mkdir()
    environment = {k: v for k, v in os.environ.items() if not k.startswith("XDG_")}
    environment.update(HOME=str(home), XDG_DATA_DIRS=str(tmp_path / "no-system"))

    def spinecoach(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [python, "-m", "spinecoach", *args],
            capture_output=True,
            text=True,
            timeout=60,
            env=environment,
            cwd=tmp_path,  # not the checkout: the wheel's own files must be found
        )

    added = spinecoach("--install-desktop-entry")
    assert added.returncode == 0, added.stderr
    assert f"it runs {python} -m spinecoach " in added.stdout
    share = home / ".local" / "share"
    desktop = (share / "applications" / f"{APP_ID}.desktop").read_text(encoding="utf-8")
    assert f"\nExec={python} -m spinecoach --open %f\n" in desktop
    assert "\nMimeType=application/x-spinecoach-programme;\n" in desktop
    shipped = REPO / "packaging" / f"{APP_ID}.metainfo.xml"
    installed = share / "metainfo" / f"{APP_ID}.metainfo.xml"
    assert installed.read_bytes() == shipped.read_bytes()
    mime = share / "mime" / "packages" / f"{APP_ID}.xml"  # the wheel carries the MIME type
    assert mime.read_bytes() == (REPO / "packaging" / f"{APP_ID}.mime.xml").read_bytes()
    removed = spinecoach("--uninstall-desktop-entry")
    assert removed.returncode == 0, removed.stderr
    assert not [path for path in home.rglob("*") if path.is_file()]
