"""How the player screen is arranged, to fit a window as small as 960 x 540.

`PlayerView` makes the parts and says what they show; `lay_out` places them (header, picture /
countdown / steps row, summary, two rows of buttons) and hands back the containers it hides.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import pairwise
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from spinecoach.ui.session.player_buttons import EXERCISE_BUTTON_HEIGHT
from spinecoach.ui.widgets.callout import callout
from spinecoach.ui.widgets.page_scroll import scrolling_page
from spinecoach.ui.widgets.reflow import WrappingRow

if TYPE_CHECKING:
    from spinecoach.ui.session.player_view import PlayerView


@dataclass(frozen=True, slots=True)
class PlayerLayout:
    """The containers `PlayerView` shows and hides; `middle` is the row focus mode re-stretches."""

    header: QWidget
    warning_frame: QFrame
    middle: QHBoxLayout
    picture: QWidget
    steps_card: QFrame
    summary_page: QWidget
    exercise_row: QWidget
    controls: QWidget
    #: What the summary page stands in for.
    playing_parts: tuple[QWidget, ...]


def lay_out(view: PlayerView, *, steps_heading: str) -> PlayerLayout:
    """Place the view's parts in it (`steps_heading`: the steps card's title, translated)."""
    header = QHBoxLayout()
    header.setSpacing(16)
    header.setContentsMargins(0, 0, 0, 0)
    header.addWidget(view.routine_label, 0)
    header.addWidget(view.progress, 1, Qt.AlignmentFlag.AlignVCenter)
    header.addWidget(view.time_left_label, 0)

    picture_column = QVBoxLayout()
    picture_column.addWidget(view.figure, 1)
    picture_column.addWidget(view.exercise_label)
    picture_column.addWidget(view.caption_label)
    picture_column.addWidget(view.sound_note)

    centre = QVBoxLayout()
    centre.addWidget(view.phase_label)
    centre.addWidget(view.countdown, 1)
    centre.addWidget(view.counter_label)
    centre_parts: tuple[QWidget, ...] = (view.phase_label, view.countdown, view.counter_label)

    steps_card = QFrame()
    steps_card.setProperty("role", "card")
    steps = QVBoxLayout(steps_card)
    steps.setContentsMargins(14, 12, 14, 12)
    heading = QLabel(steps_heading)
    heading.setProperty("role", "heading")
    steps.addWidget(heading)
    steps.addWidget(view.step_list, 1)
    # Cautions before the breathing: when the card must scroll, they are the first seen.
    steps.addWidget(view.cautions_label)
    steps.addWidget(view.breathing_label)

    # A row layout placed straight in the page's column (no widget, no grid between): Qt
    # then knows the least height its wrapped text needs at each width, so the player
    # shrinks its ring and figure to fit a small window instead of scrolling or clipping.
    middle = QHBoxLayout()
    middle.setContentsMargins(0, 0, 0, 0)
    middle.setSpacing(24)
    # The picture's column scrolls too when a long sound note meets a small window.
    picture = QWidget()
    picture.setLayout(picture_column)
    picture_column.setContentsMargins(0, 0, 0, 0)
    middle.addWidget(scrolling_page(picture, "pictureScroll"), 4)
    middle.addLayout(centre, 4)
    # Long cautions in a small window: the card scrolls, not the whole player.
    middle.addWidget(scrolling_page(steps_card, "stepsScroll"), 3)

    # The summary takes the playing parts' place at the end: centred, at most a comfortable
    # column wide (stretches beside it, not an alignment, so its wrapped text keeps its
    # height), scrolling when it cannot fit.
    summary_row = QWidget()
    summary_layout = QHBoxLayout(summary_row)
    summary_layout.setContentsMargins(0, 0, 0, 0)
    summary_layout.addStretch(1)
    summary_layout.addWidget(view.summary, 100)
    summary_layout.addStretch(1)
    summary_page = scrolling_page(summary_row, "summaryScroll")
    summary_page.hide()

    # Moving between exercises sits with "Next up: ...": the previous exercise on the left,
    # the next on the right, on the line that names it (no height of its own in a small
    # window, where the controls must stay on one line).
    exercise_row_widget = QWidget()
    exercise_row = QHBoxLayout(exercise_row_widget)
    exercise_row.setContentsMargins(0, 0, 0, 0)
    exercise_row.setSpacing(10)
    exercise_row.addWidget(view.previous_button)
    exercise_row.addWidget(view.next_label, 1)
    # "Make it easier" is about this exercise: on its line, where a small window has room
    # (the controls' line is full in German).
    exercise_row.addWidget(view.easier_button)
    exercise_row.addWidget(view.next_button)
    for button in (view.previous_button, view.easier_button, view.next_button):
        # A little lower than the controls (still well above the 24-px least target size):
        # the line they share with "Next up" must not push the ring out of a small window.
        button.setMinimumHeight(EXERCISE_BUTTON_HEIGHT)

    # The buttons wrap onto a second line when they do not fit (German at 200 % text), with
    # Stop and "This hurts" at the right end of the line they fall on.
    controls_widget = QWidget()
    controls = WrappingRow(controls_widget, spacing=10)
    for button in (view.play_pause_button, view.skip_button, view.extend_button):
        controls.addWidget(button)
    controls.add_push()
    controls.addWidget(view.stop_button)
    controls.addWidget(view.hurts_button)

    header_widget = QWidget()
    header_widget.setLayout(header)
    # Before an exercise that moves the way the person said makes their pain worse: a caution
    # line at the top (`PlayerView.set_direction_warning`); hidden otherwise.
    warning_frame, warning_box = callout("directionWarningFrame", "caution")
    warning_box.setContentsMargins(12, 6, 12, 6)  # one or two lines in a small window
    warning_box.addWidget(view.direction_warning)
    warning_frame.hide()
    layout = QVBoxLayout(view)
    layout.setContentsMargins(24, 10, 24, 10)
    layout.setSpacing(6)  # every pixel counts in a 960 x 540 window
    layout.addWidget(header_widget)
    layout.addWidget(warning_frame)
    layout.addLayout(middle, 1)
    layout.addWidget(summary_page, 1)
    layout.addWidget(view.step_text)
    # The two rows of buttons a little closer together than the rest (a 960 x 540 window).
    buttons = QVBoxLayout()
    buttons.setSpacing(4)
    buttons.addWidget(exercise_row_widget)
    buttons.addWidget(controls_widget)
    layout.addLayout(buttons)
    # The keyboard walks them as they are seen: the exercise row, then the controls.
    order = (
        view.previous_button,
        view.easier_button,
        view.next_button,
        view.play_pause_button,
        view.skip_button,
        view.extend_button,
        view.stop_button,
        view.hurts_button,
    )
    for first, second in pairwise(order):
        QWidget.setTabOrder(first, second)
    # What the summary page stands in for (a scrolling panel follows its page's hiding).
    playing_parts: tuple[QWidget, ...] = (
        picture,
        *centre_parts,
        steps_card,
        view.step_text,
    )
    return PlayerLayout(
        header=header_widget,
        warning_frame=warning_frame,
        middle=middle,
        picture=picture,
        steps_card=steps_card,
        summary_page=summary_page,
        exercise_row=exercise_row_widget,
        controls=controls_widget,
        playing_parts=playing_parts,
    )
