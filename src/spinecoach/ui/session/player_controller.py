"""Runs a session: the engine decides, this object relays to the view, the audio and the database.

The QTimer here only asks for repaints (about ten a second, and only while a session runs);
how much time is left always comes from the engine's deadlines on the monotonic clock. What a
session records, and in which order, is `core.session_recorder.SessionRecorder`'s business:
every pain score and completed exercise is written the moment it happens (kept and told when
storage refuses), and the session plays on.
"""

from __future__ import annotations

import logging
import math
from collections.abc import Callable
from typing import Any, Protocol

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QAbstractButton

from spinecoach.core.clock import Clock
from spinecoach.core.content_words import duration_text
from spinecoach.core.exercise import Position, Routine
from spinecoach.core.messages import ENGLISH, Messages
from spinecoach.core.movement import pose_progress, step_index
from spinecoach.core.pain import PainRiseAdvice
from spinecoach.core.records import (
    HurtAction,
    SessionStatus,
    as_feeling,
)
from spinecoach.core.session import (
    CueDue,
    CueKind,
    EngineState,
    Event,
    ExerciseDone,
    Phase,
    PhaseChanged,
    PhaseKind,
    SessionEngine,
    SessionFinished,
    SessionSettings,
    Side,
    build_timeline,
)
from spinecoach.core.session_recorder import SessionRecorder
from spinecoach.ui.care.pain_dialog import PainAnswer
from spinecoach.ui.session.player_view import PlayerView
from spinecoach.ui.widgets.announcer import Announcer

log = logging.getLogger(__name__)

TICK_MS = 100

#: The phases that introduce an exercise: its cautions are shown there, before it starts.
_BEFORE_EXERCISE = frozenset({PhaseKind.GET_READY, PhaseKind.NEXT_UP})

#: The session's commands by name, as the window's Session menu sends them (`command`).
COMMANDS = ("pause", "back", "skip", "next", "extend", "hurts", "focus", "stop")
#: What still makes sense on the finished (or stopped) screen, and in focus mode between
#: sessions: leaving focus mode, and closing the screen.
_CLOSING_COMMANDS = frozenset({"focus", "stop"})


class SessionPrompts(Protocol):
    """The questions a session asks; dialogs in the app, scripted answers in tests."""

    def pain_before(self) -> PainAnswer:
        """Pain before starting (score None = skipped)."""
        ...

    def pain_after(self) -> PainAnswer:
        """Pain and feeling after the session (score None = skipped)."""
        ...

    def this_hurts(self, exercise_name: str) -> str:
        """Return "skip", "end" or "continue"."""
        ...

    def pain_advice(self, advice: PainRiseAdvice) -> None:
        """Advice about pain (severe before the session, or a rise after it), said kindly."""
        ...


class CueSink(Protocol):
    """Where cues go to be heard (tones, voice) and seen (captions)."""

    def play(self, kind: CueKind, spoken: str, caption: str) -> None:
        """Play or speak one cue; must never block."""
        ...

    def stop(self) -> None:
        """Silence whatever is playing (pause, stop)."""
        ...


