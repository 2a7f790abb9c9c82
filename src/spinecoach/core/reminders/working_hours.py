"""Working hours: the weekly spans, in local wall time, within which stand-up reminders come."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta, tzinfo

_DAY_NAMES = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


def parse_clock_time(text: str) -> time:
    """A wall-clock time written ``HH:MM``; ValueError for anything else."""
    hours, _, minutes = text.strip().partition(":")
    return time(int(hours), int(minutes))


def moment_on(day: date, clock_time: time, zone: tzinfo | None) -> datetime:
    """The moment `clock_time` on `day` in `zone` (local wall time)."""
    return datetime.combine(day, clock_time, tzinfo=zone)


@dataclass(frozen=True, slots=True)
class WorkingHours:
    """Per weekday (Monday first) an optional (start, end) span in local time; None: day off.

    A span is half-open, start <= t < end, and must end after it starts on the same day
    (overnight shifts are not supported: a reminder schedule for them needs its own design).
    """

    days: tuple[tuple[time, time] | None, ...]

    def __post_init__(self) -> None:
        if len(self.days) != 7:
            raise ValueError("working hours need exactly seven days, Monday first")
        for span in self.days:
            if span is not None and not span[0] < span[1]:
                raise ValueError(f"a working day must end after it starts: {span}")

    @classmethod
    def default(cls) -> WorkingHours:
        """Monday to Friday, 09:00 to 18:00."""
        office = (time(9), time(18))
        return cls((office,) * 5 + (None, None))

    @classmethod
    def parse(cls, text: str) -> WorkingHours:
        """Read the stored form, e.g. ``"mon-fri 09:00-18:00, sat 10:00-12:00"``.

        Raises ValueError on anything else, so that a bad stored value falls back to the default.
        """
        days: list[tuple[time, time] | None] = [None] * 7
        for entry in filter(None, (part.strip() for part in text.lower().split(","))):
            try:
                day_part, span_part = entry.split()
                first, _, last = day_part.partition("-")
                start_text, end_text = span_part.split("-")
                lo, hi = _DAY_NAMES.index(first), _DAY_NAMES.index(last or first)
                span = (parse_clock_time(start_text), parse_clock_time(end_text))
            except ValueError as error:
                raise ValueError(f"cannot read working hours {entry!r}: {error}") from None
            if hi < lo:
                raise ValueError(f"weekdays run Monday to Sunday: {day_part!r}")
            for index in range(lo, hi + 1):
                days[index] = span
        return cls(tuple(days))

    def to_text(self) -> str:
        """The stored form read by `parse()`, one entry per day."""
        return ", ".join(
            f"{name} {span[0]:%H:%M}-{span[1]:%H:%M}"
            for name, span in zip(_DAY_NAMES, self.days, strict=True)
            if span is not None
        )

    @property
    def is_empty(self) -> bool:
        """No working day at all: no stand-up reminder can ever be due."""
        return all(span is None for span in self.days)

    def contains(self, local_dt: datetime) -> bool:
        """Whether `local_dt` (local wall time) lies within a working period."""
        span = self.days[local_dt.weekday()]
        return span is not None and span[0] <= local_dt.time() < span[1]

    def period_start(self, local_dt: datetime) -> datetime | None:
        """The start of the working period containing `local_dt`, or None outside hours."""
        span = self.days[local_dt.weekday()]
        if span is None or not self.contains(local_dt):
            return None
        return moment_on(local_dt.date(), span[0], local_dt.tzinfo)

    def next_start_after(self, local_dt: datetime) -> datetime:
        """The first working-period start strictly after `local_dt`, in its time zone.

        Raises ValueError when no day has working hours.
        """
        for offset in range(8):
            day = local_dt.date() + timedelta(days=offset)
            span = self.days[day.weekday()]
            if span is None:
                continue
            candidate = moment_on(day, span[0], local_dt.tzinfo)
            if candidate.astimezone(UTC) > local_dt.astimezone(UTC):
                return candidate
        raise ValueError("no working hours on any day")
