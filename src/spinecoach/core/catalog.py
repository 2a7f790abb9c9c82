"""Search and filter the library: the rules behind the Library pane's search box and filters.

Kept out of the widgets so the rules are tested without a window, and so the tray and later
views filter exactly the same way.

**Filters** (position, kind, desk, length) keep or drop an item; **the search text** also
ranks what is kept. Every word (or known phrase) typed must be found somewhere, and where it is
found decides the order:

1. in the item's **name** ("hip" in "Standing hip hinge"),
2. in **what it is for**: its body areas, kind and position ("hips" among its targets; for a
   routine, the body areas most of its exercises work),
3. in its **summary** or a routine's description,
4. only in its **steps** (or, for a routine, in the names of its exercises);

and within each place a whole word ("hip", "hips") ranks above the beginning of a word ("ham"
in "hamstrings"), which ranks above a piece inside a longer word (four letters or more:
"schenkel" in "Oberschenkelrückseite"). Ties go by name.

**The words people type** are known (`SEARCH_WORDS`): "lumbago", "low back" and "lower back"
mean the lower back, "desk" what can be done beside one, "stiff" the mobility exercises; and
"sciatica" (or a slipped disc, a trapped nerve, pins and needles) brings the gentle options
people with leg pain are usually given, with a note on when to see a clinician
(`SCIATICA_NOTE`). Words for signs that need a doctor urgently (bladder, both legs, cauda
equina) bring no exercises, only that advice (`URGENT_NOTE`). With a German library the German
words are known too (Ischias, Hexenschuss, Nacken, Haltung, steif...), and umlauts may be typed
as "ue" or left off. When nothing matches, `SearchResult` says what would help: the filters that
hide matches, the words that find nothing, and words that do (`SUGGESTIONS`).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from enum import IntEnum
from functools import cached_property, lru_cache

from spinecoach.core.content_words import term
from spinecoach.core.exercise import (
    FLOOR_POSITIONS,
    Category,
    Exercise,
    Position,
    Routine,
    Target,
)
from spinecoach.core.messages import ENGLISH, Message, Messages, base_language


@dataclass(frozen=True, slots=True)
class LibraryFilter:
    """What the person asked to see. Empty / None fields do not filter."""

    text: str = ""
    position: Position | None = None
    category: Category | None = None
    desk_friendly_only: bool = False
    max_seconds: int | None = None

    @property
    def is_empty(self) -> bool:
        """True when nothing narrows the list."""
        return self == LibraryFilter()

    @property
    def has_filters(self) -> bool:
        """True when a filter other than the search text is set."""
        return (
            self.position is not None
            or self.category is not None
            or self.desk_friendly_only
            or self.max_seconds is not None
        )

    def without_filters(self) -> LibraryFilter:
        """The same search text, every other filter cleared."""
        return LibraryFilter(text=self.text)


# --- the words people type ----------------------------------------------------------------------

#: What shows with a search for leg pain: when to see a clinician, and the urgent signs.
SCIATICA_NOTE = Message(
    "catalog.note.sciatica",
    "Pain that spreads down a leg (sciatica) is worth checking with a GP or physiotherapist if "
    "it is getting worse, has not eased after a few weeks, or comes with numbness, pins and "
    "needles or weakness. Get urgent help for numbness around your bottom or genitals, new "
    "problems peeing or pooing, or symptoms in both legs. These are gentle options; stop any "
    "that sends pain further down your leg.",
)

#: What shows instead of exercises when the search names a sign that needs a doctor urgently.
URGENT_NOTE = Message(
    "catalog.note.urgent",
    "Numbness around your bottom or genitals, new problems peeing or pooing, or weakness or "
    "numbness in both legs need urgent medical help, not exercise. The safety notes (in the "
    "Help menu) say where to get it.",
)


@dataclass(frozen=True, slots=True)
class Concept:
    """What a known word or phrase stands for, beyond its own letters.

    An item meets it when it works one of `targets`, is of one of `categories`, is done in one
    of `positions`, can be done beside a desk (`desk`), is no harder than `max_difficulty`, or
    is named in `ids` (exercises and routines chosen for it, by id). `note` is advice shown
    with the results; an `urgent` one means the results are not the answer.
    """

    key: str
    targets: frozenset[Target] = frozenset()
    categories: frozenset[Category] = frozenset()
    positions: frozenset[Position] = frozenset()
    desk: bool = False
    max_difficulty: int | None = None
    ids: frozenset[str] = frozenset()
    note: Message | None = None
    urgent: bool = False


#: The gentle options for leg pain: lying and easy, as physiotherapists and the NHS sciatica
#: page suggest (knee to chest, knee rolls, the buttock stretch, the lying rest, walking). No
#: hamstring stretch (it pulls on the sciatic nerve) and nothing demanding.
SCIATICA_IDS = frozenset(
    {
        "walking",
        "knee-to-chest",
        "lying-knee-crossover-twist",
        "lying-spinal-twist",
        "piriformis-stretch",
        "lumbar-flexion-rotation",
        "lying-static-leg-raise",
        "abdominal-drawing-in",
        "gentle-floor-stretches",
    }
)

#: For a bad day: the "Gentle moves for a bad day" routine, its exercises and a walk.
FLARE_IDS = frozenset(
    {
        "gentle-floor-stretches",
        "abdominal-drawing-in",
        "lying-spinal-twist",
        "knee-to-chest",
        "lying-static-leg-raise",
        "walking",
    }
)

CONCEPTS: Mapping[str, Concept] = {
    concept.key: concept
    for concept in (
        Concept("sciatica", ids=SCIATICA_IDS, note=SCIATICA_NOTE),
        Concept("urgent", note=URGENT_NOTE, urgent=True),
        Concept("flare", ids=FLARE_IDS),
        Concept("lower-back", targets=frozenset({Target.LOWER_BACK})),
        Concept("back", targets=frozenset({Target.LOWER_BACK, Target.UPPER_BACK})),
        Concept("upper-back", targets=frozenset({Target.UPPER_BACK})),
        Concept("neck", targets=frozenset({Target.NECK_AND_SHOULDERS})),
        Concept("hips", targets=frozenset({Target.HIPS})),
        Concept("hamstrings", targets=frozenset({Target.HAMSTRINGS})),
        Concept("glutes", targets=frozenset({Target.GLUTES})),
        Concept("core", targets=frozenset({Target.CORE})),
        Concept("posture", categories=frozenset({Category.POSTURE})),
        Concept("stiff", categories=frozenset({Category.MOBILITY})),
        Concept("tight", categories=frozenset({Category.STRETCH})),
        Concept("strength", categories=frozenset({Category.STRENGTH})),
        Concept("cardio", categories=frozenset({Category.CARDIO})),
        Concept("desk", desk=True),
        Concept("gentle", max_difficulty=1),
        Concept("seated", positions=frozenset({Position.SEATED})),
        Concept("standing", positions=frozenset({Position.STANDING})),
        Concept("floor", positions=FLOOR_POSITIONS),
    )
}


def _words_for(table: Mapping[str, Iterable[str]]) -> dict[str, str]:
    return {phrase: key for key, phrases in table.items() for phrase in phrases}


# The words people type, in English and in German, by the concept they mean.
_ENGLISH_WORDS = {
    "sciatica": (
        "sciatica", "sciatic", "sciatic nerve", "leg pain", "pain down my leg",
        "pain down the leg", "pain down leg", "nerve pain", "trapped nerve",
        "pinched nerve", "slipped disc", "slipped disk", "herniated disc",
        "bulging disc", "prolapsed disc", "disc", "disk", "pins and needles",
        "tingling", "numbness", "numb", "weakness", "radiating pain",
    ),
    "urgent": (
        "cauda equina", "incontinence", "incontinent", "bladder", "bowel", "bowels",
        "saddle numbness", "numb bottom", "numb groin", "both legs",
    ),
    "flare": (
        "flare", "flare up", "flareup", "bad day", "bad back day", "acute", "spasm",
        "back spasm", "put my back out", "pulled my back",
    ),
    "lower-back": (
        "lower back", "low back", "lumbago", "lumbar", "lbp", "lower back pain",
        "low back pain", "small of my back", "small of the back",
    ),
    "back": ("back", "backache", "back ache", "back pain", "spine", "spinal"),
    "upper-back": (
        "upper back", "mid back", "middle back", "thoracic", "between my shoulder blades",
        "between the shoulder blades", "shoulder blade", "shoulder blades",
    ),
    "neck": (
        "neck", "stiff neck", "tech neck", "text neck", "cervical", "shoulder",
        "shoulders", "neck and shoulders", "trapezius", "traps",
    ),
    "hips": ("hip", "hips", "hip flexor", "hip flexors", "groin", "pelvis", "pelvic"),
    "hamstrings": (
        "hamstring", "hamstrings", "back of thigh", "back of the thigh",
        "back of my thigh", "backs of the thighs", "thigh", "thighs",
    ),
    "glutes": (
        "glute", "glutes", "buttock", "buttocks", "bum", "butt", "bottom", "piriformis",
    ),
    "core": (
        "core", "abs", "abdominal", "abdominals", "stomach", "tummy", "belly", "trunk",
    ),
    "posture": (
        "posture", "slouch", "slouching", "slumped", "hunched", "hunch",
        "rounded shoulders", "sit up straight", "sitting up straight", "upright",
    ),
    "stiff": (
        "stiff", "stiffness", "stiffen", "loosen", "loosen up", "mobility", "mobilise",
        "mobilize", "morning stiffness",
    ),
    "tight": (
        "tight", "tightness", "stretch", "stretches", "stretching", "flexibility",
        "flexible",
    ),
    "strength": (
        "strength", "strengthen", "strengthening", "strong", "stronger",
    ),
    "cardio": ("cardio", "aerobic", "walk", "walking"),
    "desk": (
        "desk", "office", "at work", "work", "workplace", "computer", "screen",
        "laptop", "sitting all day", "sedentary", "desk job",
    ),
    "gentle": ("gentle", "easy", "beginner", "beginners", "simple"),
    "seated": ("seated", "sitting", "sit", "chair", "in a chair"),
    "standing": ("standing", "stand", "standing up"),
    "floor": ("floor", "mat", "lying", "lying down", "lie down", "bed", "in bed"),
}  # fmt: skip

_GERMAN_WORDS = {
    "sciatica": (
        "Ischias", "Ischiasnerv", "Ischialgie", "Ischiasschmerzen",
        "Ischiasbeschwerden", "Beinschmerzen", "Schmerzen im Bein",
        "ausstrahlende Schmerzen", "Nervenschmerzen", "eingeklemmter Nerv",
        "Bandscheibe", "Bandscheiben", "Bandscheibenvorfall", "Kribbeln",
        "Taubheit", "Taubheitsgefühl", "taub", "Schwäche",
    ),
    "urgent": (
        "Cauda equina", "Kaudasyndrom", "Inkontinenz", "Blase", "Blasenschwäche",
        "Darm", "Stuhlgang", "Reithosen", "Reithosenanästhesie", "beide Beine",
    ),
    "flare": (
        "akut", "Schub", "Schmerzschub", "schlechter Tag", "schlechte Tage",
        "verhoben",
    ),
    "lower-back": (
        "Hexenschuss", "Lumbago", "Kreuz", "Kreuzschmerzen", "Lendenwirbelsäule",
        "LWS", "unterer Rücken", "unteren Rücken", "Lende", "Lenden",
    ),
    "back": ("Rücken", "Rückenschmerzen", "Rückenweh", "Wirbelsäule"),
    "upper-back": (
        "oberer Rücken", "oberen Rücken", "Brustwirbelsäule", "BWS", "Schulterblatt",
        "Schulterblätter",
    ),
    "neck": (
        "Nacken", "Hals", "Halswirbelsäule", "HWS", "Schulter", "Schultern",
        "Nackenschmerzen", "steifer Nacken", "Handynacken", "Nacken und Schultern",
    ),
    "hips": ("Hüfte", "Hüften", "Hüftbeuger", "Leiste", "Becken"),
    "hamstrings": (
        "Oberschenkel", "Oberschenkelrückseite", "Oberschenkelrückseiten",
        "Beinrückseite", "Beinrückseiten",
    ),
    "glutes": ("Gesäß", "Po", "Hintern", "Piriformis", "Gesäßmuskel", "Gesäßmuskeln"),
    "core": ("Bauch", "Bauchmuskeln", "Bauchmuskulatur", "Rumpf", "Rumpfmuskulatur"),
    "posture": (
        "Haltung", "Körperhaltung", "Sitzhaltung", "krumm", "Rundrücken", "aufrecht",
        "gerade sitzen",
    ),
    "stiff": (
        "steif", "steifer", "Steifheit", "Steifigkeit", "beweglich", "Beweglichkeit",
        "Mobilisation", "mobilisieren", "lockern", "Lockerung", "verspannt",
        "Verspannung", "Verspannungen",
    ),
    "tight": ("dehnen", "Dehnung", "Dehnungen", "Dehnübungen", "verkürzt"),
    "strength": (
        "Kraft", "kräftigen", "Kräftigung", "stärken", "Stärkung", "Kraftübungen",
    ),
    "cardio": ("Ausdauer", "gehen", "spazieren", "Spaziergang"),
    "desk": (
        "Schreibtisch", "Büro", "Arbeit", "Arbeitsplatz", "Computer", "Bildschirm",
        "Bildschirmarbeit", "Homeoffice",
    ),
    "gentle": ("sanft", "leicht", "einfach", "Anfänger"),
    "seated": ("sitzen", "sitzend", "im Sitzen", "Stuhl"),
    "standing": ("stehen", "stehend", "im Stehen"),
    "floor": ("Boden", "liegen", "liegend", "im Liegen", "Matte", "Bett"),
}  # fmt: skip

#: The words and phrases people type, by language ("en" is always known), to the concept they
#: mean. Written as typed; compared as `fold` leaves them (any case, umlauts or not).
SEARCH_WORDS: Mapping[str, Mapping[str, str]] = {
    "en": _words_for(_ENGLISH_WORDS),
    "de": _words_for(_GERMAN_WORDS),
}

#: Words to try when nothing matches, as the person would type them, by language; each finds
#: something in the shipped library (a test checks).
SUGGESTIONS: Mapping[str, tuple[str, ...]] = {
    "en": ("lower back", "neck", "hips", "hamstrings", "posture", "desk", "stiff", "sciatica"),
    "de": ("unterer Rücken", "Nacken", "Hüfte", "Haltung", "Schreibtisch", "steif", "Ischias"),
}

#: Languages whose words are folded for umlauts typed as "ae", "oe", "ue" ("Hüfte", "huefte").
_UMLAUT_LANGUAGES = frozenset({"de"})

_WORD = re.compile(r"[^\W_]+")

#: The least length of a typed word found inside a longer word ("schenkel"; not "hip" in "ship").
INSIDE_WORD_LETTERS = 4

#: A typed word this long, beginning a known word, already means it ("scia" for sciatica).
PREFIX_OF_KNOWN_WORD = 4


def fold(text: str, *, umlauts: bool = False) -> str:
    """`text` as searches compare it: any case, no accents; with `umlauts`, "ue" is "ü"."""
    folded = unicodedata.normalize("NFKD", text.casefold())
    folded = "".join(char for char in folded if not unicodedata.combining(char))
    if umlauts:
        folded = folded.replace("ae", "a").replace("oe", "o").replace("ue", "u")
    return folded


def _split(text: str, umlauts: bool) -> tuple[str, ...]:
    return tuple(_WORD.findall(fold(text, umlauts=umlauts)))


@lru_cache(maxsize=8)
def _phrase_table(languages: tuple[str, ...]) -> Mapping[tuple[str, ...], str]:
    """The known words of `languages` (first wins), folded, to their concept's key."""
    umlauts = any(base_language(language) in _UMLAUT_LANGUAGES for language in languages)
    table: dict[tuple[str, ...], str] = {}
    for language in languages:
        for phrase, key in SEARCH_WORDS.get(language, {}).items():
            table.setdefault(_split(phrase, umlauts), key)
    return table


