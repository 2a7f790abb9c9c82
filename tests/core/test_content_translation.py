"""Content in another language (issue 14): German complete, every fallback field by field.

Checks the shipped German against the English it translates (every file, every field, every
message; the same steps and cautions; the same red flags), a made-up partial language falling
back to English field by field with a problem for each bad field, and English unchanged.
"""

from __future__ import annotations

import re
import shutil
import tomllib
from collections.abc import Iterator
from pathlib import Path

import pytest

from spinecoach.core import content_words, pain, reminder_summary, safety
from spinecoach.core.cues import end_of_hold_cue, entry_cues
from spinecoach.core.exercise import Category, Position, Target, format_duration
from spinecoach.core.languages import available_languages
from spinecoach.core.library import Library, load_library
from spinecoach.core.messages import ENGLISH
from spinecoach.core.session_settings import played_seconds
from spinecoach.core.timeline import build_timeline
from spinecoach.core.translation import declared_messages, load_library_in
from spinecoach.core.translation_format import TRANSLATABLE_FIELDS
from spinecoach.core.translation_tools import check_language, main, write_skeleton

REPO = Path(__file__).resolve().parents[2]
RESOURCES = REPO / "resources"
IMAGES = REPO / "icons" / "exercises"
GERMAN = RESOURCES / "translations" / "de"
KINDS = tuple(TRANSLATABLE_FIELDS)

#: German texts that are rightly the same as the English.
SAME_IN_GERMAN = {
    "core.toml: content.duration.seconds",  # "{seconds} s"
    "core.toml: reminders.sentence",  # "{reminders}{when}: {listed}."
    "core.toml: reminders.list-separator",  # ", "
    "core.toml: report.programme.routine-line",  # "{routine}: {frequency}"
    "core.toml: report.changes.from-to",  # "{before} → {after}"
    "core.toml: report.programme.routine-exercise",  # "{routine}: {exercise}"
}


@pytest.fixture(scope="module")
def english() -> Library:
    return load_library(RESOURCES, IMAGES)


@pytest.fixture(scope="module")
def german() -> Library:
    return load_library_in(RESOURCES, IMAGES, "de")


def _toml(path: Path) -> dict[str, object]:
    return tomllib.loads(path.read_text(encoding="utf-8"))


# --- the shipped German ------------------------------------------------------------------------


def test_german_is_complete_with_no_problem() -> None:
    report = check_language(RESOURCES, IMAGES, "de")
    assert report.problems == ()
    assert report.missing == ()
    assert set(report.same_as_english) <= SAME_IN_GERMAN
    assert report.complete
    assert report.counts == {
        "exercises": (44, 44),
        "routines": (9, 9),
        "guides": (2, 2),
        "messages": (len(declared_messages()), len(declared_messages())),
    }


@pytest.mark.parametrize("kind", KINDS)
def test_every_english_file_has_a_german_one_and_no_other(kind: str) -> None:
    english_ids = {path.stem for path in (RESOURCES / kind).glob("*.toml")}
    german_ids = {path.stem for path in (GERMAN / kind).glob("*.toml")}
    assert german_ids == english_ids


@pytest.mark.parametrize("kind", KINDS)
def test_every_german_file_holds_every_field_and_the_same_number_of_entries(kind: str) -> None:
    for path in sorted((GERMAN / kind).glob("*.toml")):
        original = _toml(RESOURCES / kind / path.name)
        translated = _toml(path)
        expected = {"id", *(f for f in TRANSLATABLE_FIELDS[kind] if f in original)}
        assert set(translated) == expected, path.name
        assert translated["id"] == original["id"]
        for field in ("steps", "cautions"):
            if field in original:
                entries, english_entries = translated[field], original[field]
                assert isinstance(entries, list) and isinstance(english_entries, list)
                assert len(entries) == len(english_entries), f"{path.name} {field}"


