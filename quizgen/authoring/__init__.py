"""Curator tools: add an article (`new-article`), find what the bank already asks (`find`), preview a fact."""

from __future__ import annotations

from pathlib import Path

SCHEMA = "../../quizgen/schemas/facts.schema.json"  # from decks/<deck>/ in a checkout
LOCK_PATIENCE = 60.0  # seconds a run waits while another one adds an article to the same seeds/


def new_article_main(args) -> int:
    from quizgen.authoring.article import Article, add_article
    from quizgen.errors import UsageError
    from quizgen.output import folder_locked
    from quizgen.paths import shown
    from quizgen.selection import bank_from_args

    seeds_dir = Path(args.seeds or "seeds")
    decks_dir = Path(args.decks or "decks")
    if not seeds_dir.is_dir() or not decks_dir.is_dir():
        raise UsageError(
            "run this in a checkout with seeds/ and decks/ folders (or give --seeds and --decks): "
            "the bundled bank inside the installed package is read-only"
        )
    article = Article(Path(args.text_file), args.title, args.outlet, args.author, args.year, args.date, args.url)
    # load, pick the next id, write: one run at a time (a lock on seeds/), or two take the same id
    with folder_locked(seeds_dir, LOCK_PATIENCE):
        bank = bank_from_args(args)  # the bank must be valid before an article is added to it
        added = add_article(article, seeds_dir, decks_dir / bank.name, SCHEMA)
    print(f"added article {added.seed_id}: {shown(added.seed_file)} ({added.sentences} sentences)")
    print(f'  metadata:  {shown(seeds_dir / "sources.yaml")} (entry "{added.seed_id}")')
    print(f"  fact file: {shown(added.fact_file)} (every sentence listed as a comment)")
    print("next (README: Add an article):")
    print("  1. quizgen find WORDS               what the bank already asks (cite it under sources: instead)")
    print(f"  2. quizgen coverage --source {added.seed_id} --suggest   a fact stub for each sentence, to paste")
    print(f"  3. finish the facts in {shown(added.fact_file)}; skip what no one would test")
    print("  4. quizgen check                    until it is clean (it refuses the stubs' TODO)")
    print("  5. quizgen preview ID, quizgen build   look at your cards in every output")
    print(f'  (a wrong title or year: edit entry "{added.seed_id}" in {shown(seeds_dir / "sources.yaml")})')
    return 0


def find_main(args) -> int:
    from quizgen.authoring.find import find
    from quizgen.selection import bank_from_args
    from quizgen.text import printable

    bank = bank_from_args(args)
    hits = find(bank, " ".join(args.words))
    for hit in hits:
        fact = hit.fact
        print(printable(f"{fact.origin}: {fact.id} [{fact.kind}, {fact.stance}] (in {', '.join(hit.fields)})"))
        print(printable(f"    {fact.q} -> {fact.a}"))
        print(
            printable(
                f"    sources: {', '.join(c.source.id for c in fact.citations)}"
                + (f"; category: {fact.category}" if fact.category else "")
                + (f"; tags: {', '.join(fact.tags)}" if fact.tags else "")
            )
        )
    print(f"{len(hits)} fact{'s' if len(hits) != 1 else ''} found")
    return 0 if hits else 1


def preview_main(args) -> int:
    from quizgen.authoring.preview import find_fact, preview
    from quizgen.selection import bank_from_args
    from quizgen.text import printable

    bank = bank_from_args(args)
    fact = find_fact(bank, args.fact_id)
    for line in preview(bank, fact):
        print(printable(line))
    if args.html or args.open:
        from quizgen.authoring.preview_page import preview_page
        from quizgen.output import write_atomic
        from quizgen.paths import shown

        page = write_atomic(Path(args.out) / "preview" / f"{fact.id}.html", preview_page(bank, fact))
        print(f"wrote {printable(shown(page))}")
        if args.open:
            import webbrowser

            webbrowser.open(page.resolve().as_uri())
    return 0
