"""Can Qt start here? Said in one sentence before Qt aborts with a misleading message.

Without a display, or with a system library missing, creating the QApplication aborts the
process (exit 134) with "could not load the Qt platform plugin "xcb" ... Reinstalling the
application may fix this problem", and it blames libxcb-cursor0 whatever is really missing.
`start_up_problem` runs before that and returns what to tell the person instead: there is no
display, or which library is missing and the line that installs it.

Cost on a normal start, measured on the 2-core machine (tests/desktop/test_qt_runtime.py): the
display check reads a few environment variables (~20 µs); QtWidgets is imported a moment before
start-up imports it anyway; on X11, one stat per library in LIBRARY_PACKAGES finds each in its
usual folder (~25 stats). In all 0.15-0.2 ms. Only when a library is not where it should be is the
xcb plug-in loaded through `QLibrary` (~3 ms, which Qt then does not spend again), and only when
that load fails is each library tried with dlopen, to name them all in one install line.
"""

from __future__ import annotations

import os
import re
import shutil
import sys
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path

NO_DISPLAY = (
    "SpineCoach needs a desktop session to show its window: no display was found ({why}). "
    "Start it from your desktop, or for a test run set QT_QPA_PLATFORM=offscreen."
)

# Platforms that draw on a display server, and the variable naming their display.
DISPLAY_PLATFORMS = {
    "xcb": "DISPLAY",
    "wayland": "WAYLAND_DISPLAY",
    "wayland-egl": "WAYLAND_DISPLAY",
    "wayland-brcm": "WAYLAND_DISPLAY",
}

# The system libraries without which QtCore, QtGui, QtWidgets or the xcb platform plug-in do not
# load, each with the Debian/Ubuntu package that provides it. tests/test_system_deps.py checks
# this against `ldd` and `dpkg -S`, and that each package is in tools/system-deps.sh. (Sound
# libraries are left out on purpose: SpineCoach starts without them and says why it is silent.)
LIBRARY_PACKAGES = {
    "libglib-2.0.so.0": "libglib2.0-0",
    "libgthread-2.0.so.0": "libglib2.0-0",
    "libEGL.so.1": "libegl1",
    "libGL.so.1": "libgl1",
    "libfontconfig.so.1": "libfontconfig1",
    "libfreetype.so.6": "libfreetype6",
    "libxkbcommon.so.0": "libxkbcommon0",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
    "libdbus-1.so.3": "libdbus-1-3",
    "libX11.so.6": "libx11-6",
    "libX11-xcb.so.1": "libx11-xcb1",
    "libxcb.so.1": "libxcb1",
    "libxcb-cursor.so.0": "libxcb-cursor0",
    "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-image.so.0": "libxcb-image0",
    "libxcb-keysyms.so.1": "libxcb-keysyms1",
    "libxcb-randr.so.0": "libxcb-randr0",
    "libxcb-render.so.0": "libxcb-render0",
    "libxcb-render-util.so.0": "libxcb-render-util0",
    "libxcb-shape.so.0": "libxcb-shape0",
    "libxcb-shm.so.0": "libxcb-shm0",
    "libxcb-sync.so.1": "libxcb-sync1",
    "libxcb-util.so.1": "libxcb-util1",
    "libxcb-xfixes.so.0": "libxcb-xfixes0",
    "libxcb-xkb.so.1": "libxcb-xkb1",
}

_LIBRARY_IN_ERROR = re.compile(r"(lib[\w.+-]+?\.so(?:\.\d+)*): ")


def platforms(environ: Mapping[str, str], arguments: Sequence[str]) -> list[str]:
    """The platforms Qt will try, in order: `-platform`, else QT_QPA_PLATFORM, else its default.

    The default of PySide6's Linux wheels is "wayland;xcb", and Wayland is only tried when
    WAYLAND_DISPLAY is set (both seen with PySide6 6.11).
    """
    chosen = environ.get("QT_QPA_PLATFORM", "")
    for index, argument in enumerate(arguments[:-1]):
        if argument in ("-platform", "--platform"):
            chosen = arguments[index + 1]
    if chosen:
        # "xcb:option=value" carries options after the name.
        return [name.split(":", 1)[0].strip() for name in chosen.split(";") if name.strip()]
    return ["wayland", "xcb"] if environ.get("WAYLAND_DISPLAY") else ["xcb"]


def _has_display(platform: str, environ: Mapping[str, str]) -> bool:
    if environ.get(DISPLAY_PLATFORMS[platform]):
        return True
    runtime_dir = environ.get("XDG_RUNTIME_DIR")
    # A Wayland client falls back to the socket "wayland-0" when WAYLAND_DISPLAY is not set.
    return (
        DISPLAY_PLATFORMS[platform] == "WAYLAND_DISPLAY"
        and runtime_dir is not None
        and Path(runtime_dir, "wayland-0").exists()
    )


def display_problem(environ: Mapping[str, str], arguments: Sequence[str]) -> str | None:
    """The sentence to say when every platform Qt would try needs a display that is not there."""
    candidates = platforms(environ, arguments)
    if not candidates or any(name not in DISPLAY_PLATFORMS for name in candidates):
        return None  # offscreen, minimal, vnc, eglfs...: no display server needed
    if any(_has_display(name, environ) for name in candidates):
        return None
    asked = environ.get("QT_QPA_PLATFORM") or any(
        argument in ("-platform", "--platform") for argument in arguments
    )
    if asked:
        variables = sorted({DISPLAY_PLATFORMS[name] for name in candidates})
        why = f"the platform asked for is {';'.join(candidates)}, and "
    else:
        variables, why = ["DISPLAY", "WAYLAND_DISPLAY"], ""
    why += " and ".join(variables) + (" is not set" if len(variables) == 1 else " are not set")
    return NO_DISPLAY.format(why=why)


