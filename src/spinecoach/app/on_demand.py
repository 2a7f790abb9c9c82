"""A part built the first time someone needs it, which others can wait for without building it.

The main window is one (issue 18): started in the tray, SpineCoach may run all day without the
window ever opening, and building it (and importing what it needs) kept ~5 MB resident for
nothing. The tray, the reminders and the restart-in-tray watch connect to the window *when it
is built* (`when_built`) and look at it only *if it is built* (`if_built`); whoever must show
it (opening it from the tray, a second launch, a dialog) asks for it (`get`).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Generic, TypeVar

T = TypeVar("T")


class OnDemand(Generic[T]):
    """Holds one `T`, built by `build` at the first `get()`."""

    def __init__(self, build: Callable[[], T]) -> None:
        self._build = build
        self._built: T | None = None
        self._building = False
        self._waiting: list[Callable[[T], object]] = []

    @property
    def is_built(self) -> bool:
        """Whether the part exists yet."""
        return self._built is not None

    def get(self) -> T:
        """The part, built now if it was not yet; then those waiting for it hear of it."""
        if self._built is None:
            if self._building:
                raise RuntimeError("the part was asked for while it was being built")
            self._building = True
            try:
                self._built = self._build()
            finally:
                self._building = False
            waiting, self._waiting = self._waiting, []
            for callback in waiting:
                callback(self._built)
        return self._built

    def if_built(self) -> T | None:
        """The part if it exists, else None (never builds it)."""
        return self._built

    def when_built(self, callback: Callable[[T], object]) -> None:
        """Call `callback` with the part once it exists (now, if it already does)."""
        if self._built is not None:
            callback(self._built)
        else:
            self._waiting.append(callback)
