"""Finding what a window cuts off or draws on top of something else, for the layout tests.

A person sees a problem in three ways, and each is checked on every visible control:

- its own text does not fit it (a label shorter than its wrapped lines, a button narrower than
  its words: Qt clips both without a sign);
- it sticks out of the box that holds it (drawn past a card's edge or the window's), except
  where the box is the page of a scroll area: there, scrolling brings it into view;
- two controls cover each other where both are visible ("Rep 1 of 5" over the digits).
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QRect, QRectF
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractScrollArea,
    QAbstractSpinBox,
    QComboBox,
    QLabel,
    QLineEdit,
    QProgressBar,
    QScrollArea,
    QSlider,
    QWidget,
)

from spinecoach.ui.session.countdown import CountdownRing

#: Controls whose own contents are checked, and which are not looked into (a spin box's
#: line edit belongs to the spin box).
LEAVES = (
    QLabel,
    QAbstractButton,
    QLineEdit,
    QAbstractSpinBox,
    QComboBox,
    QSlider,
    QProgressBar,
    CountdownRing,
)

#: Slack for rounding, in pixels.
SLACK = 1


@dataclass(frozen=True)
class Problem:
    """One thing a person would see wrong."""

    widget: str
    what: str

    def __str__(self) -> str:
        return f"{self.widget}: {self.what}"


def describe(widget: QWidget) -> str:
    """A widget as a test failure names it: its name or class, and its text if any."""
    name = widget.objectName() or type(widget).__name__
    text = ""
    if isinstance(widget, QLabel | QAbstractButton):
        text = widget.text()
    return f"{name} {text[:40]!r}" if text else name


def _inside_leaf(widget: QWidget, root: QWidget) -> bool:
    parent = widget.parentWidget()
    while parent is not None and parent is not root:
        if isinstance(parent, LEAVES):
            return True
        parent = parent.parentWidget()
    return False


def _is_page_scroll(widget: QWidget | None) -> bool:
    """A scroll area around a page of widgets (not a list, table or chart): looked into."""
    return isinstance(widget, QScrollArea) and widget.widgetResizable()


def shown_widgets(root: QWidget) -> list[QWidget]:
    """The leaves and boxes (lists, tables, charts) a person can see in `root`."""
    shown: list[QWidget] = []
    for widget in root.findChildren(QWidget):
        if not widget.isVisibleTo(root) or widget.width() <= 0 or widget.height() <= 0:
            continue
        if _inside_leaf(widget, root):
            continue
        is_box = isinstance(widget, QAbstractScrollArea) and not _is_page_scroll(widget)
        wanted = isinstance(widget, LEAVES) or is_box or widget.objectName() == "painChart"
        if wanted and not _inside_box(widget, root):
            shown.append(widget)
    return shown


def _inside_box(widget: QWidget, root: QWidget) -> bool:
    """Whether `widget` lives inside a list, table or chart (their own business)."""
    parent = widget.parentWidget()
    while parent is not None and parent is not root:
        if isinstance(parent, QAbstractScrollArea) and not _is_page_scroll(parent):
            return True
        if parent.objectName() == "painChart":
            return True
        parent = parent.parentWidget()
    return False


def own_text_problems(widget: QWidget) -> list[str]:
    """What of the widget's own text or contents does not fit its size."""
    width, height = widget.width(), widget.height()
    problems: list[str] = []
    if isinstance(widget, QLabel):
        if not widget.text() or not widget.pixmap().isNull():
            return []
        if widget.wordWrap():
            needed = widget.heightForWidth(width)
            if needed > height + SLACK:
                problems.append(f"wrapped text needs {needed} px of height, has {height}")
        hint = widget.sizeHint()
        if not widget.wordWrap() and hint.width() > width + SLACK:
            problems.append(f"text needs {hint.width()} px of width, has {width}")
        minimum = widget.minimumSizeHint().height()
        if not widget.wordWrap() and minimum > height + SLACK:
            problems.append(f"text needs {minimum} px of height, has {height}")
        return problems
    if isinstance(widget, CountdownRing):
        digits = widget.digits_rect()
        if not QRectF(widget.rect()).contains(digits):
            problems.append(f"digits {digits} outside the ring's {widget.rect()}")
        return problems
    if isinstance(widget, QAbstractButton | QComboBox):
        hint = widget.sizeHint()
        if hint.width() > width + SLACK or hint.height() > height + SLACK:
            problems.append(f"needs {hint.width()}x{hint.height()}, has {width}x{height}")
        return problems
    if isinstance(widget, QLineEdit | QAbstractSpinBox):
        hint = widget.minimumSizeHint()
        if hint.height() > height + SLACK:
            problems.append(f"needs {hint.height()} px of height, has {height}")
    return problems


