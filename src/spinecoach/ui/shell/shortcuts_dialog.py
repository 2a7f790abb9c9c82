"""Help > Keyboard shortcuts: every key SpineCoach has, grouped by where it works.

A table of sections and rows (keys, what they do) rather than a picture or a page of text: the
keyboard walks it row by row and a screen reader reads each cell with its column's title. The
rows come from where the keys are declared (the window's menus, `SESSION_KEYS`, `PAIN_KEYS`,
`CARD_KEYS`), so the list cannot drift from the keys.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QMainWindow,
    QMenu,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from spinecoach.ui.care.pain_dialog import PAIN_KEYS
from spinecoach.ui.reminders.popup import CARD_KEYS

#: Keys that work on any control (Qt's own).
MOVING_KEYS: tuple[tuple[str, str], ...] = (
    ("Tab, Shift+Tab", "Move to the next or the previous control"),
    ("Space or Enter", "Press the focused button; Space also ticks a box"),
    ("Arrow keys", "Move within a list, a row of choices or the pain scale"),
    ("Alt", "Open the menu bar, then the arrow keys and Enter"),
)

LIBRARY_KEYS: tuple[tuple[str, str], ...] = (
    ("Ctrl+F", "Search the library"),
    ("Up and Down arrows", "Choose a routine or an exercise in the list"),
    ("Enter", "Start the routine or exercise chosen"),
)


def menu_keys(window: QMainWindow) -> list[tuple[str, str]]:
    """Every menu entry with a key, outside the Session menu, as (keys, what it does)."""
    rows: list[tuple[str, str]] = []
    for menu_action in window.menuBar().actions():
        menu = menu_action.menu()
        if not isinstance(menu, QMenu) or menu.objectName() == "sessionMenu":
            continue
        for action in menu.actions():
            keys = action.shortcut()
            if keys.isEmpty():
                continue
            text = action.text().replace("&", "").rstrip("…")
            rows.append((keys.toString(QKeySequence.SequenceFormat.NativeText), text))
    return rows


def session_keys() -> list[tuple[str, str]]:
    """The player's keys, as the Session menu declares them."""
    from spinecoach.ui.shell.main_window import SESSION_KEYS

    rows = [(key.shown, key.does) for key in SESSION_KEYS]
    rows.append(("Space on a player button", "Presses that button, like Enter"))
    return rows


class KeyboardShortcutsDialog(QDialog):
    """The list of keys; not modal, so it can stay open beside the window."""

    def __init__(self, window: QMainWindow, parent: QWidget | None = None) -> None:
        super().__init__(parent or window)
        self.setObjectName("shortcutsDialog")
        self.setWindowTitle("Keyboard shortcuts")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        self.setMinimumSize(640, 520)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 16)
        title = QLabel("Keyboard shortcuts")
        title.setProperty("role", "title")
        layout.addWidget(title)
        intro = QLabel(
            "Everything in SpineCoach can be done from the keyboard. While a session runs, its "
            "keys work anywhere in the window, except that letters type in a text box."
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.sections: dict[str, list[tuple[str, str]]] = {
            "Anywhere": [*MOVING_KEYS, *menu_keys(window)],
            "During a session, anywhere in the window": session_keys(),
            "Library": list(LIBRARY_KEYS),
            "The pain question": list(PAIN_KEYS),
            "A reminder card": list(CARD_KEYS),
        }
        self.table = QTableWidget()
        self.table.setObjectName("shortcutsList")
        self.table.setAccessibleName("Keyboard shortcuts")
        self.table.setColumnCount(2)
        self.table.setHorizontalHeaderLabels(["Keys", "What they do"])
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setShowGrid(False)
        self.table.setWordWrap(True)  # long rows wrap rather than end in "…"
        self.table.setTextElideMode(Qt.TextElideMode.ElideNone)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.setColumnWidth(0, self.fontMetrics().averageCharWidth() * 28)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        for section, rows in self.sections.items():
            heading = QTableWidgetItem(section)
            font = heading.font()
            font.setBold(True)
            heading.setFont(font)
            at = self.table.rowCount()
            self.table.insertRow(at)
            self.table.setItem(at, 0, heading)
            self.table.setSpan(at, 0, 1, 2)
            for keys, does in rows:
                at = self.table.rowCount()
                self.table.insertRow(at)
                self.table.setItem(at, 0, QTableWidgetItem(keys))
                self.table.setItem(at, 1, QTableWidgetItem(does))
        self.table.setCurrentCell(1, 0)
        layout.addWidget(self.table, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.table.setFocus()
