"""The menu entry: installed into a temporary home's XDG folders, valid, and removed cleanly."""

from __future__ import annotations

import os
import shutil
import struct
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path

import pytest

from spinecoach import __version__, paths
from spinecoach.desktop.desktop_entry import (
    MenuEntry,
    install_command,
    launcher_command,
    uninstall_command,
)
from tests.desktop.test_autostart import read_entry, split_exec

APP_ID = paths.APP_ID
COMMAND = ["/opt/venvs/spinecoach/bin/python", "-m", "spinecoach"]


class RecordingTools:
    """Stands in for gtk-update-icon-cache and update-desktop-database."""

    def __init__(self) -> None:
        self.calls: list[list[str]] = []

    def __call__(self, command: Sequence[str]) -> None:
        self.calls.append(list(command))


def files_below(folder: Path) -> list[Path]:
    return sorted(path for path in folder.rglob("*") if not path.is_dir())


def folders_below(folder: Path) -> list[Path]:
    return sorted(path for path in folder.rglob("*") if path.is_dir())


@pytest.fixture
def home(tmp_path: Path) -> Path:
    folder = tmp_path / "home"
    folder.mkdir()
    return folder


@pytest.fixture
def system(tmp_path: Path) -> Path:
    """An empty system data folder ($XDG_DATA_DIRS), so /usr/share never decides a test."""
    folder = tmp_path / "system"
    folder.mkdir()
    return folder


def menu_entry(
    home: Path, system: Path, tools: RecordingTools | None = None, **environ: str
) -> MenuEntry:
    return MenuEntry(
        home,
        {"XDG_DATA_DIRS": str(system), **environ},
        "linux",
        run_tool=tools if tools is not None else RecordingTools(),
    )


def menu_command(exec_value: str) -> list[str]:
    """The command an Exec= value runs, without the ``--open %f`` a file manager fills in."""
    assert exec_value.endswith(" --open %f"), exec_value
    return split_exec(exec_value.removesuffix(" --open %f"))


def png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    assert data[12:16] == b"IHDR"
    width, height = struct.unpack(">II", data[16:24])
    return width, height


# --- installing and removing ----------------------------------------------------------------


def test_install_writes_the_five_files_under_xdg_data_home(home: Path, system: Path) -> None:
    entry = menu_entry(home, system)
    assert entry.install(COMMAND) is False  # nothing was there before

    share = home / ".local" / "share"
    assert files_below(home) == sorted(
        [
            share / "applications" / f"{APP_ID}.desktop",
            share / "icons" / "hicolor" / "scalable" / "apps" / f"{APP_ID}.svg",
            share / "icons" / "hicolor" / "256x256" / "apps" / f"{APP_ID}.png",
            share / "metainfo" / f"{APP_ID}.metainfo.xml",
            share / "mime" / "packages" / f"{APP_ID}.xml",
        ]
    )
    assert entry.svg_icon.read_bytes() == (paths.icons_dir() / "spinecoach.svg").read_bytes()
    assert png_size(entry.png_icon.read_bytes()) == (256, 256)
    metainfo = (paths.packaging_dir() / f"{APP_ID}.metainfo.xml").read_bytes()
    assert entry.metainfo_file.read_bytes() == metainfo
    mime = (paths.packaging_dir() / f"{APP_ID}.mime.xml").read_bytes()
    assert entry.mime_file.read_bytes() == mime
    desktop = read_entry(entry.desktop_file)
    assert menu_command(desktop["Exec"]) == COMMAND
    assert desktop["MimeType"] == "application/x-spinecoach-programme;"
    assert desktop["TryExec"] == COMMAND[0]  # the menu hides the entry if this Python is gone
    assert desktop["Icon"] == APP_ID
    assert desktop["StartupWMClass"] == paths.APP_NAME  # what Qt puts in WM_CLASS's class


