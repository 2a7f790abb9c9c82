"""tools/system-deps.sh: one list of system packages, honest against the libraries Qt loads.

Three kinds of test:
- the script's behaviour, against fake package managers on PATH (nothing is installed);
- the Makefile's stamps (`make -n`: what would run), so nothing reinstalls when nothing changed;
- the list against this machine's real libraries: every shared library that a Qt module we
  import, or a plug-in Qt loads for us, links is provided by a listed package (or by dpkg and apt
  themselves), so a new import cannot quietly need a new package. Debian only (dpkg -S).
"""

from __future__ import annotations

import mmap
import os
import re
import shutil
import struct
import subprocess
import sys
from collections.abc import Iterable
from functools import cache
from pathlib import Path

import PySide6
import pytest

from spinecoach.desktop.qt_runtime import LIBRARY_PACKAGES

ROOT = Path(__file__).resolve().parent.parent
SCRIPT = ROOT / "tools" / "system-deps.sh"
BASH = shutil.which("bash") or "/bin/bash"


def package_list(which: str, family: str = "debian") -> list[str]:
    """The script's fixed list, one entry a line (`a|b` for either).

    With no Python to ask, the one package that depends on which Python runs (libpython3.X
    for Debian's own) is left out; it is tested on its own below.
    """
    result = subprocess.run(
        [BASH, str(SCRIPT), which, "--list", "--family", family],
        capture_output=True,
        text=True,
        check=True,
        env={"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "PYTHON": "/nonexistent/python3"},
    )
    return result.stdout.split()


# --- the script, against fake package managers ------------------------------------------------

FAKES = {
    # $INSTALLED: the installed package names; the query answers as dpkg-query does.
    "dpkg-query": """
status=0
for name in "$@"; do
    case $name in -*) continue ;; esac
    if [[ " $INSTALLED " == *" $name "* ]]; then echo "$name installed"
    else echo "dpkg-query: no packages found matching $name" >&2; status=1; fi
done
exit $status
""",
    "apt-get": 'echo "apt-get $* DEBIAN_FRONTEND=$DEBIAN_FRONTEND" >>"$LOG"',
    # $KNOWN: the names the archive has.
    "apt-cache": '[[ " $KNOWN " == *" ${@: -1} "* ]]',
    "rpm": """
for name in "$@"; do
    case $name in -*|%*) continue ;; esac
    if [[ " $INSTALLED " == *" $name "* ]]; then echo "$name"
    else echo "package $name is not installed"; fi
done
""",
    "dnf": 'echo "dnf $*" >>"$LOG"',
    "pacman": """
if [[ $1 == -Q ]]; then
    shift
    for name in "$@"; do [[ " $INSTALLED " == *" $name "* ]] && echo "$name 1.0-1"; done
    exit 0
fi
echo "pacman $*" >>"$LOG"
""",
    "sudo": 'echo "sudo" >>"$LOG"; exec "$@"',
    "id": 'echo "$FAKE_UID"',
    "uname": "echo Linux",
}


def fake_system(tmp_path: Path, *managers: str, sudo: bool = True) -> Path:
    """A bin folder holding only the given package managers (plus what the script needs)."""
    folder = tmp_path / "bin"
    folder.mkdir()
    wanted = {*managers, "id", "uname", *(["sudo"] if sudo else [])}
    for name in wanted:
        program = folder / name
        program.write_text(f"#!{BASH}\n{FAKES[name]}\n")
        program.chmod(0o755)
    for tool in ("env", "grep"):
        real = shutil.which(tool)
        assert real is not None
        (folder / tool).symlink_to(real)
    return folder


def run_script(
    bin_folder: Path,
    *args: str,
    installed: Iterable[str] = (),
    known: Iterable[str] = (),
    uid: int = 0,
) -> tuple[subprocess.CompletedProcess[str], list[str]]:
    """Run the script with only `bin_folder` on PATH; its result and the commands it ran."""
    log = bin_folder.parent / "commands.log"
    result = subprocess.run(
        [BASH, str(SCRIPT), *args],
        capture_output=True,
        text=True,
        timeout=30,
        env={
            "PATH": str(bin_folder),
            "LOG": str(log),
            "INSTALLED": " ".join(installed),
            "KNOWN": " ".join(known),
            "FAKE_UID": str(uid),
        },
    )
    commands = log.read_text().splitlines() if log.exists() else []
    return result, commands


def every_name(entries: Iterable[str]) -> list[str]:
    return [name for entry in entries for name in entry.split("|")]


def test_everything_present_is_a_silent_no_op(tmp_path: Path) -> None:
    folder = fake_system(tmp_path, "dpkg-query", "apt-get", "apt-cache")
    result, commands = run_script(folder, "test", installed=every_name(package_list("test")))
    assert (result.returncode, result.stdout, result.stderr, commands) == (0, "", "", [])


def test_one_alternative_present_is_enough(tmp_path: Path) -> None:
    folder = fake_system(tmp_path, "dpkg-query", "apt-get", "apt-cache")
    names = [entry.split("|")[-1] for entry in package_list("runtime")]  # libglib2.0-0, no t64
    result, commands = run_script(folder, "runtime", installed=names)
    assert (result.returncode, commands) == (0, [])


def test_missing_packages_are_installed_through_sudo_without_recommends(tmp_path: Path) -> None:
    folder = fake_system(tmp_path, "dpkg-query", "apt-get", "apt-cache")
    runtime = package_list("runtime")
    present = [name for name in every_name(runtime) if name not in ("libpulse0", "libxcb-xkb1")]
    result, commands = run_script(folder, "runtime", installed=present, uid=1000)
    assert result.returncode == 0, result.stderr
    assert "sudo (it may ask for your password)" in result.stderr
    lock = "-o DPkg::Lock::Timeout=300"
    assert commands == [
        "sudo",
        f"apt-get {lock} update -qq DEBIAN_FRONTEND=noninteractive",
        "sudo",
        f"apt-get {lock} install -y -qq --no-install-recommends libxcb-xkb1 libpulse0 "
        "DEBIAN_FRONTEND=noninteractive",
    ]


def test_as_root_apt_get_runs_directly_and_picks_the_name_the_archive_has(
    tmp_path: Path,
) -> None:
    folder = fake_system(tmp_path, "dpkg-query", "apt-get", "apt-cache")
    present = [name for name in every_name(package_list("test")) if "glib2.0-0" not in name]
    result, commands = run_script(folder, "test", installed=present, known=["libglib2.0-0"])
    assert result.returncode == 0, result.stderr
    assert "sudo" not in commands
    assert commands[-1].startswith("apt-get -o DPkg::Lock::Timeout=300 install -y -qq ")
    assert " libglib2.0-0 " in commands[-1]  # Debian 12's name; Ubuntu 24.04 would get t64


def test_the_test_set_holds_the_runtime_set(tmp_path: Path) -> None:
    folder = fake_system(tmp_path, "dpkg-query", "apt-get", "apt-cache")
    _, commands = run_script(folder, "test", installed=[])
    installed = commands[-1].split()
    for entry in package_list("runtime") + package_list("test"):
        assert any(name in installed for name in entry.split("|")), entry


def test_with_debians_own_python_the_test_set_adds_its_shared_library(tmp_path: Path) -> None:
    """PyInstaller needs libpython3.X.so, which Debian keeps out of the python3 package."""
    folder = fake_system(tmp_path, "dpkg-query", "apt-get", "apt-cache")
    python = folder / "python3"
    python.write_text(
        f"#!{BASH}\ncase $2 in *version_info*) echo 3.11 ;; *base_prefix*) echo /usr ;; esac\n"
    )
    python.chmod(0o755)
    _, commands = run_script(folder, "test", installed=[])
    assert "libpython3.11" in commands[-1].split()
    _, commands = run_script(folder, "runtime", installed=[])
    assert "libpython3.11" not in commands[-1].split()  # the app itself does not need it


def test_check_only_names_what_is_missing(tmp_path: Path) -> None:
    folder = fake_system(tmp_path, "dpkg-query", "apt-get", "apt-cache")
    present = [name for name in every_name(package_list("test")) if name != "xvfb"]
    result, commands = run_script(folder, "test", "--check", installed=present)
    assert (result.returncode, commands) == (1, [])
    assert result.stderr == "Missing system packages (test): xvfb\n"


def test_without_sudo_a_user_is_told_what_to_install(tmp_path: Path) -> None:
    folder = fake_system(tmp_path, "dpkg-query", "apt-get", "apt-cache", sudo=False)
    present = [name for name in every_name(package_list("runtime")) if name != "libpulse0"]
    result, commands = run_script(folder, "runtime", installed=present, uid=1000)
    assert (result.returncode, commands) == (1, [])
    assert "libpulse0" in result.stderr and "as root" in result.stderr


def test_fedora_gets_its_own_names_through_dnf(tmp_path: Path) -> None:
    folder = fake_system(tmp_path, "rpm", "dnf")
    present = [name for name in package_list("runtime", "fedora") if name != "xcb-util-wm"]
    result, commands = run_script(folder, "runtime", installed=present)
    assert result.returncode == 0, result.stderr
    assert commands == ["dnf install -y xcb-util-wm"]


def test_arch_gets_its_own_names_through_pacman(tmp_path: Path) -> None:
    folder = fake_system(tmp_path, "pacman")
    present = [name for name in package_list("test", "arch") if name != "xorg-server-xvfb"]
    result, commands = run_script(folder, "test", installed=present)
    assert result.returncode == 0, result.stderr
    assert commands == ["pacman -S --needed --noconfirm xorg-server-xvfb"]


def test_an_unknown_system_gets_the_exact_list_and_a_failure(tmp_path: Path) -> None:
    folder = fake_system(tmp_path)
    result, commands = run_script(folder, "runtime")
    assert (result.returncode, commands) == (1, [])
    assert "libxcb-icccm4" in result.stderr and "libpulse0" in result.stderr
    assert "libglib2.0-0t64 or libglib2.0-0" in result.stderr
    assert "SPINECOACH_SYSTEM_DEPS=skip" in result.stderr


def test_the_families_list_the_same_kinds_of_thing() -> None:
    for family in ("debian", "fedora", "arch"):
        runtime, test = package_list("runtime", family), package_list("test", family)
        assert len(runtime) >= 15 and len(test) >= 8, family
        assert len(set(runtime)) == len(runtime), family


def test_the_app_names_packages_from_the_list() -> None:
    """The install line SpineCoach prints for a missing library uses only listed packages."""
    listed = set(every_name(package_list("runtime")))
    assert set(LIBRARY_PACKAGES.values()) - listed == set()


def test_ci_and_the_makefile_use_the_script_not_a_list_of_their_own() -> None:
    ci = (ROOT / ".ci" / "run").read_text()
    assert "tools/system-deps.sh test" in ci
    assert "apt-get" not in ci
    makefile = (ROOT / "Makefile").read_text()
    assert "apt-get install" not in makefile
    assert "SYSTEM_DEPS) runtime" in makefile and "SYSTEM_DEPS) test" in makefile


# --- the Makefile's stamps ----------------------------------------------------------------------


def make_dry_run(folder: Path, target: str) -> list[str]:
    """The commands `make TARGET` would run in `folder` (a copy of the Makefile), in order."""
    # Under `make test` the outer make's MAKEFLAGS and MAKELEVEL would reach this one.
    environment = {k: v for k, v in os.environ.items() if k not in ("MAKEFLAGS", "MAKELEVEL")}
    result = subprocess.run(
        ["make", "--no-print-directory", "-n", target],
        cwd=folder,
        capture_output=True,
        text=True,
        timeout=30,
        env=environment,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.splitlines()


@pytest.fixture
def project(tmp_path: Path) -> Path:
    if shutil.which("make") is None:
        pytest.fail("make is not installed")
    shutil.copy(ROOT / "Makefile", tmp_path / "Makefile")
    (tmp_path / "pyproject.toml").write_text("[project]\n")
    return tmp_path


def installs(commands: list[str]) -> list[str]:
    return [command for command in commands if "pip install" in command]


def test_a_fresh_clone_checks_the_system_before_making_the_venv(project: Path) -> None:
    commands = make_dry_run(project, "run")
    venv = next(i for i, command in enumerate(commands) if "-m venv" in command)
    assert "system-deps.sh runtime" in commands[0]
    assert venv > 0
    assert installs(commands)[-1].endswith("install --quiet -e .")  # the app alone


def test_run_installs_only_the_app_and_test_adds_the_tools(project: Path) -> None:
    (project / ".venv" / "bin").mkdir(parents=True)
    (project / ".venv" / "bin" / "python").touch()
    assert [c.split("pip ")[-1] for c in installs(make_dry_run(project, "run"))] == [
        "install --quiet -e ."
    ]
    test = make_dry_run(project, "test")
    assert "system-deps.sh test" in test[0]
    assert [c.split("pip ")[-1] for c in installs(test)] == ["install --quiet -e '.[test,dev]'"]


def test_nothing_is_reinstalled_until_pyproject_changes(project: Path) -> None:
    venv = project / ".venv"
    (venv / "bin").mkdir(parents=True)
    (venv / "bin" / "python").touch()
    os.utime(project / "pyproject.toml", (1_000_000, 1_000_000))
    for stamp in (".installed-run", ".installed-test"):
        (venv / stamp).touch()
        os.utime(venv / stamp, (2_000_000, 2_000_000))
    assert installs(make_dry_run(project, "run")) == []
    assert installs(make_dry_run(project, "test")) == []
    assert make_dry_run(project, "run")[0].endswith("system-deps.sh runtime")  # still checked
    os.utime(project / "pyproject.toml", (3_000_000, 3_000_000))
    assert len(installs(make_dry_run(project, "run"))) == 1
    assert len(installs(make_dry_run(project, "test"))) == 1


# --- the list against the real libraries (Debian) --------------------------------------------

SITE = Path(str(PySide6.__file__)).resolve().parent
WHEELS = (SITE, SITE.parent / "shiboken6")

# The plug-ins Qt loads for SpineCoach, beside the modules it imports. Left out on purpose:
# texttospeech/speechd (the voice; needs speech-dispatcher, which SpineCoach names when it is
# missing), platformthemes/gtk3 (only on a GTK desktop, which has GTK; Qt goes on without it),
# tls and networkinformation (QtNetwork serves only the single-instance socket).
PLUGINS = (
    "platforms/libqxcb.so",  # a real window on X11 and XWayland
    "platforms/libqoffscreen.so",  # the tests, and --exit-after-first-paint checks
    "xcbglintegrations/*.so",  # OpenGL on xcb (pyqtgraph imports QtOpenGL)
    "imageformats/*.so",
    "iconengines/*.so",
    "platforminputcontexts/libcomposeplatforminputcontextplugin.so",  # typing on X11
    "platforminputcontexts/libibusplatforminputcontextplugin.so",
    "platformthemes/libqxdgdesktopportal.so",
    "multimedia/*.so",  # tones and chimes (QSoundEffect through FFmpeg)
    "texttospeech/libqtexttospeech_mock.so",
)
# Listed without Qt needing them: fontconfig finds no font without one, and every text is drawn
# as empty boxes; libXss is loaded by SpineCoach itself (ctypes) for idle time on X11; pactl
# (pulseaudio-utils) is run by SpineCoach to see a microphone in use (desktop/calls.py).
NOT_LIBRARIES = {"fonts-dejavu-core", "libxss1", "pulseaudio-utils"}


def imported_qt_modules() -> set[str]:
    """Every PySide6 module SpineCoach imports: named in src/, or imported by what it imports."""
    named = {
        match
        for path in (ROOT / "src").rglob("*.py")
        for match in re.findall(r"PySide6\.(Qt\w+)", path.read_text(encoding="utf-8"))
    }
    script = (
        "import pkgutil, importlib, sys, spinecoach\n"
        "for module in pkgutil.walk_packages(spinecoach.__path__, 'spinecoach.'):\n"
        "    if not module.name.endswith('__main__'):\n"
        "        importlib.import_module(module.name)\n"
        "print(' '.join(m.split('.')[1] for m in sys.modules if m.startswith('PySide6.Qt')))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=60, check=True
    )
    return named | set(result.stdout.split())


def elf_needed(path: Path) -> list[str]:
    """DT_NEEDED of a 64-bit little-endian ELF file: the libraries it names itself."""
    with path.open("rb") as file, mmap.mmap(file.fileno(), 0, access=mmap.ACCESS_READ) as data:
        assert data[:4] == b"\x7fELF" and data[4] == 2 and data[5] == 1, f"{path}: not ELF64 LE"
        (phoff,) = struct.unpack_from("<Q", data, 0x20)
        entsize, count = struct.unpack_from("<HH", data, 0x36)
        loads, dynamic = [], None
        for index in range(count):
            kind, _, offset, vaddr, _, filesz, _, _ = struct.unpack_from(
                "<IIQQQQQQ", data, phoff + index * entsize
            )
            if kind == 1:
                loads.append((vaddr, offset, filesz))
            elif kind == 2:
                dynamic = (offset, filesz)
        assert dynamic is not None, f"{path}: no dynamic section"
        entries = [
            struct.unpack_from("<qQ", data, dynamic[0] + at) for at in range(0, dynamic[1], 16)
        ]
        strtab = next(value for tag, value in entries if tag == 5)
        base = next(off + strtab - va for va, off, size in loads if va <= strtab < va + size)
        names = []
        for tag, value in entries:
            if tag == 1:
                end = data.find(b"\0", base + value)
                names.append(data[base + value : end].decode())
        return names


def ldd(path: Path) -> dict[str, str]:
    """soname -> the file the loader picks, for `path` and everything it loads."""
    result = subprocess.run(["ldd", str(path)], capture_output=True, text=True, check=True)
    found: dict[str, str] = {}
    for line in result.stdout.splitlines():
        parts = line.split()
        if "=>" in parts:
            found[parts[0]] = parts[2] if parts[2] != "not" else "not found"
    return found


def in_wheel(path: str) -> bool:
    return any(Path(path).resolve().is_relative_to(wheel) for wheel in WHEELS)


def dpkg_owners(paths: Iterable[str]) -> dict[str, str]:
    """The installed package owning each path (one dpkg -S call for all, ~0.3 s).

    Exact paths, not patterns (patterns took 6 s): each as the loader found it and as its real
    path, under /lib and /usr/lib alike (Debian 12 merged them; packages still name either).
    """
    spellings: dict[str, str] = {}
    for path in paths:
        for form in {path, os.path.realpath(path)}:
            for variant in (
                form,
                re.sub(r"^/usr/lib/", "/lib/", form),
                re.sub(r"^/lib/", "/usr/lib/", form),
            ):
                spellings.setdefault(variant, path)
    result = subprocess.run(["dpkg", "-S", *sorted(spellings)], capture_output=True, text=True)
    owners: dict[str, str] = {}
    for line in result.stdout.splitlines():
        packages, _, owned = line.partition(": ")
        asked = spellings.get(owned)
        if asked is not None and not packages.startswith("diversion"):
            owners[asked] = packages.split(",")[0].split(":")[0].strip()
    return owners


@cache
def installed_dependencies() -> dict[str, set[str]]:
    """Each installed package -> the installed packages it depends on (Provides resolved)."""
    result = subprocess.run(
        ["dpkg-query", "-W", "-f", "${Package}\t${Depends}, ${Pre-Depends}\t${Provides}\t"
         "${db:Status-Status}\n"],
        capture_output=True, text=True, check=True,
    )  # fmt: skip
    rows = [line.split("\t") for line in result.stdout.splitlines()]
    installed = {row[0] for row in rows if row[3] == "installed"}
    providers: dict[str, set[str]] = {name: {name} for name in installed}
    for name, _, provides, status in rows:
        for virtual in filter(None, (p.strip().split(" ")[0] for p in provides.split(","))):
            if status == "installed":
                providers.setdefault(virtual, set()).add(name)
    graph: dict[str, set[str]] = {}
    for name, depends, _, status in rows:
        if status != "installed":
            continue
        needs = set()
        for alternatives in depends.split(","):
            for option in alternatives.split("|"):
                target = option.strip().split(" ")[0].split(":")[0]
                needs |= providers.get(target, set())
        graph[name] = needs
    return graph


def closure(packages: Iterable[str]) -> set[str]:
    graph = installed_dependencies()
    seen: set[str] = set()
    todo = list(packages)
    while todo:
        name = todo.pop()
        if name not in seen:
            seen.add(name)
            todo.extend(graph.get(name, ()))
    return seen


def requires_debian() -> None:
    if not sys.platform.startswith("linux") or shutil.which("dpkg") is None:
        pytest.skip("maps libraries to packages with dpkg -S: Debian and Ubuntu only")


class Linked:
    """What a set of Qt files loads from the system: each library, its package, who names it."""

    def __init__(self, files: Iterable[Path]) -> None:
        resolved: dict[str, str] = {}
        self.needed_by: dict[str, set[str]] = {}  # soname -> the Qt files naming it (DT_NEEDED)
        for file in files:
            loads = ldd(file)
            resolved.update(loads)
            own = [Path(p) for p in loads.values() if p != "not found" and in_wheel(p)]
            for elf in {file, *own}:
                for soname in elf_needed(elf):
                    self.needed_by.setdefault(soname, set()).add(elf.name)
        self.not_found = sorted(name for name, path in resolved.items() if path == "not found")
        self.system = {
            name: path
            for name, path in resolved.items()
            if path != "not found" and not in_wheel(path)
        }
        owners = dpkg_owners(self.system.values())
        self.package = {name: owners.get(path, "?") for name, path in self.system.items()}
        self.direct = {name for name in self.needed_by if name in self.system}


def qt_files(modules: Iterable[str]) -> list[Path]:
    files = [SITE / f"{module}.abi3.so" for module in sorted(modules)]
    for pattern in PLUGINS:
        matched = sorted((SITE / "Qt" / "plugins").glob(pattern))
        assert matched, f"no plug-in {pattern} in this PySide6"
        files += matched
    return files


def listed_runtime() -> list[str]:
    """The runtime list with each `a|b` resolved to the one installed here."""
    installed = installed_dependencies()
    return [
        next((name for name in entry.split("|") if name in installed), entry)
        for entry in package_list("runtime")
    ]


def list_problems(modules: Iterable[str]) -> list[str]:
    """What tools/system-deps.sh (runtime) lacks, or holds for nothing, for these modules.

    A library the Qt files name themselves (DT_NEEDED) must come from a listed package, or from
    dpkg and apt (present on every Debian); what those libraries load in turn may come through
    the listed packages' own dependencies. A listed package must provide something named.
    """
    linked = Linked(qt_files(modules))
    if linked.not_found:
        return [f"not found here: {linked.not_found}; tools/system-deps.sh runtime installs them?"]
    listed = listed_runtime()
    base = closure(["dpkg", "apt"])
    problems = [
        f"add {linked.package[name]} ({name}, needed by {', '.join(sorted(needers))})"
        for name, needers in sorted(linked.needed_by.items())
        if name in linked.direct
        if linked.package[name] not in listed and linked.package[name] not in base
    ]
    reachable = closure(listed) | base
    problems += [
        f"{name} ({linked.package[name]}) is loaded but no listed package brings it"
        for name in sorted(linked.system)
        if linked.package[name] not in reachable
    ]
    providing = {linked.package[name] for name in linked.direct}
    problems += [
        f"{package} is listed but no Qt file we use needs it"
        for package in sorted(set(listed) - providing - NOT_LIBRARIES)
    ]
    return problems


@pytest.mark.slow
def test_the_runtime_list_provides_every_library_qt_loads_for_us() -> None:
    """Fails when a new import, or a new PySide6, needs a package the list lacks (~1.5 s)."""
    requires_debian()
    modules = imported_qt_modules()
    assert {"QtCore", "QtGui", "QtWidgets", "QtMultimedia", "QtTextToSpeech"} <= modules
    assert list_problems(modules) == []


@pytest.mark.slow
def test_the_check_fails_for_an_import_that_needs_a_new_package() -> None:
    """QtNfc links libpcsclite (smart-card readers), which the list rightly lacks."""
    requires_debian()
    problems = list_problems(imported_qt_modules() | {"QtNfc"})
    assert any("libpcsclite" in problem for problem in problems), problems


@pytest.mark.slow
def test_the_app_names_the_right_package_for_each_library() -> None:
    """qt_runtime's table (for the message at start-up) agrees with dpkg, and covers the
    libraries that QtCore, QtGui, QtWidgets and the xcb plug-in name themselves."""
    requires_debian()
    blocking = [SITE / f"{m}.abi3.so" for m in ("QtCore", "QtGui", "QtWidgets")]
    linked = Linked([*blocking, SITE / "Qt" / "plugins" / "platforms" / "libqxcb.so"])
    base = closure(["dpkg", "apt"])
    needs_naming = {name for name in linked.direct if linked.package[name] not in base}
    assert needs_naming - set(LIBRARY_PACKAGES) == set()
    for name, package in LIBRARY_PACKAGES.items():
        assert name in linked.system, f"{name} is not loaded by QtCore/QtGui/QtWidgets/xcb"
        assert linked.package[name].removesuffix("t64") == package, name


# --- what the tests start for real -------------------------------------------------------------

# Programs some tests skip without, beyond those found by `shutil.which("…")` in tests/.
VALIDATORS = ("appstreamcli", "desktop-file-validate")
# Looked up in tests/ but not installed by the list, and why.
NOT_LISTED = {
    "bash": "the shell running tools/system-deps.sh: present wherever make is",
    "make": 'one of the two things a clone needs (README, "The two commands")',
    "dpkg": "present exactly on the systems whose packages these tests map (Debian, Ubuntu)",
}


def programs_tests_need() -> set[str]:
    found = {
        match
        for path in (ROOT / "tests").rglob("*.py")
        for match in re.findall(r"""shutil\.which\(["']([\w.-]+)["']\)""", path.read_text())
    }
    return (found | set(VALIDATORS)) - set(NOT_LISTED)


def test_every_program_a_test_would_skip_without_is_installed() -> None:
    """After `make test` installed the test set, no test skips for a missing program."""
    if not sys.platform.startswith("linux"):
        pytest.skip("the real-display and D-Bus tests are for Linux")
    missing = sorted(name for name in programs_tests_need() if shutil.which(name) is None)
    assert missing == [], (
        f"not installed: {missing}; `tools/system-deps.sh test` installs them (make test does)"
    )
    gsettings = subprocess.run(
        ["gsettings", "list-keys", "org.gnome.desktop.notifications"],
        capture_output=True,
        text=True,
        timeout=10,
    )
    assert "show-banners" in gsettings.stdout.split(), "gsettings-desktop-schemas is missing"


def test_the_test_list_brings_every_program_the_tests_start() -> None:
    requires_debian()
    programs = {name: shutil.which(name) for name in programs_tests_need()}
    owners = dpkg_owners(path for path in programs.values() if path is not None)
    listed = set(every_name(package_list("test") + package_list("runtime")))
    always = closure(["dpkg", "apt"]) | essential_packages()
    outside = {
        f"{name} ({owners.get(path or '', 'not installed')})"
        for name, path in programs.items()
        if owners.get(path or "") not in listed | always
    }
    assert outside == set(), f"add to tools/system-deps.sh (test): {sorted(outside)}"


def essential_packages() -> set[str]:
    """Essential or required: on every Debian system, even a minimal one (util-linux, mount)."""
    result = subprocess.run(
        ["dpkg-query", "-W", "-f", "${Package}\t${Essential}\t${Priority}\n"],
        capture_output=True,
        text=True,
        check=True,
    )
    return {
        name
        for name, essential, priority in (line.split("\t") for line in result.stdout.splitlines())
        if essential == "yes" or priority == "required"
    }
