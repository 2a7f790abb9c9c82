"""Choosing an engine, a language and a voice: the rules both SpineCoach and its helper follow."""

from __future__ import annotations

from PySide6.QtCore import QLocale

from spinecoach.sound.engines import (
    choose_locale,
    engine_candidates,
    language_name,
    preferred_voice,
)


def test_best_engine_choice() -> None:
    assert engine_candidates(None, ["mock", "speechd", "flite"], "linux") == ["speechd", "flite"]
    assert engine_candidates(None, ["flite", "mock"], "linux") == ["", "flite"]
    assert engine_candidates(None, ["mock"], "linux") == []
    assert engine_candidates(None, ["sapi", "winrt"], "win32") == ["", "sapi", "winrt"]
    assert engine_candidates("mock", ["mock", "speechd"], "linux") == ["mock"]


def test_locale_choice() -> None:
    offered = [QLocale("fi_FI"), QLocale("en_GB"), QLocale("en_US")]
    assert choose_locale(QLocale.c(), offered) == QLocale("en_US")
    assert choose_locale(QLocale.c(), offered[:2]) == QLocale("en_GB")
    assert choose_locale(QLocale("en_GB"), offered) == QLocale("en_GB")
    assert choose_locale(QLocale("en_IE"), offered) == QLocale("en_GB")  # same language first
    assert choose_locale(QLocale("fi_FI"), offered) == QLocale("fi_FI")
    # German texts get a German voice, the Austrian one first, or none at all: an English
    # voice reading German is worse than the captions alone.
    assert choose_locale(QLocale("de_AT"), offered) is None
    assert choose_locale(QLocale("de_AT"), [QLocale("de_DE"), *offered]) == QLocale("de_DE")
    assert choose_locale(QLocale("de_AT"), [QLocale("de_DE"), QLocale("de_AT")]) == QLocale("de_AT")


def test_a_language_is_named_as_its_speakers_write_it() -> None:
    assert language_name(QLocale("de_DE")) == "Deutsch"
    assert language_name(QLocale.c()) == "English"


def test_preferred_voice_matches_the_territory_and_skips_variants() -> None:
    names = [
        "English (Caribbean)",
        "English (Caribbean)+Adam",
        "English (America)+Andy",
        "English (America)",
        "English (Great Britain)",
    ]
    assert preferred_voice(names, QLocale.Country.UnitedStates) == "English (America)"
    assert preferred_voice(names, QLocale.Country.UnitedKingdom) == "English (Great Britain)"
    assert preferred_voice(names, QLocale.Country.Ireland) == "English (Caribbean)"
    assert preferred_voice(["Anne+x", "Bob"], QLocale.Country.Ireland) == "Bob"
    assert preferred_voice([], QLocale.Country.Ireland) is None
