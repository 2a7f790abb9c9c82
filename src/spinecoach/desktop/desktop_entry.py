"""SpineCoach in the application menu: the desktop entry, icons and metainfo in the XDG folders.

`spinecoach --install-desktop-entry` puts five files below the user's $XDG_DATA_HOME
(~/.local/share when unset), all named by the one app id, `paths.APP_ID`:

- ``applications/<id>.desktop``: the shipped entry (packaging/), its ``Exec`` the command that
  runs now (`launcher_command`) followed by ``--open %f``, so it works from pipx, a venv or the
  bundle, and a file manager hands it a programme file; ``TryExec`` names the same program, so
  the entry hides itself if that Python (a deleted venv) is gone;
- ``mime/packages/<id>.xml``: the type of a clinician's programme file,
  ``application/x-spinecoach-programme`` (``*.programme.toml``), which the entry's ``MimeType=``
  names: the file manager offers SpineCoach to open one;
- ``icons/hicolor/scalable/apps/<id>.svg`` and ``icons/hicolor/256x256/apps/<id>.png``: the
  shipped icon (the PNG is icons/spinecoach-256.png, drawn from the SVG by
  tools/render_app_icon.py), the name the window and the tray icon are matched by;
- ``metainfo/<id>.metainfo.xml``: the AppStream description that software centres read.

`--uninstall-desktop-entry` removes exactly those files, and the folders they leave empty.
Both are idempotent; the desktop entry is written last and removed first, so a half-done run
never leaves an entry without its icon. Files are copied, not rendered: no Qt, no display.

Caches: desktops watch these folders and need no help. A user-level icon cache
(``icon-theme.cache``) or desktop database (``mimeinfo.cache``) is refreshed when one exists and
the tool is installed, never created: a new cache would be a file uninstalling must leave
behind, and a stale one hides icons. The MIME database is different: a type is known only once
``update-mime-database`` has built it from ``mime/packages``, so installing always runs the tool
(when it is installed). Everything in ``mime/`` but ``packages/`` is generated (the shared MIME
info specification), so uninstalling rebuilds it when other programs' types remain and removes
what was generated when none do.

Start on log-in runs the same command (`launcher_command`) with ``--minimised``.
"""

from __future__ import annotations

import contextlib
import os
import shlex
import shutil
import subprocess
import sys
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path

from spinecoach import paths
from spinecoach.desktop.autostart import _write_atomically, desktop_exec

DESKTOP_FILE_NAME = f"{paths.APP_ID}.desktop"
METAINFO_FILE_NAME = f"{paths.APP_ID}.metainfo.xml"
MIME_FILE_NAME = f"{paths.APP_ID}.mime.xml"
"""The shipped MIME type (packaging/); installed as ``mime/packages/<app id>.xml``."""
PROGRAMME_MIME_TYPE = "application/x-spinecoach-programme"
OPEN_FIELD_CODES = ("--open", "%f")
"""What follows the command in ``Exec=``: the file a file manager opens SpineCoach with."""
#: What update-mime-database writes beside ``packages/`` (besides a folder per media type).
GENERATED_MIME_FILES = (
    "XMLnamespaces", "aliases", "generic-icons", "globs", "globs2", "icons", "magic",
    "mime.cache", "subclasses", "treemagic", "types", "version",
)  # fmt: skip
SVG_ICON = "spinecoach.svg"
PNG_ICON = "spinecoach-256.png"
CACHE_TOOL_TIMEOUT = 5.0  # seconds; a user's icon cache of a few icons takes ~10 ms

#: Runs a cache tool (program and arguments); tests pass a recorder.
ToolRunner = Callable[[Sequence[str]], None]


def launcher_command(
    data_dir: Path | None = None,
    default_data_dir: Path | None = None,
    *,
    executable: str | None = None,
    frozen: bool | None = None,
) -> list[str]:
    """The command that starts this SpineCoach again, for the menu and for log-in.

    The bundle (PyInstaller sets ``sys.frozen``) is its own executable; otherwise the Python
    running now with ``-m spinecoach``: the interpreter of a pipx or project venv finds its own
    packages without any activation or PATH. ``--data-dir`` is added when `data_dir` is not
    the default folder, so the entry opens the data the person is using now.
    """
    executable = sys.executable if executable is None else executable
    frozen = bool(getattr(sys, "frozen", False)) if frozen is None else frozen
    if not executable:  # an embedding program without an interpreter path
        command = ["spinecoach"]
    elif frozen:
        command = [executable]
    else:
        command = [executable, "-m", "spinecoach"]
    if data_dir is not None:
        default = paths.default_data_dir() if default_data_dir is None else default_data_dir
        if data_dir.resolve() != default.resolve():
            command += ["--data-dir", str(data_dir)]
    return command