def test_install_honours_xdg_data_home(home: Path, system: Path, tmp_path: Path) -> None:
    elsewhere = tmp_path / "data-home"
    entry = menu_entry(home, system, XDG_DATA_HOME=str(elsewhere))
    entry.install(COMMAND)
    assert entry.desktop_file == elsewhere / "applications" / f"{APP_ID}.desktop"
    assert entry.desktop_file.is_file()
    assert files_below(home) == []
    assert entry.location == str(elsewhere)


def test_uninstall_leaves_nothing_behind(home: Path, system: Path) -> None:
    entry = menu_entry(home, system)
    entry.install(COMMAND)

    removed = entry.uninstall()

    assert sorted(removed) == sorted(entry.files)
    assert files_below(home) == []
    # The folders the install made are gone too; the data home itself stays.
    assert folders_below(home) == [home / ".local", home / ".local" / "share"]


def test_install_twice_then_uninstall_twice(home: Path, system: Path) -> None:
    entry = menu_entry(home, system)
    assert entry.install(COMMAND) is False
    other = ["/usr/bin/python3", "-m", "spinecoach", "--data-dir", "/srv/back data"]
    assert entry.install(other) is True  # replaced, not doubled
    assert len(files_below(home)) == 5
    assert menu_command(read_entry(entry.desktop_file)["Exec"]) == other
    assert len(entry.uninstall()) == 5
    assert entry.uninstall() == []
    assert files_below(home) == []


def test_uninstall_removes_exactly_our_files(home: Path, system: Path) -> None:
    share = home / ".local" / "share"
    theirs = [
        share / "applications" / "org.example.Editor.desktop",
        share / "icons" / "hicolor" / "scalable" / "apps" / "org.example.Editor.svg",
        share / "metainfo" / "org.example.Editor.metainfo.xml",
        share / "SpineCoach" / "spinecoach.sqlite3",  # the data folder is never touched
    ]
    for path in theirs:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("theirs")
    entry = menu_entry(home, system)
    entry.install(COMMAND)
    entry.uninstall()
    assert files_below(home) == sorted(theirs)
    assert all(path.read_text() == "theirs" for path in theirs)


def test_a_failed_install_leaves_nothing_half_done(home: Path, system: Path) -> None:
    share = home / ".local" / "share"
    share.mkdir(parents=True)
    (share / "applications").write_text("a file where the folder should be")
    entry = menu_entry(home, system)

    code, sentence = install_command(entry, COMMAND)

    assert code == 1
    assert sentence.startswith("SpineCoach could not add its menu entry (")
    assert sentence.endswith("nothing was left half-installed.")
    assert files_below(home) == [share / "applications"]  # icons and metainfo removed again
    assert folders_below(share) == []


def test_existing_caches_are_refreshed_and_none_is_created(home: Path, system: Path) -> None:
    tools = RecordingTools()
    entry = menu_entry(home, system, tools)
    entry.install(COMMAND)
    entry.uninstall()
    # No cache: nothing to refresh, and none made. The MIME database is built on install (a
    # type is unknown without it); with no other types left, uninstalling builds none.
    mime = home / ".local" / "share" / "mime"
    assert tools.calls == [["update-mime-database", str(mime)]]
    tools.calls.clear()

    hicolor = home / ".local" / "share" / "icons" / "hicolor"
    applications = home / ".local" / "share" / "applications"
    caches = [hicolor / "icon-theme.cache", applications / "mimeinfo.cache"]
    for cache in caches:
        cache.parent.mkdir(parents=True, exist_ok=True)
        cache.write_bytes(b"cache")
    entry.install(COMMAND)
    refresh = [
        ["gtk-update-icon-cache", "--quiet", "--force", "--ignore-theme-index", str(hicolor)],
        ["update-desktop-database", "--quiet", str(applications)],
    ]
    assert tools.calls == [*refresh, ["update-mime-database", str(mime)]]
    entry.uninstall()
    assert tools.calls == [*refresh, ["update-mime-database", str(mime)], *refresh]
    assert files_below(home) == sorted(caches)  # the caches are not ours to remove


