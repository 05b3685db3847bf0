"""`quizgen print`: one worksheet set from the options given on the command line."""

from __future__ import annotations

import hashlib
import sys
from dataclasses import replace
from pathlib import Path

from quizgen.errors import QuizgenError, UsageError
from quizgen.model import Bank
from quizgen.output import locked
from quizgen.paths import shown
from quizgen.selection import bank_from_args, check_ids, filtered, listed, resolve_sources
from quizgen.text import printable, unsafe_character
from quizgen.worksheet.articles import on_article
from quizgen.worksheet.options import MAX_VERSIONS, TYPES, SheetOptions, build_stems, slug, title_stem
from quizgen.worksheet.titles import default_title, subtitle_for
from quizgen.worksheet.writer import build_set, write_sets


def run(args) -> int:
    options = options_from_args(args)
    browser = None
    if args.pdf and not args.check:
        from quizgen.browser import find_browser

        browser = find_browser()  # before anything is written: --pdf without a browser is an error
    bank = bank_from_args(args)
    args.source = resolve_sources(bank, args.source) or None  # the ids name the sheet (stem_for)
    check_ids(bank, args)
    pool = filtered(bank, args)
    article = args.source[0] if args.source and len(args.source) == 1 else None
    if article:  # a sheet on one article asks only what it states
        pool = on_article(pool, article)
    drawn = teacher_pool(pool, args)  # the planner draws on the excluded facts too (a stable sheet)
    pool = replace(drawn, facts=tuple(fact for fact in drawn.facts if fact.id not in set(args.exclude or ())))
    title = options.title or default_title(pool, bank, args)
    stem = stem_for(title, options, args)
    if stem in build_stems(bank):
        raise UsageError(
            f"--title {printable(title)}: its folder '{stem}' is where quizgen build writes "
            f"its own sheets; choose another title"
        )
    sheet_set = build_set(
        drawn,
        bank,
        options,
        stem,
        title,
        subtitle_for(pool, bank),
        include=tuple(args.include or ()),
        article=article,
        exclude=tuple(args.exclude or ()),
    )
    if not sheet_set.sheets[0].items:
        raise QuizgenError(
            f"nothing can be asked: the {len(pool.facts)} facts selected make no "
            f"{'/'.join(options.types)} question; try other --types or a wider selection"
        )
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


def teacher_pool(pool: Bank, args) -> Bank:
    """The selection of the stances asked (--include must be in it); the facts a teacher excluded stay
    in it, for the planner to draw the sheet without them as it draws the sheet with them."""
    excluded = set(args.exclude or ())
    stances = set(args.stance or ())
    facts = tuple(fact for fact in pool.facts if not stances or fact.stance in stances)
    for fact_id in args.include or ():
        if fact_id in excluded:
            raise UsageError(f"--include {fact_id}: it is also excluded")
        if not any(fact.id == fact_id for fact in facts):
            raise UsageError(f"--include {fact_id}: not in this selection (--source/--tag/--kind/--stance)")
    if not any(fact.id not in excluded for fact in facts):
        raise UsageError("no facts are left after --exclude and --stance")
    return replace(pool, facts=facts)


def stem_for(title: str, options, args) -> str:
    """A given --title names the set; otherwise the title and the options that shape the sheet do,
    so that different custom sheets do not replace each other (versions and paper do not count)."""
    if options.title:
        return title_stem(title)
    sources = getattr(args, "source", None) or ()
    extra = [f"src-{'-'.join(sorted(sources))}"] if len(sources) > 1 else []
    chosen = [
        *(f"+{i}" for i in sorted(getattr(args, "include", None) or ())),
        *(f"-{i}" for i in sorted(getattr(args, "exclude", None) or ())),
    ]
    if chosen:  # facts pinned or left out by hand: a sheet of its own
        extra.append("sel-" + hashlib.sha256(" ".join(chosen).encode()).hexdigest()[:6])
    return "-".join([slug(title), *extra, *options.name_parts()])


def parse_types(text: str) -> tuple[str, ...]:
    """'mcq,tf' -> ('mcq', 'tf') in the worksheet's section order; unknown names are a usage error."""
    return listed(text, TYPES, "--types", noun="type")


def options_from_args(args) -> SheetOptions:
    if args.count < 1:
        raise UsageError(f"--count must be at least 1 (got {args.count})")
    if not 1 <= args.versions <= MAX_VERSIONS:
        raise UsageError(f"--versions must be between 1 and {MAX_VERSIONS} (got {args.versions})")
    unsafe = unsafe_character(args.title, allow_tab=False) if args.title is not None else None
    if args.title is not None and (not args.title.strip() or unsafe):
        why = f"it held {unsafe}" if unsafe else "it was empty"
        raise UsageError(f"--title must be one line of text ({why})")
    title = args.title.strip() if args.title else None
    return SheetOptions(
        count=args.count,
        types=parse_types(args.types),
        seed=args.seed,
        versions=args.versions,
        title=title or None,
        paper=args.paper,
        duplex=getattr(args, "duplex", True),
    )
