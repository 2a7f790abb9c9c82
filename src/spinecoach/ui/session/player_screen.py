"""What the player screen shows of a session, from the engine's state; the controller says when.

The phase and its exercise; the countdown, progress, step and figure; paused or waiting; which
controls apply. Its words keep their context, "PlayerController", so the catalogs keep them.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication

from spinecoach.core.content_words import duration_text
from spinecoach.core.cues import ExtendRefusal, entry_cues, extend_refusal
from spinecoach.core.directions import warning
from spinecoach.core.exercise import Exercise, Position, Routine, SpinalMovement
from spinecoach.core.messages import Messages
from spinecoach.core.movement import pose_progress, step_index
from spinecoach.core.session import EngineState, SessionEngine
from spinecoach.core.timeline import Phase, PhaseKind, Side
from spinecoach.ui.session.player_view import PlayerView

#: The phases that introduce an exercise: its cautions are shown there, before it starts.
_BEFORE_EXERCISE = frozenset({PhaseKind.GET_READY, PhaseKind.NEXT_UP})


def why_not_extend(refusal: ExtendRefusal | None) -> str:
    """Why "+15 s" is off now, for its tooltip and a screen reader."""
    match refusal:
        case ExtendRefusal.REP:
            return QCoreApplication.translate(
                "PlayerController",
                "A repetition keeps its rhythm: +15 s is for holds, timed exercises and "
                "the time to get ready",
            )
        case ExtendRefusal.MOVE:
            return QCoreApplication.translate(
                "PlayerController",
                "A movement done in repetitions keeps its rhythm: +15 s is for holds, timed "
                "exercises and the time to get ready",
            )
        case ExtendRefusal.RELEASE:
            return QCoreApplication.translate(
                "PlayerController",
                "Letting go between repetitions keeps its rhythm: +15 s is for holds, timed "
                "exercises and the time to get ready",
            )
        case ExtendRefusal.FINISHED:
            return QCoreApplication.translate("PlayerController", "The session is over")
    return ""


def position_words(position: Position) -> str:
    """How a position reads in the figure's name: as `core.timeline.POSITION_WORDS` says."""
    return {
        Position.LYING_ON_BACK: QCoreApplication.translate(
            "PlayerController", "lying on your back"
        ),
        Position.LYING_ON_FRONT: QCoreApplication.translate(
            "PlayerController", "lying on your front"
        ),
        Position.SIDE_LYING: QCoreApplication.translate("PlayerController", "lying on your side"),
        Position.ALL_FOURS: QCoreApplication.translate(
            "PlayerController", "on your hands and knees"
        ),
        Position.KNEELING: QCoreApplication.translate("PlayerController", "kneeling"),
        Position.STANDING: QCoreApplication.translate("PlayerController", "standing"),
        Position.SEATED: QCoreApplication.translate("PlayerController", "sitting on your chair"),
    }.get(position, str(position))


def _waiting(engine: SessionEngine | None) -> bool:
    """Paused at the start of a change of position, the time untouched: waiting for Start."""
    if engine is None or engine.state is not EngineState.PAUSED:
        return False
    return engine.phase.waits_for_person and engine.remaining() >= engine.phase_duration()


def _time_left(seconds: float, words: Messages) -> str:
    """The time left in the whole routine ("2 min left"), for the header."""
    left = duration_text(round(seconds), words)
    return QCoreApplication.translate("PlayerController", "{duration} left").format(duration=left)


