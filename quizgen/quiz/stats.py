"""`quizgen stats`: what is due, reviews per day as a heat map, retention, streak, mastery per article."""

from __future__ import annotations

import sys
from datetime import date, datetime, timedelta
from pathlib import Path

from quizgen.model import Bank
from quizgen.paths import shown
from quizgen.quiz.card_history import show_history
from quizgen.quiz.clock import day_end, local_day, now
from quizgen.quiz.dbfile import check_place
from quizgen.quiz.scheduler import REVIEW, due_at
from quizgen.quiz.screen import Screen
from quizgen.quiz.settings import OPTIMISED, options_line, study_options
from quizgen.quiz.store import Store

WEEKS = 4
MATURE_DAYS = 21  # Anki's line between young and mature cards
RETENTION_DAYS = 30
FORECAST_DAYS = 7
_WEEKDAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")


def show_stats(
    path: Path,
    banks: list[Bank],
    screen: Screen | None = None,
    card: str | None = None,
    selected: bool = False,
    whole: list[Bank] | None = None,
) -> int:
    """`selected`: the banks hold only the facts of --source/--tag/--kind, and every figure counts only those;
    `whole`: the banks before that filter (where --card looks a fact id up)."""
    screen = screen or Screen()
    if card is not None:
        return show_history(path, banks, whole or banks, card, screen)
    check_place(path, readonly=True)  # a FIFO or a link loop is named as such, and never opened
    if not path.exists():
        screen.say(f"No progress yet ({shown(path)} does not exist). Start with: quizgen quiz")
        return 0
    moment = now()
    today = local_day(moment)
    with Store(path, readonly=True) as store:
        for line in store.set_aside:
            print(f"quizgen: {line}", file=sys.stderr)
        cards = store.all_cards()
        lapses = {bank.name: store.review_counts(bank.name) for bank in banks}
        # suspended or buried cards are not due on the days they are set aside (as in the quiz)
        away = {
            bank.name: [
                store.set_aside_cards(bank.name, (today + timedelta(days=offset)).isoformat())
                for offset in range(FORECAST_DAYS)
            ]
            for bank in banks
        }
        since = "" if selected else (today - timedelta(days=max(7 * WEEKS, RETENTION_DAYS))).isoformat()
        reviews = store.reviews(since)
        days = store.review_days()
        remembered = {bank.name: store.settings(bank.name) for bank in banks}
    if selected:  # the review log of the selected facts only: today, streak, retention, heat map
        chosen = {(bank.name, fact.id) for bank in banks for fact in bank.facts}
        reviews = [review for review in reviews if (review["deck"], review["fact_id"]) in chosen]
        days = sorted({review["day"] for review in reviews}, reverse=True)
    screen.para(f"Progress in {shown(path)}", "title")
    due_days = {bank.name: _due_days(bank, cards, away[bank.name], moment) for bank in banks}
    for bank in banks:
        _show_due(screen, bank, due_days[bank.name])
    per_day: dict[str, int] = {}  # scheduled reviews only: practice leaves the schedule alone
    for review in reviews:
        if review["scheduled"]:
            per_day[review["day"]] = per_day.get(review["day"], 0) + 1
    practice = sum(1 for review in reviews if review["day"] == today.isoformat() and not review["scheduled"])
    extra = f" + {practice} practice" if practice else ""
    screen.para(
        f"Today: {_plural(per_day.get(today.isoformat(), 0), 'review')}{extra} · "
        f"streak: {_plural(streak(days, today), 'day')}"
        f" · {retention_line(reviews, today)}"
    )
    _show_heatmap(screen, per_day, today)
    for bank in banks:
        deck_cards = {card["fact_id"]: card for card in cards if card["deck"] == bank.name}
        _show_mastery(screen, bank, deck_cards)
        _show_forecast(screen, due_days[bank.name], moment)
        _show_hardest(screen, bank, lapses[bank.name])
    for bank in banks:  # the options the next session runs with (remembered per deck)
        stored = remembered[bank.name]
        line = options_line(study_options(stored, {}, shown(path)), stored.get(OPTIMISED))
        screen.say(line if len(banks) == 1 else f"{bank.title}: {line}")
    return 0


def _due_days(bank: Bank, cards: list[dict], away: list[set[str]], moment: datetime) -> dict[str, int | None]:
    """For each seen card of the bank's facts: the first of the next seven days (0: today, overdue included)
    on which it is due and not set aside (suspended, or buried that day); None when there is none."""
    seen = {card["fact_id"]: card for card in cards if card["deck"] == bank.name and card["fact_id"] in bank.by_id}
    return {
        fact_id: next(
            (
                offset
                for offset in range(FORECAST_DAYS)
                if fact_id not in away[offset] and due_at(card) <= day_end(moment, offset)
            ),
            None,
        )
        for fact_id, card in seen.items()
    }


def _show_due(screen: Screen, bank: Bank, due_days: dict[str, int | None]) -> None:
    today = sum(1 for day in due_days.values() if day == 0)
    week = sum(1 for day in due_days.values() if day is not None)
    unseen = len(bank.facts) - len(due_days)
    screen.para(
        f"{bank.title}: {today} due today, {week} due this week, {unseen} new of {len(bank.facts)} not seen yet"
    )