# --- when to offer it ------------------------------------------------------------------------


def test_offered_where_nothing_is_installed(home: Path, system: Path) -> None:
    entry = menu_entry(home, system)
    assert entry.unsupported_reason() is None
    assert entry.installed_entry() is None
    assert entry.should_offer()


def test_not_offered_once_the_user_has_an_entry(home: Path, system: Path) -> None:
    entry = menu_entry(home, system)
    entry.install(COMMAND)
    assert entry.installed_entry() == entry.desktop_file
    assert not entry.should_offer()


def test_not_offered_when_installed_system_wide(home: Path, tmp_path: Path) -> None:
    first, second = tmp_path / "usr-local-share", tmp_path / "usr-share"
    (second / "applications").mkdir(parents=True)
    (second / "applications" / f"{APP_ID}.desktop").write_text("[Desktop Entry]\n")
    entry = MenuEntry(home, {"XDG_DATA_DIRS": f"{first}:{second}"}, "linux")
    assert entry.installed_entry() == second / "applications" / f"{APP_ID}.desktop"
    assert not entry.should_offer()


def test_not_offered_inside_flatpak_and_the_commands_refuse(home: Path, system: Path) -> None:
    entry = menu_entry(home, system, FLATPAK_ID=APP_ID)
    assert not entry.should_offer()
    code, sentence = install_command(entry, COMMAND)
    assert (code, sentence) == (
        1,
        "SpineCoach did not add a menu entry: this SpineCoach is a Flatpak, and its menu entry "
        "comes with it.",
    )
    assert uninstall_command(entry)[0] == 1
    assert files_below(home) == []


@pytest.mark.parametrize("platform", ["win32", "darwin"])
def test_not_offered_off_xdg_desktops(home: Path, system: Path, platform: str) -> None:
    entry = MenuEntry(home, {"XDG_DATA_DIRS": str(system)}, platform)
    assert not entry.should_offer()
    assert install_command(entry, COMMAND)[0] == 1
    assert files_below(home) == []


# --- the launcher, shared with start on log-in ------------------------------------------------


def test_launcher_is_this_python_or_the_bundle(tmp_path: Path) -> None:
    python = "/home/me/.local/pipx/venvs/spinecoach/bin/python"
    assert launcher_command(executable=python, frozen=False) == [python, "-m", "spinecoach"]
    bundle = "/opt/SpineCoach/SpineCoach"
    assert launcher_command(executable=bundle, frozen=True) == [bundle]
    assert launcher_command(executable="", frozen=False) == ["spinecoach"]
    default, other = tmp_path / "default", tmp_path / "other"
    assert launcher_command(default, default, executable=bundle, frozen=True) == [bundle]
    assert launcher_command(other, default, executable=bundle, frozen=True) == [
        bundle,
        "--data-dir",
        str(other),
    ]


def test_start_on_login_runs_the_menu_entrys_command(
    monkeypatch: pytest.MonkeyPatch, home: Path, system: Path, tmp_path: Path
) -> None:
    from spinecoach.app.tray_and_reminders import autostart_command

    bundle = "/opt/SpineCoach/SpineCoach"
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "executable", bundle)
    data = tmp_path / "data"
    login = autostart_command(data, data)
    entry = menu_entry(home, system)
    entry.install(launcher_command(data, data))
    menu = menu_command(read_entry(entry.desktop_file)["Exec"])
    assert login == [bundle, "--minimised"]
    assert login == [*menu, "--minimised"]


# --- the real commands, as a person runs them --------------------------------------------------


def run_spinecoach(*args: str, home: Path, **env: str) -> subprocess.CompletedProcess[str]:
    environment = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith("XDG_") and key not in ("FLATPAK_ID", "SPINECOACH_DATA_DIR")
    }
    environment.update(HOME=str(home), XDG_DATA_DIRS=str(home / "no-system"), **env)
    return subprocess.run(
        [sys.executable, "-m", "spinecoach", *args],
        capture_output=True,
        text=True,
        timeout=60,
        env=environment,
    )


