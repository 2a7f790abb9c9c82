"""The person's named time zone (e.g. Europe/Berlin), for day and week boundaries.

`datetime.now().astimezone()` only gives today's UTC offset. Counting which local day an entry
from last winter fell on needs the zone's rules, or a score at 23:30 in winter lands on the
next day once summer time has begun. Python has no portable "local ZoneInfo", so: $TZ, then
the /etc/localtime link (Linux, macOS), then today's fixed offset as the honest fallback.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from datetime import datetime, tzinfo
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

LOCALTIME = Path("/etc/localtime")


def _zone(key: str) -> ZoneInfo | None:
    try:
        return ZoneInfo(key)
    except (ZoneInfoNotFoundError, ValueError):
        return None


def local_timezone(environ: Mapping[str, str] = os.environ, localtime: Path = LOCALTIME) -> tzinfo:
    """The local time zone with its rules when it can be named, else today's offset."""
    key = environ.get("TZ", "").lstrip(":")
    if key:
        zone = _zone(key)
        if zone is not None:
            return zone
    if localtime.is_symlink():
        target = str(localtime.resolve())
        if "zoneinfo/" in target:
            zone = _zone(target.split("zoneinfo/", 1)[1])
            if zone is not None:
                return zone
    fallback = datetime.now().astimezone().tzinfo
    assert fallback is not None
    return fallback
