"""The session player's screen: big countdown, phase word, the step to do now, the picture.

A passive view: the controller tells it what to show and it forwards what the person pressed.
Everything a person must read from across the room is large: the phase word, the countdown
digits and the current step. F11 switches to focus mode, where only those three remain.

Paused is seen, not only the button's label: the phase word reads "Paused" (large, in focus
mode too) and the ring is drawn paused (`CountdownRing.set_paused`). At the end the playing
parts give way to the summary page (`summary.SessionSummaryPage`), and every control that no
longer applies is disabled. Asking "End this session?" tells the controller first
(`end_question_opened`), which pauses; "Keep going" says so (`kept_going`).
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QMessageBox, QProgressBar, QPushButton, QWidget

from spinecoach.core.session_summary import SessionSummary
from spinecoach.ui.session.countdown import CountdownRing
from spinecoach.ui.session.figure_canvas import FigureCanvas
from spinecoach.ui.session.player_buttons import enable, player_button
from spinecoach.ui.session.player_layout import lay_out
from spinecoach.ui.session.step_list import StepList
from spinecoach.ui.session.summary import SessionSummaryPage
from spinecoach.ui.style.icons import line_icon
from spinecoach.ui.widgets.hyphenation import hyphenate

#: Characters beyond which the current step is set a size smaller (`highlight_step`).
LONG_STEP = 120


def _big_label(object_name: str, role: str) -> QLabel:
    label = QLabel()
    label.setObjectName(object_name)
    label.setProperty("role", role)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    return label


class PlayerView(QWidget):
    """The player screen.

    Its keys (Space, the arrows, P, N, +, H, F11, Esc) are the window's Session menu, so they
    work wherever the focus is; the controller carries them out (`PlayerController.command`).

    Signals:
        play_pause_requested(): the play/pause button.
        skip_requested(): "Skip this part".
        previous_requested(): "Previous exercise".
        next_requested(): "Next exercise".
        extend_requested(): the "+15 s" button.
        stop_requested(): the stop button or Esc, after the person confirmed ("End session").
        end_question_opened(): "End this session?" is about to be asked (the controller pauses).
        kept_going(): the person answered "Keep going" (the controller carries on).
        hurts_requested(): the "This hurts" button.
        easier_requested(): "Make it easier" (the easier version for the rest of the session).
        focus_mode_changed(bool): focus mode went on or off (F11).
        library_requested(): the summary's "Back to the Library".
        log_after_requested(): the summary's "Log how it went".
    """

    play_pause_requested = Signal()
    skip_requested = Signal()
    previous_requested = Signal()
    next_requested = Signal()
    extend_requested = Signal()
    stop_requested = Signal()
    end_question_opened = Signal()
    kept_going = Signal()
    hurts_requested = Signal()
    easier_requested = Signal()
    focus_mode_changed = Signal(bool)
    library_requested = Signal()
    log_after_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("playerView")
        self.setAccessibleName(self.tr("Session player"))
        self._paused = False
        self._paused_shown = False  # "Paused" stands in for the phase word
        self._phase_word = ""
        self._focus = False
        self._closing = False  # the session is over: the stop button reads "Close"
        self._summary_shown = False
        self._warning = ""  # the caution line's text (`set_direction_warning`)

        self.routine_label = _big_label("routineTitle", "heading")
        self.routine_label.setWordWrap(False)
        self.progress = QProgressBar()
        self.progress.setObjectName("routineProgress")
        self.progress.setRange(0, 1000)
        self.progress.setTextVisible(False)
        self.progress.setFixedHeight(8)
        self.time_left_label = _big_label("timeLeft", "muted")
        self.time_left_label.setWordWrap(False)

        self.figure = FigureCanvas()
        self.exercise_label = _big_label("exerciseName", "playerExercise")
        self.exercise_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.caption_label = _big_label("captionLabel", "caption")
        self.caption_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.caption_label.setAccessibleName(self.tr("Audio cue caption"))
        # Why tones or the voice are missing on this computer, and what to install: shown
        # under the caption from the first session on, hidden when everything sounds.
        self.sound_note = _big_label("soundNote", "muted")
        self.sound_note.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.sound_note.setAccessibleName(self.tr("Sound"))
        self.sound_note.hide()

        self.phase_label = _big_label("phaseLabel", "phase")
        self.phase_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.phase_label.setWordWrap(False)  # one line: its column is at least the word wide
        self.countdown = CountdownRing()
        self.counter_label = _big_label("counterLabel", "counter")
        self.counter_label.setAlignment(Qt.AlignmentFlag.AlignCenter)

        self.step_list = StepList()
        self.step_list.setAccessibleName(self.tr("All steps"))
        self.breathing_label = _big_label("breathingLabel", "muted")
        self.cautions_label = _big_label("cautionsLabel", "caution")
        self.cautions_label.setAccessibleName(self.tr("Take care"))

        self.step_text = _big_label("stepText", "step")
        self.step_text.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.next_label = _big_label("nextUpLabel", "muted")
        self.next_label.setAlignment(Qt.AlignmentFlag.AlignCenter)

        self.previous_button = player_button(
            "previousButton",
            self.tr("Previous exercise"),
            self.tr("Go to the start of the exercise before this one (P or Ctrl+Left arrow)"),
        )
        self.play_pause_button = player_button(
            "playPauseButton", self.tr("Pause"), self.tr("Pause (Space)")
        )
        self.play_pause_button.setProperty("role", "primary")
        self.skip_button = player_button(
            "skipButton",
            self.tr("Skip this part"),
            self.tr("Skip this part: a hold, a rest, the time to get ready (Right arrow)"),
        )
        self.next_button = player_button(
            "nextButton",
            self.tr("Next exercise"),
            self.tr("Leave this exercise, kept as skipped, and go to the next (N or Ctrl+Right)"),
        )
        self.extend_button = player_button(
            "extendButton", self.tr("+15 s"), self.tr("Add 15 seconds to this part (+)")
        )
        # Read as "plus fifteen s" otherwise.
        self.extend_button.setAccessibleName(self.tr("Add 15 seconds"))
        self.stop_button = player_button(
            "stopButton", self.tr("Stop"), self.tr("End the session (Esc)")
        )
        self.hurts_button = player_button(
            "hurtsButton", self.tr("This hurts"), self.tr("Pause now and choose what to do (H)")
        )
        self.hurts_button.setProperty("role", "danger")
        self.easier_button = player_button(
            "easierButton",
            self.tr("Make it easier"),
            self.tr("Do the easier version of this exercise for the rest of this session (E)"),
        )
        self.easier_button.hide()  # shown on an exercise with an easier version (`set_easier`)
        # Before an exercise that moves the way the person said makes their pain worse: a
        # caution line at the top (core.directions.warning); hidden otherwise.
        self.direction_warning = _big_label("directionWarning", "")
        self.direction_warning.setAccessibleName(self.tr("Take care"))

        self.previous_button.clicked.connect(self.previous_requested)
        self.play_pause_button.clicked.connect(self.play_pause_requested)
        self.skip_button.clicked.connect(self.skip_requested)
        self.next_button.clicked.connect(self.next_requested)
        self.extend_button.clicked.connect(self.extend_requested)
        self.stop_button.clicked.connect(self.confirm_stop)
        self.hurts_button.clicked.connect(self.hurts_requested)
        self.easier_button.clicked.connect(self.easier_requested)
        self.summary = SessionSummaryPage()
        self.summary.library_requested.connect(self.library_requested)
        self.summary.log_after_requested.connect(self.log_after_requested)
        self._parts = lay_out(self, steps_heading=self.tr("Steps"))

    def set_icons(self, colour: str, primary_colour: str) -> None:
        """Icons for the control buttons in the theme's colours."""
        self.previous_button.setIcon(line_icon("back", colour))
        self.next_button.setIcon(line_icon("skip", colour))
        self.stop_button.setIcon(line_icon("stop", colour))
        self.extend_button.setIcon(line_icon("plus", colour))
        self._icon_colours = (colour, primary_colour)
        self._update_play_pause_icon()

    def _update_play_pause_icon(self) -> None:
        colours = getattr(self, "_icon_colours", None)
        if colours is not None:
            shape = "play" if self._paused else "pause"
            # On the accent while enabled; disabled, the button is plain (`_enable`).
            colour = colours[1] if self.play_pause_button.isEnabled() else colours[0]
            self.play_pause_button.setIcon(line_icon(shape, colour))

    # --- what the controller tells the view ---------------------------------------------

    def show_routine(self, name: str) -> None:
        """The routine being played, in the header."""
        self.routine_label.setText(name)

    def show_phase(
        self,
        *,
        phase_word: str,
        counter: str,
        exercise: str,
        steps: tuple[str, ...],
        breathing: str | None,
        next_up: str,
        cautions: tuple[str, ...] = (),
    ) -> None:
        """What the current phase is about (called when the phase changes).

        `cautions` are shown before an exercise starts (get ready, next up): every one of
        them, so the person reads who should skip or change it before they begin.
        """
        self._phase_word = phase_word
        if not self._paused_shown:
            self.phase_label.setText(phase_word)
        self.counter_label.setText(counter)
        # The content's long words may break in the narrow columns (ui/widgets/hyphenation).
        self.exercise_label.setText(hyphenate(exercise))
        self.step_list.show_steps(tuple(hyphenate(step) for step in steps))
        self.breathing_label.setText(
            self.tr("Breathing: {breathing}").format(breathing=hyphenate(breathing))
            if breathing
            else ""
        )
        self.breathing_label.setVisible(bool(breathing))
        listed = "\n".join(f"•  {hyphenate(caution)}" for caution in cautions)
        self.cautions_label.setText(
            self.tr("Take care:\n{cautions}").format(cautions=listed) if cautions else ""
        )
        self.cautions_label.setVisible(bool(cautions))
        self.next_label.setText(hyphenate(next_up))

    def highlight_step(self, index: int, text: str) -> None:
        """Make step `index` the current one: highlighted in the list, large below."""
        if self.step_list.currentRow() != index:
            self.step_list.setCurrentRow(index)
        # A long step (German runs a quarter longer than English) is set a size smaller, so it
        # keeps to about three lines and the ring keeps its room in a small window.
        long = len(text) > LONG_STEP
        text = hyphenate(text)
        if self.step_text.text() != text:
            self.step_text.setText(text)
        if self.step_text.property("long") != long:
            self.step_text.setProperty("long", long)
            self.step_text.style().unpolish(self.step_text)
            self.step_text.style().polish(self.step_text)

    def current_step_index(self) -> int:
        """The highlighted step's index."""
        return self.step_list.currentRow()

    def set_countdown(self, remaining: float, total: float) -> None:
        """The big countdown for the current phase."""
        self.countdown.set_remaining(remaining, total)

    def set_routine_progress(self, fraction_done: float, time_left: str) -> None:
        """The thin bar for the whole routine and the time left in it."""
        value = round(min(1.0, max(0.0, fraction_done)) * 1000)
        if self.progress.value() != value:
            self.progress.setValue(value)
        if self.time_left_label.text() != time_left:
            self.time_left_label.setText(time_left)

    def set_caption(self, text: str) -> None:
        """The on-screen caption of the latest audio cue."""
        if self.caption_label.text() != text:
            self.caption_label.setText(text)

    def set_sound_note(self, text: str) -> None:
        """Say why sound is missing on this computer ("" hides the note)."""
        self.sound_note.setText(text)
        self.sound_note.setVisible(bool(text) and not self._focus)

    def set_paused(self, paused: bool, *, waiting: bool = False) -> None:
        """Show the play or the pause state: the button, and "Paused" large where the phase is.

        `waiting`: paused for the person to change position; the button then reads "Start" and
        the phase word and the prompt ("Press Start when you are lying on your back") stay.
        """
        self._paused = paused
        if not paused:
            text, tooltip = self.tr("Pause"), self.tr("Pause (Space)")
        elif waiting:
            text, tooltip = self.tr("Start"), self.tr("Start (Space)")
        else:
            text, tooltip = self.tr("Resume"), self.tr("Resume (Space)")
        self.play_pause_button.setText(text)
        self.play_pause_button.setToolTip(tooltip)
        self._update_play_pause_icon()
        shown = paused and not waiting and not self._closing
        if shown != self._paused_shown:
            self._paused_shown = shown
            self.phase_label.setText(self.tr("Paused") if shown else self._phase_word)
        self.countdown.set_paused(shown)

    def is_paused_shown(self) -> bool:
        """Whether the screen says "Paused" (the phase word's place, the ring)."""
        return self._paused_shown

    def set_extend(self, applies: bool, why_not: str = "") -> None:
        """The "+15 s" button: enabled where it applies, else disabled with the reason why."""
        self.extend_button.setEnabled(applies)
        tooltip = self.tr("Add 15 seconds to this part (+)") if applies else why_not
        self.extend_button.setToolTip(tooltip)
        self.extend_button.setAccessibleDescription("" if applies else why_not)

    def set_easier(self, easier_name: str) -> None:
        """The easier button: shown when this exercise has an easier version (named)."""
        # Only where it applies: most exercises have no easier version, and a small window
        # needs the room.
        self.easier_button.setEnabled(bool(easier_name))
        self.easier_button.setVisible(bool(easier_name))
        if easier_name:
            tooltip = self.tr("Do {exercise} instead for the rest of this session (E)").format(
                exercise=easier_name
            )
        else:
            tooltip = self.tr("This exercise has no easier version")
        self.easier_button.setToolTip(tooltip)
        self.easier_button.setAccessibleDescription(tooltip)

    def set_direction_warning(self, text: str) -> None:
        """The caution line at the top before an exercise in an avoided direction ("" hides it)."""
        self._warning = text
        self.direction_warning.setText(hyphenate(text))
        shown = bool(text) and not self._focus and not self._summary_shown
        self._parts.warning_frame.setVisible(shown)

    def set_previous_enabled(self, enabled: bool) -> None:
        """The "Previous exercise" button: off at the first exercise, with none before it."""
        self.previous_button.setEnabled(enabled)

    def _session_buttons(self) -> tuple[QPushButton, ...]:
        return (
            self.previous_button,
            self.play_pause_button,
            self.skip_button,
            self.next_button,
            self.extend_button,
            self.easier_button,
            self.hurts_button,
        )

    def _enable(self, button: QPushButton, enabled: bool) -> None:
        """Enable or disable a control so that it looks it; the play/pause icon follows."""
        enable(button, enabled)
        if button is self.play_pause_button:
            self._update_play_pause_icon()

    def set_finished(self) -> None:
        """Controls that make no sense after the end are disabled; Stop becomes "Close"."""
        for button in self._session_buttons():
            self._enable(button, False)
        self._closing = True
        self.easier_button.hide()
        self.set_paused(False)
        self.stop_button.setText(self.tr("Close"))
        self.stop_button.setToolTip(self.tr("Close this summary (Esc)"))
        self.stop_button.setEnabled(True)

    def set_about_to_start(self) -> None:
        """Before the first pain question: the routine is shown, nothing can be pressed yet."""
        self.hide_summary()
        for button in (*self._session_buttons(), self.stop_button):
            self._enable(button, False)
        self._closing = False
        self.stop_button.setText(self.tr("Stop"))
        self.set_paused(False)

    def reset_controls(self) -> None:
        """Enable every control again for a new session."""
        for button in (*self._session_buttons(), self.stop_button):
            self._enable(button, True)
        self._closing = False
        self.stop_button.setText(self.tr("Stop"))
        self.stop_button.setToolTip(self.tr("End the session (Esc)"))
        self.set_extend(True)
        self.set_paused(False)
        self.hide_summary()

    def show_summary(self, summary: SessionSummary, *, can_log: bool) -> None:
        """The end: the summary page where the figure, ring and steps were (out of focus mode)."""
        if self._focus:
            self.toggle_focus_mode()  # a summary is for reading, with the controls in view
        self.summary.show_summary(summary, can_log=can_log)
        self._summary_shown = True
        self.time_left_label.setText("")  # the time taken is on the page
        for widget in self._parts.playing_parts:
            widget.hide()
        self._parts.warning_frame.hide()
        self.next_label.setText("")
        self._parts.summary_page.show()

    def hide_summary(self) -> None:
        """Back to the playing parts (a new session)."""
        if not self._summary_shown:
            return
        self._summary_shown = False
        self._parts.summary_page.hide()
        for widget in self._parts.playing_parts:
            widget.show()

    def is_summary_shown(self) -> bool:
        """Whether the summary page is shown."""
        return self._summary_shown

    # --- focus mode and stopping ---------------------------------------------------------

    def is_focus_mode(self) -> bool:
        """Whether only the phase, countdown and step are shown."""
        return self._focus

    def toggle_focus_mode(self) -> None:
        """F11: show only the phase word, the countdown and the step, full screen.

        Not on the summary page: it is read with its buttons in view.
        """
        if self._summary_shown and not self._focus:
            return
        self._focus = not self._focus
        for widget in (
            self._parts.header,
            self._parts.controls,
            self._parts.exercise_row,
            self._parts.picture,
            self.figure,
            self.exercise_label,
            self.caption_label,
            self.counter_label,
            self._parts.steps_card,
        ):
            widget.setVisible(not self._focus)
        self.sound_note.setVisible(bool(self.sound_note.text()) and not self._focus)
        self.set_direction_warning(self._warning)
        # The hidden side columns give their room to the countdown.
        self._parts.middle.setStretch(0, 0 if self._focus else 4)
        self._parts.middle.setStretch(2, 0 if self._focus else 3)
        # Larger type in focus mode: swap the labels' style roles and re-apply the sheet.
        self.phase_label.setProperty("role", "phaseFocus" if self._focus else "phase")
        self.step_text.setProperty("role", "stepFocus" if self._focus else "step")
        for widget in (self.phase_label, self.step_text):
            widget.style().unpolish(widget)
            widget.style().polish(widget)
        self.focus_mode_changed.emit(self._focus)

    def set_text_size(self, size: str) -> None:
        """The instructions' type size, "normal", "large" or "larger" (a setting)."""
        self.setProperty("textSize", size)
        for widget in self.findChildren(QWidget):
            widget.style().unpolish(widget)
            widget.style().polish(widget)

    def escape(self) -> None:
        """Esc leaves focus mode first; otherwise it offers to end the session."""
        if self._focus:
            self.toggle_focus_mode()
        else:
            self.confirm_stop()

    def confirm_stop(self) -> None:
        """Ask before ending a session (Esc is easy to hit by accident).

        The session is paused while the question is open (`end_question_opened`): it must not
        move on to the next exercise under the dialog. The answers are verbs: "End session",
        or "Keep going" (also Esc and closing the box), which carries on (`kept_going`).
        """
        if self._closing:
            self.stop_requested.emit()
            return
        self.end_question_opened.emit()
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("End this session?"),
            self.tr("End the session now? What you have done so far is saved."),
            QMessageBox.StandardButton.NoButton,
            self,
        )
        box.setObjectName("endSessionQuestion")
        end = box.addButton(self.tr("End session"), QMessageBox.ButtonRole.AcceptRole)
        keep = box.addButton(self.tr("Keep going"), QMessageBox.ButtonRole.RejectRole)
        end.setObjectName("endSessionButton")
        keep.setObjectName("keepGoingButton")
        box.setDefaultButton(keep)
        box.setEscapeButton(keep)
        box.exec()
        if box.clickedButton() is end:
            self.stop_requested.emit()
        else:
            self.kept_going.emit()
