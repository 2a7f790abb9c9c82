"""Which language SpineCoach speaks: the person's choice, else the system's, else English."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QCoreApplication, QDate, QLocale
from PySide6.QtWidgets import QApplication

from spinecoach import paths
from spinecoach.app.language import use_language
from spinecoach.core.languages import choose_language

OFFERED = ("en", "de", "de_AT")


@pytest.mark.parametrize(
    ("preference", "system", "expected"),
    [
        ("system", "de_DE.UTF-8", "de"),  # the system's language, as its translation
        ("system", "de_AT", "de_AT"),  # a country folder wins over its language
        ("system", "de_CH", "de"),  # no Swiss folder: German
        ("system", "fr_FR", "en"),  # no French: English
        ("system", "C", "en"),
        ("de", "fr_FR", "de"),  # the person's choice wins over the system
        ("en", "de_DE", "en"),
        ("fr", "de_DE", "de"),  # a choice whose folder is gone: the system's
        ("system", "not a locale", "en"),
    ],
)
def test_the_language_chosen(preference: str, system: str, expected: str) -> None:
    assert choose_language(preference, system, OFFERED) == expected


@pytest.fixture
def restore_language(qapp: QApplication) -> Iterator[None]:
    yield
    use_language("en", paths.resources_dir(), system="C")
    QLocale.setDefault(QLocale.c())


@pytest.mark.usefixtures("restore_language")
def test_german_installs_the_interface_catalog_and_the_locale() -> None:
    assert use_language("de", paths.resources_dir(), system="en_GB") == "de"
    assert QCoreApplication.translate("Setting", "Language") == "Sprache"
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Abbrechen"  # Qt's own
    assert QLocale().language() == QLocale.Language.German
    assert "Dezember" in QLocale().toString(QDate(2026, 12, 5), "d MMMM yyyy")


@pytest.mark.usefixtures("restore_language")
def test_choosing_english_again_removes_the_german_words() -> None:
    use_language("de", paths.resources_dir(), system="en_GB")
    assert use_language("en", paths.resources_dir(), system="de_DE") == "en"
    assert QCoreApplication.translate("Setting", "Language") == "Language"
    # English words, German dates and numbers: the system's country is kept.
    assert QLocale().language() == QLocale.Language.English
    assert QLocale().territory() == QLocale.Country.Germany


@pytest.mark.usefixtures("restore_language")
def test_following_the_system() -> None:
    assert use_language("system", paths.resources_dir(), system="de_AT") == "de"
    assert QLocale().territory() == QLocale.Country.Austria  # Austrian dates for German words
