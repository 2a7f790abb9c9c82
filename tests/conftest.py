"""Shared test setup: headless Qt, no real home folder, and no timer left running."""

from __future__ import annotations

import os

# Before any Qt import: tests never need a display.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("PYQTGRAPH_QT_LIB", "PySide6")
# The tests read English, whatever the machine's language ("follow the system" would otherwise
# give a German developer a German window); tests of other languages choose them explicitly.
os.environ["LC_ALL"] = "C.UTF-8"
os.environ.pop("LANGUAGE", None)

from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
from hypothesis import settings

if TYPE_CHECKING:
    from PySide6.QtWidgets import QApplication

# CI (.ci/run sets HYPOTHESIS_PROFILE=ci) replays the same examples on every run, so a landing
# never fails on a newly drawn case; local runs keep exploring, and what they find becomes an
# @example.
settings.register_profile("ci", derandomize=True)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))


@pytest.fixture(autouse=True)
def _isolated_home(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Point HOME and the XDG folders at a temporary place: tests never touch real user data."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("HOME", str(home))
    for name in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME"):
        monkeypatch.setenv(name, str(home / name.lower()))
    monkeypatch.delenv("SPINECOACH_DATA_DIR", raising=False)
    # Day and week boundaries in the history follow the named local zone; pin it.
    monkeypatch.setenv("TZ", "UTC")


@pytest.fixture(scope="session")
def qapp(qapp: QApplication) -> QApplication:
    """pytest-qt's application, speaking English as the app does: with English's catalog.

    English is the source language, but counted words ("%n day(s)") are chosen by the English
    catalog (resources/translations/en/ui.qm); `Application` installs it, and so does this,
    for the tests that build widgets on their own.
    """
    from spinecoach import paths
    from spinecoach.app.language import use_language

    use_language("en", paths.resources_dir(), system="C")
    from PySide6.QtCore import QLocale

    _FIRST_INTERFACE[:] = [QLocale().name(), qapp.font(), qapp.styleSheet(), qapp.palette()]
    return qapp


@pytest.fixture(autouse=True)
def _interface_as_it_was(request: pytest.FixtureRequest) -> Iterator[None]:
    """Give the next test the interface the first one had: English, the same font and look.

    A test that builds the app in German (`build(..., language="de")`) or at 200 % text sets
    the language, the font and the stylesheet of the whole process; without this, a later test
    in another file read German words or measured large rows where it expected English at
    100 %, and passed or failed by the order the files ran in.
    """
    yield
    if "qtbot" not in request.fixturenames and "qapp" not in request.fixturenames:
        return
    from PySide6.QtCore import QLocale
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()
    if not isinstance(app, QApplication) or not _FIRST_INTERFACE:
        return
    locale, font, sheet, palette = _FIRST_INTERFACE
    if QLocale().name() != locale:
        from spinecoach import paths
        from spinecoach.app.language import use_language

        use_language("en", paths.resources_dir(), system="C")
    if app.styleSheet() != sheet:
        app.setStyleSheet(sheet)
    if app.palette() != palette:
        app.setPalette(palette)
    if app.font() != font:
        app.setFont(font)


#: The interface `qapp` set up: its locale, font, stylesheet and palette (see above).
_FIRST_INTERFACE: list[Any] = []


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    """An empty data folder for one test."""
    folder = tmp_path / "data"
    folder.mkdir()
    return folder


@pytest.fixture(autouse=True)
def _no_dangling_timers(request: pytest.FixtureRequest) -> Iterator[None]:
    """Fail a Qt test that leaves a QTimer running: timers must not outlive their widget."""
    yield
    if "qtbot" not in request.fixturenames:
        return
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()
    if app is None:
        return
    running = [
        timer.objectName() or repr(timer) for timer in app.findChildren(QTimer) if timer.isActive()
    ]
    for widget in QApplication.topLevelWidgets():
        running += [
            timer.objectName() or repr(timer)
            for timer in widget.findChildren(QTimer)
            if timer.isActive()
        ]
    assert not running, f"timers still running after the test: {running}"
    # Delete what the test left behind: every later setStyleSheet() repolishes every widget
    # alive, so leftovers made each test slower than the one before.
    from PySide6.QtCore import QCoreApplication, QEvent

    for widget in QApplication.topLevelWidgets():
        widget.close()
        widget.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
