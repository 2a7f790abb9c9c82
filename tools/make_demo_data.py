"""Write a realistic, synthetic SpineCoach history into a data folder (for demos and testing).

    python tools/make_demo_data.py --data-dir /tmp/demo                 # 6 months to today
    python tools/make_demo_data.py --data-dir /tmp/demo --years 10      # ~4,000 sessions
    python tools/make_demo_data.py --data-dir /tmp/demo --seed 7 --end 2026-11-30
    .venv/bin/spinecoach --data-dir /tmp/demo                           # then look at it

Everything is written through the real storage API (`open_database`, `Database.add_history`
in one transaction, `add_hurt_event`), so the file is exactly what the app would write.
The same --seed and --end (default: today) give the same history. Times are local wall-clock
times in this machine's time zone, as the app records them. Nothing is ever written later than
now (--now, default the real time): on the last day, what would come later is left out (a
session whose end or whose after-score would come later, with its scores and "this hurts").

The story: sessions in the morning (07:00-09:30) or at lunchtime (12:00-13:30), 2-20 minutes,
real routines from resources/routines; about 3 a week at first, and, as the habit forms over
the first 18 months, up to about 8 a week (a morning and a lunchtime routine on most days),
which is what makes ten years about 4,000 sessions and 11,000 pain scores. Pain drifts down
from about 6 to about 3 over the first months with day-to-day noise; a score before each
session and one after (usually 0-1 lower); an evening check-in on most days; a couple of
missed weeks (about two a year); a flare-up week with scores of 7-8 (one a year); a few
sessions stopped or left unfinished; a few notes and "this hurts" presses.

A folder that already holds a data file is refused unless --force, which keeps the old file
(renamed to spinecoach.sqlite3.before-demo-<time>, never deleted) and starts a fresh one.
"""

from __future__ import annotations

import argparse
import math
import random
import sys
import time
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from spinecoach import paths
from spinecoach.core.exercise import Routine
from spinecoach.core.library import load_library
from spinecoach.core.records import (
    Feeling,
    HurtAction,
    HurtEvent,
    PainContext,
    PainEntry,
    SessionRecord,
    SessionStatus,
)
from spinecoach.storage.database import Database
from spinecoach.storage.files import move_aside
from spinecoach.storage.opening import open_database
from spinecoach.storage.timecodec import file_stamp

MORNING_ROUTINES = (
    "morning-mobility",
    "gentle-floor-stretches",
    "core-strength",
    "hips-and-hamstrings",
    "walk-and-stretch",
)
LUNCH_ROUTINES = ("desk-break", "neck-and-shoulders", "walk-and-stretch", "desk-break")
SESSION_NOTES = (
    "Felt looser afterwards.",
    "Stiff getting down to the floor.",
    "Did it before a long meeting.",
    "Hamstrings tight today.",
    "Went slowly, breathing helped.",
    "Easier than last week.",
    "Short on time, still glad I did it.",
)
PAIN_NOTES = (
    "Slept badly.",
    "After gardening.",
    "Long drive yesterday.",
    "Sitting all day at the desk.",
    "Good day, walked to work.",
    "Carried the shopping.",
)
FLARE_NOTES = ("Flare-up: lifted a box wrong.", "Back went again, taking it easy.")

START_RATE = 3.5  # sessions a week at first
HABIT_RATE = 8.6  # sessions a week once the habit has formed
HABIT_FROM_DAY = 180
HABIT_BY_DAY = 540


@dataclass
class DemoHistory:
    """The generated records, before they are written."""

    sessions: list[tuple[SessionRecord, list[PainEntry]]] = field(default_factory=list)
    check_ins: list[PainEntry] = field(default_factory=list)
    hurts: list[tuple[int, str, datetime, HurtAction]] = field(default_factory=list)
    """(index into sessions, exercise id, time, action)"""

    @property
    def pain_count(self) -> int:
        """All pain entries: the sessions' and the check-ins."""
        return len(self.check_ins) + sum(len(linked) for _, linked in self.sessions)


def _local(day: date, minutes: float) -> datetime:
    """A local wall-clock time on `day`, with this machine's UTC offset for that moment."""
    naive = datetime(day.year, day.month, day.day) + timedelta(seconds=round(minutes * 60))
    return naive.astimezone()


def _clamp(value: float, low: int = 0, high: int = 10) -> int:
    return max(low, min(high, round(value)))


def _weekly_rate(day_index: int) -> float:
    if day_index <= HABIT_FROM_DAY:
        return START_RATE
    progress = min(1.0, (day_index - HABIT_FROM_DAY) / (HABIT_BY_DAY - HABIT_FROM_DAY))
    return START_RATE + (HABIT_RATE - START_RATE) * progress


