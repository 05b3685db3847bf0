"""The command line: parse options, import the command's module lazily, print errors as one line."""

from __future__ import annotations

import argparse
import importlib
import os
import re
import signal
import sys
from contextlib import nullcontext
from pathlib import Path

from quizgen import __version__
from quizgen.errors import BankError, QuizgenError, UsageError
from quizgen.kinds import KINDS, STANCES
from quizgen.output import confined
from quizgen.paths import shown
from quizgen.text import UNSAFE, printable

COMMANDS = {
    "check": ("quizgen.commands", "check", "validate the fact bank and print a summary"),
    "build": ("quizgen.commands", "build", "validate, then write every output into build/"),
    "anki": ("quizgen.anki", "main", "write the Anki deck (build/anki/<deck>.apkg)"),
    "print": ("quizgen.worksheet", "main", "write printable worksheets (HTML, PDF)"),
    "web": ("quizgen.web", "main", "write the offline study page (build/web/<deck>/index.html)"),
    "quiz": ("quizgen.quiz", "main", "study in the terminal with spaced repetition"),
    "stats": ("quizgen.quiz", "stats_main", "show your study progress"),
    "progress": ("quizgen.quiz", "progress_main", "export or import progress in the study page's JSON format"),
    "coverage": ("quizgen.coverage", "main", "map which sentences of each article the bank teaches"),
    "export": ("quizgen.export", "main", "write a Moodle GIFT question bank, a flashcard TSV and a CSV"),
    "new-article": (
        "quizgen.authoring",
        "new_article_main",
        "add an article: copy it into seeds/, record its metadata, start its fact file",
    ),
    "find": ("quizgen.authoring", "find_main", "find the facts that mention some words (id, file:line)"),
    "preview": (
        "quizgen.authoring",
        "preview_main",
        "show one fact as the Anki card, worksheet, quiz and study page show it",
    ),
    "list": ("quizgen.listing", "main", "list the bank's tags, categories, fact ids or kinds, with counts"),
}
EPILOGS = {
    "print": "Files go to <out>/print/<deck>/<title>/: <name>-A.html, <name>-A-key.html, … and with --pdf\n"
    "<name>.pdf and <name>-key.pdf. At most 2 matching and 2 ordering questions per sheet.\n\n"
    'example:\n  quizgen print --source 3 --tag nrc -n 8 --types mcq,blank,tf --title "NRC quiz"\n'
    "  quizgen print -n 25 --exclude dw2021-alberque --include fo2011-nrc-created --pdf",
    "list": "examples:\n  quizgen list tags\n  quizgen list ids --source 3 --kind date",
}

DB_HELP = "progress database (default: user data dir; env QUIZGEN_DB)"


class Parser(argparse.ArgumentParser):
    """argparse with quizgen's own error format: one line, a suggestion where one fits, exit 2."""

    def parse_args(self, args=None, namespace=None):
        parsed, extras = self.parse_known_args(args, namespace)
        if extras:  # reported by the command's own parser, so a suggestion comes from its options
            commands = next((a for a in self._actions if isinstance(a, argparse._SubParsersAction)), None)
            owner = commands.choices.get(getattr(parsed, "command", None) or "", self) if commands else self
            owner.error(f"unrecognized arguments: {' '.join(extras)}")
        return parsed

    def error(self, message: str):
        command = self.prog.removeprefix("quizgen").strip()
        where = f"{command}: " if command else ""
        text = f"{where}{message}{_suggestion(self, message)}".replace("\t", " ")
        raise UsageError(UNSAFE.sub(" ", text))  # one line, nothing a terminal acts on


def _suggestion(parser: argparse.ArgumentParser, message: str) -> str:
    """'; did you mean --versions?' for a misspelt option or value."""
    import difflib

    words = re.findall(r"'([^']+)'|(--?[\w-]+)", message)
    wrong = [a or b for a, b in words]
    known = [option for action in parser._actions for option in action.option_strings]
    for sub in (a for a in parser._actions if isinstance(a, argparse._SubParsersAction)):
        known += list(sub.choices)
    choices = (
        [
            str(c)
            for action in parser._actions
            for c in (action.choices or ())
            if not isinstance(action, argparse._SubParsersAction)
        ]
        + list(KINDS)
        + list(STANCES)
    )
    for text in wrong:
        close = difflib.get_close_matches(text, known + choices, n=1, cutoff=0.6)
        if close and close[0] != text:
            return f"; did you mean {close[0]}?"
    return ""


