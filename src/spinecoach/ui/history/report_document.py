"""What goes on the clinician report's pages: worded blocks (facts, tables, charts) in sections.

`report_content` fills a `ReportContent` in the language and locale in use; `report_layout`
places it on pages. Plain data, so wording the report needs none of Qt's drawing.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class Fact:
    """A label and its value, one line each in `lines`; no lines: a blank line to write on."""

    label: str
    lines: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Paragraph:
    """Running text; `small` for a footnote (9 pt, muted).

    `strong`: a title over what follows, bold, kept on a page with the start of the next block.
    """

    text: str
    small: bool = False
    strong: bool = False


@dataclass(frozen=True, slots=True)
class Facts:
    """Labels and values in two columns."""

    rows: tuple[Fact, ...]


@dataclass(frozen=True, slots=True)
class Table:
    """A table over as many pages as it needs, its header row on each.

    `shares` are the columns' parts of the page width (adding up to 1); `centred` columns hold
    short numbers. A cell's text wraps within its column.
    """

    columns: tuple[str, ...]
    shares: tuple[float, ...]
    rows: tuple[tuple[str, ...], ...]
    centred: frozenset[int] = frozenset()


@dataclass(frozen=True, slots=True)
class AxisTick:
    """A tick on a time axis: where (epoch seconds), its label, and the line under it.

    `under` names the month or the year where it changes ("Mar 2026", "2027"), else is empty.
    """

    epoch: float
    label: str
    under: str = ""


@dataclass(frozen=True, slots=True)
class ChartMark:
    """One pain score on the chart: when, how much, and its context ("before", ...)."""

    epoch: float
    score: int
    context: str


@dataclass(frozen=True, slots=True)
class Chart:
    """The pain chart: scores 0-10 over [start, end), the 7-day average line, the legend.

    `legend` pairs a series ("before", "after", "check-in", "average") with its words.
    """

    start: float
    end: float
    marks: tuple[ChartMark, ...]
    average: tuple[tuple[tuple[float, float], ...], ...]
    ticks: tuple[AxisTick, ...]
    axis_title: str
    legend: tuple[tuple[str, str], ...]
    empty_text: str = ""


@dataclass(frozen=True, slots=True)
class WeeklyBars:
    """Sessions per week as bars against the weekly goal (a dashed line).

    `weeks` are (first instant, end instant, sessions), clipped to [start, end).
    """

    start: float
    end: float
    weeks: tuple[tuple[float, float, int], ...]
    goal: int
    ticks: tuple[AxisTick, ...]
    title: str
    goal_label: str


Block = Paragraph | Facts | Table | Chart | WeeklyBars


@dataclass(frozen=True, slots=True)
class Section:
    """A heading and what follows it; `own_page`: the section starts on a new page."""

    heading: str
    blocks: tuple[Block, ...]
    own_page: bool = False


@dataclass(frozen=True, slots=True)
class ReportContent:
    """The whole report, already worded in the language and locale in use.

    `page_label` has the placeholders {page} and {pages}; `continued` has {heading}.
    """

    document_title: str
    creator: str
    title: str
    header: tuple[Fact, ...]
    preamble: str
    sections: tuple[Section, ...]
    footer: str
    page_label: str
    continued: str
    warnings: tuple[str, ...] = field(default=())
