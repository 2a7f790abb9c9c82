"""Moving between the Library's search box and its list with the arrow keys.

Down (or Page Down) in the search box moves into the results, Up on the first result goes back
to the search box: the list and the box it filters read as one control, from the keyboard too.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent

if TYPE_CHECKING:
    from spinecoach.ui.library.pane import LibraryPane

_PLAIN = (Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.KeypadModifier)


class SearchKeys(QObject):
    """Down (or Enter) in the search box moves into the results; Up on the first goes back."""

    def __init__(self, pane: LibraryPane) -> None:
        super().__init__(pane)
        self._pane = pane

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Qt override."""
        kind = event.type()
        if kind not in (QEvent.Type.KeyPress, QEvent.Type.ShortcutOverride):
            return False
        if not isinstance(event, QKeyEvent) or event.modifiers() not in _PLAIN:
            return False
        pane = self._pane
        key = event.key()
        if watched is pane.search and key in (Qt.Key.Key_Down, Qt.Key.Key_PageDown):
            if kind == QEvent.Type.ShortcutOverride:
                event.accept()  # the search box's, before any window shortcut
                return False
            return pane.focus_results()
        if watched is pane.list and key == Qt.Key.Key_Up and pane.at_first_result():
            if kind == QEvent.Type.ShortcutOverride:
                event.accept()
                return False
            pane.focus_search(select=False)
            return True
        return False
