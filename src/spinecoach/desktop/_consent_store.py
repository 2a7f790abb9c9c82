r"""The record Windows keeps of camera and microphone use, for its privacy settings.

`HKEY_CURRENT_USER\Software\Microsoft\Windows\CurrentVersion\CapabilityAccessManager\
ConsentStore` holds a key per capability (`webcam`, `microphone`); under it a key per packaged
app, and under `NonPackaged` a key per other program named by its path (`\` written `#`), each
with `LastUsedTimeStart` and `LastUsedTimeStop` (FILETIMEs, 0 when never). The store is read
through the small `ConsentStore` interface so tests run anywhere with a fake tree.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from typing import Protocol

__all__ = ["CAPABILITIES", "ConsentStore", "WinRegConsentStore", "app_keys", "filetime", "in_use"]

CAPABILITIES = ("webcam", "microphone")
_ROOT = r"Software\Microsoft\Windows\CurrentVersion\CapabilityAccessManager\ConsentStore"
_FILETIME_EPOCH_S = 11_644_473_600  # from 1601-01-01 to 1970-01-01


class ConsentStore(Protocol):
    """Read access to the consent store (tests: a fake registry tree)."""

    def subkeys(self, path: str) -> list[str]:
        """The subkey names under `path` (relative to the store; "" is the store); [] if none."""
        ...

    def qword(self, path: str, name: str) -> int | None:
        """A REG_QWORD value of the key at `path`, or None when it is missing."""
        ...


def _join(*parts: str) -> str:
    return "\\".join(part for part in parts if part)


class WinRegConsentStore:
    """The real store, through winreg; every missing key or value reads as absent."""

    def subkeys(self, path: str) -> list[str]:
        """The subkeys of HKCU's store key `path`; [] when missing or not on Windows."""
        if sys.platform != "win32":
            return []
        import winreg

        try:
            with winreg.OpenKey(winreg.HKEY_CURRENT_USER, _join(_ROOT, path)) as key:
                count = winreg.QueryInfoKey(key)[0]
                return [winreg.EnumKey(key, index) for index in range(count)]
        except OSError:
            return []

    def qword(self, path: str, name: str) -> int | None:
        """A REG_QWORD of HKCU's store key `path`; None when missing or of another type."""
        if sys.platform != "win32":
            return None
        import winreg

        try:
            with winreg.OpenKey(winreg.HKEY_CURRENT_USER, _join(_ROOT, path)) as key:
                value, kind = winreg.QueryValueEx(key, name)
        except OSError:
            return None
        return value if kind == winreg.REG_QWORD and isinstance(value, int) else None


def filetime(seconds: float) -> int:
    """A POSIX time as a Windows FILETIME (100-ns steps since 1601)."""
    return int((seconds + _FILETIME_EPOCH_S) * 10_000_000)


def app_keys(store: ConsentStore, own_executable: str) -> Iterator[str]:
    """Every program's key under each capability, except `own_executable`'s."""
    own = own_executable.replace("\\", "#").casefold()
    for capability in CAPABILITIES:
        for name in store.subkeys(capability):
            if name != "NonPackaged":
                yield _join(capability, name)
        non_packaged = _join(capability, "NonPackaged")
        for name in store.subkeys(non_packaged):
            if name.casefold() != own:
                yield _join(non_packaged, name)


def in_use(store: ConsentStore, key: str, oldest: int) -> bool:
    """A use started after `oldest` (a FILETIME) and not stopped since (stop 0: none yet)."""
    start = store.qword(key, "LastUsedTimeStart") or 0
    stop = store.qword(key, "LastUsedTimeStop") or 0
    return start > oldest and (stop == 0 or start > stop)
