"""The Database: every read and write of SpineCoach's records goes through here.

Each write method is one transaction that is committed before it returns, so a pain score the
user has entered is on disk the moment the call succeeds; if the app crashes a second later,
it is still there. If a method raises, nothing from that call was written.

One class for callers, one module per kind of record behind it: each store below builds on
`RecordStore` (the connection and its transactions), and Database is all of them over one
connection. Callers never name the stores; they take a Database.
"""

from spinecoach.storage.database.event_logs import EventLogStore
from spinecoach.storage.database.history import HistoryStore
from spinecoach.storage.database.pain_entries import PainEntryStore
from spinecoach.storage.database.programmes import ProgrammeStore
from spinecoach.storage.database.progression import ProgressionStore
from spinecoach.storage.database.sessions import SessionStore
from spinecoach.storage.database.settings_and_routines import SettingsAndRoutinesStore

__all__ = ["Database"]


class Database(
    PainEntryStore,
    SessionStore,
    HistoryStore,
    EventLogStore,
    SettingsAndRoutinesStore,
    ProgrammeStore,
    ProgressionStore,
):
    """SpineCoach's records in one SQLite file. Obtain it from open_database()."""
