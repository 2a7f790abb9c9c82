"""The name, availability and reason every desktop provider carries.

A provider decides once, when it is built, whether it can work on this machine; from then on
`available` and `reason` never change. Deciding once keeps the calls that follow cheap (no
library loading, no probing per call) and lets the settings dialog explain a missing feature.

A reason is kept in English (the log's language) and given in the interface's language: a
reason written as a sentence is marked `QT_TRANSLATE_NOOP("Desktop", ...)` where it is given up
with, and `reason` looks it up; one that carries values or a system's error message stays as
it is.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication

__all__ = ["ProviderStatus", "provider_name"]

_log = logging.getLogger("spinecoach.desktop")


def provider_name(name: str) -> str:
    """A provider's name (English, for the log) as the settings dialog shows it."""
    return QCoreApplication.translate("Desktop", name)


class ProviderStatus:
    """Availability bookkeeping shared by the providers: set once, logged once."""

    def __init__(self, name: str) -> None:
        self._name = name
        self._reason = ""

    @property
    def name(self) -> str:
        """A short name for logs and settings."""
        return self._name

    @property
    def available(self) -> bool:
        """Whether the provider can answer on this machine at all."""
        return not self._reason

    @property
    def reason(self) -> str:
        """Why it cannot answer, in words a person understands; empty when available."""
        return QCoreApplication.translate("Desktop", self._reason) if self._reason else ""

    def _give_up(self, reason: str) -> None:
        """Mark the provider unavailable for good and say why, once, in the log.

        INFO rather than WARNING: most providers are meant for another desktop than the one
        running (X11 on Wayland, IOKit on Linux), so their absence is normal, not a fault.
        """
        self._reason = reason
        _log.info("%s is unavailable: %s", self._name, reason)
