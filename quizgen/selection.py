"""Turns command-line options into the bank (and the filtered subset) a command works on."""

from __future__ import annotations

from pathlib import Path

from quizgen.anki.ledger import published
from quizgen.bank.loader import load_banks
from quizgen.errors import UsageError
from quizgen.model import Bank
from quizgen.paths import default_decks_dir, default_seeds_dir


def banks_from_args(args) -> list[Bank]:
    decks = Path(args.decks) if getattr(args, "decks", None) else default_decks_dir()
    seeds = Path(args.seeds) if getattr(args, "seeds", None) else default_seeds_dir()
    banks = load_banks(decks, seeds, published)
    wanted = getattr(args, "deck", None)
    if wanted:
        banks = [bank for bank in banks if bank.name == wanted]
        if not banks:
            raise UsageError(f"no deck named '{wanted}' in {decks}")
    return banks


def bank_from_args(args) -> Bank:
    """The one deck a command works on (the first, unless --deck names one)."""
    return banks_from_args(args)[0]


def filtered(bank: Bank, args) -> Bank:
    """Apply --source/--tag/--kind; an empty result is a usage error, not an empty output."""
    sources = tuple(getattr(args, "source", None) or ())
    tags = tuple(getattr(args, "tag", None) or ())
    kinds = tuple(getattr(args, "kind", None) or ())
    chosen = bank.select(sources=sources, tags=tags, kinds=kinds)
    if not chosen.facts:
        shown = ", ".join(f"--{name} {' '.join(vals)}" for name, vals in
                          (("source", sources), ("tag", tags), ("kind", kinds)) if vals)
        raise UsageError(f"no facts match {shown}")
    return chosen
