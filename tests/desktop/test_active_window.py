"""Apps and windows of your choice: matching with fakes, X11 on a real Xvfb, user32 faked."""

from __future__ import annotations

import ctypes
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field

import pytest

from spinecoach.core.presence import WindowMatchSource
from spinecoach.desktop._xlib import XDisplay
from spinecoach.desktop.active_window import (
    MACOS_WINDOW_REASON,
    WAYLAND_WINDOW_REASON,
    ActiveWindow,
    ActiveWindowMatch,
    WindowsForegroundWindow,
    X11ActiveWindow,
    detect_active_window_source,
)
from tests.desktop.xclient import XClient

ZOOM = ActiveWindow(("zoom", "zoom"), "Zoom Meeting")
IMPRESS = ActiveWindow(("libreoffice", "libreoffice-impress"), "talk.odp - LibreOffice Impress")
EDITOR = ActiveWindow(("code", "Code"), "notes.md - Visual Studio Code")


@dataclass
class FakeReader:
    """A window in front chosen by the test; counts how often it was asked."""

    window: ActiveWindow | None = None
    failure: Exception | None = None
    asked: int = 0
    closed: bool = False

    def active_window(self) -> ActiveWindow | None:
        self.asked += 1
        if self.failure is not None:
            raise self.failure
        return self.window

    def close(self) -> None:
        self.closed = True


# --- Matching -----------------------------------------------------------------------------------


def test_answers_the_name_as_typed_while_its_window_is_in_front() -> None:
    reader = FakeReader(EDITOR)
    source = ActiveWindowMatch(["  Zoom ", "Impress"], reader)
    assert source.available, source.reason
    assert source.name == "apps and windows of your choice"
    assert source.interruption() is None
    reader.window = ZOOM
    assert source.interruption() == "Zoom"
    reader.window = IMPRESS
    assert source.interruption() == "Impress"


def test_matches_the_class_or_the_title_ignoring_case() -> None:
    by_class = ActiveWindow(("Navigator", "firefox"), "Weekly stand-up")
    by_title = ActiveWindow(("chromium",), "Meet - Weekly stand-up")
    assert ActiveWindowMatch(["FIREFOX"], FakeReader(by_class)).interruption() == "FIREFOX"
    assert ActiveWindowMatch(["meet"], FakeReader(by_title)).interruption() == "meet"
    assert ActiveWindowMatch(["meet"], FakeReader(by_class)).interruption() is None


def test_a_name_may_be_part_of_a_class_or_title() -> None:
    source = ActiveWindowMatch(["office"], FakeReader(IMPRESS))
    assert source.interruption() == "office"


def test_the_first_matching_name_in_the_list_wins() -> None:
    source = ActiveWindowMatch(["impress", "libreoffice"], FakeReader(IMPRESS))
    assert source.interruption() == "impress"


def test_empty_names_are_left_out() -> None:
    reader = FakeReader(ZOOM)
    source = ActiveWindowMatch(["", "   ", "\t"], reader)
    assert source.patterns == ()
    assert source.interruption() is None
    assert reader.asked == 0  # nothing to match: the window is not even read


def test_set_patterns_replaces_the_names_while_running() -> None:
    reader = FakeReader(ZOOM)
    source = ActiveWindowMatch([], reader)
    assert source.available
    assert source.interruption() is None
    source.set_patterns(("teams", "zoom "))
    assert source.patterns == ("teams", "zoom")
    assert source.interruption() == "zoom"
    source.set_patterns(())
    assert source.interruption() is None
    assert source.available


def test_no_window_in_front_means_not_busy() -> None:
    assert ActiveWindowMatch(["zoom"], FakeReader(None)).interruption() is None


def test_a_window_without_class_or_title_matches_nothing() -> None:
    assert ActiveWindowMatch(["zoom"], FakeReader(ActiveWindow((), ""))).interruption() is None


def test_a_failing_reader_means_not_busy_never_an_exception() -> None:
    source = ActiveWindowMatch(["zoom"], FakeReader(ZOOM, failure=OSError("gone")))
    assert source.interruption() is None