class Tier(IntEnum):
    """Where a word was found: the higher, the more the item is about it."""

    TEXT = 0  # the steps (a routine: its exercises' names)
    SUMMARY = 1  # the summary or a routine's description
    AREA = 2  # body areas, kind, position, the desk badge
    NAME = 3


class Fit(IntEnum):
    """How a typed word met a word of the text."""

    INSIDE = 0  # inside a longer word
    PREFIX = 1  # the beginning of a word
    WHOLE = 2  # the word, or it with a short ending ("hip" and "hips")


#: A word's ending that still counts as the whole word ("hip"/"hips", "Hüfte"/"Hüften").
_ENDING_LETTERS = 2


def _fit(query: str, word: str) -> Fit | None:
    if word == query:
        return Fit.WHOLE
    if word.startswith(query):
        short = len(word) - len(query) <= _ENDING_LETTERS and len(query) >= 3
        return Fit.WHOLE if short else Fit.PREFIX
    if query.startswith(word) and len(word) >= 3 and len(query) - len(word) <= _ENDING_LETTERS:
        return Fit.WHOLE  # "stretches" typed, "stretch" written
    if len(query) >= INSIDE_WORD_LETTERS and query in word:
        return Fit.INSIDE
    return None


def _phrase_fit(words: Sequence[str], text: Sequence[str]) -> Fit | None:
    """The best fit of `words` side by side in `text`, each word as `_fit` says; None if not."""
    if len(words) == 1:
        fits = [fit for word in text if (fit := _fit(words[0], word)) is not None]
        return max(fits) if fits else None
    best: Fit | None = None
    for start in range(len(text) - len(words) + 1):
        found = [_fit(query, text[start + k]) for k, query in enumerate(words)]
        if all(fit is not None for fit in found):
            fit = min(fit for fit in found if fit is not None)
            best = fit if best is None else max(best, fit)
    return best