class _ButtonKeys(QObject):
    """Space and Enter on a focused player button press that button, once.

    Space is also the window's pause key (the Session menu), and a window shortcut is tried
    before the focused widget sees the key. Accepting the shortcut override here gives the key
    to the focused button instead, as Space works on any focused button in Qt: one press, one
    action, never a button press and a pause together. Outside a dialog a QPushButton ignores
    Enter, so Enter presses it here too.
    """

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Qt override."""
        if not isinstance(watched, QAbstractButton) or not isinstance(event, QKeyEvent):
            return False
        modifiers = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        if modifiers != Qt.KeyboardModifier.NoModifier:
            return False
        if event.type() == QEvent.Type.ShortcutOverride and event.key() == Qt.Key.Key_Space:
            event.accept()  # the button's own key press and release follow
            return True
        if event.type() == QEvent.Type.KeyPress and event.key() in (
            Qt.Key.Key_Return,
            Qt.Key.Key_Enter,
        ):
            if watched.isEnabled():
                watched.click()
            return True
        return False


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
        commands_changed(object): the frozenset of `COMMANDS` usable now (the window enables
            those keys: all while a session runs, closing ones on the finished screen, none
            between sessions).
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
        self._frames = frames
        self._settings = settings or SessionSettings()
        self._engine: SessionEngine | None = None
        self._after_pending: bool | None = None  # a session ended; "completed", to ask after
        self._routine: Routine | None = None
        self._session: str | None = None
        self._phase_started = 0.0
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
        view.back_requested.connect(lambda: self._control(SessionEngine.back_exercise))
        view.extend_requested.connect(lambda: self._control(SessionEngine.extend))
        view.stop_requested.connect(self.stop)
        view.hurts_requested.connect(self.this_hurts)
        view.focus_mode_changed.connect(lambda _on: self._commands_may_have_changed())
        self._button_keys = _ButtonKeys(self)
        for button in view.findChildren(QAbstractButton):
            button.installEventFilter(self._button_keys)
        self.announcer = Announcer(view)
        self._commands: frozenset[str] = frozenset()
        self._said_step: tuple[int, str] | None = None  # (phase index, step) announced
        self._said_paused = False

    # --- public API ------------------------------------------------------------------------

    @property
    def engine(self) -> SessionEngine | None:
        """The running session's engine (None when idle)."""
        return self._engine

    @property
    def session_id(self) -> int | None:
        """The database id of the session being played (None while its row waits to be saved)."""
        return self._session_ids(self._session) if self._session is not None else None

    def available_commands(self) -> frozenset[str]:
        """The `COMMANDS` that do something now."""
        if self.is_active():
            return frozenset(COMMANDS)
        if self._engine is not None or self._view.is_focus_mode():
            return _CLOSING_COMMANDS
        return frozenset()

    def command(self, name: str) -> None:
        """Carry out a session key by name (see `COMMANDS`); one not usable now does nothing."""
        if name not in self.available_commands():
            return
        handlers: dict[str, Callable[[], object]] = {
            "pause": self.toggle_pause,
            "back": lambda: self._control(SessionEngine.back_exercise),
            "skip": lambda: self._control(SessionEngine.skip_phase),
            "next": self.next_exercise,
            "extend": lambda: self._control(SessionEngine.extend),
            "hurts": self.this_hurts,
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
        """Ask for pain, write the session row and start playing. False if one is running."""
        if self.is_active():
            return False
        answer = self._prompts.pain_before()
        self._session = self._recorder.begin(routine, answer.score, answer.note)
        advice = self._recorder.advice_before(routine, answer.score)
        if advice is not None:  # severe pain already: a gentler choice and the red flags
            self._prompts.pain_advice(advice)
        self._routine = routine
        self._engine = SessionEngine(
            build_timeline(routine, self._settings, self._words), self._clock
        )
        self._view.reset_controls()
        self._view.show_routine(routine.name)
        self.announcer.forget()
        self._said_step = None
        self._said_paused = False
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
        """N: leave this exercise unfinished and go to the next (as "This hurts" can)."""
        self._control(SessionEngine.skip_exercise)

    def stop(self) -> None:
        """End the session early (or close the finished screen)."""
        if self._engine is None:
            return
        if self._engine.state in (EngineState.FINISHED, EngineState.STOPPED):
            self._engine = None
            self._commands_may_have_changed()
            return
        self._apply(self._engine.stop())
        self._ask_after()  # the person's own action, not the timer's: ask at once

    def this_hurts(self) -> None:
        """Pause, ask what to do, record the event against the exercise."""
        engine = self._engine
        if engine is None or not self.is_active() or self._session is None:
            return
        if engine.state is EngineState.RUNNING:
            self._apply(engine.pause())
        exercise = engine.phase.exercise
        choice = self._prompts.this_hurts(exercise.name)
        if choice == "continue":
            self._apply(engine.resume())
            return
        action: HurtAction = "skipped" if choice == "skip" else "ended"
        self._recorder.hurt(exercise.id, action)
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

    def _apply(self, events: list[Event]) -> None:
        phase_changed = False
        mark = ""  # the last countdown second reached ("3", "2", "1")
        for event in events:
            if isinstance(event, PhaseChanged):
                phase_changed = True
                self._on_phase(event.phase)
            elif isinstance(event, CueDue) and not event.stale:
                # A stale cue belongs to a phase that already ended (the event loop was
                # blocked): saying it now would only confuse.
                self._on_cue(event.cue.kind, event.cue.text, event.cue.caption)
                if event.cue.kind is CueKind.TICK:
                    mark = event.cue.caption
            elif isinstance(event, ExerciseDone):
                self._recorder.exercise_done(event.exercise_id)
            elif isinstance(event, SessionFinished):
                self._on_finished(event.completed)
        self._sync_timer()
        step = self._refresh()
        self._announce(phase_changed=phase_changed, mark=mark, step=step)
        self._commands_may_have_changed()

    def _announce(self, *, phase_changed: bool, mark: str, step: str) -> None:
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
        else:
            if playing and paused != self._said_paused:
                parts.append(self.tr("Paused") if paused else self.tr("Carrying on"))
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

    def _on_phase(self, phase: Phase) -> None:
        self._phase_started = self._clock.monotonic()
        engine = self._engine
        next_text = ""
        if engine is not None:
            upcoming = self._next_exercise_after(engine.index)
            if upcoming is not None:
                next_text = self.tr("Next up: {exercise}").format(exercise=upcoming)
        exercise = phase.exercise
        position = self._position_words(exercise.position)
        if phase.side_text:
            figure = self.tr("Moving figure: {exercise}, {position}, {side}").format(
                exercise=exercise.name, position=position, side=phase.side_text
            )
        else:
            figure = self.tr("Moving figure: {exercise}, {position}").format(
                exercise=exercise.name, position=position
            )
        self._view.figure.setAccessibleName(figure)
        self._view.show_phase(
            phase_word=phase.label,
            counter=phase.counter_text,
            exercise=phase.exercise.name,
            steps=phase.exercise.steps,
            breathing=phase.exercise.breathing,
            next_up=next_text,
            cautions=phase.exercise.cautions if phase.kind in _BEFORE_EXERCISE else (),
        )
        if phase.kind is PhaseKind.FINISHED:
            self._view.set_finished()

    def _position_words(self, position: Position) -> str:
        """How a position reads in the figure's name: as `core.timeline.POSITION_WORDS` says."""
        return {
            Position.LYING_ON_BACK: self.tr("lying on your back"),
            Position.LYING_ON_FRONT: self.tr("lying on your front"),
            Position.SIDE_LYING: self.tr("lying on your side"),
            Position.ALL_FOURS: self.tr("on your hands and knees"),
            Position.KNEELING: self.tr("kneeling"),
            Position.STANDING: self.tr("standing"),
            Position.SEATED: self.tr("sitting on your chair"),
        }.get(position, str(position))

    def _next_exercise_after(self, index: int) -> str | None:
        engine = self._engine
        if engine is None:
            return None
        current = engine.timeline[index]
        for phase in engine.timeline[index + 1 :]:
            if phase.kind is PhaseKind.FINISHED:
                return None
            if phase.item_index != current.item_index:
                seconds = self._routine_item_seconds(phase.item_index)
                return f"{phase.exercise.name} · {duration_text(seconds, self._words)}"
        return None

    def _routine_item_seconds(self, item_index: int) -> int:
        assert self._routine is not None
        return self._routine.items[item_index].seconds

    def _on_finished(self, completed: bool) -> None:
        """Stop the clock; ask about pain once the engine's events have all been handled.

        The question is a modal dialog: asked from inside the timer-driven dispatch, it would
        run a nested event loop while this one is half done. The next turn of the loop asks it.
        """
        self._timer.stop()
        self._deadline.stop()
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
        )
        if advice is not None:
            self._prompts.pain_advice(advice)
        self._view.set_finished()
        self._view.stop_button.setFocus(Qt.FocusReason.OtherFocusReason)  # "Close", in reach
        self._commands_may_have_changed()
        status = SessionStatus.COMPLETED if completed else SessionStatus.STOPPED
        self.session_ended.emit(status.value)

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
        paused = self._engine is not None and self._engine.state is EngineState.PAUSED
        self._view.set_paused(paused, waiting=paused and self._waiting())

    def _waiting(self) -> bool:
        """Paused at the start of a change of position, the time untouched: waiting for Start."""
        engine = self._engine
        if engine is None or engine.state is not EngineState.PAUSED:
            return False
        return engine.phase.waits_for_person and engine.remaining() >= engine.phase_duration()

    def _refresh(self) -> str:
        """Repaint the moving parts; return the step shown now."""
        engine = self._engine
        if engine is None:
            return ""
        phase = engine.phase
        remaining = engine.remaining()
        duration = engine.phase_duration()
        self._view.set_countdown(remaining, duration)
        total = engine.total_seconds()
        done = 1.0 if total <= 0 else 1.0 - engine.total_remaining() / total
        left = duration_text(round(engine.total_remaining()), self._words)
        self._view.set_routine_progress(done, self.tr("{duration} left").format(duration=left))
        elapsed = max(0.0, duration - remaining)
        index = step_index(phase, elapsed, duration)
        steps = phase.exercise.steps
        text = phase.position_prompt if self._waiting() else (steps[index] if steps else "")
        self._view.highlight_step(index, text)
        if self._frames is not None:
            progress = pose_progress(phase, elapsed, duration)
            svg = self._frames(phase.exercise.id, progress, phase.side)
            if svg:
                self._view.figure.set_svg(svg)
        return text
