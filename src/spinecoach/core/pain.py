"""Rules about pain scores that the app acts on, and what it says when pain is up after a session.

The numbers, and why:

- A rise of two points or more on the 0-10 scale is the smallest change people notice as
  meaningfully worse (the usual minimal clinically important difference for back pain).
- 9 -> 10 is one point, but it is the top of the scale: "worst imaginable" is never ignored
  (the severe rule below covers it).
- An after-score of 7 or more is severe pain whatever it was before (a session started at 8
  and ended at 7 still ended in severe pain), and it is judged even when the before-score was
  skipped. At 7 or more the advice is to stop exercising today, with the red flags shown.

Every sentence is a `Message` (`core.messages`); `words` says them in the person's language.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from spinecoach.core.exercise import Routine
from spinecoach.core.messages import ENGLISH, Message, Messages
from spinecoach.core.safety import RedFlagGroup, red_flag_groups

MEANINGFUL_RISE = 2

#: After-scores from here up are severe: stop exercising today and check the red flags. A
#: before-score this high gets advice before the routine starts.
SEVERE_PAIN = 7

#: The routine made for bad days (small movements, doable on a bed): what to suggest after a
#: rise, rather than whatever the arithmetic finds gentlest (the desk break bends backwards).
BAD_DAY_ROUTINE = "gentle-floor-stretches"


def meaningful_rise(before: int | None, after: int | None) -> bool:
    """Whether the after-score calls for the pain-rise advice (see the module doc)."""
    if after is None:
        return False
    if after >= SEVERE_PAIN:
        return True
    return before is not None and after - before >= MEANINGFUL_RISE


@dataclass(frozen=True, slots=True)
class PainRiseAdvice:
    """What to tell the person after a session that ended with more (or severe) pain.

    `title` and `summary` state what happened without blame; `advice` lists what to do, most
    important first; `red_flags` are the groups to show: every group after severe pain, the
    whole emergency group after any other meaningful rise.
    """

    title: str
    summary: str
    advice: tuple[str, ...]
    red_flags: tuple[RedFlagGroup, ...]
    gentler_routine: str | None

    @property
    def show_red_flags(self) -> bool:
        """True when every red-flag group is shown (severe pain: stop exercising today)."""
        return tuple(group.id for group in self.red_flags) == _ALL_GROUP_IDS


_ALL_GROUP_IDS = tuple(group.id for group in red_flag_groups())

_WENT_UP = Message("pain.rise.title", "Your pain went up")
_WENT_UP_SUMMARY = Message(
    "pain.rise.summary", "Your pain went from {before} to {after} out of 10 during this session."
)
_HIGH = Message("pain.high-after.title", "Your pain is high")
_HIGH_SUMMARY = Message(
    "pain.high-after.summary", "Your pain is {after} out of 10 after this session."
)
_STOP_TODAY = Message(
    "pain.severe.stop-today",
    "Please stop exercising for today. Keep moving gently around the house if you can, "
    "and change position often.",
)
_SEVERE_SIGNS = Message(
    "pain.severe.signs",
    "If any of the signs below apply to you, get help as it says. If the pain does not "
    "ease over the next day or two, see a GP or physiotherapist.",
)
_LISTEN = Message(
    "pain.rise.listen",
    "That can happen, and it is worth listening to. Keep moving gently; short walks usually help.",
)
_GENTLER_NEXT_TIME = Message(
    "pain.next-time.gentler-routine",
    "Next time, try a gentler routine such as “{routine}”, or do fewer "
    "repetitions with smaller movements.",
)
_SMALLER_NEXT_TIME = Message(
    "pain.next-time.smaller",
    "Next time, do fewer repetitions with smaller movements, or take a short, easy walk instead.",
)
_IF_NOT_SETTLING = Message(
    "pain.rise.if-not-settling",
    "If the pain does not settle within a day or two, or it spreads down a leg, see a "
    "GP or physiotherapist. Get help at once if any of the signs below appear.",
)
_HIGH_TODAY = Message("pain.high-before.title", "Your pain is high today")
_HIGH_BEFORE_SUMMARY = Message(
    "pain.high-before.summary", "With pain at {before} out of 10, {instead}."
)
_TRY_GENTLER = Message(
    "pain.high-before.try-gentler",
    "try “{routine}” or a short, easy walk instead of this routine",
)
_MOVE_SMALL = Message(
    "pain.high-before.move-small",
    "make every movement small and slow, or take a short, easy walk instead",
)
_IF_YOU_CARRY_ON = Message(
    "pain.high-before.carry-on",
    "If you carry on, move gently and stop anything that makes the pain clearly worse.",
)
_SIGNS_BELOW = Message(
    "pain.high-before.signs", "If any of the signs below apply to you, get help as it says."
)


def gentlest_routine(routines: Iterable[Routine], *, besides: str | None) -> Routine | None:
    """The routine to suggest instead of `besides`.

    The bad-day routine when it is another one, else the lowest average difficulty, then the
    shortest.
    """
    candidates = [r for r in routines if r.id != besides and r.items]
    if not candidates:
        return None
    for routine in candidates:
        if routine.id == BAD_DAY_ROUTINE:
            return routine

    def gentleness(routine: Routine) -> tuple[float, int, str]:
        difficulty = sum(item.exercise.difficulty for item in routine.items) / len(routine.items)
        return (difficulty, routine.total_seconds, routine.id)

    return min(candidates, key=gentleness)


def rise_advice(
    before: int | None,
    after: int | None,
    *,
    routines: Iterable[Routine] = (),
    just_done: str | None = None,
    words: Messages = ENGLISH,
) -> PainRiseAdvice | None:
    """The advice after a session, or None when the scores call for none.

    `words` is the language (the routines' names are already in it: `Library.words`).
    """
    if after is None or not meaningful_rise(before, after):
        return None
    say = words.text
    severe = after >= SEVERE_PAIN
    gentler = gentlest_routine(routines, besides=just_done)
    if before is not None and after > before:
        title = say(_WENT_UP)
        summary = say(_WENT_UP_SUMMARY, before=before, after=after)
    else:
        title = say(_HIGH)
        summary = say(_HIGH_SUMMARY, after=after)
    advice: list[str] = []
    if severe:
        advice.append(say(_STOP_TODAY))
        advice.append(say(_SEVERE_SIGNS))
    else:
        advice.append(say(_LISTEN))
    if gentler is not None:
        advice.append(say(_GENTLER_NEXT_TIME, routine=gentler.name))
    else:
        advice.append(say(_SMALLER_NEXT_TIME))
    if not severe:
        advice.append(say(_IF_NOT_SETTLING))
    groups = red_flag_groups(words)
    return PainRiseAdvice(
        title=title,
        summary=summary,
        advice=tuple(advice),
        red_flags=groups if severe else groups[:1],
        gentler_routine=gentler.id if gentler is not None else None,
    )


def high_before_advice(
    before: int | None,
    *,
    routines: Iterable[Routine] = (),
    about_to_do: str | None = None,
    words: Messages = ENGLISH,
) -> PainRiseAdvice | None:
    """Advice before a routine starts when pain is already severe (7 or more), else None.

    Planks and crunches at 9 out of 10 are not what a physiotherapist would suggest: the person
    is offered the bad-day routine or a short walk, with every red flag, and may still go on.
    """
    if before is None or before < SEVERE_PAIN:
        return None
    gentler = gentlest_routine(routines, besides=about_to_do)
    say = words.text
    instead = say(_TRY_GENTLER, routine=gentler.name) if gentler is not None else say(_MOVE_SMALL)
    return PainRiseAdvice(
        title=say(_HIGH_TODAY),
        summary=say(_HIGH_BEFORE_SUMMARY, before=before, instead=instead),
        advice=(say(_IF_YOU_CARRY_ON), say(_SIGNS_BELOW)),
        red_flags=red_flag_groups(words),
        gentler_routine=gentler.id if gentler is not None else None,
    )
