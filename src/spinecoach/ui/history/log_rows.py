"""Each record the History log lists, worded as its row: a session, check-in, change or reminder.

The controller reads the records and hands them here; the rows are what `log_tables` shows.
The words keep the controller's translation context ("HistoryController"), where they were
first written and translated.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from PySide6.QtCore import QCoreApplication

from spinecoach.core.content_words import duration_text
from spinecoach.core.messages import Messages
from spinecoach.core.records import (
    ChangeStatus,
    HurtEvent,
    PainEntry,
    ProgressionChange,
    ReminderAction,
    ReminderLogEntry,
    SessionRecord,
    SessionStatus,
)
from spinecoach.core.reminder_service import DeliveryKind
from spinecoach.core.reminder_summary import BACK_FROM_BREAK
from spinecoach.core.reminders import SkipReason
from spinecoach.core.ui_text import QT_TRANSLATE_NOOP
from spinecoach.ui.history.locale_text import count, logged_at
from spinecoach.ui.history.log_tables import (
    ChangeRow,
    CheckInRow,
    ReminderRow,
    SessionRow,
    SessionTableModel,
)

# The reasons a stand-up reminder can be skipped with, as the reminder log says them.
#: The reminder log: why a stand-up reminder was skipped ("Skipped: in a meeting").
SKIP_REASON_WORDS: dict[str, str] = {
    SkipReason.MEETING.value: QT_TRANSLATE_NOOP("HistoryController", "in a meeting"),
    SkipReason.BUSY.value: QT_TRANSLATE_NOOP("HistoryController", "busy"),
    SkipReason.IN_PAIN.value: QT_TRANSLATE_NOOP("HistoryController", "in pain"),
}


def _same_exercise_left_out(change: ProgressionChange) -> str:
    """The "to" side of a change without the exercise's name when it stays the same.

    "Chin tucks: 4 repetitions" → "Chin tucks: 5 repetitions" reads "… → 5 repetitions".
    """
    name, colon, _rest = change.from_text.partition(": ")
    prefix = name + colon
    if colon and change.to_text.startswith(prefix):
        return change.to_text.removeprefix(prefix)
    return change.to_text


def hurt_lines(events: Sequence[HurtEvent], names: Sequence[str]) -> dict[int, list[str]]:
    """Each session's "This hurts" answers, worded in order: "Bird dog, skipped".

    `names` are the events' exercises, named in the language in use, in the same order.
    """
    lines: dict[int, list[str]] = {}
    for event, name in zip(events, names, strict=True):
        lines.setdefault(event.session_id, []).append(SessionTableModel.hurt(name, event.action))
    return lines


def session_row(
    session: SessionRecord,
    routine: str,
    pain: Mapping[int, tuple[int | None, int | None]],
    hurts: Mapping[int, list[str]],
    hurt_texts: Mapping[int, str],
    words: Messages,
) -> SessionRow:
    """A session's line in the log, under `routine` (its name now); durations in `words`.

    `hurts` are each session's "This hurts" lines (`hurt_lines`); `hurt_texts` their cell in the
    log, worded by the controller: lupdate finds a counted message ("(+2 more)") only in `tr`.
    """
    assert session.id is not None
    lines = hurts.get(session.id, [])
    hurt_text = hurt_texts.get(session.id, "")
    minutes = None
    duration = "–"
    if session.ended_at is not None:
        seconds = (session.ended_at - session.started_at).total_seconds()
        minutes = seconds / 60
        duration = duration_text(round(seconds), words)
    incomplete = session.status in (SessionStatus.INCOMPLETE, SessionStatus.STOPPED)
    done = count(len(session.exercises_completed))
    total = count(session.exercises_total)
    if session.status is SessionStatus.INCOMPLETE:
        exercises = QCoreApplication.translate(
            "HistoryController", "{done} of {total} (incomplete)"
        ).format(done=done, total=total)
    elif session.status is SessionStatus.STOPPED:
        exercises = QCoreApplication.translate(
            "HistoryController", "{done} of {total} (stopped)"
        ).format(done=done, total=total)
    else:
        exercises = QCoreApplication.translate("HistoryController", "{done} of {total}").format(
            done=done, total=total
        )
    before, after = pain.get(session.id, (None, None))
    return SessionRow(
        session_id=session.id,
        started_epoch=session.started_at.timestamp(),
        date_text=logged_at(session.started_at),
        routine_id=session.routine_id,
        routine=routine,
        minutes=minutes,
        duration_text=duration,
        exercises_text=exercises,
        incomplete=incomplete,
        before=before,
        after=after,
        feeling=SessionTableModel.feeling(session.feeling or ""),
        hurts=len(lines),
        note=session.note,
        hurt_text=hurt_text,
        hurt_lines=tuple(lines),
    )


def check_in_row(entry: PainEntry) -> CheckInRow:
    """A check-in's line (pain logged outside a session, or the next-morning question)."""
    assert entry.id is not None
    return CheckInRow(
        entry_id=entry.id,
        epoch=entry.recorded_at.timestamp(),
        date_text=logged_at(entry.recorded_at),
        score=entry.score,
        note=entry.note,
        context=entry.context.value,
    )