def test_the_german_library_is_the_english_one_in_other_words(
    english: Library, german: Library
) -> None:
    assert german.problems == []
    assert german.language == "de"
    assert set(german.exercises) == set(english.exercises)
    for key, exercise in german.exercises.items():
        original = english.exercises[key]
        assert exercise.name != original.name, key
        assert exercise.steps != original.steps, key
        assert len(exercise.steps) == len(original.steps)
        assert len(exercise.cautions) == len(original.cautions)
        assert (exercise.breathing is None) == (original.breathing is None)
        # Everything that is not words is the English file's.
        assert exercise.dosage == original.dosage
        assert (exercise.position, exercise.sides, exercise.side_means, exercise.hold_step) == (
            original.position,
            original.sides,
            original.side_means,
            original.hold_step,
        )
    for key, routine in german.routines.items():
        english_routine = english.routines[key]
        assert routine.name != english_routine.name
        assert [item.exercise for item in routine.items] == [
            german.exercises[item.exercise.id] for item in english_routine.items
        ]
        assert [i.dosage for i in routine.items] == [i.dosage for i in english_routine.items]
        assert played_seconds(routine) == played_seconds(english_routine)
    for key, guide in german.guides.items():
        assert guide.steps != english.guides[key].steps
        assert len(guide.steps) == len(english.guides[key].steps)


def test_translating_leaves_the_english_library_as_it_was(english: Library) -> None:
    again = load_library(RESOURCES, IMAGES)
    assert load_library_in(RESOURCES, IMAGES, "de") != english
    assert again == english
    assert load_library_in(RESOURCES, IMAGES, "en") == english
    assert english.words is ENGLISH


def test_sources_keep_their_titles_and_gain_a_note(english: Library, german: Library) -> None:
    for key, source in german.sources.items():
        assert source.title == english.sources[key].title
        assert german.source_notes[key]
    assert german.cite(["nhs-back-pain"]) == [
        "Back pain (NHS) – britischer staatlicher Gesundheitsdienst, auf Englisch"
    ]
    assert english.cite(["nhs-back-pain"]) == ["Back pain (NHS)"]


def test_german_safety_texts_are_complete_and_name_german_services(german: Library) -> None:
    texts = safety.safety_texts(german.words)
    english = safety.safety_texts()
    assert [g.id for g in texts.red_flag_groups] == [g.id for g in english.red_flag_groups]
    for group, original in zip(texts.red_flag_groups, english.red_flag_groups, strict=True):
        assert len(group.items) == len(original.items)
        assert len(set(group.items)) == len(group.items)
        assert group.heading != original.heading
        assert all(item not in original.items for item in group.items)
    assert len(texts.principles) == len(english.principles)
    assert len(texts.in_pain_advice) == len(english.in_pain_advice)
    emergency, today = texts.red_flag_groups
    assert "Notruf 112" in emergency.heading
    assert "116 117" in today.heading
    everything = " ".join(_safety_strings(texts))
    for british in ("999", "111", "A&E", "GP", "NHS"):
        assert british not in everything


def _safety_strings(texts: safety.SafetyTexts) -> Iterator[str]:
    for group in texts.red_flag_groups:
        yield group.heading
        yield group.action
        yield from group.items
    yield texts.intro
    yield texts.self_management
    yield from texts.principles
    yield from texts.in_pain_advice


#: What a German health text must not promise (the German half of test_clinical_wording).
PROMISES_DE = re.compile(
    r"\b(sicher\w*|ungefährlich\w*|heil\w*|kurier\w*|garantier\w*|beseitig\w*|linder\w*|"
    r"wird\s+helfen|hilft\s+garantiert|schmerzfrei)\b",
    re.IGNORECASE,
)
DISCLAIMER_DE = "stellt keine Diagnosen, behandelt oder heilt keine Erkrankung"


def _strings(value: object) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item)
    elif isinstance(value, dict):
        for item in value.values():
            yield from _strings(item)


def test_no_german_text_promises_safety_or_a_cure() -> None:
    found = []
    for path in sorted(GERMAN.rglob("*.toml")):
        for text in _strings(_toml(path)):
            for match in PROMISES_DE.finditer(text.replace(DISCLAIMER_DE, "")):
                found.append(f"{path.relative_to(GERMAN)}: {match.group(0)!r} in {text[:60]!r}")
    assert found == []
    assert (
        DISCLAIMER_DE in safety.safety_texts(load_library_in(RESOURCES, IMAGES, "de").words).intro
    )
    assert PROMISES_DE.search("Diese Übung ist sicher und wird helfen")