def test_without_a_reader_it_is_unavailable_and_keeps_its_names() -> None:
    source = ActiveWindowMatch(["zoom"], reason=WAYLAND_WINDOW_REASON)
    assert not source.available
    assert source.reason == "Wayland does not let SpineCoach see which window is in front"
    source.set_patterns(["teams"])
    assert source.patterns == ("teams",)
    assert source.interruption() is None


def test_is_the_window_match_source_the_reminders_expect() -> None:
    source: WindowMatchSource = ActiveWindowMatch(["zoom"], FakeReader(ZOOM))
    assert source.interruption() == "zoom"


def test_close_closes_the_reader() -> None:
    reader = FakeReader(ZOOM)
    ActiveWindowMatch(["zoom"], reader).close()
    assert reader.closed


# --- X11, against a real Xvfb ------------------------------------------------------------------

_XA_STRING = 31


class TextXClient(XClient):
    """The test's X client, also setting the text properties a program sets on its window."""

    def set_text(self, window: int, prop: str, value: bytes, kind: str = "STRING") -> None:
        kind_atom = _XA_STRING if kind == "STRING" else self.atom(kind)
        data = ctypes.create_string_buffer(value, len(value))
        self._x11.XChangeProperty(
            self._display, window, self.atom(prop), kind_atom, 8, 0, data, len(value)
        )
        self._x11.XSync(self._display, 0)

    def program_window(self, instance: str, class_name: str, title: str) -> int:
        """A window as a program names it: WM_CLASS and both titles."""
        window = self.create_window()
        wm_class = instance.encode("latin-1") + b"\0" + class_name.encode("latin-1") + b"\0"
        self.set_text(window, "WM_CLASS", wm_class)
        self.set_text(window, "_NET_WM_NAME", title.encode(), "UTF8_STRING")
        self.set_text(window, "WM_NAME", title.encode("latin-1", "replace"))
        return window


@pytest.fixture
def programs(xvfb: str) -> Iterator[TextXClient]:
    client = TextXClient(xvfb)
    yield client
    client.forget_active_window()
    client.close()


@pytest.fixture
def x11_reader(xvfb: str) -> Iterator[X11ActiveWindow]:
    reader = X11ActiveWindow(xvfb)
    yield reader
    reader.close()


def test_x11_reads_the_class_and_title_of_the_active_window(
    x11_reader: X11ActiveWindow, programs: TextXClient
) -> None:
    assert x11_reader.active_window() is None  # no window manager has named one yet
    window = programs.program_window("zoom", "zoom", "Zoom Meeting – Café")
    programs.activate(window)
    assert x11_reader.active_window() == ActiveWindow(("zoom", "zoom"), "Zoom Meeting – Café")


def test_x11_falls_back_to_wm_name(x11_reader: X11ActiveWindow, programs: TextXClient) -> None:
    window = programs.create_window()
    programs.set_text(window, "WM_NAME", "Präsentation".encode("latin-1"))
    programs.activate(window)
    assert x11_reader.active_window() == ActiveWindow((), "Präsentation")


def test_x11_matches_and_follows_the_active_window(xvfb: str, programs: TextXClient) -> None:
    source = detect_active_window_source(["Impress", "zoom"], "linux", {"DISPLAY": xvfb})
    try:
        assert source.available, source.reason
        impress = programs.program_window("libreoffice", "libreoffice-impress", "talk.odp")
        editor = programs.program_window("code", "Code", "notes.md - Visual Studio Code")
        programs.activate(impress)
        assert source.interruption() == "Impress"
        programs.activate(editor)
        assert source.interruption() is None
    finally:
        source.close()
    assert source.interruption() is None  # closed: cannot tell


def test_x11_survives_an_active_window_that_no_longer_exists(
    x11_reader: X11ActiveWindow, programs: TextXClient
) -> None:
    gone = programs.program_window("zoom", "zoom", "Zoom")
    programs.activate(gone)
    programs.destroy_window(gone)
    assert x11_reader.active_window() == ActiveWindow((), "")
    window = programs.program_window("zoom", "zoom", "Zoom")
    programs.activate(window)
    assert x11_reader.active_window() == ActiveWindow(("zoom", "zoom"), "Zoom")


