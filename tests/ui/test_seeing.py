"""Seeing: contrast measured over the themes' tokens, the high-contrast theme, the text size.

WCAG 2's contrast ratio is computed for every pair of tokens the stylesheet puts text on
(`contrast.TEXT_PAIRS`): at least 7:1 (AAA) in the high-contrast theme, 4.5:1 (AA, body text) in
light and dark. Nothing may rest on colour alone: the chart's contexts differ in shape, and in
high contrast a disabled control is dashed and a chosen one underlined.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtGui import QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication, QComboBox
from pytestqt.qtbot import QtBot

from spinecoach.app import Application, build
from spinecoach.core import settings as keys
from spinecoach.core.clock import FakeClock
from spinecoach.ui.history.chart_legend import SERIES
from spinecoach.ui.shell.settings_dialog import SettingsDialog
from spinecoach.ui.style import theme
from spinecoach.ui.style.contrast import TEXT_PAIRS, contrast_ratio
from spinecoach.ui.style.theme import (
    DARK,
    HIGH_CONTRAST,
    LIGHT,
    THEMES,
    scaled_points,
    stylesheet,
)
from tests.fakes import RecordingCues, ScriptedPrompts


@pytest.fixture
def app(qtbot: QtBot, data_dir: Path) -> Iterator[Application]:
    application = build(data_dir, FakeClock(), prompts=ScriptedPrompts(), cues=RecordingCues())
    qtbot.addWidget(application.window)
    yield application
    application.window.close()
    application.database.close()


def test_wcag_contrast_of_known_colours() -> None:
    assert contrast_ratio("#000000", "#FFFFFF") == pytest.approx(21.0)
    assert contrast_ratio("#FFFFFF", "#FFFFFF") == pytest.approx(1.0)
    assert contrast_ratio("#767676", "#FFFFFF") == pytest.approx(4.54, abs=0.01)  # AA's edge
    assert contrast_ratio("#595959", "#FFFFFF") == pytest.approx(7.0, abs=0.01)  # AAA's edge


@pytest.mark.parametrize(("foreground", "background", "where"), TEXT_PAIRS)
def test_high_contrast_text_is_at_least_seven_to_one(
    foreground: str, background: str, where: str
) -> None:
    ratio = contrast_ratio(getattr(HIGH_CONTRAST, foreground), getattr(HIGH_CONTRAST, background))
    assert ratio >= 7.0, f"{where}: {foreground} on {background} is {ratio:.2f}:1"


@pytest.mark.parametrize("chosen", [LIGHT, DARK], ids=lambda t: t.name)
@pytest.mark.parametrize(("foreground", "background", "where"), TEXT_PAIRS)
def test_light_and_dark_text_is_at_least_four_and_a_half_to_one(
    chosen: theme.Theme, foreground: str, background: str, where: str
) -> None:
    ratio = contrast_ratio(getattr(chosen, foreground), getattr(chosen, background))
    assert ratio >= 4.5, f"{chosen.name}, {where}: {foreground} on {background} is {ratio:.2f}:1"


@pytest.mark.parametrize("chosen", THEMES, ids=lambda t: t.name)
def test_chart_markers_stand_out_and_differ_in_shape(chosen: theme.Theme) -> None:
    """Graphics need 3:1 (WCAG 1.4.11); and each context has its own marker shape."""
    for colour, _symbol, name in SERIES.values():
        assert contrast_ratio(colour, chosen.surface) >= 3.0, (chosen.name, name)
    assert len({symbol for _colour, symbol, _name in SERIES.values()}) == len(SERIES)


def test_high_contrast_states_do_not_rest_on_colour() -> None:
    sheet = stylesheet(HIGH_CONTRAST)
    assert "border-style: dashed" in sheet  # disabled buttons and fields
    assert "text-decoration: underline" in sheet  # the chosen range, score and area
    assert "border-style: dashed" not in stylesheet(LIGHT)  # the designed themes stay as drawn


def test_high_contrast_is_a_colours_choice_and_applies_at_once(
    qtbot: QtBot, app: Application
) -> None:
    dialog = SettingsDialog(app.settings, page="General")
    qtbot.addWidget(dialog)
    colours = dialog.control("theme")
    assert isinstance(colours, QComboBox)
    index = colours.findData("contrast")
    assert colours.itemText(index) == "High contrast"
    colours.setCurrentIndex(index)
    assert app.theme is HIGH_CONTRAST
    assert app.state.get(keys.THEME) == "contrast"
    palette = QApplication.palette()
    assert palette.color(QPalette.ColorRole.Window).name().upper() == HIGH_CONTRAST.window
    assert palette.color(QPalette.ColorRole.WindowText).name().upper() == HIGH_CONTRAST.text
    assert not app.theme.is_dark  # the pictures keep their light palette: black on white


def test_following_the_desktops_high_contrast_setting(
    monkeypatch: pytest.MonkeyPatch, app: Application
) -> None:
    hints = QGuiApplication.styleHints()
    if not hasattr(hints, "accessibility"):
        pytest.skip("this Qt does not report the desktop's contrast preference (Qt < 6.10)")
    from PySide6.QtCore import Qt

    app.looks.follow_system_scheme(app.window)
    assert app.theme is LIGHT
    monkeypatch.setattr(theme, "system_prefers_high_contrast", lambda: True)
    hints.accessibility().contrastPreferenceChanged.emit(Qt.ContrastPreference.HighContrast)
    assert app.theme is HIGH_CONTRAST
    assert app.state.get(keys.UI_SYSTEM_DARK) == "contrast"  # the next first frame too
    monkeypatch.setattr(theme, "system_prefers_high_contrast", lambda: False)
    hints.accessibility().contrastPreferenceChanged.emit(Qt.ContrastPreference.NoPreference)
    assert app.theme is LIGHT
    app.set_theme("dark")  # a fixed choice is kept whatever the desktop asks
    monkeypatch.setattr(theme, "system_prefers_high_contrast", lambda: True)
    hints.accessibility().contrastPreferenceChanged.emit(Qt.ContrastPreference.HighContrast)
    assert app.theme is DARK


def test_the_first_frame_is_drawn_in_high_contrast_when_the_desktop_asked_last_time(
    qtbot: QtBot, data_dir: Path
) -> None:
    first = build(data_dir)
    first.state.set(keys.UI_SYSTEM_DARK, "contrast")
    first.window.close()
    first.database.close()
    again = build(data_dir)
    qtbot.addWidget(again.window)
    try:
        assert again.theme is HIGH_CONTRAST  # "follow the system", before asking the desktop
    finally:
        again.window.close()
        again.database.close()


def test_text_size_is_a_setting_from_100_to_200_percent(qtbot: QtBot, app: Application) -> None:
    dialog = SettingsDialog(app.settings, page="General")
    qtbot.addWidget(dialog)
    size = dialog.control("text_size")
    assert isinstance(size, QComboBox)
    assert [size.itemData(i) for i in range(size.count())] == [100, 125, 150, 175, 200]
    assert size.itemText(0) == "100 % (the system's size)"
    body = QApplication.font().pointSizeF()
    size.setCurrentIndex(size.findData(150))
    assert QApplication.font().pointSizeF() == pytest.approx(1.5 * body)
    assert app.looks.text_scale == pytest.approx(1.5)
    qt_app = QApplication.instance()
    assert isinstance(qt_app, QApplication)
    assert f"font-size: {scaled_points(22, 1.5):.1f}pt" in qt_app.styleSheet()
    size.setCurrentIndex(0)
    assert QApplication.font().pointSizeF() == pytest.approx(body)


def test_the_text_size_is_kept_for_the_next_first_frame(qtbot: QtBot, data_dir: Path) -> None:
    first = build(data_dir)
    body = QApplication.font().pointSizeF()
    first.settings.set(keys.TEXT_SIZE, 200)
    first.window.close()
    first.database.close()
    again = build(data_dir)
    qtbot.addWidget(again.window)
    try:
        assert again.state.get(keys.TEXT_SIZE) == 200  # the state file, read before the paint
        assert QApplication.font().pointSizeF() == pytest.approx(2 * body)
    finally:
        again.settings.set(keys.TEXT_SIZE, 100)
        again.window.close()
        again.database.close()


def test_type_sizes_grow_with_the_text_size_and_stay_in_order() -> None:
    """Body text doubles; larger type grows as much, so every text is at least 2x the body."""
    assert scaled_points(9, 2.0) == pytest.approx(18)
    sizes = (9, 11, 12, 13, 15, 17, 18, 20, 22, 34, 56)
    for points in sizes:
        grown = scaled_points(points, 2.0)
        assert 18 <= grown <= 2 * points
        assert scaled_points(points, 1.0) == points
    grown_sizes = [scaled_points(points, 2.0) for points in sizes]
    assert grown_sizes == sorted(grown_sizes)  # a heading stays larger than body text


def test_a_larger_system_font_scales_the_stylesheet_too(qtbot: QtBot) -> None:
    """The sheet's sizes were drawn for 12-px body text; a 16-px system font makes them 4/3."""
    from PySide6.QtGui import QFont, QFontDatabase

    from spinecoach.ui.style.theme import apply_text_size

    qt_app = QApplication.instance()
    assert isinstance(qt_app, QApplication)
    system = QFontDatabase.systemFont(QFontDatabase.SystemFont.GeneralFont)
    larger = QFont(system)
    larger.setPixelSize(16)
    try:
        assert apply_text_size(qt_app, larger, 100) == pytest.approx(16 / 12)
        assert QApplication.font().pixelSize() == 16  # the system's own font, as it is
        assert apply_text_size(qt_app, larger, 150) == pytest.approx(1.5 * 16 / 12)
        assert QApplication.font().pixelSize() == 24
    finally:
        apply_text_size(qt_app, system, 100)


@pytest.mark.parametrize("percent", [100, 125, 150, 175, 200])
def test_tabs_leave_room_for_a_capitals_umlaut_at_every_text_size(
    qtbot: QtBot, app: Application, percent: int
) -> None:
    """Fusion draws an unselected tab 2 px lower and cuts its label at the top: German lost the
    dots of "Änderungen" and "Übungsplan" in History (at 100, 125 and 175 %). Each tab is now
    2 px taller than Fusion makes it (its line of text and 12 px)."""
    from PySide6.QtWidgets import QTabWidget, QWidget

    app.settings.set(keys.TEXT_SIZE, percent)
    try:
        tabs = QTabWidget()
        qtbot.addWidget(tabs)
        for name in ("Übungseinheiten", "Änderungen"):
            tabs.addTab(QWidget(), name)
        tabs.show()
        qtbot.waitExposed(tabs)
        bar = tabs.tabBar()
        assert bar.tabRect(1).height() >= bar.fontMetrics().height() + 14
    finally:
        app.settings.set(keys.TEXT_SIZE, 100)