def test_the_german_player_says_everything_in_german(english: Library, german: Library) -> None:
    for key, routine in german.routines.items():
        german_phases = build_timeline(routine, words=german.words)
        english_phases = build_timeline(english.routines[key])
        assert len(german_phases) == len(english_phases)
        for index, (de, en) in enumerate(zip(german_phases, english_phases, strict=True)):
            assert de.label != en.label
            assert (de.counter_text == "") == (en.counter_text == "")
            assert (de.position_prompt == "") == (en.position_prompt == "")
            for de_cue, en_cue in zip(entry_cues(de), entry_cues(en), strict=True):
                assert de_cue.kind is en_cue.kind
                assert de_cue.text and de_cue.text != en_cue.text
                assert de_cue.text[0].isupper() or de_cue.text[0].isdigit()
            if index + 1 < len(german_phases) and de.kind.value == "hold":
                released = end_of_hold_cue(german_phases[index + 1]).text
                assert released in {"", "Und lösen"}


def test_the_german_player_words(german: Library) -> None:
    routine = german.routines["gentle-floor-stretches"]
    phases = build_timeline(routine, words=german.words)
    first = phases[0]
    assert first.label == "Vorbereiten"
    assert entry_cues(first)[0].text == (
        "Machen Sie sich bereit: Bauch sanft einziehen. "
        "Drücken Sie auf Start, sobald Sie auf dem Rücken liegen"
    )
    knee = next(p for p in phases if p.exercise.id == "knee-to-chest" and p.kind.value == "hold")
    assert knee.counter_text == "Wiederholung 1 von 2 · linkes Bein"
    assert entry_cues(knee)[0].text == "20 Sekunden halten"
    switch = next(p for p in phases if p.kind.value == "switch-sides")
    assert entry_cues(switch)[0].text == "Seitenwechsel: Knie nach rechts"
    walk = build_timeline(german.routines["walk-and-stretch"], words=german.words)[1]
    assert (walk.label, walk.counter_text) == ("Weiter so", "Auf Zeit")
    assert entry_cues(walk)[0].text == "Los geht's, 10 Minuten lang"


def test_german_pain_advice_and_reminder_sentence(german: Library) -> None:
    words = german.words
    routines = german.routines.values()
    rise = pain.rise_advice(3, 6, routines=routines, just_done="core-strength", words=words)
    assert rise is not None
    assert (
        rise.summary == "Ihre Schmerzen sind in dieser Übungseinheit von 3 auf 6 von 10 gestiegen."
    )
    assert "„Sanft bewegen an schlechten Tagen“" in rise.advice[1]
    assert [g.id for g in rise.red_flags] == ["emergency"]
    assert not rise.show_red_flags
    severe = pain.rise_advice(None, 8, words=words)
    assert severe is not None and severe.show_red_flags
    assert severe.red_flags == safety.red_flag_groups(words)
    before = pain.high_before_advice(9, words=words)
    assert before is not None and before.summary.startswith("Bei Schmerzen von 9 von 10 machen Sie")
    summary = reminder_summary.ReminderSummary(
        shown=5, desk_breaks=2, skipped=2, skipped_in_pain=2, unanswered=1, breaks_on_own=1
    )
    week = words.text(reminder_summary.THIS_WEEK)
    assert reminder_summary.describe_reminders(summary, week, words) == (
        "5 Erinnerungen zum Aufstehen in dieser Woche: 2 führten zu einer Schreibtischpause, "
        "2 wurden wegen Schmerzen übersprungen und 1 blieb ohne festgehaltene Antwort. "
        "1 weitere Schreibtischpause wurde ohne Erinnerung begonnen."
    )


