"""Start on log-in: each platform's entry is written, read back, and removed where it belongs."""

from __future__ import annotations

import configparser
import os
import plistlib
import re
import shlex
import subprocess
from pathlib import Path

import pytest

from spinecoach.desktop.autostart import (
    LaunchAgentAutostart,
    WindowsAutostart,
    WinregRunKey,
    XdgAutostart,
    autostart_for,
    desktop_exec,
)

COMMAND = ["/usr/bin/spinecoach", "--minimised"]


def read_entry(path: Path) -> dict[str, str]:
    """The [Desktop Entry] group as a strict, case-sensitive INI reader sees it."""
    parser = configparser.ConfigParser(interpolation=None, delimiters=("=",))
    parser.optionxform = str  # type: ignore[assignment, method-assign]
    assert parser.read(path, encoding="utf-8") == [str(path)]
    assert parser.sections() == ["Desktop Entry"]
    return dict(parser["Desktop Entry"])


def unescape_string(value: str) -> str:
    """Undo the desktop-entry string escapes (\\s \\n \\t \\r \\\\), as every reader does first."""
    table = {"s": " ", "n": "\n", "t": "\t", "r": "\r", "\\": "\\"}
    return re.sub(r"\\(.)", lambda match: table[match.group(1)], value)


def split_exec(value: str) -> list[str]:
    """An independent reading of the Exec rules: unescape, unquote, then %% -> %."""
    arguments: list[str] = []
    current: list[str] | None = None
    characters = iter(unescape_string(value))
    for character in characters:
        if character == " ":
            if current is not None:
                arguments.append("".join(current))
            current = None
        elif character == '"':
            current = current if current is not None else []
            for quoted in characters:
                if quoted == '"':
                    break
                if quoted == "\\":
                    escaped = next(characters)
                    assert escaped in '"`$\\', f"stray backslash before {escaped!r}"
                    current.append(escaped)
                else:
                    current.append(quoted)
            else:
                pytest.fail(f"unterminated quote in {value!r}")
        else:
            assert character not in "\"'\\><~|&;$*?#()`\t\n", f"unquoted {character!r}"
            current = [*(current or []), character]
    if current is not None:
        arguments.append("".join(current))
    for argument in arguments:
        assert "%" not in argument.replace("%%", ""), f"lone % would be a field code: {argument!r}"
    return [argument.replace("%%", "%") for argument in arguments]


# --- Linux: XDG autostart ------------------------------------------------------------------


def test_xdg_entry_is_written_in_config_home_with_the_expected_keys() -> None:
    config_home = Path(os.environ["XDG_CONFIG_HOME"])  # conftest: a folder in the temp home
    autostart = autostart_for("linux")
    assert not autostart.is_enabled()

    autostart.enable(COMMAND)

    path = config_home / "autostart" / "io.github.spinecoach.SpineCoach.desktop"
    assert read_entry(path) == {
        "Type": "Application",
        "Name": "SpineCoach",
        "Comment": "Start SpineCoach in the tray when you log in",
        "Exec": "/usr/bin/spinecoach --minimised",
        "Icon": "io.github.spinecoach.SpineCoach",
        "Terminal": "false",
        "X-GNOME-Autostart-enabled": "true",
    }
    assert autostart.is_enabled()
    assert (
        autostart.location == "~/xdg_config_home/autostart/io.github.spinecoach.SpineCoach.desktop"
    )
    assert [p.name for p in path.parent.iterdir()] == [path.name]  # no temporary file left


def test_exec_with_spaces_and_percent_survives_a_shell_style_split() -> None:
    command = [
        "/opt/My Apps/100% sure/spinecoach",
        "--data-dir",
        "/home/me/Back Data/50%",
        "--minimised",
    ]
    autostart = autostart_for("linux")
    autostart.enable(command)
    assert isinstance(autostart, XdgAutostart)
    exec_value = read_entry(autostart.path)["Exec"]

    assert exec_value == (
        '"/opt/My Apps/100%% sure/spinecoach" --data-dir "/home/me/Back Data/50%%" --minimised'
    )
    split = shlex.split(unescape_string(exec_value))
    assert [argument.replace("%%", "%") for argument in split] == command
    assert split_exec(exec_value) == command


