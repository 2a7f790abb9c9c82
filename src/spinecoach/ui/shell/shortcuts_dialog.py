"""Help > Keyboard shortcuts: every key SpineCoach has, grouped by where it works.

A table of sections and rows (keys, what they do) rather than a picture or a page of text: the
keyboard walks it row by row and a screen reader reads each cell with its column's title. The
rows come from where the keys are declared (the window's menus, `SESSION_KEYS`, `PAIN_KEYS`,
`CARD_KEYS`), so the list cannot drift from the keys.

Each table is English, marked for translation where it is declared, and translated here in its
own context: "KeyboardShortcutsDialog" for the tables below and `CARD_KEYS`, "MainWindow" for
`SESSION_KEYS`, "PainDialog" for `PAIN_KEYS`.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
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

from spinecoach.core.ui_text import QT_TRANSLATE_NOOP
from spinecoach.ui.care.pain_dialog import PAIN_KEYS
from spinecoach.ui.reminders.card_words import CARD_KEYS

#: Keys that work on any control (Qt's own).
MOVING_KEYS: tuple[tuple[str, str], ...] = (
    (
        QT_TRANSLATE_NOOP("KeyboardShortcutsDialog", "Tab, Shift+Tab"),
        QT_TRANSLATE_NOOP("KeyboardShortcutsDialog", "Move to the next or the previous control"),
    ),
    (
        QT_TRANSLATE_NOOP("KeyboardShortcutsDialog", "Space or Enter"),
        QT_TRANSLATE_NOOP(
            "KeyboardShortcutsDialog", "Press the focused button; Space also ticks a box"
        ),
    ),
    (
        QT_TRANSLATE_NOOP("KeyboardShortcutsDialog", "Arrow keys"),
        QT_TRANSLATE_NOOP(
            "KeyboardShortcutsDialog", "Move within a list, a row of choices or the pain scale"
        ),
    ),
    (
        QT_TRANSLATE_NOOP("KeyboardShortcutsDialog", "Alt"),
        QT_TRANSLATE_NOOP(
            "KeyboardShortcutsDialog", "Open the menu bar, then the arrow keys and Enter"
        ),
    ),
)

LIBRARY_KEYS: tuple[tuple[str, str], ...] = (
    (
        QT_TRANSLATE_NOOP("KeyboardShortcutsDialog", "Ctrl+F"),
        QT_TRANSLATE_NOOP("KeyboardShortcutsDialog", "Search the library"),
    ),
    (
        QT_TRANSLATE_NOOP("KeyboardShortcutsDialog", "Down arrow or Enter in the search box"),
        QT_TRANSLATE_NOOP("KeyboardShortcutsDialog", "Go to the results, on the best match"),
    ),
    (
        QT_TRANSLATE_NOOP("KeyboardShortcutsDialog", "Up arrow on the first result"),
        QT_TRANSLATE_NOOP("KeyboardShortcutsDialog", "Back to the search box"),
    ),
    (
        QT_TRANSLATE_NOOP("KeyboardShortcutsDialog", "Up and Down arrows"),
        QT_TRANSLATE_NOOP("KeyboardShortcutsDialog", "Choose a routine or an exercise in the list"),
    ),
    (
        QT_TRANSLATE_NOOP("KeyboardShortcutsDialog", "Enter"),
        QT_TRANSLATE_NOOP("KeyboardShortcutsDialog", "Start the routine or exercise chosen"),
    ),
    (
        QT_TRANSLATE_NOOP("KeyboardShortcutsDialog", "Ctrl+Z"),
        QT_TRANSLATE_NOOP("KeyboardShortcutsDialog", "Bring back the routine you just deleted"),
    ),
    (
        QT_TRANSLATE_NOOP("KeyboardShortcutsDialog", "Alt+Up, Alt+Down in the routine editor"),
        QT_TRANSLATE_NOOP("KeyboardShortcutsDialog", "Move the chosen exercise up or down"),
    ),
)


def translated(context: str, rows: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """`rows` of (keys, what they do) in the interface's language, from their `context`."""
    return [
        (QCoreApplication.translate(context, keys), QCoreApplication.translate(context, does))
        for keys, does in rows
    ]


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
            text = action.text().replace("&", "").rstrip("…").rstrip()  # "Einstellungen …"
            rows.append((keys.toString(QKeySequence.SequenceFormat.NativeText), text))
    return rows


def session_keys() -> list[tuple[str, str]]:
    """The player's keys, as the Session menu declares them, in the interface's language."""
    from spinecoach.ui.shell.session_keys import SESSION_KEYS, key_words

    rows = [(key_words(key.shown), key_words(key.does)) for key in SESSION_KEYS]
    rows.append(
        (
            QCoreApplication.translate("KeyboardShortcutsDialog", "Space on a player button"),
            QCoreApplication.translate(
                "KeyboardShortcutsDialog", "Presses that button, like Enter"
            ),
        )
    )
    return rows


class KeyboardShortcutsDialog(QDialog):
    """The list of keys; not modal, so it can stay open beside the window."""

    def __init__(self, window: QMainWindow, parent: QWidget | None = None) -> None:
        super().__init__(parent or window)
        self.setObjectName("shortcutsDialog")
        self.setWindowTitle(self.tr("Keyboard shortcuts"))
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        self.setMinimumSize(640, 520)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 16)
        title = QLabel(self.tr("Keyboard shortcuts"))
        title.setProperty("role", "title")
        layout.addWidget(title)
        intro = QLabel(
            self.tr(
                "Everything in SpineCoach can be done from the keyboard. While a session runs, "
                "its keys work anywhere in the window, except that letters type in a text box."
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        here = "KeyboardShortcutsDialog"
        self.sections: dict[str, list[tuple[str, str]]] = {
            self.tr("Anywhere"): [*translated(here, list(MOVING_KEYS)), *menu_keys(window)],
            self.tr("During a session, anywhere in the window"): session_keys(),
            self.tr("Library"): translated(here, list(LIBRARY_KEYS)),
            self.tr("The pain question"): translated("PainDialog", list(PAIN_KEYS)),
            self.tr("A reminder card"): translated(here, list(CARD_KEYS)),
        }
        self.table = QTableWidget()
        self.table.setObjectName("shortcutsList")
        self.table.setAccessibleName(self.tr("Keyboard shortcuts"))
        self.table.setColumnCount(2)
        self.table.setHorizontalHeaderLabels([self.tr("Keys"), self.tr("What they do")])
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
