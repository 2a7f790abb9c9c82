"""Records turned into rows: the cells of one pain, session or hurt row, in COLUMNS order."""

from __future__ import annotations

from spinecoach.core.csv_format.cell_text import protect_text
from spinecoach.core.csv_format.columns import (
    COLUMNS,
    EXERCISE_SEPARATOR,
    HURT_KIND,
    PAIN_KIND,
    SESSION_KIND,
)
from spinecoach.core.records import HurtEvent, PainEntry, SessionRecord


def format_pain_row(entry: PainEntry, session_ref: str = "") -> list[str]:
    """The cells of one pain row, in COLUMNS order."""
    cells = dict.fromkeys(COLUMNS, "")
    cells.update(
        kind=PAIN_KIND,
        time=entry.recorded_at.isoformat(),
        score=str(entry.score),
        context=entry.context.value,
        note=protect_text(entry.note),
        session_ref=protect_text(session_ref),
    )
    return [cells[column] for column in COLUMNS]


def format_session_row(session: SessionRecord, session_ref: str = "") -> list[str]:
    """The cells of one session row, in COLUMNS order.

    Every text cell goes through protect_text, exercises_completed as a whole (it is one cell
    to a spreadsheet): an imported exercise id "=HYPERLINK(...)" must not become a live
    formula in the next export. Raises ValueError for an exercise id containing the separator
    ";" or surrounding spaces (library ids never do; reading would split or trim them).
    """
    for exercise_id in (*session.exercises_completed, *session.exercises_skipped):
        if EXERCISE_SEPARATOR in exercise_id or exercise_id != exercise_id.strip():
            raise ValueError(
                f"exercise id {exercise_id!r} of session {session.id} cannot be written to CSV"
            )
    started = session.started_at.isoformat()
    cells = dict.fromkeys(COLUMNS, "")
    cells.update(
        kind=SESSION_KIND,
        time=started,
        note=protect_text(session.note),
        routine_id=protect_text(session.routine_id),
        routine_name=protect_text(session.routine_name),
        started=started,
        ended="" if session.ended_at is None else session.ended_at.isoformat(),
        exercises_completed=protect_text(EXERCISE_SEPARATOR.join(session.exercises_completed)),
        exercises_skipped=protect_text(EXERCISE_SEPARATOR.join(session.exercises_skipped)),
        exercises_total=str(session.exercises_total),
        status=session.status.value,
        feeling=session.feeling or "",
        session_ref=protect_text(session_ref),
    )
    return [cells[column] for column in COLUMNS]


def format_hurt_row(event: HurtEvent, session_ref: str) -> list[str]:
    """The cells of one hurt row ("this hurts" and what was chosen), in COLUMNS order."""
    cells = dict.fromkeys(COLUMNS, "")
    cells.update(
        kind=HURT_KIND,
        time=event.recorded_at.isoformat(),
        exercise_id=protect_text(event.exercise_id),
        action=event.action,
        session_ref=protect_text(session_ref),
    )
    return [cells[column] for column in COLUMNS]