def xdg_data_home(home: Path, environ: Mapping[str, str]) -> Path:
    """$XDG_DATA_HOME, or ~/.local/share when it is unset, empty or relative (XDG spec: ignore)."""
    value = environ.get("XDG_DATA_HOME", "")
    if value and Path(value).is_absolute():
        return Path(value)
    return home / ".local" / "share"


def xdg_data_dirs(environ: Mapping[str, str]) -> list[Path]:
    """The system's data folders, $XDG_DATA_DIRS or the specification's default."""
    value = environ.get("XDG_DATA_DIRS", "") or "/usr/local/share:/usr/share"
    return [Path(part) for part in value.split(":") if part and Path(part).is_absolute()]


def _run_tool(command: Sequence[str]) -> None:
    """Run a cache tool if it is installed; any failure is ignored (the caches are optional)."""
    if shutil.which(command[0]) is None:
        return
    with contextlib.suppress(OSError, subprocess.TimeoutExpired):
        subprocess.run(list(command), capture_output=True, timeout=CACHE_TOOL_TIMEOUT, check=False)


def _tilde(path: Path, home: Path) -> str:
    try:
        return f"~/{path.relative_to(home).as_posix()}"
    except ValueError:
        return str(path)


class MenuEntry:
    """The files that put SpineCoach in one user's application menu (XDG desktops)."""

    def __init__(
        self,
        home: Path | None = None,
        environ: Mapping[str, str] = os.environ,
        platform: str = sys.platform,
        run_tool: ToolRunner = _run_tool,
    ) -> None:
        self.home = Path.home() if home is None else home
        self.environ = environ
        self.platform = platform
        self.data_home = xdg_data_home(self.home, environ)
        self.location = _tilde(self.data_home, self.home)
        self.desktop_file = self.data_home / "applications" / DESKTOP_FILE_NAME
        icons = self.data_home / "icons" / "hicolor"
        self.svg_icon = icons / "scalable" / "apps" / f"{paths.APP_ID}.svg"
        self.png_icon = icons / "256x256" / "apps" / f"{paths.APP_ID}.png"
        self.metainfo_file = self.data_home / "metainfo" / METAINFO_FILE_NAME
        self.mime_folder = self.data_home / "mime"
        self.mime_file = self.mime_folder / "packages" / f"{paths.APP_ID}.xml"
        self._run_tool = run_tool

    @property
    def files(self) -> tuple[Path, ...]:
        """Every file installing writes, in the order it writes them (the entry last)."""
        return (self.svg_icon, self.png_icon, self.metainfo_file, self.mime_file, self.desktop_file)

    def unsupported_reason(self) -> str | None:
        """Why this SpineCoach cannot have a menu entry of its own making, or None."""
        if self.environ.get("FLATPAK_ID"):
            return "this SpineCoach is a Flatpak, and its menu entry comes with it"
        if self.platform in ("win32", "cygwin", "darwin"):
            return "menu entries are made this way only on Linux and other XDG desktops"
        return None

    def installed_entry(self) -> Path | None:
        """The user's own entry, else one for the app id installed system-wide, else None.

        System-wide means any applications folder in $XDG_DATA_DIRS: a distribution package,
        ``make install`` into /usr/local, or an installed Flatpak's exports.
        """
        for folder in (self.data_home, *xdg_data_dirs(self.environ)):
            candidate = folder / "applications" / DESKTOP_FILE_NAME
            if candidate.is_file():
                return candidate
        return None

    def should_offer(self) -> bool:
        """Whether offering to add SpineCoach to the menu makes sense here."""
        return self.unsupported_reason() is None and self.installed_entry() is None

    def desktop_entry_text(self, command: Sequence[str]) -> str:
        """The shipped desktop entry, running `command` (``Exec`` and ``TryExec``).

        ``Exec`` ends in ``--open %f``: opened from the menu, ``%f`` is dropped and ``--open``
        alone opens nothing; opened on a programme file, the file follows it.
        """
        template = (paths.packaging_dir() / DESKTOP_FILE_NAME).read_text(encoding="utf-8")
        lines = []
        for line in template.splitlines():
            if line.startswith(("Exec=", "TryExec=")):
                continue
            lines.append(line)
            if line.startswith("Type="):
                if Path(command[0]).is_absolute():
                    lines.append(f"TryExec={command[0]}")
                field_codes = " ".join(OPEN_FIELD_CODES)  # unquoted: the reader expands %f
                lines.append(f"Exec={desktop_exec(command)} {field_codes}")
        return "\n".join(lines) + "\n"

    def install(self, command: Sequence[str]) -> bool:
        """Write every file (replacing older ones); True when an entry was there before.

        On a failure (OSError), the files this call created are removed again and the error
        is raised: the entry is written last, so the menu never shows a half-installed app.
        """
        existed = self.desktop_file.is_file()
        contents = {
            self.svg_icon: (paths.icons_dir() / SVG_ICON).read_bytes(),
            self.png_icon: (paths.icons_dir() / PNG_ICON).read_bytes(),
            self.metainfo_file: (paths.packaging_dir() / METAINFO_FILE_NAME).read_bytes(),
            self.mime_file: (paths.packaging_dir() / MIME_FILE_NAME).read_bytes(),
            self.desktop_file: self.desktop_entry_text(command).encode("utf-8"),
        }
        created: list[Path] = []
        try:
            for path, data in contents.items():
                is_new = not path.exists()
                _write_atomically(path, data)
                if is_new:
                    created.append(path)
        except OSError:
            for path in reversed(created):
                path.unlink(missing_ok=True)
            for path in contents:
                self._prune(path.parent)  # only folders left empty: nobody else's files
            raise
        self._refresh_caches()
        self._run_tool(["update-mime-database", str(self.mime_folder)])
        return existed

    def uninstall(self) -> list[Path]:
        """Remove the files installing writes (nothing else); returns those that were there."""
        removed = []
        for path in reversed(self.files):  # the entry first
            if path.is_file() or path.is_symlink():
                path.unlink()
                removed.append(path)
            self._prune(path.parent)
        if removed:
            self._refresh_caches()
        self._forget_mime_type()
        return removed

    def _forget_mime_type(self) -> None:
        """Rebuild the MIME database without ours, or remove it when it describes nothing."""
        packages = self.mime_folder / "packages"
        if packages.is_dir() and any(packages.iterdir()):
            self._run_tool(["update-mime-database", str(self.mime_folder)])
            return
        if not self.mime_folder.is_dir():
            return
        for name in GENERATED_MIME_FILES:
            (self.mime_folder / name).unlink(missing_ok=True)
        for folder in self.mime_folder.iterdir():  # application/, text/...: one file per type
            if folder.is_dir() and not folder.is_symlink() and folder.name != "packages":
                for generated in folder.glob("*.xml"):
                    generated.unlink()
                self._prune(folder)
        self._prune(self.mime_folder)

    def _prune(self, folder: Path) -> None:
        """Remove `folder` and its parents below the data home while they are empty."""
        while folder != self.data_home and self.data_home in folder.parents:
            try:
                folder.rmdir()
            except OSError:  # not empty (or not there): others' files stay
                return
            folder = folder.parent

    def _refresh_caches(self) -> None:
        icons = self.data_home / "icons" / "hicolor"
        if (icons / "icon-theme.cache").is_file():
            self._run_tool(
                ["gtk-update-icon-cache", "--quiet", "--force", "--ignore-theme-index", str(icons)]
            )
        applications = self.desktop_file.parent
        if (applications / "mimeinfo.cache").is_file():
            self._run_tool(["update-desktop-database", "--quiet", str(applications)])