def _rect_in(widget: QWidget, ancestor: QWidget) -> QRect:
    return QRect(widget.mapTo(ancestor, widget.rect().topLeft()), widget.size())


def sticking_out(widget: QWidget, root: QWidget) -> list[str]:
    """The boxes, up to `root` or a scroll area's page, the widget is drawn past."""
    problems: list[str] = []
    parent = widget.parentWidget()
    while parent is not None:
        rect = _rect_in(widget, parent)
        if not parent.rect().adjusted(-SLACK, -SLACK, SLACK, SLACK).contains(rect):
            problems.append(f"drawn at {rect} past the edge of {describe(parent)} {parent.rect()}")
            break
        grand = parent.parentWidget()
        if parent is root or (grand is not None and _is_page_scroll(grand.parentWidget())):
            break  # a scroll area's page: scrolling shows the rest
        parent = grand
    return problems


def visible_rect(widget: QWidget, root: QWidget) -> QRect:
    """The part of the widget that shows, in `root`'s coordinates (ancestors clip it)."""
    rect = _rect_in(widget, root)
    parent = widget.parentWidget()
    while parent is not None and parent is not root:
        rect = rect.intersected(_rect_in(parent, root))
        parent = parent.parentWidget()
    return rect


def _related(first: QWidget, second: QWidget) -> bool:
    return first.isAncestorOf(second) or second.isAncestorOf(first)


def overlaps(widgets: list[QWidget], root: QWidget) -> list[Problem]:
    """Pairs of visible widgets drawn over each other."""
    problems: list[Problem] = []
    shown = [(widget, visible_rect(widget, root)) for widget in widgets]
    for index, (first, first_rect) in enumerate(shown):
        for second, second_rect in shown[index + 1 :]:
            if _related(first, second):
                continue
            common = first_rect.intersected(second_rect)
            if common.width() > SLACK and common.height() > SLACK:
                problems.append(Problem(describe(first), f"covers {describe(second)} at {common}"))
    return problems


def digits_covered(ring: CountdownRing, root: QWidget) -> list[Problem]:
    """Labels drawn over the countdown's digits (the counter was, at 960 x 540)."""
    digits = ring.digits_rect().toAlignedRect().translated(ring.mapTo(root, ring.rect().topLeft()))
    problems = []
    for label in root.findChildren(QLabel):
        if not label.isVisibleTo(root) or not label.text():
            continue
        rect = visible_rect(label, root)
        if rect.intersects(digits):
            problems.append(Problem(describe(label), f"drawn over the digits at {digits}"))
    return problems


def sideways_scrolling(root: QWidget) -> list[Problem]:
    """Pages that scroll sideways: text should wrap to the width there is instead."""
    return [
        Problem(describe(page), f"scrolls {page.horizontalScrollBar().maximum()} px sideways")
        for page in root.findChildren(QScrollArea)
        if _is_page_scroll(page)
        and page.isVisibleTo(root)
        and page.horizontalScrollBar().maximum() > 0
    ]


def layout_problems(root: QWidget) -> list[Problem]:
    """Everything a person would see cut off or drawn over something else in `root`."""
    problems: list[Problem] = sideways_scrolling(root)
    widgets = shown_widgets(root)
    for widget in widgets:
        for what in own_text_problems(widget) + sticking_out(widget, root):
            problems.append(Problem(describe(widget), what))
    problems += overlaps(widgets, root)
    for ring in root.findChildren(CountdownRing):
        if ring.isVisibleTo(root):
            problems += digits_covered(ring, root)
    return problems


def assert_fits(root: QWidget, where: str) -> None:
    """Fail with every problem found, named, when `root` cuts off or covers anything."""
    problems = layout_problems(root)
    assert not problems, f"{where}:\n  " + "\n  ".join(map(str, problems))
