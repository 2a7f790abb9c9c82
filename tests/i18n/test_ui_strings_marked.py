"""No English sentence reaches a Qt text call without going through Qt's translation system.

A static walk over the interface's source: a call that puts text on screen (a label, a button,
a title, a tooltip, an accessible name, a message box, an announcement) must not be given a
plain string literal or an f-string; it is given `self.tr(...)`, `QCoreApplication.translate(
context, ...)` or a variable. lupdate only finds what is marked, so an unmarked literal would
stay English in every language without anyone noticing.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import pytest

SOURCE = Path(__file__).resolve().parents[2] / "src" / "spinecoach"
#: Where the interface's words are written (the core's are `core.messages`, checked elsewhere).
SHOWN_BY_QT = ("ui", "app", "sound", "desktop/notifications.py")

#: Calls and constructors that show their text arguments to a person.
TEXT_CALLS = frozenset(
    {
        "setText",
        "setWindowTitle",
        "setToolTip",
        "setStatusTip",
        "setWhatsThis",
        "setPlaceholderText",
        "setAccessibleName",
        "setAccessibleDescription",
        "setTitle",
        "setLabelText",
        "setInformativeText",
        "setDetailedText",
        "setSuffix",
        "setPrefix",
        "setSpecialValueText",
        "setTabText",
        "addTab",
        "addAction",
        "addMenu",
        "addItem",
        "addItems",
        "addButton",
        "addRow",
        "showMessage",
        "announce",
        "information",
        "warning",
        "critical",
        "question",
        "QLabel",
        "QPushButton",
        "QCheckBox",
        "QRadioButton",
        "QGroupBox",
        "QAction",
        "QToolButton",
        "QMenu",
        "QCommandLinkButton",
    }
)


def _is_words(node: ast.expr) -> bool:
    """A literal with at least one letter in it (not "", "·" or "%"), or an f-string."""
    if isinstance(node, ast.JoinedStr):
        return any(
            isinstance(part, ast.Constant) and any(c.isalpha() for c in str(part.value))
            for part in node.values
        )
    return (
        isinstance(node, ast.Constant)
        and isinstance(node.value, str)
        and any(character.isalpha() for character in node.value)
    )


#: Names that are message boxes on `QMessageBox` but log calls on a logger.
MESSAGE_BOX_CALLS = frozenset({"information", "warning", "critical", "question"})


def _call_name(call: ast.Call) -> str:
    function = call.func
    if isinstance(function, ast.Attribute):
        if function.attr in MESSAGE_BOX_CALLS:
            owner = function.value
            return function.attr if getattr(owner, "id", "") == "QMessageBox" else ""
        return function.attr
    if isinstance(function, ast.Name):
        return function.id
    return ""


def _files() -> Iterator[Path]:
    for place in SHOWN_BY_QT:
        path = SOURCE / place
        yield from [path] if path.is_file() else sorted(path.rglob("*.py"))


def unmarked_texts(path: Path, root: Path = SOURCE) -> list[str]:
    """Each `file:line: call(...)` in `path` that shows an unmarked literal, in line order."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and _call_name(node) in TEXT_CALLS:
            for argument in [*node.args, *(keyword.value for keyword in node.keywords)]:
                if _is_words(argument):
                    found.append((argument.lineno, _call_name(node)))
    where = path.relative_to(root)
    return [f"{where}:{line}: {name}(...)" for line, name in sorted(found)]


def test_the_walk_finds_unmarked_text_and_passes_marked_text(tmp_path: Path) -> None:
    sample = tmp_path / "sample.py"
    sample.write_text(
        'label = QLabel("Hello")\n'
        'button.setToolTip(f"{n} left")\n'
        'fine = QLabel(self.tr("Hello"))\n'
        'also_fine = QLabel("·")\n'
        'box.setTitle(QCoreApplication.translate("Box", "Title"))\n'
        'log.warning("not shown to anyone")\n'
        'QMessageBox.warning(self, "Careful", text)\n',
        encoding="utf-8",
    )
    assert unmarked_texts(sample, tmp_path) == [
        "sample.py:1: QLabel(...)",
        "sample.py:2: setToolTip(...)",
        "sample.py:7: warning(...)",
    ]


@pytest.mark.parametrize("path", list(_files()), ids=lambda path: str(path.relative_to(SOURCE)))
def test_every_shown_text_is_marked_for_translation(path: Path) -> None:
    assert unmarked_texts(path) == []
