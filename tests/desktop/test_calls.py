"""Call detection: fake pactl, /proc and registry for every rule; a real PulseAudio and /proc."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from spinecoach.core.presence import InterruptionSource, Unavailable
from spinecoach.desktop._consent_store import filetime
from spinecoach.desktop._pactl import pactl_runner
from spinecoach.desktop.calls import (
    CALL,
    MACOS_CALL_REASON,
    CallInUse,
    CameraInUse,
    MicrophoneInUse,
    WindowsCapabilityUse,
    detect_call_source,
)

JSON_INFO = ("--format=json", "info")
JSON_OUTPUTS = ("--format=json", "list", "source-outputs")
TEXT_OUTPUTS = ("list", "source-outputs")
SOURCES = ("list", "short", "sources")
SHORT_SOURCES = (
    "0\ttest.monitor\tmodule-null-sink.c\ts16le 2ch 44100Hz\tRUNNING\n"
    "1\tmic\tmodule-null-source.c\ts16le 2ch 44100Hz\tRUNNING\n"
)
MONITOR, MIC = 0, 1
OTHER_PID = 4242


def stream(
    source: int, pid: int | None = OTHER_PID, *, resample: str = "", app_id: str = ""
) -> dict[str, object]:
    """A source-output as `pactl --format=json` prints it (pactl 16.1, abridged)."""
    properties: dict[str, object] = {"application.name": "parecord", "media.name": "/dev/null"}
    if pid is not None:
        properties["application.process.id"] = str(pid)
    if app_id:
        properties["application.id"] = app_id
    return {
        "index": 0,
        "driver": "protocol-native.c",
        "source": source,
        "corked": False,
        "resample_method": resample,
        "properties": properties,
    }


def text_stream(index: int, source: int, pid: int, resample: str = "n/a") -> str:
    """The same as `pactl list source-outputs` prints it in the C locale."""
    return (
        f"Source Output #{index}\n\tDriver: protocol-native.c\n\tOwner Module: 2\n"
        f"\tClient: 3\n\tSource: {source}\n\tSample Specification: s16le 2ch 44100Hz\n"
        f"\tCorked: no\n\tMute: no\n\tResample method: {resample}\n\tProperties:\n"
        f'\t\tmedia.name = "Chromium input"\n\t\tapplication.name = "Chromium"\n'
        f'\t\tapplication.process.id = "{pid}"\n\t\tapplication.process.binary = "chrome"\n'
    )


@dataclass
class FakePactl:
    """pactl scripted per argument list; a missing entry fails (None), as a refused option."""

    answers: dict[tuple[str, ...], str | None] = field(default_factory=dict)
    calls: list[tuple[str, ...]] = field(default_factory=list)

    def __call__(self, arguments: Sequence[str]) -> str | None:
        self.calls.append(tuple(arguments))
        return self.answers.get(tuple(arguments))

    def record(self, *streams: dict[str, object]) -> None:
        self.answers[JSON_OUTPUTS] = json.dumps(list(streams))


def json_pactl(*streams: dict[str, object]) -> FakePactl:
    pactl = FakePactl({JSON_INFO: '{"server_name": "pulseaudio"}', SOURCES: SHORT_SOURCES})
    pactl.record(*streams)
    return pactl


# --- Microphone: pactl's answers ------------------------------------------------------------


def test_microphone_sees_a_recording_from_a_microphone() -> None:
    pactl = json_pactl()
    microphone = MicrophoneInUse(pactl, own_pid=1)
    assert microphone.available, microphone.reason
    assert microphone.interruption() is None
    pactl.record(stream(MIC))
    assert microphone.interruption() == CALL


def test_microphone_ignores_spinecoach_itself() -> None:
    microphone = MicrophoneInUse(json_pactl(stream(MIC, pid=os.getpid())))
    assert microphone.interruption() is None
    assert MicrophoneInUse(json_pactl(stream(MIC, pid=77)), own_pid=77).interruption() is None


def test_microphone_ignores_recordings_of_what_is_playing() -> None:
    pactl = json_pactl(stream(MONITOR))
    microphone = MicrophoneInUse(pactl, own_pid=1)
    assert microphone.interruption() is None  # a screen recorder's loopback is not a call
    pactl.record(stream(MONITOR), stream(MIC))
    assert microphone.interruption() == CALL


@pytest.mark.parametrize(
    "meter",
    [
        stream(MIC, resample="peaks"),
        stream(MIC, app_id="org.PulseAudio.pavucontrol"),
        stream(MIC, app_id="org.gnome.VolumeControl"),
    ],
)
def test_microphone_ignores_level_meters(meter: dict[str, object]) -> None:
    assert MicrophoneInUse(json_pactl(meter), own_pid=1).interruption() is None


def test_microphone_counts_a_stream_that_names_no_process() -> None:
    assert MicrophoneInUse(json_pactl(stream(MIC, pid=None)), own_pid=1).interruption() == CALL


def test_microphone_asks_for_sources_only_when_someone_records() -> None:
    pactl = json_pactl()
    MicrophoneInUse(pactl, own_pid=1).interruption()
    assert SOURCES not in pactl.calls


def test_microphone_that_cannot_list_sources_does_not_claim_a_call() -> None:
    pactl = json_pactl(stream(MIC))
    del pactl.answers[SOURCES]
    assert MicrophoneInUse(pactl, own_pid=1).interruption() is None


def test_microphone_with_a_failing_pactl_later_answers_none() -> None:
    pactl = json_pactl(stream(MIC))
    microphone = MicrophoneInUse(pactl, own_pid=1)
    pactl.answers.clear()
    assert microphone.interruption() is None


def test_microphone_reads_old_pactl_text_when_json_is_refused() -> None:
    pactl = FakePactl(
        {
            ("info",): "Server Name: pulseaudio\n",
            TEXT_OUTPUTS: text_stream(0, MONITOR, OTHER_PID),
            SOURCES: SHORT_SOURCES,
        }
    )
    microphone = MicrophoneInUse(pactl, own_pid=1)
    assert microphone.available
    assert microphone.interruption() is None
    pactl.answers[TEXT_OUTPUTS] = (
        text_stream(0, MONITOR, OTHER_PID) + "\n" + text_stream(1, MIC, OTHER_PID)
    )
    assert microphone.interruption() == CALL
    assert JSON_OUTPUTS not in pactl.calls  # decided once: this pactl speaks text only


def test_microphone_text_applies_the_same_exclusions() -> None:
    pactl = FakePactl(
        {
            ("info",): "Server Name: pulseaudio\n",
            TEXT_OUTPUTS: text_stream(0, MIC, 77) + "\n" + text_stream(1, MIC, 8, "peaks"),
            SOURCES: SHORT_SOURCES,
        }
    )
    assert MicrophoneInUse(pactl, own_pid=77).interruption() is None


def test_microphone_falls_back_to_text_when_the_json_is_broken() -> None:
    pactl = json_pactl()
    pactl.answers[JSON_OUTPUTS] = '[{"source": 1, "properties": {"bad": "\\q"}}'
    pactl.answers[TEXT_OUTPUTS] = text_stream(0, MIC, OTHER_PID)
    assert MicrophoneInUse(pactl, own_pid=1).interruption() == CALL


def test_microphone_without_a_sound_server_is_unavailable() -> None:
    pactl = FakePactl()
    microphone = MicrophoneInUse(pactl)
    assert not microphone.available
    assert microphone.reason == "no sound server answers (PulseAudio or PipeWire)"
    assert microphone.interruption() is None
    assert pactl.calls == [JSON_INFO, ("info",)]  # asked once, at construction


def test_microphone_without_pactl_is_unavailable() -> None:
    microphone = MicrophoneInUse(environ={"PATH": "/nonexistent"})
    assert not microphone.available
    assert microphone.reason == "pactl is not installed (Debian: pulseaudio-utils)"
    assert microphone.interruption() is None


def test_microphone_with_no_server_to_reach_via_the_real_pactl(tmp_path: Path) -> None:
    pactl = shutil.which("pactl")
    if pactl is None:
        pytest.skip("pactl is not installed")
    environ = {
        "PATH": str(Path(pactl).parent),
        "HOME": str(tmp_path),
        "PULSE_SERVER": f"unix:{tmp_path / 'nobody-here'}",
    }
    microphone = MicrophoneInUse(environ=environ)
    assert microphone.reason == "no sound server answers (PulseAudio or PipeWire)"


# --- Camera: a fake /proc ----------------------------------------------------------------------


@dataclass
class FakeProc:
    """A /proc tree whose fd entries are symlinks, and camera devices, all under tmp_path."""

    root: Path
    devices: Path

    def process(self, pid: int, *targets: str) -> None:
        fds = self.root / str(pid) / "fd"
        fds.mkdir(parents=True)
        for number, target in enumerate(targets):
            (fds / str(number)).symlink_to(target)

    def plug_in(self, name: str = "video0") -> str:
        device = self.devices / name
        device.touch()
        return str(device)


@pytest.fixture
def proc(tmp_path: Path) -> FakeProc:
    fake = FakeProc(tmp_path / "proc", tmp_path / "dev")
    fake.root.mkdir()
    fake.devices.mkdir()
    (fake.root / "self").symlink_to(fake.root / "1")
    (fake.root / "meminfo").touch()
    return fake


def camera(proc: FakeProc, **options: int) -> CameraInUse:
    return CameraInUse(
        proc_root=proc.root,
        device_prefix=str(proc.devices / "video"),
        own_pid=options.get("own_pid", 1),
        uid=options.get("uid", os.getuid()),
    )


def test_camera_sees_a_device_held_by_another_program(proc: FakeProc) -> None:
    video = proc.plug_in()
    proc.process(100, "/dev/null", "socket:[1234]")
    source = camera(proc)
    assert source.available, source.reason
    assert source.interruption() is None
    proc.process(200, "/dev/pts/0", video)
    assert source.interruption() == CALL


def test_camera_ignores_spinecoach_itself(proc: FakeProc) -> None:
    proc.process(300, proc.plug_in())
    assert camera(proc, own_pid=300).interruption() is None


def test_camera_ignores_other_peoples_programs(proc: FakeProc) -> None:
    proc.process(300, proc.plug_in())
    assert camera(proc, uid=os.getuid() + 1).interruption() is None


def test_camera_matches_only_camera_devices(proc: FakeProc) -> None:
    proc.plug_in()
    proc.process(300, str(proc.devices / "vide"), str(proc.devices / "media0"))
    assert camera(proc).interruption() is None


def test_camera_with_no_camera_plugged_in_scans_nothing(proc: FakeProc) -> None:
    proc.process(300, str(proc.devices / "video0"))  # held, yet the device is gone
    assert camera(proc).interruption() is None


def test_camera_survives_processes_it_cannot_read(proc: FakeProc) -> None:
    video = proc.plug_in()
    (proc.root / "400").mkdir()  # ended between the listing and the look: no fd folder
    proc.process(500, video)
    assert camera(proc).interruption() == CALL


def test_camera_without_proc_is_unavailable(tmp_path: Path) -> None:
    source = CameraInUse(proc_root=tmp_path / "no-proc")
    assert not source.available
    assert source.reason == "there is no /proc to see which programs use the camera"
    assert source.interruption() is None


HOLD_OPEN = """
import sys, time
handle = open(sys.argv[1], "rb")
print("open", flush=True)
sys.stdin.read()
"""


def test_camera_real_proc_sees_a_child_holding_a_device(tmp_path: Path) -> None:
    devices = tmp_path.resolve()
    video = devices / "video0"
    video.write_bytes(b"")
    source = CameraInUse(device_prefix=str(devices / "video"))
    assert source.available, source.reason
    with video.open("rb"):  # SpineCoach's own process holding it does not count
        assert source.interruption() is None
    child = subprocess.Popen(
        [sys.executable, "-c", HOLD_OPEN, str(video)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert child.stdin is not None and child.stdout is not None
    try:
        assert child.stdout.readline() == "open\n"
        assert source.interruption() == CALL
    finally:
        child.stdin.close()
        child.wait(timeout=5)
        child.stdout.close()
    assert source.interruption() is None


# --- Windows: a fake consent store ------------------------------------------------------------

NOW = 1_750_000_000.0
NON_PACKAGED = "webcam\\NonPackaged\\"
ZOOM = NON_PACKAGED + "C:#Program Files#Zoom#bin#Zoom.exe"


@dataclass
class FakeStore:
    """A registry tree: key paths (relative to ConsentStore) to their QWORD values."""

    keys: dict[str, dict[str, int]]

    def subkeys(self, path: str) -> list[str]:
        prefix = path + "\\" if path else ""
        names = set()
        for key in self.keys:
            if key.startswith(prefix):
                names.add(key[len(prefix) :].split("\\", 1)[0])
        return sorted(names)

    def qword(self, path: str, name: str) -> int | None:
        return self.keys.get(path, {}).get(name)


def used(start_ago: float | None, stop_ago: float | None) -> dict[str, int]:
    """LastUsedTimeStart/Stop so many seconds before NOW; None writes 0 (never)."""
    return {
        "LastUsedTimeStart": 0 if start_ago is None else filetime(NOW - start_ago),
        "LastUsedTimeStop": 0 if stop_ago is None else filetime(NOW - stop_ago),
    }


def windows(keys: dict[str, dict[str, int]], own: str = "C:\\SpineCoach\\SpineCoach.exe") -> str:
    base = {"microphone\\NonPackaged\\C:#Windows#notepad.exe": used(900, 800)}
    source = WindowsCapabilityUse(FakeStore({**base, **keys}), own_executable=own, now=lambda: NOW)
    assert source.available, source.reason
    return str(source.interruption())


@pytest.mark.parametrize(
    ("times", "answer"),
    [
        (used(60, None), CALL),  # started a minute ago, no stop yet
        (used(60, 3600), CALL),  # started after the last stop
        (used(3600, 60), "None"),  # stopped since
        (used(None, None), "None"),  # allowed, never used
        (used(13 * 3600, None), "None"),  # no stop for 13 hours: a stale record
    ],
)
def test_windows_reads_start_and_stop(times: dict[str, int], answer: str) -> None:
    assert windows({ZOOM: times}) == answer


def test_windows_sees_packaged_apps_and_the_microphone() -> None:
    assert windows({"webcam\\Microsoft.WindowsCamera_8wekyb3d8bbwe": used(5, None)}) == CALL
    assert windows({"microphone\\NonPackaged\\C:#Teams#ms-teams.exe": used(5, 9)}) == CALL


def test_windows_ignores_spinecoach_itself() -> None:
    own = NON_PACKAGED + "C:#Users#Ann#SpineCoach#spinecoach.EXE"
    keys = {own: used(5, None)}
    assert windows(keys, own="c:\\users\\ann\\spinecoach\\SpineCoach.exe") == "None"


def test_windows_without_the_store_is_unavailable() -> None:
    source = WindowsCapabilityUse(FakeStore({"location\\x": used(5, None)}))
    assert not source.available
    assert source.reason == (
        "this Windows keeps no record of camera and microphone use"
        " (Windows 10 version 1903 or later does)"
    )
    assert source.interruption() is None


def test_windows_off_windows_is_unavailable() -> None:
    if sys.platform == "win32":
        pytest.skip("checks the behaviour on other systems")
    source = WindowsCapabilityUse()
    assert source.reason == "this is not Windows"
    assert source.interruption() is None


# --- Detection --------------------------------------------------------------------------------


def test_detect_on_linux_combines_camera_and_microphone(proc: FakeProc) -> None:
    source = detect_call_source("linux", {}, run=json_pactl(), proc_root=proc.root)
    assert isinstance(source, CallInUse)
    assert [type(part) for part in source.sources] == [CameraInUse, MicrophoneInUse]
    assert source.available
    assert source.name == "camera and microphone"
    assert source.interruption() is None


def test_every_provider_is_an_interruption_source(proc: FakeProc) -> None:
    sources: list[InterruptionSource] = [
        camera(proc),
        MicrophoneInUse(json_pactl()),
        WindowsCapabilityUse(FakeStore({ZOOM: used(5, None)}), now=lambda: NOW),
        CallInUse([]),
    ]
    assert [source.interruption() for source in sources] == [None, None, CALL, None]


def test_detect_keeps_the_part_that_works(proc: FakeProc) -> None:
    source = detect_call_source("linux", {"PATH": "/nonexistent"}, proc_root=proc.root)
    assert isinstance(source, CallInUse)
    assert source.available
    assert [part.available for part in source.sources] == [True, False]


def test_detect_with_nothing_working_gives_each_reason(tmp_path: Path) -> None:
    source = detect_call_source("linux", {}, run=FakePactl(), proc_root=tmp_path / "none")
    assert isinstance(source, Unavailable)
    assert source.name == "camera and microphone"
    assert source.reason == (
        "camera (devices held open): there is no /proc to see which programs use the camera; "
        "microphone (PulseAudio or PipeWire): no sound server answers (PulseAudio or PipeWire)"
    )
    assert source.interruption() is None


def test_detect_on_windows_reads_the_consent_store() -> None:
    store = FakeStore({ZOOM: used(5, None)})
    source = detect_call_source("win32", {}, registry=store, run=FakePactl())
    assert isinstance(source, CallInUse)
    assert [type(part) for part in source.sources] == [WindowsCapabilityUse]


def test_detect_on_windows_without_winreg_is_unavailable() -> None:
    if sys.platform == "win32":
        pytest.skip("checks the behaviour on other systems")
    source = detect_call_source("win32", {})
    assert isinstance(source, Unavailable)
    assert source.reason == "Windows camera and microphone use: this is not Windows"


def test_detect_on_macos_is_honestly_unavailable() -> None:
    source = detect_call_source("darwin", {})
    assert isinstance(source, Unavailable)
    assert source.reason == MACOS_CALL_REASON
    assert source.interruption() is None


# --- A real PulseAudio ------------------------------------------------------------------------

DEADLINE_S = 10.0


def _wait_for(what: str, condition: Callable[[], bool]) -> None:
    """Poll `condition` until true, failing after DEADLINE_S."""
    deadline = time.monotonic() + DEADLINE_S
    while not condition():
        if time.monotonic() > deadline:
            pytest.fail(f"{what} did not happen within {DEADLINE_S} s")
        time.sleep(0.02)


def _stop(process: subprocess.Popen[bytes]) -> None:
    process.terminate()
    try:
        process.wait(timeout=5)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


@pytest.fixture
def pulse() -> Iterator[dict[str, str]]:
    """A private PulseAudio with a null sink ("test") and a null source ("mic").

    Everything it touches lives in a fresh folder (a short path: a socket's name is limited to
    108 bytes); no D-Bus or X display is passed, so it never meets the person's session. Root
    is fine: it warns, and runs. Yields the environment a client needs to reach it.
    """
    programs = [shutil.which(name) for name in ("pulseaudio", "pactl", "parecord")]
    if None in programs:
        pytest.skip(
            "needs the pulseaudio server (CI installs it: tools/system-deps.sh ci) and pactl "
            "and parecord (pulseaudio-utils)"
        )
    folder = Path(tempfile.mkdtemp(prefix="sc-pulse-"))
    socket = folder / "native"
    private = {"HOME": str(folder), "XDG_RUNTIME_DIR": str(folder), "LC_ALL": "C"}
    server_env = {"PATH": os.environ.get("PATH", ""), **private}
    server_env["PULSE_RUNTIME_PATH"] = str(folder / "runtime")
    with (folder / "server.log").open("wb") as log:
        server = subprocess.Popen(
            [
                str(programs[0]),
                "--daemonize=no",
                "--system=no",
                "--use-pid-file=no",
                "--exit-idle-time=-1",
                "-n",
                "--load=module-null-sink sink_name=test",
                "--load=module-null-source source_name=mic",
                f"--load=module-native-protocol-unix auth-anonymous=1 socket={socket}",
                "--log-target=stderr",
            ],
            env=server_env,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=log,
        )
    client_env = {"PATH": server_env["PATH"], **private, "PULSE_SERVER": f"unix:{socket}"}
    run = pactl_runner(str(programs[1]), client_env)

    def answers() -> bool:
        if server.poll() is not None:
            log = (folder / "server.log").read_text(errors="replace")
            pytest.fail(f"the private PulseAudio exited ({server.returncode}):\n{log}")
        return bool(run(["info"]))

    try:
        _wait_for("the private PulseAudio to answer", answers)
        yield client_env
    finally:
        _stop(server)
        shutil.rmtree(folder, ignore_errors=True)


def _record(device: str, environ: dict[str, str]) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        ["parecord", "-d", device, os.devnull],
        env=environ,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )


def _streams(environ: dict[str, str]) -> int:
    """How many recording streams the server has (`pactl list short source-outputs`)."""
    listed = pactl_runner("pactl", environ)(["list", "short", "source-outputs"])
    return len((listed or "").splitlines())


def test_real_pulseaudio_sees_a_microphone_recording_come_and_go(pulse: dict[str, str]) -> None:
    microphone = MicrophoneInUse(environ=pulse)
    assert microphone.available, microphone.reason
    assert microphone.interruption() is None
    loopback = _record("test.monitor", pulse)
    try:
        _wait_for("the loopback to record", lambda: _streams(pulse) == 1)
        assert microphone.interruption() is None  # what is playing is not a call
        recorder = _record("mic", pulse)
        try:
            _wait_for("the recording to be seen", lambda: microphone.interruption() == CALL)
            # The same stream, as SpineCoach's own, does not count; the monitor never did.
            assert MicrophoneInUse(environ=pulse, own_pid=recorder.pid).interruption() is None
        finally:
            _stop(recorder)
        _wait_for("the recording to end", lambda: microphone.interruption() is None)
    finally:
        _stop(loopback)


def test_real_pulseaudio_through_old_pactl_text(pulse: dict[str, str]) -> None:
    real = pactl_runner("pactl", pulse)

    def old_pactl(arguments: Sequence[str]) -> str | None:
        return None if any(a.startswith("--format") for a in arguments) else real(arguments)

    microphone = MicrophoneInUse(old_pactl)
    assert microphone.available, microphone.reason
    recorder = _record("mic", pulse)
    try:
        _wait_for("the recording to be seen", lambda: microphone.interruption() == CALL)
    finally:
        _stop(recorder)
