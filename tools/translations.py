"""`make translations`: extract the interface's words into each language's `ui.ts`, compile `ui.qm`.

    python tools/translations.py            update every language's ui.ts, compile every ui.qm
    python tools/translations.py --check    say what is unfinished or broken (exit 1 if any)
    python tools/translations.py --new fr   start a language: resources/translations/fr/ui.ts

`pyside6-lupdate` reads the interface's Python files (and `core/settings.py`, whose labels are
marked with the core's Qt-free `QT_TRANSLATE_NOOP`) and merges what it finds into the `.ts`
files, keeping every translation already made; `pyside6-lrelease` compiles them. Both come with
PySide6, so nothing beyond `make test`'s install is needed. The `.qm` files are committed: the
app and its wheel need no Qt tools to run. Line numbers are left out of the `.ts` files
(`-locations none`) so that editing code does not rewrite every language's file.

English is the source language, but its counted words still need a catalog: the code writes
"%n day(s)" once and Qt picks "1 day" or "2 days" from `en/ui.ts`, which holds only the counted
messages (`lupdate -pluralonly`, as Qt's documentation advises for an English source).

A language folder ("de") gets a complete `ui.ts`. A country folder ("de_AT") holds only what
differs there: its `ui.ts`, if it has one, is compiled but never filled by lupdate, and its
unfinished entries fall through to the language's catalog.
"""

from __future__ import annotations

import argparse
import copy
import re
import subprocess
import sys
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from xml.etree import ElementTree

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "src" / "spinecoach"
TRANSLATIONS = ROOT / "resources" / "translations"
#: Where the interface's words are written; the core's own words are `core.messages`' catalogs.
SOURCE_FOLDERS = ("ui", "app", "sound", "desktop")
SOURCE_FILES = ("core/settings.py",)
CATALOG = "ui.ts"
#: A language folder, not a country folder.
LANGUAGE_FOLDER = re.compile(r"^[a-z]{2,3}$")
SOURCE_LANGUAGE = "en"
#: The kinds of `<translation>` that are not (or no longer) a finished translation.
UNFINISHED = frozenset({"unfinished", "vanished", "obsolete"})
EXTRA_COMMENT = re.compile(r"\n *<extracomment>.*?</extracomment>", re.DOTALL)
PLACEHOLDER = re.compile(r"\{[A-Za-z_][A-Za-z0-9_]*\}|%n")


def tool(name: str) -> str:
    """A PySide6 tool beside this Python (the venv's), else the one on PATH."""
    beside = Path(sys.executable).parent / name
    return str(beside) if beside.exists() else name


def sources() -> list[Path]:
    """Every file lupdate reads, sorted so the result does not depend on the file system."""
    found = [path for folder in SOURCE_FOLDERS for path in (PACKAGE / folder).rglob("*.py")]
    found += [PACKAGE / name for name in SOURCE_FILES]
    return sorted(found)


def language_folders(root: Path = TRANSLATIONS) -> list[Path]:
    """The language folders ("de"), which each get a complete catalog."""
    return sorted(p for p in root.iterdir() if p.is_dir() and LANGUAGE_FOLDER.match(p.name))


def extract(ts_file: Path, language: str) -> None:
    """Merge the words the sources mark into `ts_file` (created when missing).

    A message that moved to another context (its class was renamed, or split off) keeps its
    translation: lupdate would mark it unfinished and drop the old one.
    """
    known = finished_translations(ts_file) if ts_file.exists() else {}
    _lupdate(ts_file, language)
    if carry_over(ts_file, known):
        _lupdate(ts_file, language)  # lupdate's own layout again


def finished_translations(ts_file: Path) -> dict[tuple[str, bool], ElementTree.Element]:
    """The finished `<translation>` of each (English text, plural?) in `ts_file`."""
    found: dict[tuple[str, bool], ElementTree.Element] = {}
    for message in ElementTree.parse(ts_file).getroot().iter("message"):
        translation = message.find("translation")
        if translation is None or translation.get("type") in UNFINISHED:
            continue
        key = (message.findtext("source", ""), message.get("numerus") == "yes")
        found.setdefault(key, translation)
    return found


def carry_over(ts_file: Path, known: dict[tuple[str, bool], ElementTree.Element]) -> int:
    """Fill unfinished messages of `ts_file` whose English `known` has a translation for."""
    tree = ElementTree.parse(ts_file)
    filled = 0
    for message in tree.getroot().iter("message"):
        translation = message.find("translation")
        key = (message.findtext("source", ""), message.get("numerus") == "yes")
        if translation is None or translation.get("type") != "unfinished" or key not in known:
            continue
        message.remove(translation)
        message.append(copy.deepcopy(known[key]))
        filled += 1
    if filled:
        text = ts_file.read_text(encoding="utf-8")
        head = text[: text.index("<TS")]  # the XML declaration and doctype, as lupdate wrote
        body = ElementTree.tostring(tree.getroot(), encoding="unicode")
        ts_file.write_text(head + body + "\n", encoding="utf-8")
    return filled


