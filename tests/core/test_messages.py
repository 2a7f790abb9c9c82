"""The core's message catalog: English defaults, explicit plurals, placeholders checked at load."""

from __future__ import annotations

import importlib
import pkgutil
import tomllib
from pathlib import Path

import pytest

import spinecoach.core
from spinecoach.core.languages import language_chain, normalise_language
from spinecoach.core.messages import (
    ENGLISH,
    Message,
    Messages,
    check_text,
    messages_in,
    placeholders,
    unique,
)
from spinecoach.core.translation import (
    MESSAGE_MODULES,
    declared_messages,
    load_messages,
    parse_catalog,
)
from spinecoach.core.translation_tools import catalog_template

PLAIN = Message("test.plain", "Hold for {duration}")
COUNTED = Message("test.counted", "{n} desk break was", "{n} desk breaks were")
SPOKEN = Message("test.spoken", "{words} second", "{words} seconds", optional=("words",))


def test_english_is_the_default_and_needs_no_catalog() -> None:
    assert ENGLISH.text(PLAIN, duration="ten seconds") == "Hold for ten seconds"
    assert ENGLISH.count(COUNTED, 1) == "1 desk break was"
    assert ENGLISH.count(COUNTED, 0) == "0 desk breaks were"
    assert ENGLISH.count(COUNTED, 2) == "2 desk breaks were"
    assert not ENGLISH.has(PLAIN)


def test_a_catalog_translates_and_leaves_the_rest_english() -> None:
    words = Messages(
        "de",
        {
            "test.plain": {"other": "{duration} halten"},
            "test.spoken": {"one": "eine Sekunde", "other": "{n} Sekunden"},
        },
    )
    assert words.text(PLAIN, duration="10 Sekunden") == "10 Sekunden halten"
    assert words.count(SPOKEN, 1, words="one") == "eine Sekunde"
    assert words.count(SPOKEN, 30, words="thirty") == "30 Sekunden"
    assert words.count(COUNTED, 2) == "2 desk breaks were"  # not translated: English
    assert words.has(PLAIN)
    assert not words.has(COUNTED)


def test_a_counted_message_must_be_said_with_a_count() -> None:
    with pytest.raises(TypeError, match=r"Messages\.count"):
        ENGLISH.text(COUNTED)


def test_placeholders_are_plain_names_only() -> None:
    assert placeholders("From {before} to {after}") == {"before", "after"}
    assert placeholders("no braces") == frozenset()
    for broken in ("{0} reps", "{x:>3}", "{x!r}", "a { b"):
        with pytest.raises(ValueError):
            placeholders(broken)


def test_check_text_names_what_is_wrong() -> None:
    assert check_text(PLAIN, "{duration} halten") is None
    unknown = check_text(PLAIN, "{dauer} halten")
    assert unknown is not None and "{dauer}" in unknown and "{duration}" in unknown
    missing = check_text(PLAIN, "Halten")
    assert missing is not None and "leaves out {duration}" in missing
    assert "broken placeholder" in (check_text(PLAIN, "{duration halten") or "")
    # The one form of a counted message may say the number in words; the other form may not
    # drop a placeholder the English needs.
    assert check_text(COUNTED, "eine Pause wurde", count_form=True) is None
    assert check_text(SPOKEN, "{n} Sekunden") is None  # `words` is optional


def test_every_declared_message_is_well_formed_and_unique() -> None:
    declared = declared_messages()
    assert len(declared) > 100
    for key, message in declared.items():
        assert key == message.key
        assert all(part and part == part.strip() for part in key.split(".")), key
        for text in message.english_forms.values():
            placeholders(text)  # raises on a broken English text
        if message.counted:
            assert "n" in message.names


def test_no_core_module_declares_a_message_the_catalog_leaves_out() -> None:
    declared = declared_messages()
    for info in pkgutil.walk_packages(spinecoach.core.__path__, "spinecoach.core."):
        module = importlib.import_module(info.name)
        stray = [m.key for m in messages_in(vars(module)) if declared.get(m.key) != m]
        assert stray == [], f"{info.name} declares messages not in MESSAGE_MODULES: {stray}"
    assert len({module.__name__ for module in MESSAGE_MODULES}) == len(MESSAGE_MODULES)


def test_two_messages_may_not_share_an_id() -> None:
    with pytest.raises(ValueError, match=r"test\.plain"):
        unique([PLAIN, Message("test.plain", "Something else")])


def test_the_template_holds_every_message_in_english() -> None:
    data = tomllib.loads(catalog_template())
    texts, errors = parse_catalog(data, declared_messages(), "xx")
    assert errors == []
    assert set(texts) == set(declared_messages())
    words = Messages("xx", texts)
    for message in declared_messages().values():
        assert dict(words.forms(message)) == message.english_forms


