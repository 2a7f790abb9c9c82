"""The file that carries the reminder state to the next process (`core.reminders.handover`).

Written just before SpineCoach starts itself again small (`app.restart_in_tray`), read and
removed by the process that follows, a second later. It holds no health data, only times, but
lives in the private data folder and is created 0600 like everything there.
"""

from __future__ import annotations

import contextlib
import logging
from pathlib import Path

from spinecoach.storage.files import replace_private_text

__all__ = ["HANDOVER_NAME", "take_handover", "write_handover"]

log = logging.getLogger(__name__)

HANDOVER_NAME = "reminder-handover.json"
#: Larger than any handover; a bigger file is not ours and is left alone.
MAX_BYTES = 64 * 1024


def write_handover(data_dir: Path, text: str) -> Path:
    """Write `text` to the handover file (0600, replacing an old one); its path.

    Raises OSError when it cannot be written: the caller then stays as it is.
    """
    path = data_dir / HANDOVER_NAME
    replace_private_text(path, text, durable=True)
    return path


def take_handover(data_dir: Path) -> str | None:
    """The handover's text, removing the file; None when there is none or it cannot be read."""
    path = data_dir / HANDOVER_NAME
    try:
        if path.stat().st_size > MAX_BYTES:
            log.warning("%s is too large to be a handover; left alone", path)
            return None
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return None
    except (OSError, UnicodeDecodeError) as error:
        log.warning("the reminder handover could not be read: %s", error)
        text = None
    with contextlib.suppress(OSError):
        path.unlink()
    return text
