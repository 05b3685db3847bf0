"""Reads a YAML file into plain values that remember their line numbers."""

from __future__ import annotations

from pathlib import Path

import yaml

from quizgen.errors import BankError


class LineDict(dict):
    """A mapping from YAML; `line` is where it starts, `lines[key]` where each key is."""

    line: int
    lines: dict


class LineList(list):
    """A sequence from YAML; `line` is where it starts, `lines[i]` where each item is."""

    line: int
    lines: list


def read_yaml(path: Path, shown: str):
    """Parse `path`; every problem becomes a BankError line `shown:LINE: message`."""
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise BankError([f"{shown}:1: cannot read file: {exc.strerror}"]) from None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise BankError([f"{shown}:{line}: not UTF-8 text (byte 0x{raw[exc.start]:02x})"]) from None
    if "\x00" in text:
        line = text[: text.index("\x00")].count("\n") + 1
        raise BankError([f"{shown}:{line}: binary file (NUL byte), not YAML"])
    try:
        node = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else 1
        problem = " ".join(str(exc.problem or exc.context or "invalid YAML").split())
        if "\\t" in problem or "'\\t'" in problem:
            problem = "tab character used for indentation (use spaces)"
        elif "mapping values are not allowed" in problem:
            problem += " (check the indentation, or quote a value that contains ': ')"
        raise BankError([f"{shown}:{line}: malformed YAML: {problem}"]) from None
    except yaml.YAMLError as exc:
        raise BankError([f"{shown}:1: malformed YAML: {' '.join(str(exc).split())}"]) from None
    if node is None:
        raise BankError([f"{shown}:1: file is empty"])
    problems: list[str] = []
    value = _convert(node, shown, problems)
    if problems:
        raise BankError(problems)
    return value


_constructor = yaml.constructor.SafeConstructor()


def _convert(node, shown: str, problems: list[str]):
    line = node.start_mark.line + 1
    if isinstance(node, yaml.MappingNode):
        result = LineDict()
        result.line, result.lines = line, {}
        for key_node, value_node in node.value:
            key = _convert(key_node, shown, problems)
            key_line = key_node.start_mark.line + 1
            if not isinstance(key, (str, int, float, bool)) or key is None:
                problems.append(f"{shown}:{key_line}: malformed YAML: mapping key must be a plain value")
                continue
            if key in result:
                problems.append(
                    f"{shown}:{key_line}: malformed YAML: duplicate key '{key}' "
                    f"(first at line {result.lines[key]})")
                continue
            result[key] = _convert(value_node, shown, problems)
            result.lines[key] = key_line
        return result
    if isinstance(node, yaml.SequenceNode):
        result = LineList(_convert(item, shown, problems) for item in node.value)
        result.line = line
        result.lines = [item.start_mark.line + 1 for item in node.value]
        return result
    try:
        return _constructor.construct_object(node, deep=True)
    except (yaml.YAMLError, ValueError, OverflowError) as exc:
        problems.append(f"{shown}:{line}: malformed YAML: {' '.join(str(exc).split())}")
        return None
