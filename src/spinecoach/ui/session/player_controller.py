"""Runs a session: the engine decides, this object relays to the view, the audio and the database.

The QTimer here only asks for repaints (about ten a second, and only while a session runs);
how much time is left always comes from the engine's deadlines on the monotonic clock. What a
session records, and in which order, is `core.session_recorder.SessionRecorder`'s business:
every pain score, exercise done or skipped and "This hurts" answer is written the moment it
happens (kept and told when storage refuses), and the session plays on.

A session, as the person sees it:

1. the player shows the routine about to start (its name, the first exercise, its steps and
   cautions) and only then asks the pain question before it, so the question never sits over
   the last session's screen;
2. it plays; every question asked while it plays ("End this session?", "This hurts") pauses it
   first and carries on only when the person chooses to;
3. at the end, the pain question after, then the summary page (`core.session_summary`): done
   and skipped, the time exercising (as logged), pain before and after, the advice when it
   rose, and the controls that no longer apply disabled.

What the screen shows of the engine's state is `player_screen.PlayerScreen`'s. The rest stays one
class (about 590 lines): the person's actions, the engine's events and the questions asked over
a paused session all read and move the same session (engine, routine, paused-to-ask, its end),
and the sentences for screen readers stay here because lupdate counts "%n second(s)" only in a
`self.tr` written in the class whose translation context it is.
"""

from __future__ import annotations

import logging
import math
from collections.abc import Callable, Mapping
from datetime import datetime, timedelta
from typing import Any, Protocol

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QAbstractButton

from spinecoach.core.clock import Clock
from spinecoach.core.cues import CueKind
from spinecoach.core.engine_events import (
    CueDue,
    Event,
    ExerciseDone,
    ExerciseSkipped,
    PhaseChanged,
    PhaseExtended,
    SessionFinished,
)
from spinecoach.core.exercise import Exercise, Routine, SpinalMovement
from spinecoach.core.messages import ENGLISH, Messages
from spinecoach.core.records import (
    HurtAction,
    SessionStatus,
    as_feeling,
)
from spinecoach.core.session import EngineState, SessionEngine
from spinecoach.core.session_recorder import SessionRecorder
from spinecoach.core.session_settings import SessionSettings
from spinecoach.core.session_summary import SessionOutcome, summarize
from spinecoach.core.timeline import Phase, PhaseKind, Side, build_timeline, with_item_swapped
from spinecoach.ui.session.player_buttons import ButtonKeys
from spinecoach.ui.session.player_screen import PlayerScreen
from spinecoach.ui.session.player_view import PlayerView
from spinecoach.ui.session.prompts import SessionPrompts
from spinecoach.ui.session.session_commands import usable_commands
from spinecoach.ui.widgets.announcer import Announcer

log = logging.getLogger(__name__)

TICK_MS = 100


class CueSink(Protocol):
    """Where cues go to be heard (tones, voice) and seen (captions)."""

    def play(self, kind: CueKind, spoken: str, caption: str) -> None:
        """Play or speak one cue; must never block."""
        ...

    def stop(self) -> None:
        """Silence whatever is playing (pause, stop)."""
        ...