def validate(command: list[str], package: str) -> None:
    if shutil.which(command[0]) is None:
        pytest.skip(f"{command[0]} is not installed (Debian package {package})")
    result = subprocess.run(command, capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.slow
def test_install_and_uninstall_from_the_command_line(home: Path) -> None:
    installed = run_spinecoach("--install-desktop-entry", home=home)
    assert installed.returncode == 0, installed.stderr
    assert installed.stderr == ""
    assert installed.stdout == (
        f"Added SpineCoach to your application menu; it runs {sys.executable} -m spinecoach "
        "(files in ~/.local/share).\n"
    )
    share = home / ".local" / "share"
    desktop = share / "applications" / f"{APP_ID}.desktop"
    # Five files, and no data folder: nothing else was started. (Beside them, the MIME
    # database update-mime-database builds from mime/packages, when it is installed.)
    mime = share / "mime"
    ours = [f for f in files_below(home) if mime not in f.parents or f.parent.name == "packages"]
    assert len(ours) == 5
    # The entry's command really starts this SpineCoach.
    command = menu_command(read_entry(desktop)["Exec"])
    started = subprocess.run([*command, "--version"], capture_output=True, text=True, timeout=60)
    assert started.stdout.strip() == f"SpineCoach {__version__}"

    again = run_spinecoach("--install-desktop-entry", home=home)
    assert again.returncode == 0
    assert again.stdout.startswith("Updated SpineCoach's menu entry; it runs ")

    removed = run_spinecoach("--uninstall-desktop-entry", home=home)
    assert removed.returncode == 0, removed.stderr
    assert removed.stdout == (
        "Removed SpineCoach from your application menu (5 files in ~/.local/share).\n"
    )
    assert files_below(home) == []
    nothing = run_spinecoach("--uninstall-desktop-entry", home=home)
    assert nothing.returncode == 0
    assert nothing.stdout == (
        "SpineCoach had no menu entry in ~/.local/share; nothing was removed.\n"
    )


@pytest.mark.slow
def test_the_commands_refuse_inside_flatpak_in_one_sentence(home: Path) -> None:
    result = run_spinecoach("--install-desktop-entry", home=home, FLATPAK_ID=APP_ID)
    assert result.returncode == 1
    assert result.stdout == ""
    assert len(result.stderr.splitlines()) == 1
    assert "Traceback" not in result.stderr
    assert files_below(home) == []


@pytest.mark.slow
def test_install_and_uninstall_cannot_be_asked_together(home: Path) -> None:
    result = run_spinecoach("--install-desktop-entry", "--uninstall-desktop-entry", home=home)
    assert result.returncode == 2
    assert "not allowed with argument" in result.stderr
    assert files_below(home) == []


# --- the validators ---------------------------------------------------------------------------


def test_installed_desktop_entry_passes_desktop_file_validate(home: Path, system: Path) -> None:
    entry = menu_entry(home, system)
    entry.install([sys.executable, "-m", "spinecoach", "--data-dir", "/home/me/Back data/50%"])
    validate(["desktop-file-validate", str(entry.desktop_file)], "desktop-file-utils")


def test_installed_metainfo_passes_appstreamcli_validate(home: Path, system: Path) -> None:
    entry = menu_entry(home, system)
    entry.install(COMMAND)
    validate(["appstreamcli", "validate", "--no-net", str(entry.metainfo_file)], "appstream")


def test_shipped_desktop_entry_passes_desktop_file_validate() -> None:
    shipped = paths.packaging_dir() / f"{APP_ID}.desktop"
    validate(["desktop-file-validate", str(shipped)], "desktop-file-utils")


def test_shipped_metainfo_passes_appstreamcli_validate() -> None:
    shipped = paths.packaging_dir() / f"{APP_ID}.metainfo.xml"
    validate(["appstreamcli", "validate", "--no-net", str(shipped)], "appstream")


def test_the_256_px_icon_is_the_svg_drawn_at_that_size(qapp: object) -> None:
    """The PNG the menu uses is icons/spinecoach.svg rendered (tools/render_app_icon.py)."""
    from PySide6.QtCore import QByteArray, QRectF
    from PySide6.QtGui import QColor, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    renderer = QSvgRenderer(QByteArray((paths.icons_dir() / "spinecoach.svg").read_bytes()))
    assert renderer.isValid()
    fresh = QImage(256, 256, QImage.Format.Format_ARGB32)
    fresh.fill(QColor(0, 0, 0, 0))
    painter = QPainter(fresh)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter, QRectF(0, 0, 256, 256))
    painter.end()
    shipped = QImage()
    assert shipped.loadFromData((paths.icons_dir() / "spinecoach-256.png").read_bytes())
    assert (shipped.width(), shipped.height()) == (256, 256)
    worst = max(
        abs(channel(fresh.pixelColor(x, y)) - channel(shipped.pixelColor(x, y)))
        for x in range(0, 256, 3)
        for y in range(0, 256, 3)
        for channel in (QColor.red, QColor.green, QColor.blue, QColor.alpha)
    )
    assert worst <= 8, "icons/spinecoach-256.png is stale: run python tools/render_app_icon.py"


