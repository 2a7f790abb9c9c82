"""The words people type into the Library's search, and how typed text is compared.

Known words and phrases (`SEARCH_WORDS`, English and German) stand for a `Concept`: "lumbago",
"low back" and "lower back" mean the lower back, "desk" what can be done beside one, "stiff"
the mobility exercises; "sciatica" (or a slipped disc, a trapped nerve, pins and needles) brings
the gentle options people with leg pain are usually given, with a note on when to see a
clinician (`SCIATICA_NOTE`). Words for signs that need a doctor urgently (bladder, both legs,
cauda equina) bring no exercises, only that advice (`URGENT_NOTE`). Umlauts may be typed as
"ue" or left off (`fold`). `core.search_index` ranks with them.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache

from spinecoach.core.catalog import WORD
from spinecoach.core.exercise import FLOOR_POSITIONS, Category, Position, Target
from spinecoach.core.messages import Message, base_language

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
UMLAUT_LANGUAGES = frozenset({"de"})


def fold(text: str, *, umlauts: bool = False) -> str:
    """`text` as searches compare it: any case, no accents; with `umlauts`, "ue" is "ü"."""
    folded = unicodedata.normalize("NFKD", text.casefold())
    folded = "".join(char for char in folded if not unicodedata.combining(char))
    if umlauts:
        folded = folded.replace("ae", "a").replace("oe", "o").replace("ue", "u")
    return folded


def split_words(text: str, umlauts: bool) -> tuple[str, ...]:
    """The words of `text`, folded (`fold`)."""
    return tuple(WORD.findall(fold(text, umlauts=umlauts)))


@lru_cache(maxsize=8)
def phrase_table(languages: tuple[str, ...]) -> Mapping[tuple[str, ...], str]:
    """The known words of `languages` (first wins), folded, to their concept's key."""
    umlauts = any(base_language(language) in UMLAUT_LANGUAGES for language in languages)
    table: dict[tuple[str, ...], str] = {}
    for language in languages:
        for phrase, key in SEARCH_WORDS.get(language, {}).items():
            table.setdefault(split_words(phrase, umlauts), key)
    return table