def test_x11_text_and_id_properties_do_not_mix(xvfb: str, programs: TextXClient) -> None:
    window = programs.program_window("zoom", "zoom", "Zoom")
    programs.set_wm_state(window, ["_NET_WM_STATE_FULLSCREEN"])
    display = XDisplay(xvfb)
    try:
        wm_class, state = display.intern_atom("WM_CLASS"), display.intern_atom("_NET_WM_STATE")
        assert display.window_bytes(window, wm_class) == b"zoom\0zoom\0"
        assert display.window_bytes(window, wm_class, max_bytes=3) == b"zoo"
        assert display.window_bytes(window, state) is None
        assert display.window_property(window, wm_class, 4) is None
        assert display.window_property(window, state, 4) == [
            display.intern_atom("_NET_WM_STATE_FULLSCREEN")
        ]
    finally:
        display.close()


# --- Windows, with a fake user32 ---------------------------------------------------------------


@dataclass
class FakeUser32:
    """GetForegroundWindow, GetWindowTextW and GetClassNameW over a table of windows."""

    foreground: int = 0
    windows: dict[int, tuple[str, str]] = field(default_factory=dict)

    def GetForegroundWindow(self) -> int:
        return self.foreground

    def GetWindowTextW(self, window: int, buffer: ctypes.Array[ctypes.c_wchar], size: int) -> int:
        return self._copy(self.windows[window][1], buffer, size)

    def GetClassNameW(self, window: int, buffer: ctypes.Array[ctypes.c_wchar], size: int) -> int:
        return self._copy(self.windows[window][0], buffer, size)

    @staticmethod
    def _copy(text: str, buffer: ctypes.Array[ctypes.c_wchar], size: int) -> int:
        buffer.value = text[: size - 1]
        return len(buffer.value)


def test_windows_reads_the_foreground_window() -> None:
    user32 = FakeUser32(windows={7: ("ZPContentViewWndClass", "Zoom Meeting")})
    reader = WindowsForegroundWindow(user32)
    assert reader.active_window() is None
    user32.foreground = 7
    assert reader.active_window() == ActiveWindow(("ZPContentViewWndClass",), "Zoom Meeting")


def test_windows_matches_teams_by_its_title() -> None:
    user32 = FakeUser32(9, {9: ("Chrome_WidgetWin_1", "Stand-up | Microsoft Teams")})
    source = detect_active_window_source(["teams"], "win32", {}, user32=user32)
    assert source.available
    assert source.interruption() == "teams"


def test_windows_cuts_a_very_long_title() -> None:
    user32 = FakeUser32(3, {3: ("Notepad", "x" * 2000)})
    window = WindowsForegroundWindow(user32).active_window()
    assert window is not None
    assert len(window.title) == 511


# --- Detection ----------------------------------------------------------------------------------


def test_detect_on_wayland_says_why() -> None:
    for environ in ({"XDG_SESSION_TYPE": "wayland", "DISPLAY": ":0"}, {"WAYLAND_DISPLAY": "w"}):
        source = detect_active_window_source(["zoom"], "linux", environ)
        assert not source.available
        assert source.reason == WAYLAND_WINDOW_REASON
        assert source.patterns == ("zoom",)


def test_detect_on_macos_says_why() -> None:
    source = detect_active_window_source(["zoom"], "darwin", {})
    assert source.reason == MACOS_WINDOW_REASON
    assert source.reason == "SpineCoach cannot yet tell on macOS which window is in front"
    assert source.interruption() is None


def test_detect_without_a_display_says_why() -> None:
    source = detect_active_window_source([], "linux", {})
    assert source.reason == "there is no X display (DISPLAY is not set)"


def test_detect_with_a_bad_display_names_it() -> None:
    source = detect_active_window_source([], "linux", {"DISPLAY": ":4093"})
    assert not source.available
    assert ":4093" in source.reason


def test_detect_windows_off_windows_says_why() -> None:
    if sys.platform == "win32":
        pytest.skip("checks the behaviour on other systems")
    source = detect_active_window_source(["zoom"], "win32", {})
    assert source.reason == "this is not Windows (no user32.dll)"
    assert source.interruption() is None
