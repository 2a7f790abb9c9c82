"""Interruption providers: fakes for every injected OS call, a real Xvfb, a real private bus."""

from __future__ import annotations

import logging
import shutil
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from PySide6.QtDBus import QDBus, QDBusConnection, QDBusMessage, QDBusVariant

from spinecoach.core.presence import Unavailable
from spinecoach.desktop._qtdbus import SessionBus
from spinecoach.desktop.interruptions import (
    DO_NOT_DISTURB,
    FULL_SCREEN,
    MACOS_REASON,
    CombinedInterruptions,
    GnomeDoNotDisturb,
    NotificationsInhibited,
    WindowsNotificationState,
    X11FullScreen,
    detect_interruption_source,
)
from tests.desktop.xclient import XClient

INHIBITED = (
    "org.freedesktop.Notifications",
    "/org/freedesktop/Notifications",
    "org.freedesktop.Notifications",
    "Inhibited",
)


@dataclass
class FakeProperties:
    """Answers D-Bus property reads from a table; anything else is unreadable (None)."""

    values: dict[tuple[str, str, str, str], object] = field(default_factory=dict)
    reads: int = 0

    def __call__(self, service: str, path: str, interface: str, name: str) -> object | None:
        self.reads += 1
        return self.values.get((service, path, interface, name))


@dataclass
class FakeSource:
    """An interruption source with a scripted answer that counts how often it was asked."""

    name: str
    answer: str | None = None
    available: bool = True
    reason: str = ""
    asked: int = 0
    closed: bool = False

    def interruption(self) -> str | None:
        self.asked += 1
        return self.answer

    def close(self) -> None:
        self.closed = True


# --- X11 full screen, against a real Xvfb -------------------------------------------------------


@pytest.fixture
def full_screen(xvfb: str) -> Iterator[X11FullScreen]:
    source = X11FullScreen(xvfb)
    yield source
    source.close()


def test_x11_with_no_active_window_reports_nothing(full_screen: X11FullScreen) -> None:
    # Xvfb has no window manager: nobody has set _NET_ACTIVE_WINDOW.
    assert full_screen.available, full_screen.reason
    assert full_screen.interruption() is None


def test_x11_sees_the_active_window_go_full_screen_and_back(
    full_screen: X11FullScreen, x_client: XClient
) -> None:
    window = x_client.create_window()
    x_client.activate(window)
    x_client.set_wm_state(window, ["_NET_WM_STATE_FULLSCREEN"])
    assert full_screen.interruption() == FULL_SCREEN
    x_client.set_wm_state(window, [])
    assert full_screen.interruption() is None


def test_x11_finds_full_screen_among_other_states(
    full_screen: X11FullScreen, x_client: XClient
) -> None:
    window = x_client.create_window()
    x_client.activate(window)
    x_client.set_wm_state(window, ["_NET_WM_STATE_MAXIMIZED_VERT", "_NET_WM_STATE_ABOVE"])
    assert full_screen.interruption() is None
    x_client.set_wm_state(
        window, ["_NET_WM_STATE_MAXIMIZED_VERT", "_NET_WM_STATE_FULLSCREEN", "_NET_WM_STATE_ABOVE"]
    )
    assert full_screen.interruption() == FULL_SCREEN


def test_x11_ignores_a_full_screen_window_that_is_not_active(
    full_screen: X11FullScreen, x_client: XClient
) -> None:
    video, editor = x_client.create_window(), x_client.create_window()
    x_client.set_wm_state(video, ["_NET_WM_STATE_FULLSCREEN"])
    x_client.activate(editor)
    assert full_screen.interruption() is None
    x_client.activate(video)
    assert full_screen.interruption() == FULL_SCREEN


