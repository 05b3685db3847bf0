"""Time to the first card of the study page, in headless Chromium, for the bundled bank and 10,000 facts.

    python benchmarks/web_timing.py                # bundled bank and 10,000 facts, 5 runs each
    python benchmarks/web_timing.py --sizes 1000 --runs 3

"First card" is the page's own `quizgen:first-card` mark: from the start of navigation (file://, a
fresh browser tab with nothing cached in memory) to the first question on screen, parsing the page,
its data and ts-fsrs included. "Load event" is the same page's load event, for comparison. Each
figure is the median of --runs fresh tabs after one warm-up. Targets: < 1 s bundled, < 3 s at 10,000.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from generate import write_bank  # noqa: E402

from quizgen.bank.loader import load_banks  # noqa: E402
from quizgen.browser import find_browser  # noqa: E402
from quizgen.paths import project_root  # noqa: E402
from quizgen.web.exporter import export  # noqa: E402

TARGETS = {None: 1.0, 10000: 3.0}
FIRST_CARD = "performance.getEntriesByName('quizgen:first-card')[0].startTime"
LOADED = "performance.getEntriesByType('navigation')[0].loadEventEnd"


def build_page(size: int | None, root: Path) -> tuple[Path, int]:
    """The study page of the bundled bank (size None) or a generated one; its path and fact count."""
    if size is None:
        decks, seeds = project_root() / "decks", project_root() / "seeds"
    else:
        write_bank(size, root)
        decks, seeds = root / "decks", root / "seeds"
    bank = load_banks(decks, seeds)[0]
    return export(bank, root / "out", {})[0], len(bank.facts)


def first_card_times(browser, page_path: Path, runs: int) -> tuple[float, float]:
    """Median seconds to the first card and to the load event, over fresh tabs after a warm-up."""
    cards, loads = [], []
    for run in range(runs + 1):
        context = browser.new_context(viewport={"width": 390, "height": 844})
        page = context.new_page()
        page.goto(page_path.as_uri(), wait_until="load")
        page.wait_for_function(FIRST_CARD + " > 0")
        if run:  # the first tab warms the browser's own caches
            cards.append(page.evaluate(FIRST_CARD) / 1000)
            loads.append(page.evaluate(LOADED) / 1000)
        context.close()
    return statistics.median(cards), statistics.median(loads)


def shown(seconds: float) -> str:
    return f"{seconds * 1000:.0f} ms" if seconds < 1 else f"{seconds:.2f} s"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="10000", help="generated bank sizes (default 10000)")
    parser.add_argument("--runs", type=int, default=5, help="fresh tabs per bank, after a warm-up (default 5)")
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    sizes = [None] + [int(size) for size in args.sizes.split(",") if size]
    rows = []
    with sync_playwright() as playwright, tempfile.TemporaryDirectory() as scratch:
        browser = playwright.chromium.launch(
            executable_path=find_browser(),
            args=["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run"],
        )
        print(f"Chromium {browser.version}; median of {args.runs} fresh tabs after a warm-up\n")
        for size in sizes:
            page_path, facts = build_page(size, Path(scratch) / str(size))
            card, loaded = first_card_times(browser, page_path, args.runs)
            target = TARGETS.get(size)
            verdict = "" if target is None else f"< {target:g} s ({'met' if card < target else '**missed**'})"
            label = f"bundled ({facts} facts)" if size is None else f"{facts:,} facts"
            rows.append(
                f"| {label} | {page_path.stat().st_size / 2**20:.1f} MiB | {shown(card)} | {shown(loaded)} | {verdict} |"  # noqa: E501
            )
        browser.close()
    print("| bank | index.html | first card | load event | target |")
    print("| --- | ---: | ---: | ---: | --- |")
    print("\n".join(rows))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
