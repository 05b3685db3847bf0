"""The command line: parse options, import the command's module lazily, print errors as one line."""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from contextlib import nullcontext
from pathlib import Path

from quizgen import __version__, command_options, signals
from quizgen.arguments import DB_HELP, Parser, bank_options, filter_options, out_dir
from quizgen.errors import BankError, QuizgenError
from quizgen.output import confined
from quizgen.paths import shown
from quizgen.text import printable

COMMANDS = {
    "check": ("quizgen.commands.bank", "check", "validate the fact bank and print a summary"),
    "build": ("quizgen.commands.bank", "build", "validate, then write every output into build/"),
    "anki": ("quizgen.commands.anki", "main", "write the Anki deck (build/anki/<deck>.apkg)"),
    "print": ("quizgen.commands.worksheet", "run", "write printable worksheets (HTML, PDF)"),
    "web": ("quizgen.commands.web", "main", "write the offline study page (build/web/<deck>/index.html)"),
    "quiz": ("quizgen.quiz", "main", "study in the terminal with spaced repetition"),
    "stats": ("quizgen.quiz", "stats_main", "show your study progress"),
    "progress": ("quizgen.quiz", "progress_main", "export or import progress in the study page's JSON format"),
    "coverage": ("quizgen.commands.coverage", "main", "map which sentences of each article the bank teaches"),
    "export": ("quizgen.commands.export", "main", "write a Moodle GIFT question bank, a flashcard TSV and a CSV"),
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
        bank_options(commands[name])
    command_options.list_options(commands["list"])
    for name in ("build", "anki", "print", "web", "coverage", "export", "preview"):
        commands[name].add_argument(
            "--out", metavar="DIR", default="build", type=out_dir, help="output folder (default: build)"
        )
    commands["anki"].add_argument(
        "--release",
        action="store_true",
        help="mark every fact id published: from then on it is never renamed or "
        "dropped without 'retired:' (plain builds keep new ids drafts)",
    )
    commands["build"].add_argument("--no-pdf", action="store_true", help="skip PDF even when a browser is found")
    command_options.print_options(commands["print"])
    command_options.quiz_options(commands["quiz"])
    command_options.coverage_options(commands["coverage"])
    command_options.export_options(commands["export"])
    command_options.authoring_options(commands["new-article"], commands["find"])
    commands["preview"].add_argument(
        "fact_id", metavar="ID", help="a fact id (`quizgen find WORDS` or `quizgen list ids`)"
    )
    commands["preview"].add_argument(
        "--html",
        action="store_true",
        help="also write a page with the Anki cards and the study card rendered, <out>/preview/<ID>.html",
    )
    commands["preview"].add_argument("--open", action="store_true", help="write the page and open it in a browser")
    commands["stats"].add_argument("--db", metavar="FILE", help=DB_HELP)
    commands["stats"].add_argument("--card", metavar="ID", help="one card's history: every answer and its interval")
    filter_options(commands["stats"])
    commands["progress"].add_argument(
        "action",
        choices=("export", "import"),
        help="export: write FILE for the study page; import: merge FILE into the database",
    )
    commands["progress"].add_argument("file", metavar="FILE", help="a progress JSON file (the study page's format)")
    commands["progress"].add_argument("--db", metavar="FILE", help=DB_HELP)
    return parser


def main(argv: list[str] | None = None) -> int:
    signals.install()
    try:
        args = build_parser().parse_args(argv)
        module_name, function, _ = COMMANDS[args.command]
        handler = getattr(importlib.import_module(module_name), function)
        # every output of a command lands inside its --out (output.inside proves it per write)
        with confined(Path(args.out)) if getattr(args, "out", None) else nullcontext():
            code = handler(args) or 0
        signals.check()  # a SIGTERM whose exception was dropped on the way: still an interrupted run
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
        return 143 if isinstance(exc, signals.Terminated) else 130
    except BrokenPipeError:  # `quizgen check | head`: the reader is gone, so is the rest of the output
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())  # the final flush at exit must not fail again
        return 141
    except OSError as exc:  # what the system refused (a name too long, a full disk): one line, no traceback
        where = f"{shown(Path(exc.filename))}: " if exc.filename else ""
        print(f"quizgen: {printable(where + (exc.strerror or str(exc)))}", file=sys.stderr)
        return 1