def install_command(entry: MenuEntry, command: Sequence[str]) -> tuple[int, str]:
    """`--install-desktop-entry`: the exit code and the one sentence to print."""
    reason = entry.unsupported_reason()
    if reason is not None:
        return 1, f"SpineCoach did not add a menu entry: {reason}."
    try:
        existed = entry.install(command)
    except OSError as error:
        where = error.filename or entry.location
        return 1, (
            f"SpineCoach could not add its menu entry ({error.strerror or error} in {where}); "
            "nothing was left half-installed."
        )
    done = "Added SpineCoach to your application menu"
    if existed:
        done = "Updated SpineCoach's menu entry"
    return 0, f"{done}; it runs {shlex.join(command)} (files in {entry.location})."


def uninstall_command(entry: MenuEntry) -> tuple[int, str]:
    """`--uninstall-desktop-entry`: the exit code and the one sentence to print."""
    reason = entry.unsupported_reason()
    if reason is not None:
        return 1, f"SpineCoach has no menu entry of its own to remove: {reason}."
    try:
        removed = entry.uninstall()
    except OSError as error:
        return 1, f"SpineCoach could not remove its menu entry: {error}."
    if not removed:
        return 0, f"SpineCoach had no menu entry in {entry.location}; nothing was removed."
    files = f"{len(removed)} files in {entry.location}"
    return 0, f"Removed SpineCoach from your application menu ({files})."


def run_command_line(install: bool, data_dir: Path | None) -> int:
    """Handle ``--install-desktop-entry`` or ``--uninstall-desktop-entry``; the exit code."""
    entry = MenuEntry()
    if install:
        code, sentence = install_command(entry, launcher_command(data_dir))
    else:
        code, sentence = uninstall_command(entry)
    print(sentence, file=sys.stdout if code == 0 else sys.stderr)
    return code
