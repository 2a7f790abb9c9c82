"""Shared by the sound tests: fake Qt Multimedia classes in place of the real ones."""

from __future__ import annotations

import pytest

from tests.sound.fake_multimedia import FakeMediaDevices, FakeSoundEffect


@pytest.fixture
def fake_multimedia(monkeypatch: pytest.MonkeyPatch) -> type[FakeSoundEffect]:
    """QSoundEffect and QMediaDevices replaced by fakes, with one audio output ("speakers")."""
    from PySide6 import QtMultimedia

    monkeypatch.setattr(FakeSoundEffect, "Status", QtMultimedia.QSoundEffect.Status, raising=False)
    monkeypatch.setattr(QtMultimedia, "QSoundEffect", FakeSoundEffect)
    monkeypatch.setattr(QtMultimedia, "QMediaDevices", FakeMediaDevices)
    monkeypatch.setattr(FakeSoundEffect, "created", [])
    monkeypatch.setattr(FakeMediaDevices, "outputs", ["speakers"])
    return FakeSoundEffect