_TIER_POINTS = {Tier.NAME: 30, Tier.AREA: 20, Tier.SUMMARY: 10, Tier.TEXT: 4}

#: A term scoring less was found only in the steps, or only inside a longer word.
STRONG_SCORE = _TIER_POINTS[Tier.SUMMARY] + 3


def _score(tier: Tier, fit: Fit, bonus: int = 0) -> int:
    """Points for one term, from where and how it was found.

    A whole word or a word's beginning counts by where it was found (a name
    36 or 33, a body area 26 or 23, up to 2 more for the first areas named, a summary 16 or
    13, the steps 10 or 7), then any match inside a longer word (3 to 0): "Haltung" finds the
    posture exercises before "Kindhaltung" (child's pose).
    """
    if fit is Fit.INSIDE:
        return int(tier)
    return _TIER_POINTS[tier] + (6 if fit is Fit.WHOLE else 3) + bonus


@dataclass(frozen=True, slots=True)
class _Term:
    """One thing the person typed: a word, or a known phrase, with the concepts it means."""

    typed: str
    words: tuple[str, ...]
    concepts: tuple[Concept, ...] = ()
    #: True when `concepts` were found from the beginning of a known word ("scia").
    partly: bool = False


@dataclass(frozen=True, slots=True)
class _Entry:
    """One routine or exercise as the search sees it: its words by tier, and what it is."""

    item: Exercise | Routine
    name_key: str
    fields: tuple[tuple[str, ...], ...]  # by Tier
    targets: tuple[Target, ...]  # an exercise's in order; a routine's main ones
    categories: frozenset[Category]
    positions: frozenset[Position]
    desk: bool
    difficulty: int

    def concept_bonus(self, concept: Concept) -> int | None:
        """How strongly this item meets `concept` (0-2), or None if it does not."""
        if self.item.id in concept.ids:
            return 2
        if concept.targets:
            places = [i for i, target in enumerate(self.targets) if target in concept.targets]
            if places:
                return max(0, 2 - places[0])  # the first body area named counts most
        if self.categories & concept.categories or self.positions & concept.positions:
            return 0
        if concept.desk and self.desk:
            return 0
        if concept.max_difficulty is not None and self.difficulty <= concept.max_difficulty:
            return 0
        return None

    def term_score(self, term_: _Term) -> int | None:
        """How well this item meets one typed term, or None when it does not."""
        best: int | None = None
        for tier in Tier:
            fit = _phrase_fit(term_.words, self.fields[tier])
            if fit is not None:
                best = max(best or 0, _score(tier, fit))
        for concept in term_.concepts:
            bonus = self.concept_bonus(concept)
            if bonus is not None:
                fit = Fit.PREFIX if term_.partly else Fit.WHOLE
                best = max(best or 0, _score(Tier.AREA, fit, bonus))
        return best