def uses_xcb(environ: Mapping[str, str], arguments: Sequence[str]) -> bool:
    """Whether Qt will start on the xcb platform: the first platform tried with a display."""
    for name in platforms(environ, arguments):
        if name in DISPLAY_PLATFORMS and _has_display(name, environ):
            return name == "xcb"
        if name not in DISPLAY_PLATFORMS:
            return False
    return False


def _loads(name: str) -> bool:
    import ctypes

    try:
        ctypes.CDLL(name)
    except OSError:
        return False
    return True


def missing_library(error: str) -> str | None:
    """The library a loader error names (the innermost: "…/libqxcb.so: (libxcb-….so.4: …)")."""
    named = _LIBRARY_IN_ERROR.findall(error)
    return named[-1] if named else None


def missing_library_problem(error: str) -> str:
    """What to tell the person when a Qt library failed to load with `error` (dlerror's text).

    The loader names only the first library it missed, so every library in LIBRARY_PACKAGES is
    tried too (dlopen, ~0.1 ms each): one install line then brings them all.
    """
    first = missing_library(error)
    missing = [name for name in LIBRARY_PACKAGES if not _loads(name)]
    if first is not None and first not in missing:
        missing.insert(0, first)
    reason = error.split(f"{first}: ", 1)[-1] if first else error
    reason = reason.strip(" ()")
    if not missing:
        return f"SpineCoach cannot start: Qt could not be loaded ({reason})."
    one = len(missing) == 1
    names = missing[0] if one else ", ".join(missing[:-1]) + " and " + missing[-1]
    packages = [LIBRARY_PACKAGES[name] for name in missing if name in LIBRARY_PACKAGES]
    if packages and shutil.which("apt-get"):
        sudo = "" if os.geteuid() == 0 else "sudo "
        install = f"Install {'it' if one else 'them'} with: {sudo}apt-get install " + " ".join(
            dict.fromkeys(packages)
        )
    else:
        install = (
            f"Install the package that provides {'it' if one else 'them'} with your system's "
            "package manager."
        )
    return (
        f"SpineCoach cannot start: Qt needs the system {'library' if one else 'libraries'} "
        f"{names}, which could not be loaded ({reason}). {install}"
    )


def library_folders() -> list[str]:
    """Where the system's own libraries usually are: Debian's multiarch folder, then others."""
    multiarch = getattr(sys.implementation, "_multiarch", "")
    folders = [f"/usr/lib/{multiarch}", f"/lib/{multiarch}"] if multiarch else []
    return [*folders, "/usr/lib64", "/lib64", "/usr/lib"]


def unfound(names: Iterable[str], folders: Sequence[str]) -> list[str]:
    """The libraries in none of `folders` (one stat each where they are: ~1 µs)."""
    # os.path.exists on a string: a third of Path.exists's cost, and this runs on every start.
    return [
        name
        for name in names
        if not any(os.path.exists(f"{folder}/{name}") for folder in folders)  # noqa: PTH110
    ]


def xcb_plugin() -> Path:
    """The xcb platform plug-in inside the PySide6 wheel."""
    import PySide6

    return Path(PySide6.__file__).parent / "Qt" / "plugins" / "platforms" / "libqxcb.so"


def start_up_problem(
    arguments: Sequence[str],
    environ: Mapping[str, str] | None = None,
    folders: Sequence[str] | None = None,
) -> str | None:
    """Why Qt cannot start here, in words for the person, or None when it can.

    In order: no display (read from the environment); QtWidgets not importable (a system
    library missing: imported here, a moment before start-up needs it anyway); on X11, the xcb
    plug-in not loadable. That last is asked of the file system first: when every library in
    LIBRARY_PACKAGES is in its usual folder (and LD_LIBRARY_PATH does not choose others), the
    plug-in loads. Only otherwise is it loaded here with Qt's own loader, which keeps it for
    the QApplication; the loader then decides, so an unusual layout is never refused.
    """
    if not sys.platform.startswith("linux"):
        return None  # PySide6's wheels for Windows and macOS carry their libraries
    environ = os.environ if environ is None else environ
    problem = display_problem(environ, arguments)
    if problem is not None:
        return problem
    try:
        import PySide6.QtWidgets  # noqa: F401
    except ImportError as error:
        if missing_library(str(error)) is None:
            raise  # not a system library (PySide6 itself missing): the traceback says more
        return missing_library_problem(str(error))
    if not uses_xcb(environ, arguments) or environ.get("QT_QPA_PLATFORM_PLUGIN_PATH"):
        return None
    folders = library_folders() if folders is None else folders
    if not environ.get("LD_LIBRARY_PATH") and not unfound(LIBRARY_PACKAGES, folders):
        return None
    plugin = xcb_plugin()
    if not plugin.is_file():  # another Qt layout: let Qt itself find its plug-in
        return None
    from PySide6.QtCore import QLibrary

    library = QLibrary(str(plugin))
    if library.load():
        return None  # loaded once for all: Qt's plug-in loader finds it already there
    return missing_library_problem(library.errorString())
