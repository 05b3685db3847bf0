"""Which quiz options go with which mode: an option of the other mode is refused in one line, never ignored."""

from __future__ import annotations

from quizgen.errors import UsageError

# the defaults of the options a mode may leave out
DEFAULTS = {"count": 10, "new": 10, "max_reviews": 200, "retention": 0.9, "steps": "1m,10m"}
_REVIEW_ONLY = {"limit": "--limit", "new": "--new", "max_reviews": "--max-reviews"}
_SCHEDULE_ONLY = {"retention": "--retention", "steps": "--steps"}


def check_mode_options(args) -> None:
    """Refuse an option the chosen mode would not use (one line, exit 2)."""
    given = {name for name in (*DEFAULTS, "limit") if getattr(args, name, None) is not None}
    if args.schedule and args.mode != "practice":
        raise UsageError("--schedule goes with practice mode (review always updates the schedule)")
    if args.mode == "review" and "count" in given:
        raise UsageError("-n/--count goes with practice mode: use --limit N in review mode")
    if args.mode == "practice":
        for name, flag in _REVIEW_ONLY.items():
            if name in given:
                use = "use -n N in practice mode" if name == "limit" else "practice asks -n N questions of any cards"
                raise UsageError(f"{flag} goes with review mode: {use}")
        for name, flag in _SCHEDULE_ONLY.items():
            if name in given and not args.schedule:
                raise UsageError(
                    f"{flag} goes with review mode or practice --schedule (practice leaves the schedule alone)"
                )


def fill_defaults(args) -> None:
    """The options left out take their defaults (after the check, which needs to see what was given)."""
    for name, default in DEFAULTS.items():
        if getattr(args, name, None) is None:
            setattr(args, name, default)
