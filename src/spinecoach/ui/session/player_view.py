"""The session player's screen: big countdown, phase word, the step to do now, the picture.

A passive view: the controller tells it what to show and it forwards what the person pressed.
Everything a person must read from across the room is large: the phase word, the countdown
digits and the current step. F11 switches to focus mode, where only those three remain.
"""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QPainter, QPaintEvent
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from spinecoach.ui.session.countdown import CountdownRing
from spinecoach.ui.style.icons import line_icon
from spinecoach.ui.widgets.hyphenation import hyphenate
from spinecoach.ui.widgets.page_scroll import scrolling_page
from spinecoach.ui.widgets.reflow import WrappingRow

#: Characters beyond which the current step is set a size smaller (`highlight_step`).
LONG_STEP = 120


class FigureCanvas(QWidget):
    """Draws one SVG frame of the moving figure, scaled to fit, crisp at any size."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("playerFigure")
        self.setMinimumSize(160, 120)  # the drawing scales; a small window keeps the ring
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self._renderer = QSvgRenderer(self)
        self._frame: bytes = b""

    def set_svg(self, svg: bytes) -> None:
        """Show a new frame (ignored when it is the frame already shown)."""
        if svg != self._frame:
            self._frame = svg
            self._renderer.load(QByteArray(svg))
            self.update()

    def sizeHint(self) -> QSize:
        """Qt override."""
        return QSize(420, 315)

    def paintEvent(self, event: QPaintEvent) -> None:
        """Qt override: keep the drawing's aspect, centred."""
        if not self._frame:
            return
        view = self._renderer.viewBoxF()
        scale = min(self.width() / view.width(), self.height() / view.height())
        width, height = view.width() * scale, view.height() * scale
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        target = QRectF((self.width() - width) / 2, (self.height() - height) / 2, width, height)
        self._renderer.render(painter, target)
        painter.end()


def _big_label(object_name: str, role: str) -> QLabel:
    label = QLabel()
    label.setObjectName(object_name)
    label.setProperty("role", role)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    return label


