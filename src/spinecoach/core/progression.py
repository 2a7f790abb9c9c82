"""When to suggest doing a little more or a little less of an exercise: the rules, pure.

docs/PROGRESSION.md states the rules in words; this module is them, over plain data the
storage layer reads (`ExerciseDay`, `NextMorning`) and the routine being played. Nothing here
changes anything by itself: `suggest` returns suggestions, each with its reason in plain words
(`Suggestion.explain`), the person accepts or declines, and only then `apply` makes the new
routine.

The numbers, and why (cautious on purpose; a physiotherapist's usual rule of thumb):

- Move up only when the current level has been easy: done in full in at least
  `MIN_FULL_SESSIONS` sessions spread over at least `MIN_SPAN_DAYS` days within the last
  `EVIDENCE_DAYS` days, each with pain after no higher than before, no "This hurts" on it, and
  the next mornings no worse than before those sessions.
- Step back after a rise of `pain.MEANINGFUL_RISE` (2) points or more that did not settle by
  the next morning (a rise of exactly 2 that settled is acceptable), an after-score of
  `pain.SEVERE_PAIN` or more, a "This hurts" on the exercise, or a next-morning score 2 or
  more above the score before that session, within the last `FLARE_PAUSE_DAYS` days.
- A flare-up (a rise of 2 or more, severe pain after, or a next morning 2 or more worse)
  pauses all moving up for `FLARE_PAUSE_DAYS` days.
- One step at a time: repetitions up or down by about a fifth (at least one), then the hold,
  then the harder (or easier) version; never outside the exercise's `limits`, never to an
  exercise whose movement the person avoids (the step's size is `core.progression_steps`).
- A declined suggestion is not made again for `DECLINED_DAYS` days (the caller reads the
  declined ones since `declined_window_start(today)`).
- A locked programme routine never changes: its suggestions only say "ask your
  physiotherapist" (`ask_physiotherapist`), and `apply` refuses them.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from typing import Final

from spinecoach.core.exercise import (
    Dosage,
    Exercise,
    Routine,
    RoutineItem,
    SpinalMovement,
)
from spinecoach.core.messages import ENGLISH, Message, Messages
from spinecoach.core.pain import MEANINGFUL_RISE, SEVERE_PAIN
from spinecoach.core.progression_history import ExerciseDay, NextMorning
from spinecoach.core.progression_steps import down_candidate, up_candidates
from spinecoach.core.records import ChangeKind, ChangeStatus, ProgressionChange

__all__ = [
    "DECLINED_DAYS",
    "EVIDENCE_DAYS",
    "FLARE_PAUSE_DAYS",
    "MIN_FULL_SESSIONS",
    "MIN_SPAN_DAYS",
    "Suggestion",
    "apply",
    "declined_window_start",
    "flare_days",
    "rise_settled",
    "settled_note",
    "suggest",
    "worst_mornings",
]

#: Sessions done in full, over at least this many days, before moving up.
MIN_FULL_SESSIONS: Final = 3
MIN_SPAN_DAYS: Final = 5
#: How far back the evidence for moving up is looked for (days, today included).
EVIDENCE_DAYS: Final = 14
#: A flare-up pauses all moving up for this many days (its own day included); step-back
#: signals are looked for over the same days.
FLARE_PAUSE_DAYS: Final = 7
#: A declined suggestion is not made again for this many days.
DECLINED_DAYS: Final = 14

#: A suggestion the person declined: (routine id, exercise id, kind), as the Database reads it.
Declined = tuple[str, str, ChangeKind]


_Values = Mapping[str, object]

# --- the words ----------------------------------------------------------------------------------

_UP_WITH_MORNINGS = Message(
    "progression.reason.up-mornings",
    "You did “{exercise}” in full in {n} session over {days} days, with no more pain "
    "afterwards than before and your back no worse the next morning.",
    "You did “{exercise}” in full in {n} sessions over {days} days, with no more pain "
    "afterwards than before and your back no worse the next morning.",
)
_UP = Message(
    "progression.reason.up",
    "You did “{exercise}” in full in {n} session over {days} days, with no more pain "
    "afterwards than before.",
    "You did “{exercise}” in full in {n} sessions over {days} days, with no more pain "
    "afterwards than before.",
)
_DOWN_HURT = Message(
    "progression.reason.hurt",
    "You pressed “This hurts” during “{exercise}” in the past week. That happens, and it is a "
    "sign to ease off a little.",
)
_DOWN_MORNING = Message(
    "progression.reason.morning",
    "The morning after a session with “{exercise}”, your back felt {points} points worse "
    "than before that session. That happens, and it is a sign to ease off a little.",
)
_DOWN_RISE = Message(
    "progression.reason.rise",
    "Your pain was {points} points higher after a session with “{exercise}” than before it, "
    "in the past week. That happens, and it is a sign to ease off a little.",
)
_DOWN_SEVERE = Message(
    "progression.reason.severe",
    "Your pain was {score} out of 10 after a session with “{exercise}” in the past week. "
    "That happens, and it is a sign to ease off a little.",
)

_PROPOSALS: Final[dict[str, Message]] = {
    "more-reps": Message("progression.try.more-reps", "Try {new} repetitions instead of {old}?"),
    "longer-hold": Message(
        "progression.try.longer-hold", "Try holding for {new} seconds instead of {old}?"
    ),
    "longer-time": Message("progression.try.longer-time", "Try {new} instead of {old}?"),
    "harder": Message(
        "progression.try.harder", "Try the harder version, “{to_exercise}”, in its place?"
    ),
    "less": Message("progression.try.less", "Try {new} repetitions instead of {old} for now?"),
    "shorter-hold": Message(
        "progression.try.shorter-hold",
        "Try holding for {new} seconds instead of {old} for now?",
    ),
    "shorter-time": Message("progression.try.shorter-time", "Try {new} instead of {old} for now?"),
    "easier": Message(
        "progression.try.easier", "Try the easier version, “{to_exercise}”, for now?"
    ),
}
_ASK_UP = Message(
    "progression.ask.up",
    "This routine is from your physiotherapist and stays as it is. Ask them at your next "
    "appointment whether you could do more.",
)
_ASK_DOWN = Message(
    "progression.ask.down",
    "This routine is from your physiotherapist and stays as it is. Ask them at your next "
    "appointment about it; until then you may always do less than it says.",
)
#: For the person after a small rise that settled (see `rise_settled`, `settled_note`).
SETTLED_NOTE: Final = Message(
    "progression.settled",
    "A rise of up to 2 points during exercise that settles by the next morning is acceptable.",
)
_SETTLED_SINCE = Message(
    "progression.settled-since",
    "Your pain rose a little during yesterday's exercise and has settled since.",
)
_MINUTES = Message("progression.minutes", "{n} minute", "{n} minutes")
_SECONDS = Message("progression.seconds", "{n} second", "{n} seconds")


@dataclass(frozen=True, slots=True)
class Suggestion:
    """One suggested step for one exercise of one routine, with its reason.

    `from_dosage` is the routine's dosage now; `to_dosage` the suggested one (for HARDER and
    EASIER the other version's own dosage, with `to_exercise_id` / `to_exercise`). `reason`
    with `values` says why; `explain` adds the question. `ask_physiotherapist`: the routine is
    locked, so the suggestion only says to ask at the next appointment.
    """

    routine_id: str
    exercise_id: str
    kind: ChangeKind
    from_dosage: Dosage
    to_dosage: Dosage
    to_exercise_id: str | None
    reason: Message
    values: Mapping[str, object] = field(default_factory=dict, hash=False)
    ask_physiotherapist: bool = False
    #: The other version for HARDER / EASIER (what `apply` puts in the routine).
    to_exercise: Exercise | None = field(default=None, compare=False, hash=False)

    @property
    def proposal(self) -> Message:
        """The question part: "Try 12 repetitions instead of 10?" (or ask the physio)."""
        if self.ask_physiotherapist:
            return _ASK_UP if self.kind.moves_up else _ASK_DOWN
        key = self.kind.value
        if self.from_dosage.is_timed_block and self.kind is ChangeKind.LONGER_HOLD:
            key = "longer-time"
        elif self.from_dosage.is_timed_block and self.kind is ChangeKind.LESS:
            key = "shorter-time"
        return _PROPOSALS[key]

    def explain(self, words: Messages = ENGLISH) -> str:
        """The reason and the question in plain words, in `words`' language."""
        values = dict(self.values)
        count = values.pop("n", None)
        if self.reason.counted and isinstance(count, int):
            reason = words.count(self.reason, count, **values)
        else:
            reason = words.text(self.reason, **values)
        return f"{reason} {words.text(self.proposal, **self._proposal_values(words))}"

    def _proposal_values(self, words: Messages) -> dict[str, object]:
        old, new = _changed_numbers(self.kind, self.from_dosage, self.to_dosage)
        if self.from_dosage.is_timed_block and self.kind in (
            ChangeKind.LONGER_HOLD,
            ChangeKind.LESS,
        ):
            return {"old": _time_words(words, old), "new": _time_words(words, new)}
        to_name = self.to_exercise.name if self.to_exercise else self.to_exercise_id or ""
        return {"old": old, "new": new, "to_exercise": to_name}