def _show_forecast(screen: Screen, due_days: dict[str, int | None], moment: datetime) -> None:
    """Cards coming due on each of the next seven days (overdue ones count today)."""
    counts = []
    for offset in range(FORECAST_DAYS):
        count = sum(1 for day in due_days.values() if day == offset)
        label = "today" if offset == 0 else (local_day(moment) + timedelta(days=offset)).strftime("%a")
        counts.append(f"{label} {count}")
    screen.say_units(counts, " · ", indent="  ", head="Due, next 7 days:")


def _show_hardest(screen: Screen, bank: Bank, counts: dict[str, tuple[int, int]], top: int = 5) -> None:
    """The cards forgotten most often after they were learned (Anki's lapses), worst first."""
    hardest = sorted(
        ((lapses, fact_id) for fact_id, (_, lapses) in counts.items() if lapses and fact_id in bank.by_id),
        key=lambda item: (-item[0], item[1]),
    )[:top]
    if not hardest:
        return
    screen.para("Hardest (forgotten most often):", indent="  ")
    for lapses, fact_id in hardest:
        question = bank.by_id[fact_id].q
        short = _shortened(question, 60)
        screen.para(f"{_plural(lapses, 'time')}  {fact_id}  {short}", indent="    ")


def streak(days: list[str], today: date) -> int:
    """Days in a row with reviews, ending today (or yesterday: today is not over yet)."""
    seen = set(days)
    day = today if today.isoformat() in seen else today - timedelta(days=1)
    count = 0
    while day.isoformat() in seen:
        count, day = count + 1, day - timedelta(days=1)
    return count


def retention_line(reviews, today: date) -> str:
    """Share of scheduled reviews of learned cards (not new, not in learning steps) not forgotten."""
    since = (today - timedelta(days=RETENTION_DAYS - 1)).isoformat()
    due = [r for r in reviews if r["day"] >= since and r["scheduled"] and r["state_before"] == REVIEW]
    if not due:
        return f"retention: no reviews of learned cards in the last {RETENTION_DAYS} days"
    kept = sum(1 for r in due if r["rating"] > 1)
    return f"retention: {round(100 * kept / len(due))}% of {len(due)} reviews ({RETENTION_DAYS} days)"


def _show_heatmap(screen: Screen, per_day: dict[str, int], today: date) -> None:
    """Weeks as columns, weekdays as rows, darker for busier days; today is the last cell. A narrow
    terminal shows fewer weeks (each column is 8 wide), never a broken row."""
    shades = screen.blocks()
    weeks = max(1, min(WEEKS, (screen.width - 5) // 8)) if screen.wraps else WEEKS
    first = today - timedelta(days=today.weekday() + 7 * (weeks - 1))
    busiest = max(per_day.values(), default=0)
    screen.para(f"Reviews per day, last {_plural(weeks, 'week')} (busiest day: {busiest}):")
    header = "".join(f"{(first + timedelta(weeks=w)).strftime('%d %b'):>8}" for w in range(weeks))
    screen.say(f"     {header}")
    for weekday, name in enumerate(_WEEKDAYS):
        cells = []
        for week in range(weeks):
            day = first + timedelta(weeks=week, days=weekday)
            count = per_day.get(day.isoformat(), 0)
            level = 0 if not count else 1 + min(3, (4 * count - 1) // max(busiest, 1))
            cells.append(" " * 8 if day > today else f"{'':>5}{shades[level] * 3}")
        screen.say(f"  {name}{''.join(cells)}".rstrip())
    screen.say_units([f"{shades[0]} none", f"{shades[1]} few", f"{shades[4]} most"], indent="     ")


def _show_mastery(screen: Screen, bank: Bank, cards: dict[str, dict], width: int = 20) -> None:
    """Per article: facts learned (in review) and mature (stable for three weeks or more). A row is one
    line from 100 columns up; narrower, the title (shortened to fit) and the bar take a line each."""
    shades = screen.blocks()
    screen.para(f"Mastery per article ({bank.title}):")
    wide = not screen.wraps or screen.width >= 100
    for source_id, source in sorted(bank.sources.items()):
        facts = [fact for fact in bank.facts if fact.cites(source_id)]
        learned = [cards[f.id] for f in facts if f.id in cards and cards[f.id]["state"] == REVIEW]
        mature = sum(1 for card in learned if (card["stability"] or 0) >= MATURE_DAYS)
        counts = f"{len(learned):>3}/{len(facts):<3} learned, {mature} mature"
        room = width if wide else max(4, min(width, screen.width - 6 - len(counts)))
        filled = round(room * len(learned) / len(facts)) if facts else 0
        bar = screen.paint(shades[4] * filled, "good") + shades[0] * (room - filled)
        title = _shortened(source.short_label(), 38 if wide else screen.width - 7)
        if wide:
            screen.say(f"  {source_id:>4} {title:<38} {bar} {counts}")
        else:
            screen.say(f"  {source_id:>4} {title}")
            screen.say_units([bar, f"{len(learned)}/{len(facts)} learned,", f"{mature} mature"], " ", indent="    ")


def _shortened(text: str, width: int) -> str:
    """Cut at a space to fit `width`, with an ellipsis: never inside a word (a lone long word stays whole)."""
    if len(text) <= width:
        return text
    cut = text[: max(width - 1, 1)].rsplit(" ", 1)[0].rstrip(" ,:;–-")
    return (cut or text.split(" ", 1)[0]) + "…"


def _plural(count: int, word: str) -> str:
    return f"{count} {word}" if count == 1 else f"{count} {word}s"
