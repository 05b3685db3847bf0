"""The learner's study options (--new, --max-reviews, --retention, --steps) and FSRS parameters, kept per deck."""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import timedelta

from quizgen.errors import UsageError
from quizgen.quiz.store_part import StorePart

# name in the store -> (option, built-in default as typed)
OPTIONS = {
    "new": ("--new", "10"),
    "max_reviews": ("--max-reviews", "200"),
    "retention": ("--retention", "0.9"),
    "steps": ("--steps", "1m,10m"),
}
PARAMETERS = "parameters"  # FSRS weights from `quizgen quiz optimize`, comma-separated
OPTIMISED = "optimised"  # 'DAY, N reviews': when and from how much of the log


@dataclass(frozen=True)
class StudyOptions:
    """The options a review session runs with, each checked; `weights`: FSRS parameters, None for the defaults."""

    new: int
    max_reviews: int
    retention: float
    steps: tuple[timedelta, ...]
    steps_text: str
    weights: tuple[float, ...] | None = None


class Settings(StorePart):
    """The settings table of the progress store (a file older than it has none: the defaults apply)."""

    def settings(self, deck: str) -> dict[str, str]:
        if not self._has_table("settings"):
            return {}
        rows = self._read("SELECT name, value FROM settings WHERE deck = ?", deck)
        return {row["name"]: row["value"] for row in rows}

    def save_settings(self, deck: str, values: dict[str, str]) -> None:
        if not values:
            return
        with self._transaction() as db:
            db.executemany(
                "INSERT OR REPLACE INTO settings (deck, name, value) VALUES (?, ?, ?)",
                [(deck, name, value) for name, value in sorted(values.items())],
            )


def given_options(args) -> dict[str, str]:
    """The options typed on this command line (None: not given), as text, each checked at once."""
    given = {}
    for name in OPTIONS:
        value = getattr(args, name, None)
        if value is not None:
            text = str(value).strip()
            check(name, text, OPTIONS[name][0])
            given[name] = text
    return given


def study_options(stored: dict[str, str], given: dict[str, str], where: str) -> StudyOptions:
    """A flag wins over the remembered value, which wins over the default; `where` names the file."""
    values = {}
    for name, (option, default) in OPTIONS.items():
        text = given.get(name, stored.get(name, default))
        values[name] = check(name, text, option if name in given else f"{option} remembered in {where}")
    return StudyOptions(
        new=values["new"],
        max_reviews=values["max_reviews"],
        retention=values["retention"],
        steps=values["steps"],
        steps_text=given.get("steps", stored.get("steps", OPTIONS["steps"][1])),
        weights=read_weights(stored.get(PARAMETERS)),
    )


def check(name: str, text: str, option: str):
    """The option's value, or one line naming what is wrong with it."""
    from quizgen.quiz.scheduler import parse_steps

    try:
        if name in ("new", "max_reviews"):
            number = int(text)
            if number < 0:
                raise UsageError(f"{option} cannot be negative")
            return number
        if name == "retention":
            share = float(text)
            if not (math.isfinite(share) and 0.7 <= share <= 0.99):
                raise ValueError
            return share
    except ValueError:
        if name == "retention":
            raise UsageError(
                f"{option} must be between 0.7 and 0.99 (the share of cards you want to recall), not {text!r}"
            ) from None
        raise UsageError(f"{option} must be a whole number, not {text!r}") from None
    steps = parse_steps(text)
    if steps is None:
        raise UsageError(
            f"{option} {text!r}: give 1 to 10 steps of minutes, hours or days up to 30 days, "
            "such as 1m,10m or 10m,1h,1d"
        )
    return steps


def read_weights(text: str | None) -> tuple[float, ...] | None:
    """Stored FSRS parameters, or None (the defaults) when there are none or they are not 21 numbers."""
    if not text:
        return None
    try:
        weights = tuple(float(part) for part in text.split(","))
    except ValueError:
        return None
    return weights if len(weights) == 21 and all(math.isfinite(w) for w in weights) else None


def options_line(options: StudyOptions, optimised: str | None) -> str:
    """One line for `stats`: the options in force and which FSRS parameters schedule."""
    fsrs = f"optimised on {optimised}" if options.weights and optimised else "the defaults"
    return (
        f"Options: {options.new} new a day, at most {options.max_reviews} reviews a day, "
        f"retention {options.retention:g}, steps {options.steps_text}; FSRS parameters: {fsrs}"
    )
