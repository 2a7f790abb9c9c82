"""Numbers and durations spelt out for speech: 90 -> "one minute thirty seconds".

The player's spoken cues (`core.cues`) say their times this way; a language's catalog may write
digits instead where its speech engines read them well.
"""

from __future__ import annotations

from spinecoach.core.messages import ENGLISH, Message, Messages

_ONES = (
    "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
    "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen",
    "nineteen",
)  # fmt: skip
_TENS = ("", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")


def number_in_words(number: int) -> str:
    """Spell a whole number from 0 to 999 999 for speech: 45 -> "forty-five".

    Text-to-speech engines read digits unevenly ("30s" as "thirties"), so spoken cues spell out.
    """
    if number < 0 or number >= 1_000_000:
        raise ValueError(f"cannot spell {number}: only 0 to 999999")
    if number < 20:
        return _ONES[number]
    if number < 100:
        tens, ones = divmod(number, 10)
        return _TENS[tens] + (f"-{_ONES[ones]}" if ones else "")
    if number < 1000:
        hundreds, rest = divmod(number, 100)
        return f"{_ONES[hundreds]} hundred" + (f" {number_in_words(rest)}" if rest else "")
    thousands, rest = divmod(number, 1000)
    return f"{number_in_words(thousands)} thousand" + (f" {number_in_words(rest)}" if rest else "")


_HOURS = Message("timeline.duration.hours", "{words} hour", "{words} hours", optional=("words",))
_MINUTES = Message(
    "timeline.duration.minutes", "{words} minute", "{words} minutes", optional=("words",)
)
_SECONDS = Message(
    "timeline.duration.seconds", "{words} second", "{words} seconds", optional=("words",)
)
_ZERO_SECONDS = Message("timeline.duration.zero", "zero seconds")


def seconds_in_words(seconds: float, words: Messages = ENGLISH) -> str:
    """A duration for speech, to the nearest second: 90 -> "one minute thirty seconds".

    Each unit is a counted message offering `{words}` (English number words) and `{n}` (digits).
    """
    total = round(seconds)
    if total < 0:
        raise ValueError("a duration cannot be negative")
    hours, rest = divmod(total, 3600)
    minutes, secs = divmod(rest, 60)
    parts = [
        words.count(unit, amount, words=number_in_words(amount))
        for amount, unit in ((hours, _HOURS), (minutes, _MINUTES), (secs, _SECONDS))
        if amount
    ]
    return " ".join(parts) or words.text(_ZERO_SECONDS)