class PlayerScreen:
    """Shows a session's state on a `PlayerView`.

    `frames(exercise id, pose progress, side)` draws the figure (None: no figure); `words` is
    the language of the core's words (durations, the cautions); `avoided` gives the movements
    the person said make their pain worse (`PlayerController.use_library`).
    """

    def __init__(
        self,
        view: PlayerView,
        *,
        frames: Callable[[str, float, Side | None], bytes] | None,
        words: Messages,
    ) -> None:
        self._view = view
        self._frames = frames
        self._words = words
        self.avoided: Callable[[], frozenset[SpinalMovement]] = frozenset

    def show_about_to_start(self, routine: Routine, timeline: tuple[Phase, ...]) -> None:
        """Before the pain question: the routine about to start and its first exercise.

        Nothing runs yet, and nothing of the last session's screen is left.
        """
        first = timeline[0]
        self._view.set_about_to_start()
        self._view.show_routine(routine.name)
        self.show_phase(first, None, routine)
        cues = entry_cues(first)
        self._view.set_caption(cues[0].caption if cues else "")
        self._view.set_countdown(first.seconds, first.seconds)
        total = sum(phase.seconds for phase in timeline)
        self._view.set_routine_progress(0.0, _time_left(total, self._words))
        steps = first.exercise.steps
        text = first.position_prompt or (steps[0] if steps else "")
        self._view.highlight_step(0, text)
        if self._frames is not None:
            svg = self._frames(first.exercise.id, 0.0, first.side)
            if svg:
                self._view.figure.set_svg(svg)

    def show_phase(
        self, phase: Phase, engine: SessionEngine | None, routine: Routine | None
    ) -> None:
        """A phase began (`engine` None: the first, shown before the session starts)."""
        next_text = ""
        if engine is not None:
            upcoming = self._next_exercise_after(engine, routine)
            if upcoming is not None:
                next_text = QCoreApplication.translate(
                    "PlayerController", "Next up: {exercise}"
                ).format(exercise=upcoming)
        exercise = phase.exercise
        position = position_words(exercise.position)
        if phase.side_text:
            figure = QCoreApplication.translate(
                "PlayerController", "Moving figure: {exercise}, {position}, {side}"
            ).format(exercise=exercise.name, position=position, side=phase.side_text)
        else:
            figure = QCoreApplication.translate(
                "PlayerController", "Moving figure: {exercise}, {position}"
            ).format(exercise=exercise.name, position=position)
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
        self._view.set_direction_warning(self.direction_warning(phase))
        if phase.kind is PhaseKind.FINISHED:
            self._view.set_finished()

    def direction_warning(self, phase: Phase) -> str:
        """Before an exercise in a direction the person avoids: the caution ("" otherwise)."""
        if phase.kind not in _BEFORE_EXERCISE:
            return ""
        return warning(phase.exercise, self.avoided(), self._words)

    def _next_exercise_after(self, engine: SessionEngine, routine: Routine | None) -> str | None:
        current = engine.timeline[engine.index]
        for phase in engine.timeline[engine.index + 1 :]:
            if phase.kind is PhaseKind.FINISHED:
                return None
            if phase.item_index != current.item_index:
                assert routine is not None
                seconds = routine.items[phase.item_index].seconds
                return f"{phase.exercise.name} · {duration_text(seconds, self._words)}"
        return None

    def show_controls(self, engine: SessionEngine, easier: Exercise | None) -> None:
        """The "+15 s", "Previous exercise" and "Make it easier" buttons, as they apply now."""
        refusal = extend_refusal(engine.phase)
        self._view.set_extend(refusal is None, why_not_extend(refusal))
        self._view.set_previous_enabled(engine.has_previous_exercise())
        self._view.set_easier(easier.name if easier is not None else "")

    def show_paused(self, engine: SessionEngine | None) -> None:
        """Paused or playing; paused for a change of position reads "Start"."""
        paused = engine is not None and engine.state is EngineState.PAUSED
        self._view.set_paused(paused, waiting=paused and _waiting(engine))

    def refresh(self, engine: SessionEngine | None) -> str:
        """Repaint the moving parts; return the step shown now."""
        if engine is None:
            return ""
        phase = engine.phase
        remaining = engine.remaining()
        duration = engine.phase_duration()
        self._view.set_countdown(remaining, duration)
        total = engine.total_seconds()
        done = 1.0 if total <= 0 else 1.0 - engine.total_remaining() / total
        self._view.set_routine_progress(done, _time_left(engine.total_remaining(), self._words))
        # The step and the figure follow the phase as planned: "+15 s" adds time at the end of
        # it (holding the held pose, on the last set-up step), never sends either back.
        elapsed = max(0.0, duration - remaining)
        index = step_index(phase, elapsed)
        steps = phase.exercise.steps
        text = phase.position_prompt if _waiting(engine) else (steps[index] if steps else "")
        self._view.highlight_step(index, text)
        if self._frames is not None:
            progress = pose_progress(phase, elapsed)
            svg = self._frames(phase.exercise.id, progress, phase.side)
            if svg:
                self._view.figure.set_svg(svg)
        return text
