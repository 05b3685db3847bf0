"""Reads a YAML file into plain values that remember their line numbers.

Plain scalars stay the text that was written (`12:30`, `0x7D2`, `02002`, `yes`, `2002-05-28`):
YAML 1.1 would silently turn them into 750, 2002, 1026, True and a date. Only `null`/`~`/empty
mean "no value"; a value typed on purpose carries an explicit tag (`!!int 5`).
"""

from __future__ import annotations

import re
from pathlib import Path

import yaml

from quizgen.bank.yamlerrors import TABS, plain_problem
from quizgen.errors import BankError
from quizgen.files import decode_text, line_of, read_regular


class LineDict(dict):
    """A mapping from YAML; `line` is where it starts, `lines[key]` where each key is."""

    line: int
    lines: dict


class LineList(list):
    """A sequence from YAML; `line` is where it starts, `lines[i]` where each item is; `glued`
    the indices of items a bare comma split off the one before, digits on both sides (`[5,500 km]`
    is the two items '5' and '500 km': a thousands separator read as YAML's item separator)."""

    line: int
    lines: list
    glued: tuple[int, ...] = ()


MAX_YAML_BYTES = 2 * 1024 * 1024  # a hand-written fact file is tens of KB; 2 MB parse in about a second


def read_yaml(path: Path, shown: str, limit: int = MAX_YAML_BYTES):
    """Parse `path`; every problem becomes a BankError line `shown:LINE: message`."""
    text = decode_text(read_regular(path, shown, limit), shown)
    if "\x00" in text:
        line = line_of(text[: text.index("\x00")])
        raise BankError([f"{shown}:{line}: binary file (NUL byte), not YAML"])
    try:
        node = _compose(text)
    except RecursionError:  # the composer recurses once per nesting level
        raise BankError([f"{shown}:1: malformed YAML: nested too deeply"]) from None
    except yaml.MarkedYAMLError as exc:
        lines = text.split("\n")
        line, problem = plain_problem(exc, lines)
        if problem == TABS:  # the parser stops at the first; every indenting tab is one fix
            tabbed = [n for n, row in enumerate(lines, 1) if "\t" in row[: len(row) - len(row.lstrip())]]
            raise BankError([f"{shown}:{n}: malformed YAML: {TABS}" for n in tabbed or [line]]) from None
        raise BankError([f"{shown}:{line}: malformed YAML: {problem}"]) from None
    except yaml.YAMLError as exc:
        raise BankError([f"{shown}:1: malformed YAML: {' '.join(str(exc).split())}"]) from None
    if node is None:
        raise BankError([f"{shown}:1: file is empty"])
    problems: list[str] = []
    try:
        value = _Converter(shown, problems, limit=4 * len(text) + 1000, text=text).convert(node)
    except _TooLarge:
        raise BankError([f"{shown}:1: malformed YAML: aliases expand to too many values"]) from None
    except RecursionError:
        raise BankError([f"{shown}:1: malformed YAML: nested too deeply"]) from None
    if problems:
        raise BankError(problems)
    return value


def _text_only(loader):
    """`loader` with YAML 1.1's implicit typing removed, except null: plain scalars resolve to str."""
    if loader is None:
        return None
    nulls = {
        first: [(tag, regexp) for tag, regexp in resolvers if tag.endswith(":null")]
        for first, resolvers in loader.yaml_implicit_resolvers.items()
    }
    return type(f"Text{loader.__name__}", (loader,), {"yaml_implicit_resolvers": {k: v for k, v in nulls.items() if v}})


_FAST_LOADER = _text_only(getattr(yaml, "CSafeLoader", None))  # libyaml, when PyYAML has it
_SLOW_LOADER = _text_only(yaml.SafeLoader)
_MAX_FAST_DEPTH = 1000  # libyaml recurses in C and crashes on absurd nesting; PyYAML raises


def _compose(text: str):
    """Compose with libyaml (about 15x faster) when it is safe; PyYAML for exact error messages."""
    if _FAST_LOADER is not None and _nesting_bound(text) <= _MAX_FAST_DEPTH:
        try:
            return yaml.compose(text, Loader=_FAST_LOADER)
        except yaml.YAMLError:
            pass  # parse again in pure Python: its messages and marks are the ones users see
    return yaml.compose(text, Loader=_SLOW_LOADER)


def _nesting_bound(text: str) -> int:
    """An upper bound of the nesting depth: indentation plus structure characters per line,
    plus open flow brackets carried over from earlier lines."""
    bound = flow = 0
    for line in text.splitlines():
        stripped = line.lstrip(" ")
        structure = sum(stripped.count(c) for c in "-:?")
        flow += stripped.count("[") + stripped.count("{")
        bound = max(bound, len(line) - len(stripped) + structure + flow)
        flow = max(0, flow - stripped.count("]") - stripped.count("}"))
    return bound


