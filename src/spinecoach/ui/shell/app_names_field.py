"""The list of programs and windows reminders wait for, typed as one line: "zoom, teams, Impress".

One line with commas, as Safe Eyes and Workrave take theirs, rather than a list with Add and
Remove buttons: it is quicker to type, reads aloud as what it is, and a screen reader user edits
it like any text. Each valid edit is stored at once (as every setting in the dialog is); a line
that cannot be kept says why under the field and keeps the last good list.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLabel, QLineEdit, QSizePolicy, QVBoxLayout, QWidget

from spinecoach.core.settings import MAX_WAIT_APP_LENGTH, MAX_WAIT_APPS

__all__ = ["AppNamesField", "parse_app_names"]


def parse_app_names(text: str) -> tuple[str, ...]:
    """The names in `text`, split at commas and trimmed; empty ones and repeats dropped.

    A repeat is the same name in another case ("Zoom" after "zoom"): matching ignores case.
    """
    names: list[str] = []
    seen: set[str] = set()
    for part in text.split(","):
        name = part.strip()
        if name and name.casefold() not in seen:
            seen.add(name.casefold())
            names.append(name)
    return tuple(names)


class AppNamesField(QWidget):
    """A line edit for the names, with the reason under it when a line cannot be kept."""

    value_changed = Signal(tuple)

    def __init__(self, names: tuple[str, ...], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(4)
        self.edit = QLineEdit(", ".join(names))
        self.edit.setObjectName("waitForAppsEdit")
        self.edit.setPlaceholderText(self.tr("for example: zoom, teams, Impress"))
        self.edit.setClearButtonEnabled(True)
        self.edit.setMinimumWidth(self.edit.fontMetrics().horizontalAdvance("x" * 32))
        self.edit.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        column.addWidget(self.edit)
        self.error = QLabel()
        self.error.setObjectName("waitForAppsError")
        self.error.setProperty("role", "redflag")
        self.error.setWordWrap(True)
        self.error.hide()
        column.addWidget(self.error)
        self.setFocusProxy(self.edit)
        self._kept = names
        self.edit.textEdited.connect(self._edited)
        self.edit.editingFinished.connect(self._tidy)

    def setAccessibleName(self, name: str) -> None:
        """Qt override: the name belongs on the line edit, which the screen reader reaches."""
        super().setAccessibleName(name)
        self.edit.setAccessibleName(name)

    def setToolTip(self, text: str) -> None:
        """Qt override: the description shows on the line edit too."""
        super().setToolTip(text)
        self.edit.setToolTip(text)
        self.edit.setAccessibleDescription(text)

    def names(self) -> tuple[str, ...]:
        """The names last kept."""
        return self._kept

    def _edited(self, text: str) -> None:
        names = parse_app_names(text)
        problem = ""
        if any(len(name) > MAX_WAIT_APP_LENGTH for name in names):
            # Not kept: the person is still typing it, or pasted something that is no name.
            problem = self.tr("A name can be at most {count} characters long.").format(
                count=MAX_WAIT_APP_LENGTH
            )
        elif len(names) > MAX_WAIT_APPS:
            names = names[:MAX_WAIT_APPS]
            problem = self.tr("At most {count} names: the first {count} are kept.").format(
                count=MAX_WAIT_APPS
            )
        self.error.setText(problem)
        self.error.setVisible(bool(problem))
        if names == self._kept or any(len(name) > MAX_WAIT_APP_LENGTH for name in names):
            return
        self._kept = names
        self.value_changed.emit(names)

    def _tidy(self) -> None:
        """Leaving the field shows the list as kept: trimmed, repeats gone, one comma each.

        A name too long stays as typed, with its reason, so it can be shortened.
        """
        if any(len(name) > MAX_WAIT_APP_LENGTH for name in parse_app_names(self.edit.text())):
            return
        tidy = ", ".join(self._kept)
        if self.edit.text() != tidy:
            self.edit.setText(tidy)
        self.error.hide()