def test_content_words_in_german_and_unchanged_in_english(
    english: Library, german: Library
) -> None:
    knee = german.exercises["knee-to-chest"]
    assert content_words.dosage_text(knee, words=german.words) == "3 × 20 s halten, je Seite"
    assert content_words.label(Target.LOWER_BACK, german.words) == "Unterer Rücken"
    assert content_words.term(Position.SEATED, german.words) == "im Sitzen"
    assert content_words.duration_text(3900, german.words) == "1 Std. 5 Min."
    for member in (*Category, *Position, *Target):
        assert content_words.term(member) == member.value
        assert content_words.label(member, german.words) != content_words.label(member)
    for exercise in english.exercises.values():
        assert content_words.dosage_text(exercise) == exercise.dosage_text()
    for routine in english.routines.values():
        for item in routine.items:
            assert content_words.dosage_text(item.exercise, item.dosage) == (
                item.exercise.dosage_text(item.dosage)
            )
    for seconds in range(0, 20_000, 7):
        assert content_words.duration_text(seconds) == format_duration(seconds)


def test_languages_on_offer() -> None:
    assert available_languages(RESOURCES)[:1] == ("en",)
    assert "de" in available_languages(RESOURCES)


def test_the_checker_command(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["de", str(RESOURCES), str(IMAGES)]) == 0
    out = capsys.readouterr().out
    assert "de: exercises 44/44, routines 9/9, guides 2/2" in out
    assert "error:" not in out and "missing:" not in out
    assert main([]) == 2


# --- a made-up language, partly translated -----------------------------------------------------


@pytest.fixture
def resources(tmp_path: Path) -> Path:
    """A copy of the shipped English library, with no translations."""
    root = tmp_path / "resources"
    shutil.copytree(
        RESOURCES, root, ignore=shutil.ignore_patterns("sounds", "poses", "translations")
    )
    (root / "translations" / "xx" / "exercises").mkdir(parents=True)
    (root / "translations" / "xx" / "routines").mkdir()
    return root


def _write(resources: Path, relative: str, text: str) -> None:
    path = resources / "translations" / "xx" / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def test_a_partial_language_falls_back_field_by_field(resources: Path, english: Library) -> None:
    _write(
        resources,
        "exercises/knee-to-chest.toml",
        'id = "knee-to-chest"\nname = "Kne til bryst"\n'
        'cautions = ["One", "Two"]\n'  # too few entries: stays English
        'dosage = "3 x 20"\n',  # not translatable: stays English
    )
    _write(resources, "routines/desk-break.toml", 'id = "desk-break"\nname = "Skrivebordspause"\n')
    _write(resources, "core.toml", '[timeline.phase]\nrest = "Pause"\n')
    library = load_library_in(resources, IMAGES, "xx")
    knee, original = library.exercises["knee-to-chest"], english.exercises["knee-to-chest"]
    assert knee.name == "Kne til bryst"
    assert (knee.summary, knee.steps, knee.cautions, knee.breathing) == (
        original.summary,
        original.steps,
        original.cautions,
        original.breathing,
    )
    assert library.exercises["bird-dog"] == english.exercises["bird-dog"]
    desk = library.routines["desk-break"]
    assert (desk.name, desk.description) == (
        "Skrivebordspause",
        english.routines["desk-break"].description,
    )
    in_routine = library.routines["gentle-floor-stretches"].items
    assert [i.exercise for i in in_routine if i.exercise.id == "knee-to-chest"] == [knee]
    problems = {(p.source, p.field): p.message for p in library.problems}
    assert set(problems) == {
        ("translations/xx/exercises/knee-to-chest.toml", "cautions"),
        ("translations/xx/exercises/knee-to-chest.toml", "dosage"),
    }
    assert (
        "must have 4 entries, as the English has (it has 2)"
        in problems[("translations/xx/exercises/knee-to-chest.toml", "cautions")]
    )
    assert "not translated" in problems[("translations/xx/exercises/knee-to-chest.toml", "dosage")]
    phases = build_timeline(desk, words=library.words)
    assert {p.label for p in phases} >= {"Get ready", "Hold"}  # the rest stays English
    rest = next(iter(build_timeline(library.routines["core-strength"], words=library.words)))
    assert rest.words is library.words
    report = check_language(resources, IMAGES, "xx")
    assert not report.complete
    assert "exercises/bird-dog.toml: nothing translated" in report.missing
    assert "exercises/knee-to-chest.toml: summary" in report.missing
    assert "core.toml: timeline.phase.hold" in report.missing
    assert report.counts["messages"] == (1, len(declared_messages()))