class _Listed(argparse.Action):
    """A repeatable option that also takes comma lists: --source 3,4 --source 1."""

    def __call__(self, parser, namespace, values, option_string=None):
        found = list(getattr(namespace, self.dest, None) or [])
        for value in (part.strip() for part in str(values).split(",")):
            if not value:
                continue
            if self.dest == "kind":
                value = value.lower()
                if value not in KINDS:
                    parser.error(f"argument --kind: invalid choice: '{value}' (choose from {', '.join(KINDS)})")
            if self.dest == "stance":
                value = value.lower()
                if value not in STANCES:
                    parser.error(f"argument --stance: invalid choice: '{value}' (choose from {', '.join(STANCES)})")
            found.append(value)
        setattr(namespace, self.dest, found or None)


def _bank_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--decks", metavar="DIR", help="deck folders (default: ./decks or the bundled bank)")
    parser.add_argument("--seeds", metavar="DIR", help="seed articles (default: ./seeds or the bundled ones)")
    parser.add_argument("--deck", metavar="NAME", help="which deck folder (default: the first)")


def _filter_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--source",
        action=_Listed,
        metavar="ID",
        help="only facts from this article: 003, 3 or its short name like fair-observer (repeatable, or 3,4)",
    )
    parser.add_argument(
        "--tag",
        action=_Listed,
        metavar="TAG",
        help="only facts with this tag (repeatable, or a,b; `quizgen list tags` lists them)",
    )
    parser.add_argument(
        "--kind",
        action=_Listed,
        metavar="KIND",
        help=f"only facts of this kind (repeatable, or a,b): {', '.join(KINDS)}. Filters combine: "
        f"a fact must match every option given (any of the values of each)",
    )


def build_parser() -> argparse.ArgumentParser:
    parser = Parser(prog="quizgen", description="Study decks, worksheets and a terminal quiz from curated facts.")
    parser.add_argument("--version", action="version", version=f"quizgen {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    commands = {
        name: sub.add_parser(
            name,
            help=text,
            description=text,
            epilog=EPILOGS.get(name),
            formatter_class=argparse.RawDescriptionHelpFormatter,
        )
        for name, (_, _, text) in COMMANDS.items()
    }
    for name in (
        "check",
        "build",
        "anki",
        "print",
        "web",
        "quiz",
        "stats",
        "coverage",
        "export",
        "new-article",
        "find",
        "progress",
        "list",
        "preview",
    ):
        _bank_options(commands[name])
    _list_options(commands["list"])
    for name in ("build", "anki", "print", "web", "coverage", "export", "preview"):
        commands[name].add_argument(
            "--out", metavar="DIR", default="build", type=_out_dir, help="output folder (default: build)"
        )
    commands["anki"].add_argument(
        "--release",
        action="store_true",
        help="mark every fact id published: from then on it is never renamed or "
        "dropped without 'retired:' (plain builds keep new ids drafts)",
    )
    commands["build"].add_argument("--no-pdf", action="store_true", help="skip PDF even when a browser is found")
    _print_options(commands["print"])
    _quiz_options(commands["quiz"])
    _coverage_options(commands["coverage"])
    _export_options(commands["export"])
    _authoring_options(commands["new-article"], commands["find"])
    commands["preview"].add_argument(
        "fact_id", metavar="ID", help="a fact id (`quizgen find WORDS` or `quizgen list ids`)"
    )
    commands["preview"].add_argument(
        "--html", action="store_true", help="also write the preview as a page, <out>/preview/<ID>.html"
    )
    commands["preview"].add_argument("--open", action="store_true", help="write the page and open it in a browser")
    commands["stats"].add_argument("--db", metavar="FILE", help=DB_HELP)
    commands["stats"].add_argument("--card", metavar="ID", help="one card's history: every answer and its interval")
    _filter_options(commands["stats"])
    commands["progress"].add_argument(
        "action",
        choices=("export", "import"),
        help="export: write FILE for the study page; import: merge FILE into the database",
    )
    commands["progress"].add_argument("file", metavar="FILE", help="a progress JSON file (the study page's format)")
    commands["progress"].add_argument("--db", metavar="FILE", help=DB_HELP)
    return parser


