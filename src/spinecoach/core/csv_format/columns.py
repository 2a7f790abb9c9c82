"""The columns of a SpineCoach CSV, the three kinds of row, and the bounds every cell is held to.

The bounds are what the rest of the app relies on: nothing imported may later break an
export, the History's "All" range or the clinician's report.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Final

REQUIRED_COLUMNS: Final[tuple[str, ...]] = (
    "kind",
    "time",
    "score",
    "context",
    "note",
    "routine_id",
    "routine_name",
    "started",
    "ended",
    "exercises_completed",
    "exercises_total",
    "status",
    "feeling",
    "session_ref",
)
"""The columns every SpineCoach CSV has had from the first: a file must have all of them."""

LATER_COLUMNS: Final[tuple[str, ...]] = ("exercises_skipped", "exercise_id", "action")
"""Columns added later (with hurt rows and skipped exercises). A file may lack them: one
written before they were added holds no hurt rows and no skipped exercises, and reads as if
these cells were empty."""

COLUMNS: Final[tuple[str, ...]] = (*REQUIRED_COLUMNS, *LATER_COLUMNS)
"""Every column, in the order SpineCoach writes them. Readers accept any order."""

PAIN_KIND: Final = "pain"
SESSION_KIND: Final = "session"
HURT_KIND: Final = "hurt"
KINDS: Final = (PAIN_KIND, SESSION_KIND, HURT_KIND)
EXERCISE_SEPARATOR: Final = ";"

SHARED_COLUMNS: Final = frozenset({"kind", "time", "note", "session_ref"})
"""Columns more than one kind of row may fill (a hurt row leaves `note` empty)."""
PAIN_ONLY: Final = ("score", "context")
"""Columns only a pain row fills; the other kinds of row must leave them empty."""
HURT_ONLY: Final = ("exercise_id", "action")
"""Columns only a hurt row fills: the exercise that hurt and what the person chose."""
SESSION_ONLY: Final = (
    "routine_id",
    "routine_name",
    "started",
    "ended",
    "exercises_completed",
    "exercises_skipped",
    "exercises_total",
    "status",
    "feeling",
)
"""Columns only a session row fills; the other kinds of row must leave them empty."""

EARLIEST_TIME: Final = datetime(1970, 1, 1, tzinfo=UTC)
"""No imported time may be earlier. SpineCoach cannot have recorded anything before it, times
are also kept as seconds since this moment, and year-1 dates overflow the History's "All"
range (it reaches a day before the first entry) and the report's dates."""
FUTURE_MARGIN: Final = timedelta(days=1)
"""Every imported time must be earlier than the import's "now" plus this: a file from a
computer whose clock or date was set a little ahead still imports, while a mistyped year (2062
for 2026, or 9999, which overflows every export) is reported. Strictly earlier, because the
History's "All" range ends at (now + 1 day) exclusive: anything accepted is shown there."""

MAX_ID_LENGTH: Final = 100
"""Longest routine_id, exercise id or session_ref. Shipped ids are file names of at most about
30 characters; 100 leaves room for any later or custom routine while keeping the table and the
report readable."""
MAX_NAME_LENGTH: Final = 200
"""Longest routine_name. The library's names are 2-40 characters; 200 leaves room for a longer
or translated name."""
MAX_EXERCISES: Final = 100
"""Largest exercises_total. The longest shipped routine has 10 exercises; a far bigger number
is a typing slip (and one past 2**63 cannot even be stored)."""


def latest_time(now: datetime) -> datetime:
    """The first moment an import at `now` refuses; ValueError for a naive `now`."""
    if now.utcoffset() is None:
        raise ValueError(f"the import's now must be timezone-aware, got the naive {now}")
    return now + FUTURE_MARGIN
