"""The quiz's notion of now: the real clock, or a frozen one from QUIZGEN_NOW for tests and demos."""

from __future__ import annotations

import os
from datetime import UTC, date, datetime, timedelta

from quizgen.errors import UsageError

NOW_VARIABLE = "QUIZGEN_NOW"
# Stats look weeks back and FSRS schedules up to a century ahead: both must stay inside datetime's years.
YEARS = range(1970, 3000)


def now() -> datetime:
    """UTC, whole seconds (stored timestamps then sort as text)."""
    frozen = os.environ.get(NOW_VARIABLE)
    if frozen:
        try:
            moment = datetime.fromisoformat(frozen.replace("Z", "+00:00"))
        except ValueError:
            raise UsageError(f"{NOW_VARIABLE}={frozen!r} is not an ISO timestamp (e.g. 2025-03-01T09:00:00Z)") from None
        if moment.year not in YEARS:  # checked before any time-zone shift can overflow
            raise UsageError(
                f"{NOW_VARIABLE} out of range ({frozen!r}; use a time in the years {YEARS.start}–{YEARS.stop - 1})"
            )
        if moment.tzinfo is None:
            moment = local(moment)  # a naive time is the learner's local time
    else:
        moment = datetime.now(UTC)
    return moment.astimezone(UTC).replace(microsecond=0)


def local(moment: datetime) -> datetime:
    """`moment` in the learner's time zone; a TZ beyond ±24 h is one line, not a traceback."""
    try:
        return moment.astimezone()
    except (ValueError, OverflowError):
        raise UsageError(
            f"the time zone TZ={os.environ.get('TZ', '')!r} is out of range (offsets must be within 24 hours)"
        ) from None


def local_day(moment: datetime) -> date:
    """The learner's calendar day: new-card limits and reviews per day count by it."""
    return local(moment).date()


def day_end(moment: datetime, days: int = 0) -> datetime:
    """Local midnight at the end of the day `days` after `moment`, in UTC."""
    midnight = datetime.combine(local(moment).date() + timedelta(days=days + 1), datetime.min.time())
    return local(midnight).astimezone(UTC)


def stamp(moment: datetime) -> str:
    """The one text form of a time in the database: '2025-03-01T09:00:00+00:00'."""
    return moment.astimezone(UTC).replace(microsecond=0).isoformat()


def spoken_interval(delta: timedelta) -> str:
    """'in 10 min', 'in 5 h', 'tomorrow', 'in 12 days' — how long until a card comes back."""
    minutes = round(delta.total_seconds() / 60)
    if minutes < 1:
        return "now"
    if minutes < 60:
        return f"in {minutes} min"
    if minutes < 24 * 60:
        return f"in {round(minutes / 60)} h"
    days = round(minutes / (24 * 60))
    return "tomorrow" if days == 1 else f"in {days} days"


def short_interval(delta: timedelta) -> str:
    """'1m', '10m', '5h', '3d', '2mo', '1.5y' — an interval on a rating key, as Anki shows it."""
    minutes = max(1, round(delta.total_seconds() / 60))
    if minutes < 60:
        return f"{minutes}m"
    if minutes < 24 * 60:
        return f"{round(minutes / 60)}h"
    days = round(minutes / (24 * 60))
    if days < 31:
        return f"{days}d"
    if days < 365:
        return f"{round(days / 30.4)}mo"
    return f"{days / 365:.1f}y".replace(".0y", "y")
