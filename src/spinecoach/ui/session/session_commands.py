"""The session's commands by name, as the window's Session menu sends them, and which apply now.

The window enables the keys of the commands that apply (`PlayerController.commands_changed`):
all while a session runs but those that would do nothing, then only closing or leaving.
"""

from __future__ import annotations

from spinecoach.core.session import EngineState, SessionEngine

#: The session's commands by name, as the window's Session menu sends them
#: (`PlayerController.command`): "back" and "skip" move by one part, "previous" and "next" by
#: one exercise.
COMMANDS = (
    "pause",
    "back",
    "skip",
    "previous",
    "next",
    "extend",
    "easier",
    "hurts",
    "focus",
    "stop",
)
#: What still makes sense on the summary (closing it) and in focus mode between sessions
#: (leaving it). The summary is read out of focus mode: F11 does not enter it there.
_CLOSING_COMMANDS = frozenset({"stop"})
_LEAVING_FOCUS = frozenset({"focus", "stop"})


def usable_commands(
    engine: SessionEngine | None, *, has_easier: bool, focus_mode: bool
) -> frozenset[str]:
    """The `COMMANDS` that do something now (`engine`: the session's, None between sessions).

    "+15 s" only where it applies, "previous" only after the first exercise, "easier" only
    where the exercise has an easier version (`has_easier`).
    """
    if engine is not None and engine.state in (EngineState.RUNNING, EngineState.PAUSED):
        commands = set(COMMANDS)
        if not engine.can_extend():
            commands.discard("extend")
        if not engine.has_previous_exercise():
            commands.discard("previous")
        if not has_easier:
            commands.discard("easier")
        return frozenset(commands)
    if focus_mode:
        return _LEAVING_FOCUS
    if engine is not None:
        return _CLOSING_COMMANDS
    return frozenset()
