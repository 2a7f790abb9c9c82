"""The timeline rules: which phases a routine becomes, what they are called, and what is said."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from spinecoach.core.cues import Cue, CueKind, end_of_hold_cue, entry_cues, spoken_name, tick_cue
from spinecoach.core.exercise import (
    Dosage,
    Motion,
    OnlySide,
    Position,
    Routine,
    RoutineItem,
    SideMeaning,
)
from spinecoach.core.library import load_library
from spinecoach.core.session_settings import SessionSettings, played_seconds
from spinecoach.core.spoken_numbers import number_in_words, seconds_in_words
from spinecoach.core.timeline import Phase, PhaseKind, Side, build_timeline
from tests.factories import exercise, routine

REPO = Path(__file__).resolve().parents[2]

K = PhaseKind


KNEE_TO_CHEST = exercise(
    "Knee to chest", Dosage(reps=1, hold_seconds=30, release_seconds=5), two_sided=True
)
PELVIC_TILT = exercise("Pelvic tilt", Dosage(reps=10, hold_seconds=3, release_seconds=2))
WALK = exercise("Walking", Dosage(duration_seconds=1200))
CHILDS_POSE = exercise("Child's pose", Dosage(reps=2, hold_seconds=30, release_seconds=0))
BRIDGE_SETS = exercise(
    "Glute bridge", Dosage(reps=8, hold_seconds=2, release_seconds=2, sets=3, rest_seconds=30)
)


def kinds(timeline: tuple[Phase, ...]) -> list[PhaseKind]:
    return [phase.kind for phase in timeline]


def dosage_seconds(timeline: tuple[Phase, ...]) -> float:
    return sum(phase.seconds for phase in timeline if phase.counts_toward_dosage)


# --- shapes -------------------------------------------------------------------------------------


def test_held_stretch_on_both_sides() -> None:
    timeline = build_timeline(routine(KNEE_TO_CHEST))
    assert kinds(timeline) == [
        K.GET_READY, K.HOLD, K.RELEASE, K.SWITCH_SIDES, K.HOLD, K.RELEASE, K.FINISHED,
    ]  # fmt: skip
    assert [p.seconds for p in timeline] == [5, 30, 5, 5, 30, 5, 0]
    assert [p.side for p in timeline] == [
        Side.LEFT, Side.LEFT, Side.LEFT, Side.RIGHT, Side.RIGHT, Side.RIGHT, None,
    ]  # fmt: skip
    assert [p.counts_toward_dosage for p in timeline] == [False, True, True, False, True, True,
                                                          False]  # fmt: skip
    assert dosage_seconds(timeline) == routine(KNEE_TO_CHEST).total_seconds == 70


def test_release_of_zero_seconds_is_left_out() -> None:
    no_release = exercise(
        "Hold", Dosage(reps=1, hold_seconds=30, release_seconds=0), two_sided=True
    )
    timeline = build_timeline(routine(no_release))
    assert kinds(timeline) == [K.GET_READY, K.HOLD, K.SWITCH_SIDES, K.HOLD, K.FINISHED]


def test_rep_exercise_alternates_hold_and_release() -> None:
    timeline = build_timeline(routine(PELVIC_TILT))
    assert kinds(timeline) == [K.GET_READY] + [K.HOLD, K.RELEASE] * 10 + [K.FINISHED]
    holds = [p for p in timeline if p.kind is K.HOLD]
    assert [p.rep for p in holds] == list(range(1, 11))
    assert {(p.seconds, p.reps, p.set, p.sets, p.side) for p in holds} == {(3, 10, 1, 1, None)}
    releases = [p for p in timeline if p.kind is K.RELEASE]
    assert {p.seconds for p in releases} == {2}
    assert dosage_seconds(timeline) == 50


def test_sets_are_separated_by_rests_but_not_after_the_last() -> None:
    timeline = build_timeline(routine(BRIDGE_SETS))
    rests = [(i, p) for i, p in enumerate(timeline) if p.kind is K.REST]
    assert [p.set for _, p in rests] == [2, 3]
    assert {p.seconds for _, p in rests} == {30}
    assert rests[0][0] == 1 + 16  # after the get-ready and 8 reps of hold + release
    assert timeline[-2].kind is K.RELEASE
    assert dosage_seconds(timeline) == 3 * 8 * 4 + 2 * 30


def test_rest_of_zero_seconds_is_left_out() -> None:
    no_rest = exercise("Sets", Dosage(reps=2, hold_seconds=5, release_seconds=0, sets=2,
                                      rest_seconds=0))  # fmt: skip
    assert kinds(build_timeline(routine(no_rest))) == [K.GET_READY] + [K.HOLD] * 4 + [K.FINISHED]


def test_timed_block_is_one_hold() -> None:
    timeline = build_timeline(routine(WALK))
    assert kinds(timeline) == [K.GET_READY, K.HOLD, K.FINISHED]
    walk = timeline[1]
    assert (walk.seconds, walk.rep, walk.reps, walk.set, walk.sets) == (1200, 0, 0, 1, 1)
    assert walk.timed_block
    assert dosage_seconds(timeline) == 1200


def test_two_sided_timed_block_holds_once_per_side() -> None:
    march = exercise("March", Dosage(duration_seconds=60), two_sided=True)
    timeline = build_timeline(routine(march))
    assert kinds(timeline) == [K.GET_READY, K.HOLD, K.SWITCH_SIDES, K.HOLD, K.FINISHED]
    assert dosage_seconds(timeline) == 120


def test_next_up_replaces_get_ready_after_the_first_exercise() -> None:
    timeline = build_timeline(routine(KNEE_TO_CHEST, CHILDS_POSE, WALK))
    assert kinds(timeline).count(K.GET_READY) == 1
    assert timeline[0].kind is K.GET_READY
    next_ups = [(i, p) for i, p in enumerate(timeline) if p.kind is K.NEXT_UP]
    assert [p.item_index for _, p in next_ups] == [1, 2]
    assert [p.exercise for _, p in next_ups] == [CHILDS_POSE, WALK]
    assert all(p.seconds == 15 and not p.counts_toward_dosage for _, p in next_ups)
    # The phase after a preview is already the work of the previewed exercise.
    assert [timeline[i + 1].kind for i, _ in next_ups] == [K.HOLD, K.HOLD]
    # Item indices never go back, and every item's phases are together.
    indices = [p.item_index for p in timeline]
    assert indices == sorted(indices)
    assert timeline[-1] == Phase(K.FINISHED, 0.0, 2, WALK, None, 0, 0, 0, 1, False, True)


def test_get_ready_and_next_up_start_on_the_left_for_two_sided_exercises() -> None:
    timeline = build_timeline(routine(CHILDS_POSE, KNEE_TO_CHEST))
    assert timeline[0].side is None
    next_up = next(p for p in timeline if p.kind is K.NEXT_UP)
    assert next_up.side is Side.LEFT


def test_settings_decide_the_players_own_time() -> None:
    settings = SessionSettings(get_ready_seconds=10, rest_between_exercises_seconds=30,
                               switch_sides_seconds=8)  # fmt: skip
    timeline = build_timeline(routine(KNEE_TO_CHEST, CHILDS_POSE), settings)
    extra = {p.kind: p.seconds for p in timeline if not p.counts_toward_dosage}
    assert extra == {K.GET_READY: 10, K.SWITCH_SIDES: 8, K.NEXT_UP: 30, K.FINISHED: 0}


def test_transitions_of_zero_seconds_are_kept_for_their_announcement() -> None:
    settings = SessionSettings(0, 0, 0)
    timeline = build_timeline(routine(KNEE_TO_CHEST, CHILDS_POSE), settings)
    assert {K.GET_READY, K.SWITCH_SIDES, K.NEXT_UP} <= set(kinds(timeline))
    assert all(p.seconds == 0 for p in timeline if not p.counts_toward_dosage)


def test_negative_settings_and_empty_routines_are_refused() -> None:
    with pytest.raises(ValueError, match="switch_sides_seconds"):
        SessionSettings(switch_sides_seconds=-1)
    with pytest.raises(ValueError, match="at least one exercise"):
        build_timeline(routine())


def test_routine_dosage_overrides_the_exercises_own() -> None:
    item = RoutineItem(exercise=PELVIC_TILT, dosage=Dosage(reps=2, hold_seconds=4,
                                                           release_seconds=1))  # fmt: skip
    timeline = build_timeline(Routine("r", "R", "A routine for the tests.", (item,)))
    assert [p.seconds for p in timeline if p.counts_toward_dosage] == [4, 1, 4, 1]
    assert timeline[1].reps == 2


def test_every_shipped_routine_adds_up() -> None:
    library = load_library(REPO / "resources", REPO / "icons" / "exercises")
    assert library.routines
    for shipped in library.routines.values():
        timeline = build_timeline(shipped)
        assert dosage_seconds(timeline) == shipped.total_seconds, shipped.id
        assert played_seconds(shipped) == round(sum(p.seconds for p in timeline)), shipped.id


_DOSAGES = st.one_of(
    st.builds(lambda d: Dosage(duration_seconds=d), st.integers(30, 600)),
    st.builds(
        lambda reps, hold, release, sets, rest: Dosage(
            reps=reps, hold_seconds=hold, release_seconds=release, sets=sets, rest_seconds=rest
        ),
        st.integers(1, 12),
        st.integers(1, 40),
        st.integers(0, 5),
        st.integers(1, 3),
        st.integers(0, 60),
    ),
)
_ITEMS = st.builds(
    lambda dosage, two_sided, only_side, number: RoutineItem(
        exercise(f"Exercise {number}", dosage, two_sided=two_sided),
        dosage,
        only_side=only_side if two_sided else None,
    ),
    _DOSAGES,
    st.booleans(),
    st.none() | st.sampled_from(list(OnlySide)),
    st.integers(1, 99),
)


@given(
    items=st.lists(_ITEMS, min_size=1, max_size=8),
    changeover=st.none() | st.integers(3, 30),
    settings=st.builds(SessionSettings, st.integers(0, 30), st.integers(0, 60), st.integers(0, 30)),
)
def test_the_length_shown_is_the_length_played(
    items: list[RoutineItem], changeover: int | None, settings: SessionSettings
) -> None:
    """`played_seconds` (worked out from the dosages) is what the unrolled phases add up to."""
    generated = Routine("g", "Generated", "A generated routine.", tuple(items), changeover)
    phases = build_timeline(generated, settings)
    assert played_seconds(generated, settings) == round(sum(p.seconds for p in phases))


# --- labels and counters ------------------------------------------------------------------------


def test_every_kind_has_its_label() -> None:
    timeline = build_timeline(routine(KNEE_TO_CHEST, BRIDGE_SETS))
    labels = {p.kind: p.label for p in timeline}
    assert labels == {
        K.GET_READY: "Get ready",
        K.HOLD: "Hold",
        K.RELEASE: "Release",
        K.REST: "Rest",
        K.SWITCH_SIDES: "Switch sides",
        K.NEXT_UP: "Next up",
        K.FINISHED: "Well done",
    }


def test_counter_texts() -> None:
    two_sided_reps = exercise("Tilt", Dosage(reps=10, hold_seconds=3), two_sided=True)
    timeline = build_timeline(routine(two_sided_reps, BRIDGE_SETS, KNEE_TO_CHEST, WALK))
    texts = [(p.kind, p.counter_text) for p in timeline]
    assert texts[0] == (K.GET_READY, "Left side first")
    assert (K.HOLD, "Rep 4 of 10 · left side") in texts
    assert (K.RELEASE, "Rep 4 of 10 · left side") in texts
    assert (K.SWITCH_SIDES, "Right side next") in texts
    assert (K.HOLD, "Rep 10 of 10 · right side") in texts
    assert (K.NEXT_UP, "") in texts  # the bridge is one-sided
    assert (K.HOLD, "Set 2 of 3 · rep 1 of 8") in texts
    assert (K.REST, "Next: set 3 of 3") in texts
    assert (K.HOLD, "Left side") in texts  # one 30-s hold: only the side to count
    assert (K.HOLD, "Timed block") in texts
    assert texts[-1] == (K.FINISHED, "")


def test_single_hold_in_sets_counts_sets_only() -> None:
    holds = exercise("Plank", Dosage(reps=1, hold_seconds=10, sets=3, rest_seconds=20))
    counters = [p.counter_text for p in build_timeline(routine(holds)) if p.kind is K.HOLD]
    assert counters == ["Set 1 of 3", "Set 2 of 3", "Set 3 of 3"]


# --- cues ---------------------------------------------------------------------------------------


def said(kind: CueKind, text: str) -> Cue:
    return Cue(kind, text, text)


def test_cues_at_the_start_of_each_kind() -> None:
    timeline = build_timeline(routine(KNEE_TO_CHEST, CHILDS_POSE, BRIDGE_SETS, WALK))
    first = {p.kind: entry_cues(p) for p in reversed(timeline)}  # keeps the first of each kind
    assert first[K.GET_READY] == (said(CueKind.GET_READY,
                                       "Get ready: knee to chest, left side first"),)  # fmt: skip
    assert first[K.HOLD] == (said(CueKind.START, "Hold for thirty seconds"),)
    assert first[K.RELEASE] == ()
    assert first[K.SWITCH_SIDES] == (said(CueKind.SWITCH_SIDES, "Switch to your right side"),)
    assert first[K.NEXT_UP] == (said(CueKind.NEXT_UP, "Next: child's pose"),)
    assert first[K.REST] == (said(CueKind.REST, "Rest"),)
    assert first[K.FINISHED] == (said(CueKind.COMPLETE, "Well done"),)


def test_start_cue_says_the_length_on_the_first_rep_of_each_set_only() -> None:
    timeline = build_timeline(routine(BRIDGE_SETS, WALK))
    starts = [entry_cues(p)[0].text for p in timeline if p.kind is K.HOLD]
    assert starts[:3] == ["Hold for two seconds", "Hold", "Hold"]
    assert starts[8] == "Hold for two seconds"  # set 2 begins
    assert starts[-1] == "Start now, for twenty minutes"


def test_end_of_hold_says_release_only_before_a_release() -> None:
    timeline = build_timeline(routine(KNEE_TO_CHEST))
    assert end_of_hold_cue(timeline[2]) == said(CueKind.END_OF_HOLD, "Release")
    assert end_of_hold_cue(timeline[3]) == said(CueKind.END_OF_HOLD, "")


def test_tick_cue_shows_the_count_and_says_nothing() -> None:
    assert tick_cue(3) == Cue(CueKind.TICK, "", "3")


@pytest.mark.parametrize(
    ("name", "spoken"),
    [("Knee to chest", "knee to chest"), ("Child's pose", "child's pose"),
     ("TA activation", "TA activation"), ("", "")],
)  # fmt: skip
def test_spoken_name(name: str, spoken: str) -> None:
    assert spoken_name(name) == spoken


# --- numbers in words ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("number", "words"),
    [(0, "zero"), (7, "seven"), (13, "thirteen"), (20, "twenty"), (45, "forty-five"),
     (100, "one hundred"), (120, "one hundred twenty"), (999, "nine hundred ninety-nine"),
     (3600, "three thousand six hundred"), (21_005, "twenty-one thousand five")],
)  # fmt: skip
def test_number_in_words(number: int, words: str) -> None:
    assert number_in_words(number) == words


@pytest.mark.parametrize(
    ("seconds", "words"),
    [(0, "zero seconds"), (1, "one second"), (30, "thirty seconds"), (60, "one minute"),
     (90, "one minute thirty seconds"), (121, "two minutes one second"),
     (1200, "twenty minutes"), (3600, "one hour"), (3725, "one hour two minutes five seconds"),
     (29.6, "thirty seconds")],
)  # fmt: skip
def test_seconds_in_words(seconds: float, words: str) -> None:
    assert seconds_in_words(seconds) == words


def test_numbers_out_of_range_are_refused() -> None:
    with pytest.raises(ValueError, match="only 0 to"):
        number_in_words(-1)
    with pytest.raises(ValueError, match="only 0 to"):
        number_in_words(1_000_000)
    with pytest.raises(ValueError, match="negative"):
        seconds_in_words(-2)


# --- properties ---------------------------------------------------------------------------------

rep_dosages = st.builds(
    Dosage,
    reps=st.integers(1, 30),
    hold_seconds=st.integers(1, 120),
    release_seconds=st.integers(0, 30),
    sets=st.integers(1, 5),
    rest_seconds=st.integers(0, 180),
)
timed_dosages = st.builds(Dosage, duration_seconds=st.integers(30, 3600))


@st.composite
def routines(draw: st.DrawFn) -> Routine:
    count = draw(st.integers(1, 5))
    items = []
    for n in range(count):
        dosage = draw(st.one_of(rep_dosages, timed_dosages))
        item_exercise = exercise(f"Exercise {n}", dosage, two_sided=draw(st.booleans()))
        items.append(RoutineItem(exercise=item_exercise, dosage=dosage))
    return Routine("r", "Generated", "A generated routine.", tuple(items))


settings_values = st.builds(
    SessionSettings, st.integers(0, 30), st.integers(0, 60), st.integers(0, 30)
)


@given(routine=routines(), settings=settings_values)
def test_dosage_phases_add_up_to_the_routine_time(
    routine: Routine, settings: SessionSettings
) -> None:
    timeline = build_timeline(routine, settings)
    assert dosage_seconds(timeline) == routine.total_seconds
    assert [p.kind for p in timeline].count(K.FINISHED) == 1
    assert timeline[-1].kind is K.FINISHED
    assert [p.item_index for p in timeline] == sorted(p.item_index for p in timeline)
    assert {p.item_index for p in timeline} == set(range(len(routine.items)))
    assert all(p.seconds > 0 for p in timeline if p.counts_toward_dosage)
    extra = sum(p.seconds for p in timeline if not p.counts_toward_dosage)
    two_sided = sum(item.exercise.two_sided for item in routine.items)
    assert extra == (
        settings.get_ready_seconds
        + (len(routine.items) - 1) * settings.rest_between_exercises_seconds
        + two_sided * settings.switch_sides_seconds
    )


# --- issue 10: floor transitions, changeovers, movement words, side words -----------------------

STAND = exercise("Stand tall", Dosage(reps=1, hold_seconds=10, release_seconds=0))
LIE = exercise("Lie and hug", Dosage(reps=1, hold_seconds=10), position=Position.LYING_ON_BACK)
KNEEL = exercise("Kneel", Dosage(reps=1, hold_seconds=10), position=Position.ALL_FOURS)
SIT = exercise("Sit tall", Dosage(reps=1, hold_seconds=10), position=Position.SEATED)


def intros(timeline: tuple[Phase, ...]) -> list[Phase]:
    return [p for p in timeline if p.kind in (K.GET_READY, K.NEXT_UP)]


def test_getting_down_to_the_floor_and_up_again_waits_for_the_person() -> None:
    timeline = build_timeline(routine(STAND, LIE, KNEEL, SIT, STAND))
    assert [p.transition_to for p in intros(timeline)] == [
        None, Position.LYING_ON_BACK, None, Position.SEATED, None,
    ]  # fmt: skip
    waiting = intros(timeline)[1]
    assert waiting.waits_for_person
    assert waiting.position_prompt == "Press Start when you are lying on your back"
    assert entry_cues(waiting)[0].text == (
        "Next: lie and hug. Press Start when you are lying on your back"
    )
    assert intros(timeline)[3].position_prompt == "Press Start when you are sitting on your chair"


def test_a_session_that_starts_on_the_floor_waits_before_the_first_exercise() -> None:
    first = intros(build_timeline(routine(KNEEL, STAND)))[0]
    assert first.kind is K.GET_READY
    assert first.transition_to is Position.ALL_FOURS


def test_a_routine_changeover_replaces_the_rest_setting_between_exercises() -> None:
    own = replace(routine(STAND, SIT, STAND), changeover_seconds=5)
    settings = SessionSettings(get_ready_seconds=5, rest_between_exercises_seconds=20)
    assert [p.seconds for p in intros(build_timeline(own, settings))] == [5, 5, 5]
    plain = routine(STAND, SIT, STAND)
    assert [p.seconds for p in intros(build_timeline(plain, settings))] == [5, 20, 20]


def test_played_seconds_is_what_the_engine_plays() -> None:
    from spinecoach.core.clock import FakeClock
    from spinecoach.core.session import SessionEngine

    for shape in (routine(STAND, SIT), routine(KNEE_TO_CHEST, BRIDGE_SETS, STAND)):
        engine = SessionEngine(build_timeline(shape), FakeClock())
        assert played_seconds(shape) == round(engine.total_seconds())
        assert played_seconds(shape) > shape.total_seconds  # changeovers are counted


def test_a_continuous_movement_says_move_never_hold() -> None:
    rolls = replace(
        exercise("Shoulder rolls", Dosage(reps=3, hold_seconds=2, release_seconds=1)),
        motion=Motion.MOVE,
    )
    holds = [p for p in build_timeline(routine(rolls)) if p.kind is K.HOLD]
    assert {p.label for p in holds} == {"Move"}
    assert {entry_cues(p)[0].text for p in holds} == {"Move"}


@pytest.mark.parametrize(
    ("meaning", "left", "switch"),
    [
        (None, "Left side first", "Switch to your right side"),
        (SideMeaning.LEG, "Left leg first", "Switch sides: right leg"),
        (SideMeaning.TURN, "Turning to the left first", "Switch sides: turning to the right"),
        (SideMeaning.KNEES, "Knees to the left first", "Switch sides: knees to the right"),
        (SideMeaning.BEND, "Bending to the left first", "Switch sides: bending to the right"),
        (SideMeaning.TILT, "Left ear down first", "Switch sides: right ear down"),
    ],
)
def test_sides_are_said_in_the_exercises_own_words(
    meaning: SideMeaning | None, left: str, switch: str
) -> None:
    two = replace(KNEE_TO_CHEST, side_means=meaning)
    timeline = build_timeline(routine(two))
    assert timeline[0].counter_text == left
    switching = next(p for p in timeline if p.kind is K.SWITCH_SIDES)
    assert entry_cues(switching)[0].text == switch
