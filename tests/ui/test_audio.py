"""The cue player: captions always, tones loaded once, latest spoken cue wins, quiet failures.

Speech runs on Qt's `mock` engine: it "speaks" one word every 100 ms, emitting sayingWord for
each and stateChanged (Speaking, then Ready) around them, and makes no sound. Tones run on fake
QSoundEffect/QMediaDevices classes (counting what is created) because this machine has no audio
output; one test drives the real Qt Multimedia to prove that degrades quietly.
"""

from __future__ import annotations

import logging
import math
import os
import subprocess
import sys
import wave
from array import array
from collections.abc import Iterator
from pathlib import Path
from typing import Any, ClassVar

import pytest
from PySide6.QtCore import QLocale, QObject, QUrl, Signal
from pytestqt.qtbot import QtBot

from spinecoach import paths
from spinecoach.sound.audio import (
    CUE_KINDS,
    TONES,
    CuePlayer,
    choose_locale,
    engine_candidates,
)
from spinecoach.sound.reminder_chime import CHIME_FILE

REPO = Path(__file__).resolve().parents[2]
SOUNDS = paths.resources_dir() / "sounds"
LOGGER = "spinecoach.sound.audio"

# Qt Multimedia, loaded on a machine without PipeWire, VA-API or a PulseAudio server, prints
# these warnings once per process (whichever test loads it first). They describe the machine,
# not the code under test; everything else Qt warns about still fails a test.
pytestmark = pytest.mark.qt_log_ignore(
    r"^Couldn't (load|resolve) .+ (library|symbols)$",
    r"^PulseAudioService: pa_context_connect\(\) failed$",
)


def audio_warnings(caplog: pytest.LogCaptureFixture) -> list[str]:
    return [
        r.getMessage() for r in caplog.records if r.name == LOGGER and r.levelno >= logging.WARNING
    ]


def every_cue(player: CuePlayer, rounds: int = 1) -> list[str]:
    """Play every kind of cue `rounds` times; return the captions expected, in order."""
    expected = []
    for n in range(rounds):
        for kind in CUE_KINDS:
            caption = f"{kind} #{n}"
            player.play(kind, f"say {kind}", caption)
            expected.append(caption)
    return expected


# ---- captions ---------------------------------------------------------------------------------


def test_every_cue_shows_its_caption_with_sound_and_voice_off(qtbot: QtBot) -> None:
    player = CuePlayer(SOUNDS, speech_engine="mock")
    player.configure(sound_enabled=False, voice_enabled=False)
    captions: list[str] = []
    player.caption_shown.connect(captions.append)

    expected = every_cue(player)

    assert captions == expected
    assert player.findChildren(QObject) == []  # nothing loaded: no sound, no speech engine


def test_an_empty_spoken_text_still_shows_the_caption(qtbot: QtBot) -> None:
    player = CuePlayer(SOUNDS, speech_engine="mock")
    player.configure(sound_enabled=False)
    with qtbot.waitSignal(player.caption_shown) as blocker:
        player.play("rest", "", "Rest 15 s")
    assert blocker.args == ["Rest 15 s"]


def test_an_unknown_kind_keeps_its_caption_and_warns_once(
    qtbot: QtBot, caplog: pytest.LogCaptureFixture
) -> None:
    player = CuePlayer(SOUNDS, speech_engine="mock")
    player.configure(sound_enabled=False, voice_enabled=False)
    captions: list[str] = []
    player.caption_shown.connect(captions.append)
    for _ in range(3):
        player.play("bogus", "", "Still shown")
    assert captions == ["Still shown"] * 3
    assert len(audio_warnings(caplog)) == 1