# --- the programme file's MIME type ------------------------------------------------------------

MIME_PROBE = """
import sys
from PySide6.QtCore import QMimeDatabase
print(QMimeDatabase().mimeTypeForFile(sys.argv[1]).name())
"""


def test_the_installed_mime_type_names_programme_files_and_leaves_no_trace(
    home: Path, system: Path, tmp_path: Path
) -> None:
    """With the real update-mime-database: a *.programme.toml is SpineCoach's type (Qt reads
    the same database as the file manager); uninstalling removes the database it built."""
    if shutil.which("update-mime-database") is None:
        pytest.skip("update-mime-database is not installed (Debian package shared-mime-info)")
    from spinecoach.desktop.desktop_entry import _run_tool

    entry = MenuEntry(home, {"XDG_DATA_DIRS": str(system)}, "linux", run_tool=_run_tool)
    entry.install(COMMAND)
    assert (entry.mime_folder / "mime.cache").is_file()
    sample = tmp_path / "Lower back.programme.toml"
    sample.write_text('format = 1\ntitle = "Lower back"\n', encoding="utf-8")
    environment = {
        **os.environ,
        "XDG_DATA_HOME": str(entry.data_home),
        "XDG_DATA_DIRS": "/usr/share",
        "QT_QPA_PLATFORM": "offscreen",
    }
    probe = subprocess.run(
        [sys.executable, "-c", MIME_PROBE, str(sample)],
        capture_output=True, text=True, timeout=60, env=environment,
    )  # fmt: skip
    assert probe.stdout.strip() == "application/x-spinecoach-programme", probe.stderr

    entry.uninstall()
    assert files_below(home) == []


def test_uninstalling_keeps_the_mime_types_of_other_programs(home: Path, system: Path) -> None:
    tools = RecordingTools()
    entry = menu_entry(home, system, tools)
    theirs = entry.mime_folder / "packages" / "org.example.Editor.xml"
    theirs.parent.mkdir(parents=True)
    theirs.write_text("<mime-info/>")
    entry.install(COMMAND)
    generated = entry.mime_folder / "mime.cache"
    generated.write_bytes(b"cache")  # as update-mime-database would have
    entry.uninstall()
    assert theirs.is_file() and generated.is_file()  # rebuilt by the tool, not removed
    assert tools.calls[-1] == ["update-mime-database", str(entry.mime_folder)]
    assert not entry.mime_file.exists()
