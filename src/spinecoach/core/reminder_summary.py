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
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, fields
from enum import Enum, auto
from typing import Final

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


def _count(number: int, singular: str, plural: str) -> str:
    return f"{number} {singular if number == 1 else plural}"


def _were(number: int) -> str:
    return "was" if number == 1 else "were"


def describe_reminders(summary: ReminderSummary, during: str = "") -> str:
    """One or two plain sentences, e.g. "12 stand-up reminders: 8 led to a desk break, ...".

    `during` names the period after the count ("this week"); the report leaves it out, its
    heading already gives the dates. Worded for both readers of the report, the person and their
    clinician: no "you", no percentages or judgement, only what happened. Empty when
    `summary.is_empty`.
    """
    if summary.is_empty:
        return ""
    when = f" {during}" if during else ""
    own = summary.breaks_on_own
    if summary.shown == 0:
        return (
            f"No stand-up reminders were shown{when}; "
            f"{_count(own, 'desk break was', 'desk breaks were')} started without one."
        )
    parts = []
    if summary.desk_breaks:
        parts.append(f"{summary.desk_breaks} led to a desk break")
    if summary.away:
        parts.append(f"{summary.away} {_were(summary.away)} followed by time away from the desk")
    if summary.snoozed:
        parts.append(f"{summary.snoozed} {_were(summary.snoozed)} snoozed")
    if summary.skipped:
        skipped = f"{summary.skipped} {_were(summary.skipped)} skipped"
        if summary.skipped_in_pain == summary.skipped:
            skipped += " because of pain"
        elif summary.skipped_in_pain:
            skipped += f" ({summary.skipped_in_pain} because of pain)"
        parts.append(skipped)
    if summary.closed:
        parts.append(f"{summary.closed} {_were(summary.closed)} closed")
    if summary.unanswered:
        parts.append(f"{summary.unanswered} had no answer recorded")
    listed = parts[0] if len(parts) == 1 else f"{', '.join(parts[:-1])} and {parts[-1]}"
    count = _count(summary.shown, "stand-up reminder", "stand-up reminders")
    text = f"{count}{when}: {listed}."
    if own:
        more = "more " if summary.desk_breaks else ""
        text += f" {_count(own, f'{more}desk break was', f'{more}desk breaks were')}"
        text += " started without a reminder."
    return text
