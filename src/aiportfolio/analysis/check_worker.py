"""A second process for ``aip check``: it imports what validating a use-case file takes
(pydantic and the models, ruamel.yaml, the rules: about 0.4 s) while the check reads its
store and the file signatures, then computes the records of the few files that changed.

After one file of a 10,000-entry register is edited, reading the store takes about as long
as those imports; on one core they run one after the other, on two side by side. The
worker is a ``fork`` of the command, started before the check imports anything heavy, so
it needs no interpreter start-up of its own; its output goes nowhere, it never writes a
file, and a worker that fails in any way (an exception, a crash, killed) only means the
check computes the records itself, exactly as it would have: the worker runs the same
function (``check_cache.compute_records``) on the same values.

Started only where that is safe and useful (``start``): Linux, at least two CPUs
available to the process, no other thread running (fork copies only the calling thread),
the check's cache on (``--cache``, the default) with a store already written. The check
closes it (kills it) as soon as it knows it does not need it: nothing changed, too many
files changed (``WORKER_BATCH``), no store for this context.

``AIP_CHECK_WORKER=0`` checks without a worker; ``AIP_CHECK_WORKER=1`` starts one even
with a single CPU (the tests do, to cover it on any machine).
"""

from __future__ import annotations

import contextlib
import marshal
import os
import signal
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any, NoReturn

ENV_SWITCH = "AIP_CHECK_WORKER"
"""``0``: never start a worker; ``1``: start one even with a single CPU; unset: when two
CPUs or more are available."""

_CHUNK = 1 << 16


class Worker:
    """The parent's handle on a started worker."""

    def __init__(self, pid: int, request: int, reply: int) -> None:
        self.pid = pid
        self._request = request
        self._reply = reply
        self.closed = False

    def records(
        self,
        root: str,
        lang: str | None,
        day: int,
        rules: tuple[tuple[str, str | None], ...],
        files: Sequence[tuple[str, bytes, bytes]],
    ) -> list[Any] | None:
        """What ``compute_records`` returns for these arguments, computed by the worker;
        ``None`` when it could not (the caller then computes them). Once only: the worker
        ends with its answer."""
        if self.closed:
            return None
        try:
            _write_all(self._request, marshal.dumps((root, lang, day, rules, list(files))))
            os.close(self._request)
            self._request = -1
            answer = marshal.loads(_read_all(self._reply))
        except (OSError, ValueError, EOFError, TypeError):
            return None
        finally:
            self.close()
        if isinstance(answer, tuple) and len(answer) == 2 and answer[0] == "ok":
            found = answer[1]
            return found if isinstance(found, list) else None
        return None

    def close(self) -> None:
        """End the worker (at once, whatever it is doing) and release what it held; safe
        to call more than once."""
        if self.closed:
            return
        self.closed = True
        with contextlib.suppress(OSError):  # already gone
            os.kill(self.pid, signal.SIGKILL)
        with contextlib.suppress(OSError):
            os.waitpid(self.pid, 0)
        for fd in (self._request, self._reply):
            if fd >= 0:
                with contextlib.suppress(OSError):
                    os.close(fd)


def start(register: Path | None) -> Worker | None:
    """A worker for the check of the register found from ``register`` (``--register``, as
    ``register_root`` finds it), or ``None`` when one is not worth starting or not safe."""
    switch = os.environ.get(ENV_SWITCH, "")
    if switch == "0" or not sys.platform.startswith("linux"):
        return None
    if switch != "1":
        try:
            if len(os.sched_getaffinity(0)) < 2:
                return None  # one core: the imports would only wait for the check
        except OSError:
            return None
    threading = sys.modules.get("threading")
    if threading is not None and threading.active_count() > 1:
        return None
    # The check imports its cache module anyway; imported before the fork, the worker
    # shares it instead of importing it again.
    from aiportfolio.analysis.check_cache import CACHE_DIR, CACHE_FILE
    from aiportfolio.register.root import find_register_root

    try:
        root = find_register_root(register)
    except (OSError, ValueError):
        return None
    if root is None or not (root / CACHE_DIR / CACHE_FILE).is_file():
        return None  # a first check: it validates every file itself
    request_read, request_write = os.pipe()
    reply_read, reply_write = os.pipe()
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(OSError, ValueError):
            stream.flush()
    try:
        pid = os.fork()
    except OSError:
        for fd in (request_read, request_write, reply_read, reply_write):
            os.close(fd)
        return None
    if pid == 0:
        _serve(request_read, reply_write, (request_write, reply_read))
    os.close(request_read)
    os.close(reply_write)
    return Worker(pid, request_write, reply_read)


def _serve(request: int, reply: int, unused: tuple[int, ...]) -> NoReturn:
    """The worker's life: import, wait for the request (none: the check did not need it),
    answer it, exit. Never returns to the command's code, never writes to its output."""
    code = 1
    try:
        signal.signal(signal.SIGINT, signal.SIG_DFL)  # Ctrl-C ends it quietly
        for fd in unused:
            os.close(fd)
        null = os.open(os.devnull, os.O_RDWR)
        for fd in (0, 1, 2):
            os.dup2(null, fd)
        import gc

        gc.disable()  # a short life: collections would only slow the imports down
        from aiportfolio.analysis.check_cache import compute_records, prepare_records

        prepare_records()
        asked = _read_all(request)
        if asked:
            try:
                answer = marshal.dumps(("ok", compute_records(*marshal.loads(asked))))
            except Exception:
                answer = marshal.dumps(("error",))
            _write_all(reply, answer)
        code = 0
    finally:
        os._exit(code)


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view) :]


def _read_all(fd: int) -> bytes:
    parts = []
    while chunk := os.read(fd, _CHUNK):
        parts.append(chunk)
    return b"".join(parts)