class _TooLarge(Exception):
    """Aliases multiply the document beyond any hand-written bank (a "billion laughs" bomb)."""


_SURROGATE = re.compile(r"[\ud800-\udfff]")


class _Converter:
    """Turns composed nodes into Line* values; an alias is expanded, but never into itself."""

    def __init__(self, shown: str, problems: list[str], limit: int, text: str = ""):
        self.shown, self.problems, self.left = shown, problems, limit
        self.text_lines = text.split("\n")
        self.active: set[int] = set()
        # one per file: a constructor keeps every node it built, which must not outlive the file
        self.constructor = yaml.constructor.SafeConstructor()

    def convert(self, node):
        self.left -= 1
        if self.left < 0:
            raise _TooLarge
        line = node.start_mark.line + 1
        if id(node) in self.active:
            self.problems.append(f"{self.shown}:{line}: malformed YAML: recursive alias")
            return None
        if not isinstance(node, (yaml.MappingNode, yaml.SequenceNode)):
            return self._scalar(node, line)
        self.active.add(id(node))
        try:
            if isinstance(node, yaml.MappingNode):
                return self._mapping(node, line)
            return self._sequence(node, line)
        finally:
            self.active.discard(id(node))

    def _scalar(self, node, line: int):
        try:
            value = self.constructor.construct_object(node, deep=True)
        except yaml.YAMLError as exc:
            reason = getattr(exc, "problem", None) or str(exc)  # the problem without a source excerpt
            self.problems.append(f"{self.shown}:{line}: malformed YAML: {' '.join(reason.split())}")
            return None
        except Exception as exc:  # noqa: BLE001 - PyYAML raises KeyError, AttributeError... on bad tagged values
            tag = node.tag.replace("tag:yaml.org,2002:", "!!")
            detail = str(exc) if isinstance(exc, (ValueError, OverflowError)) else "not a valid value"
            self.problems.append(
                f"{self.shown}:{line}: malformed YAML: invalid {tag} value '{node.value}' ({' '.join(detail.split())})"
            )
            return None
        if isinstance(value, str) and _SURROGATE.search(value):
            self.problems.append(
                f"{self.shown}:{line}: malformed YAML: escape of a lone surrogate (\\ud800-\\udfff) is not text"
            )
            return None
        return value

    def _mapping(self, node, line: int) -> LineDict:
        result = LineDict()
        result.line, result.lines = line, {}
        for key_node, value_node in node.value:
            reported = len(self.problems)
            key = self.convert(key_node)
            key_line = key_node.start_mark.line + 1
            if len(self.problems) > reported:  # the key itself is broken; one message is enough
                continue
            if key == "<<" and key_node.style not in ("'", '"'):
                self.problems.append(
                    f"{self.shown}:{key_line}: malformed YAML: merge keys (<<) are not supported; repeat the fields"
                )
                continue
            if not isinstance(key, (str, int, float, bool)) or key is None:
                self.problems.append(f"{self.shown}:{key_line}: malformed YAML: mapping key must be a plain value")
                continue
            if key in result:
                self.problems.append(
                    f"{self.shown}:{key_line}: malformed YAML: duplicate key '{key}' "
                    f"(first at line {result.lines[key]})"
                )
                continue
            result[key] = self.convert(value_node)
            result.lines[key] = key_line
        return result

    def _sequence(self, node, line: int) -> LineList:
        result = LineList(self.convert(item) for item in node.value)
        result.line = line
        result.lines = [item.start_mark.line + 1 for item in node.value]
        if node.flow_style:
            result.glued = tuple(i for i in range(1, len(node.value)) if self._glued(node.value[i - 1], node.value[i]))
        return result

    def _glued(self, before, after) -> bool:
        """Two plain items of a flow list parted by a bare comma between a digit and three digits
        (by line and column: libyaml's and PyYAML's marks agree on those)."""
        if not all(isinstance(n, yaml.ScalarNode) and not n.style for n in (before, after)):
            return False
        end, start = before.end_mark, after.start_mark
        if end.line != start.line or start.column != end.column + 1 or end.line >= len(self.text_lines):
            return False
        line = self.text_lines[end.line]
        return (
            line[end.column : start.column] == ","
            and bool(re.match(r"[0-9]{3}(?![0-9])", after.value))
            and (before.value[-1:].isdigit())
        )
