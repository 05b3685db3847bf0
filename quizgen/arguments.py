"""The command line's grammar: one-line usage errors with a suggestion, list options, shared options."""

from __future__ import annotations

import argparse
import re

from quizgen.errors import UsageError
from quizgen.kinds import KINDS, STANCES
from quizgen.text import UNSAFE

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
    if "the following arguments are required" in message:  # `quizgen list`: say what it takes
        needed = [a for a in parser._actions if not a.option_strings and a.required and a.choices]
        return "".join(f" (one of: {', '.join(map(str, a.choices or ()))})" for a in needed)
    bare = {name.lstrip("-"): name for name in known + choices}  # '--bogus' is not close to '--out'
    for text in wrong:
        close = difflib.get_close_matches(text.lstrip("-"), list(bare), n=1, cutoff=0.7)
        if close and bare[close[0]] != text:
            return f"; did you mean {bare[close[0]]}?"
    if "unrecognized arguments" in message:
        return f" (`{parser.prog} --help` lists the options)"
    return ""


class Listed(argparse.Action):
    """A repeatable option that also takes comma lists: --source 3,4 --source 1."""

    def __call__(self, parser, namespace, values, option_string=None):
        found = list(getattr(namespace, self.dest, None) or [])
        if self.dest == "source":  # 'Cenuşa, IPN 2020' may be one label: resolve_sources splits what is not
            setattr(namespace, self.dest, [*found, str(values)])
            return
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


def bank_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--decks", metavar="DIR", help="deck folders (default: ./decks or the bundled bank)")
    parser.add_argument("--seeds", metavar="DIR", help="seed articles (default: ./seeds or the bundled ones)")
    parser.add_argument("--deck", metavar="NAME", help="which deck folder (default: the first)")


def filter_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--source",
        action=Listed,
        metavar="ID",
        help="only facts from this article: 003, 3 or its short name like fair-observer (repeatable, or 3,4)",
    )
    parser.add_argument(
        "--tag",
        action=Listed,
        metavar="TAG",
        help="only facts with this tag (repeatable, or a,b; `quizgen list tags` lists them)",
    )
    parser.add_argument(
        "--kind",
        action=Listed,
        metavar="KIND",
        help=f"only facts of this kind (repeatable, or a,b): {', '.join(KINDS)}. Filters combine: "
        f"a fact must match every option given (any of the values of each)",
    )


def out_dir(text: str) -> str:
    if not text.strip():
        raise argparse.ArgumentTypeError("empty folder name (it would write into the current folder)")
    return text


def paper(text: str) -> str:
    """'letter', 'LETTER', 'a4' are the papers everyone means."""
    return {"a4": "A4", "letter": "Letter"}.get(text.casefold(), text)
