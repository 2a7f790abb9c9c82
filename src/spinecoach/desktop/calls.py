"""Whether the person is in a call: another program is using the camera or the microphone.

Each provider satisfies `spinecoach.core.presence.InterruptionSource` and answers `CALL` while
it sees a call, None otherwise. Like the other interruption sources they are asked only while a
reminder waits (at most every 30 s), decide their availability once at construction, and never
raise: a provider that cannot tell never claims the person is busy.

- Microphone, Linux: the recording streams ("source-outputs") of PulseAudio, or of PipeWire
  through pipewire-pulse, read with `pactl` (a process start per question, nothing kept open).
- Camera, Linux: a `/dev/video*` device held open by one of the person's own processes.
- Windows: the capability-access store the privacy settings keep for webcam and microphone.
- macOS: not yet (see `MACOS_CALL_REASON`).

The operating-system calls (pactl, the /proc root, the registry) are injectable, so every
decision is tested on any machine with fakes.
"""

from __future__ import annotations

import os
import shutil
import sys
import time
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path

from PySide6.QtCore import QCoreApplication

from spinecoach.core.presence import InterruptionSource, Unavailable
from spinecoach.core.ui_text import QT_TRANSLATE_NOOP
from spinecoach.desktop._consent_store import (
    CAPABILITIES,
    ConsentStore,
    WinRegConsentStore,
    app_keys,
    filetime,
    in_use,
)
from spinecoach.desktop._pactl import (
    PactlRun,
    Recording,
    is_json_object,
    monitor_sources,
    no_pactl,
    pactl_runner,
    parse_json,
    parse_text,
)
from spinecoach.desktop._status import ProviderStatus
from spinecoach.desktop.interruptions import CombinedInterruptions

__all__ = [
    "CALL",
    "CALL_SOURCE_NAME",
    "MACOS_CALL_REASON",
    "CallInUse",
    "CameraInUse",
    "ConsentStore",
    "MicrophoneInUse",
    "PactlRun",
    "WindowsCapabilityUse",
    "detect_call_source",
]

CALL = "your call"
CALL_SOURCE_NAME = QT_TRANSLATE_NOOP("Desktop", "camera and microphone")
MACOS_CALL_REASON = QT_TRANSLATE_NOOP(
    "Desktop", "SpineCoach cannot yet tell on macOS whether the camera or microphone is in use"
)
# A use that started this long ago without a stop is a stale record (a crash), not a call.
_STALE_AFTER_S = 12 * 3600


class MicrophoneInUse(ProviderStatus):
    """Another program records from a microphone, as PulseAudio or PipeWire tells it.

    A recording stream counts unless it is SpineCoach's own (its `application.process.id`), a
    level meter (pavucontrol, GNOME Settings), or records a `.monitor` source: a monitor carries
    what is *playing* (a screen recorder's or a visualiser's loopback), not a microphone, and a
    person watching a video is not in a call. A paused ("corked") stream still counts: a call
    with the microphone muted in the call program is still a call.
    """

    def __init__(
        self,
        run: PactlRun | None = None,
        *,
        own_pid: int | None = None,
        environ: Mapping[str, str] = os.environ,
    ) -> None:
        """Use `run` (tests: a fake pactl) or the installed pactl; ask once if a server answers."""
        super().__init__(QT_TRANSLATE_NOOP("Desktop", "microphone (PulseAudio or PipeWire)"))
        self._own_pid = os.getpid() if own_pid is None else own_pid
        self._json = True
        self._run: PactlRun = no_pactl
        if run is None:
            pactl = shutil.which("pactl", path=environ.get("PATH"))
            if pactl is None:
                self._give_up(
                    QT_TRANSLATE_NOOP(
                        "Desktop", "pactl is not installed (Debian: pulseaudio-utils)"
                    )
                )
                return
            run = pactl_runner(pactl, environ)
        self._run = run
        # pactl before 16 refuses --format=json; it still answers in text.
        if is_json_object(run(["--format=json", "info"])):
            return
        self._json = False
        if run(["info"]) is None:
            self._give_up(
                QT_TRANSLATE_NOOP("Desktop", "no sound server answers (PulseAudio or PipeWire)")
            )

    def interruption(self) -> str | None:
        """`CALL` while another program records from a microphone; None otherwise."""
        if not self.available:
            return None
        recordings = self._recordings()
        others = [
            recording
            for recording in recordings or ()
            if recording.pid != self._own_pid and not recording.level_meter
        ]
        if not others:
            return None
        monitors = self._monitor_sources()
        if monitors is None:  # cannot tell a microphone from a loopback: do not claim a call
            return None
        return CALL if any(recording.source not in monitors for recording in others) else None

    def _recordings(self) -> list[Recording] | None:
        if self._json:
            output = self._run(["--format=json", "list", "source-outputs"])
            parsed = None if output is None else parse_json(output)
            if parsed is not None:
                return parsed
        output = self._run(["list", "source-outputs"])
        return None if output is None else parse_text(output)

    def _monitor_sources(self) -> set[int] | None:
        """The indexes of the `.monitor` sources; None when pactl did not answer."""
        output = self._run(["list", "short", "sources"])
        return None if output is None else monitor_sources(output)