def test_start_up_does_not_load_multimedia_or_speech() -> None:
    code = (
        "import sys\n"
        "from PySide6.QtCore import QCoreApplication\n"
        "from spinecoach import paths\n"
        "from spinecoach.sound.audio import CUE_KINDS, CuePlayer\n"
        "app = QCoreApplication([])\n"
        "player = CuePlayer(paths.resources_dir() / 'sounds')\n"
        "heavy = ('PySide6.QtMultimedia', 'PySide6.QtTextToSpeech')\n"
        "print(sorted(m for m in heavy if m in sys.modules))\n"
        "player.configure(sound_enabled=False, voice_enabled=False, volume=10)\n"
        "for kind in CUE_KINDS:\n"
        "    player.play(kind, 'words', 'caption')\n"
        "print(sorted(m for m in heavy if m in sys.modules))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split("\n")[:2] == ["[]", "[]"]


# ---- voice (Qt's mock engine) -------------------------------------------------------------------


@pytest.fixture
def voiced(qtbot: QtBot) -> Iterator[tuple[CuePlayer, Any]]:
    """A player speaking through the mock engine (British English: voice "Bob"), no tones."""
    from PySide6.QtTextToSpeech import QTextToSpeech

    player = CuePlayer(
        SOUNDS,
        speech_engine="mock",
        locale=QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom),
    )
    player.configure(sound_enabled=False, voice_enabled=True, volume=50)
    player.prepare()
    engine = player.findChild(QTextToSpeech)
    assert engine is not None
    assert player.voice_available and player.voice_name == "Bob"
    yield player, engine
    player.stop()


def words_of(engine: Any) -> list[str]:
    words: list[str] = []
    engine.sayingWord.connect(lambda word, *_rest: words.append(word))
    return words


def test_spoken_text_reaches_the_engine(qtbot: QtBot, voiced: tuple[CuePlayer, Any]) -> None:
    from PySide6.QtTextToSpeech import QTextToSpeech

    player, engine = voiced
    words = words_of(engine)
    with qtbot.waitSignal(engine.stateChanged) as started:
        player.play("next-up", "Next up: bird dog", "Next: Bird dog")
    assert started.args == [QTextToSpeech.State.Speaking]
    qtbot.waitUntil(lambda: engine.state() == QTextToSpeech.State.Ready, timeout=3000)
    assert words == ["Next", "up", "bird", "dog"]


def test_a_new_cue_interrupts_the_one_being_spoken(
    qtbot: QtBot, voiced: tuple[CuePlayer, Any]
) -> None:
    from PySide6.QtTextToSpeech import QTextToSpeech

    player, engine = voiced
    words = words_of(engine)
    states: list[QTextToSpeech.State] = []
    engine.stateChanged.connect(states.append)

    first = "Rest now and breathe slowly in and out"
    player.play("rest", first, "Rest")
    qtbot.waitUntil(lambda: len(words) >= 1, timeout=3000)
    said = len(words)  # 1, or 2 on a very slow machine
    player.play("switch-sides", "Switch sides", "Switch sides")
    qtbot.waitUntil(lambda: engine.state() == QTextToSpeech.State.Ready, timeout=3000)

    assert words[:said] == first.split()[:said]
    assert words[said:] == ["Switch", "sides"]  # nothing more of the first cue
    ready, speaking = QTextToSpeech.State.Ready, QTextToSpeech.State.Speaking
    assert states == [speaking, ready, speaking, ready]


def test_a_countdown_does_not_queue_stale_words(
    qtbot: QtBot, voiced: tuple[CuePlayer, Any]
) -> None:
    from PySide6.QtTextToSpeech import QTextToSpeech

    player, engine = voiced
    words = words_of(engine)
    for number in ("three", "two", "one"):  # faster than the engine can say them
        player.play("tick", number, number)
    qtbot.waitUntil(lambda: engine.state() == QTextToSpeech.State.Ready, timeout=3000)
    assert words == ["one"]


def test_with_voice_off_nothing_is_spoken(qtbot: QtBot, voiced: tuple[CuePlayer, Any]) -> None:
    from PySide6.QtTextToSpeech import QTextToSpeech

    player, engine = voiced
    requests: list[int] = []
    engine.aboutToSynthesize.connect(requests.append)  # emitted synchronously by say()
    player.configure(voice_enabled=False)
    captions: list[str] = []
    player.caption_shown.connect(captions.append)

    expected = every_cue(player)

    assert captions == expected
    assert requests == []
    assert engine.state() == QTextToSpeech.State.Ready  # the mock changes state inside say()


