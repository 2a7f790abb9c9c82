"""Reduce motion: the figure holds still and the countdown ring steps instead of sweeping.

Captions for every sound are the cue player's (tests/sound); here, what moves on the screen.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from spinecoach.app import Application
from spinecoach.core import settings as keys
from spinecoach.core.clock import FakeClock
from spinecoach.core.session import EngineState
from spinecoach.ui.session.countdown import CountdownRing
from tests.ui.running_app import shown_app

START = datetime(2026, 11, 23, 10, 0, tzinfo=UTC)


@pytest.fixture
def app(qtbot: QtBot, data_dir: Path) -> Iterator[Application]:
    with shown_app(qtbot, data_dir, START) as application:
        yield application


def frames_per_exercise(
    app: Application, monkeypatch: pytest.MonkeyPatch, seconds: float
) -> dict[str, set[bytes]]:
    """Play the desk break in 0.1-s ticks for `seconds`; the figure's frames, per exercise side.

    A two-sided exercise is drawn mirrored for the other side (the side announced): that is a
    new picture, not motion, so frames are grouped by exercise and side.
    """
    clock = app.clock
    assert isinstance(clock, FakeClock)
    shown: dict[str, set[bytes]] = defaultdict(set)
    figure = app.session.player.figure
    original = figure.set_svg

    def record(svg: bytes) -> None:
        engine = app.player.engine
        if engine is None:  # the routine shown before the pain question, not yet playing
            original(svg)
            return
        side = engine.phase.side.value if engine.phase.side else ""
        shown[f"{engine.phase.exercise.id} {side}"].add(svg)
        original(svg)

    monkeypatch.setattr(figure, "set_svg", record)
    assert app.start_routine(app.library.routines["desk-break"])
    engine = app.player.engine
    assert engine is not None
    for _ in range(round(seconds * 10)):
        if engine.state is EngineState.PAUSED:
            app.player.toggle_pause()
        clock.advance(0.1)
        app.player.tick()
    return shown


def test_the_figure_holds_still_with_reduce_motion(
    app: Application, monkeypatch: pytest.MonkeyPatch
) -> None:
    app.settings.set(keys.REDUCE_MOTION, True)
    shown = frames_per_exercise(app, monkeypatch, 90)
    assert len(shown) >= 3  # get ready, several exercises, holds and releases
    for exercise, frames in shown.items():
        assert len(frames) == 1, f"{exercise} moved: {len(frames)} different frames"


def test_without_reduce_motion_the_figure_moves(
    app: Application, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert not app.settings.get(keys.REDUCE_MOTION)  # off unless asked for
    shown = frames_per_exercise(app, monkeypatch, 90)
    assert max(len(frames) for frames in shown.values()) > 5


def ring_repaints(ring: CountdownRing, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The digits shown at each repaint the ring asks for."""
    asked: list[str] = []
    original = ring.update

    def update() -> None:
        asked.append(ring.text())
        original()

    monkeypatch.setattr(ring, "update", update)
    return asked


def test_the_ring_steps_with_the_digits_with_reduce_motion(
    app: Application, monkeypatch: pytest.MonkeyPatch
) -> None:
    clock = app.clock
    assert isinstance(clock, FakeClock)
    assert app.start_routine(app.library.routines["desk-break"])
    ring = app.session.player.countdown
    app.settings.set(keys.REDUCE_MOTION, True)  # applies at once, mid-session
    assert ring.is_steady()
    repaints = ring_repaints(ring, monkeypatch)
    fractions = []
    for _ in range(40):  # four seconds of ticks, ten a second
        clock.advance(0.1)
        app.player.tick()
        fractions.append((ring.text(), ring.fraction_left()))
    # The arc moves only when the digits change: one fraction per second shown.
    by_text: dict[str, set[float]] = defaultdict(set)
    for text, fraction in fractions:
        by_text[text].add(fraction)
    assert all(len(values) == 1 for values in by_text.values()), by_text
    assert len(repaints) <= 5  # about once a second, not ten times
    app.settings.set(keys.REDUCE_MOTION, False)
    assert not ring.is_steady()
    repaints.clear()
    for _ in range(10):
        clock.advance(0.1)
        app.player.tick()
    assert len(repaints) >= 9  # sweeping again: a repaint at every tick


def test_reduce_motion_is_offered_in_settings(qtbot: QtBot, app: Application) -> None:
    from PySide6.QtWidgets import QCheckBox

    from spinecoach.ui.shell.settings_dialog import SettingsDialog

    dialog = SettingsDialog(app.settings, page="General")
    qtbot.addWidget(dialog)
    box = dialog.control("reduce_motion")
    assert isinstance(box, QCheckBox)
    assert box.text() == "Reduce motion in the player"
    box.setChecked(True)
    assert app.settings.get(keys.REDUCE_MOTION)
