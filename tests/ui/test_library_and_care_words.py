"""The Library and the care dialogs speak the library's language: the core's words, passed in.

The Library's fixed words (categories, positions, targets, dosage, durations) come from
`core.content_words` and the safety texts from `core.safety.safety_texts`, both in the language
of the `words` given (`Library.words`). Here in German, the complete translation: what is shown
is German, the search finds an exercise by the German words it shows, and the dialogs still fit
at 200 % text with the longer German sentences. English stays as it was (the other tests).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QLabel, QWidget
from pytestqt.qtbot import QtBot

from spinecoach import paths
from spinecoach.app import Application, build
from spinecoach.core.clock import FakeClock
from spinecoach.core.content_words import dosage_text, duration_text, label, term
from spinecoach.core.exercise import Category, Position
from spinecoach.core.library import Library, Problem
from spinecoach.core.messages import Messages
from spinecoach.core.safety import RED_FLAG_GROUPS, safety_texts
from spinecoach.core.timeline import POSITION_WORDS
from spinecoach.core.translation import load_library_in
from spinecoach.ui.care.advice_dialogs import InPainDialog
from spinecoach.ui.care.hurts_dialog import HurtsDialog
from spinecoach.ui.care.red_flags import red_flags_panel
from spinecoach.ui.care.safety_dialog import SafetyDialog
from spinecoach.ui.library.detail_parts import PICTURED_POSITIONS
from spinecoach.ui.library.illustrations import IllustrationCache
from spinecoach.ui.library.model import Role
from spinecoach.ui.library.pane import LibraryPane
from tests.fakes import RecordingCues, ScriptedPrompts
from tests.ui.layout_check import assert_fits
from tests.ui.reading import shown_red_flags


@pytest.fixture(scope="module")
def german() -> Library:
    return load_library_in(paths.resources_dir(), paths.icons_dir() / "exercises", "de")


@pytest.fixture
def words(german: Library) -> Messages:
    return german.words


def make_pane(qtbot: QtBot, library: Library) -> LibraryPane:
    widget = LibraryPane(library, IllustrationCache(paths.icons_dir() / "exercises"))
    qtbot.addWidget(widget)
    widget.resize(1100, 760)
    widget.show()
    return widget


@pytest.fixture
def pane(qtbot: QtBot, german: Library) -> LibraryPane:
    return make_pane(qtbot, german)


def texts(widget: QWidget) -> list[str]:
    return [label.text() for label in widget.findChildren(QLabel)]


def subtitle(pane: LibraryPane, item_id: str) -> str:
    row = pane.model.row_of(item_id)
    assert row is not None
    return str(pane.model.index(row).data(Role.SUBTITLE))


# --- the Library ----------------------------------------------------------------------------------


def test_the_filters_name_positions_and_kinds_in_german(pane: LibraryPane, words: Messages) -> None:
    positions = [pane.position_filter.itemText(i) for i in range(pane.position_filter.count())]
    kinds = [pane.category_filter.itemText(i) for i in range(pane.category_filter.count())]
    assert positions[1:] == [label(position, words) for position in Position]
    assert kinds[1:] == [label(category, words) for category in Category]
    assert "Rückenlage" in positions and "Im Knien" in positions  # a capital, the rest kept
    assert "Kräftigung" in kinds
    lengths = [pane.duration_filter.itemText(i) for i in range(pane.duration_filter.count())]
    assert lengths[1] == f"Up to {duration_text(120, words)}" == "Up to 2 Min."


def test_a_row_reads_its_category_position_and_length_in_german(
    pane: LibraryPane, german: Library, words: Messages
) -> None:
    exercise = german.exercises["cat-cow"]
    assert subtitle(pane, "cat-cow") == (
        f"Mobilisation · Vierfüßlerstand · {duration_text(exercise.total_seconds(), words)}"
    )
    assert "Min." in subtitle(pane, "desk-break")  # a routine's length, in German units


def test_the_search_finds_an_exercise_by_its_german_category(
    qtbot: QtBot, pane: LibraryPane, german: Library
) -> None:
    qtbot.keyClicks(pane.search, "Mobilisation")
    ids = pane.visible_ids()
    assert "cat-cow" in ids
    mobility = {e.id for e in german.exercises.values() if e.category is Category.MOBILITY}
    assert mobility <= set(ids)
    assert "glute-bridge" not in ids


def test_the_search_finds_by_german_position_and_with_other_words(
    pane: LibraryPane, german: Library
) -> None:
    pane.search.setText("rückenlage")  # any case, as the other words
    assert "glute-bridge" in pane.visible_ids()
    assert "cat-cow" not in pane.visible_ids()
    pane.search.setText("Kräft Vierfüß")  # beginnings of words, as the search does elsewhere
    ids = pane.visible_ids()
    assert "bird-dog" in ids
    assert "glute-bridge" not in ids  # strength, but lying on the back
    pane.search.setText(f"Kräftigung {german.exercises['glute-bridge'].name}")  # kind and name
    # The bridge and its harder versions (issue 17) all carry the name.
    assert set(pane.visible_ids()) == {"glute-bridge", "marching-bridge", "single-leg-bridge"}


def test_german_words_people_type_are_known(
    qtbot: QtBot, pane: LibraryPane, german: Library, words: Messages
) -> None:
    from spinecoach.core.search_words import SCIATICA_IDS, SCIATICA_NOTE

    pane.search.setText("Ischias")
    assert set(pane.visible_ids()) == SCIATICA_IDS
    assert pane.detail.note == words.text(SCIATICA_NOTE)
    assert "Ischias" in pane.detail.note
    pane.search.setText("Nacken")
    assert pane.visible_ids()[0] == "neck-and-shoulders"
    assert pane.detail.note == ""
    pane.search.setText("huefte")  # an umlaut typed as "ue"
    hips = pane.visible_ids()
    pane.search.setText("Hüfte")
    assert pane.visible_ids() == hips
    assert "standing-hip-hinge" in hips[:8]
    pane.search.setText("xyz Haltung")
    assert pane.visible_ids() == []
    shown = [
        button.text()
        for button in pane.nothing_found.suggestion_buttons
        if button.isVisibleTo(pane)
    ]
    assert shown[:3] == ["unterer Rücken", "Nacken", "Hüfte"]


def test_the_english_words_still_find_what_they_found(pane: LibraryPane) -> None:
    pane.search.setText("mobility")  # core.catalog's own words, whatever the language
    assert "cat-cow" in pane.visible_ids()


def test_the_details_show_german_chips_and_dosage(
    pane: LibraryPane, german: Library, words: Messages
) -> None:
    exercise = german.exercises["bird-dog"]
    pane.select_item("bird-dog")
    shown = texts(pane.detail)
    for chip in (label(Category.STRENGTH, words), label(Position.ALL_FOURS, words), "Rumpf"):
        assert chip in shown
    dosage = pane.detail.findChild(QLabel, "detailDosage")
    assert dosage is not None
    assert dosage.text().startswith(dosage_text(exercise, words=words))
    assert "je Seite" in dosage.text()  # two-sided, in German
    assert "each side" not in " ".join(shown)


def test_a_routine_lists_german_dosage_and_durations(
    pane: LibraryPane, german: Library, words: Messages
) -> None:
    routine = german.routines["desk-break"]
    pane.select_item("desk-break")
    shown = texts(pane.detail)
    for item in routine.items:
        assert dosage_text(item.exercise, item.dosage, words) in shown
        assert duration_text(item.seconds, words) in shown
    timing = pane.detail.findChild(QLabel, "routineTiming")
    assert timing is not None
    assert timing.text().startswith(duration_text(routine.total_seconds, words))


def test_a_guide_names_its_position_in_german(pane: LibraryPane, german: Library) -> None:
    guide = german.guides["log-roll"]
    pane.detail.show_guide(guide)
    assert label(guide.position, german.words) in texts(pane.detail)


def test_the_english_library_reads_as_before(qtbot: QtBot) -> None:
    english = load_library_in(paths.resources_dir(), paths.icons_dir() / "exercises", "en")
    pane = make_pane(qtbot, english)
    assert subtitle(pane, "cat-cow").startswith("Mobility · all fours · ")
    assert pane.position_filter.itemText(1) == "Lying on back"
    routine = english.routines["desk-break"]
    count = len(routine.items)
    assert subtitle(pane, "desk-break").endswith(f" · {count} exercises")
    pane.select_item("bird-dog")
    assert "Strength" in texts(pane.detail) and "Core" in texts(pane.detail)


@pytest.mark.parametrize(
    ("count", "heading"),
    [
        (1, "1 library file could not be loaded and was skipped. Everything else works."),
        (2, "2 library files could not be loaded and were skipped. Everything else works."),
    ],
)
def test_the_problems_banner_counts_in_english(
    qtbot: QtBot, german: Library, count: int, heading: str
) -> None:
    problems = [Problem(f"exercises/typo{n}.toml", "name", "too long") for n in range(count)]
    broken = Library(exercises=dict(german.exercises), problems=problems, words=german.words)
    pane = make_pane(qtbot, broken)
    assert heading in texts(pane)


def test_a_picture_is_described_as_the_player_names_the_position() -> None:
    assert PICTURED_POSITIONS == POSITION_WORDS


# --- the care dialogs -----------------------------------------------------------------------------


def german_groups(words: Messages) -> list[tuple[str, tuple[str, ...]]]:
    return [(group.heading, group.items) for group in safety_texts(words).red_flag_groups]


def test_this_hurts_shows_the_german_advice_and_red_flags(qtbot: QtBot, words: Messages) -> None:
    dialog = HurtsDialog("Katze und Kuh", words=words)
    qtbot.addWidget(dialog)
    advice = dialog.findChild(QLabel, "hurtsAdvice")
    assert advice is not None
    german = safety_texts(words)
    assert advice.text().splitlines() == [f"•  {line}" for line in german.in_pain_advice]
    assert shown_red_flags(dialog, "hurtsRedFlags") == german_groups(words)
    assert "112" in german.emergency.heading  # the German emergency number, not 999
    assert "999" not in " ".join(texts(dialog))


def test_the_safety_notes_are_german(qtbot: QtBot, words: Messages) -> None:
    dialog = SafetyDialog(first_run=True, words=words)
    qtbot.addWidget(dialog)
    german = safety_texts(words)
    shown = texts(dialog)
    assert german.intro in shown
    assert german.self_management in shown
    for principle in german.principles:
        assert f"•  {principle}" in shown
    assert shown_red_flags(dialog, "redFlags") == german_groups(words)
    assert safety_texts().intro not in shown


def test_in_pain_shows_the_german_advice(qtbot: QtBot, words: Messages) -> None:
    dialog = InPainDialog(words=words)
    qtbot.addWidget(dialog)
    german = safety_texts(words)
    for number, line in enumerate(german.in_pain_advice):
        shown = dialog.findChild(QLabel, f"inPainAdvice{number}")
        assert shown is not None and shown.text() == f"•  {line}"
    assert shown_red_flags(dialog, "inPainRedFlags") == german_groups(words)


def test_the_red_flags_panel_takes_words_or_groups(qtbot: QtBot, words: Messages) -> None:
    holder = QWidget()
    qtbot.addWidget(holder)
    red_flags_panel("german", parent=holder, words=words)
    red_flags_panel("english", parent=holder)
    assert shown_red_flags(holder, "german") == german_groups(words)
    assert shown_red_flags(holder, "english") == [(g.heading, g.items) for g in RED_FLAG_GROUPS]


@pytest.fixture
def app(qtbot: QtBot, data_dir: Path) -> Iterator[Application]:
    start = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
    application = build(data_dir, FakeClock(start), prompts=ScriptedPrompts(), cues=RecordingCues())
    qtbot.addWidget(application.window)
    yield application
    if application.reminders is not None:
        application.reminders.stop()
    application.window.close()
    application.database.close()


GERMAN_DIALOGS: dict[str, Callable[[Messages], QWidget]] = {
    "this hurts": lambda words: HurtsDialog("Arm-Bein-Strecken im Vierfüßlerstand", words=words),
    "safety, first run": lambda words: SafetyDialog(first_run=True, words=words),
    "safety, from Help": lambda words: SafetyDialog(first_run=False, words=words),
    "in pain": lambda words: InPainDialog(words=words),
}


@pytest.mark.parametrize("text", [100, 200])
@pytest.mark.parametrize("name", list(GERMAN_DIALOGS))
def test_the_german_care_dialogs_fit(
    qtbot: QtBot, app: Application, words: Messages, name: str, text: int
) -> None:
    app.state.set("text_size", text)
    dialog = GERMAN_DIALOGS[name](words)
    qtbot.addWidget(dialog)
    dialog.show()
    QApplication.processEvents()
    assert_fits(dialog, f"{name} in German at {text} %")
    screen = dialog.screen()
    assert screen is not None
    assert dialog.width() <= screen.availableGeometry().width()


@pytest.mark.parametrize("size", [(860, 500, 100), (1180, 700, 200), (1100, 650, 200)], ids=str)
def test_the_german_library_fits(
    qtbot: QtBot, app: Application, german: Library, size: tuple[int, int, int]
) -> None:
    # Long German words ("Vierfüßlerstand" in a title, the dosage of a two-sided exercise, the
    # empty list's hint) must wrap or move, not push the details into scrolling sideways.
    width, height, text = size
    app.state.set("text_size", text)
    pane = make_pane(qtbot, german)
    pane.resize(width, height)
    for item in ("desk-break", "bird-dog", "core-strength", "gentle-floor-stretches"):
        pane.select_item(item)
        for _ in range(3):
            QApplication.processEvents()
        assert_fits(pane, f"the German library showing {item} at {size}")


def test_the_width_follows_the_text_size(qtbot: QtBot, app: Application) -> None:
    widths = {}
    for text in (100, 150):
        app.state.set("text_size", text)
        dialog = HurtsDialog("Knee to chest")
        qtbot.addWidget(dialog)
        widths[text] = dialog.minimumWidth()
    assert widths[150] > widths[100]


def test_german_terms_are_not_english(words: Messages) -> None:
    # The guard for the tests above: the German library really has its own words.
    assert term(Position.KNEELING, words) != Position.KNEELING.value
