"""Long words get soft hyphens in the languages that build them; English stays as written."""

from __future__ import annotations

from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from spinecoach.ui.widgets.hyphenation import SOFT_HYPHEN, hyphenate

GERMAN = QLocale("de_DE")
LONG = "Stützen Sie die Hände auf, wenn sich die Oberschenkelrückseiten fest anfühlen."


def test_german_long_words_may_break_where_a_dictionary_allows() -> None:
    hyphenated = hyphenate(LONG, GERMAN)
    assert "Ober\u00adschen\u00adkel\u00adrück\u00adsei\u00adten" in hyphenated
    assert hyphenated.replace(SOFT_HYPHEN, "") == LONG  # nothing else changes
    assert "Hände" in hyphenated  # short words are left whole


def test_english_and_unknown_languages_are_left_as_written() -> None:
    text = "Straighten slowly, keeping the movement uncomfortable-free and comfortable."
    assert hyphenate(text, QLocale("en_GB")) == text
    assert hyphenate(text, QLocale.c()) == text
    assert hyphenate(LONG, QLocale("ja_JP")) == LONG  # no dictionary: unchanged


def test_a_label_with_hyphenated_text_can_be_far_narrower(qtbot: QtBot) -> None:
    whole, broken = QLabel(LONG), QLabel(hyphenate(LONG, GERMAN))
    for label in (whole, broken):
        qtbot.addWidget(label)
        label.setWordWrap(True)
    assert broken.minimumSizeHint().width() < whole.minimumSizeHint().width() * 0.6