def test_turning_voice_off_silences_it_at_once(qtbot: QtBot, voiced: tuple[CuePlayer, Any]) -> None:
    from PySide6.QtTextToSpeech import QTextToSpeech

    player, engine = voiced
    player.play("get-ready", "Get ready: lie on your back", "Get ready")
    assert engine.state() == QTextToSpeech.State.Speaking
    player.configure(voice_enabled=False)
    assert engine.state() == QTextToSpeech.State.Ready


def test_voice_off_from_the_start_never_loads_an_engine(qtbot: QtBot) -> None:
    player = CuePlayer(SOUNDS, speech_engine="mock")
    player.configure(sound_enabled=False, voice_enabled=False)
    player.prepare()
    every_cue(player)
    assert player.findChildren(QObject) == []


@pytest.mark.parametrize(
    ("locale", "voice"),
    [
        (QLocale.c(), "Charly"),  # C/POSIX: an English voice, chosen explicitly
        (QLocale("en_GB"), "Bob"),
        (QLocale("en_US"), "Charly"),
        (QLocale("fi_FI"), "Kari"),
        (QLocale("nb_NO"), "Eivind"),
        (QLocale("de_DE"), "Charly"),  # no German voice: English rather than nothing
    ],
)
def test_the_voice_speaks_the_users_language(qtbot: QtBot, locale: QLocale, voice: str) -> None:
    player = CuePlayer(SOUNDS, speech_engine="mock", locale=locale)
    player.configure(sound_enabled=False)
    assert player.voice_available
    assert player.voice_name == voice


def test_volume_maps_to_zero_to_one_for_the_voice(
    qtbot: QtBot, voiced: tuple[CuePlayer, Any]
) -> None:
    player, engine = voiced
    assert engine.volume() == pytest.approx(0.5)
    for setting, level in ((35, 0.35), (100, 1.0), (0, 0.0), (150, 1.0), (-5, 0.0)):
        player.configure(volume=setting)
        assert engine.volume() == pytest.approx(level)
    assert player.volume == 0


def test_an_absent_speech_engine_warns_once_and_captions_go_on(
    qtbot: QtBot, caplog: pytest.LogCaptureFixture
) -> None:
    player = CuePlayer(SOUNDS, speech_engine="no-such-engine")
    player.configure(sound_enabled=False)
    captions: list[str] = []
    player.caption_shown.connect(captions.append)

    expected = every_cue(player, rounds=5)

    assert captions == expected
    assert not player.voice_available
    assert player.voice_name == ""
    assert len(audio_warnings(caplog)) == 1
    assert "no speech engine" in audio_warnings(caplog)[0]


def test_missing_text_to_speech_library_warns_once(
    qtbot: QtBot, caplog: pytest.LogCaptureFixture, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "PySide6.QtTextToSpeech", None)  # import fails
    player = CuePlayer(SOUNDS, speech_engine="mock")
    player.configure(sound_enabled=False)
    captions: list[str] = []
    player.caption_shown.connect(captions.append)

    expected = every_cue(player, rounds=5)

    assert captions == expected
    assert not player.voice_available
    assert len(audio_warnings(caplog)) == 1
    assert "TextToSpeech" in audio_warnings(caplog)[0]


def test_best_engine_choice() -> None:
    assert engine_candidates(None, ["mock", "speechd", "flite"], "linux") == ["speechd", "flite"]
    assert engine_candidates(None, ["flite", "mock"], "linux") == ["", "flite"]
    assert engine_candidates(None, ["mock"], "linux") == []
    assert engine_candidates(None, ["sapi", "winrt"], "win32") == ["", "sapi", "winrt"]
    assert engine_candidates("mock", ["mock", "speechd"], "linux") == ["mock"]


