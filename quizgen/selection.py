"""Turns command-line options into the bank (and the filtered subset) a command works on."""

from __future__ import annotations

import difflib
import re
from pathlib import Path

from quizgen.anki.ledger import published
from quizgen.bank.loader import load_decks
from quizgen.bank.seeds import Seed, load_seeds
from quizgen.errors import UsageError
from quizgen.kinds import KINDS
from quizgen.model import Bank
from quizgen.paths import default_decks_dir, default_seeds_dir, shown
from quizgen.text import fold

MAX_SUGGESTIONS = 3


def loaded(args) -> tuple[list[Bank], dict[str, Seed]]:
    """Every deck (or the one --deck names) and the seed articles, each loaded once."""
    decks = Path(args.decks) if getattr(args, "decks", None) else default_decks_dir()
    seeds_dir = Path(args.seeds) if getattr(args, "seeds", None) else default_seeds_dir()
    seeds = load_seeds(seeds_dir, shown(seeds_dir))
    banks = load_decks(decks, seeds, published)
    wanted = getattr(args, "deck", None)
    if wanted:
        banks = [bank for bank in banks if bank.name == wanted]
        if not banks:
            raise UsageError(f"no deck named '{wanted}' in {decks}")
    return banks, seeds


def banks_from_args(args) -> list[Bank]:
    return loaded(args)[0]


def bank_from_args(args) -> Bank:
    """The one deck a command works on (the first, unless --deck names one)."""
    return banks_from_args(args)[0]


def _listed(values) -> list[str]:
    """'--source 3,4 --source 0' -> ['3', '4', '0']."""
    return [part.strip() for value in values or () for part in value.split(",") if part.strip()]


def _names(bank: Bank, articles=()) -> dict[str, set[str]]:
    """Seed id -> every name the article goes by: its id, and its deck file's name with and without
    the id in front (`articles`: more seed ids, such as an article no fact cites yet)."""
    names = {source_id: {source_id.casefold()} for source_id in (*bank.sources, *articles)}
    for fact in bank.facts:
        stem = Path(fact.origin.path).stem.casefold()
        if fact.source.id in names and stem.startswith(fact.source.id.casefold()):
            names[fact.source.id] |= {stem, stem[len(fact.source.id) :].lstrip("-_ ")}
    return names


def short_name(source) -> str:
    """The name `--source` knows an article by, from the label every output shows: 'cenusa'."""
    return _slug(source.short.split(",")[0])


def _label_names(source) -> set[str]:
    return {_slug(text) for text in (source.author, source.outlet) if text} - {""}


def _slug(text: str) -> str:
    return "-".join(re.findall(r"[a-z0-9]+", fold(text)))


def _names_it(name: str, slug: str) -> bool:
    """'opinion' names 'opinion-website'; 'manolache' names 'ionela-catalina-manolache'."""
    return bool(slug) and (name == slug or name.startswith(f"{slug}-") or name.endswith(f"-{slug}"))


def _shown_names(source_id: str, names: set[str]) -> str:
    longest = max(names, key=len)
    return source_id if longest == source_id.casefold() else f"{source_id} ({longest})"


def resolve_sources(bank: Bank, asked_values, articles=()) -> tuple[str, ...]:
    """Seed ids of the articles `--source` names; an unknown name is a one-line usage error.

    `--source`, `--tag` and `--kind` mean the same in every command: each takes a comma list and may
    be repeated; `--source` names an article by its seed id ('003'), its number ('3'), its deck
    file's name ('003-fair-observer-2011', 'fair-observer', a word of it: 'unity') or the name of
    the label every output shows, whole ('cenusa-ipn-2020') or its author or outlet ('cenusa', 'dw', 'manolache')."""
    names = _names(bank, articles)
    chosen: list[str] = []
    labels = {sid: {short_name(bank.sources[sid]), *_label_names(bank.sources[sid])} for sid in bank.sources}
    for asked in _listed(asked_values):
        wanted = asked.casefold()
        found = [
            sid
            for sid, known in names.items()
            if wanted in known or (wanted.isdigit() and sid.isdigit() and int(wanted) == int(sid))
        ]
        if not found:  # a unique start of a short name: 'fair-observer'
            found = [sid for sid, known in names.items() if any(name.startswith(f"{wanted}-") for name in known)]
            found += _also_in_titles(bank, wanted, found)
        if not found:  # the label every output shows, its author or outlet: 'Cenuşa', 'DW', 'opinion'
            slug = _slug(asked)
            found = [
                sid
                for sid, known in labels.items()
                if any(_names_it(name, slug) for name in known) or slug == _slug(bank.sources[sid].short)
            ]  # ... or the whole label: 'reviewer-2024' for "Reviewer, 2024"
        if not found and not asked.isdigit():  # a word of the file's name: 'unity'
            found = [sid for sid, known in names.items() if any(wanted in name.split("-") for name in known)]
            found += _also_in_titles(bank, wanted, found)
        if len(found) != 1:
            listing = ", ".join(_shown_names(sid, names[sid]) for sid in sorted(names))
            why = "names more than one article" if found else "no such article"
            raise UsageError(f"--source {asked}: {why} (articles: {listing})")
        chosen.append(found[0])
    return tuple(dict.fromkeys(chosen))


