"""Missing sound is explained where the person looks, with what to install; captions go on."""

from __future__ import annotations

import sys

import pytest
from pytestqt.qtbot import QtBot

from spinecoach import paths
from spinecoach.sound.cue_player import CuePlayer
from spinecoach.sound.tones import ToneBank
from spinecoach.sound.voice import NoVoice
from tests.sound.fake_multimedia import FakeMediaDevices, FakeSoundEffect

SOUNDS = paths.resources_dir() / "sounds"
NO_ENGINE = (
    "no speech engine is installed (on Debian or Ubuntu: sudo apt install speech-dispatcher "
    "espeak-ng)"
)


def player_with(tones: ToneBank, reason: str = NO_ENGINE) -> CuePlayer:
    return CuePlayer(SOUNDS, tones=tones, voice=NoVoice(reason))


def test_without_the_sound_library_the_note_names_the_package(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "PySide6.QtMultimedia", None)  # as without libpulse0
    player = player_with(ToneBank(SOUNDS))
    assert "sudo apt install libpulse0" in player.why_tones_silent
    note = player.silence_note()
    assert note.startswith("Tones are silent: the sound library could not be loaded")
    assert "Cues are not spoken: no speech engine is installed" in note
    assert "speech-dispatcher espeak-ng" in note
    assert note.endswith("Captions show every cue.")


def test_without_an_audio_output_the_note_says_so(
    qtbot: QtBot, fake_multimedia: type[FakeSoundEffect], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(FakeMediaDevices, "outputs", [])
    player = player_with(ToneBank(SOUNDS))
    assert player.why_tones_silent.startswith("no audio output was found")


def test_only_what_is_switched_on_is_explained(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "PySide6.QtMultimedia", None)
    player = player_with(ToneBank(SOUNDS))
    player.configure(sound_enabled=False)
    assert player.silence_note().startswith("Cues are not spoken")  # tones: the person's choice
    player.configure(voice_enabled=False)
    assert player.silence_note() == ""


def test_when_everything_sounds_there_is_no_note(
    qtbot: QtBot, fake_multimedia: type[FakeSoundEffect]
) -> None:
    from spinecoach.sound.fallback_voice import FallbackVoice

    voice = FallbackVoice(engine="mock")
    player = CuePlayer(SOUNDS, tones=ToneBank(SOUNDS), voice=voice)
    with qtbot.waitSignal(voice.changed):
        player.prepare()
    assert (player.why_tones_silent, player.why_not_spoken, player.silence_note()) == ("", "", "")
