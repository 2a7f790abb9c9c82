"""The SpineCoach CSV format: its columns, and rows turned into records and back.

Pure rules, no files: `spinecoach.storage.csv_io` reads and writes the files and decides what
is a duplicate. docs/CSV_FORMAT.md describes the format for people; this package is the
authority. One CSV holds both kinds of rows, told apart by `kind`:

* a **pain** row is one PainEntry: `time`, `score`, `context`, `note`, and `session_ref` when
  it was given before or after a session;
* a **session** row is one SessionRecord: `time` (= `started`), `routine_id`, `routine_name`,
  `started`, `ended`, `exercises_completed`, `exercises_skipped`, `exercises_total`,
  `status`, `feeling`, `note`, and `session_ref`, the name its pain and hurt rows use for it
  within the file;
* a **hurt** row is one HurtEvent ("this hurts" during a session): `time`, `exercise_id`,
  `action` (what the person chose) and the `session_ref` of its session. Files written before
  these existed lack the LATER_COLUMNS and still read.

A row that cannot become a valid record becomes a RowProblem naming its line and what is
wrong, in words a person editing the file in a spreadsheet can act on. Beyond what the records
themselves check, an imported row must stay within bounds that the rest of the app relies on
(times between 1970 and a day after the import, no control characters, lengths), so nothing
accepted can later break an export, the History's "All" range or the clinician's report.

The modules, from the cell up: `columns` (the columns and those bounds), `cell_text` (the
formula guard and control characters), `cells` (one cell read or refused), `rows` (one row to
a record), `header` and `table` (a whole file, pain rows linked to their sessions), and
`writing` (records to rows). The names below are the format's API; import them from here.
"""

from spinecoach.core.csv_format.cell_text import (
    FORMULA_STARTS,
    NOTE_CONTROLS,
    is_control,
    protect_text,
    unprotect_text,
    without_controls,
)
from spinecoach.core.csv_format.cells import RowError
from spinecoach.core.csv_format.columns import (
    COLUMNS,
    EARLIEST_TIME,
    EXERCISE_SEPARATOR,
    FUTURE_MARGIN,
    HURT_KIND,
    LATER_COLUMNS,
    MAX_EXERCISES,
    MAX_ID_LENGTH,
    MAX_NAME_LENGTH,
    PAIN_KIND,
    REQUIRED_COLUMNS,
    SESSION_KIND,
)
from spinecoach.core.csv_format.header import CsvFormatError, Header, read_header
from spinecoach.core.csv_format.rows import HurtRow, PainRow, SessionRow, parse_row
from spinecoach.core.csv_format.table import ParsedTable, RowProblem, parse_table
from spinecoach.core.csv_format.writing import (
    format_hurt_row,
    format_pain_row,
    format_session_row,
)

__all__ = [
    "COLUMNS",
    "EARLIEST_TIME",
    "EXERCISE_SEPARATOR",
    "FORMULA_STARTS",
    "FUTURE_MARGIN",
    "HURT_KIND",
    "LATER_COLUMNS",
    "MAX_EXERCISES",
    "MAX_ID_LENGTH",
    "MAX_NAME_LENGTH",
    "NOTE_CONTROLS",
    "PAIN_KIND",
    "REQUIRED_COLUMNS",
    "SESSION_KIND",
    "CsvFormatError",
    "Header",
    "HurtRow",
    "PainRow",
    "ParsedTable",
    "RowError",
    "RowProblem",
    "SessionRow",
    "format_hurt_row",
    "format_pain_row",
    "format_session_row",
    "is_control",
    "parse_row",
    "parse_table",
    "protect_text",
    "read_header",
    "unprotect_text",
    "without_controls",
]
