"""An area whose real content is built just after the window first appears.

The Library pane needs a dozen widget types, an SVG renderer and the whole library parsed;
building it before the first paint made the window appear ~2x later than a bare window. The
shell (sidebar, menus) paints first and the pane follows in the next turn of the event loop,
which a person sees as the list filling in a moment after the window opens.
"""

from __future__ import annotations

import linecache
from collections.abc import Callable
from typing import Generic, TypeVar

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QVBoxLayout, QWidget

W = TypeVar("W", bound=QWidget)


class DeferredArea(QWidget, Generic[W]):
    """Holds the place of a widget until `build()` creates it.

    Typed by what it builds (`DeferredArea[LibraryPane]`), so whoever asks for the content gets
    it as what it is, without checking whether or what it was built.

    Signals:
        built(QWidget): the real content now exists (emitted once).
    """

    built = Signal(QWidget)

    def __init__(
        self,
        factory: Callable[[QWidget | None], W],
        accessible_name: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setAccessibleName(accessible_name)
        self._factory = factory
        self._content: W | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)

    @property
    def is_built(self) -> bool:
        """Whether the real content exists yet."""
        return self._content is not None

    def build(self) -> W:
        """Create the content if needed and return it; safe to call any number of times.

        On screen, the factory gets this placeholder as the parent of what it builds: made
        inside the styled window, the content is styled once, at its real size. Made alone and
        moved in, it was styled again on the way, and the Library list laid out every row for
        a new widget's default width first (~5 ms before the list showed, issue 12). Off screen
        (a window not shown yet) the placeholder has no real size to give, so the content is
        made alone, at a new widget's default size, and its splitters share as designed.
        """
        if self._content is None:
            self._content = self._factory(self if self.isVisible() else None)
            layout = self.layout()
            assert layout is not None
            layout.addWidget(self._content)
            self.built.emit(self._content)
            # PySide6's import hook left the source of every module the area imported in
            # linecache (see app.startup.settle_memory): megabytes nobody reads.
            linecache.clearcache()
        return self._content
