"""Nothing SpineCoach says promises safety or a cure (issue 10).

A health tool says "gentle" and "may help". This scans every text a person reads from the
library (exercises, routines, guides), the safety and pain-advice texts, and the desktop entry
and metainfo, for words that promise: safe, cure, fix, heal, relieve, guarantee, eliminate.
The one allowed use is the disclaimer that SpineCoach does *not* diagnose, treat or cure.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterator
from pathlib import Path

import pytest

from spinecoach.core import pain, safety

REPO = Path(__file__).resolve().parents[2]
PROMISES = re.compile(
    r"\b(safe|safely|cures?|cured|fix|fixes|fixed|heals?|healing|relieves?|relieved|"
    r"guarantees?|guaranteed|eliminates?|eliminated|will help)\b",
    re.IGNORECASE,
)
DISCLAIMER = re.compile(r"does not diagnose, treat or cure", re.IGNORECASE)


def _strings(value: object) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item)
    elif isinstance(value, dict):
        for item in value.values():
            yield from _strings(item)


def library_texts() -> Iterator[tuple[str, str]]:
    for folder in ("exercises", "routines", "guides"):
        for path in sorted((REPO / "resources" / folder).glob("*.toml")):
            data = tomllib.loads(path.read_text(encoding="utf-8"))
            data.pop("source", None)  # source ids, not words a person reads as advice
            for text in _strings(data):
                yield f"{folder}/{path.name}", text


def app_texts() -> Iterator[tuple[str, str]]:
    for group in safety.RED_FLAG_GROUPS:
        yield f"red flags {group.id}", group.heading
        yield f"red flags {group.id}", group.action
        yield from ((f"red flags {group.id}", item) for item in group.items)
    yield "intro", safety.INTRO
    yield "self-management", safety.SELF_MANAGEMENT
    yield from (("principles", text) for text in safety.PRINCIPLES)
    yield from (("in pain", text) for text in safety.IN_PAIN_ADVICE)
    for before, after in ((3, 6), (None, 8), (8, 9)):
        advice = pain.rise_advice(before, after)
        assert advice is not None
        yield "pain rise", advice.summary
        yield from (("pain rise", text) for text in advice.advice)
    for name in (
        "io.github.spinecoach.SpineCoach.desktop",
        "io.github.spinecoach.SpineCoach.metainfo.xml",
    ):
        yield name, (REPO / "packaging" / name).read_text(encoding="utf-8")


@pytest.mark.parametrize("texts", [library_texts, app_texts], ids=["library", "app"])
def test_no_text_promises_safety_or_a_cure(texts: object) -> None:
    assert callable(texts)
    found = [
        f"{where}: {match.group(0)!r} in {text[:80]!r}"
        for where, text in texts()
        for match in PROMISES.finditer(DISCLAIMER.sub("", text))
    ]
    assert found == []


def test_the_scan_would_catch_a_promise() -> None:
    assert PROMISES.search("A safe stretch that will help your back")
    assert not PROMISES.search(DISCLAIMER.sub("", "It does not diagnose, treat or cure anything."))
