"""Search the Library: typed words ranked by where and how they are found.

Every word (or known phrase, `core.search_words`) typed must be found somewhere in an item that
passes the filters (`core.catalog`), and where it is found decides the order:

1. in the item's **name** ("hip" in "Standing hip hinge"),
2. in **what it is for**: its body areas, kind and position ("hips" among its targets; for a
   routine, the body areas most of its exercises work),
3. in its **summary** or a routine's description,
4. only in its **steps** (or, for a routine, in the names of its exercises);

and within each place a whole word ("hip", "hips") ranks above the beginning of a word ("ham"
in "hamstrings"), which ranks above a piece inside a longer word (four letters or more:
"schenkel" in "Oberschenkelrückseite"). Ties go by name. When nothing matches, the
`SearchResult` says what would help: the filters that hide matches, the words that find
nothing, and words that do (`SUGGESTIONS`).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from enum import IntEnum
from functools import cached_property

from spinecoach.core.catalog import (
    WORD,
    LibraryFilter,
    SearchResult,
    browse,
    browsing_order_exercises,
    browsing_order_routines,
    exercise_passes,
    routine_passes,
)
from spinecoach.core.content_words import term
from spinecoach.core.exercise import Category, Exercise, Position, Routine, Target
from spinecoach.core.messages import ENGLISH, Messages, base_language
from spinecoach.core.search_words import (
    CONCEPTS,
    SUGGESTIONS,
    UMLAUT_LANGUAGES,
    Concept,
    fold,
    phrase_table,
    split_words,
)

#: The least length of a typed word found inside a longer word ("schenkel"; not "hip" in "ship").
INSIDE_WORD_LETTERS = 4

#: A typed word this long, beginning a known word, already means it ("scia" for sciatica).
PREFIX_OF_KNOWN_WORD = 4


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
        self._umlauts = language in UMLAUT_LANGUAGES
        self._language = language
        self._desk_word = desk_word
        self._routines = browsing_order_routines(list(routines))
        self._exercises = browsing_order_exercises(list(exercises))
        self._all: tuple[Exercise | Routine, ...] = (*self._routines, *self._exercises)
        self._entries_built: dict[str, _Entry] | None = None
        self._phrases = phrase_table(tuple(dict.fromkeys(("en", language, words.language))))
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
        return split_words(text, self._umlauts)

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
        typed = WORD.findall(text)
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
            return exercise_passes(item, query)
        return routine_passes(item, query)

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
            listed = browse(self._routines, self._exercises, query)
            return listed if listed.count else replace(listed, suggestions=self.suggestions)
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


def _text_finds(item: Exercise | Routine, text: str) -> bool:
    index = SearchIndex((), (item,)) if isinstance(item, Exercise) else SearchIndex((item,), ())
    terms = index.terms(text)
    return not terms or index._score(item, terms) is not None


def exercise_matches(exercise: Exercise, query: LibraryFilter) -> bool:
    """Whether one exercise passes every active part of the filter (English words)."""
    return exercise_passes(exercise, query) and _text_finds(exercise, query.text)


def routine_matches(routine: Routine, query: LibraryFilter) -> bool:
    """Whether a routine passes the filter (see `_routine_passes`; English words)."""
    return routine_passes(routine, query) and _text_finds(routine, query.text)


def filter_exercises(exercises: list[Exercise], query: LibraryFilter) -> list[Exercise]:
    """The exercises that pass, in the given order (ranking is `SearchIndex.search`'s)."""
    return [exercise for exercise in exercises if exercise_matches(exercise, query)]


def filter_routines(routines: list[Routine], query: LibraryFilter) -> list[Routine]:
    """The routines that pass, in the given order (ranking is `SearchIndex.search`'s)."""
    return [routine for routine in routines if routine_matches(routine, query)]
