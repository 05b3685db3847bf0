"""Atomic output: files appear whole or not at all, and a failed build keeps the old ones."""

from __future__ import annotations

import os
import shutil
import tempfile
from contextlib import contextmanager
from pathlib import Path

from quizgen.errors import OutputError

_UMASK = os.umask(0)
os.umask(_UMASK)


def write_atomic(path: Path, data: bytes | str) -> Path:
    """Write via a temporary file in the same folder, then rename over `path`."""
    with pending(path, data):
        pass
    return path


@contextmanager
def pending(path: Path, data: bytes | str):
    """Write `data` beside `path` now; it replaces `path` only when the block ends without error.

    The caller writes its other files inside the block: a folder that cannot take `path` then
    fails before they are written, and `path` never describes files that were not written.
    """
    tmp = _temporary(path, data.encode("utf-8") if isinstance(data, str) else data)
    try:
        yield path
        try:
            os.replace(tmp, path)
        except OSError as exc:
            raise OutputError(f"{path}: cannot write: {exc.strerror or exc}") from None
    finally:  # Ctrl-C included: never leave a temporary file behind
        Path(tmp).unlink(missing_ok=True)


def _temporary(path: Path, payload: bytes) -> str:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    except OSError as exc:
        raise OutputError(f"{path}: cannot write: {exc.strerror or exc}") from None
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(payload)
        os.chmod(tmp, 0o666 & ~_UMASK)  # mkstemp makes 0600; outputs are ordinary files
    except BaseException as exc:
        Path(tmp).unlink(missing_ok=True)
        if isinstance(exc, OSError):
            raise OutputError(f"{path}: cannot write: {exc.strerror or exc}") from None
        raise
    return tmp


STAGING = ".staging-"  # + the writer's pid: a folder whose writer is gone is swept by the next run


@contextmanager
def staged(out_dir: Path):
    """Yield a staging folder; on success its files replace those in `out_dir`, else nothing moves.

    A folder in the stage (a worksheet set) replaces the folder of that name whole, so a set
    never mixes files of two builds; a file replaces its namesake.
    """
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
        sweep_stale(out_dir, STAGING)
        stage = Path(tempfile.mkdtemp(prefix=f"{STAGING}{os.getpid()}-", dir=out_dir))
    except OSError as exc:
        raise OutputError(f"{out_dir}: cannot create output folder: {exc.strerror or exc}") from None
    try:
        yield stage
        for item in sorted(stage.iterdir()):
            target = out_dir / item.name
            try:
                if item.is_dir():
                    _swap_folder(item, target, stage)
                else:
                    os.replace(item, target)
            except OSError as exc:
                raise OutputError(f"{target}: cannot write: {exc.strerror or exc}") from None
    finally:
        shutil.rmtree(stage, ignore_errors=True)


def _swap_folder(new: Path, target: Path, stage: Path) -> None:
    """Put `new` where `target` is: the old folder moves aside whole, then the new one moves in."""
    if target.is_dir() and not target.is_symlink():
        old = stage / f".old-{target.name}"
        os.rename(target, old)
        try:
            os.rename(new, target)
        except OSError:
            os.rename(old, target)
            raise
    else:
        if target.is_file() or target.is_symlink():
            target.unlink()
        os.rename(new, target)


def sweep_stale(folder: Path, prefix: str) -> None:
    """Remove `<prefix><pid>-…` folders whose process has ended (killed builds leave them)."""
    try:
        leftovers = [path for path in folder.iterdir() if path.name.startswith(prefix)]
    except OSError:
        return
    for path in leftovers:
        pid = path.name[len(prefix):].split("-", 1)[0]
        if not (pid.isdigit() and _running(int(pid))):
            shutil.rmtree(path, ignore_errors=True)


def _running(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OSError):
        return True
    return True


@contextmanager
def locked(out_dir: Path):
    """One writer per output folder: a second build waits for none, it stops with a clear message."""
    try:
        import fcntl
    except ImportError:  # Windows: no advisory locks, builds are not serialised
        yield
        return
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
        handle = open(out_dir / ".quizgen-lock", "a")  # noqa: SIM115 - held for the whole block
    except OSError as exc:
        raise OutputError(f"{out_dir}: cannot create output folder: {exc.strerror or exc}") from None
    with handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            raise OutputError(f"{out_dir}: another quizgen run is writing here; try again when it "
                              f"has finished") from None
        yield
