"""Every user setting, declared once with its type, allowed values, default and description.

Storage keeps raw JSON values; this module decides whether a stored value is still acceptable.
A value that no longer validates (hand-edited, or written by an older version with other limits)
falls back to the default instead of crashing the app or reaching a widget.

Kept whole although long: after the `Setting` type it is one declaration list, read top to
bottom in the order `SETTINGS` keeps, where each setting's limits, label and group are best
checked beside its neighbours'.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Final, Generic, TypeVar, cast

from spinecoach.core.ui_text import QT_TRANSLATE_NOOP

T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class Setting(Generic[T]):
    """The declaration of one setting; `Setting[int]` reads as an int wherever it is read."""

    key: str
    kind: type[T]
    default: T
    description: str
    choices: tuple[Any, ...] = ()
    minimum: int | None = None
    maximum: int | None = None
    label: str = ""
    unit: str = ""
    pattern: str = ""  # for text: a regular expression the whole value must match
    group: str = ""  # where the settings dialog shows it; empty: not shown (kept internally)
    #: Kept in the small state file beside the data file, not in the data file: what the window
    #: needs before its first paint (how it looks, where it was, whether to show at all) and
    #: one-time flags. Everything about the person's exercise and health stays in the data file.
    in_state_file: bool = False

    def validate(self, value: object) -> T:
        """Return `value` if it is acceptable for this setting, else raise ValueError.

        A tuple setting (several of its `choices`, each at most once) is stored as a JSON list
        and read back as one: either is taken and returned as a tuple.
        """
        if self.kind is tuple:
            return cast(T, self._validate_tuple(value))
        if not isinstance(value, self.kind) or (self.kind is int and isinstance(value, bool)):
            raise ValueError(f"{self.key} must be {self.kind.__name__}, not {value!r}")
        if self.choices and value not in self.choices:
            raise ValueError(f"{self.key} must be one of {', '.join(map(str, self.choices))}")
        if self.pattern and isinstance(value, str) and not re.fullmatch(self.pattern, value):
            raise ValueError(f"{self.key} is not in the expected form: {value!r}")
        if isinstance(value, int) and not isinstance(value, bool):
            if self.minimum is not None and value < self.minimum:
                raise ValueError(f"{self.key} must be at least {self.minimum}")
            if self.maximum is not None and value > self.maximum:
                raise ValueError(f"{self.key} must be at most {self.maximum}")
        return value

    def _validate_tuple(self, value: object) -> tuple[object, ...]:
        if not isinstance(value, list | tuple):
            raise ValueError(f"{self.key} must be a list, not {value!r}")
        if not self.choices:  # free names (WAIT_FOR_APPS): short, trimmed, not empty
            if len(value) > MAX_WAIT_APPS:
                raise ValueError(f"{self.key} holds at most {MAX_WAIT_APPS} names")
            for element in value:
                if (
                    not isinstance(element, str)
                    or not element.strip()
                    or element != element.strip()
                    or len(element) > MAX_WAIT_APP_LENGTH
                    or "," in element
                ):
                    raise ValueError(f"{self.key} holds a name that cannot be used: {element!r}")
            lowered = [str(element).casefold() for element in value]
            if len(set(lowered)) != len(lowered):
                raise ValueError(f"{self.key} names a program twice: {value!r}")
            return tuple(value)
        if self.choices and any(element not in self.choices for element in value):
            raise ValueError(f"{self.key} may hold only {', '.join(map(str, self.choices))}")
        if len(set(value)) != len(value):
            raise ValueError(f"{self.key} names a choice twice: {value!r}")
        return tuple(value)


SAFETY_ACKNOWLEDGED: Final = Setting(
    "safety_acknowledged",
    bool,
    False,
    "The person has read the safety notes shown on first start.",
    in_state_file=True,
)

THEME: Final = Setting(
    "theme",
    str,
    "system",
    QT_TRANSLATE_NOOP(
        "Setting",
        "Colour scheme: follow the system (its high-contrast setting too, where the desktop has "
        "one), or always light, dark or high contrast (text at least 7:1 on its background).",
    ),
    choices=("system", "light", "dark", "contrast"),
    label=QT_TRANSLATE_NOOP("Setting", "Colours"),
    group=QT_TRANSLATE_NOOP("Setting", "General"),
    in_state_file=True,
)

LANGUAGE: Final = Setting(
    "language",
    str,
    "system",
    QT_TRANSLATE_NOOP(
        "Setting",
        "The language of the window, the exercises, the safety notes and the spoken cues: the "
        "system's, or one SpineCoach has a translation for. Used from the next start.",
    ),
    # "system", or a translation's folder name under resources/translations ("de", "de_AT");
    # a folder that is gone falls back to the system language, then English.
    pattern=r"system|en|[a-z]{2,3}(_[A-Z]{2})?",
    label=QT_TRANSLATE_NOOP("Setting", "Language"),
    group=QT_TRANSLATE_NOOP("Setting", "General"),
    in_state_file=True,
)

TEXT_SIZE: Final = Setting(
    "text_size",
    int,
    100,
    QT_TRANSLATE_NOOP(
        "Setting",
        "The size of all text, in percent of the system's own text size (which it follows), up "
        "to twice as large; applied at once, everywhere.",
    ),
    choices=(100, 125, 150, 175, 200),
    label=QT_TRANSLATE_NOOP("Setting", "Text size"),
    unit=QT_TRANSLATE_NOOP("Setting", "%"),
    group=QT_TRANSLATE_NOOP("Setting", "General"),
    in_state_file=True,
)

REDUCE_MOTION: Final = Setting(
    "reduce_motion",
    bool,
    False,
    QT_TRANSLATE_NOOP(
        "Setting",
        "Keep the session player still: the figure shows one picture of each exercise instead of "
        "moving, and the countdown ring steps once a second instead of sweeping.",
    ),
    label=QT_TRANSLATE_NOOP("Setting", "Reduce motion in the player"),
    group=QT_TRANSLATE_NOOP("Setting", "General"),
)

LAST_AREA: Final = Setting(
    "last_area",
    str,
    "library",
    "The area shown when SpineCoach was last closed, restored on start.",
    choices=("library", "session", "history"),
    in_state_file=True,
)

WEEKLY_GOAL: Final = Setting(
    "weekly_goal",
    int,
    3,
    QT_TRANSLATE_NOOP("Setting", "How many sessions a week the person aims for."),
    minimum=1,
    maximum=14,
    label=QT_TRANSLATE_NOOP("Setting", "Weekly goal"),
    unit=QT_TRANSLATE_NOOP("Setting", "sessions"),
    group=QT_TRANSLATE_NOOP("Setting", "General"),
)

SOUND_ENABLED: Final = Setting(
    "sound_enabled",
    bool,
    True,
    QT_TRANSLATE_NOOP(
        "Setting", "Play short tones for start, countdown ticks, end of hold and switching sides."
    ),
    label=QT_TRANSLATE_NOOP("Setting", "Play tones"),
    group=QT_TRANSLATE_NOOP("Setting", "Sessions"),
)

VOICE_ENABLED: Final = Setting(
    "voice_enabled",
    bool,
    True,
    QT_TRANSLATE_NOOP("Setting", "Speak the cues aloud, where the system has a speech engine."),
    label=QT_TRANSLATE_NOOP("Setting", "Speak the cues"),
    group=QT_TRANSLATE_NOOP("Setting", "Sessions"),
)

VOLUME: Final = Setting(
    "volume",
    int,
    80,
    QT_TRANSLATE_NOOP("Setting", "Loudness of tones and voice, in percent."),
    minimum=0,
    maximum=100,
    label=QT_TRANSLATE_NOOP("Setting", "Volume"),
    unit=QT_TRANSLATE_NOOP("Setting", "%"),
    group=QT_TRANSLATE_NOOP("Setting", "Sessions"),
)

GET_READY_SECONDS: Final = Setting(
    "get_ready_seconds",
    int,
    5,
    QT_TRANSLATE_NOOP("Setting", "Seconds to get into position before the first exercise starts."),
    minimum=3,
    maximum=30,
    label=QT_TRANSLATE_NOOP("Setting", "Get ready"),
    unit=QT_TRANSLATE_NOOP("Setting", "s"),
    group=QT_TRANSLATE_NOOP("Setting", "Sessions"),
)

REST_BETWEEN_EXERCISES_SECONDS: Final = Setting(
    "rest_between_exercises_seconds",
    int,
    15,
    QT_TRANSLATE_NOOP(
        "Setting", "Seconds of rest between exercises, while the next one is previewed."
    ),
    minimum=5,
    maximum=120,
    label=QT_TRANSLATE_NOOP("Setting", "Rest between exercises"),
    unit=QT_TRANSLATE_NOOP("Setting", "s"),
    group=QT_TRANSLATE_NOOP("Setting", "Sessions"),
)

UI_SYSTEM_DARK: Final = Setting(
    "ui.system_dark",
    str,
    "unknown",
    "The desktop's colour scheme when last asked (after the first paint), so that the next "
    "start's first frame is drawn in it before the desktop can be asked.",
    choices=("unknown", "dark", "light", "contrast"),
    in_state_file=True,
)

UI_WINDOW_GEOMETRY: Final = Setting(
    "ui.window_geometry",
    str,
    "",
    "Where the main window was and how big (Qt's saved geometry, base64).",
    in_state_file=True,
)

UI_LAST_FOLDER: Final = Setting(
    "ui.last_folder",
    str,
    "",
    "The folder a file was last saved to or opened from (a CSV export or import, a report), "
    "where the next file dialog opens; empty: the home folder.",
    in_state_file=True,
)

REMINDERS_ENABLED: Final = Setting(
    "reminders_enabled",
    bool,
    True,
    QT_TRANSLATE_NOOP(
        "Setting", "Remind the person to stand up after sitting for a while, within working hours."
    ),
    label=QT_TRANSLATE_NOOP("Setting", "Remind me to stand up"),
    group=QT_TRANSLATE_NOOP("Setting", "Reminders"),
)

REMINDER_INTERVAL_MINUTES: Final = Setting(
    "reminder_interval_minutes",
    int,
    30,
    QT_TRANSLATE_NOOP("Setting", "Minutes of sitting after which a stand-up reminder is shown."),
    minimum=10,
    maximum=120,
    label=QT_TRANSLATE_NOOP("Setting", "Every"),
    unit=QT_TRANSLATE_NOOP("Setting", "min of sitting"),
    group=QT_TRANSLATE_NOOP("Setting", "Reminders"),
)

NATURAL_BREAK_MINUTES: Final = Setting(
    "natural_break_minutes",
    int,
    5,
    QT_TRANSLATE_NOOP(
        "Setting",
        "Minutes away from the keyboard that count as a break and restart the reminder interval.",
    ),
    minimum=1,
    maximum=30,
    label=QT_TRANSLATE_NOOP("Setting", "Time away that counts as a break"),
    unit=QT_TRANSLATE_NOOP("Setting", "min"),
    group=QT_TRANSLATE_NOOP("Setting", "Reminders"),
)

WORKING_HOURS: Final = Setting(
    "working_hours",
    str,
    "mon-fri 09:00-18:00",
    QT_TRANSLATE_NOOP(
        "Setting",
        "Days and hours when stand-up reminders are given, e.g. 'mon-fri 09:00-18:00, sat "
        "10:00-12:00'; a value that cannot be read means the default.",
    ),
    # (The form is core.reminders.WorkingHours.parse()'s; the settings dialog has an editor.)
    label=QT_TRANSLATE_NOOP("Setting", "Working hours"),
    group=QT_TRANSLATE_NOOP("Setting", "Reminders"),
)

SNOOZE_MINUTES: Final = Setting(
    "snooze_minutes",
    int,
    5,
    QT_TRANSLATE_NOOP(
        "Setting", 'How long "Snooze" puts a stand-up reminder off (at most three times in a row).'
    ),
    choices=(5, 10, 15),
    label=QT_TRANSLATE_NOOP("Setting", "Snooze for"),
    unit=QT_TRANSLATE_NOOP("Setting", "min"),
    group=QT_TRANSLATE_NOOP("Setting", "Reminders"),
)

REMINDER_SOUND: Final = Setting(
    "reminder_sound",
    bool,
    True,
    QT_TRANSLATE_NOOP("Setting", "Play a soft chime when a stand-up reminder appears."),
    label=QT_TRANSLATE_NOOP("Setting", "Chime with each reminder"),
    group=QT_TRANSLATE_NOOP("Setting", "Reminders"),
)

IDLE_DETECTION: Final = Setting(
    "idle_detection",
    bool,
    True,
    QT_TRANSLATE_NOOP(
        "Setting",
        "Notice time away from the keyboard and mouse, and restart the interval after it.",
    ),
    label=QT_TRANSLATE_NOOP("Setting", "Count time away from the keyboard as a break"),
    group=QT_TRANSLATE_NOOP("Setting", "Reminders"),
)

DEFER_WHEN_BUSY: Final = Setting(
    "defer_when_busy",
    bool,
    True,
    QT_TRANSLATE_NOOP(
        "Setting",
        "Hold a reminder while a full-screen window (a presentation, a film) or "
        "do-not-disturb is on, and show it right after.",
    ),
    label=QT_TRANSLATE_NOOP("Setting", "Wait while I present or watch full screen"),
    group=QT_TRANSLATE_NOOP("Setting", "Reminders"),
)

WAIT_DURING_CALLS: Final = Setting(
    "wait_during_calls",
    bool,
    True,
    QT_TRANSLATE_NOOP(
        "Setting",
        "Hold a reminder while another program uses your camera or microphone (a video or "
        "phone call on the computer), and show it once the call ends.",
    ),
    label=QT_TRANSLATE_NOOP("Setting", "Wait while my camera or microphone is in use"),
    group=QT_TRANSLATE_NOOP("Setting", "Reminders"),
)

#: The most names `WAIT_FOR_APPS` keeps, and the longest name.
MAX_WAIT_APPS = 20
MAX_WAIT_APP_LENGTH = 60

WAIT_FOR_APPS: Final = Setting(
    "wait_for_apps",
    tuple,
    (),
    QT_TRANSLATE_NOOP(
        "Setting",
        "Names of programs or windows, separated by commas (for example: zoom, teams, "
        "Impress). While the window in front has one of them in its name or title, reminders "
        "wait.",
    ),
    label=QT_TRANSLATE_NOOP("Setting", "Also wait while one of these is in front"),
    group=QT_TRANSLATE_NOOP("Setting", "Reminders"),
)

DAILY_REMINDER_TIME: Final = Setting(
    "daily_reminder_time",
    str,
    "",
    QT_TRANSLATE_NOOP(
        "Setting",
        "A reminder at this time (HH:MM) to do a session if none was done that day; empty: off.",
    ),
    pattern=r"(([01]\d|2[0-3]):[0-5]\d)?",
    label=QT_TRANSLATE_NOOP("Setting", "Daily exercise reminder"),
    group=QT_TRANSLATE_NOOP("Setting", "Reminders"),
)

PLAYER_TEXT_SIZE: Final = Setting(
    "player_text_size",
    str,
    "normal",
    QT_TRANSLATE_NOOP(
        "Setting",
        "How large the instructions are in the session player (on top of the text size in "
        "General).",
    ),
    choices=("normal", "large", "larger"),
    label=QT_TRANSLATE_NOOP("Setting", "Instructions in the player"),
    group=QT_TRANSLATE_NOOP("Setting", "Sessions"),
)

AVOID_MOVEMENTS: Final = Setting(
    "avoid_movements",
    tuple,
    (),
    QT_TRANSLATE_NOOP(
        "Setting",
        "The movements you said make your pain worse: the Library marks exercises that ask for "
        "them and the player warns before one.",
    ),
    # The values of core.exercise.SpinalMovement (a test checks they agree).
    choices=("bending forward", "bending back", "twisting", "side-bending", "neutral"),
    label=QT_TRANSLATE_NOOP("Setting", "Movements that make it worse"),
    group=QT_TRANSLATE_NOOP("Setting", "Sessions"),
)

DIRECTIONS_ASKED: Final = Setting(
    "directions_asked",
    bool,
    False,
    'After a first "This hurts", SpineCoach asked once which movements make the pain worse.',
    in_state_file=True,
)

START_ON_LOGIN: Final = Setting(
    "start_on_login",
    bool,
    False,
    QT_TRANSLATE_NOOP(
        "Setting", "Start SpineCoach in the tray when you log in, so reminders need no remembering."
    ),
    label=QT_TRANSLATE_NOOP("Setting", "Start SpineCoach when I log in"),
    group=QT_TRANSLATE_NOOP("Setting", "General"),
)

START_MINIMISED: Final = Setting(
    "start_minimised",
    bool,
    False,
    QT_TRANSLATE_NOOP(
        "Setting", "Start in the tray without opening the window (where the desktop has a tray)."
    ),
    label=QT_TRANSLATE_NOOP("Setting", "Start in the tray, without the window"),
    group=QT_TRANSLATE_NOOP("Setting", "General"),
    in_state_file=True,
)

CLOSE_TO_TRAY_EXPLAINED: Final = Setting(
    "close_to_tray_explained",
    bool,
    False,
    "The person was told once that closing the window keeps SpineCoach in the tray.",
    in_state_file=True,
)

NO_TRAY_CLOSE: Final = Setting(
    "no_tray_close",
    str,
    "ask",
    "On a desktop without a tray, while reminders are on, what closing the window does: ask "
    "once (closing stops the reminders), then minimise or quit as the person chose.",
    choices=("ask", "minimise", "quit"),
    in_state_file=True,
)

MENU_ENTRY_OFFERED: Final = Setting(
    "menu_entry_offered",
    bool,
    False,
    "SpineCoach offered once to add itself to the application menu (whatever the answer).",
    in_state_file=True,
)

NEXT_MORNING_ASKED_FOR: Final = Setting(
    "next_morning_asked_for",
    str,
    "",
    "The day (YYYY-MM-DD) of the last session the next-morning question was asked about "
    "(answered or skipped), so it is asked once.",
    pattern=r"(\d{4}-\d{2}-\d{2})?",
)

#: Every setting, in the order the settings dialog shows them.
SETTINGS: tuple[Setting[Any], ...] = (
    SAFETY_ACKNOWLEDGED,
    THEME,
    LANGUAGE,
    TEXT_SIZE,
    REDUCE_MOTION,
    LAST_AREA,
    WEEKLY_GOAL,
    SOUND_ENABLED,
    VOICE_ENABLED,
    VOLUME,
    GET_READY_SECONDS,
    REST_BETWEEN_EXERCISES_SECONDS,
    UI_SYSTEM_DARK,
    UI_WINDOW_GEOMETRY,
    UI_LAST_FOLDER,
    REMINDERS_ENABLED,
    REMINDER_INTERVAL_MINUTES,
    NATURAL_BREAK_MINUTES,
    WORKING_HOURS,
    SNOOZE_MINUTES,
    REMINDER_SOUND,
    IDLE_DETECTION,
    DEFER_WHEN_BUSY,
    WAIT_DURING_CALLS,
    WAIT_FOR_APPS,
    DAILY_REMINDER_TIME,
    PLAYER_TEXT_SIZE,
    AVOID_MOVEMENTS,
    DIRECTIONS_ASKED,
    START_ON_LOGIN,
    START_MINIMISED,
    CLOSE_TO_TRAY_EXPLAINED,
    NO_TRAY_CLOSE,
    MENU_ENTRY_OFFERED,
    NEXT_MORNING_ASKED_FOR,
)

#: A setting named by its declaration (typed: what mypy sees at every read) or by its key
#: (the settings dialog walks keys; tests set values by key).
SettingRef = Setting[Any] | str


def key_of(setting: SettingRef) -> str:
    """The key of a setting given by declaration or by key."""
    return setting if isinstance(setting, str) else setting.key


SETTINGS_BY_KEY: dict[str, Setting[Any]] = {setting.key: setting for setting in SETTINGS}

#: The keys kept in the state file (see `Setting.in_state_file`).
STATE_FILE_KEYS: frozenset[str] = frozenset(s.key for s in SETTINGS if s.in_state_file)


def resolve(key: str, stored: Mapping[str, object]) -> Any:
    """The effective value of `key`: the stored one when valid, otherwise the default."""
    setting = SETTINGS_BY_KEY[key]
    if key not in stored:
        return setting.default
    try:
        return setting.validate(stored[key])
    except ValueError:
        return setting.default