def test_locale_choice() -> None:
    offered = [QLocale("fi_FI"), QLocale("en_GB"), QLocale("en_US")]
    assert choose_locale(QLocale.c(), offered) == QLocale("en_US")
    assert choose_locale(QLocale.c(), offered[:2]) == QLocale("en_GB")
    assert choose_locale(QLocale("en_GB"), offered) == QLocale("en_GB")
    assert choose_locale(QLocale("en_IE"), offered) == QLocale("en_GB")  # same language first
    assert choose_locale(QLocale("fi_FI"), offered) == QLocale("fi_FI")
    assert choose_locale(QLocale("de_AT"), offered) == QLocale("en_US")
    assert choose_locale(QLocale("de_AT"), [QLocale("fi_FI")]) is None


# ---- tones (fake Qt Multimedia classes) -------------------------------------------------------


class FakeSoundEffect(QObject):
    """Stands in for QSoundEffect: records what the player does with it."""

    created: ClassVar[list[FakeSoundEffect]] = []
    statusChanged = Signal()  # noqa: N815 (Qt's name)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        from PySide6.QtMultimedia import QAudioDevice

        self.source = QUrl()
        self.level = 1.0
        self.plays = 0
        self.stops = 0
        self.device = QAudioDevice()
        FakeSoundEffect.created.append(self)

    def setSource(self, url: QUrl) -> None:
        self.source = url

    def setVolume(self, level: float) -> None:
        self.level = level

    def setAudioDevice(self, device: Any) -> None:
        self.device = device

    def play(self) -> None:
        self.plays += 1

    def stop(self) -> None:
        self.stops += 1

    def status(self) -> Any:
        from PySide6.QtMultimedia import QSoundEffect

        return QSoundEffect.Status.Ready

    @property
    def file_name(self) -> str:
        return Path(self.source.toLocalFile()).name


class FakeMediaDevices(QObject):
    """Stands in for QMediaDevices; `outputs` is what audioOutputs() reports."""

    outputs: ClassVar[list[str]] = ["speakers"]
    audioOutputsChanged = Signal()  # noqa: N815 (Qt's name)

    @staticmethod
    def audioOutputs() -> list[str]:
        return list(FakeMediaDevices.outputs)

    @staticmethod
    def defaultAudioOutput() -> str:
        return FakeMediaDevices.outputs[0] if FakeMediaDevices.outputs else ""


@pytest.fixture
def fake_multimedia(monkeypatch: pytest.MonkeyPatch) -> type[FakeSoundEffect]:
    from PySide6 import QtMultimedia

    monkeypatch.setattr(QtMultimedia, "QSoundEffect", FakeSoundEffect)
    monkeypatch.setattr(QtMultimedia, "QMediaDevices", FakeMediaDevices)
    monkeypatch.setattr(FakeSoundEffect, "created", [])
    monkeypatch.setattr(FakeMediaDevices, "outputs", ["speakers"])
    return FakeSoundEffect


def toned(**settings: Any) -> CuePlayer:
    player = CuePlayer(SOUNDS, speech_engine="mock")
    player.configure(voice_enabled=False, **settings)
    return player


def test_each_tone_is_loaded_once_and_kept(
    qtbot: QtBot, fake_multimedia: type[FakeSoundEffect]
) -> None:
    player = toned()
    for _ in range(5):
        player.play("tick", "", "3")
    for _ in range(3):
        player.play("start", "", "Go")
    player.play("next-up", "", "Next")  # voice only: no tone

    effects = {e.file_name: e for e in fake_multimedia.created}
    assert len(fake_multimedia.created) == 2
    assert effects["tick.wav"].plays == 5
    assert effects["start.wav"].plays == 3
    assert all(e.parent() is player for e in fake_multimedia.created)


def test_prepare_loads_every_tone_ahead_of_the_first_cue(
    qtbot: QtBot, fake_multimedia: type[FakeSoundEffect]
) -> None:
    player = toned()
    player.prepare()
    assert sorted(e.file_name for e in fake_multimedia.created) == sorted(TONES.values())
    every_cue(player, rounds=3)
    assert len(fake_multimedia.created) == len(TONES)
    plays = {e.file_name: e.plays for e in fake_multimedia.created}
    assert plays == dict.fromkeys(TONES.values(), 3)