def _print_options(parser: argparse.ArgumentParser) -> None:
    _filter_options(parser)
    parser.add_argument("-n", "--count", type=int, default=20, metavar="N", help="questions per worksheet (default 20)")
    parser.add_argument(
        "--types",
        default="mcq,blank,match,order,tf",
        metavar="LIST",
        help="question types, comma-separated (default: all five): mcq,blank,match,order,tf",
    )
    parser.add_argument(
        "--stance",
        action=_Listed,
        metavar="STANCE",
        help=f"only facts of this stance (repeatable, or a,b): {', '.join(STANCES)}",
    )
    parser.add_argument(
        "--exclude",
        action=_Listed,
        metavar="ID",
        default=None,
        help="never ask this fact (repeatable, or a,b; ids are in `print --check`)",
    )
    parser.add_argument(
        "--include", action=_Listed, metavar="ID", default=None, help="always ask this fact (repeatable, or a,b)"
    )
    parser.add_argument("--seed", type=int, default=1, help="random seed (same seed, same worksheet)")
    parser.add_argument(
        "--versions", type=int, default=1, metavar="N", help="versions A, B, C... (default 1, at most 26)"
    )
    parser.add_argument("--title", help="worksheet title (also names the set's folder and files)")
    parser.add_argument(
        "--paper", choices=("A4", "Letter"), default="A4", type=_paper, help="paper size: A4 (default) or Letter"
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


def _out_dir(text: str) -> str:
    if not text.strip():
        raise argparse.ArgumentTypeError("empty folder name (it would write into the current folder)")
    return text


def _paper(text: str) -> str:
    """'letter', 'LETTER', 'a4' are the papers everyone means."""
    return {"a4": "A4", "letter": "Letter"}.get(text.casefold(), text)


def _list_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "what",
        choices=("tags", "categories", "ids", "kinds", "sources", "stances"),
        help="what to list: tags, categories, ids, kinds, sources or stances",
    )
    _filter_options(parser)


def _coverage_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--source",
        action=_Listed,
        metavar="ID",
        help="only this article: 003, 3 or its short name (repeatable, or 3,4)",
    )
    parser.add_argument("--all", action="store_true", help="list every uncovered passage, whole")
    parser.add_argument("--no-html", action="store_true", help="print the summary only")
    parser.add_argument("--strict", action="store_true", help="exit 1 when a sentence is unaccounted for")
    parser.add_argument(
        "--suggest", action="store_true", help="print a fact stub (YAML) for each uncovered sentence, to finish or skip"
    )


def _export_options(parser: argparse.ArgumentParser) -> None:
    _filter_options(parser)
    parser.add_argument(
        "--stance",
        action=_Listed,
        metavar="STANCE",
        help=f"only facts of this stance (repeatable, or a,b): {', '.join(STANCES)}",
    )
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


def _authoring_options(new: argparse.ArgumentParser, find: argparse.ArgumentParser) -> None:
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


def _quiz_options(parser: argparse.ArgumentParser) -> None:
    _filter_options(parser)
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
    parser.add_argument("--new", metavar="N", help="new cards per day (default 10; remembered in the progress file)")
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
    _signalled.clear()
    signal.signal(signal.SIGTERM, _terminate)
    sys.unraisablehook = _quiet_unraisable
    try:
        args = build_parser().parse_args(argv)
        module_name, function, _ = COMMANDS[args.command]
        handler = getattr(importlib.import_module(module_name), function)
        # every output of a command lands inside its --out (output.inside proves it per write)
        with confined(Path(args.out)) if getattr(args, "out", None) else nullcontext():
            code = handler(args) or 0
        if _signalled:  # the signal's exception was dropped on the way: still an interrupted run
            raise Terminated
        return code
    except BankError as exc:
        for line in exc.problems:
            print(line, file=sys.stderr)
        count = len(exc.problems)
        print(
            f"quizgen: {count} problem{'s' if count != 1 else ''} in the fact bank; nothing was written",
            file=sys.stderr,
        )
        return exc.exit_code
    except QuizgenError as exc:
        print(f"quizgen: {printable(str(exc))}", file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt as exc:
        print("quizgen: interrupted", file=sys.stderr)
        return 143 if isinstance(exc, Terminated) else 130
    except BrokenPipeError:  # `quizgen check | head`: the reader is gone, so is the rest of the output
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())  # the final flush at exit must not fail again
        return 141
    except OSError as exc:  # what the system refused (a name too long, a full disk): one line, no traceback
        where = f"{shown(Path(exc.filename))}: " if exc.filename else ""
        print(f"quizgen: {printable(where + (exc.strerror or str(exc)))}", file=sys.stderr)
        return 1
