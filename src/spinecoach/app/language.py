"""The language the window speaks: chosen once at start, before the first widget is built.

Two catalogs make up a language's interface: SpineCoach's own (`resources/translations/<lang>/
ui.qm`, compiled by `make translations` from `ui.ts`) and Qt's (`qtbase_<lang>.qm`, shipped with
PySide6: the standard buttons, "Cancel", the colour dialog). English, the source language, has
only its own, which holds the counted words ("1 day", "2 days" from "%n day(s)"). A country
folder's catalog (`de_AT/ui.qm`) is installed after its language's, so the few words that
differ there win.
`QLocale.setDefault` makes every `QLocale()` (dates, numbers, the chart's axis) and the speech
engine's wanted voice follow the same choice.

The choice applies at the next start: widgets take their words when they are built, and
rebuilding every open dialog and area live is not worth its risk to a running session.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from spinecoach.core.languages import (
    TRANSLATIONS,
    available_languages,
    choose_language,
    language_chain,
)
from spinecoach.core.messages import base_language

if TYPE_CHECKING:
    from importlib.resources.abc import Traversable

log = logging.getLogger(__name__)

#: The compiled interface catalog in each language folder.
UI_CATALOG = "ui.qm"

#: What `use_language` installed last, removed before the next call installs anything.
_installed: list[QTranslator] = []


def qt_catalog_folder() -> Path:
    """Where Qt keeps its own translations (qtbase_de.qm, ...)."""
    return Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))


def use_language(preference: str, resources: Traversable, system: str | None = None) -> str:
    """Install the interface catalogs for `preference` ("system" or a folder name); return it.

    Returns the language in use ("en", "de", "de_AT"): what the content is loaded in and the
    voice speaks. A catalog that is missing or unreadable is logged and skipped: the window
    then shows those words in English rather than not starting.
    """
    app = QCoreApplication.instance()
    assert app is not None, "create the QApplication first"
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    system_locale = QLocale.system() if system is None else QLocale(system)
    language = choose_language(preference, system_locale.name(), available_languages(resources))
    QLocale.setDefault(locale_for(language, system_locale))
    folder = resources / TRANSLATIONS
    # English is the source, but its counted words ("%n day(s)") come from en/ui.qm.
    chain = language_chain(language) or ("en",)
    own = [Path(str(folder / name / UI_CATALOG)) for name in chain]
    qt_own = [qt_catalog_folder() / f"qtbase_{base_language(language)}.qm"]
    for catalog in (qt_own if language != "en" else []) + own:
        translator = QTranslator(app)
        if translator.load(str(catalog)):
            app.installTranslator(translator)
            _installed.append(translator)
        elif catalog in own:  # Qt itself is not translated into every language; we should be
            log.warning("interface catalog not loaded: %s", catalog)
    return language


def locale_for(language: str, system: QLocale) -> QLocale:
    """How dates and numbers are written in `language`, in the system's country if it fits.

    German chosen on an Austrian system writes Austrian dates; English chosen on a German
    system keeps German dates and number formats but English month and day names (Qt's
    "English (Germany)" locale) rather than mixing German names into English sentences.
    """
    if base_language(system.name()) == base_language(language):
        return system
    wanted = QLocale(language)
    country_form = QLocale(wanted.language(), system.territory())
    return country_form if country_form.language() == wanted.language() else wanted
