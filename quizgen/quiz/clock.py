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
            raise UsageError(f"{NOW_VARIABLE}={frozen!r} is not an ISO timestamp "
                             "(e.g. 2025-03-01T09:00:00Z)") from None
        if moment.year not in YEARS:  # checked before any time-zone shift can overflow
            raise UsageError(f"{NOW_VARIABLE} out of range ({frozen!r}; use a time in the years "
                             f"{YEARS.start}–{YEARS.stop - 1})")
        if moment.tzinfo is None:
            moment = moment.astimezone()  # a naive time is the learner's local time
    else:
        moment = datetime.now(UTC)
    return moment.astimezone(UTC).replace(microsecond=0)


def local_day(moment: datetime) -> date:
    """The learner's calendar day: new-card limits and reviews per day count by it."""
    return moment.astimezone().date()


def day_end(moment: datetime, days: int = 0) -> datetime:
    """Local midnight at the end of the day `days` after `moment`, in UTC."""
    local = moment.astimezone()
    midnight = datetime.combine(local.date() + timedelta(days=days + 1), datetime.min.time())
    return midnight.astimezone().astimezone(UTC)


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
