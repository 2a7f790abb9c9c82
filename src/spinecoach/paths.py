"""Where SpineCoach reads its shipped files and writes the user's data: decided here, only here.

Shipped files (`resources/`, `icons/`) sit at the top of the repository, as the design card
asks. A built wheel carries them inside the package (hatch force-include), but an editable
install does not apply force-include, so running from a checkout reads the top-level folders.
Every caller goes through `resources_dir()` / `icons_dir()`; a test installs the real wheel and
proves the packaged branch finds every file.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from importlib.resources import files
from importlib.resources.abc import Traversable
from pathlib import Path

APP_NAME = "SpineCoach"
APP_ID = "io.github.spinecoach.SpineCoach"
DATA_DIR_ENV = "SPINECOACH_DATA_DIR"
DATABASE_NAME = "spinecoach.sqlite3"


def _shipped(name: str) -> Traversable:
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


def database_path(data_dir: Path) -> Path:
    """The SQLite file inside a data folder."""
    return data_dir / DATABASE_NAME
