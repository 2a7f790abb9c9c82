"""Idle-time providers: fakes for every injected OS call, a real Xvfb and a real private bus."""

from __future__ import annotations

import json
import logging
import os
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field

import pytest
from PySide6.QtDBus import QDBusConnection

from spinecoach.core.presence import Unavailable
from spinecoach.desktop._qtdbus import SessionBus
from spinecoach.desktop.idle import DBusIdle, MacIdle, WindowsIdle, X11Idle, detect_idle_source
from tests.desktop.xclient import XClient

MUTTER = (
    "org.gnome.Mutter.IdleMonitor",
    "/org/gnome/Mutter/IdleMonitor/Core",
    "org.gnome.Mutter.IdleMonitor",
    "GetIdletime",
)
SCREENSAVER = (
    "org.freedesktop.ScreenSaver",
    "/org/freedesktop/ScreenSaver",
    "org.freedesktop.ScreenSaver",
    "GetSessionIdleTime",
)
KDE_SCREENSAVER = (
    "org.freedesktop.ScreenSaver",
    "/ScreenSaver",
    "org.freedesktop.ScreenSaver",
    "GetSessionIdleTime",
)


@dataclass
class FakeBus:
    """Answers D-Bus calls from a table; anything not in it gets no answer (None)."""

    answers: dict[tuple[str, str, str, str], object] = field(default_factory=dict)
    calls: list[tuple[str, str, str, str]] = field(default_factory=list)

    def __call__(self, service: str, path: str, interface: str, method: str) -> object | None:
        key = (service, path, interface, method)
        self.calls.append(key)
        return self.answers.get(key)


# --- D-Bus, with a fake bus ---------------------------------------------------------------------


def test_dbus_prefers_gnome_mutter_and_reads_milliseconds() -> None:
    bus = FakeBus({MUTTER: 1500, SCREENSAVER: 999_000})
    source = DBusIdle(bus)
    assert source.available
    assert source.reason == ""
    assert "GNOME Mutter" in source.name
    bus.answers[MUTTER] = 61_250
    assert source.idle_seconds() == pytest.approx(61.25)


def test_dbus_falls_back_to_the_freedesktop_screensaver() -> None:
    source = DBusIdle(FakeBus({SCREENSAVER: 7000}))
    assert source.available
    assert "screen saver" in source.name
    assert source.idle_seconds() == pytest.approx(7.0)


def test_dbus_finds_kde_screensaver_on_its_short_path() -> None:
    source = DBusIdle(FakeBus({KDE_SCREENSAVER: 250}))
    assert source.available
    assert source.idle_seconds() == pytest.approx(0.25)


def test_dbus_probes_once_then_asks_only_the_chosen_service() -> None:
    bus = FakeBus({SCREENSAVER: 10})
    source = DBusIdle(bus)
    assert bus.calls == [MUTTER, SCREENSAVER]
    bus.calls.clear()
    source.idle_seconds()
    source.idle_seconds()
    assert bus.calls == [SCREENSAVER, SCREENSAVER]


def test_dbus_without_any_service_is_unavailable_and_says_why(
    caplog: pytest.LogCaptureFixture,
) -> None:
    bus = FakeBus()
    with caplog.at_level(logging.INFO, logger="spinecoach.desktop"):
        source = DBusIdle(bus)
        assert source.idle_seconds() is None
        assert source.idle_seconds() is None
    assert not source.available
    assert "session bus" in source.reason
    assert bus.calls == [MUTTER, SCREENSAVER, KDE_SCREENSAVER]  # never asked again
    assert len(caplog.records) == 1
    assert "D-Bus idle monitor is unavailable" in caplog.records[0].getMessage()


@pytest.mark.parametrize("nonsense", [True, -5, "1200", 3.5, [1200]])
def test_dbus_rejects_answers_that_are_not_millisecond_counts(nonsense: object) -> None:
    source = DBusIdle(FakeBus({MUTTER: nonsense}))
    assert not source.available
    assert source.idle_seconds() is None


def test_dbus_service_that_stops_answering_gives_none_not_an_error() -> None:
    bus = FakeBus({MUTTER: 100})
    source = DBusIdle(bus)
    del bus.answers[MUTTER]
    assert source.idle_seconds() is None
    bus.answers[MUTTER] = 2000
    assert source.idle_seconds() == pytest.approx(2.0)


# --- D-Bus, for real ----------------------------------------------------------------------------


