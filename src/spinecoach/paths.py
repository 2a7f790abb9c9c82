"""Where SpineCoach reads its shipped files and writes the user's data: decided here, only here.

Shipped files (`resources/`, `icons/`, and the desktop entry and metainfo in `packaging/`) sit
at the top of the repository, as the design card asks. A built wheel carries them inside the
package (hatch force-include), but an editable install does not apply force-include, so running
from a checkout reads the top-level folders. Every caller goes through `resources_dir()` /
`icons_dir()` / `packaging_dir()`; a test installs the real wheel and proves the packaged branch
finds every file.

The data folder holds health data (pain scores, notes) and the log, so it is the user's alone:
created 0700, tightened to 0700 when found looser (`prepare_data_dir`), and the files we
write there ourselves are 0600 (`make_private_file`).
"""

from __future__ import annotations

import os
import stat
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from importlib.resources.abc import Traversable

APP_NAME = "SpineCoach"
APP_ID = "io.github.spinecoach.SpineCoach"
DATA_DIR_ENV = "SPINECOACH_DATA_DIR"
DATABASE_NAME = "spinecoach.sqlite3"
PRIVATE_DIR_MODE = 0o700
PRIVATE_FILE_MODE = 0o600


def _shipped(name: str) -> Traversable:
    """The shipped folder `name`: in the installed package, else in the checkout.

    The package is a folder on disk (a wheel, a bundle): its path is read directly. Only a
    package imported from an archive goes through `importlib.resources`, which costs ~3.5 ms
    of imports (tempfile, shutil, random...) that the window's first paint would wait for.
    """
    package = Path(__file__).parent
    packaged: Traversable = package / name
    if not package.is_dir():  # imported from an archive (zipimport)
        from importlib.resources import files

        packaged = files("spinecoach") / name
    if packaged.is_dir():
        return packaged
    checkout = Path(__file__).resolve().parents[2] / name
    if checkout.is_dir():
        return checkout
    raise FileNotFoundError(
        f"SpineCoach's {name}/ folder is missing from the package and from {checkout.parent}"
    )


def resources_dir() -> Traversable:
    """The folder holding exercises/, routines/, poses/ and sounds/."""
    return _shipped("resources")


def icons_dir() -> Traversable:
    """The folder holding the app icon and the exercise illustrations."""
    return _shipped("icons")


def packaging_dir() -> Traversable:
    """The folder holding the desktop entry and the AppStream metainfo."""
    return _shipped("packaging")


def default_data_dir() -> Path:
    """The per-user data folder of this platform (e.g. ~/.local/share/SpineCoach)."""
    import platformdirs  # only needed when no folder was given

    return platformdirs.user_data_path(APP_NAME, appauthor=False)


def resolve_data_dir(cli_value: str | None, environ: Mapping[str, str] = os.environ) -> Path:
    """The data folder: `--data-dir`, else $SPINECOACH_DATA_DIR, else the platform default."""
    if cli_value:
        return Path(cli_value).expanduser().resolve()
    if environ.get(DATA_DIR_ENV):
        return Path(environ[DATA_DIR_ENV]).expanduser().resolve()
    return default_data_dir()


def cache_dir(data_dir: Path) -> Path:
    """Where SpineCoach keeps what it can always make again (parsed shipped files).

    Inside the data folder rather than the platform's cache folder: a chosen folder
    (`--data-dir`, a portable profile) then holds everything SpineCoach writes, and finding
    the platform's folder would cost a start ~4 ms (platformdirs). Nothing personal is kept
    there; deleting it only makes the next start parse again.
    """
    return data_dir / "cache"


def database_path(data_dir: Path) -> Path:
    """The SQLite file inside a data folder."""
    return data_dir / DATABASE_NAME


def prepare_data_dir(data_dir: Path) -> int | None:
    """Create the data folder 0700, or take group/other access away from an existing one.

    Returns the mode a folder holding files had when it had to be tightened (worth a log
    line), else None: an empty folder exposed nothing (a caller's plain `mkdir()` just made it).
    With the folder private, nobody else can read the data, the log or the lock, nor put a
    file or socket of their own in it. Parent folders are created with the usual modes.
    Off POSIX modes do not apply: the per-user profile folder's ACLs protect it.
    """
    if not data_dir.is_dir():
        data_dir.parent.mkdir(parents=True, exist_ok=True)
        data_dir.mkdir(mode=PRIVATE_DIR_MODE, exist_ok=True)
    if os.name != "posix":
        return None
    mode = stat.S_IMODE(data_dir.stat().st_mode)
    if mode & 0o077 == 0:
        return None
    data_dir.chmod(mode & ~0o077)  # keep the owner's own bits; a 0755 folder becomes 0700
    return mode if any(data_dir.iterdir()) else None


def make_private_file(path: Path) -> None:
    """Create `path` empty with mode 0600 if missing; tighten it to 0600 if looser.

    Created with `os.open(..., 0o600)`, so it is never readable by others even for a moment,
    whatever the umask; an existing file keeps its contents.
    """
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, PRIVATE_FILE_MODE)
    try:
        if os.name == "posix" and stat.S_IMODE(os.fstat(descriptor).st_mode) & 0o077:
            os.fchmod(descriptor, PRIVATE_FILE_MODE)
    finally:
        os.close(descriptor)