@dataclass(frozen=True, slots=True)
class SearchResult:
    """What a search shows, and when it shows nothing, what would help.

    `routines` and `exercises` are ranked (best first) when text was typed, else in browsing
    order; `routines_first` says which kind holds the best match. `notes` is advice to show
    with them (in the library's language), `urgent` when the search named a sign that needs a
    doctor rather than exercise. When nothing is found: `hidden_by_filters` counts what the
    text would find with the filters cleared, `unknown_words` are the typed words that find
    nothing even alone, and `suggestions` are words that find something here (worked out only
    then: trying every suggested word costs ~6 ms, which the Library list would wait for).
    """

    routines: tuple[Routine, ...] = ()
    exercises: tuple[Exercise, ...] = ()
    ranked: bool = False
    routines_first: bool = True
    #: How many of the last exercises were found only in their steps (or inside a longer word),
    #: listed under a heading of their own; 0 when all were found alike.
    exercises_in_steps: int = 0
    notes: tuple[str, ...] = ()
    urgent: bool = False
    hidden_by_filters: int = 0
    unknown_words: tuple[str, ...] = ()
    suggestions: tuple[str, ...] = ()

    @property
    def count(self) -> int:
        """How many routines and exercises are shown."""
        return len(self.routines) + len(self.exercises)

    @property
    def ids(self) -> list[str]:
        """The ids shown, in the order they are listed."""
        first, second = (
            (self.routines, self.exercises)
            if self.routines_first
            else (self.exercises, self.routines)
        )
        return [item.id for item in first] + [item.id for item in second]