class PlayerController(QObject):
    """Plays one routine at a time in a PlayerView.

    Tells screen readers what changes, politely and not every second (`announcer`): each new
    phase with its exercise, side and step; a new step within a phase; the last three seconds
    of a phase that counts down; pausing and carrying on. The figure's accessible name says
    which exercise and position it shows.

    `words` is the language of the core's words the player shows and says (phase words,
    counters, cues, sides, position prompts, durations): the library's `Library.words`.

    Signals:
        session_started(): a session began (its row is written, or kept to be written).
        session_ended(str): the session finished; its final status.
        commands_changed(object): the frozenset of `session_commands.COMMANDS` usable now (the
            window enables those keys: all while a session runs, closing ones on the finished
            screen, none between sessions).
    """

    session_started = Signal()
    session_ended = Signal(str)
    commands_changed = Signal(object)

    def __init__(
        self,
        view: PlayerView,
        recorder: SessionRecorder[Any],
        clock: Clock,
        prompts: SessionPrompts,
        *,
        cues: CueSink | None = None,
        frames: Callable[[str, float, Side | None], bytes] | None = None,
        settings: SessionSettings | None = None,
        session_ids: Callable[[str], int | None] = lambda _key: None,
        words: Messages = ENGLISH,
    ) -> None:
        super().__init__(view)
        self._view = view
        self._words = words
        self._recorder = recorder
        # The database id of a session key, once its row is stored (tests, History links).
        self._session_ids = session_ids
        self._clock = clock
        self._prompts = prompts
        self._cues = cues
        self._settings = settings or SessionSettings()
        self._engine: SessionEngine | None = None
        self._after_pending: bool | None = None  # a session ended; "completed", to ask after
        self._routine: Routine | None = None
        self._session: str | None = None
        self._timer = QTimer(self)
        self._timer.setObjectName("playerTick")
        self._timer.setInterval(TICK_MS)
        self._timer.timeout.connect(self.tick)
        # The repaint timer alone would notice the end of a phase up to 100 ms late; this one
        # fires at the phase's deadline so the next phase (and its cue) starts on time.
        self._deadline = QTimer(self)
        self._deadline.setObjectName("playerDeadline")
        self._deadline.setSingleShot(True)
        self._deadline.setTimerType(Qt.TimerType.PreciseTimer)
        self._deadline.timeout.connect(self.tick)
        view.play_pause_requested.connect(self.toggle_pause)
        view.skip_requested.connect(lambda: self._control(SessionEngine.skip_phase))
        view.previous_requested.connect(self.previous_exercise)
        view.next_requested.connect(self.next_exercise)
        view.extend_requested.connect(self.extend)
        view.stop_requested.connect(self.stop)
        view.end_question_opened.connect(self._pause_to_ask)
        view.kept_going.connect(self._carry_on_after_asking)
        view.hurts_requested.connect(self.this_hurts)
        view.easier_requested.connect(self.make_easier)
        view.log_after_requested.connect(self.log_after)
        view.focus_mode_changed.connect(lambda _on: self._commands_may_have_changed())
        self._button_keys = ButtonKeys(self)
        for button in view.findChildren(QAbstractButton):
            button.installEventFilter(self._button_keys)
        self.announcer = Announcer(view)
        self._screen = PlayerScreen(view, frames=frames, words=words)
        self._commands: frozenset[str] = frozenset()
        self._said_step: tuple[int, str] | None = None  # (phase index, step) announced
        self._said_paused = False
        self._paused_to_ask = False  # a question paused a running session: carry on after it
        self._ended_at: datetime | None = None  # when the exercises ended (the logged end)
        self._completed = False
        # Issue 17 (`use_library`): the exercises by id (easier versions), the movements the
        # person said make their pain worse, what to do once an item was made easier (ask
        # whether to keep it) and after a "This hurts" (ask once about directions).
        self._exercises: Callable[[], Mapping[str, Exercise]] = dict
        self._made_easier: Callable[[Routine, int, Exercise], object] | None = None
        self._after_hurt: Callable[[Exercise], object] | None = None
        self._played: Routine | None = None  # the routine as started (before any swap)
        #: What "Make it easier" last told screen readers (tests read it).
        self.last_easier_announcement = ""

    # --- public API ------------------------------------------------------------------------

    @property
    def engine(self) -> SessionEngine | None:
        """The running session's engine (None when idle)."""
        return self._engine

    @property
    def session_id(self) -> int | None:
        """The database id of the session being played (None while its row waits to be saved)."""
        return self._session_ids(self._session) if self._session is not None else None

    @property
    def routine_id(self) -> str | None:
        """The id of the routine playing or last played (None before the first session)."""
        return self._routine.id if self._routine is not None else None

    def use_library(
        self,
        exercises: Callable[[], Mapping[str, Exercise]],
        *,
        avoid: Callable[[], frozenset[SpinalMovement]] = frozenset,
        made_easier: Callable[[Routine, int, Exercise], object] | None = None,
        after_hurt: Callable[[Exercise], object] | None = None,
    ) -> None:
        """Where easier versions are found, and what follows "Make it easier" and "This hurts".

        `made_easier(routine, index, easier)` is called (paused) after item `index` of the
        routine as started was swapped for `easier`: it may ask whether to keep the change.
        `after_hurt(exercise)` is called (paused) after a "This hurts" answer was recorded.
        """
        self._exercises = exercises
        self._screen.avoided = avoid
        self._made_easier = made_easier
        self._after_hurt = after_hurt

    def easier_version(self) -> Exercise | None:
        """The easier version of the exercise playing now (None: none, or no session runs)."""
        engine = self._engine
        if engine is None or not self.is_active():
            return None
        easier = engine.phase.exercise.easier
        return self._exercises().get(easier) if easier is not None else None

    def make_easier(self) -> None:
        """E: the rest of this session plays the easier version in this exercise's place.

        The session goes on from the start of the same item with the easier exercise (its own
        dosage within its limits), introduced again; then `made_easier` may ask whether to use
        it from now on. Paused while asked; carries on as it was.
        """
        engine, routine, easier = self._engine, self._routine, self.easier_version()
        if engine is None or routine is None or easier is None:
            return
        was_running = engine.state is EngineState.RUNNING
        if was_running:
            self._apply(engine.pause())
        index = engine.phase.item_index
        before = engine.phase.exercise
        self._routine = with_item_swapped(routine, index, easier)
        self._apply(
            engine.continue_with(build_timeline(self._routine, self._settings, self._words))
        )
        made = self.tr(
            "Made easier: {easier} instead of {exercise}, for the rest of this session"
        ).format(easier=easier.name, exercise=before.name)
        self.last_easier_announcement = made
        # Said with the new exercise's introduction, which the change of phase just said alone.
        phase = self._phase_words(engine.phase, engine.phase_duration(), "")
        self.announcer.announce(f"{made}. {phase}", repeat=True)
        if self._made_easier is not None:
            self._made_easier(self._played or routine, index, easier)
        if was_running and self.is_active() and not engine.phase.waits_for_person:
            self._apply(engine.resume())

    def available_commands(self) -> frozenset[str]:
        """The `COMMANDS` that do something now (`session_commands.usable_commands`)."""
        return usable_commands(
            self._engine,
            has_easier=self.easier_version() is not None,
            focus_mode=self._view.is_focus_mode(),
        )

    def command(self, name: str) -> None:
        """Carry out a session key by name (see `COMMANDS`); one not usable now does nothing."""
        if name not in self.available_commands():
            return
        handlers: dict[str, Callable[[], object]] = {
            "pause": self.toggle_pause,
            "back": lambda: self._control(SessionEngine.back_phase),
            "skip": lambda: self._control(SessionEngine.skip_phase),
            "previous": self.previous_exercise,
            "next": self.next_exercise,
            "extend": self.extend,
            "hurts": self.this_hurts,
            "easier": self.make_easier,
            "focus": self._view.toggle_focus_mode,
            "stop": self._view.escape,  # leaves focus mode first; asks before ending
        }
        handlers[name]()

    def set_settings(self, settings: SessionSettings) -> None:
        """Get-ready and rest lengths for the next session."""
        self._settings = settings

    def is_active(self) -> bool:
        """Whether a session is running or paused."""
        return self._engine is not None and self._engine.state in (
            EngineState.RUNNING,
            EngineState.PAUSED,
        )

    def start(self, routine: Routine) -> bool:
        """Show the routine, ask for pain, write the session row and play. False if one runs."""
        if self.is_active():
            return False
        timeline = build_timeline(routine, self._settings, self._words)
        self._engine = None  # a finished session's screen is closed
        self._routine = routine
        self._played = routine
        self._screen.show_about_to_start(routine, timeline)
        answer = self._prompts.pain_before()
        self._session = self._recorder.begin(routine, answer.score, answer.note)
        advice = self._recorder.advice_before(routine, answer.score)
        if advice is not None:  # severe pain already: a gentler choice and the red flags
            self._prompts.pain_advice(advice)
        self._engine = SessionEngine(timeline, self._clock)
        self._view.reset_controls()
        self._view.show_routine(routine.name)
        self.announcer.forget()
        self._said_step = None
        self._said_paused = False
        self._paused_to_ask = False
        self._ended_at = None
        # The keyboard starts on the main control, its focus ring in sight.
        self._view.play_pause_button.setFocus(Qt.FocusReason.OtherFocusReason)
        self.session_started.emit()
        self._apply(self._engine.start())
        return True

    def tick(self) -> None:
        """Timer slot: let the engine advance, then refresh the moving parts of the view."""
        if self._engine is not None:
            self._apply(self._engine.tick())

    def toggle_pause(self) -> None:
        """Space: pause or resume."""
        self._control(SessionEngine.toggle_pause)

    def next_exercise(self) -> None:
        """N: leave this exercise, recorded as skipped, and go to the next (as "This hurts" can)."""
        self._control(SessionEngine.skip_exercise)

    def previous_exercise(self) -> None:
        """P: go to the start of the exercise before this one."""
        self._control(SessionEngine.previous_exercise)

    def extend(self) -> None:
        """+: 15 s more for this part where that applies (holds, timed blocks, getting set)."""
        self._control(SessionEngine.extend)

    def stop(self) -> None:
        """End the session early (or close the finished screen)."""
        if self._engine is None:
            return
        if self._engine.state in (EngineState.FINISHED, EngineState.STOPPED):
            self._engine = None
            self._commands_may_have_changed()
            return
        self._paused_to_ask = False
        self._apply(self._engine.stop())
        self._ask_after()  # the person's own action, not the timer's: ask at once

    def log_after(self) -> None:
        """The summary's "Log how it went": the pain question after, asked again, kept late."""
        if self._engine is None or self.is_active() or self._recorder.score_after is not None:
            return
        answer = self._prompts.pain_after()
        advice = self._recorder.log_after(answer.score, as_feeling(answer.feeling), answer.note)
        if advice is not None:
            self._prompts.pain_advice(advice)
        self._show_summary()

    def this_hurts(self) -> None:
        """Pause, ask what to do, record the answer against the exercise at once."""
        engine = self._engine
        if engine is None or not self.is_active() or self._session is None:
            return
        was_running = engine.state is EngineState.RUNNING
        if was_running:
            self._apply(engine.pause())
        exercise = engine.phase.exercise
        choice = self._prompts.this_hurts(exercise.name)
        # Closing the dialog any other way is carrying on: recorded as such.
        action: HurtAction = (
            "skipped" if choice == "skip" else "ended" if choice == "end" else "continued"
        )
        self._recorder.hurt(exercise.id, action)
        if self._after_hurt is not None:
            self._after_hurt(exercise)
        if action == "continued":
            if was_running:
                self._apply(engine.resume())
            return
        if choice == "skip":
            self._apply(engine.skip_exercise())
            if not engine.phase.waits_for_person:  # the person still has to get into position
                self._apply(engine.resume())
        else:
            self._apply(engine.stop())
            self._ask_after()

    # --- internals -------------------------------------------------------------------------

    def _control(self, control: Callable[[SessionEngine], list[Event]]) -> None:
        """Apply one of the engine's controls (by method, so mypy checks it), if one runs."""
        if self._engine is not None:
            self._apply(control(self._engine))

    def _pause_to_ask(self) -> None:
        """A question opens over a running session ("End this session?"): pause it first."""
        engine = self._engine
        if engine is not None and engine.state is EngineState.RUNNING:
            self._apply(engine.pause())
            self._paused_to_ask = True

    def _carry_on_after_asking(self) -> None:
        """Keep going: carry on exactly as before the question (paused stays paused)."""
        engine = self._engine
        if self._paused_to_ask and engine is not None:
            self._paused_to_ask = False
            self._apply(engine.resume())

    def _apply(self, events: list[Event]) -> None:
        phase_changed = False
        mark = ""  # the last countdown second reached ("3", "2", "1")
        said = ""  # a caption the person caused ("Hold for twenty-three seconds more")
        for event in events:
            if isinstance(event, PhaseChanged):
                phase_changed = True
                self._screen.show_phase(event.phase, self._engine, self._routine)
            elif isinstance(event, CueDue) and not event.stale:
                # A stale cue belongs to a phase that already ended (the event loop was
                # blocked): saying it now would only confuse.
                self._on_cue(event.cue.kind, event.cue.text, event.cue.caption)
                if event.cue.kind is CueKind.TICK:
                    mark = event.cue.caption
            elif isinstance(event, PhaseExtended):
                # The caption said the old length ("Hold for thirty seconds"): now the new one.
                self._view.set_caption(event.caption)
                said = event.caption
            elif isinstance(event, ExerciseDone):
                self._recorder.exercise_done(event.exercise_id)
            elif isinstance(event, ExerciseSkipped):
                self._recorder.exercise_skipped(event.exercise_id)
            elif isinstance(event, SessionFinished):
                self._on_finished(event.completed)
        self._sync_timer()
        step = self._screen.refresh(self._engine)
        self._announce(phase_changed=phase_changed, mark=mark, step=step, said=said)
        if self._engine is not None and self.is_active():
            self._screen.show_controls(self._engine, self.easier_version())
        self._commands_may_have_changed()

    def _announce(self, *, phase_changed: bool, mark: str, step: str, said: str = "") -> None:
        """Tell a screen reader what changed: once, politely, in one sentence."""
        engine = self._engine
        if engine is None:
            return
        paused = engine.state is EngineState.PAUSED
        playing = engine.state in (EngineState.RUNNING, EngineState.PAUSED)
        said_step = (engine.index, step)
        parts: list[str] = []
        if phase_changed:
            parts.append(self._phase_words(engine.phase, engine.phase_duration(), step))
            caution = self._screen.direction_warning(engine.phase)
            if caution:
                parts.append(caution)
        else:
            if playing and paused != self._said_paused:
                parts.append(self.tr("Paused") if paused else self.tr("Carrying on"))
            if said:
                parts.append(said)
            if mark:
                parts.append(mark)
            if step and said_step != self._said_step:
                parts.append(step)
        self._said_step = said_step
        self._said_paused = paused
        if parts:
            self.announcer.announce(". ".join(parts), repeat=True)

    def _phase_words(self, phase: Phase, seconds: float, step: str) -> str:
        """A new phase in a sentence: "Hold, 30 seconds. Child's pose, rep 1 of 2. <step>"."""
        if phase.kind is PhaseKind.FINISHED:
            return self.tr("{phase}. The session is complete.").format(phase=phase.label)
        head = phase.label
        if seconds >= 1 and not phase.waits_for_person:
            whole = round(seconds)
            counted = self.tr("{phase}, %n second(s)", "", whole)
            head = counted.format(phase=phase.label)
        where = phase.exercise.name
        if phase.counter_text:
            where += ", " + phase.counter_text.replace(" · ", ", ")
        return ". ".join(part for part in (head, where, step) if part)

    def _commands_may_have_changed(self) -> None:
        available = self.available_commands()
        if available != self._commands:
            self._commands = available
            self.commands_changed.emit(available)

    def _on_cue(self, kind: CueKind, spoken: str, caption: str) -> None:
        self._view.set_caption(caption)
        if self._cues is not None:
            self._cues.play(kind, spoken, caption)

    def _on_finished(self, completed: bool) -> None:
        """Stop the clock; ask about pain once the engine's events have all been handled.

        The question is a modal dialog: asked from inside the timer-driven dispatch, it would
        run a nested event loop while this one is half done. The next turn of the loop asks it.
        """
        self._timer.stop()
        self._deadline.stop()
        engine = self._engine
        since = engine.seconds_since_end() if engine is not None else None
        # The exercising ended then, not when the pain question after it is answered.
        self._ended_at = self._clock.now() - timedelta(seconds=since or 0.0)
        self._completed = completed
        if self._session is None:
            return
        self._after_pending = completed
        QTimer.singleShot(0, self, self._ask_after)

    def _ask_after(self) -> None:
        """The pain-after question and the rest of the session's end (once)."""
        completed = self._after_pending
        if completed is None:
            return
        self._after_pending = None
        answer = self._prompts.pain_after()
        advice = self._recorder.finish(
            completed=completed,
            score_after=answer.score,
            feeling=as_feeling(answer.feeling),
            note=answer.note,
            ended_at=self._ended_at,
        )
        if advice is not None:
            self._prompts.pain_advice(advice)
        self._view.set_finished()
        self._show_summary()
        # "Back to the Library" first, in reach of the keyboard; "Close" (Esc) beside it.
        self._view.summary.library_button.setFocus(Qt.FocusReason.OtherFocusReason)
        self._commands_may_have_changed()
        status = SessionStatus.COMPLETED if completed else SessionStatus.STOPPED
        self.session_ended.emit(status.value)

    def _show_summary(self) -> None:
        """The summary page: what was done and skipped, the time, pain before and after."""
        engine, routine = self._engine, self._routine
        if engine is None or routine is None:
            return
        names = [item.exercise.name for item in routine.items]
        outcome = SessionOutcome(
            routine_name=routine.name,
            completed=self._completed,
            exercises_total=len(routine.items),
            done=tuple(names[i] for i in sorted(engine.done_items)),
            skipped=tuple(names[i] for i in sorted(engine.skipped_items)),
            seconds=self._recorder.exercising_seconds,
            before=self._recorder.score_before,
            after=self._recorder.score_after,
        )
        summary = summarize(outcome, self._recorder.advice_after(), self._words)
        can_log = self._recorder.score_after is None and self._session is not None
        self._view.show_summary(summary, can_log=can_log)
        self.announcer.announce(
            ". ".join(part for part in (summary.title, summary.exercises, summary.pain) if part)
        )

    def _sync_timer(self) -> None:
        running = self._engine is not None and self._engine.state is EngineState.RUNNING
        if running and self._engine is not None:
            self._deadline.start(max(0, math.ceil(self._engine.remaining() * 1000)))
        else:
            self._deadline.stop()
        if running and not self._timer.isActive():
            self._timer.start()
        elif not running and self._timer.isActive():
            self._timer.stop()
            silenced = (EngineState.PAUSED, EngineState.STOPPED)
            # Pausing or stopping silences the voice, but "Well done" may ring out.
            if (
                self._cues is not None
                and self._engine is not None
                and self._engine.state in silenced
            ):
                self._cues.stop()
        self._screen.show_paused(self._engine)