@pytest.mark.parametrize(
    "argument",
    [
        'say "hi"',
        "it's",
        "back\\slash",
        "C:\\trailing\\",
        "$HOME and `date`",
        "tab\there",
        "new\nline",
        "~/data;rm -rf #(*)?|&<>",
        "",
        "100%",
        "key=value",
    ],
)
def test_exec_quoting_round_trips_reserved_characters(argument: str) -> None:
    command = ["/usr/bin/spine coach", "--data-dir", argument, "--minimised"]
    value = desktop_exec(command)
    assert "\n" not in value and "\t" not in value  # stays one line of the file
    assert split_exec(value) == command


def test_exec_quoting_follows_the_specification_examples() -> None:
    assert desktop_exec(["spinecoach", "--minimised"]) == "spinecoach --minimised"
    # A quoted backslash is escaped once by the Exec rules, then once more as a string: four.
    assert desktop_exec(["/a b/c", "x\\y"]) == '"/a b/c" "x\\\\\\\\y"'
    assert desktop_exec(['say "hi"']) == '"say \\\\"hi\\\\""'
    with pytest.raises(ValueError, match="non-empty"):
        desktop_exec([])


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (None, ".config"),
        ("", ".config"),
        ("relative/config", ".config"),
        ("ABSOLUTE", "elsewhere/config"),
    ],
)
def test_xdg_config_home_is_honoured_only_when_absolute(
    tmp_path: Path, value: str | None, expected: str
) -> None:
    home = tmp_path / "home"
    environ = {} if value is None else {"XDG_CONFIG_HOME": value}
    if value == "ABSOLUTE":
        environ["XDG_CONFIG_HOME"] = str(tmp_path / "elsewhere" / "config")
    autostart = autostart_for("linux", home=home, environ=environ)
    autostart.enable(COMMAND)
    base = home if expected == ".config" else tmp_path
    assert (base / expected / "autostart" / "io.github.spinecoach.SpineCoach.desktop").is_file()


def test_disable_removes_the_entry_and_is_enabled_reads_the_file(tmp_path: Path) -> None:
    autostart = XdgAutostart(tmp_path, environ={})
    autostart.disable()  # nothing there: fine
    autostart.enable(COMMAND)
    assert autostart.is_enabled()

    autostart.path.unlink()  # removed by hand, or by the desktop's start-up settings
    assert not autostart.is_enabled()

    autostart.enable(COMMAND)
    autostart.disable()
    assert not autostart.path.exists()
    assert not autostart.is_enabled()
    autostart.disable()


@pytest.mark.parametrize(
    "edit",
    ["X-GNOME-Autostart-enabled=false", "Hidden=true", "this is no desktop entry"],
)
def test_an_entry_switched_off_or_broken_by_hand_is_not_enabled_but_still_removed(
    tmp_path: Path, edit: str
) -> None:
    autostart = XdgAutostart(tmp_path, environ={})
    autostart.enable(COMMAND)
    original = autostart.path.read_text(encoding="utf-8")
    edited = original.replace("X-GNOME-Autostart-enabled=true", edit)
    autostart.path.write_text(edited if "=" in edit else edit, encoding="utf-8")

    assert not autostart.is_enabled()
    autostart.disable()
    assert not autostart.path.exists()


