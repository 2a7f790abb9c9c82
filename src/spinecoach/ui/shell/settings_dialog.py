"""The settings dialog: every setting in one place, a tab per page, each page a `SettingsForm`.

Every page scrolls when the dialog is too small for it (200 % text, a 960 x 540 screen), and the
form's rows and notes wrap to the width there is: nothing is squeezed into its neighbour or cut
off. The dialog opens inside the screen. A page's key is a setting group as `core.settings`
declares it, or "Working hours" (`PAGES`, `page=`, `notes`), shown translated on its tab.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from spinecoach.core.settings import SETTINGS
from spinecoach.core.ui_text import QT_TRANSLATE_NOOP
from spinecoach.ui.shell.main_window import SettingsAccess
from spinecoach.ui.shell.settings_form import SettingsForm, shown
from spinecoach.ui.widgets.on_screen import keep_on_screen, open_at_natural_size
from spinecoach.ui.widgets.page_scroll import scrolling_page


def keys_in_group(group: str) -> tuple[str, ...]:
    """The declared settings the dialog shows under `group`, in declaration order."""
    return tuple(setting.key for setting in SETTINGS if setting.group == group)


#: The pages of the settings dialog, in order: the page's key (a group as `core.settings`
#: declares it, or "Working hours"; its tab shows it translated, context "Setting") and the
#: page's heading (context "SettingsDialog"). The Reminders group is two pages, so that no
#: page is twice as long as the others and the dialog is not mostly empty on the short ones.
PAGES: tuple[tuple[str, str], ...] = (
    (
        "Reminders",
        QT_TRANSLATE_NOOP("SettingsDialog", "When to remind you to stand up, and when not to"),
    ),
    (
        "Working hours",
        QT_TRANSLATE_NOOP("SettingsDialog", "Working days and hours, and a daily reminder"),
    ),
    (
        "Sessions",
        QT_TRANSLATE_NOOP("SettingsDialog", "Sound, voice, timing and text of the session player"),
    ),
    (
        "General",
        QT_TRANSLATE_NOOP("SettingsDialog", "Colours, language, goal and how SpineCoach starts"),
    ),
)

PLAYER_SETTINGS = keys_in_group("Sessions")

#: The settings of the Reminders group on their own page.
WORKING_HOURS_PAGE = ("working_hours", "daily_reminder_time")


def keys_on_page(page: str) -> tuple[str, ...]:
    """The settings a page of the dialog shows, in declaration order."""
    if page == "Working hours":
        return tuple(key for key in keys_in_group("Reminders") if key in WORKING_HOURS_PAGE)
    keys = keys_in_group(page)
    if page == "Reminders":
        keys = tuple(key for key in keys if key not in WORKING_HOURS_PAGE)
    return keys


class SettingsDialog(QDialog):
    """Every setting in one place, a tab per group; changes apply at once (no OK needed).

    `languages` are the translations there are (`core.languages.available_languages`), and
    `language_in_use` the language the app started in (see `SettingsForm`).
    """

    def __init__(
        self,
        store: SettingsAccess,
        on_change: Callable[[str, object], None] | None = None,
        notes: Mapping[str, str] | None = None,
        unavailable: Mapping[str, str] | None = None,
        page: str = "Reminders",
        parent: QWidget | None = None,
        *,
        languages: Sequence[str] = (),
        language_in_use: str = "en",
    ) -> None:
        super().__init__(parent)
        self.setObjectName("settingsDialog")
        self.setWindowTitle(self.tr("SpineCoach settings"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 18, 20, 14)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("settingsTabs")
        self.forms: dict[str, SettingsForm] = {}
        for group, subtitle in PAGES:
            page_widget = QWidget()
            column = QVBoxLayout(page_widget)
            column.setContentsMargins(16, 14, 16, 10)
            heading = QLabel(QCoreApplication.translate("SettingsDialog", subtitle))
            heading.setProperty("role", "heading")
            heading.setWordWrap(True)
            column.addWidget(heading)
            form = SettingsForm(
                keys_on_page(group),
                store,
                on_change,
                unavailable=unavailable,
                languages=languages,
                language_in_use=language_in_use,
            )
            self.forms[group] = form
            column.addWidget(form)
            note = (notes or {}).get(group)
            if note:
                hint = QLabel(note)
                hint.setObjectName(f"settingsNote_{group}")
                hint.setProperty("role", "muted")
                hint.setWordWrap(True)
                column.addWidget(hint)
            column.addStretch(1)
            name = f"settingsPage_{group.title().replace(' ', '')}"  # settingsPage_WorkingHours
            self.tabs.addTab(scrolling_page(page_widget, name), shown(group))
        self.tabs.setCurrentIndex([g for g, _s in PAGES].index(page))
        layout.addWidget(self.tabs)
        saved = QLabel(self.tr("Changes are saved as you make them."))
        saved.setProperty("role", "muted")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        footer = QHBoxLayout()
        footer.addWidget(saved, 1)
        footer.addWidget(buttons)
        layout.addLayout(footer)

    def setVisible(self, visible: bool) -> None:
        """Qt override: the first time, open as large as the pages ask, up to the screen."""
        if visible and not self.isVisible():
            open_at_natural_size(self)
        super().setVisible(visible)

    def showEvent(self, event: QShowEvent) -> None:
        """Qt override: open whole on the screen, however large the text."""
        super().showEvent(event)
        keep_on_screen(self)

    def control(self, key: str) -> QWidget:
        """The control of a setting, whichever page it is on."""
        for form in self.forms.values():
            if key in form.controls:
                return form.controls[key]
        raise KeyError(key)