@dataclass(frozen=True, slots=True)
class _Ranked:
    """An item found, with how: `weak` when a term was found only in the steps."""

    weak: bool
    score: int
    name_key: str
    item: Exercise | Routine


def _main_targets(routine: Routine) -> tuple[Target, ...]:
    """The body areas at least half of a routine's exercises work, most often worked first."""
    counts: dict[Target, int] = {}
    for item in routine.items:
        for target in item.exercise.targets:
            counts[target] = counts.get(target, 0) + 1
    enough = [t for t, n in counts.items() if 2 * n >= len(routine.items)]
    return tuple(sorted(enough, key=lambda t: -counts[t]))


class SearchIndex:
    """The library's routines and exercises, ready to be searched in its language.

    `words` is the library's language (`Library.words`): its body areas, kinds and positions
    are found as well as the English ones, and its language's words people type
    (`SEARCH_WORDS`) are known. `desk_word` is the badge shown on what can be done beside a
    desk, found as one of its words.
    """

    def __init__(
        self,
        routines: Iterable[Routine],
        exercises: Iterable[Exercise],
        *,
        words: Messages = ENGLISH,
        desk_word: str = "",
    ) -> None:
        self._words = words
        language = base_language(words.language)
        self._umlauts = language in _UMLAUT_LANGUAGES
        self._language = language
        self._desk_word = desk_word
        self._routines = browsing_order_routines(list(routines))
        self._exercises = browsing_order_exercises(list(exercises))
        self._all: tuple[Exercise | Routine, ...] = (*self._routines, *self._exercises)
        self._entries_built: dict[str, _Entry] | None = None
        self._phrases = _phrase_table(tuple(dict.fromkeys(("en", language, words.language))))
        self._longest_phrase = max((len(p) for p in self._phrases), default=1)

    # --- building -------------------------------------------------------------------------------

    @property
    def _entries(self) -> dict[str, _Entry]:
        """Every item's searchable words, made at the first search with words.

        (~10 ms: the Library's first list, which shows everything, does not wait for them.)
        """
        if self._entries_built is None:
            self._entries_built = {item.id: self._entry(item) for item in self._all}
        return self._entries_built

    def _area_words(self, values: Iterable[Category | Position | Target]) -> tuple[str, ...]:
        split = self._split
        found: list[str] = []
        for value in values:
            found += split(value.value)  # the English words always work
            found += split(term(value, self._words))
        return tuple(found)

    def _split(self, text: str) -> tuple[str, ...]:
        return _split(text, self._umlauts)

    def _entry(self, item: Exercise | Routine) -> _Entry:
        split = self._split
        desk = split(self._desk_word) if self._desk_word else ()
        if isinstance(item, Exercise):
            area = self._area_words((item.category, item.position, *item.targets))
            if item.desk_friendly:
                area += ("desk", *desk)
            text: list[str] = []
            for step in item.steps:
                text += split(step)
            return _Entry(
                item=item,
                name_key=item.name.casefold(),
                fields=(tuple(text), split(item.summary), area, split(item.name)),
                targets=item.targets,
                categories=frozenset({item.category}),
                positions=frozenset({item.position}),
                desk=item.desk_friendly,
                difficulty=item.difficulty,
            )
        targets = _main_targets(item)
        area = self._area_words(targets)
        if item.desk_friendly:
            area += ("desk", *desk)
        names: list[str] = []
        for routine_item in item.items:
            names += split(routine_item.exercise.name)
        return _Entry(
            item=item,
            name_key=item.name.casefold(),
            fields=(tuple(names), split(item.description), area, split(item.name)),
            targets=targets,
            categories=frozenset(),
            positions=frozenset(),
            desk=item.desk_friendly,
            difficulty=max((i.exercise.difficulty for i in item.items), default=1),
        )

    # --- reading what was typed -----------------------------------------------------------------

    def terms(self, text: str) -> tuple[_Term, ...]:
        """The typed text as terms: known phrases (longest first) and single words."""
        typed = _WORD.findall(text)
        words = [fold(word, umlauts=self._umlauts) for word in typed]
        terms: list[_Term] = []
        start = 0
        while start < len(words):
            for length in range(min(self._longest_phrase, len(words) - start), 0, -1):
                phrase = tuple(words[start : start + length])
                key = self._phrases.get(phrase)
                if key is not None:
                    shown = " ".join(typed[start : start + length])
                    terms.append(_Term(shown, phrase, (CONCEPTS[key],)))
                    start += length
                    break
            else:
                terms.append(self._word_term(typed[start], words[start]))
                start += 1
        return tuple(terms)

    def _word_term(self, typed: str, word: str) -> _Term:
        if len(word) < PREFIX_OF_KNOWN_WORD:
            return _Term(typed, (word,))
        keys = {
            key
            for phrase, key in self._phrases.items()
            if len(phrase) == 1 and phrase[0].startswith(word)
        }
        concepts = tuple(CONCEPTS[key] for key in sorted(keys))
        return _Term(typed, (word,), concepts, partly=bool(concepts))

    # --- searching ------------------------------------------------------------------------------

    def _passes(self, item: Exercise | Routine, query: LibraryFilter) -> bool:
        if isinstance(item, Exercise):
            return _exercise_passes(item, query)
        return _routine_passes(item, query)

    def _scores(self, item: Exercise | Routine, terms: Sequence[_Term]) -> list[int] | None:
        entry = self._entries[item.id]
        scores = []
        for term_ in terms:
            score = entry.term_score(term_)
            if score is None:
                return None
            scores.append(score)
        return scores

    def _score(self, item: Exercise | Routine, terms: Sequence[_Term]) -> int | None:
        scores = self._scores(item, terms)
        return None if scores is None else sum(scores)

    def _ranked(
        self, items: Sequence[Exercise | Routine], query: LibraryFilter, terms: Sequence[_Term]
    ) -> list[_Ranked]:
        ranked = []
        for item in items:
            if not self._passes(item, query):
                continue
            scores = self._scores(item, terms)
            if scores is not None:
                weak = min(scores) < STRONG_SCORE
                ranked.append(_Ranked(weak, sum(scores), self._entries[item.id].name_key, item))
        ranked.sort(key=lambda found: (found.weak, -found.score, found.name_key))
        return ranked

    def search(self, query: LibraryFilter) -> SearchResult:
        """The routines and exercises `query` shows, ranked when it has text; see `SearchResult`."""
        terms = self.terms(query.text)
        if not terms:
            listed_routines = tuple(r for r in self._routines if _routine_passes(r, query))
            listed_exercises = tuple(e for e in self._exercises if _exercise_passes(e, query))
            return SearchResult(
                routines=listed_routines,
                exercises=listed_exercises,
                suggestions=() if listed_routines or listed_exercises else self.suggestions,
            )
        routines = self._ranked(self._routines, query, terms)
        exercises = self._ranked(self._exercises, query, terms)
        in_steps = sum(found.weak for found in exercises)
        if in_steps == len(exercises):
            in_steps = 0  # all alike: no second heading
        concepts = [concept for t in terms for concept in t.concepts if not t.partly]
        notes = tuple(
            dict.fromkeys(self._words.text(c.note) for c in concepts if c.note is not None)
        )
        urgent = any(concept.urgent for concept in concepts)
        if urgent:  # a sign that needs a doctor: no exercise is the answer
            routines, exercises = [], []
        routines_first = not exercises or bool(
            routines
            and (routines[0].weak, -routines[0].score) <= (exercises[0].weak, -exercises[0].score)
        )
        result = SearchResult(
            routines=tuple(found.item for found in routines if isinstance(found.item, Routine)),
            exercises=tuple(found.item for found in exercises if isinstance(found.item, Exercise)),
            exercises_in_steps=in_steps,
            ranked=True,
            routines_first=routines_first,
            notes=notes,
            urgent=urgent,
        )
        if result.count or urgent:
            return result
        hidden = 0
        if query.has_filters:
            hidden = self.search(query.without_filters()).count
        everything = LibraryFilter()
        unknown = tuple(
            t.typed
            for t in terms
            if not any(
                self._score(item, (t,)) is not None
                for item in self._all
                if self._passes(item, everything)
            )
        )
        return SearchResult(
            ranked=True,
            notes=notes,
            hidden_by_filters=hidden,
            unknown_words=unknown,
            suggestions=self.suggestions,
        )

    @cached_property
    def suggestions(self) -> tuple[str, ...]:
        """Words to try in this library's language that find something here."""
        language = self._words.language
        words = SUGGESTIONS.get(language) or SUGGESTIONS.get(self._language) or SUGGESTIONS["en"]
        return tuple(word for word in words if self._finds(word))

    def _finds(self, text: str) -> bool:
        terms = self.terms(text)
        return any(self._score(item, terms) is not None for item in self._all)


