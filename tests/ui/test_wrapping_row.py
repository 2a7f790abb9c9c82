"""The wrapping row of buttons: left to right, wrapping like words; the pushed ones at the right."""

from __future__ import annotations

from PySide6.QtWidgets import QPushButton, QWidget
from pytestqt.qtbot import QtBot

from spinecoach.ui.widgets.reflow import WrappingRow


def row_of(qtbot: QtBot, width: int) -> tuple[QWidget, dict[str, QPushButton]]:
    """The row in a window `width` wide, and its buttons by name (keep the window)."""
    host = QWidget()
    qtbot.addWidget(host)
    row = WrappingRow(host, spacing=10)
    buttons = {}
    for name in ("Back", "Pause", "Skip", "push", "Stop", "This hurts"):
        if name == "push":
            row.add_push()
            continue
        buttons[name] = QPushButton(name)
        buttons[name].setFixedWidth(100)
        row.addWidget(buttons[name])
    host.resize(width, row.heightForWidth(width))
    host.show()
    qtbot.waitExposed(host)
    return host, buttons


def test_one_line_when_there_is_room_with_the_pushed_buttons_at_the_right(qtbot: QtBot) -> None:
    _host, buttons = row_of(qtbot, 700)
    assert {b.y() for b in buttons.values()} == {0}
    assert buttons["Back"].x() == 0
    assert buttons["This hurts"].geometry().right() == 699
    assert buttons["Stop"].x() == 700 - 210


def test_a_line_wholly_after_the_push_stays_at_the_right(qtbot: QtBot) -> None:
    # 430 px: Back, Pause, Skip on the first line, Stop at its right end; "This hurts" alone on
    # the second line, at the right too (it is one of the pushed), not back at the left.
    _host, buttons = row_of(qtbot, 430)
    assert buttons["Stop"].y() == buttons["Back"].y() == 0
    assert buttons["This hurts"].y() > 0
    assert buttons["This hurts"].geometry().right() == 429
