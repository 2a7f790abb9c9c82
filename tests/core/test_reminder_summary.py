"""Reading the reminder log back: what the stand-up reminders led to, counted and worded."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from hypothesis import given
from hypothesis import strategies as st

from spinecoach.core.records import ReminderAction, ReminderLogEntry
from spinecoach.core.reminder_summary import (
    BACK_FROM_BREAK,
    ReminderSummary,
    describe_reminders,
    summarise_reminders,
)
from tests.core.test_clinical_wording import PROMISES

MONDAY_9 = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)

SHOWN = (ReminderAction.SHOWN, "stand_up")
DAILY = (ReminderAction.SHOWN, "daily_exercise")
BREAK = (ReminderAction.BREAK_STARTED, "")
SNOOZE = (ReminderAction.SNOOZED, "5")
REFUSED = (ReminderAction.SNOOZE_REFUSED, "5")
IN_PAIN = (ReminderAction.SKIPPED, "in_pain")
BUSY = (ReminderAction.SKIPPED, "busy")
MEETING = (ReminderAction.SKIPPED, "meeting")
NO_REASON = (ReminderAction.SKIPPED, "")
AWAY = (ReminderAction.DISMISSED, BACK_FROM_BREAK)
CLOSED = (ReminderAction.DISMISSED, "")
ROUTINE = (ReminderAction.DISMISSED, "chose a routine")


def log(*events: tuple[ReminderAction, str]) -> list[ReminderLogEntry]:
    """The events a minute apart, as the database returns them (oldest first)."""
    return [
        ReminderLogEntry(recorded_at=MONDAY_9 + timedelta(minutes=i), action=a, detail=d)
        for i, (a, d) in enumerate(events)
    ]


def test_an_empty_log_has_nothing_to_say() -> None:
    summary = summarise_reminders([])
    assert summary == ReminderSummary()
    assert summary.is_empty
    assert describe_reminders(summary) == ""
    assert describe_reminders(summary, during="this week") == ""


def test_each_card_is_counted_with_the_answer_it_got() -> None:
    summary = summarise_reminders(
        log(
            *(SHOWN, BREAK) * 8,
            (SHOWN[0], "stand_up, waited for a full-screen window"),
            SNOOZE,
            SHOWN,
            SNOOZE,
            SHOWN,
            SNOOZE,
            SHOWN,
            IN_PAIN,
        )
    )
    assert summary == ReminderSummary(
        shown=12, desk_breaks=8, snoozed=3, skipped=1, skipped_in_pain=1
    )
    assert describe_reminders(summary) == (
        "12 stand-up reminders: 8 led to a desk break, 3 were snoozed "
        "and 1 was skipped because of pain."
    )


def test_a_snoozed_card_that_comes_back_counts_again_and_a_refused_snooze_is_no_answer() -> None:
    summary = summarise_reminders(log(SHOWN, SNOOZE, SHOWN, REFUSED, REFUSED, BREAK))
    assert summary == ReminderSummary(shown=2, snoozed=1, desk_breaks=1)


def test_skips_in_pain_are_counted_apart_from_other_reasons() -> None:
    summary = summarise_reminders(
        log(SHOWN, IN_PAIN, SHOWN, BUSY, SHOWN, IN_PAIN, SHOWN, MEETING, SHOWN, NO_REASON)
    )
    assert (summary.shown, summary.skipped, summary.skipped_in_pain) == (5, 5, 2)
    assert describe_reminders(summary) == (
        "5 stand-up reminders: 5 were skipped (2 because of pain)."
    )
    no_pain = summarise_reminders(log(SHOWN, BUSY, SHOWN, MEETING))
    assert no_pain.skipped_in_pain == 0
    assert describe_reminders(no_pain) == "2 stand-up reminders: 2 were skipped."


def test_a_break_from_the_tray_with_no_card_up_is_a_break_on_ones_own() -> None:
    summary = summarise_reminders(log(BREAK, SHOWN, BREAK, BREAK))
    assert summary == ReminderSummary(shown=1, desk_breaks=1, breaks_on_own=2)
    assert describe_reminders(summary) == (
        "1 stand-up reminder: 1 led to a desk break. "
        "2 more desk breaks were started without a reminder."
    )
    snoozed_only = summarise_reminders(log(SHOWN, SNOOZE, BREAK))
    assert describe_reminders(snoozed_only) == (
        "1 stand-up reminder: 1 was snoozed. 1 desk break was started without a reminder."
    )


def test_breaks_without_any_reminder_are_still_worth_saying() -> None:
    summary = summarise_reminders(log(BREAK, DAILY, ROUTINE, BREAK))
    assert summary == ReminderSummary(breaks_on_own=2)
    assert not summary.is_empty
    assert describe_reminders(summary, during="this week") == (
        "No stand-up reminders were shown this week; 2 desk breaks were started without one."
    )


def test_daily_exercise_cards_and_their_answers_are_not_stand_up_reminders() -> None:
    summary = summarise_reminders(log(DAILY, ROUTINE, DAILY, CLOSED, DAILY))
    assert summary == ReminderSummary()
    assert summary.is_empty
    # A daily card replacing an unanswered stand-up card leaves that one unanswered.
    assert summarise_reminders(log(SHOWN, DAILY, CLOSED)) == ReminderSummary(shown=1, unanswered=1)


def test_time_away_closing_the_card_and_the_close_button_are_their_own_outcomes() -> None:
    summary = summarise_reminders(log(SHOWN, AWAY, SHOWN, CLOSED, SHOWN, AWAY))
    assert summary == ReminderSummary(shown=3, away=2, closed=1)
    assert describe_reminders(summary) == (
        "3 stand-up reminders: 2 were followed by time away from the desk and 1 was closed."
    )


def test_a_card_with_no_answer_logged_is_counted_as_such() -> None:
    # The app was closed with a card up, and the last card is still up when the period ends.
    summary = summarise_reminders(log(SHOWN, SHOWN, BREAK, SHOWN))
    assert summary == ReminderSummary(shown=3, desk_breaks=1, unanswered=2)
    assert describe_reminders(summary, during="this week") == (
        "3 stand-up reminders this week: 1 led to a desk break and 2 had no answer recorded."
    )


def test_an_answer_whose_card_came_before_the_period_counts_that_card_once() -> None:
    summary = summarise_reminders(log(IN_PAIN, SHOWN, SNOOZE, AWAY))
    assert summary == ReminderSummary(shown=3, skipped=1, skipped_in_pain=1, snoozed=1, away=1)


EVENTS = st.sampled_from(
    [SHOWN, DAILY, BREAK, SNOOZE, REFUSED, IN_PAIN, BUSY, NO_REASON, AWAY, CLOSED, ROUTINE]
)


@given(st.lists(EVENTS, max_size=60))
def test_every_card_has_exactly_one_outcome_and_the_words_say_each_count(
    events: list[tuple[ReminderAction, str]],
) -> None:
    summary = summarise_reminders(log(*events))
    outcomes = (
        summary.desk_breaks,
        summary.away,
        summary.snoozed,
        summary.skipped,
        summary.closed,
        summary.unanswered,
    )
    assert sum(outcomes) == summary.shown
    assert summary.shown >= events.count(SHOWN)
    assert summary.skipped_in_pain == events.count(IN_PAIN) <= summary.skipped
    assert summary.desk_breaks + summary.breaks_on_own == events.count(BREAK)
    text = describe_reminders(summary)
    assert (text == "") == summary.is_empty
    if summary.shown:
        assert text.startswith(f"{summary.shown} stand-up reminder")
    if summary.skipped_in_pain:
        assert "because of pain" in text
    # Neutral words for both readers: no "you", no rates, nothing that promises.
    assert "you" not in text.lower()
    assert "%" not in text
    assert not PROMISES.search(text)