def _pick_weeks(rng: random.Random, days: int, count: int, taken: set[int]) -> list[int]:
    """Start days of `count` non-overlapping 7-day stretches, avoiding days in `taken`."""
    starts: list[int] = []
    for _ in range(count * 50):
        if len(starts) == count or days < 30:
            break
        start = rng.randrange(14, max(15, days - 8))
        week = set(range(start - 7, start + 14))
        if week & taken:
            continue
        starts.append(start)
        taken.update(range(start, start + 7))
    return sorted(starts)


def generate(
    routines: dict[str, Routine],
    first_day: date,
    days: int,
    seed: int,
    until: datetime | None = None,
) -> DemoHistory:
    """Build the history for `days` days from `first_day`; the same inputs give the same result.

    Nothing in it is later than `until` (timezone-aware; None: no limit): a session, check-in
    or "this hurts" that would be is left out whole. The random draws do not depend on `until`,
    so the history before it is the same whatever `until` is.
    """
    rng = random.Random(seed)
    years = days / 365.25
    first_flare = int(days * 0.6) if days < 400 else rng.randrange(90, 300)
    taken = set(range(first_flare - 7, first_flare + 14))
    flare_starts = [first_flare, *_pick_weeks(rng, days, max(0, round(years) - 1), taken)]
    flare_days = {start + offset for start in flare_starts for offset in range(7)}
    missed = _pick_weeks(rng, days, max(2, round(years * 2)), taken)
    missed_days = {start + offset for start in missed for offset in range(7)}

    history = DemoHistory()
    noise = 0.0
    for index in range(days):
        day = first_day + timedelta(days=index)
        noise = 0.7 * noise + rng.gauss(0, 0.55)
        base = 3.0 + 3.0 * math.exp(-index / 60) + noise
        flare = index in flare_days
        if flare:
            base = 7.5 + rng.uniform(-0.4, 0.4)
        if index in missed_days:
            continue
        per_slot = _weekly_rate(index) / 14
        for slot, pool, (earliest, latest) in (
            ("morning", MORNING_ROUTINES, (7 * 60, 9 * 60 + 30)),
            ("lunch", LUNCH_ROUTINES, (12 * 60, 13 * 60 + 30)),
        ):
            if rng.random() >= per_slot * (0.6 if flare else 1.0):
                continue
            routine = routines[rng.choice(pool)]
            started = _local(day, rng.uniform(earliest, latest))
            before = _clamp(base + rng.gauss(0.3 if slot == "morning" else 0, 0.4))
            if flare:
                before = _clamp(before, 7, 8)
            _add_session(history, rng, routine, started, before, flare)
        if rng.random() < (0.97 if flare else 0.85):
            score = _clamp(base + rng.gauss(0, 0.5))
            if flare:
                score = _clamp(score, 7, 8)
            note = ""
            if flare and rng.random() < 0.3:
                note = rng.choice(FLARE_NOTES)
            elif rng.random() < 0.04:
                note = rng.choice(PAIN_NOTES)
            history.check_ins.append(
                PainEntry(
                    recorded_at=_local(day, rng.uniform(18 * 60, 22 * 60)),
                    score=score,
                    context=PainContext.CHECK_IN,
                    note=note,
                )
            )
    return history if until is None else _not_after(history, until)


def _not_after(history: DemoHistory, until: datetime) -> DemoHistory:
    """The history without anything later than `until`: whole sessions, check-ins, presses."""
    kept = DemoHistory()
    new_index: dict[int, int] = {}
    for index, (session, linked) in enumerate(history.sessions):
        moments = [session.started_at, *(entry.recorded_at for entry in linked)]
        if session.ended_at is not None:
            moments.append(session.ended_at)
        moments += [moment for i, _e, moment, _a in history.hurts if i == index]
        if max(moments) <= until:
            new_index[index] = len(kept.sessions)
            kept.sessions.append((session, linked))
    kept.check_ins = [entry for entry in history.check_ins if entry.recorded_at <= until]
    kept.hurts = [
        (new_index[index], exercise_id, moment, action)
        for index, exercise_id, moment, action in history.hurts
        if index in new_index
    ]
    return kept


