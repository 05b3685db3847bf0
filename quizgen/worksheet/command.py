"""`quizgen print`: one worksheet set from the options given on the command line."""

from __future__ import annotations

import sys
from pathlib import Path

from quizgen.model import Bank
from quizgen.output import locked
from quizgen.paths import shown
from quizgen.selection import bank_from_args, filtered, resolve_sources
from quizgen.text import printable
from quizgen.worksheet.options import options_from_args, slug
from quizgen.worksheet.writer import build_set, write_sets


def run(args) -> int:
    options = options_from_args(args)
    browser = None
    if args.pdf:
        from quizgen.browser import find_browser

        browser = find_browser()  # before anything is written: --pdf without a browser is an error
    bank = bank_from_args(args)
    args.source = resolve_sources(bank, args.source) or None  # the ids name the sheet (stem_for)
    pool = filtered(bank, args)
    title = options.title or default_title(pool, bank, args)
    sheet_set = build_set(pool, bank, options, stem_for(title, options, args), title,
                          subtitle_for(pool, bank))
    for note in sheet_set.notes:
        print(f"quizgen: note: {printable(note)}", file=sys.stderr)
    if args.check:
        from quizgen.worksheet.review import review_lines

        lines, flagged = review_lines(sheet_set, pool, bank)
        print("\n".join(printable(line) for line in lines))
        return 1 if flagged else 0
    out_dir = Path(args.out)
    with locked(out_dir):
        paths = write_sets([sheet_set], out_dir / "print" / bank.name, browser, options.duplex)
    for path in paths:
        print(f"wrote {printable(shown(path))}")
    return 0


def stem_for(title: str, options, args) -> str:
    """A given --title names the set; otherwise the title and the options that shape the sheet do,
    so that different custom sheets do not replace each other (versions and paper do not count)."""
    if options.title:
        return slug(title)
    sources = getattr(args, "source", None) or ()
    extra = [f"src-{'-'.join(sorted(sources))}"] if len(sources) > 1 else []
    return "-".join([slug(title), *extra, *options.name_parts()])


def articles_of(pool: Bank) -> list[str]:
    """The one article every fact of the pool cites (a per-article sheet), else every article cited."""
    cited = [{c.source.id for c in fact.citations} for fact in pool.facts]
    shared = set.intersection(*cited) if cited else set()
    return sorted(shared) if len(shared) == 1 else sorted(set.union(set(), *cited))


def default_title(pool: Bank, bank: Bank, args=None) -> str:
    """The article's title, or '<bank>: review'; with the tags and kinds asked for, if any."""
    sources = articles_of(pool)
    title = bank.sources[sources[0]].title if len(sources) == 1 else f"{bank.title}: review"
    narrowed = [*(getattr(args, "tag", None) or ()), *(getattr(args, "kind", None) or ())]
    return f"{title} ({', '.join(narrowed)})" if narrowed else title


def subtitle_for(pool: Bank, bank: Bank) -> str:
    sources = articles_of(pool)
    if len(sources) == 1:
        return f"A worksheet on {bank.sources[sources[0]].citation()}"
    return f"A review of {len(sources)} articles in the “{bank.title}” collection"
