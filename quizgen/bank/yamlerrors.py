"""PyYAML's parser errors as one plain line a curator can act on: the line to look at and what to do."""

from __future__ import annotations

import re

import yaml

TABS = "tab character used for indentation (use spaces)"
UNCLOSED = "a quotation mark opened on this line is not closed on it: close it"
CHECK_INDENT = "check the indentation, or quote a value that contains ': '"


def _indent(line: str) -> int:
    """The column a line's field starts at: '  - id: x' starts its field at 4, like the fields under it."""
    stripped = line.lstrip(" ")
    return len(line) - len(stripped) + (2 if stripped.startswith("- ") else 0)


def _above(lines: list[str], number: int) -> str | None:
    """The nearest line above line `number` (1-based) that holds YAML, not a blank or a comment."""
    for line in reversed(lines[: number - 1]):
        if line.strip() and not line.lstrip().startswith("#"):
            return line
    return None


def _misindented(lines: list[str], number: int) -> str:
    here = lines[number - 1] if number - 1 < len(lines) else ""
    above = _above(lines, number)
    if above is not None and above.rstrip().endswith(": []") and here.lstrip().startswith("- "):
        name = above.split(":")[0].strip()
        return f"the line above says '{name}: []', an empty list: write '{name}:' alone above its items"
    if above is None or _indent(above) == _indent(here):
        return "this line does not fit the lines above it: check its indentation and any '-' before it"
    return (
        f"this line is indented {_spaces(here)}, the line above it {_spaces(above, short=True)}: "
        "the fields of one fact start in the same column (a new fact starts with '- ')"
    )


def _spaces(line: str, short: bool = False) -> str:
    """'3 spaces', or '2 spaces and "- "' for a line that starts a list item."""
    stripped = line.lstrip(" ")
    count = len(line) - len(stripped)
    return f"{count}{'' if short else ' spaces'}" + (" and '- '" if stripped.startswith("- ") else "")


_VALUE_START = re.compile(r"(?:^|[:\-\[{,])\s*$")  # what precedes a '"' that opens a quoted value


def _quote_run_on(lines: list[str], line: int) -> int | None:
    """The line a double-quoted value opened on when it runs on over lines to (or past) line `line`,
    where the parser failed: PyYAML names the line of the next quotation mark, not the one left open."""
    opened, spanned = None, None
    for number, text in enumerate(lines[:line], 1):
        escaped = False
        for column, char in enumerate(text):
            if opened is not None:  # inside a quoted value: a backslash escapes the next character
                if char == '"' and not escaped:
                    spanned = (opened, number) if opened < number else spanned
                    opened = None
                escaped = char == "\\" and not escaped
            elif char == "#" and (column == 0 or text[column - 1] == " "):
                break  # a comment
            elif char == '"' and _VALUE_START.search(text[:column]):
                opened = number
    if opened is not None and opened < line:
        return opened
    return spanned[0] if spanned and spanned[1] == line else None


def plain_problem(exc: yaml.MarkedYAMLError, lines: list[str]) -> tuple[int, str]:
    """(line, message) for a parser error: PyYAML's wording translated for the common mistakes."""
    problem = " ".join(str(exc.problem or exc.context or "invalid YAML").split())
    context = " ".join(str(exc.context or "").split())
    mark = exc.problem_mark or exc.context_mark
    line = mark.line + 1 if mark else 1
    run_on = _quote_run_on(lines, line)
    if run_on is not None and "\\t" not in problem and "'\\t'" not in problem:
        return run_on, UNCLOSED
    opened = exc.context_mark.line + 1 if exc.context_mark else line  # where a quote, key or list began
    if "\\t" in problem or "'\\t'" in problem:
        return line, TABS
    if "mapping values are not allowed" in problem:
        here, above = lines[line - 1] if line <= len(lines) else "", _above(lines, line)
        if above is not None and _indent(here) != _indent(above) and re.match(r"\s*[\w-]+: ", here):
            return line, _misindented(lines, line)  # a field indented deeper reads as the value above
        return line, f"this line has a ': ' where no field can start: {CHECK_INDENT} (note: \"a: b\")"
    if re.search(r"found '<block (mapping|sequence) start>'", problem):
        return line, _misindented(lines, line)
    if "found '<scalar>'" in problem:
        start = next((n for n in range(line - 1, 0, -1) if lines[n - 1].strip()), None)
        if start is not None and lines[start - 1].count('"') % 2:  # the quote that ran on to this line
            return start, UNCLOSED
        return line, "text follows a quoted value: put the whole value in quotes, or none of it"
    if context == "while scanning a quoted scalar":
        return opened, UNCLOSED
    if "could not find expected ':'" in problem:
        return opened, "this line is not 'field: value' (a colon is missing), or a value runs over lines unquoted"
    if context in ("while parsing a flow sequence", "while parsing a flow mapping"):
        pair = "[]" if "sequence" in context else "{}"
        return opened, f"a '{pair[0]}' opened on this line is not closed with '{pair[1]}' (or a comma is missing)"
    found = re.search(r"found character '(.)' that cannot start any token", problem)
    if found:
        return line, f"a value cannot start with '{found.group(1)}': put the value in quotes"
    if "found undefined alias" in problem:
        return line, "a value cannot start with '*': put the value in quotes"
    if "found '-'" in problem:
        return line, _misindented(lines, line)
    if re.search(r"expected <block end>, but found '[\]}]'", problem):
        return line, f"this line does not fit the lines above it: {CHECK_INDENT}, and match every bracket"
    return line, problem