def change_row(change: ProgressionChange) -> ChangeRow:
    """A recorded change to an exercise (or a suggestion declined): what, the answer, why."""
    accepted = change.status is ChangeStatus.ACCEPTED
    return ChangeRow(
        epoch=change.recorded_at.timestamp(),
        date_text=logged_at(change.recorded_at),
        change=QCoreApplication.translate("HistoryController", "{before} → {after}").format(
            before=change.from_text, after=_same_exercise_left_out(change)
        ),
        answer=QCoreApplication.translate("HistoryController", "Accepted")
        if accepted
        else QCoreApplication.translate("HistoryController", "Declined"),
        reason=change.reason,
    )


def reminder_row(entry: ReminderLogEntry) -> ReminderRow:
    """A line of the reminder log: when, and what happened."""
    return ReminderRow(
        epoch=entry.recorded_at.timestamp(),
        date_text=logged_at(entry.recorded_at),
        what=reminder_words(entry),
    )


def reminder_words(entry: ReminderLogEntry) -> str:
    """What a line of the reminder log says, in words ("Skipped: in a meeting")."""
    action, detail = entry.action, entry.detail
    if action is ReminderAction.SHOWN:
        if detail.split(",", 1)[0].strip() == DeliveryKind.DAILY_EXERCISE.value:
            return QCoreApplication.translate("HistoryController", "Daily exercise reminder shown")
        return QCoreApplication.translate("HistoryController", "Stand-up reminder shown")
    if action is ReminderAction.SNOOZED:
        if detail.isdigit():
            return QCoreApplication.translate(
                "HistoryController", "Snoozed for {minutes} min"
            ).format(minutes=count(int(detail)))
        return QCoreApplication.translate("HistoryController", "Snoozed")
    if action is ReminderAction.SNOOZE_REFUSED:
        return QCoreApplication.translate(
            "HistoryController", "Snooze refused: snoozed three times in a row"
        )
    if action is ReminderAction.SKIPPED:
        reason = SKIP_REASON_WORDS.get(detail)
        if reason is None:
            return QCoreApplication.translate("HistoryController", "Skipped")
        return QCoreApplication.translate("HistoryController", "Skipped: {reason}").format(
            reason=QCoreApplication.translate("HistoryController", reason)
        )
    if action is ReminderAction.BREAK_STARTED:
        return QCoreApplication.translate("HistoryController", "Desk break started")
    if detail == BACK_FROM_BREAK:
        return QCoreApplication.translate(
            "HistoryController", "Closed: back from time away from the desk"
        )
    if detail == "chose a routine":
        return QCoreApplication.translate("HistoryController", "Closed: chose a routine")
    return QCoreApplication.translate("HistoryController", "Closed")
