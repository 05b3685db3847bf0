"""Each command's own options: print, quiz, coverage, export, list, new-article and find."""

from __future__ import annotations

import argparse

from quizgen.arguments import DB_HELP, Listed, filter_options, paper
from quizgen.kinds import STANCES


def _stance_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--stance",
        action=Listed,
        metavar="STANCE",
        help=f"only facts of this stance (repeatable, or a,b): {', '.join(STANCES)}",
    )


def print_options(parser: argparse.ArgumentParser) -> None:
    filter_options(parser)
    parser.add_argument("-n", "--count", type=int, default=20, metavar="N", help="questions per worksheet (default 20)")
    parser.add_argument(
        "--types",
        default="mcq,blank,match,order,tf",
        metavar="LIST",
        help="question types, comma-separated (default: all five): mcq,blank,match,order,tf",
    )
    _stance_option(parser)
    parser.add_argument(
        "--exclude",
        action=Listed,
        metavar="ID",
        default=None,
        help="never ask this fact (repeatable, or a,b; ids are in `print --check`)",
    )
    parser.add_argument(
        "--include", action=Listed, metavar="ID", default=None, help="always ask this fact (repeatable, or a,b)"
    )
    parser.add_argument("--seed", type=int, default=1, help="random seed (same seed, same worksheet)")
    parser.add_argument(
        "--versions", type=int, default=1, metavar="N", help="versions A, B, C... (default 1, at most 26)"
    )
    parser.add_argument("--title", help="worksheet title (also names the set's folder and files)")
    parser.add_argument(
        "--paper", choices=("A4", "Letter"), default="A4", type=paper, help="paper size: A4 (default) or Letter"
    )
    parser.add_argument("--pdf", action="store_true", help="also print PDFs with headless Chromium")
    parser.add_argument(
        "--check",
        action="store_true",
        help="write nothing: list every question with its fact id, options and key, "
        "flag any that breaks a rule (exit 1 if any)",
    )
    parser.add_argument(
        "--duplex",
        action=argparse.BooleanOptionalAction,
        default=True,
        help="in the PDFs, start every version on a new sheet when printed double-sided "
        "(a blank page where needed; default: on)",
    )


def list_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "what",
        choices=("tags", "categories", "ids", "kinds", "sources", "stances", "topics"),
        help="what to list: tags, categories, ids, kinds, sources, stances or topics (Anki topic <- its tags)",
    )
    filter_options(parser)


def coverage_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--source",
        action=Listed,
        metavar="ID",
        help="only this article: 003, 3 or its short name (repeatable, or 3,4)",
    )
    parser.add_argument("--all", action="store_true", help="list every uncovered passage, whole")
    parser.add_argument("--no-html", action="store_true", help="print the summary only")
    parser.add_argument("--strict", action="store_true", help="exit 1 when a sentence is unaccounted for")
    parser.add_argument(
        "--suggest", action="store_true", help="print a fact stub (YAML) for each uncovered sentence, to finish or skip"
    )


def export_options(parser: argparse.ArgumentParser) -> None:
    filter_options(parser)
    _stance_option(parser)
    parser.add_argument(
        "--types",
        default="mcq,short,tf,match",
        metavar="LIST",
        help="GIFT question types, comma-separated: mcq,short,tf,match (default: all)",
    )
    parser.add_argument(
        "--format",
        default="gift,tsv,csv",
        metavar="LIST",
        help="files to write, comma-separated: gift,tsv,csv (default: all)",
    )


def authoring_options(new: argparse.ArgumentParser, find: argparse.ArgumentParser) -> None:
    new.add_argument("text_file", metavar="TEXT_FILE", help="the article as plain UTF-8 text")
    new.add_argument("--title", required=True, help="the article's title")
    new.add_argument("--outlet", help="where it was published")
    new.add_argument("--author", help="who wrote it (leave out when the text names no one)")
    new.add_argument("--year", required=True, type=int, help="year of publication")
    new.add_argument("--date", help="date of publication, YYYY-MM or YYYY-MM-DD, when known")
    new.add_argument("--url", help="where it can be read")
    find.add_argument(
        "words", nargs="+", metavar="WORD", help="whole words every fact found contains (treat* for any ending)"
    )


def quiz_options(parser: argparse.ArgumentParser) -> None:
    filter_options(parser)
    parser.add_argument(
        "mode",
        nargs="?",
        choices=("review", "practice", "optimize"),
        default="review",
        help="review: due cards, then new ones (default); practice: N random questions now; "
        "optimize: fit FSRS's parameters to your review log",
    )
    parser.add_argument("-n", "--count", type=int, metavar="N", help="questions in practice mode (default 10)")
    parser.add_argument(
        "--style",
        choices=("mc", "typed", "mixed"),
        default="mixed",
        type=str.lower,
        help="mc: press 1-4; typed: type the answer; mixed (default): typed for short "
        "names, places, dates and numbers, mc for the rest",
    )
    parser.add_argument("--new", metavar="N", help="review mode: new cards per day (default 10; remembered)")
    parser.add_argument("--schedule", action="store_true", help="practice mode: also update the schedule")
    parser.add_argument("--seed", type=int, help="random seed for option order and practice picks (default: varies)")
    parser.add_argument("--db", metavar="FILE", help=DB_HELP)
    parser.add_argument("--limit", type=int, metavar="N", help="review mode: at most N cards this session")
    parser.add_argument("--unsuspend", action="store_true", help="bring back every card you suspended (s) first")
    parser.add_argument("--flagged", action="store_true", help="only the cards you flagged (f)")
    parser.add_argument(
        "--retention",
        metavar="R",
        help="desired retention for FSRS, 0.7 to 0.99 (default 0.9; remembered)",
    )
    parser.add_argument(
        "--max-reviews",
        metavar="N",
        help="review mode: at most N reviews of learned cards a day (default 200, as Anki; remembered)",
    )
    parser.add_argument(
        "--steps", metavar="LIST", help="learning steps, e.g. 1m,10m (default) or 10m,1h,1d (remembered)"
    )
