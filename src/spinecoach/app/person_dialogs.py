"""The app-wide dialogs the composition root only opens: the safety notes, settings, menu entry.

Each needs what only the whole app knows (the state file, the tray's and the cue player's
limits, the data folder), so they are built here from the running `Application`, each when asked.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from spinecoach import paths
from spinecoach.core import settings as keys

if TYPE_CHECKING:
    from spinecoach.app.composition import Application
    from spinecoach.desktop.desktop_entry import MenuEntry
    from spinecoach.ui.shell.menu_entry_offer import MenuEntryOffer
    from spinecoach.ui.shell.settings_dialog import SettingsDialog


def show_safety(app: Application, first_run: bool = False) -> bool:
    """Show the safety notes; the first time, store the acknowledgement."""
    from spinecoach.ui.care.safety_dialog import SafetyDialog

    dialog = SafetyDialog(first_run=first_run, parent=app.window, words=app.words)
    accepted = dialog.exec() == SafetyDialog.DialogCode.Accepted
    if first_run and accepted:
        app.state.set(keys.SAFETY_ACKNOWLEDGED, True)
    return accepted


def offer_menu_entry(app: Application, entry: MenuEntry | None = None) -> MenuEntryOffer | None:
    """Once, with the window open: offer to add SpineCoach to the application menu.

    On a first run it waits until the safety notes are acknowledged. Settled for good
    (state file) once asked, or once an entry for the app id is found installed (the
    user's or system-wide) or none can be made (Flatpak, not an XDG desktop).
    """
    window = app.main_window.if_built()
    if app.state.get(keys.MENU_ENTRY_OFFERED) or window is None or not window.isVisible():
        return None
    from spinecoach.desktop.desktop_entry import MenuEntry, launcher_command
    from spinecoach.ui.shell.menu_entry_offer import MenuEntryOffer, menu_entry_added

    if app.needs_safety_acknowledgement():
        app.state.subscribe(keys.SAFETY_ACKNOWLEDGED, lambda _: offer_menu_entry(app, entry))
        return None
    entry = MenuEntry() if entry is None else entry
    app.state.set(keys.MENU_ENTRY_OFFERED, True)
    if not entry.should_offer():
        return None
    offer = MenuEntryOffer(app.window)

    from PySide6.QtCore import QCoreApplication

    def add() -> None:
        try:
            entry.install(launcher_command(app.data_dir))
        except OSError as error:
            app.window.show_notice(
                QCoreApplication.translate(
                    "Application",
                    "SpineCoach could not add itself to your application menu ({why}). "
                    "To try again: spinecoach --install-desktop-entry",
                ).format(why=error.strerror or error)
            )
            return
        menu_entry_added(app.window)

    offer.add_requested.connect(add)
    offer.show()
    return offer


def show_settings(app: Application, page: str = "Reminders") -> None:
    """Every setting in one dialog (View > Settings, or the tray's Settings)."""
    dialog = settings_dialog(app, page)
    app.window.bring_to_front()
    dialog.exec()


def settings_dialog(app: Application, page: str = "Reminders") -> SettingsDialog:
    """The settings dialog, with what this machine cannot do greyed out and explained."""
    from PySide6.QtCore import QCoreApplication

    from spinecoach.app.tray_and_reminders import no_tray_reason
    from spinecoach.core.languages import available_languages
    from spinecoach.ui.shell.settings_dialog import SettingsDialog

    if app.reminders is not None:
        unavailable = app.reminders.unavailable_features()
    else:
        unavailable = {"start_minimised": no_tray_reason()}
    player = app.ensure_cue_player()
    if player is not None:  # what this computer cannot sound, and what to install
        if player.why_tones_silent:
            unavailable["sound_enabled"] = QCoreApplication.translate(
                "Application", "Tones are silent: {why}."
            ).format(why=player.why_tones_silent)
        if player.why_not_spoken:
            unavailable["voice_enabled"] = QCoreApplication.translate(
                "Application", "Cues are not spoken: {why}."
            ).format(why=player.why_not_spoken)
    captions = QCoreApplication.translate("Application", "Captions show every cue.")
    return SettingsDialog(
        app.settings,
        languages=available_languages(paths.resources_dir()),
        language_in_use=app.language,
        notes={"Sessions": captions if player is not None else ""},
        unavailable=unavailable,
        page=page,
        parent=app.window,
    )
