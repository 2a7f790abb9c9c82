"""What the stand-up reminders led to over a period, counted from the reminder log and worded.

The reminder controller logs every card it shows and every answer (`ReminderLogEntry`); this
module reads that log back for the History view and the clinician's report. The log is read in
order, so each answer belongs to the card on screen when it was given:

- `shown`: every stand-up card that appeared. A snoozed card that comes back is shown again and
  counts again: each appearance asked the person to stand up once, and has at most one answer.
  Daily-exercise cards are not counted (the report's session log already answers them).
- `desk_breaks`: cards answered with "Start 2-minute desk break" (BREAK_STARTED while a card was
  up). Breaks started from the tray with no card up are `breaks_on_own`: the person moved
  unprompted, which is worth seeing too, but they are not "after a reminder".
- `away`: cards closed because the person came back from time away from the desk (DISMISSED
  "back from a break", after at least the natural-break setting, 5 minutes by default, idle):
  they moved, though not through the app's desk break.
- `snoozed`, `skipped`, `closed` (the ✕): the other answers. `skipped_in_pain` is the part of
  `skipped` given with the reason "I'm in pain"; a clinician wants those in particular.
- `unanswered`: cards with no answer logged (the app was closed, or a newer card replaced it).

Every card gets exactly one of those outcomes, so they add up to `shown`. An answer with no card
before it in the period (its card came just before the period began, or that log line was
lost) still counts its card once, so the answers never outnumber the cards. A refused snooze
(the fourth in a row) is not an answer: the card stays up and the next answer counts.

The sentence is built from counted `Message`s (`core.messages`), one and other forms each, so a
catalog can say it in another language (`describe_reminders(..., words=...)`).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, fields
from enum import Enum, auto
from typing import Final

from spinecoach.core.messages import ENGLISH, Message, Messages
from spinecoach.core.records import ReminderAction, ReminderLogEntry
from spinecoach.core.reminder_service import DeliveryKind
from spinecoach.core.reminders import SkipReason

#: The detail the reminder controller logs when a card closes because the person came back.
BACK_FROM_BREAK: Final = "back from a break"


class _Card(Enum):
    NONE = auto()
    STAND_UP = auto()
    DAILY = auto()


@dataclass(frozen=True, slots=True, kw_only=True)
class ReminderSummary:
    """Counts of stand-up reminders and their answers; see the module docstring."""

    shown: int = 0
    desk_breaks: int = 0
    away: int = 0
    snoozed: int = 0
    skipped: int = 0
    skipped_in_pain: int = 0
    closed: int = 0
    unanswered: int = 0
    breaks_on_own: int = 0

    @property
    def is_empty(self) -> bool:
        """True when there is nothing to say: no stand-up card and no desk break."""
        return self.shown == 0 and self.breaks_on_own == 0


def summarise_reminders(entries: Iterable[ReminderLogEntry]) -> ReminderSummary:
    """Count the stand-up reminders in `entries` (oldest first, as the database returns them)."""
    counts = {field.name: 0 for field in fields(ReminderSummary)}
    card = _Card.NONE

    def answer(outcome: str) -> None:
        nonlocal card
        if card is not _Card.STAND_UP:  # its card came before the period: count it once
            counts["shown"] += 1
        counts[outcome] += 1
        card = _Card.NONE

    for entry in entries:
        action = entry.action
        if action is ReminderAction.SHOWN:
            if card is _Card.STAND_UP:
                counts["unanswered"] += 1
            kind = entry.detail.split(",", 1)[0].strip()
            if kind == DeliveryKind.DAILY_EXERCISE.value:
                card = _Card.DAILY
            else:
                counts["shown"] += 1
                card = _Card.STAND_UP
        elif action is ReminderAction.BREAK_STARTED:
            if card is _Card.STAND_UP:
                answer("desk_breaks")
            else:
                counts["breaks_on_own"] += 1
                card = _Card.NONE
        elif action is ReminderAction.SNOOZED:
            answer("snoozed")
        elif action is ReminderAction.SKIPPED:
            if entry.detail == SkipReason.IN_PAIN.value:
                counts["skipped_in_pain"] += 1
            answer("skipped")
        elif action is ReminderAction.DISMISSED:
            if entry.detail == BACK_FROM_BREAK:  # only a stand-up card closes so
                answer("away")
            elif card is _Card.STAND_UP:
                answer("closed")
            else:  # a daily card's "Not today" or "Choose a routine"
                card = _Card.NONE
        # SNOOZE_REFUSED: the card stays up; the answer that follows counts.
    if card is _Card.STAND_UP:
        counts["unanswered"] += 1
    return ReminderSummary(**counts)


#: The period most callers name (History's line); the report names none.
THIS_WEEK = Message("reminders.this-week", "this week")

_NONE_SHOWN = Message(
    "reminders.none-shown",
    "No stand-up reminders were shown{when}; {n} desk break was started without one.",
    "No stand-up reminders were shown{when}; {n} desk breaks were started without one.",
)
_SHOWN = Message("reminders.shown", "{n} stand-up reminder", "{n} stand-up reminders")
_SENTENCE = Message("reminders.sentence", "{reminders}{when}: {listed}.")
_DESK_BREAKS = Message(
    "reminders.led-to-desk-break", "{n} led to a desk break", "{n} led to a desk break"
)
_AWAY = Message(
    "reminders.away",
    "{n} was followed by time away from the desk",
    "{n} were followed by time away from the desk",
)
_SNOOZED = Message("reminders.snoozed", "{n} was snoozed", "{n} were snoozed")
_SKIPPED = Message("reminders.skipped", "{n} was skipped", "{n} were skipped")
_SKIPPED_IN_PAIN = Message(
    "reminders.skipped-in-pain",
    "{n} was skipped because of pain",
    "{n} were skipped because of pain",
)
_SKIPPED_SOME_IN_PAIN = Message(
    "reminders.skipped-some-in-pain",
    "{n} was skipped ({in_pain} because of pain)",
    "{n} were skipped ({in_pain} because of pain)",
)
_CLOSED = Message("reminders.closed", "{n} was closed", "{n} were closed")
_UNANSWERED = Message(
    "reminders.unanswered", "{n} had no answer recorded", "{n} had no answer recorded"
)
_LIST = Message("reminders.list", "{first} and {last}")
_LIST_SEPARATOR = Message("reminders.list-separator", ", ")
_ON_OWN = Message(
    "reminders.on-own",
    "{n} desk break was started without a reminder.",
    "{n} desk breaks were started without a reminder.",
)
_MORE_ON_OWN = Message(
    "reminders.more-on-own",
    "{n} more desk break was started without a reminder.",
    "{n} more desk breaks were started without a reminder.",
)


def describe_reminders(
    summary: ReminderSummary, during: str = "", words: Messages = ENGLISH
) -> str:
    """One or two plain sentences, e.g. "12 stand-up reminders: 8 led to a desk break, ...".

    `during` names the period after the count ("this week", `words.text(THIS_WEEK)`); the
    report leaves it out, its heading already gives the dates. Worded for both readers of the
    report, the person and their clinician: no "you", no percentages or judgement, only what
    happened. Empty when `summary.is_empty`.
    """
    if summary.is_empty:
        return ""
    count = words.count
    when = f" {during}" if during else ""
    own = summary.breaks_on_own
    if summary.shown == 0:
        return count(_NONE_SHOWN, own, when=when)
    parts = []
    if summary.desk_breaks:
        parts.append(count(_DESK_BREAKS, summary.desk_breaks))
    if summary.away:
        parts.append(count(_AWAY, summary.away))
    if summary.snoozed:
        parts.append(count(_SNOOZED, summary.snoozed))
    if summary.skipped:
        if summary.skipped_in_pain == summary.skipped:
            parts.append(count(_SKIPPED_IN_PAIN, summary.skipped))
        elif summary.skipped_in_pain:
            in_pain = summary.skipped_in_pain
            parts.append(count(_SKIPPED_SOME_IN_PAIN, summary.skipped, in_pain=in_pain))
        else:
            parts.append(count(_SKIPPED, summary.skipped))
    if summary.closed:
        parts.append(count(_CLOSED, summary.closed))
    if summary.unanswered:
        parts.append(count(_UNANSWERED, summary.unanswered))
    if len(parts) == 1:
        listed = parts[0]
    else:
        first = words.text(_LIST_SEPARATOR).join(parts[:-1])
        listed = words.text(_LIST, first=first, last=parts[-1])
    reminders = count(_SHOWN, summary.shown)
    text = words.text(_SENTENCE, reminders=reminders, when=when, listed=listed)
    if own:
        text += " " + count(_MORE_ON_OWN if summary.desk_breaks else _ON_OWN, own)
    return text
