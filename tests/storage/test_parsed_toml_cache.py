"""The parsed-file cache: the same library from the cache as from the files, never stale."""

from __future__ import annotations

import logging
import os
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import Any

import pytest

from spinecoach import paths
from spinecoach.core.library import load_library, read_toml
from spinecoach.core.library_fields import LibraryError
from spinecoach.storage.parsed_toml_cache import ParsedTomlCache, cache_file_name


class CountingParser:
    """`read_toml`, counting the files it really parsed."""

    def __init__(self) -> None:
        self.parsed: list[str] = []

    def __call__(self, entry: Traversable) -> dict[str, Any]:
        self.parsed.append(entry.name)
        return read_toml(entry)


def test_the_shipped_library_from_the_cache_is_the_library_from_the_files(
    tmp_path: Path,
) -> None:
    resources, images = paths.resources_dir(), paths.icons_dir() / "exercises"
    plain = load_library(resources, images)
    file = tmp_path / cache_file_name("1.0")
    first, second = CountingParser(), CountingParser()

    cold = ParsedTomlCache(file, first)
    from_files = load_library(resources, images, cold.read)
    cold.save()
    warm = ParsedTomlCache(file, second)
    from_cache = load_library(resources, images, warm.read)

    assert len(first.parsed) > 50  # every file parsed once, on the first start
    assert second.parsed == []  # and none on the next
    assert warm.hits == cold.misses
    for library in (from_files, from_cache):
        assert library.exercises == plain.exercises
        assert library.routines == plain.routines
        assert library.guides == plain.guides
        assert library.sources == plain.sources
        assert library.problems == plain.problems == []


def test_a_changed_file_is_parsed_again_and_the_cache_rewritten(tmp_path: Path) -> None:
    toml = tmp_path / "item.toml"
    toml.write_text('name = "Cat"\n', encoding="utf-8")
    file = tmp_path / "cache" / "parsed.marshal"
    parser = CountingParser()
    cache = ParsedTomlCache(file, parser)
    assert cache.read(toml) == {"name": "Cat"}
    cache.save()
    assert file.is_file()

    toml.write_text('name = "Camel"\n', encoding="utf-8")  # another size
    again = ParsedTomlCache(file, parser)
    assert again.read(toml) == {"name": "Camel"}
    again.save()

    stat = toml.stat()
    toml.write_text('name = "Cow!!"\n', encoding="utf-8")  # the same size, a new time
    os.utime(toml, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000))
    assert ParsedTomlCache(file, parser).read(toml) == {"name": "Cow!!"}
    assert parser.parsed == ["item.toml"] * 3


def test_an_unreadable_cache_is_ignored_and_replaced(tmp_path: Path) -> None:
    toml = tmp_path / "item.toml"
    toml.write_text("n = 1\n", encoding="utf-8")
    file = tmp_path / "parsed.marshal"
    for junk in (b"", b"\x00not marshal", b"\xe9\x00\x00\x00"):  # empty, garbage, an int
        file.write_bytes(junk)
        cache = ParsedTomlCache(file, read_toml)
        assert cache.read(toml) == {"n": 1}
        assert cache.misses == 1
        cache.save()
        assert ParsedTomlCache(file, read_toml).read(toml) == {"n": 1}


def test_a_bad_file_raises_as_before_and_is_not_kept(tmp_path: Path) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text("name = \n", encoding="utf-8")
    file = tmp_path / "parsed.marshal"
    cache = ParsedTomlCache(file, read_toml)
    with pytest.raises(LibraryError, match="not valid TOML"):
        cache.read(bad)
    cache.save()
    assert not file.exists()  # nothing parsed, nothing to keep


def test_a_cache_that_cannot_be_written_is_only_logged(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO)
    toml = tmp_path / "item.toml"
    toml.write_text("n = 1\n", encoding="utf-8")
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the cache folder should be", encoding="utf-8")
    cache = ParsedTomlCache(blocker / "parsed.marshal", read_toml)
    assert cache.read(toml) == {"n": 1}
    cache.save()  # no exception
    assert "not written" in caplog.text


def test_the_file_name_names_the_version_and_the_python() -> None:
    import sys

    name = cache_file_name("2.3.4")
    assert "2.3.4" in name
    assert f"py{sys.version_info[0]}{sys.version_info[1]}" in name