def test_enable_replaces_the_entry_atomically_and_a_failed_write_keeps_the_old_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    autostart = XdgAutostart(tmp_path, environ={})
    autostart.enable(COMMAND)
    autostart.enable(["/usr/bin/spinecoach", "--data-dir", "/d", "--minimised"])
    assert read_entry(autostart.path)["Exec"] == "/usr/bin/spinecoach --data-dir /d --minimised"

    def full_disk(_fd: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", full_disk)
    with pytest.raises(OSError, match="No space"):
        autostart.enable(COMMAND)
    assert read_entry(autostart.path)["Exec"] == "/usr/bin/spinecoach --data-dir /d --minimised"
    assert [p.name for p in autostart.path.parent.iterdir()] == [autostart.path.name]


def test_a_command_must_be_a_list_of_arguments(tmp_path: Path) -> None:
    autostart = XdgAutostart(tmp_path, environ={})
    with pytest.raises(ValueError, match="non-empty"):
        autostart.enable("spinecoach --minimised")
    with pytest.raises(ValueError, match="non-empty"):
        autostart.enable([])
    assert not autostart.path.exists()


# --- macOS: launchd agent ------------------------------------------------------------------


def test_macos_launch_agent_round_trips_through_plistlib() -> None:
    home = Path.home()  # conftest: the temporary home
    command = ["/Applications/Spine Coach.app/Contents/MacOS/SpineCoach", "--minimised"]
    autostart = autostart_for("darwin")
    assert isinstance(autostart, LaunchAgentAutostart)
    assert not autostart.is_enabled()

    autostart.enable(command)

    path = home / "Library" / "LaunchAgents" / "io.github.spinecoach.SpineCoach.plist"
    with path.open("rb") as stream:
        assert plistlib.load(stream) == {
            "Label": "io.github.spinecoach.SpineCoach",
            "ProgramArguments": command,
            "RunAtLoad": True,
            "ProcessType": "Interactive",
        }
    assert autostart.is_enabled()
    assert autostart.location == "~/Library/LaunchAgents/io.github.spinecoach.SpineCoach.plist"

    path.write_bytes(b"not a plist")
    assert not autostart.is_enabled()
    autostart.disable()
    assert not path.exists()
    autostart.disable()


# --- Windows: the Run key ------------------------------------------------------------------


class FakeRunKey:
    """The Run key as a dict."""

    def __init__(self) -> None:
        self.values: dict[str, str] = {}

    def get(self, name: str) -> str | None:
        return self.values.get(name)

    def set(self, name: str, value: str) -> None:
        self.values[name] = value

    def delete(self, name: str) -> None:
        self.values.pop(name, None)


def test_windows_run_value_is_written_quoted_read_and_deleted() -> None:
    run_key = FakeRunKey()
    autostart = autostart_for("win32", run_key=run_key)
    assert isinstance(autostart, WindowsAutostart)
    assert not autostart.is_enabled()
    command = [
        r"C:\Program Files\SpineCoach\SpineCoach.exe",
        "--data-dir",
        "D:\\My Data\\",
        "--minimised",
    ]

    autostart.enable(command)

    # Spaces get quotes; a backslash before the closing quote is doubled so it stays literal.
    expected = r'"C:\Program Files\SpineCoach\SpineCoach.exe" --data-dir "D:\My Data\\" --minimised'
    assert run_key.values == {"SpineCoach": expected}
    assert expected == subprocess.list2cmdline(command)
    assert autostart.is_enabled()
    assert "CurrentVersion\\Run" in autostart.location

    autostart.disable()
    assert run_key.values == {}
    assert not autostart.is_enabled()
    autostart.disable()


def test_the_real_registry_backend_refuses_outside_windows() -> None:
    backend = WinregRunKey()  # constructing it imports nothing
    if os.name == "nt":
        pytest.skip("only meaningful where winreg is missing")
    with pytest.raises(OSError, match="only on Windows"):
        backend.get("SpineCoach")


@pytest.mark.parametrize(
    ("platform", "kind"),
    [
        ("linux", XdgAutostart),
        ("freebsd14", XdgAutostart),
        ("openbsd7", XdgAutostart),
        ("darwin", LaunchAgentAutostart),
        ("win32", WindowsAutostart),
    ],
)
def test_autostart_for_picks_the_platform_implementation(platform: str, kind: type) -> None:
    assert type(autostart_for(platform)) is kind
