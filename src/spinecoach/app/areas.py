"""How each area of the window is built: its parts, their dependencies, their subscriptions.

Each function builds one area from the opened parts (`OpenParts`) and the few actions it may
ask of the rest of the app, passed in as callables. An area subscribes itself to the settings
it shows and to the theme (`Looks.follow`), so nobody fans changes out to it. The areas are
built after the window's first paint (`ui.shell.deferred_area`), so everything here is
imported when an area is built, not at start-up.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from spinecoach import paths
from spinecoach.app.library_area import SESSION_TIMING, session_settings
from spinecoach.app.session_events import SessionEvents
from spinecoach.core import settings as keys
from spinecoach.core.clock import Clock

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from spinecoach.app.looks import Looks
    from spinecoach.core.exercise import Routine
    from spinecoach.core.messages import Messages
    from spinecoach.core.programme.model import Programme
    from spinecoach.core.timeline import Side
    from spinecoach.sound.cue_player import CuePlayer
    from spinecoach.sound.tones import ToneBank
    from spinecoach.storage.opening import OpenedDatabase
    from spinecoach.storage.settings_store import SettingsStore
    from spinecoach.ui.history.area import HistoryArea
    from spinecoach.ui.session.area import SessionArea
    from spinecoach.ui.session.player_controller import CueSink
    from spinecoach.ui.session.prompts import SessionPrompts
    from spinecoach.ui.shell.main_window import MainWindow
    from spinecoach.ui.shell.storage_status import StorageStatus
    from spinecoach.ui.style.theme import Theme

log = logging.getLogger(__name__)

#: The figure's one picture with reduce motion on: the held pose (0 start, 1 held).
STILL_POSE = 1.0


@dataclass(frozen=True, slots=True)
class OpenParts:
    """What every area is built from, once the data file is open."""

    data_dir: Path
    clock: Clock
    looks: Looks
    window: MainWindow
    database: OpenedDatabase
    settings: SettingsStore
    status: StorageStatus
    session_events: SessionEvents


def build_cue_player(parts: OpenParts, tones: ToneBank) -> CuePlayer:
    """The session's tones (from the bank the reminder chime shares) and voice, per settings."""
    from PySide6.QtCore import QLocale, QTimer

    from spinecoach.sound.cue_player import CuePlayer

    # The cues are written in the language in use (app.language: `QLocale()` is set to it), so
    # a voice of that language reads them, or none: an English voice reading German text, or a
    # German voice reading English, is worse than the captions alone.
    player = CuePlayer(
        paths.resources_dir() / "sounds", locale=QLocale(), tones=tones, parent=parts.window
    )
    settings = parts.settings
    player.configure(
        sound_enabled=settings.get(keys.SOUND_ENABLED),
        voice_enabled=settings.get(keys.VOICE_ENABLED),
        volume=settings.get(keys.VOLUME),
    )
    # Loading QtMultimedia and the speech engine takes a few tenths of a second once: do it
    # now, while the person answers the pain question, not on the first cue.
    QTimer.singleShot(0, player.prepare)
    settings.subscribe(keys.SOUND_ENABLED, lambda on: player.configure(sound_enabled=on))
    settings.subscribe(keys.VOICE_ENABLED, lambda on: player.configure(voice_enabled=on))
    settings.subscribe(keys.VOLUME, lambda volume: player.configure(volume=volume))
    return player


def build_session_area(
    parts: OpenParts,
    *,
    cues: CueSink,
    prompts: SessionPrompts | None,
    routines: Callable[[], Iterable[Routine]],
    quick_start: Callable[[], object],
    show_library: Callable[[], object],
    words: Messages,
    parent: QWidget | None = None,
) -> SessionArea:
    """The Session area: the idle page, and the player with its recorder, cues and pictures.

    `words` are the core's messages in the language in use (`Library.words`): the phases and
    cues, the pain advice, the safety texts of "This hurts".
    """
    from spinecoach.core.session_recorder import SessionRecorder
    from spinecoach.ui.session.area import SessionArea
    from spinecoach.ui.session.player_controller import PlayerController
    from spinecoach.ui.session.player_view import PlayerView
    from spinecoach.ui.session.pose_frames import PoseFrames
    from spinecoach.ui.session.prompts import DialogPrompts

    view = PlayerView()
    frames = PoseFrames(paths.resources_dir() / "poses")
    looks = parts.looks
    settings = parts.settings
    # Reduce motion: the figure holds still in the held pose (the picture of what to do, as in
    # the Library) and the ring steps with the digits instead of sweeping.
    motion = {"reduced": settings.get(keys.REDUCE_MOTION)}

    def frame(exercise_id: str, progress: float, side: Side | None) -> bytes:
        shown = STILL_POSE if motion["reduced"] else progress
        return frames.frame(exercise_id, shown, side=side, palette=looks.theme.name)

    def reduce_motion(reduced: bool) -> None:
        motion["reduced"] = reduced
        view.countdown.set_steady(reduced)

    reduce_motion(motion["reduced"])
    settings.subscribe(keys.REDUCE_MOTION, reduce_motion)

    status = parts.status
    recorder = SessionRecorder(
        status.writer, parts.clock, report=status.report, routines=routines, words=words
    )
    controller = PlayerController(
        view,
        recorder,
        parts.clock,
        prompts
        or DialogPrompts(view, words=words, sessions_recorded=parts.database.count_sessions),
        cues=cues,
        frames=frame,
        settings=session_settings(settings),
        session_ids=status.writer.session_id,
        words=words,
    )
    area = SessionArea(view, controller, parent)

    def restyle(t: Theme) -> None:
        view.countdown.set_colours(t.accent, t.accent_soft, t.text)
        view.set_icons(t.muted, t.accent_text)

    restyle(looks.theme)
    looks.follow(restyle)
    view.set_text_size(settings.get(keys.PLAYER_TEXT_SIZE))
    settings.subscribe(keys.PLAYER_TEXT_SIZE, view.set_text_size)
    for key in SESSION_TIMING:
        settings.subscribe(key, lambda _v: controller.set_settings(session_settings(settings)))
    controller.session_started.connect(parts.session_events.started)
    controller.session_ended.connect(parts.session_events.ended)
    area.quick_start_requested.connect(quick_start)
    area.library_requested.connect(show_library)
    # The player's keys are the window's (they work in any area): on while a session runs.
    parts.window.session_command.connect(controller.command)
    controller.commands_changed.connect(parts.window.set_session_keys)
    view.focus_mode_changed.connect(focus_mode_keeping_on_screen(parts.window))
    return area