def _time_words(words: Messages, seconds: int) -> str:
    if seconds % 60 == 0:
        return words.count(_MINUTES, seconds // 60)
    return words.count(_SECONDS, seconds)


def _changed_numbers(kind: ChangeKind, old: Dosage, new: Dosage) -> tuple[int, int]:
    if old.is_timed_block and new.is_timed_block:
        return old.duration_seconds or 0, new.duration_seconds or 0
    if kind in (ChangeKind.LONGER_HOLD, ChangeKind.SHORTER_HOLD):
        return old.hold_seconds, new.hold_seconds
    return old.reps, new.reps


# --- the rules ----------------------------------------------------------------------------------


def declined_window_start(today: date) -> date:
    """The first day whose declined suggestions still count (`DECLINED_DAYS` back)."""
    return today - timedelta(days=DECLINED_DAYS - 1)


def rise_settled(day: ExerciseDay, morning: NextMorning | None) -> bool:
    """A rise of up to 2 that the next morning shows settled (no worse than before)."""
    rise = day.rise
    if rise is None or rise <= 0 or rise > MEANINGFUL_RISE:
        return False
    return morning is not None and morning.worse_by is not None and morning.worse_by <= 0


def settled_note(days: Iterable[ExerciseDay], morning: NextMorning | None) -> tuple[Message, ...]:
    """What to say when the morning's answer shows a small rise in its day's session settled.

    Said once the person has answered the next-morning question: what happened, then that a
    rise of 1 or 2 points during exercise that is gone by the morning is acceptable (knowing
    it helps people keep moving). Nothing when there was no such rise, or it has not settled
    (or there is nothing to compare the morning with).
    """
    if morning is None:
        return ()
    day = morning.day_of_session
    if any(d.day == day and rise_settled(d, morning) for d in days):
        return (_SETTLED_SINCE, SETTLED_NOTE)
    return ()


def worst_mornings(mornings: Iterable[NextMorning]) -> dict[date, NextMorning]:
    """One next-morning answer per session day: the worst, when a day has several.

    Two sessions on one day are each followed by the same morning, compared with its own
    score before; the cautious reading keeps the answer that is most worse than before (a
    known comparison over an unknown one), so a flare-up seen after either session pauses
    moving up and a rise counts as settled only if the worst answer says so. Keeping the
    last answer instead let a calm second answer hide a flare-up.
    """
    kept: dict[date, NextMorning] = {}
    for morning in mornings:
        old = kept.get(morning.day_of_session)
        if old is None or _how_worse(morning) > _how_worse(old):
            kept[morning.day_of_session] = morning
    return kept


def _how_worse(morning: NextMorning) -> tuple[bool, int]:
    return (morning.worse_by is not None, morning.worse_by or 0)


def flare_days(days: Iterable[ExerciseDay], mornings: Iterable[NextMorning]) -> set[date]:
    """The days with a flare-up: a rise of 2 or more, severe pain after, a worse morning."""
    found = {
        d.day
        for d in days
        if (d.rise is not None and d.rise >= MEANINGFUL_RISE)
        or (d.pain_after is not None and d.pain_after >= SEVERE_PAIN)
    }
    found |= {
        m.day_of_session
        for m in mornings
        if m.worse_by is not None and m.worse_by >= MEANINGFUL_RISE
    }
    return found


def suggest(
    routine: Routine,
    days: Sequence[ExerciseDay],
    mornings: Sequence[NextMorning],
    today: date,
    declined: Collection[Declined] = (),
    locked: bool = False,
    avoid: frozenset[SpinalMovement] = frozenset(),
    *,
    exercises: Mapping[str, Exercise] | None = None,
    changes: Iterable[ProgressionChange] = (),
) -> list[Suggestion]:
    """The steps docs/PROGRESSION.md calls for in `routine`, steps back first; often none.

    `days`: every `ExerciseDay` of the last `EVIDENCE_DAYS` days or more (any routine);
    `mornings`: the next-morning answers of those days; `declined`: the suggestions declined
    since `declined_window_start(today)`; `locked` (or `routine.locked`): only
    ask-your-physiotherapist suggestions; `avoid`: movements that make the person's pain worse.
    `exercises` (the library's) finds the harder and easier versions: without it none is
    suggested. `changes`: the recorded changes, so evidence from before an accepted change
    to an exercise of this routine is not counted again. At most one suggestion per exercise.
    """
    is_locked = locked or routine.locked
    by_morning = worst_mornings(m for m in mornings if m.day_of_session <= today)
    recent = [d for d in days if d.day <= today]
    changed_on = _last_accepted(routine.id, changes)
    declined_set = set(declined)
    library = exercises or {}

    downs: list[Suggestion] = []
    ups: list[Suggestion] = []
    seen: set[str] = set()
    for item in routine.items:
        exercise = item.exercise
        if exercise.id in seen:
            continue
        seen.add(exercise.id)
        since = changed_on.get(exercise.id)
        own = [
            d for d in recent if d.exercise_id == exercise.id and (since is None or d.day > since)
        ]
        reason = _step_back_reason(own, by_morning, today, exercise)
        if reason is not None:
            found = _step_back(routine, item, library, avoid, reason)
            if found is not None:
                downs.append(found)
            continue
        found = _move_up(routine, item, own, by_morning, today, library, avoid)
        if found is not None:
            ups.append(found)

    paused = any(
        today - day < timedelta(days=FLARE_PAUSE_DAYS)
        for day in flare_days(recent, by_morning.values())
    )
    result = downs if paused or downs else ups
    result = [s for s in result if (s.routine_id, s.exercise_id, s.kind) not in declined_set]
    if is_locked:
        result = [replace(s, ask_physiotherapist=True) for s in result]
    return result


def apply(routine: Routine, suggestion: Suggestion) -> Routine:
    """`routine` with the suggestion made: the exercise's items at the new dosage or version.

    Only items still at `from_dosage` change (a stale suggestion changes nothing and raises
    ValueError). Refused for an ask-your-physiotherapist suggestion and a locked routine.
    """
    if suggestion.ask_physiotherapist or routine.locked:
        raise ValueError("a locked routine is never changed; ask the physiotherapist")
    swap = suggestion.kind in (ChangeKind.HARDER, ChangeKind.EASIER)
    if swap and suggestion.to_exercise is None:
        raise ValueError(f"a {suggestion.kind.value} suggestion needs its other exercise")
    items: list[RoutineItem] = []
    changed = False
    for item in routine.items:
        if item.exercise.id == suggestion.exercise_id and item.dosage == suggestion.from_dosage:
            exercise = suggestion.to_exercise if swap and suggestion.to_exercise else item.exercise
            side = item.only_side if exercise.two_sided else None
            items.append(
                replace(item, exercise=exercise, dosage=suggestion.to_dosage, only_side=side)
            )
            changed = True
        else:
            items.append(item)
    if not changed:
        raise ValueError(
            f"{suggestion.exercise_id!r} is no longer in {routine.id!r} at the suggested dosage"
        )
    return replace(routine, items=tuple(items))


def _last_accepted(routine_id: str, changes: Iterable[ProgressionChange]) -> dict[str, date]:
    last: dict[str, date] = {}
    for change in changes:
        if change.routine_id != routine_id or change.status is not ChangeStatus.ACCEPTED:
            continue
        day = change.recorded_at.date()
        if change.exercise_id not in last or last[change.exercise_id] < day:
            last[change.exercise_id] = day
    return last


def _step_back_reason(
    own: Sequence[ExerciseDay],
    by_morning: Mapping[date, NextMorning],
    today: date,
    exercise: Exercise,
) -> tuple[Message, dict[str, object]] | None:
    window = [d for d in own if today - d.day < timedelta(days=FLARE_PAUSE_DAYS)]
    name: dict[str, object] = {"exercise": exercise.name}
    if any(d.hurt for d in window):
        return _DOWN_HURT, name
    worse = [
        m.worse_by
        for d in window
        if (m := by_morning.get(d.day)) is not None and m.worse_by is not None
    ]
    if worse and max(worse) >= MEANINGFUL_RISE:
        return _DOWN_MORNING, {**name, "points": max(worse)}
    severe = [
        d.pain_after for d in window if d.pain_after is not None and d.pain_after >= SEVERE_PAIN
    ]
    if severe:
        return _DOWN_SEVERE, {**name, "score": max(severe)}
    rises = [
        rise
        for d in window
        if (rise := d.rise) is not None
        and rise >= MEANINGFUL_RISE
        and not rise_settled(d, by_morning.get(d.day))
    ]
    if rises:
        return _DOWN_RISE, {**name, "points": max(rises)}
    return None


def _step_back(
    routine: Routine,
    item: RoutineItem,
    library: Mapping[str, Exercise],
    avoid: frozenset[SpinalMovement],
    reason: tuple[Message, dict[str, object]],
) -> Suggestion | None:
    message, values = reason
    found = down_candidate(item)
    if found is not None:
        kind, dosage = found
        return Suggestion(
            routine.id, item.exercise.id, kind, item.dosage, dosage, None, message, values
        )
    other = library.get(item.exercise.easier or "")
    if other is None or other.movement in avoid:
        return None
    return Suggestion(
        routine.id,
        item.exercise.id,
        ChangeKind.EASIER,
        item.dosage,
        other.dosage,
        other.id,
        message,
        values,
        to_exercise=other,
    )


def _move_up(
    routine: Routine,
    item: RoutineItem,
    own: Sequence[ExerciseDay],
    by_morning: Mapping[date, NextMorning],
    today: date,
    library: Mapping[str, Exercise],
    avoid: frozenset[SpinalMovement],
) -> Suggestion | None:
    exercise = item.exercise
    if exercise.movement in avoid or exercise.dosage_problems(item.dosage):
        return None
    window = [d for d in own if today - d.day < timedelta(days=EVIDENCE_DAYS)]
    if not window or any(not _easy(d) for d in window):
        return None
    span = (max(d.day for d in window) - min(d.day for d in window)).days + 1
    if len(window) < MIN_FULL_SESSIONS or span < MIN_SPAN_DAYS:
        return None
    answered = [
        m for d in window if (m := by_morning.get(d.day)) is not None and m.worse_by is not None
    ]
    if any(m.worse_by is not None and m.worse_by > 0 for m in answered):
        return None
    message = _UP_WITH_MORNINGS if answered else _UP
    values: dict[str, object] = {"exercise": exercise.name, "n": len(window), "days": span}
    for kind, dosage in up_candidates(item):
        return Suggestion(routine.id, exercise.id, kind, item.dosage, dosage, None, message, values)
    other = library.get(exercise.harder or "")
    if other is None or other.movement in avoid:
        return None
    return Suggestion(
        routine.id,
        exercise.id,
        ChangeKind.HARDER,
        item.dosage,
        other.dosage,
        other.id,
        message,
        values,
        to_exercise=other,
    )


def _easy(day: ExerciseDay) -> bool:
    """Done in full, no "This hurts", both scores given and after no higher than before."""
    rise = day.rise
    return day.done_in_full and not day.hurt and rise is not None and rise <= 0
