"""The library's fixed words in any language: categories, positions, targets, dosage, durations.

Exercise files hold the words people wrote (names, steps, cautions: translated per file, see
`core.translation`); the words the code puts together around them are here, as `Message`s:
"Stretch · lying on back", "3 x 20 s hold, each side", "2 min". With `ENGLISH` every function
returns exactly what the English model says (`Category.value`, `Exercise.dosage_text()`,
`format_duration()`), which `tests/core/test_content_translation.py` checks for every shipped
exercise and routine.

`label()` gives a word as it starts a line or a chip ("Lower back"). Use it, not
`str.capitalize()`, which lowers the rest: German "Oberer Rücken" would read "Oberer rücken".
"""

from __future__ import annotations

from typing import TypeAlias

from spinecoach.core.exercise import (
    Category,
    Dosage,
    Exercise,
    OnlySide,
    Position,
    RoutineItem,
    Target,
)
from spinecoach.core.messages import ENGLISH, Message, Messages

Term: TypeAlias = Category | Position | Target


def _slug(value: str) -> str:
    return value.replace(" ", "-")


_TERMS: dict[Term, Message] = {
    **{c: Message(f"content.category.{_slug(c.value)}", c.value) for c in Category},
    **{p: Message(f"content.position.{_slug(p.value)}", p.value) for p in Position},
    **{t: Message(f"content.target.{_slug(t.value)}", t.value) for t in Target},
}

_HOLD_ONCE = Message("content.dosage.hold-once", "hold {hold} s")
_REPS_LONG_HOLD = Message("content.dosage.reps-long-hold", "{reps} x {hold} s hold")
_REPS_SHORT_HOLD = Message("content.dosage.reps-short-hold", "{reps} reps, {hold} s hold")
_SETS = Message("content.dosage.sets", "{sets} sets of {dosage}")
_EACH_SIDE = Message("content.dosage.each-side", "{dosage}, each side")
#: A two-sided exercise prescribed on one side only (a programme's `side`).
_ONLY_SIDE = {
    OnlySide.LEFT: Message("content.dosage.left-only", "{dosage}, left side only"),
    OnlySide.RIGHT: Message("content.dosage.right-only", "{dosage}, right side only"),
}

#: How often a programme asks for a routine (`core.programme.model.Frequency.text`).
_PER_DAY = Message("content.frequency.per-day", "once a day", "{n} times a day")
_TWICE_A_DAY = Message("content.frequency.twice-a-day", "twice a day")
_PER_WEEK = Message("content.frequency.per-week", "once a week", "{n} times a week")
_TWICE_A_WEEK = Message("content.frequency.twice-a-week", "twice a week")

_SECONDS = Message("content.duration.seconds", "{seconds} s")
_MINUTES = Message("content.duration.minutes", "{minutes} min")
_HOURS = Message("content.duration.hours", "{hours} h")
_HOURS_MINUTES = Message("content.duration.hours-minutes", "{hours} h {minutes} min")


def term(value: Term, words: Messages = ENGLISH) -> str:
    """A category, position or target as it reads mid-line ("lying on back")."""
    return words.text(_TERMS[value])


def label(value: Term, words: Messages = ENGLISH) -> str:
    """A category, position or target as it starts a line or a chip ("Lying on back")."""
    text = term(value, words)
    return text[:1].upper() + text[1:]


def describe_dosage(dosage: Dosage, words: Messages = ENGLISH) -> str:
    """A dosage in words, as `Dosage.describe()`: "3 x 20 s hold", "10 reps, 3 s hold"."""
    if dosage.duration_seconds is not None:
        return duration_text(dosage.duration_seconds, words)
    say = words.text
    if dosage.reps == 1:
        text = say(_HOLD_ONCE, hold=dosage.hold_seconds)
    elif dosage.hold_seconds >= 10:
        text = say(_REPS_LONG_HOLD, reps=dosage.reps, hold=dosage.hold_seconds)
    else:
        text = say(_REPS_SHORT_HOLD, reps=dosage.reps, hold=dosage.hold_seconds)
    if dosage.sets > 1:
        text = say(_SETS, sets=dosage.sets, dosage=text)
    return text


def dosage_text(
    exercise: Exercise,
    dosage: Dosage | None = None,
    words: Messages = ENGLISH,
    *,
    only_side: OnlySide | None = None,
) -> str:
    """The dosage as a person reads it, as `Exercise.dosage_text()`, "each side" included.

    `only_side`: a two-sided exercise prescribed on one side says "left side only" instead.
    """
    text = describe_dosage(dosage or exercise.dosage, words)
    if not exercise.two_sided:
        return text
    if only_side is not None:
        return words.text(_ONLY_SIDE[only_side], dosage=text)
    return words.text(_EACH_SIDE, dosage=text)


def item_dosage_text(item: RoutineItem, words: Messages = ENGLISH) -> str:
    """A routine item's dosage: "10 reps, 3 s hold", "..., each side", "..., left side only"."""
    return dosage_text(item.exercise, item.dosage, words, only_side=item.only_side)


def frequency_text(times: int, per_day: bool, words: Messages = ENGLISH) -> str:
    """How often, as a person reads it: "once a day", "twice a week", "3 times a week"."""
    if times == 2:
        return words.text(_TWICE_A_DAY if per_day else _TWICE_A_WEEK)
    return words.count(_PER_DAY if per_day else _PER_WEEK, times)


def duration_text(seconds: int, words: Messages = ENGLISH) -> str:
    """A duration as the library shows it, as `format_duration()`: "45 s", "2 min", "1 h 5 min"."""
    if seconds < 60:
        return words.text(_SECONDS, seconds=seconds)
    minutes = round(seconds / 60)
    if minutes < 60:
        return words.text(_MINUTES, minutes=minutes)
    hours, rest = divmod(minutes, 60)
    if rest:
        return words.text(_HOURS_MINUTES, hours=hours, minutes=rest)
    return words.text(_HOURS, hours=hours)
