"""The interface catalogs (`resources/translations/<lang>/ui.ts`, `ui.qm`) are complete and current.

German must be complete: a word added to the interface without its German fails here, as does a
catalog that was not regenerated (`make translations`) after the code changed.
"""

from __future__ import annotations

import importlib.util
import shutil
import sys
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parents[2]


def _load_tool() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "translations_tool", ROOT / "tools" / "translations.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


tool = _load_tool()
LANGUAGES = [folder.name for folder in tool.language_folders()]


def test_german_and_english_have_catalogs() -> None:
    assert {"de", "en"} <= set(LANGUAGES)


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_interface_message_is_translated(language: str) -> None:
    catalog = tool.TRANSLATIONS / language / tool.CATALOG
    report = tool.check(catalog)
    if language == tool.SOURCE_LANGUAGE:  # only the counted words: "1 day", "2 days"
        assert report.total > 10
        assert all(entry.numerus for entry in tool.entries(catalog))
    else:
        assert report.total > 400  # the whole interface, not a handful
    assert report.problems == []


def test_english_counts_read_as_english() -> None:
    singular, plural = next(
        entry.forms
        for entry in tool.entries(tool.TRANSLATIONS / "en" / tool.CATALOG)
        if entry.source == "%n day(s)"
    )
    assert (singular, plural) == ("%n day", "%n days")


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_catalog_holds_exactly_what_the_code_marks(language: str, tmp_path: Path) -> None:
    committed = tool.TRANSLATIONS / language / tool.CATALOG
    fresh = tmp_path / tool.CATALOG
    shutil.copy(committed, fresh)
    tool.extract(fresh, language)  # what `make translations` would write now
    assert list(tool.entries(fresh)) == list(tool.entries(committed)), (
        "the interface's words changed since ui.ts was made: run `make translations`"
    )


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_compiled_catalog_is_current(language: str, tmp_path: Path) -> None:
    source = tool.TRANSLATIONS / language / tool.CATALOG
    fresh = tool.compile_catalog(shutil.copy(source, tmp_path / tool.CATALOG))
    committed = source.with_suffix(".qm")
    assert committed.read_bytes() == fresh.read_bytes(), "run `make translations`"


# --- the check itself ---------------------------------------------------------------------------

SAMPLE = """<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de">
<context>
    <name>Pane</name>
    <message>
        <source>Import {count} rows</source>
        <translation>{count} Zeilen importieren</translation>
    </message>
    <message>
        <source>Open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep {name}</source>
        <translation>Behalten</translation>
    </message>
    <message>
        <source>%n day(s)</source>
        <translation>%n Tage</translation>
    </message>
    <message numerus="yes">
        <source>%n minute(s)</source>
        <translation>
            <numerusform>eine Minute</numerusform>
            <numerusform>%n Minuten</numerusform>
        </translation>
    </message>
</context>
</TS>
"""


def test_the_check_names_each_kind_of_problem(tmp_path: Path) -> None:
    sample = tmp_path / "ui.ts"
    sample.write_text(SAMPLE, encoding="utf-8")
    report = tool.check(sample)
    assert report.total == 5
    assert len(report.problems) == 3
    unfinished, lost_placeholder, not_counted = report.problems
    assert unfinished.startswith("Pane: 'Open': not translated")
    assert "'Behalten' has []" in lost_placeholder and "['{name}']" in lost_placeholder
    assert "'%n day(s)': has %n but is not counted" in not_counted


CATALOG_BEFORE = """<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>OldPane</name>
    <message>
        <source>Clear the filters</source>
        <translation>Filter zurücksetzen</translation>
    </message>
    <message numerus="yes">
        <source>%n file(s)</source>
        <translation>
            <numerusform>Eine Datei</numerusform>
            <numerusform>%n Dateien</numerusform>
        </translation>
    </message>
</context>
</TS>
"""

CATALOG_AFTER_LUPDATE = """<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>NewPage</name>
    <message>
        <source>Clear the filters</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n file(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Brand new</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
"""


def test_a_message_that_moved_to_another_class_keeps_its_translation(tmp_path: Path) -> None:
    catalog = tmp_path / "ui.ts"
    catalog.write_text(CATALOG_BEFORE, encoding="utf-8")
    known = tool.finished_translations(catalog)
    catalog.write_text(CATALOG_AFTER_LUPDATE, encoding="utf-8")  # as lupdate leaves it

    assert tool.carry_over(catalog, known) == 2

    found = {(entry.context, entry.source): entry for entry in tool.entries(catalog)}
    moved = found[("NewPage", "Clear the filters")]
    assert (moved.forms, moved.unfinished) == (("Filter zurücksetzen",), False)
    plural = found[("NewPage", "%n file(s)")]
    assert (plural.forms, plural.unfinished) == (("Eine Datei", "%n Dateien"), False)
    assert found[("NewPage", "Brand new")].unfinished  # nothing to carry over: still to do
    assert catalog.read_text(encoding="utf-8").startswith('<?xml version="1.0" encoding="utf-8"?>')