class PlayerView(QWidget):
    """The player screen.

    Its keys (Space, the arrows, N, +, H, F11, Esc) are the window's Session menu, so they work
    wherever the focus is; the controller carries them out (`PlayerController.command`).

    Signals:
        play_pause_requested(): the play/pause button.
        skip_requested(): the skip button.
        back_requested(): the back button.
        extend_requested(): the "+15 s" button.
        stop_requested(): the stop button or Esc, after the person confirmed.
        hurts_requested(): the "This hurts" button.
        focus_mode_changed(bool): focus mode went on or off (F11).
    """

    play_pause_requested = Signal()
    skip_requested = Signal()
    back_requested = Signal()
    extend_requested = Signal()
    stop_requested = Signal()
    hurts_requested = Signal()
    focus_mode_changed = Signal(bool)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("playerView")
        self.setAccessibleName(self.tr("Session player"))
        self._paused = False
        self._focus = False
        self._closing = False  # the session is over: the stop button reads "Close"

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

        self.step_list = QListWidget()
        self.step_list.setObjectName("stepList")
        self.step_list.setAccessibleName(self.tr("All steps"))
        self.step_list.setWordWrap(True)
        self.step_list.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.step_list.setSelectionMode(QListWidget.SelectionMode.SingleSelection)
        self.step_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.step_list.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.breathing_label = _big_label("breathingLabel", "muted")
        self.cautions_label = _big_label("cautionsLabel", "caution")
        self.cautions_label.setAccessibleName(self.tr("Take care"))

        self.step_text = _big_label("stepText", "step")
        self.step_text.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.next_label = _big_label("nextUpLabel", "muted")
        self.next_label.setAlignment(Qt.AlignmentFlag.AlignCenter)

        self.back_button = self._button(
            "backButton",
            self.tr("Back"),
            self.tr("Start this exercise again, or the one before (Left arrow)"),
        )
        self.play_pause_button = self._button(
            "playPauseButton", self.tr("Pause"), self.tr("Pause (Space)")
        )
        self.play_pause_button.setProperty("role", "primary")
        self.skip_button = self._button(
            "skipButton", self.tr("Skip"), self.tr("Skip this part (Right arrow)")
        )
        self.extend_button = self._button(
            "extendButton", self.tr("+15 s"), self.tr("Add 15 seconds to this part (+)")
        )
        # Read as "plus fifteen s" otherwise.
        self.extend_button.setAccessibleName(self.tr("Add 15 seconds"))
        self.stop_button = self._button(
            "stopButton", self.tr("Stop"), self.tr("End the session (Esc)")
        )
        self.hurts_button = self._button(
            "hurtsButton", self.tr("This hurts"), self.tr("Pause now and choose what to do (H)")
        )
        self.hurts_button.setProperty("role", "danger")

        self.back_button.clicked.connect(self.back_requested)
        self.play_pause_button.clicked.connect(self.play_pause_requested)
        self.skip_button.clicked.connect(self.skip_requested)
        self.extend_button.clicked.connect(self.extend_requested)
        self.stop_button.clicked.connect(self.confirm_stop)
        self.hurts_button.clicked.connect(self.hurts_requested)
        self._build_layout()

    @staticmethod
    def _button(object_name: str, text: str, tooltip: str) -> QPushButton:
        button = QPushButton(text)
        button.setObjectName(object_name)
        button.setToolTip(tooltip)
        # Reachable with Tab. The session's keys are the window's (Session menu), so they work
        # wherever the focus is; Space on a focused player button presses that button (once).
        # The accessible name is the text, so it follows "Pause" / "Resume" / "Close".
        button.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        button.setMinimumHeight(44)
        return button

    def set_icons(self, colour: str, primary_colour: str) -> None:
        """Icons for the control buttons in the theme's colours."""
        self.back_button.setIcon(line_icon("back", colour))
        self.skip_button.setIcon(line_icon("skip", colour))
        self.stop_button.setIcon(line_icon("stop", colour))
        self.extend_button.setIcon(line_icon("plus", colour))
        self._icon_colours = (colour, primary_colour)
        self._update_play_pause_icon()

    def _update_play_pause_icon(self) -> None:
        colours = getattr(self, "_icon_colours", None)
        if colours is not None:
            shape = "play" if self._paused else "pause"
            self.play_pause_button.setIcon(line_icon(shape, colours[1]))

    def _build_layout(self) -> None:
        header = QHBoxLayout()
        header.setSpacing(16)
        header.setContentsMargins(0, 0, 0, 0)
        header.addWidget(self.routine_label, 0)
        header.addWidget(self.progress, 1, Qt.AlignmentFlag.AlignVCenter)
        header.addWidget(self.time_left_label, 0)

        self._picture_column = QVBoxLayout()
        self._picture_column.addWidget(self.figure, 1)
        self._picture_column.addWidget(self.exercise_label)
        self._picture_column.addWidget(self.caption_label)
        self._picture_column.addWidget(self.sound_note)

        centre = QVBoxLayout()
        centre.addWidget(self.phase_label)
        centre.addWidget(self.countdown, 1)
        centre.addWidget(self.counter_label)

        self._steps_card = QFrame()
        self._steps_card.setProperty("role", "card")
        steps = QVBoxLayout(self._steps_card)
        steps.setContentsMargins(14, 12, 14, 12)
        steps_heading = QLabel(self.tr("Steps"))
        steps_heading.setProperty("role", "heading")
        steps.addWidget(steps_heading)
        steps.addWidget(self.step_list, 1)
        # Cautions before the breathing: when the card must scroll, they are the first seen.
        steps.addWidget(self.cautions_label)
        steps.addWidget(self.breathing_label)

        # A row layout placed straight in the page's column (no widget, no grid between): Qt
        # then knows the least height its wrapped text needs at each width, so the player
        # shrinks its ring and figure to fit a small window instead of scrolling or clipping.
        middle = QHBoxLayout()
        self._grid = middle
        middle.setContentsMargins(0, 0, 0, 0)
        middle.setSpacing(24)
        # The picture's column scrolls too when a long sound note meets a small window.
        self._picture = QWidget()
        self._picture.setLayout(self._picture_column)
        self._picture_column.setContentsMargins(0, 0, 0, 0)
        middle.addWidget(scrolling_page(self._picture, "pictureScroll"), 4)
        middle.addLayout(centre, 4)
        # Long cautions in a small window: the card scrolls, not the whole player.
        middle.addWidget(scrolling_page(self._steps_card, "stepsScroll"), 3)

        # The buttons wrap onto a second line when they do not fit (German at 200 % text), with
        # Stop and "This hurts" at the right end of the line they fall on.
        self._controls = QWidget()
        controls = WrappingRow(self._controls, spacing=10)
        for button in (self.back_button, self.play_pause_button, self.skip_button):
            controls.addWidget(button)
        controls.addWidget(self.extend_button)
        controls.add_push()
        controls.addWidget(self.stop_button)
        controls.addWidget(self.hurts_button)

        self._header = QWidget()
        self._header.setLayout(header)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 14, 24, 14)
        layout.setSpacing(10)  # every pixel counts in a 960 x 540 window
        layout.addWidget(self._header)
        layout.addLayout(middle, 1)
        layout.addWidget(self.step_text)
        layout.addWidget(self.next_label)
        layout.addWidget(self._controls)
        # Focus mode keeps these and hides the rest.
        self._focus_keep = (self.phase_label, self.countdown, self.step_text)

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
        self.phase_label.setText(phase_word)
        self.counter_label.setText(counter)
        # The content's long words may break in the narrow columns (ui/widgets/hyphenation).
        self.exercise_label.setText(hyphenate(exercise))
        steps = tuple(hyphenate(step) for step in steps)
        if tuple(self._step_texts()) != steps:
            self.step_list.clear()
            for number, step in enumerate(steps, start=1):
                QListWidgetItem(f"{number}.  {step}", self.step_list)
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
        self.next_label.setVisible(bool(next_up))

    def _step_texts(self) -> list[str]:
        texts = []
        for row in range(self.step_list.count()):
            item = self.step_list.item(row)
            texts.append(item.text().split(".  ", 1)[1] if item else "")
        return texts

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
        """Show the play or the pause state on the button.

        `waiting`: paused for the person to change position; the button then reads "Start".
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

    def set_finished(self) -> None:
        """Controls that make no sense after the end are disabled."""
        for button in (
            self.back_button,
            self.play_pause_button,
            self.skip_button,
            self.extend_button,
            self.hurts_button,
        ):
            button.setEnabled(False)
        self._closing = True
        self.stop_button.setText(self.tr("Close"))

    def reset_controls(self) -> None:
        """Enable every control again for a new session."""
        for button in (
            self.back_button,
            self.play_pause_button,
            self.skip_button,
            self.extend_button,
            self.hurts_button,
            self.stop_button,
        ):
            button.setEnabled(True)
        self._closing = False
        self.stop_button.setText(self.tr("Stop"))
        self.set_paused(False)

    # --- focus mode and stopping ---------------------------------------------------------

    def is_focus_mode(self) -> bool:
        """Whether only the phase, countdown and step are shown."""
        return self._focus

    def toggle_focus_mode(self) -> None:
        """F11: show only the phase word, the countdown and the step, full screen."""
        self._focus = not self._focus
        for widget in (
            self._header,
            self._controls,
            self.next_label,
            self._picture,
            self.figure,
            self.exercise_label,
            self.caption_label,
            self.counter_label,
            self._steps_card,
        ):
            widget.setVisible(not self._focus)
        self.sound_note.setVisible(bool(self.sound_note.text()) and not self._focus)
        # The hidden side columns give their room to the countdown.
        self._grid.setStretch(0, 0 if self._focus else 4)
        self._grid.setStretch(2, 0 if self._focus else 3)
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
        """Ask before ending a session (Esc is easy to hit by accident)."""
        if self._closing:
            self.stop_requested.emit()
            return
        answer = QMessageBox.question(
            self,
            self.tr("End this session?"),
            self.tr("End the session now? What you have done so far is saved."),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer == QMessageBox.StandardButton.Yes:
            self.stop_requested.emit()
