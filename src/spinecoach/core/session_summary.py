"""What the player says when a session ends: the summary page's words, pure and testable.

The player shows them on its last page, where "Well done" used to stand whatever happened:

- how many exercises were done, of how many, and which were skipped (by "Next exercise" or
  "This hurts");
- the time exercising, the same time History logs for the session (from the first "get ready"
  to the end, pauses included; the pain questions before and after are not counted);
- the pain before and after, when given, with a plain sentence about the change. When pain
  rose meaningfully (`core.pain.meaningful_rise`) the title is not "Well done": the summary
  thanks the person, calmly, and the page shows the advice the app already gives
  (`core.pain.rise_advice`). No sentence here promises relief or safety.

Every sentence is a `Message`; `words` says them in the person's language.
"""

from __future__ import annotations

from dataclasses import dataclass

from spinecoach.core.content_words import duration_text
from spinecoach.core.messages import ENGLISH, Message, Messages
from spinecoach.core.pain import PainRiseAdvice, meaningful_rise


@dataclass(frozen=True, slots=True)
class SessionOutcome:
    """What happened in a session, as the summary needs it.

    `done` and `skipped` are exercise names in the routine's order; `seconds` is the time
    exercising (what the session's log says); `before` and `after` are the pain scores given.
    """

    routine_name: str
    completed: bool
    exercises_total: int
    done: tuple[str, ...]
    skipped: tuple[str, ...]
    seconds: float
    before: int | None
    after: int | None


@dataclass(frozen=True, slots=True)
class SessionSummary:
    """The summary page's words; an empty string is a line the page leaves out."""

    title: str
    lead: str
    exercises: str
    skipped: str
    time: str
    pain: str
    pain_words: str
    #: The advice after a meaningful rise (or severe pain), as the advice dialog gives it.
    advice: PainRiseAdvice | None
    #: Pain rose meaningfully, or is severe: the page is worded and coloured for that.
    rose: bool


_WELL_DONE = Message("session-summary.title.well-done", "Well done")
_COMPLETE = Message("session-summary.title.complete", "Session complete")
_ENDED = Message("session-summary.title.ended", "Session ended")
_FINISHED = Message("session-summary.lead.finished", "You finished “{routine}”.")
_STOPPED = Message(
    "session-summary.lead.stopped", "You ended “{routine}” early. What you did is saved."
)
_DONE = Message(
    "session-summary.exercises-done", "{done} of {n} exercise done", "{done} of {n} exercises done"
)
_SKIPPED = Message("session-summary.skipped", "Skipped: {exercises}")
_TIME = Message("session-summary.time", "Time exercising: {duration}")
_PAIN_BOTH = Message("session-summary.pain.both", "Pain: {before} → {after} out of 10")
_PAIN_BEFORE = Message(
    "session-summary.pain.before-only", "Pain before: {before} out of 10 (none given after)"
)
_PAIN_AFTER = Message("session-summary.pain.after-only", "Pain after: {after} out of 10")
_LOWER = Message("session-summary.pain-words.lower", "Your pain was lower afterwards.")
_SAME = Message("session-summary.pain-words.same", "Your pain was the same as before.")
_LITTLE_HIGHER = Message(
    "session-summary.pain-words.little-higher",
    "Your pain was a little higher afterwards. Take it gently for the rest of the day.",
)
_ROSE = Message(
    "session-summary.pain-words.rose",
    "Thank you for noting it. Pain can go up after exercise; below is what to do now.",
)


def summarize(
    outcome: SessionOutcome, advice: PainRiseAdvice | None = None, words: Messages = ENGLISH
) -> SessionSummary:
    """The summary of `outcome`; `advice` is `core.pain.rise_advice` for its scores, if any."""
    say = words.text
    before, after = outcome.before, outcome.after
    rose = advice is not None or meaningful_rise(before, after)
    if not outcome.completed:
        title = say(_ENDED)
    elif rose:
        title = say(_COMPLETE)
    else:
        title = say(_WELL_DONE)
    lead = say(_FINISHED if outcome.completed else _STOPPED, routine=outcome.routine_name)
    exercises = words.count(_DONE, outcome.exercises_total, done=len(outcome.done))
    skipped = ""
    if outcome.skipped:
        skipped = say(_SKIPPED, exercises=", ".join(outcome.skipped))
    time = say(_TIME, duration=duration_text(max(0, round(outcome.seconds)), words))
    return SessionSummary(
        title=title,
        lead=lead,
        exercises=exercises,
        skipped=skipped,
        time=time,
        pain=_pain_line(before, after, words),
        pain_words=_pain_words(before, after, rose=rose, words=words),
        advice=advice,
        rose=rose,
    )


def _pain_line(before: int | None, after: int | None, words: Messages) -> str:
    if before is not None and after is not None:
        return words.text(_PAIN_BOTH, before=before, after=after)
    if before is not None:
        return words.text(_PAIN_BEFORE, before=before)
    if after is not None:
        return words.text(_PAIN_AFTER, after=after)
    return ""


def _pain_words(before: int | None, after: int | None, *, rose: bool, words: Messages) -> str:
    if rose:
        return words.text(_ROSE)
    if before is None or after is None:
        return ""
    if after < before:
        return words.text(_LOWER)
    if after == before:
        return words.text(_SAME)
    return words.text(_LITTLE_HIGHER)