@pytest.fixture
def private_connection(session_bus: str) -> Iterator[QDBusConnection]:
    """A QtDBus connection to the test's private bus (never the desktop's session bus)."""
    name = "spinecoach-test-idle"
    yield QDBusConnection.connectToBus(session_bus, name)
    QDBusConnection.disconnectFromBus(name)


def test_real_bus_reads_a_gnome_idle_monitor(
    fake_desktop: str, private_connection: QDBusConnection
) -> None:
    assert private_connection.isConnected()
    source = DBusIdle(SessionBus(private_connection).call)
    assert source.available, source.reason
    assert "GNOME Mutter" in source.name
    assert source.idle_seconds() == pytest.approx(4.2)


def test_real_bus_without_idle_services_is_unavailable(
    private_connection: QDBusConnection,
) -> None:
    assert private_connection.isConnected()
    source = DBusIdle(SessionBus(private_connection).call)
    assert not source.available
    assert source.idle_seconds() is None


_NO_BUS_PROBE = """
import json
from PySide6.QtCore import qInstallMessageHandler
messages = []
qInstallMessageHandler(lambda kind, context, text: messages.append(text))
from spinecoach.desktop._qtdbus import SessionBus
from spinecoach.desktop.idle import DBusIdle
bus = SessionBus()
source = DBusIdle(bus.call)
print(json.dumps({
    "call": bus.call("org.gnome.Mutter.IdleMonitor", "/org/gnome/Mutter/IdleMonitor/Core",
                     "org.gnome.Mutter.IdleMonitor", "GetIdletime"),
    "available": source.available,
    "messages": messages,
}))
"""


def test_default_session_bus_missing_answers_none_without_qt_warnings() -> None:
    # Its own process: QDBusConnection.sessionBus() is created once per process, and this test
    # must see the default path with no bus at all, whatever the machine running it has.
    env = {key: value for key, value in os.environ.items() if key != "DISPLAY"}
    env["DBUS_SESSION_BUS_ADDRESS"] = "unix:path=/nonexistent/spinecoach-test-bus"
    env["QT_QPA_PLATFORM"] = "offscreen"
    done = subprocess.run(
        [sys.executable, "-c", _NO_BUS_PROBE],
        capture_output=True,
        text=True,
        env=env,
        timeout=30,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout)
    assert report == {"call": None, "available": False, "messages": []}
    assert done.stderr == ""


# --- Windows, with fake clock functions ---------------------------------------------------------


def test_windows_idle_is_the_tick_difference_in_seconds() -> None:
    source = WindowsIdle(last_input_tick=lambda: 1_000, tick_count=lambda: 6_500)
    assert source.available
    assert source.idle_seconds() == pytest.approx(5.5)


def test_windows_idle_survives_the_32_bit_tick_wraparound() -> None:
    # Last input 1.5 s before the 32-bit counter wrapped; now 0.5 s after the wrap.
    source = WindowsIdle(last_input_tick=lambda: 2**32 - 1_500, tick_count=lambda: 2**32 + 500)
    assert source.idle_seconds() == pytest.approx(2.0)


def test_windows_idle_uses_only_the_low_32_bits_of_a_long_uptime() -> None:
    # 150 days of uptime (three wraps): dwTime holds only the low 32 bits of the tick count.
    now = 150 * 24 * 3_600_000
    last_input = (now - 42_000) % 2**32
    source = WindowsIdle(last_input_tick=lambda: last_input, tick_count=lambda: now)
    assert source.idle_seconds() == pytest.approx(42.0)


def test_windows_idle_is_none_when_get_last_input_info_fails() -> None:
    source = WindowsIdle(last_input_tick=lambda: None, tick_count=lambda: 6_500)
    assert source.idle_seconds() is None


def test_windows_idle_off_windows_is_unavailable_not_a_crash() -> None:
    if sys.platform == "win32":
        pytest.skip("checks the behaviour on other systems")
    source = WindowsIdle()
    assert not source.available
    assert "not Windows" in source.reason
    assert source.idle_seconds() is None


# --- macOS, with a fake IOKit reader ------------------------------------------------------------


def test_mac_idle_converts_nanoseconds_to_seconds() -> None:
    source = MacIdle(read_idle_ns=lambda: 2_500_000_000)
    assert source.available
    assert source.idle_seconds() == pytest.approx(2.5)


@pytest.mark.parametrize("reading", [None, -1])
def test_mac_idle_without_a_sensible_reading_is_none(reading: int | None) -> None:
    assert MacIdle(read_idle_ns=lambda: reading).idle_seconds() is None


