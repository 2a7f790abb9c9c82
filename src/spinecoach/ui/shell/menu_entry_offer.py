"""The one-time offer to put SpineCoach in the application menu, and its answer.

A small non-modal question beside the window rather than a line in the window's banner: the
banner is for problems with the person's data (it is styled as a caution and has only
Dismiss), and this is an offer with a choice. Non-modal, so the window stays usable and closing
the question is a plain "no". The app decides when to ask and does the installing; these
widgets only ask and tell.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import QMessageBox, QWidget

from spinecoach.core.ui_text import QT_TRANSLATE_NOOP

# The English words, marked for translation in the context "MenuEntryOffer" (`_shown`).
OFFER_TITLE = QT_TRANSLATE_NOOP("MenuEntryOffer", "Add SpineCoach to your menu?")
OFFER_TEXT = QT_TRANSLATE_NOOP(
    "MenuEntryOffer",
    "SpineCoach is not in your application menu yet. Add it there, with its icon, so you can "
    "start it like your other apps?",
)
# Rich text only so that the command never breaks at its hyphens.
OFFER_DETAIL = QT_TRANSLATE_NOOP(
    "MenuEntryOffer",
    "<p>SpineCoach asks only once. To add it later, run "
    "<nobr>spinecoach --install-desktop-entry</nobr> in a terminal.</p>",
)
ADDED_TITLE = QT_TRANSLATE_NOOP("MenuEntryOffer", "SpineCoach is in your menu")
ADDED_TEXT = QT_TRANSLATE_NOOP(
    "MenuEntryOffer",
    "SpineCoach is now in your application menu. It may take a moment to appear there.",
)


def _shown(text: str) -> str:
    """One of the texts above in the interface's language."""
    return QCoreApplication.translate("MenuEntryOffer", text)


class MenuEntryOffer(QMessageBox):
    """Asks once whether to add SpineCoach to the application menu; deletes itself when closed.

    Signals:
        add_requested(): the person chose "Add to menu".
    """

    add_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(
            QMessageBox.Icon.Question, _shown(OFFER_TITLE), _shown(OFFER_TEXT), parent=parent
        )
        self.setObjectName("menuEntryOffer")
        self.setInformativeText(_shown(OFFER_DETAIL))
        self.setModal(False)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        self.add_button = self.addButton(self.tr("Add to menu"), QMessageBox.ButtonRole.AcceptRole)
        self.later_button = self.addButton(self.tr("Not now"), QMessageBox.ButtonRole.RejectRole)
        self.setDefaultButton(self.add_button)
        self.setEscapeButton(self.later_button)
        self.add_button.clicked.connect(self.add_requested)


def menu_entry_added(parent: QWidget | None = None) -> QMessageBox:
    """A small non-modal note that SpineCoach is now in the menu (shown, deletes itself)."""
    box = QMessageBox(
        QMessageBox.Icon.Information, _shown(ADDED_TITLE), _shown(ADDED_TEXT), parent=parent
    )
    box.setObjectName("menuEntryAdded")
    box.setModal(False)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
    box.show()
    return box
