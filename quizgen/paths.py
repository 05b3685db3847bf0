"""Where the bundled fact bank, seeds and templates live, and how paths are shown to users."""

from __future__ import annotations

import os
from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


def project_root() -> Path:
    """The source checkout (editable install) or the copy bundled inside the wheel."""
    checkout = _PACKAGE.parent
    if (checkout / "templates").is_dir() and (checkout / "pyproject.toml").is_file():
        return checkout
    return _PACKAGE / "_bundled"


def templates_dir() -> Path:
    return project_root() / "templates"


def default_decks_dir() -> Path:
    """`./decks` when the current directory has one, else the bundled bank."""
    local = Path("decks")
    return local if local.is_dir() else project_root() / "decks"


def default_seeds_dir() -> Path:
    local = Path("seeds")
    return local if local.is_dir() else project_root() / "seeds"


def shown(path: Path) -> str:
    """A path as the user should read it: relative to the current directory when inside it."""
    try:
        relative = Path(os.path.relpath(path)).as_posix()
    except ValueError:  # another drive on Windows
        return str(path)
    return str(path) if relative.startswith("..") else relative