def _also_in_titles(bank: Bank, word: str, found: list[str]) -> list[str]:
    """The other articles whose title has `word` ('nato'): a file-name word names one only if no other title has it."""
    if not found:
        return []
    return [sid for sid in bank.sources if sid not in found and word in _slug(bank.sources[sid].title).split("-")]


def _unknown(option: str, asked: str, known: list[str], what: str) -> UsageError:
    close = difflib.get_close_matches(asked.casefold(), known, n=MAX_SUGGESTIONS, cutoff=0.6)
    if close:
        hint = f"did you mean {', '.join(close)}?"
    else:
        hint = (
            f"{len(known)} {what}s, e.g. {', '.join(known[:MAX_SUGGESTIONS])}; `quizgen list {what}s` lists them all"
            if known
            else f"no fact has a {what}"
        )
    return UsageError(f"--{option} {asked}: no fact has this {what} ({hint})")


def resolve_tags(bank: Bank, asked_values) -> tuple[str, ...]:
    """Tags `--tag` names, in any case; an unknown tag lists at most a few close ones."""
    tags = sorted({tag for fact in bank.facts for tag in fact.tags})
    chosen = []
    for asked in _listed(asked_values):
        if asked.casefold() not in tags:
            raise _unknown("tag", asked, tags, "tag")
        chosen.append(asked.casefold())
    return tuple(dict.fromkeys(chosen))


def resolve_kinds(asked_values) -> tuple[str, ...]:
    """Kinds `--kind` names, in any case; an unknown kind lists the kinds there are."""
    chosen = []
    for asked in _listed(asked_values):
        if asked.casefold() not in KINDS:
            raise UsageError(f"--kind {asked}: no such kind (kinds: {', '.join(KINDS)})")
        chosen.append(asked.casefold())
    return tuple(dict.fromkeys(chosen))


def check_ids(bank: Bank, args) -> None:
    """`--exclude`/`--include` name facts of the bank; an unknown id is a usage error with the
    closest id, or where to find them."""
    ids = sorted(bank.by_id)
    for option in ("exclude", "include"):
        for asked in _listed(getattr(args, option, None)):
            if asked not in bank.by_id:
                close = difflib.get_close_matches(asked, ids, n=1)
                hint = f"; did you mean {close[0]}?" if close else " (`quizgen list ids` lists them)"
                raise UsageError(f"--{option} {asked}: no fact has this id{hint}")


def filtered(bank: Bank, args) -> Bank:
    """Apply --source/--tag/--kind; an empty result is a usage error, not an empty output."""
    sources = resolve_sources(bank, getattr(args, "source", None))
    tags = resolve_tags(bank, getattr(args, "tag", None))
    kinds = resolve_kinds(getattr(args, "kind", None))
    chosen = bank.select(sources=sources, tags=tags, kinds=kinds)
    if not chosen.facts:
        shown_filters = ", ".join(
            f"--{name} {','.join(values)}"
            for name, values in (("source", sources), ("tag", tags), ("kind", kinds))
            if values
        )
        raise UsageError(f"no facts match {shown_filters}")
    return chosen


def listed(text: str, known: tuple[str, ...], option: str, noun: str = "value") -> tuple[str, ...]:
    """'mcq,tf' -> ('mcq', 'tf') in the order of `known`; an unknown or empty list is a usage error."""
    names = [name.strip().lower() for name in text.split(",") if name.strip()]
    unknown = [name for name in names if name not in known]
    if unknown or not names:
        raise UsageError(f"{option}: unknown {noun} '{unknown[0] if unknown else text}'; choose from {','.join(known)}")
    return tuple(name for name in known if name in names)