def test_x11_survives_an_active_window_that_no_longer_exists(
    full_screen: X11FullScreen, x_client: XClient
) -> None:
    # Xlib's default handler would end the process on the BadWindow error this provokes.
    gone = x_client.create_window()
    x_client.set_wm_state(gone, ["_NET_WM_STATE_FULLSCREEN"])
    x_client.activate(gone)
    x_client.destroy_window(gone)
    assert full_screen.interruption() is None
    # And the connection still works afterwards.
    window = x_client.create_window()
    x_client.set_wm_state(window, ["_NET_WM_STATE_FULLSCREEN"])
    x_client.activate(window)
    assert full_screen.interruption() == FULL_SCREEN


def test_x11_after_close_answers_none(xvfb: str, x_client: XClient) -> None:
    source = X11FullScreen(xvfb)
    window = x_client.create_window()
    x_client.set_wm_state(window, ["_NET_WM_STATE_FULLSCREEN"])
    x_client.activate(window)
    assert source.interruption() == FULL_SCREEN
    source.close()
    source.close()
    assert source.interruption() is None


def test_x11_without_display_is_unavailable_and_says_why(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    monkeypatch.delenv("DISPLAY", raising=False)
    with caplog.at_level(logging.INFO, logger="spinecoach.desktop"):
        source = X11FullScreen()
        assert source.interruption() is None
        assert source.interruption() is None
    assert not source.available
    assert source.reason == "there is no X display (DISPLAY is not set)"
    assert len(caplog.records) == 1


def test_x11_with_a_bad_display_is_unavailable_and_names_it() -> None:
    source = X11FullScreen(":4093")
    assert not source.available
    assert ":4093" in source.reason
    assert source.interruption() is None


# --- Windows, with a fake shell query -----------------------------------------------------------


@pytest.mark.parametrize(
    ("state", "answer"),
    [
        (1, None),  # QUNS_NOT_PRESENT: locked; the idle source covers absence
        (2, FULL_SCREEN),  # QUNS_BUSY
        (3, "a full-screen game or video"),  # QUNS_RUNNING_D3D_FULL_SCREEN
        (4, "a presentation"),  # QUNS_PRESENTATION_MODE
        (5, None),  # QUNS_ACCEPTS_NOTIFICATIONS
        (6, "do not disturb (Windows quiet time)"),  # QUNS_QUIET_TIME
        (7, "a full-screen app"),  # QUNS_APP
        (None, None),  # the call failed
    ],
)
def test_windows_maps_notification_states(state: int | None, answer: str | None) -> None:
    source = WindowsNotificationState(query=lambda: state)
    assert source.available
    assert source.interruption() == answer


def test_windows_off_windows_is_unavailable_not_a_crash() -> None:
    if sys.platform == "win32":
        pytest.skip("checks the behaviour on other systems")
    source = WindowsNotificationState()
    assert not source.available
    assert "not Windows" in source.reason
    assert source.interruption() is None


# --- Notification server do-not-disturb ---------------------------------------------------------


def test_notifications_inhibited_follows_the_property() -> None:
    properties = FakeProperties({INHIBITED: False})
    source = NotificationsInhibited(properties)
    assert source.available
    assert source.interruption() is None
    properties.values[INHIBITED] = True
    assert source.interruption() == DO_NOT_DISTURB


def test_notifications_without_the_property_is_unavailable() -> None:
    properties = FakeProperties()
    source = NotificationsInhibited(properties)
    assert not source.available
    assert "do-not-disturb" in source.reason
    assert source.interruption() is None
    assert properties.reads == 1  # probed once, never asked again


def test_notifications_property_of_the_wrong_type_is_not_trusted() -> None:
    source = NotificationsInhibited(FakeProperties({INHIBITED: "true"}))
    assert not source.available


def test_notifications_answer_vanishing_later_means_not_busy() -> None:
    properties = FakeProperties({INHIBITED: True})
    source = NotificationsInhibited(properties)
    del properties.values[INHIBITED]
    assert source.interruption() is None


@pytest.fixture
def private_connection(session_bus: str) -> Iterator[QDBusConnection]:
    name = "spinecoach-test-interruptions"
    yield QDBusConnection.connectToBus(session_bus, name)
    QDBusConnection.disconnectFromBus(name)


def _set_inhibited(connection: QDBusConnection, value: bool) -> None:
    message = QDBusMessage.createMethodCall(
        INHIBITED[0], INHIBITED[1], "org.freedesktop.DBus.Properties", "Set"
    )
    message.setArguments([INHIBITED[2], INHIBITED[3], QDBusVariant(value)])
    reply = connection.call(message, QDBus.CallMode.Block, 2000)
    assert reply.type() == QDBusMessage.MessageType.ReplyMessage, reply.errorMessage()


def test_real_bus_reads_the_notification_server_do_not_disturb(
    fake_desktop: str, private_connection: QDBusConnection
) -> None:
    source = NotificationsInhibited(SessionBus(private_connection).get_property)
    assert source.available, source.reason
    assert source.interruption() == DO_NOT_DISTURB
    _set_inhibited(private_connection, False)
    assert source.interruption() is None


def test_real_bus_without_a_notification_server_is_unavailable(
    private_connection: QDBusConnection,
) -> None:
    assert private_connection.isConnected()
    source = NotificationsInhibited(SessionBus(private_connection).get_property)
    assert not source.available


# --- GNOME do-not-disturb -----------------------------------------------------------------------


@dataclass
class FakeSetting:
    value: str | None
    reads: int = 0

    def __call__(self) -> str | None:
        self.reads += 1
        return self.value


@pytest.mark.parametrize(
    ("show_banners", "answer"), [("false", DO_NOT_DISTURB), ("true", None), (None, None)]
)
def test_gnome_do_not_disturb_is_banners_off(show_banners: str | None, answer: str | None) -> None:
    source = GnomeDoNotDisturb(FakeSetting(show_banners))
    assert source.available
    assert source.interruption() == answer


def test_gnome_reads_the_setting_only_when_asked() -> None:
    setting = FakeSetting("false")
    source = GnomeDoNotDisturb(setting)
    assert setting.reads == 0
    source.interruption()
    assert setting.reads == 1


def test_gnome_without_gsettings_is_unavailable(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PATH", "/nonexistent")
    source = GnomeDoNotDisturb()
    assert not source.available
    assert source.reason == "gsettings is not installed"
    assert source.interruption() is None


def _gsettings_with_schema() -> str:
    gsettings = shutil.which("gsettings")
    if gsettings is None:
        pytest.skip("gsettings is not installed")
    probe = subprocess.run(
        [gsettings, "list-keys", "org.gnome.desktop.notifications"],
        capture_output=True,
        text=True,
        check=False,
        timeout=5,
    )
    if probe.returncode != 0 or "show-banners" not in probe.stdout.split():
        pytest.skip("the org.gnome.desktop.notifications schema is not installed")
    return gsettings


def test_gnome_reads_the_real_setting_with_gsettings(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    gsettings = _gsettings_with_schema()
    # The keyfile backend keeps settings in a file under the test's own XDG_CONFIG_HOME.
    monkeypatch.setenv("GSETTINGS_BACKEND", "keyfile")
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    source = GnomeDoNotDisturb()
    assert source.available, source.reason
    assert source.interruption() is None  # banners are on by default
    subprocess.run(
        [gsettings, "set", "org.gnome.desktop.notifications", "show-banners", "false"],
        check=True,
        capture_output=True,
        timeout=5,
    )
    assert source.interruption() == DO_NOT_DISTURB


# --- Combining sources --------------------------------------------------------------------------


def test_combined_returns_the_first_answer_in_order() -> None:
    first = FakeSource("full screen", answer=None)
    second = FakeSource("do not disturb", answer="do not disturb")
    third = FakeSource("other", answer="a presentation")
    combined = CombinedInterruptions([first, second, third])
    assert combined.interruption() == "do not disturb"
    assert (first.asked, second.asked, third.asked) == (1, 1, 0)


def test_combined_skips_unavailable_sources() -> None:
    broken = FakeSource("x11", answer="stale", available=False, reason="no display")
    working = FakeSource("dnd", answer=None)
    combined = CombinedInterruptions([broken, working])
    assert combined.available
    assert combined.reason == ""
    assert combined.name == "dnd"
    assert combined.interruption() is None
    assert broken.asked == 0


def test_combined_with_no_available_source_explains_each() -> None:
    combined = CombinedInterruptions(
        [
            FakeSource("x11", available=False, reason="no display"),
            FakeSource("dnd", available=False, reason="no server"),
        ]
    )
    assert not combined.available
    assert combined.reason == "x11: no display; dnd: no server"
    assert combined.interruption() is None


def test_combined_closes_its_sources() -> None:
    sources = [FakeSource("a"), FakeSource("b")]
    CombinedInterruptions(sources).close()
    assert all(source.closed for source in sources)


# --- Detection ----------------------------------------------------------------------------------


def _kinds(source: object) -> list[type]:
    assert isinstance(source, CombinedInterruptions)
    return [type(part) for part in source.sources]


def test_detect_on_gnome_x11_combines_all_three(xvfb: str) -> None:
    environ = {"DISPLAY": xvfb, "XDG_CURRENT_DESKTOP": "ubuntu:GNOME"}
    source = detect_interruption_source(
        "linux",
        environ,
        dbus_get_property=FakeProperties(),
        read_show_banners=FakeSetting("false"),
    )
    try:
        assert _kinds(source) == [X11FullScreen, NotificationsInhibited, GnomeDoNotDisturb]
        assert source.available
        assert source.interruption() == DO_NOT_DISTURB
    finally:
        assert isinstance(source, CombinedInterruptions)
        source.close()


def test_detect_on_wayland_leaves_out_the_x11_check(xvfb: str) -> None:
    environ = {"XDG_SESSION_TYPE": "wayland", "DISPLAY": xvfb, "XDG_CURRENT_DESKTOP": "GNOME"}
    source = detect_interruption_source(
        "linux", environ, dbus_get_property=FakeProperties(), read_show_banners=FakeSetting("true")
    )
    assert _kinds(source) == [NotificationsInhibited, GnomeDoNotDisturb]


def test_detect_on_kde_asks_the_notification_server_not_gnome() -> None:
    environ = {"XDG_SESSION_TYPE": "wayland", "XDG_CURRENT_DESKTOP": "KDE"}
    setting = FakeSetting("false")
    source = detect_interruption_source(
        "linux",
        environ,
        dbus_get_property=FakeProperties({INHIBITED: True}),
        read_show_banners=setting,
    )
    assert _kinds(source) == [NotificationsInhibited]
    assert source.interruption() == DO_NOT_DISTURB
    assert setting.reads == 0


def test_detect_with_nothing_working_is_unavailable_with_reasons() -> None:
    source = detect_interruption_source(
        "linux", {"XDG_CURRENT_DESKTOP": "XFCE"}, dbus_get_property=FakeProperties()
    )
    assert isinstance(source, Unavailable)
    assert "X11 full-screen window" in source.reason
    assert "notification server" in source.reason
    assert source.interruption() is None


def test_detect_on_macos_is_honestly_unavailable() -> None:
    source = detect_interruption_source("darwin", {})
    assert isinstance(source, Unavailable)
    assert source.reason == MACOS_REASON


def test_detect_on_windows_asks_the_shell() -> None:
    if sys.platform == "win32":
        pytest.skip("on Windows the shell answers; this checks the choice elsewhere")
    properties = FakeProperties({INHIBITED: True})
    source = detect_interruption_source("win32", {}, dbus_get_property=properties)
    assert isinstance(source, Unavailable)
    assert "Windows notification state" in source.reason
    assert properties.reads == 0