CATALOG = """\
[test]
plain = "{duration} halten"
counted = { one = "{n} Pause wurde", other = "{n} Pausen wurden" }
typo = "Tippfehler"
spoken = "{n} Sekunden"

[test.nested]
deeper = "unbekannt"
"""


def test_a_catalog_keeps_what_is_good_and_names_each_bad_entry() -> None:
    declared = {m.key: m for m in (PLAIN, COUNTED, SPOKEN)}
    texts, errors = parse_catalog(tomllib.loads(CATALOG), declared, "de")
    assert texts == {
        "test.plain": {"other": "{duration} halten"},
        "test.counted": {"one": "{n} Pause wurde", "other": "{n} Pausen wurden"},
    }
    by_field = {error.field: error.message for error in errors}
    assert "not a known message" in by_field["test.typo"]
    assert "not a known message" in by_field["test.nested.deeper"]
    assert "counts something" in by_field["test.spoken"]


@pytest.mark.parametrize(
    ("value", "field", "says"),
    [
        ({"one": "{n} Pause wurde"}, "test.counted.other", "is missing"),
        ({"one": "a", "other": "{n} b", "few": "c"}, "test.counted.few", "not a plural form"),
        ({"one": "a", "other": "{n} {x}"}, "test.counted.other", "{x}"),
        (3, "test.counted", "counts something"),
    ],
)
def test_plural_forms_are_checked(value: object, field: str, says: str) -> None:
    _texts, errors = parse_catalog({"test": {"counted": value}}, {COUNTED.key: COUNTED}, "de")
    assert [(e.field, says in e.message) for e in errors] == [(field, True)]


def test_an_empty_or_non_text_translation_is_refused() -> None:
    for value in ("", "   ", ["a"]):
        _texts, errors = parse_catalog({"test": {"plain": value}}, {PLAIN.key: PLAIN}, "de")
        assert [e.field for e in errors] == ["test.plain"]


@pytest.mark.parametrize(
    ("code", "name", "chain"),
    [
        ("de", "de", ("de",)),
        ("de-AT", "de_AT", ("de", "de_AT")),
        ("de_DE.UTF-8", "de_DE", ("de", "de_DE")),
        ("DE_at", "de_AT", ("de", "de_AT")),
        ("en", "en", ()),
        ("en_GB.UTF-8", "en_GB", ("en", "en_GB")),
        ("C", "en", ()),
        ("", "en", ()),
    ],
)
def test_language_codes(code: str, name: str, chain: tuple[str, ...]) -> None:
    assert normalise_language(code) == name
    assert language_chain(code) == chain


@pytest.mark.parametrize("code", ["deutsch", "d", "de_DEU", "../de", "de/exercises"])
def test_a_bad_language_code_is_refused(code: str) -> None:
    with pytest.raises(ValueError, match="language code"):
        normalise_language(code)


def test_a_country_folder_sits_over_its_language(tmp_path: Path) -> None:
    (tmp_path / "translations" / "de").mkdir(parents=True)
    (tmp_path / "translations" / "de_AT").mkdir()
    (tmp_path / "translations" / "de" / "core.toml").write_text(
        '[timeline.phase]\nrest = "Pause"\nhold = "Halten"\n', encoding="utf-8"
    )
    (tmp_path / "translations" / "de_AT" / "core.toml").write_text(
        '[timeline.phase]\nrest = "Rasten"\n', encoding="utf-8"
    )
    declared = declared_messages()
    rest, hold = declared["timeline.phase.rest"], declared["timeline.phase.hold"]
    words, problems = load_messages(tmp_path, "de_AT.UTF-8")
    assert problems == []
    assert words.language == "de_AT"
    assert (words.text(rest), words.text(hold)) == ("Rasten", "Halten")
    german, _ = load_messages(tmp_path, "de")
    assert german.text(rest) == "Pause"
    english, _ = load_messages(tmp_path, "en")
    assert english is ENGLISH


def test_a_broken_catalog_file_is_one_problem_and_english(tmp_path: Path) -> None:
    (tmp_path / "translations" / "xx").mkdir(parents=True)
    (tmp_path / "translations" / "xx" / "core.toml").write_text("rest = ", encoding="utf-8")
    words, problems = load_messages(tmp_path, "xx")
    assert [(p.source, p.field) for p in problems] == [("translations/xx/core.toml", "")]
    assert "not valid TOML" in problems[0].message
    assert words.translated_keys() == frozenset()
