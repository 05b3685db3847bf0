"""The command line: parse options, import the command's module lazily, print errors as one line."""

from __future__ import annotations

import argparse
import importlib
import os
import signal
import sys

from quizgen import __version__
from quizgen.errors import BankError, QuizgenError
from quizgen.kinds import KINDS, STANCES

COMMANDS = {
    "check": ("quizgen.commands", "check", "validate the fact bank and print a summary"),
    "build": ("quizgen.commands", "build", "validate, then write every output into build/"),
    "anki": ("quizgen.anki", "main", "write the Anki deck (build/anki/<deck>.apkg)"),
    "print": ("quizgen.worksheet", "main", "write printable worksheets (HTML, PDF)"),
    "web": ("quizgen.web", "main", "write the offline study page (build/web/<deck>/index.html)"),
    "quiz": ("quizgen.quiz", "main", "study in the terminal with spaced repetition"),
    "stats": ("quizgen.quiz", "stats_main", "show your study progress"),
    "coverage": ("quizgen.coverage", "main", "map which sentences of each article the bank teaches"),
    "export": ("quizgen.export", "main", "write a Moodle GIFT question bank, a flashcard TSV and a CSV"),
    "new-article": ("quizgen.authoring", "new_article_main",
                    "add an article: copy it into seeds/, record its metadata, start its fact file"),
    "find": ("quizgen.authoring", "find_main", "find the facts that mention some words (id, file:line)"),
}


def _bank_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--decks", metavar="DIR", help="deck folders (default: ./decks or the bundled bank)")
    parser.add_argument("--seeds", metavar="DIR", help="seed articles (default: ./seeds or the bundled ones)")
    parser.add_argument("--deck", metavar="NAME", help="which deck folder (default: the first)")


def _filter_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--source", action="append", metavar="ID",
                        help="only facts from this article: 003, 3 or its short name like fair-observer "
                             "(comma list or repeated)")
    parser.add_argument("--tag", action="append", metavar="TAG",
                        help="only facts with this tag (comma list or repeated)")
    parser.add_argument("--kind", action="append", metavar="KIND",
                        help=f"only facts of this kind (comma list or repeated): {', '.join(KINDS)}. Filters combine: "
                             f"a fact must match every option given (any of the values of each)")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="quizgen", description="Study decks, worksheets and a terminal quiz from curated facts.")
    parser.add_argument("--version", action="version", version=f"quizgen {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    commands = {name: sub.add_parser(name, help=text, description=text)
                for name, (_, _, text) in COMMANDS.items()}
    for name in ("check", "build", "anki", "print", "web", "quiz", "stats", "coverage", "export",
                 "new-article", "find"):
        _bank_options(commands[name])
    for name in ("build", "anki", "print", "web", "coverage", "export"):
        commands[name].add_argument("--out", metavar="DIR", default="build", type=_out_dir,
                                    help="output folder (default: build)")
    commands["build"].add_argument("--no-pdf", action="store_true", help="skip PDF even when a browser is found")
    _print_options(commands["print"])
    _quiz_options(commands["quiz"])
    _coverage_options(commands["coverage"])
    _export_options(commands["export"])
    _authoring_options(commands["new-article"], commands["find"])
    commands["stats"].add_argument("--db", metavar="FILE",
                                   help="progress database (default: user data dir; env QUIZGEN_DB)")
    return parser


def _print_options(parser: argparse.ArgumentParser) -> None:
    _filter_options(parser)
    parser.add_argument("-n", "--count", type=int, default=20, metavar="N", help="questions per worksheet (default 20)")
    parser.add_argument("--types", default="mcq,blank,match,order,tf", metavar="LIST",
                        help="question types, comma-separated: mcq,blank,match,order,tf")
    parser.add_argument("--seed", type=int, default=1, help="random seed (same seed, same worksheet)")
    parser.add_argument("--versions", type=int, default=1, metavar="N", help="versions A, B, C... (default 1)")
    parser.add_argument("--title", help="worksheet title (also names the set's folder and files)")
    parser.add_argument("--paper", choices=("A4", "Letter"), default="A4", type=_paper,
                        help="paper size: A4 (default) or Letter")
    parser.add_argument("--pdf", action="store_true", help="also print PDFs with headless Chromium")
    parser.add_argument("--check", action="store_true",
                        help="write nothing: list every question with its fact id, options and key, "
                             "flag any that breaks a rule (exit 1 if any)")
    parser.add_argument("--duplex", action=argparse.BooleanOptionalAction, default=True,
                        help="in the PDFs, start every version on a new sheet when printed double-sided "
                             "(a blank page where needed; default: on)")


def _out_dir(text: str) -> str:
    if not text.strip():
        raise argparse.ArgumentTypeError("empty folder name (it would write into the current folder)")
    return text