class CameraInUse(ProviderStatus):
    """A camera device (`/dev/video*`) held open by one of the person's own programs.

    Read from `/proc/<pid>/fd` of the processes the person owns (other users' are not ours to
    read, and not the person's call); SpineCoach's own process is skipped. When PipeWire serves
    the camera (the portal, browsers on Wayland) it is the PipeWire process that holds the
    device while a program streams from it, so that counts too.
    """

    def __init__(
        self,
        *,
        proc_root: str | os.PathLike[str] = "/proc",
        device_prefix: str = "/dev/video",
        own_pid: int | None = None,
        uid: int | None = None,
    ) -> None:
        super().__init__(QT_TRANSLATE_NOOP("Desktop", "camera (devices held open)"))
        self._proc = Path(proc_root)
        self._prefix = device_prefix
        self._own_pid = os.getpid() if own_pid is None else own_pid
        self._uid = os.getuid() if uid is None and hasattr(os, "getuid") else uid
        if not self._proc.is_dir():
            self._give_up(
                QT_TRANSLATE_NOOP(
                    "Desktop", "there is no /proc to see which programs use the camera"
                )
            )

    def interruption(self) -> str | None:
        """`CALL` while a camera device is open in another of the person's processes."""
        if not self.available or not self._devices_exist():
            return None
        return CALL if any(self._holds_device(fd_dir) for fd_dir in self._fd_dirs()) else None

    def _devices_exist(self) -> bool:
        """Cheap first look: with no camera plugged in, no process needs scanning."""
        prefix = Path(self._prefix)
        try:
            return any(prefix.parent.glob(prefix.name + "*"))
        except OSError:
            return False

    def _fd_dirs(self) -> Iterator[str]:
        try:
            entries = list(os.scandir(self._proc))
        except OSError:
            return
        for entry in entries:
            if not entry.name.isdigit() or int(entry.name) == self._own_pid:
                continue
            try:
                if self._uid is not None and entry.stat().st_uid != self._uid:
                    continue
            except OSError:  # the process ended meanwhile
                continue
            yield os.path.join(entry.path, "fd")  # noqa: PTH118 -- scandir paths, thousands

    def _holds_device(self, fd_dir: str) -> bool:
        try:
            with os.scandir(fd_dir) as fds:
                for fd in fds:
                    try:
                        if os.readlink(fd.path).startswith(self._prefix):  # noqa: PTH115
                            return True
                    except OSError:
                        continue
        except OSError:  # ended, or not ours to read
            return False
        return False


class WindowsCapabilityUse(ProviderStatus):
    """A program uses the webcam or microphone, as Windows records it for its privacy settings.

    Read from the consent store (see `_consent_store`). In use: a start later than the stop, or
    a start with no stop yet (0); a start of 0 is a program that never used it. SpineCoach's own
    executable is skipped, and so is a start more than 12 hours old with no stop: a program that
    crashed mid-call would otherwise hold reminders forever.
    """

    def __init__(
        self,
        store: ConsentStore | None = None,
        *,
        own_executable: str = sys.executable,
        now: Callable[[], float] = time.time,
    ) -> None:
        """Use `store` (tests: a fake registry) or HKCU's consent store through winreg."""
        super().__init__(QT_TRANSLATE_NOOP("Desktop", "Windows camera and microphone use"))
        self._own_executable = own_executable
        self._now = now
        self._store: ConsentStore = store if store is not None else WinRegConsentStore()
        if store is None and sys.platform != "win32":
            self._give_up(QT_TRANSLATE_NOOP("Desktop", "this is not Windows"))
        elif not set(CAPABILITIES) & set(self._store.subkeys("")):
            self._give_up(
                QT_TRANSLATE_NOOP(
                    "Desktop",
                    "this Windows keeps no record of camera and microphone use"
                    " (Windows 10 version 1903 or later does)",
                )
            )

    def interruption(self) -> str | None:
        """`CALL` while any other program's last use of the camera or microphone has no end."""
        if not self.available:
            return None
        oldest = filetime(self._now() - _STALE_AFTER_S)
        keys = app_keys(self._store, self._own_executable)
        return CALL if any(in_use(self._store, key, oldest) for key in keys) else None


class CallInUse(CombinedInterruptions):
    """The call checks that can work here, as one source named "camera and microphone"."""

    @property
    def name(self) -> str:
        """Always "camera and microphone": the setting's name, whichever parts can tell."""
        return CALL_SOURCE_NAME


def detect_call_source(
    platform: str = sys.platform,
    environ: Mapping[str, str] = os.environ,
    *,
    run: PactlRun | None = None,
    proc_root: str | os.PathLike[str] = "/proc",
    registry: ConsentStore | None = None,
) -> InterruptionSource:
    """Every call check that can work here, combined; `Unavailable` when none can.

    Linux and other Unix: the camera scan and the microphone (pactl, run with `environ`, which
    carries PULSE_SERVER and PATH). Windows: the consent store. macOS: unavailable. The keyword
    arguments replace pactl, /proc and the registry (tests).
    """
    if platform == "darwin":
        return Unavailable(
            CALL_SOURCE_NAME, QCoreApplication.translate("Desktop", MACOS_CALL_REASON)
        )
    parts: list[InterruptionSource]
    if platform == "win32":
        parts = [WindowsCapabilityUse(registry)]
    else:
        parts = [CameraInUse(proc_root=proc_root), MicrophoneInUse(run, environ=environ)]
    combined = CallInUse(parts)
    return combined if combined.available else Unavailable(CALL_SOURCE_NAME, combined.reason)
