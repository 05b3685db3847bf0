"""Atomic output: files appear whole or not at all, inside the output folder, old ones kept on failure."""

from __future__ import annotations

import contextvars
import os
import shutil
import signal
import tempfile
import time
from contextlib import contextmanager
from pathlib import Path

from quizgen.errors import OutputError
from quizgen.files import open_regular
from quizgen.signals import check as check_signals

try:
    import fcntl
except ImportError:  # Windows
    fcntl = None  # type: ignore[assignment]


def _umask() -> int:
    """The process's umask, read when a file is written (not at import, and unchanged on Linux)."""
    try:  # Linux shows it without changing it
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("Umask:"):
                return int(line.split()[1], 8)
    except (OSError, ValueError, IndexError):
        pass
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


_ROOT: contextvars.ContextVar[Path | None] = contextvars.ContextVar("output_root", default=None)


@contextmanager
def confined(out_dir: Path):
    """Every output written in the block must land inside `out_dir` (the command's --out)."""
    token = _ROOT.set(Path(os.path.realpath(out_dir)))
    try:
        yield
    finally:
        _ROOT.reset(token)


def inside(path: Path, root: Path | None = None) -> Path:
    """`path`, once proved to resolve (links followed) inside `root`, else the confined --out.
    Every write goes through here: a name made from bank data ('../../x', '/abs') cannot escape."""
    root = Path(os.path.realpath(root)) if root is not None else _ROOT.get()
    if root is None:
        return path
    resolved = Path(os.path.realpath(path))
    if path.name in ("", ".", "..") or not resolved.is_relative_to(root):
        raise OutputError(f"{path}: outside the output folder {root}; refusing to write there")
    return path


def write_atomic(path: Path, data: bytes | str) -> Path:
    """Write via a temporary file in the same folder, then rename over `path`."""
    with pending(path, data):
        pass
    return path


@contextmanager
def pending(path: Path, data: bytes | str, root: Path | None = None):
    """Write `data` beside `path` now; it replaces `path` only when the block ends without error.

    The caller writes its other files inside the block: a folder that cannot take `path` then
    fails before they are written, and `path` never describes files that were not written.
    `root` is where `path` must be (default: the confined output folder).
    """
    tmp = _temporary(inside(path, root), data.encode("utf-8") if isinstance(data, str) else data)
    try:
        yield path
        check_signals()  # a SIGTERM whose exception was dropped: keep the old file
        try:
            os.replace(tmp, path)
        except OSError as exc:
            raise OutputError(f"{path}: cannot write: {exc.strerror or exc}") from None
    finally:  # Ctrl-C included: never leave a temporary file behind
        Path(tmp).unlink(missing_ok=True)


def _temporary(path: Path, payload: bytes) -> str:
    """A temporary file named `.<name>.<pid>-….tmp`: one left by a killed writer is swept here."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        sweep_temporaries(path.parent, f".{path.name}.")
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.{os.getpid()}-", suffix=".tmp", dir=path.parent)
    except OSError as exc:
        raise OutputError(f"{path}: cannot write: {exc.strerror or exc}") from None
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(payload)
        os.chmod(tmp, 0o666 & ~_umask())  # mkstemp makes 0600; outputs are ordinary files
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
        inside(out_dir / STAGING)
        out_dir.mkdir(parents=True, exist_ok=True)
        sweep_stale(out_dir, STAGING)
        stage = Path(tempfile.mkdtemp(prefix=f"{STAGING}{os.getpid()}-", dir=out_dir))
    except OSError as exc:
        raise OutputError(f"{out_dir}: cannot create output folder: {exc.strerror or exc}") from None
    try:
        yield stage
        with _signals_held():  # the stage is published whole, or (interrupted before) not at all
            check_signals()  # a SIGTERM whose exception was dropped: nothing moves
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
    """Put `new` where `target` is: the old folder moves aside whole, then the new one moves in.
    The caller holds Ctrl-C and SIGTERM: between the renames the set would be missing, and the
    stage's cleanup would delete the old one."""
    if target.is_dir() and not target.is_symlink():
        old = stage / f".old-{target.name}"
        os.rename(target, old)
        try:
            os.rename(new, target)
        except BaseException:
            os.rename(old, target)
            raise
    else:
        if target.is_file() or target.is_symlink():
            target.unlink()
        os.rename(new, target)


