r"""Start SpineCoach on log-in: write, remove and read the platform's own autostart entry.

The setting is only a switch for the user; the truth lives with the system. `is_enabled()`
therefore reads the entry itself, so a user who removed it by hand (or through the desktop's
start-up settings) sees the switch off, and there is no copy of the state to drift.

- Linux and the BSDs: an XDG autostart desktop entry in $XDG_CONFIG_HOME/autostart.
- macOS: a launchd agent in ~/Library/LaunchAgents.
- Windows: a value in HKCU\Software\Microsoft\Windows\CurrentVersion\Run.

The caller decides the command (the executable, maybe ``--data-dir``, and ``--minimised``);
this module only stores it in each platform's quoting. No Qt here: nothing needs an event loop.
"""

from __future__ import annotations

import configparser
import os
import re
import subprocess
import sys
import tempfile
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Protocol

from spinecoach.paths import APP_ID, APP_NAME

DESKTOP_FILE_NAME = f"{APP_ID}.desktop"
PLIST_NAME = f"{APP_ID}.plist"
RUN_KEY = r"Software\Microsoft\Windows\CurrentVersion\Run"
RUN_VALUE_NAME = APP_NAME
COMMENT = "Start SpineCoach in the tray when you log in"


class Autostart(Protocol):
    """Start on log-in, for one platform."""

    @property
    def location(self) -> str:
        """Where the entry lives, for a tooltip ("~/.config/autostart/…")."""
        ...

    def enable(self, command: Sequence[str]) -> None:
        """Start `command` (program and arguments) on every log-in."""
        ...

    def disable(self) -> None:
        """Stop starting on log-in; nothing to remove is fine."""
        ...

    def is_enabled(self) -> bool:
        """Whether the system will start SpineCoach on the next log-in."""
        ...


def _checked(command: Sequence[str]) -> list[str]:
    if isinstance(command, str) or not command or not command[0]:
        raise ValueError(f"the command must be a non-empty list of arguments: {command!r}")
    return list(command)