def focus_mode_keeping_on_screen(window: MainWindow) -> Callable[[bool], None]:
    """Into or out of focus mode; out of it, the window is back whole on its screen."""
    from PySide6.QtCore import QMargins, QTimer

    from spinecoach.ui.widgets.on_screen import frame_margins, keep_on_screen

    frame = QMargins()

    def focus_mode(on: bool) -> None:
        nonlocal frame
        if on:
            frame = frame_margins(window)  # full screen has none; the restored window will
        window.set_focus_mode(on)
        if not on:
            keep_on_screen(window, frame)
            # A window manager may apply the restored geometry a moment later: check again.
            QTimer.singleShot(0, window, lambda: keep_on_screen(window, frame))

    return focus_mode


def build_history_area(
    parts: OpenParts,
    *,
    exercise_names: Callable[[tuple[str, ...]], list[str]],
    repeat: Callable[[str], object],
    words: Messages,
    routine_names: Mapping[str, str],
    programme: Callable[[], Programme | None] | None = None,
    programme_aliases: Callable[[], Mapping[str, str]] = dict,
    parent: QWidget | None = None,
) -> HistoryArea:
    """History: the pain chart and sessions, check-ins, notes, export and the report.

    `programme` gives the active programme (None: none): History's "Programme" tab and the
    report's programme page.
    """
    from spinecoach.localzone import local_timezone
    from spinecoach.ui.history.area import HistoryArea, SettingFolder
    from spinecoach.ui.history.controller import HistoryController
    from spinecoach.ui.history.view import HistoryView

    status = parts.status
    settings = parts.settings
    view = HistoryView()
    controller = HistoryController(
        view,
        parts.database,
        parts.clock,
        lambda: settings.get(keys.WEEKLY_GOAL),
        local_timezone(),
        write_pain=lambda entry: status.report(status.writer.add_pain_entry(entry)),
        write_note=lambda sid, note: status.report(status.writer.update_session_note(sid, note)),
        write_check_in=lambda entry_id, score, note: status.report(
            status.writer.update_pain_entry(entry_id, score, note)
        ),
        words=words,
        routine_names=routine_names,
    )
    area = HistoryArea(
        view, controller, exercise_names, parent, last_folder=SettingFolder(settings)
    )
    if programme is not None:
        controller.set_programme_source(programme, programme_aliases)

    def restyle(t: Theme) -> None:
        view.chart.set_colours(t.surface, t.muted, t.text)

    restyle(parts.looks.theme)
    parts.looks.follow(restyle)
    controller.repeat_requested.connect(repeat)
    settings.subscribe(keys.WEEKLY_GOAL, lambda _v: controller.refresh())
    parts.session_events.ended.connect(lambda _status: controller.refresh())
    try:
        controller.refresh()
    except Exception as error:  # classified below; a bug re-raises
        history_unreadable(parts, error)
    return area


def history_unreadable(parts: OpenParts, error: BaseException) -> None:
    """History could not be read (a damaged file, found while running): say so, check later.

    Nothing is deleted or changed now; the next start runs a full integrity check and keeps a
    damaged file aside, as after a crash.
    """
    from spinecoach.storage.failures import describe_failure

    problem = describe_failure(error, parts.data_dir)
    if problem is None:
        raise error
    log.error("History could not be read (%s): %s", problem.code, error)
    parts.database.check_fully_at_next_start()
    from PySide6.QtCore import QCoreApplication

    parts.window.show_notice(
        QCoreApplication.translate(
            "Application",
            "Your history could not be read: {why}. Nothing was deleted. SpineCoach will check "
            "{path} when it next starts and keep a damaged file aside so it can be recovered.",
        ).format(why=problem.words, path=parts.database.path)
    )
