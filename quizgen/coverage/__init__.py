"""A curator's map of each article: which sentences the bank teaches, skips or leaves out."""

from __future__ import annotations

from quizgen.coverage.map import ArticleMap

WIDTH = 100


def summary(maps: list[ArticleMap], show_all: bool = False) -> str:
    """Per article: covered / skipped / uncovered sentences, then the longest uncovered passages."""
    lines = [f"{'article':8} {'sentences':>9} {'covered':>8} {'skipped':>8} {'uncovered':>10}"]
    for m in maps:
        lines.append(
            f"{m.source.id:8} {len(m.marked):9d} {m.count('covered'):8d} "
            f"{m.count('skipped'):8d} {m.count('uncovered'):10d}"
        )
    for m in maps:
        runs = m.uncovered_passages()
        if not runs:
            continue
        lines.append(f"\n{m.source.id} uncovered passages, longest first:")
        for run in runs if show_all else runs[:10]:
            numbers = f"{run[0].sentence.number}" + (f"-{run[-1].sentence.number}" if len(run) > 1 else "")
            text = " ".join(x.sentence.text for x in run)
            if not show_all and len(text) > WIDTH:
                text = text[: WIDTH - 1] + "…"
            lines.append(f"  s{numbers}: {text}")
        if len(runs) > 10 and not show_all:
            lines.append(f"  … and {len(runs) - 10} more (--all lists them whole)")
    return "\n".join(lines)
