"""Progress safely: the suggestion after a session and the next-morning question.

The rules are the core's (`core.progression.suggest`, `core.next_morning.should_ask`,
docs/PROGRESSION.md); this module reads what they need from the data file, asks the person,
and writes what they answered:

- after a session (once the pain-after question and any advice are done), the first suggestion
  for the routine played is shown with its reason. Accepting changes the person's own routine
  (a shipped routine becomes their copy first: `RoutineBook.copy_of`/`save`); declining is
  recorded and not suggested again for a while. For a routine a physiotherapist locked there
  is only "ask your physiotherapist", recorded too (as declined: nothing changed).
- the first time the window opens or the tray is used on the morning after a session, one
  question: how the back is this morning, 0-10, skippable; the score is a pain entry of its
  own kind (`PainContext.NEXT_MORNING`) written through the write path (`SafeWriter`). The
  session day asked about is kept (`NEXT_MORNING_ASKED_FOR`), so it is asked once.

The questions go through `ProgressionPrompts` (dialogs in the app; tests script them). Apps
built with session prompts that cannot answer these questions (older test fakes) ask nothing.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, tzinfo
from typing import TYPE_CHECKING, Protocol, runtime_checkable

from spinecoach.core import settings as keys
from spinecoach.core.content_words import describe_dosage
from spinecoach.core.records import PainContext, PainEntry

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from spinecoach.app.routine_book import RoutineBook
    from spinecoach.core.clock import Clock
    from spinecoach.core.exercise import Routine, RoutineItem, SpinalMovement
    from spinecoach.core.messages import Messages
    from spinecoach.core.progression import Suggestion
    from spinecoach.storage.database import Database
    from spinecoach.storage.settings_store import SettingsStore
    from spinecoach.ui.care.pain_dialog import PainAnswer
    from spinecoach.ui.care.progression_dialog import SuggestionAnswer
    from spinecoach.ui.shell.storage_status import StorageStatus

log = logging.getLogger(__name__)

#: How far back the rules look at what happened (sessions, scores, "This hurts").
HISTORY_DAYS = 28


@runtime_checkable
class ProgressionPrompts(Protocol):
    """Who asks the person: dialogs in the app, a script in tests."""

    def suggestion(self, exercise: str, reason: str, ask_physiotherapist: bool) -> SuggestionAnswer:
        """Show one suggestion and its reason; what the person chose."""
        ...

    def next_morning(
        self, session_day: date, yesterday: bool, score_before: int | None
    ) -> PainAnswer:
        """Ask how the back is this morning (score None: skipped)."""
        ...


class DialogProgressionPrompts:
    """The questions as modal dialogs over `parent` (the main window)."""

    def __init__(self, parent: QWidget) -> None:
        self._parent = parent

    def suggestion(self, exercise: str, reason: str, ask_physiotherapist: bool) -> SuggestionAnswer:
        """`ProgressionSuggestionDialog`, modal."""
        from spinecoach.ui.care.progression_dialog import ProgressionSuggestionDialog

        dialog = ProgressionSuggestionDialog(
            exercise, reason, ask_physiotherapist=ask_physiotherapist, parent=self._parent
        )
        dialog.exec()
        answer = dialog.answer()
        dialog.deleteLater()
        self._parent.activateWindow()  # the keyboard back in the window
        return answer

    def next_morning(
        self, session_day: date, yesterday: bool, score_before: int | None
    ) -> PainAnswer:
        """`NextMorningDialog`, modal."""
        from spinecoach.ui.care.next_morning_dialog import NextMorningDialog

        dialog = NextMorningDialog(
            session_day, yesterday=yesterday, score_before=score_before, parent=self._parent
        )
        dialog.exec()
        answer = dialog.answer()
        dialog.deleteLater()
        self._parent.activateWindow()  # the keyboard back in the window
        return answer


@dataclass(frozen=True, slots=True)
class Outcome:
    """What happened to a suggestion after a session (for tests and the log)."""

    suggestion: Suggestion
    answer: SuggestionAnswer
    #: The routine as changed (accepted), else None.
    routine: Routine | None = None


class ProgressionFlow:
    """The suggestion after a session and the next-morning question, over the app's parts.

    `avoid` reads the movements the person said make their pain worse (a setting, when there is
    one); `tell` shows a message about the data (the window's banner).
    """

    def __init__(
        self,
        *,
        database: Database,
        status: StorageStatus,
        settings: SettingsStore,
        book: RoutineBook,
        clock: Clock,
        zone: tzinfo,
        words: Messages,
        prompts: ProgressionPrompts | None,
        tell: Callable[[str], None],
        avoid: Callable[[], frozenset[SpinalMovement]] = frozenset,
        reassure: Callable[[str], None] = lambda _text: None,
    ) -> None:
        self._database = database
        self._status = status
        self._settings = settings
        self._book = book
        self._clock = clock
        self._zone = zone
        self._words = words
        self._prompts = prompts
        self._tell = tell
        self._reassure = reassure
        self._avoid = avoid
        self._asking = False

    # --- after a session ---------------------------------------------------------------------

    def suggestion_for(self, routine: Routine) -> Suggestion | None:
        """The first suggestion the rules make for `routine` now (None: nothing to suggest)."""
        from spinecoach.core.progression import declined_window_start, suggest

        now = self._clock.now()
        today = now.astimezone(self._zone).date()
        start = now - timedelta(days=HISTORY_DAYS)
        end = now + timedelta(minutes=1)
        since = datetime.combine(declined_window_start(today), time(), self._zone)
        suggestions = suggest(
            routine,
            self._database.exercise_days(start, end),
            self._database.next_mornings(start, end),
            today,
            self._database.declined_since(since),
            routine.locked,
            self._avoid(),
            exercises=self._book.library.exercises,
            changes=self._database.progression_changes(start, end),
        )
        return suggestions[0] if suggestions else None

    def after_session(self, routine_id: str) -> Outcome | None:
        """Suggest one change for the routine played, and act on the answer (None: none)."""
        if self._prompts is None or self._asking:
            return None
        routine = self._book.get(routine_id)
        if routine is None:
            return None
        try:
            suggestion = self.suggestion_for(routine)
        except Exception:  # a rule that fails must never take the session's end with it
            log.exception("no progression suggestion for %s", routine_id)
            return None
        if suggestion is None:
            return None
        item = _item(routine, suggestion.exercise_id)
        name = item.exercise.name if item is not None else suggestion.exercise_id
        self._asking = True
        try:
            answer = self._prompts.suggestion(
                name, suggestion.explain(self._words), suggestion.ask_physiotherapist
            )
        finally:
            self._asking = False
        return self._act(routine, suggestion, answer)

    def _act(self, routine: Routine, suggestion: Suggestion, answer: SuggestionAnswer) -> Outcome:
        from spinecoach.core.progression import apply
        from spinecoach.ui.care.progression_dialog import SuggestionAnswer

        changed: Routine | None = None
        accepted = answer is SuggestionAnswer.ACCEPTED and not suggestion.ask_physiotherapist
        routine_id = routine.id
        if accepted:
            try:
                changed = self._book.save(self._own(apply(routine, suggestion)))
            except Exception as error:  # the file refused: nothing changed, and it says so
                log.exception("the suggested change could not be saved")
                self._tell(_not_saved(error))
                accepted = False
            else:
                routine_id = changed.id
        self._record(routine, routine_id, suggestion, accepted)
        return Outcome(suggestion, answer, changed)

    def _own(self, routine: Routine) -> Routine:
        """`routine` as the person's own: a shipped one becomes their copy (same name)."""
        if routine.editable_in_place:
            return routine
        return self._book.copy_of(routine, routine.name)

    def _record(
        self, routine: Routine, routine_id: str, suggestion: Suggestion, accepted: bool
    ) -> None:
        from spinecoach.core.records import ChangeStatus, ProgressionChange

        item = _item(routine, suggestion.exercise_id)
        from_text, to_text = self._change_words(routine, suggestion, item)
        change = ProgressionChange(
            recorded_at=self._clock.now(),
            routine_id=routine_id if accepted else routine.id,
            exercise_id=suggestion.exercise_id,
            kind=suggestion.kind,
            from_text=from_text,
            to_text=to_text,
            reason=suggestion.explain(self._words),
            status=ChangeStatus.ACCEPTED if accepted else ChangeStatus.DECLINED,
        )
        try:
            self._database.add_progression_change(change)
        except Exception:
            log.exception("the suggestion's answer could not be recorded")

    def _change_words(
        self, routine: Routine, suggestion: Suggestion, item: RoutineItem | None
    ) -> tuple[str, str]:
        """What the exercise was and would become: "Bridge: 10 reps" -> "Bridge: 12 reps"."""
        library = self._book.library.exercises
        name = item.exercise.name if item is not None else suggestion.exercise_id
        before = describe_dosage(suggestion.from_dosage, self._words)
        to_id = suggestion.to_exercise_id or suggestion.exercise_id
        to_exercise = library.get(to_id)
        to_name = to_exercise.name if to_exercise is not None else to_id
        after = describe_dosage(suggestion.to_dosage, self._words)
        return f"{name}: {before}", f"{to_name}: {after}"

    # --- the morning after -------------------------------------------------------------------

    def session_to_ask_about(self) -> date | None:
        """The day of the session to ask the next-morning question about now, if any."""
        from spinecoach.core.next_morning import should_ask

        now = self._clock.now()
        last_end = self._last_session_end(now)
        asked = self._settings.get(keys.NEXT_MORNING_ASKED_FOR)
        asked_for = date.fromisoformat(asked) if asked else None
        return should_ask(now, self._zone, last_end, asked_for)

    def maybe_ask_next_morning(self) -> bool:
        """Ask the next-morning question if it is due (True when it was asked)."""
        if self._prompts is None or self._asking:
            return False
        try:
            day = self.session_to_ask_about()
        except Exception:
            log.exception("could not tell whether to ask the next-morning question")
            return False
        if day is None:
            return False
        self._settings.set(keys.NEXT_MORNING_ASKED_FOR, day.isoformat())  # asked once
        now = self._clock.now()
        yesterday = day == now.astimezone(self._zone).date() - timedelta(days=1)
        self._asking = True
        try:
            answer = self._prompts.next_morning(day, yesterday, self._score_before(day))
        finally:
            self._asking = False
        if answer.score is None:
            return True
        entry = PainEntry(
            recorded_at=self._clock.now(),
            score=answer.score,
            context=PainContext.NEXT_MORNING,
            note=answer.note,
        )
        self._status.report(self._status.writer.add_pain_entry(entry))
        self._reassure_if_settled(day)
        return True

    def _reassure_if_settled(self, day: date) -> None:
        """After the answer: say a small rise in that day's session has settled, and is fine.

        Read back from the data file, as the rules read it (`core.progression.settled_note`):
        an answer that could not be saved says nothing.
        """
        from spinecoach.core.progression import settled_note, worst_mornings

        start = datetime.combine(day, time(), self._zone)
        try:
            mornings = self._database.next_mornings(start, self._clock.now() + timedelta(minutes=1))
            days = self._database.exercise_days(start, start + timedelta(days=1))
            sentences = settled_note(days, worst_mornings(mornings).get(day))
        except Exception:  # a reassurance must never take the answer with it
            log.exception("could not tell whether yesterday's rise settled")
            return
        if sentences:
            self._reassure(" ".join(self._words.text(sentence) for sentence in sentences))

    def _last_session_end(self, now: datetime) -> datetime | None:
        sessions = self._database.sessions(now - timedelta(days=HISTORY_DAYS), now)
        ends = [s.ended_at for s in sessions if s.ended_at is not None]
        return max(ends, key=lambda moment: moment.timestamp()) if ends else None

    def _score_before(self, day: date) -> int | None:
        """The last score given before a session on `day` (local), if any."""
        start = datetime.combine(day, datetime.min.time(), self._zone)
        entries = self._database.pain_entries(start, start + timedelta(days=1))
        before = [e for e in entries if e.context is PainContext.BEFORE]
        return before[-1].score if before else None


def _not_saved(error: Exception) -> str:
    """Why an accepted change did not happen, in words (the routine stays as it was)."""
    from PySide6.QtCore import QCoreApplication

    from spinecoach.storage.failures import describe_failure

    problem = describe_failure(error)
    reason = problem.words if problem is not None else str(error)
    return QCoreApplication.translate(
        "Progression", "The change was not made, and your routine stays as it was: {reason}."
    ).format(reason=reason)


def _item(routine: Routine, exercise_id: str) -> RoutineItem | None:
    for item in routine.items:
        if item.exercise.id == exercise_id:
            return item
    return None
