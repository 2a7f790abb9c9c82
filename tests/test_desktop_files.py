"""The desktop entry and metainfo agree with the app id the application announces."""

from __future__ import annotations

import configparser
import xml.etree.ElementTree as ET
from pathlib import Path

from spinecoach import paths

PACKAGING = Path(__file__).resolve().parents[1] / "packaging"


def test_desktop_entry_launches_the_gui_script_under_the_app_id() -> None:
    entry = configparser.ConfigParser(interpolation=None)
    entry.optionxform = str  # type: ignore[assignment,method-assign]
    entry.read(PACKAGING / f"{paths.APP_ID}.desktop", encoding="utf-8")
    section = entry["Desktop Entry"]
    assert section["Exec"] == "spinecoach"
    assert section["Icon"] == paths.APP_ID
    assert section["Type"] == "Application"


def test_metainfo_names_the_same_id_and_desktop_file() -> None:
    root = ET.parse(PACKAGING / f"{paths.APP_ID}.metainfo.xml").getroot()
    assert root.findtext("id") == paths.APP_ID
    assert root.findtext("launchable") == f"{paths.APP_ID}.desktop"