@pytest.mark.parametrize(
    ("name", "text", "field", "says"),
    [
        ("exercises/no-such-exercise.toml", 'id = "no-such-exercise"\n', "id", "no English"),
        ("exercises/knee-to-chest.toml", 'id = "bird-dog"\n', "id", "must match the file name"),
        (
            "exercises/knee-to-chest.toml",
            'id = "knee-to-chest"\nsteps = ["Ein Schritt, lang genug."]\n',
            "steps",
            "must have 6 entries",
        ),
        (
            "exercises/knee-to-chest.toml",
            'id = "knee-to-chest"\nnmae = "Kne"\n',
            "nmae",
            "spelling",
        ),
        (
            "exercises/knee-to-chest.toml",
            'id = "knee-to-chest"\nname = "' + "x" * 51 + '"\n',
            "name",
            "2-50 characters",
        ),
        ("routines/desk-break.toml", 'id = "desk-break"\nitems = []\n', "items", "not translated"),
        ("sources.toml", '[seed-000]\ntitle = "Neu"\n', "seed-000.title", "keeps its title"),
        ("sources.toml", '[seed-999]\nnote = "Neu"\n', "seed-999", "not a source"),
        ("core.toml", '[timeline.phase]\nhold = "{dauer}"\n', "timeline.phase.hold", "{dauer}"),
        ("exercises/knee-to-chest.toml", "id = ", "", "not valid TOML"),
    ],
)
def test_each_bad_translation_is_a_problem_naming_file_and_field(
    resources: Path, name: str, text: str, field: str, says: str | None
) -> None:
    _write(resources, name, text)
    library = load_library_in(resources, IMAGES, "xx")
    assert [(p.source, p.field) for p in library.problems] == [(f"translations/xx/{name}", field)]
    if says is not None:
        assert says in library.problems[0].message


def test_breathing_is_translated_only_where_the_english_has_one(resources: Path) -> None:
    english_file = resources / "exercises" / "shoulder-rolls.toml"
    lines = english_file.read_text(encoding="utf-8").splitlines(keepends=True)
    english_file.write_text("".join(x for x in lines if not x.startswith("breathing")), "utf-8")
    _write(
        resources,
        "exercises/shoulder-rolls.toml",
        'id = "shoulder-rolls"\nbreathing = "Ruhig atmen."\n',
    )
    library = load_library_in(resources, IMAGES, "xx")
    assert library.exercises["shoulder-rolls"].breathing is None
    assert [(p.field, p.message) for p in library.problems] == [
        ("breathing", "the English exercise has no breathing cue to translate")
    ]
    report = check_language(resources, IMAGES, "xx")
    assert "exercises/shoulder-rolls.toml: breathing" not in report.missing
    assert "exercises/shoulder-rolls.toml: nothing translated" in report.missing


def test_an_unknown_language_is_english_and_a_bad_code_a_problem(english: Library) -> None:
    french = load_library_in(RESOURCES, IMAGES, "fr_FR.UTF-8")
    assert french.problems == []
    assert (french.exercises, french.routines, french.guides) == (
        english.exercises,
        english.routines,
        english.guides,
    )
    assert french.language == "fr_FR"
    assert french.words.translated_keys() == frozenset()
    bad = load_library_in(RESOURCES, IMAGES, "../de")
    assert [(p.field, p.source) for p in bad.problems] == [("language", "translations")]
    assert bad.exercises == english.exercises


def test_a_new_language_starts_as_english_to_translate(resources: Path) -> None:
    folder = write_skeleton(resources, IMAGES, "xx_YY")
    assert folder == resources / "translations" / "xx_YY"
    report = check_language(resources, IMAGES, "xx_YY")
    assert report.problems == ()
    assert report.missing == ()
    total = sum(len(TRANSLATABLE_FIELDS[k]) for k in KINDS)  # a rough lower bound
    assert len(report.same_as_english) > total
    with pytest.raises(FileExistsError):
        write_skeleton(resources, IMAGES, "xx_YY")
    with pytest.raises(ValueError, match="English"):
        write_skeleton(resources, IMAGES, "en")