_HELD = tuple(getattr(signal, name) for name in ("SIGINT", "SIGTERM", "SIGHUP") if hasattr(signal, name))


@contextmanager
def _signals_held():
    """Delay SIGINT, SIGTERM and SIGHUP until the block is done (where the platform can)."""
    if not hasattr(signal, "pthread_sigmask"):
        yield
        return
    previous = signal.pthread_sigmask(signal.SIG_BLOCK, _HELD)
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, previous)  # a held signal is handled here


def sweep_stale(folder: Path, prefix: str) -> None:
    """Remove `<prefix><pid>-…` folders whose process has ended (killed builds leave them)."""
    for path in _left_by_dead(folder, prefix):
        if path.is_dir() and not path.is_symlink():
            shutil.rmtree(path, ignore_errors=True)


def sweep_temporaries(folder: Path, prefix: str) -> None:
    """Remove `<prefix><pid>-….tmp` files whose writer has ended (a SIGKILL mid-write leaves them)."""
    for path in _left_by_dead(folder, prefix):
        if path.name.endswith(".tmp") and path.is_file() and not path.is_symlink():
            path.unlink(missing_ok=True)


def _left_by_dead(folder: Path, prefix: str) -> list[Path]:
    try:
        leftovers = [path for path in folder.iterdir() if path.name.startswith(prefix)]
    except OSError:
        return []
    return [
        path
        for path in leftovers
        if not ((pid := path.name[len(prefix) :].split("-", 1)[0]).isdigit() and _running(int(pid)))
    ]


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


LOCK_FILE = ".quizgen-lock"


@contextmanager
def locked(out_dir: Path):
    """One writer per output folder: a second build waits for none, it
    stops with a clear message. The lock is opened without blocking and without following a link:
    a FIFO, device or link planted under its name is refused, never waited on or written through."""
    if fcntl is None:  # Windows: no advisory locks, builds are not serialised
        yield
        return
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise OutputError(f"{out_dir}: cannot create output folder: {exc.strerror or exc}") from None
    lock = out_dir / LOCK_FILE
    fd, problem = open_regular(lock, os.O_WRONLY | os.O_CREAT | getattr(os, "O_NOFOLLOW", 0), 0o666)
    if fd is None:
        raise OutputError(f"{lock}: {(problem or '').removeprefix('cannot read file: ')}; remove it and try again")
    with open(fd, "a") as handle:
        _exclusive(handle.fileno(), out_dir, 0.0)
        yield


@contextmanager
def folder_locked(folder: Path, patience: float):
    """One writer at a time in a folder of the bank (seeds/), locking the folder itself: no lock
    file appears among the bank's committed files. A second run waits up to `patience` seconds."""
    if fcntl is None:  # Windows: no advisory locks
        yield
        return
    try:
        fd = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0) | getattr(os, "O_CLOEXEC", 0))
    except OSError as exc:
        raise OutputError(f"{folder}: cannot open the folder: {exc.strerror or exc}") from None
    try:
        _exclusive(fd, folder, patience)
        yield
    finally:
        os.close(fd)


def _exclusive(fd: int, where: Path, patience: float) -> None:
    """Take an exclusive flock on `fd`, polling (Ctrl-C and SIGTERM still end the wait) for up to
    `patience` seconds, then one line."""
    if fcntl is None:  # Windows: the callers do not lock
        return
    deadline = time.monotonic() + patience
    while True:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            return
        except OSError:
            if time.monotonic() >= deadline:
                raise OutputError(
                    f"{where}: another quizgen run is writing here; try again when it has finished"
                ) from None
        time.sleep(0.05)
