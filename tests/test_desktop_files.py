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
    # A file manager opening a programme file passes it after --open (%f); from the menu,
    # %f is dropped and --open alone opens nothing.
    assert section["Exec"] == "spinecoach --open %f"
    assert section["MimeType"] == "application/x-spinecoach-programme;"
    assert section["Icon"] == paths.APP_ID
    assert section["Type"] == "Application"


def test_metainfo_names_the_same_id_and_desktop_file() -> None:
    root = ET.parse(PACKAGING / f"{paths.APP_ID}.metainfo.xml").getroot()
    assert root.findtext("id") == paths.APP_ID
    assert root.findtext("launchable") == f"{paths.APP_ID}.desktop"


def test_the_programme_mime_type_is_the_one_the_desktop_entry_names() -> None:
    namespace = {"m": "http://www.freedesktop.org/standards/shared-mime-info"}
    root = ET.parse(PACKAGING / f"{paths.APP_ID}.mime.xml").getroot()
    types = root.findall("m:mime-type", namespace)
    assert [kind.get("type") for kind in types] == ["application/x-spinecoach-programme"]
    globs = [glob.get("pattern") for glob in types[0].findall("m:glob", namespace)]
    assert globs == ["*.programme.toml"]
    assert {parent.get("type") for parent in types[0].findall("m:sub-class-of", namespace)} == {
        "application/toml",
        "text/plain",
    }
    metainfo = ET.parse(PACKAGING / f"{paths.APP_ID}.metainfo.xml").getroot()
    assert metainfo.findtext("provides/mediatype") == "application/x-spinecoach-programme"


def test_the_wheel_the_bundle_and_the_flatpak_ship_the_mime_type() -> None:
    name = f"{paths.APP_ID}.mime.xml"
    pyproject = (PACKAGING.parent / "pyproject.toml").read_text(encoding="utf-8")
    assert f'"packaging/{name}" = "spinecoach/packaging/{name}"' in pyproject
    assert 'f"{APP_ID}.mime.xml"' in (PACKAGING / "spinecoach.spec").read_text(encoding="utf-8")
    manifest = (PACKAGING / f"{paths.APP_ID}.yml").read_text(encoding="utf-8")
    assert (
        "install -Dm644 source/packaging/${FLATPAK_ID}.mime.xml "
        '"${FLATPAK_DEST}/share/mime/packages/${FLATPAK_ID}.xml"'
    ) in manifest