def test_mac_idle_off_macos_is_unavailable_not_a_crash() -> None:
    if sys.platform == "darwin":
        pytest.skip("checks the behaviour on other systems")
    source = MacIdle()
    assert not source.available
    assert "not macOS" in source.reason
    assert source.idle_seconds() is None
    source.close()


# --- X11, against a real Xvfb -------------------------------------------------------------------


def test_x11_idle_measures_the_time_since_input(xvfb: str, x_client: XClient) -> None:
    source = X11Idle(xvfb)
    try:
        assert source.available, source.reason
        assert source.reason == ""
        before = source.idle_seconds()
        x_client.move_pointer()
        after = source.idle_seconds()
        assert isinstance(after, float)
        assert isinstance(before, float)
        # Without the input the counter could only have grown; with it, it starts again.
        assert 0.0 <= after <= before
        assert after < 1.0
    finally:
        source.close()


def test_x11_idle_after_close_answers_none(xvfb: str) -> None:
    source = X11Idle(xvfb)
    assert source.idle_seconds() is not None
    source.close()
    source.close()
    assert source.idle_seconds() is None


def test_x11_idle_uses_display_from_the_environment(
    xvfb: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("DISPLAY", xvfb)
    source = X11Idle()
    try:
        assert source.available, source.reason
    finally:
        source.close()


def test_x11_idle_without_display_is_unavailable_and_says_why(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    monkeypatch.delenv("DISPLAY", raising=False)
    with caplog.at_level(logging.INFO, logger="spinecoach.desktop"):
        source = X11Idle()
        assert source.idle_seconds() is None
        assert source.idle_seconds() is None
    assert not source.available
    assert source.reason == "there is no X display (DISPLAY is not set)"
    assert len(caplog.records) == 1


def test_x11_idle_with_a_bad_display_is_unavailable_and_names_it() -> None:
    source = X11Idle(":4093")
    assert not source.available
    assert ":4093" in source.reason
    assert source.idle_seconds() is None
    source.close()


# --- Detection ----------------------------------------------------------------------------------


def test_detect_on_wayland_uses_dbus_even_with_an_x_display(xvfb: str) -> None:
    environ = {"XDG_SESSION_TYPE": "wayland", "WAYLAND_DISPLAY": "wayland-0", "DISPLAY": xvfb}
    source = detect_idle_source("linux", environ, dbus_call=FakeBus({MUTTER: 3000}))
    assert isinstance(source, DBusIdle)
    assert source.idle_seconds() == pytest.approx(3.0)


def test_detect_on_wayland_without_dbus_never_falls_back_to_xwayland(xvfb: str) -> None:
    environ = {"WAYLAND_DISPLAY": "wayland-0", "DISPLAY": xvfb}
    source = detect_idle_source("linux", environ, dbus_call=FakeBus())
    assert isinstance(source, Unavailable)
    assert "X11" not in source.reason


def test_detect_on_x11_prefers_the_screen_saver_extension(xvfb: str) -> None:
    source = detect_idle_source("linux", {"DISPLAY": xvfb}, dbus_call=FakeBus({MUTTER: 3000}))
    assert isinstance(source, X11Idle)
    source.close()


def test_detect_on_x11_without_a_display_falls_back_to_dbus() -> None:
    source = detect_idle_source("linux", {}, dbus_call=FakeBus({SCREENSAVER: 3000}))
    assert isinstance(source, DBusIdle)


def test_detect_with_nothing_working_explains_every_attempt() -> None:
    source = detect_idle_source("linux", {"DISPLAY": ":4093"}, dbus_call=FakeBus())
    assert isinstance(source, Unavailable)
    assert not source.available
    assert source.idle_seconds() is None
    assert "X11 screen saver" in source.reason
    assert "D-Bus idle monitor" in source.reason


@pytest.mark.parametrize(
    ("platform", "provider"), [("win32", "Windows last input"), ("darwin", "macOS HID idle time")]
)
def test_detect_picks_the_platform_provider(platform: str, provider: str) -> None:
    if sys.platform == platform:
        pytest.skip("on that platform the provider works; this checks the choice elsewhere")
    bus = FakeBus({MUTTER: 3000})
    source = detect_idle_source(platform, {"DISPLAY": ":0"}, dbus_call=bus)
    assert isinstance(source, Unavailable)
    assert provider in source.reason
    assert bus.calls == []  # D-Bus belongs to Linux desktops; never asked here