def _paper(text: str) -> str:
    """'letter', 'LETTER', 'a4' are the papers everyone means."""
    return {"a4": "A4", "letter": "Letter"}.get(text.casefold(), text)


def _coverage_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--source", action="append", metavar="ID",
                        help="only this article: 003, 3 or its short name (comma list or repeated)")
    parser.add_argument("--all", action="store_true", help="list every uncovered passage, whole")
    parser.add_argument("--no-html", action="store_true", help="print the summary only")
    parser.add_argument("--strict", action="store_true", help="exit 1 when a sentence is unaccounted for")
    parser.add_argument("--suggest", action="store_true",
                        help="print a fact stub (YAML) for each uncovered sentence, to finish or skip")


def _export_options(parser: argparse.ArgumentParser) -> None:
    _filter_options(parser)
    parser.add_argument("--stance", action="append", choices=STANCES, metavar="STANCE", type=str.lower,
                        help=f"only facts of this stance (repeatable): {', '.join(STANCES)}")
    parser.add_argument("--types", default="mcq,short,tf,match", metavar="LIST",
                        help="GIFT question types, comma-separated: mcq,short,tf,match (default: all)")
    parser.add_argument("--format", default="gift,tsv,csv", metavar="LIST",
                        help="files to write, comma-separated: gift,tsv,csv (default: all)")


def _authoring_options(new: argparse.ArgumentParser, find: argparse.ArgumentParser) -> None:
    new.add_argument("text_file", metavar="TEXT_FILE", help="the article as plain UTF-8 text")
    new.add_argument("--title", required=True, help="the article's title")
    new.add_argument("--outlet", help="where it was published")
    new.add_argument("--author", help="who wrote it (leave out when the text names no one)")
    new.add_argument("--year", required=True, type=int, help="year of publication")
    new.add_argument("--date", help="date of publication, YYYY-MM or YYYY-MM-DD, when known")
    new.add_argument("--url", help="where it can be read")
    find.add_argument("words", nargs="+", metavar="WORD", help="words every fact found contains")


def _quiz_options(parser: argparse.ArgumentParser) -> None:
    _filter_options(parser)
    parser.add_argument("mode", nargs="?", choices=("review", "practice"), default="review",
                        help="review: due cards, then new ones (default); practice: N random questions now")
    parser.add_argument("-n", "--count", type=int, default=10, metavar="N",
                        help="questions in practice mode (default 10)")
    parser.add_argument("--style", choices=("mc", "typed", "mixed"), default="mixed",
                        help="mc: press 1-4; typed: type the answer; mixed (default): typed for short "
                             "names, places, dates and numbers, mc for the rest")
    parser.add_argument("--new", type=int, default=10, metavar="N", help="new cards per day (default 10)")
    parser.add_argument("--schedule", action="store_true", help="practice mode: also update the schedule")
    parser.add_argument("--seed", type=int, help="random seed for option order and practice picks (default: varies)")
    parser.add_argument("--db", metavar="FILE", help="progress database (default: user data dir; env QUIZGEN_DB)")


class Terminated(KeyboardInterrupt):
    """SIGTERM (timeout, CI cancel, docker stop): cleaned up exactly like Ctrl-C."""


_signalled: list[int] = []  # SIGTERM arrived: even where its exception was dropped, the run ends 143


def _terminate(signum, frame):
    _signalled.append(signum)
    raise Terminated


def _quiet_unraisable(unraisable) -> None:
    """An exception raised where Python cannot raise it (an at-fork hook, a finaliser) is dropped
    with a traceback; a dropped Terminated is not lost, `main` checks `_signalled` at the end."""
    if isinstance(unraisable.exc_value, Terminated):
        return
    sys.__unraisablehook__(unraisable)


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    module_name, function, _ = COMMANDS[args.command]
    _signalled.clear()
    signal.signal(signal.SIGTERM, _terminate)
    sys.unraisablehook = _quiet_unraisable
    try:
        handler = getattr(importlib.import_module(module_name), function)
        code = handler(args) or 0
        if _signalled:  # the signal's exception was dropped on the way: still an interrupted run
            raise Terminated
        return code
    except BankError as exc:
        for line in exc.problems:
            print(line, file=sys.stderr)
        count = len(exc.problems)
        print(f"quizgen: {count} problem{'s' if count != 1 else ''} in the fact bank; nothing was written",
              file=sys.stderr)
        return exc.exit_code
    except QuizgenError as exc:
        print(f"quizgen: {exc}", file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt as exc:
        print("quizgen: interrupted", file=sys.stderr)
        return 143 if isinstance(exc, Terminated) else 130
    except BrokenPipeError:  # `quizgen check | head`: the reader is gone, so is the rest of the output
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())  # the final flush at exit must not fail again
        return 141