def _write_atomically(path: Path, data: bytes) -> None:
    """Replace `path` in one step, so a crash never leaves a half-written entry behind.

    The temporary file sits in the same folder (os.replace cannot cross file systems) and ends
    in ``.tmp``, which neither the XDG autostart scan nor launchd picks up.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        Path(temporary).replace(path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def _tilde(path: Path, home: Path) -> str:
    """`path` written the way users recognise it: below the home folder as ``~/…``."""
    try:
        return f"~/{path.relative_to(home).as_posix()}"
    except ValueError:
        return str(path)


# --- Linux and the BSDs: XDG autostart -----------------------------------------------------

# Desktop Entry Specification, "The Exec key": an argument holding any of these must be quoted.
_RESERVED = frozenset(" \t\n\"'\\><~|&;$*?#()`")
# ...and inside the double quotes these four take a backslash.
_QUOTE_ESCAPED = re.compile(r'(["`$\\])')


def _exec_argument(argument: str) -> str:
    if argument == "" or any(character in _RESERVED for character in argument):
        argument = '"' + _QUOTE_ESCAPED.sub(r"\\\1", argument) + '"'
    # Field codes (%f, %u...) are expanded after unquoting, quoted or not: a literal % is %%.
    return argument.replace("%", "%%")


def desktop_exec(command: Sequence[str]) -> str:
    """The value of an ``Exec=`` key that runs `command` exactly as given.

    Two layers, as the specification asks: each argument is quoted by the Exec rules, then the
    whole value is escaped as a desktop-entry string (backslash, newline, tab, carriage return)
    — readers undo the string escapes first, so a quoted backslash ends up as four in the file.
    """
    line = " ".join(_exec_argument(argument) for argument in _checked(command))
    return line.replace("\\", "\\\\").replace("\n", "\\n").replace("\t", "\\t").replace("\r", "\\r")


def xdg_config_home(home: Path, environ: Mapping[str, str]) -> Path:
    """$XDG_CONFIG_HOME, or ~/.config when it is unset, empty or relative (XDG spec: ignore)."""
    value = environ.get("XDG_CONFIG_HOME", "")
    if value and Path(value).is_absolute():
        return Path(value)
    return home / ".config"


class XdgAutostart:
    """An autostart desktop entry, read by GNOME, KDE, Xfce, LXQt, Cinnamon, MATE..."""

    def __init__(self, home: Path, environ: Mapping[str, str] = os.environ) -> None:
        self.path = xdg_config_home(home, environ) / "autostart" / DESKTOP_FILE_NAME
        self.location = _tilde(self.path, home)

    def enable(self, command: Sequence[str]) -> None:
        """Write the desktop entry (replacing any older one of ours)."""
        entry = "\n".join(
            [
                "[Desktop Entry]",
                "Type=Application",
                f"Name={APP_NAME}",
                f"Comment={COMMENT}",
                f"Exec={desktop_exec(command)}",
                f"Icon={APP_ID}",
                "Terminal=false",
                "X-GNOME-Autostart-enabled=true",
                "",
            ]
        )
        _write_atomically(self.path, entry.encode("utf-8"))

    def disable(self) -> None:
        """Remove the entry, also when the user edited it: it carries our name."""
        self.path.unlink(missing_ok=True)

    def is_enabled(self) -> bool:
        """True when the entry exists and is not switched off inside (Hidden, GNOME's flag)."""
        parser = configparser.ConfigParser(
            interpolation=None, strict=False, delimiters=("=",), comment_prefixes=("#",)
        )
        parser.optionxform = str  # type: ignore[assignment, method-assign]
        try:
            if not parser.read(self.path, encoding="utf-8"):
                return False
        except (configparser.Error, UnicodeDecodeError):
            return False  # the desktop will not run a broken entry either
        if not parser.has_section("Desktop Entry"):
            return False
        entry = parser["Desktop Entry"]
        if entry.get("Hidden", "false").strip() == "true":
            return False
        return entry.get("X-GNOME-Autostart-enabled", "true").strip() != "false"


# --- macOS: a launchd agent ----------------------------------------------------------------


class LaunchAgentAutostart:
    """A per-user launchd agent that runs SpineCoach once when the user logs in."""

    def __init__(self, home: Path) -> None:
        self.path = home / "Library" / "LaunchAgents" / PLIST_NAME
        self.location = _tilde(self.path, home)

    def enable(self, command: Sequence[str]) -> None:
        """Write the agent's property list; launchd reads it at the next log-in."""
        agent = {
            "Label": APP_ID,
            "ProgramArguments": _checked(command),
            "RunAtLoad": True,
            "ProcessType": "Interactive",
        }
        import plistlib  # macOS only

        _write_atomically(self.path, plistlib.dumps(agent))

    def disable(self) -> None:
        """Remove the agent's property list."""
        self.path.unlink(missing_ok=True)

    def is_enabled(self) -> bool:
        """True when a readable agent of ours is there and runs at load."""
        import plistlib  # macOS only

        try:
            agent = plistlib.loads(self.path.read_bytes())
        except (OSError, plistlib.InvalidFileException, ValueError):
            return False
        return isinstance(agent, dict) and agent.get("RunAtLoad") is True


# --- Windows: the Run key ------------------------------------------------------------------


class RunKey(Protocol):
    """String values of HKCU's Run key (a protocol, so tests need no registry)."""

    def get(self, name: str) -> str | None:
        """The value called `name`, or None when there is none."""
        ...

    def set(self, name: str, value: str) -> None:
        """Create or replace the value called `name`."""
        ...

    def delete(self, name: str) -> None:
        """Remove the value called `name`; a missing value is fine."""
        ...


class WinregRunKey:
    """The real Run key of the current user, through `winreg` (imported only on Windows)."""

    def get(self, name: str) -> str | None:
        """The value called `name`, or None when there is none (or it is not a string)."""
        if sys.platform != "win32":
            raise OSError("the Windows registry exists only on Windows")
        import winreg

        try:
            with winreg.OpenKey(winreg.HKEY_CURRENT_USER, RUN_KEY) as key:
                value, _kind = winreg.QueryValueEx(key, name)
        except FileNotFoundError:
            return None
        return value if isinstance(value, str) else None

    def set(self, name: str, value: str) -> None:
        """Create or replace the value called `name` (creating the key if need be)."""
        if sys.platform != "win32":
            raise OSError("the Windows registry exists only on Windows")
        import winreg

        with winreg.CreateKeyEx(winreg.HKEY_CURRENT_USER, RUN_KEY, 0, winreg.KEY_SET_VALUE) as key:
            winreg.SetValueEx(key, name, 0, winreg.REG_SZ, value)

    def delete(self, name: str) -> None:
        """Remove the value called `name`; a missing value or key is fine."""
        if sys.platform != "win32":
            raise OSError("the Windows registry exists only on Windows")
        import winreg

        try:
            with winreg.OpenKey(winreg.HKEY_CURRENT_USER, RUN_KEY, 0, winreg.KEY_SET_VALUE) as key:
                winreg.DeleteValue(key, name)
        except FileNotFoundError:
            pass


class WindowsAutostart:
    """A "SpineCoach" value in HKCU's Run key, holding the quoted command line."""

    location = f"HKEY_CURRENT_USER\\{RUN_KEY} ({RUN_VALUE_NAME})"

    def __init__(self, run_key: RunKey | None = None) -> None:
        self.run_key: RunKey = WinregRunKey() if run_key is None else run_key

    def enable(self, command: Sequence[str]) -> None:
        """Store the command line, quoted the way Windows programs parse their arguments."""
        self.run_key.set(RUN_VALUE_NAME, subprocess.list2cmdline(_checked(command)))

    def disable(self) -> None:
        """Remove the value."""
        self.run_key.delete(RUN_VALUE_NAME)

    def is_enabled(self) -> bool:
        """True when the value is there."""
        return bool(self.run_key.get(RUN_VALUE_NAME))


def autostart_for(
    platform: str = sys.platform,
    home: Path | None = None,
    environ: Mapping[str, str] = os.environ,
    run_key: RunKey | None = None,
) -> Autostart:
    """The autostart of `platform` (a `sys.platform` value); XDG for every other Unix."""
    if platform == "win32":
        return WindowsAutostart(run_key)
    home = Path.home() if home is None else home
    if platform == "darwin":
        return LaunchAgentAutostart(home)
    return XdgAutostart(home, environ)
