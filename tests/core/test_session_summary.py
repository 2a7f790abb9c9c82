"""The end-of-session summary's words, and the rule for "+15 s" (issue 15), without a window."""

from __future__ import annotations

from dataclasses import replace

from spinecoach import paths
from spinecoach.core.cues import ExtendRefusal, extend_refusal, extended_caption
from spinecoach.core.exercise import Dosage, Motion
from spinecoach.core.pain import rise_advice
from spinecoach.core.session_summary import SessionOutcome, summarize
from spinecoach.core.timeline import PhaseKind, build_timeline
from spinecoach.core.translation import load_library_in
from tests.factories import exercise, routine

DESK = SessionOutcome(
    routine_name="Two-minute desk break",
    completed=True,
    exercises_total=4,
    done=("Chin tucks", "Shoulder rolls", "Seated twist", "Standing back extension"),
    skipped=(),
    seconds=117,
    before=4,
    after=3,
)


def with_(**changes: object) -> SessionOutcome:
    return replace(DESK, **changes)  # type: ignore[arg-type]


def test_a_session_that_went_well() -> None:
    summary = summarize(DESK)
    assert summary.title == "Well done"
    assert summary.lead == "You finished “Two-minute desk break”."
    assert summary.exercises == "4 of 4 exercises done"
    assert summary.skipped == ""
    assert summary.time == "Time exercising: 2 min"
    assert summary.pain == "Pain: 4 → 3 out of 10"
    assert summary.pain_words == "Your pain was lower afterwards."
    assert not summary.rose and summary.advice is None


def test_when_pain_rose_it_is_said_kindly_with_the_advice_and_no_well_done() -> None:
    outcome = with_(before=5, after=7, done=DESK.done[1:], skipped=("Chin tucks",))
    advice = rise_advice(5, 7)
    summary = summarize(outcome, advice)
    assert summary.title == "Session complete"
    assert summary.rose and summary.advice is advice
    assert summary.pain == "Pain: 5 → 7 out of 10"
    assert summary.pain_words == (
        "Thank you for noting it. Pain can go up after exercise; below is what to do now."
    )
    assert summary.exercises == "3 of 4 exercises done"
    assert summary.skipped == "Skipped: Chin tucks"


def test_a_rise_of_one_point_a_stop_and_missing_scores() -> None:
    assert summarize(with_(after=5)).pain_words == (
        "Your pain was a little higher afterwards. Take it gently for the rest of the day."
    )
    assert summarize(with_(after=4)).pain_words == "Your pain was the same as before."
    stopped = summarize(with_(completed=False, done=("Chin tucks",), seconds=40))
    assert stopped.title == "Session ended"
    assert stopped.lead == "You ended “Two-minute desk break” early. What you did is saved."
    assert stopped.exercises == "1 of 4 exercises done"
    assert stopped.time == "Time exercising: 40 s"
    assert summarize(with_(after=None)).pain == "Pain before: 4 out of 10 (none given after)"
    assert summarize(with_(before=None)).pain == "Pain after: 3 out of 10"
    assert summarize(with_(before=None, after=None)).pain == ""
    assert summarize(with_(exercises_total=1, done=("Walking",))).exercises == (
        "1 of 1 exercise done"
    )


def test_the_summary_speaks_german() -> None:
    words = load_library_in(paths.resources_dir(), paths.icons_dir() / "exercises", "de").words
    summary = summarize(with_(before=5, after=7), rise_advice(5, 7, words=words), words)
    assert summary.title == "Übungseinheit abgeschlossen"
    assert summary.exercises == "4 von 4 Übungen gemacht"
    assert summary.time == "Übungszeit: 2 Min."
    assert summary.pain == "Schmerzen: 5 → 7 von 10"
    assert summary.pain_words.startswith("Danke, dass Sie es festgehalten haben.")


# --- "+15 s" -------------------------------------------------------------------------------------


def test_plus_fifteen_is_for_holds_timed_blocks_and_getting_set() -> None:
    timeline = build_timeline(
        routine(
            exercise("Bridge", Dosage(reps=2, hold_seconds=3, release_seconds=2, sets=2)),
            exercise("Stretch", Dosage(reps=1, hold_seconds=20, release_seconds=5)),
            exercise("Walk", Dosage(duration_seconds=60)),
        )
    )
    refusals = {(phase.kind, phase.exercise.name): extend_refusal(phase) for phase in timeline}
    assert refusals[PhaseKind.GET_READY, "Bridge"] is None
    assert refusals[PhaseKind.HOLD, "Bridge"] is ExtendRefusal.REP
    assert refusals[PhaseKind.RELEASE, "Bridge"] is ExtendRefusal.RELEASE
    assert refusals[PhaseKind.REST, "Bridge"] is None  # more rest between sets
    assert refusals[PhaseKind.NEXT_UP, "Stretch"] is None
    assert refusals[PhaseKind.HOLD, "Stretch"] is None
    assert refusals[PhaseKind.HOLD, "Walk"] is None
    assert refusals[PhaseKind.FINISHED, "Walk"] is ExtendRefusal.FINISHED


def test_a_movement_in_repetitions_keeps_its_beat() -> None:
    rolls = replace(
        exercise("Shoulder rolls", Dosage(reps=2, hold_seconds=10, release_seconds=2)),
        motion=Motion.MOVE,
    )
    hold = next(p for p in build_timeline(routine(rolls)) if p.kind is PhaseKind.HOLD)
    assert extend_refusal(hold) is ExtendRefusal.MOVE


def test_the_caption_after_plus_fifteen_says_the_time_now_left() -> None:
    timeline = build_timeline(
        routine(
            exercise("Stretch", Dosage(reps=1, hold_seconds=20, release_seconds=5)),
            exercise("Walk", Dosage(duration_seconds=60)),
        )
    )
    by_kind = {(p.kind, p.exercise.name): p for p in timeline}
    assert extended_caption(by_kind[PhaseKind.HOLD, "Stretch"], 22.4) == (
        "Hold for twenty-three seconds more"
    )  # as the countdown shows it: 0:23
    assert extended_caption(by_kind[PhaseKind.HOLD, "Walk"], 75) == (
        "Keep going for one minute fifteen seconds more"
    )
    assert extended_caption(by_kind[PhaseKind.GET_READY, "Stretch"], 18) == (
        "Eighteen seconds more to get ready"
    )