def _add_session(
    history: DemoHistory,
    rng: random.Random,
    routine: Routine,
    started: datetime,
    before: int,
    flare: bool,
) -> None:
    exercise_ids = routine.exercise_ids
    total = len(exercise_ids)
    full = min(20 * 60, max(2 * 60, routine.total_seconds * rng.uniform(1.05, 1.25)))
    linked = [PainEntry(recorded_at=started, score=before, context=PainContext.BEFORE)]
    index = len(history.sessions)
    roll = rng.random()
    note = rng.choice(SESSION_NOTES) if rng.random() < 0.05 else ""
    if roll < 0.02:  # the app was closed mid-session: no end time, no after score
        done = rng.randrange(0, total)
        session = SessionRecord(
            routine_id=routine.id,
            routine_name=routine.name,
            started_at=started,
            exercises_completed=exercise_ids[:done],
            exercises_total=total,
            status=SessionStatus.INCOMPLETE,
        )
        history.sessions.append((session, linked))
        return
    if roll < 0.045 or (flare and roll < 0.2):  # "this hurts", then ended the session
        done = rng.randrange(0, total)
        ended = started + timedelta(seconds=round(full * (done + 0.5) / total))
        history.hurts.append((index, exercise_ids[done], ended, "ended"))
        status, completed = SessionStatus.STOPPED, exercise_ids[:done]
        after = _clamp(before + rng.choice((0, 0, 1)))
        feeling: Feeling | None = "harder"
    else:
        ended = started + timedelta(seconds=round(full))
        status, completed = SessionStatus.COMPLETED, exercise_ids
        drop = rng.choices((-1, 0, 1, 2), weights=(6, 38, 48, 8))[0]
        after = _clamp(before - drop)
        feeling = rng.choices(("easier", "same", "harder"), weights=(40, 46, 14))[0]
        if flare and rng.random() < 0.4:
            skipped = rng.randrange(total)
            moment = started + timedelta(seconds=round(full * (skipped + 0.5) / total))
            history.hurts.append((index, exercise_ids[skipped], moment, "skipped"))
    if flare:
        after = _clamp(after, 7, 8)
    linked.append(PainEntry(recorded_at=ended, score=after, context=PainContext.AFTER))
    session = SessionRecord(
        routine_id=routine.id,
        routine_name=routine.name,
        started_at=started,
        ended_at=ended,
        exercises_completed=completed,
        exercises_total=total,
        status=status,
        feeling=feeling,
        note=note,
    )
    history.sessions.append((session, linked))


def write(database: Database, history: DemoHistory) -> int:
    """Store the history: one transaction for sessions and pain, then the few hurt events."""
    added = database.add_history(history.sessions, history.check_ins)
    for index, exercise_id, moment, action in history.hurts:
        session_id = added.sessions[index].id
        assert session_id is not None
        database.add_hurt_event(
            HurtEvent(
                session_id=session_id,
                exercise_id=exercise_id,
                recorded_at=moment,
                action=action,
            )
        )
    return added.pain_entries


def load_routines() -> dict[str, Routine]:
    """The shipped routines, loaded and validated by the app's own library loader."""
    library = load_library(paths.resources_dir(), paths.icons_dir() / "exercises")
    wanted = set(MORNING_ROUTINES) | set(LUNCH_ROUTINES)
    missing = wanted - set(library.routines)
    if missing:
        raise SystemExit(f"routines missing from resources/routines: {', '.join(sorted(missing))}")
    return library.routines


def main(argv: list[str] | None = None) -> int:
    """Command line entry point; returns the exit status."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--data-dir", required=True, type=Path, help="the data folder to fill")
    parser.add_argument("--years", type=float, default=0.5, help="how far back (default 0.5)")
    parser.add_argument("--seed", type=int, default=1, help="random seed (default 1)")
    parser.add_argument(
        "--end", type=date.fromisoformat, default=None, help="last day, YYYY-MM-DD (default today)"
    )
    parser.add_argument(
        "--now",
        type=datetime.fromisoformat,
        default=None,
        help="nothing is written later than this, ISO 8601 with offset (default: the real time)",
    )
    parser.add_argument(
        "--force",
        action="store_true",
        help="set an existing data file aside (kept, renamed) and start a fresh one",
    )
    args = parser.parse_args(argv)
    if not 0 < args.years <= 50:
        parser.error("--years must be more than 0 and at most 50")

    clock_start = time.perf_counter()
    now = datetime.now(UTC)
    until: datetime = args.now or now
    if until.utcoffset() is None:
        parser.error("--now needs a UTC offset, e.g. 2026-11-20T18:00:00+01:00")
    data_dir: Path = args.data_dir.expanduser().resolve()
    db_path = paths.database_path(data_dir)
    if db_path.exists() and db_path.stat().st_size > 0:
        if not args.force:
            print(
                f"{db_path} already exists and may hold someone's history; nothing was "
                "changed. Use another --data-dir, or --force to set it aside and start fresh.",
                file=sys.stderr,
            )
            return 2
        kept = move_aside(db_path, f"before-demo-{file_stamp(now)}")
        print(f"kept the existing data file as {kept}")

    end: date = args.end or datetime.now().astimezone().date()
    days = max(1, round(args.years * 365.25))
    first_day = end - timedelta(days=days - 1)
    history = generate(load_routines(), first_day, days, args.seed, until)
    with open_database(db_path, now=now) as database:
        pain = write(database, history)
    elapsed = time.perf_counter() - clock_start
    print(
        f"wrote {len(history.sessions)} sessions, {pain} pain entries and "
        f"{len(history.hurts)} 'this hurts' presses from {first_day} to {end} "
        f"into {db_path} in {elapsed:.1f} s"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