# --- the filters, and the search without an index -----------------------------------------------


def _exercise_passes(exercise: Exercise, query: LibraryFilter) -> bool:
    if query.position is not None and exercise.position != query.position:
        return False
    if query.category is not None and exercise.category != query.category:
        return False
    if query.desk_friendly_only and not exercise.desk_friendly:
        return False
    return query.max_seconds is None or exercise.total_seconds() <= query.max_seconds


def _routine_passes(routine: Routine, query: LibraryFilter) -> bool:
    """Whether a routine passes the filters (not the text).

    Position requires *every* exercise to be done in that position (a routine shown for
    "seated" must not send anyone to the floor); category needs only one exercise of that kind.
    """
    exercises = [item.exercise for item in routine.items]
    if query.position is not None and any(e.position != query.position for e in exercises):
        return False
    if query.category is not None and all(e.category != query.category for e in exercises):
        return False
    if query.desk_friendly_only and not routine.desk_friendly:
        return False
    return query.max_seconds is None or routine.total_seconds <= query.max_seconds


def _text_finds(item: Exercise | Routine, text: str) -> bool:
    index = SearchIndex((), (item,)) if isinstance(item, Exercise) else SearchIndex((item,), ())
    terms = index.terms(text)
    return not terms or index._score(item, terms) is not None


