"""Stand-ins for QSoundEffect and QMediaDevices: this machine has no audio output.

They record what the tone bank does with them (created, played, stopped, volume, device), and a
test can say which audio outputs exist or turn an effect's status to Error (an undecodable file).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, ClassVar

from PySide6.QtCore import QObject, QUrl, Signal

#: What Qt Multimedia prints once per process on a machine without PipeWire, VA-API or a
#: PulseAudio server (whichever test loads it first). They describe the machine, not the code
#: under test; everything else Qt warns about still fails a test.
MACHINE_WARNINGS = (
    r"^Couldn't (load|resolve) .+ (library|symbols)$",
    r"^PulseAudioService: pa_context_connect\(\) failed$",
)


class FakeSoundEffect(QObject):
    """Stands in for QSoundEffect: records what the player does with it."""

    created: ClassVar[list[FakeSoundEffect]] = []
    Status: ClassVar[Any]  # the real QSoundEffect.Status, set by the fake_multimedia fixture
    statusChanged = Signal()  # noqa: N815 (Qt's name)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        from PySide6.QtMultimedia import QAudioDevice

        self.source = QUrl()
        self.level = 1.0
        self.plays = 0
        self.stops = 0
        self.broken = False
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
        return self.Status.Error if self.broken else self.Status.Ready

    def fail_to_decode(self) -> None:
        """What Qt does with a file it cannot decode: the status turns to Error."""
        self.broken = True
        self.statusChanged.emit()

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
