"""A worksheet's title and subtitle, from the articles its facts cite."""

from __future__ import annotations

from quizgen.model import Bank


def articles_of(pool: Bank) -> list[str]:
    """The one article every fact of the pool cites (a per-article sheet), else every article cited."""
    cited = [{c.source.id for c in fact.citations} for fact in pool.facts]
    shared = set.intersection(*cited) if cited else set()
    return sorted(shared) if len(shared) == 1 else sorted(set.union(set(), *cited))


def default_title(pool: Bank, bank: Bank, args=None) -> str:
    """The article's title, or '<bank>: review'; with the tags and kinds asked for, if any."""
    sources = articles_of(pool)
    title = bank.sources[sources[0]].title if len(sources) == 1 else f"{bank.title}: review"
    narrowed = [
        *(getattr(args, "tag", None) or ()),
        *(getattr(args, "kind", None) or ()),
        *(getattr(args, "stance", None) or ()),
    ]
    return f"{title} ({', '.join(narrowed)})" if narrowed else title


def subtitle_for(pool: Bank, bank: Bank) -> str:
    """'A worksheet on <citation>' for one article, else how many articles the review covers."""
    sources = articles_of(pool)
    if len(sources) == 1:
        return f"A worksheet on {bank.sources[sources[0]].citation()}"
    return f"A review of {len(sources)} articles in the “{bank.title}” collection"