def exercise_matches(exercise: Exercise, query: LibraryFilter) -> bool:
    """Whether one exercise passes every active part of the filter (English words)."""
    return _exercise_passes(exercise, query) and _text_finds(exercise, query.text)


def routine_matches(routine: Routine, query: LibraryFilter) -> bool:
    """Whether a routine passes the filter (see `_routine_passes`; English words)."""
    return _routine_passes(routine, query) and _text_finds(routine, query.text)


def browsing_order_routines(routines: list[Routine]) -> list[Routine]:
    """Routines shortest first: the quick desk break is what people reach for most."""
    return sorted(routines, key=lambda routine: (routine.total_seconds, routine.name.casefold()))


def browsing_order_exercises(exercises: list[Exercise]) -> list[Exercise]:
    """Exercises alphabetically by name, as people scan for one they know."""
    return sorted(exercises, key=lambda exercise: exercise.name.casefold())


def filter_exercises(exercises: list[Exercise], query: LibraryFilter) -> list[Exercise]:
    """The exercises that pass, in the given order (ranking is `SearchIndex.search`'s)."""
    return [exercise for exercise in exercises if exercise_matches(exercise, query)]


def filter_routines(routines: list[Routine], query: LibraryFilter) -> list[Routine]:
    """The routines that pass, in the given order (ranking is `SearchIndex.search`'s)."""
    return [routine for routine in routines if routine_matches(routine, query)]