def _lupdate(ts_file: Path, language: str) -> None:
    command = [tool("pyside6-lupdate"), "-silent", "-no-obsolete", "-locations", "none"]
    if language == SOURCE_LANGUAGE:
        command.append("-pluralonly")
    command += ["-target-language", language, *map(str, sources()), "-ts", str(ts_file)]
    subprocess.run(command, check=True, cwd=ROOT)
    # lupdate takes every `#:` comment (the code's notes on constants) for a note to
    # translators on the next message; the notes meant for translators are written with
    # `self.tr(text, "disambiguation")`, so the others are dropped.
    text = ts_file.read_text(encoding="utf-8")
    ts_file.write_text(EXTRA_COMMENT.sub("", text), encoding="utf-8")


def compile_catalog(ts_file: Path) -> Path:
    """`ui.ts` -> `ui.qm` beside it."""
    qm_file = ts_file.with_suffix(".qm")
    command = [tool("pyside6-lrelease"), "-silent", str(ts_file), "-qm", str(qm_file)]
    subprocess.run(command, check=True, cwd=ROOT)
    return qm_file


def update(root: Path = TRANSLATIONS) -> None:
    """Extract into every language's catalog, then compile every catalog there is."""
    for folder in language_folders(root):
        extract(folder / CATALOG, folder.name)
    for ts_file in sorted(root.glob(f"*/{CATALOG}")):
        compile_catalog(ts_file)


@dataclass(frozen=True, slots=True)
class Entry:
    """One message of a `.ts` file: where it is, its English, its translation forms."""

    context: str
    source: str
    forms: tuple[str, ...]
    unfinished: bool
    numerus: bool


def entries(ts_file: Path) -> Iterator[Entry]:
    """Every message in `ts_file`, obsolete ones included (lupdate marks them "vanished")."""
    tree = ElementTree.parse(ts_file)
    for context in tree.getroot().iter("context"):
        name = context.findtext("name", "")
        for message in context.iter("message"):
            translation = message.find("translation")
            assert translation is not None
            numerus = message.get("numerus") == "yes"
            forms = (
                tuple(form.text or "" for form in translation.iter("numerusform"))
                if numerus
                else (translation.text or "",)
            )
            kind = translation.get("type", "")
            yield Entry(
                name,
                message.findtext("source", ""),
                forms,
                kind in UNFINISHED,
                numerus,
            )


@dataclass
class Report:
    """What `check` found in one catalog."""

    ts_file: Path
    total: int = 0
    problems: list[str] = field(default_factory=list)

    @property
    def complete(self) -> bool:
        """Whether nothing is unfinished or broken."""
        return not self.problems


def check(ts_file: Path) -> Report:
    """Unfinished messages, counted words not marked plural, and placeholders that differ."""
    report = Report(ts_file)
    for entry in entries(ts_file):
        report.total += 1
        where = f"{entry.context}: {entry.source!r}"
        if entry.unfinished or not all(entry.forms):
            report.problems.append(f"{where}: not translated")
            continue
        if "%n" in entry.source and not entry.numerus:
            report.problems.append(
                f"{where}: has %n but is not counted; write it as self.tr(text, '', n) "
                "(lupdate marks QCoreApplication.translate(..., n) with a variable n as plain)"
            )
        wanted = set(PLACEHOLDER.findall(entry.source))
        for form in entry.forms:
            found = set(PLACEHOLDER.findall(form))
            if entry.numerus and len(entry.forms) > 1:
                found |= {"%n"} & wanted  # a singular may spell the one out ("eine Minute")
            if found != wanted:
                report.problems.append(
                    f"{where}: the translation {form!r} has {sorted(found)}, "
                    f"the English {sorted(wanted)}"
                )
    return report


def new_language(code: str, root: Path = TRANSLATIONS) -> Path:
    """Start a language: its folder and a `ui.ts` holding every message, none translated."""
    if not LANGUAGE_FOLDER.match(code):
        raise SystemExit(
            f"{code!r}: give a language code such as 'fr' (country folders hold "
            "only what differs, and are started by hand)"
        )
    folder = root / code
    folder.mkdir(parents=True, exist_ok=True)
    extract(folder / CATALOG, code)
    return folder / CATALOG


def main(argv: Sequence[str] | None = None) -> int:
    """Update (or only check, or start) the catalogs; exit 1 if a language is incomplete."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="report, change nothing")
    parser.add_argument("--new", metavar="LANGUAGE", help="start a new language's ui.ts")
    args = parser.parse_args(argv)
    if args.new:
        print(f"started {new_language(args.new).relative_to(ROOT)}")
        return 0
    if not args.check:
        update()
    failed = False
    for folder in language_folders():
        report = check(folder / CATALOG)
        done = report.total - len(report.problems)
        print(f"{folder.name}: {done} of {report.total} interface messages translated")
        for problem in report.problems:
            print(f"  {problem}")
        failed |= not report.complete
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