@pytest.mark.parametrize(
    ("kind", "file_name"),
    [
        ("start", "start.wav"),
        ("tick", "tick.wav"),
        ("end-of-hold", "end.wav"),
        ("switch-sides", "switch.wav"),
        ("complete", "complete.wav"),
        ("next-up", None),
        ("get-ready", None),
        ("rest", None),
    ],
)
def test_kind_to_tone(
    qtbot: QtBot, fake_multimedia: type[FakeSoundEffect], kind: str, file_name: str | None
) -> None:
    player = toned()
    player.play(kind, "", kind)
    assert [e.file_name for e in fake_multimedia.created] == ([file_name] if file_name else [])


def test_volume_maps_to_zero_to_one_for_the_tones(
    qtbot: QtBot, fake_multimedia: type[FakeSoundEffect]
) -> None:
    player = toned(volume=80)
    player.prepare()

    def levels() -> list[float]:
        return [e.level for e in fake_multimedia.created]

    assert levels() == pytest.approx([0.8] * len(TONES))
    for setting, level in ((35, 0.35), (100, 1.0), (0, 0.0), (150, 1.0), (-5, 0.0)):
        player.configure(volume=setting)
        assert levels() == pytest.approx([level] * len(TONES))


def test_sound_off_plays_no_tone_and_stops_a_sounding_one(
    qtbot: QtBot, fake_multimedia: type[FakeSoundEffect]
) -> None:
    player = toned()
    player.play("complete", "", "Well done")
    (effect,) = fake_multimedia.created
    player.configure(sound_enabled=False)
    assert effect.stops == 1
    every_cue(player)
    assert effect.plays == 1
    assert len(fake_multimedia.created) == 1


def test_no_audio_output_creates_no_effect_and_warns_once(
    qtbot: QtBot, fake_multimedia: type[FakeSoundEffect], caplog: pytest.LogCaptureFixture
) -> None:
    FakeMediaDevices.outputs = []
    player = toned()
    captions: list[str] = []
    player.caption_shown.connect(captions.append)

    expected = every_cue(player, rounds=5)

    assert captions == expected
    assert fake_multimedia.created == []
    assert not player.sound_available
    assert audio_warnings(caplog) == ["Cue tones are off: no audio output device"]


def test_an_audio_output_that_appears_later_is_used(
    qtbot: QtBot, fake_multimedia: type[FakeSoundEffect]
) -> None:
    FakeMediaDevices.outputs = []
    player = toned()
    player.play("tick", "", "3")
    assert not player.sound_available
    (devices,) = player.findChildren(FakeMediaDevices)

    FakeMediaDevices.outputs = ["headphones"]
    with qtbot.waitSignal(player.availability_changed):
        devices.audioOutputsChanged.emit()
    assert player.sound_available
    player.play("tick", "", "2")
    (effect,) = fake_multimedia.created
    assert effect.plays == 1

    FakeMediaDevices.outputs = ["speakers", "headphones"]  # the default output changes
    devices.audioOutputsChanged.emit()
    assert effect.device == "speakers"


def test_missing_qt_multimedia_warns_once_and_captions_go_on(
    qtbot: QtBot, caplog: pytest.LogCaptureFixture, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "PySide6.QtMultimedia", None)  # as without libpulse0
    player = toned()
    captions: list[str] = []
    player.caption_shown.connect(captions.append)

    expected = every_cue(player, rounds=10)
    player.prepare()

    assert captions == expected
    assert not player.sound_available
    warnings = audio_warnings(caplog)
    assert len(warnings) == 1
    assert warnings[0].startswith("Cue tones are off: Qt Multimedia is missing")


def test_a_missing_tone_file_warns_once(
    qtbot: QtBot,
    fake_multimedia: type[FakeSoundEffect],
    caplog: pytest.LogCaptureFixture,
    tmp_path: Path,
) -> None:
    player = CuePlayer(tmp_path, speech_engine="mock")  # an empty folder
    player.configure(voice_enabled=False)
    for _ in range(4):
        player.play("tick", "", "3")
    assert fake_multimedia.created == []
    assert len(audio_warnings(caplog)) == 1


