"""Finding the person's named time zone."""

from __future__ import annotations

from datetime import tzinfo
from pathlib import Path
from zoneinfo import ZoneInfo

from spinecoach.localzone import local_timezone


def test_tz_variable_names_the_zone(tmp_path: Path) -> None:
    assert local_timezone({"TZ": "Europe/Berlin"}, tmp_path / "none") == ZoneInfo("Europe/Berlin")
    assert local_timezone({"TZ": ":America/New_York"}, tmp_path / "none") == ZoneInfo(
        "America/New_York"
    )


def test_localtime_link_names_the_zone(tmp_path: Path) -> None:
    zoneinfo = tmp_path / "usr" / "share" / "zoneinfo" / "Asia"
    zoneinfo.mkdir(parents=True)
    (zoneinfo / "Tokyo").write_bytes(b"TZif")
    link = tmp_path / "localtime"
    link.symlink_to(zoneinfo / "Tokyo")
    assert local_timezone({}, link) == ZoneInfo("Asia/Tokyo")


def test_unknown_names_fall_back_to_a_fixed_offset(tmp_path: Path) -> None:
    zone = local_timezone({"TZ": "Not/AZone"}, tmp_path / "none")
    assert isinstance(zone, tzinfo)
    assert not isinstance(zone, ZoneInfo)