def test_the_real_multimedia_backend_never_raises(
    qtbot: QtBot, caplog: pytest.LogCaptureFixture
) -> None:
    """Whatever this machine has (here: no audio output), cues go on and warn at most once."""
    player = toned(volume=0)  # silent, should this machine have speakers
    captions: list[str] = []
    player.caption_shown.connect(captions.append)
    player.prepare()

    expected = every_cue(player, rounds=3)

    assert captions == expected
    assert len(audio_warnings(caplog)) <= 1
    if not player.sound_available:
        assert audio_warnings(caplog) == ["Cue tones are off: no audio output device"]


# ---- the WAV files ------------------------------------------------------------------------------


def test_committed_sounds_are_what_the_generator_writes() -> None:
    result = subprocess.run(
        [sys.executable, str(REPO / "tools" / "make_sounds.py"), "--check"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr


def test_the_generator_check_notices_stale_files(tmp_path: Path) -> None:
    (tmp_path / "tick.wav").write_bytes(b"RIFF")
    result = subprocess.run(
        [sys.executable, str(REPO / "tools" / "make_sounds.py"), "--check", "--out", str(tmp_path)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 1
    assert "tick.wav" in result.stderr
    assert (tmp_path / "tick.wav").read_bytes() == b"RIFF"  # --check writes nothing


def test_every_tone_has_a_file_and_every_file_a_tone() -> None:
    shipped = {p.name for p in Path(str(SOUNDS)).glob("*.wav")}
    assert shipped == {*TONES.values(), CHIME_FILE}


@pytest.mark.parametrize("name", sorted({*TONES.values(), CHIME_FILE}))
def test_sound_file_is_short_soft_and_clean(name: str) -> None:
    with wave.open(str(Path(str(SOUNDS)) / name)) as wav:
        assert (wav.getnchannels(), wav.getsampwidth(), wav.getframerate()) == (1, 2, 44_100)
        frames = wav.getnframes()
        samples = array("h", wav.readframes(frames))
    if sys.byteorder == "big":
        samples.byteswap()
    duration = frames / 44_100
    peak_dbfs = 20 * math.log10(max(abs(s) for s in samples) / 32_767)
    mean = sum(samples) / len(samples)

    # Session cues must end before the next cue; the reminder chime may ring a little longer.
    assert 0.1 <= duration < (2.0 if name == CHIME_FILE else 1.2)
    assert -6.5 <= peak_dbfs <= -5.5
    assert samples[0] == 0 and samples[-1] == 0  # starts and ends in silence: no click
    assert abs(mean) < 1.0  # no DC offset (under one 16-bit step)


def test_preferred_voice_matches_the_territory_and_skips_variants() -> None:
    from PySide6.QtCore import QLocale

    from spinecoach.sound.audio import preferred_voice

    names = [
        "English (Caribbean)",
        "English (Caribbean)+Adam",
        "English (America)+Andy",
        "English (America)",
        "English (Great Britain)",
    ]
    assert preferred_voice(names, QLocale.Country.UnitedStates) == "English (America)"
    assert preferred_voice(names, QLocale.Country.UnitedKingdom) == "English (Great Britain)"
    assert preferred_voice(names, QLocale.Country.Ireland) == "English (Caribbean)"
    assert preferred_voice(["Anne+x", "Bob"], QLocale.Country.Ireland) == "Bob"
    assert preferred_voice([], QLocale.Country.Ireland) is None


def test_a_speech_dispatcher_that_does_not_answer_is_not_used(
    qtbot: QtBot, caplog: pytest.LogCaptureFixture
) -> None:
    """Qt's speechd engine would wait for a wedged daemon forever, freezing the player."""
    asked: list[bool] = []

    def silent_daemon() -> bool:
        asked.append(True)
        return False

    player = CuePlayer(SOUNDS, speech_engine="speechd", speechd_answers=silent_daemon)
    player.configure(sound_enabled=False)
    captions: list[str] = []
    player.caption_shown.connect(captions.append)

    expected = every_cue(player, rounds=2)

    assert captions == expected  # captions go on
    assert asked == [True]  # asked once, not per cue
    assert not player.voice_available
    warnings = audio_warnings(caplog)
    assert any("speech-dispatcher does not answer" in w for w in warnings)
